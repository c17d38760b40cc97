/** Opening the workbook a command works on. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Runtime } from '../runtime';
import { LocalSpreadsheet } from '../runtime/spreadsheet';
import { type Bundle, loadBundle } from '../vm';
import { loadWorkbook } from '../xlsx';
import { parseNow, UsageError } from './args';
import type { CliIo } from './io';

/** Loads --workbook, or a new spreadsheet with one sheet "Trang tính1" when none is given. */
export async function openWorkbook(
  path: string | undefined,
  options: { mustExist: boolean },
): Promise<LocalSpreadsheet> {
  if (path === undefined) return LocalSpreadsheet.create();
  if (!existsSync(path)) {
    if (options.mustExist) throw new UsageError(`Workbook not found: ${path}`);
    return LocalSpreadsheet.create();
  }
  try {
    return await loadWorkbook(path);
  } catch (e) {
    // ExcelJS's own words ("Can't find end of central directory") name neither the file nor the fix.
    throw new Error(
      `Cannot open the workbook ${resolve(path)}: it is not an .xlsx file, or it is damaged ` +
        `(${(e as Error).message}). For the samples, npm run samples writes them again (edits in them are lost).`,
    );
  }
}

/** The runtime a command runs the bundle on: the workbook, the clock (--now), logs to stderr, the bundle (--code). */
export function commandRuntime(
  spreadsheet: LocalSpreadsheet,
  options: { now?: string; code?: string },
  io: CliIo,
  projectDir: string,
): { runtime: Runtime; bundle: Bundle } {
  const runtime = new Runtime({
    spreadsheet,
    now: parseNow(options.now),
    projectDir,
    onLog: (e) => io.stderr(`[${e.level}] ${e.message}\n`),
  });
  return { runtime, bundle: loadBundle({ runtime, codePath: options.code }) };
}

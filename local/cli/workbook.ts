/** Opening the workbook a command works on. */
import { existsSync } from 'node:fs';
import { LocalSpreadsheet } from '../runtime/spreadsheet';
import { loadWorkbook } from '../xlsx';
import { UsageError } from './args';

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
  return loadWorkbook(path);
}

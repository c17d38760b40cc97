/**
 * dtts run <function> [JSON args…] [--workbook FILE.xlsx] [--save OUT.xlsx] [--docs DIR] [--now ISO] [--json]
 * Runs one top-level function of build/Code.js against the workbook.
 */
import { mkdirSync } from 'node:fs';
import { inspect } from 'node:util';
import { exportDocuments } from '../export-documents';
import type { CellCounts } from '../runtime/access';
import type { CallCounts } from '../runtime/calls';
import { saveWorkbook } from '../xlsx';
import { parseArgs, parseJsonArg, UsageError } from './args';
import type { CliIo } from './io';
import { commandRuntime, openWorkbook } from './workbook';

export const RUN_USAGE =
  'Usage: dtts run <function> [JSON args…] [--workbook FILE.xlsx] [--save OUT.xlsx] [--docs DIR] [--now ISO-8601] [--json] [--code Code.js]';

/** What `run --json` prints. */
export interface RunJson {
  result: unknown;
  calls: CallCounts;
  /** Cells read and written by the counted calls. */
  cells: CellCounts;
  ms: number;
}

/** Runs the command; resolves to the exit code. */
export async function runCommand(argv: readonly string[], io: CliIo, projectDir: string): Promise<number> {
  const args = parseArgs(argv, { valued: ['workbook', 'save', 'docs', 'now', 'code'], flags: ['json'] });
  const [fn, ...rest] = args.positionals;
  if (!fn) throw new UsageError(RUN_USAGE);
  const json = args.flags.has('json');
  const spreadsheet = await openWorkbook(args.options.workbook, { mustExist: true });
  const { runtime, bundle } = commandRuntime(spreadsheet, args.options, io, projectDir);
  const start = performance.now();
  const result = bundle.call(fn, ...rest.map(parseJsonArg));
  const ms = Math.round((performance.now() - start) * 100) / 100;
  if (args.options.save) await saveWorkbook(runtime.spreadsheet, args.options.save);
  if (args.options.docs) {
    mkdirSync(args.options.docs, { recursive: true });
    await exportDocuments(runtime, args.options.docs);
  }
  const calls = runtime.calls;
  if (json) {
    const out: RunJson = { result: result === undefined ? null : result, calls, cells: runtime.cells, ms };
    io.stdout(`${JSON.stringify(out)}\n`);
  } else {
    if (result !== undefined) io.stdout(`${inspect(result, { depth: 8, colors: io.isTTY, maxArrayLength: 200 })}\n`);
    io.stdout(`${calls.total} service calls, ${ms} ms${args.options.save ? `, saved ${args.options.save}` : ''}\n`);
  }
  return 0;
}

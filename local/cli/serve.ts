/**
 * dtts serve [--workbook FILE] [--port N] [--host ADDRESS] [--now ISO] [--code Code.js]
 * Starts the local playground: the add-in's menu, the workbook's sheets and the sidebar. It runs in
 * the foreground until SIGINT (Ctrl-C) or SIGTERM, which close the server and end the process.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startPlayground } from '../playground/server';
import { AuthMode } from '../runtime/auth';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { commandRuntime, openWorkbook } from './workbook';

export const SERVE_USAGE =
  'Usage: dtts serve [--workbook FILE.xlsx] [--port N (default 8080, 0: any free port)] [--host 127.0.0.1|localhost|::1] [--now ISO-8601] [--code Code.js]';

/**
 * --port: decimal digits only, 0 to 65535 ("" or "0x1F90" or "1e3" are mistakes, not port 0 or 8080).
 * Absent: 8080.
 */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return 8080;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(`--port must be a port number from 0 to 65535 (0: any free port), not "${text}"`);
  return port;
}

/** Starts the server; resolves once it listens (the process then keeps running). */
export async function serveCommand(argv: readonly string[], io: CliIo, projectDir: string): Promise<null> {
  const args = parseArgs(argv, { valued: ['workbook', 'port', 'now', 'host', 'code'], flags: [] });
  if (args.positionals.length > 0) throw new UsageError(SERVE_USAGE);
  const port = parsePort(args.options.port);
  const workbookPath = args.options.workbook;
  const spreadsheet = await openWorkbook(workbookPath, { mustExist: false });
  if (workbookPath === undefined) io.stderr('No --workbook: starting from an empty spreadsheet.\n');
  // A mistyped path must not look like an emptied workbook: say so, and where "Lưu" will write.
  else if (!existsSync(workbookPath))
    io.stderr(
      `No workbook at ${resolve(workbookPath)}: starting from an empty spreadsheet; "Lưu" creates that file.\n`,
    );
  const { runtime, bundle } = commandRuntime(spreadsheet, args.options, io, projectDir);
  if (bundle.functions.includes('onOpen')) {
    try {
      bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    } catch (e) {
      io.stderr(`onOpen failed: ${(e as Error).message}\n`);
    }
  }
  const playground = await startPlayground({
    runtime,
    bundle,
    savePath: workbookPath ?? join(projectDir, 'out', 'playground.xlsx'),
    port,
    host: args.options.host ?? '127.0.0.1',
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`Playground: ${playground.url}\n`);
  let stopping = false;
  const stop = () => {
    // A second signal while closing ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    void playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return null;
}

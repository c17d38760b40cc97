/**
 * dtts serve [--workbook FILE] [--port N] [--host ADDRESS] [--now ISO] [--code Code.js]
 * Starts the local playground: the add-in's menu, the workbook's sheets and the sidebar. It runs in
 * the foreground until SIGINT (Ctrl-C) or SIGTERM, which close the server and end the process.
 */
import { join } from 'node:path';
import { startPlayground } from '../playground/server';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './io';
import { commandRuntime, openWorkbook } from './workbook';

export const SERVE_USAGE =
  'Usage: dtts serve [--workbook FILE.xlsx] [--port N (default 8080, 0: any free port)] [--host 127.0.0.1|localhost|::1] [--now ISO-8601] [--code Code.js]';

/** Starts the server; resolves once it listens (the process then keeps running). */
export async function serveCommand(argv: readonly string[], io: CliIo, projectDir: string): Promise<null> {
  const args = parseArgs(argv, { valued: ['workbook', 'port', 'now', 'host', 'code'], flags: [] });
  if (args.positionals.length > 0) throw new UsageError(SERVE_USAGE);
  const port = args.options.port === undefined ? 8080 : Number(args.options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number`);
  const workbookPath = args.options.workbook;
  const spreadsheet = await openWorkbook(workbookPath, { mustExist: false });
  if (workbookPath === undefined) io.stderr('No --workbook: starting from an empty spreadsheet.\n');
  const { runtime, bundle } = commandRuntime(spreadsheet, args.options, io, projectDir);
  if (bundle.functions.includes('onOpen')) {
    try {
      bundle.call('onOpen', { authMode: 'LIMITED' });
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

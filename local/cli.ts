/**
 * dtts: the local Apps Script runtime's command line (bundled to dist/local/cli.cjs; run through
 * local/bin/dtts.cjs). Commands live in local/cli/; add new ones to COMMANDS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './cli/args';
import { BENCH_USAGE, benchCommand } from './cli/bench';
import { type CliIo, processIo } from './cli/io';
import { RUN_USAGE, runCommand } from './cli/run';
import { SAMPLES_USAGE, samplesCommand } from './cli/samples';
import { SERVE_USAGE, serveCommand } from './cli/serve';
import { findProjectDir } from './runtime';
import { DEFAULT_TIME_ZONE } from './runtime/timezone';

/** A command: resolves to an exit code, or null when it keeps running (a server). */
export type Command = (argv: readonly string[], io: CliIo, projectDir: string) => Promise<number | null>;

/** The commands dtts knows. */
export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  run: { run: runCommand, usage: RUN_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  samples: { run: samplesCommand, usage: SAMPLES_USAGE },
  bench: { run: benchCommand, usage: BENCH_USAGE },
};

function usage(): string {
  return `dtts — run the add-in's Apps Script bundle locally\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
}

/**
 * Makes the process's local time zone the script's (appsscript.json), as Apps Script runs the
 * bundle's `new Date(y, m, d)` and `getHours()` in the script time zone.
 */
function useScriptTimeZone(projectDir: string): void {
  try {
    const manifest = JSON.parse(readFileSync(join(projectDir, 'appsscript.json'), 'utf8')) as { timeZone?: string };
    process.env.TZ = manifest.timeZone ?? DEFAULT_TIME_ZONE;
  } catch {
    process.env.TZ = DEFAULT_TIME_ZONE;
  }
}

/** True when the arguments ask for help (--help or -h before any "--"). */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Options of main. */
export interface MainOptions {
  /**
   * Set the process's time zone (TZ) to the script's, as Apps Script runs the bundle in it. The
   * bin shim does; tests calling main in-process leave their process alone.
   */
  useScriptTimeZone?: boolean;
}

/** Runs dtts with arguments (without "node" and the script); resolves to the exit code, or null while serving. */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo,
  options: MainOptions = {},
): Promise<number | null> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    io.stdout(topic ? `${topic.usage}\n` : usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${usage()}`);
    return 1;
  }
  if (wantsHelp(rest)) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  const projectDir = findProjectDir(__dirname);
  if (options.useScriptTimeZone) useScriptTimeZone(projectDir);
  try {
    return await command.run(rest, io, projectDir);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`${message}\n`);
    if (e instanceof UsageError) io.stderr(`${command.usage}\n`);
    return 1;
  }
}

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

/** The commands dtts knows; `about` says what a command does, in Vietnamese then in English. */
export const COMMANDS: Record<string, { run: Command; usage: string; about: readonly [vi: string, en: string] }> = {
  run: {
    run: runCommand,
    usage: RUN_USAGE,
    about: [
      'Chạy một hàm của tiện ích (build/Code.js) trên bảng tính cục bộ, in kết quả và số lệnh gọi dịch vụ.',
      'Runs one function of the add-in (build/Code.js) on a local workbook; prints its result and service calls.',
    ],
  },
  serve: {
    run: serveCommand,
    usage: SERVE_USAGE,
    about: [
      'Mở playground: bảng tính, menu và bảng điều khiển của tiện ích trong trình duyệt, tại http://127.0.0.1:8080.',
      "Opens the playground: the workbook, the add-in's menu and sidebar in a browser, at http://127.0.0.1:8080.",
    ],
  },
  samples: {
    run: samplesCommand,
    usage: SAMPLES_USAGE,
    about: [
      'Ghi các bảng tính mẫu (.xlsx) vào thư mục samples/ (hoặc --out).',
      'Writes the sample workbooks (.xlsx) into samples/ (or --out).',
    ],
  },
  bench: {
    run: benchCommand,
    usage: BENCH_USAGE,
    about: [
      'Đo số lệnh gọi, số ô và thời gian của các thao tác trên bảng tính tổng hợp nhiều cỡ.',
      'Measures calls, cells and time of the operations on synthetic workbooks of several sizes.',
    ],
  },
};

/** A command's help: its usage line, then what it does in Vietnamese and in English. */
export function commandHelp(name: string): string {
  const command = COMMANDS[name];
  if (!command) return '';
  return `${command.usage}\n\n  ${command.about[0]}\n  ${command.about[1]}\n`;
}

function usage(): string {
  return `dtts — chạy tiện ích (Apps Script) trên máy / run the add-in's Apps Script bundle locally\n\n${Object.values(
    COMMANDS,
  )
    .map((c) => `  ${c.usage}\n      ${c.about[0]}\n      ${c.about[1]}`)
    .join('\n')}\n\n  dtts <lệnh|command> --help: cách dùng một lệnh / a command's usage\n`;
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
    const topic = name === 'help' && rest[0] && COMMANDS[rest[0]] ? rest[0] : undefined;
    io.stdout(topic ? commandHelp(topic) : usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${usage()}`);
    return 1;
  }
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(name));
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

#!/usr/bin/env node
// `npm start`: builds, writes the sample workbooks that are missing (an existing one is kept, so
// "Lưu" never loses an edit), then serves the playground on the Lạng Sơn sample, all in this one
// process: Ctrl-C, or SIGTERM to npm or to this process, stops everything (no server left behind).
//   npm start -- --port 8081           another port (--port 0: any free port; default 8080)
//   npm start -- --workbook F.xlsx     another workbook
//   npm start -- --help                every option (those of `dtts serve`)
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..', '..');

/** The parent pid of `pid` (Linux /proc, else ps), or null when unknown or gone. */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    if (existsSync('/proc/self/stat')) return null;
  }
  const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
  const ppid = Number(ps.stdout?.trim());
  return ps.status === 0 && ppid > 0 ? ppid : null;
}
/** The sample's clock: the day its data describes. */
const NOW = '2024-01-14T09:00:00+07:00';

/**
 * npm runs the script in the project's root, but a relative --workbook / --code was typed relative to
 * the developer's directory (INIT_CWD, which npm sets): make those paths absolute from there.
 */
function resolvePaths(args, cwd) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const m = /^--(workbook|code)(?:=(.*))?$/.exec(arg);
    if (!m) out.push(arg);
    else if (m[2] !== undefined) out.push(m[2] ? `--${m[1]}=${resolve(cwd, m[2])}` : arg);
    else if (i + 1 < args.length) {
      const value = args[++i];
      out.push(arg, value ? resolve(cwd, value) : value);
    } else out.push(arg);
  }
  return out;
}

async function start(given) {
  const args = resolvePaths(given, process.env.INIT_CWD || process.cwd());
  // The build is a child that ends before the server starts; the server runs in this process.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  const { main } = require(join(root, 'dist', 'local', 'cli.cjs'));
  const options = { useScriptTimeZone: true };
  if (args.includes('--help') || args.includes('-h')) return main(['serve', '--help'], undefined, options);
  const samples = await main(['samples'], undefined, options);
  if (samples !== 0) return samples;
  const workbook = join(root, 'samples', 'lang-son.xlsx');
  // Later options win, so the user's --workbook / --now / --port replace these defaults.
  return main(['serve', '--workbook', workbook, '--now', NOW, ...args], undefined, options);
}

// npm runs this script under `sh -c` and passes a SIGTERM to that shell, which dies without passing
// it on: when the shell goes away, stop as for a SIGTERM (the server closes, the process ends).
// npm itself may also die alone (SIGHUP or SIGKILL to its pid, an IDE stopping the task), leaving the
// shell and this server behind on the port: so, when npm runs us, stop as well once the shell's
// parent is no longer the npm that started it.
const parent = process.ppid;
const npm = process.env.npm_lifecycle_event ? parentOf(parent) : null;
const onProc = existsSync('/proc/self/stat');
let ticks = 0;
setInterval(() => {
  if (process.ppid !== parent) return process.kill(process.pid, 'SIGTERM');
  // /proc is cheap to read; elsewhere `ps` runs once every 2 s.
  if (npm !== null && (onProc || ++ticks % 8 === 0) && parentOf(parent) !== npm) process.kill(process.pid, 'SIGTERM');
}, 250).unref();

start(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error?.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);

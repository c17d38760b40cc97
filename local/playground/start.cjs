#!/usr/bin/env node
// `npm start`: builds, writes the sample workbooks that are missing (an existing one is kept, so
// "Lưu" never loses an edit), then serves the playground on the Lạng Sơn sample, all in this one
// process: Ctrl-C, or SIGTERM to npm or to this process, stops everything (no server left behind).
//   npm start -- --port 8081           another port (--port 0: any free port; default 8080)
//   npm start -- --workbook F.xlsx     another workbook
//   npm start -- --help                every option (those of `dtts serve`)
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
/** The sample's clock: the day its data describes. */
const NOW = '2024-01-14T09:00:00+07:00';

async function start(args) {
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
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
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

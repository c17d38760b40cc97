#!/usr/bin/env node
// dtts: runs the local Apps Script runtime CLI (dist/local/cli.cjs), building it first if it is missing.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'local', 'cli.cjs');

if (!existsSync(cli)) {
  // Build output goes to stderr so `dtts run --json` keeps stdout to one JSON object.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('dtts: the build failed; run `npm run build` to see why.\n');
    process.exit(1);
  }
}

require(cli)
  .main(process.argv.slice(2), undefined, { useScriptTimeZone: true })
  .then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error?.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );

// Finds the Chromium-family browser the browser tests drive, the way developers have one:
//   1. an executable named by DTTS_BROWSER or CHROME_PATH (DTTS_CHROMIUM, the old name, still works), a path
//      or a bare program name looked up on PATH;
//      a variable that names no executable finds nothing (it is never silently replaced by another browser);
//   2. chromium / google-chrome / microsoft-edge on PATH;
//   3. the usual install locations on Linux, macOS and Windows;
//   4. the Chromium that `npx playwright-core install chromium` downloads.
//   In 2-4 a snap Chromium comes after every other browser, and Ubuntu's script that only asks to
//   install the snap (/usr/bin/chromium-browser without it) is not a browser.
// Plain CommonJS so jest.config.cjs can use it (to skip the browser tests when there is none) as well
// as test/browser/harness.ts (to launch it).
'use strict';
const { accessSync, constants, readFileSync, realpathSync, statSync } = require('node:fs');
const path = require('node:path');

/** Variables that name the browser, first set wins. */
const BROWSER_VARIABLES = ['DTTS_BROWSER', 'CHROME_PATH', 'DTTS_CHROMIUM'];
/** Set to 1 (CI does) to make a missing browser a failure instead of a skip. */
const REQUIRE_VARIABLE = 'DTTS_REQUIRE_BROWSER';

/** Executable names looked up on PATH. */
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

/**
 * Where a browser usually is on `platform`, in order of preference.
 * @param {string} platform process.platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
function browserCandidates(platform, env) {
  const out = [];
  if (platform === 'win32') {
    const bases = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter(Boolean);
    for (const exe of [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ])
      for (const base of bases) out.push(path.win32.join(base, exe));
    for (const dir of (env.PATH ?? env.Path ?? '').split(';').filter(Boolean))
      for (const exe of ['chrome.exe', 'msedge.exe', 'chromium.exe']) out.push(path.win32.join(dir, exe));
  } else {
    for (const dir of (env.PATH ?? '').split(':').filter(Boolean))
      for (const name of PATH_NAMES) out.push(path.posix.join(dir, name));
    if (platform === 'darwin') {
      const apps = [
        'Google Chrome.app/Contents/MacOS/Google Chrome',
        'Chromium.app/Contents/MacOS/Chromium',
        'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
      ];
      const roots = ['/Applications', env.HOME ? path.posix.join(env.HOME, 'Applications') : null].filter(Boolean);
      for (const app of apps) for (const root of roots) out.push(path.posix.join(root, app));
    } else {
      out.push(
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/lib/chromium/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
        '/usr/bin/microsoft-edge',
        '/opt/microsoft/msedge/msedge',
      );
    }
  }
  try {
    out.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core absent or without a download location: nothing to add
  }
  return [...new Set(out)];
}

/**
 * True when `file` is a file this process may execute.
 * @param {string} file
 */
function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * 'snap' for a browser run by snap (under /snap/), 'wrapper' for a script that only hands over to the
 * snap (Ubuntu's chromium-browser deb), null otherwise.
 * @param {string} file
 */
function snapKind(file) {
  try {
    if (file.startsWith('/snap/') || realpathSync(file).startsWith('/snap/')) return 'snap';
    if (statSync(file).size > 64 * 1024) return null; // a browser binary, not a script
    const head = readFileSync(file, 'utf8');
    return head.startsWith('#!') && /\/snap\/bin\/|snap install/.test(head) ? 'wrapper' : null;
  } catch {
    return null;
  }
}

/** True for a program name without any directory ("chromium", "chrome.exe"). */
function isBareName(file) {
  return !/[\\/]/.test(file);
}

/**
 * `name` in each PATH directory, in order.
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function pathEntries(platform, env, name) {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const list = platform === 'win32' ? (env.PATH ?? env.Path ?? '') : (env.PATH ?? '');
  return list
    .split(platform === 'win32' ? ';' : ':')
    .filter(Boolean)
    .map((dir) => p.join(dir, name));
}

/**
 * Why `file` cannot be run, for the skip line: missing (or a broken link), a folder, or not executable.
 * @param {string} file
 */
function whyNotExecutable(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    if (/^[A-Za-z]:\\/.test(file) && process.platform !== 'win32') return ' (a Windows path, on this machine)';
    return ' (no such file, or a broken link)';
  }
  if (stat.isDirectory()) return ' (it is a folder; name the program inside it)';
  return ' (not executable: chmod +x it, or name the browser program)';
}

/**
 * The browser to drive, or why there is none.
 * @param {{ env?: Record<string, string | undefined>, platform?: string, candidates?: string[], isExecutable?: (file: string) => boolean }} [options]
 *   `candidates` replaces the usual locations (tests pass [] to simulate a machine without a browser).
 * @returns {{ path: string, from: string } | { path: null, reason: string }}
 */
function findBrowser(options = {}) {
  const env = options.env ?? process.env;
  const check = options.isExecutable ?? isExecutable;
  const named = BROWSER_VARIABLES.find((name) => env[name]);
  if (named) {
    const file = /** @type {string} */ (env[named]);
    // A bare name (DTTS_BROWSER=chromium) is looked up on PATH only, as a shell would.
    if (isBareName(file)) {
      const onPath = pathEntries(options.platform ?? process.platform, env, file).find(check);
      return onPath
        ? { path: onPath, from: `${named} on PATH` }
        : { path: null, reason: `${named}=${file} is not an executable file (no program of that name on PATH)` };
    }
    if (check(file)) return { path: file, from: named };
    const why = options.isExecutable ? '' : whyNotExecutable(file);
    return { path: null, reason: `${named}=${file} is not an executable file${why}` };
  }
  const candidates = options.candidates ?? browserCandidates(options.platform ?? process.platform, env);
  const usable = candidates.filter((file) => check(file));
  // Ubuntu's Chromium is a snap: playwright cannot drive it well (its /tmp is private), and the deb's
  // /usr/bin/chromium-browser is only a script asking to install the snap. Any other browser first.
  const found = usable.find((file) => !snapKind(file)) ?? usable.find((file) => snapKind(file) === 'snap');
  return found
    ? { path: found, from: 'the usual locations' }
    : { path: null, reason: 'no Chromium, Chrome or Edge in PATH or the usual locations' };
}

/**
 * The one line printed when the browser tests are skipped: why, and how to run them.
 * @param {string} reason
 */
function skipLine(reason) {
  return (
    `BROWSER TESTS SKIPPED (${reason}): install Chromium (apt-get install chromium) or Chrome, ` +
    `or name one with DTTS_BROWSER=/path/to/chrome npm test; ${REQUIRE_VARIABLE}=1 makes this a failure (as in CI).`
  );
}

module.exports = { BROWSER_VARIABLES, REQUIRE_VARIABLE, browserCandidates, findBrowser, isExecutable, skipLine };

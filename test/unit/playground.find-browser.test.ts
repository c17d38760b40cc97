/**
 * Finding a browser for the browser tests (test/browser/find-browser.cjs), and what jest does with
 * the answer: run them, skip them with one loud line, or fail when DTTS_REQUIRE_BROWSER=1 (CI).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, tempDir } from '../../local/testing';
import { browserCandidates, findBrowser, isExecutable, skipLine } from '../browser/find-browser.cjs';

describe('findBrowser', () => {
  const everything = () => true;

  test('a named browser wins, DTTS_BROWSER before CHROME_PATH', () => {
    expect(findBrowser({ env: { CHROME_PATH: '/b' }, isExecutable: everything })).toEqual({
      path: '/b',
      from: 'CHROME_PATH',
    });
    expect(findBrowser({ env: { DTTS_BROWSER: '/a', CHROME_PATH: '/b' }, isExecutable: everything })).toEqual({
      path: '/a',
      from: 'DTTS_BROWSER',
    });
  });

  test('a variable naming no executable finds nothing, even with a browser in the usual places', () => {
    const found = findBrowser({
      env: { DTTS_BROWSER: '/nowhere/chrome' },
      candidates: ['/usr/bin/chromium'],
      isExecutable: (file) => file === '/usr/bin/chromium',
    });
    expect(found).toEqual({ path: null, reason: 'DTTS_BROWSER=/nowhere/chrome is not an executable file' });
  });

  test('without a variable: the first executable of the search list, or nothing', () => {
    const candidates = ['/x/chromium', '/y/google-chrome', '/z/msedge'];
    expect(findBrowser({ env: {}, candidates, isExecutable: (f) => f !== '/x/chromium' })).toEqual({
      path: '/y/google-chrome',
      from: 'the usual locations',
    });
    expect(findBrowser({ env: {}, candidates: [], isExecutable: everything })).toEqual({
      path: null,
      reason: 'no Chromium, Chrome or Edge in PATH or the usual locations',
    });
  });

  test('Linux: PATH first, then the distributions’ locations', () => {
    const list = browserCandidates('linux', { PATH: '/home/dev/bin:/usr/local/bin' });
    expect(list.indexOf('/home/dev/bin/chromium')).toBe(0);
    expect(list).toContain('/usr/local/bin/google-chrome');
    expect(list).toContain('/usr/bin/chromium');
    expect(list).toContain('/snap/bin/chromium');
    expect(list).toContain('/opt/microsoft/msedge/msedge');
    expect(list.indexOf('/usr/local/bin/microsoft-edge')).toBeLessThan(list.indexOf('/usr/bin/chromium'));
  });

  test('macOS: the applications in /Applications and ~/Applications', () => {
    const list = browserCandidates('darwin', { PATH: '/usr/bin', HOME: '/Users/an' });
    expect(list).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(list).toContain('/Users/an/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(list).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(list).not.toContain('/snap/bin/chromium');
  });

  test('Windows: Chrome and Edge under the program folders and the user’s', () => {
    const list = browserCandidates('win32', {
      LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      PATH: 'C:\\tools',
    });
    expect(list).toContain('C:\\Users\\an\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(list).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(list).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(list).toContain('C:\\tools\\chrome.exe');
  });

  test('only an executable file counts', () => {
    const dir = tempDir('dtts-browser-');
    const plain = join(dir, 'plain');
    const program = join(dir, 'program');
    writeFileSync(plain, '');
    writeFileSync(program, '#!/bin/sh\n');
    chmodSync(program, 0o755);
    mkdirSync(join(dir, 'folder'));
    expect(isExecutable(program)).toBe(true);
    if (process.platform !== 'win32') expect(isExecutable(plain)).toBe(false);
    expect(isExecutable(join(dir, 'folder'))).toBe(false);
    expect(isExecutable(join(dir, 'missing'))).toBe(false);
  });

  test('the skip line says how to run the tests', () => {
    expect(skipLine('why')).toMatch(/^BROWSER TESTS SKIPPED \(why\): .*DTTS_BROWSER=.*DTTS_REQUIRE_BROWSER=1/);
  });
});

describe('jest on a machine without a browser', () => {
  /** Runs jest on the browser tests in a child, with DTTS_BROWSER naming nothing. */
  const jestWithoutBrowser = (extraEnv: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [join(PROJECT_DIR, 'node_modules/jest/bin/jest.js'), 'test/browser', '--maxWorkers=1'],
      {
        cwd: PROJECT_DIR,
        encoding: 'utf8',
        env: { ...process.env, DTTS_BROWSER: '/nowhere/chromium', DTTS_REQUIRE_BROWSER: '', ...extraEnv },
      },
    );

  test('skips the tests that need one, runs the others, passes, and prints one loud line', () => {
    const run = jestWithoutBrowser({});
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(0);
    expect(output).toContain('sidebar-units.test.ts');
    expect(output).not.toMatch(/(PASS|FAIL) test\/browser\/(sidebar|playground|dom|xss|notice-form)\.test\.ts/);
    expect(output.match(/BROWSER TESTS SKIPPED/g)).toHaveLength(1);
    expect(output).toContain('DTTS_BROWSER=/nowhere/chromium is not an executable file');
  });

  test('fails when DTTS_REQUIRE_BROWSER=1, as CI sets', () => {
    const run = jestWithoutBrowser({ DTTS_REQUIRE_BROWSER: '1' });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('DTTS_REQUIRE_BROWSER=1 but no browser for the browser tests');
  });

  test('.ci/run requires the browser', () => {
    expect(require('node:fs').readFileSync(join(PROJECT_DIR, '.ci/run'), 'utf8')).toMatch(
      /^export DTTS_REQUIRE_BROWSER=1$/m,
    );
  });
});

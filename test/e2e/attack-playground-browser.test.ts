/**
 * Attacks on the browser finder (test/browser/find-browser.cjs) and on jest's skip of the browser
 * tests, with what developers really put in DTTS_BROWSER and PATH: a folder, a file that is not
 * executable, a broken link, a bare program name, a Windows path on Linux; and a developer running
 * one browser test by name on a machine without a browser.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, tempDir } from '../../local/testing';
import { findBrowser } from '../browser/find-browser.cjs';

const posix = process.platform !== 'win32';

/** A folder with: a folder, a plain file, a broken link, and an executable "chromium". */
function machine() {
  const dir = tempDir('dtts-attack-browser-');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'chrome-folder'));
  writeFileSync(join(dir, 'chrome.txt'), 'not a program');
  chmodSync(join(dir, 'chrome.txt'), 0o644);
  writeFileSync(join(bin, 'chromium'), '#!/bin/sh\n');
  chmodSync(join(bin, 'chromium'), 0o755);
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  symlinkSync(join(dir, 'nowhere', 'chromium'), join(broken, 'chromium'));
  return { dir, bin, broken };
}

(posix ? describe : describe.skip)('findBrowser against what developers set', () => {
  test('DTTS_BROWSER naming a folder: nothing found, and the reason says it is a folder', () => {
    const { dir } = machine();
    expect(findBrowser({ env: { DTTS_BROWSER: join(dir, 'chrome-folder') } })).toEqual({
      path: null,
      reason: `DTTS_BROWSER=${join(dir, 'chrome-folder')} is not an executable file (it is a folder; name the program inside it)`,
    });
  });

  test('DTTS_BROWSER naming a file that is not executable: the reason says so', () => {
    const { dir } = machine();
    const found = findBrowser({ env: { CHROME_PATH: join(dir, 'chrome.txt') } });
    expect(found).toEqual({
      path: null,
      reason: `CHROME_PATH=${join(dir, 'chrome.txt')} is not an executable file (not executable: chmod +x it, or name the browser program)`,
    });
  });

  test('DTTS_BROWSER naming a broken link: no such file', () => {
    const { broken } = machine();
    expect(findBrowser({ env: { DTTS_BROWSER: join(broken, 'chromium') } })).toMatchObject({
      path: null,
      reason: expect.stringContaining('(no such file, or a broken link)'),
    });
  });

  test('a bare program name is looked up on PATH only (a broken link there is passed over)', () => {
    const { dir, bin, broken } = machine();
    expect(findBrowser({ env: { DTTS_BROWSER: 'chromium', PATH: `${broken}:${bin}` } })).toEqual({
      path: join(bin, 'chromium'),
      from: 'DTTS_BROWSER on PATH',
    });
    expect(findBrowser({ env: { DTTS_BROWSER: 'chromium', PATH: broken } })).toEqual({
      path: null,
      reason: 'DTTS_BROWSER=chromium is not an executable file (no program of that name on PATH)',
    });
    // A file of that name in the current folder is not a program on PATH.
    expect(findBrowser({ env: { DTTS_BROWSER: 'chrome.txt', PATH: dir } })).toMatchObject({ path: null });
  });

  test('a Windows path on Linux or macOS: said plainly', () => {
    const found = findBrowser({ env: { DTTS_BROWSER: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' } });
    expect(found).toMatchObject({ path: null, reason: expect.stringContaining('(a Windows path, on this machine)') });
  });

  test('PATH entries that are broken links, folders or empty are passed over in the usual search', () => {
    const { dir, bin, broken } = machine();
    const found = findBrowser({ env: { PATH: `${broken}::${join(dir, 'chrome-folder')}:${bin}` }, platform: 'linux' });
    expect(found).toEqual({ path: join(bin, 'chromium'), from: 'the usual locations' });
  });
});

describe('jest without a browser, running one browser test by name', () => {
  const jest = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(PROJECT_DIR, 'node_modules/jest/bin/jest.js'), ...args, '--maxWorkers=1'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, DTTS_BROWSER: '/nowhere/chromium', DTTS_REQUIRE_BROWSER: '', ...env },
    });

  test('prints the skip line once, and passes as npm test does (not "No tests found", exit 1)', () => {
    const result = jest(['test/browser/playground.test.ts'], {});
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(0);
    expect(output.match(/BROWSER TESTS SKIPPED/g)).toHaveLength(1);
    expect(output).toContain('DTTS_BROWSER=/nowhere/chromium is not an executable file (no such file');
  });

  test('with a test that runs too, the line is still printed once', () => {
    const result = jest(['test/browser/playground.test.ts', 'test/browser/sidebar-units.test.ts'], {});
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(0);
    expect(output).toContain('sidebar-units.test.ts');
    expect(output.match(/BROWSER TESTS SKIPPED/g)).toHaveLength(1);
  });

  test('a mistyped test name still fails (no browser does not hide it)', () => {
    const result = jest(['test/e2e/no-such-file.test.ts'], {});
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('No tests found');
  });

  test('DTTS_REQUIRE_BROWSER=1 still fails, whatever is named', () => {
    const result = jest(['test/browser/playground.test.ts'], { DTTS_REQUIRE_BROWSER: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('DTTS_REQUIRE_BROWSER=1 but no browser');
  });
});

(posix ? describe : describe.skip)('findBrowser on Ubuntu, where Chromium is a snap', () => {
  /** A PATH folder with Ubuntu's chromium-browser script, and another with a real program. */
  function ubuntu() {
    const dir = tempDir('dtts-attack-snap-');
    const usrBin = join(dir, 'usr-bin');
    const chromeBin = join(dir, 'chrome-bin');
    mkdirSync(usrBin);
    mkdirSync(chromeBin);
    // The deb's script (abridged): it only runs the snap, or asks for it.
    writeFileSync(
      join(usrBin, 'chromium-browser'),
      '#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n  echo "Command \'$0\' requires the chromium snap to be installed."\n  echo "Please install it with:\\n\\nsnap install chromium"\n  exit 1\nfi\nexec /snap/bin/chromium "$@"\n',
    );
    chmodSync(join(usrBin, 'chromium-browser'), 0o755);
    writeFileSync(join(chromeBin, 'google-chrome'), `#!/bin/sh\n# ${'a real browser '.repeat(10)}\n`);
    chmodSync(join(chromeBin, 'google-chrome'), 0o755);
    return { usrBin, chromeBin };
  }

  test('the script asking for the snap is passed over for a real browser later on PATH', () => {
    const { usrBin, chromeBin } = ubuntu();
    const candidates = [join(usrBin, 'chromium-browser'), join(chromeBin, 'google-chrome')];
    expect(findBrowser({ env: {}, candidates })).toEqual({
      path: join(chromeBin, 'google-chrome'),
      from: 'the usual locations',
    });
  });

  test('with nothing else, that script is not a browser: the tests are skipped, not failed', () => {
    const { usrBin } = ubuntu();
    expect(findBrowser({ env: {}, candidates: [join(usrBin, 'chromium-browser')] })).toMatchObject({ path: null });
  });

  test('a snap Chromium comes after any other browser, but is used when it is the only one', () => {
    const { chromeBin } = ubuntu();
    const yes = () => true;
    expect(
      findBrowser({ env: {}, candidates: ['/snap/bin/chromium', join(chromeBin, 'google-chrome')], isExecutable: yes }),
    ).toEqual({ path: join(chromeBin, 'google-chrome'), from: 'the usual locations' });
    expect(findBrowser({ env: {}, candidates: ['/snap/bin/chromium'], isExecutable: yes })).toEqual({
      path: '/snap/bin/chromium',
      from: 'the usual locations',
    });
  });

  test('named explicitly, the snap is used as asked', () => {
    expect(findBrowser({ env: { DTTS_BROWSER: '/snap/bin/chromium' }, isExecutable: () => true })).toEqual({
      path: '/snap/bin/chromium',
      from: 'DTTS_BROWSER',
    });
  });
});

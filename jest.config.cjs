/** Jest: TypeScript through @swc/jest (ts-jest does not run with TypeScript 7). */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { findBrowser, REQUIRE_VARIABLE, skipLine } = require('./test/browser/find-browser.cjs');

// Apps Script runs the bundle in the script's time zone (appsscript.json); so do the tests.
process.env.TZ = 'Asia/Ho_Chi_Minh';

// The browser tests (test/browser files that use its harness or playwright-core) need Chromium, Chrome or Edge. Without
// one they are skipped with one loud line, unless DTTS_REQUIRE_BROWSER=1 (CI), which makes it a failure.
const browser = findBrowser();
const browserDir = join(__dirname, 'test', 'browser');
const browserTests = readdirSync(browserDir).filter(
  (name) =>
    name.endsWith('.test.ts') &&
    /from '(\.\/harness|playwright-core)'/.test(readFileSync(join(browserDir, name), 'utf8')),
);
const skipBrowser = browser.path === null;
if (skipBrowser && process.env[REQUIRE_VARIABLE] === '1')
  throw new Error(`${REQUIRE_VARIABLE}=1 but no browser for the browser tests: ${browser.reason}`);
// `npx jest test/browser/sidebar.test.ts` without a browser finds no test, and jest then calls no
// reporter: say why now (the skip reporter then stays silent, so the line is printed once), and pass
// as `npm test` does when it skips them.
const namesSkippedTest =
  skipBrowser &&
  process.argv.slice(2).some((arg) => browserTests.some((name) => arg.replace(/\\/g, '/').endsWith(`browser/${name}`)));
if (namesSkippedTest) {
  process.stderr.write(`\n${'!'.repeat(8)} ${skipLine(browser.reason)}\n`);
  globalThis[Symbol.for('dtts.browserSkipPrinted')] = true;
}

module.exports = {
  testEnvironment: 'node',
  passWithNoTests: namesSkippedTest,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(skipBrowser ? browserTests.map((name) => `/test/browser/${name.replace(/\./g, '\\.')}$`) : []),
  ],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs'],
  testTimeout: 60000,
  reporters: [
    'default',
    '<rootDir>/test/summary-reporter.cjs',
    ...(skipBrowser ? [['<rootDir>/test/browser/skip-reporter.cjs', { line: skipLine(browser.reason) }]] : []),
  ],
};

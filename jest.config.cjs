/** Jest: TypeScript through @swc/jest (ts-jest does not run with TypeScript 7). */
// Apps Script runs the bundle in the script's time zone (appsscript.json); so do the tests.
process.env.TZ = 'Asia/Ho_Chi_Minh';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};

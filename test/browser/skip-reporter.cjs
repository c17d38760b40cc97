/** Prints, after jest's summary, the one line saying the browser tests were skipped and how to run them. */
class BrowserSkipReporter {
  /** @param {unknown} _globalConfig @param {{ line: string }} options */
  constructor(_globalConfig, options) {
    this.line = options.line;
  }
  onRunComplete() {
    if (globalThis[Symbol.for('dtts.browserSkipPrinted')]) return; // jest.config.cjs printed it already
    process.stdout.write(`\n${'!'.repeat(8)} ${this.line}\n`);
  }
}
module.exports = BrowserSkipReporter;

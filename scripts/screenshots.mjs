#!/usr/bin/env node
// npm run screenshots: regenerates the pictures of docs/ from the playground (needs Chromium, Chrome or Edge).
//   docs/screenshots/*.png   the user guide's and the listing's screenshots (1280 × 800), taken by the
//                            browser test test/browser/addon-screenshots.test.ts on the Lạng Sơn sample
//   docs/listing/icon-128.png, icon-32.png   the Marketplace icons, rendered from docs/listing/icon.svg
//   docs/listing/banner-220x140.png          the Marketplace card banner, from docs/listing/banner.svg
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The browser the browser tests use (test/browser/find-browser.cjs); none is an error here, never a skip.
const { findBrowser, skipLine } = createRequire(import.meta.url)('../test/browser/find-browser.cjs');
const browserFound = findBrowser();
if (browserFound.path === null) {
  console.error(skipLine(browserFound.reason));
  process.exit(1);
}
const executablePath = browserFound.path;

const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/jest/bin/jest.js'), 'test/browser/addon-screenshots.test.ts', '--maxWorkers=1'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DTTS_SCREENSHOTS: 'docs', DTTS_REQUIRE_BROWSER: '1' } },
);
if (jest.status !== 0) process.exit(jest.status ?? 1);

const svg = readFileSync(join(root, 'docs/listing/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [128, 32]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: join(root, `docs/listing/icon-${size}.png`), omitBackground: true });
    await page.close();
  }
  const banner = await browser.newPage({ viewport: { width: 220, height: 140 } });
  await banner.setContent(
    `<html><body style="margin:0">${readFileSync(join(root, 'docs/listing/banner.svg'), 'utf8')}</body></html>`,
  );
  await banner.locator('svg').screenshot({ path: join(root, 'docs/listing/banner-220x140.png') });
  await banner.close();
} finally {
  await browser.close();
}
console.log('docs/screenshots/*.png, docs/listing/icon-{128,32}.png and banner-220x140.png written.');

/**
 * Browser test harness: the playground in-process on a fresh Lạng Sơn sample (built in memory, so
 * the tests do not depend on samples/*.xlsx), and a Chromium-family browser driven by playwright-core,
 * found by find-browser.cjs (DTTS_BROWSER or CHROME_PATH, then PATH and the usual locations).
 * A test file that imports this harness is a browser test: jest.config.cjs skips it, with one loud
 * line, when no browser is found, and fails instead when DTTS_REQUIRE_BROWSER=1 (as .ci/run sets).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { type Playground, startPlayground } from '../../local/playground/server';
import type { PlaygroundState } from '../../local/playground/state';
import { AuthMode, Runtime } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir } from '../../local/testing';
import { type Bundle, loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';
import { findBrowser, skipLine } from './find-browser.cjs';

/** The browser the tests drive, or why there is none. */
export const BROWSER = findBrowser();
export const NOW = '2024-01-14T09:00:00+07:00';
export const ARTIFACTS = join(PROJECT_DIR, 'test-artifacts');

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser, or a failure that says how to get one (jest.config.cjs skips these tests before that). */
export async function launchChromium(): Promise<Browser> {
  if (BROWSER.path === null) throw new Error(skipLine(BROWSER.reason));
  return chromium.launch({ executablePath: BROWSER.path, headless: true, args: LAUNCH_ARGS });
}

export interface Session {
  runtime: Runtime;
  bundle: Bundle;
  playground: Playground;
  /** Where "Lưu" writes the workbook. */
  savePath: string;
  /** Lines the server logged (errors of routes). */
  logs: string[];
  /** Uncaught errors in the page or the sidebar. */
  pageErrors: string[];
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The sidebar iframe, for locators. */
  sidebar: FrameLocator;
  /** The sidebar iframe's Frame, for evaluate(). */
  sidebarFrame(): Promise<Frame>;
  /** The playground state, straight from the server. */
  state(): Promise<PlaygroundState>;
  close(): Promise<void>;
}

export interface PlaygroundOpenOptions {
  path?: string;
  /** The workbook (default: the Lạng Sơn sample). */
  spreadsheet?: LocalSpreadsheet;
}

/**
 * Starts the playground on the Lạng Sơn sample (onOpen run, clock at NOW), opens it in Chromium at
 * 1400 × 900, and waits until the sidebar (opened by the page) has loaded its overview.
 */
export async function openPlayground(options: PlaygroundOpenOptions = {}): Promise<Session> {
  builtCodePath();
  const browser = await launchChromium();
  const spreadsheet = options.spreadsheet ?? buildSample(LANG_SON);
  const runtime = new Runtime({ spreadsheet, now: NOW, projectDir: PROJECT_DIR });
  const bundle = loadBundle({ runtime });
  bundle.call('onOpen', { authMode: AuthMode.LIMITED });
  const logs: string[] = [];
  const savePath = join(tempDir('dtts-browser-'), 'lang-son.xlsx');
  const playground = await startPlayground({
    runtime,
    bundle,
    savePath,
    port: 0,
    host: '127.0.0.1',
    log: (line) => logs.push(line),
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(options.path ?? '/', playground.url).toString());
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('html[data-ready="1"]').waitFor({ timeout: 20_000 });
  const sidebarFrame = async () => {
    const handle = await page.locator('#sidebar-frame').elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('The sidebar iframe has no frame');
    return frame;
  };
  return {
    runtime,
    bundle,
    playground,
    savePath,
    logs,
    pageErrors: errors,
    browser,
    context,
    page,
    sidebar,
    sidebarFrame,
    state: async () => (await (await fetch(new URL('/api/state', playground.url))).json()) as PlaygroundState,
    close: async () => {
      await browser.close();
      await playground.close();
    },
  };
}

/** Saves a screenshot under test-artifacts/ (gitignored) and returns its path. */
export async function keepScreenshot(target: Page | ReturnType<Page['locator']>, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await target.screenshot({ path });
  return path;
}

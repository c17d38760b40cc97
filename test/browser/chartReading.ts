/**
 * The page the SVG chart tests read charts in: the sidebar views they name bundled alone (esbuild, an
 * IIFE under one global) into a blank page in Chromium with the sidebar's styles, and a 276 px box
 * (`#box`) as in the 300 px sidebar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_DIR } from '../../local/testing';
import type { CompositionSummaryDto } from '../../src/rpc/contract';
import { launchChromium } from './harness';

export interface ChartPage {
  browser: Browser;
  page: Page;
}

/**
 * Launches Chromium on a page holding the views `exports` names (export lines resolved from
 * src/sidebar, e.g. "export { allocationChart } from './views/allocationExplanation';"), reachable
 * in evaluate() as `window[globalName]`.
 */
export async function openChartPage(exports: readonly string[], globalName: string): Promise<ChartPage> {
  const sidebar = join(PROJECT_DIR, 'src/sidebar');
  const bundle = await esbuild.build({
    stdin: { contents: exports.join('\n'), resolveDir: sidebar, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'browser',
    write: false,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  await page.setContent('<!doctype html><html lang="vi"><body><div id="box" style="width:276px"></div></body></html>');
  await page.addStyleTag({ content: readFileSync(join(sidebar, 'styles.css'), 'utf8') });
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  return { browser, page };
}

/** A summary as compositionSummary gives it, with the figures the test sets. */
export function compositionSummary(over: Partial<CompositionSummaryDto>): CompositionSummaryDto {
  return {
    year: 2024,
    total: 0,
    official: 0,
    exOfficio: 0,
    guests: 0,
    unclassified: 0,
    byEthnicGroup: [],
    ethnicUnknown: 0,
    women: { count: 0, share: 0 },
    genderUnknown: 0,
    ageBands: [],
    ageUnknown: 0,
    byCategory: [],
    categoryUnknown: 0,
    partyMembers: null,
    oldest: null,
    youngest: null,
    byUnit: [],
    groupsWithoutDelegate: [],
    guestFigures: { total: 0, women: 0, byEthnicGroup: [] },
    ok: true,
    message: 'Đã đếm.',
    notes: [],
    minWomenShare: null,
    ...over,
  };
}

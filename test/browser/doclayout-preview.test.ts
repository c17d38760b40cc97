/**
 * The paginated HTML preview (local/html-export.ts) laid out by Chromium: no page's content runs
 * past its bottom margin (the pagination's height estimates err on the safe side), every page is
 * A4, and page numbers sit centred in the top margin from page 2. Documents: every kind from the
 * Lạng Sơn sample and a long allocation notice whose table spans pages.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { isBatch } from '../../local/docx';
import { docHtml } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import { type DocSnapshot, LocalDocumentApp } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import { renderDocument } from '../../src/docs/render';
import { buildAllocationNotice } from '../../src/domain/notice/allocation';
import { withNumber } from '../../src/domain/notice/frame';
import { ProblemList } from '../../src/domain/problem';
import { readSettings } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';
import { NOTICE_KINDS } from '../../src/rpc/contract';
import { launchChromium } from './harness';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
interface PageFacts {
  page: Box;
  paddingBottom: number;
  paddingTop: number;
  contentBottom: number;
  number: { text: string; box: Box } | null;
}
declare const document: {
  querySelectorAll(s: string): {
    forEach(
      f: (e: {
        getBoundingClientRect(): Box;
        querySelector(s: string): { textContent: string; getBoundingClientRect(): Box } | null;
        children: { length: number; [i: number]: { className: string; getBoundingClientRect(): Box } };
      }) => void,
    ): void;
  };
};
declare const getComputedStyle: (e: unknown) => { paddingBottom: string; paddingTop: string };

const NOW = new Date('2024-01-05T09:00:00+07:00');

/** Times New Roman or a font with its metrics (Liberation Serif, Tinos), as fontconfig resolves it; null when none. */
function metricFont(): string | null {
  try {
    const out = execFileSync('fc-match', ['Times New Roman'], { encoding: 'utf8' });
    return /Times New Roman|Liberation Serif|Tinos/i.test(out) ? out.trim() : null;
  } catch {
    return null;
  }
}
const FONT = metricFont();
if (!FONT) {
  process.stderr.write(
    '\ndoclayout-preview: no Times New Roman nor a metric-compatible font (Liberation Serif, Tinos) on this machine: ' +
      'the check that no page overflows its bottom margin is skipped (another serif font is wider than the one the pages are cut for).\n',
  );
}

function documents(): [string, DocSnapshot][] {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const out: [string, DocSnapshot][] = NOTICE_KINDS.map((kind) => {
    const r = runtime.execute(() => runGenerateNotice(ss, kind, { force: true }, NOW));
    const doc = runtime.services.DocumentApp.created.find((d) => d.url === r.url);
    return [kind, doc?.snapshot() as DocSnapshot];
  });
  const settings = readSettings(
    [SHEETS.config.columns.map((c) => c.header), ...((LANG_SON.sheets[SHEETS.config.name] ?? []) as CellValue[][])],
    420,
    new ProblemList(),
  );
  const rows = Array.from({ length: 90 }, (_, i) => ({
    code: `X${i}`,
    name: `Xã ${i + 1} có tên khá dài để ô phải xuống dòng`,
    dttsPopulation: 1000 + i,
    seats: 1 + (i % 3),
  }));
  const app = new LocalDocumentApp();
  (globalThis as unknown as { DocumentApp: unknown }).DocumentApp = app;
  const model = buildAllocationNotice(
    { rows, fixedSeats: [], methodSentence: 'Theo tỷ lệ dân số.' },
    settings,
    '2024-02-01',
  );
  renderDocument(withNumber(model, '02/TB-BCĐ'));
  out.push(['long allocation', app.created[0]?.snapshot() as DocSnapshot]);
  return out;
}

describe('the HTML preview in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const docs = documents();

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(docs.map(([name, doc]) => [name, doc] as const))(
    '%s: A4 pages, content inside the margins, numbers from page 2',
    async (_, doc) => {
      await page.setContent(docHtml(doc));
      const facts: PageFacts[] = await page.evaluate(() => {
        const out: PageFacts[] = [];
        document.querySelectorAll('.page').forEach((p) => {
          const style = getComputedStyle(p);
          let bottom = 0;
          for (let i = 0; i < p.children.length; i++) {
            const c = p.children[i] as { className: string; getBoundingClientRect(): Box };
            if (c.className !== 'page-number') bottom = Math.max(bottom, c.getBoundingClientRect().bottom);
          }
          const n = p.querySelector('.page-number');
          out.push({
            page: p.getBoundingClientRect(),
            paddingBottom: Number.parseFloat(style.paddingBottom),
            paddingTop: Number.parseFloat(style.paddingTop),
            contentBottom: bottom,
            number: n ? { text: n.textContent, box: n.getBoundingClientRect() } : null,
          });
        });
        return out;
      });
      expect(facts.length).toBeGreaterThanOrEqual(1);
      facts.forEach((f, i) => {
        // A4 in CSS pixels (96 per inch): 793.7 × 1122.5.
        expect(f.page.width).toBeCloseTo(793.7, 0);
        expect(f.page.height).toBeCloseTo(1122.5, 0);
        if (FONT) expect(f.contentBottom).toBeLessThanOrEqual(f.page.bottom - f.paddingBottom + 1);
        if (i === 0 || isBatch(doc)) expect(f.number).toBeNull();
        else {
          expect(f.number?.text).toBe(String(i + 1));
          const box = f.number?.box as Box;
          expect(box.bottom).toBeLessThanOrEqual(f.page.top + f.paddingTop);
          expect(Math.abs((box.left + box.right) / 2 - (f.page.left + f.page.right) / 2)).toBeLessThan(2);
        }
      });
    },
  );
});

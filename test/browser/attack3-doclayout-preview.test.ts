/**
 * Attack on the HTML preview (local/html-export.ts) in Chromium: a word longer than a line (a link
 * pasted into a conclusion, an issuing body typed without spaces) ran past the right margin of its
 * A4 sheet, or out of the header's left column over the national title, where Google Docs, Word and
 * LibreOffice break such a word between letters. Independent of the fonts installed: an unbroken
 * word of 150 letters is wider than any line.
 */
import type { Browser, Page } from 'playwright-core';
import { docHtml } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { DocSnapshot, LocalDocument } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import type { NoticeKind } from '../../src/rpc/contract';
import { launchChromium } from './harness';

interface Box {
  left: number;
  right: number;
}
interface Overflow {
  where: string;
  text: string;
  by: number;
}
declare const document: {
  querySelectorAll(s: string): ArrayLike<{
    getBoundingClientRect(): Box;
    querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): Box; textContent: string | null }>;
  }>;
};
declare const getComputedStyle: (e: unknown) => { paddingRight: string; paddingLeft: string };

const NOW = new Date('2024-01-05T09:00:00+07:00');
const LINK = `https://drive.google.com/drive/folders/${'TaiLieuDaiHoi'.repeat(12)}`;
const AGENCY = 'BANCHỈĐẠOĐẠIHỘIĐẠIBIỂUCÁCDÂNTỘCTHIỂUSỐ';

function generate(kind: NoticeKind): DocSnapshot {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  runtime.spreadsheet
    .getSheetByName('Kết luận')
    ?.getRange(7, 3)
    .setValue(`Tài liệu của cuộc họp tại ${LINK} để tham khảo.`);
  const config = runtime.spreadsheet.getSheetByName('Cấu hình');
  const row = config
    ?.getDataRange()
    .getValues()
    .findIndex((r) => r[0] === 'Cơ quan ban hành');
  if (config && row !== undefined && row >= 0) config.getRange(row + 1, 2).setValue(AGENCY);
  const r = runtime.execute(() => runGenerateNotice(ss, kind, { force: true }, NOW));
  const doc = runtime.services.DocumentApp.created.find((d) => d.url === r.url) as LocalDocument;
  return doc.snapshot();
}

describe('words longer than a line in the HTML preview (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['thong-bao-ket-luan', 'phan-bo-dai-bieu'] as const)(
    '%s: no text past the right margin of its sheet nor out of its table cell',
    async (kind) => {
      const snap = generate(kind);
      const all = JSON.stringify(snap.blocks);
      expect(all.includes(LINK) || all.includes(AGENCY)).toBe(true);
      await page.setContent(docHtml(snap));
      const overflows: Overflow[] = await page.evaluate(() => {
        const out: Overflow[] = [];
        const pages = document.querySelectorAll('.page');
        for (let i = 0; i < pages.length; i++) {
          const p = pages[i] as (typeof pages)[number];
          const right = p.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(p).paddingRight);
          const spans = p.querySelectorAll('span');
          for (let k = 0; k < spans.length; k++) {
            const s = spans[k] as (typeof spans)[number];
            const by = s.getBoundingClientRect().right - right;
            if (by > 1) out.push({ where: `page ${i + 1}`, text: (s.textContent ?? '').slice(0, 40), by });
          }
          const cells = p.querySelectorAll('td');
          for (let k = 0; k < cells.length; k++) {
            const td = cells[k] as (typeof cells)[number] & {
              querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): Box; textContent: string | null }>;
            };
            const edge = td.getBoundingClientRect().right;
            const inner = td.querySelectorAll('span');
            for (let m = 0; m < inner.length; m++) {
              const s = inner[m] as (typeof inner)[number];
              const by = s.getBoundingClientRect().right - edge;
              if (by > 1) out.push({ where: `page ${i + 1}, cell`, text: (s.textContent ?? '').slice(0, 40), by });
            }
          }
        }
        return out;
      });
      expect(overflows).toEqual([]);
    },
  );
});

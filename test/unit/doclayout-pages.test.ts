/**
 * The HTML export cut into A4 pages (local/html-export.ts paginate), on documents rendered through
 * the DocumentApp renderer on the local DocumentApp: a long allocation table splits between rows
 * with its header repeated, pages are numbered from the second, the signature block never leaves
 * the last paragraph; the agency names and rules of the layout (notice/layout.ts) at the edges.
 */
import { keptWithNext } from '../../local/docx';
import { blockHeightPt, docHtml, paginate } from '../../local/html-export';
import { type DocSnapshot, LocalDocumentApp, type ParagraphSnapshot } from '../../local/runtime/document';
import { LANG_SON } from '../../samples/lang-son';
import { renderDocument } from '../../src/docs/render';
import { buildAllocationNotice, methodSentence } from '../../src/domain/notice/allocation';
import { withNumber } from '../../src/domain/notice/frame';
import { agencyLines, isRuleText, ruleLengthPt, ruleUnder, textWidthPt } from '../../src/domain/notice/layout';
import { ProblemList } from '../../src/domain/problem';
import { readSettings } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const settings = readSettings(
  [SHEETS.config.columns.map((c) => c.header), ...((LANG_SON.sheets[SHEETS.config.name] ?? []) as CellValue[][])],
  420,
  new ProblemList(),
);

function allocationDoc(units: number): DocSnapshot {
  const app = new LocalDocumentApp();
  (globalThis as unknown as { DocumentApp: unknown }).DocumentApp = app;
  const model = buildAllocationNotice(
    {
      rows: Array.from({ length: units }, (_, i) => ({
        code: `X${i}`,
        name: `Xã ${i + 1}`,
        dttsPopulation: 1000 + i,
        seats: 1 + (i % 3),
      })),
      fixedSeats: [{ label: 'Đại biểu đương nhiên', seats: 15 }],
      methodSentence: methodSentence(settings),
    },
    settings,
    '2024-02-01',
  );
  renderDocument(withNumber(model, '02/TB-BCĐ'));
  return app.created[0]?.snapshot() as DocSnapshot;
}

const room = (doc: DocSnapshot) => doc.page.heightPt - doc.page.marginTopPt - doc.page.marginBottomPt;
const HEADER_CELL = 'Dân số DTTS (người)';

describe('a long allocation notice (120 units) in the HTML preview', () => {
  const doc = allocationDoc(120);
  const pages = paginate(doc);
  const html = docHtml(doc);

  it('several A4 pages, each filled no higher than the page (by the estimate)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p.heightPt).toBeLessThanOrEqual(room(doc) + 0.001);
    expect(html.match(/<div class="page" /g)).toHaveLength(pages.length);
  });

  it('page numbers from page 2, centred in the top margin', () => {
    const numbers = [...html.matchAll(/<div class="page-number" aria-label="Trang (\d+)">(\d+)<\/div>/g)];
    expect(numbers.map((m) => Number(m[2]))).toEqual(pages.slice(1).map((_, i) => i + 2));
    expect(html).toMatch(
      /\.page-number \{ position: absolute; top: 28\.346pt;[^}]*text-align: center;[^}]*font-size: 13pt/,
    );
  });

  it('the table is split between rows, its header row repeated on every page it spans; no row lost', () => {
    const withRows = pages.filter((p) => p.html.join('').includes('Xã '));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const p of withRows) expect(p.html.join('')).toContain(HEADER_CELL);
    for (let i = 1; i <= 120; i++) {
      const count = pages.filter((p) => p.html.join('').includes(`>Xã ${i}<`)).length;
      expect([i, count]).toEqual([i, 1]);
    }
  });

  it('the last paragraph and the recipients | signature table on the same page', () => {
    const kept = [...keptWithNext(doc.blocks)];
    const closing = kept.map((i) => doc.blocks[i] as ParagraphSnapshot).find((p) => p.text.trim());
    const last = pages[pages.length - 1]?.html.join('') ?? '';
    expect(last).toContain('Nơi nhận:');
    expect(last).toContain('./.');
    expect(closing?.text.endsWith('./.')).toBe(true);
  });

  it('a paragraph that does not fit the rest of a page moves whole to the next', () => {
    const big = doc.blocks.find((b) => b.type === 'paragraph' && b.text.length > 100);
    expect(big && blockHeightPt(big, 468)).toBeGreaterThan(2 * 14);
  });
});

describe('agency names and rules', () => {
  const width = (595.276 - 85.039 - 42.52) * 0.4 - 10;

  it('breaks before the locality, the locality on one line', () => {
    expect(agencyLines('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', 13, width)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(agencyLines('UBND TỈNH LẠNG SƠN', 13, width)).toEqual(['UBND TỈNH LẠNG SƠN']);
    expect(agencyLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 13, width)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HỒ CHÍ MINH',
    ]);
    expect(agencyLines('ỦY BAN NHÂN DÂN HUYỆN BÌNH GIA', 13, width)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH GIA']);
  });

  it('a long name wraps word by word, never leaving a locality word at a line end', () => {
    const lines = agencyLines('BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ TỈNH LẠNG SƠN LẦN THỨ IV', 13, width);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) {
      expect(textWidthPt(l, 13, true)).toBeLessThanOrEqual(width);
      expect(l).not.toMatch(/(^|\s)TỈNH$/);
    }
    expect(lines.join(' ')).toBe('BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ TỈNH LẠNG SƠN LẦN THỨ IV');
  });

  it('names typed in any case, with line breaks, or with a locality and nothing after it', () => {
    expect(agencyLines('ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN', 13, width)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(agencyLines('ỦY BAN NHÂN DÂN TỈNH', 13, width)).toEqual(['ỦY BAN NHÂN DÂN TỈNH']);
    const many = agencyLines('SỞ '.repeat(40).trim(), 13, width);
    for (const l of many) expect(textWidthPt(l, 13, true)).toBeLessThanOrEqual(width);
    expect(many.join(' ')).toBe('SỞ '.repeat(40).trim());
  });

  it('blank, spaced and single-word names', () => {
    expect(agencyLines('', 13, width)).toEqual([]);
    expect(agencyLines('   ỦY   BAN  NHÂN DÂN \n TỈNH LẠNG SƠN ', 13, width)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH LẠNG SƠN',
    ]);
    const long = 'X'.repeat(60);
    expect(agencyLines(long, 13, width)).toEqual([long]);
  });

  it('a rule is 1/3–1/2 of the widest line above, centred, no wider than the column', () => {
    for (const text of ['ỦY BAN NHÂN DÂN', 'BAN CHỈ ĐẠO', 'A', 'Về việc '.repeat(30)]) {
      const rule = ruleUnder([text], 14, 468);
      expect(isRuleText(rule.text)).toBe(true);
      expect(rule).toMatchObject({ underline: true, align: 'center', rule: true });
      const len = ruleLengthPt(rule.text.length, rule.sizePt);
      const line = Math.min(textWidthPt(text, 14, true), 468);
      expect(len).toBeLessThanOrEqual(468);
      if (line >= 90) {
        expect(len / line).toBeGreaterThanOrEqual(1 / 3);
        expect(len / line).toBeLessThanOrEqual(1 / 2);
      } else expect(len).toBeGreaterThanOrEqual(36); // a very short line still gets a visible rule
    }
  });
});

describe('attacks on the layout', () => {
  const fresh = () => {
    const app = new LocalDocumentApp();
    (globalThis as unknown as { DocumentApp: unknown }).DocumentApp = app;
    const doc = app.create('x');
    return { app, doc, body: doc.getBody() };
  };

  it('a table row taller than a page: placed after the repeated header, no empty page, nothing lost', () => {
    const { doc, body } = fresh();
    const tall = 'Một ô rất dài. '.repeat(900);
    body.appendTable([
      ['STT', 'Nội dung'],
      ['1', 'ngắn'],
      ['2', tall],
      ['3', 'ngắn'],
    ]);
    const snap = (doc as unknown as { snapshot(): DocSnapshot }).snapshot();
    const pages = paginate(snap);
    for (const p of pages) expect(p.html.length).toBeGreaterThan(0);
    const all = pages.map((p) => p.html.join('')).join('');
    for (const n of ['>1<', '>2<', '>3<']) expect(all).toContain(n);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('a paragraph longer than a page is cut between lines over the sheets (never past a sheet); an empty Doc is one page', () => {
    const { doc, body } = fresh();
    body.appendParagraph('Đoạn đầu.');
    body.appendParagraph('Rất dài. '.repeat(2000));
    body.appendParagraph('Đoạn cuối.');
    const snap = (doc as unknown as { snapshot(): DocSnapshot }).snapshot();
    const pages = paginate(snap);
    // The Doc's own empty first paragraph, "Đoạn đầu." and the long one's head; its middle on sheets of its own; its end and "Đoạn cuối.".
    const counts = pages.map((p) => p.html.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(counts).toEqual([3, ...counts.slice(1, -1).map(() => 1), 2]);
    for (const p of pages) expect(p.heightPt).toBeLessThanOrEqual(room(snap) + 0.001);
    const words = pages.map((p) => p.html.join('').match(/Rất dài\./g)?.length ?? 0);
    expect(words.reduce((a, n) => a + n, 0)).toBe(2000);
    const empty = fresh();
    expect(paginate((empty.doc as unknown as { snapshot(): DocSnapshot }).snapshot())).toHaveLength(1);
  });

  it('a Doc that does not end with a borderless table (a user’s template) keeps nothing with the next block', () => {
    const { doc, body } = fresh();
    body.appendParagraph('Nội dung.');
    body.appendTable([['a', 'b']]);
    body.appendParagraph('Sau bảng.');
    expect(keptWithNext((doc as unknown as { snapshot(): DocSnapshot }).snapshot().blocks).size).toBe(0);
    const { doc: d2, body: b2 } = fresh();
    b2.appendTable([['Nơi nhận:', 'CHỦ TỊCH']]).setBorderWidth(0);
    // Only a header-like table first: nothing before it to keep.
    expect(keptWithNext((d2 as unknown as { snapshot(): DocSnapshot }).snapshot().blocks).size).toBe(0);
  });

  it('a page break starts a new sheet; one ending the Doc adds no empty sheet; text around it is one document, numbered', () => {
    const { doc, body } = fresh();
    body.getChild(0).asParagraph().setText('Trang một');
    body.getChild(0).asParagraph().appendPageBreak();
    const last = body.appendParagraph('Trang hai');
    last.appendPageBreak();
    const snap = (doc as unknown as { snapshot(): DocSnapshot }).snapshot();
    const pages = paginate(snap);
    expect(pages.map((p) => p.html.length)).toEqual([1, 1]);
    // Only a batch of one-page documents (Giấy mời: borderless tables between breaks) goes unnumbered.
    expect(docHtml(snap)).toMatch(/<div class="page-number"[^>]*>2<\/div>/);
  });

  it('markup in the text stays text in the paginated preview', () => {
    const { doc, body } = fresh();
    body.appendParagraph('<script>alert(1)</script> & "x"');
    body.appendTable([['<img src=x onerror=alert(1)>', 'b']]).setBorderWidth(0);
    const html = docHtml((doc as unknown as { snapshot(): DocSnapshot }).snapshot());
    expect(html).not.toMatch(/<script>|<img /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});

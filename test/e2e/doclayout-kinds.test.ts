/**
 * Layout of every kind of document (NOTICE_KINDS: kinds added later are covered too), generated from
 * the Lạng Sơn sample on the local runtime and exported: the .docx has page numbers from page 2
 * (a header with a PAGE field, titlePg), rows that cannot split, the paragraphs before the
 * signature block kept with it, Times New Roman everywhere, the issuing body broken before the
 * province, real rules (paragraph borders, never underscores) a third to a half of the line above.
 * The Google Doc itself has no header: DocumentApp cannot insert a page number (README).
 */
import JSZip from 'jszip';
import { docxBuffer, keptWithNext } from '../../local/docx';
import { docHtml, paginate } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot, LocalDocument, ParagraphSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import { isRuleText, ruleLengthPt, textWidthPt } from '../../src/domain/notice/layout';
import { NOTICE_KINDS, type NoticeKind, type NoticeResultDto } from '../../src/rpc/contract';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function generateAll(): Map<NoticeKind, { result: NoticeResultDto; doc: LocalDocument }> {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const out = new Map<NoticeKind, { result: NoticeResultDto; doc: LocalDocument }>();
  for (const kind of NOTICE_KINDS) {
    // The sample's decision names a unit `Đơn vị` does not know ("Lộc Bình Mới"): confirmed here.
    const result = runtime.execute(() => runGenerateNotice(ss, kind, { force: true }, NOW));
    const doc = runtime.services.DocumentApp.created.find((d) => d.url === result.url) as LocalDocument;
    out.set(kind, { result, doc });
  }
  return out;
}

const paragraphsOf = (blocks: readonly BlockSnapshot[]): ParagraphSnapshot[] =>
  blocks.flatMap((b) =>
    b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphsOf(c.blocks))) : [b],
  );
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const paragraphsXml = (xml: string): string[] =>
  [...xml.matchAll(/<w:p(?: [^>]*)?>.*?<\/w:p>|<w:p\/>/gs)].map((m) => m[0]);

async function files(doc: DocSnapshot): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await docxBuffer(doc));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/^word\/(document|header\d+|styles)\.xml$/.test(name))
      out[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  return out;
}

const all = generateAll();

// Giấy mời is a batch of one-page documents, each page inside a borderless table (no page numbers
// across the batch): its layout is checked page by page in dockinds-documents.test.ts.
describe.each(NOTICE_KINDS.filter((k) => k !== 'giay-moi'))('%s', (kind) => {
  const { doc, result } = all.get(kind) as { result: NoticeResultDto; doc: LocalDocument };
  const snap = doc.snapshot();
  let xml: Record<string, string> = {};
  beforeAll(async () => {
    xml = await files(snap);
  });
  const body = () => xml['word/document.xml'] as string;

  it('.docx: page numbers from page 2 — a PAGE field centred in the default header, an empty first-page header', () => {
    const sect = body().match(/<w:sectPr>.*<\/w:sectPr>/s)?.[0] ?? '';
    expect(sect).toContain('<w:titlePg/>');
    expect(sect).toMatch(/<w:headerReference w:type="default" r:id="\w+"\/>/);
    expect(sect).toMatch(/<w:headerReference w:type="first" r:id="\w+"\/>/);
    const headers = Object.entries(xml).filter(([n]) => n.startsWith('word/header'));
    expect(headers).toHaveLength(2);
    const numbered = headers.filter(([, x]) => x.includes('<w:instrText xml:space="preserve">PAGE</w:instrText>'));
    expect(numbered).toHaveLength(1);
    const [, page] = numbered[0] as [string, string];
    expect(page).toContain('<w:jc w:val="center"/>');
    expect(page).toContain('<w:sz w:val="26"/>'); // 13 pt
    expect(page).toContain('w:ascii="Times New Roman"');
    const first = headers.find(([, x]) => !x.includes('PAGE')) as [string, string];
    expect(textOf(first[1])).toBe('');
    // The number sits in the 20 mm top margin: the header 10 mm from the edge.
    expect(sect).toMatch(/<w:pgMar [^>]*w:top="1134"[^>]*w:header="567"/);
  });

  it('.docx: every table row cannot split; the paragraphs before the signature block keep with it', () => {
    const rows = body().match(/<w:tr>|<w:tr [^>]*>/g) ?? [];
    const cantSplit = body().match(/<w:trPr><w:cantSplit\/>/g) ?? [];
    expect(rows.length).toBeGreaterThan(2);
    expect(cantSplit).toHaveLength(rows.length);
    const kept = keptWithNext(snap.blocks);
    expect(kept.size).toBeGreaterThan(0);
    const last = snap.blocks[Math.max(...kept)] as BlockSnapshot;
    expect(last.type).toBe('paragraph');
    const lastText = [...kept].map((i) => snap.blocks[i] as ParagraphSnapshot).find((p) => p.text.trim());
    expect(lastText?.text.trim()).toMatch(/\.\/\.$/); // the body's last paragraph, closed with "./."
    const closing = paragraphsXml(body()).find((p) => textOf(p) === lastText?.text) ?? '';
    expect(closing).toContain('<w:keepNext/>');
  });

  it('Times New Roman on every run and every paragraph mark, blank ones included; the default style too', () => {
    for (const [name, x] of Object.entries(xml)) {
      const fonts = new Set([...x.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
      const expected = name.startsWith('word/header') && !x.includes('<w:r>') ? [] : ['Times New Roman'];
      expect([name, [...fonts]]).toEqual([name, expected]);
    }
    // The default style (what Word and LibreOffice use for anything unstyled) is Times New Roman too.
    expect(xml['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    for (const p of paragraphsOf(snap.blocks)) {
      for (const a of [p.mark, ...p.runs.map((r) => r.attrs)]) expect(a.FONT_FAMILY).toBe('Times New Roman');
    }
  });

  it('the issuing body broken before the province, never "…TỈNH / LẠNG SƠN"', () => {
    const header = snap.blocks.find((b) => b.type === 'table');
    if (header?.type !== 'table') throw new Error('no header table');
    const left = paragraphsOf(header.rows[0]?.cells[0]?.blocks ?? [])
      .map((p) => p.text)
      .filter((t) => !isRuleText(t));
    expect(left.join(' ')).toMatch(/TỈNH LẠNG SƠN/);
    for (const line of left) {
      expect(line).not.toMatch(/(^|\s)(TỈNH|HUYỆN|THÀNH PHỐ)$/);
      expect(line).not.toMatch(/^LẠNG SƠN/);
      // Each line fits the 40 % column (about 187 pt less padding) at 13 pt bold.
      expect(textWidthPt(line, 13, true)).toBeLessThanOrEqual(187);
    }
    expect(left).toContain('TỈNH LẠNG SƠN');
  });

  it('real rules, never underscores: under the issuing body and the summary, a third to a half of the line above', () => {
    const all = paragraphsOf(snap.blocks);
    expect(all.some((p) => /_{3,}/.test(p.text))).toBe(false);
    const rules = all.filter((p) => isRuleText(p.text));
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.runs.every((r) => r.attrs.UNDERLINE === true)).toBe(true);
      expect(rule.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
      const above = all[all.indexOf(rule) - 1] as ParagraphSnapshot;
      const size = Number(above.runs[0]?.attrs.FONT_SIZE);
      const line = Math.min(textWidthPt(above.text, size, true), 468);
      const length = ruleLengthPt(rule.text.length, Number(rule.runs[0]?.attrs.FONT_SIZE));
      expect(length / line).toBeGreaterThanOrEqual(1 / 3);
      expect(length / line).toBeLessThanOrEqual(1 / 2);
    }
    // In the .docx: a bottom border of the same length, centred (equal indents), no text.
    const borders = paragraphsXml(body()).filter((p) => p.includes('<w:pBdr><w:bottom w:val="single"'));
    expect(borders).toHaveLength(2);
    for (const b of borders) {
      expect(textOf(b)).toBe('');
      const [, left, right] = /<w:ind w:left="(\d+)" w:right="(\d+)"/.exec(b) ?? [];
      expect(Number(left)).toBeGreaterThan(0);
      expect(left).toBe(right);
    }
  });

  it('HTML preview: A4 sheets, numbered from page 2 in the top margin; the signature block on the page of the last paragraph', () => {
    const html = docHtml(snap);
    expect(html).toContain('width: 595.276pt; height: 841.89pt;');
    expect(html).toContain('@page { size: 595.276pt 841.89pt; margin: 0; }');
    const pages = [
      ...html.matchAll(/<div class="page" data-page="(\d+)"[^>]*>\n(<div class="page-number"[^>]*>(\d+)<\/div>)?/g),
    ];
    expect(pages.length).toBe(paginate(snap).length);
    pages.forEach((m, i) => {
      expect(m[1]).toBe(String(i + 1));
      expect(m[3]).toBe(i === 0 ? undefined : String(i + 1));
    });
    const layout = paginate(snap);
    const lastPage = layout[layout.length - 1]?.html.join('\n') ?? '';
    // The delegate list is part of the decision it is attached to: no recipients of its own.
    if (kind !== 'danh-sach-dai-bieu') expect(lastPage).toContain('Nơi nhận:');
    const kept = [...keptWithNext(snap.blocks)].map((i) => snap.blocks[i] as ParagraphSnapshot);
    const closing = kept.find((p) => p.text.trim());
    expect(lastPage).toContain(closing?.text.slice(-20).replace(/&/g, '&amp;'));
    // The rules are drawn as borders, not characters.
    expect(
      html.match(
        /<p class="rule"[^>]*><span style="display:inline-block;width:[\d.]+pt;border-bottom:0.75pt solid #000"><\/span><\/p>/g,
      ),
    ).toHaveLength(2);
  });

  it('the Google Doc: no header, since DocumentApp cannot insert a page number; the result says so', () => {
    expect(doc.getHeader()).toBeNull();
    expect(result.message).toContain('Chèn > Số trang');
  });
});

/**
 * Attacks on the layout of the exported documents (local/docx.ts, local/html-export.ts) and on the
 * agency names' line breaks (src/domain/notice/layout.ts), as a records clerk meets them:
 * - a user's template that starts an appendix on a new page (a page break in the template) is still
 *   one document: its .docx and its preview are numbered from page 2 like any other (it was taken
 *   for a batch of one-page invitations and left unnumbered);
 * - a conclusion typed as one very long paragraph (longer than a page, or long enough that with the
 *   signature block it kept with it no page holds them): the preview spilled it past the bottom of
 *   its A4 sheet over the next one; it is now cut between lines like printed text;
 * - a document made from a user's template said nothing about page numbers ("the template may have
 *   its own"), but only the template's body is copied into the new Doc, never its header: the result
 *   now gives the same note as the default layout;
 * - a delegate list spanning pages: the preview repeats its header row on every sheet, the .docx did
 *   not (the header row is now a repeated header row, tblHeader);
 * - an issuing body whose locality is followed by more words and does not fit on one line was wrapped
 *   word by word, into the very break the issue reports ("ỦY BAN NHÂN DÂN TỈNH" / "THỪA THIÊN HUẾ
 *   NHIỆM" / "KỲ 2021-2026", "BAN CHỈ ĐẠO ĐẠI HỘI" / "TỈNH LẠNG SƠN LẦN THỨ" / "IV"): the locality's
 *   name now has a line of its own, what follows it the next;
 * - a long issuing body whose locality fits on the last line never leaves one short word alone on
 *   the line above ("BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI" / "BIỂU CÁC DÂN TỘC THIỂU" / "SỐ" / "HUYỆN …").
 */
import JSZip from 'jszip';
import { docxBuffer, isBatch } from '../../local/docx';
import { docHtml, paginate } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalDocument, LocalParagraph } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import { agencyLines, textWidthPt } from '../../src/domain/notice/layout';
import * as ND from '../../src/domain/notice/nd30';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';
import { DOCUMENT_LAYOUT } from '../../src/ui/vi';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const setting = (label: string, value: string | number) => {
    const config = runtime.spreadsheet.getSheetByName('Cấu hình');
    const row = config
      ?.getDataRange()
      .getValues()
      .findIndex((r) => r[0] === label);
    if (!config || row === undefined || row < 0) throw new Error(`no setting ${label}`);
    config.getRange(row + 1, 2).setValue(value);
  };
  const results: NoticeResultDto[] = [];
  const generate = (kind: NoticeKind) => {
    const r = runtime.execute(() => runGenerateNotice(ss, kind, { force: true }, NOW));
    results.push(r);
    return runtime.services.DocumentApp.created.find((d) => d.url === r.url) as LocalDocument;
  };
  return { runtime, setting, generate, results };
}

async function docxParts(doc: LocalDocument): Promise<{ document: string; headers: string[] }> {
  const zip = await JSZip.loadAsync(await docxBuffer(doc.snapshot()));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map(read),
  );
  return { document: await read('word/document.xml'), headers };
}

describe('a user’s template with an appendix on a new page', () => {
  const { runtime, setting, generate, results } = setup();
  const template = runtime.services.DocumentApp.preload('Mẫu có phụ lục', (body) => {
    (body.children[0] as LocalParagraph).setText('{{co_quan_ban_hanh}}');
    body.appendParagraph('{{so_ky_hieu}}');
    body.appendParagraph('{{trich_yeu}}');
    body.appendParagraph('{{noi_dung}}');
    body.appendParagraph('{{nguoi_ky}}').appendPageBreak();
    body.appendParagraph('PHỤ LỤC');
    body.appendParagraph('Danh sách kèm theo thông báo số {{so_ky_hieu}}.');
  });
  setting('Mẫu văn bản (ID Google Docs)', template.id);
  const doc = generate('thong-bao-ket-luan');
  const snap = doc.snapshot();

  it('is made from the template, the page break kept', () => {
    expect(doc.body.getText()).toContain('PHỤ LỤC');
    expect(snap.blocks.some((b) => b.type !== 'table' && (b.pageBreaks ?? 0) > 0)).toBe(true);
  });

  it('the result says how to number the pages in Google Docs (the template’s header, with any page number, is not copied) and to check the signature block', () => {
    expect(results[0]?.message).toContain(DOCUMENT_LAYOUT.googleDocsNote(false));
  });

  it('is one document, not a batch of one-page invitations', () => {
    expect(isBatch(snap)).toBe(false);
  });

  it('the .docx numbers its pages from page 2 (a PAGE field in the header, a different first page)', async () => {
    const { document, headers } = await docxParts(doc);
    expect(headers.some((h) => /<w:instrText[^>]*>\s*PAGE\s*</.test(h))).toBe(true);
    expect(document).toContain('<w:titlePg/>');
  });

  it('the preview shows the number on page 2 (the appendix), none on page 1', () => {
    const html = docHtml(snap);
    const sheets = html.split('<div class="page" ').slice(1);
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    expect(sheets[0]).not.toContain('class="page-number"');
    expect(sheets[1]).toMatch(/<div class="page-number"[^>]*>2<\/div>/);
  });
});

describe('Giấy mời stays a batch of unnumbered one-page invitations', () => {
  const { generate } = setup();
  const doc = generate('giay-moi');

  it('no page number in the .docx nor in the preview', async () => {
    const snap = doc.snapshot();
    expect(isBatch(snap)).toBe(true);
    const { document, headers } = await docxParts(doc);
    expect(headers.join('')).not.toMatch(/PAGE/);
    expect(document).not.toContain('<w:titlePg/>');
    expect(docHtml(snap)).not.toContain('class="page-number"');
  });
});

describe('the issuing body of a district committee, long enough for four lines', () => {
  const width = (ND.mmToPt(ND.PAGE.widthMm - ND.MARGINS.leftMm - ND.MARGINS.rightMm) * ND.HEADER_WIDTHS[0]) / 100 - 10;
  const name = 'BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ HUYỆN ĐIỆN BIÊN ĐÔNG';
  const lines = agencyLines(name, ND.SIZE.agency, width);

  it('the district starts the last line; every line fits the column; nothing is lost', () => {
    expect(lines[lines.length - 1]).toBe('HUYỆN ĐIỆN BIÊN ĐÔNG');
    expect(lines.join(' ')).toBe(name);
    for (const l of lines) expect(textWidthPt(l, ND.SIZE.agency, true)).toBeLessThanOrEqual(width);
  });

  it('no line above the district is one short word left alone (the lines are even)', () => {
    const head = lines.slice(0, -1);
    expect(head.length).toBeLessThanOrEqual(3);
    for (const l of head) expect(l.split(' ').length).toBeGreaterThan(1);
    const widths = head.map((l) => textWidthPt(l, ND.SIZE.agency, true));
    expect(Math.min(...widths)).toBeGreaterThan(Math.max(...widths) * 0.6);
  });

  it('names that already broke well break as before', () => {
    expect(agencyLines('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', 13, width)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(agencyLines('HĐND-UBND-UBMTTQ TỈNH LẠNG SƠN', 13, width)).toEqual(['HĐND-UBND-UBMTTQ', 'TỈNH LẠNG SƠN']);
  });
});

describe('conclusions typed as very long paragraphs, in the paginated preview', () => {
  const { runtime, generate } = setup();
  const conclusions = runtime.spreadsheet.getSheetByName('Kết luận');
  const sentence =
    'Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố chủ động phối hợp triển khai nhiệm vụ được giao. ';
  // Point 1 longer than a page on its own; the last point long enough that, kept with the
  // recipients | signature block, no page holds them together.
  conclusions?.getRange(4, 3).setValue(sentence.repeat(60).trim());
  conclusions?.getRange(conclusions.getLastRow(), 3).setValue(`${sentence.repeat(32)}Kết thúc đoạn cuối.`);
  const snap = generate('thong-bao-ket-luan').snapshot();
  const room = snap.page.heightPt - snap.page.marginTopPt - snap.page.marginBottomPt;
  const pages = paginate(snap);
  const textOf = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, '')
      .replace(/\s+/g, '');

  it('no sheet holds more than its page (by the estimate)', () => {
    for (const p of pages) expect(p.heightPt).toBeLessThanOrEqual(room + 0.001);
  });

  it('no word lost or repeated: the sheets read as the Doc, in order', () => {
    const all = (blocks: typeof snap.blocks): string =>
      blocks
        .map((b) =>
          b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => all(c.blocks)).join('')).join('') : b.text,
        )
        .join('');
    const expected = all(snap.blocks)
      .replace(/\u00a0/g, '')
      .replace(/\s+/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
    expect(pages.map((p) => textOf(p.html.join(''))).join('')).toBe(expected);
  });

  it('the end of the last paragraph is on the sheet of the signature', () => {
    const last = pages.at(-1)?.html.join('') ?? '';
    expect(last).toContain('Kết thúc đoạn cuối./.');
    expect(last).toContain('Nơi nhận:');
  });
});

describe('the delegate list over several pages: the .docx repeats the header row as the preview does', () => {
  const { generate } = setup();
  const doc = generate('danh-sach-dai-bieu');

  it('the preview repeats it; the .docx marks the bordered table’s first row, and only that row, as a header', async () => {
    const snap = doc.snapshot();
    const sheets = paginate(snap).filter((p) => p.html.join('').includes('Họ và tên'));
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    const { document } = await docxParts(doc);
    const tables = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    const bordered = tables.filter((t) => t.includes('Họ và tên'));
    expect(bordered).toHaveLength(1);
    const rows = [...(bordered[0] as string).matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows[0]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/s);
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
    for (const t of tables.filter((x) => !x.includes('Họ và tên'))) expect(t).not.toContain('<w:tblHeader');
  });
});

describe('an issuing body with words after its locality, too long for one line', () => {
  const width = (ND.mmToPt(ND.PAGE.widthMm - ND.MARGINS.leftMm - ND.MARGINS.rightMm) * ND.HEADER_WIDTHS[0]) / 100 - 10;
  const lines = (name: string) => agencyLines(name, ND.SIZE.agency, width);

  it('the locality’s name on a line of its own, what follows it on the next', () => {
    expect(lines('ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2021-2026')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH THỪA THIÊN HUẾ',
      'NHIỆM KỲ 2021-2026',
    ]);
    expect(lines('BAN CHỈ ĐẠO ĐẠI HỘI TỈNH LẠNG SƠN LẦN THỨ IV')).toEqual([
      'BAN CHỈ ĐẠO ĐẠI HỘI',
      'TỈNH LẠNG SƠN',
      'LẦN THỨ IV',
    ]);
    expect(lines('HỘI ĐỒNG NHÂN DÂN THỊ XÃ SA PA NHIỆM KỲ 2021-2026')).toEqual([
      'HỘI ĐỒNG NHÂN DÂN',
      'THỊ XÃ SA PA',
      'NHIỆM KỲ 2021-2026',
    ]);
    expect(lines('BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ THÀNH PHỐ HỒ CHÍ MINH LẦN THỨ IV')).toContain(
      'THÀNH PHỐ HỒ CHÍ MINH',
    );
  });

  it.each([
    'ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2021-2026',
    'BAN CHỈ ĐẠO ĐẠI HỘI TỈNH LẠNG SƠN LẦN THỨ IV',
    'BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ TỈNH LẠNG SƠN LẦN THỨ IV',
    'BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ THÀNH PHỐ HỒ CHÍ MINH LẦN THỨ IV',
    'HỘI ĐỒNG NHÂN DÂN HUYỆN ĐIỆN BIÊN ĐÔNG KHÓA XX NHIỆM KỲ 2021-2026',
    'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN <B>{{SO}}</B> $1 & "X"',
  ])('%s: no line ends with a locality word or "LẦN", every line fits, nothing lost', (name) => {
    const out = lines(name);
    expect(out.join(' ')).toBe(name);
    for (const l of out) expect(textWidthPt(l, ND.SIZE.agency, true)).toBeLessThanOrEqual(width);
    for (const l of out.slice(0, -1)) expect(l).not.toMatch(/(^|\s)(TỈNH|HUYỆN|XÃ|THÀNH PHỐ|LẦN|NHIỆM)$/u);
  });

  it('in the Doc: the allocation notice of a committee typed in lower case and NFD', () => {
    const { setting, generate } = setup();
    setting(
      'Thông báo phân bổ đại biểu: Cơ quan ban hành',
      'Ban Chỉ đạo Đại hội tỉnh Lạng Sơn lần thứ IV'.normalize('NFD'),
    );
    const snap = generate('phan-bo-dai-bieu').snapshot();
    const header = snap.blocks.find((b) => b.type === 'table');
    const left = header?.type === 'table' ? (header.rows[0]?.cells[0]?.blocks ?? []) : [];
    const texts = left.flatMap((b) => (b.type === 'table' ? [] : [b.text]));
    expect(texts).toEqual(expect.arrayContaining(['BAN CHỈ ĐẠO ĐẠI HỘI', 'TỈNH LẠNG SƠN', 'LẦN THỨ IV']));
    const at = texts.indexOf('BAN CHỈ ĐẠO ĐẠI HỘI');
    expect(texts.slice(at, at + 3)).toEqual(['BAN CHỈ ĐẠO ĐẠI HỘI', 'TỈNH LẠNG SƠN', 'LẦN THỨ IV']);
  });
});

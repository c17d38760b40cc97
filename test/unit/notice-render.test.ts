/**
 * The DocumentApp renderer on the local DocumentApp: the Lạng Sơn notice checked element by element
 * in the Doc it makes and in its .docx export (document.xml: page size and margins in twips, fonts,
 * sizes in half-points, bold/italic, alignment, indents); call counts; failures; the user's template.
 */
import JSZip from 'jszip';
import { docxBuffer } from '../../local/docx';
import { docHtml } from '../../local/html-export';
import { Boundary } from '../../local/runtime/boundary';
import { CallCounter, type CallCounts, FaultInjector } from '../../local/runtime/calls';
import {
  type Attrs,
  type BlockSnapshot,
  type DocSnapshot,
  LocalDocumentApp,
  type LocalParagraph,
  LocalTable,
  type ParagraphSnapshot,
  type TableSnapshot,
} from '../../local/runtime/document';
import { LANG_SON } from '../../samples/lang-son';
import { CELL_STYLE_LIMIT, RenderError, renderDocument, renderFromTemplate } from '../../src/docs/render';
import { type AllocationNoticeInput, buildAllocationNotice, methodSentence } from '../../src/domain/notice/allocation';
import { assignmentInput, buildAssignmentDecision } from '../../src/domain/notice/assignment';
import { buildConclusionNotice, conclusionInput } from '../../src/domain/notice/conclusion';
import { withNumber } from '../../src/domain/notice/frame';
import type { DocModel } from '../../src/domain/notice/model';
import { resolveProfile } from '../../src/domain/notice/profiles';
import { ProblemList } from '../../src/domain/problem';
import {
  readConclusions,
  readMeetings,
  readMembers,
  readSettings,
  readTasks,
  readUnits,
  UnitIndex,
} from '../../src/domain/records';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

/** The decision founding the steering committee (the sample's meeting cites it). */
const FOUNDING = 'Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh';

const grid = (key: SheetKey): CellValue[][] => [
  SHEETS[key].columns.map((c) => c.header),
  ...((LANG_SON.sheets[SHEETS[key].name] ?? []) as CellValue[][]),
];
const problems = new ProblemList();
const settings = readSettings(grid('config'), 420, problems);
const members = readMembers(grid('members'), problems);
const conclusionModel = (): DocModel =>
  withNumber(
    buildConclusionNotice(
      conclusionInput(
        undefined,
        readMeetings(grid('meetings'), 420, problems),
        readConclusions(grid('conclusions'), problems),
        readTasks(grid('tasks'), 420, problems).rows,
        members,
      ),
      settings,
      '2024-01-05',
    ),
    '01/TB-UBND',
  );

function harness() {
  const app = new LocalDocumentApp();
  const counter = new CallCounter();
  const faults = new FaultInjector();
  const boundary = new Boundary({
    beforeCall: (key) => {
      counter.hit(key);
      faults.check(key, '');
    },
  });
  (globalThis as unknown as { DocumentApp: unknown }).DocumentApp = boundary.wrap(app);
  return { app, counter, faults };
}

function render(model: DocModel): { doc: DocSnapshot; calls: CallCounts; url: string } {
  const { app, counter } = harness();
  const { url } = renderDocument(model);
  const doc = app.created[0]?.snapshot() as DocSnapshot;
  return { doc, calls: counter.snapshot(), url };
}

const paragraphsOf = (blocks: readonly BlockSnapshot[]): ParagraphSnapshot[] =>
  blocks.flatMap((b) =>
    b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphsOf(c.blocks))) : [b],
  );
const find = (doc: DocSnapshot, text: string | RegExp): ParagraphSnapshot => {
  const p = paragraphsOf(doc.blocks).find((x) => (typeof text === 'string' ? x.text === text : text.test(x.text)));
  if (!p) throw new Error(`No paragraph ${String(text)}`);
  return p;
};
/** The text style of a paragraph whose runs all share it. */
const style = (p: ParagraphSnapshot): Attrs => {
  const [first, ...rest] = p.runs;
  for (const r of rest) expect(r.attrs).toEqual(first?.attrs);
  return first?.attrs ?? p.mark;
};
const cellTexts = (t: TableSnapshot): string[][] =>
  t.rows.map((r) =>
    r.cells.map((c) =>
      paragraphsOf(c.blocks)
        .map((p) => p.text)
        .join('\n'),
    ),
  );

describe('the Lạng Sơn Thông báo kết luận rendered into a Google Doc', () => {
  const model = conclusionModel();
  const { doc, calls, url } = render(model);
  const tables = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table');
  const [header, footer] = [tables[0] as TableSnapshot, tables[tables.length - 1] as TableSnapshot];

  it('a complete Doc: final title, A4, ND 30 margins', () => {
    expect(doc.name).toBe(model.title);
    expect(doc.name.startsWith('[CHƯA HOÀN THÀNH]')).toBe(false);
    expect(url).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(doc.page.widthPt).toBeCloseTo(595.276, 2);
    expect(doc.page.heightPt).toBeCloseTo(841.89, 2);
    expect(doc.page.marginTopPt).toBeCloseTo(56.693, 2);
    expect(doc.page.marginBottomPt).toBeCloseTo(56.693, 2);
    expect(doc.page.marginLeftPt).toBeCloseTo(85.039, 2);
    expect(doc.page.marginRightPt).toBeCloseTo(42.52, 2);
  });

  it('header: a borderless two-column table, number and place-date on the same row', () => {
    expect(doc.blocks[0]).toMatchObject({ type: 'paragraph', text: '', mark: { FONT_SIZE: 1 } });
    expect(doc.blocks[1]).toBe(header);
    expect(header.attrs.BORDER_WIDTH).toBe(0);
    expect(cellTexts(header)).toEqual([
      [
        expect.stringMatching(/^ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\u00a0+$/),
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
      ],
      ['Số: 01/TB-UBND', 'Lạng Sơn, ngày 05 tháng 01 năm 2024'],
    ]);
    const w = header.widths as number[];
    expect(w[0]! + w[1]!).toBeCloseTo(((210 - 30 - 15) * 72) / 25.4, 1);
    expect(style(find(doc, 'ỦY BAN NHÂN DÂN'))).toMatchObject({ BOLD: true, FONT_SIZE: 13 });
    expect(style(find(doc, 'TỈNH LẠNG SƠN'))).toMatchObject({ BOLD: true, FONT_SIZE: 13 });
    expect(style(find(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toMatchObject({ BOLD: true, FONT_SIZE: 12 });
    expect(style(find(doc, 'Độc lập - Tự do - Hạnh phúc'))).toMatchObject({ BOLD: true, UNDERLINE: true });
    expect(style(find(doc, 'Số: 01/TB-UBND'))).toMatchObject({ BOLD: false, ITALIC: false, FONT_SIZE: 13 });
    expect(style(find(doc, 'Lạng Sơn, ngày 05 tháng 01 năm 2024'))).toMatchObject({ ITALIC: true, BOLD: false });
    for (const text of ['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'Số: 01/TB-UBND', 'Lạng Sơn, ngày 05 tháng 01 năm 2024']) {
      expect(find(doc, text).attrs).toMatchObject({ HORIZONTAL_ALIGNMENT: 'CENTER', LINE_SPACING: 1 });
    }
  });

  it('type name and summary: bold, centred, 14 pt, right after the header', () => {
    const [spacer, type, summary] = doc.blocks.slice(2, 5) as ParagraphSnapshot[];
    expect(spacer).toMatchObject({ text: '', mark: { FONT_SIZE: 8, FONT_FAMILY: 'Times New Roman' } });
    expect(type?.text).toBe('THÔNG BÁO');
    expect(summary?.text).toBe(model.summary);
    for (const p of [type, summary] as ParagraphSnapshot[]) {
      expect(p.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
      expect(style(p)).toMatchObject({ BOLD: true, FONT_SIZE: 14, FONT_FAMILY: 'Times New Roman' });
    }
  });

  it('body: every paragraph justified, Times New Roman 14 pt, 1.27 cm first line, 6 pt after', () => {
    const first = doc.blocks.findIndex((b) => b.type === 'paragraph' && b.text.startsWith('Ngày 03/01/2024'));
    const body = doc.blocks.slice(first, doc.blocks.indexOf(footer)) as ParagraphSnapshot[];
    expect(body.map((p) => p.text)).toEqual(model.blocks.map((b) => (b.type === 'paragraph' ? b.runs[0]?.text : '')));
    for (const p of body) {
      expect(p.type).toBe('paragraph');
      expect(p.attrs).toMatchObject({ HORIZONTAL_ALIGNMENT: 'JUSTIFY', SPACING_AFTER: 6, LINE_SPACING: 1.15 });
      expect(p.attrs.INDENT_FIRST_LINE).toBeCloseTo(36, 1);
      expect(style(p)).toMatchObject({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 14, BOLD: false, ITALIC: false });
    }
  });

  it('recipients | signature: borderless, "Nơi nhận:" 12 pt bold italic, recipients 11 pt, signer bold', () => {
    expect(footer.attrs.BORDER_WIDTH).toBe(0);
    expect(style(find(doc, 'Nơi nhận:'))).toMatchObject({ BOLD: true, ITALIC: true, FONT_SIZE: 12 });
    expect(find(doc, 'Nơi nhận:').attrs.HORIZONTAL_ALIGNMENT).toBe('LEFT');
    for (const r of model.recipients)
      expect(style(find(doc, r))).toMatchObject({ FONT_SIZE: 11, BOLD: false, ITALIC: false });
    expect(find(doc, '- Lưu: VT, KT_(NTA).')).toBeTruthy();
    for (const s of ['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Vũ Quang Khánh']) {
      expect(style(find(doc, s))).toMatchObject({ BOLD: true, FONT_SIZE: 14 });
      expect(find(doc, s).attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    }
    const [left, right] = cellTexts(footer)[0] as [string, string];
    expect(left.split('\n')[0]).toBe('Nơi nhận:');
    expect(right.split('\n')[0]).toBe('TL. CHỦ TỊCH');
  });

  it('few calls: one create, one saveAndClose, one table call per table, one setAttributes per paragraph', () => {
    expect(calls['DocumentApp.create']).toBe(1);
    expect(calls['Document.saveAndClose']).toBe(1);
    expect(calls['Document.setName']).toBe(1);
    expect(calls['Body.appendTable']).toBe(2);
    expect(calls['Body.insertTable']).toBeUndefined();
    expect(calls['Paragraph.setAttributes']).toBe(
      paragraphsOf(doc.blocks).filter((p) => p.text || p.mark.FONT_SIZE).length,
    );
    expect(calls['Text.setAttributes'] ?? 0).toBe(0);
    expect(calls.total).toBeLessThan(110);
  });
});

async function documentXml(doc: DocSnapshot): Promise<string> {
  const zip = await JSZip.loadAsync(await docxBuffer(doc));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}
/** The XML of the paragraph whose text is `text`. */
function paragraphXml(xml: string, text: string): string {
  const found = xml
    .match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)
    ?.find((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') === text);
  if (!found) throw new Error(`No paragraph "${text}" in document.xml`);
  return found;
}

describe('the .docx export of the notice', () => {
  const model = conclusionModel();
  const { doc } = render(model);
  let xml = '';
  beforeAll(async () => {
    xml = await documentXml(doc);
  });

  it('A4 portrait and the margins, in twips', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    const mar = xml.match(/<w:pgMar [^>]*\/>/)?.[0] ?? '';
    expect(mar).toContain('w:top="1134"');
    expect(mar).toContain('w:bottom="1134"');
    expect(mar).toContain('w:left="1701"');
    expect(mar).toContain('w:right="850"');
  });

  it('Times New Roman everywhere text is written', () => {
    const fonts = new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('body paragraph: justified, first line 720 twips (1.27 cm), 120 after, 14 pt', () => {
    const p = paragraphXml(xml, (model.blocks[0] as { runs: { text: string }[] }).runs[0]?.text ?? '');
    expect(p).toContain('<w:jc w:val="both"/>');
    expect(p).toMatch(/<w:ind [^>]*w:firstLine="720"/);
    expect(p).toMatch(/<w:spacing [^>]*w:after="120"/);
    expect(p).toMatch(/<w:spacing [^>]*w:line="276"/);
    expect(p).toContain('<w:sz w:val="28"/>');
    expect(p).not.toMatch(/<w:b\/>|<w:i\/>/);
  });

  it('header, title and signature styles', () => {
    const issuing = paragraphXml(xml, 'TỈNH LẠNG SƠN');
    expect(issuing).toContain('<w:jc w:val="center"/>');
    expect(issuing).toContain('<w:b/>');
    expect(issuing).toContain('<w:sz w:val="26"/>');
    expect(paragraphXml(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:sz w:val="24"/>');
    expect(paragraphXml(xml, 'Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:u w:val="single"\/>/);
    const date = paragraphXml(xml, 'Lạng Sơn, ngày 05 tháng 01 năm 2024');
    expect(date).toContain('<w:i/>');
    expect(date).not.toContain('<w:b/>');
    const type = paragraphXml(xml, 'THÔNG BÁO');
    expect(type).toContain('<w:b/>');
    expect(type).toContain('<w:jc w:val="center"/>');
    expect(type).toContain('<w:sz w:val="28"/>');
    const summary = paragraphXml(xml, model.summary);
    expect(summary).toContain('<w:b/>');
    expect(summary).toContain('<w:jc w:val="center"/>');
    const heading = paragraphXml(xml, 'Nơi nhận:');
    expect(heading).toContain('<w:b/>');
    expect(heading).toContain('<w:i/>');
    expect(heading).toContain('<w:sz w:val="24"/>');
    expect(paragraphXml(xml, '- Các thành phần dự họp;')).toContain('<w:sz w:val="22"/>');
    for (const s of ['TL. CHỦ TỊCH', 'PHÓ CHÁNH VĂN PHÒNG', 'Vũ Quang Khánh']) {
      expect(paragraphXml(xml, s)).toContain('<w:b/>');
      expect(paragraphXml(xml, s)).toContain('<w:jc w:val="center"/>');
    }
  });

  it('the header and signature tables have no borders', () => {
    const borders = [...xml.matchAll(/<w:tblBorders>(.*?)<\/w:tblBorders>/gs)].map((m) => m[1] ?? '');
    expect(borders).toHaveLength(2);
    for (const b of borders) {
      expect(b).not.toContain('w:val="single"');
      expect(b).toContain('w:val="none"');
    }
  });

  it('the HTML preview has the same structure', () => {
    const html = docHtml(doc);
    expect(html).toContain('<title>01/TB-UBND - Thông báo kết luận cuộc họp');
    expect(html).toContain('font-weight:bold');
    expect(html).toMatch(/text-align:justify;[^"]*text-indent:36pt/);
    expect(html).toContain('Nơi nhận:');
    expect(html).toContain('size: 595.276pt 841.89pt');
    expect(html.match(/<table /g)).toHaveLength(2);
  });
});

describe('allocation and assignment documents', () => {
  const allocation = (n: number): AllocationNoticeInput => ({
    rows: Array.from({ length: n }, (_, i) => ({
      code: `X${i}`,
      name: `Xã ${i + 1}`,
      dttsPopulation: 1000 + i,
      seats: 1 + (i % 3),
    })),
    fixedSeats: [{ label: 'Đại biểu đương nhiên', seats: 15 }],
    methodSentence: methodSentence(settings),
  });
  const model = (n: number) => withNumber(buildAllocationNotice(allocation(n), settings, '2024-02-01'), '02/TB-UBND');

  it('the allocation table: bordered, header and totals bold, numbers aligned', async () => {
    const { doc } = render(model(11));
    const t = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table')[1] as TableSnapshot;
    expect(t.attrs.BORDER_WIDTH).toBe(0.5);
    expect(t.rows).toHaveLength(13);
    const cell = (r: number, c: number) => t.rows[r]?.cells[c]?.blocks[0] as ParagraphSnapshot;
    expect(cell(0, 2).text).toBe('Dân số DTTS (người)');
    expect(style(cell(0, 2))).toMatchObject({ BOLD: true, FONT_SIZE: 13, FONT_FAMILY: 'Times New Roman' });
    expect(cell(0, 1).attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    expect(style(cell(1, 1))).toMatchObject({ BOLD: false });
    expect(cell(1, 2)).toMatchObject({ text: '1.000', attrs: { HORIZONTAL_ALIGNMENT: 'RIGHT' } });
    expect(cell(1, 3).attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    expect(cell(1, 1).attrs.HORIZONTAL_ALIGNMENT).toBeUndefined();
    expect(cell(12, 1).text).toBe('Tổng cộng');
    expect(style(cell(12, 2))).toMatchObject({ BOLD: true });
    const xml = await documentXml(doc);
    const grids = [...xml.matchAll(/<w:tblBorders>(.*?)<\/w:tblBorders>/gs)].map((m) => m[1] ?? '');
    expect(grids.filter((b) => b.includes('w:val="single"'))).toHaveLength(1);
    expect(paragraphXml(xml, '1.000')).toContain('<w:jc w:val="right"/>');
  });

  it('calls do not grow with the rows beyond the styled ones (11 and 3,321 rows)', () => {
    const small = render(model(11)).calls;
    const large = render(model(3321));
    expect(large.calls['Body.appendTable']).toBe(3);
    expect(large.calls.total).toBeLessThan(small.total);
    expect(large.calls.total).toBeLessThan(150);
    const table = large.doc.blocks.filter((b): b is TableSnapshot => b.type === 'table')[1] as TableSnapshot;
    expect(table.rows).toHaveLength(3323);
    expect(paragraphsOf([table]).at(-1)?.runs[0]?.attrs).toMatchObject({ BOLD: true });
    expect(CELL_STYLE_LIMIT).toBeLessThan(3321);
    if (process.env.NOTICE_CALLS) console.log(JSON.stringify({ small, large: large.calls }, null, 1));
  });

  it('the assignment decision: mixed runs (bold "Điều 1.") styled with one call per run', () => {
    const index = new UnitIndex(readUnits(grid('units'), problems));
    const m = withNumber(
      buildAssignmentDecision(
        assignmentInput(members, index, 'district'),
        { ...settings, foundingDecision: FOUNDING },
        '2024-01-15',
      ),
      '03/QĐ-BCĐ',
    );
    const { doc, calls } = render(m);
    const article = find(doc, /^Điều 1\. Phân công/);
    expect(article.runs.map((r) => [r.text.slice(0, 8), r.attrs.BOLD])).toEqual([
      ['Điều 1.', true],
      [' Phân cô', false],
    ]);
    expect(article.attrs.HORIZONTAL_ALIGNMENT).toBe('JUSTIFY');
    expect(style(find(doc, /^Căn cứ Quyết định/))).toMatchObject({ ITALIC: true });
    // Three bold article numbers, plus the table's text style (one call for the whole table).
    expect(calls['Text.setAttributes']).toBe(4);
    expect(find(doc, 'QUYẾT ĐỊNH').attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    expect(find(doc, 'Số: 03/QĐ-BCĐ')).toBeTruthy();
  });
});

describe('failures', () => {
  it('the daily quota on create: no Doc made, the service error passes through', () => {
    const { app, faults } = harness();
    faults.add('DocumentApp.create', { message: 'Service invoked too many times for one day: docs create.' });
    expect(() => renderDocument(conclusionModel())).toThrow('Service invoked too many times for one day: docs create.');
    expect(app.created).toHaveLength(0);
  });

  it('a failure mid-way: a RenderError naming the incomplete Doc, which keeps its "[CHƯA HOÀN THÀNH]" title', () => {
    const { app, faults, counter } = harness();
    faults.add('Body.appendParagraph', { after: 5 });
    let error: unknown;
    try {
      renderDocument(conclusionModel());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RenderError);
    const e = error as RenderError;
    expect(e.created).toBe(true);
    expect(e.draftName).toMatch(/^\[CHƯA HOÀN THÀNH\] 01\/TB-UBND - Thông báo kết luận/);
    expect(app.created[0]?.name).toBe(e.draftName);
    expect(counter.snapshot()['Document.saveAndClose']).toBeUndefined();
  });
});

describe('the user’s template', () => {
  it('copies the template body, fills placeholders, repeats the {{cot_…}} row and inserts the body', () => {
    const { app, counter } = harness();
    const template = app.preload('Mẫu', (body) => {
      (body.children[0] as LocalParagraph).setText('{{co_quan_ban_hanh}} — {{so_ky_hieu}}');
      body.appendParagraph('{{dia_danh_ngay}}');
      body.appendParagraph('{{loai_van_ban}}: {{trich_yeu}}');
      body.appendParagraph('{{noi_dung}}');
      body.appendTable([
        ['TT', 'Họ tên', 'Chức vụ', 'Nhiệm vụ', 'Địa bàn'],
        ['{{cot_1}}', '{{cot_2}}', '{{cot_3}}', '{{cot_4}}', '{{cot_5}}'],
      ]);
      const sign = body.appendTable([['{{noi_nhan}}', '{{tham_quyen}}']]);
      void sign;
      body.appendParagraph('{{nguoi_ky}}').setAttributes({ BOLD: true });
    });
    const index = new UnitIndex(readUnits(grid('units'), problems));
    const m = withNumber(
      buildAssignmentDecision(
        assignmentInput(members, index, 'district'),
        { ...settings, foundingDecision: FOUNDING },
        '2024-01-15',
        '',
        {
          profile: resolveProfile('phan-cong-nhiem-vu', settings, {}, members),
        },
      ),
      '03/QĐ-BCĐ',
    );
    renderFromTemplate(m, template.id);
    const made = app.created[0];
    expect(made?.name).toBe(m.title);
    const doc = made?.snapshot() as DocSnapshot;
    const texts = paragraphsOf(doc.blocks).map((p) => p.text);
    expect(texts[0]).toBe('BAN CHỈ ĐẠO ĐẠI HỘI — Số: 03/QĐ-BCĐ');
    expect(texts).toContain('Lạng Sơn, ngày 15 tháng 01 năm 2024');
    expect(texts).toContain(`QUYẾT ĐỊNH: ${m.summary}`);
    expect(texts.some((t) => t.includes('{{'))).toBe(false);
    expect(texts).toContain('QUYẾT ĐỊNH:');
    expect(texts.some((t) => t.startsWith('Điều 2.'))).toBe(true);
    const data = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table')[0] as TableSnapshot;
    expect(cellTexts(data).map((r) => r[1])).toEqual([
      'Họ tên',
      'Đoàn Thanh Sơn',
      'Hoàng Văn Minh',
      'Lương Thị Hạnh',
      'Nông Văn Tuấn',
      'Vi Thị Lan',
      'Chu Văn Hùng',
    ]);
    const sign = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table')[1] as TableSnapshot;
    // The decision is the steering committee's: TM. BAN CHỈ ĐẠO, signed by its head (Thành viên).
    expect(cellTexts(sign)[0]).toEqual([m.recipients.join('\n'), 'TM. BAN CHỈ ĐẠO']);
    // The signer's paragraph ({{nguoi_ky}}, bold in the template) is the last with the name (the table lists him too).
    const named = paragraphsOf(doc.blocks).filter((p) => p.text === 'Đoàn Thanh Sơn');
    expect(style(named[named.length - 1] as ParagraphSnapshot)).toMatchObject({ BOLD: true });
    expect(doc.page.widthPt).toBe(612);
    expect(counter.snapshot()['DocumentApp.openById']).toBe(1);
    expect(counter.snapshot()['Document.saveAndClose']).toBe(1);
    expect(made?.body.children.filter((c) => c instanceof LocalTable)).toHaveLength(2);
  });

  it('an unknown template id fails before any Doc is made', () => {
    const { app } = harness();
    expect(() => renderFromTemplate(conclusionModel(), 'nope')).toThrow(/No item with the given ID/);
    expect(app.created).toHaveLength(0);
  });
});

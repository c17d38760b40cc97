/**
 * Giấy mời đại biểu and Danh sách đại biểu chính thức, made by the bundle (build/Code.js) on the local
 * runtime from both samples (Lạng Sơn by district, Lạng Sơn by commune), checked element by element
 * against the sheet itself: one invitation a page for every official delegate with the right
 * salutation, name, position and unit; the list's rows, groups and totals equal to the sheet's counts;
 * the .docx export; the DocumentApp calls per page; refusals that name the cell and make nothing.
 */
import JSZip from 'jszip';
import { docxBuffer } from '../../local/docx';
import { docHtml, paginate } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot, ParagraphSnapshot, TableSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import type { SampleWorkbook } from '../../samples/types';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T09:00:00+07:00';

interface Expected {
  name: string;
  salutation: string;
  unit: string;
  position: string;
  kind: string;
  ethnic: string;
  gender: string;
  birthYear: string;
}

/** What the sheets say, read independently of the add-in: delegates in unit order, then sheet order. */
function expectedDelegates(runtime: Runtime, kinds: readonly string[]): Expected[] {
  const units = runtime.spreadsheet.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  const nameOf = new Map(units.slice(1).map((r, i) => [String(r[0]), { name: String(r[1]), order: i }]));
  const rows = runtime.spreadsheet.getSheetByName('Đại biểu')?.getDataRange().getValues() ?? [];
  return rows
    .slice(1)
    .filter((r) => kinds.includes(String(r[7])))
    .map((r, i) => {
      const unit = nameOf.get(String(r[2]));
      // As typed ("Nữ", "nữ", NFD): the add-in reads the gender whatever its case or Unicode form.
      const gender = String(r[4]).normalize('NFC').toLowerCase();
      return {
        i,
        order: unit ? unit.order : Number.MAX_SAFE_INTEGER,
        d: {
          // Printed in the composed Unicode form, whatever form was pasted.
          name: String(r[1]).normalize('NFC'),
          salutation: gender === 'nam' ? 'Ông' : gender === 'nữ' || gender === 'nu' ? 'Bà' : 'Ông/Bà',
          unit: unit ? unit.name : 'Cấp tỉnh',
          position: String(r[8]).normalize('NFC'),
          kind: String(r[7]),
          ethnic: String(r[3]),
          gender: gender === 'nam' ? 'Nam' : gender === 'nữ' || gender === 'nu' ? 'Nữ' : '',
          birthYear: String(r[5]),
        },
      };
    })
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map((x) => x.d);
}

const textOf = (b: BlockSnapshot): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;

/** The pages of an invitation batch: the top-level tables, each one invitation. */
function pagesOf(doc: DocSnapshot): { pages: TableSnapshot[]; breaks: number[] } {
  const pages: TableSnapshot[] = [];
  const breaks: number[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.type === 'table') pages.push(b);
    else if (b.pageBreaks) breaks.push(i);
  });
  return { pages, breaks };
}

function setup(sample: SampleWorkbook) {
  const runtime = new Runtime({ spreadsheet: buildSample(sample), now: NOW });
  const generate = (kind: string, options: Record<string, unknown> = {}) =>
    runBundle(runtime, 'generateNotice', [kind, options]).result as NoticeResultDto;
  const failure = (kind: string, options: Record<string, unknown> = {}) => {
    try {
      generate(kind, options);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };
  const docs = () => runtime.services.DocumentApp.created;
  const setConfig = (label: string, value: string) => {
    const sheet = runtime.spreadsheet.getSheetByName('Cấu hình');
    const rows = sheet?.getDataRange().getValues() ?? [];
    const i = rows.findIndex((r) => r[0] === label);
    if (i < 0) throw new Error(`no setting ${label}`);
    sheet?.getRange(i + 1, 2).setValue(value);
    return `B${i + 1}`;
  };
  return { runtime, generate, failure, docs, setConfig };
}

// The invitation is the steering committee's (…/GM-BCĐ), also where the general settings are the UBND office's.
describe.each([
  ['lang-son', LANG_SON, 'BCĐ'],
  ['lang-son-cap-xa', LANG_SON_COMMUNES, 'BCĐ'],
] as const)('Giấy mời đại biểu from the %s sample', (_name, sample, issuer) => {
  const { runtime, generate, docs } = setup(sample);
  runtime.resetCalls();
  const result = generate('giay-moi');
  const calls = runtime.calls;
  const doc = docs()[0]?.snapshot() as DocSnapshot;
  const expected = expectedDelegates(runtime, ['Chính thức', 'Đương nhiên']);
  const { pages, breaks } = pagesOf(doc);

  it('is one document numbered once for the whole batch', () => {
    expect(docs()).toHaveLength(1);
    expect(result.number).toBe(`01/GM-${issuer}`);
    expect(result.message).toMatch(new RegExp(`^Đã tạo giấy mời đại biểu số 01/GM-${issuer}\\.`));
    const log = runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
    expect(log).toHaveLength(2);
    expect(log[1]?.slice(0, 2)).toEqual(['Giấy mời đại biểu', `01/GM-${issuer}`]);
  });

  it('has one page per official delegate, a page break between pages and none after the last', () => {
    expect(expected.length).toBeGreaterThan(100);
    expect(pages).toHaveLength(expected.length);
    expect(breaks).toHaveLength(expected.length - 1);
    // Between every two pages exactly one break paragraph; the Doc's first and last paragraphs hold none.
    const kinds = doc.blocks.map((b) => (b.type === 'table' ? 'T' : (b as ParagraphSnapshot).pageBreaks ? 'B' : 'p'));
    expect(kinds.join('')).toBe(`p${'TB'.repeat(expected.length - 1)}Tp`);
  });

  it('names on each page the delegate of that page: salutation, name, position, unit', () => {
    pages.forEach((page, k) => {
      const e = expected[k] as Expected;
      const text = textOf(page);
      const lines = text.split('\n');
      expect(lines).toContain(`Kính gửi: ${e.salutation} ${e.name}`);
      const kind = e.kind === 'Chính thức' ? 'chính thức' : 'đương nhiên';
      const position = e.position ? `Chức vụ, nơi công tác: ${e.position}. ` : '';
      expect(lines).toContain(`${position}Đại biểu ${kind}, đơn vị: ${e.unit}.`);
      expect(text).toContain(`Số: 01/GM-${issuer}`);
      expect(text).toContain('GIẤY MỜI');
      expect(text).toContain('Thời gian: ');
      expect(text).toContain('Địa điểm: ');
    });
  });

  it('leaves no token, no dotted placeholder and no English in the document', () => {
    const all = doc.blocks.map(textOf).join('\n');
    expect(all).not.toMatch(/⟦|⟧|\{\{|…|\.{3}/);
  });

  it('keeps the calls per page constant: 6 DocumentApp calls a page plus the first page', () => {
    const n = expected.length;
    expect(calls['Table.copy']).toBe(n - 1);
    expect(calls['Body.insertTable']).toBe(n - 1);
    expect(calls['Body.insertParagraph']).toBe(n - 1);
    expect(calls['Paragraph.copy']).toBe(n - 2);
    expect(calls['Table.replaceText']).toBe(2 * n);
    const documentCalls = Object.entries(calls)
      .filter(([k]) => /^(Body|Paragraph|Table|TableRow|TableCell|Text|Document)\./.test(k))
      .reduce((a, [, v]) => a + v, 0);
    expect(documentCalls).toBeLessThanOrEqual(6 * n + 150);
  });

  (sample === LANG_SON ? it : it.skip)(
    'exports as .docx with one page break per page boundary and every delegate named',
    async () => {
      const zip = await JSZip.loadAsync(await docxBuffer(doc));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml.match(/<w:br w:type="page"\/>/g)?.length).toBe(expected.length - 1);
      for (const e of expected.slice(0, 20)) expect(xml).toContain(`Kính gửi: ${e.salutation} ${e.name}`);
      // Each page is a document of its own: no page numbers across the batch (no header, no titlePg).
      const sect = xml.match(/<w:sectPr>.*<\/w:sectPr>/s)?.[0] ?? '';
      expect(sect).not.toContain('<w:titlePg/>');
      expect(sect).not.toContain('headerReference');
      expect(Object.keys(zip.files).filter((n) => n.startsWith('word/header'))).toEqual([]);
      // Times New Roman on every run and paragraph mark; rules drawn as borders, two a page; no row splits.
      expect([...new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]))]).toEqual([
        'Times New Roman',
      ]);
      expect(xml).not.toMatch(/_{3,}/);
      expect(xml.match(/<w:pBdr><w:bottom w:val="single"/g)?.length).toBe(2 * expected.length);
      expect(xml.match(/<w:tr>|<w:tr [^>]*>/g)?.length).toBe(xml.match(/<w:trPr><w:cantSplit\/>/g)?.length);
      // The result does not ask to number the pages in Google Docs.
      expect(result.message).not.toContain('Số trang');
    },
  );

  it('previews in HTML as one A4 sheet per invitation, with no page numbers', () => {
    const sheets = paginate(doc);
    expect(sheets).toHaveLength(expected.length);
    sheets.forEach((sheet, k) => {
      const e = expected[k] as Expected;
      expect(sheet.html.join('\n')).toContain(`Kính gửi: ${e.salutation} ${e.name}`);
    });
    const html = docHtml(doc);
    expect(html.match(/<div class="page" /g)).toHaveLength(expected.length);
    expect(html).not.toContain('class="page-number"');
  });

  it('is found again for the same data, and invites guests too when asked', () => {
    expect(generate('giay-moi')).toMatchObject({ reused: true, number: `01/GM-${issuer}` });
    if (sample === LANG_SON) {
      // The sample's deliberate problem: a guest of unit "HLU", which `Đơn vị` does not list.
      const guests = runtime.spreadsheet.getSheetByName('Đại biểu')?.getDataRange().getValues() ?? [];
      const bad = guests.findIndex((r) => r[2] === 'HLU') + 1;
      expect(() => generate('giay-moi', { guests: true })).toThrow(
        `ô C${bad} (đơn vị "HLU" không có trong trang "Đơn vị")`,
      );
      runtime.spreadsheet.getSheetByName('Đại biểu')?.getRange(`C${bad}`).setValue('HL');
    }
    const withGuests = generate('giay-moi', { guests: true });
    expect(withGuests.number).toBe(`02/GM-${issuer}`);
    const all = expectedDelegates(runtime, ['Chính thức', 'Đương nhiên', 'Khách mời']);
    const guestPages = pagesOf(docs()[1]?.snapshot() as DocSnapshot).pages;
    expect(guestPages).toHaveLength(all.length);
    expect(all.some((d) => d.kind === 'Khách mời')).toBe(true);
    guestPages.forEach((p, k) => {
      expect(textOf(p)).toContain(`Kính gửi: ${all[k]?.salutation} ${all[k]?.name}`);
    });
  });
});

describe.each([
  ['lang-son', LANG_SON],
  ['lang-son-cap-xa', LANG_SON_COMMUNES],
] as const)('Danh sách đại biểu chính thức from the %s sample', (name, sample) => {
  const { runtime, generate, docs } = setup(sample);
  const result = generate('danh-sach-dai-bieu');
  const doc = docs()[0]?.snapshot() as DocSnapshot;
  const expected = expectedDelegates(runtime, ['Chính thức', 'Đương nhiên']);
  const tables = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table');
  const list = tables.find((t) => textOf(t).startsWith('STT')) as TableSnapshot;
  const rows = list.rows.map((r) => r.cells.map((c) => c.blocks.map(textOf).join('\n')));

  it('takes no number of its own and logs the kind by its one name', () => {
    expect(result.number).toBe('');
    expect(result.message).toMatch(/^Đã tạo danh sách đại biểu chính thức\./);
    const all = doc.blocks.map(textOf).join('\n');
    expect(all).toContain('DANH SÁCH ĐẠI BIỂU CHÍNH THỨC');
    expect(all).not.toMatch(/Số:|…|\.{3}|Nơi nhận/);
    const log = runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
    expect(log[1]?.slice(0, 2)).toEqual(['Danh sách đại biểu chính thức', '']);
    if (name === 'lang-son-cap-xa')
      expect(all).toContain('(Kèm theo Quyết định số 25/QĐ-BCĐ ngày 05/9/2029 của Ban Chỉ đạo (minh họa))');
    else expect(all).not.toContain('Kèm theo');
  });

  it('lists every official delegate, grouped by unit, with the sheet’s values as text', () => {
    expect(rows[0]).toEqual([
      'STT',
      'Họ và tên',
      'Dân tộc',
      'Giới tính',
      'Năm sinh',
      'Chức vụ, nơi công tác',
      'Loại đại biểu',
    ]);
    const data = rows.slice(1, -1).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(data).toHaveLength(expected.length);
    data.forEach((r, i) => {
      const e = expected[i] as Expected;
      expect(r).toEqual([String(i + 1), e.name, e.ethnic, e.gender, e.birthYear, e.position, e.kind]);
    });
  });

  it('has per unit a group row whose count equals the sheet’s, and the overall total', () => {
    const perUnit = new Map<string, number>();
    for (const e of expected) perUnit.set(e.unit, (perUnit.get(e.unit) ?? 0) + 1);
    const groups = rows.filter((r) => /^[IVXLCDM]+$/.test(r[0] ?? ''));
    expect(groups.map((g) => g[1])).toEqual(
      [...perUnit].map(([unit, n]) => `${unit.toLocaleUpperCase('vi')} (${n} đại biểu)`),
    );
    expect(rows.at(-1)?.[1]).toBe(`Tổng cộng: ${expected.length} đại biểu`);
    const women = expected.filter((e) => e.gender === 'Nữ').length;
    const exOfficio = expected.filter((e) => e.kind === 'Đương nhiên').length;
    expect(doc.blocks.map(textOf).join('\n')).toContain(
      `Tổng số: ${expected.length} đại biểu (${expected.length - exOfficio} đại biểu chính thức, ${exOfficio} đại biểu đương nhiên), trong đó ${women} đại biểu nữ./.`,
    );
  });

  it('exports as .docx with the whole table', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.match(/<w:tr[ >]/g)?.length).toBeGreaterThanOrEqual(rows.length);
    expect(xml).toContain(`Tổng cộng: ${expected.length} đại biểu`);
  });
});

describe('refusals name the sheet and cell and make nothing', () => {
  it('refuses invitations without the congress time or place, naming the cells of Cấu hình', () => {
    const { failure, setConfig, docs, runtime } = setup(LANG_SON);
    const time = setConfig('Thời gian Đại hội', '');
    const place = setConfig('Địa điểm Đại hội', '  ');
    const before = snapshot(runtime.spreadsheet);
    const message = failure('giay-moi');
    expect(message).toContain('Cấu hình');
    expect(message).toContain(`"Thời gian Đại hội" (ô ${time})`);
    expect(message).toContain(`"Địa điểm Đại hội" (ô ${place})`);
    expect(docs()).toHaveLength(0);
    expect(diff(before, snapshot(runtime.spreadsheet))).toEqual([]);
    // The delegate list does not need them.
    expect(() => setup(LANG_SON).generate('danh-sach-dai-bieu')).not.toThrow();
  });

  it('refuses when Cấu hình has no row for the time (a workbook set up before), saying how to add it', () => {
    const { failure, runtime } = setup(LANG_SON);
    const sheet = runtime.spreadsheet.getSheetByName('Cấu hình');
    const rows = sheet?.getDataRange().getValues() ?? [];
    const i = rows.findIndex((r) => r[0] === 'Thời gian Đại hội');
    sheet?.deleteRow(i + 1);
    expect(failure('giay-moi')).toContain('"Thời gian Đại hội" (chưa có dòng này: chạy "Thiết lập bảng tính" để thêm)');
  });

  it('refuses both kinds when no official delegate is listed', () => {
    const { failure, runtime, docs } = setup(LANG_SON_COMMUNES);
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    const n = (sheet?.getLastRow() ?? 1) - 1;
    sheet?.getRange(2, 1, n, 10).clearContent();
    for (const kind of ['giay-moi', 'danh-sach-dai-bieu'])
      expect(failure(kind)).toMatch(/trang "Đại biểu" chưa có đại biểu chính thức hoặc đại biểu đương nhiên nào/);
    expect(docs()).toHaveLength(0);
  });

  it('refuses a delegate of an unknown unit or an unreadable type, naming the cells', () => {
    const { failure, runtime, docs } = setup(LANG_SON);
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    sheet?.getRange('C2').setValue('Lộc Bình Mới');
    sheet?.getRange('H5').setValue('chinh thuc?');
    sheet?.getRange('E7').setValue('x');
    const before = snapshot(runtime.spreadsheet);
    for (const kind of ['giay-moi', 'danh-sach-dai-bieu']) {
      const message = failure(kind);
      expect(message).toContain('ô C2 (đơn vị "Lộc Bình Mới" không có trong trang "Đơn vị")');
      expect(message).toContain('ô H5 (loại đại biểu)');
      expect(message).toContain('ô E7 (giới tính)');
    }
    expect(docs()).toHaveLength(0);
    expect(diff(before, snapshot(runtime.spreadsheet))).toEqual([]);
  });

  it('refuses an unknown option type before anything is read', () => {
    const { failure } = setup(LANG_SON);
    expect(failure('giay-moi', { guests: 'có' })).toMatch(/generateNotice/);
  });
});

describe('what a user may type stays as typed', () => {
  it('prints names and positions holding $1, \\ and regex characters literally on every page', () => {
    const { generate, docs, runtime } = setup(LANG_SON);
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    sheet?.getRange('B2').setValue('Hoàng $1 Văn \\A (.*)');
    sheet?.getRange('I2').setValue('Trưởng thôn $0 ⟦người-nhận⟧');
    sheet?.getRange('B3').setValue('Lê ⟦đơn-vị⟧ Hà');
    generate('giay-moi');
    const text = pagesOf(docs()[0]?.snapshot() as DocSnapshot)
      .pages.map(textOf)
      .join('\n');
    expect(text).toMatch(/Kính gửi: (Ông|Bà) Hoàng \$1 Văn \\A \(\.\*\)\n/);
    expect(text).toContain('Chức vụ, nơi công tác: Trưởng thôn $0 ⟦người-nhận⟧.');
    expect(text).toMatch(/Kính gửi: (Ông|Bà) Lê ⟦đơn-vị⟧ Hà\n/);
    expect(text).not.toMatch(/Kính gửi: (Ông|Bà) Lê Chức vụ/);
  });

  it('writes only its log: every cell of the user’s sheets is unchanged', () => {
    const { generate, runtime } = setup(LANG_SON_COMMUNES);
    const before = snapshot(runtime.spreadsheet);
    generate('giay-moi');
    generate('danh-sach-dai-bieu');
    const changed = diff(before, snapshot(runtime.spreadsheet)).filter((d) => d.sheet !== 'Văn bản' && d.sheet !== '');
    expect(changed).toEqual([]);
  });
});

/**
 * Báo cáo cơ cấu, thành phần đại biểu made by the bundle (build/Code.js) on the local runtime, from
 * both Lạng Sơn samples, Kon Tum and a generated province, checked element by element against a count
 * written here from the raw cells (not through the product's readers): the header (agencies, national
 * motto, "Số: 01/BC-…", place and date), the title, every row and cell of every table, the oldest and
 * the youngest, the groups without a delegate, the signature and the recipients; each share
 * the exact one rounded half up to a tenth (the total row 100,0); the .docx and HTML exports.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import JSZip from 'jszip';
import { congressOf333 } from '../../local/bench/congress';
import { buildSynthetic } from '../../local/bench/synthetic';
import { docxBuffer } from '../../local/docx';
import { exportDocuments } from '../../local/export-documents';
import { docHtml, paginate } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot, TableSnapshot } from '../../local/runtime/document';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { tempDir } from '../../local/testing';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { OFFICIAL_GROUP_NAMES } from '../trust/ethnicNames';
import { resolvedDuplicate } from './attack4-report-helpers';

type Cell = string | number | boolean | Date | null;

/** The test's own key for a name: no diacritics, no case, đ = d, hyphens and spaces squeezed. */
const key = (s: unknown) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();

/** Official spellings (Decision 121-TCTK) of the 54 groups. */
const OFFICIAL: Record<string, string> = {};
for (const name of OFFICIAL_GROUP_NAMES) OFFICIAL[key(name)] = name;

function grid(ss: LocalSpreadsheet, name: string): Cell[][] {
  return (ss.getSheetByName(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
}

interface Expected {
  total: number;
  official: number;
  exOfficio: number;
  guests: number;
  groups: Map<string, number>;
  women: number;
  men: number;
  bands: number[];
  oldest: number;
  youngest: number;
  categories: Map<string, number>;
  units: Map<string, { count: number; women: number }>;
  withoutDelegate: string[];
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Counts the official delegates (Chính thức + Đương nhiên) from the raw cells. */
function independentCount(ss: LocalSpreadsheet): Expected {
  const year = Number(grid(ss, 'Cấu hình').find((r) => r[0] === 'Năm')?.[1]);
  const unitNames = new Map(
    grid(ss, 'Đơn vị')
      .slice(1)
      .map((r) => [key(r[0]), String(r[1])]),
  );
  const rows = grid(ss, 'Đại biểu').slice(1);
  const counted = rows.filter((r) => ['chinh thuc', 'duong nhien'].includes(key(r[7])));
  const e: Expected = {
    total: counted.length,
    official: counted.filter((r) => key(r[7]) === 'chinh thuc').length,
    exOfficio: counted.filter((r) => key(r[7]) === 'duong nhien').length,
    guests: rows.filter((r) => key(r[7]) === 'khach moi').length,
    groups: new Map(),
    women: 0,
    men: 0,
    bands: [0, 0, 0, 0],
    oldest: -1,
    youngest: 1e9,
    categories: new Map(),
    units: new Map(),
    withoutDelegate: [],
  };
  for (const r of counted) {
    const group = OFFICIAL[key(r[3]).replace(/^dan toc /, '')];
    if (!group) throw new Error(`test: no official name for "${r[3]}"`);
    bump(e.groups, group);
    const woman = ['nu'].includes(key(r[4]));
    if (woman) e.women++;
    else if (key(r[4]) === 'nam') e.men++;
    const age = year - Number(r[5]);
    e.bands[age < 30 ? 0 : age <= 45 ? 1 : age <= 60 ? 2 : 3]! += 1;
    e.oldest = Math.max(e.oldest, age);
    e.youngest = Math.min(e.youngest, age);
    bump(e.categories, String(r[6]).trim());
    const unit = key(r[2]) === 'cap tinh' ? 'Cấp tỉnh' : (unitNames.get(key(r[2])) as string);
    const u = e.units.get(unit) ?? { count: 0, women: 0 };
    u.count++;
    if (woman) u.women++;
    e.units.set(unit, u);
  }
  const living = new Set<string>();
  for (const r of grid(ss, 'Dân tộc theo đơn vị').slice(1)) {
    const g = OFFICIAL[key(r[1])];
    if (g && g !== 'Kinh' && Number(r[2]) > 0) living.add(g);
  }
  e.withoutDelegate = [...living].filter((g) => !e.groups.has(g)).sort();
  return e;
}

const textOf = (b: BlockSnapshot): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;
const cellsOf = (t: TableSnapshot): string[][] =>
  t.rows.map((r) => r.cells.map((c) => c.blocks.map(textOf).join('\n')));
/** "1.234" → 1234; "42,4" → 42.4. */
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

function run(ss: LocalSpreadsheet, now: string, options: Record<string, unknown> = {}) {
  const runtime = new Runtime({ spreadsheet: ss, now });
  const result = runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', options]).result as NoticeResultDto;
  const doc = runtime.services.DocumentApp.created.at(-1)?.snapshot() as DocSnapshot;
  return { runtime, result, doc };
}

/** The document's parts: header table, title lines, body paragraphs, data tables, footer table. */
function partsOf(doc: DocSnapshot) {
  const tables = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table');
  const paragraphs = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const header = tables[0] as TableSnapshot;
  const footer = tables.at(-1) as TableSnapshot;
  const data = tables.slice(1, -1).map(cellsOf);
  const byHeader = (h: string) => data.find((t) => t[0]?.[1] === h) as string[][];
  return { header: cellsOf(header), footer: cellsOf(footer), paragraphs, data, byHeader };
}

/** A table of (label, count, share): its rows as a map, the shares checked against the exact ones. */
function shareRows(table: string[][], total: number): Map<string, number> {
  expect(table[0]).toEqual(['STT', expect.any(String), 'Số đại biểu', 'Tỷ lệ (%)']);
  const body = table.slice(1, -1);
  body.forEach((r, i) => {
    expect(r[0]).toBe(String(i + 1));
    const count = num(r[2] as string);
    // One decimal, a comma; the exact share rounded half up to a tenth (computed here in integers).
    expect(r[3]).toMatch(/^\d{1,3},\d$/);
    const tenths = Math.floor((2000 * count + total) / (2 * total));
    expect(r[3]).toBe(`${Math.floor(tenths / 10)},${tenths % 10}`);
  });
  expect(table.at(-1)).toEqual(['', 'Tổng cộng', String(total).replace(/\B(?=(\d{3})+(?!\d))/g, '.'), '100,0']);
  expect(body.reduce((a, r) => a + num(r[2] as string), 0)).toBe(total);
  return new Map(body.map((r) => [r[1] as string, num(r[2] as string)]));
}

const CASES: [string, () => LocalSpreadsheet, string][] = [
  ['lang-son', () => buildSample(SAMPLES['lang-son']!), '2024-01-05T09:00:00+07:00'],
  ['lang-son-cap-xa', () => buildSample(SAMPLES['lang-son-cap-xa']!), '2029-01-05T09:00:00+07:00'],
  ['kon-tum', () => buildSample(SAMPLES['kon-tum']!), '2019-05-05T09:00:00+07:00'],
  [
    'a generated province (40 units, its spoiled rows left out)',
    () => {
      const { spreadsheet } = buildSynthetic({ units: 40, delegates: 1500 });
      congressOf333(spreadsheet);
      return spreadsheet;
    },
    '2025-03-10T09:00:00+07:00',
  ],
];

describe.each(CASES)('Báo cáo cơ cấu from %s, element by element', (_name, build, now) => {
  const ss = build();
  const want = independentCount(ss);
  const config = grid(ss, 'Cấu hình');
  const setting = (label: string) => String(config.find((r) => r[0] === label)?.[1] ?? '');
  const { result, doc, runtime } = run(ss, now, { force: true });
  const p = partsOf(doc);
  const year = setting('Năm');

  it('is one numbered BC document, logged', () => {
    expect(result.number).toMatch(/^01\/BC-\S+$/);
    expect(result.message).toMatch(/^Đã tạo báo cáo cơ cấu đại biểu số 01\/BC-/);
    expect(runtime.services.DocumentApp.created).toHaveLength(1);
    const log = grid(ss, 'Văn bản');
    expect(log.slice(1).map((r) => [r[0], r[1]])).toEqual([['Báo cáo cơ cấu đại biểu', result.number]]);
  });

  it('has the header: agencies | national motto, the number line | place and date', () => {
    const [top, bottom] = p.header;
    expect(top?.[1]?.split('\n')).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    const agencies = (top?.[0] ?? '').split('\n').map((l) => l.trim());
    expect(agencies.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(agencies.join(' ')).toBe(agencies.join(' ').toLocaleUpperCase('vi'));
    expect(bottom?.[0]).toBe(`Số: ${result.number}`);
    const [y, m, d] = now.slice(0, 10).split('-');
    // ND 30: the day below 10 and the months 1 and 2 take a leading zero, the other months none.
    const month = Number(m) < 3 ? m : String(Number(m));
    expect(bottom?.[1]).toMatch(new RegExp(`^\\S.*, ngày ${d} tháng ${month} năm ${y}$`));
  });

  it('has the title: BÁO CÁO and the summary naming the congress', () => {
    const i = p.paragraphs.indexOf('BÁO CÁO');
    expect(i).toBeGreaterThan(-1);
    expect(p.paragraphs[i + 1]).toBe(
      `Cơ cấu, thành phần đại biểu dự Đại hội đại biểu các dân tộc thiểu số ${
        /^(tỉnh|thành phố) /i.test(setting('Tỉnh')) ? setting('Tỉnh') : `tỉnh ${setting('Tỉnh')}`
      }${setting('Lần thứ') ? ` lần thứ ${setting('Lần thứ')}, năm ${year}` : ` năm ${year}`}`,
    );
  });

  it('says the total and the guests', () => {
    expect(p.paragraphs).toContain(
      `Tổng số đại biểu chính thức dự Đại hội: ${want.total} đại biểu, gồm ${want.official} đại biểu chính thức và ${want.exOfficio} đại biểu đương nhiên.`,
    );
    if (want.guests)
      expect(p.paragraphs).toContain(`Ngoài ra có ${want.guests} khách mời (không tính trong cơ cấu dưới đây).`);
  });

  it('prints the ethnic groups, most numerous first, with their counts and shares', () => {
    const table = p.byHeader('Dân tộc');
    expect(shareRows(table, want.total)).toEqual(want.groups);
    const counts = table.slice(1, -1).map((r) => num(r[2] as string));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const top = table[1] as string[];
    expect(p.paragraphs).toContain(
      `Đại biểu thuộc ${want.groups.size} dân tộc; dân tộc có nhiều đại biểu nhất là dân tộc ${top[1]} với ${top[2]} đại biểu (${top[3]}%).`,
    );
  });

  it('prints women and men', () => {
    expect(shareRows(p.byHeader('Giới tính'), want.total)).toEqual(
      new Map([
        ['Nữ', want.women],
        ['Nam', want.men],
      ]),
    );
  });

  it('prints the age bands at the congress year, the oldest and the youngest', () => {
    expect(p.paragraphs).toContain(`IV. CƠ CẤU THEO ĐỘ TUỔI (TÍNH ĐẾN NĂM ${year})`);
    const bands = shareRows(p.byHeader('Độ tuổi'), want.total);
    expect([...bands.keys()]).toEqual(['Dưới 30 tuổi', 'Từ 30 đến 45 tuổi', 'Từ 46 đến 60 tuổi', 'Từ 61 tuổi trở lên']);
    expect([...bands.values()]).toEqual(want.bands);
    // One delegate of that age, or all those sharing it (the samples have several of each).
    const one = (what: string, age: number) =>
      new RegExp(
        `^${what}: (?:[^,]+, ${age} tuổi, dân tộc [^,]+, đơn vị: .+|\\d+ đại biểu cùng ${age} tuổi: [^(;]+ \\(dân tộc [^,]+, đơn vị: [^)]+\\)(?:; [^(;]+ \\(dân tộc [^,]+, đơn vị: [^)]+\\))+(?: và \\d+ đại biểu khác)?)\\.$`,
      );
    expect(p.paragraphs.find((t) => t.startsWith('Đại biểu cao tuổi nhất: '))).toMatch(
      one('Đại biểu cao tuổi nhất', want.oldest),
    );
    expect(p.paragraphs.find((t) => t.startsWith('Đại biểu trẻ tuổi nhất: '))).toMatch(
      one('Đại biểu trẻ tuổi nhất', want.youngest),
    );
  });

  it('prints the Thành phần', () => {
    expect(shareRows(p.byHeader('Thành phần'), want.total)).toEqual(want.categories);
  });

  it('prints no Party section (the template has no Party-member column)', () => {
    expect(p.paragraphs.some((t) => /ĐẢNG VIÊN/.test(t))).toBe(false);
  });

  it('prints each unit by name with its delegates and women, and the totals', () => {
    const table = p.byHeader('Đơn vị');
    expect(table[0]).toEqual(['STT', 'Đơn vị', 'Số đại biểu', 'Trong đó nữ', 'Dân tộc (số đại biểu)']);
    const body = table.slice(1, -1);
    const got = new Map(
      body.filter((r) => r[2] !== '0').map((r) => [r[1], { count: num(r[2] as string), women: num(r[3] as string) }]),
    );
    expect(got).toEqual(want.units);
    for (const r of body) {
      // The groups of a unit add up to its delegates.
      const sum = (r[4] ?? '')
        .split(', ')
        .filter(Boolean)
        .reduce((a, g) => a + num(g.replace(/^.* /, '')), 0);
      expect(sum).toBe(num(r[2] as string));
    }
    expect(table.at(-1)).toEqual(['', 'Tổng cộng', String(want.total), String(want.women), '']);
  });

  it('names the groups living in the province without a delegate', () => {
    const line = p.paragraphs.find((t) => t.startsWith('Các dân tộc thiểu số sinh sống trên địa bàn chưa có'));
    if (want.withoutDelegate.length === 0) {
      expect(line).toBeUndefined();
    } else {
      const named = [...(line ?? '').matchAll(/([^:,]+?) \([\d.]+ người\)/g)].map((m) => (m[1] as string).trim());
      expect(named.sort()).toEqual(want.withoutDelegate);
    }
  });

  it('ends the body with "./." and has the signature and the recipients', () => {
    const i = p.paragraphs.indexOf('Trên đây là báo cáo cơ cấu, thành phần đại biểu dự Đại hội./.');
    expect(i).toBeGreaterThan(0);
    const [left, right] = p.footer[0] ?? [];
    const recipients = (left ?? '').split('\n');
    expect(recipients[0]).toBe('Nơi nhận:');
    expect(recipients.slice(1).every((r) => /^- .+[;.]$/.test(r))).toBe(true);
    expect(recipients.at(-1)).toMatch(/^- Lưu: VT/);
    const sig = (right ?? '').split('\n').filter(Boolean);
    expect(sig.length).toBeGreaterThanOrEqual(3);
    expect(sig.slice(0, -1).every((l) => l === l.toLocaleUpperCase('vi'))).toBe(true);
    expect(sig.at(-1)).not.toBe(sig.at(-1)?.toLocaleUpperCase('vi'));
  });

  it('leaves no placeholder, no dotted gap and no English', () => {
    const all = doc.blocks.map(textOf).join('\n');
    expect(all).not.toMatch(/⟦|⟧|\{\{|…|\.{3}|undefined|NaN|null/);
  });
});

describe('exports of the report', () => {
  const { doc, runtime } = run(resolvedDuplicate(buildSample(SAMPLES['lang-son']!)), '2024-01-05T09:00:00+07:00');

  it('.docx: every table, the title and the figures, Times New Roman throughout', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // Header and footer tables and the five data tables.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(7);
    for (const text of ['BÁO CÁO', 'Số: 01/BC-BCĐ', 'Tổng cộng', '42,4', 'Sán Dìu (2.014 người)']) {
      expect(xml).toContain(text);
    }
    expect([...new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]))]).toEqual([
      'Times New Roman',
    ]);
  });

  it('`dtts run --docs`: a .docx and an .html named after the number', async () => {
    const dir = tempDir('report-export-');
    const written = await exportDocuments(runtime, dir);
    expect(written.map((f) => basename(f))).toEqual([
      expect.stringMatching(/^01-BC-BCĐ - Báo cáo cơ cấu đại biểu - Cơ cấu, thành phần .*\.docx$/),
      expect.stringMatching(/^01-BC-BCĐ - Báo cáo cơ cấu đại biểu - .*\.html$/),
    ]);
    expect(readFileSync(written[1] as string, 'utf8')).toContain('CƠ CẤU THEO DÂN TỘC');
  });

  it('HTML: A4 pages holding the tables', () => {
    const pages = paginate(doc);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const html = docHtml(doc);
    expect(html).toContain('BÁO CÁO');
    expect(html.match(/<table/g)?.length).toBeGreaterThanOrEqual(7);
    expect(html).toContain('100,0');
  });
});

/**
 * Helpers of the attack4-report tests: a count of the Báo cáo cơ cấu figures from the raw cells
 * (columns found by header, names read with the test's own tables) and the Doc's figures against it.
 */ import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot, TableSnapshot } from '../../local/runtime/document';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { NoticeResultDto } from '../../src/rpc/contract';

export type Cell = string | number | boolean | Date | null;

/** The test's own key: no diacritics, no case, đ = d, hyphens, apostrophes and spaces squeezed. */
export const key = (s: unknown) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();

const NAMES =
  'Kinh,Tày,Thái,Mường,Khơ me,Hoa,Nùng,Mông,Dao,Gia-rai,Ngái,Ê-đê,Ba-na,Xơ Đăng,Sán Chay,Cơ Ho,Chăm,Sán Dìu,Hrê,Mnông,Ra Glai,Xtiêng,Bru Vân Kiều,Thổ,Giáy,Cơ Tu,Giẻ-Triêng,Mạ,Khơ mú,Co,Tà Ôi,Chơ Ro,Kháng,Xinh Mun,Hà Nhì,Chu Ru,Lào,La Chí,La Ha,Phù Lá,La Hủ,Lự,Lô Lô,Chứt,Mảng,Pà Thẻn,Cơ Lao,Cống,Bố Y,Si La,Pu Péo,Brâu,Ơ Đu,Rơ Măm';
const OFFICIAL = new Map(NAMES.split(',').map((n) => [key(n), n]));
OFFICIAL.set('hmong', 'Mông');
OFFICIAL.set('h mong', 'Mông');
OFFICIAL.set('e de', 'Ê-đê');

function groupName(v: unknown): string {
  const g = OFFICIAL.get(key(v).replace(/^dan toc /, ''));
  if (!g) throw new Error(`test: no official name for "${v}"`);
  return g;
}

export function grid(ss: LocalSpreadsheet, name: string): Cell[][] {
  return (ss.getSheetByName(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
}

/** 0-based column of a header in row 1 (by the test's key). */
export function col(rows: Cell[][], ...headers: string[]): number {
  const i = (rows[0] ?? []).findIndex((h) => headers.some((x) => key(h) === key(x)));
  return i;
}

export interface Expected {
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
  /** Names (NFC, trimmed) of every counted delegate of the oldest / the youngest age, in sheet order. */
  oldestNames: string[];
  youngestNames: string[];
  categories: Map<string, number>;
  party: number | null;
  units: Map<string, { count: number; women: number }>;
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Yes / no as a person reads a Đảng viên cell. */
function partyYes(v: Cell): boolean {
  if (v === true) return true;
  if (v instanceof Date) return true;
  if (typeof v === 'number') return v === 1 || (v >= 1930 && v <= 2100);
  const k = key(v);
  if (['x', 'co', '1', 'dang vien', 'du bi', 'dang vien du bi', 'chinh thuc'].includes(k)) return true;
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(k) || /^(19|20)\d\d$/.test(k)) return true;
  return false;
}

export function independentCount(ss: LocalSpreadsheet, delegatesSheet = 'Đại biểu'): Expected {
  const config = grid(ss, 'Cấu hình');
  const year = Number(config.find((r) => r[0] === 'Năm')?.[1]);
  const unitsGrid = grid(ss, 'Đơn vị');
  const uc = col(unitsGrid, 'Mã đơn vị');
  const un = col(unitsGrid, 'Tên đơn vị');
  const unitNames = new Map<string, string>();
  for (const r of unitsGrid.slice(1)) {
    if (!r[uc] || key(r[un]) === 'tong cong') continue;
    unitNames.set(key(r[uc]), String(r[un]).replace(/^'/, ''));
    unitNames.set(key(r[un]), String(r[un]).replace(/^'/, ''));
  }
  const rows = grid(ss, delegatesSheet);
  const c = {
    name: col(rows, 'Họ và tên'),
    unit: col(rows, 'Mã đơn vị'),
    ethnic: col(rows, 'Dân tộc'),
    gender: col(rows, 'Giới tính'),
    year: col(rows, 'Năm sinh'),
    category: col(rows, 'Thành phần'),
    kind: col(rows, 'Loại đại biểu'),
    party: col(rows, 'Đảng viên'),
  };
  const body = rows.slice(1).filter((r) => String(r[c.name] ?? '').trim() !== '');
  const kindOf = (r: Cell[]) => key(r[c.kind]);
  const counted = body.filter((r) => ['chinh thuc', 'duong nhien'].includes(kindOf(r)));
  const e: Expected = {
    total: counted.length,
    official: counted.filter((r) => kindOf(r) === 'chinh thuc').length,
    exOfficio: counted.filter((r) => kindOf(r) === 'duong nhien').length,
    guests: body.filter((r) => kindOf(r) === 'khach moi').length,
    groups: new Map(),
    women: 0,
    men: 0,
    bands: [0, 0, 0, 0],
    oldest: -1,
    youngest: 1e9,
    oldestNames: [],
    youngestNames: [],
    categories: new Map(),
    party: null,
    units: new Map(),
  };
  for (const r of counted) {
    bump(e.groups, groupName(r[c.ethnic]));
    const woman = key(r[c.gender]) === 'nu';
    if (woman) e.women++;
    else if (key(r[c.gender]) === 'nam') e.men++;
    const age = year - Number(r[c.year]);
    (e.bands[age < 30 ? 0 : age <= 45 ? 1 : age <= 60 ? 2 : 3] as number) += 1;
    e.oldest = Math.max(e.oldest, age);
    e.youngest = Math.min(e.youngest, age);
    bump(e.categories, key(r[c.category]));
    const unit = key(r[c.unit]) === 'cap tinh' ? 'Cấp tỉnh' : unitNames.get(key(r[c.unit]));
    if (!unit) throw new Error(`test: no unit "${r[c.unit]}"`);
    const u = e.units.get(unit) ?? { count: 0, women: 0 };
    u.count++;
    if (woman) u.women++;
    e.units.set(unit, u);
  }
  const ageOf = (r: Cell[]) => year - Number(r[c.year]);
  const nameOf = (r: Cell[]) => String(r[c.name]).normalize('NFC').trim();
  e.oldestNames = counted.filter((r) => ageOf(r) === e.oldest).map(nameOf);
  e.youngestNames = counted.filter((r) => ageOf(r) === e.youngest).map(nameOf);
  if (c.party >= 0 && counted.some((r) => String(r[c.party] ?? '') !== '')) {
    e.party = counted.filter((r) => partyYes(r[c.party] ?? null)).length;
  }
  return e;
}

const textOf = (b: BlockSnapshot): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;
const cellsOf = (t: TableSnapshot): string[][] =>
  t.rows.map((r) => r.cells.map((c) => c.blocks.map(textOf).join('\n')));
/** "1.234" → 1234; "42,4" → 42.4. */
export const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

export function partsOf(doc: DocSnapshot) {
  const tables = doc.blocks.filter((b): b is TableSnapshot => b.type === 'table');
  const paragraphs = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const data = tables.slice(1, -1).map(cellsOf);
  const byHeader = (h: string) => data.find((t) => t[0]?.[1] === h) as string[][];
  return { paragraphs, data, byHeader };
}

/** A share table's rows: label → [count, share]; checks the shares against the exact ones. */
function shareRows(table: string[][], total: number): Map<string, number> {
  const body = table.slice(1, -1);
  for (const r of body) {
    // The exact share rounded half up to a tenth, on its own (equal counts, equal shares).
    const tenths = Math.floor((2000 * num(r[2] as string) + total) / (2 * total));
    expect(r[3]).toBe(`${Math.floor(tenths / 10)},${tenths % 10}`);
  }
  expect(body.reduce((a, r) => a + num(r[2] as string), 0)).toBe(total);
  return new Map(body.map((r) => [r[1] as string, num(r[2] as string)]));
}

/** Every figure of the Doc against the independent count. */
export function expectFigures(doc: DocSnapshot, want: Expected): void {
  const p = partsOf(doc);
  expect(p.paragraphs).toContain(
    `Tổng số đại biểu chính thức dự Đại hội: ${want.total} đại biểu, gồm ${want.official} đại biểu chính thức và ${want.exOfficio} đại biểu đương nhiên.`,
  );
  const guests = p.paragraphs.find((t) => t.startsWith('Ngoài ra có '));
  if (want.guests) expect(guests).toBe(`Ngoài ra có ${want.guests} khách mời (không tính trong cơ cấu dưới đây).`);
  else expect(guests).toBeUndefined();
  const ethnic = p.byHeader('Dân tộc');
  expect(shareRows(ethnic, want.total)).toEqual(want.groups);
  // The sentence naming the most numerous group says what its row of the table says.
  const top = ethnic[1] as string[];
  expect(p.paragraphs).toContain(
    `Đại biểu thuộc ${want.groups.size} dân tộc; dân tộc có nhiều đại biểu nhất là dân tộc ${top[1]} với ${top[2]} đại biểu (${top[3]}%).`,
  );
  expect(num(top[2] as string)).toBe(Math.max(...want.groups.values()));
  expect(shareRows(p.byHeader('Giới tính'), want.total)).toEqual(
    new Map([
      ['Nữ', want.women],
      ['Nam', want.men],
    ]),
  );
  expect([...shareRows(p.byHeader('Độ tuổi'), want.total).values()]).toEqual(want.bands);
  // Every delegate of the oldest (youngest) age is named: one of several is not "the oldest".
  for (const [what, age, names] of [
    ['Đại biểu cao tuổi nhất', want.oldest, want.oldestNames],
    ['Đại biểu trẻ tuổi nhất', want.youngest, want.youngestNames],
  ] as const) {
    const line = p.paragraphs.find((t) => t.startsWith(`${what}: `)) ?? '';
    if (names.length === 1) {
      expect(line.startsWith(`${what}: ${names[0]}, ${age} tuổi, `)).toBe(true);
    } else {
      expect(line.startsWith(`${what}: ${names.length} đại biểu cùng ${age} tuổi: `)).toBe(true);
      for (const n of names.slice(0, 10)) expect(line).toContain(`${n} (`);
      if (names.length > 10) expect(line).toMatch(new RegExp(` và ${names.length - 10} đại biểu khác\\.$`));
    }
  }
  const categories = shareRows(p.byHeader('Thành phần'), want.total);
  expect(new Map([...categories].map(([k, v]) => [key(k), v]))).toEqual(want.categories);
  const party = p.paragraphs.find((t) => t.startsWith('Số đại biểu là đảng viên: '));
  if (want.party === null) expect(party).toBeUndefined();
  else {
    const m = /^Số đại biểu là đảng viên: (\d+) đại biểu \((\d+,\d)%\)\.$/.exec(party ?? '');
    expect(Number(m?.[1])).toBe(want.party);
    expect(Math.abs(num(m?.[2] as string) - (100 * want.party) / want.total)).toBeLessThanOrEqual(0.05 + 1e-9);
  }
  const units = p.byHeader('Đơn vị');
  const got = new Map(
    units
      .slice(1, -1)
      .filter((r) => r[2] !== '0')
      .map((r) => [r[1], { count: num(r[2] as string), women: num(r[3] as string) }]),
  );
  expect(got).toEqual(want.units);
}

export function generate(ss: LocalSpreadsheet, now: string, options: Record<string, unknown> = {}) {
  const runtime = new Runtime({ spreadsheet: ss, now });
  const result = runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', options]).result as NoticeResultDto;
  const doc = runtime.services.DocumentApp.created.at(-1)?.snapshot() as DocSnapshot;
  return { runtime, result, doc };
}

/**
 * Lạng Sơn without the demo's deliberate duplicate (an official delegate copied into the guests,
 * noted "Có thể khai trùng"), which the report asks about first: the officer resolved it.
 */
export function resolvedDuplicate(ss: LocalSpreadsheet): LocalSpreadsheet {
  const sheet = ss.getSheetByName('Đại biểu');
  const rows = grid(ss, 'Đại biểu');
  const note = col(rows, 'Ghi chú');
  const i = rows.findIndex((r) => r[note] === 'Có thể khai trùng');
  if (i > 0) sheet?.deleteRow(i + 1);
  return ss;
}

/**
 * Attack on Báo cáo cơ cấu (generateNotice('bao-cao-co-cau')): every figure the Doc prints, compared
 * with a count written here from the raw cells (columns found by header, names read with the test's
 * own tables), on workbooks an officer really has: the decorated corpus (own columns between the
 * template's, own formulas, fills, notes) repaired so it can be printed, guests and Đương nhiên mixed
 * in, ethnic groups, genders and types typed in NFD, capitals or variant spellings, units referred to
 * by name, units sorted and renamed, a Đảng viên column with every kind of value, the congress year
 * changed.
 */
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { CORPUS } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';
import {
  type Cell,
  col,
  expectFigures,
  generate,
  grid,
  independentCount,
  partsOf,
  resolvedDuplicate,
} from './attack4-report-helpers';

/** Repairs what the corpus spoiled on purpose (implausible birth years, an unknown group). */
function repair(ss: LocalSpreadsheet, sheetName: string): void {
  const s = ss.getSheetByName(sheetName);
  const rows = grid(ss, sheetName);
  const y = col(rows, 'Năm sinh');
  const g = col(rows, 'Dân tộc');
  rows.forEach((r, i) => {
    if (i === 0) return;
    if (typeof r[y] === 'number' && (r[y] as number) >= 2015) s?.getRange(i + 1, y + 1).setValue(1975);
    if (r[g] === 'Tày Nùng') s?.getRange(i + 1, g + 1).setValue('Nùng');
  });
}

describe('the decorated corpus, repaired: every figure as counted from the raw cells', () => {
  it.each(CORPUS.filter((w) => !w.user).map((w) => [w.name, w] as const))('%s', (_name, w) => {
    const ss = w.build();
    repair(ss, w.delegatesSheet);
    const want = independentCount(ss, w.delegatesSheet);
    const before = snapshot(ss);
    const { result, doc } = generate(ss, w.now, { force: true });
    expect(result.number).toMatch(/^01\/BC-/);
    expectFigures(doc, want);
    expect(diff(before, snapshot(ss)).filter((d) => d.sheet !== 'Văn bản')).toEqual([]);
  });
});

const NOW = '2024-01-05T09:00:00+07:00';

/** Lạng Sơn as an officer keeps it after a month of typing. */
function messy(): LocalSpreadsheet {
  const ss = buildSample(SAMPLES['lang-son']!);
  const s = ss.getSheetByName('Đại biểu');
  const rows = grid(ss, 'Đại biểu');
  const c = {
    unit: col(rows, 'Mã đơn vị'),
    ethnic: col(rows, 'Dân tộc'),
    gender: col(rows, 'Giới tính'),
    kind: col(rows, 'Loại đại biểu'),
  };
  const unitsGrid = grid(ss, 'Đơn vị');
  const nameOf = new Map(unitsGrid.slice(1).map((r) => [String(r[0]), String(r[1])]));
  const out = rows.map((r, i) => {
    if (i === 0) return r;
    const x = [...r];
    if (i % 11 === 0) x[c.kind] = 'Khách mời';
    else if (i % 13 === 0) x[c.kind] = 'ĐƯƠNG NHIÊN'.normalize('NFD');
    else if (i % 17 === 0) x[c.kind] = 'chính thức '.normalize('NFD');
    if (i % 5 === 0) x[c.ethnic] = String(x[c.ethnic]).normalize('NFD');
    if (i % 7 === 0) x[c.ethnic] = `Dân tộc ${String(x[c.ethnic]).toUpperCase()}`;
    if (i % 9 === 0) x[c.gender] = String(x[c.gender]).toLowerCase().normalize('NFD');
    if (i % 19 === 0) x[c.unit] = nameOf.get(String(x[c.unit])) ?? x[c.unit] ?? null;
    return x;
  });
  s?.getRange(1, 1, out.length, out[0]?.length ?? 1).setValues(out as never);
  return ss;
}

describe('an officer’s workbook', () => {
  it('guests, Đương nhiên, NFD and variant spellings, units by name: the figures as counted', () => {
    const ss = messy();
    const want = independentCount(ss);
    expect(want.guests).toBeGreaterThan(0);
    expect(want.exOfficio).toBeGreaterThan(0);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
  });
});

/** Lạng Sơn with only the official rows `keep` picks left official (the others become guests). */
function onlyOfficial(keep: (r: Cell[], i: number) => boolean): LocalSpreadsheet {
  const ss = buildSample(SAMPLES['lang-son']!);
  const s = ss.getSheetByName('Đại biểu');
  const rows = grid(ss, 'Đại biểu');
  const out = rows.map((r, i) => (i === 0 || keep(r, i) ? r : Object.assign([...r], { 7: 'Khách mời' })));
  s?.getRange(1, 1, out.length, out[0]?.length ?? 1).setValues(out as never);
  return ss;
}

describe('ties', () => {
  it('three groups of one delegate: the sentence says the share of the table, and names all three', () => {
    const seen = new Set<string>();
    const ss = onlyOfficial((r) => {
      if (seen.size >= 3 || seen.has(String(r[3])) || r[7] !== 'Chính thức') return false;
      seen.add(String(r[3]));
      return true;
    });
    const want = independentCount(ss);
    const { doc } = generate(ss, NOW, { force: true });
    const p = partsOf(doc);
    // Before: "dân tộc có nhiều đại biểu nhất là dân tộc Dao với 1 đại biểu (33,3%)" beside a table
    // printing Dao 33,4, and Nùng and Tày (1 each too) not named as just as numerous.
    expect(p.paragraphs).toContain(
      'Đại biểu thuộc 3 dân tộc; các dân tộc có nhiều đại biểu nhất là dân tộc Dao, Nùng và Tày, mỗi dân tộc 1 đại biểu.',
    );
    expect(want.groups).toEqual(
      new Map([
        ['Dao', 1],
        ['Nùng', 1],
        ['Tày', 1],
      ]),
    );
  });

  it('a single most numerous group: the same share in the sentence as in the table', () => {
    // 3 Tày, 2 Nùng, 2 Dao of 7: 42,857… / 28,571… / 28,571… → 42,9 / 28,6 / 28,6 in the table and
    // 42,9 in the sentence (once the table rounded by the largest remainder and printed 42,8).
    const wanted = new Map([
      ['Tày', 3],
      ['Nùng', 2],
      ['Dao', 2],
    ]);
    const ss = onlyOfficial((r) => {
      const left = wanted.get(String(r[3])) ?? 0;
      if (left <= 0 || r[7] !== 'Chính thức') return false;
      wanted.set(String(r[3]), left - 1);
      return true;
    });
    const want = independentCount(ss);
    expect(want.total).toBe(7);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
  });

  it('eight delegates born in the oldest year: all eight are named, none is "the" oldest', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const want = independentCount(ss);
    expect(want.oldestNames.length).toBeGreaterThan(1);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
  });

  it('more than ten of the youngest age: ten named, the others counted', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const s = ss.getSheetByName('Đại biểu');
    const rows = grid(ss, 'Đại biểu');
    const youngest = Math.max(...rows.slice(1).flatMap((r) => (r[7] === 'Chính thức' ? [Number(r[5])] : [])));
    let n = 0;
    rows.forEach((r, i) => {
      if (i > 0 && n < 14 && r[7] === 'Chính thức' && r[5] !== youngest) {
        s?.getRange(i + 1, 6).setValue(youngest);
        n++;
      }
    });
    const want = independentCount(ss);
    expect(want.youngestNames.length).toBeGreaterThan(14);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
  });
});

describe('a Đảng viên column with every kind of value', () => {
  it('x, Có (NFD), a checkbox, 1, a date or year of admission, dự bị count; Không, blank, 0, chưa, FALSE do not', () => {
    const ss = resolvedDuplicate(buildSample(SAMPLES['lang-son']!));
    const s = ss.getSheetByName('Đại biểu');
    const header = grid(ss, 'Đại biểu')[0] ?? [];
    const c = header.indexOf('Đảng viên');
    expect(c).toBeGreaterThan(0);
    const n = (s?.getLastRow() ?? 1) - 1;
    const values: Cell[] = [
      'x',
      'Có',
      true,
      1,
      new Date(2010, 4, 3),
      '2010',
      'Không',
      '',
      'dự bị',
      0,
      'chưa',
      'X',
      'có'.normalize('NFD'),
      'Đảng viên',
      false,
      '12/05/2010',
      1995,
      '0',
    ];
    s?.getRange(2, c + 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [values[i % values.length]]) as never);
    const want = independentCount(ss);
    expect(want.party).toBeGreaterThan(0);
    const { result, doc } = generate(ss, NOW);
    expect(result.needsForce).toBeFalsy();
    expectFigures(doc, want);
  });
});

/**
 * compositionSummary on the real bundle: compared with a count written here from the raw cells of the
 * sample workbooks and of a generated province (not through the product's readers); writes nothing;
 * the same service calls whatever the number of delegates.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import type { CompositionSummaryDto } from '../../src/rpc/contract';
import { OFFICIAL_GROUP_NAMES } from '../trust/ethnicNames';
import { diff, snapshot } from '../trust/snapshot';

type Cell = string | number | boolean | Date | null;

/** The test's own key for a name: no diacritics, no case, đ = d, spaces squeezed. */
const key = (s: unknown) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Official spellings of the groups a province lists (the template's Dân tộc list is not used here). */
const OFFICIAL: Record<string, string> = {};
for (const name of OFFICIAL_GROUP_NAMES) OFFICIAL[key(name)] = name;

function grid(ss: LocalSpreadsheet, name: string): Cell[][] {
  const sheet = ss.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : [];
}

interface Expected {
  total: number;
  guests: number;
  women: number;
  groups: Record<string, number>;
  bands: number[];
  oldestAge: number;
  youngestAge: number;
  categories: Record<string, number>;
  perUnit: Record<string, number>;
  withoutDelegate: string[];
}

/** Counts the official delegates from the raw cells, with this test's own parsing. */
function independentCount(ss: LocalSpreadsheet): Expected {
  const config = grid(ss, 'Cấu hình');
  const year = Number(config.find((r) => r[0] === 'Năm')?.[1]);
  const unitNames = new Map(
    grid(ss, 'Đơn vị')
      .slice(1)
      .map((r) => [key(r[0]), String(r[1])]),
  );
  const rows = grid(ss, 'Đại biểu').slice(1);
  const kindOf = (r: Cell[]) => key(r[7]);
  const official = rows.filter((r) => ['chinh thuc', 'duong nhien'].includes(kindOf(r)));
  const e: Expected = {
    total: official.length,
    guests: rows.filter((r) => kindOf(r) === 'khach moi').length,
    women: official.filter((r) => ['nu'].includes(key(r[4]))).length,
    groups: {},
    bands: [0, 0, 0, 0],
    oldestAge: -1,
    youngestAge: 1e9,
    categories: {},
    perUnit: {},
    withoutDelegate: [],
  };
  const represented = new Set<string>();
  for (const r of official) {
    const g = OFFICIAL[key(r[3]).replace(/^dan toc /, '')];
    if (g) {
      e.groups[g] = (e.groups[g] ?? 0) + 1;
      represented.add(g);
    }
    const born = Number(String(r[5]).replace(/[.,]/g, ''));
    if (String(r[5]).trim() !== '' && Number.isInteger(born) && born <= year) {
      const age = year - born;
      e.bands[age < 30 ? 0 : age <= 45 ? 1 : age <= 60 ? 2 : 3]! += 1;
      e.oldestAge = Math.max(e.oldestAge, age);
      e.youngestAge = Math.min(e.youngestAge, age);
    }
    const c = String(r[6] ?? '').trim();
    if (c) e.categories[c] = (e.categories[c] ?? 0) + 1;
    const unit = key(r[2]) === 'cap tinh' ? 'Cấp tỉnh' : (unitNames.get(key(r[2])) ?? String(r[2]));
    e.perUnit[unit] = (e.perUnit[unit] ?? 0) + 1;
  }
  const living = new Set<string>();
  for (const r of grid(ss, 'Dân tộc theo đơn vị').slice(1)) {
    const g = OFFICIAL[key(r[1])];
    if (g && g !== 'Kinh' && Number(r[2]) > 0) living.add(g);
  }
  e.withoutDelegate = [...living].filter((g) => !represented.has(g)).sort();
  return e;
}

function compare(ss: LocalSpreadsheet, now: string): CompositionSummaryDto {
  const rt = new Runtime({ spreadsheet: ss, now });
  const before = snapshot(ss);
  const run = runBundle(rt, 'compositionSummary');
  const got = run.result as CompositionSummaryDto;
  // Writes nothing: every cell (value, formula, note, format, validation …) as it was.
  expect(diff(before, snapshot(ss))).toEqual([]);
  const want = independentCount(ss);
  expect(got.ok).toBe(true);
  expect(got.total).toBe(want.total);
  expect(got.official + got.exOfficio).toBe(want.total);
  expect(got.guests).toBe(want.guests);
  expect(got.women.count).toBe(want.women);
  expect(got.women.share).toBeCloseTo(want.women / want.total, 10);
  expect(Object.fromEntries(got.byEthnicGroup.map((g) => [g.group, g.count]))).toEqual(want.groups);
  for (const g of got.byEthnicGroup) expect(g.share).toBeCloseTo(g.count / want.total, 10);
  expect(got.ageBands.map((b) => b.count)).toEqual(want.bands);
  expect(got.ageBands.map((b) => b.label)).toEqual([
    'Dưới 30 tuổi',
    'Từ 30 đến 45 tuổi',
    'Từ 46 đến 60 tuổi',
    'Từ 61 tuổi trở lên',
  ]);
  expect(got.oldest?.age).toBe(want.oldestAge);
  expect(got.youngest?.age).toBe(want.youngestAge);
  expect(Object.fromEntries(got.byCategory.map((c) => [c.category, c.count]))).toEqual(want.categories);
  expect(Object.fromEntries(got.byUnit.filter((u) => u.count > 0).map((u) => [u.name, u.count]))).toEqual(want.perUnit);
  expect(got.groupsWithoutDelegate.map((g) => g.group).sort()).toEqual(want.withoutDelegate);
  expect(got.partyMembers).toBeNull(); // the template has no Party-member column
  return got;
}

describe('compositionSummary equals an independent count', () => {
  builtCodePath();
  it.each(['lang-son', 'lang-son-cap-xa'])('sample %s', (name) => {
    const got = compare(buildSample(SAMPLES[name]!), '2024-01-05T08:00:00+07:00');
    expect(got.total).toBeGreaterThan(100);
    expect(got.byEthnicGroup.length).toBeGreaterThan(3);
    // Units are named by name; the oldest has a unit name.
    expect(got.oldest?.unit).toBeTruthy();
    expect(got.message).toContain(String(got.byEthnicGroup.length));
  });

  it('a generated province (planted typos, unknown units, missing kinds, 1890)', () => {
    const { spreadsheet } = buildSynthetic({ units: 40, delegates: 1500 });
    const got = compare(spreadsheet, '2025-03-10T09:00:00+07:00');
    expect(got.unclassified).toBeGreaterThan(0);
    expect(got.oldest?.age).toBe(135);
  });
});

describe('calls flat in the delegate rows', () => {
  it('the same service calls at 100 and 5,000 delegates', () => {
    const calls = (delegates: number) => {
      const { spreadsheet } = buildSynthetic({ units: 11, delegates });
      return runBundle(new Runtime({ spreadsheet, now: '2025-03-10T09:00:00+07:00' }), 'compositionSummary').calls;
    };
    const small = calls(100);
    expect(calls(5000)).toEqual(small);
    // Cấu hình, Đơn vị, Dân tộc theo đơn vị, Đại biểu, and Phân bổ (the allocation drawn under the composition).
    expect(small['Range.getValues']).toBeLessThanOrEqual(5);
    expect(small.total).toBeLessThanOrEqual(21); // 18, and Phân bổ read for the allocation bars
  });
});

describe('bad calls and bare workbooks', () => {
  it('refuses arguments, in Vietnamese', () => {
    const rt = new Runtime({ now: '2024-01-05T08:00:00+07:00' });
    runBundle(rt, 'setupWorkbook');
    expect(() => runBundle(rt, 'compositionSummary', ['x'])).toThrow(/tham số|compositionSummary/);
  });

  it('a workbook without Năm: counts, no ages, says why', () => {
    const rt = new Runtime({ now: '2024-01-05T08:00:00+07:00' });
    runBundle(rt, 'setupWorkbook');
    rt.spreadsheet
      .getSheetByName('Đại biểu')
      ?.getRange(2, 1, 2, 8)
      .setValues([
        [1, 'Hoàng Thị A', 'Cấp tỉnh', 'Tày', 'Nữ', 1980, '', 'Chính thức'],
        [2, 'Lý Văn B', 'Cấp tỉnh', 'Dao', 'Nam', 1990, '', 'Khách mời'],
      ]);
    const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(got.total).toBe(1);
    expect(got.guests).toBe(1);
    expect(got.ageUnknown).toBe(1);
    expect(got.oldest).toBeNull();
    expect(got.notes.join(' ')).toContain('Năm');
  });

  it('a workbook without Đại biểu: not ok, says so', () => {
    const rt = new Runtime({ now: '2024-01-05T08:00:00+07:00' });
    runBundle(rt, 'setupWorkbook');
    const sheet = rt.spreadsheet.getSheetByName('Đại biểu');
    if (sheet) rt.spreadsheet.deleteSheet(sheet);
    const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(got.ok).toBe(false);
    expect(got.message).toContain('Đại biểu');
  });
});

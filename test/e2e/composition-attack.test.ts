/**
 * compositionSummary attacked: decorated workbooks (written nothing, nothing thrown), age-band edges,
 * a Party-member column some workbooks add, a group living in the province without a delegate.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { builtCodePath } from '../../local/testing';
import type { CompositionSummaryDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { setSetting } from '../trust/settings';
import { diff, snapshot } from '../trust/snapshot';

describe('decorated workbooks: read, never written', () => {
  builtCodePath();
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, w) => {
    const ss = w.build();
    const before = snapshot(ss);
    const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
    const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(got.message).toBeTruthy();
    if (got.ok) {
      expect(got.total).toBeGreaterThan(0);
      expect(got.byEthnicGroup.reduce((n, g) => n + g.count, 0) + got.ethnicUnknown).toBe(got.total);
      expect(got.ageBands.reduce((n, b) => n + b.count, 0) + got.ageUnknown).toBe(got.total);
    }
  });
});

function small(rows: (string | number)[][], extra?: { header: string; values: string[] }): Runtime {
  const rt = new Runtime({ now: '2024-01-05T08:00:00+07:00' });
  runBundle(rt, 'setupWorkbook');
  const ss = rt.spreadsheet;
  setSetting(ss, 'Năm', 2024);
  ss.getSheetByName('Đơn vị')
    ?.getRange(2, 1, 2, 4)
    .setValues([
      ['HL', 'Hữu Lũng', 121735, 67120],
      ['LB', 'Lộc Bình', 84740, 79510],
    ]);
  ss.getSheetByName('Dân tộc theo đơn vị')
    ?.getRange(2, 1, 4, 3)
    .setValues([
      ['HL', 'Tày', 30000],
      ['HL', 'Sán Chay', 1200],
      ['LB', 'Hoa', 0],
      ['LB', 'Kinh', 5000],
    ]);
  const sheet = ss.getSheetByName('Đại biểu');
  if (!sheet) throw new Error('no Đại biểu');
  sheet.getRange(2, 1, rows.length, 8).setValues(rows);
  if (extra) {
    sheet.getRange(1, 12).setValue(extra.header);
    sheet.getRange(2, 12, extra.values.length, 1).setValues(extra.values.map((v) => [v]));
  }
  return rt;
}

const ROWS: (string | number)[][] = [
  [1, 'Người 29', 'HL', 'Tày', 'Nữ', 1995, 'Thanh niên', 'Chính thức'],
  [2, 'Người 30', 'HL', 'Tày', 'Nam', 1994, '', 'Chính thức'],
  [3, 'Người 45', 'Hữu Lũng', 'Kinh', 'Nam', 1979, '', 'Đương nhiên'],
  [4, 'Người 46', 'LB', 'Nùng', 'nữ', 1978, 'Người có uy tín', 'Chính thức'],
  [5, 'Người 60', 'LB', 'Nùng', 'Nam', 1964, ' người có  uy tín', 'Chính thức'],
  [6, 'Người 61', 'Cấp tỉnh', 'Dao', 'Nữ', 1963, '', 'Chính thức'],
  [7, 'Sinh sau năm Đại hội', 'LB', 'Tày', 'Nam', 2030, '', 'Chính thức'],
  [8, 'Khách Sán Chay', 'HL', 'Sán Chay', 'Nữ', 1950, '', 'Khách mời'],
  [9, 'Không rõ loại', 'HL', 'Sán Chay', 'Nữ', 1950, '', ''],
];

it('age bands at their edges; the oldest and youngest named with unit names', () => {
  const got = runBundle(small(ROWS), 'compositionSummary').result as CompositionSummaryDto;
  expect(got.total).toBe(7);
  expect(got.official).toBe(6);
  expect(got.exOfficio).toBe(1);
  expect(got.guests).toBe(1);
  expect(got.unclassified).toBe(1);
  expect(got.ageBands.map((b) => b.count)).toEqual([1, 2, 2, 1]);
  expect(got.ageUnknown).toBe(1);
  expect(got.oldest).toEqual({ name: 'Người 61', age: 61, group: 'Dao', unit: 'Cấp tỉnh' });
  expect(got.youngest).toEqual({ name: 'Người 29', age: 29, group: 'Tày', unit: 'Hữu Lũng' });
  expect(got.women).toEqual({ count: 3, share: 3 / 7 });
  expect(got.byEthnicGroup[0]).toEqual({ group: 'Tày', count: 3, share: 3 / 7 });
  expect(got.byCategory).toEqual([
    { category: 'Người có uy tín', count: 2, share: 2 / 7 },
    { category: 'Thanh niên', count: 1, share: 1 / 7 },
  ]);
  // A guest of the Sán Chay is no delegate of the group; Hoa (0 people) and the Kinh are not listed.
  expect(got.groupsWithoutDelegate).toEqual([{ group: 'Sán Chay', population: 1200 }]);
  expect(got.guestFigures).toEqual({ total: 1, women: 1, byEthnicGroup: [{ group: 'Sán Chay', count: 1 }] });
  expect(got.byUnit.map((u) => [u.name, u.count, u.women])).toEqual([
    ['Hữu Lũng', 3, 1],
    ['Lộc Bình', 3, 1],
    ['Cấp tỉnh', 1, 1],
  ]);
  expect(got.partyMembers).toBeNull();
});

it('a Party-member column added by the officer is counted', () => {
  const rt = small(ROWS, { header: 'Đảng viên', values: ['x', '', 'Có', 'Không', 'x', '', 'x', 'x', 'x'] });
  const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
  expect(got.partyMembers).toEqual({ count: 4, share: 4 / 7 });
});

function setAgeBands(rt: Runtime, value: string): string {
  // The row is written by setupWorkbook (setSetting throws when it is missing).
  return setSetting(rt.spreadsheet, 'Mốc nhóm tuổi', value);
}

it('the officer sets other bands in Cấu hình (Mốc nhóm tuổi)', () => {
  const rt = small(ROWS);
  setAgeBands(rt, '35; 50'); // ages 29, 30 | 45, 46 | 60, 61
  const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
  expect(got.ageBands.map((b) => [b.label, b.count])).toEqual([
    ['Dưới 35 tuổi', 2],
    ['Từ 35 đến 49 tuổi', 2],
    ['Từ 50 tuổi trở lên', 2],
  ]);
  expect(got.notes).toEqual([]);
});

it.each(['30, 20', 'ba mươi', '30, 46.5', '0, 30'])(
  'bands typed wrong (%s): the default bands, the cell named',
  (typed) => {
    const rt = small(ROWS);
    const cell = setAgeBands(rt, typed);
    const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(got.ageBands.map((b) => b.count)).toEqual([1, 2, 2, 1]);
    expect(got.notes.join(' ')).toContain(`Ô ${cell} của trang "Cấu hình"`);
  },
);

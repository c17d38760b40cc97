/**
 * Attack on the eligibility feature through the real bundle, as an officer would do the unexpected:
 * their own `Hình thức` column computing the form with a formula, the threshold typed the English way
 * ("5,000"), the threshold changed while the preview was open, a header typed in NFD with spaces, and a
 * unit whose DTTS population is unreadable.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, OverviewDto } from '../../src/rpc/contract';
import { column, findRow, sheet } from '../trust/corpus';
import { snapshot, userDiff } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const THRESHOLD = 'Ngưỡng tổ chức đại hội';

const run = <T>(ss: LocalSpreadsheet, name: string, args: unknown[] = []) =>
  runBundle(new Runtime({ spreadsheet: ss, now: NOW }), name, args).result as T;
const allocate = (ss: LocalSpreadsheet, options: object = { confirmed: true }) =>
  run<AllocationResultDto>(ss, 'allocateDelegates', [options]);

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): string {
  const config = sheet(ss, 'Cấu hình');
  const row = findRow(config, 'Thông số', (v) => v === label);
  const col = column(config, 'Giá trị');
  config.getRange(row, col).setValue(value);
  return `${String.fromCharCode(64 + col)}${row}`;
}

function columnCells(s: LocalSheet, col: number): string[] {
  const range = s.getRange(1, col, s.getMaxRows(), 1);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  return values.map((v, i) => JSON.stringify([v[0], formulas[i]?.[0], formats[i]?.[0]]));
}

/** Lạng Sơn allocated, then the add-in's `Hình thức` deleted: as set up before it. */
function setUpBefore(): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  expect(allocate(ss).ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  s.deleteColumn(column(s, 'Hình thức'));
  return ss;
}

describe("an officer's own Hình thức column computing the form with a formula", () => {
  test('its formulas are never replaced, though they give the very words the add-in writes', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    const dtts = String.fromCharCode(64 + column(s, 'Dân số DTTS'));
    s.getRange(1, col).setValue('Hình thức');
    for (let r = 2; r <= 12; r++)
      s.getRange(r, col).setFormula(`=IF(${dtts}${r}>=5000,"Đại hội","Hội nghị liên tịch")`);
    const theirs = columnCells(s, col);
    setSetting(ss, THRESHOLD, 60000);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(true);
    expect(result.problems.some((p) => p.rule === 'allocation-formula-replaced')).toBe(false);
  });
});

describe('the threshold typed the unexpected way', () => {
  test('"5,000" (comma for thousands) is read as 5.000, with a warning naming the cell', () => {
    const ss = buildSample(LANG_SON);
    const cell = setSetting(ss, THRESHOLD, '5,000');
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.eligibility?.threshold).toBe(5000);
    expect(result.problems.find((p) => p.rule === 'setting-doubtful')).toMatchObject({ sheet: 'Cấu hình', cell });
  });

  test('a negative threshold stops the allocation and writes nothing', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const cell = setSetting(ss, THRESHOLD, -1);
    const before = snapshot(ss);
    const result = allocate(ss);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(cell);
    expect(snapshot(ss)).toEqual(before);
  });

  test('the threshold changed while the preview was open: the confirmation is refused, nothing written', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức');
    const total = config.getRange(row, column(config, 'Giá trị'));
    total.setValue(Number(total.getValue()) + 7);
    const preview = run<AllocationResultDto>(ss, 'previewAllocation');
    expect(preview.preview?.needsConfirmation).toBe(true);
    // Another officer raises the threshold: the forms would not be the ones the preview showed.
    setSetting(ss, THRESHOLD, 60000);
    const before = snapshot(ss);
    const result = allocate(ss, { confirmed: true, expect: preview.preview?.digest });
    expect(result.ok).toBe(false);
    expect(snapshot(ss)).toEqual(before);
  });
});

describe('odd sheets', () => {
  test("the header typed in NFD with spaces is the same column: an officer's text in it is never written", () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col, 3, 1).setValues([['  HÌNH THỨC '.normalize('NFD')], ['Trực tiếp'], ['Trực tuyến']]);
    const theirs = columnCells(s, col);
    const before = snapshot(ss);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    // Recognised as the header "Hình thức" (not merely ignored), and named as the officer's.
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(true);
  });

  test('a unit whose DTTS population is unreadable: no allocation, and the overview counts it as unknown', () => {
    const ss = buildSample(LANG_SON);
    const units = sheet(ss, 'Đơn vị');
    units.getRange(12, column(units, 'Dân số DTTS')).setValue('chưa có');
    expect(allocate(ss).ok).toBe(false);
    const o = run<OverviewDto>(ss, 'getOverview');
    expect(o.eligibility?.unknown).toBe(1);
    expect(o.eligibility?.sentence).toContain(
      'Chưa xác định được hình thức tổ chức của 1 huyện, thành phố (Đình Lập) vì Dân số DTTS để trống hoặc không hợp lệ.',
    );
    expect(o.eligibility?.congressUnits).not.toContain('Đình Lập');
  });
});

/**
 * Each unit's form ("Đại hội" / "Hội nghị liên tịch") through the real bundle: the add-in's `Hình thức`
 * column of `Phân bổ` on decorated workbooks (whole-cell snapshots of everything else), sorted rows,
 * an officer's own column of that header, a workbook set up before the column, undo, the threshold
 * setting typed wrong, and the overview's sentence.
 *
 * Lạng Sơn's illustrative DTTS populations: LB 79.510, CL 72.460, HL 67.120, BS 64.930, CLA 59.870,
 * TPLS 58.340, TĐ 57.610, VQ 52.140, BG 51.320, VL 48.230, ĐL 25.840.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, OverviewDto } from '../../src/rpc/contract';
import { column, corpusWorkbook, findRow, sheet } from '../trust/corpus';
import { columnLetter, diff, snapshot, userDiff } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const CONGRESS = 'Đại hội';
const JOINT = 'Hội nghị liên tịch';
const THRESHOLD = 'Ngưỡng tổ chức đại hội';

function call<T>(ss: LocalSpreadsheet, name: string, args: unknown[] = []) {
  const r = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), name, args) as {
    result: unknown;
    calls: Record<string, number>;
  };
  return { result: r.result as T, calls: r.calls };
}
const allocate = (ss: LocalSpreadsheet) => call<AllocationResultDto>(ss, 'allocateDelegates', [{ confirmed: true }]);

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): string {
  const config = sheet(ss, 'Cấu hình');
  const row = findRow(config, 'Thông số', (v) => v === label);
  const col = column(config, 'Giá trị');
  config.getRange(row, col).setValue(value);
  return `${String.fromCharCode(64 + col)}${row}`;
}

/** Code → the value of `header` in that unit's row of `Phân bổ`. */
function byCode(s: LocalSheet, header: string): Map<string, unknown> {
  const values = s.getDataRange().getValues();
  const code = column(s, 'Mã đơn vị') - 1;
  const col = column(s, header) - 1;
  return new Map(values.slice(1).map((r) => [String(r[code]), r[col]]));
}

/** Every cell of a column (value, formula, format) from row 1 down. */
function columnCells(s: LocalSheet, col: number): string[] {
  const range = s.getRange(1, col, s.getMaxRows(), 1);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  return values.map((v, i) => JSON.stringify([v[0], formulas[i]?.[0], formats[i]?.[0]]));
}

describe('the Hình thức column on the sample', () => {
  test('at 5.000 every Lạng Sơn district holds its congress; the sheet agrees with rows[].form, as plain text', () => {
    const ss = buildSample(LANG_SON);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.rows.every((r) => r.form === CONGRESS)).toBe(true);
    expect(result.eligibility).toMatchObject({ twoLevel: true, congress: 11, jointConference: 0, threshold: 5000 });
    const s = sheet(ss, 'Phân bổ');
    const forms = byCode(s, 'Hình thức');
    for (const r of result.rows) expect(forms.get(r.code)).toBe(r.form);
    const col = column(s, 'Hình thức');
    expect(s.getRange(2, col, result.rows.length, 1).getNumberFormats().flat()).toEqual(result.rows.map(() => '@'));
  });

  test('threshold 60.000: at/above hold a congress, below by joint conference, in a two-level province', () => {
    const ss = buildSample(LANG_SON);
    setSetting(ss, THRESHOLD, 60000);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    const form = Object.fromEntries(result.rows.map((r) => [r.code, r.form]));
    expect(form).toMatchObject({ LB: CONGRESS, CL: CONGRESS, HL: CONGRESS, BS: CONGRESS, CLA: JOINT, ĐL: JOINT });
    expect(result.eligibility?.sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 4 huyện, thành phố tổ chức Đại hội cấp huyện; 7 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 60.000 người DTTS sinh sống thành cộng đồng).',
    );
    // Exactly at the threshold qualifies; one below does not.
    setSetting(ss, THRESHOLD, 59870);
    expect(allocate(ss).result.rows.find((r) => r.code === 'CLA')?.form).toBe(CONGRESS);
    setSetting(ss, THRESHOLD, 59871);
    expect(allocate(ss).result.rows.find((r) => r.code === 'CLA')?.form).toBe(JOINT);
  });

  test('threshold 75.000: only Lộc Bình qualifies, the province is one-level, every unit by joint conference', () => {
    const ss = buildSample(LANG_SON);
    setSetting(ss, THRESHOLD, '75.000');
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.rows.every((r) => r.form === JOINT)).toBe(true);
    expect(result.eligibility).toMatchObject({ twoLevel: false, qualifying: 1, congress: 0 });
    expect([...byCode(sheet(ss, 'Phân bổ'), 'Hình thức').values()].slice(0, 11)).toEqual(
      Array.from({ length: 11 }, () => JOINT),
    );
  });

  test('a threshold typed wrong stops the allocation, names the cell, and writes nothing', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).result.ok).toBe(true);
    const cell = setSetting(ss, THRESHOLD, 'năm nghìn');
    const before = snapshot(ss);
    const { result } = allocate(ss);
    expect(result.ok).toBe(false);
    expect(result.message.toLowerCase()).toContain(THRESHOLD.toLowerCase());
    expect(result.message).toContain(cell);
    expect(result.problems.find((p) => p.severity === 'error')).toMatchObject({ sheet: 'Cấu hình', cell });
    expect(snapshot(ss)).toEqual(before);
    // The overview shows no form built on a threshold it could not read.
    expect(call<OverviewDto>(ss, 'getOverview').result.eligibility).toBeUndefined();
  });

  test('the form costs no call: one setValues per run of rows, as before', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).result.ok).toBe(true);
    setSetting(ss, THRESHOLD, 60000);
    const { calls } = allocate(ss);
    // A–E and G–K (Cách tính and Hình thức), Điều chỉnh between; and the record of the forms replaced
    // (the previous allocation, for "Hoàn tác phân bổ").
    expect(calls['Range.setValues']).toBe(3);
  });
});

describe('decorated workbooks', () => {
  test('changing the threshold on the decorated Lạng Sơn rewrites only Hình thức of the unit rows', () => {
    const ss = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units').build();
    // Up to date first (the officer adjusted and renamed since the last run), then only the threshold changes.
    const first = allocate(ss).result;
    expect(first.ok).toBe(true);
    setSetting(ss, THRESHOLD, 60000);
    const before = snapshot(ss);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    // The forms it replaced are kept: "Hoàn tác phân bổ" gives them back.
    expect(result.undoable).toBe(true);
    const after = snapshot(ss);
    expect(userDiff(before, after)).toEqual([]);
    const s = sheet(ss, 'Phân bổ');
    const forms = byCode(s, 'Hình thức');
    expect(forms.get('HL')).toBe(CONGRESS);
    expect(forms.get('ĐL')).toBe(JOINT);
    // Every difference anywhere is a value of the Hình thức column (only the forms changed).
    const letter = columnLetter(column(s, 'Hình thức'));
    // (Besides the add-in's hidden record of the previous allocation.)
    const changes = diff(before, after).filter((d) => d.sheet === 'Phân bổ');
    expect(changes.length).toBe(7);
    for (const d of changes) {
      expect(d).toMatchObject({ sheet: 'Phân bổ', field: 'value', before: expect.stringContaining(CONGRESS) });
      expect(d.cell.replace(/\d+$/, '')).toBe(letter);
    }
  });

  test.each(['Lạng Sơn cấp xã (text codes) decorated', 'Kon Tum decorated'])(
    '%s: the allocation writes a form for every unit, and nothing of the officer changes',
    (name) => {
      const ss = corpusWorkbook(name).build();
      const before = snapshot(ss);
      const { result } = allocate(ss);
      expect(result.ok).toBe(true);
      expect(userDiff(before, snapshot(ss))).toEqual([]);
      const forms = byCode(sheet(ss, 'Phân bổ'), 'Hình thức');
      for (const r of result.rows) {
        expect([CONGRESS, JOINT]).toContain(r.form);
        expect(forms.get(r.code)).toBe(r.form);
      }
    },
  );

  test('rows sorted by the officer (by DTTS population, ascending): each unit gets its own form, by code', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).result.ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    // Sorted by Dân số DTTS, ascending (as Data › Sort range does: whole rows move).
    const block = s.getRange(2, 1, 11, s.getLastColumn());
    const dtts = column(s, 'Dân số DTTS') - 1;
    block.setValues([...block.getValues()].sort((a, b) => Number(a[dtts]) - Number(b[dtts])));
    setSetting(ss, THRESHOLD, 60000);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    const forms = byCode(s, 'Hình thức');
    for (const r of result.rows) expect(forms.get(r.code)).toBe(r.form);
    expect(s.getRange(2, 1).getValue()).toBe('ĐL'); // the sort stands
  });
});

/** Lạng Sơn allocated, then `Hình thức` deleted and the threshold row removed: as set up before them. */
function setUpBefore(): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  expect(allocate(ss).result.ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  s.deleteColumn(column(s, 'Hình thức'));
  const config = sheet(ss, 'Cấu hình');
  config.deleteRow(findRow(config, 'Thông số', (v) => v === THRESHOLD));
  return ss;
}

describe('a workbook set up before Hình thức', () => {
  test('allocates without it (5.000 by default); setup adds the column and the setting; then the forms are written', () => {
    const ss = setUpBefore();
    const before = snapshot(ss);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.rows.every((r) => r.form === CONGRESS)).toBe(true);
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    call(ss, 'setupWorkbook');
    const s = sheet(ss, 'Phân bổ');
    const col = column(s, 'Hình thức');
    expect(col).toBeGreaterThan(column(s, 'Ghi chú'));
    expect(s.getRange(2, col).getValue()).toBe('');
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === THRESHOLD);
    expect(String(config.getRange(row, column(config, 'Giá trị')).getValue())).toMatch(/^5\.?000$/);
    const again = allocate(ss).result;
    expect(again.ok).toBe(true);
    expect(byCode(s, 'Hình thức').get('HL')).toBe(CONGRESS);
  });

  test('an officer\'s own "Hình thức" column (Trực tiếp / Trực tuyến) is never written; a warning names its header', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 2;
    s.getRange(1, col, 4, 1).setValues([['Hình thức'], ['Trực tiếp'], [''], ['Trực tuyến']]);
    const theirs = columnCells(s, col);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    const warning = result.problems.find((p) => p.rule === 'allocation-form-column-not-owned');
    expect(warning).toMatchObject({ sheet: 'Phân bổ', cell: `${String.fromCharCode(64 + col)}1` });
    // The forms still reach the sidebar.
    expect(result.rows.every((r) => r.form === CONGRESS)).toBe(true);
    // Setup does not take it over either.
    call(ss, 'setupWorkbook');
    expect(allocate(ss).result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
  });

  test('…holding the very words "Đại hội" typed by the officer among blanks: the column is taken as the add-in\'s only when nothing else is there', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col, 3, 1).setValues([['Hình thức'], ['Đại hội'], ['Đại hội (dự kiến tháng 5)']]);
    const theirs = columnCells(s, col);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(true);
  });
});

describe("the add-in's column and an officer's own column of the same header", () => {
  test("the form goes to the column whose header has the add-in's fill; the other is named and untouched", () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).result.ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const ours = column(s, 'Hình thức');
    // The officer's own column before the add-in's (found first by header).
    s.insertColumnBefore(1);
    s.getRange(1, 1, 3, 1).setValues([['Hình thức'], ['Trực tiếp'], ['Trực tuyến']]);
    const theirs = columnCells(s, 1);
    setSetting(ss, THRESHOLD, 60000);
    const { result } = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, 1)).toEqual(theirs);
    const codeCol = column(s, 'Mã đơn vị');
    const values = s.getDataRange().getValues();
    const form = new Map(values.slice(1).map((r) => [r[codeCol - 1], r[ours]]));
    expect(form.get('HL')).toBe(CONGRESS);
    expect(form.get('ĐL')).toBe(JOINT);
    expect(result.problems.find((p) => p.rule === 'allocation-form-column-twice')?.cell).toBe('A1');
  });
});

describe('undo', () => {
  test('a re-allocation that changes seats and forms, undone: the forms come back with the figures', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).result.ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const formsBefore = byCode(s, 'Hình thức');
    const seatsBefore = byCode(s, 'Số phân bổ');
    setSetting(ss, THRESHOLD, 60000);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức');
    const total = config.getRange(row, column(config, 'Giá trị'));
    total.setValue(Number(total.getValue()) + 7);
    const again = allocate(ss).result;
    expect(again.ok).toBe(true);
    expect(again.undoable).toBe(true);
    expect(byCode(s, 'Hình thức').get('ĐL')).toBe(JOINT);
    const undone = call<{ ok: boolean; message: string }>(ss, 'undoAllocation').result;
    expect(undone.ok).toBe(true);
    expect(byCode(s, 'Hình thức')).toEqual(formsBefore);
    expect(byCode(s, 'Số phân bổ')).toEqual(seatsBefore);
  });

  test("undo never writes an officer's own Hình thức column", () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col, 2, 1).setValues([['Hình thức'], ['Trực tiếp']]);
    expect(allocate(ss).result.ok).toBe(true);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức');
    const total = config.getRange(row, column(config, 'Giá trị'));
    total.setValue(Number(total.getValue()) + 7);
    expect(allocate(ss).result.undoable).toBe(true);
    const theirs = columnCells(s, col);
    expect(call<{ ok: boolean }>(ss, 'undoAllocation').result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
  });
});

describe('progress and the overview', () => {
  test('the overview says whether the province is two-level, and lists each unit by form', () => {
    const ss = buildSample(LANG_SON);
    setSetting(ss, THRESHOLD, 60000);
    const o = call<OverviewDto>(ss, 'getOverview').result;
    expect(o.eligibility?.sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 4 huyện, thành phố tổ chức Đại hội cấp huyện; 7 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 60.000 người DTTS sinh sống thành cộng đồng).',
    );
    expect(o.eligibility?.congressUnits).toEqual(['Hữu Lũng', 'Lộc Bình', 'Cao Lộc', 'Bắc Sơn']);
    setSetting(ss, THRESHOLD, 75000);
    expect(call<OverviewDto>(ss, 'getOverview').result.eligibility?.sentence).toMatch(
      /^Tỉnh tổ chức Đại hội một cấp \(chỉ Đại hội cấp tỉnh\) vì chỉ có 1 huyện, thành phố đủ điều kiện tổ chức Đại hội cấp huyện/,
    );
    const progress = call<{ eligibility?: { twoLevel: boolean } }>(ss, 'progressSummary').result;
    expect(progress.eligibility?.twoLevel).toBe(false);
  });
});

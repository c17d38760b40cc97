/**
 * Attack on the eligibility feature, through the real bundle:
 * - an officer's own `Hình thức` column typed by hand with the very two labels the add-in writes (the
 *   province's own decision for a unit: "Hội nghị liên tịch" where the rule says "Đại hội"), or still blank:
 *   the cells cannot tell it from the add-in's, only the header's mark can (the add-in's fill, or the note
 *   setup puts on it); never written by the allocation, a re-allocation or an undo;
 * - the add-in's own column, its header recoloured by the officer: still the add-in's (its note stays);
 * - `Ngưỡng tổ chức đại hội` typed wrong: the allocation, progressSummary and the overview follow one rule
 *   (no form anywhere, the cell named), and without `Cấu hình` none claims a form either;
 * - the threshold typed "5 000", "5.000 người", as a formula; the sentence for communes (cấp xã);
 * - rows sorted by the officer: the forms follow the codes; threshold changed alone, then undone.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, OverviewDto, ProgressSummaryDto } from '../../src/rpc/contract';
import { CORPUS, column, FILL, findRow, sheet } from '../trust/corpus';
import { diff, snapshot, userDiff } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const THRESHOLD = 'Ngưỡng tổ chức đại hội';
const CONGRESS = 'Đại hội';
const JOINT = 'Hội nghị liên tịch';

const run = <T>(ss: LocalSpreadsheet, name: string, args: unknown[] = [], now = NOW) =>
  runBundle(new Runtime({ spreadsheet: ss, now }), name, args).result as T;
const allocate = (ss: LocalSpreadsheet, options: object = { confirmed: true }) =>
  run<AllocationResultDto>(ss, 'allocateDelegates', [options]);

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown, formula = false): string {
  const config = sheet(ss, 'Cấu hình');
  const row = findRow(config, 'Thông số', (v) => v === label);
  const col = column(config, 'Giá trị');
  if (formula) config.getRange(row, col).setFormula(String(value));
  else config.getRange(row, col).setValue(value);
  return `${String.fromCharCode(64 + col)}${row}`;
}

function columnCells(s: LocalSheet, col: number): string[] {
  const range = s.getRange(1, col, s.getMaxRows(), 1);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const notes = range.getNotes();
  const fills = range.getBackgrounds();
  return values.map((v, i) => JSON.stringify([v[0], formulas[i]?.[0], formats[i]?.[0], notes[i]?.[0], fills[i]?.[0]]));
}

/** Code → the value of `header` in that unit's row of `Phân bổ`. */
function byCode(s: LocalSheet, header: string, col = column(s, header)): Map<string, unknown> {
  const values = s.getDataRange().getValues();
  const code = column(s, 'Mã đơn vị') - 1;
  return new Map(values.slice(1).map((r) => [String(r[code]), r[col - 1]]));
}

/** Lạng Sơn allocated, then the add-in's `Hình thức` deleted: as set up before it. */
function setUpBefore(): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  expect(allocate(ss).ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  s.deleteColumn(column(s, 'Hình thức'));
  return ss;
}

describe("an officer's own Hình thức column holding only the add-in's two labels", () => {
  test('typed by hand (one unit overridden) it is never written: allocation, re-allocation, undo', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    const rows = s.getLastRow();
    // The province's decision: every district holds its congress except Hữu Lũng (HL), by joint conference.
    const codes = s.getRange(2, column(s, 'Mã đơn vị'), rows - 1, 1).getValues();
    s.getRange(1, col).setValue('Hình thức');
    s.getRange(2, col, rows - 1, 1).setValues(codes.map(([c]) => [c === 'HL' ? JOINT : CONGRESS]));
    const theirs = columnCells(s, col);
    const first = allocate(ss);
    expect(first.ok).toBe(true);
    expect(first.rows.find((r) => r.code === 'HL')?.form).toBe(CONGRESS);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(first.problems.find((p) => p.rule === 'allocation-form-column-not-owned')).toMatchObject({
      sheet: 'Phân bổ',
      cell: `${String.fromCharCode(64 + col)}1`,
    });
    // A re-allocation that changes figures and forms, then its undo: the officer's column stays as typed.
    setSetting(ss, THRESHOLD, 60000);
    const config = sheet(ss, 'Cấu hình');
    const totalCell = config.getRange(
      findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức'),
      column(config, 'Giá trị'),
    );
    totalCell.setValue(Number(totalCell.getValue()) + 5);
    const again = allocate(ss);
    expect(again.ok).toBe(true);
    expect(again.undoable).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(run<{ ok: boolean }>(ss, 'undoAllocation').ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
  });

  test('still blank, it is not taken over either (the officer may be about to fill it in)', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col).setValue('Hình thức');
    const before = snapshot(ss);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(true);
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    expect(
      columnCells(s, col)
        .slice(1)
        .every((c) => JSON.parse(c)[0] === ''),
    ).toBe(true);
  });

  test('after the hint (rename theirs, run setup) the add-in gets its own column and theirs is untouched', () => {
    const ss = setUpBefore();
    const s = sheet(ss, 'Phân bổ');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col, 3, 1).setValues([['Hình thức'], [JOINT], [CONGRESS]]);
    s.getRange(1, col).setValue('Hình thức riêng');
    const theirs = columnCells(s, col);
    run(ss, 'setupWorkbook');
    expect(allocate(ss).ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect([...byCode(s, 'Hình thức').values()].filter((v) => v === CONGRESS).length).toBe(11);
  });
});

describe("the add-in's own column", () => {
  test("its header recoloured by the officer (a preset fill): still the add-in's by its note; forms written", () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    s.getRange(1, 1, 1, s.getLastColumn()).setBackground(FILL.lightBlue);
    setSetting(ss, THRESHOLD, 60000);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(false);
    const forms = byCode(s, 'Hình thức');
    for (const r of result.rows) expect(forms.get(r.code)).toBe(r.form);
    expect(forms.get('ĐL')).toBe(JOINT);
  });

  test("its fill and its note both removed: no mark left, so it is treated as the officer's and not written", () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const col = column(s, 'Hình thức');
    s.getRange(1, col).setBackground(FILL.lightBlue).setNote('');
    const theirs = columnCells(s, col);
    setSetting(ss, THRESHOLD, 60000);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(columnCells(s, col)).toEqual(theirs);
    expect(result.problems.some((p) => p.rule === 'allocation-form-column-not-owned')).toBe(true);
  });

  test("a cell of it typed over with the officer's own words: replaced with a warning at the cell, undo gives it back", () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const col = column(s, 'Hình thức');
    const row = findRow(s, 'Mã đơn vị', (v) => v === 'ĐL');
    const typed = 'Hội nghị liên tịch (theo Quyết định số 12/QĐ-BCĐ)';
    s.getRange(row, col).setValue(typed);
    const before = snapshot(ss);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    const cell = `${String.fromCharCode(64 + col)}${row}`;
    expect(result.problems.find((p) => p.rule === 'allocation-form-typed-over')).toMatchObject({
      sheet: 'Phân bổ',
      cell,
    });
    expect(s.getRange(row, col).getValue()).toBe(CONGRESS);
    expect(result.undoable).toBe(true);
    expect(run<{ ok: boolean }>(ss, 'undoAllocation').ok).toBe(true);
    expect(s.getRange(row, col).getValue()).toBe(typed);
    expect(diff(before, snapshot(ss)).filter((d) => d.sheet === 'Phân bổ')).toEqual([]);
  });

  test("rows sorted by the officer (Z→A): each form lands in its unit's row", () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const last = s.getLastRow();
    const width = s.getLastColumn();
    const block = s.getRange(2, 1, last - 1, width);
    block.setValues(block.getValues().reverse());
    setSetting(ss, THRESHOLD, 60000);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    const forms = byCode(s, 'Hình thức');
    for (const r of result.rows) expect(forms.get(r.code)).toBe(r.form);
  });

  test('threshold changed alone: the forms change, undo brings back the earlier forms with the same figures', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const formsBefore = byCode(s, 'Hình thức');
    const seatsBefore = byCode(s, 'Số chính thức');
    setSetting(ss, THRESHOLD, 60000);
    // The preview, which speaks of figures, says which forms would change, by name.
    const preview = run<AllocationResultDto>(ss, 'previewAllocation');
    expect(preview.ok).toBe(true);
    expect(preview.message).toContain('Hình thức tổ chức sẽ thay đổi ở 7 đơn vị (');
    expect(preview.message).toContain('Đình Lập: Đại hội → Hội nghị liên tịch');
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(byCode(s, 'Hình thức').get('ĐL')).toBe(JOINT);
    expect(byCode(s, 'Số chính thức')).toEqual(seatsBefore);
    expect(run<{ ok: boolean }>(ss, 'undoAllocation').ok).toBe(true);
    expect(byCode(s, 'Hình thức')).toEqual(formsBefore);
  });
});

describe('the threshold typed wrong: one rule everywhere', () => {
  test.each<[string, unknown, boolean]>([
    ['text', 'năm nghìn', false],
    ['with its unit', '5.000 người', false],
    ['negative', -5000, false],
    // (A formula giving text is the same case in Google; the local runtime does not evaluate `&`.)
    ['an error value', '#REF!', false],
  ])(
    '%s: the allocation refuses at the cell; progressSummary and the overview claim no form and name it',
    (_, value, formula) => {
      const ss = buildSample(LANG_SON);
      const cell = setSetting(ss, THRESHOLD, value, formula);
      const before = snapshot(ss);
      const result = allocate(ss);
      expect(result.ok).toBe(false);
      expect(result.problems.find((p) => p.severity === 'error')).toMatchObject({ sheet: 'Cấu hình', cell });
      expect(diff(before, snapshot(ss))).toEqual([]);
      const progress = run<ProgressSummaryDto>(ss, 'progressSummary');
      expect(progress.eligibility).toBeUndefined();
      expect(progress.eligibilityError).toContain(`ô ${cell} trang "Cấu hình" (Ngưỡng tổ chức đại hội) không hợp lệ: `);
      const overview = run<OverviewDto>(ss, 'getOverview');
      expect(overview.eligibility).toBeUndefined();
      expect(overview.eligibilityError).toBe(progress.eligibilityError);
    },
  );

  test('"5 000" (spaced) and a formula giving 5000.0000001: 5.000 everywhere', () => {
    for (const [value, formula] of [
      ['5 000', false],
      ['=10000/2+0.0000000001', true],
    ] as const) {
      const ss = buildSample(LANG_SON);
      setSetting(ss, THRESHOLD, value, formula);
      const result = allocate(ss);
      expect(result.ok).toBe(true);
      expect(result.eligibility?.threshold).toBe(5000);
      expect(run<ProgressSummaryDto>(ss, 'progressSummary').eligibility?.threshold).toBe(5000);
      expect(run<OverviewDto>(ss, 'getOverview').eligibility?.sentence).toBe(result.eligibility?.sentence);
    }
  });

  test('no Cấu hình sheet: neither progressSummary nor the overview claims a form', () => {
    const ss = buildSample(LANG_SON);
    ss.deleteSheet(sheet(ss, 'Cấu hình') as never);
    expect(run<ProgressSummaryDto>(ss, 'progressSummary').eligibility).toBeUndefined();
    expect(run<OverviewDto>(ss, 'getOverview').eligibility).toBeUndefined();
  });
});

describe('communes (Cấp đơn vị: xã)', () => {
  test('the decorated commune workbook: the sentence speaks of xã and Đại hội cấp xã, and agrees everywhere', () => {
    const w = CORPUS.find((c) => c.name === 'Lạng Sơn cấp xã (text codes) decorated');
    if (!w) throw new Error('corpus workbook missing');
    const ss = w.build();
    const result = run<AllocationResultDto>(ss, 'allocateDelegates', [{ confirmed: true }], w.now);
    expect(result.ok).toBe(true);
    const sentence = result.eligibility?.sentence ?? '';
    expect(sentence).toMatch(/cấp xã/);
    expect(sentence).not.toMatch(/huyện|đơn vị tổ chức/);
    expect(run<OverviewDto>(ss, 'getOverview', [], w.now).eligibility?.sentence).toBe(sentence);
    const s = sheet(ss, 'Phân bổ');
    const forms = byCode(s, 'Hình thức');
    for (const r of result.rows) expect(forms.get(r.code)).toBe(r.form);
  });
});

/**
 * Attack on the allocation's `Cách tính` column (new this round) through the real bundle:
 * - a workbook set up before the column existed, where the officer had made a column of their own
 *   headed "Cách tính" (their text, a formula): the add-in must never write into it;
 * - a reason longer than one Google cell holds (50.000 characters: a tie among units with very long
 *   names): the allocation must still be written, the reason cut to fit and saying so.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { column, FILL, findRow, sheet } from '../trust/corpus';
import { snapshot, userDiff } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';

function allocate(ss: LocalSpreadsheet): AllocationResultDto {
  return runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'allocateDelegates', [{ confirmed: true }])
    .result as AllocationResultDto;
}

/** Lạng Sơn allocated once, then `Cách tính` removed (as before the column existed) and a user column of that name added. */
function oldWorkbookWithOwnColumn(): { ss: LocalSpreadsheet; col: number } {
  const ss = buildSample(LANG_SON);
  expect(allocate(ss).ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  s.deleteColumn(column(s, 'Cách tính'));
  const col = s.getLastColumn() + 1;
  s.getRange(1, col, 3, 1).setValues([['Cách tính'], ['Theo Công văn 12/UBND-VX'], ['=E3+F3']]);
  return { ss, col };
}

describe('an officer\'s own column headed "Cách tính"', () => {
  test('allocating never writes into it; a warning names its header cell', () => {
    const { ss, col } = oldWorkbookWithOwnColumn();
    const s = sheet(ss, 'Phân bổ');
    const before = snapshot(ss);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(s.getRange(2, col).getValue()).toBe('Theo Công văn 12/UBND-VX');
    expect(s.getRange(3, col).getFormula()).toBe('=E3+F3');
    expect(s.getRange(4, col).getValue()).toBe('');
    const warning = result.problems.find((p) => p.rule === 'allocation-reason-column-not-owned');
    expect(warning?.cell).toBe(`${String.fromCharCode(64 + col)}1`);
    expect(warning?.message).toMatch(/không do tiện ích tạo/);
    // The reasons still reach the sidebar.
    expect(result.rows.every((r) => /đại biểu/.test(r.reason ?? ''))).toBe(true);
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    // Nothing of the formula-replaced kind was said about the user's column.
    expect(result.problems.some((p) => p.rule === 'allocation-formula-replaced')).toBe(false);
  });

  test('"Thiết lập bảng tính" does not take it over; after renaming it, setup adds the add-in\'s column and reasons go there', () => {
    const { ss, col } = oldWorkbookWithOwnColumn();
    const s = sheet(ss, 'Phân bổ');
    runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook');
    expect(allocate(ss).ok).toBe(true);
    expect(s.getRange(2, col).getValue()).toBe('Theo Công văn 12/UBND-VX');
    s.getRange(1, col).setValue('Cách tính riêng');
    runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook');
    const ours = column(s, 'Cách tính');
    expect(ours).toBeGreaterThan(col);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.problems.some((p) => p.rule === 'allocation-reason-column-not-owned')).toBe(false);
    expect(String(s.getRange(2, ours).getValue())).toMatch(/→ \d+ đại biểu/);
    expect(s.getRange(2, col).getValue()).toBe('Theo Công văn 12/UBND-VX');
    expect(s.getRange(3, col).getFormula()).toBe('=E3+F3');
  });

  test("a re-allocation and its undo never touch the officer's column", () => {
    const { ss, col } = oldWorkbookWithOwnColumn();
    const s = sheet(ss, 'Phân bổ');
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    expect((runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto).ok).toBe(true);
    // With Lạng Sơn's minimum of 8 every method gives the same figures: the total changes instead.
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức');
    const cell = config.getRange(row, column(config, 'Giá trị'));
    cell.setValue(Number(cell.getValue()) + 7);
    const again = runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto;
    expect(again.ok).toBe(true);
    expect(again.undoable).toBe(true);
    const undone = runBundle(rt, 'undoAllocation', []).result as { message: string };
    expect(undone.message).toMatch(/Đã khôi phục/);
    expect(s.getRange(2, col).getValue()).toBe('Theo Công văn 12/UBND-VX');
    expect(s.getRange(3, col).getFormula()).toBe('=E3+F3');
  });

  test('the column the add-in set up is still written (sample workbook)', () => {
    const ss = buildSample(LANG_SON);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(result.problems.some((p) => p.rule === 'allocation-reason-column-not-owned')).toBe(false);
    const s = sheet(ss, 'Phân bổ');
    expect(s.getRange(2, column(s, 'Cách tính')).getValue()).toBe(result.rows[0]?.reason);
  });
});

describe('"Hạn ngạch" and "Số theo tỷ lệ" both in the sheet, one of them the officer\'s', () => {
  test('a new workbook, the officer\'s own "Hạn ngạch" (last congress) inserted before the add-in\'s column', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const theirs = column(s, 'Số theo tỷ lệ');
    s.insertColumnBefore(theirs);
    s.getRange(1, theirs, 3, 1).setValues([['Hạn ngạch'], [21], [17]]);
    const ours = column(s, 'Số theo tỷ lệ');
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(s.getRange(2, theirs, 2, 1).getValues()).toEqual([[21], [17]]);
    expect(s.getRange(2, ours).getValue()).toBe(Math.round((result.rows[0]?.quota ?? 0) * 100) / 100);
    const warning = result.problems.find((p) => p.rule === 'allocation-quota-column-twice');
    expect(warning?.message).toContain(`tiện ích ghi vào cột ${String.fromCharCode(64 + ours)}1 "Số theo tỷ lệ"`);
  });

  test('…and a re-allocation undone: the officer\'s "Hạn ngạch" is still theirs', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    expect((runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const theirs = column(s, 'Số theo tỷ lệ');
    s.insertColumnBefore(theirs);
    s.getRange(1, theirs, 3, 1).setValues([['Hạn ngạch'], [21], [17]]);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Tổng số đại biểu chính thức');
    const cell = config.getRange(row, column(config, 'Giá trị'));
    cell.setValue(Number(cell.getValue()) + 7);
    expect((runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto).undoable).toBe(
      true,
    );
    const undone = runBundle(rt, 'undoAllocation', []).result as { message: string };
    expect(undone.message).toMatch(/Đã khôi phục/);
    expect(s.getRange(2, theirs, 2, 1).getValues()).toEqual([[21], [17]]);
  });

  test('an old workbook ("Hạn ngạch" the add-in\'s), the officer\'s own "Số theo tỷ lệ" with formulas after it', () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    const ours = column(s, 'Số theo tỷ lệ');
    s.getRange(1, ours).setValue('Hạn ngạch');
    s.getRange(2, ours, 2, 1).setValues([[''], ['']]);
    const theirs = s.getLastColumn() + 1;
    s.getRange(1, theirs, 3, 1).setValues([['Số theo tỷ lệ'], ['=C2/1000'], ['=C3/1000']]);
    const result = allocate(ss);
    expect(result.ok).toBe(true);
    expect(s.getRange(2, theirs).getFormula()).toBe('=C2/1000');
    expect(s.getRange(3, theirs).getFormula()).toBe('=C3/1000');
    expect(s.getRange(2, ours).getValue()).toBe(Math.round((result.rows[0]?.quota ?? 0) * 100) / 100);
    expect(result.problems.some((p) => p.rule === 'allocation-quota-column-twice')).toBe(true);
  });
});

test("the add-in's column under a header row the officer filled in their own colour: the reasons stay current", () => {
  const ss = buildSample(LANG_SON);
  expect(allocate(ss).ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  s.getRange(1, 1, 1, s.getLastColumn()).setBackground(FILL.lightBlue);
  const config = sheet(ss, 'Cấu hình');
  const row = findRow(config, 'Thông số', (v) => v === 'Phương pháp phân bổ');
  config.getRange(row, column(config, 'Giá trị')).setValue("D'Hondt");
  const result = allocate(ss);
  expect(result.ok).toBe(true);
  expect(result.problems.some((p) => p.rule === 'allocation-reason-column-not-owned')).toBe(false);
  const reasons = s
    .getRange(2, column(s, 'Cách tính'), result.rows.length, 1)
    .getValues()
    .map((r) => r[0]);
  expect(reasons).toEqual(result.rows.map((r) => r.reason));
  expect(String(reasons[0])).toMatch(/÷/);
});

test('a tie among units with names of 5.200 characters: allocated, each reason cut to one cell and saying so', () => {
  const ss = buildSample(LANG_SON);
  const u = sheet(ss, 'Đơn vị');
  const n = u.getLastRow() - 1;
  u.getRange(2, column(u, 'Dân số DTTS'), n, 1).setValues(Array.from({ length: n }, () => [10000]));
  u.getRange(2, column(u, 'Tên đơn vị'), n, 1).setValues(
    Array.from({ length: n }, (_, i) => [`Xã ${i} ${'a'.repeat(5200)}`]),
  );
  const result = allocate(ss);
  expect(result.message).toMatch(/^Đã phân bổ/);
  expect(result.ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  const reasons = s
    .getRange(2, column(s, 'Cách tính'), n, 1)
    .getValues()
    .map((r) => String(r[0]));
  const cut = reasons.filter((r) => r.endsWith('… (còn tiếp, xem đầy đủ ở thanh bên)'));
  expect(cut.length).toBeGreaterThan(0);
  for (const r of reasons) expect(r.length).toBeLessThanOrEqual(50_000);
  // The sidebar keeps the whole reason.
  expect(Math.max(...result.rows.map((r) => (r.reason ?? '').length))).toBeGreaterThan(50_000);
});

/**
 * Attacks on "Nhận danh sách", kept as tests: a unit whose rows are spread among other units' rows,
 * an officer's total row under the list, an officer's note, fill and own formula on a delegate that
 * stays, a unit with no row yet, a unit named by its name with "Huyện" before it, codes that lost their
 * leading zero, dates of birth typed as text.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';

const NOW = '2024-06-10T09:00:00+07:00';

function workbook(): { ss: LocalSpreadsheet; rt: Runtime; sheet: LocalSheet } {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  return { ss, rt, sheet };
}

const replace = (rt: Runtime, unit: string, table: SubmissionCell[][], fileName = 'ds.xlsx') => {
  const r = runBundle(rt, 'importSubmission', [unit, table, { fileName, mode: 'replace' }]).result as SubmissionDto;
  if (!r.ok) throw new Error(r.message);
  return r as SubmissionPreviewDto;
};

function header(sheet: LocalSheet): string[] {
  return (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
}

/** Rows (1-based) whose `Mã đơn vị` is `code`. */
function rowsOf(sheet: LocalSheet, code: string): number[] {
  const col = header(sheet).indexOf('Mã đơn vị');
  return sheet
    .getDataRange()
    .getValues()
    .flatMap((r, i) => (String(r[col]) === code ? [i + 1] : []));
}

test('a spread-out unit, a total row, an officer’s note, fill and formula on a delegate who stays', () => {
  const { rt, sheet } = workbook();
  const h = header(sheet);
  const name = h.indexOf('Họ và tên') + 1;
  const hl = rowsOf(sheet, 'HL');
  expect(hl.length).toBeGreaterThan(3);
  // Spread out: HL's rows are not all together in the sample.
  expect(hl[hl.length - 1]! - hl[0]! + 1).toBeGreaterThan(hl.length);
  const last = sheet.getLastRow();
  sheet.getRange(last + 1, 1, 1, 2).setValues([['Tổng cộng', `=COUNTA(B2:B${last})`]]);
  const stays = hl[1] as number;
  const staysName = String(sheet.getRange(stays, name).getValue());
  const staysYear = sheet.getRange(stays, h.indexOf('Năm sinh') + 1).getValue() as number;
  sheet.getRange(stays, name).setNote('Đã xác minh lý lịch');
  sheet.getRange(stays, name).setBackground('#fce5cd');
  const own = h.length + 1;
  sheet.getRange(stays, own).setFormula(`=LEN(B${stays})`);
  const other = rowsOf(sheet, 'TPLS')[0] as number;
  const otherName = sheet.getRange(other, name).getValue();

  const r = replace(rt, 'Huyện Hữu Lũng', [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu', 'Mã đơn vị'],
    [staysName, staysYear, 'Tày', 'Chính thức', 'Hữu Lũng'],
    ['Người Mới', 1990, 'Nùng', 'Chính thức', ''],
  ]);
  expect(r.unit).toEqual({ code: 'HL', name: 'Hữu Lũng' });
  expect(r.written).toEqual({ rows: 2, removed: hl.length - 1, sheet: 'Đại biểu' });

  const after = rowsOf(sheet, 'HL');
  expect(after).toHaveLength(2);
  const kept = after.find((row) => sheet.getRange(row, name).getValue() === staysName) as number;
  expect(sheet.getRange(kept, name).getNote()).toBe('Đã xác minh lý lịch');
  expect(sheet.getRange(kept, name).getBackground()).toBe('#fce5cd');
  expect(sheet.getRange(kept, own).getFormula()).toMatch(/^=LEN\(B\d+\)$/);
  // The new delegate sits right after the unit's (now) last row; the total row stays the last row.
  const values = sheet.getDataRange().getValues();
  const total = values.findIndex((row) => row[0] === 'Tổng cộng') + 1;
  expect(total).toBe(sheet.getLastRow());
  expect(Math.max(...after)).toBeLessThan(total);
  expect(sheet.getRange(total, 2).getFormula()).toMatch(/^=COUNTA/);
  // Another unit's row: same content (moved up by the rows deleted above it, if any).
  expect(values.some((row) => row[h.indexOf('Họ và tên')] === otherName)).toBe(true);
});

test('a unit with no row yet: its list goes after the last delegate, above the total row', () => {
  const { ss, rt, sheet } = workbook();
  const units = ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  const h = header(sheet);
  const unitCol = h.indexOf('Mã đơn vị');
  // Empty one unit's rows by hand (as if its list never came).
  const code = String(units[3]?.[0]);
  for (const row of rowsOf(sheet, code).reverse()) sheet.deleteRow(row);
  const last = sheet.getLastRow();
  sheet.getRange(last + 1, 1, 1, 2).setValues([['Tổng cộng', 'x']]);
  replace(rt, code, [
    ['DANH SÁCH'],
    ['Họ và tên', 'Ngày sinh', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Nông Thị Ngày', '05/03/1991', 1991, 'Tày', 'Chính thức'],
  ]);
  const rows = rowsOf(sheet, code);
  expect(rows).toEqual([last + 1]);
  expect(sheet.getRange(last + 2, 1).getValue()).toBe('Tổng cộng');
  const born = sheet.getRange(last + 1, h.indexOf('Ngày sinh') + 1);
  expect(born.getDisplayValue()).toBe('05/03/1991');
  expect(String(sheet.getRange(last + 1, unitCol + 1).getValue())).toBe(code);
});

test('a code that lost its leading zero in the unit’s file names the unit; a name that looks like a number stays text', () => {
  const ss = buildSample(SAMPLES['lang-son-cap-xa'] as NonNullable<(typeof SAMPLES)['lang-son-cap-xa']>);
  const rt = new Runtime({ spreadsheet: ss, now: '2029-01-20T09:00:00+07:00' });
  const units = ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  const code = String(units.slice(1).find((r) => /^0\d+$/.test(String(r[0])))?.[0] ?? '');
  expect(code).not.toBe('');
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const r = replace(rt, code, [
    ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Loại đại biểu', 'Năm sinh'],
    ['0123', Number(code), 'Tày', 'Chính thức', 1990],
  ]);
  expect(r.otherUnitRows).toEqual([]);
  const h = header(sheet);
  const row = rowsOf(sheet, code)[0] as number;
  expect(sheet.getRange(row, h.indexOf('Họ và tên') + 1).getValue()).toBe('0123');
});

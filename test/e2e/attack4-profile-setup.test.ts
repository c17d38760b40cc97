/**
 * "Thiết lập bảng tính" on a workbook whose officer typed profile columns before the template had them:
 * in the middle of the table, in another order, with the required mark "(*)" forms carry, with a line
 * break, an explanatory "(dd/mm/yyyy)", in capitals typed as NFD. Setup must take them for the
 * template's (never add a second "Điện thoại" beside "Điện thoại (*)"), leave every one of their cells
 * as it was (values, number formats, dropdowns, notes, fills), add only what is missing after the last
 * used column, and write nothing on a second run. Before: "Điện thoại (*)", "Số điện thoại liên hệ"
 * and "Ngày sinh (dd/mm/yyyy)" got a second, empty column from setup, which validation then used.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import { PROFILE_COLUMNS, SHEETS } from '../../src/domain/template';
import type { CompositionSummaryDto, SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';
import { cellsOf } from './setup-trust-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOW = '2025-06-02T08:00:00+07:00';
const OLD_WIDTH = SHEETS.delegates.columns.findIndex((c) => c.key === PROFILE_COLUMNS[0]?.key);
const NEW_HEADERS = SHEETS.delegates.columns.slice(OLD_WIDTH).map((c) => c.header);

const writes = (calls: Record<string, number>) =>
  Object.entries(calls).filter(([k]) => /\.(set|insert|protect|clear|delete)/.test(k) || k === 'Sheet.protect');

function setSetting(ss: LocalSpreadsheet, label: string, value: string): void {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf(label) + 1, 2).setValue(value);
}

function oldWorkbook(): { ss: LocalSpreadsheet; sheet: Sheet; rows: number } {
  const ss = buildSample(LANG_SON_COMMUNES);
  const sheet = ss.getSheetByName(SHEETS.delegates.name) as unknown as Sheet;
  sheet.deleteColumns(OLD_WIDTH + 1, NEW_HEADERS.length);
  return { ss, sheet, rows: sheet.getLastRow() - 1 };
}

describe('profile columns the officer typed before, anywhere and spelled their way', () => {
  builtCodePath();

  it.each([
    ['Điện thoại (*)', 'Điện thoại'],
    ['Số điện thoại liên hệ', 'Điện thoại'],
    ['Ngày sinh (dd/mm/yyyy)', 'Ngày sinh'],
    ['Trình độ chuyên môn (*):', 'Trình độ chuyên môn'],
  ])('"%s" in the middle of the table is the template’s %s: not added again, its cells untouched', (typed, header) => {
    const { ss, sheet, rows } = oldWorkbook();
    // In the middle, right after Họ và tên, with the officer's own number format, values and a note.
    sheet.insertColumnAfter(2);
    sheet.getRange(1, 3).setValue(typed);
    sheet.getRange(2, 3, rows, 1).setNumberFormat('0');
    sheet
      .getRange(2, 3, rows, 1)
      .setValues(Array.from({ length: rows }, (_, i) => [header === 'Ngày sinh' ? '' : i % 2 ? '' : 912345000 + i]));
    sheet.getRange(3, 3).setNote('hỏi lại đơn vị');
    sheet.getRange(1, 3).setBackground('#fff2cc');
    const width = sheet.getLastColumn();
    const before = cellsOf(sheet, 1, 1, sheet.getMaxRows(), width);

    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const result = runBundle(rt, 'setupWorkbook').result as SetupResultDto;
    expect(result.addedColumns).toEqual([{ sheet: 'Đại biểu', columns: NEW_HEADERS.filter((h) => h !== header) }]);
    expect(cellsOf(sheet, 1, 1, sheet.getMaxRows(), width)).toEqual(before);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    expect(headers.slice(width)).toEqual(NEW_HEADERS.filter((h) => h !== header));
    const again = runBundle(rt, 'setupWorkbook');
    expect(writes(again.calls)).toEqual([]);
    // Validation reads the officer's column: no "column appears twice", no "blank for everyone".
    const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
    expect((v.byRule ?? []).filter((r) => r.rule === 'column-duplicate')).toEqual([]);
  });

  it('several in another order (Đảng viên, Ngày sinh, Điện thoại) between and after the officer’s own: only the rest are added, in template order', () => {
    const { ss, sheet, rows } = oldWorkbook();
    const end = sheet.getLastColumn();
    sheet.getRange(1, end + 1, 1, 4).setValues([['Đảng viên\n(x)', 'Mã hồ sơ', 'Ngày, tháng,\nnăm sinh', 'SĐT']]);
    sheet
      .getRange(2, end + 1, rows, 4)
      .setValues(Array.from({ length: rows }, (_, i) => [i % 3 ? 'x' : 'Quần chúng', `00${i}`, '05/01/1980', '']));
    const width = sheet.getLastColumn();
    const before = cellsOf(sheet, 1, 1, sheet.getMaxRows(), width);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const result = runBundle(rt, 'setupWorkbook').result as SetupResultDto;
    const present = new Set(['Đảng viên', 'Ngày sinh', 'Điện thoại']);
    expect(result.addedColumns).toEqual([{ sheet: 'Đại biểu', columns: NEW_HEADERS.filter((h) => !present.has(h)) }]);
    expect(cellsOf(sheet, 1, 1, sheet.getMaxRows(), width)).toEqual(before);
    // "Quần chúng" is "not a member": no warning, and the count is the x's.
    runBundle(rt, 'validateAll');
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    expect(report.filter((r) => String(r[3]).startsWith('Đảng viên: không hiểu'))).toEqual([]);
    const c = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(c.partyMembers?.count).toBeGreaterThan(0);
  });
});

describe('Party count when Đảng viên is required', () => {
  builtCodePath();

  it('blank cells are not yet known: no figure (never an undercount printed); filled for all: the count', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const sheet = ss.getSheetByName(SHEETS.delegates.name) as unknown as Sheet;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = header.indexOf('Đảng viên') + 1;
    const rows = sheet.getLastRow() - 1;
    // Half the units have sent the column: x for them, blank for the others.
    sheet.getRange(2, col, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [i < rows / 2 ? 'x' : '']));
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const free = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(free.partyMembers?.count).toBeGreaterThan(0); // not required: blank is "no"
    setSetting(ss, 'Thông tin bắt buộc của đại biểu', 'Đảng viên');
    const required = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(required.partyMembers).toBeNull();
    sheet.getRange(2, col, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [i < rows / 2 ? 'x' : 'Không']));
    const full = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(full.partyMembers?.count).toBe(free.partyMembers?.count);
  });
});

describe('the setting names an abbreviated column', () => {
  builtCodePath();

  it('"STT" required: "Thiếu số thứ tự.", never "Thiếu sTT."', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const sheet = ss.getSheetByName(SHEETS.delegates.name) as unknown as Sheet;
    sheet.getRange(3, 1).setValue('');
    setSetting(ss, 'Thông tin bắt buộc của đại biểu', 'STT');
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'validateAll');
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    expect(report.filter((r) => r[2] === 'A3').map((r) => r[3])).toContain('Thiếu số thứ tự.');
    expect(report.filter((r) => /sTT/.test(String(r[3])))).toEqual([]);
  });
});

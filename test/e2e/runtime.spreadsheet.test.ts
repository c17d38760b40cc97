/** Spreadsheet, Sheet and Range behaviours of the local runtime that bite in production. */
import { LocalSpreadsheet, Runtime } from '../../local/runtime';

const VN = 'Asia/Ho_Chi_Minh';
const { ProtectionType } = new Runtime().services.SpreadsheetApp;

function sheetOf(ss = LocalSpreadsheet.create()) {
  return { ss, sheet: ss.getActiveSheet() };
}

describe('values', () => {
  test('getValues returns fresh copies: mutating the result changes nothing', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B1');
    range.setValues([['Tày', new Date('2024-01-05T00:00:00+07:00')]]);
    const first = range.getValues();
    first[0]![0] = 'changed';
    (first[0]![1] as Date).setFullYear(1999);
    const again = range.getValues();
    expect(again[0]![0]).toBe('Tày');
    expect((again[0]![1] as Date).toISOString()).toBe('2024-01-04T17:00:00.000Z');
    expect(range.getValues()).not.toBe(again);
    expect(range.getDisplayValues()).not.toBe(range.getDisplayValues());
  });

  test('empty cells read as empty strings', () => {
    const { sheet } = sheetOf();
    sheet.getRange('B2').setValue(5);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', 5, ''],
    ]);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['', '']]);
  });

  test('date cells read back as host Date objects', () => {
    const { sheet } = sheetOf();
    const when = new Date('2024-03-08T09:30:00+07:00');
    sheet.getRange('A1').setValue(when);
    const v = sheet.getRange('A1').getValue();
    expect(v).toBeInstanceOf(Date);
    expect(v).not.toBe(when);
    expect((v as Date).getTime()).toBe(when.getTime());
  });

  test('setValues throws Google’s messages when the data does not fit the range', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 3).setNotes([['a', 'b']])).toThrow('The data has 2 but the range has 3.');
  });

  test('a string starting with "=" becomes a formula: value "" until computed, getFormulas returns it', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A3').setValue('=SUM(A1:A2)');
    expect(sheet.getRange('A3').getValue()).toBe('');
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([[''], [''], ['=SUM(A1:A2)']]);
    expect(sheet.getRange('A3').getFormula()).toBe('=SUM(A1:A2)');
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange('A3').setValue('x');
    expect(sheet.getRange('A3').getFormula()).toBe('');
  });

  test('typed strings are interpreted like user input; an apostrophe forces text', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:F1').setValues([['007', "'007", 'TRUE', '12/01/2024', '1.234,5', '15%']]);
    const [row] = sheet.getRange('A1:F1').getValues() as unknown[][];
    expect(row!.slice(0, 3)).toEqual([7, '007', true]);
    expect(row![3]).toBeInstanceOf(Date);
    expect((row![3] as Date).toISOString()).toBe('2024-01-11T17:00:00.000Z'); // 12 Jan 2024, midnight in Vietnam
    expect(row![4]).toBe(1234.5);
    expect(row![5]).toBeCloseTo(0.15);
    expect(sheet.getRange('F1').getDisplayValue()).toBe('15%');
  });

  test('cells formatted as plain text ("@") keep strings as written', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1').setNumberFormat('@').setValue('007');
    expect(sheet.getRange('A1').getValue()).toBe('007');
  });

  test('en_US spreadsheets read month-first dates and use "," for thousands', () => {
    const ss = LocalSpreadsheet.create({ locale: 'en_US', timeZone: 'UTC' });
    const range = ss.getActiveSheet().getRange('A1:B1');
    range.setValues([['1/2/2024', '1,234.5']]);
    expect(range.getValues()).toEqual([[new Date('2024-01-02T00:00:00Z'), 1234.5]]);
    range.setNumberFormats([['dd/mm/yyyy', '#,##0.00']]);
    expect(range.getDisplayValues()).toEqual([['02/01/2024', '1,234.50']]);
  });

  test('setValue on a multi-cell range fills every cell; null clears', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
  });

  test('a cell takes at most 50000 characters', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50000));
  });
});

describe('display values', () => {
  test.each([
    [1234567.891, '#,##0', '1.234.568'],
    [1234.5, '0', '1235'],
    [0.1234, '0.0%', '12,3%'],
    [42, '@', '42'],
    [1234.5, '0.###############', '1234,5'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1.234,50)'],
    [1234, '#,##0 "người"', '1.234 người'],
    [0.5, '0.00', '0,50'],
  ])('%p with %p shows %p in vi_VN', (value, format, shown) => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('A1').setValue(value).setNumberFormat(format);
    expect(cell.getDisplayValue()).toBe(shown);
  });

  test('dates show with their format in the spreadsheet time zone', () => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('A1').setValue(new Date('2024-01-04T17:00:00Z'));
    expect(cell.getDisplayValue()).toBe('05/01/2024');
    cell.setNumberFormat('dd/mm/yyyy hh:mm');
    expect(cell.getDisplayValue()).toBe('05/01/2024 00:00');
    cell.setNumberFormat('d mmmm yyyy');
    expect(cell.getDisplayValue()).toBe('5 January 2024');
  });

  test('booleans and plain numbers', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setValues([[true, 3, 0.1 + 0.2]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['TRUE', '3', '0,3']]);
  });
});

describe('ranges and sheets', () => {
  test('invalid A1 notation throws "Range not found"', () => {
    const { ss, sheet } = sheetOf();
    for (const bad of ['', 'A', '1', 'A1:B2:C3', 'ZZZZ1', 'A0', 'Nope!A1']) {
      expect(() => ss.getRange(bad)).toThrow('Range not found');
    }
    expect(() => sheet.getRange('Khác!A1')).toThrow('Range not found');
  });

  test('A1 notation with quoted sheet names, open ends, whole columns', () => {
    const { ss } = sheetOf();
    ss.insertSheet('Đại biểu');
    expect(ss.getRange("'Đại biểu'!B2:C3").getA1Notation()).toBe('B2:C3');
    expect(ss.getRange("'Đại biểu'!B2:C3").getSheet().getName()).toBe('Đại biểu');
    expect(ss.getRange("'Đại biểu'!A2:C").getNumRows()).toBe(999);
    expect(ss.getRange("'Đại biểu'!A:B").getNumColumns()).toBe(2);
  });

  test('ranges outside the grid throw like Google; sheets start at 1000 × 26', () => {
    const { sheet } = sheetOf();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect(sheet.getRange(1010, 1).getA1Notation()).toBe('A1010');
  });

  test('insertSheet of an existing name throws Google’s message (names compare case-insensitively)', () => {
    const { ss } = sheetOf();
    ss.insertSheet('Đơn vị');
    expect(() => ss.insertSheet('Đơn vị')).toThrow(
      'A sheet with the name "Đơn vị" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('đơn vị')).toThrow('already exists');
    expect(() => ss.getSheets()[0]!.setName('Đơn vị')).toThrow('already exists');
  });

  test('insertSheet activates the new sheet and honours the index', () => {
    const { ss } = sheetOf();
    const a = ss.insertSheet('A');
    expect(ss.getActiveSheet().getName()).toBe('A');
    ss.insertSheet('B', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Trang tính1', 'A']);
    expect(a.getIndex()).toBe(3);
    ss.deleteSheet(a);
    expect(ss.getSheetByName('A')).toBeNull();
  });

  test('the last sheet cannot be deleted or hidden', () => {
    const { ss, sheet } = sheetOf();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  test('getLastRow/getLastColumn follow content, not formatting', () => {
    const { sheet } = sheetOf();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('A10:E10').setBackground('#ff0000');
    sheet.getRange('B4').setValue(4);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    sheet.getRange('B4').clearContent();
    expect(sheet.getLastRow()).toBe(1);
  });

  test('inserting and deleting rows moves content; appendRow writes after the last row', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    sheet.appendRow(['x', 'y']);
    expect(sheet.getRange('A4:B4').getValues()).toEqual([['x', 'y']]);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A4:C4').getValues()).toEqual([['x', '', 'y']]);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  test('notes, backgrounds, font weights, number formats: defaults and round trips', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B1');
    expect(range.getNotes()).toEqual([['', '']]);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(range.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    range.setNotes([['ghi chú', null]]);
    range.setBackgrounds([['#FFCC00', 'red']]);
    range.setFontWeights([['bold', null]]);
    range.setNumberFormats([['#,##0', '@']]);
    expect(range.getNotes()).toEqual([['ghi chú', '']]);
    expect(range.getBackgrounds()).toEqual([['#ffcc00', '#ff0000']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(range.getNumberFormats()).toEqual([['#,##0', '@']]);
    range.clearFormat().clearNote();
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getNote()).toBe('');
  });

  test('frozen rows, column widths, tab colour, protections', () => {
    const { sheet } = sheetOf();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(2, 2, 180);
    expect(sheet.getFrozenRows()).toBe(1);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([100, 180, 180]);
    const p = sheet.getRange('A1:C1').protect().setDescription('Tiêu đề').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    expect(sheet.getProtections(ProtectionType.RANGE).map((x) => x.getDescription())).toEqual(['Tiêu đề']);
    p.remove();
    expect(sheet.getProtections(ProtectionType.RANGE)).toEqual([]);
  });

  test('active sheet and range', () => {
    const { ss } = sheetOf();
    const other = ss.insertSheet('Khác');
    ss.getSheets()[0]!.activate();
    expect(ss.getActiveSheet().getName()).toBe('Trang tính1');
    other.getRange('B2:C3').activate();
    expect(ss.getActiveSheet().getName()).toBe('Khác');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C3');
  });

  test('named ranges', () => {
    const { ss, sheet } = sheetOf();
    ss.setNamedRange('DanToc', sheet.getRange('A1:A3'));
    expect(ss.getRangeByName('DanToc')!.getA1Notation()).toBe('A1:A3');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['DanToc']);
    expect(ss.getRangeByName('Khong')).toBeNull();
    ss.removeNamedRange('DanToc');
    expect(ss.getRangeByName('DanToc')).toBeNull();
  });

  test('data validation: rules read back; rejecting rules refuse invalid writes', () => {
    const rt = new Runtime();
    const app = rt.services.SpreadsheetApp;
    const sheet = rt.spreadsheet.getActiveSheet();
    const strict = app
      .newDataValidation()
      .requireValueInList(['Nam', 'Nữ'])
      .setAllowInvalid(false)
      .setHelpText('Giới tính')
      .build();
    sheet.getRange('A2:A5').setDataValidation(strict);
    const rule = sheet.getRange('A3').getDataValidation()!;
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Nam', 'Nữ'], true]);
    expect(rule.getHelpText()).toBe('Giới tính');
    sheet.getRange('A2').setValue('Nữ');
    expect(() => sheet.getRange('A3:A4').setValues([['Nam'], ['Khác']])).toThrow(
      'The data you entered in cell A4 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A3').getValue()).toBe(''); // nothing of the rejected write was kept
    const lenient = app.newDataValidation().requireValueInList(['Nam', 'Nữ']).build();
    sheet.getRange('B2').setDataValidation(lenient).setValue('Khác');
    expect(sheet.getRange('B2').getValue()).toBe('Khác');
    sheet.getRange('A2:A5').clearDataValidations();
    expect(sheet.getRange('A2:A5').getDataValidations()).toEqual([[null], [null], [null], [null]]);
  });

  test('toasts are recorded', () => {
    const rt = new Runtime();
    rt.spreadsheet.toast('Đã lưu', 'Trợ lý', 3);
    expect(rt.ui.toasts).toEqual([{ message: 'Đã lưu', title: 'Trợ lý', timeoutSeconds: 3 }]);
  });

  test('the spreadsheet time zone defaults to Asia/Ho_Chi_Minh', () => {
    expect(LocalSpreadsheet.create().getSpreadsheetTimeZone()).toBe(VN);
  });
});

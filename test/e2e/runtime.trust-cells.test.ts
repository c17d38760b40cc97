/**
 * Cell accounting next to call counting, RangeList, getDataRange's extent and sheet names:
 * deterministic figures tests may assert.
 */
import { LocalSpreadsheet, loadBundle, Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { writeFixtureBundle } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';

function setup() {
  const spreadsheet = LocalSpreadsheet.create();
  const runtime = new Runtime({ spreadsheet });
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { runtime, spreadsheet, ss, sheet: ss.getActiveSheet() };
}

describe('cells read and written', () => {
  test('getValues on 10×3 reads 30; setBackgrounds 10×3 writes 30; getValue reads 1', () => {
    const { runtime, sheet } = setup();
    runtime.resetCalls();
    const range = sheet.getRange(1, 1, 10, 3);
    range.getValues();
    expect(runtime.cells).toEqual({ read: 30, written: 0 });
    range.setBackgrounds(Array.from({ length: 10 }, () => ['#ff0000', '#ff0000', '#ff0000']));
    expect(runtime.cells).toEqual({ read: 30, written: 30 });
    sheet.getRange('A1').getValue();
    range.setValue('x');
    range.clearContent();
    expect(runtime.cells).toEqual({ read: 31, written: 90 });
    expect(runtime.calls.total).toBe(7);
  });

  test('RangeList ops count each range’s cells, in one call', () => {
    const { runtime, sheet } = setup();
    runtime.resetCalls();
    const list = sheet.getRangeList(['A1:B2', 'D4', 'C1:C10']);
    list.setBackground('#ffff00');
    expect(runtime.cells.written).toBe(4 + 1 + 10);
    expect(runtime.calls['RangeList.setBackground']).toBe(1);
    expect(runtime.calls['Range.setBackground']).toBeUndefined();
  });

  test('uncounted access (runtime.services, local objects) counts no cells', () => {
    const { runtime, spreadsheet } = setup();
    runtime.resetCalls();
    runtime.services.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:B2').getValues();
    spreadsheet.localActiveSheet().getRange('A1:B2').setValue(1);
    expect(runtime.cells).toEqual({ read: 0, written: 0 });
  });

  test('a bundle’s calls count cells at the boundary', () => {
    const code = writeFixtureBundle(`
      function work() {
        var sheet = SpreadsheetApp.getActiveSheet();
        var values = sheet.getRange(1, 1, 4, 5).getValues();
        sheet.getRange(1, 6, 4, 1).setValues(values.map(function (r) { return [r.length]; }));
        return values.length;
      }`);
    const { runtime } = setup();
    runtime.resetCalls();
    expect(loadBundle({ runtime, codePath: code }).call('work')).toBe(4);
    expect(runtime.cells).toEqual({ read: 20, written: 4 });
    expect(runtime.calls.total).toBe(5);
  });

  test('runBundle reports the cells of its run beside its calls', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-05T09:00:00+07:00' });
    runBundle(runtime, 'getOverview');
    const before = runtime.cells;
    const run = runBundle(runtime, 'getOverview');
    expect(run.cells.read).toBeGreaterThan(0);
    expect(run.cells).toEqual({
      read: runtime.cells.read - before.read,
      written: runtime.cells.written - before.written,
    });
  });
});

describe('RangeList', () => {
  test('Spreadsheet.getRangeList takes ranges on named sheets; setNote, clearNote, setNumberFormat, setValue, getRanges', () => {
    const { spreadsheet, ss } = setup();
    spreadsheet.addSheet('Đại biểu');
    const list = ss.getRangeList(["'Đại biểu'!A1", 'B2:B3']);
    expect(list.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      'Đại biểu!A1',
      'Trang tính1!B2:B3',
    ]);
    list.setNote('ghi chú').setNumberFormat('@').setValue('06100');
    expect(spreadsheet.localSheet('Đại biểu')?.getRange('A1').getNote()).toBe('ghi chú');
    // Text format set first: the code stays text.
    expect(spreadsheet.localSheet('Trang tính1')?.getRange('B2:B3').getValues()).toEqual([['06100'], ['06100']]);
    list.clearNote();
    expect(spreadsheet.localSheet('Đại biểu')?.getRange('A1').getNote()).toBe('');
  });

  test('an invalid A1 notation throws Range not found', () => {
    const { ss, sheet } = setup();
    expect(() => ss.getRangeList(['A1', 'Không có!A1'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['A0'])).toThrow('Range not found');
  });
});

describe('getDataRange covers only cells with content', () => {
  test('formats, notes and validations beyond the content do not extend it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:Z100').setBackground('#eeeeee');
    sheet.getRange('H50').setNote('ghi chú');
    sheet.getRange('F20').setNumberFormat('@');
    sheet.getRange('J30').setFontWeight('bold');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.getRange('D7').setFormula('=A2');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D7');
    sheet.getRange('D7').clearContent();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
  });

  test('cells emptied by a merge do not extend it', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('Tiêu đề');
    sheet.getRange('E9').setValue('x');
    sheet.getRange('A1:E9').merge();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getRange('B2:E9').isBlank()).toBe(true);
  });

  test('an empty sheet’s data range is A1', () => {
    const { sheet } = setup();
    sheet.getRange('C3').setNote('chỉ ghi chú');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });
});

describe('sheet names', () => {
  test('names are unique case-insensitively: insertSheet throws Google’s error', () => {
    const { ss } = setup();
    ss.insertSheet('ĐẠI BIỂU');
    expect(() => ss.insertSheet('Đại biểu')).toThrow(
      'A sheet with the name "Đại biểu" already exists. Please enter another name.',
    );
    expect(() => ss.getSheetByName('ĐẠI BIỂU')?.setName('trang tính1')).toThrow('already exists');
  });

  test('getSheetByName is exact (case-sensitive), as public Apps Script code reports', () => {
    const { ss } = setup();
    ss.insertSheet('ĐẠI BIỂU');
    expect(ss.getSheetByName('Đại biểu')).toBeNull();
    expect(ss.getSheetByName('ĐẠI BIỂU')?.getName()).toBe('ĐẠI BIỂU');
  });

  test('NFC and NFD spellings are different names', () => {
    const { ss } = setup();
    const nfc = 'Đại biểu'.normalize('NFC');
    const nfd = 'Đại biểu'.normalize('NFD');
    ss.insertSheet(nfc);
    expect(ss.getSheetByName(nfd)).toBeNull();
    expect(() => ss.insertSheet(nfd)).not.toThrow();
    expect(ss.getSheets()).toHaveLength(3);
  });
});

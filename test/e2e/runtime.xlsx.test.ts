/** .xlsx loading and saving: what survives a round trip through exceljs. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type LocalSpreadsheet, Runtime } from '../../local/runtime';
import { tempDir } from '../../local/testing';
import { loadWorkbook, saveWorkbook, workbookToBuffer } from '../../local/xlsx';

/** A workbook using every feature the loader reads. */
function richWorkbook(): LocalSpreadsheet {
  const rt = new Runtime();
  const ss = rt.spreadsheet;
  const app = rt.services.SpreadsheetApp;
  const main = ss.getActiveSheet();
  main.setName('Đơn vị');
  main
    .getRange('A1:E1')
    .setValues([['Đơn vị', 'Ngày', 'Dân số', 'Tỷ lệ', 'Có ĐH']])
    .setFontWeight('bold')
    .setBackground('#D9EAD3');
  main.getRange('A2:E3').setValues([
    ['Huyện Bình Gia', new Date('2024-01-05T00:00:00+07:00'), 54321, 0.456, true],
    ["'007", new Date('2024-02-29T14:30:00+07:00'), 1234.5, 0.1, false],
  ]);
  main.getRange('C2:C3').setNumberFormat('#,##0');
  main.getRange('D2:D3').setNumberFormat('0.0%');
  main.getRange('F2').setValue('=SUM(C2:C3)');
  main.getRange('A2').setNote('Số liệu minh họa');
  main.getRange('B1').setFontColor('#ff0000');
  main.setFrozenRows(1);
  main.setColumnWidth(1, 210);
  const lists = ss.insertSheet('Danh mục');
  lists.getRange('A1:A3').setValues([['Tày'], ['Nùng'], ['Dao']]);
  lists.setTabColor('#00ff00');
  ss.insertSheet('Ẩn').hideSheet();
  main
    .getRange('G2:G10')
    .setDataValidation(
      app.newDataValidation().requireValueInList(['Đã', 'Chưa']).setAllowInvalid(false).setHelpText('Chọn').build(),
    );
  main
    .getRange('H2:H10')
    .setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange('A1:A3')).build());
  main.getRange('I2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 150).build());
  ss.setNamedRange('DanToc', lists.getRange('A1:A3'));
  return ss;
}

describe('xlsx round trip', () => {
  let original: LocalSpreadsheet;
  let back: LocalSpreadsheet;

  beforeAll(async () => {
    original = richWorkbook();
    const path = join(tempDir(), 'rich.xlsx');
    await saveWorkbook(original, path);
    back = await loadWorkbook(path);
  });

  test('sheet order, names, hidden state and tab colours', () => {
    expect(back.getSheets().map((s) => s.getName())).toEqual(['Đơn vị', 'Danh mục', 'Ẩn']);
    expect(back.getSheetByName('Ẩn')!.isSheetHidden()).toBe(true);
    expect(back.getSheetByName('Danh mục')!.getTabColor()).toBe('#00ff00');
    expect(back.getName()).toBe('rich');
  });

  test('values, dates, booleans, numbers, text with a leading zero', () => {
    const range = 'A1:E3';
    expect(back.getSheetByName('Đơn vị')!.getRange(range).getValues()).toEqual(
      original.getSheetByName('Đơn vị')!.getRange(range).getValues(),
    );
    const date = back.getSheetByName('Đơn vị')!.getRange('B2').getValue() as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe('2024-01-04T17:00:00.000Z');
    expect(back.getSheetByName('Đơn vị')!.getRange('A3').getValue()).toBe('007');
  });

  test('display values, number formats, formulas', () => {
    const sheet = back.getSheetByName('Đơn vị')!;
    expect(sheet.getRange('A2:E3').getDisplayValues()).toEqual(
      original.getSheetByName('Đơn vị')!.getRange('A2:E3').getDisplayValues(),
    );
    expect(sheet.getRange('C2:D2').getNumberFormats()).toEqual([['#,##0', '0.0%']]);
    expect(sheet.getRange('F2').getFormula()).toBe('=SUM(C2:C3)');
  });

  test('notes, backgrounds, bold, font colours', () => {
    const sheet = back.getSheetByName('Đơn vị')!;
    expect(sheet.getRange('A2').getNote()).toBe('Số liệu minh họa');
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
      ['#d9ead3', '#d9ead3'],
      ['#ffffff', '#ffffff'],
    ]);
    expect(sheet.getRange('A1:A2').getFontWeights()).toEqual([['bold'], ['normal']]);
    expect(sheet.getRange('B1').getFontColors()).toEqual([['#ff0000']]);
  });

  test('frozen rows and column widths', () => {
    const sheet = back.getSheetByName('Đơn vị')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(1)).toBe(210);
    expect(sheet.getColumnWidth(2)).toBe(100);
  });

  test('list, range and number validations', () => {
    const sheet = back.getSheetByName('Đơn vị')!;
    const list = sheet.getRange('G5').getDataValidation()!;
    expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list.getCriteriaValues()).toEqual([['Đã', 'Chưa'], true]);
    expect(list.getAllowInvalid()).toBe(false);
    expect(list.getHelpText()).toBe('Chọn');
    const inRange = sheet.getRange('H10').getDataValidation()!;
    expect(String(inRange.getCriteriaType())).toBe('VALUE_IN_RANGE');
    const source = inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect([source.getSheet().getName(), source.getA1Notation()]).toEqual(['Danh mục', 'A1:A3']);
    expect(inRange.getAllowInvalid()).toBe(true);
    const between = sheet.getRange('I2').getDataValidation()!;
    expect([String(between.getCriteriaType()), ...between.getCriteriaValues()]).toEqual(['NUMBER_BETWEEN', 0, 150]);
    expect(sheet.getRange('G11').getDataValidation()).toBeNull();
  });

  test('named ranges', () => {
    expect(back.getRangeByName('DanToc')!.getValues()).toEqual([['Tày'], ['Nùng'], ['Dao']]);
  });
});

describe('dates and time zones', () => {
  test('Excel wall-clock dates load as midnight in the spreadsheet time zone and save back unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lịch');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 12)); // Excel: 12/01/2024, no zone
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 12, 16, 30));
    const ss = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = ss.getSheetByName('Lịch')!;
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-01-11T17:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('12/01/2024');
    expect((sheet.getRange('A2').getValue() as Date).toISOString()).toBe('2024-01-12T09:30:00.000Z');

    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await workbookToBuffer(ss)) as unknown as ArrayBuffer);
    expect(again.getWorksheet('Lịch')!.getCell('A1').value).toEqual(new Date(Date.UTC(2024, 0, 12)));
    expect(again.getWorksheet('Lịch')!.getCell('A2').value).toEqual(new Date(Date.UTC(2024, 0, 12, 16, 30)));
  });

  test('another spreadsheet time zone places the same wall clock elsewhere', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = new Date(Date.UTC(2024, 0, 12));
    const ss = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { timeZone: 'UTC' });
    expect((ss.getSheets()[0]!.getRange('A1').getValue() as Date).toISOString()).toBe('2024-01-12T00:00:00.000Z');
  });

  test('formula results cached in the file are the cell values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = { formula: 'A1*2', result: 4 } as ExcelJS.CellFormulaValue;
    const ss = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const range = ss.getSheets()[0]!.getRange('A2');
    expect([range.getValue(), range.getFormula()]).toEqual([4, '=A1*2']);
  });

  test('merged cells keep their value in the top-left cell only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'Tiêu đề';
    ws.mergeCells('A1:C1');
    const ss = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ss.getSheets()[0]!.getRange('A1:C1').getValues()).toEqual([['Tiêu đề', '', '']]);
  });
});

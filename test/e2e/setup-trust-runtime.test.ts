/**
 * Runtime behaviour setup relies on: a protected range stays on its cells when columns or rows are
 * inserted before or inside it, as in Sheets (a user inserting a column in `Phân bổ` does not move the
 * add-in's protection onto their column), and sheet names are unique case-insensitively.
 */
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

function protectedRanges(sheet: Sheet): string[] {
  return sheet.getProtections(RANGE).map((p) => p.getRange().getA1Notation());
}

describe('range protections follow their cells', () => {
  it('move right when a column is inserted before them, widen when inserted inside, stay when after', () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Phân bổ' });
    const sheet = ss.getSheetByName('Phân bổ') as unknown as Sheet;
    sheet.getRange('C2:C1000').protect();
    sheet.getRange('E2:F1000').protect();
    sheet.getRange('A2:A1000').protect();
    sheet.insertColumnsAfter(3, 1); // a user column after C
    expect(protectedRanges(sheet)).toEqual(['C2:C1000', 'F2:G1000', 'A2:A1000']);
    sheet.insertColumnsBefore(7, 2); // inside F:G
    expect(protectedRanges(sheet)).toEqual(['C2:C1000', 'F2:I1000', 'A2:A1000']);
  });

  it('move down when rows are inserted above them, and stay when rows are appended', () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Phân bổ' });
    const sheet = ss.getSheetByName('Phân bổ') as unknown as Sheet;
    sheet.getRange('B2:B1000').protect();
    sheet.insertRowsBefore(1, 2);
    expect(protectedRanges(sheet)).toEqual(['B4:B1002']);
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect(protectedRanges(sheet)).toEqual(['B4:B1002']);
  });
});

describe('sheet names', () => {
  it("insertSheet refuses a name that differs only in case, with Google's message", () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'ĐẠI BIỂU' });
    expect(() => ss.insertSheet('Đại biểu')).toThrow('A sheet with the name "Đại biểu" already exists.');
  });

  it("setName accepts another case of the sheet's own name, and refuses another sheet's", () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Đại biểu' });
    ss.insertSheet('Đơn vị');
    const sheet = ss.getSheetByName('Đại biểu') as unknown as Sheet;
    expect(sheet.setName('ĐẠI BIỂU').getName()).toBe('ĐẠI BIỂU');
    expect(() => sheet.setName('ĐƠN VỊ')).toThrow('A sheet with the name "ĐƠN VỊ" already exists.');
  });
});

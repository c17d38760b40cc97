/**
 * Setup only ADDS, on a workbook decorated the way people decorate them: fills, notes, formulas,
 * bold text, their own number formats and dropdowns, extra columns, a protection of their own, a
 * sheet of their own, and template sheets under look-alike names. Every pre-existing cell of the
 * user's columns is identical after setup (whole-cell snapshots over the full height of the sheet),
 * their sheet is untouched, no sheet is duplicated, and a second run writes nothing.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { SHEET_ORDER, SHEETS } from '../../src/domain/template';
import type { SetupResultDto } from '../../src/rpc/contract';
import { cellsOf } from './setup-trust-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
const isWrite = (key: string) =>
  /\.(set|insert|protect|clear|delete|add|remove)/.test(key) && !key.startsWith('DataValidationBuilder.');

function decoratedWorkbook(): LocalSpreadsheet {
  const ss = LocalSpreadsheet.create({ sheetName: 'Ghi chép' });
  const own = ss.getSheetByName('Ghi chép') as unknown as Sheet;
  own.getRange('A1:B2').setValues([
    ['Việc cần làm', 'Hạn'],
    ['Gọi huyện Hữu Lũng', '=TODAY()+3'],
  ]);
  own.getRange('A1').setBackground('#fff2cc').setNote('sổ tay của tôi');

  // The units sheet in lower case, with a title row, an extra column and the user's formats.
  const units = ss.insertSheet('đơn vị') as unknown as Sheet;
  units.getRange(1, 1, 4, 5).setValues([
    ['DANH SÁCH ĐƠN VỊ (bản của Sở)', '', '', '', ''],
    ['Mã đơn vị', 'Tên đơn vị', 'Cột riêng', 'Dân số DTTS', 'Ghi chú riêng'],
    ['HL', 'Hữu Lũng', 'x', 80000, 'đã rà soát'],
    ['TPLS', 'Thành phố Lạng Sơn', '', '=40000+1', ''],
  ]);
  units.getRange('A1').setFontWeight('bold').setBackground('#cfe2f3');
  units.getRange('D3:D50').setNumberFormat('0');
  units.getRange('C3').setNote('chỉ mình tôi dùng');
  units
    .getRange('C3:C20')
    .setDataValidation(SpreadsheetAppForTest.newDataValidation().requireValueInList(['x', 'y'], true).build());
  units.getRange('E3:E20').protect().setDescription('Phần của tôi');

  // The delegates sheet with a trailing space, holding delegates.
  const delegates = ss.insertSheet('Đại biểu ') as unknown as Sheet;
  delegates.getRange(1, 1, 3, 4).setValues([
    ['Họ tên', 'Dân tộc', 'Mã đơn vị', 'Loại đại biểu'],
    ['Hoàng Văn A', 'Tày', 'HL', 'Chính thức'],
    ['Lường Thị B', 'Nùng', 'TPLS', 'Khách mời'],
  ]);
  delegates.getRange('A2:D2').setBackground('#d9ead3');
  delegates.getRange('B3').setNote('hỏi lại dân tộc');
  return ss;
}

// The runtime's SpreadsheetApp as the tests see it (raw services, no counting).
const SpreadsheetAppForTest = new Runtime().services.SpreadsheetApp;

function userBlock(sheet: Sheet): string {
  const cols = sheet.getLastColumn();
  return JSON.stringify(cellsOf(sheet, 1, 1, sheet.getMaxRows(), cols));
}

function protectionsOf(sheet: Sheet): string[] {
  return sheet.getProtections(RANGE).map((p) => `${p.getRange().getA1Notation()}|${p.getDescription()}`);
}

describe('setup on a decorated workbook', () => {
  const ss = decoratedWorkbook();
  const sheets = () => ss.getSheets() as unknown as Sheet[];
  const byName = (name: string) => ss.getSheetByName(name) as unknown as Sheet;
  const before = new Map(sheets().map((s) => [s.getName(), { block: userBlock(s), width: s.getLastColumn() }]));
  const protectionsBefore = protectionsOf(byName('đơn vị'));
  const ownBefore = JSON.stringify(cellsOf(byName('Ghi chép'), 1, 1, 1000, 26));
  const runtime = new Runtime({ spreadsheet: ss });
  const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;

  it('creates only the sheets that have no look-alike, after the existing tabs', () => {
    const names = sheets().map((s) => s.getName());
    expect(names.slice(0, 3)).toEqual(['Ghi chép', 'đơn vị', 'Đại biểu ']);
    expect(result.createdSheets).toEqual(
      SHEET_ORDER.filter((k) => k !== 'units' && k !== 'delegates').map((k) => SHEETS[k].name),
    );
    expect(names).not.toContain('Đơn vị');
    expect(names).not.toContain('Đại biểu');
  });

  it("keeps every pre-existing cell of the user's columns identical (value, formula, note, fill, format, dropdown, weight)", () => {
    for (const [name, { block, width }] of before) {
      const sheet = byName(name);
      expect(JSON.stringify(cellsOf(sheet, 1, 1, sheet.getMaxRows(), width))).toBe(block);
    }
    expect(JSON.stringify(cellsOf(byName('Ghi chép'), 1, 1, 1000, 26))).toBe(ownBefore);
  });

  it("keeps the user's protection and adds none to their sheets", () => {
    expect(protectionsOf(byName('đơn vị'))).toEqual(protectionsBefore);
    expect(protectionsOf(byName('Đại biểu '))).toEqual([]);
  });

  it('adds the missing columns after the last used one, on the header row it found', () => {
    const units = byName('đơn vị');
    expect(result.addedColumns.find((a) => a.sheet === 'Đơn vị')?.columns).toEqual([
      'Dân số',
      'Tối thiểu',
      'Tối đa',
      'Ghi chú',
    ]);
    expect(units.getRange(2, 6, 1, 4).getValues()[0]).toEqual(['Dân số', 'Tối thiểu', 'Tối đa', 'Ghi chú']);
    expect(units.getRange('F3').getNumberFormat()).toBe('#,##0');
  });

  it('names the look-alike sheets and the exact names the template expects', () => {
    expect(result.lookalikes.map((l) => [l.sheet, l.actual])).toEqual([
      ['Đơn vị', 'đơn vị'],
      ['Đại biểu', 'Đại biểu '],
    ]);
    expect(result.message).toContain('"Đơn vị"');
    expect(result.message).toContain('"Đại biểu␣"');
  });

  it('writes nothing on a second run', () => {
    const again = runBundle(runtime, 'setupWorkbook');
    expect(Object.keys(again.calls).filter(isWrite)).toEqual([]);
    expect((again.result as SetupResultDto).createdSheets).toEqual([]);
  });
});

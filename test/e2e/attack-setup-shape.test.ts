/**
 * Attack on sheet shapes: a delegates sheet cut down to its header row alone (max rows 1), or with
 * frozen columns, must be completed by setup without an error and without touching the header.
 */
import { LocalSpreadsheet, Runtime, runBundle } from '../../local/runtime';
import { SHEETS } from '../../src/domain/template';
import type { SetupResultDto } from '../../src/rpc/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function delegatesWith(rows: number, frozenColumns: number) {
  const spreadsheet = LocalSpreadsheet.create({ sheetName: 'Đại biểu' });
  const runtime = new Runtime({ spreadsheet });
  const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Đại biểu') as Sheet;
  const headers = SHEETS.delegates.columns.slice(0, 3).map((c) => c.header);
  sheet.getRange(1, 1, 1, 3).setValues([headers]);
  if (rows > 1) sheet.getRange(2, 1, 1, 3).setValues([['1', 'Hoàng Văn A', 'LS01']]);
  if (sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  if (frozenColumns) sheet.setFrozenColumns(frozenColumns);
  return { runtime, sheet };
}

describe.each([
  ['header row only (max rows 1)', 1, 0],
  ['one data row (max rows 2)', 2, 0],
  ['two frozen columns', 2, 2],
])('a delegates sheet with %s', (_, rows, frozen) => {
  it("is completed: the missing columns are added after the user's, the rest untouched", () => {
    const { runtime, sheet } = delegatesWith(rows, frozen);
    const before = sheet.getRange(1, 1, rows, 3).getValues();
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(result.addedColumns.find((a) => a.sheet === 'Đại biểu')?.columns).toEqual(
      SHEETS.delegates.columns.slice(3).map((c) => c.header),
    );
    expect(sheet.getRange(1, 1, rows, 3).getValues()).toEqual(before);
    expect(sheet.getMaxRows()).toBe(rows);
    expect(sheet.getFrozenColumns()).toBe(frozen);
    // Running again changes nothing.
    const again = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(again.addedColumns).toEqual([]);
    expect(again.completed).toEqual([]);
  });
});

/**
 * The local runtime refuses, as Sheets does, rows or columns inserted inside a range protection the
 * calling user may not edit (the range would grow over the new cells); rows inserted right above or
 * right below it, a warning-only protection, and the protection's editors are let through.
 */
import { LocalSpreadsheet, Runtime } from '../../local/runtime';

const OWNER = 'owner@langson.gov.vn';
const HELPER = 'canbo@langson.gov.vn';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(warningOnly = false) {
  const spreadsheet = LocalSpreadsheet.create({ owner: OWNER, sheetName: 'Phân bổ' });
  const owner = new Runtime({ spreadsheet, user: OWNER });
  const helper = new Runtime({ spreadsheet, user: HELPER });
  const sheetOf = (rt: Runtime) => rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Phân bổ')!;
  // The owner protects C2:C5 ("Kỳ trước" of the units), only for them.
  const p = sheetOf(owner).getRange('C2:C5').protect();
  p.removeEditors(p.getEditors());
  if (warningOnly) p.setWarningOnly(true);
  const rect = () => p.getRange().getA1Notation();
  return { spreadsheet, owner, helper, sheetOf, rect };
}

test.each([
  ['insertRowsAfter inside', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsAfter(3, 2)],
  ['insertRowsBefore inside', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsBefore(5, 1)],
  ['insertRowAfter inside', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowAfter(2)],
])('a collaborator: %s is refused, the sheet unchanged', (_name, insert) => {
  const { helper, sheetOf, rect } = setup();
  const sheet = sheetOf(helper);
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  expect(() => insert(sheet)).toThrow(PROTECTED);
  expect([sheet.getMaxRows(), sheet.getMaxColumns(), rect()]).toEqual([rows, columns, 'C2:C5']);
});

test.each([
  ['above it', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsAfter(1, 2), 'C4:C7'],
  ['right below it', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsAfter(5, 2), 'C2:C5'],
  ['columns left of it', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertColumnsBefore(3, 1), 'D2:D5'],
])('a collaborator may insert %s', (_name, insert, moved) => {
  const { helper, sheetOf, rect } = setup();
  insert(sheetOf(helper));
  expect(rect()).toBe(moved);
});

test('the owner, or anyone under a warning-only protection, inserts inside it and it grows', () => {
  const a = setup();
  a.sheetOf(a.owner).insertRowsAfter(3, 2);
  expect(a.rect()).toBe('C2:C7');
  const b = setup(true);
  b.sheetOf(b.helper).insertRowsAfter(3, 2);
  expect(b.rect()).toBe('C2:C7');
});

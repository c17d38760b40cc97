/**
 * Attack: the owner locked a sheet ("only me") that setup must complete, and a collaborator runs
 * setup. Sheets refuses the write; the message must say so and name the sheet, not call it a bug.
 */
import { LocalSpreadsheet, Runtime, runBundle } from '../../local/runtime';
import { SHEETS } from '../../src/domain/template';
import { MESSAGES } from '../../src/ui/vi';

const OWNER = 'owner@langson.gov.vn';
const HELPER = 'canbo@langson.gov.vn';

function lockedDelegates() {
  const spreadsheet = LocalSpreadsheet.create({ owner: OWNER, editors: [HELPER], sheetName: 'Đại biểu' });
  const owner = new Runtime({ spreadsheet, user: OWNER });
  runBundle(owner, 'setupWorkbook');
  const sheet = owner.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Đại biểu');
  if (!sheet) throw new Error('no sheet');
  // An older template: the last column is missing; the owner locked the whole sheet.
  sheet.getRange(1, SHEETS.delegates.columns.length).clearContent();
  const p = sheet.protect();
  p.removeEditors(p.getEditors());
  return { spreadsheet, owner, sheet };
}

describe('setup by a collaborator on a sheet the owner locked', () => {
  it('says the sheet is protected and who can finish, not that the add-in has a bug', () => {
    const { spreadsheet, sheet } = lockedDelegates();
    const before = JSON.stringify(sheet.getDataRange().getValues());
    let message = '';
    try {
      runBundle(new Runtime({ spreadsheet, user: HELPER }), 'setupWorkbook');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Trang "Đại biểu" đang được bảo vệ và bạn không có quyền sửa');
    expect(message).toContain('chủ bảng tính');
    expect(message).not.toContain(MESSAGES.unexpected);
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
  });

  it('the owner then completes it', () => {
    const { owner, sheet } = lockedDelegates();
    runBundle(owner, 'setupWorkbook');
    const n = SHEETS.delegates.columns.length;
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]).toContain(
      SHEETS.delegates.columns[n - 1]?.header,
    );
  });
});

/**
 * Protections are enforced like Google's: a protection that is not warning-only refuses every
 * kind of change by a user who is not among its editors, with Sheets' error text.
 */
import { LocalSpreadsheet, Runtime } from '../../local/runtime';
import type { LocalProtection } from '../../local/runtime/protection';

const OWNER = 'owner@langson.gov.vn';
const HELPER = 'canbo@langson.gov.vn';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup() {
  const spreadsheet = LocalSpreadsheet.create({ owner: OWNER, sheetName: 'Đại biểu' });
  const owner = new Runtime({ spreadsheet, user: OWNER });
  const helper = new Runtime({ spreadsheet, user: HELPER });
  const sheetOf = (rt: Runtime) => rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Đại biểu')!;
  return { spreadsheet, owner, helper, sheetOf };
}

/** The owner protects B1 "only for me" (the Sheets UI's default when restricting). */
function protectHeader(_owner: Runtime, sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  const p = sheet.getRange('B1').protect();
  p.removeEditors(p.getEditors());
  return p;
}

describe('a range protected by the owner', () => {
  const writes: [string, (s: GoogleAppsScript.Spreadsheet.Sheet) => unknown][] = [
    ['setValue', (s) => s.getRange('B1').setValue('x')],
    ['setValues over it', (s) => s.getRange('A1:C1').setValues([['a', 'b', 'c']])],
    ['setFormula', (s) => s.getRange('B1').setFormula('=1')],
    ['setNote', (s) => s.getRange('B1').setNote('n')],
    ['clearNote', (s) => s.getRange('B1').clearNote()],
    ['setBackground', (s) => s.getRange('A1:B2').setBackground('#ff0000')],
    ['setBackgrounds', (s) => s.getRange('B1').setBackgrounds([['#ff0000']])],
    ['setNumberFormat', (s) => s.getRange('B:B').setNumberFormat('@')],
    ['setFontWeight', (s) => s.getRange('B1').setFontWeight('bold')],
    ['clearContent', (s) => s.getRange('B1').clearContent()],
    ['clear', (s) => s.getRange('B1').clear()],
    ['setDataValidation', (s) => s.getRange('B1').setDataValidation(null)],
    ['merge', (s) => s.getRange('A1:B1').merge()],
    ['deleteColumn', (s) => s.deleteColumn(2)],
    ['deleteRows', (s) => s.deleteRows(1, 1)],
    ['RangeList.setBackground', (s) => s.getRangeList(['D4', 'B1']).setBackground('#ff0000')],
  ];

  test.each(writes)('refuses %s by a collaborator, changing nothing', (_name, write) => {
    const { owner, helper, sheetOf, spreadsheet } = setup();
    const ownerSheet = sheetOf(owner);
    ownerSheet.getRange('A1:C1').setValues([['Họ tên', 'Dân tộc', 'Xã']]);
    protectHeader(owner, ownerSheet);
    const before = JSON.stringify(spreadsheet.localSheet('Đại biểu')?.getRange('A1:D4').getValues());
    expect(() => write(sheetOf(helper))).toThrow(PROTECTED);
    expect(JSON.stringify(spreadsheet.localSheet('Đại biểu')?.getRange('A1:D4').getValues())).toBe(before);
    expect(spreadsheet.localSheet('Đại biểu')?.getRange('D4').getBackground()).toBe('#ffffff');
  });

  test('the owner, and an editor added to the protection, may still write', () => {
    const { owner, helper, sheetOf } = setup();
    const p = protectHeader(owner, sheetOf(owner));
    sheetOf(owner).getRange('B1').setValue('chủ');
    expect(sheetOf(owner).getRange('B1').getValue()).toBe('chủ');
    expect(p.canEdit()).toBe(true);
    p.addEditor(HELPER);
    sheetOf(helper).getRange('B1').setValue('cán bộ');
    expect(sheetOf(helper).getRange('B1').getValue()).toBe('cán bộ');
  });

  test('cells outside the protected range stay writable; reading is always allowed', () => {
    const { owner, helper, sheetOf } = setup();
    protectHeader(owner, sheetOf(owner));
    sheetOf(helper)
      .getRange('A2:C2')
      .setValues([['a', 'b', 'c']]);
    expect(sheetOf(helper).getRange('A1:C2').getValues()[1]).toEqual(['a', 'b', 'c']);
    sheetOf(helper).insertRowsAfter(5, 2);
  });

  test('canEdit() answers for the calling user; getEditors lists owner and creator', () => {
    const { owner, helper, sheetOf } = setup();
    protectHeader(owner, sheetOf(owner));
    const seen = sheetOf(helper).getProtections(helper.globals.SpreadsheetApp.ProtectionType.RANGE)[0]!;
    expect(seen.canEdit()).toBe(false);
    expect(seen.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });
});

describe('protections that do not block', () => {
  test('a warning-only protection does not stop scripts', () => {
    const { owner, helper, sheetOf } = setup();
    protectHeader(owner, sheetOf(owner)).setWarningOnly(true);
    sheetOf(helper).getRange('B1').setValue('ok');
    expect(sheetOf(helper).getRange('B1').getValue()).toBe('ok');
  });

  test('a new protection whose editors were never changed mirrors the spreadsheet: everyone may edit', () => {
    const { owner, helper, sheetOf } = setup();
    sheetOf(owner).getRange('B1').protect();
    sheetOf(helper).getRange('B1').setValue('ok');
    expect(sheetOf(helper).getRange('B1').getValue()).toBe('ok');
  });

  test('direct local access (fixtures) acts as the owner', () => {
    const { owner, sheetOf, spreadsheet } = setup();
    protectHeader(owner, sheetOf(owner));
    spreadsheet.localSheet('Đại biểu')?.getRange('B1').setValue('fixture');
    expect(spreadsheet.localSheet('Đại biểu')?.getRange('B1').getValue()).toBe('fixture');
  });
});

test('a protected sheet refuses every change and inserting rows by a collaborator', () => {
  const { owner, helper, sheetOf } = setup();
  const p = sheetOf(owner).protect() as unknown as LocalProtection;
  p.restrictTo([]);
  expect(() => sheetOf(helper).getRange('Z999').setValue(1)).toThrow(PROTECTED);
  expect(() => sheetOf(helper).insertRowsAfter(1, 1)).toThrow(PROTECTED);
  expect(() => sheetOf(helper).appendRow(['x'])).toThrow(PROTECTED);
  helper.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Khác');
  expect(() => helper.globals.SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheetOf(helper))).toThrow(PROTECTED);
  p.restrictTo([HELPER]);
  sheetOf(helper).appendRow(['x']);
  expect(sheetOf(helper).getRange('A1').getValue()).toBe('x');
});

test('a protected sheet’s unprotected ranges stay editable; anything reaching outside them is refused', () => {
  const { owner, helper, sheetOf } = setup();
  const p = sheetOf(owner).protect();
  p.removeEditors(p.getEditors());
  p.setUnprotectedRanges([sheetOf(owner).getRange('A2:C100')]);
  expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['A2:C100']);
  sheetOf(helper)
    .getRange('A2:C3')
    .setValues([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  expect(sheetOf(helper).getRange('B3').getValue()).toBe('e');
  expect(() => sheetOf(helper).getRange('A1').setValue('x')).toThrow(PROTECTED);
  expect(() => sheetOf(helper).getRange('C2:D2').setBackground('#ff0000')).toThrow(PROTECTED);
});

/**
 * The local runtime's inserted and deleted rows as Sheets has them: an inserted row takes the
 * formatting and data validation of the row before it, never its value or note; a range protection
 * follows its cells both ways, so that deleting the rows just inserted (a rollback) puts it back.
 */
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

function setup() {
  const ss = LocalSpreadsheet.create();
  const sheet = ss.localActiveSheet();
  sheet.getRange('A1:B3').setValues([
    ['Mã', 'Tên'],
    ['HL', 'Hữu Lũng'],
    ['ĐL', 'Đình Lập'],
  ]);
  return { ss, sheet };
}

const rectOf = (sheet: ReturnType<typeof setup>['sheet']) =>
  sheet.getProtections('RANGE' as never).map((p) => p.getRange().getA1Notation());

test('a row inserted after a red row with a note is red, without the note or the value', () => {
  const { sheet } = setup();
  sheet.getRange('B3').setBackground('#f4c7c3').setNote('⚑ Trợ lý Đại hội DTTS\nLỗi: …').setFontWeight('bold');
  sheet.insertRowsAfter(3, 2);
  const fresh = sheet.getRange('B4:B5');
  expect(fresh.getBackgrounds()).toEqual([['#f4c7c3'], ['#f4c7c3']]);
  expect(fresh.getFontWeights()).toEqual([['bold'], ['bold']]);
  expect(fresh.getNotes()).toEqual([[''], ['']]);
  expect(fresh.getValues()).toEqual([[''], ['']]);
});

test.each([
  ['rows inserted inside the range, then deleted', 'A2:B3', 'A2:B5', 2],
  ['rows inserted above the range, then deleted', 'A3:B3', 'A5:B5', 1],
  ['rows inserted below the range, then deleted', 'A2:B2', 'A2:B2', 3],
])('%s: the protection follows its cells and comes back', (_name, range, moved, after) => {
  const { sheet } = setup();
  sheet.getRange(range).protect().setWarningOnly(true);
  sheet.insertRowsAfter(after, 2);
  expect(rectOf(sheet)).toEqual([moved]);
  sheet.deleteRows(after + 1, 2);
  expect(rectOf(sheet)).toEqual([range]);
});

test('a protection whose rows are all deleted goes; one losing some rows shrinks; columns too', () => {
  const { sheet } = setup();
  sheet.getRange('A3:B3').protect();
  sheet.getRange('A2:B3').protect();
  sheet.getRange('B1:B3').protect();
  sheet.deleteRows(3, 1);
  expect(rectOf(sheet)).toEqual(['A2:B2', 'B1:B2']);
  sheet.deleteColumns(1, 1);
  expect(rectOf(sheet)).toEqual(['A2', 'A1:A2']);
});

/**
 * The snapshot harness itself: every field of a cell and every sheet-level property it promises to
 * watch is seen when it changes, a mark is told apart from a loss, and the owned-cells filter owns
 * only what the add-in writes. (A harness that cannot fail would make every trust test pass.)
 */
import { LocalDataValidationBuilder } from '../../local/runtime/data-validation';
import type { LocalSheet } from '../../local/runtime/sheet';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import {
  diff,
  isMarkOnly,
  MARKER,
  markedCells,
  NO_FILL,
  ownedCellProblems,
  ownership,
  snapshot,
  userDiff,
} from './snapshot';

function workbook(): LocalSpreadsheet {
  const ss = LocalSpreadsheet.create({ sheetName: 'Đơn vị' });
  const units = ss.localSheet('Đơn vị') as LocalSheet;
  units.getRange(1, 1, 1, 4).setValues([['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS']]);
  units.getRange(2, 1, 2, 1).setNumberFormat('@');
  units.getRange(2, 1, 2, 4).setValues([
    ['06124', 'Xã Na Sầm', 9000, 8000],
    ['06148', 'Xã Thụy Hùng', 7000, 6500],
  ]);
  const allocation = ss.insertSheet('Phân bổ') as unknown as LocalSheet;
  allocation
    .getRange(1, 1, 1, 7)
    .setValues([['Mã đơn vị', 'Tên đơn vị', 'Dân số DTTS', 'Hạn ngạch', 'Số phân bổ', 'Điều chỉnh', 'Số chính thức']]);
  allocation.getRange(2, 1, 2, 1).setNumberFormat('@');
  allocation.getRange(2, 1, 2, 7).setValues([
    ['06124', 'Xã Na Sầm', 8000, 2.2, 2, '', 2],
    ['06148', 'Xã Thụy Hùng', 6500, 1.8, 2, 1, 3],
  ]);
  allocation.getRange(5, 2, 1, 2).setValues([['Tổng cộng', '=SUM(G2:G3)']]);
  ss.insertSheet('Kiểm tra');
  return ss;
}

const sheetOf = (ss: LocalSpreadsheet, name: string) => ss.localSheet(name) as LocalSheet;

describe('whole-cell snapshot', () => {
  const cases: [string, (ss: LocalSpreadsheet) => void, string][] = [
    ['value', (ss) => sheetOf(ss, 'Đơn vị').getRange('C2').setValue(9001), 'Đơn vị!C2 value'],
    [
      'text code → number',
      (ss) => sheetOf(ss, 'Đơn vị').getRange('A2').setNumberFormat('0').setValue(6124),
      'Đơn vị!A2 value',
    ],
    ['formula', (ss) => sheetOf(ss, 'Đơn vị').getRange('C3').setFormula('=C2'), 'Đơn vị!C3 formula'],
    ['note', (ss) => sheetOf(ss, 'Đơn vị').getRange('B2').setNote('x'), 'Đơn vị!B2 note'],
    ['background', (ss) => sheetOf(ss, 'Đơn vị').getRange('B2').setBackground('#d9ead3'), 'Đơn vị!B2 background'],
    ['number format', (ss) => sheetOf(ss, 'Đơn vị').getRange('C2').setNumberFormat('#,##0'), 'Đơn vị!C2 numberFormat'],
    [
      'validation',
      (ss) =>
        sheetOf(ss, 'Đơn vị')
          .getRange('B2')
          .setDataValidation(new LocalDataValidationBuilder().requireValueInList(['a', 'b']).build() as never),
      'Đơn vị!B2 validation',
    ],
    ['font weight', (ss) => sheetOf(ss, 'Đơn vị').getRange('B3').setFontWeight('bold'), 'Đơn vị!B3 fontWeight'],
    ['hidden', (ss) => sheetOf(ss, 'Phân bổ').hideSheet(), 'Phân bổ hidden'],
    ['frozen rows', (ss) => sheetOf(ss, 'Đơn vị').setFrozenRows(1), 'Đơn vị frozenRows'],
    ['rows', (ss) => sheetOf(ss, 'Đơn vị').insertRowsAfter(1, 1), 'Đơn vị maxRows'],
    [
      'protection',
      (ss) => sheetOf(ss, 'Đơn vị').getRange('A1:D3').protect().setDescription('khóa'),
      'Đơn vị protections',
    ],
    ['sheet order', (ss) => ss.insertSheet('Ghi chép', 0), ' sheets'],
  ];
  test.each(cases)('sees a change of %s', (_name, change, where) => {
    const ss = workbook();
    const before = snapshot(ss);
    change(ss);
    const found = diff(before, snapshot(ss)).map((d) => `${d.sheet}${d.cell ? `!${d.cell}` : ''} ${d.field}`);
    expect(found).toContain(where);
    expect(userDiff(before, snapshot(ss)).length).toBeGreaterThan(0);
  });

  test('an unchanged workbook has no difference', () => {
    const ss = workbook();
    expect(diff(snapshot(ss), snapshot(ss))).toEqual([]);
  });
});

describe('marks and ownership', () => {
  test('a mark (note added after the user note, fill on an unfilled cell) is not a loss', () => {
    const ss = workbook();
    const cell = sheetOf(ss, 'Đơn vị').getRange('C2');
    cell.setNote('ghi chú của tôi');
    const before = snapshot(ss);
    cell.setNote(`ghi chú của tôi\n\n${MARKER}\nLỗi: …`).setBackground('#f4c7c3');
    const after = snapshot(ss);
    expect(userDiff(before, after)).toEqual([]);
    expect(markedCells(before, after)).toEqual(['Đơn vị!C2']);
  });

  test.each([
    ["the user's note replaced", (r: GoogleAppsScript.Spreadsheet.Range) => r.setNote(`${MARKER}\nLỗi`)],
    [
      "the user's fill replaced",
      (r: GoogleAppsScript.Spreadsheet.Range) => r.setNote(`của tôi\n${MARKER}`).setBackground('#f4c7c3'),
    ],
    ['a fill in another colour than a mark', (r: GoogleAppsScript.Spreadsheet.Range) => r.setBackground('#00ff00')],
    ['a note without the marker', (r: GoogleAppsScript.Spreadsheet.Range) => r.setNote('của tôi\nLỗi')],
  ])('%s is a loss', (_name, change) => {
    const ss = workbook();
    const cell = sheetOf(ss, 'Đơn vị').getRange('C3');
    cell.setNote('của tôi').setBackground('#fce8b2');
    if (_name === 'a fill in another colour than a mark') cell.setBackground(null);
    const before = snapshot(ss);
    change(cell as unknown as GoogleAppsScript.Spreadsheet.Range);
    expect(userDiff(before, snapshot(ss)).length).toBeGreaterThan(0);
  });

  test('a mark fill alone on a cell the user annotated is a mark, not a loss', () => {
    const ss = workbook();
    const cell = sheetOf(ss, 'Đơn vị').getRange('C2');
    cell.setNote('ghi chú của tôi');
    const before = snapshot(ss);
    cell.setBackground('#fce8b2');
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    expect(markedCells(before, snapshot(ss))).toEqual(['Đơn vị!C2']);
  });

  test('isMarkOnly: a cleared mark restores the cell exactly', () => {
    const user = {
      value: '',
      formula: '',
      note: 'x',
      background: NO_FILL,
      numberFormat: '',
      validation: '',
      fontWeight: 'normal',
    };
    expect(isMarkOnly(user, { ...user, note: `x\n${MARKER} Lỗi`, background: '#f4c7c3' })).toEqual({
      ok: true,
      marked: true,
    });
    expect(isMarkOnly(user, { ...user, note: 'x ' })).toEqual({ ok: false, marked: false });
  });

  test('the add-in owns Kiểm tra, and the computed columns of the unit rows of Phân bổ only', () => {
    const own = ownership(snapshot(workbook()));
    expect(own.owns('Kiểm tra', 'Z99')).toBe(true);
    expect(own.owns('Phân bổ', 'A2')).toBe(true);
    expect(own.owns('Phân bổ', 'G3')).toBe(true);
    expect(own.owns('Phân bổ', 'F2')).toBe(false); // Điều chỉnh
    expect(own.owns('Phân bổ', 'A1')).toBe(false); // headers
    expect(own.owns('Phân bổ', 'C5')).toBe(false); // the user's Tổng cộng row
    expect(own.owns('Đơn vị', 'A2')).toBe(false);
  });

  test('a code turned into a number and a name turned into a formula are caught in Phân bổ', () => {
    const ss = workbook();
    const before = snapshot(ss);
    const allocation = sheetOf(ss, 'Phân bổ');
    allocation.getRange('A2').setNumberFormat('0').setValue(6124);
    allocation.getRange('B3').setFormula('=Xã Thụy Hùng');
    const found = ownedCellProblems(before, snapshot(ss)).map((d) => `${d.cell} ${d.field}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'A2 Mã đơn vị is not the text typed in Đơn vị',
        'B3 formula in an add-in cell',
        'B3 Tên đơn vị is not the text typed in Đơn vị',
      ]),
    );
  });
});

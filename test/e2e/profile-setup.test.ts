/**
 * The profile columns of `Đại biểu` through the real bundle: "Thiết lập bảng tính" appends them to a
 * workbook set up before (after the officer's own columns, every other cell identical, a second run
 * writes nothing), a phone number stays text through setup and validation, the completeness warnings
 * and the per-unit summaries of validateAll on a generated province, and compositionSummary counting
 * Party members from the new column.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import { PROFILE_COLUMNS, SHEETS } from '../../src/domain/template';
import type { CompositionSummaryDto, SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';
import { type CellSnapshot, cellsOf } from './setup-trust-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** STT … Ghi chú: the columns of a workbook set up before the profile columns. */
const OLD_WIDTH = SHEETS.delegates.columns.findIndex((c) => c.key === PROFILE_COLUMNS[0]?.key);
/** What setup adds to such a workbook: the profile columns and any template column after them. */
const NEW_HEADERS = SHEETS.delegates.columns.slice(OLD_WIDTH).map((c) => c.header);
const NOW = '2025-06-02T08:00:00+07:00';

const writes = (calls: Record<string, number>) =>
  Object.entries(calls).filter(([k]) => /\.(set|insert|protect|clear|delete)/.test(k) || k === 'Sheet.protect');

function delegatesOf(ss: LocalSpreadsheet): Sheet {
  const s = ss.getSheetByName(SHEETS.delegates.name);
  if (!s) throw new Error('no Đại biểu');
  return s as unknown as Sheet;
}

function setSetting(ss: LocalSpreadsheet, label: string, value: string | number): void {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const at = labels.indexOf(label);
  if (at < 0) throw new Error(`no setting ${label}`);
  config.getRange(at + 1, 2).setValue(value);
}

/**
 * A workbook set up before the profile columns: the Lạng Sơn sample with `Đại biểu` cut back to its
 * first ten columns, then decorated by the officer: their own columns after `Ghi chú` (a text code,
 * a formula, a phone typed as text), notes, fills, a bold row.
 */
function oldDecoratedWorkbook(): { ss: LocalSpreadsheet; sheet: Sheet; last: number; width: number } {
  const ss = buildSample(LANG_SON_COMMUNES);
  const sheet = delegatesOf(ss);
  sheet.deleteColumns(OLD_WIDTH + 1, NEW_HEADERS.length);
  const last = sheet.getLastRow();
  const own = OLD_WIDTH + 1;
  sheet.getRange(1, own, 1, 3).setValues([['Mã hồ sơ', 'Tuổi', 'ĐT liên hệ riêng']]);
  sheet.getRange(2, own, last - 1, 1).setNumberFormat('@');
  sheet.getRange(2, own, last - 1, 1).setValues(Array.from({ length: last - 1 }, (_, i) => [`00${i + 1}`]));
  sheet.getRange(2, own + 1, last - 1, 1).setFormulas(Array.from({ length: last - 1 }, (_, i) => [`=2025-F${i + 2}`]));
  sheet.getRange(2, own + 2, 1, 1).setNumberFormat('@');
  sheet.getRange(2, own + 2).setValue('0912 345 678');
  sheet.getRange(3, 2).setNote('Đã xác minh CCCD');
  sheet.getRange(4, 1, 1, own + 2).setBackground('#d9ead3');
  sheet.getRange(5, own).setNote('hồ sơ giấy');
  sheet.getRange(1, own, 1, 3).setFontWeight('bold').setBackground('#fff2cc');
  return { ss, sheet, last, width: own + 2 };
}

describe('setup on a workbook set up before the profile columns', () => {
  builtCodePath();

  it('appends the profile columns after the officer’s own; every other cell is unchanged; a second run writes nothing', () => {
    const { ss, sheet, last, width } = oldDecoratedWorkbook();
    const rows = sheet.getMaxRows();
    const before = cellsOf(sheet, 1, 1, rows, width);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const result = runBundle(rt, 'setupWorkbook').result as SetupResultDto;
    expect(result.addedColumns).toEqual([{ sheet: 'Đại biểu', columns: NEW_HEADERS }]);
    expect(NEW_HEADERS.slice(0, PROFILE_COLUMNS.length)).toEqual(PROFILE_COLUMNS.map((c) => c.header));
    // Everything the officer had (their columns included) is cell for cell what it was.
    expect(cellsOf(sheet, 1, 1, rows, width)).toEqual(before);
    // The new columns start right after the officer's last column.
    const added = cellsOf(sheet, 1, width + 1, rows, PROFILE_COLUMNS.length);
    expect(added[0]?.map((c) => c.value)).toEqual(PROFILE_COLUMNS.map((c) => c.header));
    expect(added[0]?.every((c) => c.weight === 'bold' && c.background === '#e8eaed')).toBe(true);
    const body = added.slice(1);
    expect(body.every((line) => line.every((c) => c.value === '' && c.formula === '' && c.note === ''))).toBe(true);
    const at = (key: string) => PROFILE_COLUMNS.findIndex((c) => c.key === key);
    const column = (key: string) => body.map((line) => line[at(key)] as CellSnapshot);
    expect(new Set(column('phone').map((c) => c.format))).toEqual(new Set(['@']));
    expect(new Set(column('birthDate').map((c) => c.format))).toEqual(new Set(['dd/mm/yyyy']));
    for (const key of ['partyMember', 'youthMember']) {
      const rules = new Set(column(key).map((c) => c.validation));
      expect(rules.size).toBe(1);
      expect([...rules][0]).toContain('["Có","Không"]');
      expect([...rules][0]).toContain('true'); // allow invalid: "x" or a date of admission only warns
    }
    for (const key of ['education', 'politicalTheory', 'awards'])
      expect(column(key).every((c) => c.validation === '' && c.background !== '#e8eaed')).toBe(true);
    expect(last).toBeGreaterThan(10);

    const again = runBundle(rt, 'setupWorkbook');
    expect((again.result as SetupResultDto).addedColumns).toEqual([]);
    expect(writes(again.calls)).toEqual([]);
  });

  it('columns the officer already added under other names (SĐT, Đảng viên (x)) are the template’s: not added again, not reformatted', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const sheet = delegatesOf(ss);
    sheet.deleteColumns(OLD_WIDTH + 1, NEW_HEADERS.length);
    const last = sheet.getLastRow();
    sheet.getRange(1, OLD_WIDTH + 1, 1, 2).setValues([['SĐT', 'Đảng viên (x)']]);
    sheet.getRange(2, OLD_WIDTH + 1, 2, 2).setValues([
      [912345678, 'x'],
      ['0203 3856 123', ''],
    ]);
    const before = cellsOf(sheet, 1, 1, sheet.getMaxRows(), OLD_WIDTH + 2);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const result = runBundle(rt, 'setupWorkbook').result as SetupResultDto;
    expect(result.addedColumns).toEqual([
      {
        sheet: 'Đại biểu',
        columns: NEW_HEADERS.filter((h) => h !== 'Điện thoại' && h !== 'Đảng viên'),
      },
    ]);
    expect(cellsOf(sheet, 1, 1, sheet.getMaxRows(), OLD_WIDTH + 2)).toEqual(before);
    expect(sheet.getRange(1, OLD_WIDTH + 3).getValue()).toBe('Ngày sinh');
    // The officer's phone typed as a number lost its zero: validation says so at the cell.
    const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    const phoneCell = `${String.fromCharCode(64 + OLD_WIDTH + 1)}2`;
    expect(report.filter((r) => r[1] === 'Đại biểu' && r[2] === phoneCell).map((r) => r[3])).toEqual([
      'Điện thoại 912345678 đã bị bảng tính đổi thành số nên mất số 0 ở đầu.',
    ]);
    expect(v.total).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(2);
  });
});

describe('phone numbers stay text', () => {
  builtCodePath();

  it('typed into the template’s Điện thoại after setup: text, kept by validation, no warning', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const sheet = delegatesOf(ss);
    const col = SHEETS.delegates.columns.findIndex((c) => c.key === 'phone') + 1;
    sheet.getRange(2, col, 3, 1).setValues([['0912345678'], ['0912 345 678'], ['+84 912 345 678']]);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'setupWorkbook');
    runBundle(rt, 'validateAll');
    expect(sheet.getRange(2, col, 3, 1).getValues()).toEqual([['0912345678'], ['0912 345 678'], ['+84 912 345 678']]);
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    expect(report.filter((r) => String(r[3]).startsWith('Điện thoại'))).toEqual([]);
  });
});

describe('completeness on a generated province (Lạng Sơn, communes)', () => {
  builtCodePath();

  it('one warning per blank required cell and the per-unit summary by unit name, counted independently', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const sheet = delegatesOf(ss);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const nameCol = header.indexOf('Họ và tên');
    const unitCol = header.indexOf('Mã đơn vị');
    const eduCol = header.indexOf('Trình độ chuyên môn');
    const grid = sheet.getDataRange().getValues();
    // Every third delegate's Trình độ chuyên môn left blank, the others filled.
    const filled = grid.slice(1).map((r, i) => [r[nameCol] === '' ? '' : i % 3 === 0 ? '' : 'Đại học']);
    sheet.getRange(2, eduCol + 1, filled.length, 1).setValues(filled);
    setSetting(ss, 'Thông tin bắt buộc của đại biểu', 'Trình độ CM');

    // Expected, from the sheets as a reader sees them.
    const units = ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
    const nameOf = new Map(units.slice(1).map((u) => [String(u[0]), String(u[1])]));
    const missing = new Map<string, number>();
    const cells: string[] = [];
    grid.slice(1).forEach((r, i) => {
      if (r[nameCol] === '' || filled[i]?.[0] !== '') return;
      const unit = String(r[unitCol]);
      const name = nameOf.get(unit) ?? (unit === 'Cấp tỉnh' ? 'Cấp tỉnh' : `"${unit}"`);
      missing.set(name, (missing.get(name) ?? 0) + 1);
      cells.push(`${String.fromCharCode(65 + eduCol)}${i + 2}`);
    });
    expect(missing.size).toBeGreaterThan(5);

    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'validateAll');
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    const summaries = report
      .filter((r) => String(r[3]).endsWith('đại biểu thiếu trình độ chuyên môn.'))
      .map((r) => String(r[3]))
      .sort();
    expect(summaries).toEqual(
      [...missing].map(([name, n]) => `${name}: ${n} đại biểu thiếu trình độ chuyên môn.`).sort(),
    );
    // e.g. "Xã Hữu Lũng: 2 đại biểu thiếu trình độ chuyên môn." — named by the unit's NAME, never its code.
    expect(summaries.every((s) => !/^\d/.test(s))).toBe(true);
    const perCell = report.filter((r) => r[3] === 'Thiếu trình độ chuyên môn.');
    expect(perCell.map((r) => `${r[1]}!${r[2]}`).sort()).toEqual(cells.map((c) => `Đại biểu!${c}`).sort());
    expect(perCell.every((r) => r[0] === 'Cảnh báo')).toBe(true);
    // The blank cells carry the add-in's mark.
    const first = cells[0] as string;
    expect(sheet.getRange(first).getNote()).toContain('Thiếu trình độ chuyên môn.');
  });
});

describe('compositionSummary counts Party members from the Đảng viên column', () => {
  builtCodePath();

  it('x, Có, a date of admission count; Không and blank do not; a column blank for everyone is no figure', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const blank = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(blank.partyMembers).toBeNull();

    const sheet = delegatesOf(ss);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = header.indexOf('Đảng viên') + 1;
    const kindCol = header.indexOf('Loại đại biểu');
    const grid = sheet.getDataRange().getValues();
    const marks = ['x', 'Có', '', 'Không', '12/05/2010', '✓', '0'];
    const values = grid.slice(1).map((_, i) => [marks[i % marks.length] as string]);
    sheet.getRange(2, col, values.length, 1).setValues(values);
    let expected = 0;
    grid.slice(1).forEach((r, i) => {
      const counted = r[kindCol] === 'Chính thức' || r[kindCol] === 'Đương nhiên';
      if (counted && ['x', 'Có', '12/05/2010', '✓'].includes(values[i]?.[0] as string)) expected++;
    });
    const got = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(got.partyMembers?.count).toBe(expected);
    expect(got.partyMembers?.share).toBeCloseTo(expected / got.total, 12);
  });
});

describe('validateAll calls do not grow with the blank required cells', () => {
  builtCodePath();

  it('a tenth, a third and two thirds of Trình độ chuyên môn blank: the same service calls', () => {
    const totals = [10, 3, 1.5].map((every) => {
      const ss = buildSample(LANG_SON_COMMUNES);
      const sheet = delegatesOf(ss);
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
      const eduCol = header.indexOf('Trình độ chuyên môn');
      const rows = sheet.getLastRow() - 1;
      sheet
        .getRange(2, eduCol + 1, rows, 1)
        .setValues(Array.from({ length: rows }, (_, i) => [Math.floor(i % every) === 0 ? '' : 'Đại học']));
      setSetting(ss, 'Thông tin bắt buộc của đại biểu', 'Trình độ chuyên môn');
      const rt = new Runtime({ spreadsheet: ss, now: NOW });
      const run = runBundle(rt, 'validateAll');
      const blank = ss
        .getSheetByName('Kiểm tra')
        ?.getDataRange()
        .getValues()
        .filter((r) => r[3] === 'Thiếu trình độ chuyên môn.').length;
      return { blank, calls: Object.values(run.calls).reduce((n, c) => n + c, 0) };
    });
    expect(totals[0]?.blank).toBeLessThan(totals[1]?.blank ?? 0);
    expect(totals[1]?.blank).toBeLessThan(totals[2]?.blank ?? 0);
    expect(new Set(totals.map((t) => t.calls)).size).toBe(1);
  });
});

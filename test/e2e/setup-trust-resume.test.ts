/**
 * "Setup does not resume" (trust finding 8): setup interrupted at every one of its write points, then
 * run again without faults, leaves exactly the workbook of a setup that was never interrupted:
 * every cell (value, formula, note, background, number format, validation, font weight), the
 * protections and frozen rows. Also: the message of an interrupted setup is truthful, and a column
 * an older run left without its format, dropdown or protection is completed on its empty cells only.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { SHEET_ORDER, SHEETS } from '../../src/domain/template';
import type { SetupResultDto } from '../../src/rpc/contract';
import { MESSAGES } from '../../src/ui/vi';
import { cellsOf, firstDifference, workbookSnapshot } from './setup-trust-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Calls that change the workbook (the data-validation builder only builds a value). */
const isWrite = (key: string) =>
  /\.(set|insert|protect|clear|delete|add|remove)/.test(key) && !key.startsWith('DataValidationBuilder.');
/** The points a fault can hit: every write, and the flush that commits them. */
const isWritePoint = (key: string) => isWrite(key) || key === 'SpreadsheetApp.flush';

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the run to fail');
}

/**
 * A workbook as people bring it: a delegates sheet of their own under a look-alike name (trailing
 * space), with fills, notes, a formula, an extra column, a title row.
 */
function decorated(): LocalSpreadsheet {
  const ss = LocalSpreadsheet.create({ sheetName: 'Đại biểu ' });
  const sheet = ss.getSheetByName('Đại biểu ') as unknown as Sheet;
  sheet.getRange(1, 1, 1, 1).setValues([['DANH SÁCH ĐẠI BIỂU']]);
  sheet.getRange(3, 1, 3, 5).setValues([
    ['Họ tên', 'Dân tộc', 'Cột riêng', 'Mã đơn vị', 'Loại đại biểu'],
    ['Hoàng Văn A', 'Tày', 'ghi riêng', 'HL', 'Chính thức'],
    ['=UPPER("b")', 'Nùng', '', 'HL', 'Khách mời'],
  ]);
  sheet.getRange('A4').setBackground('#00ff00').setNote('người dùng ghi');
  sheet.getRange('C4').setFontWeight('bold');
  sheet.getRange('D3:D100').setNumberFormat('@');
  return ss;
}

interface Scenario {
  name: string;
  workbook: () => LocalSpreadsheet | undefined;
}

const SCENARIOS: Scenario[] = [
  { name: 'an empty workbook', workbook: () => undefined },
  { name: 'a decorated workbook with a look-alike sheet name', workbook: decorated },
];

describe.each(SCENARIOS)('setup interrupted at every write point on $name', ({ workbook }) => {
  const clean = new Runtime({ spreadsheet: workbook() });
  const cleanRun = runBundle(clean, 'setupWorkbook');
  const expected = workbookSnapshot(clean.spreadsheet);
  const points = Object.entries(cleanRun.calls)
    .filter(([key]) => isWritePoint(key))
    .flatMap(([key, n]) => Array.from({ length: n }, (_, after) => [key, after] as const));

  it('has write points to interrupt, and the uninterrupted setup creates no twin of a sheet', () => {
    expect(points.length).toBeGreaterThan(30);
    const keys = expected.map((s) => s.name.normalize('NFC').trim().toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(points)(
    'interrupted at %s #%i, then run again: the same workbook as an uninterrupted setup',
    (key, after) => {
      const runtime = new Runtime({ spreadsheet: workbook() });
      const initial = runtime.spreadsheet.getSheets().map((s) => s.getName());
      runtime.failOn(key, { after });
      // The lock's own flush, after setup committed its writes, has nothing left to save: setup succeeded.
      const lockFlush = key === 'SpreadsheetApp.flush' && after > 0;
      const message = lockFlush ? '' : errorOf(() => runBundle(runtime, 'setupWorkbook'));
      if (lockFlush) runBundle(runtime, 'setupWorkbook');
      else if (message !== MESSAGES.setupNotStarted) {
        expect(message).toMatch(/^Dịch vụ Google gặp lỗi giữa chừng/);
        // Every sheet the interrupted run added is named.
        for (const name of runtime.spreadsheet.getSheets().map((s) => s.getName()))
          if (!initial.includes(name)) expect(message).toContain(`"${name}"`);
      }
      runtime.clearFaults();
      runBundle(runtime, 'setupWorkbook');
      const actual = workbookSnapshot(runtime.spreadsheet);
      for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
        const a = actual[i];
        const e = expected[i];
        if (a && e && a.cells !== e.cells) {
          const diff = firstDifference(
            runtime.spreadsheet.getSheets()[i] as unknown as Sheet,
            clean.spreadsheet.getSheets()[i] as unknown as Sheet,
          );
          expect(diff).toBe('');
        }
      }
      expect(actual).toEqual(expected);
      // and a third run finds nothing to do
      const third = runBundle(runtime, 'setupWorkbook');
      expect(Object.keys(third.calls).filter(isWrite)).toEqual([]);
    },
  );
});

describe('what an interrupted setup says', () => {
  it('a failure before any write says nothing was changed', () => {
    const runtime = new Runtime();
    runtime.failOn('Spreadsheet.insertSheet');
    expect(errorOf(() => runBundle(runtime, 'setupWorkbook'))).toBe(MESSAGES.setupNotStarted);
    expect(runtime.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']);
  });

  it('a failure after some writes says a part was added and to run it again', () => {
    const runtime = new Runtime();
    runtime.failOn('Range.setValues', { after: 3 });
    expect(errorOf(() => runBundle(runtime, 'setupWorkbook'))).toBe(
      MESSAGES.setupIncomplete(SHEET_ORDER.map((k) => SHEETS[k].name)),
    );
  });

  it('a logic error is not blamed on Google, and says whether anything was written', () => {
    const runtime = new Runtime();
    runtime.failOn('Range.setValues', { after: 3, message: 'Cannot read properties of undefined (reading "service")' });
    const message = errorOf(() => runBundle(runtime, 'setupWorkbook'));
    expect(message).toBe(
      MESSAGES.setupFailed(
        SHEET_ORDER.map((k) => SHEETS[k].name),
        'Cannot read properties of undefined (reading "service")',
      ),
    );
    expect(message).not.toMatch(/Dịch vụ Google gặp lỗi/);
    expect(message).toMatch(/không phải lỗi dịch vụ Google/);
  });
});

describe('columns an older, interrupted run left incomplete', () => {
  /** A setup whose columns lost their formats, dropdowns and protections (as an old version left them). */
  function stripped(): { runtime: Runtime; sheet: Sheet } {
    const runtime = new Runtime();
    runBundle(runtime, 'setupWorkbook');
    const ss = runtime.spreadsheet;
    for (const s of ss.getSheets() as unknown as Sheet[]) {
      const body = s.getRange(2, 1, s.getMaxRows() - 1, s.getMaxColumns());
      body.setNumberFormat('0.###############');
      body.setDataValidation(null);
      for (const p of s.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)) p.remove();
    }
    const sheet = ss.getSheetByName('Đơn vị') as unknown as Sheet;
    // The user typed a unit before running setup again.
    sheet.getRange(2, 1, 1, 4).setValues([['HL', 'Hữu Lũng', 121735, 80000]]);
    return { runtime, sheet };
  }

  it('get their number format and dropdown back on empty cells; typed cells keep theirs', () => {
    const { runtime, sheet } = stripped();
    const typedBefore = JSON.stringify(cellsOf(sheet, 2, 1, 1, 4));
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(result.completed.map((c) => c.sheet)).toEqual(
      expect.arrayContaining(['Đơn vị', 'Đại biểu', 'Phân bổ', 'Nhiệm vụ', 'Cấu hình']),
    );
    expect(result.message).toMatch(/hoàn thiện định dạng/);
    expect(JSON.stringify(cellsOf(sheet, 2, 1, 1, 4))).toBe(typedBefore);
    expect(sheet.getRange('C3').getNumberFormat()).toBe('#,##0');
    const delegates = runtime.spreadsheet.getSheetByName('Đại biểu') as unknown as Sheet;
    expect(delegates.getRange('D2').getDataValidation()?.getCriteriaValues()[0]).toContain('Tày');
    const allocation = runtime.spreadsheet.getSheetByName('Phân bổ') as unknown as Sheet;
    const ranges = allocation
      .getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)
      .map((p) => p.getRange().getA1Notation());
    const computed = SHEETS.allocation.columns.filter((c) => c.computed).length;
    expect(ranges).toHaveLength(computed);
    const again = runBundle(runtime, 'setupWorkbook');
    expect(Object.keys(again.calls).filter(isWrite)).toEqual([]);
  });

  it("a user's own column with the template's header (not in the add-in's colour) is left alone", () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Đơn vị' });
    const sheet = ss.getSheetByName('Đơn vị') as unknown as Sheet;
    sheet.getRange(1, 1, 2, 4).setValues([
      ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS'],
      ['HL', 'Hữu Lũng', 121735, 80000],
    ]);
    const before = JSON.stringify(cellsOf(sheet, 1, 1, 1000, 4));
    runBundle(new Runtime({ spreadsheet: ss }), 'setupWorkbook');
    expect(JSON.stringify(cellsOf(sheet, 1, 1, 1000, 4))).toBe(before);
  });
});

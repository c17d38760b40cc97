/**
 * validateAll's call budget against users: what the cheaper reads and writes skip must never change
 * what the user gets. Merged cells (asked only of grids with an empty cell), protections (looked up
 * only when Sheets refuses a write), the report read once, on the Lạng Sơn sample.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import { SHEET_ORDER, SHEETS } from '../../src/domain/template';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
const HELPER = 'canbo@langson.gov.vn';

function validate(ss: LocalSpreadsheet, runtime = new Runtime({ spreadsheet: ss, now: NOW })) {
  return runBundle(runtime, 'validateAll') as { result: ValidationResultDto; calls: Record<string, number> };
}

function sheet(ss: LocalSpreadsheet, name: string): Sheet {
  return ss.getSheetByName(name) as unknown as Sheet;
}

/** The template sheets validation reads whose data range holds no empty cell. */
function fullSheets(ss: LocalSpreadsheet): string[] {
  return SHEET_ORDER.filter((k) => !SHEETS[k].report && k !== 'conclusions')
    .map((k) => SHEETS[k].name)
    .filter((name) => {
      const s = sheet(ss, name);
      return (
        s &&
        !s
          .getDataRange()
          .getValues()
          .some((r) => r.some((v) => v === '' || v === null))
      );
    });
}

describe('budget: merged cells are asked only where a merge can be', () => {
  builtCodePath();

  it('a sheet without an empty cell is not asked for its merges; every sheet with one is', () => {
    const ss = buildSample(LANG_SON);
    const full = fullSheets(ss);
    expect(full.length).toBeGreaterThan(0); // else this test proves nothing
    const run = validate(ss);
    const read = SHEET_ORDER.filter((k) => !SHEETS[k].report && k !== 'conclusions' && sheet(ss, SHEETS[k].name));
    expect(run.calls['Range.getMergedRanges']).toBe(read.length - full.length);
    expect(run.result.problems.filter((p) => p.rule === 'cell-merged')).toEqual([]);
  });

  it('merged unit codes and a merge in a sheet that was full: read as the user sees them, every merge reported', () => {
    const ss = buildSample(LANG_SON);
    const full = fullSheets(ss)[0] as string;
    const d = sheet(ss, DELEGATES);
    const codes = d
      .getRange('C2:C6')
      .getValues()
      .map((r) => r[0]);
    expect(new Set(codes).size).toBe(1);
    const before = validate(ss).result;
    d.getRange('C2:C6').merge();
    // A merge empties every cell but its top-left: the full sheet now has empty cells.
    const other = sheet(ss, full);
    const lastRow = other.getDataRange().getNumRows();
    other.getRange(lastRow - 1, 1, 2, 1).merge();
    const after = validate(ss).result;
    const merged = after.problems.filter((p) => p.rule === 'cell-merged');
    expect(merged.map((p) => `${p.sheet}!${p.cell}`).sort()).toEqual(
      [`${DELEGATES}!C2`, `${full}!A${lastRow - 1}`].sort(),
    );
    // The merged unit column reads as the user sees it: nothing else changed on Đại biểu.
    const onDelegates = (r: ValidationResultDto) =>
      r.problems
        .filter((p) => p.sheet === DELEGATES && p.rule !== 'cell-merged')
        .map((p) => `${p.rule} ${p.cell}`)
        .sort();
    expect(onDelegates(after)).toEqual(onDelegates(before));
  });
});

describe('budget: protections are looked up only when Sheets refuses a write', () => {
  builtCodePath();

  function protectedSample() {
    const ss = buildSample(LANG_SON);
    const d = sheet(ss, DELEGATES);
    d.getRange('F3').setValue(1850); // implausible birth year: marked
    d.getRange('F9').setValue(1850);
    d.getRange('B12').setBackground('#b6d7a8').setNote('Ghi chú của tôi'); // the user's own decoration
    const p = d.getRange('F3').protect();
    p.removeEditors(p.getEditors()); // only the owner may edit F3
    return { ss, d };
  }

  it('the owner: no lookup at all, every mark written', () => {
    const { ss, d } = protectedSample();
    const run = validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    expect(run.calls['Spreadsheet.getProtections'] ?? 0).toBe(0);
    expect(run.calls['Protection.canEdit'] ?? 0).toBe(0);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    expect(run.result.message).not.toMatch(/bảo vệ/);
  });

  it('a helper the protection stops: looked up once, the cell reported not marked, nothing else of the user touched', () => {
    const { ss, d } = protectedSample();
    const before = snapshot(ss);
    const run = validate(ss, new Runtime({ spreadsheet: ss, user: HELPER, now: NOW }));
    expect(run.result.message).toMatch(/^Phát hiện .* 1 ô được bảo vệ/);
    expect(run.calls['Spreadsheet.getProtections']).toBe(2); // sheet and range protections, once
    expect(run.result.problems.some((p) => p.sheet === DELEGATES && p.cell === 'F3')).toBe(true);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(d.getRange('F9').getBackground()).toBe(MARK_COLORS.error);
    // Only marks and the add-in's own sheets changed: the user's decoration is as it was.
    const changed = diff(before, snapshot(ss)).filter((x) => x.sheet === DELEGATES);
    expect(changed.every((x) => x.field === 'background' || x.field === 'note')).toBe(true);
    expect(changed.some((x) => x.cell === 'B12' || x.cell === 'F3')).toBe(false);
    // Run again by the same helper: F3 still wants its mark, is refused again and reported again
    // (the lookup is paid by each run that meets the protection, as before); nothing else changes.
    const middle = snapshot(ss);
    const again = validate(ss, new Runtime({ spreadsheet: ss, user: HELPER, now: NOW }));
    expect(again.result.message).toMatch(/1 ô được bảo vệ/);
    expect(again.calls['Spreadsheet.getProtections']).toBe(2);
    expect(diff(middle, snapshot(ss)).filter((x) => x.sheet === DELEGATES)).toEqual([]);
    // The owner's next run marks the protected cell.
    validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  });
});

describe('budget: a refusal outside the marks, met without looking protections up first', () => {
  builtCodePath();

  it('`Kiểm tra` protected against the helper: the marks already written are put back, the message says so', () => {
    const ss = buildSample(LANG_SON);
    const d = sheet(ss, DELEGATES);
    d.getRange('F3').setValue(1850);
    // The report's rows (the sheet itself carries setup's warning-only protection).
    const p = sheet(ss, 'Kiểm tra').getRange('A2:E200').protect();
    p.removeEditors(p.getEditors());
    const before = snapshot(ss);
    let message = '';
    try {
      validate(ss, new Runtime({ spreadsheet: ss, user: HELPER, now: NOW }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/vùng được bảo vệ.*đã khôi phục như trước khi chạy/);
    expect(diff(before, snapshot(ss))).toEqual([]);
    // The owner's run goes through.
    validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  });
});

describe('budget: the report is read once', () => {
  builtCodePath();

  it('a re-run reads `Kiểm tra` with one getSheetValues and writes nothing; a changed problem rewrites it', () => {
    const ss = buildSample(LANG_SON);
    validate(ss);
    const again = validate(ss);
    // Every sheet is read whole with one getSheetValues (the 9 data sheets, `Kiểm tra`, the record).
    expect(again.calls['Sheet.getSheetValues']).toBe(11);
    expect(again.calls['Sheet.getDataRange'] ?? 0).toBe(0);
    expect(again.calls['Sheet.getLastRow'] ?? 0).toBe(0);
    expect(again.calls['Range.setValues'] ?? 0).toBe(0);
    sheet(ss, DELEGATES).getRange('F9').setValue(1850);
    validate(ss);
    const report = sheet(ss, 'Kiểm tra').getDataRange().getValues();
    expect(report.some((r) => r[1] === DELEGATES && r[2] === 'F9')).toBe(true);
  });
});

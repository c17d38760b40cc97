/**
 * "Thiết lập bảng tính" makes the add-in's hidden record of the marks (MARK_RECORD_SHEET) as the first
 * validation would, so that validation creates nothing and reads it in one call; `Kiểm tra`'s columns
 * get the text format validation gives them. A workbook set up by an older version (no record sheet)
 * still gets it from validation. An interrupted setup finishes on its next run; a record sheet the
 * officer unhid, renamed or edited is left as validation leaves it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';
import { MESSAGES } from '../../src/ui/vi';
import { workbookSnapshot } from './setup-trust-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOW = '2024-01-14T09:00:00+07:00';
const HEADER = ['Trang tính', 'Ô', 'Màu nền đã tô', 'Ghi chú đã ghi'];
const isWrite = (key: string) =>
  /\.(set|insert|protect|clear|delete|add|remove|hide|show)/.test(key) && !key.startsWith('DataValidationBuilder.');

/** The lang-son sample (set up, typed in), as a setup of this version leaves it. */
function sample(): LocalSpreadsheet {
  const s = SAMPLES['lang-son'];
  if (!s) throw new Error('no lang-son sample');
  return buildSample(s);
}

/** The same workbook as an older version left it: no record sheet until the first validation. */
function olderSample(): LocalSpreadsheet {
  const ss = sample();
  ss.deleteSheet(ss.getSheetByName(MARK_RECORD_SHEET) as never);
  return ss;
}

function sheet(ss: LocalSpreadsheet, name: string): Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as unknown as Sheet;
}

function recordValues(ss: LocalSpreadsheet): unknown[][] {
  return sheet(ss, MARK_RECORD_SHEET).getDataRange().getValues();
}

function setup(rt: Runtime) {
  return runBundle(rt, 'setupWorkbook') as { result: SetupResultDto; calls: Record<string, number> };
}

function validate(rt: Runtime) {
  return runBundle(rt, 'validateAll') as { result: ValidationResultDto; calls: Record<string, number> };
}

/** Every sheet's cells, by name (the record sheet sits where it was inserted), and which are hidden. */
function byName(ss: LocalSpreadsheet) {
  const hidden = Object.fromEntries(ss.getSheets().map((s) => [s.getName(), s.isSheetHidden()]));
  const cells = Object.fromEntries(workbookSnapshot(ss).map((s) => [s.name, s]));
  return { hidden, cells };
}

describe('setup makes the record sheet', () => {
  it('on an empty workbook: hidden, its header row only, not listed as a sheet for the officer', () => {
    const rt = new Runtime({ now: NOW });
    const { result } = setup(rt);
    const record = sheet(rt.spreadsheet, MARK_RECORD_SHEET);
    expect(record.isSheetHidden()).toBe(true);
    expect(recordValues(rt.spreadsheet)).toEqual([HEADER]);
    expect(result.createdSheets).not.toContain(MARK_RECORD_SHEET);
    expect(result.message).not.toContain(MARK_RECORD_SHEET);
    // Setup still shows the first sheet to fill, never the hidden record.
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Đơn vị');
  });

  it('on a workbook set up by an older version: made without moving the officer, nothing else written', () => {
    const ss = olderSample();
    ss.setActiveSheet(ss.getSheetByName('Đại biểu') as never);
    const before = workbookSnapshot(ss);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const { result, calls } = setup(rt);
    expect(result.message).toBe(MESSAGES.setupNothing);
    expect(ss.getActiveSheet().getName()).toBe('Đại biểu');
    expect(sheet(ss, MARK_RECORD_SHEET).isSheetHidden()).toBe(true);
    expect(recordValues(ss)).toEqual([HEADER]);
    // Only the record sheet's writes; every other sheet cell for cell as it was.
    expect(Object.keys(calls).filter(isWrite).sort()).toEqual([
      'Range.setValues',
      'Sheet.hideSheet',
      'Spreadsheet.insertSheet',
      'Spreadsheet.setActiveSheet',
    ]);
    expect(workbookSnapshot(ss).filter((s) => s.name !== MARK_RECORD_SHEET)).toEqual(before);
  });

  it('run again: nothing to do, one lookup and one size read for the record sheet', () => {
    const ss = sample();
    const { calls } = setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(Object.keys(calls).filter(isWrite)).toEqual([]);
    expect(calls['Sheet.getLastRow']).toBeGreaterThanOrEqual(1);
  });
});

describe('the first validation after setup', () => {
  const made = sample();
  const older = olderSample();
  const first = validate(new Runtime({ spreadsheet: made, now: NOW }));
  const old = validate(new Runtime({ spreadsheet: older, now: NOW }));

  it('creates nothing and reads the record in one call: 4 calls (and the sheet list) fewer than when it creates the record', () => {
    for (const k of [
      'Spreadsheet.insertSheet',
      'Sheet.hideSheet',
      'Spreadsheet.getActiveSheet',
      'Spreadsheet.setActiveSheet',
      'Sheet.isSheetHidden',
      'Sheet.getDataRange',
    ])
      expect(first.calls[k] ?? 0).toBe(0);
    expect(old.calls['Spreadsheet.insertSheet']).toBe(1);
    expect(first.calls['Sheet.getSheetValues']).toBe((old.calls['Sheet.getSheetValues'] ?? 0) + 1);
    // Without the record's exact name, validation also reads the sheet list once (one getSheets, one
    // getName a sheet) for a record the officer renamed in capitals only (attack5-record-capitals).
    const sheets = older.getSheets().length - 1; // before this validation made the record
    expect((old.calls['Spreadsheet.getSheets'] ?? 0) - (first.calls['Spreadsheet.getSheets'] ?? 0)).toBe(1);
    expect((old.calls['Sheet.getName'] ?? 0) - (first.calls['Sheet.getName'] ?? 0)).toBe(sheets);
    expect((old.calls.total ?? 0) - (first.calls.total ?? 0)).toBe(4 + 1 + sheets);
  });

  it('leaves the same workbook, the same record and the same answer as a validation that creates it', () => {
    expect(first.result).toEqual(old.result);
    expect(first.result.total).toBeGreaterThan(0);
    expect(recordValues(made).length).toBeGreaterThan(1);
    expect(recordValues(made)).toEqual(recordValues(older));
    expect(byName(made)).toEqual(byName(older));
    expect(made.getActiveSheet().getName()).toBe(older.getActiveSheet().getName());
  });

  it('writes no number format on `Kiểm tra` (setup gave it text), and a re-run writes nothing', () => {
    expect(first.calls['Range.setNumberFormat'] ?? 0).toBe(0);
    const again = validate(new Runtime({ spreadsheet: made, now: NOW }));
    expect(Object.keys(again.calls).filter(isWrite)).toEqual(['Properties.setProperty']);
  });
});

describe('`Kiểm tra` whose format the officer changed', () => {
  it('is given the text format again where the report is written', () => {
    const ss = sample();
    const report = sheet(ss, 'Kiểm tra');
    report.getRange('B2:C40').setNumberFormat('0.00');
    report.getRange('A5:E5').setNumberFormat('dd/mm/yyyy');
    const { result, calls } = validate(new Runtime({ spreadsheet: ss, now: NOW }));
    const total = result.total ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(calls['Range.setNumberFormat']).toBe(1);
    const formats = report.getRange(2, 1, total, 5).getNumberFormats();
    expect(formats.flat().every((f) => f === '@')).toBe(true);
    // The report's values are its text (a sheet name, an A1 reference), never parsed.
    const values = report.getRange(2, 1, total, 5).getValues();
    expect(values.flat().every((v) => typeof v === 'string')).toBe(true);
  });
});

describe('a record sheet the officer touched', () => {
  it('unhidden: setup leaves it visible and writes nothing; validation reads it as before', () => {
    const ss = sample();
    validate(new Runtime({ spreadsheet: ss, now: NOW }));
    sheet(ss, MARK_RECORD_SHEET).showSheet();
    const records = recordValues(ss);
    const { calls } = setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(Object.keys(calls).filter(isWrite)).toEqual([]);
    expect(sheet(ss, MARK_RECORD_SHEET).isSheetHidden()).toBe(false);
    expect(recordValues(ss)).toEqual(records);
  });

  it('header row deleted by hand: setup leaves the records as they are', () => {
    const ss = sample();
    validate(new Runtime({ spreadsheet: ss, now: NOW }));
    const record = sheet(ss, MARK_RECORD_SHEET);
    record.deleteRow(1);
    const records = recordValues(ss);
    const { calls } = setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(Object.keys(calls).filter(isWrite)).toEqual([]);
    expect(recordValues(ss)).toEqual(records);
  });

  it('renamed: setup makes a new record sheet, as validation would, and leaves the renamed one alone', () => {
    const ss = sample();
    validate(new Runtime({ spreadsheet: ss, now: NOW }));
    const renamed = sheet(ss, MARK_RECORD_SHEET);
    renamed.setName('Đánh dấu cũ');
    const kept = renamed.getDataRange().getValues();
    setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(recordValues(ss)).toEqual([HEADER]);
    expect(sheet(ss, MARK_RECORD_SHEET).isSheetHidden()).toBe(true);
    expect(sheet(ss, 'Đánh dấu cũ').getDataRange().getValues()).toEqual(kept);
  });

  it('renamed in capitals: setup goes through and writes nothing (Google would refuse a second one)', () => {
    const ss = sample();
    sheet(ss, MARK_RECORD_SHEET).setName('tạm');
    sheet(ss, 'tạm').setName(MARK_RECORD_SHEET.toUpperCase());
    const { result, calls } = setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(result.message).toBe(MESSAGES.setupNothing);
    expect(Object.keys(calls).filter(isWrite)).toEqual([]);
  });

  it('emptied by hand while visible: setup hides it again and gives it its header', () => {
    const ss = sample();
    const record = sheet(ss, MARK_RECORD_SHEET);
    record.showSheet();
    record.getRange(1, 1, 1, 4).clearContent();
    setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(record.isSheetHidden()).toBe(true);
    expect(recordValues(ss)).toEqual([HEADER]);
  });
});

describe('setup interrupted at each write of the record sheet, then run again', () => {
  const clean = olderSample();
  clean.setActiveSheet(clean.getSheetByName('Đại biểu') as never);
  const cleanRun = setup(new Runtime({ spreadsheet: clean, now: NOW }));
  const expected = byName(clean);
  const points = Object.entries(cleanRun.calls)
    .filter(([key]) => isWrite(key) || key === 'SpreadsheetApp.flush')
    .flatMap(([key, n]) => Array.from({ length: n }, (_, after) => [key, after] as const));

  it('has the record sheet’s writes to interrupt', () => {
    expect(points.map(([k]) => k).sort()).toEqual([
      'Range.setValues',
      'Sheet.hideSheet',
      'Spreadsheet.insertSheet',
      'Spreadsheet.setActiveSheet',
      'SpreadsheetApp.flush',
      'SpreadsheetApp.flush',
    ]);
  });

  it.each(points)('at %s #%i: the next run finishes it, and validation then creates nothing', (key, after) => {
    const ss = olderSample();
    ss.setActiveSheet(ss.getSheetByName('Đại biểu') as never);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    rt.failOn(key, { after });
    let message = '';
    try {
      setup(rt);
    } catch (e) {
      message = (e as Error).message;
    }
    const lockFlush = key === 'SpreadsheetApp.flush' && after > 0;
    if (!lockFlush) {
      expect(message).not.toBe('');
      // The record sheet, once added, is named (it is a sheet the run changed).
      if (ss.getSheetByName(MARK_RECORD_SHEET)) expect(message).toContain(`"${MARK_RECORD_SHEET}"`);
    }
    rt.clearFaults();
    setup(rt);
    expect(byName(ss)).toEqual(expected);
    expect(ss.getActiveSheet().isSheetHidden()).toBe(false);
    const third = setup(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(Object.keys(third.calls).filter(isWrite)).toEqual([]);
    const v = validate(new Runtime({ spreadsheet: ss, now: NOW }));
    expect(v.calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    expect(recordValues(ss).length).toBeGreaterThan(1);
  });
});

describe('the first validation of a workbook set up by an older version (it creates the record sheet)', () => {
  const clean = olderSample();
  const cleanRun = validate(new Runtime({ spreadsheet: clean, now: NOW }));
  const expected = byName(clean);
  // The first and the last call of every kind of write (all of them would take minutes).
  const points = Object.entries(cleanRun.calls)
    .filter(([key]) => isWrite(key) || key === 'SpreadsheetApp.flush')
    .flatMap(([key, n]) => [...new Set([0, n - 1])].map((after) => [key, after] as const));

  it('creates it, hidden, with the same record a setup-made one gets', () => {
    expect(cleanRun.calls['Spreadsheet.insertSheet']).toBe(1);
    expect(sheet(clean, MARK_RECORD_SHEET).isSheetHidden()).toBe(true);
    expect(points.map(([k]) => k)).toContain('Spreadsheet.insertSheet');
  });

  it.each(points)('interrupted at %s #%i, then run again: the same workbook as an uninterrupted run', (key, after) => {
    const ss = olderSample();
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    rt.failOn(key, { after });
    try {
      validate(rt);
    } catch {
      // the message is tested by the validation fault sweeps
    }
    rt.clearFaults();
    validate(rt);
    expect(byName(ss)).toEqual(expected);
  });
});

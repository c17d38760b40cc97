/**
 * validateAll reads each sheet whole with one getSheetValues(1, 1, -1, -1) (one call fewer than
 * getDataRange + getValues). What Google does on a sheet without any data is not documented: the
 * local runtime refuses (a range of 0 rows), and validation then reads that sheet the documented way.
 * A refused or failed read is read again once; the user gets the same result either way.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOW = '2024-01-14T09:00:00+07:00';

function validate(ss: LocalSpreadsheet, runtime = new Runtime({ spreadsheet: ss, now: NOW })) {
  return runBundle(runtime, 'validateAll') as { result: ValidationResultDto; calls: Record<string, number> };
}

function sheet(ss: LocalSpreadsheet, name: string): Sheet {
  return ss.getSheetByName(name) as unknown as Sheet;
}

describe('budget: whole-sheet reads', () => {
  builtCodePath();

  it('the runtime refuses getSheetValues(1, 1, -1, -1) on a sheet without data, as getRange refuses 0 rows', () => {
    const ss = buildSample(LANG_SON);
    const empty = ss.insertSheet('Trống') as unknown as Sheet;
    expect(() => empty.getSheetValues(1, 1, -1, -1)).toThrow(/number of rows/i);
    const meetings = sheet(ss, 'Cuộc họp');
    expect(meetings.getSheetValues(1, 1, -1, -1)).toEqual(meetings.getDataRange().getValues());
  });

  it('a data sheet emptied by the user is read the documented way; the problems are those of the same data', () => {
    const ss = buildSample(LANG_SON);
    sheet(ss, 'Cuộc họp').clear();
    const run = validate(ss);
    // The emptied sheet only: one refused getSheetValues, then getDataRange + getValues.
    expect(run.calls['Sheet.getDataRange']).toBe(1);
    expect(run.result.total).toBeGreaterThan(0);
    // The same workbook validated again gives the same problems.
    const again = validate(ss);
    expect(again.result.problems).toEqual(run.result.problems);
  });

  it('a `Kiểm tra` cleared by the user is still the report (rewritten), read without failing', () => {
    const ss = buildSample(LANG_SON);
    validate(ss);
    sheet(ss, 'Kiểm tra').clear();
    const run = validate(ss);
    expect(run.result.total).toBeGreaterThan(0);
    const rows = sheet(ss, 'Kiểm tra').getDataRange().getValues();
    expect(rows.length).toBe((run.result.total ?? 0) + 1);
  });

  it('a failing read is read once more: same result, same workbook as a run without the failure', () => {
    const clean = buildSample(LANG_SON);
    const faulty = buildSample(LANG_SON);
    const expected = validate(clean);
    const runtime = new Runtime({ spreadsheet: faulty, now: NOW });
    runtime.failOn('Sheet.getSheetValues', { after: 4 });
    const got = validate(faulty, runtime);
    expect(got.result.problems).toEqual(expected.result.problems);
    expect(diff(snapshot(clean), snapshot(faulty))).toEqual([]);
  });

  it('a lasting outage still fails with the service message and leaves the workbook as it was', () => {
    const ss = buildSample(LANG_SON);
    const before = snapshot(ss);
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn('Sheet.getSheetValues', { after: 2, times: Number.POSITIVE_INFINITY });
    runtime.failOn('Sheet.getDataRange', { times: Number.POSITIVE_INFINITY });
    expect(() => validate(ss, runtime)).toThrow(/Google/);
    expect(diff(before, snapshot(ss))).toEqual([]);
  });
});

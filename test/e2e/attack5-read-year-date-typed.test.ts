/**
 * A date typed into the template's `Năm sinh` cell, which is formatted as a whole number ("0"): the
 * cell holds the date's serial number and shows it ("32874"). Google's getValues answers a Date only
 * for a cell whose format is a date or time format; a serial shown through a number format is a
 * Number (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues(): "values
 * of type Number, Boolean, Date, or String, depending on the value of the cell"; a date is a number
 * with a date format: https://developers.google.com/sheets/api/guides/formats#about_date_and_time_values).
 * The runtime gave a Date there; the add-in then read the year silently. Now: a Number, and validation
 * names the cell and says what the officer sees.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';

describe('a date typed into the whole-number Năm sinh cell', () => {
  beforeAll(() => builtCodePath());

  test('reads as the number it shows, and validation names the cell with the day it stands for', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    if (!sheet) throw new Error('no Đại biểu');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as unknown[];
    const col = header.indexOf('Năm sinh') + 1;
    const cell = sheet.getRange(2, col);
    cell.setNumberFormat('0');
    cell.setValue('01/01/1990');
    expect(cell.getDisplayValue()).toBe('32874');
    expect(cell.getNumberFormat()).toBe('0');
    expect(cell.getValue()).toBe(32874);
    expect(cell.getValues()).toEqual([[32874]]);
    const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
    const at = v.problems.filter((p) => p.sheet === 'Đại biểu' && p.cell === cell.getA1Notation());
    expect(at.map((p) => [p.severity, p.message])).toEqual([
      [
        'error',
        'Năm sinh: "32874" không phải là năm: ô định dạng số đang hiện số của ngày 01/01/1990; hãy ghi năm sinh gồm 4 chữ số (ví dụ 1990).',
      ],
    ]);
  });
});

// KNOWN GAP (not fixed by the deadline): a day typed into `Dân số DTTS` of `Đơn vị` (a number format)
// is kept as its serial number and read as a population (01/01/2024 → 45292 people), silently.
test.failing('a day typed into a population cell is reported, naming the cell', () => {
  builtCodePath();
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
  const units = runtime.spreadsheet.getSheetByName('Đơn vị');
  if (!units) throw new Error('no Đơn vị');
  units.getRange('D3').setValue('01/01/2024');
  const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
  expect(v.problems.some((p) => p.sheet === 'Đơn vị' && p.cell === 'D3' && p.severity === 'error')).toBe(true);
});

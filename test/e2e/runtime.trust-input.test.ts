/**
 * setValue(s) interpret strings like typed input, as Google does: the runtime must never keep a
 * string as text where Sheets would turn it into a number, date, time or formula.
 */
import { LocalSpreadsheet, Runtime } from '../../local/runtime';
import { toWallClock } from '../../local/runtime/timezone';

const NOW = '2025-03-10T09:00:00+07:00';

/** Wall clock of a date in the spreadsheet's zone. */
const wall = (d: Date) => {
  const w = toWallClock(d.getTime(), 'Asia/Ho_Chi_Minh');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
};

function cellsOf(locale?: string) {
  const spreadsheet = LocalSpreadsheet.create(locale ? { locale } : {});
  const runtime = new Runtime({ spreadsheet, now: NOW });
  const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const write = (text: string, format?: string) => {
    const cell = sheet.getRange('A1');
    cell.clear();
    if (format) cell.setNumberFormat(format);
    cell.setValue(text);
    return { value: cell.getValue(), formula: cell.getFormula(), display: cell.getDisplayValue() };
  };
  return { runtime, sheet, write };
}

describe('typed input in vi_VN (day first)', () => {
  const { write } = cellsOf();

  test.each([
    ['06100', 6100],
    ['007', 7],
    ['1E5', 100000],
    ['1e-3', 0.001],
    ['-2,5', -2.5],
    ['1.234.567', 1234567],
    ['+84912345678', 84912345678],
    ['0912345678', 912345678],
  ])('%s becomes the number %p', (text, expected) => {
    expect(write(text).value).toBe(expected);
  });

  test('long digit strings keep 15 significant digits, like Sheets', () => {
    expect(write('12345678901234567890').value).toBe(1.23456789012346e19);
    expect(write('0012345678901234567').value).toBe(12345678901234600);
    expect(write('1234567890123456').value).toBe(1234567890123460);
  });

  test('day/month without a year is a date in the current year (of the runtime clock)', () => {
    const v = write('1/5').value as Date;
    expect(v).toBeInstanceOf(Date);
    expect(v.toISOString()).toBe('2025-04-30T17:00:00.000Z');
    expect((write('31-12').value as Date).toISOString()).toBe('2025-12-30T17:00:00.000Z');
    // Not a date: stays text.
    expect(write('13/13').value).toBe('13/13');
    // Month and year: the first of the month.
    expect((write('5/2024').value as Date).toISOString()).toBe('2024-04-30T17:00:00.000Z');
    expect(write('13/2024').value).toBe('13/2024');
  });

  test('times become a time of day on Sheets’ day zero (30 Dec 1899), shown as typed', () => {
    const t = write('12:30');
    expect(t.value).toBeInstanceOf(Date);
    // (Read back through the zone's 1899 local mean time, like Apps Script; compare the day only.)
    expect(wall(t.value as Date).slice(0, 10)).toBe('1899-12-30');
    expect(t.display).toBe('12:30');
    expect(write('7:05:09').display).toBe('7:05:09');
    expect(write('25:00').value).toBe('25:00');
  });

  test('"=…" becomes a formula; an apostrophe keeps it (and anything) text without the apostrophe', () => {
    expect(write('=1+1').formula).toBe('=1+1');
    expect(write("'=1+1")).toMatchObject({ value: '=1+1', formula: '' });
    expect(write("'06100").value).toBe('06100');
    expect(write("'1/5").value).toBe('1/5');
  });

  test('text starting with + or - that is not a number is read as a formula (strict)', () => {
    expect(write('- ghi chú')).toMatchObject({ formula: '=- ghi chú', value: '' });
    expect(write('+abc').formula).toBe('=+abc');
    expect(write("'- ghi chú")).toMatchObject({ formula: '', value: '- ghi chú' });
    expect(write('-').value).toBe('-');
    expect(write('- ghi chú', '@').value).toBe('- ghi chú');
  });

  test('a plain-text cell ("@") keeps strings as typed, but "=…" still becomes a formula (strict)', () => {
    expect(write('06100', '@').value).toBe('06100');
    expect(write('1/5', '@').value).toBe('1/5');
    expect(write('12:30', '@').value).toBe('12:30');
    expect(write('12345678901234567890', '@').value).toBe('12345678901234567890');
    expect(write('=A2', '@').formula).toBe('=A2');
    expect(write("'=A2", '@')).toMatchObject({ value: '=A2', formula: '' });
  });
});

describe('typed input in en_US (month first)', () => {
  const { write } = cellsOf('en_US');
  test('1/5 is 5 January of the current year; 1,234.5 a number', () => {
    expect((write('1/5').value as Date).toISOString()).toBe('2025-01-04T17:00:00.000Z');
    expect(write('1,234.5').value).toBe(1234.5);
    const pm = write('3:15 PM');
    expect(wall(pm.value as Date).slice(0, 10)).toBe('1899-12-30');
    expect(pm.display).toBe('3:15 PM');
  });
});

test('setValues interprets every string of the matrix the same way', () => {
  const { sheet } = cellsOf();
  const range = sheet.getRange('A1:D1');
  range.setValues([['06100', '1/5', '12:30', "'007"]]);
  const [a, b, c, d] = range.getValues()[0] as unknown[];
  expect(a).toBe(6100);
  expect(b).toBeInstanceOf(Date);
  expect(c).toBeInstanceOf(Date);
  expect(d).toBe('007');
});

/**
 * Attack on the birth-year rule through the built add-in: a congress year typed short ("24") or
 * mistyped ("20245") was taken as the year ages count from, so every delegate got an error "sau năm
 * Đại hội (24)" and the cell to fix (Cấu hình, Năm) none. Also: a year typed with a thousands
 * separator ("1,990") is 1990 without a warning that writes the year back as "1.990".
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { ProblemList } from '../../src/domain/problem';
import { readDelegates, readSettingsWithCells, readUnits, UnitIndex } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { setSetting } from '../trust/settings';

function validateWithYear(year: CellValue) {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
  const cell = setSetting(runtime.spreadsheet, 'Năm', year);
  const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
  return { v, cell };
}

describe('attack: the congress year typed wrong', () => {
  beforeAll(() => builtCodePath());

  it.each([[24], [20245], ['24']])('Năm = %p is one error at its cell, never an error per delegate', (typed) => {
    const { v, cell } = validateWithYear(typed);
    const atYear = v.problems.filter((p) => p.sheet === 'Cấu hình' && p.cell === cell);
    expect(atYear.map((p) => [p.rule, p.severity])).toEqual([['setting-invalid', 'error']]);
    expect(atYear[0]?.message).toBe(
      `Năm: "${typed}" không phải là năm tổ chức Đại hội (ghi đủ 4 chữ số, từ 1945 đến 2100, ví dụ 2024).`,
    );
    expect(v.problems.filter((p) => p.rule === 'birth-year-implausible')).toEqual([]);
  });

  it('Năm = 2024 still counts ages from 2024', () => {
    const { v, cell } = validateWithYear(2024);
    expect(v.problems.filter((p) => p.sheet === 'Cấu hình' && p.cell === cell)).toEqual([]);
  });
});

describe('attack: birth years typed with a separator', () => {
  const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);
  function read(years: CellValue[]) {
    const problems = new ProblemList();
    readSettingsWithCells(
      [
        ['Thông số', 'Giá trị', 'Ghi chú'],
        ['Năm', 2024],
      ],
      420,
      problems,
    );
    const index = new UnitIndex(readUnits([header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems));
    const delegates = readDelegates(
      [header('delegates'), ...years.map((y, i) => [i + 1, `Người ${i}`, 'A', 'Tày', 'Nam', y, '', 'Khách mời'])],
      index,
      problems,
    );
    return { years: delegates.map((d) => d.data.birthYear), messages: problems.items.map((p) => p.message) };
  }

  it('"1.990", "1,990" and " 1990 " are 1990, with no message', () => {
    expect(read(['1.990', '1,990', ' 1990 '])).toEqual({ years: [1990, 1990, 1990], messages: [] });
  });

  it('"1990.5", "1990,5" and "65" stay errors naming what was typed', () => {
    const { years, messages } = read(['1990.5', '1990,5', '65']);
    expect(years).toEqual([null, null, null]);
    expect(messages).toEqual([
      'Năm sinh: "1990.5" không phải là năm gồm 4 chữ số.',
      'Năm sinh: "1990,5" không phải là năm gồm 4 chữ số.',
      'Năm sinh: "65" không phải là năm gồm 4 chữ số.',
    ]);
  });
});

describe('attack: a birth year typed into a cell formatted as a date', () => {
  // Apps Script's getValues gives a Date for a date-formatted cell: 1990 typed there is 12/06/1905
  // (day 1990 after 30/12/1899). It was read as born in 1905, and printed so in the delegate list.
  const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);
  function read(years: CellValue[]) {
    const problems = new ProblemList();
    const index = new UnitIndex(readUnits([header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems));
    const delegates = readDelegates(
      [header('delegates'), ...years.map((y, i) => [i + 1, `Người ${i}`, 'A', 'Tày', 'Nam', y, '', 'Khách mời'])],
      index,
      problems,
    );
    return {
      years: delegates.map((d) => d.data.birthYear),
      problems: problems.items.map((p) => [p.rule, p.severity, p.cell, p.message]),
    };
  }

  it('reads the nearest day number from a spreadsheet in another zone (Bangkok, 1905: +6:42)', () => {
    // Midnight of 12/06/1905 in Bangkok is 23:35 on 11/06 in the script's zone (Hồ Chí Minh, +7:06).
    expect(read([new Date(1905, 5, 11, 23, 35)]).years).toEqual([1990]);
    expect(read([new Date(1905, 5, 12, 0, 24)]).years).toEqual([1990]);
  });

  it('reads the day number back as the year, with a warning at the cell', () => {
    expect(read([new Date(1905, 5, 12), new Date(1990, 2, 15)])).toEqual({
      years: [1990, 1990],
      problems: [
        [
          'cell-doubtful',
          'warning',
          'F2',
          'Năm sinh: ô định dạng ngày tháng hiện 12/06/1905, được hiểu là năm 1990; nên định dạng cột này là số (Định dạng > Số > Số).',
        ],
      ],
    });
  });
});

describe('attack: the runtime reads a date-formatted number as Google does', () => {
  beforeAll(() => builtCodePath());

  it('getValue/getValues give a Date; validation reads the year typed, with a warning at the cell', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu')!;
    const cell = sheet.getRange('F2');
    cell.setNumberFormat('dd/mm/yyyy');
    cell.setValue(1990);
    expect(cell.getDisplayValue()).toBe('12/06/1905');
    expect(cell.getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('F2:F3').getValues()[0]?.[0]).toBeInstanceOf(Date);
    const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
    const atCell = v.problems.filter((p) => p.sheet === 'Đại biểu' && p.cell === 'F2');
    expect(atCell.map((p) => [p.rule, p.severity])).toEqual([['cell-doubtful', 'warning']]);
    expect(atCell[0]?.message).toContain('được hiểu là năm 1990');
  });
});

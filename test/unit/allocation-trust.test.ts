/** Codes matched as text, digit codes Sheets turned into numbers, and text written so that it stays text. */
import { matchUnitRows, planAllocation } from '../../src/domain/allocation';
import { offsetAt } from '../../src/domain/dates';
import { ProblemList } from '../../src/domain/problem';
import {
  numericCodeKey,
  readAllocationTable,
  readDelegates,
  readSettingsWithCells,
  readUnits,
  UnitIndex,
} from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import { cellText, restoreInput, textInput } from '../../src/domain/values';

describe('matchUnitRows', () => {
  it('matches codes as text first, then a digit code read as a number, the first row winning', () => {
    const { matches, duplicates } = matchUnitRows(
      ['06100', '06103', 'HL'],
      ['Tổng cộng', '6100', '06103', null, 'hl', '06103', '6103'],
    );
    expect(Object.fromEntries(matches)).toEqual({
      '06100': { index: 1, numeric: true },
      '06103': { index: 2, numeric: false },
      HL: { index: 4, numeric: false },
    });
    expect(duplicates).toEqual([5, 6]);
  });

  it('never matches a number shared by two digit codes, nor a code that is not digits', () => {
    expect(matchUnitRows(['0610', '00610'], ['610']).matches.size).toBe(0);
    expect(matchUnitRows(['A01'], ['1']).matches.size).toBe(0);
  });

  it('prefers the row holding the code as text over an earlier row holding its number', () => {
    const { matches, duplicates } = matchUnitRows(['06100'], ['6100', '06100']);
    expect(matches.get('06100')).toEqual({ index: 1, numeric: false });
    expect(duplicates).toEqual([0]);
  });
});

describe('UnitIndex and the numeric code of `Đại biểu`', () => {
  const units = readUnits(
    [
      SHEETS.units.columns.map((c) => c.header),
      ['06100', 'Xã Một', 1000, 800, '', '', ''],
      ['06103', 'Xã Hai', 1000, 800, '', '', ''],
    ],
    new ProblemList(),
  );
  const index = new UnitIndex(units);

  it('resolves 6100 to "06100" only as a fallback', () => {
    expect(numericCodeKey('06100')).toBe('6100');
    expect(index.resolve('6100')?.data.code).toBe('06100');
    expect(index.numericMatch('6100')?.data.code).toBe('06100');
    expect(index.numericMatch('06100')).toBeUndefined();
    expect(index.resolve('610')).toBeUndefined();
  });

  it('warns naming the sheet and cell', () => {
    const problems = new ProblemList();
    const header = SHEETS.delegates.columns.map((c) => c.header);
    const delegates = readDelegates(
      [header, [1, 'Lò Văn A', 6100, 'Thái', 'Nam', 1980, '', 'Chính thức', '', '']],
      index,
      problems,
    );
    expect(delegates[0]?.unitRecord?.data.code).toBe('06100');
    const warning = problems.items.find((p) => p.rule === 'unit-code-number');
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Đại biểu', cell: 'C2' });
    expect(warning?.message).toContain('"06100"');
    expect(problems.items.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('text written so that it stays text', () => {
  it("quotes every string in a cell that is not plain text, and only = and ' in a plain-text cell", () => {
    expect(textInput('06100', false)).toBe("'06100");
    expect(textInput('Hữu Lũng', false)).toBe("'Hữu Lũng");
    expect(textInput('06100', true)).toBe('06100');
    expect(textInput('1/5', true)).toBe('1/5');
    expect(textInput('=HYPERLINK("x")', true)).toBe(`'=HYPERLINK("x")`);
    expect(textInput("'quoted", true)).toBe("''quoted");
    expect(textInput('', false)).toBe('');
  });

  it('restores a formula as a formula, text as text, other values as they are', () => {
    expect(restoreInput(42, '=SUM(C2:C12)', false)).toBe('=SUM(C2:C12)');
    expect(restoreInput('06100', '', false)).toBe("'06100");
    expect(restoreInput('=not a formula', '', true)).toBe("'=not a formula");
    expect(restoreInput(6100, '', true)).toBe(6100);
    const d = new Date(0);
    expect(restoreInput(d, '', false)).toBe(d);
  });
});

describe('offsetAt', () => {
  it("gives Asia/Ho_Chi_Minh's offset of the time for +07:00, and any other fixed offset as it is", () => {
    expect(offsetAt(420, Date.UTC(2024, 0, 12, 16))).toBe(420);
    expect(offsetAt(420, Date.UTC(1968, 4, 14, 16))).toBe(480);
    expect(offsetAt(420, Date.UTC(1945, 4, 1))).toBe(540);
    expect(offsetAt(420, Date.UTC(1950, 0, 1))).toBe(480);
    expect(offsetAt(420, Date.UTC(1957, 0, 1))).toBe(420);
    expect(offsetAt(60, Date.UTC(1968, 4, 14, 16))).toBe(60);
    expect(offsetAt(() => 120, 0)).toBe(120);
  });

  it('shows a date cell as the day Sheets shows, in 1968 as today', () => {
    expect(cellText(new Date('1968-05-14T16:00:00Z'))).toBe('15/05/1968'); // midnight at +08:00
    expect(cellText(new Date('2024-01-12T16:30:00Z'))).toBe('12/01/2024'); // 23:30 at +07:00
  });
});

describe('planAllocation and a `Phân bổ` code Sheets turned into a number', () => {
  it('keeps the adjustment of the row and warns naming the cell (so validation says it too)', () => {
    const problems = new ProblemList();
    const config = [
      ['Thông số', 'Giá trị', 'Ghi chú'],
      ['Tổng số đại biểu chính thức', 10],
      ['Phương pháp phân bổ', 'Hamilton'],
    ];
    const { settings, cells } = readSettingsWithCells(config, 420, problems);
    const units = readUnits(
      [
        SHEETS.units.columns.map((c) => c.header),
        ['06100', 'Xã Một', 1000, 600, '', '', ''],
        ['06103', 'Xã Hai', 1000, 400, '', '', ''],
      ],
      problems,
    );
    const allocation = readAllocationTable(
      [SHEETS.allocation.columns.map((c) => c.header), [6100, 'Xã Một', 600, 6, 6, 2, 8, 0, -8, '']],
      problems,
    );
    const plan = planAllocation(settings, cells, units, allocation.rows, [], problems);
    expect(plan.rows.find((r) => r.code === '06100')?.adjustment).toBe(2);
    const warning = problems.items.find((p) => p.rule === 'unit-code-number');
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Phân bổ', cell: 'A2' });
    expect(warning?.message).toContain('"06100"');
  });
});

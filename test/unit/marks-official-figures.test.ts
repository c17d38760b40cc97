/**
 * officialFigureProblems: the figures of `Phân bổ` a notice would print are checked before they
 * are printed (Số chính thức = Số phân bổ + Điều chỉnh, never negative, adding up to the total).
 */
import { officialFigureProblems } from '../../src/domain/checks/officialFigures';
import { ProblemList } from '../../src/domain/problem';
import { readAllocationTable } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const HEADER = SHEETS.allocation.columns.map((c) => c.header);

/** A `Phân bổ` grid: [code, seats, adjustment, final] per unit. */
function rows(units: [string, number, number | '', number | ''][]) {
  const col = (key: string) => SHEETS.allocation.columns.findIndex((c) => c.key === key);
  const grid: CellValue[][] = [HEADER];
  for (const [code, seats, adjustment, final] of units) {
    const r: CellValue[] = HEADER.map(() => '');
    r[col('code')] = code;
    r[col('name')] = `Huyện ${code}`;
    r[col('seats')] = seats;
    r[col('adjustment')] = adjustment;
    r[col('final')] = final;
    grid.push(r);
  }
  return readAllocationTable(grid, new ProblemList()).rows;
}

const finalCol = (row: number) =>
  `${String.fromCharCode(65 + SHEETS.allocation.columns.findIndex((c) => c.key === 'final'))}${row}`;

describe('officialFigureProblems', () => {
  it('accepts figures that add up', () => {
    const r = rows([
      ['A', 100, '', 100],
      ['B', 90, 5, 95],
      ['C', 60, -5, 55],
    ]);
    expect(officialFigureProblems({ rows: r, officialTotal: 250, fixedSeats: 0 })).toEqual([]);
  });

  it("the officer's own total row (Tổng cộng / Cộng:) is not a unit and is not added to the total", () => {
    const r = rows([
      ['A', 100, '', 100],
      ['B', 150, '', 150],
      ['Tổng cộng', 250, '', 250],
      ['Cộng:', 250, '', 250],
    ]);
    expect(officialFigureProblems({ rows: r, officialTotal: 250, fixedSeats: 0 })).toEqual([]);
  });

  it('a −50 Điều chỉnh giving −30 seats and a total of 200 of 250', () => {
    const r = rows([
      ['A', 20, -50, -30],
      ['B', 130, '', 130],
      ['C', 100, '', 100],
    ]);
    const found = officialFigureProblems({ rows: r, officialTotal: 250, fixedSeats: 0 });
    expect(found.map((p) => p.rule)).toEqual(['official-figure-negative', 'official-total-mismatch']);
    expect(found.every((p) => p.severity === 'error' && p.sheet === 'Phân bổ')).toBe(true);
    expect(found[1]?.message).toContain('200');
  });

  it('a Số chính thức typed over by hand (total 263)', () => {
    const r = rows([
      ['A', 100, '', 113],
      ['B', 90, '', 90],
      ['C', 60, '', 60],
    ]);
    const found = officialFigureProblems({ rows: r, officialTotal: 250, fixedSeats: 0 });
    expect(found.map((p) => `${p.rule} ${p.cell}`)).toEqual([
      `official-figure-mismatch ${finalCol(2)}`,
      'official-total-mismatch ',
    ]);
    expect(found[0]?.message).toMatch(/113.*100 \+ Điều chỉnh 0 = 100/);
    expect(found[1]?.message).toContain('263');
  });

  it('counts the fixed seats and reports a blank Số chính thức', () => {
    const r = rows([
      ['A', 100, '', ''],
      ['B', 95, '', 95],
    ]);
    const found = officialFigureProblems({ rows: r, officialTotal: 200, fixedSeats: 5 });
    expect(found.map((p) => p.rule)).toEqual(['official-figure-missing']);
  });
});

import { checkMergedCells, fillMergedColumns, parseArea } from '../../src/domain/merges';
import { ProblemList } from '../../src/domain/problem';
import type { CellValue } from '../../src/domain/values';

describe('merged cells', () => {
  it('parses areas', () => {
    expect(parseArea('C2:C5')).toEqual({ row: 1, col: 2, rows: 4, cols: 1 });
    expect(parseArea('$A$1:$J$1')).toEqual({ row: 0, col: 0, rows: 1, cols: 10 });
    expect(parseArea('B7')).toEqual({ row: 6, col: 1, rows: 1, cols: 1 });
    expect(parseArea('Sheet!A1')).toBeNull();
  });

  it('fills a merged column with its visible value and leaves wider merges alone', () => {
    const grid: CellValue[][] = [
      ['Tiêu đề', '', ''],
      ['a', 'HL', 'x'],
      ['b', '', ''],
      ['c', '', ''],
    ];
    fillMergedColumns(grid, [
      { row: 1, col: 1, rows: 3, cols: 1 },
      { row: 0, col: 0, rows: 1, cols: 3 },
      { row: 1, col: 2, rows: 2, cols: 1 },
    ]);
    expect(grid.map((r) => r.join('|'))).toEqual(['Tiêu đề||', 'a|HL|x', 'b|HL|x', 'c|HL|']);
  });

  it('warns for merges below the header only', () => {
    const problems = new ProblemList();
    checkMergedCells(
      'Đại biểu',
      [
        { row: 0, col: 0, rows: 1, cols: 10 },
        { row: 2, col: 2, rows: 3, cols: 1 },
        { row: 5, col: 1, rows: 1, cols: 2 },
      ],
      2,
      problems,
    );
    expect(problems.items.map((p) => [p.rule, p.cell, p.severity])).toEqual([
      ['cell-merged', 'C3', 'warning'],
      ['cell-merged', 'B6', 'warning'],
    ]);
    expect(problems.items[0]?.message).toContain('C3:C5');
  });
});

/**
 * Merged cells. Staff often merge a unit's name down the rows of its delegates; Sheets then keeps
 * the value in the top-left cell only and the other cells read as empty. Reading fills a merged
 * column area with its visible value (what the user sees), and validation says which cells were merged.
 */
import { a1, type ProblemList } from './problem';
import type { CellValue } from './values';

/** A merged area, 0-based. */
export interface MergedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Parses "B5:B7" (or "B5") into a 0-based area; null when it is not a plain cell range. */
export function parseArea(ref: string): MergedArea | null {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref.replace(/\$/g, ''));
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const c = col(m[1] as string);
  const endRow = m[4] ? Number(m[4]) - 1 : row;
  const endCol = m[3] ? col(m[3]) : c;
  return { row, col: c, rows: endRow - row + 1, cols: endCol - c + 1 };
}

/** Fills each single-column merged area with its top-left value, in place. */
export function fillMergedColumns(grid: CellValue[][], areas: readonly MergedArea[]): void {
  for (const m of areas) {
    if (m.cols !== 1) continue;
    const value = grid[m.row]?.[m.col];
    if (value === undefined) continue;
    for (let r = m.row + 1; r < m.row + m.rows && r < grid.length; r++) {
      const line = grid[r] as CellValue[];
      if (m.col < line.length) line[m.col] = value;
    }
  }
}

/** One warning per merged area reaching below the header row. */
export function checkMergedCells(
  sheet: string,
  areas: readonly MergedArea[],
  headerRow: number,
  problems: ProblemList,
): void {
  for (const m of areas) {
    if (m.row + m.rows <= headerRow) continue;
    const range = `${a1(m.row + 1, m.col + 1)}:${a1(m.row + m.rows, m.col + m.cols)}`;
    problems.warning(
      'cell-merged',
      sheet,
      a1(m.row + 1, m.col + 1),
      m.cols === 1
        ? `Các ô ${range} được gộp; giá trị của ô ${a1(m.row + 1, m.col + 1)} được dùng cho cả vùng.`
        : `Các ô ${range} được gộp; chỉ ô ${a1(m.row + 1, m.col + 1)} có giá trị, các ô còn lại được coi là trống.`,
      'Nên bỏ gộp ô (Định dạng › Gộp ô › Hủy gộp) và ghi giá trị vào từng dòng.',
    );
  }
}

/**
 * Sparse storage of one sheet's cells: values, formulas and formatting, with row/column insertion
 * and deletion, and the content extent (last row/column with a value or formula).
 */
import type { CellValue } from './number-format';

/** Data validation rule kept on a cell (the DataValidation service object). */
export interface StoredValidation {
  readonly criteria: string;
}

/** Everything stored for one cell. Absent properties mean Google's defaults. */
export interface Cell {
  /** Value; null when empty (or when a formula has no known result). */
  value: CellValue | null;
  /** Formula text including the leading "=". */
  formula?: string;
  note?: string;
  /** Lowercase "#rrggbb". */
  background?: string;
  fontWeight?: 'bold';
  fontStyle?: 'italic';
  fontColor?: string;
  fontSize?: number;
  numberFormat?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  validation?: StoredValidation;
  /** Borders set with setBorder, kept only so they can be exported or inspected. */
  border?: string;
}

/** The formatting properties of a cell (everything but value and formula). */
export const FORMAT_KEYS = [
  'background',
  'fontWeight',
  'fontStyle',
  'fontColor',
  'fontSize',
  'numberFormat',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'border',
] as const;

/** Sparse rows of cells, addressed 0-based internally. */
export class CellGrid {
  private rows: (Array<Cell | undefined> | undefined)[] = [];
  private version = 0;
  private extentVersion = -1;
  private extent = { rows: 0, columns: 0 };

  /** The cell at (row, column), 0-based, or undefined when nothing was ever stored there. */
  get(row: number, column: number): Cell | undefined {
    return this.rows[row]?.[column];
  }

  /** The cell at (row, column), created empty when missing. Marks the grid as changed. */
  ensure(row: number, column: number): Cell {
    this.version++;
    let r = this.rows[row];
    if (!r) {
      r = [];
      this.rows[row] = r;
    }
    let c = r[column];
    if (!c) {
      c = { value: null };
      r[column] = c;
    }
    return c;
  }

  /** Calls `fn` for every stored cell with its 0-based coordinates. */
  forEach(fn: (cell: Cell, row: number, column: number) => void): void {
    this.rows.forEach((r, ri) => {
      r?.forEach((c, ci) => {
        if (c) fn(c, ri, ci);
      });
    });
  }

  /** Number of rows and columns up to the last cell holding a value or formula (1-based extent). */
  contentExtent(): { rows: number; columns: number } {
    if (this.extentVersion !== this.version) {
      let rows = 0;
      let columns = 0;
      this.forEach((c, r, col) => {
        if ((c.value !== null && c.value !== '') || c.formula) {
          if (r + 1 > rows) rows = r + 1;
          if (col + 1 > columns) columns = col + 1;
        }
      });
      this.extent = { rows, columns };
      this.extentVersion = this.version;
    }
    return this.extent;
  }

  /** Inserts `count` empty rows before 0-based row `at`. */
  insertRows(at: number, count: number): void {
    this.version++;
    if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<undefined>(count));
  }

  /**
   * Gives rows `at`…`at + count − 1` (0-based, just inserted) the formatting and data validation of
   * 0-based row `from` (never its value, formula or note).
   */
  inheritRowFormat(from: number, at: number, count: number): void {
    const source = this.rows[from];
    if (!source) return;
    source.forEach((c, column) => {
      if (!c) return;
      const format: Partial<Cell> = {};
      for (const k of FORMAT_KEYS) if (c[k] !== undefined) (format as Record<string, unknown>)[k] = c[k];
      if (c.validation) format.validation = c.validation;
      if (Object.keys(format).length === 0) return;
      for (let r = at; r < at + count; r++) Object.assign(this.ensure(r, column), format);
    });
  }

  /** Deletes `count` rows starting at 0-based row `at`. */
  deleteRows(at: number, count: number): void {
    this.version++;
    this.rows.splice(at, count);
  }

  /** Inserts `count` empty columns before 0-based column `at`. */
  insertColumns(at: number, count: number): void {
    this.version++;
    for (const r of this.rows) if (r && at < r.length) r.splice(at, 0, ...new Array<undefined>(count));
  }

  /** Deletes `count` columns starting at 0-based column `at`. */
  deleteColumns(at: number, count: number): void {
    this.version++;
    for (const r of this.rows) if (r) r.splice(at, count);
  }

  /** Marks the grid as changed after a cell obtained from `get` was modified in place. */
  touch(): void {
    this.version++;
  }
}

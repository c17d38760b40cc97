/**
 * A short fingerprint of the sheets validation looks at, saved with each validation so the sidebar
 * can tell "the data changed since the last check" without validating again. Values only (not
 * formats or notes, which validation's own marks change); trailing blank rows and cells are left
 * out, so a sheet whose used area grows by formatting alone keeps its fingerprint.
 */
import { ProblemList } from './problem';
import type { Grid } from './records';
import { locateTable } from './table';
import { SHEETS, type SheetKey } from './template';

/**
 * The sheets whose values the fingerprint covers, in this order: every sheet validation reads and
 * reports problems on (a fix typed in `Thành viên`, `Nhiệm vụ`, `Tiến độ` or `Cuộc họp` is a change
 * too), not only those of the allocation.
 */
export const DIGEST_SHEETS = [
  'config',
  'units',
  'unitEthnic',
  'allocation',
  'delegates',
  'members',
  'tasks',
  'progress',
  'meetings',
] as const satisfies readonly SheetKey[];

/** FNV-1a's prime (32 bits). */
const FNV_PRIME = 0x01000193;
/** Separators of the fingerprinted text: between cells, rows and sheets. */
const CELL_SEPARATOR = 0x0001;
const ROW_SEPARATOR = 0x0002;
const SHEET_SEPARATOR = 0x0003;

/** A cell is left out of the text when blank (then it adds nothing but its separator). */
function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * FNV-1a over a text with two seeds → 16 hex digits (not cryptographic: a change marker), fed piece by
 * piece: hashing each character in order gives the digits of hashing the whole text at once, so the
 * text (1.3 M cells at 50,000 delegates) is never built.
 */
class FnvPair {
  private a: number;
  private b: number;

  constructor(seedA: number, seedB: number) {
    this.a = seedA >>> 0;
    this.b = seedB >>> 0;
  }

  char(c: number): void {
    this.a = Math.imul(this.a ^ c, FNV_PRIME) >>> 0;
    this.b = Math.imul(this.b ^ c, FNV_PRIME) >>> 0;
  }

  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME) >>> 0;
      b = Math.imul(b ^ c, FNV_PRIME) >>> 0;
    }
    this.a = a;
    this.b = b;
  }

  /** A non-empty cell as the text has it: its type letter (D date, N number, B boolean, S text) and its value. */
  cell(v: unknown): void {
    if (v instanceof Date) {
      this.char(0x44); // D
      this.text(String(v.getTime()));
      return;
    }
    this.char(typeof v === 'number' ? 0x4e : typeof v === 'boolean' ? 0x42 : 0x53); // N, B, S
    this.text(String(v));
  }

  hex(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return hex(this.a) + hex(this.b);
  }
}

/** Index of the last cell of the row that is not empty (-1: none). */
function lastFilledCell(row: readonly unknown[]): number {
  let last = row.length - 1;
  while (last >= 0 && isEmptyCell(row[last])) last--;
  return last;
}

/**
 * The fingerprint of the grids (null grid: the sheet is missing, which differs from an empty one): the
 * hash of the text made of the grids joined by U+0003, each grid its rows joined by U+0002 without
 * trailing blank rows, each row its cells joined by U+0001 without trailing blank cells, each cell
 * '' when blank, else its type letter and its value ("N1234", "SHữu Lũng", "D1704067200000"); a
 * missing grid is "\u0000missing".
 */
export function dataDigest(grids: readonly Grid[]): string {
  const hash = new FnvPair(0x811c9dc5, 0x01234567);
  grids.forEach((grid, g) => {
    if (g > 0) hash.char(SHEET_SEPARATOR);
    if (grid === null) {
      hash.text('\u0000missing');
      return;
    }
    let lastRow = grid.length - 1;
    while (lastRow >= 0 && lastFilledCell(grid[lastRow] as unknown[]) < 0) lastRow--;
    for (let r = 0; r <= lastRow; r++) {
      if (r > 0) hash.char(ROW_SEPARATOR);
      const row = grid[r] as unknown[];
      const last = lastFilledCell(row);
      for (let c = 0; c <= last; c++) {
        if (c > 0) hash.char(CELL_SEPARATOR);
        const v = row[c];
        if (!isEmptyCell(v)) hash.cell(v);
      }
    }
  });
  return hash.hex();
}

/**
 * The fingerprint of the sheets validation reads (DIGEST_SHEETS), without what validation itself
 * writes there: the computed `Tình trạng` of `Nhiệm vụ` (so a validation does not make its own
 * data "changed since").
 */
export function workbookDigest(grids: Readonly<Record<(typeof DIGEST_SHEETS)[number], Grid>>): string {
  return dataDigest(
    DIGEST_SHEETS.map((key) => {
      const grid = grids[key];
      if (grid === null) return null;
      const table = locateTable(SHEETS[key], grid, new ProblemList());
      const own = SHEETS[key].columns.flatMap((c) =>
        c.computed && key === 'tasks' && table.columns[c.key] !== undefined ? [table.columns[c.key] as number] : [],
      );
      if (own.length === 0) return grid;
      return grid.map((row, i) => (i < table.headerRow ? row : row.map((v, col) => (own.includes(col) ? '' : v))));
    }),
  );
}

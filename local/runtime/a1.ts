/** A1 notation: column letters, cell and range addresses, sheet-qualified references. */

/** A rectangle on a sheet, 1-based and inclusive of its first row/column. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A parsed A1 reference; open bounds (like `A:C` or `2:5`) are left undefined until resolved. */
export interface A1Reference {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters to number: A → 1, AA → 27. Case-insensitive. */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a rectangle, e.g. "B2" or "A1:C10". */
export function rectToA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  const end = `${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
  return `${start}:${end}`;
}

/** Quotes a sheet name for use in a reference when needed: `'Đại biểu'!A1`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL_PART = /^(\$?([A-Za-z]{1,3}))?(\$?(\d+))?$/;

function parsePart(part: string): { row?: number; column?: number } | null {
  const m = CELL_PART.exec(part);
  if (!m || (!m[2] && !m[4])) return null;
  const column = m[2] ? lettersToColumn(m[2]) : undefined;
  const row = m[4] ? Number(m[4]) : undefined;
  if (row !== undefined && row < 1) return null;
  return { row, column };
}

/**
 * Parses "A1", "A1:C3", "A:C", "2:5", "A2:C" (open end), optionally prefixed by a sheet name
 * (`Sheet1!A1`, `'My sheet'!A1:B2`). Returns null when the text is not a valid reference.
 */
export function parseA1(text: string): A1Reference | null {
  let rest = text.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    let name = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (name.startsWith("'")) {
      if (!name.endsWith("'") || name.length < 2) return null;
      name = name.slice(1, -1).replace(/''/g, "'");
    }
    if (!name) return null;
    sheetName = name;
  }
  if (!rest) return null;
  const [first, second, extra] = rest.split(':');
  if (extra !== undefined || first === undefined) return null;
  const a = parsePart(first);
  if (!a) return null;
  if (second === undefined) {
    // A single part must be a full cell ("B3"); "B" or "3" alone are not references.
    if (a.row === undefined || a.column === undefined) return null;
    return { sheetName, startRow: a.row, startColumn: a.column, endRow: a.row, endColumn: a.column };
  }
  const b = parsePart(second);
  if (!b) return null;
  const kind = (p: { row?: number; column?: number }) =>
    p.row !== undefined && p.column !== undefined ? 'cell' : p.column !== undefined ? 'column' : 'row';
  // Allowed: A1:C3, A2:C (open end), A:C (whole columns), 2:5 (whole rows).
  const pair = `${kind(a)}-${kind(b)}`;
  if (!['cell-cell', 'cell-column', 'column-column', 'row-row'].includes(pair)) return null;
  return { sheetName, startRow: a.row, startColumn: a.column, endRow: b.row, endColumn: b.column };
}

/** Resolves open bounds of a reference against a sheet's size and orders the corners. */
export function resolveReference(ref: A1Reference, maxRows: number, maxColumns: number): GridRect {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startColumn ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endColumn ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

/** True when two rectangles share at least one cell. */
export function rectsOverlap(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

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

function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (v instanceof Date) return `D${v.getTime()}`;
  return `${typeof v === 'number' ? 'N' : typeof v === 'boolean' ? 'B' : 'S'}${String(v)}`;
}

/**
 * FNV-1a over the text with two seeds → 16 hex digits (not cryptographic: a change marker). Both in
 * one pass over the text (the same digits as two passes: each hash reads the characters in order).
 */
function fnvPair(text: string, seedA: number, seedB: number): [number, number] {
  let a = seedA >>> 0;
  let b = seedB >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return [a, b];
}

/** The fingerprint of the grids (null grid: the sheet is missing, which differs from an empty one). */
export function dataDigest(grids: readonly Grid[]): string {
  const parts: string[] = [];
  for (const grid of grids) {
    if (grid === null) {
      parts.push('\u0000missing');
      continue;
    }
    const rows = grid.map((row) => {
      const cells = row.map(cellText);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells.join('\u0001');
    });
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    parts.push(rows.join('\u0002'));
  }
  const text = parts.join('\u0003');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const [a, b] = fnvPair(text, 0x811c9dc5, 0x01234567);
  return hex(a) + hex(b);
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

/**
 * A short fingerprint of the sheets validation looks at, saved with each validation so the sidebar
 * can tell "the data changed since the last check" without validating again. Values only (not
 * formats or notes, which validation's own marks change); trailing blank rows and cells are left
 * out, so a sheet whose used area grows by formatting alone keeps its fingerprint.
 */
import type { Grid } from './records';

/** The sheets whose values the fingerprint covers, in this order. */
export const DIGEST_SHEETS = ['config', 'units', 'unitEthnic', 'allocation', 'delegates'] as const;

function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (v instanceof Date) return `D${v.getTime()}`;
  return `${typeof v === 'number' ? 'N' : typeof v === 'boolean' ? 'B' : 'S'}${String(v)}`;
}

/** FNV-1a over the text, twice with different seeds → 16 hex digits (not cryptographic: a change marker). */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
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
  return hex(fnv(text, 0x811c9dc5)) + hex(fnv(text, 0x01234567));
}

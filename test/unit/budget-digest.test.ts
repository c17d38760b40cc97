/**
 * The data fingerprint is computed in one pass over its text (two FNV-1a hashes at once): the digits
 * must stay those of the former two passes, or every saved validation would read as "data changed".
 */
import { dataDigest } from '../../src/domain/dataDigest';
import type { Grid } from '../../src/domain/records';

/** The former computation, kept here as the reference. */
function twoPasses(grids: readonly Grid[]): string {
  const cellText = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? ''
      : v instanceof Date
        ? `D${v.getTime()}`
        : `${typeof v === 'number' ? 'N' : typeof v === 'boolean' ? 'B' : 'S'}${String(v)}`;
  const parts = grids.map((grid) => {
    if (grid === null) return '\u0000missing';
    const rows = grid.map((row) => {
      const cells = row.map(cellText);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells.join('\u0001');
    });
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows.join('\u0002');
  });
  const text = parts.join('\u0003');
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01234567);
}

describe('dataDigest in one pass', () => {
  it('gives the digits of the two-pass computation, on workbooks of every shape', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const value = () => {
      const r = rand();
      if (r < 0.2) return '';
      if (r < 0.4) return Math.round(rand() * 1e6);
      if (r < 0.5) return rand() < 0.5;
      if (r < 0.6) return new Date(Date.UTC(2024, 0, 1 + Math.floor(rand() * 365)));
      return `Hữu Lũng ${Math.floor(rand() * 1000)} ĐẠI BIỂU`;
    };
    for (let n = 0; n < 50; n++) {
      const grids: Grid[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, () =>
        rand() < 0.1
          ? null
          : Array.from({ length: Math.floor(rand() * 30) }, () =>
              Array.from({ length: Math.floor(rand() * 8) }, value),
            ),
      );
      expect(dataDigest(grids)).toBe(twoPasses(grids));
    }
    // A fixed value: the digest of the empty workbook and of a missing sheet.
    expect(dataDigest([])).toBe(twoPasses([]));
    expect(dataDigest([null])).toBe(twoPasses([null]));
  });
});

/**
 * The data fingerprint saved with a validation (src/domain/dataDigest.ts): what counts as a change
 * of the data and what does not.
 */
import { dataDigest } from '../../src/domain/dataDigest';
import type { Grid } from '../../src/domain/records';
import type { CellValue } from '../../src/domain/values';

const base: CellValue[][] = [
  ['Mã đơn vị', 'Tên đơn vị', 'Dân số DTTS'],
  ['HL', 'Hữu Lũng', 67120],
];

describe('dataDigest', () => {
  test('the same values give the same fingerprint; 16 hex digits', () => {
    expect(dataDigest([base])).toBe(dataDigest([base.map((r) => [...r])]));
    expect(dataDigest([base])).toMatch(/^[0-9a-f]{16}$/);
  });

  test('trailing blank cells and rows (a used area grown by formatting) are not a change', () => {
    const grown: Grid = [...base.map((r) => [...r, '', '']), ['', '', '', ''], ['', '']];
    expect(dataDigest([grown])).toBe(dataDigest([base]));
  });

  test('every kind of edit is a change', () => {
    const d = dataDigest([base]);
    const edits: Grid[] = [
      [base[0]!, ['HL', 'Hữu Lũng', 67121]],
      [base[0]!, ['HL', 'Hữu Lũng', '67120']],
      [base[0]!, ['HL', 'Hữu lũng', 67120]],
      [base[0]!, ['', 'HL', 'Hữu Lũng', 67120]],
      [base[0]!, ['HL', 'Hữu Lũng', 67120], ['', '', 1]],
      [base[0]!, ['HL', 'Hữu Lũng', true]],
      [base[0]!, ['HL', 'Hữu Lũng', new Date(Date.UTC(2024, 0, 1))]],
    ];
    for (const g of edits) expect(dataDigest([g])).not.toBe(d);
    expect(dataDigest([[['x', new Date(Date.UTC(2024, 0, 1))]]])).not.toBe(
      dataDigest([[['x', new Date(Date.UTC(2024, 0, 2))]]]),
    );
  });

  test('a missing sheet differs from an empty one, and the order of the sheets counts', () => {
    expect(dataDigest([null])).not.toBe(dataDigest([[]]));
    expect(dataDigest([base, null])).not.toBe(dataDigest([null, base]));
    // A row moved to the next sheet is a change.
    expect(dataDigest([[['a'], ['b']], [[]]])).not.toBe(dataDigest([[['a']], [['b']]]));
  });
});

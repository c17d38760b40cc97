import { applyMarks, asText, MARK_COLORS, MARK_MARKER, NO_FILL, parseA1 } from '../../src/domain/marks';

const white = (rows: number, cols: number): string[][] => Array.from({ length: rows }, () => Array(cols).fill(NO_FILL));
const empty = (rows: number, cols: number): string[][] => Array.from({ length: rows }, () => Array(cols).fill(''));

describe('applyMarks', () => {
  it('marks a cell with colour and note, errors winning over warnings', () => {
    const out = applyMarks(white(2, 2), empty(2, 2), [
      { row: 1, col: 1, severity: 'warning', message: 'w' },
      { row: 1, col: 1, severity: 'error', message: 'e' },
    ]);
    expect(out.changed).toBe(true);
    expect(out.backgrounds[1]?.[1]).toBe(MARK_COLORS.error);
    expect(out.notes[1]?.[1]).toBe(`${MARK_MARKER}\nCảnh báo: w\nLỗi: e`);
    expect(out.backgrounds[0]).toEqual([NO_FILL, NO_FILL]);
  });

  it("keeps the user's own note and colour, and clears only its own marks next time", () => {
    const bg = white(1, 3);
    (bg[0] as string[])[1] = '#00ff00';
    const notes = empty(1, 3);
    (notes[0] as string[])[1] = 'ghi chú của tôi';
    const first = applyMarks(bg, notes, [
      { row: 0, col: 1, severity: 'error', message: 'sai' },
      { row: 0, col: 2, severity: 'warning', message: 'xem lại' },
    ]);
    expect(first.backgrounds[0]).toEqual([NO_FILL, '#00ff00', MARK_COLORS.warning]);
    expect(first.notes[0]?.[1]).toBe(`ghi chú của tôi\n\n${MARK_MARKER}\nLỗi: sai`);
    const second = applyMarks(first.backgrounds, first.notes, []);
    expect(second.backgrounds).toEqual(bg);
    expect(second.notes).toEqual(notes);
    expect(second.changed).toBe(true);
  });

  it('reports no change when the same marks are applied again', () => {
    const marks = [{ row: 0, col: 0, severity: 'error' as const, message: 'x' }];
    const first = applyMarks(white(1, 1), empty(1, 1), marks);
    expect(applyMarks(first.backgrounds, first.notes, marks).changed).toBe(false);
    expect(applyMarks(white(1, 1), empty(1, 1), []).changed).toBe(false);
  });

  it('ignores marks outside the grid', () => {
    const out = applyMarks(white(1, 1), empty(1, 1), [{ row: 5, col: 0, severity: 'error', message: 'x' }]);
    expect(out.changed).toBe(false);
  });
});

describe('parseA1 and asText', () => {
  it('parses single-cell references', () => {
    expect(parseA1('A1')).toEqual({ row: 0, col: 0 });
    expect(parseA1('AB12')).toEqual({ row: 11, col: 27 });
    expect(parseA1('A1:B2')).toBeNull();
    expect(parseA1('')).toBeNull();
  });
  it('forces text for values Sheets would read as formulas', () => {
    expect(['=SUM(A1)', '+84', '-1', '@x', 'Hà Giang'].map(asText)).toEqual([
      "'=SUM(A1)",
      "'+84",
      "'-1",
      "'@x",
      'Hà Giang',
    ]);
  });
});

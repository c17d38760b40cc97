import {
  asText,
  type CellMark,
  type CellState,
  chooseBlock,
  MARK_COLORS,
  MARK_MARKER,
  type MarkRecord,
  markNote,
  NO_FILL,
  parseA1,
  planMarks,
} from '../../src/domain/marks';

/** A sheet of cells as fill + note, with planMarks applied to it like the sheets layer does. */
class FakeSheet {
  cells = new Map<string, CellState>();
  records: MarkRecord[] = [];

  /** Sheet.insertRowsBefore(before, n) (1-based), as Google moves cells down. */
  insertRows(before: number, n: number): void {
    const next = new Map<string, CellState>();
    for (const [key, cell] of this.cells) {
      const at = parseA1(key) as { row: number; col: number };
      next.set(at.row + 1 >= before ? a1(at.row + n, at.col) : key, cell);
    }
    this.cells = next;
  }

  at(a1: string): CellState {
    return this.cells.get(a1) ?? { fill: NO_FILL, note: '' };
  }

  set(a1: string, s: Partial<CellState>): void {
    this.cells.set(a1, { ...this.at(a1), ...s });
  }

  run(marks: { cell: string; severity?: 'error' | 'warning'; message?: string }[]): number {
    const list: CellMark[] = marks.map((m) => ({
      ...(parseA1(m.cell) as { row: number; col: number }),
      severity: m.severity ?? 'error',
      message: m.message ?? 'sai',
    }));
    const moved = new Map<string, { row: number; col: number }[]>();
    for (const [key, cell] of this.cells) {
      if (!cell.note.startsWith(MARK_MARKER)) continue;
      const at = parseA1(key) as { row: number; col: number };
      moved.set(cell.note, [...(moved.get(cell.note) ?? []), at]);
    }
    const plan = planMarks({
      sheet: 'S',
      records: this.records,
      marks: list,
      state: (row, col) => this.at(a1(row, col)),
      moved,
    });
    for (const c of plan.changes) {
      const key = a1(c.row, c.col);
      if (c.fill !== undefined) this.set(key, { fill: c.fill === null ? NO_FILL : c.fill });
      if (c.note !== undefined) this.set(key, { note: c.note });
    }
    this.records = plan.records;
    return plan.changes.length;
  }
}

function a1(row: number, col: number): string {
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

describe('planMarks (marks as a record)', () => {
  it('marks a free cell with fill and note, errors first, and takes both back', () => {
    const s = new FakeSheet();
    s.run([
      { cell: 'B2', severity: 'warning', message: 'w' },
      { cell: 'B2', severity: 'error', message: 'e' },
    ]);
    expect(s.at('B2')).toEqual({ fill: MARK_COLORS.error, note: `${MARK_MARKER}\nLỗi: e\nCảnh báo: w` });
    expect(s.records).toEqual([{ sheet: 'S', cell: 'B2', fill: MARK_COLORS.error, note: s.at('B2').note }]);
    s.run([]);
    expect(s.at('B2')).toEqual({ fill: NO_FILL, note: '' });
    expect(s.records).toEqual([]);
  });

  it.each([MARK_COLORS.error, MARK_COLORS.warning, '#00ff00'])(
    "never takes a user's own %s fill: no record, no write",
    (color) => {
      const s = new FakeSheet();
      s.set('A1', { fill: color });
      s.run([{ cell: 'A1' }]);
      expect(s.at('A1').fill).toBe(color);
      expect(s.records[0]?.fill).toBe('');
      s.run([]);
      expect(s.at('A1')).toEqual({ fill: color, note: '' });
    },
  );

  it("leaves a user's note alone, even one that quotes the marker", () => {
    const s = new FakeSheet();
    const note = `Ghi chú của tôi: ${MARK_MARKER} là tiện ích\nLỗi: chép lại`;
    s.set('A1', { note, fill: MARK_COLORS.error });
    s.set('A2', { note: 'kiểm tra lại số điện thoại' });
    expect(s.run([])).toBe(0);
    s.run([{ cell: 'A2' }]);
    expect(s.at('A1')).toEqual({ note, fill: MARK_COLORS.error });
    expect(s.at('A2')).toEqual({ note: 'kiểm tra lại số điện thoại', fill: MARK_COLORS.error });
    s.run([]);
    expect(s.at('A2')).toEqual({ note: 'kiểm tra lại số điện thoại', fill: NO_FILL });
  });

  it('keeps what the user typed under the note, through re-runs and the clear', () => {
    const s = new FakeSheet();
    s.run([{ cell: 'C3', message: 'thiếu' }]);
    const ours = s.at('C3').note;
    s.set('C3', { note: `${ours}\nĐã gọi xã, chờ bổ sung` });
    expect(s.run([{ cell: 'C3', message: 'thiếu' }])).toBe(0);
    s.run([{ cell: 'C3', message: 'thiếu 2' }]);
    expect(s.at('C3').note).toBe(`${markNote([{ severity: 'error', message: 'thiếu 2' }])}\nĐã gọi xã, chờ bổ sung`);
    s.run([]);
    expect(s.at('C3')).toEqual({ fill: NO_FILL, note: 'Đã gọi xã, chờ bổ sung' });
  });

  it("lets the user's change win: a recoloured or rewritten mark is never overwritten", () => {
    const s = new FakeSheet();
    s.run([{ cell: 'A1' }, { cell: 'A2' }]);
    s.set('A1', { fill: '#0000ff' });
    s.set('A2', { note: 'tôi đã sửa ghi chú này' });
    s.run([
      { cell: 'A1', message: 'khác' },
      { cell: 'A2', message: 'khác' },
    ]);
    expect(s.at('A1').fill).toBe('#0000ff');
    expect(s.at('A2').note).toBe('tôi đã sửa ghi chú này');
    s.run([]);
    expect(s.at('A1')).toEqual({ fill: '#0000ff', note: '' });
    expect(s.at('A2')).toEqual({ fill: NO_FILL, note: 'tôi đã sửa ghi chú này' });
  });

  it('writes nothing on a re-run with the same problems, and only the changed cells otherwise', () => {
    const s = new FakeSheet();
    const marks = [{ cell: 'A1' }, { cell: 'B5', severity: 'warning' as const }];
    expect(s.run(marks)).toBe(2);
    expect(s.run(marks)).toBe(0);
    expect(s.run([marks[0] as { cell: string }, { cell: 'D9' }])).toBe(2);
  });

  it('follows marks moved by inserted rows, even when two of them have the same text', () => {
    const s = new FakeSheet();
    s.set('A4', { fill: MARK_COLORS.error }); // the user's own light red
    s.set('A5', { note: 'của tôi' }); // the user's own note
    const marks = [{ cell: 'A2' }, { cell: 'A4' }, { cell: 'A5' }]; // the same message three times
    s.run(marks);
    expect(s.records.map((r) => [r.cell, r.fill !== '', r.note !== ''])).toEqual([
      ['A2', true, true],
      ['A4', false, true],
      ['A5', true, false],
    ]);
    s.insertRows(1, 2);
    // The problems moved with their rows; the one of A2 (now A4) is fixed.
    s.run([{ cell: 'A6' }, { cell: 'A7' }]);
    expect(s.at('A4')).toEqual({ fill: NO_FILL, note: '' });
    expect(s.at('A6').fill).toBe(MARK_COLORS.error);
    expect(s.records.find((r) => r.cell === 'A6')?.fill).toBe(''); // still the user's fill
    expect(s.at('A7')).toEqual({ fill: MARK_COLORS.error, note: 'của tôi' });
    s.run([]);
    expect(s.at('A6')).toEqual({ fill: MARK_COLORS.error, note: '' });
    expect(s.at('A7')).toEqual({ fill: NO_FILL, note: 'của tôi' });
    expect(s.records).toEqual([]);
  });

  it('chooses a block for a dense region and lists for a sparse one', () => {
    const changes = Array.from({ length: 50 }, (_, i) => ({ row: i * 1000, col: 2, fill: MARK_COLORS.error }));
    expect(chooseBlock(changes, 50_000 * 10)).toBe(false);
    expect(chooseBlock(changes.slice(0, 5), 5_000)).toBe(true);
    expect(chooseBlock([], 10)).toBe(false);
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
    expect(['=SUM(A1)', '+84', '-1', '@x', "'a", 'Hà Giang'].map(asText)).toEqual([
      "'=SUM(A1)",
      "'+84",
      "'-1",
      "'@x",
      "''a",
      'Hà Giang',
    ]);
  });
});

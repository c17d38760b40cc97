/**
 * A new unit's row the allocation inserts in `Phân bổ` takes the formatting of the row above it, as in
 * Sheets (InsertDimensionRequest.inheritFromBefore). When validation marked that row (red or yellow fill
 * and a ⚑ note, recorded in the add-in's hidden record), the new row must not carry the mark's fill: no
 * record names it, so it would never be cleared and would read as an error. The officer's own fills are
 * inherited, as when they insert a row themselves; nothing else of theirs changes.
 * Real build on the local runtime, whole-cell snapshots, the decorated Lạng Sơn of the trust corpus.
 */
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { action, run, runtimeFor } from '../trust/actions';
import { type CorpusWorkbook, column, FILL, sheet } from '../trust/corpus';
import {
  a1,
  type CellSnapshot,
  cellOf,
  diff,
  describe as lines,
  MARK_FILLS,
  MARKER,
  NO_FILL,
  sheetOf,
  snapshot,
  type WorkbookSnapshot,
} from '../trust/snapshot';
import { ALLOCATION, BASE, LAST_UNIT_ROW, scenario } from './allocmarks-scenario';

const allocate = action('allocateDelegates');
const validate = action('validateAll');

function cell(snap: WorkbookSnapshot, ref: string): CellSnapshot {
  return cellOf(sheetOf(snap, ALLOCATION), ref);
}

function width(ss: LocalSpreadsheet): number {
  return sheet(ss, ALLOCATION).getLastColumn();
}

/** Cells of a row of `Phân bổ` with a mark's fill or the marker in their note: "G13 #f4c7c3 …". */
function markLike(snap: WorkbookSnapshot, row: number, columns: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= columns; c++) {
    const x = cell(snap, a1(row, c));
    if (MARK_FILLS.has(x.background) || x.note.includes(MARKER)) out.push(`${a1(row, c)} ${x.background} ${x.note}`);
  }
  return out;
}

/** Every cell of `Phân bổ` rows `from`…`to` of `a` against rows shifted by `shift` in `b`. */
function sameRows(a: WorkbookSnapshot, b: WorkbookSnapshot, from: number, to: number, shift: number, cols: number) {
  const out: string[] = [];
  for (let r = from; r <= to; r++)
    for (let c = 1; c <= cols; c++) {
      const x = cell(a, a1(r, c));
      const y = cell(b, a1(r + shift, c));
      for (const f of Object.keys(x) as (keyof CellSnapshot)[])
        if (x[f] !== y[f]) out.push(`${a1(r, c)}→${a1(r + shift, c)} ${f}: ${x[f]} → ${y[f]}`);
    }
  return out;
}

function headerColumn(alloc: LocalSheet, header: string): number {
  return column(alloc, header);
}

describe('a new unit inserted under a marked row of `Phân bổ`', () => {
  test('the new row carries no mark fill or note, the officer keeps every cell, and validation marks it afresh', () => {
    const w = scenario();
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const alloc = sheet(ss, ALLOCATION);
    const final = headerColumn(alloc, 'Số chính thức');
    const note = headerColumn(alloc, 'Ghi chú');
    const cols = width(ss);
    const marked = snapshot(ss);
    // The precondition: validation marked the last unit row (else the test proves nothing).
    expect(cell(marked, a1(LAST_UNIT_ROW, final)).background).toBe('#f4c7c3');
    expect(cell(marked, a1(LAST_UNIT_ROW, final)).note).toContain(MARKER);
    const totalBefore = marked.sheets.find((s) => s.name === ALLOCATION)?.maxRows ?? 0;

    const outcome = run(rt, allocate);
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { ok: boolean }).ok).toBe(true);
    const after = snapshot(ss);
    const fresh = LAST_UNIT_ROW + 1;
    expect(cell(after, a1(fresh, column(alloc, 'Mã đơn vị'))).value).toBe('text:MS');
    expect(sheetOf(after, ALLOCATION)?.maxRows).toBe(totalBefore + 1);
    // The new row: no mark's fill, no note; the officer's light red on `Ghi chú` is inherited (theirs, as in Sheets).
    expect(markLike(after, fresh, cols).filter((l) => !l.startsWith(`${a1(fresh, note)} `))).toEqual([]);
    expect(cell(after, a1(fresh, final)).background).toBe(NO_FILL);
    expect(cell(after, a1(fresh, note))).toMatchObject({ background: FILL.lightRed, note: '', value: '' });
    // The officer's cells: the unit rows' own columns identical (the computed ones the allocation's),
    // the rows below (blank row, "Tổng cộng" bold and light blue with its sums) identical one row down.
    const own = ['Điều chỉnh', 'Kỳ trước', 'Ghi chú', 'Tỷ lệ %'].map((h) => headerColumn(alloc, h));
    const ownChanges: string[] = [];
    for (let r = 1; r <= LAST_UNIT_ROW; r++)
      for (const c of own) {
        const x = cell(marked, a1(r, c));
        const y = cell(after, a1(r, c));
        if (JSON.stringify(x) !== JSON.stringify(y))
          ownChanges.push(`${a1(r, c)} ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
      }
    expect(ownChanges).toEqual([]);
    expect(sameRows(marked, after, LAST_UNIT_ROW + 1, LAST_UNIT_ROW + 2, 1, cols)).toEqual([]);
    // Every other sheet as it was (the add-in's own sheets aside).
    const others = diff(marked, after).filter(
      (d) => d.sheet !== ALLOCATION && !d.sheet.startsWith('Trợ lý') && d.sheet !== 'Kiểm tra' && d.sheet !== '',
    );
    expect(lines(others)).toEqual([]);

    // Validation again: the new unit has no delegate registered, its Số chính thức is marked, with a note;
    // a mark's fill is never left without its note anywhere in `Phân bổ`.
    expect(run(rt, validate).error).toBeUndefined();
    const again = snapshot(ss);
    const freshFinal = cell(again, a1(fresh, final));
    expect(freshFinal.note).toContain(MARKER);
    expect(MARK_FILLS.has(freshFinal.background)).toBe(true);
    const rows = sheetOf(again, ALLOCATION)?.maxRows ?? 0;
    const orphanFills: string[] = [];
    for (let r = 2; r <= rows; r++)
      for (let c = 1; c <= cols; c++) {
        const x = cell(again, a1(r, c));
        if (MARK_FILLS.has(x.background) && !x.note.includes(MARKER) && c !== note) orphanFills.push(a1(r, c));
      }
    expect(orphanFills).toEqual([]);
  });

  test('the sheet ends at the marked row: the row appended for the new unit carries no mark fill either', () => {
    const w = scenario({ noRowsBelow: true });
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const alloc = sheet(ss, ALLOCATION);
    const final = column(alloc, 'Số chính thức');
    expect(alloc.getMaxRows()).toBe(LAST_UNIT_ROW);
    expect(alloc.getRange(LAST_UNIT_ROW, final).getBackground()).toBe('#f4c7c3');
    const outcome = run(rt, allocate);
    expect((outcome.result as { ok: boolean } | undefined)?.ok).toBe(true);
    const after = snapshot(ss);
    const fresh = LAST_UNIT_ROW + 1;
    expect(cell(after, a1(fresh, column(alloc, 'Mã đơn vị'))).value).toBe('text:MS');
    const note = column(alloc, 'Ghi chú');
    expect(markLike(after, fresh, width(ss)).filter((l) => !l.startsWith(`${a1(fresh, note)} `))).toEqual([]);
    expect(cell(after, a1(fresh, note)).background).toBe(FILL.lightRed);
  });

  test('the officer inserted a row above the mark after validating: the moved mark is still known by its note', () => {
    const w = scenario();
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const alloc = sheet(ss, ALLOCATION);
    const final = column(alloc, 'Số chính thức');
    // A line of their own between two units; the record still says the mark is on row 12.
    alloc.insertRowsBefore(5, 1);
    alloc.getRange(5, column(alloc, 'Ghi chú')).setValue('Các đơn vị vùng cao');
    const marked = LAST_UNIT_ROW + 1;
    expect(alloc.getRange(marked, final).getNote()).toContain(MARKER);
    const before = snapshot(ss);
    const outcome = run(rt, allocate);
    expect((outcome.result as { ok: boolean } | undefined)?.ok).toBe(true);
    const after = snapshot(ss);
    const fresh = marked + 1;
    expect(cell(after, a1(fresh, column(alloc, 'Mã đơn vị'))).value).toBe('text:MS');
    const note = column(alloc, 'Ghi chú');
    expect(markLike(after, fresh, width(ss)).filter((l) => !l.startsWith(`${a1(fresh, note)} `))).toEqual([]);
    // The officer's line untouched.
    expect(sameRows(before, after, 5, 5, 0, width(ss))).toEqual([]);
  });

  test('no unit row yet, the officer\'s "Tổng cộng" under the header: the inserted rows do not look like the header', () => {
    const w: CorpusWorkbook = {
      ...BASE,
      name: `${BASE.name}, unit rows deleted`,
      build() {
        const ss = BASE.build();
        sheet(ss, ALLOCATION).deleteRows(2, LAST_UNIT_ROW - 1);
        return ss;
      },
    };
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const before = snapshot(ss);
    const header = cell(before, 'A1');
    expect(header.fontWeight).toBe('bold');
    const outcome = run(rt, allocate);
    expect((outcome.result as { ok: boolean } | undefined)?.ok).toBe(true);
    const after = snapshot(ss);
    const cols = width(ss);
    const units = LAST_UNIT_ROW - 1;
    const styled: string[] = [];
    for (let r = 2; r <= units + 1; r++)
      for (let c = 1; c <= cols; c++) {
        const x = cell(after, a1(r, c));
        if (x.fontWeight === 'bold' || x.background === header.background) styled.push(a1(r, c));
      }
    expect(styled).toEqual([]);
    // The blank row and "Tổng cộng" (bold, light blue, sums) as they were, under the new rows.
    expect(sameRows(before, after, 2, 3, units, cols)).toEqual([]);
  });
});

describe('what the officer does around it', () => {
  test('their own fill over the mark (another colour) is theirs: inherited as in Sheets', () => {
    const w = scenario();
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const alloc = sheet(ss, ALLOCATION);
    const final = column(alloc, 'Số chính thức');
    // Google's light yellow, the warning mark's colour, over the error mark: the officer's highlight.
    alloc.getRange(LAST_UNIT_ROW, final).setBackground(FILL.lightYellow);
    expect((run(rt, allocate).result as { ok: boolean } | undefined)?.ok).toBe(true);
    expect(alloc.getRange(LAST_UNIT_ROW + 1, final).getBackground()).toBe(FILL.lightYellow);
    expect(alloc.getRange(LAST_UNIT_ROW + 1, final).getNote()).toBe('');
  });

  test('"Hoàn tác phân bổ" after the insert: the new row is left empty and without a mark fill, the rest as before', () => {
    const w = scenario();
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const before = snapshot(ss);
    expect((run(rt, allocate).result as { ok: boolean } | undefined)?.ok).toBe(true);
    const undo = run(rt, { name: 'undoAllocation', fn: 'undoAllocation', args: [] });
    expect(undo.error).toBeUndefined();
    expect((undo.result as { ok: boolean }).ok).toBe(true);
    const back = snapshot(ss);
    const cols = width(ss);
    // Undo restores cells, never deletes a row: the unit rows as before, the inserted row empty (no
    // value, note or mark fill), the officer's rows below as before, one row down.
    expect(sameRows(before, back, 1, LAST_UNIT_ROW, 0, cols)).toEqual([]);
    const fresh = LAST_UNIT_ROW + 1;
    const note = column(sheet(ss, ALLOCATION), 'Ghi chú');
    const left: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const x = cell(back, a1(fresh, c));
      if (x.value !== '' || x.formula !== '' || x.note !== '' || (c !== note && MARK_FILLS.has(x.background)))
        left.push(`${a1(fresh, c)} ${JSON.stringify(x)}`);
    }
    expect(left).toEqual([]);
    expect(sameRows(before, back, fresh, fresh + 1, 1, cols)).toEqual([]);
  });
});

/**
 * Problem marks in the cells (a fill and a note), kept as a record of exactly what the add-in
 * wrote, so a later run can take back its own marks and nothing else.
 *
 * - A mark is written only where the cell is free: the fill only over a cell without fill, the note
 *   only into a cell without note. A user's own fill or note is never replaced or extended.
 * - The record says, per cell, the fill and the note the add-in wrote. A mark is recognised by the
 *   record, never by a colour or by text: a user's #f4c7c3 fill or a note quoting the marker is the
 *   user's.
 * - Taking a mark back: the fill is reset (no fill) only while it is still the recorded one; the note
 *   is removed only while it is still the recorded one, and when the user typed under it the user's
 *   lines stay. Anything else means the user changed the cell after the mark: the user's change wins.
 * - A run writes only the cells whose mark changes; unchanged data gives no write at all.
 */
import { SEVERITY_LABEL, type Severity } from './problem';

export const MARK_MARKER = '⚑ Trợ lý Đại hội DTTS';
export const MARK_COLORS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2' };
/**
 * Recorded instead of a fill or a note the user took away from a live mark (cleared, recoloured,
 * rewritten): while that mark lives the add-in does not put it back, run after run.
 */
export const DECLINED = '(người dùng đã bỏ)';
/** What getBackgrounds returns for a cell without fill (and for an explicit white one). */
export const NO_FILL = '#ffffff';

export interface CellMark {
  /** 0-based row and column inside the sheet. */
  row: number;
  col: number;
  severity: Severity;
  message: string;
}

/** What the add-in wrote into one cell ('' = it did not write that part). */
export interface MarkRecord {
  sheet: string;
  /** A1 of the cell. */
  cell: string;
  fill: string;
  note: string;
}

/** The fill and note a cell has now, as getBackgrounds / getNotes return them. */
export interface CellState {
  fill: string;
  note: string;
}

/** One cell to write: `fill` null resets the fill; `note` '' removes the note; undefined = leave. */
export interface CellChange {
  row: number;
  col: number;
  fill?: string | null;
  note?: string;
}

export interface MarkPlan {
  changes: CellChange[];
  /** The record after the writes (every cell the add-in has a mark in). */
  records: MarkRecord[];
}

function sameColor(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The note text of a cell's problems (errors first). */
export function markNote(marks: readonly Pick<CellMark, 'severity' | 'message'>[]): string {
  const sorted = [...marks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return [MARK_MARKER, ...sorted.map((m) => `${SEVERITY_LABEL[m.severity]}: ${m.message}`)].join('\n');
}

/** A shorter note for when a sheet has too many different messages to write one by one. */
export function summaryNote(severity: Severity, reportSheet: string): string {
  return `${MARK_MARKER}\n${SEVERITY_LABEL[severity]}: xem chi tiết ở trang "${reportSheet}".`;
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/**
 * Plans one sheet's marks. `state(row, col)` is the cell as it is now; `notes` gives the note to
 * write for a marked cell (so the caller may choose the full or the summary text).
 */
export function planMarks(args: {
  sheet: string;
  records: readonly MarkRecord[];
  marks: readonly CellMark[];
  state: (row: number, col: number) => CellState;
  note?: (marks: readonly CellMark[]) => string;
  /** Cells holding a marker note, by note text (to find marks moved by inserted or deleted rows). */
  moved?: ReadonlyMap<string, readonly { row: number; col: number }[]>;
  /**
   * Cells the add-in may not write (protected against the running user): left as they are, and a
   * mark found there (where the user's rows moved it) stays recorded there for a run by someone
   * who may edit the cell. The caller leaves their marks out.
   */
  frozen?: (row: number, col: number) => boolean;
}): MarkPlan {
  const noteOf = args.note ?? markNote;
  const wanted = new Map<string, CellMark[]>();
  for (const m of args.marks) {
    if (m.row < 0 || m.col < 0) continue;
    const k = cellKey(m.row, m.col);
    const list = wanted.get(k);
    if (list) list.push(m);
    else wanted.set(k, [m]);
  }
  const recorded = placeRecords(args.records, args.state, args.moved);
  const keys = new Set([...recorded.keys(), ...wanted.keys()]);
  const changes: CellChange[] = [];
  const records: MarkRecord[] = [];
  for (const k of keys) {
    const list = wanted.get(k);
    const rec = recorded.get(k);
    const [row, col] = k.split(':').map(Number) as [number, number];
    if (args.frozen?.(row, col)) {
      if (rec) records.push(rec.record);
      continue;
    }
    const now = args.state(row, col);
    const change: CellChange = { row, col };
    let fill = '';
    let note = '';
    // Fill.
    const fillOurs = !!rec?.record.fill && sameColor(now.fill, rec.record.fill);
    const fillTakenBack = !!rec?.record.fill && !fillOurs;
    if (list) {
      const severity: Severity = list.some((m) => m.severity === 'error') ? 'error' : 'warning';
      const color = MARK_COLORS[severity];
      if (fillOurs || (!fillTakenBack && sameColor(now.fill, NO_FILL))) {
        fill = color;
        if (!sameColor(now.fill, color)) change.fill = color;
      } else if (fillTakenBack) {
        fill = DECLINED;
      }
    } else if (fillOurs) {
      change.fill = null;
    }
    // Note.
    const ourNote = rec?.record.note ?? '';
    const noteOurs = ourNote !== '' && ourNote !== DECLINED && now.note === ourNote;
    const userTyped =
      ourNote !== '' && !noteOurs && now.note.startsWith(ourNote) ? now.note.slice(ourNote.length) : null;
    const noteTakenBack = ourNote !== '' && !noteOurs && userTyped === null;
    if (list) {
      const text = noteOf(list);
      if (noteOurs || (!noteTakenBack && userTyped === null && now.note === '')) {
        note = text;
        if (now.note !== text) change.note = text;
      } else if (userTyped !== null) {
        note = text;
        if (ourNote !== text) change.note = text + userTyped;
      } else if (noteTakenBack) {
        note = DECLINED;
      }
    } else if (noteOurs) {
      change.note = '';
    } else if (userTyped !== null) {
      change.note = userTyped.replace(/^\s+/, '');
    }
    if (change.fill !== undefined || change.note !== undefined) changes.push(change);
    if (fill || note) records.push({ sheet: args.sheet, cell: a1Of(row, col), fill, note });
  }
  changes.sort((a, b) => a.row - b.row || a.col - b.col);
  records.sort((a, b) => compareA1(a.cell, b.cell));
  return { changes, records };
}

type Placed = { row: number; col: number; record: MarkRecord };

/**
 * Where each recorded mark is now. Marks holding their note where the most marks moved to (usually
 * where they were) are placed first (so a twin mark with the same text never takes the place of a
 * mark whose note the user rewrote). Rows inserted or deleted (or sorted)
 * move the others within their column: going down the sheet, a mark is looked for where the rows
 * above it moved to (the running row offset), then where it was, then in the nearest cell of its
 * column holding its note to the character, then (columns inserted, deleted or moved) in the nearest
 * such cell of another column, on its row first; its record follows it there. A note nowhere to be
 * found means the user changed it.
 */
function placeRecords(
  records: readonly MarkRecord[],
  state: (row: number, col: number) => CellState,
  moved: ReadonlyMap<string, readonly { row: number; col: number }[]> | undefined,
): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  const entries = records
    .map((r) => ({ at: parseA1(r.cell), record: r }))
    .filter((e): e is { at: { row: number; col: number }; record: MarkRecord } => e.at !== null)
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  let offset = 0;
  const put = (row: number, col: number, record: MarkRecord) =>
    placed.set(cellKey(row, col), { row, col, record: { ...record, cell: a1Of(row, col) } });
  const holds = (row: number, col: number, note: string) =>
    row >= 0 && !placed.has(cellKey(row, col)) && state(row, col).note.startsWith(note);
  // The row shift that puts the most marks back on their note (0 when nothing moved): marks whose
  // note is there after that shift are placed first, so a twin with the same text never takes the
  // place of a mark the user rewrote.
  const anchored = new Set<MarkRecord>();
  let shift = 0;
  if (moved) {
    const tally = new Map<number, number>([[0, 0]]);
    for (const { at, record } of entries) {
      if (!record.note) continue;
      for (const c of moved.get(record.note) ?? []) {
        if (c.col === at.col) tally.set(c.row - at.row, (tally.get(c.row - at.row) ?? 0) + 1);
      }
    }
    for (const [d, n] of tally) if (n > (tally.get(shift) ?? 0)) shift = d;
    for (const { at, record } of entries) {
      if (record.note && holds(at.row + shift, at.col, record.note)) {
        put(at.row + shift, at.col, record);
        anchored.add(record);
      }
    }
  }
  for (const { at, record } of entries) {
    const { row, col } = at;
    if (anchored.has(record)) {
      offset = shift;
      continue;
    }
    if (!moved || !record.note || record.note === DECLINED) {
      // A fill without note follows the offset of the marks above it when its colour is there.
      const shifted =
        moved && offset !== 0 && !placed.has(cellKey(row + offset, col)) && row + offset >= 0
          ? sameColor(state(row + offset, col).fill, record.fill)
          : false;
      if (shifted) put(row + offset, col, record);
      else if (!placed.has(cellKey(row, col))) put(row, col, record);
      continue;
    }
    if (holds(row + offset, col, record.note)) {
      put(row + offset, col, record);
      continue;
    }
    if (holds(row, col, record.note)) {
      offset = 0;
      put(row, col, record);
      continue;
    }
    const candidates = (moved.get(record.note) ?? []).filter((c) => !placed.has(cellKey(c.row, c.col)));
    const free = candidates.filter((c) => c.col === col);
    if (free.length > 0) {
      const to = free.reduce((best, c) =>
        Math.abs(c.row - row - offset) < Math.abs(best.row - row - offset) ? c : best,
      );
      offset = to.row - row;
      put(to.row, col, record);
    } else if (candidates.length > 0) {
      // Another column: its row (or where the rows above moved to) first, then the nearest column.
      const distance = (c: { row: number; col: number }) =>
        Math.min(Math.abs(c.row - row - offset), Math.abs(c.row - row)) * 1_000_000 + Math.abs(c.col - col);
      const to = candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best));
      offset = to.row - row;
      put(to.row, to.col, record);
    } else if (!placed.has(cellKey(row, col))) {
      put(row, col, record);
    }
  }
  return placed;
}

function compareA1(a: string, b: string): number {
  const x = parseA1(a);
  const y = parseA1(b);
  return (x?.row ?? 0) - (y?.row ?? 0) || (x?.col ?? 0) - (y?.col ?? 0);
}

/** "B12" from 0-based row and column. */
export function a1Of(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** Parses "B12" into 0-based row and column (null when it is not a single-cell A1 reference). */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Text written into a cell as text, never as a formula (=, +, -, @ and ' itself get Sheets' apostrophe). */
export function asText(value: string): string {
  return /^[=+\-@']/.test(value) ? `'${value}` : value;
}

/** A rectangle of cells (0-based, inclusive start, sizes ≥ 1). */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function boundingBox(cells: readonly { row: number; col: number }[]): Box | null {
  if (cells.length === 0) return null;
  let r0 = Number.POSITIVE_INFINITY;
  let c0 = Number.POSITIVE_INFINITY;
  let r1 = -1;
  let c1 = -1;
  for (const { row, col } of cells) {
    if (row < r0) r0 = row;
    if (col < c0) c0 = col;
    if (row > r1) r1 = row;
    if (col > c1) c1 = col;
  }
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/**
 * How to write a sheet's changes: as one block (every cell of the bounding box, the unchanged ones
 * with what they hold) or as lists of cells grouped by what they get (one RangeList each).
 * Cost model of local/bench/cost.ts: a call ≈ 50 ms ≈ 10,000 cells written.
 */
export const CELLS_PER_CALL = 10_000;

/** Write cost of changes in cell-equivalents, as a block over the region or as RangeLists. */
export function writeCost(changes: readonly CellChange[], regionArea: number): { block: boolean; cost: number } {
  if (changes.length === 0) return { block: false, cost: 0 };
  const groups = new Set(changes.map((c) => `${c.fill === undefined ? '-' : String(c.fill)}\u0000${c.note ?? '-'}`));
  const fills = changes.some((c) => c.fill !== undefined) ? 1 : 0;
  const notes = changes.some((c) => c.note !== undefined) ? 1 : 0;
  // Block: one write per attribute over the region. Lists: per group getRangeList + its writes.
  const blockCost = (fills + notes) * (CELLS_PER_CALL + regionArea);
  const listCost = groups.size * 3 * CELLS_PER_CALL + 2 * changes.length;
  return blockCost <= listCost ? { block: true, cost: blockCost } : { block: false, cost: listCost };
}

export function chooseBlock(changes: readonly CellChange[], regionArea: number): boolean {
  return writeCost(changes, regionArea).block;
}

/**
 * True when these marks are exactly what the record says was written (same cells, same colours,
 * same notes): then no write can follow whatever the cells hold now (a cell the user changed is the
 * user's), so the caller need not even read the cells.
 */
export function marksMatchRecord(
  records: readonly MarkRecord[],
  marks: readonly CellMark[],
  notes: readonly ((list: readonly CellMark[]) => string)[],
): boolean {
  const wanted = new Map<string, CellMark[]>();
  for (const m of marks) {
    const k = a1Of(m.row, m.col);
    const list = wanted.get(k);
    if (list) list.push(m);
    else wanted.set(k, [m]);
  }
  if (wanted.size !== records.length) return false;
  return records.every((r) => {
    const list = wanted.get(r.cell);
    if (!list) return false;
    const color = MARK_COLORS[list.some((m) => m.severity === 'error') ? 'error' : 'warning'];
    return (
      (r.fill === '' || r.fill === DECLINED || sameColor(r.fill, color)) &&
      (r.note === '' || r.note === DECLINED || notes.some((n) => n(list) === r.note))
    );
  });
}

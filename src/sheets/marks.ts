/**
 * Writes problem marks into the data sheets and rewrites the `Kiểm tra` report.
 *
 * The record of the marks lives in a hidden sheet the add-in owns (MARK_RECORD_SHEET): one row per
 * marked cell (sheet, cell, fill written, note written). Why a sheet: it is read with one getValues
 * and written with one setValues whatever the number of marks (developer metadata would be a call
 * per cell; document properties cap at 500 kB, which 3,321 units × 50,000 delegates can exceed: a
 * few thousand marks of ~150 characters already take half of it). At the bench's 2,243 marks it is
 * ~9,000 cells, far under the 10 million a spreadsheet holds.
 *
 * Per sheet with marks (now or recorded): one read of the fills and one of the notes over the
 * region of those cells, then only the changed cells are written, either as one block over the
 * region (small sheets) or as RangeLists grouped by what the cells get (large, sparse ones).
 */
import {
  a1Of,
  asText,
  type Box,
  boundingBox,
  CELLS_PER_CALL,
  type CellChange,
  type CellMark,
  type CellState,
  MARK_MARKER,
  type MarkRecord,
  markNote,
  marksMatchRecord,
  NO_FILL,
  parseA1,
  planMarks,
  summaryNote,
  writeCost,
} from '../domain/marks';
import { type Problem, SEVERITY_LABEL } from '../domain/problem';
import { SHEET_ORDER, SHEETS } from '../domain/template';
import { isRefusal, type WriteBatch } from './batch';
import {
  findSheet,
  findSheetByName,
  type Sheet,
  type Spreadsheet,
  sheetNameKey,
  sheetsNamedLike,
  wholeSheetValues,
} from './workbook';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The hidden sheet holding the record of the marks (the add-in's own). */
export const MARK_RECORD_SHEET = 'Trợ lý DTTS – đánh dấu';
const RECORD_HEADER = ['Trang tính', 'Ô', 'Màu nền đã tô', 'Ghi chú đã ghi'];

/** Sheets whose cells can carry marks (the report sheets are rewritten instead). */
export const MARKED = SHEET_ORDER.filter((k) => !SHEETS[k].report).map((k) => SHEETS[k].name);

/**
 * Above this write cost (cell-equivalents, see writeCost) for one sheet, marks get the short
 * "xem trang Kiểm tra" note when that is cheaper: one RangeList per severity instead of one per message.
 */
export const FULL_NOTES_BUDGET = 8 * CELLS_PER_CALL;

/** Rows read above and below the marks, where marks moved by inserted or deleted rows are looked for. */
const MOVE_MARGIN = 50;

/** A sheet already read by validation: its object and the range of its data (made on first use). */
export interface SheetRead {
  sheet: Sheet;
  range: () => Range;
  rows: number;
  cols: number;
}

export interface MarksResult {
  /** Cells whose fill or note was written. */
  cellsChanged: number;
  /** Cells covered by the writes (block writes cover unchanged cells too). */
  cellsWritten: number;
  /** Marks not written because the cell is protected against the running user. */
  skippedProtected: number;
  /**
   * Marks of an earlier run the add-in could not take back (no problem there any more, or another
   * one) because the cell is now protected against the running user, by sheet (its template name).
   * Warning-only protections do not count: scripts write through them (see lockedAreas).
   */
  unclearedProtected?: { sheet: string; cells: number }[];
  /** Names of the sheets whose fills or notes were written (for a truthful message if saving fails). */
  sheets?: string[];
}

/**
 * Where the running user may not write, per sheet: the whole sheet (but its unprotected ranges), and
 * rectangles of it.
 */
export interface LockedArea {
  sheet: boolean;
  /** Ranges a protected sheet leaves editable (Protection.getUnprotectedRanges). */
  holes: Box[];
  boxes: Box[];
}
export type Locked = Map<string, LockedArea>;

export function isLockedIn(area: LockedArea, row: number, col: number): boolean {
  return (area.sheet && !area.holes.some((b) => inBox(b, row, col))) || area.boxes.some((b) => inBox(b, row, col));
}

/**
 * The protections that refuse the running user's writes: not warning-only and not editable by them
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canedit: "Determines
 * whether the user has permission to edit the protected range or sheet"; a warning-only protection
 * lets scripts write). A protected sheet's unprotected ranges stay writable
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection#getunprotectedranges:
 * "Gets an array of unprotected ranges within a protected sheet"). Two calls, plus a few per
 * protection found.
 */
export function lockedAreas(ss: Spreadsheet): Locked {
  const out: Locked = new Map();
  const types = SpreadsheetApp.ProtectionType;
  const areaOf = (name: string) => {
    let area = out.get(name);
    if (!area) {
      area = { sheet: false, holes: [], boxes: [] };
      out.set(name, area);
    }
    return area;
  };
  for (const type of [types.SHEET, types.RANGE]) {
    for (const p of ss.getProtections(type)) {
      if (p.canEdit() || p.isWarningOnly()) continue;
      const range = p.getRange();
      const area = areaOf(range.getSheet().getName());
      if (type === types.SHEET) {
        area.sheet = true;
        for (const hole of p.getUnprotectedRanges()) {
          const box = boxOfA1(hole.getA1Notation());
          if (box) area.holes.push(box);
        }
        continue;
      }
      const box = boxOfA1(range.getA1Notation());
      if (box) area.boxes.push(box);
      else {
        area.sheet = true; // whole rows or columns: the whole sheet, to be safe
        area.holes = [];
      }
    }
  }
  // A sheet protected twice (or by a whole-row range) keeps no hole.
  return out;
}

/** Rows or columns without an end: as far as any sheet goes (Google caps a sheet at 10 million cells). */
const OPEN_END = 10_000_000;

/**
 * "B2:D9" or "B2" as a Box; also the open notations of whole columns ("A:A", "B3:C"), whole rows
 * ("9:10") a protection may be given (a user who protects a column by its letter). Null for anything
 * else (treated as the whole sheet, to be safe).
 */
function boxOfA1(a1: string): Box | null {
  const [from, to = from, extra] = a1.split(':') as [string, string?, string?];
  if (extra !== undefined) return null;
  const part = (s: string) => {
    const m = /^\$?([A-Z]{0,3})\$?(\d{0,7})$/.exec(s);
    if (!m || (!m[1] && !m[2])) return null;
    let col: number | undefined;
    if (m[1]) {
      col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
    }
    const row = m[2] ? Number(m[2]) - 1 : undefined;
    if (row !== undefined && row < 0) return null;
    return { row, col };
  };
  const a = part(from);
  const b = part(to as string);
  if (!a || !b) return null;
  // A single part must be a cell; "A" or "3" alone is no range.
  if (!a1.includes(':') && (a.row === undefined || a.col === undefined)) return null;
  const r1 = a.row ?? 0;
  const c1 = a.col ?? 0;
  const r2 = b.row ?? OPEN_END;
  const c2 = b.col ?? OPEN_END;
  if (a.col === undefined && b.col !== undefined) return null; // "3:C5" is no range
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

function inBox(b: Box, row: number, col: number): boolean {
  return row >= b.row && row < b.row + b.rows && col >= b.col && col < b.col + b.cols;
}

function boxesMeet(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

interface RecordSheet {
  sheet: Sheet | null;
  /** The sheet's name: the record's, or its capitals-only rename (recordSheet). */
  name: string;
  rows: MarkRecord[];
  height: number;
  /** The sheet's first four columns as read (what a rollback writes back). */
  raw: unknown[][];
}

/**
 * The record sheet: its exact name, else a sheet the officer renamed changing only capitals ("trợ lý
 * dtts – đánh dấu"). Google keeps sheet names unique case-insensitively, so no record could be made
 * next to that one (insertSheet would throw "A sheet with the name … already exists"): it IS the
 * record. The sheet list is read only when the exact name is missing (an older workbook's first check).
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname
 */
function recordSheet(ss: Spreadsheet): { sheet: Sheet; name: string } | undefined {
  const exact = ss.getSheetByName(MARK_RECORD_SHEET);
  if (exact) return { sheet: exact, name: MARK_RECORD_SHEET };
  const lower = MARK_RECORD_SHEET.toLowerCase();
  return sheetsNamedLike(ss, MARK_RECORD_SHEET).find((e) => e.name.toLowerCase() === lower);
}

function readRecords(ss: Spreadsheet): RecordSheet {
  const found = recordSheet(ss);
  if (!found) return { sheet: null, name: MARK_RECORD_SHEET, rows: [], height: 0, raw: [] };
  const sheet = found.sheet;
  const values = wholeSheetValues(sheet);
  const rows: MarkRecord[] = [];
  // Every row: an officer who sorted the sheet whole moved the header down and a record onto row 1.
  // The header is no record anyway ("Ô" is no A1 reference).
  for (const v of values) {
    const [s, cell, fill, note] = v.map((x) => (typeof x === 'string' ? x : String(x ?? '')));
    if (s && cell && parseA1(cell as string) && (fill || note)) {
      rows.push({ sheet: s as string, cell: cell as string, fill: fill as string, note: note as string });
    }
  }
  return {
    sheet,
    name: found.name,
    rows,
    height: values.length,
    raw: values.map((r) => r.slice(0, RECORD_HEADER.length)),
  };
}

/**
 * Setup's share of the record (setupWorkbook): the hidden record sheet, made as the first validation
 * makes it (writeRecords via WriteBatch.insertHiddenSheet: insertSheet(name), hidden, the officer left
 * on the sheet they were on) and given its header row, the row validation writes first and reads
 * past (readRecords), so validation reads it in one getSheetValues (an empty sheet costs a second
 * read, see wholeSheetValues) and creates nothing. The header is written last: a setup interrupted
 * anywhere finishes on its next run, since an EMPTY record sheet is what an interrupted setup left
 * (it is hidden, then given its header). A record sheet with anything in it is left exactly as it is
 * (unhidden, renamed or edited by the officer: validation reads it as it always has). A sheet whose
 * name equals the record's but for capitals is left alone too: Google keeps names unique
 * case-insensitively, so none could be created next to it (validation would not either).
 * `existing`: the sheets named like the record, exact name first (sheetsNamedLike). Returns whether
 * anything was written.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#hidesheet
 */
export function prepareRecordSheet(
  ss: Spreadsheet,
  existing: readonly { sheet: Sheet; name: string }[],
  wrote: <T>(value: T) => T,
): boolean {
  const exact = existing.find((e) => e.name === MARK_RECORD_SHEET)?.sheet;
  let sheet: Sheet;
  if (exact) {
    if (exact.getLastRow() > 0) return false; // the record, as the officer left it
    if (!exact.isSheetHidden()) wrote(exact.hideSheet());
    // An interrupted setup can leave the officer on it (insertSheet makes the new sheet active): the
    // first visible sheet is shown instead (the sheet they were on is not known any more).
    if (ss.getActiveSheet()?.getName() === MARK_RECORD_SHEET) {
      const visible = ss.getSheets().find((s) => !s.isSheetHidden());
      if (visible) wrote(ss.setActiveSheet(visible));
    }
    sheet = exact;
  } else {
    const lower = MARK_RECORD_SHEET.toLowerCase();
    if (existing.some((e) => e.name.toLowerCase() === lower)) return false;
    const active = ss.getActiveSheet();
    sheet = wrote(ss.insertSheet(MARK_RECORD_SHEET));
    wrote(sheet.hideSheet());
    if (active && !active.isSheetHidden()) wrote(ss.setActiveSheet(active));
  }
  wrote(sheet.getRange(1, 1, 1, RECORD_HEADER.length).setValues([RECORD_HEADER]));
  return true;
}

/**
 * The marks the record says the add-in wrote in sheet `sheetName` (fill and note, as written), for
 * rows the add-in inserts under one of them (insertedRows.ts). One read of the record sheet (none
 * when it does not exist). The record names a sheet by the template's name while the officer's
 * sheet may bear a look-alike of it ("Phân bổ ", NFD, capitals): names are compared as the add-in
 * finds its sheets (sheetNameKey).
 */
export function recordedMarks(ss: Spreadsheet, sheetName: string, record = readRecords(ss)): MarkRecord[] {
  const key = sheetNameKey(sheetName);
  return record.rows.filter((r) => r.sheet === sheetName || sheetNameKey(r.sheet) === key);
}

/** The record sheet as read (one read; none when it does not exist), for recordedMarks and shiftRecordedMarks. */
export function readMarkRecord(ss: Spreadsheet): MarkRecordSheet {
  return readRecords(ss);
}
export type MarkRecordSheet = RecordSheet;

/**
 * Rows the add-in inserts after row `after` (1-based) of sheet `sheetName` move the marked cells under
 * them down by `count`: the record follows them, so validation finds each mark where it now is, a
 * fill written without a note too (nothing else would tell it moved: it would never be cleared). One
 * write of the record's cell column, none when no recorded mark lies under the new rows; put back by
 * the rollback.
 */
export function shiftRecordedMarks(
  record: MarkRecordSheet,
  sheetName: string,
  after: number,
  count: number,
  batch: WriteBatch,
): void {
  const target = record.sheet;
  if (!target || record.raw.length < 2) return;
  const key = sheetNameKey(sheetName);
  let moved = false;
  const cells = record.raw.map((r, i) => {
    const cell = typeof r[1] === 'string' ? r[1] : String(r[1] ?? '');
    const name = typeof r[0] === 'string' ? r[0] : String(r[0] ?? '');
    if (i === 0 || (name !== sheetName && sheetNameKey(name) !== key)) return cell;
    const at = parseA1(cell);
    if (!at || at.row < after) return cell;
    moved = true;
    return a1Of(at.row + count, at.col);
  });
  if (!moved) return;
  const previous = record.raw.map((r) => [typeof r[1] === 'string' ? asText(r[1]) : (r[1] ?? '')]);
  try {
    batch.values(
      target.getRange(1, 2, record.raw.length, 1),
      cells.map((c) => [asText(c)]),
      previous,
    );
  } catch (e) {
    // A record the running user may not write (protected by the owner): the rows are still inserted; a
    // moved mark with a note is found again by it, as for rows the officer inserts. Nothing was written.
    if (!isRefusal(e)) throw e;
  }
}

/** Clears last run's marks where they are still the add-in's, and marks these problems. */
export function writeMarks(
  ss: Spreadsheet,
  problems: readonly Problem[],
  batch: WriteBatch,
  read: ReadonlyMap<string, SheetRead> = new Map(),
  /**
   * Where the running user may not write (lockedAreas). Undefined: not looked up, every cell taken
   * as writable; the caller retries with the protections when Sheets refuses a write
   * (RefusedWriteError), so the lookup is paid only by a user some protection actually stops.
   */
  protections?: Locked,
): MarksResult {
  const record = readRecords(ss);
  const bySheet = new Map<string, MarkRecord[]>();
  for (const r of record.rows) {
    const list = bySheet.get(r.sheet);
    if (list) list.push(r);
    else bySheet.set(r.sheet, [r]);
  }
  const marksBySheet = new Map<string, CellMark[]>();
  for (const p of problems) {
    const at = parseA1(p.cell);
    if (!at) continue;
    const list = marksBySheet.get(p.sheet);
    const m = { ...at, severity: p.severity, message: p.message };
    if (list) list.push(m);
    else marksBySheet.set(p.sheet, [m]);
  }
  const result: MarksResult = {
    cellsChanged: 0,
    cellsWritten: 0,
    skippedProtected: 0,
    unclearedProtected: [],
    sheets: [],
  };
  const uncleared = (name: string, cells: number) => {
    if (cells > 0) result.unclearedProtected?.push({ sheet: name, cells });
  };
  let locked = protections;
  const lockedOf = (name: string) => locked?.get(name);
  const summary = (list: readonly CellMark[]) =>
    summaryNote(list.some((m) => m.severity === 'error') ? 'error' : 'warning', SHEETS.report.name);
  const nextRecords: MarkRecord[] = [];
  for (const name of MARKED) {
    const recs = bySheet.get(name) ?? [];
    const marks = marksBySheet.get(name) ?? [];
    bySheet.delete(name);
    if (recs.length === 0 && marks.length === 0) continue;
    const known = read.get(name);
    const sheet = known?.sheet ?? findSheetByName(ss, name);
    if (!sheet) {
      nextRecords.push(...recs); // the sheet is gone (or renamed): keep its record for when it is back
      continue;
    }
    if (marksMatchRecord(recs, marks, [markNote, summary])) {
      nextRecords.push(...recs); // exactly what is there: no read, no write
      continue;
    }
    const existing = existingRecords(sheet, recs, known);
    // The protections are keyed by the sheet's real name, which may be a look-alike of the template's
    // ("Đại biểu ", NFD, capitals): asked only once the protections were looked up.
    let realName: string | undefined;
    const lockedHere = () => {
      if (locked === undefined) return undefined;
      realName ??= sheet.getName();
      return locked.get(realName);
    };
    const blocked = () => {
      const here = lockedHere();
      // A record the user may not write means no mark can be written (it could never be taken back).
      const recordLocked = record.sheet !== null && lockedOf(record.name) !== undefined;
      return recordLocked || (here?.sheet === true && here.holes.length === 0);
    };
    const skip = () => {
      nextRecords.push(...recs); // cannot be taken back now: kept for a run by someone who can
      result.skippedProtected += new Set(marks.map((m) => `${m.row}:${m.col}`)).size;
      uncleared(name, stale(existing, marks).length);
    };
    if (blocked()) {
      skip();
      continue;
    }
    let written: ReturnType<typeof markSheet>;
    try {
      written = markSheet(sheet, name, existing, marks, batch, known, lockedHere());
    } catch (e) {
      // Protections not looked up yet, and Sheets refused this sheet's first write (nothing of it
      // was written): look them up now and mark this sheet again around the protected cells.
      if (locked !== undefined || !(e instanceof RefusedBeforeWriting))
        throw e instanceof RefusedBeforeWriting ? e.cause : e;
      locked = lockedAreas(ss);
      if (blocked()) {
        skip();
        continue;
      }
      written = markSheet(sheet, name, existing, marks, batch, known, lockedHere());
    }
    result.cellsChanged += written.cellsChanged;
    result.cellsWritten += written.cellsWritten;
    result.skippedProtected += written.skippedProtected;
    uncleared(name, written.unclearedProtected ?? 0);
    if (written.cellsWritten > 0) result.sheets?.push(name);
    nextRecords.push(...written.records);
  }
  for (const rest of bySheet.values()) nextRecords.push(...rest);
  result.cellsWritten += writeRecords(ss, record, nextRecords, batch);
  return result;
}

/**
 * The records whose cell still exists: rows or columns deleted at the end of the sheet take their
 * marks with them (a range past the sheet's last row or column is refused by Google, so reading
 * such a cell would fail every run). The sheet's size is asked only when a record lies beyond the
 * data read.
 */
function existingRecords(sheet: Sheet, recs: readonly MarkRecord[], known: SheetRead | undefined): MarkRecord[] {
  const at = recs.map((r) => parseA1(r.cell));
  const beyond = at.some((c) => c !== null && (!known || c.row >= known.rows || c.col >= known.cols));
  if (!beyond) return [...recs];
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  return recs.filter((_, i) => {
    const c = at[i];
    return c !== null && c !== undefined && c.row < maxRows && c.col < maxCols;
  });
}

function markSheet(
  sheet: Sheet,
  name: string,
  recs: readonly MarkRecord[],
  marks: readonly CellMark[],
  batch: WriteBatch,
  known: SheetRead | undefined,
  locked: LockedArea | undefined,
  /** Protected areas the block write must not cover (the cells in them were taken out already). */
  avoid: LockedArea | undefined = locked,
): Omit<MarksResult, 'unclearedProtected'> & { records: MarkRecord[]; unclearedProtected?: number } {
  const isLocked = (row: number, col: number) => locked !== undefined && isLockedIn(locked, row, col);
  let skippedProtected = 0;
  if (locked) {
    // Protected cells: their marks are not written (the report still lists the problems) and
    // their recorded marks stay recorded until someone who may edit them runs validation.
    const kept = marks.filter((m) => !isLocked(m.row, m.col));
    skippedProtected = new Set(marks.filter((m) => isLocked(m.row, m.col)).map((m) => `${m.row}:${m.col}`)).size;
    const lockedRecs = recs.filter((r) => {
      const at = parseA1(r.cell);
      return at !== null && isLocked(at.row, at.col);
    });
    if (skippedProtected > 0 || lockedRecs.length > 0) {
      const inner = markSheet(
        sheet,
        name,
        recs.filter((r) => !lockedRecs.includes(r)),
        kept,
        batch,
        known,
        undefined,
        locked,
      );
      // Recorded marks on protected cells where no problem (or another one) is to be marked: they
      // stay in the sheet, and the officer is told (validation's message).
      const unclearedProtected = stale(lockedRecs, marks).length;
      return { ...inner, skippedProtected, unclearedProtected, records: [...inner.records, ...lockedRecs] };
    }
  }
  const cells = [
    ...marks,
    ...recs.map((r) => parseA1(r.cell)).filter((c): c is { row: number; col: number } => c !== null),
  ];
  const summary = (list: readonly CellMark[]) =>
    summaryNote(list.some((m) => m.severity === 'error') ? 'error' : 'warning', SHEETS.report.name);
  if (marksMatchRecord(recs, marks, [markNote, summary])) {
    return { cellsChanged: 0, cellsWritten: 0, skippedProtected, records: [...recs] };
  }
  const box = boundingBox(cells) as Box;
  // Read the region of the marks: the data range when it is hardly larger (saves a getRange).
  const dataArea = known ? known.rows * known.cols : 0;
  const useData =
    known !== undefined &&
    box.row + box.rows <= known.rows &&
    box.col + box.cols <= known.cols &&
    dataArea <= box.rows * box.cols + CELLS_PER_CALL / 2;
  // Some rows around the marks too: a mark moved by a few inserted or deleted rows is found there.
  const top = Math.max(0, box.row - MOVE_MARGIN);
  const bottom = Math.max(box.row + box.rows, Math.min(box.row + box.rows + MOVE_MARGIN, known?.rows ?? 0));
  const around: Box = { row: top, col: box.col, rows: bottom - top, cols: box.cols };
  const region: Box = useData ? { row: 0, col: 0, rows: known.rows, cols: known.cols } : around;
  const range = useData ? known.range() : sheet.getRange(around.row + 1, around.col + 1, around.rows, around.cols);
  const fills = range.getBackgrounds();
  const notes = range.getNotes();
  const state = (row: number, col: number): CellState => ({
    fill: fills[row - region.row]?.[col - region.col] ?? NO_FILL,
    note: notes[row - region.row]?.[col - region.col] ?? '',
  });
  const area = region.rows * region.cols;
  const moved = new Map<string, { row: number; col: number }[]>();
  for (let i = 0; i < notes.length; i++) {
    const line = notes[i] as string[];
    for (let j = 0; j < line.length; j++) {
      const note = line[j] as string;
      if (!note.startsWith(MARK_MARKER)) continue;
      const at = { row: region.row + i, col: region.col + j };
      const list = moved.get(note);
      if (list) list.push(at);
      else moved.set(note, [at]);
    }
  }
  // Cells this user may not write: a recorded mark moved into one (rows sorted, cells pasted) stays.
  const frozen = avoid ? (row: number, col: number) => isLockedIn(avoid, row, col) : undefined;
  // Full notes unless writing them costs much more than the "see Kiểm tra" summary notes.
  const full = planMarks({ sheet: name, records: recs, marks, state, moved, frozen });
  const fullCost = writeCost(full.changes, area);
  let plan = full;
  let block = fullCost.block;
  if (fullCost.cost > FULL_NOTES_BUDGET) {
    const short = planMarks({ sheet: name, records: recs, marks, state, note: summary, moved, frozen });
    const shortCost = writeCost(short.changes, area);
    if (shortCost.cost < fullCost.cost) {
      plan = short;
      block = shortCost.block;
    }
  }
  const changes = plan.changes;
  if (changes.length === 0) return { cellsChanged: 0, cellsWritten: 0, skippedProtected, records: plan.records };
  // A block over a protected cell would be refused whole: lists then.
  if (block && avoid && (avoid.sheet || avoid.boxes.some((b) => boxesMeet(b, region)))) block = false;
  let cellsWritten = 0;
  const start = batch.writes;
  let wrote = false;
  try {
    writeChanges();
  } catch (e) {
    if (wrote || avoid !== undefined || !isRefusal(e)) throw e;
    batch.forgetSince(start); // only the inverse of a write that did not happen
    throw new RefusedBeforeWriting(e);
  }
  return { cellsChanged: changes.length, cellsWritten, skippedProtected, records: plan.records };

  function writeChanges(): void {
    if (block) {
      const nextFills = fills.map((r) => r.map(fillArg));
      const nextNotes = notes.map((r) => [...r]);
      let anyFill = false;
      let anyNote = false;
      for (const c of changes) {
        const i = c.row - region.row;
        const j = c.col - region.col;
        if (c.fill !== undefined) {
          (nextFills[i] as (string | null)[])[j] = c.fill;
          anyFill = true;
        }
        if (c.note !== undefined) {
          (nextNotes[i] as string[])[j] = c.note;
          anyNote = true;
        }
      }
      if (anyFill) {
        const previous = fills.map((r) => r.map(fillArg));
        batch.custom(
          () => range.setBackgrounds(nextFills),
          () => range.setBackgrounds(previous),
        );
        wrote = true;
        cellsWritten += area;
      }
      if (anyNote) {
        batch.custom(
          () => range.setNotes(nextNotes),
          () => range.setNotes(notes),
        );
        wrote = true;
        cellsWritten += area;
      }
    } else {
      // One step per group, so a failure midway puts back exactly the groups already written.
      for (const group of groupsOf(changes).values()) {
        const undo: CellChange[] = group.map((c) => {
          const was = state(c.row, c.col);
          return {
            row: c.row,
            col: c.col,
            ...(c.fill === undefined ? {} : { fill: fillArg(was.fill) }),
            ...(c.note === undefined ? {} : { note: was.note }),
          };
        });
        // A group whose first call was refused wrote nothing: its inverse must not write either (it
        // would be refused in turn and the user told, untruly, that the sheet was not put back).
        let groupWrote = false;
        guarded(
          batch,
          () => {
            cellsWritten += writeLists(sheet, group, () => {
              wrote = true;
              groupWrote = true;
            });
          },
          () => {
            if (groupWrote) writeLists(sheet, undo);
          },
        );
      }
    }
  }
}

/**
 * The recorded marks this run would take back: no problem is marked at their cell now. (A cell whose
 * mark would change is a mark not written, counted in skippedProtected.)
 */
function stale(recs: readonly MarkRecord[], marks: readonly CellMark[]): MarkRecord[] {
  const marked = new Set(marks.map((m) => a1Of(m.row, m.col)));
  return recs.filter((r) => !marked.has(r.cell));
}

/** A sheet's first mark write refused by a protection, before anything of the sheet was written. */
class RefusedBeforeWriting extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * A write of several calls: its inverse is registered first, so a failure after some of its calls
 * still puts them back (the inverse of an unwritten cell writes what it already holds).
 */
function guarded(batch: WriteBatch, write: () => void, inverse: () => void): void {
  batch.custom(() => {}, inverse);
  batch.custom(write, () => {});
}

/** getBackgrounds' white means "no fill": written back as null, which resets (never an explicit white). */
function fillArg(color: string): string | null {
  return color.toLowerCase() === NO_FILL ? null : color;
}

function groupsOf(changes: readonly CellChange[]): Map<string, CellChange[]> {
  const groups = new Map<string, CellChange[]>();
  for (const c of changes) {
    const k = `${c.fill === undefined ? '\u0001' : String(c.fill)}\u0000${c.note ?? '\u0001'}`;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

/**
 * One RangeList per group of cells that get the same fill and note
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list#setBackground(String):
 * "A null value resets the color"). Returns the cells written.
 */
function writeLists(sheet: Sheet, changes: readonly CellChange[], wrote?: () => void): number {
  let cells = 0;
  for (const group of groupsOf(changes).values()) {
    const first = group[0] as CellChange;
    const list = sheet.getRangeList(group.map((c) => a1Of(c.row, c.col)));
    if (first.fill !== undefined) {
      list.setBackground(first.fill);
      wrote?.();
    }
    if (first.note !== undefined) {
      list.setNote(first.note === '' ? null : first.note);
      wrote?.();
    }
    cells += group.length;
  }
  return cells;
}

function sameRecords(a: readonly MarkRecord[], b: readonly MarkRecord[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => {
      const s = b[i] as MarkRecord;
      return r.sheet === s.sheet && r.cell === s.cell && r.fill === s.fill && r.note === s.note;
    })
  );
}

/** Rewrites the record sheet (created hidden, text-formatted, the first time); returns cells written. */
function writeRecords(ss: Spreadsheet, old: RecordSheet, next: readonly MarkRecord[], batch: WriteBatch): number {
  if (sameRecords(old.rows, next) && (old.sheet || next.length === 0)) return 0;
  let sheet = old.sheet;
  const width = RECORD_HEADER.length;
  if (!sheet) sheet = batch.insertHiddenSheet(ss, MARK_RECORD_SHEET);
  const target = sheet as unknown as Sheet;
  // Written as text (asText): sheet names, A1 references, colours and marker notes never parse.
  const rows: string[][] = [RECORD_HEADER, ...next.map((r) => [r.sheet, r.cell, r.fill, r.note].map(asText))];
  const height = Math.max(rows.length, old.height);
  while (rows.length < height) rows.push(new Array(width).fill(''));
  if (height > old.height) {
    // Growing past the rows read: make room when the sheet is too short.
    const maxRows = target.getMaxRows();
    if (height > maxRows) {
      batch.custom(
        () => target.insertRowsAfter(maxRows, height - maxRows),
        () => target.deleteRows(maxRows + 1, height - maxRows),
      );
    }
  }
  const block = target.getRange(1, 1, height, width);
  const previous: unknown[][] = old.raw.map((r) => {
    const row = r.map((v) => (typeof v === 'string' ? asText(v) : v));
    while (row.length < width) row.push('');
    return row;
  });
  while (previous.length < height) previous.push(new Array(width).fill(''));
  batch.values(block, rows, previous);
  return height * width;
}

const SHEET_RANK = new Map(SHEET_ORDER.map((k, i) => [SHEETS[k].name, i]));

/** Errors first, then by sheet order, then by row. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  // Each problem's keys computed once (not twice per comparison); the sort is stable, as before.
  const keyed = problems.map((p) => ({
    p,
    severity: p.severity === 'error' ? 0 : 1,
    sheet: SHEET_RANK.get(p.sheet) ?? 99,
    row: parseA1(p.cell)?.row ?? -1,
  }));
  keyed.sort((a, b) => a.severity - b.severity || a.sheet - b.sheet || a.row - b.row);
  return keyed.map((k) => k.p);
}

/**
 * Rewrites `Kiểm tra` whole in one setValues: the problems as text, then blank rows over what the
 * last report had beyond them. The block is formatted as plain text ('@') first, so a copied
 * "06100", "1/5", "1E5" or "=…" stays exactly the text it was.
 */
export function writeReport(
  ss: Spreadsheet,
  problems: readonly Problem[],
  batch: WriteBatch,
  reportSheet?: Sheet,
  /** The report sheet's data as already read (wholeSheetValues): saves two calls. */
  readGrid?: readonly (readonly unknown[])[],
): number {
  const spec = SHEETS.report;
  const sheet = reportSheet ?? findSheet(ss, 'report');
  if (!sheet) return 0;
  const width = spec.columns.length;
  const plain = sortProblems(problems).map((p) => [
    SEVERITY_LABEL[p.severity],
    p.sheet,
    p.cell,
    p.message,
    p.suggestion,
  ]);
  const empty = readGrid?.every((r) => r.every((v) => v === '' || v === null));
  const oldRows = readGrid ? (empty ? 0 : Math.max(0, readGrid.length - 1)) : Math.max(0, sheet.getLastRow() - 1);
  const height = Math.max(plain.length, oldRows);
  if (height === 0) return 0;
  if (plain.length > oldRows) {
    // More rows than the sheet has data in: make room (a report never shrinks the sheet).
    const maxRows = sheet.getMaxRows();
    if (height + 1 > maxRows) {
      batch.custom(
        () => sheet.insertRowsAfter(maxRows, height + 1 - maxRows),
        () => sheet.deleteRows(maxRows + 1, height + 1 - maxRows),
      );
    }
  }
  let block: GoogleAppsScript.Spreadsheet.Range | undefined;
  const blockOf = () => {
    block ??= sheet.getRange(2, 1, height, width);
    return block;
  };
  const previous: unknown[][] =
    oldRows === 0
      ? blankRows(height, width)
      : readGrid
        ? readGrid.slice(1, 1 + height).map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''))
        : (blockOf().getValues() as unknown[][]);
  while (previous.length < height) previous.push(new Array(width).fill(''));
  while (plain.length < height) plain.push(new Array(width).fill(''));
  // The same report as last time: nothing to write.
  if (plain.every((r, i) => r.every((v, j) => v === String(previous[i]?.[j] ?? '')))) return 0;
  const target = blockOf();
  const formats = target.getNumberFormats();
  if (!formats.every((r) => r.every((f) => f === '@'))) {
    batch.custom(
      () => target.setNumberFormat('@'),
      () => target.setNumberFormats(formats),
    );
  }
  batch.values(
    target,
    plain.map((r) => r.map(asText)),
    previous.map((r) => r.map((v) => (typeof v === 'string' ? asText(v) : v))),
  );
  return height * width;
}

function blankRows(height: number, width: number): string[][] {
  return Array.from({ length: height }, () => new Array(width).fill(''));
}

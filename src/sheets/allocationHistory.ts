/**
 * The previous allocation, kept so that "Hoàn tác phân bổ" can put it back.
 *
 * Where: a hidden sheet the add-in owns (HISTORY_SHEET), like the record of the marks. Document
 * properties cap one value at 9 KB (https://developers.google.com/apps-script/guides/properties),
 * which a province's ~8 owned cells × hundreds of units exceed; a sheet is read with one getValues and
 * written with one setValues whatever the number of units. Every cell is formatted as plain text and
 * written so that it stays text (a code "06100" or "=A1" never becomes a number or a formula).
 *
 * Layout: row 1 a header, row 2 the meta (when the kept allocation was replaced, its method), then one
 * row per unit: its code, the row it was in, and its owned cells as JSON (value with its type, formula,
 * number format), cut into pieces of at most CHUNK characters over the next columns (a cell holds at
 * most 50,000 characters, and a unit name may be that long).
 *
 * What is kept: the owned cells of `Phân bổ` (the computed columns of the unit rows) as they were just
 * before a write that changed an existing allocation. A first allocation, or a write that changes no
 * owned cell, keeps the earlier record. Undo restores by code, under the document lock, writes only
 * the owned cells of the rows it finds, and then empties the record: undo twice is refused (run
 * "Phân bổ đại biểu" again to get the new result back).
 */

import { fixedSeatsOf, matchUnitRows } from '../domain/allocation';
import {
  type CellContent,
  decodeMeta,
  decodeSnapshot,
  digestOf,
  encodeMeta,
  encodeSnapshot,
  figureOf,
  type HistoryMeta,
  holds,
  type OwnedCell,
  shownContent,
  typedSince,
  type UnitSnapshot,
} from '../domain/allocationHistory';
import { METHOD_NAMES } from '../domain/apportion';
import { asText } from '../domain/marks';
import { a1, ProblemList } from '../domain/problem';
import { readAllocationTable, readSettingsWithCells } from '../domain/records';
import { SHEETS } from '../domain/template';
import { isTotalLabel } from '../domain/text';
import { type CellValue, PLAIN_TEXT_FORMAT, restoreInput } from '../domain/values';
import type { TypedOverCellDto, UndoAllocationResultDto } from '../rpc/contract';
import { REALLOCATION_MESSAGES } from '../ui/vi';
import { formColumn, formColumnIsOurs, headerFills, headerNotes, quotaColumn } from './allocationColumns';
import { type WriteBatch, writeAll } from './batch';
import { withDocumentLock } from './lock';
import { loadStates, saveState } from './state';
import { findSheet, readGrids, type Sheet, type Spreadsheet, timeZoneOffset } from './workbook';

/** Typed cells named in full in a message; the others by their cell only. */
export const TYPED_LINES_SHOWN = 15;
/**
 * At most this many typed cells go back to the sidebar (google.script.run documents no safe size; a
 * province's `Phân bổ` pasted over holds tens of thousands): `typedOverTotal` counts them all, and the
 * digest sent back still covers every one.
 */
export const TYPED_CELLS_SENT = 300;

/** The hidden sheet holding the previous allocation (the add-in's own). */
export const HISTORY_SHEET = 'Trợ lý DTTS – phân bổ trước';
const HEADER = ['Mã đơn vị', 'Dòng', 'Các ô của tiện ích'];
const META_MARK = '#';
/** Characters per cell of the JSON (Sheets refuses a cell over 50,000). */
const CHUNK = 40000;
/** JSON text → pieces of at most CHUNK characters. */
const chunks = (text: string) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length > 0 ? out : [''];
};

/** The computed (owned) columns of `Phân bổ`. */
export const OWNED_KEYS = SHEETS.allocation.columns.filter((c) => c.computed).map((c) => c.key);
const TEXT_KEYS = new Set(SHEETS.allocation.columns.filter((c) => c.computed && c.kind === 'text').map((c) => c.key));

export interface HistoryRecord {
  sheet: Sheet | null;
  /** What the sheet's first columns hold (written back by a rollback). */
  raw: unknown[][];
  meta: HistoryMeta | null;
  units: UnitSnapshot[];
  /** A unit row could not be read back. */
  damaged: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** One getSheetByName and, when the sheet is there, one getValues. */
export function readHistory(ss: Spreadsheet): HistoryRecord {
  const sheet = ss.getSheetByName(HISTORY_SHEET);
  if (!sheet) return { sheet: null, raw: [], meta: null, units: [], damaged: false };
  const values = sheet.getDataRange().getValues();
  const raw = values.map((r) => [...r]);
  const json = (r: readonly unknown[]) => r.slice(2).map(str).join('');
  const metaRow = values[1];
  const meta = metaRow && str(metaRow[0]) === META_MARK ? decodeMeta(json(metaRow)) : null;
  const units: UnitSnapshot[] = [];
  let damaged = false;
  if (meta) {
    for (const r of values.slice(2)) {
      const code = str(r[0]);
      if (code === '' && json(r) === '') continue;
      const unit = decodeSnapshot(code, json(r));
      const row = Number(str(r[1]));
      if (unit && code !== '') units.push(Number.isInteger(row) && row > 0 ? { ...unit, row } : unit);
      else damaged = true;
    }
  }
  return { sheet, raw, meta, units, damaged };
}

/** The allocation "Hoàn tác phân bổ" would restore, for the sidebar (null: nothing to undo). */
export function historySummary(
  ss: Spreadsheet,
): { replacedAt: string; method: string; methodName: string; id: string } | null {
  // Only the first rows (the meta and the first unit): the overview reads this at every opening.
  const sheet = ss.getSheetByName(HISTORY_SHEET);
  if (!sheet || sheet.getLastRow() < 3) return null;
  const [, metaRow, first] = sheet.getRange(1, 1, 3, HEADER.length).getValues();
  const meta = metaRow && str(metaRow[0]) === META_MARK ? decodeMeta(str(metaRow[2])) : null;
  if (!meta || !first || str(first[0]) === '') return null;
  return { replacedAt: meta.replacedAt, method: meta.method, methodName: methodName(meta.method), id: recordId(meta) };
}

/** What an undo asked about one record sends back: its id (its time for a record written before ids). */
const recordId = (meta: HistoryMeta) => meta.id || meta.replacedAt;

function methodName(method: string): string {
  return METHOD_NAMES[method as keyof typeof METHOD_NAMES]?.vi ?? '';
}

/**
 * Rewrites the record (the sheet is created hidden the first time): `units` empty leaves only the
 * header, so nothing is left to undo. One setValues over the old and new extent; its rollback writes
 * back what was read.
 */
export function writeHistory(
  ss: Spreadsheet,
  old: HistoryRecord,
  meta: HistoryMeta | null,
  units: readonly UnitSnapshot[],
  batch: WriteBatch,
): void {
  let sheet = old.sheet;
  if (!sheet) {
    if (units.length === 0) return;
    sheet = batch.insertHiddenSheet(ss, HISTORY_SHEET);
  }
  const target = sheet as unknown as Sheet;
  const rows: string[][] = [HEADER];
  if (meta && units.length > 0) {
    rows.push([META_MARK, '', ...chunks(encodeMeta(meta))]);
    for (const u of units) rows.push([u.code, String(u.row ?? ''), ...chunks(encodeSnapshot(u))]);
  }
  const width = Math.max(HEADER.length, ...rows.map((r) => r.length), ...old.raw.map((r) => r.length));
  const height = Math.max(rows.length, old.raw.length);
  while (rows.length < height) rows.push([]);
  for (const r of rows) while (r.length < width) r.push('');
  const maxColumns = target.getMaxColumns();
  if (width > maxColumns) {
    batch.custom(
      () => target.insertColumnsAfter(maxColumns, width - maxColumns),
      () => target.deleteColumns(maxColumns + 1, width - maxColumns),
    );
  }
  const maxRows = target.getMaxRows();
  if (height > maxRows) {
    batch.custom(
      () => target.insertRowsAfter(maxRows, height - maxRows),
      () => target.deleteRows(maxRows + 1, height - maxRows),
    );
  }
  const block = target.getRange(1, 1, height, width);
  // Plain text everywhere it writes, so no code or piece of JSON is ever read as a number or formula.
  if (!old.sheet) {
    batch.custom(
      () => block.setNumberFormat(PLAIN_TEXT_FORMAT),
      () => {},
    );
  } else if (height > old.raw.length || width > Math.max(0, ...old.raw.map((r) => r.length))) {
    const formats = block.getNumberFormats();
    if (formats.some((r) => r.some((f) => f !== PLAIN_TEXT_FORMAT))) {
      batch.numberFormats(
        block,
        formats.map((r) => r.map(() => PLAIN_TEXT_FORMAT)),
        formats,
      );
    }
  }
  const previous = old.raw.map((r) => {
    const row = r.map((v) => (typeof v === 'string' ? asText(v) : v));
    while (row.length < width) row.push('');
    return row;
  });
  while (previous.length < height) previous.push(new Array(width).fill(''));
  batch.values(
    block,
    rows.map((r) => r.map(asText)),
    previous,
  );
}

/**
 * "Hoàn tác phân bổ": puts back the owned cells of `Phân bổ` as they were before the last
 * re-allocation, by unit code, under the document lock; the user's cells, rows and formulas are not
 * written. Units whose row is gone are named; rows of units the record does not know are left as they are.
 * `expect` (the id historySummary gave when the officer was asked) refuses a record replaced since:
 * another officer re-allocated or undid while the question was open.
 */
export function runUndoAllocation(
  ss: Spreadsheet,
  now: Date,
  expect?: string,
  overwrite?: string,
): UndoAllocationResultDto {
  return withDocumentLock(() => undo(ss, now, { expect, overwrite }, 'write'));
}

/**
 * What "Hoàn tác phân bổ" would do, read only (no lock, nothing written), for the menu's question:
 * `typedOver` (the cells typed by hand since the re-allocation that it would replace) and `overwrite`,
 * the digest to send back with the officer's Có. Refused as the undo would be (nothing to undo, a
 * damaged record, a record other than `expect`).
 */
export function runUndoCheck(ss: Spreadsheet, now: Date, expect?: string): UndoAllocationResultDto {
  return undo(ss, now, { expect }, 'check');
}

/** A typed cell as the officer reads it: sheet, cell, unit name, column, typed → restored. */
export function typedOverLine(t: TypedOverCellDto): string {
  const quoted = (s: string) => (s === REALLOCATION_MESSAGES.undoTypedBlank ? s : `"${s}"`);
  return REALLOCATION_MESSAGES.undoTypedLine(
    t.sheet,
    t.cell,
    t.name || t.code,
    t.column,
    quoted(t.typed),
    quoted(t.restored),
  );
}

function undo(
  ss: Spreadsheet,
  now: Date,
  options: { expect?: string; overwrite?: string },
  mode: 'write' | 'check',
): UndoAllocationResultDto {
  const { expect } = options;
  const refused = (message: string): UndoAllocationResultDto => ({ ok: false, message, restored: 0, notRestored: [] });
  const history = readHistory(ss);
  if (history.damaged) return refused(REALLOCATION_MESSAGES.undoDamaged);
  if (expect !== undefined && (!history.meta || history.units.length === 0 || recordId(history.meta) !== expect))
    return refused(REALLOCATION_MESSAGES.undoStale);
  if (!history.meta || history.units.length === 0) return refused(REALLOCATION_MESSAGES.undoNothing);
  const grids = readGrids(ss, ['allocation']);
  const read = readAllocationTable(grids.allocation, new ProblemList());
  const sheet = read.table.present ? findSheet(ss, 'allocation') : null;
  if (!sheet) return refused(REALLOCATION_MESSAGES.undoNoSheet(SHEETS.allocation.name));
  const { table } = read;
  // The columns the record holds (a column added to the template since is left as it is).
  const keptKeys = new Set(Object.keys(history.units[0]?.cells ?? {}));
  // "Hạn ngạch" and "Số theo tỷ lệ" both there: the add-in's, as the allocation chose it.
  const header = (grids.allocation ?? [])[table.headerRow - 1] ?? [];
  const fillAt = headerFills(sheet, table.headerRow, header.length);
  const quota = quotaColumn(header, fillAt, table.columns.quota).column;
  const { matches } = matchUnitRows(
    history.units.map((u) => u.code),
    read.rows.map((r) => r.data.code),
  );
  // `Hình thức` chosen as the allocation chooses it (left alone below if it is the officer's now).
  const form = formColumn(header, fillAt, table.columns.form).column;
  let columns = OWNED_KEYS.filter((k) => keptKeys.has(k))
    .map((k) => [k, k === 'quota' ? quota : k === 'form' ? form : table.columns[k]] as const)
    .filter((e): e is readonly [string, number] => e[1] !== undefined);
  const targets: { row: number; unit: UnitSnapshot }[] = [];
  const notRestored: { code: string; name: string }[] = [];
  // Rows whose Điều chỉnh (the officer's, never restored) was changed since the kept figures were
  // written: the restored Số chính thức would not be Số phân bổ + Điều chỉnh, and the message says where.
  const unbalanced: string[] = [];
  for (const unit of history.units) {
    const m = matches.get(unit.code);
    const record = m ? read.rows[m.index] : undefined;
    if (record) {
      targets.push({ row: record.row, unit });
      const seats = unit.cells.seats?.value;
      const final = unit.cells.final?.value;
      const adjustment = record.data.adjustment ?? 0;
      if (typeof seats === 'number' && typeof final === 'number' && final !== seats + adjustment)
        unbalanced.push(
          REALLOCATION_MESSAGES.undoUnbalancedUnit(unit.name, record.cells.final ?? '', final, seats, adjustment),
        );
    } else if (!unit.added) notRestored.push({ code: unit.code, name: unit.name });
  }
  const used = new Set([...matches.values()].map((m) => m.index));
  const nameColumn = table.columns.name;
  const untouched = read.rows
    .filter((r, i) => r.data.code && !used.has(i) && !isTotalLabel(r.data.code))
    .map((r) => {
      const name = nameColumn === undefined ? '' : str((grids.allocation ?? [])[r.row - 1]?.[nameColumn]);
      return name || (r.data.code as string);
    });
  targets.sort((a, b) => a.row - b.row);
  const runs: { row: number; unit: UnitSnapshot }[][] = [];
  for (const t of targets) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.row + 1 === t.row) run.push(t);
    else runs.push([t]);
  }
  const height = Math.max(1, ...targets.map((t) => t.row));
  const width = Math.max(1, ...columns.map((c) => c[1] + 1));
  const block = targets.length > 0 ? sheet.getRange(1, 1, height, width) : null;
  const formulas = block?.getFormulas() ?? [];
  const formats = block?.getNumberFormats() ?? [];
  const grid = grids.allocation ?? [];
  if (form !== undefined && !formColumnIsOurs(fillAt, headerNotes(sheet, table.headerRow, header.length), form))
    columns = columns.filter(([key]) => key !== 'form');
  const colRuns: (readonly [string, number])[][] = [];
  for (const e of [...columns].sort((a, b) => a[1] - b[1])) {
    const run = colRuns[colRuns.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last[1] + 1 === e[1]) run.push(e);
    else colRuns.push([e]);
  }
  const registered = table.columns.registered;
  const blank: OwnedCell = { value: '', formula: '', format: '' };
  const cellOf = (t: { unit: UnitSnapshot }, key: string): OwnedCell => t.unit.cells[key] ?? blank;
  /** What the undo puts in a cell (before it is made an input for setValues). */
  const restoredCell = (t: { row: number; unit: UnitSnapshot }, key: string): CellContent => {
    const cell = cellOf(t, key);
    // "Đã đăng ký" counts the rows of `Đại biểu`, it is no part of an allocation: the newest count
    // stays, and "Chênh lệch" is worked out again from it and the restored Số chính thức.
    const count = registered === undefined ? undefined : grid[t.row - 1]?.[registered];
    if (!t.unit.added && key === 'registered' && typeof count === 'number') return { value: count, formula: '' };
    const final = cellOf(t, 'final').value;
    if (!t.unit.added && key === 'difference' && typeof count === 'number' && typeof final === 'number')
      return { value: count - final, formula: '' };
    return { value: cell.value, formula: cell.formula };
  };
  // Cells typed by hand since the re-allocation (neither what it wrote nor what the undo writes):
  // never replaced unless the officer confirmed these very cells (`overwrite`, their digest).
  const typedOver: TypedOverCellDto[] = [];
  const typedContents: unknown[] = [];
  let zone: string | undefined;
  const dateText = (d: Date) => {
    zone = zone ?? ss.getSpreadsheetTimeZone();
    return Utilities.formatDate(d, zone, 'dd/MM/yyyy');
  };
  const blankText = REALLOCATION_MESSAGES.undoTypedBlank;
  for (const t of targets) {
    const wrote = t.unit.wrote;
    if (!wrote) continue;
    for (const [key, c] of [...columns].sort((a, b) => a[1] - b[1])) {
      const current: CellContent = { value: grid[t.row - 1]?.[c] ?? '', formula: formulas[t.row - 1]?.[c] ?? '' };
      const restored = restoredCell(t, key);
      // A column the record does not say it wrote (left out of a run): whatever differs from what
      // comes back is asked about, never replaced unasked.
      if (key in wrote ? !typedSince(current, wrote[key] as CellValue, restored) : holds(current, restored)) continue;
      typedOver.push({
        sheet: SHEETS.allocation.name,
        cell: a1(t.row, c + 1),
        code: t.unit.code,
        // A name of thousands of characters is cut like the contents (the question stays readable).
        name: shownContent({ value: t.unit.name, formula: '' }, '', String),
        column: str(header[c]),
        typed: shownContent(current, blankText, dateText),
        restored: shownContent(restored, blankText, dateText),
      });
      typedContents.push([a1(t.row, c + 1), current, restored]);
    }
  }
  const overwrite = digestOf([recordId(history.meta), typedContents]);
  // The first cells in full, the others by their cell (a sheet pasted over has thousands).
  const typedLines = typedOver.slice(0, TYPED_LINES_SHOWN).map(typedOverLine);
  const typedOthers = typedOver.slice(TYPED_LINES_SHOWN).map((t) => t.cell);
  const sent = mode === 'check' ? typedOver : typedOver.slice(0, TYPED_CELLS_SENT);
  const asked = { typedOver: sent, typedOverTotal: typedOver.length, overwrite };
  if (mode === 'check') return { ok: true, message: '', restored: 0, notRestored, ...asked };
  if (options.overwrite !== undefined && options.overwrite !== overwrite)
    return { ...refused(REALLOCATION_MESSAGES.undoTypedStale), ...asked, needsConfirmation: typedOver.length > 0 };
  if (typedOver.length > 0 && options.overwrite === undefined)
    return {
      ...refused(REALLOCATION_MESSAGES.undoTypedAsk(typedLines, typedOthers)),
      ...asked,
      needsConfirmation: true,
    };
  writeAll(`trang "${SHEETS.allocation.name}"`, (batch) => {
    for (const rows of runs) {
      const first = (rows[0] as { row: number }).row;
      for (const run of colRuns) {
        const range = sheet.getRange(first, (run[0] as readonly [string, number])[1] + 1, rows.length, run.length);
        const nextFormats = rows.map((t) =>
          run.map(([key, c]) => cellOf(t, key).format || (formats[t.row - 1]?.[c] ?? '')),
        );
        const nowFormats = rows.map((t) => run.map(([, c]) => formats[t.row - 1]?.[c] ?? ''));
        // Formats first, so that text goes back into plain-text cells as text.
        if (nextFormats.some((r, i) => r.some((f, j) => f !== nowFormats[i]?.[j])))
          batch.numberFormats(range, nextFormats, nowFormats);
        const next = rows.map((t) =>
          run.map(([key]) => {
            const plain = TEXT_KEYS.has(key) || cellOf(t, key).format === PLAIN_TEXT_FORMAT;
            const restored = restoredCell(t, key);
            return restoreInput(restored.value, restored.formula, plain);
          }),
        );
        const before = rows.map((t) =>
          run.map(([, c]) =>
            restoreInput(
              grid[t.row - 1]?.[c] ?? '',
              formulas[t.row - 1]?.[c] ?? '',
              (formats[t.row - 1]?.[c] ?? '') === PLAIN_TEXT_FORMAT,
            ),
          ),
        );
        batch.values(range, next, before);
      }
    }
    writeHistory(ss, history, null, [], batch);
  });
  const meta = history.meta;
  const previousState = loadStates().allocation;
  if (previousState)
    saveState('allocation', { ...previousState, at: now.toISOString(), method: meta.method || previousState.method });
  const when = Utilities.formatDate(new Date(meta.replacedAt), ss.getSpreadsheetTimeZone(), 'HH:mm dd/MM/yyyy');
  let message = REALLOCATION_MESSAGES.undoDone(targets.length, methodName(meta.method), when);
  if (notRestored.length > 0) message += REALLOCATION_MESSAGES.undoNotRestored(notRestored.map((u) => u.name));
  if (untouched.length > 0) message += REALLOCATION_MESSAGES.undoUntouched(untouched);
  if (unbalanced.length > 0) message += REALLOCATION_MESSAGES.undoUnbalanced(unbalanced);
  if (typedLines.length > 0) message += REALLOCATION_MESSAGES.undoTypedReplaced(typedLines, typedOthers);
  if (meta.replacedBy && meta.replacedBy !== meta.method && methodName(meta.replacedBy))
    message += REALLOCATION_MESSAGES.undoConfigNote(methodName(meta.replacedBy));
  message += totalNote(ss, read.rows, grid, table.columns.final, targets);
  return {
    ok: true,
    message,
    restored: targets.length,
    notRestored,
    ...(typedOver.length > 0 && { typedOver: sent, typedOverTotal: typedOver.length }),
  };
}

/**
 * The restored Số chính thức add up (with the fixed seats) to another total than `Cấu hình` gives (the
 * total was changed for the re-allocation): said at once, since no allocation notice can be made so.
 * One read of `Cấu hình`.
 */
function totalNote(
  ss: Spreadsheet,
  rows: readonly { row: number; data: { code: string | null } }[],
  grid: readonly (readonly unknown[])[],
  finalColumn: number | undefined,
  targets: readonly { row: number; unit: UnitSnapshot }[],
): string {
  if (finalColumn === undefined || targets.length === 0) return '';
  const restored = new Map(targets.map((t) => [t.row, figureOf(t.unit.cells.final?.value)]));
  let sum = 0;
  for (const r of rows) {
    if (!r.data.code || isTotalLabel(r.data.code)) continue;
    sum += (restored.has(r.row) ? restored.get(r.row) : figureOf(grid[r.row - 1]?.[finalColumn])) ?? 0;
  }
  const { settings } = readSettingsWithCells(readGrids(ss, ['config']).config, timeZoneOffset(ss), new ProblemList());
  const fixed = fixedSeatsOf(settings).reduce((s, f) => s + f.seats, 0);
  return sum + fixed === settings.officialTotal
    ? ''
    : REALLOCATION_MESSAGES.undoTotalNote(sum, fixed, settings.officialTotal);
}

/** A row of `Phân bổ` the allocation is about to write, as writeAllocation places it. */
export interface PlacedRow {
  row: number;
  code: string;
  name: string;
  /** Inserted by this run: nothing was there. */
  inserted: boolean;
  /** What this run writes into the owned cells, by column key (as the cells read back). */
  wrote?: Record<string, CellValue>;
}

/**
 * The owned cells of the rows about to be written, as they are (read already: values, formulas,
 * formats of the block), for the record of the previous allocation.
 */
export function snapshotRows(
  rows: readonly PlacedRow[],
  columns: ReadonlyMap<string, number>,
  grid: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  formats: readonly (readonly string[])[],
): UnitSnapshot[] {
  return rows.map((p) => {
    const cells: Record<string, OwnedCell> = {};
    let empty = true;
    for (const [key, c] of columns) {
      const raw = p.inserted ? '' : grid[p.row - 1]?.[c];
      const value = raw instanceof Date || ['string', 'number', 'boolean'].includes(typeof raw) ? raw : '';
      const formula = p.inserted ? '' : (formulas[p.row - 1]?.[c] ?? '');
      if (value !== '' || formula !== '') empty = false;
      cells[key] = {
        value: value as OwnedCell['value'],
        formula,
        format: p.inserted ? '' : (formats[p.row - 1]?.[c] ?? ''),
      };
    }
    return { code: p.code, name: p.name, row: p.row, added: empty, cells, ...(p.wrote && { wrote: p.wrote }) };
  });
}

/**
 * An allocation that keeps no new record (it changed no figure or form) still writes the owned
 * cells (a new "Đã đăng ký", "Chênh lệch", "Cách tính"): the record learns what they hold now, so that
 * the undo does not take them for cells an officer typed. The kept cells, meta and id stay as they
 * were. Nothing more than one getSheetByName when there is no record.
 */
export function refreshWritten(ss: Spreadsheet, rows: readonly UnitSnapshot[], batch: WriteBatch): void {
  const history = readHistory(ss);
  if (!history.meta || history.damaged || history.units.length === 0) return;
  const written = new Map(rows.map((r) => [r.code, r.wrote]));
  let changed = false;
  const units = history.units.map((u) => {
    const wrote = written.get(u.code);
    if (!wrote) return u;
    // A column this run left out (Hình thức taken over by the officer for a while) keeps what the
    // add-in wrote there last.
    const merged = { ...u.wrote, ...wrote };
    if (u.wrote && encodeSnapshot({ ...u, wrote: merged }) === encodeSnapshot(u)) return u;
    changed = true;
    return { ...u, wrote: merged };
  });
  if (changed) writeHistory(ss, history, history.meta, units, batch);
}

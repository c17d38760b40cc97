/**
 * "Phân bổ đại biểu": reads `Cấu hình`, `Đơn vị`, `Phân bổ` and `Đại biểu`, apportions, and
 * writes the computed columns of the unit rows of `Phân bổ`. The user's `Điều chỉnh` and `Ghi chú`,
 * any extra column and any row that is not a unit's (a total row with =SUM, notes) are never written:
 * each block of adjacent unit rows × adjacent computed columns is one setValues.
 */
import { type AllocationPlan, type AllocationRow, matchUnitRows, planAllocation } from '../domain/allocation';
import { buildPreview, digestOf, figureOf, type UnitSnapshot } from '../domain/allocationHistory';
import { METHOD_NAMES } from '../domain/apportion';
import { parseOffset, type ZoneOffset } from '../domain/dates';
import { a1, ProblemList } from '../domain/problem';
import {
  type AllocationRecord,
  checkOfficialTotalRow,
  readAllocationTable,
  readDelegates,
  readSettingsWithCells,
  readUnits,
  UnitIndex,
} from '../domain/records';
import type { Table } from '../domain/table';
import { SHEETS } from '../domain/template';
import { afterColon, isTotalLabel } from '../domain/text';
import { type CellValue, isBlank, PLAIN_TEXT_FORMAT, restoreInput, textInput } from '../domain/values';
import type { AllocationResultDto } from '../rpc/contract';
import { ALLOCATION_MESSAGES, ELIGIBILITY_LABELS, REALLOCATION_MESSAGES } from '../ui/vi';
import { formColumn, formColumnIsOurs, headerFills, headerNotes, isFormLabel, quotaColumn } from './allocationColumns';
import { OWNED_KEYS, readHistory, refreshWritten, snapshotRows, writeHistory } from './allocationHistory';
import { type WriteBatch, writeAll } from './batch';
import { insertRowsClearingOwnMarks } from './insertedRows';
import { withDocumentLock } from './lock';
import { HEADER_BACKGROUND } from './setup';
import { loadStates, saveState } from './state';
import { findSheet, readGrids, type Sheet, type Spreadsheet, timeZoneOffset } from './workbook';

const COMPUTED = SHEETS.allocation.columns.filter((c) => c.computed).map((c) => c.key);
/** Computed columns a workbook set up before they existed may lack: written when present ("Cách tính"). */
const OPTIONAL_KEYS = ['reason', 'form'];
/** Computed columns holding text (copied from `Đơn vị`, or the reason): written as plain text. */
const TEXT_KEYS = SHEETS.allocation.columns.filter((c) => c.computed && c.kind === 'text').map((c) => c.key);

function computedValue(row: AllocationRow, key: string): CellValue {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'dttsPopulation':
      return row.dttsPopulation;
    case 'quota':
      return Math.round(row.quota * 100) / 100;
    case 'seats':
      return row.seats;
    case 'final':
      return row.final;
    case 'registered':
      return row.registered;
    case 'difference':
      return row.difference;
    case 'reason':
      return fitCell(row.reason);
    case 'form':
      return row.form;
    default:
      return '';
  }
}

/**
 * Google refuses a cell of more than 50,000 characters ("Your input contains more than the maximum of
 * 50000 characters in a single cell"): a reason that long (a tie among units with very long names) is
 * cut to fit, saying so; the sidebar keeps it whole. One character is left for the apostrophe that
 * keeps a text a text.
 */
const REASON_MAX_CHARS = 50_000 - 1;

function fitCell(reason: string): string {
  if (reason.length <= REASON_MAX_CHARS) return reason;
  const cut = ALLOCATION_MESSAGES.reasonCut;
  // Never split a surrogate pair.
  return reason.slice(0, REASON_MAX_CHARS - cut.length).replace(/[\uD800-\uDBFF]$/, '') + cut;
}

/**
 * `Cách tính` is new: a workbook set up before it may hold a column of the officer's own under that
 * header (how they worked the figures out). The column is the add-in's when "Thiết lập bảng tính" added
 * it, recognised as setup recognises its columns, by the header's fill (HEADER_BACKGROUND); or, its
 * header refilled by the officer, when the unit rows hold nothing but reasons the add-in wrote (each says
 * "→ N đại biểu") or blanks. Anything else there (the officer's text, a formula's figure) is theirs: the
 * column is never written, and a warning names its header cell.
 */
const OUR_REASON = /→ [\d.]+ đại biểu/;

function reasonColumnIsOurs(fillAt: (column: number) => string, column: number, cells: readonly CellValue[]): boolean {
  if (
    cells.every(
      (v) => isBlank(v) || (typeof v === 'string' && (OUR_REASON.test(v) || v.endsWith(ALLOCATION_MESSAGES.reasonCut))),
    )
  )
    return true;
  return fillAt(column) === HEADER_BACKGROUND;
}

/** Groups 0-based column indices into contiguous runs: [2,3,4,7,8] → [[2,3,4],[7,8]]. */
export function contiguousRuns(columns: readonly number[]): number[][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === (last[last.length - 1] as number) + 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** One row that the allocation writes: its 1-based sheet row and the unit it holds. */
interface UnitRow {
  row: number;
  planned: AllocationRow;
  /** Inserted or appended by this run (nothing of the user's was there). */
  added: boolean;
}

/**
 * Where each unit goes in `Phân bổ`: the row that holds its code (matched as text; a digit code that
 * Sheets turned into a number matches with a warning), else a new row after the last unit row.
 * Rows of no unit (a user's total row, notes, a unit no longer in `Đơn vị`) are never written.
 */
function placeUnits(plan: AllocationPlan, previous: { table: Table; rows: AllocationRecord[] }) {
  const { matches, duplicates } = matchUnitRows(
    plan.rows.map((r) => r.code),
    previous.rows.map((r) => r.data.code),
  );
  const placed: UnitRow[] = [];
  const fresh: AllocationRow[] = [];
  for (const planned of plan.rows) {
    const m = matches.get(planned.code);
    if (!m) {
      fresh.push(planned);
      continue;
    }
    const record = previous.rows[m.index] as AllocationRecord;
    placed.push({ row: record.row, planned, added: false });
  }
  const used = new Set([...matches.values()].map((m) => m.index));
  const twins = duplicates.map((i) => previous.rows[i] as AllocationRecord);
  const orphans = previous.rows.filter((r, i) => r.data.code && !used.has(i) && !duplicates.includes(i));
  return { placed, fresh, orphans, twins };
}

/**
 * Warnings about rows the allocation leaves as they are: a second row of a unit, a row of no unit.
 * `rowAfter` gives where a row is once new rows are inserted above it, so that the cell named is the
 * one the user will find.
 */
function warnUntouchedRows(
  rows: { placed: UnitRow[]; orphans: AllocationRecord[]; twins: AllocationRecord[] },
  codeCol: number,
  skip: (r: AllocationRecord) => boolean,
  rowAfter: (row: number) => number,
  problems: ProblemList,
): void {
  const sheetName = SHEETS.allocation.name;
  for (const record of rows.twins) {
    const code = record.data.code ?? '';
    const row = rowAfter(record.row);
    const first = rows.placed.find((p) => sameCode(p, code));
    problems.warning(
      'allocation-duplicate-row',
      sheetName,
      a1(row, codeCol + 1),
      ALLOCATION_MESSAGES.duplicateRow(code, row, first?.row ?? row),
    );
  }
  for (const r of rows.orphans) {
    if (skip(r)) continue;
    const row = rowAfter(r.row);
    problems.warning(
      'allocation-unknown-row',
      sheetName,
      a1(row, codeCol + 1),
      ALLOCATION_MESSAGES.orphanRow(r.data.code ?? '', row),
    );
  }
}

function sameCode(p: UnitRow, code: string): boolean {
  return matchUnitRows([p.planned.code], [code]).matches.size > 0;
}

/** A range reference "G2:G12", "$E$2:E$12" in a formula: its rows. */
const RANGE_REF = /\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)/gi;

/**
 * New units' rows come after the last unit row, outside a user's range that stops there, such as
 * =SUM(G2:G12) in a total row below or above the units, or =G2/SUM(G$2:G$12) in a column of their own
 * (Sheets widens a range only for rows inserted inside it): each such formula is named, where it is
 * once rows are inserted, so that a figure computed from it never silently misses the new units.
 * The computed cells of unit rows are left out (they are replaced by values).
 */
function warnTotalsMissingNewRows(
  formulas: readonly string[][],
  lastUnitRow: number,
  count: number,
  rowAfter: (row: number) => number,
  replaced: (row: number, column: number) => boolean,
  problems: ProblemList,
): void {
  formulas.forEach((cells, i) => {
    const row = i + 1;
    cells.forEach((formula, c) => {
      if (!formula || replaced(row, c)) return;
      const stops = [...formula.matchAll(RANGE_REF)].some(
        (m) => Number(m[2]) === lastUnitRow && Number(m[1]) < lastUnitRow,
      );
      if (!stops) return;
      const cell = a1(rowAfter(row), c + 1);
      problems.warning(
        'allocation-total-misses-new-rows',
        SHEETS.allocation.name,
        cell,
        ALLOCATION_MESSAGES.totalMissesNewRows(cell, formula, lastUnitRow, lastUnitRow + 1, count),
        ALLOCATION_MESSAGES.totalMissesNewRowsHint,
      );
    });
  });
}

/** The computed columns of a row whose cells hold a formula (a user's total row, for instance). */
function hasFormula(formulas: readonly string[][], row: number, columns: readonly number[]): boolean {
  const cells = formulas[row - 1] ?? [];
  return columns.some((c) => (cells[c] ?? '') !== '');
}

/**
 * Writes the plan into `Phân bổ`: the computed columns of unit rows only, one block per run of
 * adjacent rows and columns. Code and name are text copied from `Đơn vị`: their cells are formatted
 * as plain text and written so that they stay text (never a number, date or formula). New units go
 * after the last unit row, inserting sheet rows when anything of the user's lies below.
 * Returns a sentence about the rows added.
 */
function writeAllocation(
  ss: Spreadsheet,
  sheet: Sheet,
  plan: AllocationPlan,
  previous: { table: Table; rows: AllocationRecord[] },
  problems: ProblemList,
  batch: WriteBatch,
  /** Given whether a form written before changes, and the owned cells as they are. */
  keep?: (formsChanged: boolean, rows: UnitSnapshot[]) => void,
): string {
  const sheetName = SHEETS.allocation.name;
  const { table } = previous;
  const grid = table.values;
  const { placed, fresh, orphans, twins } = placeUnits(plan, previous);
  const headerCells = grid[table.headerRow - 1] ?? [];
  // The header row's fills, read once and only when a column's owner is in doubt.
  const fillAt = headerFills(sheet, table.headerRow, headerCells.length);
  const at: Partial<Record<string, number>> = { ...table.columns };
  const quota = quotaColumn(headerCells, fillAt, table.columns.quota);
  at.quota = quota.column;
  if (quota.column !== undefined && quota.others.length > 0) {
    const cell = (c: number) => a1(table.headerRow, c + 1);
    problems.warning(
      'allocation-quota-column-twice',
      sheetName,
      cell(quota.others[0] as number),
      ALLOCATION_MESSAGES.quotaColumnTwice(
        cell(quota.column),
        String(headerCells[quota.column] ?? ''),
        quota.others.map((c) => `${cell(c)} "${String(headerCells[c] ?? '')}"`),
      ),
      ALLOCATION_MESSAGES.quotaColumnTwiceHint,
    );
  }
  const reasonColumn = at.reason;
  const skipReason =
    reasonColumn !== undefined &&
    !reasonColumnIsOurs(
      fillAt,
      reasonColumn,
      placed.map((p) => grid[p.row - 1]?.[reasonColumn] ?? ''),
    );
  if (skipReason) {
    problems.warning(
      'allocation-reason-column-not-owned',
      sheetName,
      a1(table.headerRow, reasonColumn + 1),
      ALLOCATION_MESSAGES.reasonColumnNotOwned(a1(table.headerRow, reasonColumn + 1)),
      ALLOCATION_MESSAGES.reasonColumnNotOwnedHint,
    );
  }
  const form = formColumn(headerCells, fillAt, table.columns.form);
  at.form = form.column;
  if (form.column !== undefined && form.others.length > 0) {
    const cell = (c: number) => a1(table.headerRow, c + 1);
    problems.warning(
      'allocation-form-column-twice',
      sheetName,
      cell(form.others[0] as number),
      ELIGIBILITY_LABELS.formColumnTwice(cell(form.column), form.others.map(cell)),
      ELIGIBILITY_LABELS.formColumnTwiceHint,
    );
  }
  const formAt = form.column;
  // Whether `Hình thức` is the add-in's is decided below, once its formulas are read.
  let columns = COMPUTED.map((k) => at[k]).filter(
    (c): c is number => c !== undefined && !(skipReason && c === reasonColumn),
  );
  const keyAt = new Map(COMPUTED.map((k) => [at[k], k]));
  const lastUnitRow = Math.max(table.headerRow, ...placed.map((p) => p.row));
  const maxRows = sheet.getMaxRows();
  const width = Math.max(1, ...grid.map((r) => r.length), ...columns.map((c) => c + 1));
  // What the cells hold beyond their values: formulas (restored as formulas) and number formats.
  const extent = Math.max(grid.length, Math.min(maxRows, lastUnitRow + fresh.length), 1);
  const block = sheet.getRange(1, 1, extent, width);
  const formulas = block.getFormulas();
  const formats = block.getNumberFormats();
  if (
    formAt !== undefined &&
    !formColumnIsOurs(fillAt, headerNotes(sheet, table.headerRow, headerCells.length), formAt)
  ) {
    columns = columns.filter((c) => c !== formAt);
    problems.warning(
      'allocation-form-column-not-owned',
      sheetName,
      a1(table.headerRow, formAt + 1),
      ELIGIBILITY_LABELS.formColumnNotOwned(a1(table.headerRow, formAt + 1)),
      ELIGIBILITY_LABELS.formColumnNotOwnedHint,
    );
  }

  for (const p of placed) {
    for (const c of columns) {
      if ((formulas[p.row - 1]?.[c] ?? '') === '') continue;
      const cell = a1(p.row, c + 1);
      problems.warning(
        'allocation-formula-replaced',
        sheetName,
        cell,
        ALLOCATION_MESSAGES.formulaReplaced(cell),
        ALLOCATION_MESSAGES.formulaReplacedHint,
      );
    }
  }

  const below = (row: number) =>
    (grid[row - 1] ?? []).some((v) => !isBlank(v)) || (formulas[row - 1] ?? []).some((f) => f !== '');
  let contentBelow = false;
  if (fresh.length > 0) {
    for (let row = lastUnitRow + 1; row <= extent && !contentBelow; row++) contentBelow = below(row);
  }
  warnUntouchedRows(
    { placed, orphans, twins },
    table.columns.code as number,
    (r) => hasFormula(formulas, r.row, columns) || isTotalLabel(r.data.code ?? ''),
    (row) => (contentBelow && row > lastUnitRow ? row + fresh.length : row),
    problems,
  );

  let added = '';
  if (fresh.length > 0) {
    const unitRows = new Set(placed.map((p) => p.row));
    warnTotalsMissingNewRows(
      formulas,
      lastUnitRow,
      fresh.length,
      (row) => (contentBelow && row > lastUnitRow ? row + fresh.length : row),
      (row, c) => unitRows.has(row) && columns.includes(c),
      problems,
    );
    // Inserted rows take the formatting of the row above them (the last unit row, or the sheet's last
    // row): a mark's fill there and the header's style are taken back (insertedRows.ts); the officer's
    // own fills are inherited, as when they insert a row themselves.
    const rows = { headerRow: table.headerRow, width };
    if (contentBelow)
      insertRowsClearingOwnMarks(batch, ss, sheet, { ...rows, after: lastUnitRow, count: fresh.length });
    else if (lastUnitRow + fresh.length > maxRows) {
      insertRowsClearingOwnMarks(batch, ss, sheet, {
        ...rows,
        after: maxRows,
        count: lastUnitRow + fresh.length - maxRows,
      });
    }
    fresh.forEach((planned, i) => {
      placed.push({ row: lastUnitRow + 1 + i, planned, added: contentBelow || lastUnitRow + 1 + i > maxRows });
    });
    added = ALLOCATION_MESSAGES.rowsAdded(fresh.length, lastUnitRow, contentBelow);
  }

  placed.sort((a, b) => a.row - b.row);
  // A form the add-in wrote before that this run changes (the threshold or a population changed, the
  // figures maybe not): the previous allocation is kept too, so that undo gives the earlier forms back.
  const formsChanged =
    formAt !== undefined &&
    columns.includes(formAt) &&
    placed.some((p) => {
      const old = grid[p.row - 1]?.[formAt];
      return !p.added && typeof old === 'string' && old.trim() !== '' && old !== p.planned.form;
    });
  // A cell of the add-in's column the officer typed over with words of their own: replaced (the
  // column is the add-in's), said at the cell, and kept for "Hoàn tác phân bổ" (formsChanged).
  if (formAt !== undefined && columns.includes(formAt)) {
    for (const p of placed) {
      const old = p.added ? '' : grid[p.row - 1]?.[formAt];
      if (typeof old !== 'string' || old.trim() === '' || old === p.planned.form || isFormLabel(old)) continue;
      problems.warning(
        'allocation-form-typed-over',
        sheetName,
        a1(p.row, formAt + 1),
        ELIGIBILITY_LABELS.formTypedOver(a1(p.row, formAt + 1), old, p.planned.form),
        ELIGIBILITY_LABELS.formTypedOverHint,
      );
    }
  }
  // The owned cells as they are, for "Hoàn tác phân bổ" (rows this run inserts held nothing).
  keep?.(
    formsChanged,
    snapshotRows(
      placed.map((p) => ({
        row: p.row,
        code: p.planned.code,
        name: p.planned.name,
        inserted: contentBelow && p.added,
        // What this run writes, so that the undo tells the cells typed by hand since from its own.
        wrote: Object.fromEntries(
          columns.map((c) => [keyAt.get(c) as string, computedValue(p.planned, keyAt.get(c) as string)]),
        ),
      })),
      new Map(columns.map((c) => [keyAt.get(c) as string, c])),
      grid,
      formulas,
      formats,
    ),
  );
  const rowRuns: UnitRow[][] = [];
  for (const p of placed) {
    const run = rowRuns[rowRuns.length - 1];
    if (run && (run[run.length - 1] as UnitRow).row + 1 === p.row) run.push(p);
    else rowRuns.push([p]);
  }
  const textColumns = new Set(TEXT_KEYS.map((k) => at[k]).filter((c) => c !== undefined));
  const formatAt = (p: UnitRow, c: number) => (p.added ? '' : (formats[p.row - 1]?.[c] ?? ''));
  for (const rows of rowRuns) {
    const first = (rows[0] as UnitRow).row;
    // Text columns first: plain-text format, so that "06100" stays "06100".
    for (const run of contiguousRuns(columns.filter((c) => textColumns.has(c)))) {
      const previousFormats = rows.map((p) => run.map((c) => formatAt(p, c)));
      if (rows.every((p) => !p.added) && previousFormats.every((r) => r.every((f) => f === PLAIN_TEXT_FORMAT)))
        continue;
      const range = sheet.getRange(first, (run[0] as number) + 1, rows.length, run.length);
      batch.custom(
        () => range.setNumberFormat(PLAIN_TEXT_FORMAT),
        () => range.setNumberFormats(previousFormats),
      );
    }
    for (const run of contiguousRuns(columns)) {
      const next = rows.map((p) =>
        run.map((c) => {
          const value = computedValue(p.planned, keyAt.get(c) as string);
          return typeof value === 'string' ? textInput(value, textColumns.has(c)) : value;
        }),
      );
      const before = rows.map((p) =>
        run.map((c) => {
          if (p.added) return '';
          const plainText = textColumns.has(c) || formatAt(p, c) === PLAIN_TEXT_FORMAT;
          return restoreInput(grid[p.row - 1]?.[c] ?? '', formulas[p.row - 1]?.[c] ?? '', plainText);
        }),
      );
      batch.values(sheet.getRange(first, (run[0] as number) + 1, rows.length, run.length), next, before);
    }
  }
  return added;
}

/**
 * A unit row's `Điều chỉnh` that is no whole number (text, "2,5", #REF!) is never read as 0: the
 * official figure would silently lose the user's adjustment. Its reading problem becomes an error
 * that stops the allocation, naming the sheet and cell. Rows of no unit are not the allocation's.
 */
function unreadableAdjustments(
  units: readonly { data: { code: string | null } }[],
  rows: readonly AllocationRecord[],
  readProblems: ProblemList,
) {
  const codes = units.map((u) => u.data.code).filter((c): c is string => !!c);
  const { matches, duplicates } = matchUnitRows(
    codes,
    rows.map((r) => r.data.code),
  );
  const cells = new Set<string>();
  for (const m of matches.values()) {
    const record = rows[m.index] as AllocationRecord;
    if (record.invalid.has('adjustment') && record.cells.adjustment) cells.add(record.cells.adjustment);
  }
  const unreadable = readProblems.items
    .filter((p) => p.severity === 'error' && cells.has(p.cell))
    .map((p) => ({ ...p, message: ALLOCATION_MESSAGES.adjustmentUnreadable(p.cell, p.message) }));
  // A second row of a unit whose Điều chỉnh differs from the first row's: which one the user meant is unknown.
  const conflicting = new ProblemList();
  for (const index of duplicates) {
    const twin = rows[index] as AllocationRecord;
    const code = [...matchUnitRows(codes, [twin.data.code]).matches.keys()][0];
    const first = code === undefined ? undefined : rows[matches.get(code)?.index ?? -1];
    if (!first || twin.data.adjustment === null || twin.data.adjustment === (first.data.adjustment ?? 0)) continue;
    conflicting.error(
      'allocation-conflicting-adjustment',
      SHEETS.allocation.name,
      twin.cells.adjustment ?? '',
      ALLOCATION_MESSAGES.conflictingAdjustment(
        code as string,
        first.row,
        twin.row,
        first.data.adjustment ?? 0,
        twin.data.adjustment,
      ),
    );
  }
  return [...unreadable, ...conflicting.items];
}

function toDto(plan: AllocationPlan, problems: ProblemList, message: string, method: string): AllocationResultDto {
  return {
    ok: plan.ok,
    message,
    method,
    methodName: METHOD_NAMES[method as keyof typeof METHOD_NAMES]?.vi ?? method,
    houseSize: plan.houseSize,
    fixedSeats: plan.fixedSeats,
    rows: plan.rows.map((r) => ({
      code: r.code,
      name: r.name,
      dttsPopulation: r.dttsPopulation,
      quota: r.quota,
      seats: r.seats,
      adjustment: r.adjustment,
      final: r.final,
      registered: r.registered,
      difference: r.difference,
      reason: r.reason,
      form: r.form,
    })),
    explanation: plan.explanation,
    ...(plan.eligibility && { eligibility: plan.eligibility }),
    tied: plan.result?.tied ?? [],
    problems: problems.items,
  };
}

/**
 * Reads, apportions and writes, all under the document lock: what is written back (the rows of
 * `Phân bổ`, the user's `Điều chỉnh`) is read after the lock is taken, just before the writes.
 * Blocking errors in `Cấu hình` or `Đơn vị`, or a missing `Phân bổ` sheet or column, mean nothing
 * is written and the message says so.
 */
/**
 * The spreadsheet's time zone at any instant (daylight saving time and past offsets included), asked
 * of Utilities.formatDate only for the date cells met
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 */
function zoneOf(ss: Spreadsheet): ZoneOffset {
  const name = ss.getSpreadsheetTimeZone();
  return (ms) => parseOffset(Utilities.formatDate(new Date(ms), name, 'Z'));
}

/** How allocateDelegates was asked: an officer's confirmation of the preview with that digest. */
export interface AllocationOptions {
  confirmed?: boolean;
  expect?: string;
}

/**
 * Allocates under the document lock. When `Phân bổ` holds an allocation whose figures would change,
 * nothing is written unless the officer confirmed the preview whose digest is `expect`, and that
 * digest is still what the data give (else a Vietnamese message says the data changed).
 */
export function runAllocation(ss: Spreadsheet, options: AllocationOptions = {}): AllocationResultDto {
  return withDocumentLock(() => allocate(ss, 'write', options));
}

/** The preview of an allocation: old → new per unit; reads only, writes nothing. */
export function runAllocationPreview(ss: Spreadsheet): AllocationResultDto {
  return allocate(ss, 'preview', {});
}

/** Old → new per unit of the plan, from the figures the unit rows of `Phân bổ` hold now. */
function previewOf(plan: AllocationPlan, previous: { table: Table; rows: AllocationRecord[] }, method: string) {
  const { matches } = matchUnitRows(
    plan.rows.map((r) => r.code),
    previous.rows.map((r) => r.data.code),
  );
  const cell = (row: number, key: string) => {
    const c = previous.table.columns[key];
    return c === undefined ? null : figureOf(previous.table.values[row - 1]?.[c]);
  };
  const inputs = plan.rows.map((r) => {
    const record = previous.rows[matches.get(r.code)?.index ?? -1];
    return {
      code: r.code,
      name: r.name,
      newSeats: r.seats,
      newFinal: r.final,
      oldSeats: record ? cell(record.row, 'seats') : null,
      oldFinal: record ? cell(record.row, 'final') : null,
    };
  });
  const existing = inputs.some((r) => r.oldSeats !== null || r.oldFinal !== null);
  const before = existing ? (loadStates().allocation?.method ?? '') : '';
  const name = (m: string) => METHOD_NAMES[m as keyof typeof METHOD_NAMES]?.vi ?? '';
  const digest = digestOf([method, inputs, plan.rows.map((r) => OWNED_KEYS.map((k) => computedValue(r, k)))]);
  return buildPreview(inputs, { before, beforeName: name(before), after: method, afterName: name(method) }, digest);
}

/**
 * The forms the re-allocation would change in the `Hình thức` column (the threshold or a population
 * changed, the figures maybe not), by unit name: said in the preview, which otherwise speaks of figures.
 */
function formChangesNote(plan: AllocationPlan, previous: { table: Table; rows: AllocationRecord[] }): string {
  const c = previous.table.columns.form;
  if (c === undefined || !plan.ok) return '';
  const { matches } = matchUnitRows(
    plan.rows.map((r) => r.code),
    previous.rows.map((r) => r.data.code),
  );
  const changes = plan.rows.flatMap((r) => {
    const record = previous.rows[matches.get(r.code)?.index ?? -1];
    const old = record ? previous.table.values[record.row - 1]?.[c] : undefined;
    return typeof old === 'string' && isFormLabel(old) && r.form !== '' && old !== r.form
      ? [ELIGIBILITY_LABELS.formChange(r.name, old, r.form)]
      : [];
  });
  return changes.length > 0 ? ELIGIBILITY_LABELS.formChanges(changes) : '';
}

function allocate(ss: Spreadsheet, mode: 'preview' | 'write', options: AllocationOptions): AllocationResultDto {
  const tz = timeZoneOffset(ss);
  const zone = zoneOf(ss);
  const grids = readGrids(ss, ['config', 'units', 'delegates', 'allocation']);
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, tz, problems);
  checkOfficialTotalRow(grids.config, cells, problems);
  const units = readUnits(grids.units, problems, zone);
  const index = new UnitIndex(units);
  const allocationProblems = new ProblemList();
  const previous = readAllocationTable(grids.allocation, allocationProblems, zone);
  const delegateProblems = new ProblemList();
  const delegates = readDelegates(grids.delegates, index, delegateProblems, zone);
  // A delegate's code read only as a number still counts for its unit: say so (the rest is validation's).
  problems.items.push(...delegateProblems.items.filter((p) => p.rule === 'unit-code-number'));
  const refused = (message: string) =>
    toDto(
      { ok: false, houseSize: 0, fixedSeats: [], rows: [], result: null, explanation: [] },
      problems,
      message,
      settings.method,
    );
  problems.items.push(...unreadableAdjustments(units, previous.rows, allocationProblems));
  const blocking = problems.items.filter((p) => p.severity === 'error');
  if (blocking.length > 0) {
    // Every error named, each clause after a colon starting as a clause does.
    return refused(ALLOCATION_MESSAGES.blocked(blocking.map((p) => ({ ...p, message: afterColon(p.message) }))));
  }
  const sheetName = SHEETS.allocation.name;
  const sheet = previous.table.present ? findSheet(ss, 'allocation') : null;
  if (!sheet) return refused(ALLOCATION_MESSAGES.sheetMissing(sheetName));
  const missing = SHEETS.allocation.columns.filter(
    (c) => c.computed && !OPTIONAL_KEYS.includes(c.key) && previous.table.columns[c.key] === undefined,
  );
  if (missing.length > 0) {
    return refused(
      ALLOCATION_MESSAGES.columnsMissing(
        sheetName,
        missing.map((c) => c.header),
      ),
    );
  }
  const plan = planAllocation(settings, cells, units, previous.rows, delegates, problems);
  if (!plan.ok) {
    return toDto(
      plan,
      problems,
      `Chưa phân bổ: ${afterColon(problems.items.find((p) => p.severity === 'error')?.message ?? '')}`,
      settings.method,
    );
  }
  const negative = plan.rows.filter((r) => r.final < 0);
  if (negative.length > 0) {
    for (const r of negative) {
      const record =
        previous.rows[
          matchUnitRows(
            [r.code],
            previous.rows.map((p) => p.data.code),
          ).matches.get(r.code)?.index ?? -1
        ];
      problems.error(
        'allocation-negative-final',
        sheetName,
        record?.cells.adjustment ?? '',
        ALLOCATION_MESSAGES.negativeFinal(r.name, r.seats, r.adjustment, record?.cells.adjustment ?? ''),
      );
    }
    const first = problems.items.find((p) => p.rule === 'allocation-negative-final');
    return refused(`Chưa phân bổ: ${afterColon(first?.message ?? '')} ${ALLOCATION_MESSAGES.unchanged}`);
  }
  const preview = previewOf(plan, previous, settings.method);
  const methodName = METHOD_NAMES[settings.method].vi;
  if (mode === 'preview') {
    const message = !preview.existing
      ? REALLOCATION_MESSAGES.previewFirst(methodName)
      : preview.changed > 0
        ? REALLOCATION_MESSAGES.previewChanges(preview.changed, methodName)
        : REALLOCATION_MESSAGES.previewNoChange(methodName);
    return {
      ...toDto(plan, problems, message + formChangesNote(plan, previous), settings.method),
      preview,
      needsConfirmation: preview.needsConfirmation,
    };
  }
  // A confirmation without a digest confirms whatever the data give (scripts); the sidebar and the
  // menu always send the digest of the preview the officer saw.
  // A confirmation of a preview whose data have changed since is refused even when the new result
  // would need none (another officer wrote meanwhile): the officer agreed to the figures shown, not these.
  const stale = options.confirmed === true && options.expect !== undefined && options.expect !== preview.digest;
  const confirmed = options.confirmed === true && !stale;
  if ((preview.needsConfirmation && !confirmed) || stale) {
    const message = options.confirmed
      ? REALLOCATION_MESSAGES.stale
      : REALLOCATION_MESSAGES.needsConfirmation(preview.rows.filter((r) => r.changed).length, methodName);
    return { ...toDto(plan, problems, message, settings.method), ok: false, needsConfirmation: true, preview };
  }
  // A write that changes an existing allocation's figures, or the forms it wrote, keeps the allocation
  // it replaces.
  const figuresChanged = preview.existing && preview.changed > 0;
  let kept = false;
  const added = writeAll(`trang "${sheetName}"`, (batch) =>
    writeAllocation(ss, sheet, plan, previous, problems, batch, (formsChanged, rows) => {
      if (!figuresChanged && !formsChanged) return refreshWritten(ss, rows, batch);
      const history = readHistory(ss);
      kept = true;
      const meta = {
        replacedAt: new Date().toISOString(),
        method: preview.methodBefore,
        replacedBy: settings.method,
        // The digest of the change confirmed: another re-allocation replaces another allocation.
        id: preview.digest,
      };
      writeHistory(ss, history, meta, rows, batch);
    }),
  );
  saveState('allocation', {
    at: new Date().toISOString(),
    officialTotal: settings.officialTotal,
    method: settings.method,
  });
  const total = plan.rows.reduce((s, r) => s + r.final, 0);
  const warnings = problems.items.filter((p) => p.severity === 'warning');
  const message =
    ALLOCATION_MESSAGES.done(total, plan.rows.length, METHOD_NAMES[settings.method].vi) +
    added +
    (warnings.length > 0 ? ALLOCATION_MESSAGES.warnings(warnings.length, warnings[0]?.message ?? '') : '');
  return { ...toDto(plan, problems, message, settings.method), preview, undoable: kept ? true : undefined };
}

/**
 * Sub-unit intake on the spreadsheet (issue 15): the form models (getIntakeForms), a unit's returned
 * list previewed and taken into `Đại biểu` (importSubmission), and the add-in's record of the lists
 * received, `Tiếp nhận danh sách`.
 *
 * Costs: a preview reads `Cấu hình`, `Đơn vị` and `Đại biểu` (one getValues each) whatever the number
 * of rows; a replace adds the formulas and number formats of `Đại biểu` (one read each), the record
 * sheet (one read), and writes one block per run of the unit's rows and per run of written columns.
 */
import { dateFromIso, formatVnDate, type IsoDate, todayIso } from '../domain/dates';
import { pairRows, rowDto, type SheetRow, submissionDigest, unitRows } from '../domain/intake/compare';
import { intakeForm } from '../domain/intake/form';
import {
  type NormalisedCell,
  type ParsedSubmission,
  parseSubmission,
  type SubmittedRow,
} from '../domain/intake/submission';
import { ProblemList } from '../domain/problem';
import {
  type Grid,
  readAllocationTable,
  readSettings,
  readUnitEthnic,
  readUnits,
  UnitIndex,
  type UnitRecord,
} from '../domain/records';
import { locateTable, type Table } from '../domain/table';
import { type ColumnSpec, NUMBER_FORMATS, SHEETS } from '../domain/template';
import { foldKey, isTotalLabel } from '../domain/text';
import { type CellValue, cellText, isBlank, PLAIN_TEXT_FORMAT, restoreInput, textInput } from '../domain/values';
import type { IntakeFormsDto, SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../rpc/contract';
import { INTAKE_MESSAGES as M } from '../ui/vi';
import { type WriteBatch, writeAll } from './batch';
import { insertRowsClearingOwnMarks } from './insertedRows';
import { withDocumentLock } from './lock';
import { markSubmissionsRecorded, submissionsEverRecorded } from './state';
import {
  findSheet,
  insertTemplateSheet,
  isOwnReportGrid,
  mergedAreasOf,
  readGrids,
  readSheet,
  type Sheet,
  type Spreadsheet,
  timeZoneOffset,
} from './workbook';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Words that may stand before a unit's name when the officer types it ("Xã Ea Tân"). */
const UNIT_PREFIX = /^(?:xã|phường|thị trấn|đặc khu|huyện|thị xã|thành phố|tp)\s+/;

/** The unit a request names, by code or name, with or without "Xã"/"Huyện" before the name. */
export function findUnit(index: UnitIndex, text: string): UnitRecord | undefined {
  return index.resolve(text.trim()) ?? index.resolve(foldKey(text).replace(UNIT_PREFIX, ''));
}

/** Sidebar "Tạo mẫu danh sách": the form of one unit, or of every unit in `Đơn vị` order. */
export function runGetIntakeForms(ss: Spreadsheet, request: { unit?: string } = {}): IntakeFormsDto {
  const tz = timeZoneOffset(ss);
  const grids = readGrids(ss, ['config', 'units', 'unitEthnic', 'allocation']);
  const ignored = new ProblemList();
  const settings = readSettings(grids.config, tz, ignored);
  const units = readUnits(grids.units, ignored, tz).filter((u) => u.data.code || u.data.name);
  if (units.length === 0) return { ok: false, message: M.noUnits };
  const index = new UnitIndex(units);
  const inputs = {
    settings,
    index,
    allocation: readAllocationTable(grids.allocation, ignored, tz).rows,
    unitEthnic: readUnitEthnic(grids.unitEthnic, index, ignored),
  };
  if (request.unit !== undefined && request.unit.trim() !== '') {
    const unit = findUnit(index, request.unit);
    if (!unit) return { ok: false, message: M.unknownUnit(request.unit.trim()) };
    return { ok: true, forms: [intakeForm(unit, inputs)] };
  }
  return { ok: true, forms: units.map((u) => intakeForm(u, inputs)) };
}

export interface ImportOptions {
  fileName?: string;
  mode?: 'preview' | 'replace';
  expect?: string;
}

/** What a preview and a replace both start from: the sheets read, the file read, the rows paired. */
interface Plan {
  ss: Spreadsheet;
  unit: UnitRecord;
  index: UnitIndex;
  tz: number;
  delegates: { sheet: Sheet; grid: CellValue[][]; table: Table };
  parsed: ParsedSubmission;
  current: SheetRow[];
  pairing: ReturnType<typeof pairRows>;
  digest: string;
}

type PlanOrRefusal = { plan: Plan } | { refusal: string };

function makePlan(
  ss: Spreadsheet,
  unitText: string,
  table: readonly (readonly SubmissionCell[])[],
  now: Date,
): PlanOrRefusal {
  const tz = timeZoneOffset(ss);
  const ignored = new ProblemList();
  const grids = readGrids(ss, ['config', 'units']);
  const settings = readSettings(grids.config, tz, ignored);
  const units = readUnits(grids.units, ignored, tz).filter((u) => u.data.code || u.data.name);
  if (units.length === 0) return { refusal: M.noUnits };
  const index = new UnitIndex(units);
  const unit = findUnit(index, unitText);
  if (!unit) return { refusal: M.unknownUnit(unitText.trim()) };
  const read = readSheet(ss, 'delegates');
  if (!read) return { refusal: M.noDelegateSheet };
  const located = locateTable(SHEETS.delegates, read.grid, new ProblemList());
  if (located.columns.name === undefined || located.columns.unit === undefined)
    return { refusal: M.delegateSheetNoHeader };
  const parsed = parseSubmission(table, unit, index, tz, {
    today: todayIso(now, tz),
    required: settings.requiredProfileFields,
  });
  const current = unitRows(located, unit, index, tz);
  const pairing = pairRows(current, parsed.rows, parsed.keys);
  const digest = submissionDigest(current, table, unit.data.code ?? index.label(unit));
  return {
    plan: {
      ss,
      unit,
      index,
      tz,
      delegates: { sheet: read.sheet, grid: read.grid, table: located },
      parsed,
      current,
      pairing,
      digest,
    },
  };
}

function previewDto(plan: Plan, fileName: string, mode: 'preview' | 'replace'): SubmissionPreviewDto {
  const { parsed, pairing, unit, index } = plan;
  const name = index.label(unit);
  const changed = pairing.matched.filter((m) => m.keys.length > 0);
  const errors = parsed.problems.filter((p) => p.severity === 'error').length;
  const warnings = parsed.problems.length - errors;
  const blockedBy = parsed.blocked ? parsed.problems.find((p) => p.severity === 'error' && p.sourceRow === null) : null;
  return {
    ok: true,
    mode,
    unit: { code: unit.data.code ?? '', name },
    fileName,
    headerRow: parsed.headerRow,
    columns: parsed.columns,
    added: pairing.added.map((r) => rowDto(r.cells, { sourceRow: r.sourceRow })),
    removed: pairing.removed.map((r) => rowDto(r.cells, { sheetRow: r.sheetRow })),
    changed: changed.map((m) => ({
      before: rowDto(m.sheet.cells, { sheetRow: m.sheet.sheetRow }),
      after: rowDto(m.submitted.cells, { sourceRow: m.submitted.sourceRow, sheetRow: m.sheet.sheetRow }),
      keys: m.keys,
    })),
    unchanged: pairing.matched.length - changed.length,
    otherUnitRows: parsed.otherUnitRows,
    problems: parsed.problems,
    expect: plan.digest,
    ...(parsed.blocked && { blocked: true }),
    message: blockedBy
      ? `${M.blocked} ${blockedBy.message}`
      : M.previewSummary(
          name,
          parsed.rows.length,
          pairing.added.length,
          pairing.removed.length,
          changed.length,
          pairing.matched.length - changed.length,
        ) + M.withProblems(errors, warnings),
  };
}

/**
 * "Nhận danh sách": 'preview' (the default) reads and writes nothing; 'replace' takes the document
 * lock, reads again, refuses when `expect` no longer matches, and swaps the unit's rows of `Đại biểu`
 * all or nothing (see replaceRows), recording the list in `Tiếp nhận danh sách`.
 */
export function runImportSubmission(
  ss: Spreadsheet,
  unitText: string,
  table: readonly (readonly SubmissionCell[])[],
  options: ImportOptions = {},
  now: Date = new Date(),
): SubmissionDto {
  const fileName = (options.fileName ?? '').trim();
  if ((options.mode ?? 'preview') === 'preview') {
    const made = makePlan(ss, unitText, table, now);
    if ('refusal' in made) return { ok: false, message: made.refusal };
    return previewDto(made.plan, fileName, 'preview');
  }
  return withDocumentLock(
    () => {
      const made = makePlan(ss, unitText, table, now);
      if ('refusal' in made) return { ok: false, message: made.refusal };
      const plan = made.plan;
      if (options.expect !== undefined && options.expect !== plan.digest) return { ok: false, message: M.stale };
      const dto = previewDto(plan, fileName, 'replace');
      if (plan.parsed.blocked) return { ok: false, message: dto.message };
      const merged = mergesInTheWay(plan);
      if (merged) return { ok: false, message: merged };
      const record = readRecordSheet(ss);
      if (record.foreign)
        return {
          ok: false,
          message: M.notOwnSheet(record.foreign, SHEETS.submissions.columns.map((c) => c.header).join(' | ')),
        };
      const today = todayIso(now, plan.tz);
      const written = writeAll(M.writeWhat, (batch) => {
        const result = replaceRows(batch, plan, fileName, today);
        appendRecord(ss, batch, record.sheet, record.grid, plan, fileName, today);
        return result;
      });
      const name = plan.index.label(plan.unit);
      const errors = dto.problems.filter((p) => p.severity === 'error').length;
      return {
        ...dto,
        written: { ...written, sheet: SHEETS.delegates.name },
        message:
          M.replaced(name, written.rows, written.removed, SHEETS.delegates.name) +
          M.withProblems(errors, dto.problems.length - errors),
      };
    },
    { flushedByAction: true },
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Cells the officer merged where the replace writes, inserts or deletes rows: a merge over several rows
 * that takes in one of the unit's rows (a delete splits it, and its value lives in its top-left cell
 * only), one that spans the row new delegates go under and the next (the insert splits it), one within
 * a matched row over the template's columns (a value lands in one cell only). The replace is refused,
 * naming them. The merged areas are those readSheet read (no call).
 */
function mergesInTheWay(plan: Plan): string | null {
  const { sheet, grid, table } = plan.delegates;
  const areas = mergedAreasOf(grid);
  if (areas.length === 0) return null;
  const { matched, added, removed } = plan.pairing;
  if (matched.length + added.length + removed.length === 0) return null;
  const unitRows = new Set(plan.current.map((r) => r.sheetRow));
  const matchedRows = new Set(matched.map((m) => m.sheet.sheetRow));
  const after = added.length === 0 ? null : unitRows.size > 0 ? Math.max(...unitRows) : lastRecordRow(grid, table);
  const ours = Object.values(table.columns).filter((c): c is number => c !== undefined);
  const inTheWay = areas.filter((a) => {
    const first = a.row + 1;
    const last = a.row + a.rows;
    if (after !== null && first <= after && last > after) return true;
    for (let r = first; r <= last; r++) {
      if (a.rows > 1 && unitRows.has(r)) return true;
      if (a.rows === 1 && matchedRows.has(r) && ours.some((c) => c >= a.col && c < a.col + a.cols)) return true;
    }
    return false;
  });
  if (inTheWay.length === 0) return null;
  const cells = inTheWay
    .slice(0, 5)
    .map((a) => sheet.getRange(a.row + 1, a.col + 1, a.rows, a.cols).getA1Notation())
    .join(', ');
  return M.mergedCells(sheet.getName(), inTheWay.length > 5 ? `${cells}, …` : cells, plan.index.label(plan.unit));
}

/** Consecutive numbers grouped: [3,4,5,9] → [[3,5],[9,9]]. */
function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** The format a column of inserted rows gets: text columns plain text, so what is written stays text. */
function formatFor(column: ColumnSpec): string {
  return (
    column.format || (column.kind === 'text' ? PLAIN_TEXT_FORMAT : NUMBER_FORMATS[column.kind] || PLAIN_TEXT_FORMAT)
  );
}

/** setValues input for a normalised cell (a day as a Date in the spreadsheet's zone, text kept text). */
function inputOf(cell: NormalisedCell | undefined, plainText: boolean, tz: number): unknown {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return dateFromIso(v.day as IsoDate, tz);
  return textInput(v, plainText);
}

/**
 * Swaps the unit's rows of `Đại biểu`:
 * - a returned row that matches a row of the sheet (pairRows) is written in that row's place, so the
 *   officer's own columns, notes and fills stay beside the same delegate;
 * - new delegates are inserted right after the unit's last row (never below a total row: the rows
 *   below move down with everything in them);
 * - the unit's rows no longer in the list are deleted (only rows whose `Mã đơn vị` names the unit).
 * Only the columns the file has (but `STT`, which is the officer's numbering), `Mã đơn vị` of new rows
 * and the two provenance columns are written; columns the file does not have keep their values.
 */
function replaceRows(
  batch: WriteBatch,
  plan: Plan,
  fileName: string,
  today: IsoDate,
): { rows: number; removed: number } {
  const { sheet, grid, table } = plan.delegates;
  const tz = plan.tz;
  const headerRow = table.headerRow;
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const columns: Partial<Record<string, number>> = { ...table.columns };
  /** Columns added just now, formatted as plain text (0-based). */
  const added = new Set<number>();
  // The provenance columns, added after the last column when missing.
  const missing = SHEETS.delegates.columns.filter((c) => c.provenance && columns[c.key] === undefined);
  if (missing.length > 0) {
    const first = width + 1;
    const maxColumns = sheet.getMaxColumns();
    const lacking = first + missing.length - 1 - maxColumns;
    if (lacking > 0)
      batch.custom(
        () => sheet.insertColumnsAfter(maxColumns, lacking),
        () => sheet.deleteColumns(maxColumns + 1, lacking),
      );
    batch.values(
      sheet.getRange(headerRow, first, 1, missing.length),
      [missing.map((c) => textInput(c.header, false))],
      [missing.map(() => '')],
    );
    const bodyRows = sheet.getMaxRows() - headerRow;
    if (bodyRows > 0) {
      const body = sheet.getRange(headerRow + 1, first, bodyRows, missing.length);
      batch.numberFormats(
        body,
        body.getNumberFormats().map((r) => r.map(() => PLAIN_TEXT_FORMAT)),
        body.getNumberFormats(),
      );
    }
    missing.forEach((c, i) => {
      columns[c.key] = first - 1 + i;
      added.add(first - 1 + i);
    });
  }
  const specByKey = new Map(SHEETS.delegates.columns.map((c) => [c.key, c]));
  const fileKeys = new Set(plan.parsed.keys);
  const writtenKeys = SHEETS.delegates.columns
    .filter((c) => columns[c.key] !== undefined && c.key !== 'index')
    .filter((c) => c.provenance || c.key === 'unit' || fileKeys.has(c.key))
    .map((c) => c.key);
  const keyAt = new Map(writtenKeys.map((k) => [columns[k] as number, k]));
  const spans = runs([...keyAt.keys()].sort((a, b) => a - b));
  const provenance: Record<string, NormalisedCell> = {
    source: { display: fileName, value: fileName },
    receivedOn: { display: formatVnDate(today), value: formatVnDate(today) },
  };
  const { matched, added: newRows, removed } = plan.pairing;
  const newCells = (row: SubmittedRow, unitCode: string): Record<string, NormalisedCell> => ({
    ...row.cells,
    unit: { display: unitCode, value: unitCode },
    ...provenance,
  });

  // 1. The matched rows, in place: only the cells the preview names as changed (`keys`) and the
  //    provenance columns get the file's value. A cell equal after normalisation ("Mong" / "Mông") is
  //    the officer's as typed: inside a written block it is put back as read (restoreInput), and a
  //    block with nothing to write is not written; one write per block of rows and columns, never per row.
  if (matched.length > 0) {
    const range = sheet.getRange(1, 1, grid.length, Math.max(width, 1));
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const byRow = new Map(matched.map((m) => [m.sheet.sheetRow, m]));
    const provenanceKeys = new Set(SHEETS.delegates.columns.filter((c) => c.provenance).map((c) => c.key));
    const takesFile = (m: (typeof matched)[number], key: string) => provenanceKeys.has(key) || m.keys.includes(key);
    for (const [from, to] of runs([...byRow.keys()].sort((a, b) => a - b))) {
      for (const [s0, s1] of spans) {
        // The columns of this span written in at least one row of the run: the block is trimmed to them.
        const written: number[] = [];
        for (let c = s0; c <= s1; c++) {
          const key = keyAt.get(c) as string;
          for (let r = from; r <= to; r++)
            if (takesFile(byRow.get(r) as (typeof matched)[number], key)) {
              written.push(c);
              break;
            }
        }
        if (written.length === 0) continue;
        const c0 = written[0] as number;
        const c1 = written[written.length - 1] as number;
        const next: unknown[][] = [];
        const previous: unknown[][] = [];
        for (let r = from; r <= to; r++) {
          const m = byRow.get(r) as (typeof matched)[number];
          const cells = { ...m.submitted.cells, ...provenance };
          const nextRow: unknown[] = [];
          const prevRow: unknown[] = [];
          for (let c = c0; c <= c1; c++) {
            const value = grid[r - 1]?.[c] ?? '';
            const formula = formulas[r - 1]?.[c] ?? '';
            const plain = added.has(c) || (formats[r - 1]?.[c] ?? '') === PLAIN_TEXT_FORMAT;
            const key = keyAt.get(c) as string;
            const asRead = restoreInput(value, formula, plain);
            prevRow.push(asRead);
            // The unit cell of a matched row already names the unit (by code or name): kept as the officer wrote it.
            nextRow.push(key !== 'unit' && takesFile(m, key) ? inputOf(cells[key], plain, tz) : asRead);
          }
          next.push(nextRow);
          previous.push(prevRow);
        }
        batch.values(sheet.getRange(from, c0 + 1, to - from + 1, c1 - c0 + 1), next, previous);
      }
    }
  }

  // 2. New delegates, inserted after the unit's last row (or after the last delegate, or the header).
  if (newRows.length > 0) {
    const unitLast = plan.current.reduce((m, r) => Math.max(m, r.sheetRow), 0);
    const after = unitLast > 0 ? unitLast : lastRecordRow(grid, table);
    // Inserted rows take the formatting of the row above: the add-in's marks and the header's style are
    // taken back (insertedRows.ts); they lie inside the body's data validation.
    insertRowsClearingOwnMarks(batch, plan.ss, sheet, {
      after,
      count: newRows.length,
      headerRow,
      width: Math.max(width, 1),
    });
    const code = plan.unit.data.code ?? plan.index.label(plan.unit);
    for (const [c0, c1] of spans) {
      const block = sheet.getRange(after + 1, c0 + 1, newRows.length, c1 - c0 + 1);
      const kinds: string[] = [];
      for (let c = c0; c <= c1; c++) kinds.push(formatFor(specByKey.get(keyAt.get(c) as string) as ColumnSpec));
      // The inserted rows are deleted by the rollback: their formats need no inverse.
      batch.custom(
        () => block.setNumberFormats(newRows.map(() => kinds)),
        () => undefined,
      );
      batch.values(
        block,
        newRows.map((row) => {
          const cells = newCells(row, code);
          return kinds.map((f, i) => inputOf(cells[keyAt.get(c0 + i) as string], f === PLAIN_TEXT_FORMAT, tz));
        }),
        newRows.map(() => kinds.map(() => '')),
      );
    }
  }

  // 3. The unit's rows no longer in the list, deleted from the bottom up; each run put back whole on a rollback.
  const gone = runs(removed.map((r) => r.sheetRow).sort((a, b) => a - b)).reverse();
  for (const [from, to] of gone) deleteRowsRestorably(batch, sheet, from, to - from + 1, Math.max(width, 1));
  return { rows: matched.length + newRows.length, removed: removed.length };
}

/**
 * Where a first list goes: after the last row naming a unit in `Mã đơn vị` (a delegate of any unit),
 * else right under the header. An officer's total or signature rows below the delegates name no unit,
 * so they stay below.
 */
function lastRecordRow(grid: CellValue[][], table: Table): number {
  const unitCol = table.columns.unit;
  if (unitCol === undefined) return table.headerRow;
  for (let r = grid.length - 1; r >= table.headerRow; r--) {
    const unit = cellText(grid[r]?.[unitCol]);
    if (unit !== '' && !isTotalLabel(unit)) return r + 1;
  }
  return table.headerRow;
}

/**
 * Deletes rows `from`…`from + count − 1`; the inverse inserts them again and puts back what the
 * snapshot of a cell holds: values and formulas, number formats, notes, fills, font weights and data
 * validation (read before the delete).
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleterowsrowposition,-howmany
 */
function deleteRowsRestorably(batch: WriteBatch, sheet: Sheet, from: number, count: number, width: number): void {
  const range: Range = sheet.getRange(from, 1, count, width);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights();
  const validations = range.getDataValidations();
  const input = values.map((row, r) =>
    row.map((v, c) => restoreInput(v, formulas[r]?.[c] ?? '', formats[r]?.[c] === PLAIN_TEXT_FORMAT)),
  );
  batch.custom(
    () => sheet.deleteRows(from, count),
    () => {
      // After the row above (the header at least): valid even when the deleted rows were the sheet's last.
      sheet.insertRowsAfter(from - 1, count);
      const back = sheet.getRange(from, 1, count, width);
      back.setNumberFormats(formats);
      back.setValues(input);
      back.setNotes(notes);
      back.setBackgrounds(backgrounds);
      back.setFontWeights(weights);
      back.setDataValidations(validations);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The record of lists received: `Tiếp nhận danh sách`

interface RecordSheet {
  sheet: Sheet | null;
  grid: CellValue[][] | null;
  /** The name of a sheet under that name that is not the add-in's. */
  foreign?: string;
}

function readRecordSheet(ss: Spreadsheet): RecordSheet {
  const read = readSheet(ss, 'submissions');
  if (!read) return { sheet: null, grid: null };
  if (!isOwnReportGrid(read.grid, 'submissions')) return { sheet: null, grid: null, foreign: read.sheet.getName() };
  return { sheet: read.sheet, grid: read.grid };
}

function appendRecord(
  ss: Spreadsheet,
  batch: WriteBatch,
  existing: Sheet | null,
  grid: CellValue[][] | null,
  plan: Plan,
  fileName: string,
  today: IsoDate,
): void {
  const problems = plan.parsed.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  let receivedBy = '';
  try {
    receivedBy = Session.getActiveUser().getEmail();
  } catch {
    receivedBy = '';
  }
  const record = [
    plan.unit.data.code ?? '',
    plan.index.label(plan.unit),
    fileName,
    formatVnDate(today),
    plan.parsed.rows.length,
    errors,
    problems.length - errors,
    receivedBy,
  ];
  const headers = SHEETS.submissions.columns.map((c) => c.header);
  const asInput = (row: unknown[]) => row.map((v) => (typeof v === 'string' ? textInput(v, false) : v));
  let sheet = existing;

  const empty = !grid || grid.every((r) => r.every((v) => isBlank(v)));
  if (!sheet) {
    const active = ss.getActiveSheet();
    const created = insertTemplateSheet(ss, 'submissions');
    markSubmissionsRecorded();
    batch.custom(
      () => undefined,
      () => ss.deleteSheet(created),
    );
    // insertSheet makes the new sheet active; the officer is put back on theirs, unless it is hidden
    // (activating a hidden sheet shows it). https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
    if (active && !active.isSheetHidden()) ss.setActiveSheet(active);
    sheet = created;
  }
  if (empty) {
    batch.values(
      sheet.getRange(1, 1, 2, headers.length),
      [asInput(headers), asInput(record)],
      [headers.map(() => ''), headers.map(() => '')],
    );
    return;
  }
  const row = (grid?.length ?? 0) + 1;
  const maxRows = sheet.getMaxRows();
  if (row > maxRows) batch.insertRowsAfter(sheet, maxRows, row - maxRows);
  batch.values(sheet.getRange(row, 1, 1, headers.length), [asInput(record)], [headers.map(() => '')]);
}

/** The units with a list recorded in `Tiếp nhận danh sách` (none when the sheet is not the add-in's). */
export function sentUnits(grid: Grid, index: UnitIndex): Set<UnitRecord> {
  const out = new Set<UnitRecord>();
  if (!grid || !isOwnReportGrid(grid, 'submissions')) return out;
  for (const row of grid.slice(1)) {
    const unit = index.resolve(cellText(row[0])) ?? index.resolve(cellText(row[1]));
    if (unit) out.add(unit);
  }
  return out;
}

/**
 * The units that have sent their list, from `Tiếp nhận danh sách` looked up by its exact name (one
 * getSheetByName, and one read when it exists: the overview and progress pay no sheet-list read for it).
 */
export function readSentUnits(ss: Spreadsheet, index: UnitIndex): Set<UnitRecord> {
  // A look-alike name ("TIẾP NHẬN DANH SÁCH ") is that sheet: the replace records lists there (findSheet).
  // The exact name first (one call); a look-alike is searched for (the sheet list) only once the add-in
  // has created the record sheet here, so a workbook that never received a list pays no sheet-list read.
  const sheet =
    ss.getSheetByName(SHEETS.submissions.name) ?? (submissionsEverRecorded() ? findSheet(ss, 'submissions') : null);
  if (!sheet) return new Set();
  return sentUnits(sheet.getDataRange().getValues() as CellValue[][], index);
}

/**
 * Validation's `submission-late`: after `Hạn gửi danh sách đại biểu`, every unit without a list
 * recorded is a warning naming it. Reads nothing unless the deadline is set and past.
 */
export function checkSubmissionsLate(
  ss: Spreadsheet,
  args: { deadline: IsoDate | null; today: IsoDate; units: readonly UnitRecord[]; index: UnitIndex },
  problems: ProblemList,
): void {
  const { deadline, today, units, index } = args;
  if (deadline === null || !(today > deadline) || units.length === 0) return;
  const sent = readSentUnits(ss, index);
  const shown = formatVnDate(deadline);
  for (const u of units) {
    if (sent.has(u)) continue;
    problems.warning(
      'submission-late',
      SHEETS.units.name,
      u.cells.code ?? '',
      M.lateWarning(index.label(u), shown),
      M.lateSuggestion,
    );
  }
}

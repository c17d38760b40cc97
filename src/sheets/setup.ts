/**
 * "Thiết lập bảng tính": creates the missing sheets, columns and settings of the template.
 * It only ever adds: existing cells are never moved, overwritten or reformatted, so running it
 * twice changes nothing. New columns go after the last used column of the header row.
 *
 * Interrupted anywhere, running it again finishes the job: a column's header text is written
 * last, after its width, number format, dropdown, protection and header style, so a column whose
 * header is there is complete; and columns the add-in added earlier (header in the add-in's style)
 * get back a missing number format or dropdown on their EMPTY cells, and a missing protection.
 * A cell holding a value is never reformatted. A sheet named like a template sheet ("Đại biểu ",
 * "ĐẠI BIỂU", NFD) is that sheet: it is completed, never duplicated.
 */
import { ETHNIC_GROUPS } from '../domain/ethnic';
import { ProblemList } from '../domain/problem';
import type { Grid } from '../domain/records';
import { SETTING_SPECS, settingByLabel } from '../domain/settings';
import { cellSchema, locateTable, readRecords } from '../domain/table';
import {
  type ColumnSpec,
  LIST_VALUES,
  NUMBER_FORMATS,
  SHEET_ORDER,
  SHEETS,
  type SheetKey,
  type SheetSpec,
} from '../domain/template';
import type { CellValue } from '../domain/values';
import { cellText, isBlank } from '../domain/values';
import { clearFills, ownMarkFills } from './insertedRows';
import { MARK_RECORD_SHEET, prepareRecordSheet } from './marks';
import {
  findSheet,
  insertTemplateSheet,
  lookalikeSentence,
  lookalikeSheets,
  type Sheet,
  type Spreadsheet,
  sheetsNamedLike,
} from './workbook';

/** Marks the protections this add-in created, so it never adds them twice. */
export const PROTECTION_MARK = 'Trợ lý Đại hội DTTS';
export const PROTECTION_DESCRIPTION = `${PROTECTION_MARK}: do tiện ích ghi, không nên sửa tay`;
/** Background of the headers the add-in writes: how setup recognises a column it added itself. */
export const HEADER_BACKGROUND = '#e8eaed';
/** What Google reports for a cell without a number format (and what older files may hold). */
const AUTOMATIC_FORMATS = new Set(['', 'General', '0.###############']);

export interface SetupResult {
  createdSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  /** Sheets whose header row could not be found: nothing was added there. */
  skipped: { sheet: string; reason: string }[];
  /** Template sheets found under a look-alike name: used as they are, never duplicated. */
  lookalikes: { sheet: string; actual: string; message: string }[];
  /** Columns added by an earlier, interrupted run whose format, dropdown or protection was completed. */
  completed: { sheet: string; columns: string[] }[];
}

/** Successful write calls so far and the sheets they went to, so a failure can say what was written. */
export interface SetupProgress {
  writes: number;
  /** Names of the sheets written so far (as they are named in the workbook), in order. */
  sheets: string[];
  /** The sheet being worked on (its name in the workbook), to name it when a write is refused. */
  current?: string;
}

type Located = Partial<Record<SheetKey, { sheet: Sheet; headerRow: number; columns: Partial<Record<string, number>> }>>;

interface SheetPlan {
  key: SheetKey;
  spec: SheetSpec;
  sheet: Sheet;
  /** The sheet is new or empty: headers go to row 1, frozen, tab colour, report protection. */
  fresh: boolean;
  headerRow: number;
  grid: CellValue[][];
  /** Columns to add, with their 1-based sheet column. */
  missing: { column: ColumnSpec; col: number }[];
  /** Columns already there (0-based index), to complete if the add-in added them. */
  present: { column: ColumnSpec; index: number }[];
}

export function setupWorkbook(ss: Spreadsheet, progress: SetupProgress = { writes: 0, sheets: [] }): SetupResult {
  const result: SetupResult = {
    createdSheets: [],
    addedColumns: [],
    addedSettings: [],
    skipped: [],
    lookalikes: [],
    completed: [],
  };
  /** The sheet being written (its name in the workbook). */
  let current = '';
  const at = (name: string) => {
    current = name;
    progress.current = name;
  };
  const wrote = <T>(value: T): T => {
    progress.writes++;
    if (current && !progress.sheets.includes(current)) progress.sheets.push(current);
    return value;
  };
  // One getSheets + names for the whole run; every findSheet below is answered from it.
  const lookalikes = lookalikeSheets(ss);
  for (const l of lookalikes)
    result.lookalikes.push({ sheet: l.expected, actual: l.actual, message: lookalikeSentence(l) });
  const nameOf = (key: SheetKey) => lookalikes.find((l) => l.key === key)?.actual ?? SHEETS[key].name;

  // Pass 1: find or create every sheet and decide where each missing column goes (the only writes
  // here are new, empty sheets, which a later run treats like new ones).
  const plans: SheetPlan[] = [];
  const located: Located = {};
  const grids: Partial<Record<SheetKey, CellValue[][]>> = {};
  for (const key of SHEET_ORDER) {
    const spec: SheetSpec = SHEETS[key];
    let sheet = findSheet(ss, key);
    let grid: CellValue[][] = [];
    at(nameOf(key));
    if (!sheet) {
      sheet = wrote(insertTemplateSheet(ss, key));
      result.createdSheets.push(spec.name);
    } else {
      grid = sheet.getDataRange().getValues() as CellValue[][];
    }
    grids[key] = grid;
    const hasContent = grid.some((row) => row.some((v) => !isBlank(v)));
    if (!hasContent) {
      const missing = spec.columns.map((column, i) => ({ column, col: i + 1 }));
      plans.push({ key, spec, sheet, fresh: true, headerRow: 1, grid, missing, present: [] });
      located[key] = { sheet, headerRow: 1, columns: Object.fromEntries(spec.columns.map((c, i) => [c.key, i])) };
      continue;
    }
    const table = locateTable(spec, grid, new ProblemList());
    if (Object.keys(table.columns).length === 0) {
      result.skipped.push({
        sheet: spec.name,
        reason: `Không tìm thấy dòng tiêu đề trong trang "${spec.name}"; không thêm cột để tránh ghi đè dữ liệu.`,
      });
      continue;
    }
    // A row holding no required column ("Ghi chú:" in a title block above a header further down)
    // is not the header row: adding the template's headers there would write into the user's title.
    const required = spec.columns.filter((c) => c.required);
    if (required.length && !required.some((c) => table.columns[c.key] !== undefined)) {
      const found = spec.columns.filter((c) => table.columns[c.key] !== undefined).map((c) => `"${c.header}"`);
      result.skipped.push({
        sheet: spec.name,
        reason: `Dòng ${table.headerRow} của trang "${nameOf(key)}" chỉ có cột ${found.join(', ')}, không có cột bắt buộc nào (${required.map((c) => `"${c.header}"`).join(', ')}), nên không được coi là dòng tiêu đề; không thêm cột để tránh ghi nhầm chỗ. Hãy đặt dòng tiêu đề trong 10 dòng đầu của trang rồi chạy lại.`,
      });
      continue;
    }
    // After every used column (data included), so nothing the user typed is covered.
    const start = Math.max(...grid.map((r) => lastFilled(r))) + 1;
    const columns = { ...table.columns };
    const missing = spec.columns
      .filter((c) => table.columns[c.key] === undefined)
      .map((column, i) => ({ column, col: start + i }));
    for (const m of missing) columns[m.column.key] = m.col - 1;
    const present = spec.columns
      .filter((c) => table.columns[c.key] !== undefined)
      .map((column) => ({ column, index: table.columns[column.key] as number }));
    plans.push({ key, spec, sheet, fresh: false, headerRow: table.headerRow, grid, missing, present });
    located[key] = { sheet, headerRow: table.headerRow, columns };
  }

  // Pass 2: sheet by sheet, complete what an earlier run left, then add the missing columns.
  for (const plan of plans) {
    at(nameOf(plan.key));
    const completed = completeAddedColumns(ss, plan, located, wrote);
    if (completed.length) result.completed.push({ sheet: plan.spec.name, columns: completed });
    if (plan.missing.length === 0) continue;
    addColumns(ss, plan, located, wrote);
    if (!result.createdSheets.includes(plan.spec.name))
      result.addedColumns.push({ sheet: plan.spec.name, columns: plan.missing.map((m) => m.column.header) });
  }

  const config = located.config;
  at(nameOf('config'));
  if (config) result.addedSettings = addMissingSettings(config.sheet, grids.config ?? [], config, wrote);

  // Last, the add-in's hidden record of the marks, as the first validation would create it: that
  // validation then reads it in one call and creates nothing. Not an officer's sheet: not listed in
  // createdSheets (the message counts the sheets the officer sees).
  at(MARK_RECORD_SHEET);
  prepareRecordSheet(ss, sheetsNamedLike(ss, MARK_RECORD_SHEET), wrote);
  return result;
}

function lastFilled(row: readonly CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

/**
 * Adds a sheet's missing columns. The header text is the last write: until it is there, a later
 * run sees the column as missing and writes it all again, to the same place, with the same result.
 */
function addColumns(ss: Spreadsheet, plan: SheetPlan, located: Located, wrote: <T>(v: T) => T): void {
  const { sheet, spec, headerRow, missing } = plan;
  const first = (missing[0] as { col: number }).col;
  const needed = first + missing.length - 1 - sheet.getMaxColumns();
  if (needed > 0) wrote(sheet.insertColumnsAfter(sheet.getMaxColumns(), needed));
  if (plan.fresh) {
    wrote(sheet.setFrozenRows(1));
    if (spec.tabColor) wrote(sheet.setTabColor(spec.tabColor));
    if (spec.report) ensureSheetProtection(sheet, wrote);
  }
  const protections = missing.some((m) => m.column.computed && !spec.report) ? ourRangeProtections(sheet) : [];
  for (const m of missing) formatColumn(ss, plan, m.column, m.col, located, protections, wrote);
  const columns = missing.map((m) => m.column);
  const range = sheet.getRange(headerRow, first, 1, columns.length);
  wrote(range.setFontWeights([columns.map(() => 'bold')]));
  wrote(range.setBackgrounds([columns.map(() => HEADER_BACKGROUND)]));
  if (columns.some((c) => c.help)) wrote(range.setNotes([columns.map((c) => c.help ?? '')]));
  if (plan.fresh) wrote(range.setWrap(true));
  wrote(range.setValues([columns.map((c) => c.header)]));
}

/** The number format setup gives a column's cells ('' for none). */
function formatOf(spec: SheetSpec, column: ColumnSpec): string {
  return spec.key === 'config' && column.key === 'value' ? '@' : (column.format ?? NUMBER_FORMATS[column.kind]);
}

/**
 * The number format a column gets when setup adds it: formatOf, and plain text ('@') for the
 * columns of `Kiểm tra`, the format validation gives the report block before writing it (writeReport
 * in marks.ts), so the first validation finds it there and does not set it (one call fewer). Only
 * for a column setup adds: an existing `Kiểm tra` (set up by an older version) is left as it is and
 * validation formats it as before; the report's text stays text either way, since validation reads
 * the formats of the block it writes and sets '@' wherever it is missing.
 */
function newColumnFormat(spec: SheetSpec, column: ColumnSpec): string {
  return spec.key === 'report' ? '@' : formatOf(spec, column);
}

/** Width, number format, dropdown and (for computed columns) warning-only protection of a new column. */
function formatColumn(
  ss: Spreadsheet,
  plan: SheetPlan,
  column: ColumnSpec,
  col: number,
  located: Located,
  protections: RangeProtection[],
  wrote: <T>(v: T) => T,
): void {
  const { sheet, headerRow } = plan;
  if (column.width) wrote(sheet.setColumnWidth(col, column.width));
  const rows = sheet.getMaxRows() - headerRow;
  if (rows <= 0) return;
  const body = sheet.getRange(headerRow + 1, col, rows, 1);
  const format = newColumnFormat(plan.spec, column);
  if (format) wrote(body.setNumberFormat(format));
  const rule = column.list ? validationRule(ss, column.list, located) : null;
  if (rule) wrote(body.setDataValidation(rule));
  if (column.computed && !plan.spec.report) ensureRangeProtection(sheet, headerRow, col, rows, protections, wrote);
}

interface RangeProtection {
  protection: GoogleAppsScript.Spreadsheet.Protection;
  description: string;
  /** 1-based column, first and last row of the protected range (single-column ranges only). */
  col: number;
  row: number;
  lastRow: number;
}

/**
 * The sheet's range protections that are the add-in's (its description) or that an interrupted
 * run left without a description yet, on one column.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getprotectionstype
 */
function ourRangeProtections(sheet: Sheet): RangeProtection[] {
  const out: RangeProtection[] = [];
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = protection.getDescription();
    if (description && !description.startsWith(PROTECTION_MARK)) continue;
    const at = /^([A-Z]+)(\d+):\1(\d+)$/.exec(protection.getRange().getA1Notation());
    if (!at) continue;
    out.push({
      protection,
      description,
      col: columnNumber(at[1] as string),
      row: Number(at[2]),
      lastRow: Number(at[3]),
    });
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Warning-only protection of a computed column's body: kept when the add-in's protection is there,
 * completed when an interrupted run left it without its description (a protection without
 * description on exactly that body), added otherwise. Returns whether anything was written.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#protect
 */
function ensureRangeProtection(
  sheet: Sheet,
  headerRow: number,
  col: number,
  rows: number,
  protections: RangeProtection[],
  wrote: <T>(v: T) => T,
): boolean {
  const lastRow = headerRow + rows;
  const found = protections.find(
    (p) => p.col === col && p.row === headerRow + 1 && (p.description !== '' || p.lastRow === lastRow),
  );
  if (found) {
    // describe() sets warning-only before the description: with the description, it is complete
    // (and a user who made it a real protection since keeps it so).
    if (found.description) return false;
    describe(found.protection, wrote);
    found.description = PROTECTION_DESCRIPTION;
    return true;
  }
  const protection = wrote(sheet.getRange(headerRow + 1, col, rows, 1).protect());
  describe(protection, wrote);
  protections.push({ protection, description: PROTECTION_DESCRIPTION, col, row: headerRow + 1, lastRow });
  return true;
}

/** A report sheet's warning-only protection (Sheet.protect returns the sheet's existing one). */
function ensureSheetProtection(sheet: Sheet, wrote: <T>(v: T) => T): boolean {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing) {
    const description = existing.getDescription();
    if (description) return false; // complete, or the user's own protection
    describe(existing, wrote);
    return true;
  }
  describe(wrote(sheet.protect()), wrote);
  return true;
}

function describe(protection: GoogleAppsScript.Spreadsheet.Protection, wrote: <T>(v: T) => T): void {
  wrote(protection.setWarningOnly(true));
  wrote(protection.setDescription(PROTECTION_DESCRIPTION));
}

/**
 * Columns the add-in added earlier (header text exactly the template's, in the add-in's header
 * colour) get what is missing: the number format and dropdown on their empty cells that have
 * none, the protection of computed columns. Cells holding a value keep their format and rule.
 * Returns the headers of the columns completed.
 */
function completeAddedColumns(ss: Spreadsheet, plan: SheetPlan, located: Located, wrote: <T>(v: T) => T): string[] {
  const { sheet, spec, headerRow, grid } = plan;
  const candidates = plan.present.filter(
    (p) =>
      (grid[headerRow - 1]?.[p.index] ?? '') === p.column.header &&
      (formatOf(spec, p.column) || p.column.list || (p.column.computed && !spec.report) || spec.report),
  );
  if (candidates.length === 0) return [];
  const from = Math.min(...candidates.map((c) => c.index));
  const to = Math.max(...candidates.map((c) => c.index));
  const backgrounds = sheet.getRange(headerRow, from + 1, 1, to - from + 1).getBackgrounds()[0] ?? [];
  const owned = candidates.filter((c) => backgrounds[c.index - from] === HEADER_BACKGROUND);
  if (owned.length === 0) return [];
  const completed = new Set<string>();
  const rows = sheet.getMaxRows() - headerRow;
  if (spec.report && ensureSheetProtection(sheet, wrote)) completed.add(owned[0]?.column.header ?? '');
  if (rows > 0) {
    const blank = (r: number, c: number) => isBlank(grid[headerRow + r]?.[c] ?? '');
    const formatted = owned.filter((c) => formatOf(spec, c.column));
    if (formatted.length) {
      const f0 = Math.min(...formatted.map((c) => c.index));
      const f1 = Math.max(...formatted.map((c) => c.index));
      const formats = sheet.getRange(headerRow + 1, f0 + 1, rows, f1 - f0 + 1).getNumberFormats();
      for (const c of formatted) {
        const want = formatOf(spec, c.column);
        const current = formats.map((line) => line[c.index - f0] ?? '');
        const next = current.map((f, r) => (AUTOMATIC_FORMATS.has(f) && blank(r, c.index) ? want : f));
        if (next.every((f, r) => f === current[r])) continue;
        const body = sheet.getRange(headerRow + 1, c.index + 1, rows, 1);
        if (next.every((f) => f === want)) wrote(body.setNumberFormat(want));
        else wrote(body.setNumberFormats(next.map((f) => [f])));
        completed.add(c.column.header);
      }
    }
    const listed = owned.filter((c) => c.column.list);
    if (listed.length) {
      const l0 = Math.min(...listed.map((c) => c.index));
      const l1 = Math.max(...listed.map((c) => c.index));
      const rules = sheet.getRange(headerRow + 1, l0 + 1, rows, l1 - l0 + 1).getDataValidations();
      for (const c of listed) {
        const current = rules.map((line) => line[c.index - l0] ?? null);
        const gaps = current.map((rule, r) => rule === null && blank(r, c.index));
        if (!gaps.some(Boolean)) continue;
        const rule = validationRule(ss, c.column.list as NonNullable<ColumnSpec['list']>, located);
        if (!rule) continue;
        const body = sheet.getRange(headerRow + 1, c.index + 1, rows, 1);
        if (gaps.every(Boolean)) wrote(body.setDataValidation(rule));
        else wrote(body.setDataValidations(current.map((old, r) => [gaps[r] ? rule : old])));
        completed.add(c.column.header);
      }
    }
    const computed = owned.filter((c) => c.column.computed && !spec.report);
    if (computed.length) {
      const protections = ourRangeProtections(sheet);
      for (const c of computed)
        if (ensureRangeProtection(sheet, headerRow, c.index + 1, rows, protections, wrote))
          completed.add(c.column.header);
    }
  }
  return [...completed];
}

function validationRule(
  ss: Spreadsheet,
  list: NonNullable<ColumnSpec['list']>,
  located: Located,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  const fromColumn = (key: SheetKey, field: string) => {
    const where = located[key];
    const index = where?.columns[field];
    if (!where || index === undefined) return null;
    const rows = Math.max(1, where.sheet.getMaxRows() - where.headerRow);
    return where.sheet.getRange(where.headerRow + 1, index + 1, rows, 1);
  };
  switch (list) {
    case 'units': {
      const range = fromColumn('units', 'code');
      return range ? builder.requireValueInRange(range, true).build() : null;
    }
    case 'meetings': {
      const range = fromColumn('meetings', 'code');
      return range ? builder.requireValueInRange(range, true).build() : null;
    }
    case 'ethnic':
      return builder
        .requireValueInList(
          ETHNIC_GROUPS.map((g) => g.name),
          true,
        )
        .build();
    default:
      void ss;
      return builder.requireValueInList([...LIST_VALUES[list]], true).build();
  }
}

const configRow = { name: cellSchema<string>((v) => ({ ok: true, value: cellText(v) })) };

/** Appends the settings the `Cấu hình` sheet lacks, below its last row, in one setValues. */
function addMissingSettings(
  sheet: Sheet,
  grid: CellValue[][],
  where: { headerRow: number; columns: Partial<Record<string, number>> },
  wrote: <T>(v: T) => T,
): string[] {
  const table = locateTable(SHEETS.config, grid, new ProblemList());
  const present = new Set<string>();
  for (const r of readRecords(table, configRow, new ProblemList())) {
    const spec = r.data.name ? settingByLabel(r.data.name) : undefined;
    if (spec) present.add(spec.key);
  }
  const missing = SETTING_SPECS.filter((s) => !present.has(s.key));
  const nameCol = where.columns.name;
  const valueCol = where.columns.value;
  const noteCol = where.columns.note;
  if (missing.length === 0 || nameCol === undefined || valueCol === undefined) return [];
  const cols = [nameCol, valueCol, ...(noteCol === undefined ? [] : [noteCol])];
  const first = Math.min(...cols);
  const width = Math.max(...cols) - first + 1;
  const startRow = Math.max(grid.length, where.headerRow) + 1;
  const block = missing.map((s) => {
    const row: (string | number)[] = new Array(width).fill('');
    row[nameCol - first] = s.label;
    row[valueCol - first] = s.initial;
    if (noteCol !== undefined) row[noteCol - first] = s.note;
    return row;
  });
  const needed = startRow + block.length - 1 - sheet.getMaxRows();
  if (needed > 0) {
    // The new rows take the formatting of the sheet's last row: a mark's fill there is taken back;
    // the header's fill and bold too when the sheet ends at its header (a setting is no header).
    const last = sheet.getMaxRows();
    const underHeader = last <= where.headerRow;
    const marked = underHeader ? [] : ownMarkFills(sheet.getParent(), sheet, last, first + width);
    wrote(sheet.insertRowsAfter(last, needed));
    if (underHeader) {
      const fresh = sheet.getRange(last + 1, 1, needed, first + width);
      wrote(fresh.setBackground(null));
      wrote(fresh.setFontWeight('normal'));
    } else if (marked.length > 0) wrote(clearFills(sheet, last + 1, needed, marked));
  }
  wrote(sheet.getRange(startRow, valueCol + 1, block.length, 1).setNumberFormat('@'));
  wrote(sheet.getRange(startRow, first + 1, block.length, width).setValues(block));
  return missing.map((s) => s.label);
}

/** What a template sheet lacks, for actions that need the template before they can run. */
export interface TemplateStatus {
  ready: boolean;
  missingSheets: string[];
  missingColumns: { sheet: string; columns: string[] }[];
  /** Vietnamese: 'Hãy chạy "Thiết lập bảng tính" trước: …' with the list; '' when ready. */
  message: string;
}

/**
 * Which of `keys` are missing or lack columns, from grids already read (readGrids: null = no
 * sheet). Pure: no service call. Validation and allocation use it instead of running setup.
 */
export function templateStatus(grids: Partial<Record<SheetKey, Grid>>, keys: readonly SheetKey[]): TemplateStatus {
  const missingSheets: string[] = [];
  const missingColumns: { sheet: string; columns: string[] }[] = [];
  for (const key of keys) {
    const spec = SHEETS[key];
    const grid = grids[key];
    if (!grid) {
      missingSheets.push(spec.name);
      continue;
    }
    const table = locateTable(spec, grid, new ProblemList());
    const columns = spec.columns.filter((c) => table.columns[c.key] === undefined).map((c) => c.header);
    if (columns.length) missingColumns.push({ sheet: spec.name, columns });
  }
  const parts = [
    ...missingSheets.map((s) => `trang "${s}"`),
    ...missingColumns.map((m) => `cột ${m.columns.map((c) => `"${c}"`).join(', ')} của trang "${m.sheet}"`),
  ];
  const ready = parts.length === 0;
  return {
    ready,
    missingSheets,
    missingColumns,
    message: ready ? '' : `Hãy chạy "Thiết lập bảng tính" trước: còn thiếu ${parts.join('; ')}.`,
  };
}

/**
 * "Thiết lập bảng tính": creates the missing sheets, columns and settings of the template.
 * It only ever adds: existing cells are never moved, overwritten or reformatted, so running it
 * twice changes nothing. New columns go after the last used column of the header row.
 */
import { ETHNIC_GROUPS } from '../domain/ethnic';
import { ProblemList } from '../domain/problem';
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
import type { Sheet, Spreadsheet } from './workbook';

/** Marks the protections this add-in created, so it never adds them twice. */
export const PROTECTION_MARK = 'Trợ lý Đại hội DTTS';
const HEADER_BACKGROUND = '#e8eaed';

export interface SetupResult {
  createdSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  /** Sheets whose header row could not be found: nothing was added there. */
  skipped: { sheet: string; reason: string }[];
}

interface PendingColumn {
  sheet: Sheet;
  spec: SheetSpec;
  column: ColumnSpec;
  /** 1-based sheet column and header row. */
  col: number;
  headerRow: number;
}

export function setupWorkbook(ss: Spreadsheet): SetupResult {
  const result: SetupResult = { createdSheets: [], addedColumns: [], addedSettings: [], skipped: [] };
  const pending: PendingColumn[] = [];
  const located: Partial<
    Record<SheetKey, { sheet: Sheet; headerRow: number; columns: Partial<Record<string, number>> }>
  > = {};
  const grids: Partial<Record<SheetKey, CellValue[][]>> = {};

  for (const key of SHEET_ORDER) {
    const spec: SheetSpec = SHEETS[key];
    let sheet = ss.getSheetByName(spec.name);
    if (!sheet) {
      sheet = ss.insertSheet(spec.name, ss.getSheets().length);
      result.createdSheets.push(spec.name);
      writeHeaders(sheet, 1, 1, spec.columns, true);
      sheet.setFrozenRows(1);
      if (spec.tabColor) sheet.setTabColor(spec.tabColor);
      if (spec.report) protect(sheet.protect());
      const columns: Partial<Record<string, number>> = {};
      spec.columns.forEach((column, i) => {
        columns[column.key] = i;
        pending.push({ sheet: sheet as Sheet, spec, column, col: i + 1, headerRow: 1 });
      });
      located[key] = { sheet, headerRow: 1, columns };
      grids[key] = [spec.columns.map((c) => c.header)];
      continue;
    }
    const grid = sheet.getDataRange().getValues() as CellValue[][];
    grids[key] = grid;
    const table = locateTable(spec, grid, new ProblemList());
    const found = Object.keys(table.columns).length;
    const hasContent = grid.some((row) => row.some((v) => !isBlank(v)));
    if (found === 0 && hasContent) {
      result.skipped.push({
        sheet: spec.name,
        reason: `Không tìm thấy dòng tiêu đề trong trang "${spec.name}"; không thêm cột để tránh ghi đè dữ liệu.`,
      });
      continue;
    }
    const missing = spec.columns.filter((c) => table.columns[c.key] === undefined);
    const columns = { ...table.columns };
    located[key] = { sheet, headerRow: table.headerRow, columns };
    if (missing.length === 0) continue;
    // After every used column (data included), so nothing the user typed is covered.
    const width = hasContent ? Math.max(...grid.map((r) => lastFilled(r))) : 0;
    const start = width + 1;
    const needed = start + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    writeHeaders(sheet, table.headerRow, start, missing, false);
    if (!hasContent) sheet.setFrozenRows(table.headerRow);
    missing.forEach((column, i) => {
      columns[column.key] = start - 1 + i;
      pending.push({ sheet: sheet as Sheet, spec, column, col: start + i, headerRow: table.headerRow });
    });
    result.addedColumns.push({ sheet: spec.name, columns: missing.map((c) => c.header) });
  }

  for (const p of pending) formatColumn(ss, p, located);
  const config = located.config;
  if (config) result.addedSettings = addMissingSettings(config.sheet, grids.config ?? [], config);
  return result;
}

function lastFilled(row: readonly CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

/** Header cells: one setValues, one setFontWeights, one setNotes, one setBackgrounds. */
function writeHeaders(sheet: Sheet, row: number, col: number, columns: readonly ColumnSpec[], fresh: boolean): void {
  const range = sheet.getRange(row, col, 1, columns.length);
  range.setValues([columns.map((c) => c.header)]);
  range.setFontWeights([columns.map(() => 'bold')]);
  range.setBackgrounds([columns.map(() => HEADER_BACKGROUND)]);
  if (columns.some((c) => c.help)) range.setNotes([columns.map((c) => c.help ?? '')]);
  if (fresh) range.setWrap(true);
}

function protect(protection: GoogleAppsScript.Spreadsheet.Protection): void {
  protection.setDescription(`${PROTECTION_MARK}: do tiện ích ghi, không nên sửa tay`).setWarningOnly(true);
}

/** Width, number format, dropdown and (for computed columns) warning-only protection of a new column. */
function formatColumn(
  ss: Spreadsheet,
  p: PendingColumn,
  located: Partial<Record<SheetKey, { sheet: Sheet; headerRow: number; columns: Partial<Record<string, number>> }>>,
): void {
  const { sheet, column, col, headerRow } = p;
  if (column.width) sheet.setColumnWidth(col, column.width);
  const rows = sheet.getMaxRows() - headerRow;
  if (rows <= 0) return;
  const body = sheet.getRange(headerRow + 1, col, rows, 1);
  const format = NUMBER_FORMATS[column.kind];
  if (format) body.setNumberFormat(format);
  if (p.spec.key === 'config' && column.key === 'value') body.setNumberFormat('@');
  const rule = column.list ? validationRule(ss, column.list, located) : null;
  if (rule) body.setDataValidation(rule);
  if (column.computed && !p.spec.report) protect(body.protect());
}

function validationRule(
  ss: Spreadsheet,
  list: NonNullable<ColumnSpec['list']>,
  located: Partial<Record<SheetKey, { sheet: Sheet; headerRow: number; columns: Partial<Record<string, number>> }>>,
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
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(startRow, valueCol + 1, block.length, 1).setNumberFormat('@');
  sheet.getRange(startRow, first + 1, block.length, width).setValues(block);
  return missing.map((s) => s.label);
}

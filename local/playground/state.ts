/** The JSON the playground page renders: sheets, the active sheet's grid, selection and UI. */
import type { Runtime } from '../runtime';
import { rectToA1 } from '../runtime/a1';
import type { LogEntry } from '../runtime/context';
import { localeConventions } from '../runtime/locale';
import { type CellValue, formatDisplayValue } from '../runtime/number-format';
import type { LocalSheet } from '../runtime/sheet';
import type { RecordedDialog, RecordedMenu } from '../runtime/ui';

/** Style of one non-default cell in the grid. */
export interface CellStyle {
  r: number;
  c: number;
  bg?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: string;
  note?: string;
  formula?: string;
}

/** The visible part of a sheet. */
export interface GridState {
  sheet: string;
  rows: number;
  columns: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: number[];
  /** Display values, rows × columns. */
  values: string[][];
  styles: CellStyle[];
}

/** The active cell: its display, what editing it starts from (formula or typed form), its note. */
export interface ActiveCell {
  a1: string;
  display: string;
  input: string;
  note: string;
}

/**
 * An embedded chart of the active sheet as the page draws it: its recorded type, options and
 * position, and the current values of its first range (header rows first, then one label and one
 * value per data row; columns are series when the range is wider). The saved .xlsx does not carry
 * charts (exceljs cannot write them): they live in the runtime and this state only.
 */
export interface ChartState {
  id: number | null;
  type: string | null;
  title: string;
  hAxisTitle: string;
  vAxisTitle: string;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  /** "'Thống kê'!B67:C78" */
  ranges: string[];
  /** Series names (from the header row, or "Cột B"). */
  series: string[];
  labels: string[];
  /** values[i][s]: row i, series s; null when the cell is not a number. */
  values: (number | null)[][];
}

/** Rows drawn per chart at most (a 3,321-unit bar chart is summarised by its first rows). */
export const CHART_ROW_LIMIT = 60;

export function chartStates(sheet: LocalSheet): ChartState[] {
  const ctx = sheet.spreadsheet.displayContext();
  return sheet.charts.map((chart) => {
    const record = chart.record();
    const spec = chart.spec;
    const first = spec.ranges[0];
    const labels: string[] = [];
    const values: (number | null)[][] = [];
    let series: string[] = [];
    if (first) {
      const { sheet: source, rect } = first;
      const headers = Math.max(0, spec.numHeaders < 0 ? 1 : spec.numHeaders);
      const cellText = (r: number, c: number) => {
        const cell = source.grid.get(r - 1, c - 1);
        return cell ? formatDisplayValue(cell.value, cell.numberFormat, ctx) : '';
      };
      const cellNumber = (r: number, c: number) => {
        const v = source.grid.get(r - 1, c - 1)?.value;
        return typeof v === 'number' ? v : null;
      };
      const seriesColumns = Array.from({ length: Math.max(0, rect.numColumns - 1) }, (_, i) => rect.column + 1 + i);
      series = seriesColumns.map((c) => (headers > 0 ? cellText(rect.row, c) : `Cột ${c}`));
      const last = Math.min(rect.row + rect.numRows - 1, rect.row + headers + CHART_ROW_LIMIT - 1);
      for (let r = rect.row + headers; r <= last; r++) {
        labels.push(cellText(r, rect.column));
        values.push(seriesColumns.map((c) => cellNumber(r, c)));
      }
    }
    const option = (name: string) => {
      const v = record.options[name];
      return v === undefined || v === null ? '' : String(v);
    };
    const size = (name: string, fallback: number) => {
      const v = record.options[name];
      return typeof v === 'number' && v > 0 ? v : fallback;
    };
    return {
      id: record.chartId,
      type: record.type,
      title: option('title'),
      hAxisTitle: option('hAxis.title'),
      vAxisTitle: option('vAxis.title'),
      anchorRow: record.position.anchorRow,
      anchorColumn: record.position.anchorColumn,
      offsetX: record.position.offsetX,
      offsetY: record.position.offsetY,
      width: size('width', 600),
      height: size('height', 371),
      ranges: record.ranges,
      series,
      labels,
      values,
    };
  });
}

/** Everything the page shows. */
export interface PlaygroundState {
  spreadsheet: { name: string; id: string; timeZone: string; locale: string };
  sheets: { name: string; index: number; hidden: boolean; tabColor: string | null }[];
  activeSheet: string;
  activeRange: { sheet: string; a1: string; row: number; column: number; numRows: number; numColumns: number } | null;
  /** The active range's top-left cell as the formula bar shows it. */
  activeCell: ActiveCell | null;
  grid: GridState;
  /** The active sheet's embedded charts (drawn by the page). */
  charts: ChartState[];
  menus: RecordedMenu[];
  sidebar: { open: boolean; title: string; width: number; version: number };
  dialogs: { title: string; modal: boolean }[];
  /** The dialog open now (GET /dialog serves it). */
  dialog: { open: boolean; title: string; width: number; height: number; version: number };
  /** The last toasts and alerts; the counts say how many were ever shown (to find the new ones). */
  toasts: { message: string; title: string }[];
  toastCount: number;
  alerts: RecordedDialog[];
  alertCount: number;
  logs: LogEntry[];
  calls: number;
  uiVersion: number;
}

/** Limits of the grid sent to the page. */
export const GRID_LIMITS = { rows: 500, columns: 52, minRows: 30, minColumns: 12 };

/**
 * Builds the grid of a sheet: content plus some empty margin, within GRID_LIMITS, and always far
 * enough to show `reach` (the active cell, e.g. one the sidebar selected).
 */
export function gridState(sheet: LocalSheet, reach?: { row: number; column: number }): GridState {
  const rows = Math.min(
    Math.max(Math.min(sheet.getLastRow() + 5, GRID_LIMITS.rows), GRID_LIMITS.minRows, (reach?.row ?? 0) + 5),
    sheet.maxRows,
  );
  const columns = Math.min(
    Math.max(
      Math.min(sheet.getLastColumn() + 2, GRID_LIMITS.columns),
      GRID_LIMITS.minColumns,
      (reach?.column ?? 0) + 2,
    ),
    sheet.maxColumns,
  );
  const ctx = sheet.spreadsheet.displayContext();
  const values: string[][] = [];
  const styles: CellStyle[] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = sheet.grid.get(r, c);
      line.push(cell ? formatDisplayValue(cell.value, cell.numberFormat, ctx) : '');
      if (!cell) continue;
      const s: CellStyle = { r, c };
      if (cell.background) s.bg = cell.background;
      if (cell.fontWeight === 'bold') s.bold = true;
      if (cell.fontStyle === 'italic') s.italic = true;
      if (cell.fontColor) s.color = cell.fontColor;
      if (cell.horizontalAlignment) s.align = cell.horizontalAlignment;
      else if (typeof cell.value === 'number' || cell.value instanceof Date) s.align = 'right';
      if (cell.note) s.note = cell.note;
      if (cell.formula) s.formula = cell.formula;
      if (Object.keys(s).length > 2) styles.push(s);
    }
    values.push(line);
  }
  const columnWidths = Array.from({ length: columns }, (_, i) => sheet.getColumnWidth(i + 1));
  return {
    sheet: sheet.getName(),
    rows,
    columns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths,
    values,
    styles,
  };
}

/** What editing a cell starts from: its formula, or its value in the form one would type it. */
export function inputText(
  value: CellValue | null,
  formula: string | undefined,
  display: string,
  locale: string,
): string {
  if (formula) return formula;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', localeConventions(locale).decimal);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return display;
  return String(value);
}

export function activeCellOf(sheet: LocalSheet, row: number, column: number): ActiveCell {
  const ss = sheet.spreadsheet;
  const cell = sheet.grid.get(row - 1, column - 1);
  const display = cell ? formatDisplayValue(cell.value, cell.numberFormat, ss.displayContext()) : '';
  return {
    a1: rectToA1({ row, column, numRows: 1, numColumns: 1 }),
    display,
    input: cell ? inputText(cell.value, cell.formula, display, ss.getSpreadsheetLocale()) : '',
    note: cell?.note ?? '',
  };
}

/** The whole page state for a runtime. */
export function playgroundState(runtime: Runtime): PlaygroundState {
  const ss = runtime.spreadsheet;
  const active = ss.localActiveSheet();
  const range = ss.activeRangeOf(active);
  return {
    spreadsheet: {
      name: ss.getName(),
      id: ss.getId(),
      timeZone: ss.getSpreadsheetTimeZone(),
      locale: ss.getSpreadsheetLocale(),
    },
    sheets: ss.localSheets().map((s, i) => ({ name: s.getName(), index: i, hidden: s.hidden, tabColor: s.tabColor })),
    activeSheet: active.getName(),
    activeRange: range ? { sheet: active.getName(), a1: rectToA1(range.rect), ...range.rect } : null,
    activeCell: range ? activeCellOf(active, range.rect.row, range.rect.column) : null,
    grid: gridState(active, range?.rect),
    charts: chartStates(active),
    menus: runtime.ui.menus,
    sidebar: {
      open: runtime.ui.sidebar !== null,
      title: runtime.ui.sidebar?.title ?? '',
      width: runtime.ui.sidebar?.width ?? 300,
      version: runtime.ui.sidebarVersion,
    },
    dialogs: runtime.ui.dialogs.map((d) => ({ title: d.title, modal: d.modal })),
    dialog: {
      open: runtime.ui.openDialog !== null,
      title: runtime.ui.openDialog?.title ?? '',
      width: runtime.ui.openDialog?.width ?? 0,
      height: runtime.ui.openDialog?.height ?? 0,
      version: runtime.ui.dialogVersion,
    },
    toasts: ss.toasts.slice(-5).map((t) => ({ message: t.message, title: t.title })),
    toastCount: ss.toasts.length,
    alerts: runtime.ui.alerts.slice(-20),
    alertCount: runtime.ui.alerts.length,
    logs: runtime.logs.slice(-50),
    calls: runtime.calls.total,
    uiVersion: runtime.ui.version,
  };
}

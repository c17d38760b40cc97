/** The JSON the playground page renders: sheets, the active sheet's grid, selection and UI. */
import type { Runtime } from '../runtime';
import { rectToA1 } from '../runtime/a1';
import type { LogEntry } from '../runtime/context';
import { formatDisplayValue } from '../runtime/number-format';
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

/** Everything the page shows. */
export interface PlaygroundState {
  spreadsheet: { name: string; id: string; timeZone: string; locale: string };
  sheets: { name: string; index: number; hidden: boolean; tabColor: string | null }[];
  activeSheet: string;
  activeRange: { sheet: string; a1: string; row: number; column: number; numRows: number; numColumns: number } | null;
  grid: GridState;
  menus: RecordedMenu[];
  sidebar: { open: boolean; title: string; width: number; version: number };
  dialogs: { title: string; modal: boolean }[];
  toasts: { message: string; title: string }[];
  alerts: RecordedDialog[];
  logs: LogEntry[];
  calls: number;
  uiVersion: number;
}

/** Limits of the grid sent to the page. */
export const GRID_LIMITS = { rows: 500, columns: 52, minRows: 30, minColumns: 12 };

/** Builds the grid of a sheet: content plus some empty margin, within GRID_LIMITS. */
export function gridState(sheet: LocalSheet): GridState {
  const rows = Math.min(Math.max(sheet.getLastRow() + 5, GRID_LIMITS.minRows), sheet.maxRows, GRID_LIMITS.rows);
  const columns = Math.min(
    Math.max(sheet.getLastColumn() + 2, GRID_LIMITS.minColumns),
    sheet.maxColumns,
    GRID_LIMITS.columns,
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
    grid: gridState(active),
    menus: runtime.ui.menus,
    sidebar: {
      open: runtime.ui.sidebar !== null,
      title: runtime.ui.sidebar?.title ?? '',
      width: runtime.ui.sidebar?.width ?? 300,
      version: runtime.ui.sidebarVersion,
    },
    dialogs: runtime.ui.dialogs.map((d) => ({ title: d.title, modal: d.modal })),
    toasts: ss.toasts.slice(-5).map((t) => ({ message: t.message, title: t.title })),
    alerts: runtime.ui.alerts.slice(-20),
    logs: runtime.logs.slice(-50),
    calls: runtime.calls.total,
    uiVersion: runtime.ui.version,
  };
}

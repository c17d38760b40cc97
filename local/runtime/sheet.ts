/** Sheet: one tab of the spreadsheet, its grid size, frozen panes, column widths and protections. */
import { type GridRect, parseA1, rectsOverlap, rectToA1, resolveReference } from './a1';
import { type Cell, CellGrid } from './cells';
import { chartMessages, LocalEmbeddedChart, LocalEmbeddedChartBuilder, nextChartId } from './charts';
import { normalizeColor } from './colors';
import type { LocalDataValidation } from './data-validation';
import { describeArgumentTypes, messages, ServiceError } from './errors';
import { parseUserInput } from './input';
import { type CellValue, formatDisplayValue } from './number-format';
import { LocalProtection, type ProtectionHost } from './protection';
import { LocalRange } from './range';
import { LocalRangeList } from './range-list';
import { asGas, asLocal, SERVICE_NAME, ServiceObject } from './service';
import type { LocalSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Size of a new sheet in Google Sheets. */
export const DEFAULT_SHEET_SIZE = { rows: 1000, columns: 26 } as const;
/** Default column width and row height in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;
/** Longest text a cell accepts. */
export const MAX_CELL_CHARACTERS = 50000;

/** Methods of Google's Sheet this class implements. */
export type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getCharts'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

/** One sheet (tab). Cells live in `grid`; ranges are views onto it. */
export class LocalSheet extends ServiceObject implements Pick<GasSheet, SheetMethods>, ProtectionHost {
  get [SERVICE_NAME]() {
    return 'Sheet';
  }

  readonly grid = new CellGrid();
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Explicit column widths in pixels, by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Explicit row heights in pixels, by 1-based row. */
  readonly rowHeights = new Map<number, number>();
  readonly protections: LocalProtection[] = [];
  /** The runtime whose execution inserted this sheet and has not flushed yet (access.ts), or undefined. */
  pendingFor: object | undefined = undefined;
  /** Merged areas (1-based rectangles); values live in their top-left cell only, as in Google. */
  merges: GridRect[] = [];
  /** Embedded charts in insertion order (charts.ts). */
  charts: LocalEmbeddedChart[] = [];

  constructor(
    readonly spreadsheet: LocalSpreadsheet,
    private name: string,
    readonly sheetId: number,
    size: { rows: number; columns: number } = DEFAULT_SHEET_SIZE,
  ) {
    super();
    this.maxRows = size.rows;
    this.maxColumns = size.columns;
  }

  private get self(): GasSheet {
    return asGas(this);
  }

  // ---- identity --------------------------------------------------------------------------------

  getName(): string {
    return this.name;
  }

  getSheetName(): string {
    return this.name;
  }

  setName(name: string): GasSheet {
    const n = String(name);
    // A sheet may take another case of its own name ("Đại biểu" → "ĐẠI BIỂU"), as in Sheets.
    if (n !== this.name) this.spreadsheet.assertSheetNameFree(n, this);
    this.name = n;
    return this.self;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.spreadsheet.localSheets().indexOf(this) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(this.spreadsheet);
  }

  activate(): GasSheet {
    this.spreadsheet.activate(this);
    return this.self;
  }

  hideSheet(): GasSheet {
    if (!this.hidden && this.spreadsheet.localSheets().filter((s) => !s.hidden).length <= 1) {
      throw new ServiceError(messages.hideAllSheets());
    }
    this.hidden = true;
    return this.self;
  }

  showSheet(): GasSheet {
    this.hidden = false;
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  setTabColor(color: string | null): GasSheet {
    this.tabColor = normalizeColor(color) ?? null;
    return this.self;
  }

  // ---- ranges ----------------------------------------------------------------------------------

  /** A range by position (1-based) or by A1 notation, checked against the sheet's size like Google. */
  getRange(...args: [rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number]): GasRange {
    const [rowOrA1, column] = args;
    if (typeof rowOrA1 === 'string' && column === undefined) return asGas(this.rangeFromA1(rowOrA1));
    const nums = args.map((a) => (typeof a === 'number' && Number.isFinite(a) ? Math.trunc(a) : Number.NaN));
    if (nums.length < 2 || nums.some(Number.isNaN)) {
      throw new ServiceError(messages.badParameters(describeArgumentTypes(args), 'SpreadsheetApp.Sheet.getRange'));
    }
    const [row, col, nr = 1, nc = 1] = nums as [number, number, number?, number?];
    return asGas(this.rangeAt({ row, column: col, numRows: nr, numColumns: nc }));
  }

  /** A range for a rectangle, throwing Google's errors when it is empty or leaves the grid. */
  rangeAt(rect: GridRect): LocalRange {
    if (rect.row < 1) throw new ServiceError(messages.startRowTooSmall());
    if (rect.column < 1) throw new ServiceError(messages.startColumnTooSmall());
    if (rect.numRows < 1) throw new ServiceError(messages.tooFewRows());
    if (rect.numColumns < 1) throw new ServiceError(messages.tooFewColumns());
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.column + rect.numColumns - 1 > this.maxColumns) {
      throw new ServiceError(messages.outsideSheet());
    }
    return new LocalRange(this, { ...rect });
  }

  /** A range from A1 notation on this sheet; a sheet prefix must name this sheet. */
  rangeFromA1(a1: string): LocalRange {
    const ref = parseA1(a1);
    if (!ref || (ref.sheetName !== undefined && ref.sheetName !== this.name)) {
      throw new ServiceError(messages.rangeNotFound());
    }
    const rect = resolveReference(ref, this.maxRows, this.maxColumns);
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.column + rect.numColumns - 1 > this.maxColumns) {
      throw new ServiceError(messages.rangeNotFound());
    }
    return new LocalRange(this, rect);
  }

  /**
   * "Returns a Range corresponding to the dimensions in which data is present"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getdatarange): cells with
   * a value or formula; formats, notes and validations beyond them do not count.
   */
  getDataRange(): GasRange {
    return asGas(
      new LocalRange(this, {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.getLastRow()),
        numColumns: Math.max(1, this.getLastColumn()),
      }),
    );
  }

  /**
   * "Returns the rectangular grid of values for this range starting at the given coordinates. A -1
   * value given as the row or column position is equivalent to getting the very last row or column
   * that has data in the sheet."
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns)
   * -1 rows or columns reach the last row or column with data; on a sheet without data that is a
   * range of 0 rows, refused as getRange refuses one (Google documents nothing more lenient).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.rangeAt({ row: startRow, column: startColumn, numRows: rows, numColumns: cols }).getValues();
  }

  getLastRow(): number {
    return this.grid.contentExtent().rows;
  }

  getLastColumn(): number {
    return this.grid.contentExtent().columns;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  getActiveRange(): GasRange | null {
    const active = this.spreadsheet.activeRangeOf(this);
    return active ? asGas(active) : null;
  }

  getActiveCell(): GasRange {
    const active = this.spreadsheet.activeRangeOf(this);
    const rect = active?.rect ?? { row: 1, column: 1 };
    return asGas(new LocalRange(this, { row: rect.row, column: rect.column, numRows: 1, numColumns: 1 }));
  }

  setActiveRange(range: GasRange): GasRange {
    const r = asLocal(LocalRange, range, 'SpreadsheetApp.Sheet.setActiveRange');
    this.spreadsheet.activate(this, r);
    return asGas(r);
  }

  setActiveSelection(range: GasRange | string): GasRange {
    const r =
      typeof range === 'string'
        ? this.rangeFromA1(range)
        : asLocal(LocalRange, range, 'SpreadsheetApp.Sheet.setActiveSelection');
    this.spreadsheet.activate(this, r);
    return asGas(r);
  }

  // ---- content ---------------------------------------------------------------------------------

  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents)) {
      throw new ServiceError(
        messages.badParameters(describeArgumentTypes([rowContents]), 'SpreadsheetApp.Sheet.appendRow'),
      );
    }
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    if (rowContents.length > 0) {
      this.writeInputs({ row, column: 1, numRows: 1, numColumns: rowContents.length }, (_i, j) => rowContents[j]);
    }
    return this.self;
  }

  /**
   * Writes values the way setValue(s) does: strings are interpreted like typed input, dates and
   * numbers are stored as they are, and a cell's "reject input" validation is enforced. Every
   * cell is checked before any is written, so a rejected write changes nothing.
   */
  writeInputs(rect: GridRect, valueAt: (i: number, j: number) => unknown): void {
    const ss = this.spreadsheet;
    this.beforeWrite(rect);
    const ctx = { ...ss.displayContext(), now: ss.access.actor?.now() ?? Date.now() };
    const planned: {
      cell: Cell | undefined;
      row: number;
      column: number;
      value: CellValue | null;
      formula?: string;
      numberFormat?: string;
    }[] = [];
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const row = rect.row + i;
        const column = rect.column + j;
        const cell = this.grid.get(row - 1, column - 1);
        const input = toStored(valueAt(i, j), { ...ctx, cellFormat: cell?.numberFormat });
        const rule = cell?.validation as LocalDataValidation | undefined;
        if (rule && !rule.getAllowInvalid() && input.formula === undefined) {
          const display = formatDisplayValue(input.value, input.numberFormat ?? cell?.numberFormat, ctx);
          if (!rule.accepts(input.value, display)) {
            throw new ServiceError(messages.validationViolated(rectToA1({ row, column, numRows: 1, numColumns: 1 })));
          }
        }
        planned.push({ cell, row, column, ...input });
      }
    }
    for (const p of planned) {
      const cell = this.cellForWrite(p.row - 1, p.column - 1);
      cell.value = p.value;
      if (p.formula === undefined) delete cell.formula;
      else cell.formula = p.formula;
      if (p.numberFormat && !cell.numberFormat) cell.numberFormat = p.numberFormat;
    }
    this.grid.touch();
  }

  /**
   * Called before a script changes cells of `rect`: refuses the change when a protection blocks
   * the calling user (protection.ts), and counts the cells written.
   */
  beforeWrite(rect: GridRect): void {
    this.assertEditable(rect);
    this.spreadsheet.access.countWritten(rect.numRows * rect.numColumns);
  }

  /**
   * Throws Google's error when a protection (not warning-only) of this sheet covering `rect` does
   * not list the calling user among its editors. Direct local access (no runtime calling) acts as the owner.
   */
  assertEditable(rect: GridRect): void {
    const user = this.spreadsheet.access.actor?.user;
    if (user === undefined) return;
    for (const p of this.protections) {
      if (p.blocks(user) && p.covers(rect)) {
        throw new ServiceError(messages.protectedCell());
      }
    }
  }

  /** Sheet.getRangeList(a1Notations): ranges of this sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangelista1notations). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations)) {
      throw new ServiceError(
        messages.badParameters(describeArgumentTypes([a1Notations]), 'SpreadsheetApp.Sheet.getRangeList'),
      );
    }
    return asGas(new LocalRangeList(a1Notations.map((a1) => this.rangeFromA1(String(a1)))));
  }

  /**
   * Refuses rows (columns) inserted inside a range protection the calling user may not edit: the
   * protected range would grow by the new rows, an edit of it. Sheets refuses it ("There is a built in
   * protect feature (either range, or sheet based) … but this also stops you inserting new rows",
   * https://webapps.stackexchange.com/questions/104684/can-i-protect-the-formatting-of-a-google-sheets);
   * rows inserted right above or right below the range only move it or leave it as it is.
   */
  private beforeSplit(span: (rect: GridRect) => [number, number], position: number): void {
    const user = this.spreadsheet.access.actor?.user;
    if (user === undefined) return;
    for (const p of this.protections) {
      if (p.type !== 'RANGE' || !p.blocks(user)) continue;
      const [start, count] = span(p.rect());
      if (start < position && position < start + count) throw new ServiceError(messages.protectedCell());
    }
  }

  /** Refuses a change of the sheet's structure (rows, columns) that a protection blocks for the calling user. */
  private beforeStructureChange(rect: GridRect | null): void {
    const user = this.spreadsheet.access.actor?.user;
    if (user === undefined) return;
    for (const p of this.protections) {
      if (!p.blocks(user)) continue;
      if (p.type === 'SHEET' || (rect && rectsOverlap(p.rect(), rect))) {
        throw new ServiceError(messages.protectedCell());
      }
    }
  }

  /** The cell at 0-based (row, column), created when missing, about to be changed. */
  cellForWrite(row: number, column: number): Cell {
    const cell = this.grid.ensure(row, column);
    this.spreadsheet.access.willWrite(this.grid, cell);
    return cell;
  }

  /** The existing cell at 0-based (row, column), about to be changed, or undefined. */
  existingCellForWrite(row: number, column: number): Cell | undefined {
    const cell = this.grid.get(row, column);
    if (cell) this.spreadsheet.access.willWrite(this.grid, cell);
    return cell;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    const all = this.whole();
    if (options?.contentsOnly) all.clearContent();
    else if (options?.formatOnly) all.clearFormat();
    else all.clear();
    return this.self;
  }

  clearContents(): GasSheet {
    this.whole().clearContent();
    return this.self;
  }

  clearFormats(): GasSheet {
    this.whole().clearFormat();
    return this.self;
  }

  clearNotes(): GasSheet {
    this.whole().clearNote();
    return this.self;
  }

  private whole(): LocalRange {
    return new LocalRange(this, { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
  }

  // ---- structure -------------------------------------------------------------------------------

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertRowsAt(beforePosition, howMany);
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAt(afterPosition + 1, 1);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsAt(beforePosition, 1);
  }

  private insertRowsAt(position: number, howMany: number): GasSheet {
    if (position < 1 || position > this.maxRows + 1 || howMany < 1) throw new ServiceError(messages.rowsOutOfBounds());
    this.beforeStructureChange(null);
    this.beforeSplit((r) => [r.row, r.numRows], position);
    this.grid.insertRows(position - 1, howMany);
    // New rows take the formatting (fill, font, number format, borders) and data validation of the
    // row before them, or of the row after them when inserted above row 1; as the Sheets API's
    // InsertDimensionRequest, whose inheritFromBefore "true to inherit from the dimensions before …
    // false to inherit from the dimensions after" (a row inserted after a red row is red)
    // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest
    // The Apps Script page (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany)
    // does not say which row; the neighbour's formats are carried over in Sheets, so code writing into
    // inserted rows must not assume they are blank of formatting.
    if (position > 1) this.grid.inheritRowFormat(position - 2, position - 1, howMany);
    else this.grid.inheritRowFormat(howMany, 0, howMany);
    this.maxRows += howMany;
    this.merges = this.merges.map((m) => (m.row >= position ? { ...m, row: m.row + howMany } : m));
    this.moveProtections((r) =>
      r.row >= position
        ? { ...r, row: r.row + howMany }
        : r.row + r.numRows > position
          ? { ...r, numRows: r.numRows + howMany }
          : r,
    );
    return this.self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt(beforePosition, howMany);
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsAt(beforePosition, 1);
  }

  private insertColumnsAt(position: number, howMany: number): GasSheet {
    if (position < 1 || position > this.maxColumns + 1 || howMany < 1) {
      throw new ServiceError(messages.columnsOutOfBounds());
    }
    this.beforeStructureChange(null);
    this.beforeSplit((r) => [r.column, r.numColumns], position);
    this.grid.insertColumns(position - 1, howMany);
    this.maxColumns += howMany;
    this.merges = this.merges.map((m) => (m.column >= position ? { ...m, column: m.column + howMany } : m));
    this.moveProtections((r) =>
      r.column >= position
        ? { ...r, column: r.column + howMany }
        : r.column + r.numColumns > position
          ? { ...r, numColumns: r.numColumns + howMany }
          : r,
    );
    return this.self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new ServiceError(messages.rowsOutOfBounds());
    }
    if (howMany >= this.maxRows - this.frozenRows) throw new ServiceError(messages.deleteAllRows());
    this.beforeStructureChange({ row: rowPosition, column: 1, numRows: howMany, numColumns: this.maxColumns });
    this.grid.deleteRows(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    const end = rowPosition + howMany;
    this.merges = this.merges
      .filter((m) => m.row + m.numRows <= rowPosition || m.row >= end)
      .map((m) => (m.row >= end ? { ...m, row: m.row - howMany } : m));
    this.shrinkProtections((r) => {
      const [row, numRows] = withoutDeleted(r.row, r.numRows, rowPosition, howMany);
      return { ...r, row, numRows };
    });
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new ServiceError(messages.columnsOutOfBounds());
    }
    if (howMany >= this.maxColumns - this.frozenColumns) throw new ServiceError(messages.deleteAllColumns());
    this.beforeStructureChange({ row: 1, column: columnPosition, numRows: this.maxRows, numColumns: howMany });
    this.grid.deleteColumns(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    const end = columnPosition + howMany;
    this.merges = this.merges
      .filter((m) => m.column + m.numColumns <= columnPosition || m.column >= end)
      .map((m) => (m.column >= end ? { ...m, column: m.column - howMany } : m));
    this.shrinkProtections((r) => {
      const [column, numColumns] = withoutDeleted(r.column, r.numColumns, columnPosition, howMany);
      return { ...r, column, numColumns };
    });
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }

  // ---- layout ----------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.frozenRows = Math.max(0, Math.trunc(rows));
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.frozenColumns = Math.max(0, Math.trunc(columns));
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.columnWidths.set(columnPosition, width);
    return this.self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.self;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    this.rowHeights.set(rowPosition, height);
    return this.self;
  }

  getRowHeight(rowPosition: number): number {
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  autoResizeColumn(_columnPosition: number): GasSheet {
    return this.self;
  }

  autoResizeColumns(_startColumn: number, _numColumns: number): GasSheet {
    return this.self;
  }

  // ---- charts (charts.ts; https://developers.google.com/apps-script/reference/spreadsheet/sheet#newchart) --

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asGas(new LocalEmbeddedChartBuilder(this, null));
  }

  /** Inserts a built chart; it gets a spreadsheet-unique id. A protected sheet refuses it like any edit. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = asLocal(LocalEmbeddedChart, chart, 'SpreadsheetApp.Sheet.insertChart');
    this.beforeStructureChange(null);
    const inserted = new LocalEmbeddedChart(this, c.spec, nextChartId(this.spreadsheet));
    this.charts.push(inserted);
    c.chartId = inserted.chartId;
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => asGas(new LocalEmbeddedChart(this, c.spec, c.chartId)));
  }

  /** Removes the chart with this chart's id; throws when it is not on this sheet. */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = asLocal(LocalEmbeddedChart, chart, 'SpreadsheetApp.Sheet.removeChart');
    const i = c.chartId === null ? -1 : this.charts.findIndex((x) => x.chartId === c.chartId);
    if (i < 0) throw new ServiceError(chartMessages.notOnSheet());
    this.beforeStructureChange(null);
    this.charts.splice(i, 1);
  }

  /** Replaces the chart with the same id by this one (a chart from modify().build()). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = asLocal(LocalEmbeddedChart, chart, 'SpreadsheetApp.Sheet.updateChart');
    const i = c.chartId === null ? -1 : this.charts.findIndex((x) => x.chartId === c.chartId);
    if (i < 0) throw new ServiceError(chartMessages.notOnSheet());
    this.beforeStructureChange(null);
    this.charts[i] = new LocalEmbeddedChart(this, c.spec, c.chartId);
  }

  // ---- protection ------------------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    let p = this.protections.find((x) => x.type === 'SHEET');
    if (!p) {
      p = new LocalProtection(this, 'SHEET', () => this.whole());
      this.protections.push(p);
    }
    return asGas(p);
  }

  /** Range protections follow their cells when rows or columns are inserted (Google keeps them on the same cells). */
  private moveProtections(move: (rect: GridRect) => GridRect): void {
    for (const p of this.protections) {
      if (p.type !== 'RANGE') continue;
      const rect = p.rect();
      const next = move(rect);
      if (next !== rect) p.relocate(new LocalRange(this, next));
    }
  }

  /**
   * Range protections follow their cells when rows or columns are deleted too: a range losing some
   * of its rows or columns shrinks, one below or right of them moves up or left, one whose cells are
   * all deleted goes (nothing is left to protect). So deleting rows just inserted puts a protection
   * back where it was.
   */
  private shrinkProtections(move: (rect: GridRect) => GridRect): void {
    for (const p of [...this.protections]) {
      if (p.type !== 'RANGE') continue;
      const rect = p.rect();
      const next = move(rect);
      if (next.numRows <= 0 || next.numColumns <= 0) this.protections.splice(this.protections.indexOf(p), 1);
      else if (
        next.row !== rect.row ||
        next.column !== rect.column ||
        next.numRows !== rect.numRows ||
        next.numColumns !== rect.numColumns
      )
        p.relocate(new LocalRange(this, next));
    }
  }

  /** Adds a protection for a range of this sheet (Range.protect()). */
  addRangeProtection(range: LocalRange): LocalProtection {
    const p = new LocalProtection(this, 'RANGE', () => range);
    this.protections.push(p);
    return p;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections.filter((p) => p.type === String(type)).map((p) => asGas(p));
  }

  /** Owner of the spreadsheet and the user creating a protection now (ProtectionHost). */
  protectionUsers(): { owner: string; creator: string } {
    const owner = this.spreadsheet.owner;
    return { owner, creator: this.spreadsheet.access.actor?.user ?? owner };
  }

  removeProtection(p: LocalProtection): void {
    const i = this.protections.indexOf(p);
    if (i >= 0) this.protections.splice(i, 1);
  }
}

/** Converts a value written by a script into what the cell stores. */
function toStored(
  raw: unknown,
  ctx: { locale: string; timeZone: string; now: number; cellFormat?: string | undefined },
): { value: CellValue | null; formula?: string; numberFormat?: string } {
  if (raw === null || raw === undefined) return { value: null };
  if (raw instanceof Date || Object.prototype.toString.call(raw) === '[object Date]') {
    return { value: new Date((raw as Date).getTime()) };
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { value: String(raw) };
  if (typeof raw === 'boolean') return { value: raw };
  const text = String(raw);
  if (text === '') return { value: null };
  if (text.length > MAX_CELL_CHARACTERS) throw new ServiceError(messages.cellTooLong());
  const parsed = parseUserInput(text, ctx);
  if (parsed.kind === 'formula') return { value: null, formula: parsed.formula };
  return parsed.numberFormat ? { value: parsed.value, numberFormat: parsed.numberFormat } : { value: parsed.value };
}

/**
 * A run of `count` rows (or columns) from `start` once `deletedCount` from `deletedAt` are deleted:
 * its new start and length (0: all of it deleted).
 */
function withoutDeleted(start: number, count: number, deletedAt: number, deletedCount: number): [number, number] {
  const end = start + count;
  const deletedEnd = deletedAt + deletedCount;
  const overlap = Math.max(0, Math.min(end, deletedEnd) - Math.max(start, deletedAt));
  const from = start < deletedAt ? start : start >= deletedEnd ? start - deletedCount : deletedAt;
  return [from, count - overlap];
}

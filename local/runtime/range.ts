/** Range: a rectangle of cells on a sheet and everything Apps Script reads and writes through it. */
import { type GridRect, rectToA1 } from './a1';
import { type Cell, FORMAT_KEYS } from './cells';
import { normalizeColor } from './colors';
import { LocalDataValidation } from './data-validation';
import { describeArgumentTypes, messages, ServiceError } from './errors';
import { AUTOMATIC_FORMAT, formatDisplayValue, readCellValue } from './number-format';
import type { LocalProtection } from './protection';
import { asGas, asLocal, SERVICE_NAME, ServiceObject } from './service';
import type { LocalSheet } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

/** Methods of Google's Range this class implements. */
export type RangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontSize'
  | 'getFontSizes'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'isPartOfMerge'
  | 'merge'
  | 'breakApart'
  | 'getMergedRanges'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps';

/** A rectangle of cells. Like Google's, it does not move when rows are inserted above it. */
export class LocalRange extends ServiceObject implements Pick<GasRange, RangeMethods> {
  get [SERVICE_NAME]() {
    return 'Range';
  }

  constructor(
    readonly sheet: LocalSheet,
    readonly rect: Readonly<GridRect>,
  ) {
    super();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private get self(): GasRange {
    return asGas(this);
  }

  /** Reads every cell of the range into a fresh 2D array. */
  private read<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const grid = this.sheet.grid;
    this.sheet.spreadsheet.access.countRead(numRows * numColumns);
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = fn(grid.get(row - 1 + i, column - 1 + j), row + i, column + j);
      out[i] = line;
    }
    return out;
  }

  /** Writes every cell of the range (cells are created as needed). */
  private write(fn: (cell: Cell, i: number, j: number) => void): GasRange {
    const { row, column, numRows, numColumns } = this.rect;
    this.sheet.beforeWrite(this.rect);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) fn(this.sheet.cellForWrite(row - 1 + i, column - 1 + j), i, j);
    }
    return this.self;
  }

  /** Clears properties of existing cells only (never creates cells). */
  private strip(keys: readonly (keyof Cell)[]): GasRange {
    const { row, column, numRows, numColumns } = this.rect;
    const grid = this.sheet.grid;
    this.sheet.beforeWrite(this.rect);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        const cell = this.sheet.existingCellForWrite(row - 1 + i, column - 1 + j);
        if (!cell) continue;
        for (const k of keys) {
          if (k === 'value') cell.value = null;
          else delete cell[k];
        }
      }
    }
    grid.touch();
    return this.self;
  }

  /** Throws Google's size-mismatch errors unless `data` is an array of rows of the range's shape. */
  private checkMatrix(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data)) {
      throw new ServiceError(messages.badParameters(describeArgumentTypes([data]), `SpreadsheetApp.Range.${method}`));
    }
    if (data.length !== this.rect.numRows)
      throw new ServiceError(messages.rowsMismatch(data.length, this.rect.numRows));
    for (const line of data) {
      if (!Array.isArray(line)) {
        throw new ServiceError(messages.badParameters(describeArgumentTypes([data]), `SpreadsheetApp.Range.${method}`));
      }
      if (line.length !== this.rect.numColumns) {
        throw new ServiceError(messages.columnsMismatch(line.length, this.rect.numColumns));
      }
    }
  }

  private topLeft(): Cell | undefined {
    this.sheet.spreadsheet.access.countRead(1);
    return this.sheet.grid.get(this.rect.row - 1, this.rect.column - 1);
  }

  // ---- position --------------------------------------------------------------------------------

  getA1Notation(): string {
    return rectToA1(this.rect);
  }

  getRow(): number {
    return this.rect.row;
  }

  getRowIndex(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getHeight(): number {
    return this.rect.numRows;
  }

  getWidth(): number {
    return this.rect.numColumns;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getGridId(): number {
    return this.sheet.getSheetId();
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asGas(this.sheet);
  }

  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw new ServiceError('Cell reference out of range');
    }
    return asGas(
      new LocalRange(this.sheet, {
        row: this.rect.row + row - 1,
        column: this.rect.column + column - 1,
        numRows: 1,
        numColumns: 1,
      }),
    );
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return this.sheet.getRange(
      this.rect.row + rowOffset,
      this.rect.column + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numColumns,
    );
  }

  activate(): GasRange {
    this.sheet.spreadsheet.activate(this.sheet, this);
    return this.self;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return asGas<GoogleAppsScript.Spreadsheet.Protection>(this.sheet.addRangeProtection(this) as LocalProtection);
  }

  // ---- merges ----------------------------------------------------------------------------------

  private intersects(m: GridRect): boolean {
    const r = this.rect;
    return (
      m.row < r.row + r.numRows &&
      r.row < m.row + m.numRows &&
      m.column < r.column + r.numColumns &&
      r.column < m.column + m.numColumns
    );
  }

  /** Merges the range into one cell: like Google, only the top-left value is kept. */
  merge(): GasRange {
    const { row, column, numRows, numColumns } = this.rect;
    this.sheet.beforeWrite(this.rect);
    this.sheet.merges = this.sheet.merges.filter((m) => !this.intersects(m));
    if (numRows * numColumns > 1) {
      for (let i = 0; i < numRows; i++) {
        for (let j = 0; j < numColumns; j++) {
          if (i === 0 && j === 0) continue;
          const cell = this.sheet.existingCellForWrite(row - 1 + i, column - 1 + j);
          if (cell) {
            cell.value = null;
            delete cell.formula;
          }
        }
      }
      this.sheet.merges.push({ row, column, numRows, numColumns });
    }
    return this.self;
  }

  breakApart(): GasRange {
    this.sheet.beforeWrite(this.rect);
    this.sheet.merges = this.sheet.merges.filter((m) => !this.intersects(m));
    return this.self;
  }

  getMergedRanges(): GasRange[] {
    return this.sheet.merges
      .filter((m) => this.intersects(m))
      .map((m) => asGas<GasRange>(new LocalRange(this.sheet, m)));
  }

  isPartOfMerge(): boolean {
    return this.sheet.merges.some((m) => this.intersects(m));
  }

  isBlank(): boolean {
    return this.read((c) => c === undefined || ((c.value === null || c.value === '') && !c.formula)).every((r) =>
      r.every(Boolean),
    );
  }

  // ---- values ----------------------------------------------------------------------------------

  getValues(): unknown[][] {
    const zone = this.sheet.spreadsheet.displayContext().timeZone;
    return this.read((c) => readCellValue(c?.value ?? '', c?.numberFormat, zone));
  }

  getValue(): unknown {
    const c = this.topLeft();
    return readCellValue(c?.value ?? '', c?.numberFormat, this.sheet.spreadsheet.displayContext().timeZone);
  }

  getDisplayValues(): string[][] {
    const ctx = this.sheet.spreadsheet.displayContext();
    return this.read((c) => (c ? formatDisplayValue(c.value, c.numberFormat, ctx) : ''));
  }

  getDisplayValue(): string {
    const c = this.topLeft();
    return c ? formatDisplayValue(c.value, c.numberFormat, this.sheet.spreadsheet.displayContext()) : '';
  }

  setValues(values: unknown[][]): GasRange {
    this.checkMatrix(values, 'setValues');
    this.sheet.writeInputs(this.rect, (i, j) => (values[i] as unknown[])[j]);
    return this.self;
  }

  setValue(value: unknown): GasRange {
    this.sheet.writeInputs(this.rect, () => value);
    return this.self;
  }

  getFormulas(): string[][] {
    return this.read((c) => c?.formula ?? '');
  }

  getFormula(): string {
    return this.topLeft()?.formula ?? '';
  }

  setFormulas(formulas: string[][]): GasRange {
    this.checkMatrix(formulas, 'setFormulas');
    this.sheet.writeInputs(this.rect, (i, j) => formulaInput((formulas[i] as unknown[])[j]));
    return this.self;
  }

  setFormula(formula: string): GasRange {
    this.sheet.writeInputs(this.rect, () => formulaInput(formula));
    return this.self;
  }

  clearContent(): GasRange {
    return this.strip(['value', 'formula']);
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.strip(['value', 'formula']);
    if (!any || o.formatOnly) this.strip(FORMAT_KEYS);
    if (o.commentsOnly) this.strip(['note']);
    if (o.validationsOnly) this.strip(['validation']);
    return this.self;
  }

  // ---- notes -----------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this.read((c) => c?.note ?? '');
  }

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }

  setNotes(notes: (string | null)[][]): GasRange {
    this.checkMatrix(notes, 'setNotes');
    return this.write((cell, i, j) => setNote(cell, (notes[i] as unknown[])[j]));
  }

  setNote(note: string | null): GasRange {
    return this.write((cell) => setNote(cell, note));
  }

  clearNote(): GasRange {
    return this.strip(['note']);
  }

  // ---- formatting ------------------------------------------------------------------------------

  getBackgrounds(): string[][] {
    return this.read((c) => c?.background ?? '#ffffff');
  }

  getBackground(): string {
    return this.topLeft()?.background ?? '#ffffff';
  }

  setBackgrounds(color: (string | null)[][]): GasRange {
    this.checkMatrix(color, 'setBackgrounds');
    return this.write((cell, i, j) => assign(cell, 'background', normalizeColor((color[i] as (string | null)[])[j])));
  }

  setBackground(color: string | null): GasRange {
    const c = normalizeColor(color);
    return this.write((cell) => assign(cell, 'background', c === '#ffffff' ? undefined : c));
  }

  setFontColor(color: string | null): GasRange {
    const c = normalizeColor(color);
    return this.write((cell) => assign(cell, 'fontColor', c));
  }

  setFontColors(colors: unknown[][]): GasRange {
    this.checkMatrix(colors, 'setFontColors');
    return this.write((cell, i, j) => assign(cell, 'fontColor', normalizeColor((colors[i] as string[])[j])));
  }

  /** Font colours as "#rrggbb" (local inspection; Google exposes them as Color objects). */
  getFontColors(): string[][] {
    return this.read((c) => c?.fontColor ?? '#000000');
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.read((c) => c?.fontWeight ?? 'normal');
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.topLeft()?.fontWeight ?? 'normal';
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GasRange {
    this.checkMatrix(fontWeights, 'setFontWeights');
    return this.write((cell, i, j) =>
      assign(cell, 'fontWeight', (fontWeights[i] as unknown[])[j] === 'bold' ? 'bold' : undefined),
    );
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.write((cell) => assign(cell, 'fontWeight', fontWeight === 'bold' ? 'bold' : undefined));
  }

  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    return this.read((c) => c?.fontStyle ?? 'normal');
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.topLeft()?.fontStyle ?? 'normal';
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    return this.write((cell) => assign(cell, 'fontStyle', fontStyle === 'italic' ? 'italic' : undefined));
  }

  getFontSizes(): number[][] {
    return this.read((c) => c?.fontSize ?? 10);
  }

  getFontSize(): number {
    return this.topLeft()?.fontSize ?? 10;
  }

  setFontSize(size: number): GasRange {
    return this.write((cell) => assign(cell, 'fontSize', size === 10 ? undefined : size));
  }

  getNumberFormats(): string[][] {
    return this.read((c) => c?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  getNumberFormat(): string {
    return this.topLeft()?.numberFormat ?? AUTOMATIC_FORMAT;
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    this.checkMatrix(numberFormats, 'setNumberFormats');
    return this.write((cell, i, j) =>
      assign(cell, 'numberFormat', numberFormatOrDefault((numberFormats[i] as unknown[])[j])),
    );
  }

  setNumberFormat(numberFormat: string): GasRange {
    const f = numberFormatOrDefault(numberFormat);
    return this.write((cell) => assign(cell, 'numberFormat', f));
  }

  getHorizontalAlignments(): string[][] {
    return this.read((c) => c?.horizontalAlignment ?? 'general');
  }

  getHorizontalAlignment(): string {
    return this.topLeft()?.horizontalAlignment ?? 'general';
  }

  setHorizontalAlignment(alignment: HAlign): GasRange {
    return this.write((cell) =>
      assign(cell, 'horizontalAlignment', alignment && alignment !== 'normal' ? alignment : undefined),
    );
  }

  setHorizontalAlignments(alignments: HAlign[][]): GasRange {
    this.checkMatrix(alignments, 'setHorizontalAlignments');
    return this.write((cell, i, j) => {
      const a = (alignments[i] as HAlign[])[j];
      assign(cell, 'horizontalAlignment', a && a !== 'normal' ? a : undefined);
    });
  }

  getVerticalAlignment(): string {
    return this.topLeft()?.verticalAlignment ?? 'bottom';
  }

  setVerticalAlignment(alignment: VAlign): GasRange {
    return this.write((cell) => assign(cell, 'verticalAlignment', alignment ?? undefined));
  }

  getWraps(): boolean[][] {
    return this.read((c) => c?.wrap ?? false);
  }

  getWrap(): boolean {
    return this.topLeft()?.wrap ?? false;
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.write((cell) => assign(cell, 'wrap', isWrapEnabled ? true : undefined));
  }

  setWraps(isWrapEnabled: boolean[][]): GasRange {
    this.checkMatrix(isWrapEnabled, 'setWraps');
    return this.write((cell, i, j) => assign(cell, 'wrap', (isWrapEnabled[i] as boolean[])[j] ? true : undefined));
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): GasRange {
    const border = JSON.stringify({
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: color ?? null,
      style: style ?? null,
    });
    return this.write((cell) => assign(cell, 'border', border));
  }

  clearFormat(): GasRange {
    return this.strip(FORMAT_KEYS);
  }

  // ---- data validation -------------------------------------------------------------------------

  getDataValidations(): (GasValidation | null)[][] {
    return this.read((c) => (c?.validation ? asGas<GasValidation>(c.validation as LocalDataValidation) : null));
  }

  getDataValidation(): GasValidation | null {
    const v = this.topLeft()?.validation;
    return v ? asGas<GasValidation>(v as LocalDataValidation) : null;
  }

  setDataValidation(rule: GasValidation | null): GasRange {
    const v = rule === null ? undefined : asLocal(LocalDataValidation, rule, 'SpreadsheetApp.Range.setDataValidation');
    return this.write((cell) => assign(cell, 'validation', v));
  }

  setDataValidations(rules: (GasValidation | null)[][]): GasRange {
    this.checkMatrix(rules, 'setDataValidations');
    const locals = rules.map((line) =>
      line.map((r) =>
        r === null ? undefined : asLocal(LocalDataValidation, r, 'SpreadsheetApp.Range.setDataValidations'),
      ),
    );
    return this.write((cell, i, j) =>
      assign(cell, 'validation', (locals[i] as (LocalDataValidation | undefined)[])[j]),
    );
  }

  clearDataValidations(): GasRange {
    return this.strip(['validation']);
  }
}

/** Sets or removes (undefined) one property of a cell. */
function assign<K extends keyof Cell>(cell: Cell, key: K, value: Cell[K] | undefined): void {
  if (value === undefined) delete cell[key];
  else cell[key] = value;
}

function setNote(cell: Cell, note: unknown): void {
  assign(cell, 'note', note === null || note === undefined || note === '' ? undefined : String(note));
}

function numberFormatOrDefault(format: unknown): string | undefined {
  const f = String(format ?? '');
  return f === '' || f === AUTOMATIC_FORMAT ? undefined : f;
}

/** setFormula(s) with an empty string clears the cell; anything else is written like typed input. */
function formulaInput(formula: unknown): unknown {
  return formula === null || formula === undefined ? '' : String(formula);
}

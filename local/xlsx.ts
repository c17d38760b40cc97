/**
 * .xlsx ⇄ LocalSpreadsheet with exceljs: values (dates, formulas with their cached results), notes,
 * solid backgrounds, bold/italic/font colour, number formats, alignment and wrap, list and number
 * data validations, frozen panes, column widths, hidden sheets, tab colours, sheet order and simple
 * named ranges.
 *
 * Dates: Excel stores wall-clock date-times without a zone. A cell showing 05/01/2024 is loaded as
 * midnight of that day in the spreadsheet's time zone (Asia/Ho_Chi_Minh by default) and saved back
 * as the same wall clock, so dates survive a round trip whatever the host's zone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { columnToLetters, parseA1, quoteSheetName } from './runtime/a1';
import type { Cell } from './runtime/cells';
import { type CriteriaName, LocalDataValidation } from './runtime/data-validation';
import type { CellValue } from './runtime/number-format';
import { LocalRange } from './runtime/range';
import type { LocalSheet } from './runtime/sheet';
import { DEFAULT_SHEET_SIZE } from './runtime/sheet';
import { LocalSpreadsheet, type SpreadsheetOptions } from './runtime/spreadsheet';
import { fromWallClock, toWallClock, utcFields } from './runtime/timezone';

/** Pixels per Excel character-width unit (Calibri 11). */
const PX_PER_CHAR = 7;

/** Opens an .xlsx file (path or bytes) as a local spreadsheet. */
export async function loadWorkbook(
  source: string | Buffer,
  options: Omit<SpreadsheetOptions, 'id'> & { id?: string } = {},
): Promise<LocalSpreadsheet> {
  const wb = new ExcelJS.Workbook();
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const name = options.name ?? (typeof source === 'string' ? basename(source, extname(source)) : 'Workbook');
  const ss = new LocalSpreadsheet({ ...options, name });
  const zone = ss.getSpreadsheetTimeZone();
  const pending: { sheet: LocalSheet; address: string; dv: ExcelJS.DataValidation }[] = [];

  for (const ws of wb.worksheets) {
    const sheet = ss.addSheet(ws.name, {
      rows: Math.max(DEFAULT_SHEET_SIZE.rows, ws.rowCount),
      columns: Math.max(DEFAULT_SHEET_SIZE.columns, ws.columnCount),
    });
    readSheetProperties(ws, sheet);
    for (const address of (ws.model as { merges?: string[] }).merges ?? []) {
      const ref = parseA1(address);
      if (ref?.startRow && ref.startColumn) {
        sheet.merges.push({
          row: ref.startRow,
          column: ref.startColumn,
          numRows: (ref.endRow ?? ref.startRow) - ref.startRow + 1,
          numColumns: (ref.endColumn ?? ref.startColumn) - ref.startColumn + 1,
        });
      }
    }
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (xc, c) => {
        const cell = readCell(xc, zone);
        if (cell) Object.assign(sheet.grid.ensure(r - 1, c - 1), cell);
      });
    });
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
      .dataValidations.model;
    for (const [address, dv] of Object.entries(model)) if (dv) pending.push({ sheet, address, dv });
  }
  const visible = ss.localSheets().filter((s) => !s.hidden);
  if (visible.length === 0) ss.localSheets()[0]?.showSheet();

  for (const { name: rangeName, ranges } of wb.definedNames.model) {
    if (rangeName.startsWith('_xlnm') || ranges.length !== 1) continue;
    const range = ss.resolveA1((ranges[0] as string).replace(/\$/g, ''));
    if (range) ss.setNamedRange(rangeName, range as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  applyValidations(ss, pending);
  return ss;
}

/** Writes a local spreadsheet to an .xlsx file. */
export async function saveWorkbook(ss: LocalSpreadsheet, path: string): Promise<void> {
  await writeFile(path, await workbookToBuffer(ss));
}

/** Serialises a local spreadsheet as .xlsx bytes. */
export async function workbookToBuffer(ss: LocalSpreadsheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const zone = ss.getSpreadsheetTimeZone();
  for (const sheet of ss.localSheets()) {
    const ws = wb.addWorksheet(sheet.getName(), {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: toArgb(sheet.tabColor) } } : {},
      views:
        sheet.frozenRows || sheet.frozenColumns
          ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
          : [],
    });
    for (const [column, px] of sheet.columnWidths) ws.getColumn(column).width = px / PX_PER_CHAR;
    sheet.grid.forEach((cell, r, c) => {
      writeCell(ws.getCell(r + 1, c + 1), cell, zone, sheet);
    });
    for (const m of sheet.merges) ws.mergeCells(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
  }
  for (const { name, sheet, rect } of ss.namedRangeEntries()) {
    const start = `$${columnToLetters(rect.column)}$${rect.row}`;
    const end = `$${columnToLetters(rect.column + rect.numColumns - 1)}$${rect.row + rect.numRows - 1}`;
    wb.definedNames.add(`${quoteSheetName(sheet.getName())}!${start}:${end}`, name);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- loading -------------------------------------------------------------------------------------

function readSheetProperties(ws: ExcelJS.Worksheet, sheet: LocalSheet): void {
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  const tab = ws.properties?.tabColor?.argb;
  if (tab) sheet.tabColor = fromArgb(tab);
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width !== undefined) sheet.columnWidths.set(c, Math.round(width * PX_PER_CHAR));
  }
}

/** Converts one exceljs cell; undefined when it holds nothing worth keeping. */
function readCell(xc: ExcelJS.Cell, zone: string): Partial<Cell> | undefined {
  const out: Partial<Cell> = {};
  const isSlave = xc.isMerged && xc.master !== xc;
  if (!isSlave) {
    const v = xc.value;
    if (v !== null && v !== undefined && typeof v === 'object' && !(v instanceof Date)) {
      if ('formula' in v || 'sharedFormula' in v) {
        out.formula = `=${xc.formula}`;
        out.value = readScalar((v as { result?: unknown }).result, zone);
      } else if ('richText' in v) {
        out.value = v.richText.map((t) => t.text).join('');
      } else if ('text' in v) {
        out.value = String(v.text);
      } else if ('error' in v) {
        out.value = String(v.error);
      }
    } else {
      out.value = readScalar(v, zone);
    }
  }
  const note = xc.note;
  if (note) out.note = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  const fill = xc.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    out.background = fromArgb(fill.fgColor.argb);
  if (xc.font?.bold) out.fontWeight = 'bold';
  if (xc.font?.italic) out.fontStyle = 'italic';
  if (xc.font?.color?.argb) out.fontColor = fromArgb(xc.font.color.argb);
  if (xc.numFmt && xc.numFmt !== 'General') out.numberFormat = xc.numFmt;
  if (xc.alignment?.horizontal && ['left', 'center', 'right'].includes(xc.alignment.horizontal)) {
    out.horizontalAlignment = xc.alignment.horizontal;
  }
  if (xc.alignment?.wrapText) out.wrap = true;
  const empty = Object.keys(out).length === 0 || (Object.keys(out).length === 1 && out.value === null);
  if (empty) return undefined;
  out.value ??= null;
  return out;
}

function readScalar(v: unknown, zone: string): CellValue | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return wallClockUtcToDate(v, zone);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v && 'error' in v) return String((v as { error: unknown }).error);
  return String(v);
}

/** exceljs gives wall-clock date-times as UTC fields; place them in the spreadsheet zone. */
function wallClockUtcToDate(d: Date, zone: string): Date {
  return new Date(fromWallClock(utcFields(d), zone));
}

/** The inverse: a date's wall clock in the zone, as the UTC fields exceljs writes. */
function dateToWallClockUtc(d: Date, zone: string): Date {
  const w = toWallClock(d.getTime(), zone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
}

const NUMBER_OPERATORS: Record<string, CriteriaName> = {
  between: 'NUMBER_BETWEEN',
  notBetween: 'NUMBER_NOT_BETWEEN',
  equal: 'NUMBER_EQUAL_TO',
  notEqual: 'NUMBER_NOT_EQUAL_TO',
  greaterThan: 'NUMBER_GREATER_THAN',
  greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  lessThan: 'NUMBER_LESS_THAN',
  lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
};

/** Turns exceljs validations (one entry per cell, shared objects per rule) into local rules. */
function applyValidations(
  ss: LocalSpreadsheet,
  pending: { sheet: LocalSheet; address: string; dv: ExcelJS.DataValidation }[],
): void {
  const rules = new Map<ExcelJS.DataValidation, LocalDataValidation | null>();
  for (const { sheet, address, dv } of pending) {
    let rule = rules.get(dv);
    if (rule === undefined) {
      rule = toRule(ss, sheet, dv);
      rules.set(dv, rule);
    }
    const ref = parseA1(address);
    if (!rule || !ref?.startRow || !ref.startColumn) continue;
    sheet.grid.ensure(ref.startRow - 1, ref.startColumn - 1).validation = rule;
  }
}

function toRule(ss: LocalSpreadsheet, sheet: LocalSheet, dv: ExcelJS.DataValidation): LocalDataValidation | null {
  const allowInvalid = !dv.showErrorMessage || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const helpText = dv.prompt ?? null;
  const f1 = dv.formulae?.[0];
  let criteria: CriteriaName;
  let values: unknown[];
  if (dv.type === 'list') {
    const text = String(f1 ?? '');
    if (text.startsWith('"')) {
      criteria = 'VALUE_IN_LIST';
      values = [text.slice(1, -1).split(','), true];
    } else {
      const a1 = text.replace(/\$/g, '');
      const range =
        ss.resolveA1(a1.includes('!') ? a1 : `${quoteSheetName(sheet.getName())}!${a1}`) ?? ss.getRangeByName(a1);
      if (!range) return null;
      criteria = 'VALUE_IN_RANGE';
      values = [range, true];
    }
  } else if ((dv.type === 'whole' || dv.type === 'decimal') && dv.operator && NUMBER_OPERATORS[dv.operator]) {
    criteria = NUMBER_OPERATORS[dv.operator] as CriteriaName;
    values = (dv.formulae ?? []).map(Number);
  } else if (dv.type === 'custom' && f1 !== undefined) {
    criteria = 'CUSTOM_FORMULA';
    values = [`=${String(f1)}`];
  } else {
    return null;
  }
  return new LocalDataValidation({ criteria, values, allowInvalid, helpText });
}

// ---- saving --------------------------------------------------------------------------------------

function writeCell(xc: ExcelJS.Cell, cell: Cell, zone: string, sheet: LocalSheet): void {
  const value = cell.value instanceof Date ? dateToWallClockUtc(cell.value, zone) : cell.value;
  if (cell.formula) {
    xc.value = {
      formula: cell.formula.slice(1),
      ...(value === null ? {} : { result: value }),
    } as ExcelJS.CellFormulaValue;
  } else if (value !== null) {
    xc.value = value;
  }
  if (cell.note) xc.note = cell.note;
  if (cell.background) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(cell.background) } };
  if (cell.fontWeight || cell.fontStyle || cell.fontColor) {
    xc.font = {
      ...(cell.fontWeight === 'bold' ? { bold: true } : {}),
      ...(cell.fontStyle === 'italic' ? { italic: true } : {}),
      ...(cell.fontColor ? { color: { argb: toArgb(cell.fontColor) } } : {}),
    };
  }
  if (cell.numberFormat) xc.numFmt = cell.numberFormat;
  else if (cell.value instanceof Date) {
    const w = toWallClock(cell.value.getTime(), zone);
    xc.numFmt = w.hour || w.minute || w.second ? 'dd/mm/yyyy hh:mm:ss' : 'dd/mm/yyyy';
  }
  if (cell.horizontalAlignment || cell.wrap || cell.verticalAlignment) {
    xc.alignment = {
      ...(cell.horizontalAlignment ? { horizontal: cell.horizontalAlignment as ExcelJS.Alignment['horizontal'] } : {}),
      ...(cell.verticalAlignment ? { vertical: cell.verticalAlignment as ExcelJS.Alignment['vertical'] } : {}),
      ...(cell.wrap ? { wrapText: true } : {}),
    };
  }
  if (cell.validation instanceof LocalDataValidation) {
    const dv = toExcelValidation(cell.validation, sheet);
    if (dv) xc.dataValidation = dv;
  }
}

function toExcelValidation(rule: LocalDataValidation, sheet: LocalSheet): ExcelJS.DataValidation | null {
  const [a, b] = rule.getCriteriaValues();
  const base = {
    allowBlank: true,
    showErrorMessage: !rule.getAllowInvalid(),
    errorStyle: 'stop',
    ...(rule.getHelpText() ? { showInputMessage: true, prompt: rule.getHelpText() } : {}),
  } as const;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return { ...base, type: 'list', formulae: [`"${(a as unknown[]).map(String).join(',')}"`] };
    case 'VALUE_IN_RANGE': {
      const range = a as LocalRange;
      if (!(range instanceof LocalRange)) return null;
      const r = range.rect;
      const abs = `$${columnToLetters(r.column)}$${r.row}:$${columnToLetters(r.column + r.numColumns - 1)}$${r.row + r.numRows - 1}`;
      const prefix = range.sheet === sheet ? '' : `${quoteSheetName(range.sheet.getName())}!`;
      return { ...base, type: 'list', formulae: [`${prefix}${abs}`] };
    }
    case 'CUSTOM_FORMULA':
      return { ...base, type: 'custom', formulae: [String(a).replace(/^=/, '')] };
    default: {
      const operator = Object.entries(NUMBER_OPERATORS).find(([, c]) => c === rule.criteria)?.[0];
      if (!operator) return null;
      const formulae = b === undefined ? [a] : [a, b];
      return { ...base, type: 'decimal', operator: operator as ExcelJS.DataValidationOperator, formulae };
    }
  }
}

function fromArgb(argb: string): string {
  return `#${argb.slice(-6).toLowerCase()}`;
}

function toArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

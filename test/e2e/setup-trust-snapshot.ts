/**
 * Whole-workbook snapshots for the setup trust tests: every cell of every sheet (value, formula,
 * note, background, number format, validation, font weight) over the sheet's full grid, the
 * protections, frozen rows and tab order. Read on the raw runtime objects (no counted calls).
 */
import { createHash } from 'node:crypto';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

function validationKey(v: Validation | null): string {
  if (!v) return '';
  const values = v.getCriteriaValues().map((x) => {
    const r = x as { getA1Notation?: () => string; getSheet?: () => Sheet };
    return r && typeof r.getA1Notation === 'function' ? `${r.getSheet?.().getName()}!${r.getA1Notation()}` : x;
  });
  return JSON.stringify([String(v.getCriteriaType()), values, v.getAllowInvalid()]);
}

export interface CellSnapshot {
  value: unknown;
  formula: string;
  note: string;
  background: string;
  format: string;
  validation: string;
  weight: string;
}

/** Every cell of a block, as plain data. */
export function cellsOf(sheet: Sheet, row: number, col: number, rows: number, cols: number): CellSnapshot[][] {
  const r = sheet.getRange(row, col, rows, cols);
  const values = r.getValues();
  const formulas = r.getFormulas();
  const notes = r.getNotes();
  const backgrounds = r.getBackgrounds();
  const formats = r.getNumberFormats();
  const validations = r.getDataValidations();
  const weights = r.getFontWeights();
  return values.map((line, i) =>
    line.map((value, j) => ({
      value: value instanceof Date ? `date:${value.toISOString()}` : value,
      formula: formulas[i]?.[j] ?? '',
      note: notes[i]?.[j] ?? '',
      background: backgrounds[i]?.[j] ?? '',
      format: formats[i]?.[j] ?? '',
      validation: validationKey(validations[i]?.[j] ?? null),
      weight: weights[i]?.[j] ?? '',
    })),
  );
}

function protectionsOf(sheet: Sheet): string[] {
  const all = [
    ...sheet.getProtections('SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType),
    ...sheet.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType),
  ];
  return all
    .map((p) =>
      JSON.stringify([
        String(p.getProtectionType()),
        p.getRange().getA1Notation(),
        p.getDescription(),
        p.isWarningOnly(),
      ]),
    )
    .sort();
}

export interface SheetSnapshot {
  name: string;
  size: [number, number];
  frozen: number;
  protections: string[];
  cells: string;
}

/** Rows compared: the first SAMPLED_ROWS and the last two (setup formats whole columns in one call). */
const SAMPLED_ROWS = 30;

function sampledCells(sheet: Sheet): CellSnapshot[][] {
  const rows = sheet.getMaxRows();
  const cols = sheet.getMaxColumns();
  const head = Math.min(rows, SAMPLED_ROWS);
  const out = cellsOf(sheet, 1, 1, head, cols);
  if (rows > head) out.push(...cellsOf(sheet, Math.max(head + 1, rows - 1), 1, Math.min(2, rows - head), cols));
  return out;
}

/** The whole workbook (rows sampled: see SAMPLED_ROWS); `cells` is a digest per sheet (use diffSheets to find the first difference). */
export function workbookSnapshot(ss: LocalSpreadsheet): SheetSnapshot[] {
  return (ss.getSheets() as unknown as Sheet[]).map((sheet) => {
    const rows = sheet.getMaxRows();
    const cols = sheet.getMaxColumns();
    return {
      name: sheet.getName(),
      size: [rows, cols],
      frozen: sheet.getFrozenRows(),
      protections: protectionsOf(sheet),
      cells: createHash('sha256')
        .update(JSON.stringify(sampledCells(sheet)))
        .digest('hex'),
    };
  });
}

/** The first differing cell between two sheets of the same size, for a readable failure. */
export function firstDifference(a: Sheet, b: Sheet): string {
  const ca = sampledCells(a);
  const cb = sampledCells(b);
  const rows = Math.min(ca.length, cb.length);
  const cols = Math.min(a.getMaxColumns(), b.getMaxColumns());
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const x = JSON.stringify(ca[i]?.[j]);
      const y = JSON.stringify(cb[i]?.[j]);
      if (x !== y) return `${a.getName()} R${i + 1}C${j + 1}: ${x} vs ${y}`;
    }
  return '';
}

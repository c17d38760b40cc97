/**
 * Access to the active spreadsheet: one getValues per sheet, the time zone as a UTC offset.
 * The only place (with the other src/sheets modules) that touches SpreadsheetApp.
 */
import { parseOffset } from '../domain/dates';
import { fillMergedColumns, type MergedArea, parseArea } from '../domain/merges';
import type { Grid } from '../domain/records';
import { SHEETS, type SheetKey } from '../domain/template';
import type { CellValue } from '../domain/values';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Merged areas of each grid read, for validation to report. */
const MERGED = new WeakMap<CellValue[][], MergedArea[]>();

export function mergedAreasOf(grid: Grid): MergedArea[] {
  return grid ? (MERGED.get(grid) ?? []) : [];
}

/**
 * Reads a whole sheet with one getValues (null when the sheet does not exist). Merged areas
 * (one getMergedRanges) read as the user sees them: a merged column area holds its value throughout.
 */
export function readGrid(ss: Spreadsheet, key: SheetKey): Grid {
  return readSheet(ss, key)?.grid ?? null;
}

/** readGrid, also handing out the sheet and its data range (for callers that write back). */
export function readSheet(
  ss: Spreadsheet,
  key: SheetKey,
): { grid: CellValue[][]; sheet: Sheet; range: GoogleAppsScript.Spreadsheet.Range } | null {
  const sheet = ss.getSheetByName(SHEETS[key].name);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const values = range.getValues() as CellValue[][];
  const areas = range
    .getMergedRanges()
    .map((r) => parseArea(r.getA1Notation()))
    .filter((a): a is MergedArea => a !== null);
  if (areas.length > 0) {
    fillMergedColumns(values, areas);
    MERGED.set(values, areas);
  }
  return { grid: values, sheet, range };
}

/** Reads several sheets; each is one getSheetByName + one getValues. */
export function readGrids<K extends SheetKey>(ss: Spreadsheet, keys: readonly K[]): Record<K, Grid> {
  const out = {} as Record<K, Grid>;
  for (const k of keys) out[k] = readGrid(ss, k);
  return out;
}

/** The spreadsheet time zone as a fixed UTC offset in minutes (Asia/Ho_Chi_Minh → 420). */
export function timeZoneOffset(ss: Spreadsheet, at: Date = new Date()): number {
  return parseOffset(Utilities.formatDate(at, ss.getSpreadsheetTimeZone(), 'Z'));
}

/**
 * Access to the active spreadsheet: the template's sheets found by name (look-alike names included),
 * one getValues per sheet, the time zone as a UTC offset.
 * The only place (with the other src/sheets modules) that touches SpreadsheetApp.
 */
import { parseOffset } from '../domain/dates';
import { fillMergedColumns, type MergedArea, parseArea } from '../domain/merges';
import type { ProblemList } from '../domain/problem';
import type { Grid } from '../domain/records';
import { SHEET_ORDER, SHEETS, type SheetKey } from '../domain/template';
import { foldKey, headerKey } from '../domain/text';
import type { CellValue } from '../domain/values';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The active spreadsheet; an action starts here, so the sheet list read by an earlier action is forgotten. */
export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  forgetSheets(ss);
  return ss;
}

/**
 * How sheet names are compared: NFC, spaces collapsed and trimmed, lower case. Google keeps sheet
 * names unique case-insensitively (insertSheet('Đại biểu') throws "A sheet with the name … already
 * exists" when 'ĐẠI BIỂU' is there), and a name typed with a trailing space or pasted in NFD is the
 * same sheet to the person who typed it.
 */
export function sheetNameKey(name: string): string {
  return foldKey(name);
}

interface SheetEntry {
  sheet: Sheet;
  name: string;
  /** Asked only when look-alikes compete (pick). */
  hidden?: boolean;
}

/** The sheets and their names, read once per action (one getSheets, one getName per sheet). */
const SHEET_LISTS = new WeakMap<object, SheetEntry[]>();

function sheetList(ss: Spreadsheet): SheetEntry[] {
  let list = SHEET_LISTS.get(ss);
  if (!list) {
    list = ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    SHEET_LISTS.set(ss, list);
  }
  return list;
}

/** Forgets the sheet list read for `ss` (the next lookup reads it again). */
export function forgetSheets(ss: Spreadsheet): void {
  SHEET_LISTS.delete(ss);
}

/**
 * The sheet holding a template sheet: the exact name, else the first look-alike in tab order that
 * is not hidden (a hidden "ĐẠI BIỂU" is an old copy put away; the user works in the visible one).
 * isSheetHidden is asked only when several look-alikes compete, so the usual case costs nothing.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#issheethidden
 */
function pick(list: readonly SheetEntry[], key: SheetKey): SheetEntry | undefined {
  const expected = SHEETS[key].name;
  const exact = list.find((e) => e.name === expected);
  if (exact) return exact;
  const wanted = sheetNameKey(expected);
  const alike = list.filter((e) => sheetNameKey(e.name) === wanted);
  if (alike.length < 2) return alike[0];
  for (const e of alike) e.hidden ??= e.sheet.isSheetHidden();
  return alike.find((e) => !e.hidden) ?? alike[0];
}

/**
 * The user's sheet for a template sheet, or null. A look-alike name ("Đại biểu ", "ĐẠI BIỂU", NFD)
 * IS that sheet. Every read and write of a template sheet goes through here. Costs one
 * getSheetByName when the exact name exists and the sheet list was not read yet, as before;
 * otherwise the sheet list, read once per action.
 */
export function findSheet(ss: Spreadsheet, key: SheetKey): Sheet | null {
  const listed = SHEET_LISTS.get(ss);
  const hit = listed ? pick(listed, key) : undefined;
  if (hit) return hit.sheet;
  // A sheet inserted since the list was read, by code that did not go through insertTemplateSheet.
  const exact = ss.getSheetByName(SHEETS[key].name);
  if (exact) return exact;
  if (listed) return null;
  return pick(sheetList(ss), key)?.sheet ?? null;
}

/**
 * The sheets named `name` or a look-alike of it (capitals, spaces, NFD), exact name first, from the
 * sheet list (read once per action: no call when a lookup of this action already read it).
 */
export function sheetsNamedLike(ss: Spreadsheet, name: string): { sheet: Sheet; name: string }[] {
  const wanted = sheetNameKey(name);
  const alike = sheetList(ss).filter((e) => sheetNameKey(e.name) === wanted);
  return [...alike.filter((e) => e.name === name), ...alike.filter((e) => e.name !== name)];
}

/** A sheet by its displayed name: a template sheet's name finds its look-alike too (the sidebar's "go to cell"). */
export function findSheetByName(ss: Spreadsheet, name: string): Sheet | null {
  const key = SHEET_ORDER.find((k) => sheetNameKey(SHEETS[k].name) === sheetNameKey(name));
  return key ? findSheet(ss, key) : ss.getSheetByName(name);
}

/**
 * Adds a template sheet after the last tab. Callers look first with findSheet, so a look-alike is
 * never duplicated. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex
 */
export function insertTemplateSheet(ss: Spreadsheet, key: SheetKey): Sheet {
  const name = SHEETS[key].name;
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  SHEET_LISTS.get(ss)?.push({ sheet, name });
  return sheet;
}

/** A template sheet found under another name than the template's. */
export interface LookalikeSheet {
  key: SheetKey;
  /** The template's name ("Đại biểu"). */
  expected: string;
  /** The sheet's actual name ("Đại biểu ", "ĐẠI BIỂU"). */
  actual: string;
  /** Other sheets with a look-alike name, which the add-in does not read. */
  ignored: string[];
}

/**
 * Template sheets whose name differs from the template's, or that have ignored look-alikes.
 * `scan: false` answers from the sheet list only if a lookup already read it (a template name was
 * missing), so an action whose sheets all have their exact names pays no extra call for this.
 */
export function lookalikeSheets(ss: Spreadsheet, scan = true): LookalikeSheet[] {
  const list = scan ? sheetList(ss) : SHEET_LISTS.get(ss);
  if (!list) return [];
  const out: LookalikeSheet[] = [];
  for (const key of SHEET_ORDER) {
    const used = pick(list, key);
    if (!used) continue;
    const wanted = sheetNameKey(SHEETS[key].name);
    const ignored = list.filter((e) => e !== used && sheetNameKey(e.name) === wanted).map((e) => e.name);
    if (used.name !== SHEETS[key].name || ignored.length > 0)
      out.push({ key, expected: SHEETS[key].name, actual: used.name, ignored });
  }
  return out;
}

/** Shows a sheet name with its invisible differences: "Đại biểu␣" for a trailing space, "Đại␣␣biểu" for two. */
export function visibleName(name: string): string {
  const shown = name.replace(/^\s+|\s+$|\s{2,}|[^\S ]/g, (m) => '␣'.repeat(m.length)).normalize('NFC');
  return `"${shown}"`;
}

/** How a look-alike name differs from the template's, in words. */
function nameDifference(actual: string, expected: string): string {
  const parts: string[] = [];
  const nfc = actual.normalize('NFC');
  if (nfc !== actual) parts.push('cách gõ dấu (Unicode tổ hợp)');
  const spaced = nfc.replace(/\s+/g, ' ').trim();
  if (spaced !== nfc) parts.push('dấu cách');
  if (spaced !== expected && spaced.toLowerCase() === expected.toLowerCase()) parts.push('chữ hoa/thường');
  return parts.length ? parts.join(', ') : 'cách viết';
}

/** One sentence per look-alike, naming the exact expected name. */
export function lookalikeSentence(l: LookalikeSheet): string {
  const expected = `"${l.expected}"`;
  const used =
    l.actual === l.expected
      ? ''
      : `Trang tính ${visibleName(l.actual)} được dùng làm trang ${expected} (tên khác mẫu ở ${nameDifference(l.actual, l.expected)}); nên đổi tên thành đúng ${expected}.`;
  const ignored = l.ignored.length
    ? ` Trang ${l.ignored.map(visibleName).join(', ')} trùng tên gần giống nên không được đọc; hãy gộp dữ liệu vào trang ${visibleName(l.actual)} rồi xoá trang thừa.`
    : '';
  return `${used}${ignored}`.trim();
}

/**
 * The look-alike sheet names as warnings of the validation report. Call it after the sheets were
 * looked up: it reads no sheet list of its own (see lookalikeSheets).
 */
export function addLookalikeProblems(ss: Spreadsheet, problems: ProblemList): void {
  for (const l of lookalikeSheets(ss, false))
    problems.warning(
      'sheet-name-lookalike',
      l.expected,
      '',
      lookalikeSentence(l),
      `Đổi tên trang tính thành đúng "${l.expected}".`,
    );
}

/**
 * Whether a sheet found for one of the add-in's own report sheets (`Kiểm tra`, `Văn bản`) really is
 * the add-in's: row 1 holds the template's headers (any case), or the sheet is empty. A user's own
 * sheet that happens to be called "KIỂM TRA" or "Kiểm tra " is NOT the report and must never be
 * rewritten. One getSheetValues of the header row (plus getLastRow when row 1 is blank).
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns
 */
export function isOwnReportSheet(sheet: Sheet, key: SheetKey): boolean {
  const headers = SHEETS[key].columns.map((c) => c.header);
  const row = (sheet.getSheetValues(1, 1, 1, headers.length)[0] ?? []) as CellValue[];
  if (row.every((v) => v === '' || v === null)) return sheet.getLastRow() === 0;
  return headers.every((h, i) => headerKey(String(row[i] ?? '')) === headerKey(h));
}

/**
 * isOwnReportSheet from the sheet's data range already read (getDataRange().getValues()): row 1
 * holds the headers, or the sheet is empty (the data range of an empty sheet is A1, blank).
 */
export function isOwnReportGrid(values: readonly (readonly unknown[])[], key: SheetKey): boolean {
  const headers = SHEETS[key].columns.map((c) => c.header);
  const row = values[0] ?? [];
  if (headers.every((_, i) => row[i] === '' || row[i] === null || row[i] === undefined))
    return values.every((r) => r.every((v) => v === '' || v === null));
  return headers.every((h, i) => headerKey(String(row[i] ?? '')) === headerKey(h));
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

/** An empty cell as getValues returns it (what every merged cell but the top-left reads as). */
function isEmptyCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/** readGrid, also handing out the sheet and its data range (for callers that write back). */
export function readSheet(
  ss: Spreadsheet,
  key: SheetKey,
): { grid: CellValue[][]; sheet: Sheet; range: GoogleAppsScript.Spreadsheet.Range } | null {
  const sheet = findSheet(ss, key);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const values = range.getValues() as CellValue[][];
  readMerges(values, () => range);
  return { grid: values, sheet, range };
}

/**
 * The merged areas of the data read, filled in as the user sees them. Every cell of a merged area
 * but its top-left reads as empty, so a grid without an empty cell has no merge that changes what
 * is read or that validation would report (only one whose other cells all lie past the last row or
 * column with content, which hides nothing): then the merges are not asked for.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getmergedranges
 */
function readMerges(values: CellValue[][], range: () => GoogleAppsScript.Spreadsheet.Range): void {
  if (!values.some((row) => row.some(isEmptyCell))) return;
  const areas = range()
    .getMergedRanges()
    .map((r) => parseArea(r.getA1Notation()))
    .filter((a): a is MergedArea => a !== null);
  if (areas.length > 0) {
    fillMergedColumns(values, areas);
    MERGED.set(values, areas);
  }
}

/**
 * A whole sheet's values in one call: getSheetValues(1, 1, -1, -1), "A -1 value given as the row or
 * column position is equivalent to getting the very last row or column that has data in the sheet"
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns),
 * i.e. what getDataRange().getValues() returns, one call fewer. A sheet without any data has no last
 * row: what Google does then is not documented (the local runtime refuses, as for any range of 0
 * rows), so an empty or refused answer is read again the documented way, getDataRange().getValues()
 * (a genuine service failure then fails there).
 */
export function wholeSheetValues(sheet: Sheet): CellValue[][] {
  let values: unknown[][] | undefined;
  try {
    values = sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    values = undefined;
  }
  if (!values || values.length === 0 || !values[0] || values[0].length === 0) {
    values = sheet.getDataRange().getValues();
  }
  return values as CellValue[][];
}

/** A sheet read whole by readWholeSheet. */
export interface WholeSheet {
  grid: CellValue[][];
  sheet: Sheet;
  rows: number;
  cols: number;
  /** The range of the data read (A1 to the last row and column with data), made on first use (one getRange). */
  range: () => GoogleAppsScript.Spreadsheet.Range;
}

/**
 * readSheet in fewer calls (validation's reads): the values with one getSheetValues (wholeSheetValues);
 * the range of the data, when needed (merges, marks), with one getRange lookup instead of
 * getDataRange. Merged areas as readSheet reads them.
 */
export function readWholeSheet(ss: Spreadsheet, key: SheetKey): WholeSheet | null {
  const sheet = findSheet(ss, key);
  if (!sheet) return null;
  const values = wholeSheetValues(sheet);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  let range: GoogleAppsScript.Spreadsheet.Range | undefined;
  const rangeOf = () => {
    range ??= sheet.getRange(1, 1, rows, cols);
    return range;
  };
  readMerges(values, rangeOf);
  return { grid: values, sheet, rows, cols, range: rangeOf };
}

/** Reads several sheets; each is one lookup (findSheet) + one getValues. */
export function readGrids<K extends SheetKey>(ss: Spreadsheet, keys: readonly K[]): Record<K, Grid> {
  const out = {} as Record<K, Grid>;
  for (const k of keys) out[k] = readGrid(ss, k);
  return out;
}

/** The spreadsheet time zone as a fixed UTC offset in minutes (Asia/Ho_Chi_Minh → 420). */
export function timeZoneOffset(ss: Spreadsheet, at: Date = new Date()): number {
  return parseOffset(Utilities.formatDate(at, ss.getSpreadsheetTimeZone(), 'Z'));
}

/**
 * Reads a submission in the browser into the 2-D array importSubmission takes, row i of the array
 * being row i + 1 of the file (blank rows kept, so the server's row numbers are the file's):
 * - .xlsx (exceljs): the first visible worksheet (the form's data sheet; a sheet the unit hid, like
 *   the form's "Danh mục", is skipped). Numbers stay numbers, text stays text, dates become
 *   'dd/mm/yyyy' text, formulas their cached result, rich text and links their plain text, errors
 *   blank. A merged block gives its value once (in its first cell).
 * - .csv (papaparse): UTF-8 with or without BOM, separated by ";" "," or tab (guessed); a file that is
 *   not UTF-8 (Excel's "CSV" on a Vietnamese Windows) is read as Windows-1258. Every cell is text.
 * - pasted rows: tab-separated, as Excel and Google Sheets copy a block.
 * Text is read in Unicode NFC (the composed form Vietnamese keyboards type, "Unicode dựng sẵn"): a
 * name typed in decomposed form (NFD) looks the same but would not be found by a search in Sheets.
 */
import type { CellValue, Workbook } from 'exceljs';
import Papa from 'papaparse';
import type { SubmissionCell } from '../rpc/contract';
import { LIMITS, MAX_FILE_BYTES, MAX_SCAN_CELLS, t } from './i18n';

/** What was read, or why nothing was. */
export type ReadResult = { ok: true; table: SubmissionCell[][]; note: string } | { ok: false; message: string };

/** The exceljs module, for reading. */
export interface ExcelReader {
  Workbook: new () => Workbook;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as dd/mm/yyyy (exceljs gives the serial's day as a UTC date). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** One exceljs cell value as a submission cell. */
export function cellValue(value: CellValue): SubmissionCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[])
        .map((run) => (typeof run.text === 'string' ? run.text : ''))
        .join('')
        .normalize('NFC');
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellValue(v.result as CellValue) : null;
    if ('hyperlink' in v) return cellValue(v.text as CellValue);
    if ('error' in v) return null;
  }
  return null;
}

/** Drops the blank rows at the end and the blank cells at the end of each row. */
function trim(table: SubmissionCell[][]): SubmissionCell[][] {
  const blank = (c: SubmissionCell) => c === null || (typeof c === 'string' && c.trim() === '');
  const rows = table.map((row) => {
    let end = row.length;
    while (end > 0 && blank(row[end - 1] ?? null)) end--;
    return row.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && (rows[last - 1]?.length ?? 0) === 0) last--;
  return rows.slice(0, last);
}

/** True when the table is beyond what importSubmission accepts. */
function tooLarge(table: SubmissionCell[][]): boolean {
  return (
    table.length > LIMITS.rows ||
    table.some(
      (row) => row.length > LIMITS.columns || row.some((c) => typeof c === 'string' && c.length > LIMITS.cellChars),
    )
  );
}

/** Reads an .xlsx file's bytes. */
export async function readXlsx(excel: ExcelReader, bytes: ArrayBuffer, fileName: string): Promise<ReadResult> {
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch {
    return { ok: false, message: t.unreadableXlsx(fileName) };
  }
  const sheet = wb.worksheets.find((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden' && ws.rowCount > 0);
  if (!sheet) return { ok: false, message: t.emptyFile(fileName) };
  const table: SubmissionCell[][] = [];
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  if (rowCount * columnCount > MAX_SCAN_CELLS) return { ok: false, message: t.tooManyCells(fileName) };
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const values: SubmissionCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      // A merged block's other cells repeat its value in exceljs: keep it once.
      values.push(cell.isMerged && cell.master !== cell ? null : cellValue(cell.value));
    }
    table.push(values);
  }
  const trimmed = trim(table);
  if (trimmed.length === 0) return { ok: false, message: t.emptyFile(fileName) };
  if (tooLarge(trimmed)) return { ok: false, message: t.tooManyCells(fileName) };
  return { ok: true, table: trimmed, note: t.readSheet(sheet.name, trimmed.length) };
}

/** Decodes a CSV file's bytes: UTF-8 (BOM dropped) or, when that fails, Windows-1258. */
export function decodeCsv(bytes: ArrayBuffer): { text: string; legacy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), legacy: false };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes), legacy: true };
  }
}

/**
 * The separator of a delimited text among ";" "," and tab: the one that splits its first 20 non-blank
 * lines into the most fields (median per line; quotes respected). Papaparse's own guess needs an
 * average of two fields over every line, blank ones included, so it misses a short file.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
    .join('\n');
  let best = ',';
  let bestScore = 1;
  for (const candidate of [';', ',', '\t']) {
    const rows = Papa.parse<string[]>(lines, { delimiter: candidate, skipEmptyLines: true }).data;
    const counts = rows.map((r) => r.length).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 1;
    if (median > bestScore) {
      best = candidate;
      bestScore = median;
    }
  }
  return best;
}

/** Parses delimited text (papaparse), the separator given or guessed; blank lines kept (row numbers). */
export function parseDelimited(text: string, delimiter?: string): SubmissionCell[][] {
  const clean = text.replace(/^\uFEFF/, '').normalize('NFC');
  const parsed = Papa.parse<string[]>(clean, {
    delimiter: delimiter ?? guessDelimiter(clean),
    skipEmptyLines: false,
    header: false,
  });
  return trim(parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell))));
}

/** Reads a .csv file's bytes. */
export function readCsv(bytes: ArrayBuffer, fileName: string): ReadResult {
  const { text, legacy } = decodeCsv(bytes);
  const table = parseDelimited(text);
  if (table.length === 0) return { ok: false, message: t.emptyFile(fileName) };
  if (tooLarge(table)) return { ok: false, message: t.tooManyCells(fileName) };
  return { ok: true, table, note: t.readCsv(table.length, legacy) };
}

/** Reads rows pasted from a spreadsheet (tab-separated). */
export function readPasted(text: string): ReadResult {
  const table = parseDelimited(text, '\t');
  if (table.length === 0) return { ok: false, message: t.emptyPaste };
  if (tooLarge(table)) return { ok: false, message: t.tooManyCells(t.pastedName) };
  return { ok: true, table, note: t.readCsv(table.length, false) };
}

/** The part of a File the reader uses. */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads a chosen file by its extension. */
export async function readFile(excel: ExcelReader, file: ChosenFile): Promise<ReadResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: t.tooLarge(file.name, MAX_FILE_BYTES / 1024 / 1024) };
  const name = file.name.toLowerCase();
  const bytes = await file.arrayBuffer();
  if (name.endsWith('.xlsx') || name.endsWith('.xlsm')) return readXlsx(excel, bytes, file.name);
  if (name.endsWith('.csv') || name.endsWith('.txt')) return readCsv(bytes, file.name);
  return { ok: false, message: t.unsupported(file.name) };
}

/**
 * Reads a submission in the browser into the 2-D array importSubmission takes, row i of the array
 * being row i + 1 of the file (blank rows kept, so the server's row numbers are the file's):
 * - .xlsx (exceljs): the first visible worksheet (the form's data sheet; a sheet the unit hid, like
 *   the form's "Danh mục", is skipped). Numbers stay numbers, text stays text, dates become
 *   'dd/mm/yyyy' text, formulas their cached result, rich text and links their plain text, errors
 *   blank. A merged block gives its value once (in its first cell), but every row of a block one
 *   column wide below the header (a group's ethnic name merged over its delegates).
 * - .csv (papaparse): UTF-8 with or without BOM, separated by ";" "," or tab (guessed); a file that is
 *   not UTF-8 (Excel's "CSV" on a Vietnamese Windows) is read as Windows-1258. Every cell is text.
 * - pasted rows: tab-separated, as Excel and Google Sheets copy a block.
 * Text is read in Unicode NFC (the composed form Vietnamese keyboards type, "Unicode dựng sẵn"): a
 * name typed in decomposed form (NFD) looks the same but would not be found by a search in Sheets.
 */
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import Papa from 'papaparse';
import { headerKey } from '../domain/text';
import type { SubmissionCell } from '../rpc/contract';
import { LIMITS, MAX_FILE_BYTES, MAX_SCAN_CELLS, t } from './i18n';
import { splitPasted } from './pasted';

/** What was read, or why nothing was. */
export type ReadResult =
  | {
      ok: true;
      table: SubmissionCell[][];
      note: string;
      /** Rows to check with the unit: hidden (filtered out) or struck through, which are read all the same. */
      caution?: string;
    }
  | { ok: false; message: string };

/** The exceljs module, for reading. */
export interface ExcelReader {
  Workbook: new () => Workbook;
}

/** importSubmission looks for the header in the first 10 rows (HEADER_SEARCH_ROWS of src/domain/table.ts). */
const HEADER_ROWS = 10;

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
const isBlankCell = (c: SubmissionCell) => c === null || (typeof c === 'string' && c.trim() === '');

function trim(table: SubmissionCell[][]): SubmissionCell[][] {
  const blank = isBlankCell;
  const rows = table.map((row) => {
    let end = row.length;
    while (end > 0 && blank(row[end - 1] ?? null)) end--;
    return row.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && (rows[last - 1]?.length ?? 0) === 0) last--;
  return rows.slice(0, last);
}

/** Where the table is beyond what importSubmission accepts (a sentence naming the row or cell), or ''. */
function oversize(table: SubmissionCell[][]): string {
  if (table.length > LIMITS.rows) return t.tooManyRows(table.length);
  for (const [r, row] of table.entries()) {
    if (row.length > LIMITS.columns) return t.tooManyColumns(r + 1, row.length);
    const c = row.findIndex((cell) => typeof cell === 'string' && cell.length > LIMITS.cellChars);
    if (c >= 0) return t.tooLongCell(`${columnName(c + 1)}${r + 1}`, String(row[c]).length);
  }
  return '';
}

/** Column letters: 1 → A, 27 → AA. */
function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A number shown through a format of zeros only ("00000": a code 06100, "0000000000": a phone 0912345678) as the text the unit sees. */
function zeroPadded(value: number, numFmt: unknown): SubmissionCell {
  if (typeof numFmt === 'string' && /^0{2,}$/.test(numFmt) && Number.isInteger(value) && value >= 0)
    return String(value).padStart(numFmt.length, '0');
  return value;
}

/** Header keys (headerKey) of the form's columns, to recognise the sheet that holds the list. */
export type KnownHeaders = ReadonlySet<string>;

export function knownHeaders(headers: readonly string[]): KnownHeaders {
  return new Set(headers.map((header) => headerKey(header)).filter((k) => k !== ''));
}

/** Cells of the first HEADER_ROWS rows whose text is one of the form's headers. */
function headerScore(sheet: Worksheet, known: KnownHeaders): number {
  let score = 0;
  for (let r = 1; r <= Math.min(HEADER_ROWS, sheet.rowCount); r++) {
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const v = cellValue(cell.value);
      if (typeof v === 'string' && known.has(headerKey(v))) score++;
    });
  }
  return score;
}

/**
 * The sheet that holds the list: among the visible sheets with data, the one whose first 10 rows name
 * the most of the form's headers (a sheet of notes the unit added before the list is passed over); the
 * first one when none does.
 */
function listSheet(wb: Workbook, known: KnownHeaders): { sheet: Worksheet | undefined; others: string[] } {
  const visible = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden' && ws.rowCount > 0);
  let best = visible[0];
  let bestScore = 0;
  const withHeaders: Worksheet[] = [];
  for (const ws of visible) {
    const score = known.size ? headerScore(ws, known) : 0;
    if (score > 0) withHeaders.push(ws);
    if (score > bestScore) {
      best = ws;
      bestScore = score;
    }
  }
  // Other sheets that look like a list too (a copy the unit corrected?): named to the officer.
  return { sheet: best, others: withHeaders.filter((ws) => ws !== best).map((ws) => ws.name) };
}

/** True for a cell of a merged block one column wide, under its first cell, which is not a header. */
function fillsDown(sheet: Worksheet, cell: Cell, known: KnownHeaders): boolean {
  const master = cell.master;
  if (master.col !== cell.col || master.row >= cell.row) return false;
  if (sheet.findCell(master.row, master.col + 1)?.master === master) return false;
  const v = cellValue(master.value);
  return !(typeof v === 'string' && known.has(headerKey(v)));
}

/** Worksheet XML parts the reader skips (exceljs's ignoreNodes). */
const IGNORED_SHEET_PARTS = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'picture',
  'drawing',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'rowBreaks',
];

/** Reads an .xlsx file's bytes. `known`: the form's headers, to find the list's sheet. */
export async function readXlsx(
  excel: ExcelReader,
  bytes: ArrayBuffer,
  fileName: string,
  known: KnownHeaders = new Set(),
): Promise<ReadResult> {
  const wb = new excel.Workbook();
  try {
    // Parts of a sheet that hold no value are not parsed: a dropdown a unit applied to whole columns
    // ("B2:B1048576") made exceljs build a million validations per column (8 s and 240 MB for two).
    await wb.xlsx.load(bytes, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch {
    return { ok: false, message: t.unreadableXlsx(fileName) };
  }
  const { sheet, others } = listSheet(wb, known);
  if (!sheet) return { ok: false, message: t.emptyFile(fileName) };
  // Only the cells the file holds are visited (a stray cell far below costs nothing).
  const sparse: SubmissionCell[][] = [];
  const hiddenRows: number[] = [];
  const struckRows: number[] = [];
  let visited = 0;
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (tooMany) return;
    const values: SubmissionCell[] = [];
    let struck = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (++visited > MAX_SCAN_CELLS) tooMany = true;
      // A merged block's other cells repeat its value in exceljs: keep it once (a title across the
      // columns), except down a block one column wide below a row that is not the header ("Tày" merged
      // over three delegates' rows is each one's ethnic group; a header over two rows is not a person).
      if (cell.isMerged && cell.master !== cell && !fillsDown(sheet, cell, known)) return;
      const value = cellValue(cell.value);
      values[c - 1] = typeof value === 'number' ? zeroPadded(value, cell.numFmt) : value;
      if (!isBlankCell(value) && isStruck(cell)) struck = true;
    });
    sparse[r - 1] = values;
    if (values.some((v) => !isBlankCell(v ?? null))) {
      if (row.hidden) hiddenRows.push(r);
      if (struck) struckRows.push(r);
    }
  });
  if (tooMany) return { ok: false, message: t.tooManyCells(fileName) };
  let last = 0;
  sparse.forEach((row, i) => {
    if (row.some((c) => !isBlankCell(c ?? null))) last = i + 1;
  });
  if (last > LIMITS.rows) return { ok: false, message: t.tooManyCells(fileName, t.tooManyRows(last)) };
  const trimmed = trim(Array.from({ length: last }, (_, i) => Array.from(sparse[i] ?? [], (c) => c ?? null)));
  if (trimmed.length === 0) return { ok: false, message: t.emptyFile(fileName) };
  const over = oversize(trimmed);
  if (over) return { ok: false, message: t.tooManyCells(fileName, t.onSheet(sheet.name, over)) };
  const marked = [hiddenRows.length ? t.hiddenRows(hiddenRows) : '', struckRows.length ? t.struckRows(struckRows) : '']
    .filter(Boolean)
    .join(' ');
  const caution = [
    others.length ? t.otherListSheets(sheet.name, others) : '',
    marked ? `${marked} ${t.checkWithUnit}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    ok: true,
    table: trimmed,
    note: t.readSheet(sheet.name, trimmed.length),
    ...(caution && { caution }),
  };
}

/** A cell struck through (its font, or every run of its rich text): units strike out a person dropped. */
function isStruck(cell: Cell): boolean {
  if (cell.font?.strike) return true;
  const v = cell.value as { richText?: { text?: string; font?: { strike?: boolean } }[] } | null;
  const runs = v && typeof v === 'object' && Array.isArray(v.richText) ? v.richText : null;
  return runs !== null && runs.length > 0 && runs.every((run) => run.font?.strike || !run.text?.trim());
}

/**
 * Decodes a CSV file's bytes: UTF-16 (Excel's "Unicode Text", with its byte-order mark, or without one
 * when every other byte is 0), UTF-8 (BOM dropped) or, when that fails, Windows-1258.
 */
export function decodeCsv(bytes: ArrayBuffer): { text: string; legacy: boolean } {
  const u = new Uint8Array(bytes);
  if (u[0] === 0xff && u[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), legacy: false };
  if (u[0] === 0xfe && u[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), legacy: false };
  const sample = u.subarray(0, 2000);
  let oddZeros = 0;
  let evenZeros = 0;
  sample.forEach((byte, i) => {
    if (byte === 0) {
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
  });
  if (sample.length >= 4 && oddZeros > sample.length / 4 && evenZeros === 0)
    return { text: new TextDecoder('utf-16le').decode(bytes), legacy: false };
  if (sample.length >= 4 && evenZeros > sample.length / 4 && oddZeros === 0)
    return { text: new TextDecoder('utf-16be').decode(bytes), legacy: false };
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
  // "sep=;" on the first line tells Excel the separator, and Excel does not show that line: it is left
  // out so that the rows are numbered as the unit sees them.
  const hint = /^\uFEFF?sep=(.)\r?\n/i.exec(text);
  const table = hint ? parseDelimited(text.slice(hint[0].length), hint[1]) : parseDelimited(text);
  if (table.length === 0) return { ok: false, message: t.emptyFile(fileName) };
  const over = oversize(table);
  if (over) return { ok: false, message: t.tooManyCells(fileName, over) };
  const lost = lostLetters(table);
  return { ok: true, table, note: t.readCsv(table.length, legacy), ...(lost && { caution: lost }) };
}

/**
 * Excel's "CSV" saved on a Windows not set to Vietnamese writes "?" for every letter its code page
 * lacks ("Ho?ng Th? M?y"): the letters are lost in the file itself. Said with the first such cell.
 */
function lostLetters(table: SubmissionCell[][]): string {
  const damaged = /\p{L}\?|\?\p{L}/u;
  let count = 0;
  let first: { row: number; text: string } | undefined;
  for (const [r, row] of table.entries()) {
    for (const cell of row) {
      if (typeof cell === 'string' && damaged.test(cell)) {
        count++;
        first ??= { row: r + 1, text: cell };
      }
    }
  }
  return first && count >= 2 ? t.lostLetters(count, first.row, first.text) : '';
}

/** Reads rows pasted from a spreadsheet (tab-separated). */
export function readPasted(text: string): ReadResult {
  const clean = text.replace(/^\uFEFF/, '').normalize('NFC');
  const table = trim(splitPasted(clean).map((row) => row.map((cell) => (cell === '' ? null : cell))));
  if (table.length === 0) return { ok: false, message: t.emptyPaste };
  const over = oversize(table);
  if (over) return { ok: false, message: t.tooManyCells(t.pastedName, over) };
  return { ok: true, table, note: t.readCsv(table.length, false) };
}

/** The part of a File the reader uses. */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the first bytes say a file is. */
function sniff(bytes: ArrayBuffer): 'zip' | 'ole' | 'markup' | 'text' {
  const u = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 512));
  if (u[0] === 0x50 && u[1] === 0x4b) return 'zip';
  if (u[0] === 0xd0 && u[1] === 0xcf && u[2] === 0x11 && u[3] === 0xe0) return 'ole';
  const head = new TextDecoder('latin1').decode(u).replace(/^[\s\u00ef\u00bb\u00bf\u00fe\u00ff\u0000]+/, '');
  return /^<(?:!doctype|html|table|\?xml)/i.test(head.replace(/\u0000/g, '')) ? 'markup' : 'text';
}

/**
 * Reads a chosen file by what it holds, its extension only telling which files are offered: an .xlsx
 * (a zip), a CSV or tab-separated text (also when saved under .xlsx or .xls, as some programs export
 * "Excel" files). An old .xls or a workbook with a password to open (both OLE containers) and HTML
 * tables are refused with what to do. `known`: the form's headers (to find the list's sheet).
 */
export async function readFile(excel: ExcelReader, file: ChosenFile, known?: KnownHeaders): Promise<ReadResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: t.tooLarge(file.name, MAX_FILE_BYTES / 1024 / 1024) };
  const name = file.name.toLowerCase();
  if (!/\.(xlsx|xlsm|xls|csv|txt|tsv)$/.test(name)) return { ok: false, message: t.unsupported(file.name) };
  const bytes = await file.arrayBuffer();
  if (bytes.byteLength === 0) return { ok: false, message: t.emptyFile(file.name) };
  const kind = sniff(bytes);
  if (kind === 'zip') return readXlsx(excel, bytes, file.name, known);
  if (kind === 'ole') return { ok: false, message: t.oldOrProtected(file.name) };
  if (kind === 'markup') return { ok: false, message: t.unsupported(file.name) };
  const read = readCsv(bytes, file.name);
  if (read.ok && /\.xls[xm]?$/.test(name)) return { ...read, note: `${t.textUnderExcelName(file.name)} ${read.note}` };
  return read;
}

/**
 * Builds the .xlsx a unit fills (the "form out"), with exceljs in the browser: a title block (province,
 * unit, seats, guests, the ethnic groups that must be represented, the deadline) and the instructions
 * above the header row, which stays within the first 8 rows (importSubmission looks in the first 10,
 * and a unit may add two lines above); dropdowns for the columns with choices (lists on a hidden "Danh mục" sheet, since a list written
 * inline is limited to 255 characters); text format '@' for the text and date columns, so a phone
 * number keeps its leading 0 and "05/03/1980" stays as typed; widths as in the template; the header
 * frozen. The data sheet is the first sheet, as the import reads it.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { IntakeForm } from '../rpc/contract';
import { t } from './i18n';

/** The exceljs module (the browser build inlined in Intake.html, or exceljs in Node for tests). */
export interface ExcelModule {
  Workbook: new () => Workbook;
}

/** Rows the form prepares (formatted, with dropdowns). */
export const FORM_ROWS = 300;
/**
 * The header row is at most this row: importSubmission looks in the first 10 rows, and a unit often
 * adds a line or two above the table ("Kính gửi: …", its own letterhead); two rows are kept spare.
 */
export const LAST_HEADER_ROW = 8;

const HEADER_FILL = 'FFD9E2F3';
const TITLE_COLOR = 'FF1F3864';

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A quoted sheet name for a formula ('Danh mục'!$A$1:$A$9). */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The lines of the title block, blank lines left out. */
export function titleLines(form: IntakeForm): string[] {
  return [
    t.formTitle(form.province),
    t.formCongress(form.round, form.year),
    t.formUnit(form.unitWord, form.unit.name),
    t.formSeats(form.seats, form.guests),
    t.formGroups(form.ethnicGroups),
    t.formDeadline(form.deadline),
  ].filter((line) => line !== '');
}

/** The form's workbook for one unit. */
export function buildFormWorkbook(excel: ExcelModule, form: IntakeForm): Workbook {
  const wb = new excel.Workbook();
  wb.creator = 'Trợ lý Đại hội DTTS';
  const columns = form.columns;
  const width = Math.max(columns.length, 1);
  const ws = wb.addWorksheet(t.formSheet);

  const title = titleLines(form);
  // Title + instructions + one blank row must leave the header within LAST_HEADER_ROW; what does not
  // fit goes to the "Hướng dẫn" sheet (after the data sheet), the blank row giving way to the pointer
  // to it when the title fills the room.
  const room = LAST_HEADER_ROW - 1 - title.length - 1;
  const instructions = form.instructions.filter((line) => line.trim() !== '');
  const inline =
    instructions.length <= room ? instructions : [...instructions.slice(0, Math.max(room - 1, 0)), t.formMoreGuide];
  const blankRow = title.length + inline.length + 1 < LAST_HEADER_ROW;
  let row = 1;
  const lastColumn = columnLetter(width);
  const line = (text: string, bold: boolean, size: number) => {
    ws.mergeCells(`A${row}:${lastColumn}${row}`);
    const cell = ws.getCell(`A${row}`);
    cell.value = text;
    cell.font = { bold, size, color: { argb: bold ? TITLE_COLOR : 'FF000000' } };
    cell.alignment = { vertical: 'middle', horizontal: row === 1 ? 'center' : 'left', wrapText: false };
    row++;
  };
  title.forEach((text, i) => {
    line(text, i === 0, i === 0 ? 13 : 11);
  });
  for (const text of inline) line(text, false, 10);
  if (blankRow) row++; // one blank row before the header
  const headerRow = row;

  // Header row.
  columns.forEach((column, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = column.header + (column.required ? t.requiredMark : '');
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
    const note = [column.required ? t.requiredNote : '', column.help ?? ''].filter(Boolean).join(' ');
    if (note) cell.note = note;
    // Excel's width is in characters of the default font (≈ 7 px each).
    ws.getColumn(i + 1).width = Math.max(8, Math.round((column.width ?? 120) / 7));
  });
  ws.getRow(headerRow).height = 30;
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];

  // Dropdown lists on a hidden sheet, one column per list.
  const listColumns = columns.filter((c) => c.choices && c.choices.length > 0);
  const lists = listColumns.length ? wb.addWorksheet(t.listsSheet, { state: 'hidden' }) : null;
  const listRange = new Map<string, string>();
  listColumns.forEach((column, j) => {
    if (!lists) return;
    const choices = column.choices ?? [];
    lists.getCell(1, j + 1).value = column.header;
    choices.forEach((choice, k) => {
      lists.getCell(k + 2, j + 1).value = choice;
    });
    const letter = columnLetter(j + 1);
    listRange.set(column.key, `${sheetRef(t.listsSheet)}!$${letter}$2:$${letter}$${choices.length + 1}`);
  });

  // Data rows: formats and dropdowns.
  const first = headerRow + 1;
  const last = headerRow + FORM_ROWS;
  columns.forEach((column, i) => {
    const textual = column.kind === 'text' || column.kind === 'date';
    const formula = listRange.get(column.key);
    for (let r = first; r <= last; r++) {
      const cell = ws.getCell(r, i + 1);
      if (textual) cell.numFmt = '@';
      if (formula) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: false,
          showInputMessage: Boolean(column.help),
          ...(column.help ? { prompt: column.help.slice(0, 255) } : {}),
        };
      }
    }
  });

  if (inline.length < instructions.length) {
    const guide = wb.addWorksheet(t.guideSheet);
    guide.getColumn(1).width = 120;
    instructions.forEach((text, i) => {
      guide.getCell(i + 1, 1).value = text;
    });
  }
  return wb;
}

/** Characters Windows refuses in a file name, control characters, and the direction marks that can make "gnp.exe.xlsx" read as "xslx.exe.png". */
const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/** Names Windows keeps for devices (CON, NUL, COM1 …), with or without an extension. */
const RESERVED_ON_WINDOWS = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/**
 * The name a form is downloaded under: the server's suggestion, made safe again in the browser (no
 * character Windows refuses, no direction mark, no half of a character cut in two, no trailing dot or
 * space, not a device name), ending in .xlsx.
 */
export function safeFileName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/\.xlsx$/i, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(UNSAFE_IN_FILE_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const safe = !base || RESERVED_ON_WINDOWS.test(base) ? `${t.formSheet} ${base}`.trim() : base;
  return `${safe}.xlsx`;
}

/**
 * The names the forms download under: safeFileName of each; two units of one name (communes of two
 * former districts), which would download under one name (the browser adding "(1)"), get their codes.
 */
export function downloadNames(forms: readonly IntakeForm[]): string[] {
  const names = forms.map((f) => safeFileName(f.fileName));
  const key = (name: string) => name.toLocaleLowerCase('vi');
  return names.map((name, i) =>
    names.filter((other) => key(other) === key(name)).length > 1
      ? safeFileName(`${name.replace(/\.xlsx$/, '')} (${forms[i]?.unit.code ?? i + 1}).xlsx`)
      : name,
  );
}

/** The form's .xlsx bytes. */
export async function formBytes(excel: ExcelModule, form: IntakeForm): Promise<ArrayBuffer> {
  const buffer = await buildFormWorkbook(excel, form).xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

/** The data sheet of a form workbook (the first sheet). */
export function formSheet(wb: Workbook): Worksheet | undefined {
  return wb.worksheets[0];
}

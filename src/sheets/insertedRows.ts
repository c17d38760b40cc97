/**
 * Rows the add-in inserts into a sheet the officer keeps (`Đại biểu` for a list received, `Phân bổ` for
 * new units): Sheets gives them the formatting and data validation of the row before them
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest,
 * "inheritFromBefore": "if row index 0 has red background … the two new rows will be red"). Notes are
 * cell content, not a dimension's property: they are not carried over. What the add-in owns of that
 * row is taken back on the new rows, nothing of the officer's:
 * - a mark's fill (red or yellow, written by validation and kept in the marks record): the new rows
 *   hold no problem and no record names them, so the fill would never be cleared and would read as an
 *   error. It is reset to no fill, the fill the cell had before the mark (a mark is only ever written
 *   on a cell without fill; a fill the officer put over the mark is theirs and is inherited as Sheets does);
 * - under the header row: the header's bold and fill (a data row does not look like a header), and
 *   the header's (absent) data validation: the new rows get the validation of the body row under them.
 * The inserted rows are deleted by a rollback: their resets need no inverse.
 */
import { MARK_COLORS, MARK_MARKER, type MarkRecord, parseA1 } from '../domain/marks';
import type { WriteBatch } from './batch';
import { type MarkRecordSheet, readMarkRecord, recordedMarks, shiftRecordedMarks } from './marks';
import type { Sheet, Spreadsheet } from './workbook';

export interface InsertedRows {
  /** 1-based row the new rows go after. */
  after: number;
  count: number;
  /** 1-based header row of the sheet's table (0: none). */
  headerRow: number;
  /** Columns of the table (the resets cover 1…width). */
  width: number;
}

/**
 * Inserts `count` rows after row `after` and resets on them what they inherit of the add-in's own
 * from that row. Reads the marks record (one read, none when there is no record) and, only when the
 * record names the sheet, the row's fills and notes (one range).
 */
export function insertRowsClearingOwnMarks(batch: WriteBatch, ss: Spreadsheet, sheet: Sheet, rows: InsertedRows): void {
  const record = readMarkRecord(ss);
  const marked = rows.after > rows.headerRow ? ownMarkFills(ss, sheet, rows.after, rows.width, record) : [];
  batch.insertRowsAfter(sheet, rows.after, rows.count);
  resetInherited(batch, sheet, rows, marked);
  shiftRecordedMarks(record, sheet.getName(), rows.after, rows.count, batch);
}

/**
 * The columns (0-based) of row `row` (1-based) holding a mark's fill the add-in wrote and still owns:
 * the fill is the one the record says it wrote, at the cell the record names or (rows inserted or
 * deleted by the officer since the validation) at a cell holding the record's own note (lines the
 * officer typed under it aside), or in the record's column for a fill recorded without a note.
 */
export function ownMarkFills(
  ss: Spreadsheet,
  sheet: Sheet,
  row: number,
  width: number,
  record?: MarkRecordSheet,
): number[] {
  const name = sheet.getName();
  const records = recordedMarks(ss, name, record).filter((r) => isMarkFill(r.fill));
  if (records.length === 0) return [];
  const range = sheet.getRange(row, 1, 1, width);
  const fills = range.getBackgrounds()[0] ?? [];
  const notes = range.getNotes()[0] ?? [];
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const fill = (fills[c] ?? '').toLowerCase();
    if (!isMarkFill(fill)) continue;
    const note = notes[c] ?? '';
    const ours = (r: MarkRecord) => {
      if (r.fill.toLowerCase() !== fill) return false;
      const at = parseA1(r.cell);
      if (at && at.row === row - 1 && at.col === c) return true;
      // Moved by rows inserted or deleted since: the record's note is there, maybe with lines the officer
      // typed under it (as validation finds a moved mark, marks.ts placeRecords).
      if (r.note.startsWith(MARK_MARKER)) return note.startsWith(r.note);
      // A fill written without the add-in's note (the officer's own note was in the cell): nothing but
      // its column and colour tells it once moved; the officer's own fill of that colour there is no
      // more than not inherited by the new rows, while a mark's fill inherited would never be cleared.
      return at?.col === c && !note.startsWith(MARK_MARKER);
    };
    if (records.some(ours)) out.push(c);
  }
  return out;
}

function isMarkFill(fill: string): boolean {
  const f = fill.toLowerCase();
  return f === MARK_COLORS.error || f === MARK_COLORS.warning;
}

function resetInherited(batch: WriteBatch, sheet: Sheet, rows: InsertedRows, marked: readonly number[]): void {
  const { after, count, headerRow, width } = rows;
  const first = after + 1;
  if (after === headerRow) {
    const block = sheet.getRange(first, 1, count, width);
    batch.custom(
      () => {
        block.setBackground(null);
        block.setFontWeight('normal');
      },
      () => undefined,
    );
    const below = first + count;
    if (below <= sheet.getMaxRows()) {
      const rules = sheet.getRange(below, 1, 1, width).getDataValidations()[0] ?? [];
      if (rules.some((r) => r !== null))
        batch.custom(
          () => block.setDataValidations(Array.from({ length: count }, () => rules)),
          () => undefined,
        );
    }
    return;
  }
  if (marked.length === 0) return;
  batch.custom(
    () => clearFills(sheet, first, count, marked),
    () => undefined,
  );
}

/** No fill on rows `first`…`first + count − 1` in the columns (0-based) given: one RangeList. */
export function clearFills(sheet: Sheet, first: number, count: number, columns: readonly number[]) {
  return sheet
    .getRangeList(columns.map((c) => sheet.getRange(first, c + 1, count, 1).getA1Notation()))
    .setBackground(null);
}

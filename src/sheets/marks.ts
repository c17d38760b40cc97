/**
 * Writes problem marks into the data sheets and rewrites the `Kiểm tra` report: per sheet one
 * getBackgrounds, one getNotes, one setBackgrounds and one setNotes, whatever the row count.
 */
import { applyMarks, asText, type CellMark, parseA1 } from '../domain/marks';
import { type Problem, SEVERITY_LABEL } from '../domain/problem';
import { SHEET_ORDER, SHEETS } from '../domain/template';
import type { Spreadsheet } from './workbook';

/** Sheets whose cells can carry marks (the report sheets are rewritten instead). */
const MARKED = SHEET_ORDER.filter((k) => !SHEETS[k].report).map((k) => SHEETS[k].name);

/** Clears last run's marks and marks these problems, sheet by sheet. */
export function writeMarks(ss: Spreadsheet, problems: readonly Problem[]): void {
  for (const name of MARKED) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const range = sheet.getDataRange();
    const marks: CellMark[] = [];
    for (const p of problems) {
      if (p.sheet !== name) continue;
      const at = parseA1(p.cell);
      if (at) marks.push({ ...at, severity: p.severity, message: p.message });
    }
    const next = applyMarks(range.getBackgrounds(), range.getNotes(), marks);
    if (!next.changed) continue;
    range.setBackgrounds(next.backgrounds);
    range.setNotes(next.notes);
  }
}

const SHEET_RANK = new Map(SHEET_ORDER.map((k, i) => [SHEETS[k].name, i]));

/** Errors first, then by sheet order, then by row. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rowOf = (p: Problem) => parseA1(p.cell)?.row ?? -1;
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (SHEET_RANK.get(a.sheet) ?? 99) - (SHEET_RANK.get(b.sheet) ?? 99) ||
      rowOf(a) - rowOf(b),
  );
}

/** Rewrites `Kiểm tra` whole: old rows cleared, problems written as text in one setValues. */
export function writeReport(ss: Spreadsheet, problems: readonly Problem[]): void {
  const spec = SHEETS.report;
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet) return;
  const width = spec.columns.length;
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, width).clearContent();
  if (problems.length === 0) return;
  const rows = sortProblems(problems).map((p) =>
    [SEVERITY_LABEL[p.severity], p.sheet, p.cell, p.message, p.suggestion].map(asText),
  );
  const needed = rows.length + 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const block = sheet.getRange(2, 1, rows.length, width);
  block.setNumberFormat('@');
  block.setValues(rows);
}

/**
 * Writes problem marks into the data sheets and rewrites the `Kiểm tra` report: per sheet one
 * getBackgrounds, one getNotes, one setBackgrounds and one setNotes, whatever the row count.
 */
import { applyMarks, asText, type CellMark, parseA1 } from '../domain/marks';
import { type Problem, SEVERITY_LABEL } from '../domain/problem';
import { SHEET_ORDER, SHEETS } from '../domain/template';
import type { WriteBatch } from './batch';
import { findSheet, type Spreadsheet } from './workbook';

/** Sheets whose cells can carry marks (the report sheets are rewritten instead). */
const MARKED = SHEET_ORDER.filter((k) => !SHEETS[k].report);

/** Clears last run's marks and marks these problems, sheet by sheet. */
export function writeMarks(ss: Spreadsheet, problems: readonly Problem[], batch: WriteBatch): void {
  for (const key of MARKED) {
    const name = SHEETS[key].name;
    const sheet = findSheet(ss, key);
    if (!sheet) continue;
    const range = sheet.getDataRange();
    const marks: CellMark[] = [];
    for (const p of problems) {
      if (p.sheet !== name) continue;
      const at = parseA1(p.cell);
      if (at) marks.push({ ...at, severity: p.severity, message: p.message });
    }
    const backgrounds = range.getBackgrounds();
    const notes = range.getNotes();
    const next = applyMarks(backgrounds, notes, marks);
    if (!next.changed) continue;
    batch.backgrounds(range, next.backgrounds, backgrounds);
    batch.notes(range, next.notes, notes);
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

/**
 * Rewrites `Kiểm tra` whole in one setValues: the problems as text, then blank rows over what the
 * last report had beyond them.
 */
export function writeReport(ss: Spreadsheet, problems: readonly Problem[], batch: WriteBatch): void {
  const spec = SHEETS.report;
  const sheet = findSheet(ss, 'report');
  if (!sheet) return;
  const width = spec.columns.length;
  const rows = sortProblems(problems).map((p) =>
    [SEVERITY_LABEL[p.severity], p.sheet, p.cell, p.message, p.suggestion].map(asText),
  );
  const oldRows = Math.max(0, sheet.getLastRow() - 1);
  const height = Math.max(rows.length, oldRows);
  if (height === 0) return;
  const needed = height + 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const block = sheet.getRange(2, 1, height, width);
  const previous = oldRows > 0 ? (block.getValues() as unknown[][]) : blankRows(height, width);
  while (rows.length < height) rows.push(new Array(width).fill(''));
  block.setNumberFormat('@');
  batch.values(
    block,
    rows,
    previous.map((r) => r.map((v) => (typeof v === 'string' ? asText(v) : v))),
  );
}

function blankRows(height: number, width: number): string[][] {
  return Array.from({ length: height }, () => new Array(width).fill(''));
}

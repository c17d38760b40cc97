/**
 * Which column of `Phân bổ` is the add-in's when the sheet is ambiguous, decided the same way by the
 * allocation and by "Hoàn tác phân bổ".
 */
import { SHEETS } from '../domain/template';
import { headerKey } from '../domain/text';
import type { CellValue } from '../domain/values';
import { ELIGIBILITY_LABELS } from '../ui/vi';
import { HEADER_BACKGROUND } from './setup';
import type { Sheet } from './workbook';

/** The fills of a header row (lower case), read once, on first use. */
export function headerFills(sheet: Sheet, headerRow: number, width: number): (column: number) => string {
  let fills: string[] | undefined;
  return (column) => {
    fills ??= (sheet.getRange(headerRow, 1, 1, Math.max(1, width)).getBackgrounds()[0] ?? []).map((f) =>
      String(f).toLowerCase(),
    );
    return fills[column] ?? '';
  };
}

/**
 * "Số theo tỷ lệ" was "Hạn ngạch" before: a sheet may hold both, one the add-in's and one the officer's
 * own (last congress's figures, a formula). The figures go to the one whose header has the add-in's fill
 * when exactly one has it, else to the first; the other is never written, and a warning says which is which.
 */
export function quotaColumn(
  header: readonly CellValue[],
  fillAt: (column: number) => string,
  found: number | undefined,
): { column: number | undefined; others: number[] } {
  return columnAmong('quota', header, fillAt, found);
}

/**
 * `Hình thức` headed twice (the add-in's, added by setup, and an officer's own added since): the form
 * goes to the one whose header has the add-in's fill when exactly one has it, else to the first, the
 * same way for the allocation and for "Hoàn tác phân bổ".
 */
export function formColumn(
  header: readonly CellValue[],
  fillAt: (column: number) => string,
  found: number | undefined,
): { column: number | undefined; others: number[] } {
  return columnAmong('form', header, fillAt, found);
}

function columnAmong(
  key: string,
  header: readonly CellValue[],
  fillAt: (column: number) => string,
  found: number | undefined,
): { column: number | undefined; others: number[] } {
  const spec = SHEETS.allocation.columns.find((c) => c.key === key);
  const keys = new Set([spec?.header ?? '', ...(spec?.aliases ?? [])].map(headerKey));
  const candidates = header.flatMap((v, i) => (typeof v === 'string' && keys.has(headerKey(v)) ? [i] : []));
  if (candidates.length < 2) return { column: found, others: [] };
  const ours = candidates.filter((c) => fillAt(c) === HEADER_BACKGROUND);
  const column = ours.length === 1 ? (ours[0] as number) : (candidates[0] as number);
  return { column, others: candidates.filter((c) => c !== column) };
}

/** The notes of a header row, read once, on first use. */
export function headerNotes(sheet: Sheet, headerRow: number, width: number): (column: number) => string {
  let notes: string[] | undefined;
  return (column) => {
    notes ??= (sheet.getRange(headerRow, 1, 1, Math.max(1, width)).getNotes()[0] ?? []).map((n) => String(n ?? ''));
    return notes[column] ?? '';
  };
}

/**
 * `Hình thức` is new too, and its words are common: an officer may keep a column of that header of their
 * own, holding how the congress is held ("Trực tiếp") or the very labels the add-in writes, typed by hand
 * to record the province's own decision for a unit ("Hội nghị liên tịch" where the rule says "Đại hội").
 * What the cells hold cannot tell the two apart, so only the add-in's mark on the header does: the fill
 * "Thiết lập bảng tính" gives the headers it adds (HEADER_BACKGROUND), or the note it puts on this one
 * (the column's help), which stays when the officer recolours the header row. Without either the column
 * is the officer's, whatever it holds: never written by the allocation nor by its undo, and a warning
 * names its header. (Setup adds the add-in's column after the officer renames theirs.)
 */
export function formColumnIsOurs(
  fillAt: (column: number) => string,
  noteAt: (column: number) => string,
  column: number,
): boolean {
  if (fillAt(column) === HEADER_BACKGROUND) return true;
  return noteAt(column).trim() === FORM_HELP;
}

const FORM_HELP = SHEETS.allocation.columns.find((c) => c.key === 'form')?.help ?? ELIGIBILITY_LABELS.formColumnHelp;

const FORM_LABELS = new Set<string>([ELIGIBILITY_LABELS.congress, ELIGIBILITY_LABELS.jointConference]);

/** One of the two forms the add-in writes ("Đại hội", "Hội nghị liên tịch"), exactly. */
export function isFormLabel(v: string): boolean {
  return FORM_LABELS.has(v);
}

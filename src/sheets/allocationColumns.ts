/**
 * Which column of `Phân bổ` is the add-in's when the sheet is ambiguous, decided the same way by the
 * allocation and by "Hoàn tác phân bổ".
 */
import { SHEETS } from '../domain/template';
import { headerKey } from '../domain/text';
import { type CellValue, isBlank } from '../domain/values';
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

/**
 * `Hình thức` is new too, and the words are common: an officer may have a column of that header of
 * their own (how the congress is held: "Trực tiếp", "Trực tuyến"). It is the add-in's when its header
 * has the add-in's fill (setup added it), or when the unit rows hold nothing but the two forms the
 * add-in writes, or blanks (nothing there to lose). Anything else is the officer's: never written.
 */
const OUR_FORMS = new Set<string>([ELIGIBILITY_LABELS.congress, ELIGIBILITY_LABELS.jointConference]);

export function formColumnIsOurs(
  fillAt: (column: number) => string,
  column: number,
  cells: readonly CellValue[],
  formulas: readonly string[],
): boolean {
  // The cells first: the header's fill costs a read, needed only when the cells hold something else.
  // A formula is the officer's work even when it gives the very words the add-in writes
  // (=IF(D2>=5000,"Đại hội","Hội nghị liên tịch")).
  if (formulas.every((f) => f === '') && cells.every((v) => isBlank(v) || (typeof v === 'string' && OUR_FORMS.has(v))))
    return true;
  return fillAt(column) === HEADER_BACKGROUND;
}

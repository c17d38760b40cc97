/**
 * The official figures as the `Phân bổ` sheet holds them (what a notice would print): every
 * `Số chính thức` is `Số phân bổ` + `Điều chỉnh`, none is negative, and they add up (with the fixed
 * seats) to the configured official total. Pure: validation calls it, and so can the allocation
 * notice before printing a single figure.
 */
import { CHECK_MESSAGES as M } from '../../ui/vi';
import { type Problem, ProblemList } from '../problem';
import type { AllocationRecord } from '../records';
import { SHEETS } from '../template';
import { isTotalLabel } from '../text';

const ALLOC = SHEETS.allocation.name;

export interface OfficialFiguresInput {
  /** Rows of `Phân bổ` as read (readAllocationTable). */
  rows: readonly AllocationRecord[];
  /** Configured `Tổng số đại biểu chính thức`. */
  officialTotal: number;
  /** Seats taken off the total before the units (ex officio + provincial agencies). */
  fixedSeats: number;
  /** The unit's name for a code (messages name units by name); default: the code alone. */
  nameOf?: (code: string) => string | undefined;
}

/** Problems of the official figures (errors); empty when every figure can be printed as is. */
export function officialFigureProblems(input: OfficialFiguresInput): Problem[] {
  const problems = new ProblemList();
  let sum = 0;
  let counted = 0;
  for (const r of input.rows) {
    const { code, seats, adjustment, final } = r.data;
    if (!code || isTotalLabel(code)) continue; // the officer's own total row, not a unit
    const where = r.cells.final ?? r.cells.seats ?? r.cells.code ?? '';
    const name = input.nameOf?.(code);
    const label = name && name !== code ? `"${name}" (${code})` : `"${code}"`;
    if (seats === null && final === null) continue;
    const expected = (seats ?? 0) + (adjustment ?? 0);
    if (final === null) {
      problems.error(
        'official-figure-missing',
        ALLOC,
        where,
        M.officialMissing(label, seats ?? 0, adjustment ?? 0, expected),
        M.officialMissingHint,
      );
    } else if (final !== expected) {
      problems.error(
        'official-figure-mismatch',
        ALLOC,
        where,
        M.officialMismatch(label, final, seats ?? 0, adjustment ?? 0, expected),
        M.officialMismatchHint,
      );
    }
    const figure = final ?? expected;
    // Negative as typed, or as the next allocation would write it (Số phân bổ + Điều chỉnh).
    const lowest = Math.min(figure, expected);
    if (lowest < 0) {
      problems.error(
        'official-figure-negative',
        ALLOC,
        // The cell that made it negative: a Số chính thức typed negative, else the Điều chỉnh.
        (final !== null && final < 0 && expected >= 0 ? r.cells.final : r.cells.adjustment) ?? where,
        M.officialNegative(label, lowest),
        M.officialNegativeHint,
      );
    }
    sum += figure;
    counted++;
  }
  if (counted > 0 && sum + input.fixedSeats !== input.officialTotal) {
    problems.error(
      'official-total-mismatch',
      ALLOC,
      '',
      M.officialTotalMismatch(ALLOC, sum, input.fixedSeats, input.officialTotal),
      M.officialTotalMismatchHint,
    );
  }
  return problems.items;
}

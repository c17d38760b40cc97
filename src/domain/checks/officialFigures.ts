/**
 * The official figures as the `Phân bổ` sheet holds them (what a notice would print): every
 * `Số chính thức` is `Số phân bổ` + `Điều chỉnh`, none is negative, and they add up (with the fixed
 * seats) to the configured official total. Pure: validation calls it, and so can the allocation
 * notice before printing a single figure.
 */
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
    const label = `"${code}"`;
    if (seats === null && final === null) continue;
    const expected = (seats ?? 0) + (adjustment ?? 0);
    if (final === null) {
      problems.error(
        'official-figure-missing',
        ALLOC,
        where,
        `Số chính thức của ${label} đang trống, trong khi Số phân bổ ${seats ?? 0} + Điều chỉnh ${adjustment ?? 0} = ${expected}.`,
        'Chạy lại "Phân bổ đại biểu" để ghi lại cột Số chính thức.',
      );
    } else if (final !== expected) {
      problems.error(
        'official-figure-mismatch',
        ALLOC,
        where,
        `Số chính thức của ${label} là ${final}, khác Số phân bổ ${seats ?? 0} + Điều chỉnh ${adjustment ?? 0} = ${expected}.`,
        'Không gõ đè cột Số chính thức: sửa cột Điều chỉnh rồi chạy lại "Phân bổ đại biểu".',
      );
    }
    const figure = final ?? expected;
    // Negative as typed, or as the next allocation would write it (Số phân bổ + Điều chỉnh).
    const lowest = Math.min(figure, expected);
    if (lowest < 0) {
      problems.error(
        'official-figure-negative',
        ALLOC,
        r.cells.adjustment ?? where,
        `Số chính thức của ${label} là ${lowest}: số đại biểu không thể âm.`,
        'Sửa cột Điều chỉnh để Số phân bổ + Điều chỉnh không nhỏ hơn 0.',
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
      `Tổng Số chính thức trong trang "${ALLOC}" là ${sum}${input.fixedSeats ? `, cộng ${input.fixedSeats} ghế cố định là ${sum + input.fixedSeats}` : ''}, khác tổng số đại biểu chính thức đã cấu hình (${input.officialTotal}).`,
      'Các số Điều chỉnh phải có tổng bằng 0; không gõ đè cột Số chính thức.',
    );
  }
  return problems.items;
}

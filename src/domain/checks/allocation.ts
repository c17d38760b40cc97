/**
 * Allocation rules: the official total adds up, each unit's final seats stay within its quota
 * bounds (or the reason is given), minimums and maximums hold, no seats for a unit without DTTS
 * population, the total stays under the cap, and the `Phân bổ` sheet is up to date.
 */

import { EXPLANATION } from '../../ui/vi';
import type { AllocationPlan, AllocationRow } from '../allocation';
import { formatVnNumber } from '../numbers';
import type { ProblemList } from '../problem';
import type { AllocationRecord, SettingCells } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { foldKey } from '../text';

const ALLOC = SHEETS.allocation.name;
const CONFIG = SHEETS.config.name;

export interface AllocationCheckInput {
  settings: Settings;
  settingCells: SettingCells;
  plan: AllocationPlan;
  /** Rows of the `Phân bổ` sheet as the user has it (empty when never allocated). */
  sheetRows: readonly AllocationRecord[];
  /** The `Phân bổ` sheet exists. */
  sheetPresent: boolean;
}

/** `Phân bổ` rows by folded code (first row wins), built once per list: lookups stay O(1) at 3,321 units. */
const ROWS_BY_CODE = new WeakMap<readonly AllocationRecord[], Map<string, AllocationRecord>>();

/** Where a unit's row sits in `Phân bổ` (by code), to point problems at its cells. */
export function sheetRowOf(
  input: { sheetRows: readonly AllocationRecord[] },
  code: string,
): AllocationRecord | undefined {
  let index = ROWS_BY_CODE.get(input.sheetRows);
  if (!index) {
    index = new Map();
    for (const r of input.sheetRows) {
      const key = r.data.code === null ? '' : foldKey(r.data.code);
      if (key && !index.has(key)) index.set(key, r);
    }
    ROWS_BY_CODE.set(input.sheetRows, index);
  }
  return index.get(foldKey(code));
}

function cellOf(input: AllocationCheckInput, row: AllocationRow, field: 'final' | 'seats' | 'code'): string {
  const at = sheetRowOf(input, row.code);
  return at?.cells[field] ?? at?.cells.code ?? row.unit.cells.dttsPopulation ?? '';
}

function sheetFor(input: AllocationCheckInput, row: AllocationRow): string {
  return sheetRowOf(input, row.code) ? ALLOC : SHEETS.units.name;
}

export function checkAllocationUpToDate(input: AllocationCheckInput, problems: ProblemList): void {
  if (!input.plan.ok) return;
  if (input.sheetRows.length === 0) {
    problems.warning(
      'allocation-not-run',
      ALLOC,
      '',
      'Chưa phân bổ đại biểu cho các đơn vị.',
      'Chạy "Phân bổ đại biểu" trên menu hoặc bảng điều khiển.',
    );
    return;
  }
  const rerun = 'Chạy lại "Phân bổ đại biểu".';
  for (const row of input.plan.rows) {
    const at = sheetRowOf(input, row.code);
    if (!at) {
      problems.warning(
        'allocation-stale',
        SHEETS.units.name,
        row.unit.cells.code ?? '',
        `Đơn vị "${row.name}" chưa có trong trang "${ALLOC}".`,
        rerun,
      );
    } else if (at.data.seats !== row.seats) {
      problems.warning(
        'allocation-stale',
        ALLOC,
        at.cells.seats ?? at.cells.code ?? '',
        `Số phân bổ của "${row.name}" (${at.data.seats === null ? 'trống' : formatVnNumber(at.data.seats)}) khác kết quả tính lại (${formatVnNumber(row.seats)}): số liệu đã thay đổi.`,
        rerun,
      );
    }
  }
  const known = new Set(input.plan.rows.map((r) => foldKey(r.code)));
  for (const r of input.sheetRows) {
    if (r.data.code && !known.has(foldKey(r.data.code))) {
      problems.warning(
        'allocation-orphan',
        ALLOC,
        r.cells.code ?? '',
        `Mã "${r.data.code}" trong trang "${ALLOC}" không còn trong trang "${SHEETS.units.name}".`,
        'Xóa dòng này hoặc chạy lại "Phân bổ đại biểu".',
      );
    }
  }
}

export function checkOfficialTotal(input: AllocationCheckInput, problems: ProblemList): void {
  const { plan, settings } = input;
  if (!plan.ok) return;
  const units = plan.rows.reduce((s, r) => s + r.final, 0);
  const fixed = plan.fixedSeats.reduce((s, f) => s + f.seats, 0);
  const cell = input.settingCells.officialTotal ?? '';
  if (units + fixed !== settings.officialTotal) {
    problems.error(
      'allocation-total-mismatch',
      CONFIG,
      cell,
      `Tổng số chính thức của các đơn vị là ${formatVnNumber(units)}${
        fixed
          ? `, cộng ${formatVnNumber(fixed)} đại biểu đương nhiên và đại biểu cơ quan cấp tỉnh là ${formatVnNumber(units + fixed)}`
          : ''
      }, khác tổng số đại biểu chính thức (${formatVnNumber(settings.officialTotal)}).`,
      'Các số Điều chỉnh trong trang Phân bổ phải có tổng bằng 0.',
    );
  }
  if (settings.officialTotal > settings.officialCap) {
    problems.error(
      'allocation-above-cap',
      CONFIG,
      cell,
      `Tổng số đại biểu chính thức (${formatVnNumber(settings.officialTotal)}) vượt mức tối đa ${formatVnNumber(settings.officialCap)}.`,
      'Giảm tổng số đại biểu hoặc kiểm tra lại thông số "Số đại biểu chính thức tối đa".',
    );
  }
}

export function checkUnitBounds(input: AllocationCheckInput, problems: ProblemList): void {
  if (!input.plan.ok) return;
  for (const row of input.plan.rows) {
    const sheet = sheetFor(input, row);
    const cell = cellOf(input, row, 'final');
    if (row.final < row.min) {
      problems.error(
        'allocation-below-min',
        sheet,
        cell,
        `"${row.name}" có ${formatVnNumber(row.final)} đại biểu chính thức, ít hơn mức tối thiểu ${formatVnNumber(row.min)}.`,
        'Sửa cột Điều chỉnh hoặc mức tối thiểu.',
      );
    }
    if (row.max !== null && row.final > row.max) {
      problems.error(
        'allocation-above-max',
        sheet,
        cell,
        `"${row.name}" có ${formatVnNumber(row.final)} đại biểu chính thức, vượt mức tối đa ${formatVnNumber(row.max)}.`,
        'Sửa cột Điều chỉnh hoặc mức tối đa.',
      );
    }
    if (row.dttsPopulation === 0 && row.final > 0) {
      problems.warning(
        'allocation-zero-population',
        sheet,
        cell,
        `"${row.name}" không có dân số DTTS nhưng được ${formatVnNumber(row.final)} đại biểu.`,
        'Kiểm tra dân số DTTS hoặc mức tối thiểu của đơn vị.',
      );
    }
    const low = Math.floor(row.quota);
    const high = Math.ceil(row.quota);
    if (row.final < low || row.final > high) {
      const reasons: string[] = [];
      if (row.adjustment !== 0) reasons.push(`điều chỉnh thủ công ${row.adjustment > 0 ? '+' : ''}${row.adjustment}`);
      if (row.seats === row.min && row.min > high) reasons.push(`mức tối thiểu ${row.min}`);
      if (row.max !== null && row.seats === row.max && row.max < low) reasons.push(`mức tối đa ${row.max}`);
      if (reasons.length === 0) reasons.push('phương pháp phân bổ đã chọn');
      problems.warning(
        'allocation-outside-quota',
        sheet,
        cell,
        `"${row.name}" có ${formatVnNumber(row.final)} đại biểu, ngoài khoảng ${formatVnNumber(low)}–${formatVnNumber(high)} của số theo tỷ lệ (${formatVnNumber(row.quota, 2)}), do ${reasons.join(', ')}.`,
        'Bảo đảm có căn cứ cho sự chênh lệch này.',
      );
    }
  }
}

/**
 * Every seat decided by a tie is a warning on the Số phân bổ of the unit that got it, naming the units it tied
 * with: the tie rule decided it, not the population, and the officers may want to record why.
 */
export function checkTies(input: AllocationCheckInput, problems: ProblemList): void {
  const explained = input.plan.ok ? input.plan.explained : undefined;
  if (!explained || explained.tied.length === 0) return;
  const rowOf = new Map(input.plan.rows.map((r) => [r.code, r]));
  const nameOf = (id: string) => rowOf.get(id)?.name ?? id;
  // The units that tied and did not get the seat (the same for every winner): named once.
  const winners = new Set(explained.tieWinners);
  const others = explained.tied.filter((t) => !winners.has(t)).map(nameOf);
  for (const id of explained.tieWinners) {
    const row = rowOf.get(id);
    if (!row) continue;
    problems.warning(
      'allocation-tie',
      sheetFor(input, row),
      cellOf(input, row, 'seats'),
      EXPLANATION.tieWarning(row.name, others),
      EXPLANATION.tieWarningHint,
    );
  }
}

export function checkAllocation(input: AllocationCheckInput, problems: ProblemList): void {
  checkAllocationUpToDate(input, problems);
  checkOfficialTotal(input, problems);
  checkUnitBounds(input, problems);
  checkTies(input, problems);
}

/**
 * The delegate allocation: fixed seats (ex officio, provincial agencies) come off the official
 * total, the rest is apportioned among the sub-units by DTTS population, then the user's manual
 * adjustment (`Điều chỉnh`) gives each unit's final official seats.
 */

import type { AllocationRowDto, EligibilityDto } from '../rpc/contract';
import { EXPLANATION } from '../ui/vi';
import {
  ApportionError,
  type Apportionment,
  type ApportionUnit,
  apportion,
  type Explanation,
  explainApportionment,
  METHOD_NAMES,
} from './apportion';
import { decideEligibility, eligibilityDto, formLabel } from './eligibility';
import type { ProblemList } from './problem';
import {
  type AllocationRecord,
  type DelegateRecord,
  NUMERIC_CODE_SUGGESTION,
  numericCodeKey,
  numericCodeWarning,
  type SettingCells,
  type UnitRecord,
} from './records';
import type { Settings } from './settings';
import { SHEETS } from './template';
import { foldKey } from './text';

/** One unit's row: what `Phân bổ` and the sidebar show, plus the unit and the bounds applied. */
export interface AllocationRow extends AllocationRowDto {
  unit: UnitRecord;
  /** The unit's minimum and maximum as applied (explicit or from the settings). */
  min: number;
  max: number | null;
  /** Why the unit got its seats (Vietnamese; shown in the sidebar and the `Cách tính` column). */
  reason: string;
  /** "Đại hội" or "Hội nghị liên tịch" (the `Hình thức` column). */
  form: string;
}

export interface AllocationPlan {
  ok: boolean;
  houseSize: number;
  fixedSeats: { label: string; seats: number }[];
  rows: AllocationRow[];
  result: Apportionment | null;
  explanation: string[];
  /** The explanation per unit (ties, bounds), when the allocation succeeded. */
  explained?: Explanation;
  /** Each unit's form and the province's level, when the allocation succeeded. */
  eligibility?: EligibilityDto;
}

/** Seats taken off the official total before the sub-units are apportioned. */
export function fixedSeatsOf(settings: Settings): { label: string; seats: number }[] {
  return [
    { label: 'Đại biểu đương nhiên', seats: settings.exOfficioSeats },
    { label: 'Đại biểu cơ quan cấp tỉnh', seats: settings.provincialAgencySeats },
  ];
}

/** Official delegates registered per unit code (folded), from the `Đại biểu` sheet. */
export function countOfficialByUnit(delegates: readonly DelegateRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of delegates) {
    if (d.data.kind !== 'official' || !d.unitRecord?.data.code) continue;
    const key = foldKey(d.unitRecord.data.code);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Where a unit's row is among the rows of `Phân bổ`, and whether its code only matched as a number. */
export interface RowMatch {
  index: number;
  numeric: boolean;
}

/**
 * Matches the code cells of `Phân bổ` rows to unit codes. Codes are matched as text (foldKey); a
 * row's digit code that Sheets turned into a number (6100 for "06100") matches its unit only when no
 * row holds the code as text, and is reported by the caller. The first row of a code wins; the others
 * are `duplicates` (row indices).
 */
export function matchUnitRows(
  unitCodes: readonly string[],
  rowCodes: readonly (string | null)[],
): { matches: Map<string, RowMatch>; duplicates: number[] } {
  const unitByKey = new Map(unitCodes.map((c) => [foldKey(c), c]));
  const unitByNumber = new Map<string, string | null>();
  for (const c of unitCodes) {
    const n = numericCodeKey(c);
    if (n !== null) unitByNumber.set(n, unitByNumber.has(n) ? null : c);
  }
  const matches = new Map<string, RowMatch>();
  const duplicates: number[] = [];
  const pending: number[] = [];
  rowCodes.forEach((raw, index) => {
    if (!raw) return;
    const unit = unitByKey.get(foldKey(raw));
    if (unit === undefined) pending.push(index);
    else if (matches.has(unit)) duplicates.push(index);
    else matches.set(unit, { index, numeric: false });
  });
  for (const index of pending) {
    const n = numericCodeKey(rowCodes[index] as string);
    const unit = n === null ? undefined : unitByNumber.get(n);
    if (!unit) continue;
    if (matches.has(unit)) duplicates.push(index);
    else matches.set(unit, { index, numeric: true });
  }
  return { matches, duplicates: duplicates.sort((a, b) => a - b) };
}

/** The headers of `Đơn vị` an officer fills for the allocation. */
function unitHeaders(): string[] {
  const wanted = ['code', 'name', 'dttsPopulation'];
  return SHEETS.units.columns.filter((c) => wanted.includes(c.key)).map((c) => c.header);
}

function minFor(unit: UnitRecord, settings: Settings): number {
  if (unit.data.min !== null) return unit.data.min;
  return (unit.data.dttsPopulation ?? 0) > 0 ? settings.minSeatsPerUnit : 0;
}

/** The units as the apportionment sees them (code, name, population, min/max): one place for the allocation and the comparison of methods. */
export function apportionInputOf(usable: readonly UnitRecord[], settings: Settings): ApportionUnit[] {
  return usable.map((u) => ({
    id: u.data.code as string,
    name: u.data.name || (u.data.code as string),
    population: u.data.dttsPopulation as number,
    min: minFor(u, settings),
    ...(u.data.max !== null ? { max: u.data.max } : {}),
  }));
}

/**
 * Computes the allocation. Infeasible input adds an error and returns ok=false with no rows,
 * so nothing is written.
 */
export function planAllocation(
  settings: Settings,
  settingCells: SettingCells,
  units: readonly UnitRecord[],
  previous: readonly AllocationRecord[],
  delegates: readonly DelegateRecord[],
  problems: ProblemList,
): AllocationPlan {
  const fixedSeats = fixedSeatsOf(settings);
  const fixed = fixedSeats.reduce((s, f) => s + f.seats, 0);
  const houseSize = settings.officialTotal - fixed;
  const fail = (
    message: string,
    cell = settingCells.officialTotal ?? '',
    sheet: string = SHEETS.config.name,
    hint = 'Sửa số liệu rồi chạy lại "Phân bổ đại biểu".',
  ) => {
    problems.error('allocation-infeasible', sheet, cell, message, hint);
    return { ok: false, houseSize, fixedSeats, rows: [], result: null, explanation: [] };
  };
  if (houseSize < 0) {
    return fail(
      `Số đại biểu đương nhiên và đại biểu cơ quan cấp tỉnh (${EXPLANATION.vn(fixed)}) lớn hơn tổng số đại biểu chính thức (${EXPLANATION.vn(settings.officialTotal)}): không còn đại biểu để phân bổ cho các đơn vị.`,
      undefined,
      undefined,
      EXPLANATION.settingsHint(SHEETS.config.name, [
        'Tổng số đại biểu chính thức',
        'Số đại biểu đương nhiên',
        'Số đại biểu cơ quan cấp tỉnh',
      ]),
    );
  }
  const usable = units.filter((u) => u.data.code);
  if (usable.length === 0) {
    return fail(
      `Trang "${SHEETS.units.name}" chưa có đơn vị nào.`,
      '',
      SHEETS.units.name,
      EXPLANATION.noUnitsHint(SHEETS.units.name, unitHeaders()),
    );
  }
  const unreadable = usable.find((u) => u.data.dttsPopulation === null || u.invalid.size > 0);
  if (unreadable) {
    return fail(
      `Chưa thể phân bổ: dòng ${unreadable.row}${unreadable.data.name ? ` (${unreadable.data.name})` : ''} của trang "${SHEETS.units.name}" có số liệu thiếu hoặc không hợp lệ.`,
      unreadable.cells.dttsPopulation ?? '',
      SHEETS.units.name,
      EXPLANATION.unitRowHint(SHEETS.units.name, unreadable.row, unreadable.cells.dttsPopulation ?? ''),
    );
  }
  const input = apportionInputOf(usable, settings);
  let result: Apportionment;
  try {
    result = apportion(input, houseSize, settings.method);
  } catch (e) {
    if (e instanceof ApportionError)
      return fail(
        e.message,
        undefined,
        undefined,
        EXPLANATION.boundsHint(SHEETS.config.name, SHEETS.units.name, [
          'Tổng số đại biểu chính thức',
          'Số đại biểu tối thiểu mỗi đơn vị',
        ]),
      );
    throw e;
  }
  const { matches } = matchUnitRows(
    usable.map((u) => u.data.code as string),
    previous.map((p) => p.data.code),
  );
  const adjustments = new Map(
    [...matches].map(([code, m]) => [foldKey(code), (previous[m.index] as AllocationRecord).data.adjustment ?? 0]),
  );
  for (const [code, m] of matches) {
    if (!m.numeric) continue;
    const record = previous[m.index] as AllocationRecord;
    const cell = record.cells.code ?? '';
    const sheet = SHEETS.allocation.name;
    problems.warning(
      'unit-code-number',
      sheet,
      cell,
      numericCodeWarning(record.data.code ?? '', code, sheet, cell),
      NUMERIC_CODE_SUGGESTION,
    );
  }
  const registered = countOfficialByUnit(delegates);
  const explained = explainApportionment(
    input,
    houseSize,
    settings.method,
    result,
    Object.fromEntries(usable.map((u) => [u.data.code as string, u.data.name || (u.data.code as string)])),
  );
  const reasons = new Map(explained.units.map((e) => [e.id, e.reasonVi]));
  const eligibilityUnits = usable.map((u) => ({
    code: u.data.code as string,
    name: u.data.name || (u.data.code as string),
    dttsPopulation: u.data.dttsPopulation,
  }));
  const forms = decideEligibility(eligibilityUnits, settings.congressThreshold, settings.level).forms;
  const rows = usable.map((u): AllocationRow => {
    const code = u.data.code as string;
    const key = foldKey(code);
    const seats = result.seats[code] ?? 0;
    const adjustment = adjustments.get(key) ?? 0;
    const final = seats + adjustment;
    const count = registered.get(key) ?? 0;
    return {
      unit: u,
      code,
      name: u.data.name ?? code,
      dttsPopulation: u.data.dttsPopulation as number,
      quota: result.quota[code] ?? 0,
      seats,
      adjustment,
      final,
      registered: count,
      difference: count - final,
      min: minFor(u, settings),
      max: u.data.max,
      reason: (reasons.get(code) ?? '') + (adjustment !== 0 ? EXPLANATION.adjusted(adjustment, final) : ''),
      form: formLabel(forms.get(code) ?? null),
    };
  });
  const explanation = [
    EXPLANATION.fixedSeats(settings.officialTotal, fixedSeats, houseSize, rows.length),
    ...explained.summaryVi,
  ];
  const eligibility = eligibilityDto(eligibilityUnits, settings.congressThreshold, settings.level);
  return { ok: true, houseSize, fixedSeats, rows, result, explanation, explained, eligibility };
}

export function methodLabel(settings: Settings): string {
  return METHOD_NAMES[settings.method].vi;
}

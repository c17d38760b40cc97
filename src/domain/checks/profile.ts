/**
 * Profile of the delegates (issue 15): the fields the ministry asks of every list (date of birth,
 * qualifications, political training, Party and Youth Union membership, commendations, phone).
 *
 * - Completeness: the `Đại biểu` columns named by `Thông tin bắt buộc của đại biểu` must be filled
 *   for every delegate: a warning at each blank cell ("Thiếu trình độ chuyên môn."), and one summary
 *   per unit and field ("Xã Ea Tân: 4 đại biểu thiếu trình độ chuyên môn.") at the unit's name in
 *   `Đơn vị`. Bounded: a required column blank for every delegate is one warning at its header, a
 *   required column the sheet lacks is one warning at the setting.
 * - Values, whether required or not: a phone with letters or a wrong number of digits, or turned
 *   into a number (its leading zero lost); a date of birth that is no date, lies in the future or
 *   disagrees with `Năm sinh`; a membership cell that says neither yes nor no.
 * Pure: reads the grid already read by validation, writes nothing.
 */

import { CHECK_MESSAGES as M } from '../../ui/vi';
import { type IsoDate, parseVnDate, type ZoneOffset } from '../dates';
import { a1, ProblemList } from '../problem';
import type { DelegateRecord, Grid, SettingCells } from '../records';
import type { Settings } from '../settings';
import { locateTable } from '../table';
import { type ColumnSpec, PROFILE_COLUMNS, SHEETS } from '../template';
import { afterColon, foldKey } from '../text';
import { type CellValue, cellText, isBlank, isDate, isErrorValue } from '../values';

const DELEGATES = SHEETS.delegates.name;

// ---------------------------------------------------------------------------------------------
// Đảng viên / Đoàn viên: a yes/no-like cell.

/** Cells meaning "yes" in either column (a date of admission counts too). */
const YES = new Set(['x', 'có', 'co', 'c', '1', '✓', '✔', '☑', 'v', 'yes', 'true', 'rồi', 'đã'].map(foldKey));
/** Cells meaning "no" (blank too). */
const NO = new Set(
  ['không', 'khong', 'ko', 'k', '0', 'no', 'false', 'chưa', 'chưa phải', 'không phải', '-', '–'].map(foldKey),
);
/** What each column's own "no" words are ("Quần chúng": not a Party member, on every personnel form). */
const OWN_NO: Record<'partyMember' | 'youthMember', Set<string>> = {
  partyMember: new Set(['quần chúng', 'qc', 'chưa vào đảng', 'không là đảng viên'].map(foldKey)),
  youthMember: new Set(
    ['hết tuổi đoàn', 'quá tuổi đoàn', 'ngoài tuổi đoàn', 'đã trưởng thành đoàn', 'trưởng thành đoàn'].map(foldKey),
  ),
};
/** What each column's own word accepts ("Đảng viên", "Đảng viên dự bị" in `Đảng viên`). */
const OWN_WORDS: Record<'partyMember' | 'youthMember', Set<string>> = {
  partyMember: new Set(
    [
      'đảng viên',
      'là đảng viên',
      'đang là đảng viên',
      'đv',
      'đảng viên chính thức',
      'đảng viên dự bị',
      'đảng viên (chính thức)',
      'đảng viên (dự bị)',
      'đv chính thức',
      'đv dự bị',
      'đvct',
      'đvdb',
      'chính thức',
      'dự bị',
      'đcsvn',
    ].map(foldKey),
  ),
  youthMember: new Set(['đoàn viên', 'là đoàn viên', 'đvtn', 'đoàn viên tncs', 'đoàn tncs'].map(foldKey)),
};

/**
 * A membership cell: true (x, có, 1, ✓, the column's own word, a date or year of admission), false
 * (blank, không, 0, chưa, -), null when the text says neither.
 */
export function parseMembership(v: CellValue | undefined, key: 'partyMember' | 'youthMember'): boolean | null {
  if (v === undefined || isBlank(v) || v === false) return false;
  if (v === true) return true;
  if (isDate(v)) return true;
  if (typeof v === 'number')
    return v === 1 || (Number.isInteger(v) && v >= 1930 && v <= 2100) ? true : v === 0 ? false : null;
  const t = foldKey(cellText(v)).replace(/[.!]+$/, '');
  if (t === '') return false;
  if (YES.has(t) || OWN_WORDS[key].has(t)) return true;
  if (NO.has(t) || OWN_NO[key].has(t)) return false;
  // "12/05/2010", "05/2010", "2010", "có (2010)", "x - 2010": a date or year of admission.
  if (/^(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(t) || /^\d{1,2}[/.-]\d{4}$/.test(t)) return true;
  if (/^(?:năm\s+)?(19[3-9]\d|20\d\d)$/.test(t)) return true;
  if (/^(?:có|x|✓|đã|là)(?:\s|[(,:-])/u.test(t)) return true;
  // "Vào Đảng 12/5/2010", "Kết nạp 2010", "Ngày vào Đoàn: 26/3/2005": a date of admission.
  if (/^(?:ngày\s+)?(?:vào\s+(?:đảng|đoàn)|kết\s+nạp)\b.*\d{4}/u.test(t)) return true;
  if (/^(?:không|chưa)(?:\s|[(,:-])/u.test(t)) return false;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phone

/** A phone cell's problem: letters, or a number of digits no phone number has; null when fine. */
export function phoneProblem(v: CellValue): { message: string; hint: string } | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    // 0912345678 typed into a cell that is not plain text becomes 912345678.
    const shown = String(v);
    // +84 912 345 678 becomes 84912345678: its "+" is what was lost.
    if (/^84\d{9,10}$/.test(shown)) return { message: M.phoneAsNumberPlus(shown), hint: M.phoneAsNumberHint };
    return { message: M.phoneAsNumber(shown), hint: M.phoneAsNumberHint };
  }
  const typed = cellText(v);
  // Labels written beside the number ("ĐT: 0912 345 678", "0203 3856 123 (CQ)") are not letters of it.
  const bare = typed.replace(/(?:số\s+)?(?:sđt|đtdđ|điện thoại|đt|dđ|nr|cq|di động|nhà riêng|cơ quan)\s*[:.]?/giu, '');
  if (/\p{L}/u.test(bare)) return { message: M.phoneLetters(typed), hint: M.phoneHint };
  const bareNumber = (s: string) => s.replace(/[^\d+]/g, '');
  const digitCount = (s: string) => s.replace(/\D/g, '').length;
  const numbers = typed
    .split(/[;/,\n]|\s-\s|\s–\s/)
    // "0912345678-0987654321": two numbers joined by a dash without spaces.
    .flatMap((part) => {
      if (digitCount(part) <= 12 || !/[-–]/.test(part)) return [part];
      const pieces = part.split(/[-–]/);
      return pieces.every((p) => digitCount(p) >= 9 && digitCount(p) <= 12) ? pieces : [part];
    })
    .map(bareNumber)
    .filter((s) => s !== '');
  const wrong =
    numbers.length === 0 ||
    numbers.some((s) => {
      const digits = s.replace(/\D/g, '').length;
      return digits < 9 || digits > 12;
    });
  if (wrong) return { message: M.phoneDigits(typed), hint: M.phoneHint };
  // "912345678": a number of the country without its 0 (a paste from a sheet that made it a number).
  if (numbers.some((s) => /^[1-9]\d{8,9}$/.test(s) && !s.startsWith('84')))
    return { message: M.phoneNoZero(typed), hint: M.phoneHint };
  return null;
}

// ---------------------------------------------------------------------------------------------
// One cell

/** Keys of the profile columns whose values are checked (not only their presence). */
export const PROFILE_VALUE_KEYS = ['phone', 'birthDate', 'partyMember', 'youthMember'] as const;
export type ProfileValueKey = (typeof PROFILE_VALUE_KEYS)[number];

/**
 * "Không", "Không có", "Không rõ": what the officer is told to write in a required column a delegate
 * has nothing for (the setting's note), so no phone or date is expected there.
 */
const STATED_NONE = new Set(
  ['không', 'không có', 'không rõ', 'chưa có', 'chưa rõ', 'ko', 'k', 'ko có', 'không nhớ', '-', '–'].map(foldKey),
);

/** The cell says the delegate has none ("Không", "Không rõ"): no phone or date is expected in it. */
export function isStatedNone(v: unknown): boolean {
  return typeof v === 'string' && STATED_NONE.has(foldKey(v).replace(/[.!]+$/, ''));
}

export interface ProfileCellContext {
  /** The delegate's `Năm sinh` (null: none). */
  birthYear: number | null;
  /** Today in the spreadsheet's zone; null: no check of dates in the future. */
  today: IsoDate | null;
  zone: ZoneOffset;
}

/**
 * The warning validation gives one cell of a checked profile column; null when fine. The same
 * function answers the validation of `Đại biểu` and the preview of a unit's list (importSubmission).
 */
export function profileValueProblem(
  key: ProfileValueKey,
  v: CellValue | undefined,
  ctx: ProfileCellContext,
): { message: string; hint: string } | null {
  if (v === undefined || isBlank(v)) return null;
  if (key === 'partyMember' || key === 'youthMember') return membershipOf(key, v, ctx);
  if (isStatedNone(v)) return null;
  if (key === 'phone') return phoneProblem(v);
  if (key === 'birthDate') {
    const parsed = parseVnDate(v, ctx.zone);
    if (!parsed.ok)
      return {
        message: M.birthDateInvalid(cellText(v, ctx.zone), afterColon(parsed.error.replace(/\.$/, ''))),
        hint: M.birthDateHint,
      };
    const day = parsed.value;
    if (!day) return null;
    if (ctx.today !== null && day > ctx.today)
      return { message: M.birthDateFuture(ddmmyyyy(day)), hint: M.birthDateHint };
    if (ctx.birthYear !== null && Number(day.slice(0, 4)) !== ctx.birthYear)
      return { message: M.birthDateYearMismatch(ddmmyyyy(day), ctx.birthYear), hint: M.birthDateHint };
    return null;
  }
  return null;
}

function membershipOf(
  key: 'partyMember' | 'youthMember',
  v: CellValue,
  ctx: ProfileCellContext,
): { message: string; hint: string } | null {
  if (parseMembership(v, key) !== null) return null;
  const header = SHEETS.delegates.columns.find((c) => c.key === key)?.header ?? key;
  return { message: M.membershipUnknown(header, cellText(v, ctx.zone)), hint: M.membershipHint(header) };
}

// ---------------------------------------------------------------------------------------------
// The check

/**
 * Keys of the `Đại biểu` columns every delegate must have: the template's required ones, then those
 * named by `Thông tin bắt buộc của đại biểu` (what an intake form marks as required).
 */
export function requiredDelegateKeys(settings: Pick<Settings, 'requiredProfileFields'>): string[] {
  const keys = SHEETS.delegates.columns.filter((c) => c.required).map((c) => c.key);
  for (const k of settings.requiredProfileFields) if (!keys.includes(k)) keys.push(k);
  return keys;
}

export interface ProfileInput {
  settings: Settings;
  settingCells: SettingCells;
  delegates: readonly DelegateRecord[];
  /** The `Đại biểu` grid as read by validation (null: no sheet). */
  grid: Grid;
  /** Today in the spreadsheet's zone (yyyy-mm-dd). */
  today: IsoDate;
  zone: ZoneOffset;
}

const ddmmyyyy = (iso: IsoDate) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The noun a missing field is named by ("trình độ chuyên môn"), by column key. */
function nounOf(key: string): string {
  const noun = M.profileNouns[key];
  if (noun) return noun;
  const header = SHEETS.delegates.columns.find((c) => c.key === key)?.header ?? key;
  // "STT", "SĐT": an abbreviation keeps its capitals ("Thiếu STT.", never "Thiếu sTT.").
  return /^\p{Lu}{2}/u.test(header) ? header : header.charAt(0).toLowerCase() + header.slice(1);
}

/** The unit a delegate's summary is counted under: its name, and where the summary is shown. */
function unitOf(d: DelegateRecord): { key: string; name: string; sheet: string; cell: string } {
  if (d.unitRecord) {
    const u = d.unitRecord;
    return {
      key: `u:${u.row}`,
      name: u.data.name ?? u.data.code ?? '',
      sheet: SHEETS.units.name,
      cell: u.cells.name ?? u.cells.code ?? '',
    };
  }
  if (d.provincial) return { key: 'p', name: 'Cấp tỉnh', sheet: DELEGATES, cell: '' };
  const typed = d.data.unit ?? '';
  return { key: `x:${foldKey(typed)}`, name: typed ? `"${typed}"` : 'Chưa ghi đơn vị', sheet: DELEGATES, cell: '' };
}

/**
 * Per-cell and per-unit profile warnings in all, beyond which a column gets one counted warning at
 * its header: each warning is a row of `Kiểm tra`, a mark and a row of the marks' record (about 16
 * cells written), and validateAll's budget at 3,321 units × 50,000 delegates is 100,000 cells
 * (issue 11; test/e2e/attack4-profile-budget.test.ts).
 */
export const PROFILE_WARNING_LIMIT = 1000;

class WarningBudget {
  constructor(private left: number) {}
  /** Takes n warnings if all fit. */
  take(n: number): boolean {
    if (n > this.left) return false;
    this.left -= n;
    return true;
  }
}

const RULE_OF: Record<ProfileValueKey, string> = {
  phone: 'profile-phone',
  birthDate: 'profile-birth-date',
  partyMember: 'profile-membership',
  youthMember: 'profile-membership',
};

export function checkProfiles(input: ProfileInput, problems: ProblemList): void {
  const { grid, delegates } = input;
  if (grid === null) return;
  const table = locateTable(SHEETS.delegates, grid, new ProblemList());
  const columns = table.columns;
  const raw = (d: DelegateRecord, col: number): CellValue | undefined => grid[d.row - 1]?.[col];

  const budget = new WarningBudget(PROFILE_WARNING_LIMIT);
  // Completeness.
  const alwaysRequired = new Set(SHEETS.delegates.columns.filter((c) => c.required).map((c) => c.key));
  for (const key of input.settings.requiredProfileFields) {
    if (alwaysRequired.has(key)) continue; // already an error when blank (readRecords)
    const column = SHEETS.delegates.columns.find((c) => c.key === key);
    if (!column) continue;
    const col = columns[key];
    if (col === undefined) {
      problems.warning(
        'profile-column-absent',
        SHEETS.config.name,
        input.settingCells.requiredProfileFields ?? '',
        M.profileColumnAbsent(column.header, DELEGATES),
        M.profileColumnAbsentHint(column.header),
      );
      continue;
    }
    // A cell read as invalid (an error already) is not "missing".
    const missing = delegates.filter((d) => isBlank(raw(d, col)) && !d.invalid.has(key));
    if (missing.length === 0) continue;
    if (missing.length === delegates.length) {
      problems.warning(
        'profile-column-empty',
        DELEGATES,
        a1(table.headerRow, col + 1),
        M.profileColumnEmpty(column.header, missing.length),
        M.profileColumnEmptyHint,
      );
      continue;
    }
    const noun = nounOf(key);
    const letter = a1(1, col + 1).slice(0, -1);
    const byUnit = new Map<string, { unit: ReturnType<typeof unitOf>; count: number }>();
    for (const d of missing) {
      const unit = unitOf(d);
      const entry = byUnit.get(unit.key) ?? { unit, count: 0 };
      entry.count++;
      byUnit.set(unit.key, entry);
    }
    // Every blank cell and every unit when the budget holds them; else one counted warning at the
    // header (and the units, if they fit): 49,999 blank cells are 49,999 marks and rows of `Kiểm tra`.
    const detailed = budget.take(missing.length + byUnit.size);
    if (detailed)
      for (const d of missing)
        problems.warning(
          'profile-missing',
          DELEGATES,
          `${letter}${d.row}`,
          M.profileMissing(noun),
          M.profileMissingHint(column.header),
        );
    else
      problems.warning(
        'profile-column-incomplete',
        DELEGATES,
        a1(table.headerRow, col + 1),
        M.profileColumnIncomplete(column.header, missing.length, delegates.length, byUnit.size),
        M.profileColumnIncompleteHint(column.header),
      );
    if (detailed || budget.take(byUnit.size))
      for (const { unit, count } of byUnit.values())
        problems.warning(
          'profile-missing-unit',
          unit.sheet,
          unit.cell,
          M.profileMissingUnit(unit.name, count, noun),
          detailed ? M.profileMissingUnitHint(DELEGATES) : M.profileMissingUnitUnmarkedHint,
        );
  }

  // Values.
  const letterOf = (col: number) => a1(1, col + 1).slice(0, -1);
  // A formula's error (#REF! …) in a profile column: said once at its cell, no other check there.
  const profile = PROFILE_COLUMNS.map((c) => ({ column: c, col: columns[c.key] })).filter(
    (p): p is { column: ColumnSpec; col: number } => p.col !== undefined,
  );
  const failed = new Set<string>();
  // Within the budget a warning at each cell; beyond it, one counted warning at the column's header.
  const overflow = new Map<number, number>();
  const valueWarning = (col: number, rule: string, cell: string, message: string, hint: string) => {
    if (budget.take(1)) problems.warning(rule, DELEGATES, cell, message, hint);
    else overflow.set(col, (overflow.get(col) ?? 0) + 1);
  };
  for (const d of delegates)
    for (const p of profile) {
      const error = isErrorValue(raw(d, p.col));
      if (!error) continue;
      const cell = `${letterOf(p.col)}${d.row}`;
      failed.add(cell);
      valueWarning(
        p.col,
        'profile-error-value',
        cell,
        M.profileErrorValue(cell, p.column.header, error),
        M.profileErrorValueHint,
      );
    }
  // Each column's letter once; a cell's reference is made only when it is needed.
  const checked = PROFILE_VALUE_KEYS.map((key) => ({ key, col: columns[key] }))
    .filter((c): c is { key: ProfileValueKey; col: number } => c.col !== undefined)
    .map((c) => ({ ...c, letter: letterOf(c.col) }));
  for (const d of delegates) {
    const ctx = { birthYear: d.data.birthYear, today: input.today, zone: input.zone };
    for (const c of checked) {
      if (failed.size > 0 && failed.has(`${c.letter}${d.row}`)) continue;
      const p = profileValueProblem(c.key, raw(d, c.col), ctx);
      if (p) valueWarning(c.col, RULE_OF[c.key], `${c.letter}${d.row}`, p.message, p.hint);
    }
  }
  for (const [col, count] of overflow) {
    const header = profile.find((p) => p.col === col)?.column.header ?? '';
    problems.warning(
      'profile-values-more',
      DELEGATES,
      a1(table.headerRow, col + 1),
      M.profileValuesMore(header, count),
      M.profileValuesMoreHint(header),
    );
  }
}

/**
 * Structure of the delegate list: every DTTS group living in the province has a delegate; the
 * optional share rules from `Cấu hình` (women, youth, prestigious persons, Kinh), province-wide
 * and per unit; possible duplicates; impossible birth years and ages outside the configured bounds.
 */

import { CHECK_MESSAGES as M } from '../../ui/vi';
import { groupByCode } from '../ethnic';
import { formatPercent } from '../numbers';
import type { ProblemList } from '../problem';
import type { DelegateRecord, SettingCells, UnitEthnicRecord } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { foldKey, personNameKey } from '../text';

const DELEGATES = SHEETS.delegates.name;

export interface StructureInput {
  settings: Settings;
  settingCells: SettingCells;
  delegates: readonly DelegateRecord[];
  unitEthnic: readonly UnitEthnicRecord[];
  /** Year the ages are counted at (the congress year, else the current year). */
  year: number;
}

/** Delegates who count for the structure rules: official and ex officio. */
function seated(delegates: readonly DelegateRecord[]): DelegateRecord[] {
  return delegates.filter((d) => d.data.kind === 'official' || d.data.kind === 'ex-officio');
}

/** Every DTTS group living in the province (from `Dân tộc theo đơn vị`) has at least one delegate. */
export function checkGroupsRepresented(input: StructureInput, problems: ProblemList): void {
  const represented = new Set(seated(input.delegates).map((d) => d.data.ethnic));
  const living = new Map<string, { first: UnitEthnicRecord; people: number; units: string[] }>();
  for (const r of input.unitEthnic) {
    const code = r.data.ethnic;
    if (!code || !groupByCode(code)?.minority || (r.data.population ?? 1) <= 0) continue;
    const entry = living.get(code) ?? { first: r, people: 0, units: [] };
    entry.people += r.data.population ?? 0;
    entry.units.push(r.unitRecord?.data.name ?? r.data.unit ?? '');
    living.set(code, entry);
  }
  for (const [code, entry] of living) {
    if (represented.has(code)) continue;
    const group = groupByCode(code);
    problems.error(
      'group-unrepresented',
      SHEETS.unitEthnic.name,
      entry.first.cells.ethnic ?? '',
      M.groupUnrepresented(group?.name ?? code, entry.people, entry.units),
      M.groupUnrepresentedHint,
    );
  }
}

/**
 * A share rule: the setting holding its limit ('min…Share' or 'max…Share', which also names the rule:
 * minWomenShare → share-women), what is counted, and whether a delegate counts (null: unknown).
 */
type ShareRule = [
  setting: 'minWomenShare' | 'minYouthShare' | 'minPrestigeShare' | 'maxKinhShare',
  label: string,
  test: (d: DelegateRecord, input: StructureInput) => boolean | null,
];

const SHARE_RULES: ShareRule[] = [
  ['minWomenShare', M.shareLabels.minWomenShare, (d) => (d.data.gender === null ? null : d.data.gender === 'female')],
  [
    'minYouthShare',
    M.shareLabels.minYouthShare,
    (d, input) => (d.data.birthYear === null ? null : input.year - d.data.birthYear < input.settings.youthAge),
  ],
  ['minPrestigeShare', M.shareLabels.minPrestigeShare, (d) => foldKey(d.data.category ?? '').includes('uy tín')],
  ['maxKinhShare', M.shareLabels.maxKinhShare, (d) => (d.data.ethnic === null ? null : d.data.ethnic === '01')],
];

/** [delegates who count, delegates known] for a share rule's test. */
function shareOf(list: readonly DelegateRecord[], test: ShareRule[2], input: StructureInput): [number, number] {
  let yes = 0;
  let known = 0;
  for (const d of list) {
    const t = test(d, input);
    if (t === null) continue;
    known++;
    if (t) yes++;
  }
  return [yes, known];
}

/** Optional share rules, off unless set: province-wide (error) and per unit (warning). */
export function checkShares(input: StructureInput, problems: ProblemList): void {
  const all = seated(input.delegates);
  const byUnit = new Map<string, DelegateRecord[]>();
  for (const d of all) {
    const u = d.unitRecord;
    if (!u?.data.code) continue;
    const list = byUnit.get(u.data.code) ?? [];
    list.push(d);
    byUnit.set(u.data.code, list);
  }
  for (const [setting, label, test] of SHARE_RULES) {
    const limit = input.settings[setting];
    if (limit === null) continue;
    const min = setting.startsWith('min');
    const rule = `share-${setting.slice(3, -5).toLowerCase()}`;
    const breaks = (yes: number, known: number) =>
      known > 0 && (min ? yes < limit * known - 1e-9 : yes > limit * known + 1e-9);
    const outside = M.shareOutside(min, formatPercent(limit));
    const [yes, known] = shareOf(all, test, input);
    if (breaks(yes, known)) {
      problems.error(
        rule,
        SHEETS.config.name,
        input.settingCells[setting] ?? '',
        M.shareProvince(label, formatPercent(yes / known), yes, known, outside),
        M.shareProvinceHint,
      );
    }
    for (const list of byUnit.values()) {
      const [y, k] = shareOf(list, test, input);
      if (!breaks(y, k)) continue;
      const unit = list[0]?.unitRecord;
      problems.warning(
        `${rule}-unit`,
        SHEETS.units.name,
        unit?.cells.name ?? unit?.cells.code ?? '',
        M.shareUnit(unit?.data.name ?? unit?.data.code ?? '', label, formatPercent(y / k), y, k, outside),
        M.shareUnitHint,
      );
    }
  }
}

/** Same normalised name and birth year, or the same name in two sub-units. */
export function checkDuplicates(input: StructureInput, problems: ProblemList): void {
  // The delegate of a name, or all of them once it repeats (no list for the ~all names seen once);
  // replacing a key's value keeps its place, so the names come in the order they first appear.
  const byName = new Map<string, DelegateRecord | DelegateRecord[]>();
  for (const d of input.delegates) {
    if (!d.data.name) continue;
    const key = personNameKey(d.data.name);
    const seen = byName.get(key);
    if (seen === undefined) byName.set(key, d);
    else if (Array.isArray(seen)) seen.push(d);
    else byName.set(key, [seen, d]);
  }
  for (const list of byName.values()) {
    if (!Array.isArray(list)) continue;
    const first = list[0] as DelegateRecord;
    for (const d of list.slice(1)) {
      const sameYear = d.data.birthYear !== null && d.data.birthYear === first.data.birthYear;
      const otherUnit = d.unitRecord && first.unitRecord && d.unitRecord.data.code !== first.unitRecord.data.code;
      if (!sameYear && !otherUnit) continue;
      problems.warning(
        sameYear ? 'delegate-duplicate' : 'delegate-same-name',
        DELEGATES,
        d.cells.name ?? '',
        sameYear
          ? M.duplicateSameYear(d.data.name ?? '', d.data.birthYear as number, first.row)
          : M.duplicateOtherUnit(d.data.name ?? '', first.row),
        M.duplicateHint,
      );
    }
  }
}

/** No delegate was born before this year: an earlier year is a typing mistake. */
export const FIRST_BIRTH_YEAR = 1900;

/**
 * Birth years. An impossible year (the year ages are counted at or later, before 1900) is an error.
 * Ages are bounded only when the officer sets `Tuổi tối thiểu/tối đa của đại biểu` (no bound by
 * default: real delegates include pupils of 12–13 and elders past 100); outside them is a warning.
 */
export function checkBirthYears(input: StructureInput, problems: ProblemList): void {
  const { minAge, maxAge } = input.settings;
  const congressYear = input.settings.year !== null;
  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    problems.warning(
      'age-bounds-reversed',
      SHEETS.config.name,
      input.settingCells.minAge ?? '',
      M.ageBoundsReversed(minAge, maxAge),
      M.ageBoundsReversedHint,
    );
  }
  for (const d of input.delegates) {
    const y = d.data.birthYear;
    if (y === null) continue;
    const cell = d.cells.birthYear ?? '';
    if (y >= input.year || y < FIRST_BIRTH_YEAR) {
      problems.error(
        'birth-year-implausible',
        DELEGATES,
        cell,
        y >= input.year ? M.birthYearAfter(y, input.year, congressYear) : M.birthYearBefore(y, FIRST_BIRTH_YEAR),
        M.birthYearHint,
      );
      continue;
    }
    const age = input.year - y;
    if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) {
      problems.warning(
        'birth-year-outside-ages',
        DELEGATES,
        cell,
        M.ageOutside(y, input.year, age, minAge, maxAge),
        M.ageOutsideHint,
      );
    }
  }
}

export function checkStructure(input: StructureInput, problems: ProblemList): void {
  checkGroupsRepresented(input, problems);
  checkShares(input, problems);
  checkDuplicates(input, problems);
  checkBirthYears(input, problems);
}

/**
 * Structure of the delegate list: every DTTS group living in the province has a delegate; the
 * optional share rules from `Cấu hình` (women, youth, prestigious persons, Kinh), province-wide
 * and per unit; possible duplicates; implausible birth years.
 */
import { groupByCode } from '../ethnic';
import { formatPercent, formatVnNumber } from '../numbers';
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
      `Dân tộc ${group?.name ?? code} (${formatVnNumber(entry.people)} người, ở ${entry.units.join(', ')}) chưa có đại biểu chính thức.`,
      'Mỗi dân tộc thiểu số sinh sống trên địa bàn phải có ít nhất một đại biểu.',
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
  ['minWomenShare', 'nữ', (d) => (d.data.gender === null ? null : d.data.gender === 'female')],
  [
    'minYouthShare',
    'đại biểu trẻ',
    (d, input) => (d.data.birthYear === null ? null : input.year - d.data.birthYear < input.settings.youthAge),
  ],
  ['minPrestigeShare', 'người có uy tín', (d) => foldKey(d.data.category ?? '').includes('uy tín')],
  ['maxKinhShare', 'người Kinh', (d) => (d.data.ethnic === null ? null : d.data.ethnic === '01')],
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
    const outside = `${min ? 'dưới' : 'trên'} mức ${min ? 'tối thiểu' : 'tối đa'} ${formatPercent(limit)}.`;
    const [yes, known] = shareOf(all, test, input);
    if (breaks(yes, known)) {
      problems.error(
        rule,
        SHEETS.config.name,
        input.settingCells[setting] ?? '',
        `Tỷ lệ ${label} toàn tỉnh là ${formatPercent(yes / known)} (${yes}/${known}), ${outside}`,
        'Điều chỉnh cơ cấu đại biểu trong trang Đại biểu.',
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
        `"${unit?.data.name ?? unit?.data.code}": tỷ lệ ${label} là ${formatPercent(y / k)} (${y}/${k}), ${outside}`,
        'Điều chỉnh cơ cấu đại biểu của đơn vị.',
      );
    }
  }
}

/** Same normalised name and birth year, or the same name in two sub-units. */
export function checkDuplicates(input: StructureInput, problems: ProblemList): void {
  const byName = new Map<string, DelegateRecord[]>();
  for (const d of input.delegates) {
    if (!d.data.name) continue;
    const key = personNameKey(d.data.name);
    const list = byName.get(key) ?? [];
    list.push(d);
    byName.set(key, list);
  }
  for (const list of byName.values()) {
    if (list.length < 2) continue;
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
          ? `"${d.data.name}" (sinh ${d.data.birthYear}) có thể trùng với dòng ${first.row}.`
          : `"${d.data.name}" có tên trùng với đại biểu ở dòng ${first.row} thuộc đơn vị khác.`,
        'Kiểm tra xem đây có phải là một người được khai hai lần.',
      );
    }
  }
}

/** Birth years giving an age outside the configured range at the congress year. */
export function checkBirthYears(input: StructureInput, problems: ProblemList): void {
  const { minAge, maxAge } = input.settings;
  for (const d of input.delegates) {
    const y = d.data.birthYear;
    if (y === null) continue;
    const age = input.year - y;
    if (age < minAge || age > maxAge) {
      problems.error(
        'birth-year-implausible',
        DELEGATES,
        d.cells.birthYear ?? '',
        `Năm sinh ${y} cho tuổi ${age} vào năm ${input.year}, ngoài khoảng ${minAge}–${maxAge}.`,
        'Kiểm tra lại năm sinh.',
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

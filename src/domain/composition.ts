/**
 * Composition of the congress: the figures every level publishes about its delegates (by ethnic
 * group, women, age bands, Thành phần, Party members, the oldest and the youngest, per unit, and
 * the groups living in the province without a delegate). Counted over the official delegates
 * (Chính thức and Đương nhiên); guests (Khách mời) are counted apart. Pure: reads records only.
 */
import type { AgeBand, CompositionSummary, CountShare, PersonFigure, UnitComposition } from '../rpc/contract';
import { COMPOSITION_LABELS } from '../ui/vi';

export type { AgeBand, CompositionSummary, CountShare, PersonFigure, UnitComposition };

import { parseMembership } from './checks/profile';
import { ethnicDisplayName, groupByCode } from './ethnic';
import { ProblemList } from './problem';
import type { DelegateRecord, UnitEthnicRecord, UnitRecord } from './records';
import { locateTable } from './table';
import { SHEETS } from './template';
import { foldKey } from './text';
import { type CellValue, cellText, isBlank } from './values';

/** Under 30, 30–45, 46–60, over 60. */
export const DEFAULT_AGE_LIMITS: readonly number[] = [30, 46, 61];

/**
 * Bands from the first age of each band after the first: [30, 46, 61] → under 30, 30–45, 46–60, 61 and over.
 */
export function ageBandsFrom(limits: readonly number[]): AgeBand[] {
  const sorted = [...new Set(limits)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const bands: AgeBand[] = [];
  let from: number | null = null;
  for (const limit of sorted) {
    const to = limit - 1;
    bands.push({ label: COMPOSITION_LABELS.ageBand(from, to), from, to });
    from = limit;
  }
  bands.push({ label: COMPOSITION_LABELS.ageBand(from, null), from, to: null });
  return bands;
}

/**
 * `Mốc nhóm tuổi` ("30, 46, 61" or "30; 46; 61"): whole ages from 1 to 150, increasing. null when
 * the text is not such a list; [] when blank (the default bands).
 */
export function parseAgeLimits(text: string): number[] | null {
  const t = text.trim();
  if (t === '') return [];
  const parts = t.split(/\s*[,;]\s*|\s+/).filter((p) => p !== '');
  const limits = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (limits.some((n) => !Number.isInteger(n) || n < 1 || n > 150)) return null;
  if (limits.some((n, i) => i > 0 && n <= (limits[i - 1] as number))) return null;
  return limits;
}

/** Header spellings of a Party-member column added by an officer before the template had one. */
const PARTY_HEADERS = new Set(['đảng viên', 'là đảng viên', 'đảng viên (x)', 'đv'].map(foldKey));

/**
 * The 0-based column of the Party-member column in the delegate sheet's header row, if any: the
 * template's `Đảng viên` (its header or an alias, by the sheets' header matching), else a header an
 * officer wrote before the template had the column.
 */
export function partyColumn(grid: readonly (readonly CellValue[])[] | null, headerRow: number): number | null {
  const header = grid?.[headerRow - 1];
  if (!grid || !header) return null;
  // The header row and the rows below it: of two `Đảng viên` columns, the one the other readers use.
  const body = grid.slice(headerRow - 1) as CellValue[][];
  const found = locateTable(SHEETS.delegates, body, new ProblemList()).columns.partyMember;
  if (found !== undefined) return found;
  const i = header.findIndex((v) => !isBlank(v) && PARTY_HEADERS.has(foldKey(cellText(v))));
  return i >= 0 ? i : null;
}

const share = (count: number, total: number): number => (total > 0 ? count / total : 0);
const byCountThenName =
  <T extends { count: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || key(a).localeCompare(key(b), 'vi');

function tally(values: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export interface CompositionInput {
  delegates: readonly DelegateRecord[];
  units: readonly UnitRecord[];
  unitEthnic: readonly UnitEthnicRecord[];
  year: number | null;
  bands?: readonly AgeBand[];
  /**
   * `Đảng viên` is named by `Thông tin bắt buộc của đại biểu`: a blank cell is not yet known (the
   * officer is told to write "Không"), so the count is no figure while any counted delegate's is blank.
   */
  partyRequired?: boolean;
  /** The delegate grid and its header row, to find a Party-member column. */
  delegateGrid?: readonly (readonly CellValue[])[] | null;
  headerRow?: number;
}

export function summarizeComposition(input: CompositionInput): CompositionSummary {
  const { year } = input;
  const bands = input.bands ?? ageBandsFrom(DEFAULT_AGE_LIMITS);
  const counted = input.delegates.filter((d) => d.data.kind === 'official' || d.data.kind === 'ex-officio');
  const guestRows = input.delegates.filter((d) => d.data.kind === 'guest');
  // A "Khách mời" dragged down empty rows is no guest: a guest is a row with a name.
  const guests = guestRows.filter((d) => !!d.data.name?.trim());
  const total = counted.length;
  const groupOf = (d: DelegateRecord) => (d.data.ethnic ? ethnicDisplayName(d.data.ethnic) : null);
  const unitOf = (d: DelegateRecord): { code: string; name: string } =>
    d.provincial
      ? { code: '', name: COMPOSITION_LABELS.provincial }
      : d.unitRecord
        ? { code: d.unitRecord.data.code ?? '', name: d.unitRecord.data.name ?? d.unitRecord.data.code ?? '' }
        : { code: '', name: d.data.unit ?? COMPOSITION_LABELS.unitUnknown };
  const ageOf = (d: DelegateRecord) =>
    year !== null && d.data.birthYear !== null && d.data.birthYear <= year ? year - d.data.birthYear : null;

  const groups = tally(counted.map(groupOf).filter((g): g is string => g !== null));
  const women = counted.filter((d) => d.data.gender === 'female').length;
  // "Người có uy tín" and "người có uy tín " are one Thành phần, shown as first written.
  const categorySpelling = new Map<string, string>();
  const categories = tally(
    counted
      .map((d) => d.data.category?.trim().replace(/\s+/g, ' ') ?? '')
      .filter((c) => c !== '')
      .map((c) => {
        const k = foldKey(c);
        if (!categorySpelling.has(k)) categorySpelling.set(k, c);
        return categorySpelling.get(k) as string;
      }),
  );

  const ageBands = bands.map((b) => ({ ...b, count: 0, share: 0 }));
  let ageUnknown = 0;
  let oldest: { d: DelegateRecord; age: number } | null = null;
  let youngest: { d: DelegateRecord; age: number } | null = null;
  const aged: { d: DelegateRecord; age: number }[] = [];
  for (const d of counted) {
    const age = ageOf(d);
    if (age === null) {
      ageUnknown++;
      continue;
    }
    const band = ageBands.find((b) => (b.from === null || age >= b.from) && (b.to === null || age <= b.to));
    if (band) band.count++;
    aged.push({ d, age });
    // Ties: the first row in the sheet.
    if (!oldest || age > oldest.age) oldest = { d, age };
    if (!youngest || age < youngest.age) youngest = { d, age };
  }
  for (const b of ageBands) b.share = share(b.count, total);
  const person = (p: { d: DelegateRecord; age: number } | null): PersonFigure | null =>
    p && { name: p.d.data.name ?? '', age: p.age, group: groupOf(p.d), unit: unitOf(p.d).name };

  let partyMembers: CountShare | null = null;
  const column = input.delegateGrid ? partyColumn(input.delegateGrid, input.headerRow ?? 1) : null;
  if (column !== null && input.delegateGrid) {
    const grid = input.delegateGrid;
    // Counted as validation reads the cell (x, Có, a date of admission …; an unrecognised text is
    // warned about there and not counted). A column blank for everyone is no figure: the template
    // has the column, and "0 đảng viên" would be printed for a list nobody filled in.
    const cells = counted.map((d) => grid[d.row - 1]?.[column]);
    const blank = (v: CellValue | undefined) => v === undefined || isBlank(v);
    if (cells.some((v) => !blank(v)) && !(input.partyRequired && cells.some(blank))) {
      const count = cells.filter((v) => parseMembership(v, 'partyMember') === true).length;
      partyMembers = { count, share: share(count, total) };
    }
  }

  // Per unit: the declared units in their order, then the provincial level, then unknown units.
  const perUnit = new Map<string, { code: string; name: string; list: DelegateRecord[] }>();
  for (const u of input.units) {
    const key = `u:${u.data.code ?? u.data.name ?? u.row}`;
    perUnit.set(key, { code: u.data.code ?? '', name: u.data.name ?? u.data.code ?? '', list: [] });
  }
  for (const d of counted) {
    const u = unitOf(d);
    const key = d.unitRecord
      ? `u:${d.unitRecord.data.code ?? d.unitRecord.data.name ?? d.unitRecord.row}`
      : `x:${foldKey(u.name)}`;
    const entry = perUnit.get(key) ?? { ...u, list: [] };
    entry.list.push(d);
    perUnit.set(key, entry);
  }
  const byUnit = [...perUnit.values()].map((e) => ({
    code: e.code,
    name: e.name,
    count: e.list.length,
    women: e.list.filter((d) => d.data.gender === 'female').length,
    byEthnicGroup: [...tally(e.list.map(groupOf).filter((g): g is string => g !== null))]
      .map(([group, count]) => ({ group, count }))
      .sort(byCountThenName((x) => x.group)),
  }));

  const living = new Map<string, number>();
  for (const r of input.unitEthnic) {
    const code = r.data.ethnic;
    if (!code || !(r.data.population ?? 0) || !groupByCode(code)?.minority) continue;
    living.set(code, (living.get(code) ?? 0) + (r.data.population ?? 0));
  }
  const represented = new Set(counted.map((d) => d.data.ethnic).filter((c): c is string => c !== null));
  const groupsWithoutDelegate = [...living]
    .filter(([code]) => !represented.has(code))
    .map(([code, population]) => ({ group: ethnicDisplayName(code), population }))
    .sort((a, b) => b.population - a.population || a.group.localeCompare(b.group, 'vi'));

  return {
    year,
    total,
    official: counted.filter((d) => d.data.kind === 'official').length,
    exOfficio: counted.filter((d) => d.data.kind === 'ex-officio').length,
    guests: guests.length,
    unclassified: input.delegates.length - total - guestRows.length,
    byEthnicGroup: [...groups]
      .map(([group, count]) => ({ group, count, share: share(count, total) }))
      .sort(byCountThenName((x) => x.group)),
    ethnicUnknown: counted.filter((d) => !d.data.ethnic).length,
    women: { count: women, share: share(women, total) },
    genderUnknown: counted.filter((d) => !d.data.gender).length,
    ageBands,
    ageUnknown,
    byCategory: [...categories]
      .map(([category, count]) => ({ category, count, share: share(count, total) }))
      .sort(byCountThenName((x) => x.category)),
    categoryUnknown: counted.filter((d) => !d.data.category?.trim()).length,
    partyMembers,
    oldest: person(oldest),
    youngest: person(youngest),
    // Ages come from birth years, so several delegates often share the oldest or the youngest age.
    oldestAll: aged.filter((a) => a.age === oldest?.age).map((a) => person(a) as PersonFigure),
    youngestAll: aged.filter((a) => a.age === youngest?.age).map((a) => person(a) as PersonFigure),
    byUnit,
    groupsWithoutDelegate,
    guestFigures: {
      total: guests.length,
      women: guests.filter((d) => d.data.gender === 'female').length,
      byEthnicGroup: [...tally(guests.map(groupOf).filter((g): g is string => g !== null))]
        .map(([group, count]) => ({ group, count }))
        .sort(byCountThenName((x) => x.group)),
    },
  };
}

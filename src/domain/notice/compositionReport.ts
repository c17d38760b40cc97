/**
 * Báo cáo cơ cấu, thành phần đại biểu (Decree 30/2020, type BC): the tables of compositionSummary
 * (src/domain/composition.ts, never counted again here) printed as an official report: the total; by
 * ethnic group; by gender; age bands with the oldest and the youngest; by Thành phần; Party members
 * where the column exists; per unit; the groups living in the province without a delegate.
 *
 * Percentages are of the official delegates counted (Chính thức and Đương nhiên), printed with one
 * decimal and a Vietnamese comma ("33,3"). Each share is rounded on its own, half up, from the exact
 * count (1 of 3 is 33,3 wherever it stands): equal counts always print equal shares and every share is
 * the nearest tenth to the truth, so a table's rows may add up to 99,9 or 100,1 — the document says so.
 * (Rounding by the largest remainder, which forces 100,0, printed 33,4 and 33,3 for equal counts.)
 */
import type { CompositionSummary, PersonFigure } from '../../rpc/contract';
import { COMPOSITION_REPORT, DELEGATE_DOCUMENT_MESSAGES as DM } from '../../ui/vi';
import { parseMembership } from '../checks/profile';
import { FIRST_BIRTH_YEAR } from '../checks/structure';
import type { IsoDate } from '../dates';
import { groupByCode } from '../ethnic';
import { a1 } from '../problem';
import type { DelegateRecord, UnitEthnicRecord } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { isTotalLabel, personNameKey } from '../text';
import { type CellValue, cellText } from '../values';
import { roman } from './delegateList';
import { congressName, type FrameInput, frame, para, table } from './frame';
import type { Block, DocModel } from './model';

export const REPORT_WHAT = COMPOSITION_REPORT.what;

/** Delegates named when several share the oldest or the youngest age; the rest are counted. */
const PERSONS_SHOWN = 10;

export interface CompositionReportInput {
  summary: CompositionSummary;
  /** `Dân tộc theo đơn vị` lists minority groups living in the province (so "every group has a delegate" can be said). */
  livingDeclared: boolean;
}

/** `count` of `total` in tenths of a percent, rounded half up in integers (no float drift); 0 when total is 0. */
export function tenthsOfOne(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((2000 * count + total) / (2 * total));
}

/** Shares of `counts` in tenths of a percent, each rounded on its own (see the module comment). */
export function tenthsOfPercent(counts: readonly number[], total: number): number[] {
  return counts.map((c) => tenthsOfOne(c, total));
}

/** 333 tenths → "33,3"; 1000 → "100,0". */
export function percentText(tenths: number): string {
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
}

/** Vietnamese thousands: 2014 → "2.014". */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A table of rows (label, count) with STT and a share column, the unknown row, the total. */
function shareTable(header: string, rows: { label: string; count: number }[], total: number): Block {
  const shown = rows;
  const tenths = tenthsOfPercent(
    shown.map((r) => r.count),
    total,
  );
  const body = shown.map((r, i) => [String(i + 1), r.label, count(r.count), percentText(tenths[i] ?? 0)]);
  const sum = shown.reduce((a, r) => a + r.count, 0);
  return table(
    [
      ['STT', header, 'Số đại biểu', 'Tỷ lệ (%)'],
      ...body,
      ['', 'Tổng cộng', count(sum), percentText(tenthsOfOne(sum, total))],
    ],
    [10, 50, 20, 20],
    ['center', 'left', 'center', 'center'],
    true,
  );
}

const L = COMPOSITION_REPORT;

/** The report's summary line (trích yếu). */
export function compositionReportSummary(s: Settings): string {
  return `${L.summaryPrefix} ${congressName(s)}`;
}

/** The body: one numbered section per table. */
export function compositionReportBlocks(input: CompositionReportInput): Block[] {
  const s = input.summary;
  const total = s.total;
  const blocks: Block[] = [para(L.intro), para(L.rounding)];
  let n = 0;
  const section = (title: string) => {
    n++;
    blocks.push(para([{ text: `${roman(n)}. ${title}`, bold: true }], { spaceBeforePt: 6 }));
  };

  section(L.totalTitle);
  blocks.push(para(L.totalLine(count(total), count(s.official), count(s.exOfficio))));
  if (s.guests > 0) blocks.push(para(L.guestsLine(count(s.guests))));

  section(L.ethnicTitle);
  const groups = s.byEthnicGroup.map((g) => ({ label: g.group, count: g.count }));
  if (s.ethnicUnknown > 0) groups.push({ label: L.ethnicUnknown, count: s.ethnicUnknown });
  const top = s.byEthnicGroup[0];
  if (top) {
    // The share printed is the one of the group's row in the table below. Groups tied at the top are all named.
    const tops = s.byEthnicGroup.filter((g) => g.count === top.count).map((g) => g.group);
    const tableShare = tenthsOfPercent(
      groups.map((g) => g.count),
      total,
    )[0];
    blocks.push(
      para(
        tops.length > 1
          ? L.ethnicLineTied(count(s.byEthnicGroup.length), tops, count(top.count))
          : L.ethnicLine(count(s.byEthnicGroup.length), top.group, count(top.count), percentText(tableShare ?? 0)),
      ),
    );
  }
  blocks.push(shareTable('Dân tộc', groups, total));

  section(L.genderTitle);
  const men = total - s.women.count - s.genderUnknown;
  const genders = [
    { label: 'Nữ', count: s.women.count },
    { label: 'Nam', count: men },
  ];
  if (s.genderUnknown > 0) genders.push({ label: L.genderUnknown, count: s.genderUnknown });
  blocks.push(shareTable('Giới tính', genders, total));

  section(L.ageTitle(s.year));
  const bands = s.ageBands.map((b) => ({ label: b.label, count: b.count }));
  if (s.ageUnknown > 0) bands.push({ label: L.ageUnknown, count: s.ageUnknown });
  blocks.push(shareTable('Độ tuổi', bands, total));
  // Ages come from birth years: several delegates often share the oldest or the youngest age, and
  // naming one of them as "the oldest" would be untrue. All are named (the first PERSONS_SHOWN).
  const persons = (what: string, one: PersonFigure | null, all: readonly PersonFigure[] | undefined) => {
    if (!one) return null;
    if (!all || all.length <= 1) return L.person(what, one);
    return L.persons(what, one.age, all.slice(0, PERSONS_SHOWN), Math.max(0, all.length - PERSONS_SHOWN));
  };
  const oldest = persons(L.oldest, s.oldest, s.oldestAll);
  const youngest = persons(L.youngest, s.youngest, s.youngestAll);
  if (oldest) blocks.push(para(oldest, { spaceBeforePt: 6 }));
  if (youngest) blocks.push(para(youngest));

  section(L.categoryTitle);
  const categories = s.byCategory.map((c) => ({ label: c.category, count: c.count }));
  if (s.categoryUnknown > 0) categories.push({ label: L.categoryUnknown, count: s.categoryUnknown });
  blocks.push(shareTable('Thành phần', categories, total));

  if (s.partyMembers) {
    section(L.partyTitle);
    blocks.push(para(L.partyLine(count(s.partyMembers.count), percentText(tenthsOfOne(s.partyMembers.count, total)))));
  }

  section(L.unitTitle);
  const unitRows = s.byUnit.map((u, i) => [
    String(i + 1),
    u.name,
    count(u.count),
    count(u.women),
    u.byEthnicGroup.map((g) => `${g.group} ${count(g.count)}`).join(', '),
  ]);
  blocks.push(
    table(
      [
        ['STT', 'Đơn vị', 'Số đại biểu', 'Trong đó nữ', 'Dân tộc (số đại biểu)'],
        ...unitRows,
        [
          '',
          'Tổng cộng',
          count(s.byUnit.reduce((a, u) => a + u.count, 0)),
          count(s.byUnit.reduce((a, u) => a + u.women, 0)),
          '',
        ],
      ],
      [8, 30, 14, 14, 34],
      ['center', 'left', 'center', 'center', 'left'],
      true,
    ),
  );

  section(L.withoutTitle);
  if (s.groupsWithoutDelegate.length > 0) {
    blocks.push(
      para(L.withoutLine(s.groupsWithoutDelegate.map((g) => `${g.group} (${count(g.population)} người)`).join(', '))),
    );
  } else {
    blocks.push(para(input.livingDeclared ? L.everyGroup : L.noLivingData));
  }
  blocks.push(para(L.closing));
  return blocks;
}

export function buildCompositionReport(
  input: CompositionReportInput,
  s: Settings,
  date: IsoDate,
  number: string,
  options: Pick<FrameInput, 'profile' | 'draft'> = {},
): DocModel {
  return frame({
    kind: 'bao-cao-co-cau',
    settings: s,
    ...options,
    date,
    number,
    summary: compositionReportSummary(s),
    blocks: compositionReportBlocks(input),
  });
}

/**
 * What the report would print as "chưa rõ" (a blank ethnic group, gender or birth year of a counted
 * delegate), named by cell: checks before generating (printed once the officer confirms).
 */
export function blankFieldChecks(records: readonly DelegateRecord[]): string[] {
  const counted = records.filter((d) => d.data.kind === 'official' || d.data.kind === 'ex-officio');
  const out: string[] = [];
  const fields = [
    ['ethnic', 'dân tộc'],
    ['gender', 'giới tính'],
    ['birthYear', 'năm sinh'],
    ['category', 'thành phần'],
  ] as const;
  for (const [field, what] of fields) {
    const blank = counted.filter((d) => {
      const v = d.data[field];
      return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    });
    if (blank.length === 0) continue;
    const cells = blank.map((d) => DM.cell(d.cells[field] ?? `dòng ${d.row}`, `${what} trống`));
    out.push(L.blank(SHEETS.delegates.name, what, blank.length, cells));
  }
  return out;
}

/**
 * Counted delegates whose birth year is no birth year at the congress (the error
 * "birth-year-implausible" of "Kiểm tra dữ liệu": the congress year or later, before 1900): their age
 * would be printed in a band and as the oldest or the youngest, so the report is refused, naming the cells.
 */
export function implausibleBirthYears(records: readonly DelegateRecord[], year: number): string[] {
  return records
    .filter((d) => d.data.kind === 'official' || d.data.kind === 'ex-officio')
    .filter((d) => d.data.birthYear !== null && (d.data.birthYear >= year || d.data.birthYear < FIRST_BIRTH_YEAR))
    .map((d) => DM.cell(d.cells.birthYear ?? `dòng ${d.row}`, L.implausibleYear(d.data.birthYear as number, year)));
}

/**
 * Cells of the Party-member column the report would not count (a text that says neither yes nor no,
 * read as validation reads it): the Party figure would be short, so a check before generating.
 */
export function partyChecks(
  records: readonly DelegateRecord[],
  grid: readonly (readonly CellValue[])[],
  column: number,
): string[] {
  const bad = records
    .filter((d) => d.data.kind === 'official' || d.data.kind === 'ex-officio')
    .filter((d) => parseMembership(grid[d.row - 1]?.[column], 'partyMember') === null)
    .map((d) => DM.cell(a1(d.row, column + 1), `"${cellText(grid[d.row - 1]?.[column] ?? '')}"`));
  return bad.length ? [L.partyUnreadable(SHEETS.delegates.name, bad)] : [];
}

/** Rows typed (or dragged) "Khách mời" without a name: not counted as guests, so asked about first. */
export function namelessGuestChecks(records: readonly DelegateRecord[]): string[] {
  const cells = records
    .filter((d) => d.data.kind === 'guest' && !d.data.name?.trim())
    .map((d) => d.cells.name ?? `dòng ${d.row}`);
  return cells.length
    ? [
        L.namelessGuests(
          SHEETS.delegates.name,
          cells.map((c) => DM.cell(c, 'họ và tên trống')),
        ),
      ]
    : [];
}

/**
 * Guests listed again (the same name and birth year) as an official delegate or as another guest:
 * the guests line would count the person twice, so a check before generating, naming both rows.
 * (Official delegates listed twice are duplicateChecks' own.)
 */
export function guestDuplicateChecks(records: readonly DelegateRecord[]): string[] {
  const listed = records
    .filter((d) => d.data.kind && d.data.name?.trim() && d.data.birthYear !== null)
    .sort((a, b) => a.row - b.row);
  const keyOf = (d: DelegateRecord) => `${personNameKey(d.data.name ?? '')}\u0000${d.data.birthYear}`;
  const first = new Map<string, number>();
  for (const d of listed) if (d.data.kind !== 'guest' && !first.has(keyOf(d))) first.set(keyOf(d), d.row);
  const out: string[] = [];
  for (const d of listed) {
    if (d.data.kind !== 'guest') continue;
    const row = first.get(keyOf(d));
    if (row === undefined) first.set(keyOf(d), d.row);
    else
      out.push(
        L.guestDuplicate(SHEETS.delegates.name, d.row, (d.data.name ?? '').trim(), d.data.birthYear as number, row),
      );
  }
  return out;
}

/**
 * Rows of `Dân tộc theo đơn vị` whose group or population could not be read (a typo, "khoảng 2.000",
 * #REF!): the report would leave the group out of "chưa có đại biểu", or even say every group has a
 * delegate, so it is refused naming the cells. The raw text is shown as typed.
 */
export function unreadableLiving(
  records: readonly UnitEthnicRecord[],
  grid: readonly (readonly CellValue[])[] | null,
): string[] {
  const rawOf = (r: UnitEthnicRecord, field: 'unit' | 'ethnic' | 'population') => {
    const cell = r.cells[field];
    if (!cell) return '';
    const column = (/^[A-Z]+/.exec(cell)?.[0] ?? 'A').split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    return cellText(grid?.[r.row - 1]?.[column - 1] ?? '');
  };
  const out: string[] = [];
  for (const r of records) {
    // The officer's own "Tổng cộng" line is no group.
    if (isTotalLabel(rawOf(r, 'unit')) || isTotalLabel(rawOf(r, 'ethnic'))) continue;
    const minority = r.data.ethnic ? groupByCode(r.data.ethnic)?.minority === true : false;
    const people = r.invalid.has('population') || (r.data.population ?? 0) > 0;
    // Only what could change the list: an unread group with people, an unread population of a minority group (or of an unread group).
    if (r.invalid.has('ethnic') && people && r.cells.ethnic)
      out.push(DM.cell(r.cells.ethnic, `dân tộc "${rawOf(r, 'ethnic')}"`));
    if (r.invalid.has('population') && (minority || r.invalid.has('ethnic')) && r.cells.population)
      out.push(DM.cell(r.cells.population, `dân số "${rawOf(r, 'population')}"`));
  }
  return out;
}

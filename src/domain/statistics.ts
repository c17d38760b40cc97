/**
 * The `Thống kê` sheet as data: titled tables of the congress's composition (from
 * summarizeComposition, never counted again here) and of the seats allocated by unit, each cell
 * with its number format and weight, and the three charts with the table cells they draw from.
 * Pure: no Apps Script.
 *
 * Numbers are numbers (format #,##0), shares are fractions (format 0.0%), names and labels are text
 * (format @): text copied from the officer's cells is never read as a number, a date or a formula.
 */
import type { CompositionSummary } from '../rpc/contract';
import { STATISTICS_LABELS as L } from '../ui/vi';
import { tenthsOfOne, tenthsOfPercent } from './notice/compositionReport';

/** Number formats of the sheet. */
export const STATISTICS_FORMATS = { text: '@', count: '#,##0', share: '0.0%' } as const;

/** Columns used by the tables (A–E); charts sit to the right of them. */
export const STATISTICS_WIDTH = 5;
/** The column where the charts are anchored (G). */
export const CHART_COLUMN = 7;
/** Delegates listed when several share the oldest or the youngest age (as Báo cáo cơ cấu names them). */
export const PERSONS_LISTED = 10;
/** Rows between two charts' anchors. */
export const CHART_ROW_STEP = 22;
/** A chart's height (px) when it has few bars. */
export const CHART_HEIGHT = 400;
/** Height given to each bar of a BAR chart, so that every label can be read (Sheets skips labels that do not fit). */
export const BAR_HEIGHT = 20;
/** Beyond this many bars a chart is not drawn (thousands of 20 px bars help nobody): the table holds the figures. */
export const MAX_BARS = 150;
/** Default row height of a sheet (px), to keep a tall chart from covering the next one. */
const ROW_HEIGHT = 21;

type Kind = 'text' | 'count' | 'share';
export interface StatisticsCell {
  value: string | number;
  kind: Kind;
  bold?: boolean;
}

/** A 1-based rectangle of the sheet. */
export interface SheetRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type StatisticsChartType = 'BAR' | 'COLUMN' | 'PIE';

export interface StatisticsChart {
  /** Which table it draws (stable name, for tests and the playground). */
  key: 'seats' | 'byEthnic' | 'ageBands';
  type: StatisticsChartType;
  /** Header row + data rows, label column then value column. */
  range: SheetRect;
  title: string;
  hAxisTitle: string;
  vAxisTitle: string;
  /** Anchor cell (1-based). */
  anchorRow: number;
  anchorColumn: number;
  /** Pixels: taller for a BAR chart of many bars. */
  height: number;
}

export interface StatisticsTable {
  key: string;
  title: string;
  /** Row of the title (1-based); the header is the next row, data after it. */
  titleRow: number;
  headerRow: number;
  /** Data rows (1-based, inclusive); lastRow < firstRow when the table has no data row. */
  firstRow: number;
  lastRow: number;
}

export interface StatisticsLayout {
  rows: StatisticsCell[][];
  tables: StatisticsTable[];
  charts: StatisticsChart[];
  /** Charts left out because they would have more than MAX_BARS bars, with their bar count. */
  omitted: { key: StatisticsChart['key']; bars: number }[];
}

/** A unit's seats as `Phân bổ` shows them (Số chính thức), in the sheet's order. */
export interface SeatsRow {
  code: string;
  name: string;
  seats: number;
}

export interface StatisticsInput {
  summary: CompositionSummary;
  seats: readonly SeatsRow[];
  /** "14:05 30/11/2026", as the officer's time zone shows it. */
  when: string;
}

const text = (value: string, bold = false): StatisticsCell =>
  bold ? { value, kind: 'text', bold } : { value, kind: 'text' };
const count = (value: number): StatisticsCell => ({ value, kind: 'count' });
const share = (value: number): StatisticsCell => ({ value, kind: 'share' });

export function buildStatisticsLayout(input: StatisticsInput): StatisticsLayout {
  const { summary: s, seats } = input;
  const rows: StatisticsCell[][] = [[text(L.title, true)], [text(L.subtitle(s.year, input.when))]];
  const tables: StatisticsTable[] = [];
  let index = 0;

  const table = (key: string, title: string, header: string[], data: StatisticsCell[][]): StatisticsTable => {
    rows.push([]);
    index++;
    const titleRow = rows.length + 1;
    rows.push([text(L.section(index, title), true)]);
    rows.push(header.map((h) => text(h, true)));
    const firstRow = rows.length + 1;
    for (const r of data) rows.push(r);
    const t = { key, title, titleRow, headerRow: titleRow + 1, firstRow, lastRow: rows.length };
    tables.push(t);
    return t;
  };
  const H = L.headers;
  const R = L.rows;

  table(
    'totals',
    L.totals,
    [H.item, H.count],
    [
      [text(R.counted), count(s.total)],
      [text(R.official), count(s.official)],
      [text(R.exOfficio), count(s.exOfficio)],
      [text(R.guests), count(s.guests)],
      ...(s.unclassified > 0 ? [[text(R.unclassified), count(s.unclassified)]] : []),
    ],
  );

  // Shares as Báo cáo cơ cấu prints them (tenthsOfPercent): each row's exact share rounded on its own,
  // half up, to a tenth of a percent, so the sheet, the report and the sidebar show the same figure.
  const ethnicShares = shares([...s.byEthnicGroup.map((g) => g.count), s.ethnicUnknown], s.total);
  const ethnic = table(
    'byEthnic',
    L.byEthnic,
    [H.group, H.delegates, H.share],
    s.byEthnicGroup.map((g, i) => [text(g.group), count(g.count), share(ethnicShares[i] ?? 0)]),
  );
  // Kept out of the chart's range: the chart draws the groups only.
  if (s.ethnicUnknown > 0) rows.push([text(R.ethnicUnknown), count(s.ethnicUnknown), share(ethnicShares.at(-1) ?? 0)]);

  // The report's gender table: Nữ, Nam, not known.
  const men = Math.max(0, s.total - s.women.count - s.genderUnknown);
  const genderShares = shares([s.women.count, men, s.genderUnknown], s.total);
  table(
    'women',
    L.women,
    [H.item, H.count, H.share],
    [
      [text(R.women), count(s.women.count), share(genderShares[0] ?? 0)],
      ...(s.genderUnknown > 0 ? [[text(R.genderUnknown), count(s.genderUnknown), share(genderShares[2] ?? 0)]] : []),
    ],
  );

  const ageShares = shares([...s.ageBands.map((b) => b.count), s.ageUnknown], s.total);
  const ages = table(
    'ageBands',
    L.ageBands,
    [H.band, H.delegates, H.share],
    s.ageBands.map((b, i) => [text(b.label), count(b.count), share(ageShares[i] ?? 0)]),
  );
  if (s.ageUnknown > 0) rows.push([text(R.ageUnknown), count(s.ageUnknown), share(ageShares.at(-1) ?? 0)]);

  const categoryShares = shares([...s.byCategory.map((c) => c.count), s.categoryUnknown], s.total);
  table(
    'byCategory',
    L.byCategory,
    [H.category, H.delegates, H.share],
    [
      ...s.byCategory.map((c, i) => [text(c.category), count(c.count), share(categoryShares[i] ?? 0)]),
      ...(s.categoryUnknown > 0
        ? [[text(R.categoryUnknown), count(s.categoryUnknown), share(categoryShares.at(-1) ?? 0)]]
        : []),
    ],
  );

  if (s.partyMembers)
    table(
      'party',
      L.party,
      [H.item, H.count, H.share],
      [[text(R.party), count(s.partyMembers.count), share(tenthsOfOne(s.partyMembers.count, s.total) / 1000)]],
    );

  // Ages come from birth years: several delegates often share the oldest (youngest) age, and naming
  // one of them as "the oldest" would be untrue (Báo cáo cơ cấu names them all): every one is listed,
  // the first PERSONS_LISTED, then how many more.
  const persons = (
    label: string,
    one: CompositionSummary['oldest'],
    all: CompositionSummary['oldestAll'],
  ): StatisticsCell[][] => {
    if (!one) return [[text(label), text(R.noPerson)]];
    const list = all && all.length > 0 ? all : [one];
    const rows = list
      .slice(0, PERSONS_LISTED)
      .map((p, i) => [text(i === 0 ? label : ''), text(p.name), count(p.age), text(p.group ?? ''), text(p.unit)]);
    if (list.length > PERSONS_LISTED) rows.push([text(''), text(R.morePersons(list.length - PERSONS_LISTED))]);
    return rows;
  };
  table(
    'oldestYoungest',
    L.oldestYoungest,
    [H.item, H.name, H.age, H.group, H.unit],
    [...persons(R.oldest, s.oldest, s.oldestAll), ...persons(R.youngest, s.youngest, s.youngestAll)],
  );

  table(
    'byUnit',
    L.byUnit,
    [H.unitCode, H.unitName, H.delegates, H.women],
    s.byUnit.map((u) => [text(u.code), text(u.name), count(u.count), count(u.women)]),
  );

  table(
    'groupsWithoutDelegate',
    L.groupsWithout,
    [H.group, H.population],
    s.groupsWithoutDelegate.length > 0
      ? s.groupsWithoutDelegate.map((g) => [text(g.group), count(g.population)])
      : [[text(R.noGroupWithout)]],
  );

  const seatTable = table(
    'seats',
    L.seats,
    [H.unitCode, H.unitName, H.seats],
    seats.length > 0 ? seats.map((u) => [text(u.code), text(u.name), count(u.seats)]) : [[text(R.noAllocation)]],
  );

  const charts: StatisticsChart[] = [];
  const C = L.charts;
  const omitted: StatisticsLayout['omitted'] = [];
  let nextAnchor = 1;
  const chartAt = (type: StatisticsChartType, bars: number) => {
    const height = type === 'BAR' ? Math.max(CHART_HEIGHT, 80 + BAR_HEIGHT * bars) : CHART_HEIGHT;
    const anchorRow = nextAnchor;
    nextAnchor += Math.max(CHART_ROW_STEP, Math.ceil(height / ROW_HEIGHT) + 2);
    return { anchorRow, anchorColumn: CHART_COLUMN, height };
  };
  const span = (t: StatisticsTable, column: number): SheetRect => ({
    row: t.headerRow,
    column,
    numRows: t.lastRow - t.headerRow + 1,
    numColumns: 2,
  });
  if (seats.length > MAX_BARS) omitted.push({ key: 'seats', bars: seats.length });
  else if (seats.length > 0)
    charts.push({
      key: 'seats',
      type: 'BAR',
      range: span(seatTable, 2),
      title: C.seats,
      hAxisTitle: C.axisDelegates,
      vAxisTitle: C.axisUnit,
      ...chartAt('BAR', seats.length),
    });
  if (s.byEthnicGroup.length > MAX_BARS) omitted.push({ key: 'byEthnic', bars: s.byEthnicGroup.length });
  else if (s.byEthnicGroup.length > 0)
    charts.push({
      key: 'byEthnic',
      type: 'BAR',
      range: span(ethnic, 1),
      title: C.byEthnic,
      hAxisTitle: C.axisDelegates,
      vAxisTitle: C.axisGroup,
      ...chartAt('BAR', s.byEthnicGroup.length),
    });
  if (s.total > 0 && s.ageBands.length > 0)
    charts.push({
      key: 'ageBands',
      type: 'COLUMN',
      range: span(ages, 1),
      title: C.ageBands,
      hAxisTitle: C.axisBand,
      vAxisTitle: C.axisDelegates,
      ...chartAt('COLUMN', s.ageBands.length),
    });
  return { rows, tables, charts, omitted };
}

/** Fractions (0.428 for 42,8%) of `counts` rounded together as the report rounds a table. */
function shares(counts: readonly number[], total: number): number[] {
  return tenthsOfPercent(counts, total).map((t) => t / 1000);
}

/** The cells as setValues / setNumberFormats / setFontWeights take them, `width` columns wide. */
export function statisticsGrids(
  layout: StatisticsLayout,
  width = STATISTICS_WIDTH,
): { values: (string | number)[][]; formats: string[][]; weights: ('bold' | 'normal')[][] } {
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  for (const r of layout.rows) {
    const v: (string | number)[] = [];
    const f: string[] = [];
    const w: ('bold' | 'normal')[] = [];
    for (let c = 0; c < width; c++) {
      const cell = r[c];
      v.push(cell ? cell.value : '');
      f.push(cell ? STATISTICS_FORMATS[cell.kind] : STATISTICS_FORMATS.text);
      w.push(cell?.bold ? 'bold' : 'normal');
    }
    values.push(v);
    formats.push(f);
    weights.push(w);
  }
  return { values, formats, weights };
}

/**
 * What the add-in last wrote on `Thống kê`, kept in its record to tell the officer's typing from
 * its own cells at the next run: how many rows it wrote and, for each stretch of rows (the heading,
 * then each table with the blank row after it), a digest of the values as the sheet gave them back.
 */
export interface WrittenDigest {
  rows: number;
  /** [first row, last row, digest], 1-based, inclusive. */
  segments: [number, number, string][];
}

/** FNV-1a (32 bits) of a string, in base 36: short, and enough to see that cells changed. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function digestOfRows(values: readonly (readonly unknown[])[], first: number, last: number): string {
  const parts: string[] = [];
  for (let r = first; r <= last; r++) {
    const row = values[r - 1] ?? [];
    for (let c = 0; c < STATISTICS_WIDTH; c++) {
      const v = row[c] ?? '';
      parts.push(v instanceof Date ? `D${v.getTime()}` : `${typeof v}:${String(v)}`);
    }
  }
  return hash(parts.join('\u0001'));
}

/** The digest of `values` (A1 onwards, as getValues gives them) cut at the layout's tables. */
export function digestWritten(layout: StatisticsLayout, values: readonly (readonly unknown[])[]): WrittenDigest {
  const rows = layout.rows.length;
  const starts = [1, ...layout.tables.map((t) => t.titleRow).filter((r) => r > 1 && r <= rows)];
  const segments = starts.map((first, i): [number, number, string] => {
    const last = i + 1 < starts.length ? (starts[i + 1] as number) - 1 : rows;
    return [first, last, digestOfRows(values, first, last)];
  });
  return { rows, segments };
}

/**
 * Where the sheet differs from what the add-in last wrote (the officer typed, sorted, inserted or
 * deleted rows, or added a formula): a 1-based rectangle to name in the message, or null when the
 * sheet is as written. `values` and `formulas` are the sheet's data range from A1.
 */
export function changedSince(
  written: WrittenDigest,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): SheetRect | null {
  const cell = (r: number, c: number): SheetRect => ({ row: r + 1, column: c + 1, numRows: 1, numColumns: 1 });
  // A sheet the officer emptied (select all, Delete) holds nothing to lose: rewritten.
  const blank = (v: unknown) => v === '' || v === null;
  if (values.every((row) => row.every(blank)) && formulas.every((row) => row.every((f) => f === ''))) return null;
  // A formula (the add-in writes none), then the tables (typed over, sorted, rows inserted or
  // deleted), then anything beside or under them: the most precise place first.
  for (let r = 0; r < formulas.length; r++) {
    const c = (formulas[r] ?? []).findIndex((f) => f !== '');
    if (c >= 0) return cell(r, c);
  }
  for (const [first, last, digest] of written.segments) {
    if (digestOfRows(values, first, last) !== digest)
      return { row: first, column: 1, numRows: last - first + 1, numColumns: STATISTICS_WIDTH };
  }
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if ((r >= written.rows || c >= STATISTICS_WIDTH) && row[c] !== '' && row[c] !== null) return cell(r, c);
    }
  }
  return null;
}

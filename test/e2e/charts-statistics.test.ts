/**
 * writeStatistics on the real bundle: the `Thống kê` sheet's tables against a count made here from
 * the raw cells (both samples, a generated province), its charts (type, ranges on the right table
 * cells, options), re-runs (no duplicated chart, no stale row), the officer's charts and sheets left
 * alone, text staying text, the calls flat in rows.
 */
import { buildSynthetic, SYNTHETIC_NOW } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import { type ChartRecord, ChartType } from '../../local/runtime/charts';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import type { CompositionSummaryDto, StatisticsResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Cell = string | number | boolean | Date | null;
const NOW = '2024-01-05T08:00:00+07:00';
const SHEET = 'Thống kê';

/** The test's own key for a name: no diacritics, no case, đ = d, spaces squeezed. */
const key = (s: unknown) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

function grid(ss: LocalSpreadsheet, name: string): Cell[][] {
  const sheet = ss.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : [];
}

function statisticsSheet(ss: LocalSpreadsheet): LocalSheet {
  const s = ss.localSheet(SHEET);
  if (!s) throw new Error('no Thống kê sheet');
  return s;
}

interface ReadTable {
  titleRow: number;
  headerRow: number;
  header: string[];
  rows: Cell[][];
  /** 1-based rows of `rows`. */
  firstRow: number;
}

/** A titled table of the sheet: "N. title", a header row, rows until an empty row. */
function table(ss: LocalSpreadsheet, title: string): ReadTable {
  const values = grid(ss, SHEET);
  const t = values.findIndex(
    (r) => typeof r[0] === 'string' && /^\d+\. /.test(r[0]) && r[0].slice(r[0].indexOf(' ') + 1) === title,
  );
  if (t < 0) throw new Error(`no table ${title}`);
  const rows: Cell[][] = [];
  for (let i = t + 2; i < values.length; i++) {
    const r = values[i] as Cell[];
    if (r.every((v) => v === '' || v === null)) break;
    rows.push(r);
  }
  return { titleRow: t + 1, headerRow: t + 2, header: (values[t + 1] as Cell[]).map(String), rows, firstRow: t + 3 };
}

interface Expected {
  total: number;
  guests: number;
  women: number;
  bands: number[];
  categories: Record<string, number>;
  perUnit: Record<string, number>;
  /** Số chính thức of `Phân bổ` by unit code. */
  seats: Record<string, number>;
}

/** Counts from the raw cells with this test's own parsing (template columns, default age bands). */
function independentCount(ss: LocalSpreadsheet): Expected {
  const config = grid(ss, 'Cấu hình');
  const year = Number(config.find((r) => r[0] === 'Năm')?.[1]);
  const unitNames = new Map(
    grid(ss, 'Đơn vị')
      .slice(1)
      .map((r) => [key(r[0]), String(r[1])]),
  );
  const rows = grid(ss, 'Đại biểu').slice(1);
  const kindOf = (r: Cell[]) => key(r[7]);
  const official = rows.filter((r) => ['chinh thuc', 'duong nhien'].includes(kindOf(r)));
  const e: Expected = {
    total: official.length,
    guests: rows.filter((r) => kindOf(r) === 'khach moi').length,
    women: official.filter((r) => key(r[4]) === 'nu').length,
    bands: [0, 0, 0, 0],
    categories: {},
    perUnit: {},
    seats: {},
  };
  for (const r of official) {
    const born = Number(String(r[5]).replace(/[.,]/g, ''));
    if (String(r[5]).trim() !== '' && Number.isInteger(born) && born <= year) {
      const age = year - born;
      (e.bands as number[])[age < 30 ? 0 : age <= 45 ? 1 : age <= 60 ? 2 : 3]! += 1;
    }
    const c = String(r[6] ?? '').trim();
    if (c) e.categories[c] = (e.categories[c] ?? 0) + 1;
    const unit = key(r[2]) === 'cap tinh' ? 'Cấp tỉnh' : (unitNames.get(key(r[2])) ?? String(r[2]));
    e.perUnit[unit] = (e.perUnit[unit] ?? 0) + 1;
  }
  const allocation = grid(ss, 'Phân bổ');
  const head = (allocation[0] ?? []).map(String);
  const code = head.indexOf('Mã đơn vị');
  const final = head.indexOf('Số chính thức');
  for (const r of allocation.slice(1)) {
    if (r[code] === '' || typeof r[final] !== 'number') continue;
    if (/^(tổng|cộng)/i.test(String(r[code]))) continue;
    e.seats[String(r[code])] = r[final] as number;
  }
  return e;
}

function charts(ss: LocalSpreadsheet, name = SHEET): ChartRecord[] {
  return (ss.localSheet(name)?.charts ?? []).map((c) => c.record());
}

/** The cells a chart's range covers, read from the sheet (header row first). */
function chartCells(ss: LocalSpreadsheet, chart: ChartRecord): Cell[][] {
  const a1 = chart.ranges[0]?.replace(/^'?Thống kê'?!/, '') ?? '';
  return statisticsSheet(ss).getRange(a1).getValues() as Cell[][];
}

function write(rt: Runtime): StatisticsResultDto {
  return runBundle(rt, 'writeStatistics').result as StatisticsResultDto;
}

function checkAgainstCount(ss: LocalSpreadsheet, rt: Runtime): void {
  const want = independentCount(ss);
  const summary = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
  const totals = table(ss, 'Tổng số đại biểu');
  expect(totals.rows[0]).toEqual(['Đại biểu chính thức và đương nhiên', want.total, '', '', '']);
  expect(totals.rows[3]?.[1]).toBe(want.guests);
  const women = table(ss, 'Đại biểu nữ');
  expect(women.rows[0]?.slice(0, 2)).toEqual(['Đại biểu nữ', want.women]);
  // Rounded to a tenth of a percent as Báo cáo cơ cấu prints it (each share on its own): off by at most 0.05%.
  expect(Math.abs((women.rows[0]?.[2] as number) - want.women / want.total)).toBeLessThan(0.001 + 1e-12);
  expect(Number.isInteger(Math.round((women.rows[0]?.[2] as number) * 1e6) / 1000)).toBe(true);
  const ages = table(ss, 'Theo nhóm tuổi');
  expect(ages.rows.slice(0, 4).map((r) => r[1])).toEqual(want.bands);
  const categories = table(ss, 'Theo thành phần');
  expect(
    Object.fromEntries(categories.rows.filter((r) => r[0] !== 'Chưa ghi thành phần').map((r) => [r[0], r[1]])),
  ).toEqual(want.categories);
  const units = table(ss, 'Theo đơn vị');
  expect(Object.fromEntries(units.rows.filter((r) => (r[2] as number) > 0).map((r) => [r[1], r[2]]))).toEqual(
    want.perUnit,
  );
  const ethnic = table(ss, 'Theo dân tộc');
  expect(ethnic.rows.filter((r) => r[0] !== 'Chưa ghi dân tộc').map((r) => [r[0], r[1]])).toEqual(
    summary.byEthnicGroup.map((g) => [g.group, g.count]),
  );
  const seats = table(ss, 'Số đại biểu phân bổ theo đơn vị');
  expect(Object.fromEntries(seats.rows.map((r) => [r[0], r[2]]))).toEqual(want.seats);

  // Numbers are numbers, shares percent, names text.
  const sheet = statisticsSheet(ss);
  const formatAt = (row: number, column: number) => sheet.getRange(row, column).getNumberFormat();
  expect(formatAt(ethnic.firstRow, 1)).toBe('@');
  expect(formatAt(ethnic.firstRow, 2)).toBe('#,##0');
  expect(formatAt(ethnic.firstRow, 3)).toBe('0.0%');
  expect(sheet.getRange(ethnic.titleRow, 1).getFontWeight()).toBe('bold');

  // The charts draw the right cells.
  const byTitle = Object.fromEntries(charts(ss).map((c) => [c.options.title, c]));
  expect(Object.keys(byTitle).sort()).toEqual(
    ['Số đại biểu phân bổ theo đơn vị', 'Đại biểu chính thức theo dân tộc', 'Đại biểu theo nhóm tuổi'].sort(),
  );
  const seatChart = byTitle['Số đại biểu phân bổ theo đơn vị'] as ChartRecord;
  expect(seatChart.type).toBe('BAR');
  expect(chartCells(ss, seatChart)).toEqual([
    ['Tên đơn vị', 'Số đại biểu phân bổ'],
    ...seats.rows.map((r) => [r[1], r[2]]),
  ]);
  const ethnicChart = byTitle['Đại biểu chính thức theo dân tộc'] as ChartRecord;
  expect(['BAR', 'PIE']).toContain(ethnicChart.type);
  expect(chartCells(ss, ethnicChart)).toEqual([
    ['Dân tộc', 'Số đại biểu'],
    ...summary.byEthnicGroup.map((g) => [g.group, g.count]),
  ]);
  const ageChart = byTitle['Đại biểu theo nhóm tuổi'] as ChartRecord;
  expect(ageChart.type).toBe('COLUMN');
  expect(chartCells(ss, ageChart)).toEqual([
    ['Nhóm tuổi', 'Số đại biểu'],
    ...summary.ageBands.map((b) => [b.label, b.count]),
  ]);
  for (const c of charts(ss)) {
    expect(c.numHeaders).toBe(1);
    expect(c.options['hAxis.title']).toBeTruthy();
    expect(c.options['vAxis.title']).toBeTruthy();
    expect(c.position.anchorColumn).toBeGreaterThan(5); // right of the tables
  }
}

describe('Thống kê equals an independent count', () => {
  builtCodePath();
  it.each(['lang-son', 'lang-son-cap-xa'])('sample %s', (name) => {
    const ss = buildSample(SAMPLES[name]!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    const result = write(rt);
    expect(result.ok).toBe(true);
    expect(result.charts).toBe(3);
    expect(result.message).toContain('Thống kê');
    checkAgainstCount(ss, rt);
  });

  it('a generated province', () => {
    const { spreadsheet } = buildSynthetic({ units: 40, delegates: 1500 });
    const rt = new Runtime({ spreadsheet, now: SYNTHETIC_NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    write(rt);
    const summary = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    const want = independentCount(spreadsheet);
    expect(table(spreadsheet, 'Tổng số đại biểu').rows[0]?.[1]).toBe(summary.total);
    expect(
      Object.fromEntries(table(spreadsheet, 'Số đại biểu phân bổ theo đơn vị').rows.map((r) => [r[0], r[2]])),
    ).toEqual(want.seats);
    expect(Object.keys(want.seats).length).toBe(40);
    const oldest = table(spreadsheet, 'Đại biểu cao tuổi nhất và trẻ tuổi nhất').rows[0];
    expect(oldest?.[2]).toBe(summary.oldest?.age);
    expect(charts(spreadsheet)).toHaveLength(3);
  });
});

describe('re-runs replace, never duplicate', () => {
  it('a second run after delegates were removed: same 3 charts, no stale row', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    write(rt);
    const first = statisticsSheet(ss).getLastRow();
    const firstIds = charts(ss).map((c) => c.chartId);
    // The officer empties the delegate list but five rows: the tables get shorter.
    const delegates = ss.getSheetByName('Đại biểu')!;
    const last = delegates.getLastRow();
    delegates.getRange(7, 1, last - 6, delegates.getLastColumn()).clearContent();
    write(rt);
    const sheet = statisticsSheet(ss);
    expect(charts(ss)).toHaveLength(3);
    expect(charts(ss).map((c) => c.chartId)).not.toEqual(firstIds);
    // Exactly the new layout: nothing below or beside it from the first run.
    const values = grid(ss, SHEET);
    const lastTable = table(ss, 'Số đại biểu phân bổ theo đơn vị');
    expect(sheet.getLastRow()).toBe(lastTable.firstRow + lastTable.rows.length - 1);
    expect(sheet.getLastRow()).toBeLessThan(first);
    expect(values.every((r) => r.slice(5).every((v) => v === ''))).toBe(true);
    expect(table(ss, 'Tổng số đại biểu').rows[0]?.[1]).toBe(independentCount(ss).total);
    // The charts point inside the new tables.
    for (const c of charts(ss)) for (const row of chartCells(ss, c).slice(1)) expect(row[0]).not.toBe('');
  });

  it("the officer's charts (on Thống kê and on another sheet) stay; their sheets are untouched", () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    const units = ss.localSheet('Đơn vị')!;
    units.insertChart(
      units
        .newChart()
        .setChartType(ChartType.PIE as never)
        .addRange(units.getRange('A1:B5'))
        .setPosition(3, 8, 0, 0)
        .build(),
    );
    const userChart = charts(ss, 'Đơn vị');
    write(rt);
    const stats = statisticsSheet(ss);
    stats.insertChart(
      stats.newChart().asPieChart().addRange(stats.getRange('A12:B14')).setPosition(70, 9, 0, 0).build(),
    );
    const officerOnStats = charts(ss).at(-1) as ChartRecord;
    const before = snapshot(ss);
    write(rt);
    expect(charts(ss, 'Đơn vị')).toEqual(userChart);
    expect(charts(ss)).toHaveLength(4);
    expect(charts(ss)).toContainEqual(officerOnStats);
    // Only Thống kê changed (its subtitle carries the time; here the same time: nothing at all).
    expect(diff(before, snapshot(ss)).filter((d) => d.sheet !== SHEET)).toEqual([]);
  });
});

describe('a Thống kê the add-in did not create is never written', () => {
  it.each([['Thống kê'], ['THỐNG KÊ '], ['Thống kê'.normalize('NFD')]])('sheet "%s" of the officer', (name) => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const own = ss.addSheet(name);
    own.getRange('A1:B2').setValues([
      ['Ghi chú của tôi', 5],
      ['=SUM(B1)', 7],
    ]);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const before = snapshot(ss);
    expect(() => write(rt)).toThrow(/không do tiện ích tạo.*không ghi gì/);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(ss.localSheets().filter((s) => key(s.getName()) === key('Thống kê'))).toHaveLength(1);
    expect(own.charts).toHaveLength(0);
  });

  it('the add-in\'s own sheet renamed by the officer is still its own; a new "Thống kê" of the officer is not', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    write(rt);
    const ours = statisticsSheet(ss);
    ours.setName('Thống kê 2024');
    const result = write(rt);
    expect(result.ok).toBe(true);
    expect(ss.localSheet('Thống kê 2024')?.charts.length).toBeGreaterThan(0);
    ss.addSheet('Thống kê');
    expect(() => write(rt)).toThrow(/không do tiện ích tạo/);
  });
});

describe('text stays text', () => {
  it('a unit named "=SUM(A1)" and a delegate named "=1+1" are written as text', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    const units = ss.getSheetByName('Đơn vị')!;
    units.getRange(2, 2).setValue("'=SUM(A1)");
    // The oldest delegate gets a formula-looking name.
    const delegates = ss.getSheetByName('Đại biểu')!;
    const rows = delegates.getDataRange().getValues();
    let oldest = 1;
    for (let i = 1; i < rows.length; i++)
      if (['Chính thức', 'Đương nhiên'].includes(String(rows[i]?.[7])) && Number(rows[i]?.[5]) > 0)
        if (oldest === 1 || Number(rows[i]?.[5]) < Number(rows[oldest]?.[5])) oldest = i;
    delegates.getRange(oldest + 1, 2).setValue("'=1+1");
    write(rt);
    const sheet = statisticsSheet(ss);
    const formulas = sheet.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    const values = grid(ss, SHEET);
    expect(values.flat()).toContain('=SUM(A1)');
    expect(table(ss, 'Đại biểu cao tuổi nhất và trẻ tuổi nhất').rows[0]?.[1]).toBe('=1+1');
  });
});

describe('calls flat in rows', () => {
  it('the same service calls at 100 and 4,000 delegates, and at 40 and 150 units', () => {
    const calls = (units: number, delegates: number) => {
      const { spreadsheet } = buildSynthetic({ units, delegates });
      const rt = new Runtime({ spreadsheet, now: SYNTHETIC_NOW });
      runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
      write(rt); // the second run (a sheet and charts to replace) is the usual one
      return runBundle(rt, 'writeStatistics').calls;
    };
    const small = calls(40, 1500);
    expect(calls(40, 4000)).toEqual(small);
    // 150 units: the most bars a chart is drawn with (above, the seats chart is left out: attack4-charts-large).
    expect(calls(150, 4000)).toEqual(small);
    expect(small['Range.setValues']).toBe(1);
    expect(small['Range.setNumberFormats']).toBe(1);
    expect(small['Sheet.insertChart']).toBe(3);
    expect(small['Sheet.removeChart']).toBe(3);
  });
});

describe('bare and changed workbooks', () => {
  it('a workbook just set up: the tables say what is missing, no chart', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    const result = write(rt);
    expect(result.ok).toBe(true);
    expect(result.charts).toBe(0);
    expect(charts(rt.spreadsheet)).toEqual([]);
    expect(table(rt.spreadsheet, 'Số đại biểu phân bổ theo đơn vị').rows).toEqual([
      ['Chưa có số đại biểu phân bổ (chạy "Phân bổ đại biểu" trước)', '', '', '', ''],
    ]);
  });

  it('without Đại biểu: refused in Vietnamese, nothing created', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    rt.spreadsheet.deleteSheet(rt.spreadsheet.getSheetByName('Đại biểu')!);
    expect(() => write(rt)).toThrow(/Chưa có trang "Đại biểu"/);
    expect(rt.spreadsheet.localSheet(SHEET)).toBeUndefined();
  });

  it("the add-in's sheet deleted by the officer: made again, with its charts", () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    write(rt);
    ss.deleteSheet(ss.getSheetByName(SHEET)!);
    expect(write(rt).charts).toBe(3);
    expect(charts(ss)).toHaveLength(3);
  });

  it("a user who may not edit the add-in's sheet: refused, restored, said in Vietnamese", () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const owner = ss.getOwner()!.getEmail();
    ss.addEditor('can.bo@example.com');
    const rt = new Runtime({ spreadsheet: ss, now: NOW, user: owner });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    write(rt);
    // The add-in's own protection is warning-only; the owner makes it a real one.
    const protection = ss.getSheetByName(SHEET)!.protect().setWarningOnly(false);
    protection.removeEditors(protection.getEditors());
    const before = snapshot(ss);
    const chartsBefore = charts(ss).map(({ chartId: _id, ...rest }) => rest);
    const other = new Runtime({ spreadsheet: ss, now: NOW, user: 'can.bo@example.com' });
    expect(() => write(other)).toThrow(/vùng được bảo vệ.*đã khôi phục/);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(charts(ss).map(({ chartId: _id, ...rest }) => rest)).toEqual(chartsBefore);
  });
});

/**
 * The runtime's embedded charts as the reference pages describe them (local/runtime/charts.ts):
 * a builder records type, ranges, options and position; build() draws nothing and the chart has no
 * id until insertChart; modify() + updateChart replace a chart in place; the calls are counted and
 * can fail like Google's; a protected sheet refuses a chart from a user who may not edit it.
 */
import { Runtime } from '../../local/runtime';
import { ChartType, type LocalEmbeddedChart } from '../../local/runtime/charts';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

function setup() {
  const ss = LocalSpreadsheet.create();
  const sheet = ss.localActiveSheet();
  sheet.getRange('A1:B4').setValues([
    ['Nhóm', 'Số'],
    ['A', 1],
    ['B', 2],
    ['C', 3],
  ]);
  return { ss, sheet };
}

describe('EmbeddedChartBuilder', () => {
  it('records type, ranges, options, position, headers; addRange does not add a range twice', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(ChartType.COLUMN as never)
      .addRange(sheet.getRange('A1:B4'))
      .addRange(sheet.getRange('A1:B4'))
      .setOption('title', 'Tiêu đề')
      .setOption('hAxis.title', 'Trục')
      .setPosition(3, 7, 10, 20)
      .setNumHeaders(1)
      .build();
    const local = chart as unknown as LocalEmbeddedChart;
    expect(local.record()).toEqual({
      chartId: null,
      type: 'COLUMN',
      ranges: ["'Trang tính1'!A1:B4"],
      options: { title: 'Tiêu đề', 'hAxis.title': 'Trục' },
      position: { anchorRow: 3, anchorColumn: 7, offsetX: 10, offsetY: 20 },
      numHeaders: 1,
      transpose: false,
    });
    // build() does not put the chart on the sheet.
    expect(sheet.getCharts()).toHaveLength(0);
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [got] = sheet.getCharts() as GasChart[];
    expect(got?.getChartId()).toEqual(expect.any(Number));
    expect(got?.getOptions().get('title')).toBe('Tiêu đề');
    expect(got?.getOptions().get('vAxis.title')).toBeNull();
    expect(got?.getContainerInfo().getAnchorRow()).toBe(3);
    expect(got?.getContainerInfo().getAnchorColumn()).toBe(7);
    expect(got?.getRanges()[0]?.getA1Notation()).toBe('A1:B4');
  });

  it('refuses to build without a type or without a range; refuses a type given as text', () => {
    const { sheet } = setup();
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:B4')).build()).toThrow(/chart type/);
    expect(() => sheet.newChart().asBarChart().build()).toThrow(/at least one data range/);
    expect(() =>
      sheet
        .newChart()
        .setChartType('BAR' as never)
        .addRange(sheet.getRange('A1:B4')),
    ).toThrow(/don't match the method signature/);
    expect(() =>
      sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B4')).removeRange(sheet.getRange('A1:B4')).build(),
    ).toThrow(/at least one data range/);
  });

  it('modify() + updateChart keep the id and replace the chart; removeChart removes only that chart', () => {
    const { sheet } = setup();
    const build = (title: string) =>
      sheet.newChart().asBarChart().addRange(sheet.getRange('A1:B4')).setOption('title', title).build();
    sheet.insertChart(build('Một'));
    sheet.insertChart(build('Hai'));
    const [one, two] = sheet.getCharts() as GasChart[];
    expect(one?.getChartId()).not.toBe(two?.getChartId());
    const changed = one?.modify().setOption('title', 'Một (sửa)').setPosition(5, 5, 0, 0).build() as GasChart;
    // Not saved until updateChart.
    expect((sheet.getCharts()[0] as GasChart).getOptions().get('title')).toBe('Một');
    sheet.updateChart(changed);
    expect(sheet.getCharts().map((c) => (c as GasChart).getOptions().get('title'))).toEqual(['Một (sửa)', 'Hai']);
    expect((sheet.getCharts()[0] as GasChart).getChartId()).toBe(one?.getChartId());
    sheet.removeChart(two as GasChart);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(() => sheet.removeChart(two as GasChart)).toThrow(/does not exist/);
    expect(() => sheet.removeChart(build('Chưa chèn'))).toThrow(/does not exist/);
  });

  it('chart ids are unique across the spreadsheet', () => {
    const { ss, sheet } = setup();
    const other = ss.addSheet('Khác');
    sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange('A1:B4')).build());
    other.insertChart(other.newChart().asBarChart().addRange(sheet.getRange('A1:B4')).build());
    expect(sheet.charts[0]?.chartId).not.toBe(other.charts[0]?.chartId);
  });
});

describe('through the counting boundary', () => {
  it('calls are counted by class, faults fail like Google, Charts.ChartType is a global enum', () => {
    const rt = new Runtime({ now: '2024-01-05T08:00:00+07:00' });
    rt.spreadsheet
      .localActiveSheet()
      .getRange('A1:B2')
      .setValues([
        ['a', 1],
        ['b', 2],
      ]);
    const { SpreadsheetApp } = rt.globals;
    const sheet =
      SpreadsheetApp.getActiveSpreadsheet().getActiveSheet() as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    rt.resetCalls();
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2')).build();
    sheet.insertChart(chart);
    expect(rt.calls).toMatchObject({
      'Sheet.newChart': 1,
      'EmbeddedChartBuilder.asColumnChart': 1,
      'EmbeddedChartBuilder.addRange': 1,
      'EmbeddedChartBuilder.build': 1,
      'Sheet.insertChart': 1,
    });
    rt.failOn('Sheet.insertChart');
    expect(() => sheet.insertChart(chart)).toThrow(/Service Spreadsheets failed/);
    expect(rt.spreadsheet.localActiveSheet().charts).toHaveLength(1);
    expect(String(ChartType.PIE)).toBe('PIE');
    expect(ChartType.PIE).not.toBe('PIE');
  });

  it('a protected sheet refuses a chart from a user who may not edit it', () => {
    const ss = LocalSpreadsheet.create({ owner: 'owner@example.com', editors: ['can.bo@example.com'] });
    const owner = new Runtime({ spreadsheet: ss, user: 'owner@example.com', now: '2024-01-05T08:00:00+07:00' });
    const sheet =
      owner.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet() as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange('A1:B2').setValues([
      ['a', 1],
      ['b', 2],
    ]);
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    const other = new Runtime({ spreadsheet: ss, user: 'can.bo@example.com', now: '2024-01-05T08:00:00+07:00' });
    const theirs =
      other.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet() as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    const chart = theirs.newChart().asBarChart().addRange(theirs.getRange('A1:B2')).build();
    expect(() => theirs.insertChart(chart)).toThrow(/protected cell or object/);
    expect(ss.localActiveSheet().charts).toHaveLength(0);
  });
});

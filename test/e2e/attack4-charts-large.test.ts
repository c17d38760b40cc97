/**
 * Attack on writeStatistics at the size of a real province: a BAR chart of every unit. At 65 units
 * (Lạng Sơn, cấp xã) a 400 px chart gives each bar 5 px and Sheets drops the labels; at 3,321 units
 * the chart is thousands of unreadable bars. The BAR charts grow 20 px a bar (the next chart is
 * anchored below), and a chart of more than 150 bars is not drawn: the message says so and the table
 * keeps every figure. The record of the sheet stays far below the 9 KB of a property value.
 */
import { buildSynthetic, SYNTHETIC_NOW } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import type { StatisticsResultDto } from '../../src/rpc/contract';

const SHEET = 'Thống kê';
const ROW_PX = 21;

describe('charts a province can read', () => {
  builtCodePath();

  it('65 units: the seats chart has 20 px a bar and does not cover the next chart', () => {
    const ss = buildSample(SAMPLES['lang-son-cap-xa']!);
    const rt = new Runtime({ spreadsheet: ss, now: '2024-01-05T08:00:00+07:00' });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    const result = runBundle(rt, 'writeStatistics').result as StatisticsResultDto;
    expect(result.charts).toBe(3);
    const charts = ss.localSheet(SHEET)!.charts.map((c) => c.record());
    const seats = charts.find((c) => c.options.title === 'Số đại biểu phân bổ theo đơn vị')!;
    const bars = Number(/\d+$/.exec(seats.ranges[0] ?? '')?.[0]) - Number(/(\d+):/.exec(seats.ranges[0] ?? '')?.[1]);
    expect(bars).toBeGreaterThanOrEqual(60);
    expect(seats.options.height as number).toBeGreaterThanOrEqual(20 * bars);
    const sorted = [...charts].sort((a, b) => a.position.anchorRow - b.position.anchorRow);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      expect((prev.position.anchorRow - 1) * ROW_PX + (prev.options.height as number)).toBeLessThan(
        (sorted[i]!.position.anchorRow - 1) * ROW_PX,
      );
    }
  });

  it('3,321 units: no chart of 3,321 bars; the message says where the figures are; the record stays small', () => {
    const { spreadsheet: ss } = buildSynthetic({ units: 3321, delegates: 12000 });
    const rt = new Runtime({ spreadsheet: ss, now: SYNTHETIC_NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    const result = runBundle(rt, 'writeStatistics').result as StatisticsResultDto;
    const titles = ss.localSheet(SHEET)!.charts.map((c) => c.record().options.title);
    expect(titles).not.toContain('Số đại biểu phân bổ theo đơn vị');
    expect(result.charts).toBe(titles.length);
    expect(result.message).toMatch(/Không vẽ biểu đồ "Số đại biểu phân bổ theo đơn vị" vì có 3\.321 dòng/);
    // The table keeps every unit.
    const values = ss.getSheetByName(SHEET)!.getDataRange().getValues();
    const head = values.findIndex((r) => r[2] === 'Số đại biểu phân bổ');
    expect(values.length - head - 1).toBe(3321);
    const record = rt.services.PropertiesService.getDocumentProperties().getProperty('dtts.statistics') ?? '';
    expect(record.length).toBeLessThan(2000);
    // A re-run over the untouched sheet goes through.
    expect((runBundle(rt, 'writeStatistics').result as StatisticsResultDto).ok).toBe(true);
  });
});

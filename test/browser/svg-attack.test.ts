/**
 * The sidebar's charts attacked with what the server really answers (views bundled alone into a blank
 * page in Chromium, fed the results of the built bundle on the local runtime): every decorated workbook
 * of the trust corpus (composition and allocation), a generated province of 3,321 communes allocated
 * for real, 54 groups and tens of thousands of delegates (the figures fit in the chart), unit names
 * typed decomposed (NFD) and a negative Số chính thức after a hand adjustment (printed as it is).
 */
import type { Browser, Page } from 'playwright-core';
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { KON_TUM } from '../../samples/kon-tum';
import { LANG_SON } from '../../samples/lang-son';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import type { AllocationResultDto, AllocationRowDto, CompositionSummaryDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { compositionSummary, openChartPage } from './chartReading';

// The browser side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface Rect {
  width: number;
  left: number;
  right: number;
}
interface El {
  textContent: string;
  open: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getBoundingClientRect(): Rect;
  closest(selector: string): El | null;
  replaceChildren(...nodes: El[]): void;
}
interface Views {
  compositionFigures(s: CompositionSummaryDto): El;
  allocationChart(rows: AllocationRowDto[]): El | null;
}
declare const window: { svgViews: Views };
declare const document: { getElementById(id: string): El };

interface Drawn {
  charts: number;
  /** Per chart: its bars' data-value, width attribute, label, value text, and whether its texts end inside it. */
  bars: Record<string, { values: number[]; widths: number[]; labels: string[]; texts: string[]; inside: boolean }>;
  nan: boolean;
}

describe('the charts on what the server answers', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openChartPage(
      [
        "export { compositionFigures } from './views/composition';",
        "export { allocationChart } from './views/allocationExplanation';",
      ],
      'svgViews',
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Draws a composition or an allocation in the 276 px box and reads back every chart. */
  function draw(input: { composition: CompositionSummaryDto } | { rows: AllocationRowDto[] }): Promise<Drawn> {
    return page.evaluate((what) => {
      const box = document.getElementById('box');
      const el =
        'rows' in what
          ? window.svgViews.allocationChart(what.rows)
          : window.svgViews.compositionFigures(what.composition);
      if (!el) return { charts: 0, bars: {}, nan: false };
      box.replaceChildren(el);
      if ('rows' in what) el.open = true;
      const charts = Array.from(el.querySelectorAll('svg'));
      const bars: Drawn['bars'] = {};
      for (const [i, svg] of charts.entries()) {
        // By its figure: the composition also draws the allocation of Phân bổ when there is one.
        const kind =
          svg.closest('[data-chart-of]')?.getAttribute('data-chart-of') ??
          (svg.getAttribute('data-chart') === 'share' ? 'women' : 'rows' in what ? 'allocation' : `chart${i}`);
        const box = svg.getBoundingClientRect();
        const texts = Array.from(svg.querySelectorAll('text'));
        // 3,000 rows: the layout of the first hundred says enough (the same code draws every row).
        const sample = texts.slice(0, 200);
        bars[kind] = {
          values: Array.from(svg.querySelectorAll('rect.chart-bar')).map((b) => Number(b.getAttribute('data-value'))),
          widths: Array.from(svg.querySelectorAll('rect.chart-bar')).map((b) => Number(b.getAttribute('width'))),
          labels: Array.from(svg.querySelectorAll('.chart-label')).map((t) => t.textContent),
          texts: Array.from(svg.querySelectorAll('.chart-value')).map((t) => t.textContent),
          inside: sample.every((t) => t.getBoundingClientRect().right <= box.right + 0.5),
        };
      }
      const nan = Array.from(el.querySelectorAll('svg *')).some((n) =>
        ['x', 'y', 'width', 'height', 'x1', 'x2'].some((a) => (n.getAttribute(a) ?? '').includes('NaN')),
      );
      return { charts: charts.length, bars, nan };
    }, input);
  }

  describe('decorated workbooks of the trust corpus', () => {
    it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, w) => {
      const ss = w.build();
      const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
      const composition = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
      const c = await draw({ composition });
      expect(c.nan).toBe(false);
      if (composition.ok && composition.total > 0) {
        expect(c.charts).toBeGreaterThanOrEqual(2);
        // Every official delegate is in exactly one bar of each bar chart.
        const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
        expect(sum(c.bars.groups?.values)).toBe(composition.total);
        if (composition.ageBands.length > 0) expect(sum(c.bars.ages?.values)).toBe(composition.total);
        for (const chart of Object.values(c.bars)) expect(chart.inside).toBe(true);
      } else {
        expect(c.charts).toBe(0);
      }
      const allocation = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
      if (allocation.ok) {
        const a = await draw({ rows: allocation.rows });
        expect(a.bars.allocation?.values).toEqual(allocation.rows.map((r) => Math.max(0, r.final)));
        expect(a.bars.allocation?.texts).toEqual(allocation.rows.map((r) => String(r.final)));
        expect(a.bars.allocation?.inside).toBe(true);
        expect(a.nan).toBe(false);
      }
    });
  });

  describe('the three samples', () => {
    it.each([
      ['Lạng Sơn', LANG_SON],
      ['Kon Tum', KON_TUM],
      ['Lạng Sơn, communes', LANG_SON_COMMUNES],
    ] as const)('%s: each delegate in one bar of each chart; the allocation as Phân bổ', async (_name, sample) => {
      const ss = buildSample(sample);
      const rt = new Runtime({ spreadsheet: ss, now: '2024-01-14T09:00:00+07:00' });
      const composition = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
      const c = await draw({ composition });
      expect(c.nan).toBe(false);
      if (composition.total > 0) {
        const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
        expect(sum(c.bars.groups?.values)).toBe(composition.total);
        expect(sum(c.bars.ages?.values)).toBe(composition.total);
        for (const chart of Object.values(c.bars)) expect(chart.inside).toBe(true);
      }
      const allocation = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
      expect(allocation.ok).toBe(true);
      const a = await draw({ rows: allocation.rows });
      expect(a.bars.allocation?.texts).toEqual(allocation.rows.map((r) => String(r.final)));
      expect(a.bars.allocation?.labels).toHaveLength(allocation.rows.length);
      expect(a.bars.allocation?.inside).toBe(true);
    });
  });

  test('a workbook set up, with no delegate yet: the reason, no chart', async () => {
    const rt = new Runtime({ now: '2025-03-10T09:00:00+07:00' });
    runBundle(rt, 'setupWorkbook');
    const composition = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(composition.total).toBe(0);
    const c = await draw({ composition });
    expect(c.charts).toBe(0);
    const text = await page.evaluate(() => document.getElementById('box').textContent);
    expect(text).toContain(composition.message);
  });

  test('a generated province of 3,321 communes, allocated for real: one bar per commune, by name, in order', async () => {
    const { spreadsheet } = buildSynthetic({ units: 3321, delegates: 6000 });
    const allocation = runBundle(new Runtime({ spreadsheet, now: '2025-03-10T09:00:00+07:00' }), 'allocateDelegates')
      .result as AllocationResultDto;
    expect(allocation.ok).toBe(true);
    expect(allocation.rows).toHaveLength(3321);
    const a = await draw({ rows: allocation.rows });
    const chart = a.bars.allocation;
    expect(chart?.labels).toHaveLength(3321);
    expect(chart?.labels.slice(0, 3)).toEqual(allocation.rows.slice(0, 3).map((r) => r.name.normalize('NFC')));
    expect(chart?.texts).toEqual(allocation.rows.map((r) => String(r.final)));
    const max = Math.max(...allocation.rows.map((r) => r.final));
    const widest = Math.max(...(chart?.widths ?? []));
    for (const [i, r] of allocation.rows.entries()) {
      if (i % 97 === 0) expect(chart?.widths[i]).toBeCloseTo((r.final / max) * widest, 1);
    }
    expect(chart?.inside).toBe(true);
    expect(a.nan).toBe(false);
  });

  test('54 groups and 50,000 delegates: 6 by name, "Khác (48 dân tộc)", every figure inside the chart', async () => {
    const total = 50_000;
    const counts: number[] = Array.from({ length: 54 }, (_, i) => (i === 0 ? 12_345 : 0));
    let left = total - 12_345;
    for (let i = 1; i < 54; i++) {
      const n = i === 53 ? left : Math.floor(left / 3);
      counts[i] = n;
      left -= n;
    }
    counts.sort((a, b) => b - a);
    const composition = compositionSummary({
      year: 2025,
      total,
      official: total,
      byEthnicGroup: counts.map((count, i) => ({ group: `Dân tộc thứ ${i + 1}`, count, share: count / total })),
      women: { count: 16_650, share: 0.333 },
      ageBands: [
        { label: 'Dưới 30 tuổi', from: null, to: 29, count: 10_000, share: 0.2 },
        { label: 'Từ 30 đến 45 tuổi', from: 30, to: 45, count: 40_000, share: 0.8 },
      ],
      minWomenShare: 0.35,
    });
    const c = await draw({ composition });
    expect(c.bars.groups?.labels).toHaveLength(7);
    expect(c.bars.groups?.labels[6]).toBe('Khác (48 dân tộc)');
    expect(c.bars.groups?.values.reduce((a, b) => a + b, 0)).toBe(total);
    expect(c.bars.ages?.texts).toEqual(['10.000 (20,0 %)', '40.000 (80,0 %)']);
    for (const chart of Object.values(c.bars)) expect(chart.inside).toBe(true);
  });

  test('NFD unit names are drawn composed; a negative Số chính thức is printed as it is, with no bar', async () => {
    const row = (code: string, name: string, final: number): AllocationRowDto => ({
      code,
      name,
      dttsPopulation: 1000,
      quota: 1,
      seats: 1,
      adjustment: final - 1,
      final,
      registered: 0,
      difference: 0,
    });
    const a = await draw({
      rows: [row('ML', 'Mường Lát'.normalize('NFD'), 5), row('QS', 'Quan Sơn'.normalize('NFD'), -2), row('Z', '', 0)],
    });
    expect(a.bars.allocation?.labels).toEqual(['Mường Lát', 'Quan Sơn', 'Z']);
    expect(a.bars.allocation?.texts).toEqual(['5', '-2', '0']);
    expect(a.bars.allocation?.widths.slice(1)).toEqual([0, 0]);
    expect(a.nan).toBe(false);
  });
});

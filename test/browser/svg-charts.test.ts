/**
 * The sidebar's inline SVG charts built in Chromium (src/sidebar/charts.ts and the views that use it,
 * bundled alone into a blank page with the sidebar's styles, in a 276 px box as in the 300 px sidebar):
 * SVG elements in the SVG namespace, an image with a <title> and an aria-label, bars as wide on screen
 * as their values say, names as text (a name that is markup stays text and runs nothing), long names cut
 * with the full one in the bar's <title>, one group only, nobody counted, NFD names, and 3,321 units
 * that stay readable in a box that scrolls.
 */
import type { Browser, Page } from 'playwright-core';
import type { AllocationRowDto, CompositionSummaryDto } from '../../src/rpc/contract';
import type { Bar } from '../../src/sidebar/chartLayout';
import { compositionSummary, openChartPage } from './chartReading';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

// The browser side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface Rect {
  width: number;
  height: number;
  left: number;
  top: number;
}
interface El {
  tagName: string;
  namespaceURI: string | null;
  textContent: string;
  open: boolean;
  scrollHeight: number;
  clientHeight: number;
  firstElementChild: El | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & { [i: number]: El };
  getBoundingClientRect(): Rect;
  append(...nodes: El[]): void;
  replaceChildren(...nodes: El[]): void;
}
interface Charts {
  barChart(bars: Bar[], text: { title: string; summary: string }, options?: Record<string, number>): El;
  shareChart(
    share: number,
    minimum: number | null,
    text: { title: string; summary: string; minimumLabel?: string },
  ): El;
  compositionCharts(s: CompositionSummaryDto): El;
  compositionFigures(s: CompositionSummaryDto): El;
  allocationChart(rows: AllocationRowDto[]): El | null;
}
declare const window: { __xss?: unknown; svgCharts: Charts };
declare function getComputedStyle(el: never): unknown;
declare const document: {
  getElementById(id: string): El;
  querySelectorAll(selector: string): ArrayLike<El> & { [i: number]: El };
  body: El;
};

function row(code: string, name: string, final: number): AllocationRowDto {
  return {
    code,
    name,
    dttsPopulation: final * 1000,
    quota: final,
    seats: final,
    adjustment: 0,
    final,
    registered: 0,
    difference: -final,
  };
}

describe('inline SVG charts in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openChartPage(
      [
        "export { barChart, shareChart } from './charts';",
        "export { compositionCharts, compositionFigures } from './views/composition';",
        "export { allocationChart } from './views/allocationExplanation';",
      ],
      'svgCharts',
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('an image with a title and a summing-up label; bars as wide on screen as their values', async () => {
    const r = await page.evaluate(() => {
      const box = document.getElementById('box');
      const chart = window.svgCharts.barChart(
        [
          { label: 'Tày', value: 120 },
          { label: 'Nùng', value: 60 },
          { label: 'Dao', value: 0 },
          { label: 'Kinh', value: 30 },
        ],
        { title: 'Theo dân tộc', summary: 'Tày 120, Nùng 60, Dao 0, Kinh 30.' },
      );
      box.replaceChildren(chart);
      const bars = Array.from(chart.querySelectorAll('rect.chart-bar'));
      return {
        ns: chart.namespaceURI,
        tag: chart.tagName,
        role: chart.getAttribute('role'),
        label: chart.getAttribute('aria-label'),
        title: chart.firstElementChild?.tagName === 'title' ? chart.firstElementChild.textContent : null,
        barNs: bars[0]?.namespaceURI,
        widths: bars.map((b) => b.getBoundingClientRect().width),
        values: bars.map((b) => Number(b.getAttribute('data-value'))),
        texts: Array.from(chart.querySelectorAll('.chart-row') ?? []).map((g) => g.querySelector('title')?.textContent),
        labels: Array.from(chart.querySelectorAll('.chart-label') ?? []).map((t) => t.textContent),
        chartWidth: chart.getBoundingClientRect().width,
      };
    });
    expect(r.ns).toBe('http://www.w3.org/2000/svg');
    expect(r.tag).toBe('svg');
    expect(r.barNs).toBe('http://www.w3.org/2000/svg');
    expect(r.role).toBe('img');
    expect(r.label).toBe('Tày 120, Nùng 60, Dao 0, Kinh 30.');
    expect(r.title).toBe('Theo dân tộc');
    expect(r.values).toEqual([120, 60, 0, 30]);
    expect(r.labels).toEqual(['Tày', 'Nùng', 'Dao', 'Kinh']);
    expect(r.texts).toEqual(['Tày: 120', 'Nùng: 60', 'Dao: 0', 'Kinh: 30']);
    expect(r.chartWidth).toBeCloseTo(276, 0);
    const [tay = 0, nung = 0, dao = 1, kinh = 0] = r.widths;
    expect(tay).toBeGreaterThan(80);
    expect(nung / tay).toBeCloseTo(0.5, 2);
    expect(kinh / tay).toBeCloseTo(0.25, 2);
    expect(dao).toBe(0);
  });

  test('names that are markup stay text: nothing runs, no element is made of them', async () => {
    const r = await page.evaluate((payload) => {
      const box = document.getElementById('box');
      const chart = window.svgCharts.barChart(
        [
          { label: payload, value: 2 },
          { label: 'Bắc & "Nam" <b>', value: 1 },
        ],
        { title: payload, summary: payload },
        { maxLabelChars: 100 },
      );
      const allocation = window.svgCharts.allocationChart([
        { ...{ code: 'X', name: payload }, ...fields(3) },
        { ...{ code: 'Y', name: '<script>window.__xss=2</script>' }, ...fields(1) },
      ]);
      box.replaceChildren(chart);
      if (allocation) box.append(allocation);
      return {
        labels: Array.from(box.querySelectorAll('.chart-label') ?? []).map((t) => t.textContent),
        titles: Array.from(box.querySelectorAll('.chart-row > title') ?? []).map((t) => t.textContent),
        imgs: box.querySelectorAll('img').length,
        scripts: box.querySelectorAll('script').length,
        bold: box.querySelectorAll('b').length,
        aria: chart.getAttribute('aria-label'),
        xss: window.__xss,
      };
      function fields(n: number) {
        return { dttsPopulation: n, quota: n, seats: n, adjustment: 0, final: n, registered: 0, difference: 0 };
      }
    }, PAYLOAD);
    await page.waitForTimeout(50);
    expect(r.imgs).toBe(0);
    expect(r.scripts).toBe(0);
    expect(r.bold).toBe(0);
    expect(r.xss).toBeUndefined();
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(r.labels.slice(0, 2)).toEqual([PAYLOAD, 'Bắc & "Nam" <b>']);
    expect(r.labels[2]).toBe(PAYLOAD);
    expect(r.titles[2]).toBe(`${PAYLOAD}: 3 đại biểu (theo tỷ lệ 3,000)`);
    expect(r.titles[3]).toBe('<script>window.__xss=2</script>: 1 đại biểu (theo tỷ lệ 1,000)');
    expect(r.aria).toBe(PAYLOAD);
  });

  test('a long name is cut on screen and stays whole in its title', async () => {
    const full = 'Huyện Văn Lãng (gồm thị trấn Na Sầm và các xã biên giới)';
    const r = await page.evaluate((name) => {
      const chart = window.svgCharts.barChart([{ label: name, value: 5 }], { title: 't', summary: 's' });
      document.getElementById('box').replaceChildren(chart);
      const label = chart.querySelector('.chart-label');
      const bar = chart.querySelector('rect.chart-bar');
      return {
        label: label?.textContent,
        title: chart.querySelector('.chart-row > title')?.textContent,
        // The cut label ends inside the chart.
        labelRight: (label?.getBoundingClientRect().left ?? 0) + (label?.getBoundingClientRect().width ?? 0),
        chartRight: chart.getBoundingClientRect().left + chart.getBoundingClientRect().width,
        labelBottom: (label?.getBoundingClientRect().top ?? 0) + (label?.getBoundingClientRect().height ?? 0),
        barTop: bar?.getBoundingClientRect().top ?? 0,
      };
    }, full);
    expect(r.label).toBe('Huyện Văn Lãng (gồm thị trấn Na Sầm…');
    expect(r.title).toBe(`${full}: 5`);
    expect(r.labelRight).toBeLessThanOrEqual(r.chartRight);
    // The label's line is above its bar: they never overlap.
    expect(r.labelBottom).toBeLessThanOrEqual(r.barTop + 0.5);
  });

  test('labels in capitals, in small letters, with wide letters: each ends inside the chart', async () => {
    const names = [
      'ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG TỈNH LÀO CAI',
      'MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM',
      'mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm',
      'Huyện Văn Lãng (gồm thị trấn Na Sầm và các xã)',
      'Đồng Đăng Đồng Đăng Đồng Đăng Đồng Đăng Đồng',
    ];
    const r = await page.evaluate((labels) => {
      const chart = window.svgCharts.barChart(
        labels.map((label) => ({ label, value: 1 })),
        { title: 't', summary: 's' },
      );
      document.getElementById('box').replaceChildren(chart);
      const right = chart.getBoundingClientRect().left + chart.getBoundingClientRect().width;
      return Array.from(chart.querySelectorAll('.chart-label')).map((t) => ({
        text: t.textContent,
        over: t.getBoundingClientRect().left + t.getBoundingClientRect().width - right,
      }));
    }, names);
    for (const label of r) {
      expect(label.text.endsWith('…')).toBe(true);
      expect({ text: label.text, inside: label.over <= 0 }).toEqual({ text: label.text, inside: true });
    }
  });

  test('the women’s share with the configured minimum: the mark where it falls, below it in the warning colour', async () => {
    const r = await page.evaluate(() => {
      const box = document.getElementById('box');
      const read = (share: number, minimum: number | null) => {
        const chart = window.svgCharts.shareChart(share, minimum, {
          title: 'Nữ',
          summary: 's',
          ...(minimum === null ? {} : { minimumLabel: 'Tối thiểu' }),
        });
        box.replaceChildren(chart);
        const track = chart.querySelector('.chart-track')?.getBoundingClientRect();
        const bar = chart.querySelector('rect.chart-bar');
        const mark = chart.querySelector('.chart-minimum')?.getBoundingClientRect();
        return {
          fill: (bar?.getBoundingClientRect().width ?? 0) / (track?.width ?? 1),
          mark: mark ? (mark.left + mark.width / 2 - (track?.left ?? 0)) / (track?.width ?? 1) : null,
          colour: bar?.getAttribute('fill'),
          text: chart.querySelector('.chart-value')?.textContent ?? null,
          share: chart.querySelector('.chart-share')?.textContent ?? null,
        };
      };
      return { above: read(1 / 3, 0.3), below: read(0.25, 0.3), none: read(0.5, null) };
    });
    expect(r.above.fill).toBeCloseTo(1 / 3, 2);
    expect(r.above.mark).toBeCloseTo(0.3, 2);
    expect(r.above.colour).toBe('#1a73e8');
    expect(r.above.text).toBe('Tối thiểu');
    expect(r.above.share).toBe('33,3 %');
    expect(r.below.share).toBe('25,0 %');
    expect(r.below.colour).toBe('#b06000');
    expect(r.none).toEqual({
      fill: expect.closeTo(0.5, 2),
      mark: null,
      colour: '#1a73e8',
      text: null,
      share: '50,0 %',
    });
  });

  test('the composition’s charts: top groups and "Khác", unknowns greyed, the sums as counted', async () => {
    const groups = ['Tày', 'Nùng', 'Kinh', 'Dao', 'Sán Chay', 'Hoa', 'Mông', 'Sán Dìu'];
    const counts = [40, 30, 10, 8, 4, 3, 2, 1];
    const total = 100;
    const s = compositionSummary({
      total,
      official: total,
      byEthnicGroup: groups.map((group, i) => ({ group, count: counts[i] ?? 0, share: (counts[i] ?? 0) / total })),
      ethnicUnknown: 2,
      women: { count: 35, share: 0.35 },
      ageBands: [
        { label: 'Dưới 30 tuổi', from: null, to: 29, count: 10, share: 0.1 },
        { label: 'Từ 30 đến 45 tuổi', from: 30, to: 45, count: 50, share: 0.5 },
        { label: 'Từ 46 đến 60 tuổi', from: 46, to: 60, count: 25, share: 0.25 },
        { label: 'Trên 60 tuổi', from: 61, to: null, count: 0, share: 0 },
      ],
      ageUnknown: 15,
      minWomenShare: 0.3,
    });
    const r = await page.evaluate((sum) => {
      const el = window.svgCharts.compositionFigures(sum);
      document.getElementById('box').replaceChildren(el);
      const of = (kind: string) => {
        const chart = el.querySelector(`[data-chart-of="${kind}"] svg`);
        return {
          labels: Array.from(chart?.querySelectorAll('.chart-label') ?? []).map((t) => t.textContent) ?? [],
          values: Array.from(chart?.querySelectorAll('.chart-value') ?? []).map((t) => t.textContent) ?? [],
          widths:
            Array.from(chart?.querySelectorAll('rect.chart-bar') ?? []).map((b) => b.getBoundingClientRect().width) ??
            [],
          muted:
            Array.from(chart?.querySelectorAll('.chart-row.muted .chart-label') ?? []).map((t) => t.textContent) ?? [],
          aria: chart?.getAttribute('aria-label') ?? null,
          caption: el.querySelector(`[data-chart-of="${kind}"] figcaption`)?.textContent ?? null,
        };
      };
      return { groups: of('groups'), women: of('women'), ages: of('ages') };
    }, s);
    expect(r.groups.labels).toEqual([
      'Tày',
      'Nùng',
      'Kinh',
      'Dao',
      'Sán Chay',
      'Hoa',
      'Khác (2 dân tộc)',
      'Chưa rõ dân tộc',
    ]);
    expect(r.groups.values).toEqual([
      '40 (40,0 %)',
      '30 (30,0 %)',
      '10 (10,0 %)',
      '8 (8,0 %)',
      '4 (4,0 %)',
      '3 (3,0 %)',
      '3 (3,0 %)',
      '2 (2,0 %)',
    ]);
    expect(r.groups.muted).toEqual(['Khác (2 dân tộc)', 'Chưa rõ dân tộc']);
    const [tay = 1, nung = 0] = r.groups.widths;
    expect(nung / tay).toBeCloseTo(30 / 40, 2);
    expect(r.groups.aria).toBe(
      '100 đại biểu chính thức thuộc 8 dân tộc; đông nhất: Tày 40 (40,0 %), Nùng 30 (30,0 %), Kinh 10 (10,0 %).',
    );
    expect(r.women.aria).toBe('Nữ: 35 đại biểu (35,0 %); tối thiểu theo trang "Cấu hình": 30,0 %, đã đạt.');
    expect(r.women.values).toEqual(['Tối thiểu 30,0 %']);
    expect(r.ages.labels).toEqual([
      'Dưới 30 tuổi',
      'Từ 30 đến 45 tuổi',
      'Từ 46 đến 60 tuổi',
      'Trên 60 tuổi',
      'Chưa rõ tuổi',
    ]);
    const [under30 = 0, mid = 1, , over60 = 1, unknown = 0] = r.ages.widths;
    expect(under30 / mid).toBeCloseTo(0.2, 2);
    expect(unknown / mid).toBeCloseTo(0.3, 2);
    expect(over60).toBe(0);
    expect(r.ages.caption).toBe('Đại biểu chính thức theo độ tuổi');
  });

  test('one group only; nobody counted; NFD group names', async () => {
    const one = compositionSummary({
      total: 3,
      official: 3,
      byEthnicGroup: [{ group: 'Tày', count: 3, share: 1 }],
      women: { count: 0, share: 0 },
    });
    const nobody = compositionSummary({ message: 'Chưa có đại biểu chính thức nào.' });
    const nfd = compositionSummary({
      total: 2,
      official: 2,
      byEthnicGroup: [
        { group: 'Sán Dìu'.normalize('NFD'), count: 1, share: 0.5 },
        { group: 'Mường'.normalize('NFD'), count: 1, share: 0.5 },
      ],
    });
    const r = await page.evaluate(
      ([a, b, c]) => {
        const box = document.getElementById('box');
        const read = (sum: CompositionSummaryDto) => {
          const el = window.svgCharts.compositionFigures(sum);
          box.replaceChildren(el);
          return {
            charts: el.querySelectorAll('svg').length,
            groupLabels: Array.from(el.querySelectorAll('[data-chart-of="groups"] .chart-label') ?? []).map(
              (t) => t.textContent,
            ),
            groupWidths: Array.from(el.querySelectorAll('[data-chart-of="groups"] rect.chart-bar') ?? []).map(
              (x) => x.getBoundingClientRect().width,
            ),
            womenFill: el.querySelector('[data-chart-of="women"] rect.chart-bar')?.getBoundingClientRect().width ?? -1,
            titles: Array.from(el.querySelectorAll('[data-chart-of="groups"] .chart-row > title') ?? []).map(
              (t) => t.textContent,
            ),
          };
        };
        return { one: read(a), nobody: read(b), nfd: read(c) };
      },
      [one, nobody, nfd] as const,
    );
    expect(r.one.charts).toBe(2); // groups and women; no age bands given
    expect(r.one.groupLabels).toEqual(['Tày']);
    expect(r.one.groupWidths[0]).toBeGreaterThan(80);
    expect(r.one.womenFill).toBe(0);
    expect(r.nobody.charts).toBe(0);
    expect(r.nfd.groupLabels).toEqual(['Sán Dìu', 'Mường']); // composed on screen
    expect(r.nfd.titles).toEqual([
      `${'Sán Dìu'.normalize('NFD')}: 1 (50,0 %)`,
      `${'Mường'.normalize('NFD')}: 1 (50,0 %)`,
    ]);
    const [first = 0, second = 1] = r.nfd.groupWidths;
    expect(first).toBe(second);
  });

  test('3,321 units: every unit by name in the table’s order, readable rows in a box that scrolls', async () => {
    const rows = Array.from({ length: 3321 }, (_, i) => row(`X${i}`, `Xã số ${i + 1} huyện Mường Khương`, 1 + (i % 9)));
    const r = await page.evaluate((units) => {
      const box = document.getElementById('box');
      const details = window.svgCharts.allocationChart(units);
      if (!details) return null;
      box.replaceChildren(details);
      const closed = details.open;
      details.open = true;
      const scroll = details.querySelector('.chart-scroll');
      const chart = details.querySelector('svg');
      const groups = chart?.querySelectorAll('.chart-row') ?? [];
      const first = groups[0]?.getBoundingClientRect();
      const second = groups[1]?.getBoundingClientRect();
      const text = groups[0]?.querySelector('.chart-label')?.getBoundingClientRect();
      const bars = chart?.querySelectorAll('rect.chart-bar') ?? [];
      return {
        closed,
        rows: groups.length,
        keys: [groups[0]?.getAttribute('data-key'), groups[3320]?.getAttribute('data-key')],
        labels: [
          groups[0]?.querySelector('.chart-label')?.textContent,
          groups[3320]?.querySelector('.chart-label')?.textContent,
        ],
        pitch: (second?.top ?? 0) - (first?.top ?? 0),
        textHeight: text?.height ?? 0,
        boxHeight: scroll?.getBoundingClientRect().height ?? 0,
        scrolls: (scroll?.scrollHeight ?? 0) > (scroll?.clientHeight ?? 0),
        tabindex: scroll?.getAttribute('tabindex'),
        region: scroll?.getAttribute('aria-label'),
        ratio: (bars[0]?.getBoundingClientRect().width ?? 0) / (bars[8]?.getBoundingClientRect().width ?? 1),
        aria: chart?.getAttribute('aria-label'),
        summary: details.querySelector('summary')?.textContent,
      };
    }, rows);
    expect(r).not.toBeNull();
    expect(r?.closed).toBe(false); // folded at more than 40 units
    expect(r?.rows).toBe(3321);
    expect(r?.keys).toEqual(['X0', 'X3320']);
    expect(r?.labels).toEqual(['Xã số 1 huyện Mường Khương', 'Xã số 3321 huyện Mường Khương']);
    expect(r?.pitch).toBeGreaterThanOrEqual(15); // one row per unit, never squashed
    expect(r?.textHeight).toBeGreaterThanOrEqual(9);
    expect(r?.boxHeight).toBeLessThanOrEqual(330);
    expect(r?.scrolls).toBe(true);
    expect(r?.tabindex).toBe('0');
    expect(r?.region).toBe('Biểu đồ phân bổ, cuộn để xem hết các đơn vị');
    expect(r?.ratio).toBeCloseTo(1 / 9, 2);
    expect(r?.summary).toBe('Biểu đồ phân bổ (3.321 đơn vị)');
    expect(r?.aria).toBe(
      `${(rows.reduce((n, x) => n + x.final, 0)).toLocaleString('de-DE')} đại biểu chính thức phân bổ cho 3.321 đơn vị; nhiều nhất Xã số 9 huyện Mường Khương: 9, ít nhất Xã số 1 huyện Mường Khương: 1.`,
    );
  });

  test('a few units: open at once; no unit, no chart', async () => {
    const r = await page.evaluate(() => {
      const few = window.svgCharts.allocationChart([
        {
          code: 'A',
          name: '',
          dttsPopulation: 1,
          quota: 1,
          seats: 1,
          adjustment: 0,
          final: 1,
          registered: 0,
          difference: 0,
        },
      ]);
      return {
        open: few?.open,
        label: few?.querySelector('.chart-label')?.textContent,
        none: window.svgCharts.allocationChart([]),
      };
    });
    // A unit without a name falls back to its code rather than an empty row.
    expect(r).toEqual({ open: true, label: 'A', none: null });
  });

  test('colours: readable on white, and system colours in forced-colours (high-contrast) mode', async () => {
    const read = () =>
      page.evaluate(() => {
        const box = document.getElementById('box');
        const bars = window.svgCharts.barChart(
          [
            { label: 'Tày', value: 2 },
            { label: 'Khác', value: 1, muted: true },
          ],
          { title: 't', summary: 's' },
        );
        const share = window.svgCharts.shareChart(0.2, 0.3, { title: 'Nữ', summary: 's', minimumLabel: 'Tối thiểu' });
        box.replaceChildren(bars);
        box.append(share);
        const style = (el: El | null | undefined, prop: string) =>
          el ? (getComputedStyle(el as never) as unknown as Record<string, string>)[prop] : null;
        return {
          bar: style(bars.querySelector('rect.chart-bar'), 'fill'),
          muted: style(bars.querySelector('.chart-row.muted rect.chart-bar'), 'fill'),
          below: style(share.querySelector('rect.chart-bar'), 'fill'),
          text: style(bars.querySelector('.chart-label'), 'fill'),
          track: style(share.querySelector('.chart-track'), 'stroke'),
          mark: style(share.querySelector('.chart-minimum'), 'stroke'),
        };
      });
    const normal = await read();
    const rgb = (c: string | null | undefined) => (c?.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    // WCAG relative luminance and contrast with white.
    const contrast = (c: string | null | undefined) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
    };
    // Text at least 4.5:1, bars and marks (graphics) at least 3:1, on white.
    expect(contrast(normal.text)).toBeGreaterThanOrEqual(4.5);
    for (const c of [normal.bar, normal.muted, normal.below, normal.track, normal.mark])
      expect(contrast(c)).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const forced = await read();
      const system = await page.evaluate(() => {
        const probe = (color: string) => {
          const el = document.getElementById('box');
          const div = (
            el as unknown as { ownerDocument: { createElement(t: string): El & { style: Record<string, string> } } }
          ).ownerDocument.createElement('div');
          div.style.color = color;
          (el as unknown as { append(n: unknown): void }).append(div);
          return (getComputedStyle(div as never) as unknown as Record<string, string>).color;
        };
        return { highlight: probe('Highlight'), canvasText: probe('CanvasText'), grayText: probe('GrayText') };
      });
      expect(forced.bar).toBe(system.highlight);
      expect(forced.below).toBe(system.highlight);
      expect(forced.muted).toBe(system.grayText);
      expect(forced.text).toBe(system.canvasText);
      expect(forced.mark).toBe(system.canvasText);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });
});

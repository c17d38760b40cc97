/**
 * Attack on "Cơ cấu đại biểu" (views bundled alone into a blank page in Chromium, fed what the built
 * bundle answers on the local runtime):
 * - delegates whose `Giới tính` is still blank: the women's chart must give the same verdict as
 *   "Kiểm tra dữ liệu" (which counts the share over the delegates whose gender is known), never
 *   "chưa đạt" in orange for a congress the check finds compliant;
 * - "Đếm lại" clicked twice, the answers arriving in the other order (google.script.run promises no
 *   order): the section shows the newest count, never the older one over it.
 */
import type { Browser, Page } from 'playwright-core';
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { CompositionSummaryDto, ValidationResultDto } from '../../src/rpc/contract';
import { openChartPage } from './chartReading';

// The browser side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface El {
  textContent: string;
  open: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  click(): void;
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): ArrayLike<El>;
  replaceChildren(...nodes: El[]): void;
  dispatchEvent(e: unknown): boolean;
}
interface Views {
  compositionFigures(s: CompositionSummaryDto): El;
  allocationChart(rows: { code: string; name: string; final: number; typed?: string }[]): El;
  compositionSection(): El;
}
interface Pending {
  fn: string;
  ok: (v: unknown) => void;
}
declare const window: {
  svgViews: Views;
  pending: Pending[];
  google: unknown;
};
declare const document: { getElementById(id: string): El };
declare class Event {
  constructor(type: string);
}

/** A workbook set up with 10 official delegates of one unit: `women` Nữ, `men` Nam, the rest blank. */
function workbook(women: number, men: number, blank: number, minimum: string): Runtime {
  const ss = LocalSpreadsheet.create();
  const rt = new Runtime({ spreadsheet: ss, now: '2025-03-10T09:00:00+07:00' });
  runBundle(rt, 'setupWorkbook');
  const config = ss.getSheetByName('Cấu hình');
  const labels = (config?.getRange(1, 1, config.getLastRow(), 1).getValues() ?? []).map((r) => String(r[0]));
  const row = (label: string) => labels.indexOf(label) + 1;
  expect(row('Tỷ lệ nữ tối thiểu')).toBeGreaterThan(0);
  config?.getRange(row('Tỉnh'), 2).setValue('Lạng Sơn');
  config?.getRange(row('Năm'), 2).setValue(2025);
  config?.getRange(row('Tỷ lệ nữ tối thiểu'), 2).setValue(minimum);
  const genders = [...Array(women).fill('Nữ'), ...Array(men).fill('Nam'), ...Array(blank).fill('')];
  ss.getSheetByName('Đại biểu')
    ?.getRange(2, 1, genders.length, 8)
    .setValues(genders.map((g, i) => [i + 1, `Người thứ ${i + 1}`, 'Cấp tỉnh', 'Tày', g, 1980, '', 'Chính thức']));
  return rt;
}

describe('Cơ cấu đại biểu attacked', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openChartPage(
      [
        "export { compositionFigures, compositionSection } from './views/composition';",
        "export { allocationChart } from './views/allocationExplanation';",
      ],
      'svgViews',
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function women(composition: CompositionSummaryDto) {
    return page.evaluate((s) => {
      const box = document.getElementById('box');
      box.replaceChildren(window.svgViews.compositionFigures(s));
      const chart = box.querySelector('[data-chart-of="women"]');
      return {
        aria: chart?.querySelector('svg')?.getAttribute('aria-label') ?? '',
        fill: chart?.querySelector('rect.chart-bar')?.getAttribute('class') ?? '',
        text: chart?.textContent ?? '',
        verdict: chart?.querySelector('.chart-note')?.textContent ?? '',
      };
    }, composition);
  }

  test('3 women, 6 men, 1 gender blank, minimum 1/3: Kiểm tra finds it met, so does the chart', async () => {
    const rt = workbook(3, 6, 1, '1/3');
    const check = runBundle(rt, 'validateAll').result as ValidationResultDto & { problems: { rule: string }[] };
    expect(check.problems.some((p) => p.rule === 'share-women')).toBe(false);
    const composition = runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
    expect(composition.genderUnknown).toBe(1);
    const w = await women(composition);
    expect(w.aria).toContain('đã đạt');
    expect(w.aria).not.toContain('chưa đạt');
    expect(w.fill).not.toContain('below');
    expect(w.verdict).toContain('Đạt tỷ lệ nữ tối thiểu.');
    // The delegate whose gender is blank is said, on screen and to a screen reader.
    expect(w.aria).toContain('1 đại biểu chưa rõ giới tính');
    expect(w.text).toContain('1 đại biểu chưa rõ giới tính');
  });

  test('2 women, 6 men, 2 blank, minimum 1/3: Kiểm tra finds it short, so does the chart', async () => {
    const rt = workbook(2, 6, 2, '1/3');
    const check = runBundle(rt, 'validateAll').result as ValidationResultDto & { problems: { rule: string }[] };
    expect(check.problems.some((p) => p.rule === 'share-women')).toBe(true);
    const w = await women(runBundle(rt, 'compositionSummary').result as CompositionSummaryDto);
    expect(w.aria).toContain('chưa đạt');
    expect(w.fill).toContain('below');
    // Said in words on screen, not by the orange alone (high-contrast mode draws every bar alike).
    expect(w.verdict).toContain('Chưa đạt tỷ lệ nữ tối thiểu.');
  });

  test('every gender known: the verdict as before (10 of 30 against 1/3: met, exactly)', async () => {
    const rt = workbook(10, 20, 0, '1/3');
    const check = runBundle(rt, 'validateAll').result as ValidationResultDto & { problems: { rule: string }[] };
    expect(check.problems.some((p) => p.rule === 'share-women')).toBe(false);
    const w = await women(runBundle(rt, 'compositionSummary').result as CompositionSummaryDto);
    expect(w.aria).toContain('đã đạt');
    expect(w.aria).not.toContain('chưa rõ giới tính');
    expect(w.fill).not.toContain('below');
  });

  test('89 women of 297 against 30 %: short, and the two figures never print alike ("29,97 %" / "30,00 %")', async () => {
    const rt = workbook(89, 208, 0, '30%');
    const check = runBundle(rt, 'validateAll').result as ValidationResultDto & { problems: { rule: string }[] };
    expect(check.problems.some((p) => p.rule === 'share-women')).toBe(true);
    const w = await women(runBundle(rt, 'compositionSummary').result as CompositionSummaryDto);
    expect(w.aria).toContain('Nữ: 89 đại biểu (29,97 %)');
    expect(w.aria).toContain('tối thiểu theo trang "Cấu hình": 30,00 %, chưa đạt');
    expect(w.text).toContain('29,97 %');
    expect(w.text).toContain('Tối thiểu 30,00 %');
    expect(w.fill).toContain('below');
  });

  test('no gender typed yet, minimum 1/3: Kiểm tra says nothing, the chart claims neither "đạt" nor "chưa đạt"', async () => {
    const rt = workbook(0, 0, 6, '1/3');
    const check = runBundle(rt, 'validateAll').result as ValidationResultDto & { problems: { rule: string }[] };
    expect(check.problems.some((p) => p.rule === 'share-women')).toBe(false);
    const w = await women(runBundle(rt, 'compositionSummary').result as CompositionSummaryDto);
    expect(w.aria).not.toMatch(/đã đạt|chưa đạt/);
    expect(w.aria).toContain('chưa đánh giá được');
    expect(w.aria).toContain('6 đại biểu chưa rõ giới tính');
    expect(w.fill).not.toContain('below');
    expect(w.verdict).toContain('Chưa đánh giá được');
  });

  test('names of wide letters (capitals with a horn, %, @, dashes, emoji): each label still ends inside the chart', async () => {
    const names = [
      'ƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠƠ',
      'ƯỜNG ƯỚC ƠN ƯỢNG ƯỢC ƠI ƯƠNG ƯỚT ƠN ƯỚC ƯỚC ƯƠ',
      'Xã 100% DTTS — thôn Nà Ơn @ bản Mường Tè — khu 2',
      '%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%',
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      '————————————————————————————————————————',
      '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
      'THÀNH PHỐ BUÔN MA THUỘT, TỈNH ĐẮK LẮK (CŨ)',
    ];
    const overflow = await page.evaluate((list) => {
      const box = document.getElementById('box');
      const chart = window.svgViews.allocationChart(list.map((name, i) => ({ code: `U${i}`, name, final: i + 1 })));
      box.replaceChildren(chart);
      const svg = chart.querySelector('svg');
      const right = svg?.getBoundingClientRect().right ?? 0;
      return Array.from(svg?.querySelectorAll('.chart-label') ?? []).map((t) => [
        t.textContent,
        Math.round(t.getBoundingClientRect().right - right),
      ]);
    }, names);
    for (const [label, beyond] of overflow) expect([label, Number(beyond) <= 0.5]).toEqual([label, true]);
  });

  test('a Số chính thức typed as text: shown as typed (cut), no bar, in no sum; the others as before', async () => {
    const got = await page.evaluate(() => {
      const box = document.getElementById('box');
      const chart = window.svgViews.allocationChart([
        { code: 'A', name: 'Hữu Lũng', final: 8 },
        { code: 'B', name: 'Đình Lập', final: 0, typed: '7 (dự kiến)' },
        { code: 'C', name: 'Lộc Bình', final: 0, typed: 'chờ ý kiến Ban Chỉ đạo tỉnh về số đại biểu' },
        { code: 'D', name: 'Văn Quan', final: 4 },
      ]);
      box.replaceChildren(chart);
      const svg = chart.querySelector('svg');
      const right = svg?.getBoundingClientRect().right ?? 0;
      const all = (sel: string) => Array.from(svg?.querySelectorAll(sel) ?? []);
      return {
        values: all('.chart-value').map((t) => t.textContent),
        widths: all('rect.chart-bar').map((b) => b.getAttribute('width')),
        tips: all('.chart-row > title').map((t) => t.textContent),
        aria: svg?.getAttribute('aria-label') ?? '',
        inside: all('text').every((t) => t.getBoundingClientRect().right <= right + 0.5),
        nan: all('*').some((n) => (n.getAttribute('width') ?? '').includes('NaN')),
      };
    });
    expect(got.values).toEqual(['8', '7 (dự kiến)', 'chờ ý kiến Ba…', '4']);
    expect(got.widths[1]).toBe('0');
    expect(got.widths[2]).toBe('0');
    expect(got.tips[2]).toBe(
      'Lộc Bình: Số chính thức ghi "chờ ý kiến Ban Chỉ đạo tỉnh về số đại biểu", không phải là số',
    );
    expect(got.aria).toBe(
      '12 đại biểu chính thức phân bổ cho 4 đơn vị; nhiều nhất Hữu Lũng: 8, ít nhất Văn Quan: 4. ' +
        '2 đơn vị ghi Số chính thức không phải là số (không tính vào tổng).',
    );
    expect(got.inside).toBe(true);
    expect(got.nan).toBe(false);
  });

  test('"Đếm lại" twice, the answers in the other order: the newest count stays', async () => {
    const older = runBundle(workbook(1, 1, 0, ''), 'compositionSummary').result as CompositionSummaryDto;
    const newer = runBundle(workbook(4, 3, 0, ''), 'compositionSummary').result as CompositionSummaryDto;
    expect(older.total).toBe(2);
    expect(newer.total).toBe(7);
    const shown = await page.evaluate(
      async ([a, b]) => {
        // google.script.run held by the test: each call waits until the test answers it.
        window.pending = [];
        const runner = (ok: (v: unknown) => void): Record<string, unknown> => ({
          withSuccessHandler: (h: (v: unknown) => void) => runner(h),
          withFailureHandler: () => runner(ok),
          compositionSummary: () => window.pending.push({ fn: 'compositionSummary', ok }),
          writeStatistics: () => undefined,
        });
        window.google = { script: { run: runner(() => undefined) } };
        const box = document.getElementById('box');
        const section = window.svgViews.compositionSection();
        box.replaceChildren(section);
        section.open = true;
        section.dispatchEvent(new Event('toggle'));
        await new Promise((r) => setTimeout(r, 20));
        // The first count answers; then "Đếm lại" twice (the officer typed in between).
        window.pending.shift()?.ok(a);
        await new Promise((r) => setTimeout(r, 20));
        const refresh = section.querySelector('[data-key="composition-refresh"]');
        refresh?.click();
        refresh?.click();
        await new Promise((r) => setTimeout(r, 20));
        const [first, second] = [window.pending[0], window.pending[1]];
        second?.ok(b); // the newer answers first
        await new Promise((r) => setTimeout(r, 20));
        first?.ok(a); // the older one arrives late
        await new Promise((r) => setTimeout(r, 20));
        return section.querySelector('.composition-message')?.textContent ?? '';
      },
      [older, newer] as const,
    );
    expect(shown).toBe(newer.message);
  });
});

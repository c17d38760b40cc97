/**
 * The charts of "Cơ cấu đại biểu" on the playground (headless Chromium, Lạng Sơn sample): the bars say
 * what compositionSummary counted (by group with "Khác", women with the minimum set in `Cấu hình`, age
 * bands), their widths on screen are proportional to those figures, and opening the section writes
 * nothing. An empty workbook and a workbook whose delegates are all of one group.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { CompositionSummaryDto } from '../../src/rpc/contract';
import { formatShare } from '../../src/sidebar/i18n';

/** As src/sidebar/views/composition.ts (TOP_GROUPS). */
const TOP_GROUPS = 6;

import { diff, snapshot } from '../trust/snapshot';
import { keepScreenshot, NOW, openPlayground, type Session } from './harness';

// The sidebar's side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface El {
  textContent: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
declare const document: { querySelector(selector: string): El | null };

type Sheet = NonNullable<ReturnType<LocalSpreadsheet['getSheetByName']>>;

function sheet(ss: LocalSpreadsheet, name: string): Sheet {
  const found = ss.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Sets one value of `Cấu hình` by its label. */
function setSetting(ss: LocalSpreadsheet, label: string, value: string | number): void {
  const config = sheet(ss, 'Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = labels.indexOf(label) + 1;
  if (row === 0) throw new Error(`no setting ${label}`);
  config.getRange(row, 2).setValue(value);
}

interface ChartRead {
  labels: string[];
  values: string[];
  widths: number[];
  aria: string | null;
}

async function openComposition(s: Session): Promise<void> {
  await s.sidebar.locator('[data-section="composition"] summary').click();
  await s.sidebar.locator('[data-composition="figures"]').waitFor();
}

async function readCharts(s: Session): Promise<Record<'groups' | 'women' | 'ages', ChartRead | null>> {
  const frame = await s.sidebarFrame();
  return frame.evaluate(() => {
    const read = (kind: string) => {
      const chart = document.querySelector(`[data-section="composition"] [data-chart-of="${kind}"] svg`);
      if (!chart) return null;
      const all = (selector: string) => Array.from(chart.querySelectorAll(selector));
      return {
        labels: all('.chart-label').map((t) => t.textContent),
        values: all('.chart-value').map((t) => t.textContent),
        widths: all('rect.chart-bar').map((b) => b.getBoundingClientRect().width),
        aria: chart.getAttribute('aria-label'),
      };
    };
    return { groups: read('groups'), women: read('women'), ages: read('ages') };
  });
}

const cs = (count: number, share: number) => `${count.toLocaleString('de-DE')} (${formatShare(share)})`;

test('Lạng Sơn: the bars are the counted figures, proportional on screen; nothing written', async () => {
  const ss = buildSample(LANG_SON);
  setSetting(ss, 'Tỷ lệ nữ tối thiểu', '30%');
  const want = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'compositionSummary')
    .result as CompositionSummaryDto;
  expect(want.ok).toBe(true);
  expect(want.minWomenShare).toBeCloseTo(0.3, 10);
  const s = await openPlayground({ spreadsheet: ss });
  try {
    const before = snapshot(ss);
    await openComposition(s);
    const got = await readCharts(s);

    // By group: the most numerous by name, the rest as "Khác", the unknown apart.
    const shown =
      want.byEthnicGroup.length > TOP_GROUPS + 1 ? want.byEthnicGroup.slice(0, TOP_GROUPS) : want.byEthnicGroup;
    const rest = want.byEthnicGroup.slice(shown.length);
    const restCount = rest.reduce((n, g) => n + g.count, 0);
    const groups = got.groups;
    expect(groups).not.toBeNull();
    expect(groups?.labels).toEqual([
      ...shown.map((g) => g.group),
      ...(rest.length > 0 ? [`Khác (${rest.length} dân tộc)`] : []),
      ...(want.ethnicUnknown > 0 ? ['Chưa rõ dân tộc'] : []),
    ]);
    expect(groups?.values.slice(0, shown.length)).toEqual(shown.map((g) => cs(g.count, g.share)));
    if (rest.length > 0) expect(groups?.values[shown.length]).toBe(cs(restCount, restCount / want.total));
    const counts = [...shown.map((g) => g.count), ...(rest.length > 0 ? [restCount] : [])];
    const max = Math.max(...counts, want.ethnicUnknown);
    const widest = Math.max(...(groups?.widths ?? [0]));
    expect(widest).toBeGreaterThan(100);
    for (const [i, n] of counts.entries()) expect(groups?.widths[i]).toBeCloseTo((n / max) * widest, 0);
    // Every official delegate is in one bar.
    expect(counts.reduce((a, b) => a + b, 0) + want.ethnicUnknown).toBe(want.total);

    // Women: the share and the minimum of Cấu hình.
    expect(got.women?.aria).toBe(
      `Nữ: ${want.women.count} đại biểu (${formatShare(want.women.share)}); tối thiểu theo trang "Cấu hình": 30,0 %, ${want.women.share < 0.3 ? 'chưa đạt' : 'đã đạt'}.`,
    );
    expect(got.women?.values).toEqual(['Tối thiểu 30,0 %']);

    // Age bands, with the unknown apart.
    expect(got.ages?.labels).toEqual([
      ...want.ageBands.map((b) => b.label),
      ...(want.ageUnknown > 0 ? ['Chưa rõ tuổi'] : []),
    ]);
    expect(got.ages?.values.slice(0, want.ageBands.length)).toEqual(want.ageBands.map((b) => cs(b.count, b.share)));
    const ageMax = Math.max(...want.ageBands.map((b) => b.count), want.ageUnknown);
    const ageWidest = Math.max(...(got.ages?.widths ?? [0]));
    expect(ageWidest).toBeGreaterThan(100);
    for (const [i, b] of want.ageBands.entries())
      expect(got.ages?.widths[i]).toBeCloseTo((b.count / ageMax) * ageWidest, 0);

    expect(diff(before, snapshot(ss))).toEqual([]);
    const charts = s.sidebar.locator('[data-section="composition"] .composition-charts');
    await charts.scrollIntoViewIfNeeded();
    await keepScreenshot(charts, 'svg-composition.png');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('an empty workbook: the reason, no chart, no error', async () => {
  const s = await openPlayground({ spreadsheet: LocalSpreadsheet.create() });
  try {
    await openComposition(s);
    const got = await readCharts(s);
    expect(got).toEqual({ groups: null, women: null, ages: null });
    await expect(s.sidebar.locator('[data-section="composition"] svg').count()).resolves.toBe(0);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('every official delegate of one group: one full bar, no "Khác"', async () => {
  const ss = buildSample(LANG_SON);
  const delegates = sheet(ss, 'Đại biểu');
  const header = delegates.getRange(1, 1, 1, delegates.getLastColumn()).getValues()[0] ?? [];
  const col = header.indexOf('Dân tộc') + 1;
  expect(col).toBeGreaterThan(0);
  const rows = delegates.getLastRow() - 1;
  delegates.getRange(2, col, rows, 1).setValues(Array.from({ length: rows }, () => ['Tày']));
  setSetting(ss, 'Tỷ lệ nữ tối thiểu', '');
  const want = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'compositionSummary')
    .result as CompositionSummaryDto;
  expect(want.byEthnicGroup.map((g) => g.group)).toEqual(['Tày']);
  const s = await openPlayground({ spreadsheet: ss });
  try {
    await openComposition(s);
    const got = await readCharts(s);
    expect(got.groups?.labels).toEqual(['Tày']);
    expect(got.groups?.values).toEqual([cs(want.total, 1)]);
    expect(got.groups?.widths[0]).toBeGreaterThan(100);
    // No minimum set: the women's chart has no mark.
    expect(got.women?.values).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

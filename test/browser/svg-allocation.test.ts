/**
 * The allocation as a bar chart in the sidebar (headless Chromium, playground, Lạng Sơn sample), after
 * "Phân bổ đại biểu": one bar per unit, by name, in the order of the `Phân bổ` table, as long as its
 * `Số chính thức`; a unit named like an HTML payload is shown as text and nothing runs (no dialog, no
 * element made of it); the chart writes nothing beyond what the allocation writes.
 */
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { keepScreenshot, openPlayground, type Session } from './harness';

// The sidebar's side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface El {
  textContent: string;
  open: boolean;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
declare const document: { querySelector(selector: string): El | null; querySelectorAll(s: string): ArrayLike<El> };
declare const window: { __xss?: unknown };

const PAYLOAD = '<img src=x onerror=alert(1)>';
const PAYLOAD2 = '<script>alert(2)</script> & "Bắc"';

function table(ss: LocalSpreadsheet, name: string): unknown[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

describe('the allocation as bars', () => {
  let s: Session;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const ss = buildSample(LANG_SON);
    // Two units renamed like markup, as a careless paste could.
    const units = ss.getSheetByName('Đơn vị');
    const header = (units?.getRange(1, 1, 1, units.getLastColumn()).getValues()[0] ?? []).map(String);
    const nameCol = header.indexOf('Tên đơn vị') + 1;
    expect(nameCol).toBeGreaterThan(0);
    units?.getRange(2, nameCol).setValue(PAYLOAD);
    units?.getRange(3, nameCol).setValue(PAYLOAD2);
    s = await openPlayground({ spreadsheet: ss });
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('one bar per unit of Phân bổ, by name, in its order, as long as its Số chính thức', async () => {
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await s.sidebar.locator('#slot-result .result.tone-ok').waitFor();
    const chart = s.sidebar.locator('#slot-result [data-chart-of="allocation"]');
    await chart.waitFor();

    const rows = table(s.runtime.spreadsheet, 'Phân bổ');
    const head = (rows[0] ?? []).map(String);
    const [code, name, final] = ['Mã đơn vị', 'Tên đơn vị', 'Số chính thức'].map((h) => head.indexOf(h));
    const units = rows.slice(1).filter((r) => String(r[code ?? 0] ?? '') !== '');
    expect(units.length).toBe(11);

    const frame = await s.sidebarFrame();
    const got = await frame.evaluate(() => {
      const details = document.querySelector('#slot-result [data-chart-of="allocation"]');
      const svg = details?.querySelector('svg');
      const groups = Array.from(svg?.querySelectorAll('.chart-row') ?? []);
      return {
        open: details?.open ?? false,
        summary: details?.querySelector('summary')?.textContent ?? '',
        role: svg?.getAttribute('role'),
        aria: svg?.getAttribute('aria-label'),
        title: svg?.querySelector('title')?.textContent,
        keys: groups.map((g) => g.getAttribute('data-key')),
        labels: groups.map((g) => g.querySelector('.chart-label')?.textContent ?? ''),
        values: groups.map((g) => g.querySelector('.chart-value')?.textContent ?? ''),
        tips: groups.map((g) => g.querySelector('title')?.textContent ?? ''),
        widths: groups.map((g) => g.querySelector('rect.chart-bar')?.getBoundingClientRect().width ?? -1),
        imgs: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('#slot-result script').length,
        xss: window.__xss,
      };
    });
    expect(got.open).toBe(true); // 11 units: shown at once
    expect(got.summary).toBe('Biểu đồ phân bổ (11 đơn vị)');
    expect(got.role).toBe('img');
    expect(got.title).toBe('Số đại biểu chính thức phân bổ cho từng đơn vị');
    expect(got.keys).toEqual(units.map((r) => String(r[code ?? 0])));
    expect(got.labels).toEqual(units.map((r) => String(r[name ?? 1])));
    expect(got.labels.slice(0, 2)).toEqual([PAYLOAD, PAYLOAD2]);
    const seats = units.map((r) => Number(r[final ?? 0]));
    expect(got.values).toEqual(seats.map(String));
    expect(got.tips[0]).toMatch(/^<img src=x onerror=alert\(1\)>: \d+ đại biểu \(theo tỷ lệ \d+,\d{3}\)$/);
    const total = seats.reduce((a, b) => a + b, 0);
    const most = Math.max(...seats);
    const least = Math.min(...seats);
    const nameOf = (n: number) => String(units[seats.indexOf(n)]?.[name ?? 1]);
    expect(got.aria).toBe(
      `${total} đại biểu chính thức phân bổ cho 11 đơn vị; nhiều nhất ${nameOf(most)}: ${most}, ít nhất ${nameOf(least)}: ${least}.`,
    );
    const widest = Math.max(...got.widths);
    expect(widest).toBeGreaterThan(100);
    for (const [i, n] of seats.entries()) expect(got.widths[i]).toBeCloseTo((n / most) * widest, 0);

    // Nothing ran, nothing was made of the names.
    expect(got.imgs).toBe(0);
    expect(got.scripts).toBe(0);
    expect(got.xss).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(s.page.evaluate(() => window.__xss)).resolves.toBeUndefined();
    await chart.scrollIntoViewIfNeeded();
    await keepScreenshot(chart, 'svg-allocation.png');
    expect(s.pageErrors).toEqual([]);
  });

  test('after a re-allocation is confirmed, the bars are the new figures of Phân bổ (none while previewing)', async () => {
    const ss = s.runtime.spreadsheet;
    const config = ss.getSheetByName('Cấu hình');
    const values = config?.getDataRange().getValues() ?? [];
    const total = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
    expect(total).toBeGreaterThan(0);
    config?.getRange(total, 2).setValue(Number(values[total - 1]?.[1]) + 9);

    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await s.sidebar.locator('#slot-result #reallocate-preview').waitFor();
    // Nothing written yet: no chart of figures that are not in the sheet.
    await expect(s.sidebar.locator('#slot-result [data-chart-of="allocation"]').count()).resolves.toBe(0);

    await s.sidebar.locator('[data-key="reallocate-confirm"]').click();
    await s.sidebar.locator('#slot-result .result.tone-ok').waitFor();
    await s.sidebar.locator('#slot-result [data-chart-of="allocation"]').waitFor();
    const rows = table(ss, 'Phân bổ');
    const head = (rows[0] ?? []).map(String);
    const fin = head.indexOf('Số chính thức');
    const seats = rows
      .slice(1)
      .filter((r) => String(r[0] ?? '') !== '')
      .map((r) => String(r[fin]));
    const shown = await s.sidebar.locator('#slot-result [data-chart-of="allocation"] .chart-value').allTextContents();
    expect(shown).toEqual(seats);
    expect(seats.reduce((a, b) => a + Number(b), 0)).toBeGreaterThan(0);
    expect(s.pageErrors).toEqual([]);
  });
});

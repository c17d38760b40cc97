/**
 * The allocation chart whenever an allocation exists (playground, headless Chromium, Lạng Sơn sample):
 * allocated earlier (the sidebar opened afresh), "Cơ cấu đại biểu" shows one bar per unit of `Phân bổ`
 * with its Số chính thức, by name; the officer then types over a figure and re-allocates from the
 * sidebar while the section is open: the bars are the sheet's new figures, never the old ones; a unit
 * named like markup stays text. Opening the section writes nothing. Opened before "Thiết lập bảng tính":
 * counted again once the workbook is set up.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { column, sheet } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';
import { NOW, openPlayground, type Session } from './harness';

const PAYLOAD = '<img src=x onerror=alert(1)>';

declare const window: { dispatchEvent(e: unknown): boolean };
declare class Event {
  constructor(type: string);
}

/** [name, Số chính thức] of each unit of `Phân bổ`, from the raw cells. */
function sheetSeats(ss: LocalSpreadsheet): [string, string][] {
  const s = sheet(ss, 'Phân bổ');
  const values = s.getDataRange().getValues();
  const name = column(s, 'Tên đơn vị') - 1;
  const final = column(s, 'Số chính thức') - 1;
  return values
    .slice(1)
    .filter((r) => String(r[0] ?? '') !== '')
    .map((r) => [String(r[name]), String(r[final])]);
}

async function bars(s: Session): Promise<[string, string][]> {
  const chart = s.sidebar.locator('[data-section="composition"] [data-chart-of="allocation"]');
  const labels = await chart.locator('.chart-label').allTextContents();
  const values = await chart.locator('.chart-value').allTextContents();
  return labels.map((l, i) => [l, values[i] ?? '']);
}

/** Waits until the second bar of the allocation under "Cơ cấu đại biểu" reads `figure`. */
async function secondBarShows(s: Session, figure: unknown): Promise<void> {
  await s.sidebar
    .locator('[data-section="composition"] [data-chart-of="allocation"] .chart-value')
    .nth(1)
    .filter({ hasText: new RegExp(`^${String(figure)}$`) })
    .waitFor();
}

describe('the allocation under "Cơ cấu đại biểu"', () => {
  let s: Session;
  let ss: LocalSpreadsheet;

  beforeAll(async () => {
    ss = buildSample(LANG_SON);
    const units = sheet(ss, 'Đơn vị');
    units.getRange(2, column(units, 'Tên đơn vị')).setValue(PAYLOAD);
    const r = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'allocateDelegates').result as AllocationResultDto;
    expect(r.ok).toBe(true);
    s = await openPlayground({ spreadsheet: ss });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('allocated before the sidebar opened: the bars of Phân bổ, by name, opening writes nothing', async () => {
    // Nothing under the actions: the chart there is only for an allocation just made.
    await expect(s.sidebar.locator('#slot-result [data-chart-of="allocation"]').count()).resolves.toBe(0);
    const before = snapshot(ss);
    await s.sidebar.locator('[data-section="composition"] summary').click();
    await s.sidebar.locator('[data-section="composition"] [data-chart-of="allocation"] svg').waitFor();
    expect(await bars(s)).toEqual(sheetSeats(ss));
    expect((await bars(s))[0]?.[0]).toBe(PAYLOAD);
    await expect(s.sidebar.locator('img').count()).resolves.toBe(0);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  test('a figure typed over, then "Phân bổ đại biểu" from the sidebar with the section open: the new figures', async () => {
    const alloc = sheet(ss, 'Phân bổ');
    const final = column(alloc, 'Số chính thức');
    const typed = Number(alloc.getRange(3, final).getValue()) + 5;
    alloc.getRange(3, final).setValue(typed);
    await s.sidebar.locator('[data-key="composition-refresh"]').click();
    await secondBarShows(s, typed);
    expect(await bars(s)).toEqual(sheetSeats(ss));

    // Re-allocating puts the computed figure back (after the preview is confirmed).
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await s.sidebar.locator('#slot-result #reallocate-preview').waitFor();
    await s.sidebar.locator('[data-key="reallocate-confirm"]').click();
    await s.sidebar.locator('#slot-result .result.tone-ok').waitFor();
    expect(Number(alloc.getRange(3, final).getValue())).not.toBe(typed);
    await secondBarShows(s, alloc.getRange(3, final).getValue());
    expect(await bars(s)).toEqual(sheetSeats(ss));

    // "Hoàn tác phân bổ": the figures before the re-allocation are back, in the sheet and in the bars.
    await s.sidebar.locator('[data-key="undoAllocation"]').click();
    await s.sidebar.locator('#slot-result .result.tone-ok', { hasText: 'Đã khôi phục' }).waitFor();
    expect(String(alloc.getRange(3, final).getValue())).toBe(String(typed));
    await secondBarShows(s, typed);
    expect(await bars(s)).toEqual(sheetSeats(ss));
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});

test('allocated from the menu while the sidebar stands open on "Cơ cấu đại biểu": the bars appear on coming back', async () => {
  const s = await openPlayground({ spreadsheet: buildSample(LANG_SON) });
  try {
    await s.sidebar.locator('[data-section="composition"] summary').click();
    await s.sidebar.locator('[data-composition="figures"]').waitFor();
    await expect(s.sidebar.locator('[data-section="composition"] [data-chart-of="allocation"]').count()).resolves.toBe(
      0,
    );
    // "Phân bổ đại biểu" from the add-in menu: the sidebar is not told; the officer comes back to it.
    s.bundle.call('allocateDelegates');
    const frame = await s.sidebarFrame();
    await frame.evaluate(() => window.dispatchEvent(new Event('focus')));
    await s.sidebar.locator('[data-section="composition"] [data-chart-of="allocation"] svg').waitFor();
    expect(await bars(s)).toEqual(sheetSeats(s.runtime.spreadsheet));
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('out of order: "Cơ cấu đại biểu" opened on a blank workbook, then "Thiết lập bảng tính": it counts again', async () => {
  const s = await openPlayground({ spreadsheet: LocalSpreadsheet.create() });
  try {
    await s.sidebar.locator('[data-section="composition"] summary').click();
    const message = s.sidebar.locator('[data-section="composition"] .composition-message');
    await message.filter({ hasText: 'Chưa có trang "Đại biểu"' }).waitFor();
    await s.sidebar.locator('[data-key="setupWorkbook"]').click();
    await s.sidebar.locator('#slot-result .result.tone-ok').waitFor();
    await message.filter({ hasNotText: 'Chưa có trang "Đại biểu"' }).waitFor();
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

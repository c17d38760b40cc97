/**
 * "So sánh phương pháp" in the sidebar (headless Chromium, playground, Kon Tum sample): the button shows
 * a table of units by name × the six methods, the cells that differ from the configured method
 * highlighted, one sentence per method; nothing is written to the workbook; no markup from a unit name.
 */
import { buildSample } from '../../local/samples';
import { KON_TUM } from '../../samples/kon-tum';
import { diff, describe as lines, snapshot } from '../trust/snapshot';
import { keepScreenshot, openPlayground, type Session } from './harness';

describe('So sánh phương pháp in the sidebar', () => {
  let s: Session;
  beforeAll(async () => {
    const ss = buildSample(KON_TUM);
    // A unit name that looks like markup stays text.
    const units = ss.getSheetByName('Đơn vị');
    units?.getRange(2, 2).setValue('<b>Xã Mới</b>');
    s = await openPlayground({ spreadsheet: ss });
  });
  afterAll(async () => {
    await s?.close();
  });

  test('table of units by name × six methods, differences highlighted, a sentence per method; nothing written', async () => {
    const before = snapshot(s.runtime.spreadsheet);
    const section = s.sidebar.locator('[data-section="compare"]');
    await section.locator('summary').click();
    await section.locator('[data-key="compare-methods"]').click();
    const table = section.locator('.compare-table');
    await table.waitFor();
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
      'Đơn vị',
      'Hamilton',
      'Jefferson',
      'Webster',
      'Adams',
      'Dean',
      'H–H',
    ]);
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toContain('<b>Xã Mới</b>');
    await expect(table.locator('tbody b').count()).resolves.toBe(0);
    await expect(section.locator('.compare-methods li').count()).resolves.toBe(6);
    // Kon Tum: Adams differs from the configured method somewhere (seen on the server side too).
    const differing = await table.locator('td.differs').count();
    expect(differing).toBeGreaterThan(0);
    // The configured method's column is the reference: none of its cells is highlighted.
    const configured = await table.locator('thead th.configured').getAttribute('data-method');
    expect(configured).toBeTruthy();
    await expect(table.locator(`td.differs[data-method="${configured}"]`).count()).resolves.toBe(0);
    await keepScreenshot(s.sidebar.locator('body'), 'compare-methods.png');
    expect(lines(diff(before, snapshot(s.runtime.spreadsheet)))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  test('data the allocation refuses: the reason, as an alert, and no table', async () => {
    const config = s.runtime.spreadsheet.getSheetByName('Cấu hình');
    const values = config?.getDataRange().getValues() ?? [];
    const row = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
    expect(row).toBeGreaterThan(0);
    config?.getRange(row, 2).setValue(1);
    const section = s.sidebar.locator('[data-section="compare"]');
    await section.locator('[data-key="compare-methods"]').click();
    const alert = section.locator('.compare-error[role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/^Chưa so sánh được các phương pháp: .*trang "Cấu hình"/);
    await expect(section.locator('.compare-table').count()).resolves.toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

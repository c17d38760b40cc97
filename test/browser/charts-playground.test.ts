/**
 * The playground draws the native charts of writeStatistics: the menu item "Cập nhật trang Thống kê"
 * runs it, the page shows the `Thống kê` sheet with three charts as inline SVG at their anchor cells,
 * titled from the options, one mark per table row, from the sheet's current values.
 */
import { openPlayground, type Session } from './harness';

describe('playground charts', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  test('the menu action writes Thống kê and its charts are drawn', async () => {
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Phân bổ đại biểu' }).click();
    await s.page.locator('#messages .message', { hasText: /Đã phân bổ/ }).waitFor();
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Cập nhật trang Thống kê' }).click();
    await s.page.locator('#messages .message', { hasText: /Đã cập nhật trang "Thống kê"/ }).waitFor();
    await s.page.locator('#tabs button.active', { hasText: /^Thống kê$/ }).waitFor();
    const charts = s.page.locator('#charts-layer figure.sheet-chart');
    await charts.first().waitFor();
    await expect(charts.count()).resolves.toBe(3);
    const titles = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(titles).toEqual([
      'Số đại biểu phân bổ theo đơn vị',
      'Đại biểu chính thức theo dân tộc',
      'Đại biểu theo nhóm tuổi',
    ]);
    const state = await s.state();
    expect(state.charts.map((c) => c.type)).toEqual(['BAR', 'BAR', 'COLUMN']);
    // One mark per data row, labels and values from the sheet.
    const ages = charts.nth(2);
    await expect(ages.locator('.chart-mark').count()).resolves.toBe(state.charts[2]!.labels.length);
    await expect(ages.locator('.chart-title').textContent()).resolves.toBe('Đại biểu theo nhóm tuổi');
    await expect(ages.locator('.chart-axis').allTextContents()).resolves.toEqual(['Nhóm tuổi', 'Số đại biểu']);
    const labels = await ages.locator('.chart-label').allTextContents();
    expect(labels[0]).toBe(
      state.charts[2]!.labels[0]!.slice(0, labels[0]!.length - 1) +
        (labels[0]!.endsWith('…') ? '…' : labels[0]!.slice(-1)),
    );
    const values = await ages.locator('.chart-value').allTextContents();
    expect(values.map(Number)).toEqual(state.charts[2]!.values.map((v) => v[0]));
    // Placed at the anchor cell (column G), right of the tables.
    const anchor = await s.page.locator('#grid td[data-a1="G1"]').boundingBox();
    const first = await charts.first().boundingBox();
    expect(Math.abs((first?.x ?? 0) - (anchor?.x ?? -100))).toBeLessThan(2);
    expect(s.pageErrors).toEqual([]);
  });

  let typedOver: unknown = null;
  test('a changed value redraws the chart from the sheet', async () => {
    const sheet = s.runtime.spreadsheet.getSheetByName('Thống kê')!;
    const state = await s.state();
    const age = state.charts[2]!;
    const firstRow = Number(/(\d+):/.exec(age.ranges[0]!)?.[1]) + 1;
    typedOver = sheet.getRange(firstRow, 2).getValue();
    sheet.getRange(firstRow, 2).setValue(999);
    const after = await s.state();
    expect(after.charts[2]!.values[0]).toEqual([999]);
    // The page redraws on its next state (a tab click reads it).
    await s.page.locator('#tabs button', { hasText: /^Thống kê$/ }).click();
    await s.page
      .locator('#charts-layer figure.sheet-chart')
      .nth(2)
      .locator('.chart-value', { hasText: '999' })
      .waitFor();
  });

  test('the sidebar button in "Cơ cấu đại biểu" rewrites Thống kê and says so', async () => {
    const sheet = s.runtime.spreadsheet.getSheetByName('Thống kê')!;
    const state = await s.state();
    const firstRow = Number(/(\d+):/.exec(state.charts[2]!.ranges[0]!)?.[1]) + 1;
    await s.sidebar.locator('[data-section="composition"] summary').click();
    // The value typed over by hand above: nothing is written, the officer is told where (attack4-charts-edits).
    await s.sidebar.locator('[data-key="statistics-write"]').click();
    await s.sidebar
      .locator('[data-composition="statistics-status"]', { hasText: /Trang "Thống kê" đã được sửa tay/ })
      .waitFor();
    expect(sheet.getRange(firstRow, 2).getValue()).toBe(999);
    // The officer puts the figure back: the sheet is rewritten.
    sheet.getRange(firstRow, 2).setValue(typedOver);
    await s.sidebar.locator('[data-key="statistics-write"]').click();
    await s.sidebar
      .locator('[data-composition="statistics-status"]', { hasText: /Đã cập nhật trang "Thống kê"/ })
      .waitFor();
    expect(s.runtime.spreadsheet.localSheet('Thống kê')?.charts).toHaveLength(3);
    expect(s.pageErrors).toEqual([]);
  });
});

/**
 * The playground page in headless Chromium: typing into the grid goes through the runtime's typed
 * input (Range.setValue), the formula bar, keyboard moves, rejected input, the add-in menu, and
 * "Lưu" writing the workbook back to .xlsx.
 */
import { loadWorkbook } from '../../local/xlsx';
import { openPlayground, type Session } from './harness';

/** Polls `read` until it returns `want` (or 5 s pass) and returns the last value. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && value !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('playground grid', () => {
  let s: Session;
  const config = () => s.runtime.spreadsheet.getSheetByName('Cấu hình')!;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  async function select(a1: string) {
    await s.page.locator(`#grid td[data-a1="${a1}"]`).click();
    await s.page.locator(`#grid td.current[data-a1="${a1}"]`).waitFor();
  }

  async function typeInto(a1: string, text: string, key = 'Enter') {
    await select(a1);
    await s.page.keyboard.type(text);
    const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.keyboard.press(key);
    return (await edited).json() as Promise<{ ok: boolean; error?: string }>;
  }

  test('typed values are read like Google Sheets reads them (vi_VN)', async () => {
    await typeInto('E2', '1.234');
    await typeInto('E3', "'007");
    await typeInto('E4', '12,5%');
    await typeInto('E5', '14/01/2024');
    await typeInto('E6', '=B5+1');
    await typeInto('E7', 'Lạng Sơn');
    expect(config().getRange('E2').getValue()).toBe(1234);
    expect(config().getRange('E3').getValue()).toBe('007');
    expect(config().getRange('E4').getValue()).toBe(0.125);
    const date = config().getRange('E5').getValue() as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe('2024-01-13T17:00:00.000Z');
    expect(config().getRange('E6').getFormula()).toBe('=B5+1');
    expect(config().getRange('E7').getValue()).toBe('Lạng Sơn');
    await expect(s.page.locator('#grid td[data-a1="E2"]').textContent()).resolves.toBe('1234');
    await expect(s.page.locator('#grid td[data-a1="E4"]').textContent()).resolves.toBe('12,5%');
    await expect(s.page.locator('#grid td[data-a1="E5"]').textContent()).resolves.toBe('14/01/2024');
    // Enter moved down after the last edit.
    await s.page.locator('#grid td.current[data-a1="E8"]').waitFor();
  });

  test('the formula bar shows the active cell and edits it', async () => {
    const formula = () => s.page.locator('#formula-input').inputValue();
    await select('E6');
    await expect(s.page.locator('#name-box').inputValue()).resolves.toBe('E6');
    // The bar fills in from the page's state, which may still be refreshing after the last edit.
    await expect(eventually(formula, '=B5+1')).resolves.toBe('=B5+1');
    // Column B of Cấu hình is plain text (@): what is typed there stays text, as in Sheets.
    expect(config().getRange('B5').getNumberFormat()).toBe('@');
    await select('B5');
    await expect(eventually(formula, '2024')).resolves.toBe('2024');
    await s.page.locator('#formula-input').fill('2025');
    const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.locator('#formula-input').press('Enter');
    await edited;
    expect(config().getRange('B5').getValue()).toBe('2025');
    await s.page.locator('#grid td.current[data-a1="B6"]').waitFor();
  });

  test('Escape cancels an edit; Delete clears a cell; arrows and Tab move', async () => {
    await select('E7');
    await s.page.keyboard.type('bỏ đi');
    await s.page.keyboard.press('Escape');
    await expect(s.page.locator('#cell-editor').isHidden()).resolves.toBe(true);
    expect(config().getRange('E7').getValue()).toBe('Lạng Sơn');
    const cleared = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.keyboard.press('Delete');
    await cleared;
    expect(config().getRange('E7').getValue()).toBe('');
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('ArrowDown');
    await s.page.locator('#grid td.current[data-a1="E7"]').waitFor();
    await expect(eventually(async () => (await s.state()).activeRange?.a1, 'E7')).resolves.toBe('E7');
  });

  test('double-click edits the cell with its content', async () => {
    await s.page.locator('#grid td[data-a1="E2"]').dblclick();
    await expect(s.page.locator('#cell-editor').isVisible()).resolves.toBe(true);
    await expect(s.page.locator('#cell-editor').inputValue()).resolves.toBe('1234');
    await s.page.keyboard.press('End');
    await s.page.keyboard.type('5');
    const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.keyboard.press('Tab');
    await edited;
    expect(config().getRange('E2').getValue()).toBe(12345);
    await s.page.locator('#grid td.current[data-a1="F2"]').waitFor();
  });

  test('a value a "reject input" validation refuses is not written, and the user is told', async () => {
    const SpreadsheetApp = s.runtime.services.SpreadsheetApp;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Huyện', 'Xã'], true).setAllowInvalid(false);
    config().getRange('F3').setDataValidation(rule.build());
    const res = await typeInto('F3', 'Tỉnh');
    expect(res.ok).toBe(false);
    expect(config().getRange('F3').getValue()).toBe('');
    await s.page.locator('#messages .message.error', { hasText: 'F3' }).waitFor();
    const ok = await typeInto('F3', 'Xã');
    expect(ok.ok).toBe(true);
    expect(config().getRange('F3').getValue()).toBe('Xã');
  });

  test('the add-in menu runs its action and shows its toast', async () => {
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Kiểm tra dữ liệu' }).click();
    await s.page.locator('#messages .message', { hasText: /Phát hiện \d+ lỗi/ }).waitFor();
    await expect(s.page.locator('#tabs button', { hasText: /^Kiểm tra$/ }).count()).resolves.toBe(1);
  });

  test('"Lưu" writes the workbook, edits included, to the .xlsx', async () => {
    await s.page.locator('#save').click();
    await s.page.locator('#messages .message', { hasText: 'Đã lưu' }).waitFor();
    const saved = await loadWorkbook(s.savePath);
    const sheet = saved.getSheetByName('Cấu hình')!;
    expect(sheet.getRange('E2').getValue()).toBe(12345);
    expect(sheet.getRange('B5').getValue()).toBe('2025');
    expect(sheet.getRange('E3').getValue()).toBe('007');
    expect(s.pageErrors).toEqual([]);
  });
});

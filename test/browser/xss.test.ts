/**
 * User data is text, everywhere: a delegate named like an HTML payload, typed into the grid as a user
 * would, becomes a duplicate problem; the sidebar (problem message) and the grid (cell, note) show it
 * as text and nothing runs, in the page or in the sidebar frame. A `javascript:` link typed into the
 * document log is shown without a link.
 */
import type { Frame } from 'playwright-core';
import { openPlayground, type Session } from './harness';

// The page's window, used only inside evaluate() callbacks (the test project has no DOM lib).
declare const window: { __xss?: unknown };

const NAME = '<img src=x onerror="window.__xss=1">';
const SCRIPT_URL = 'javascript:window.__xss=1';

/** Types into one cell of the active sheet through the grid, as a user: click, type, Enter. */
async function typeInto(s: Session, a1: string, text: string): Promise<void> {
  await s.page.locator(`#grid td[data-a1="${a1}"]`).click();
  await s.page.locator(`#grid td.current[data-a1="${a1}"]`).waitFor();
  await s.page.keyboard.type(text);
  await expect(s.page.locator('#cell-editor').inputValue()).resolves.toBe(text);
  const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
  await s.page.keyboard.press('Enter');
  await edited;
}

async function noXss(s: Session, frame: Frame): Promise<void> {
  await expect(s.page.evaluate(() => window.__xss)).resolves.toBeUndefined();
  await expect(frame.evaluate(() => window.__xss)).resolves.toBeUndefined();
  await expect(s.page.locator('#grid img').count()).resolves.toBe(0);
  await expect(frame.locator('img').count()).resolves.toBe(0);
}

describe('a delegate named like HTML', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  test('typed into two delegate rows with the same birth year, it stays text in the workbook and the grid', async () => {
    await s.page.locator('#tabs button', { hasText: /^Đại biểu$/ }).click();
    await s.page.locator('#tabs button.active', { hasText: 'Đại biểu' }).waitFor();
    const sheet = s.runtime.spreadsheet.getSheetByName('Đại biểu')!;
    const year = String(sheet.getRange('F2').getValue());
    expect(year).toMatch(/^\d{4}$/);
    await typeInto(s, 'B2', NAME);
    await typeInto(s, 'B3', NAME);
    await typeInto(s, 'F3', year);
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[NAME], [NAME]]);
    expect(sheet.getRange('F3').getValue()).toBe(Number(year));
    await expect(s.page.locator('#grid td[data-a1="B2"]').textContent()).resolves.toBe(NAME);
    await expect(s.page.locator('#grid td[data-a1="B3"]').textContent()).resolves.toBe(NAME);
    await noXss(s, await s.sidebarFrame());
  });

  test('validation reports the duplicate; the sidebar and the grid show the name as text', async () => {
    const frame = await s.sidebarFrame();
    await s.sidebar.locator('[data-key="validateAll"]').click();
    await s.sidebar.locator('#slot-result .result-title', { hasText: 'Đã kiểm tra dữ liệu' }).waitFor();
    const item = s.sidebar.locator('button.problem[data-sheet="Đại biểu"][data-cell="B3"]');
    const message = await item.locator('.problem-msg').textContent();
    expect(message).toContain(`"${NAME}"`);
    expect(message).toMatch(/có thể trùng với dòng 2/);
    await expect(item.locator('.problem-msg').evaluate((el) => el.childElementCount)).resolves.toBe(0);
    await noXss(s, frame);

    await item.click();
    const cell = s.page.locator('#grid td.current[data-a1="B3"]');
    await cell.waitFor();
    await expect(cell.textContent()).resolves.toBe(NAME);
    await expect(cell.getAttribute('title')).resolves.toContain(NAME);
    await cell.hover();
    await noXss(s, frame);
    expect(s.pageErrors).toEqual([]);
  });

  test('a document log row with a javascript: link and the name as its title: text, no link', async () => {
    const frame = await s.sidebarFrame();
    await s.page.locator('#tabs button', { hasText: /^Văn bản$/ }).click();
    await s.page.locator('#tabs button.active', { hasText: 'Văn bản' }).waitFor();
    const header = s.runtime.spreadsheet.getSheetByName('Văn bản')!.getRange('A1:E1').getValues()[0];
    expect(header).toEqual(['Loại', 'Số', 'Ngày', 'Trích yếu', 'Liên kết']);
    await typeInto(s, 'A2', 'Thông báo kết luận');
    await typeInto(s, 'B2', '09/TB-UBND');
    await typeInto(s, 'C2', '14/01/2024');
    await typeInto(s, 'D2', NAME);
    await typeInto(s, 'E2', SCRIPT_URL);
    await s.sidebar.locator('[data-key="refresh"]').click();
    const doc = s.sidebar.locator('.docs .doc', { hasText: '09/TB-UBND' });
    await doc.waitFor();
    await expect(doc.locator('.doc-link').textContent()).resolves.toBe(NAME);
    await expect(doc.locator('a').count()).resolves.toBe(0);
    await expect(doc.textContent()).resolves.toContain('chưa có liên kết');
    await expect(frame.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    await doc.locator('.doc-link').click();
    await noXss(s, frame);
    expect(s.pageErrors).toEqual([]);
  });
});

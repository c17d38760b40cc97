/**
 * Drafts and numbers from the sidebar, in headless Chromium on the Lạng Sơn playground:
 * "Tạo dự thảo (chưa cấp số)" sends generateNotice(kind, { draft: true }) and the list shows the
 * draft without a number; "Cấp số" calls issueDraft(url) and shows the number it got; "Hủy số"
 * asks for a reason in an inline form (no window.prompt), calls voidNumber(number, reason), the
 * entry shows as voided, and the same document made again gets a new number. A meeting whose
 * subject holds HTML stays text in the list.
 */
import { openPlayground, type Session } from './harness';
import { addMeetings, callsDuring, noticeControls } from './noticeForm';

// Browser globals, used only inside evaluate() callbacks (the test project has no DOM lib).
declare const window: { __injected?: number };
declare const document: { querySelectorAll(selector: string): { length: number } };

const SUBJECT = 'họp <img src=x onerror="window.__injected=1"><b>thử</b> & "kiểm tra"';

describe('Sidebar: drafts, "Cấp số" and "Hủy số"', () => {
  let s: Session;
  const dialogs: string[] = [];

  beforeAll(async () => {
    s = await openPlayground();
    s.page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    addMeetings(
      s,
      [['BCĐ-09', '10/01/2024', 'Hoàng Văn Nam', 'Trưởng Ban Dân tộc', 'các thành viên', SUBJECT]],
      [['BCĐ-09', 1, 'Thống nhất <b>nội dung</b>.']],
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  const { live, kindButton, openMenu } = noticeControls(() => s);
  const docs = () => s.sidebar.locator('.docs .doc');
  const openForm = async () => {
    await openMenu();
    await kindButton('thong-bao-ket-luan').click();
    await s.sidebar.getByLabel('Cuộc họp', { exact: true }).waitFor();
    await expect(s.sidebar.getByLabel('Cuộc họp', { exact: true }).inputValue()).resolves.toBe('BCĐ-09');
  };

  test('a draft: sent as draft, listed without a number, with "Cấp số"', async () => {
    await openForm();
    const draft = s.sidebar.getByLabel('Tạo dự thảo (chưa cấp số)');
    await expect(draft.isChecked()).resolves.toBe(false);
    await draft.check();
    const calls = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live().getByText('Đã tạo dự thảo', { exact: false }).waitFor();
    });
    expect(calls.filter((c) => c.fn === 'generateNotice')).toEqual([
      { fn: 'generateNotice', args: ['thong-bao-ket-luan', { meeting: 'BCĐ-09', draft: true }] },
    ]);
    const entry = docs().filter({ hasText: 'Dự thảo, chưa cấp số' });
    await entry.waitFor();
    await expect(docs().count()).resolves.toBe(1);
    const meta = (await entry.locator('.doc-meta').textContent()) ?? '';
    expect(meta).not.toMatch(/\d+\s*\/\s*TB/);
    expect(meta).toContain('/TB-UBND');
    // The Doc: no number, no day.
    const text = s.runtime.services.DocumentApp.created[0]?.getBody().getText() ?? '';
    expect(text).toMatch(/Số:\s+\/TB-UBND/);
    expect(text).toMatch(/ngày\s+tháng 01 năm 2024/);
    // Numbered entries only get "Hủy số"; a draft gets "Cấp số".
    await expect(entry.getByRole('button', { name: /Hủy số/ }).count()).resolves.toBe(0);
    await expect(entry.getByRole('button', { name: /Cấp số/ }).count()).resolves.toBe(1);
  });

  test('"Cấp số": the number shown, the list refreshed', async () => {
    const entry = docs().filter({ hasText: 'Dự thảo, chưa cấp số' });
    const url = await entry.locator('a.doc-link').getAttribute('href');
    const calls = await callsDuring(s, async () => {
      await entry.getByRole('button', { name: /Cấp số/ }).click();
      await live().getByText('Đã cấp số 01/TB-UBND', { exact: false }).first().waitFor();
    });
    expect(calls.filter((c) => c.fn === 'issueDraft')).toEqual([{ fn: 'issueDraft', args: [url] }]);
    await expect(live().textContent()).resolves.toContain('Đã cấp số 01/TB-UBND ngày 14/01/2024');
    await expect(live().locator('.result-link a').textContent()).resolves.toBe('Mở văn bản: 01/TB-UBND');
    const numbered = s.sidebar.locator('.docs .doc[data-number="01/TB-UBND"]');
    await numbered.waitFor();
    await expect(numbered.locator('.doc-meta').textContent()).resolves.toBe('01/TB-UBND · 14/01/2024');
    await expect(docs().filter({ hasText: 'Dự thảo, chưa cấp số' }).count()).resolves.toBe(0);
    await expect(numbered.getByRole('button', { name: /Cấp số/ }).count()).resolves.toBe(0);
    const text = s.runtime.services.DocumentApp.created[0]?.getBody().getText() ?? '';
    expect(text).toContain('Số: 01/TB-UBND');
    expect(text).toContain('ngày 14 tháng 01 năm 2024');
  });

  test('"Hủy số": a reason is required, asked inline; the entry shows as voided', async () => {
    const numbered = s.sidebar.locator('.docs .doc[data-number="01/TB-UBND"]');
    await numbered.getByRole('button', { name: 'Hủy số 01/TB-UBND' }).click();
    const reason = s.sidebar.getByLabel('Lý do hủy số 01/TB-UBND');
    await reason.waitFor();
    // No reason: said inline, nothing sent.
    const none = await callsDuring(s, async () => {
      await s.sidebar.locator('[data-key="void-submit"]').click();
      await s.sidebar.getByText('Hãy ghi lý do hủy số.').waitFor();
    });
    expect(none.filter((c) => c.fn === 'voidNumber')).toEqual([]);
    await reason.fill('ghi sai <i>ngày</i> họp');
    const calls = await callsDuring(s, async () => {
      await reason.press('Enter');
      await live().getByText('Đã hủy số 01/TB-UBND', { exact: false }).waitFor();
    });
    expect(calls.filter((c) => c.fn === 'voidNumber')).toEqual([
      { fn: 'voidNumber', args: ['01/TB-UBND', 'ghi sai <i>ngày</i> họp'] },
    ]);
    const voided = docs().filter({ hasText: 'Đã hủy số' });
    await voided.waitFor();
    await expect(voided.locator('.doc-meta').textContent()).resolves.toContain(
      '01/TB-UBND (đã hủy: ghi sai <i>ngày</i> họp)',
    );
    await expect(voided.getByRole('button').count()).resolves.toBe(0);
    await expect(s.sidebar.locator('.void-form').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('the same document made again gets a new number; the voided one stays', async () => {
    await openForm();
    await expect(s.sidebar.getByLabel('Tạo dự thảo (chưa cấp số)').isChecked()).resolves.toBe(false);
    const calls = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live().getByText('số 02/TB-UBND', { exact: false }).waitFor();
    });
    expect(calls.filter((c) => c.fn === 'generateNotice')).toEqual([
      { fn: 'generateNotice', args: ['thong-bao-ket-luan', { meeting: 'BCĐ-09' }] },
    ]);
    await s.sidebar.locator('.docs .doc[data-number="02/TB-UBND"]').waitFor();
    await expect(docs().filter({ hasText: 'Đã hủy số' }).count()).resolves.toBe(1);
    expect(s.runtime.services.DocumentApp.created).toHaveLength(2);
  });

  test('"Hủy số" refused by the server (voided meanwhile by someone else): the message; the list shows it voided, no form left', async () => {
    const numbered = s.sidebar.locator('.docs .doc[data-number="02/TB-UBND"]');
    await numbered.getByRole('button', { name: 'Hủy số 02/TB-UBND' }).click();
    const reason = s.sidebar.getByLabel('Lý do hủy số 02/TB-UBND');
    await reason.fill('trùng số');
    // Meanwhile, the number is voided in `Văn bản` by hand.
    const log = s.runtime.spreadsheet.getSheetByName('Văn bản');
    const values = log?.getDataRange().getValues() ?? [];
    const row = values.findIndex((r) => r.includes('02/TB-UBND'));
    const col = (values[row] ?? []).indexOf('02/TB-UBND');
    expect(row).toBeGreaterThan(0);
    log?.getRange(row + 1, col + 1).setValue('02/TB-UBND (đã hủy: người khác hủy)');
    await s.sidebar.locator('[data-key="void-submit"]').click();
    await live().locator('.result.tone-error').waitFor();
    await expect(live().textContent()).resolves.toContain('02/TB-UBND');
    // The list read again: the entry is voided (with the other person's reason), nothing left to void.
    const voided = s.sidebar.locator('.docs .doc.is-voided', { hasText: 'người khác hủy' });
    await voided.waitFor();
    await expect(voided.getByRole('button').count()).resolves.toBe(0);
    await expect(s.sidebar.locator('.void-form').count()).resolves.toBe(0);
    expect(String(log?.getRange(row + 1, col + 1).getValue())).toBe('02/TB-UBND (đã hủy: người khác hủy)');
  });

  test('names holding HTML stay text: nothing injected, nothing ran', async () => {
    const frame = await s.sidebarFrame();
    const found = await frame.evaluate(() => ({
      injected: window.__injected ?? 0,
      tags: document.querySelectorAll('#slot-documents img, #slot-documents b, #slot-documents i').length,
    }));
    expect(found).toEqual({ injected: 0, tags: 0 });
    expect(s.pageErrors).toEqual([]);
  });
});

/**
 * "Tạo văn bản ▸ <kind>" opens an inline form in the sidebar, in headless Chromium on the Lạng Sơn
 * playground: the meetings (newest first) and the document date for a Thông báo kết luận, the date
 * alone for the other kinds; "Tạo" calls generateNotice(kind, { meeting, date }) and shows the link;
 * the date typed day first (dd/mm/yyyy) starting at the SERVER's today, whatever the browser's locale;
 * labels, keyboard, focus, Escape; and no meeting at all said without calling the server.
 */
import { keepScreenshot, openPlayground, type Session } from './harness';
import { addMeetings, callsDuring, noticeControls } from './noticeForm';

// Browser globals, used only inside evaluate() callbacks (the test project has no DOM lib).
interface FocusedElement {
  tagName: string;
  id: string;
  dataset: Record<string, string | undefined>;
}
interface Box {
  getBoundingClientRect(): { right: number };
}
declare const document: {
  activeElement: FocusedElement | null;
  querySelector(selector: string): Box | null;
  documentElement: { clientWidth: number };
};
declare function getComputedStyle(el: FocusedElement): { boxShadow: string; outlineStyle: string };

const SUBJECT = 'cho ý kiến dự thảo Kế hoạch tuyên truyền';
const CONCLUSION = 'Thống nhất nội dung Kế hoạch tuyên truyền về Đại hội.';

describe('Tạo văn bản: the inline form', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
    // Around the sample's BCĐ-01 (03/01/2024): a newer BCĐ-02 with a conclusion, an older BTC-01 without any.
    addMeetings(
      s,
      [
        ['BCĐ-02', '10/01/2024', 'Hoàng Văn Nam', 'Trưởng Ban Dân tộc', 'các thành viên', SUBJECT],
        ['BTC-01', '02/01/2024', 'Lăng Văn Phúc', 'Phó Trưởng Ban Dân tộc', 'các thành viên', 'họp Ban Tổ chức'],
      ],
      [['BCĐ-02', 1, CONCLUSION]],
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  const { live, form, kindButton, openMenu } = noticeControls(() => s);
  const focused = async () => {
    const frame = await s.sidebarFrame();
    return frame.evaluate(() => {
      const el = document.activeElement;
      return {
        key: el?.dataset.key ?? el?.tagName ?? '',
        ring: el ? getComputedStyle(el).boxShadow !== 'none' || getComputedStyle(el).outlineStyle !== 'none' : false,
      };
    });
  };

  test('Thông báo kết luận: pick the meeting and the date, "Tạo", the link', async () => {
    await openMenu();
    await kindButton('thong-bao-ket-luan').click();
    await expect(kindButton('thong-bao-ket-luan').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(kindButton('thong-bao-ket-luan').getAttribute('aria-controls')).resolves.toBe('notice-form');
    await expect(form().getAttribute('aria-label')).resolves.toBe('Thông báo kết luận cuộc họp');
    const meeting = s.sidebar.getByLabel('Cuộc họp', { exact: true });
    await meeting.waitFor();
    // Newest first, the newest chosen.
    await expect(meeting.locator('option').allTextContents()).resolves.toEqual([
      `BCĐ-02 — 10/01/2024 — ${SUBJECT}`,
      'BCĐ-01 — 03/01/2024 — triển khai công tác chuẩn bị tổ chức Đại hội',
      'BTC-01 — 02/01/2024 — họp Ban Tổ chức',
    ]);
    await expect(meeting.inputValue()).resolves.toBe('BCĐ-02');
    // The date: the server's today (the runtime's clock, 14/01/2024), day first, not the browser's.
    const date = s.sidebar.getByLabel('Ngày văn bản');
    await expect(date.getAttribute('type')).resolves.toBe('text');
    await expect(date.inputValue()).resolves.toBe('14/01/2024');
    // The chosen meeting in full under the dropdown, wrapped inside the 300 px sidebar.
    const chosen = s.sidebar.locator('[data-key="notice-meeting-chosen"]');
    await expect(chosen.textContent()).resolves.toBe(`BCĐ-02 — 10/01/2024 — ${SUBJECT}`);
    const frame = await s.sidebarFrame();
    const widths = await frame.evaluate(() => {
      const right = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().right ?? Infinity;
      return {
        select: right('#notice-meeting'),
        chosen: right('[data-key="notice-meeting-chosen"]'),
        page: document.documentElement.clientWidth,
      };
    });
    expect(widths.select).toBeLessThanOrEqual(widths.page);
    expect(widths.chosen).toBeLessThanOrEqual(widths.page);
    await keepScreenshot(s.page.locator('#sidebar'), 'sidebar-notice-form.png');

    await meeting.selectOption('BCĐ-01');
    await date.fill('20/01/2024');
    const calls = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live().locator('.result-link a').waitFor();
    });
    expect(calls.filter((c) => c.fn === 'generateNotice')).toEqual([
      { fn: 'generateNotice', args: ['thong-bao-ket-luan', { meeting: 'BCĐ-01', date: '2024-01-20' }] },
    ]);
    await expect(live().textContent()).resolves.toContain('Đã tạo thông báo kết luận cuộc họp số 01/TB-UBND.');
    const href = await live().locator('.result-link a').getAttribute('href');
    expect(href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[^/]+/);
    // The form closes; the document is the chosen meeting's, dated as chosen.
    await expect(form().count()).resolves.toBe(0);
    await expect(kindButton('thong-bao-ket-luan').getAttribute('aria-expanded')).resolves.toBe('false');
    const doc = s.sidebar.locator('.docs .doc', { has: s.sidebar.locator(`a[href="${href}"]`) });
    await doc.waitFor();
    await expect(doc.textContent()).resolves.toContain('01/TB-UBND · 20/01/2024');
    const text = s.runtime.services.DocumentApp.created[0]?.getBody().getText() ?? '';
    expect(text).toContain('Lạng Sơn, ngày 20 tháng 01 năm 2024');
    expect(text).toContain('Ngày 03/01/2024, đồng chí Đoàn Thanh Sơn');
    expect(text).not.toContain(CONCLUSION);
  });

  test('the newest meeting, left as chosen: its notice', async () => {
    await kindButton('thong-bao-ket-luan').click();
    await expect(s.sidebar.getByLabel('Cuộc họp', { exact: true }).inputValue()).resolves.toBe('BCĐ-02');
    await s.sidebar.getByLabel('Ngày văn bản').fill('21/01/2024');
    await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
    await live().getByText('Đã tạo thông báo kết luận cuộc họp số 02/TB-UBND.').waitFor();
    const text = s.runtime.services.DocumentApp.created[1]?.getBody().getText() ?? '';
    expect(text).toContain('Lạng Sơn, ngày 21 tháng 01 năm 2024');
    expect(text).toContain(CONCLUSION);
  });

  test('a meeting the server cannot make a notice of: the error, and the form stays as chosen', async () => {
    await kindButton('thong-bao-ket-luan').click();
    await s.sidebar.getByLabel('Cuộc họp', { exact: true }).selectOption('BTC-01');
    await s.sidebar.getByLabel('Ngày văn bản').fill('23/01/2024');
    await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
    await live().locator('.result.tone-error').waitFor();
    await expect(live().textContent()).resolves.toContain('Cuộc họp "BTC-01" chưa có kết luận nào');
    await expect(s.sidebar.getByLabel('Cuộc họp', { exact: true }).inputValue()).resolves.toBe('BTC-01');
    await expect(s.sidebar.getByLabel('Ngày văn bản').inputValue()).resolves.toBe('23/01/2024');
    await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
    expect(s.runtime.services.DocumentApp.created).toHaveLength(2);
  });

  test('keyboard: the kind, then the date (no meeting for this kind), "Tạo" with Enter; focus visible throughout', async () => {
    await openMenu();
    // The sample's unit "Lộc Bình Mới" (unknown to `Đơn vị`) would ask for a confirmation: corrected first.
    const members = s.runtime.spreadsheet.getSheetByName('Thành viên');
    const values = members?.getDataRange().getValues() ?? [];
    const row = values.findIndex((r) => r.includes('VL, Lộc Bình Mới'));
    members?.getRange(row + 1, (values[row] ?? []).indexOf('VL, Lộc Bình Mới') + 1).setValue('VL, LB');
    const button = kindButton('phan-cong-nhiem-vu');
    await button.focus();
    await s.page.keyboard.press('Enter');
    await form().waitFor();
    await expect(form().locator('select').count()).resolves.toBe(0);
    await expect(focused()).resolves.toEqual({ key: 'notice-phan-cong-nhiem-vu', ring: true });
    await s.page.keyboard.press('Tab');
    await expect(focused()).resolves.toEqual({ key: 'notice-date', ring: true });
    await s.sidebar.getByLabel('Ngày văn bản').fill('22/01/2024');
    // Tab goes from the date (one text field) and the draft choice on.
    for (let i = 0; i < 5 && ['notice-date', 'notice-draft'].includes((await focused()).key); i++) {
      await s.page.keyboard.press('Tab');
      expect((await focused()).ring).toBe(true);
    }
    await expect(focused()).resolves.toEqual({ key: 'notice-create', ring: true });
    await s.page.keyboard.press('Tab');
    await expect(focused()).resolves.toEqual({ key: 'notice-cancel', ring: true });
    await s.page.keyboard.press('Shift+Tab');
    const calls = await callsDuring(s, async () => {
      await s.page.keyboard.press('Enter');
      await live().getByText('Đã tạo quyết định phân công nhiệm vụ số 01/QĐ-BCĐ.').waitFor();
    });
    expect(calls.find((c) => c.fn === 'generateNotice')?.args).toEqual(['phan-cong-nhiem-vu', { date: '2024-01-22' }]);
    // The form closed; the focus is back on its kind.
    await expect(form().count()).resolves.toBe(0);
    await expect(focused()).resolves.toMatchObject({ key: 'notice-phan-cong-nhiem-vu' });
    await expect(live().getAttribute('aria-live')).resolves.toBe('polite');
  });

  test('"Hủy" and Escape close the form without calling the server; the date chosen carries to another kind', async () => {
    const calls = await callsDuring(s, async () => {
      await kindButton('phan-bo-dai-bieu').click();
      await s.sidebar.getByLabel('Ngày văn bản').fill('01/02/2024');
      await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
      await expect(form().count()).resolves.toBe(0);
      await kindButton('phan-cong-nhiem-vu').click();
      await expect(s.sidebar.getByLabel('Ngày văn bản').inputValue()).resolves.toBe('14/01/2024');
      await s.sidebar.getByLabel('Ngày văn bản').focus();
      await s.page.keyboard.press('Escape');
      await expect(form().count()).resolves.toBe(0);
      await expect(focused()).resolves.toMatchObject({ key: 'notice-phan-cong-nhiem-vu' });
      // A second click on the kind hides its form; another kind takes over with the date kept.
      await kindButton('phan-cong-nhiem-vu').click();
      await s.sidebar.getByLabel('Ngày văn bản').fill('02/02/2024');
      await kindButton('phan-bo-dai-bieu').click();
      await expect(kindButton('phan-cong-nhiem-vu').getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(s.sidebar.getByLabel('Ngày văn bản').inputValue()).resolves.toBe('02/02/2024');
      await kindButton('phan-bo-dai-bieu').click();
      await expect(form().count()).resolves.toBe(0);
    });
    expect(calls.map((c) => c.fn).filter((fn) => fn !== 'getOverview')).toEqual([]);
  });

  test('a date that is not a day (or written month first past 12) is refused in Vietnamese, nothing is called', async () => {
    await openMenu();
    await kindButton('phan-bo-dai-bieu').click();
    const date = s.sidebar.getByLabel('Ngày văn bản');
    for (const bad of ['2024-01-20', '01/31/2024', '30/02/2024', 'hôm nay']) {
      const calls = await callsDuring(s, async () => {
        await date.fill(bad);
        await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
        await form().getByText('Ngày phải có dạng ngày/tháng/năm, ví dụ 14/01/2024.').waitFor();
      });
      expect(calls.filter((c) => c.fn === 'generateNotice')).toEqual([]);
      await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(focused()).resolves.toMatchObject({ key: 'notice-date' });
    }
    // No English switch any more: the sidebar is Vietnamese only.
    await expect(s.sidebar.getByRole('button', { name: 'English' }).count()).resolves.toBe(0);
    await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
  });

  test("today's date left as it is is not sent, so the server's today applies", async () => {
    await openMenu();
    await kindButton('phan-cong-nhiem-vu').click();
    const shown = await s.sidebar.getByLabel('Ngày văn bản').inputValue();
    expect(shown).toBe('14/01/2024');
    const calls = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live()
        .getByText(/quyết định phân công nhiệm vụ/)
        .first()
        .waitFor();
    });
    expect(calls.find((c) => c.fn === 'generateNotice')?.args).toEqual(['phan-cong-nhiem-vu', {}]);
  });

  test('no meeting in Cuộc họp: said plainly, no "Tạo", and generateNotice is not called', async () => {
    const meetings = s.runtime.spreadsheet.getSheetByName('Cuộc họp');
    meetings?.getRange(2, 1, meetings.getLastRow() - 1, 6).clearContent();
    const calls = await callsDuring(s, async () => {
      await kindButton('thong-bao-ket-luan').click();
      await form().getByText('Chưa có cuộc họp nào trong trang Cuộc họp').waitFor();
      await s.sidebar.locator('#slot-announce', { hasText: 'Chưa có cuộc họp nào trong trang Cuộc họp' }).waitFor();
    });
    expect(calls.map((c) => c.fn)).toEqual(['listMeetings']);
    await expect(form().locator('select, input').count()).resolves.toBe(0);
    await expect(s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).count()).resolves.toBe(0);
    await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect(form().count()).resolves.toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

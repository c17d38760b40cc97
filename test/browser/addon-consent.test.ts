/**
 * Granular consent in the sidebar: when "Tạo văn bản" stops because the Docs permission was not
 * granted, the server's message names Google's authorisation page; the sidebar makes that address
 * (and only a Google address) a link. The server's reply is substituted at the network, as Google
 * would send it; the message is the notice path's.
 */
import type { Route } from 'playwright-core';
import { openPlayground, type Session } from './harness';

const AUTH_URL = 'https://script.google.com/macros/d/MABC123/authorize?scopes=documents';

describe('sidebar when a permission is missing', () => {
  let s: Session;
  let reply = '';

  beforeAll(async () => {
    s = await openPlayground();
    await s.context.route('**/api/run', async (route: Route) => {
      const body = route.request().postDataJSON() as { fn?: string } | null;
      if (body?.fn !== 'generateNotice') return route.continue();
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: reply }) });
    });
  });

  afterAll(async () => {
    await s?.close();
  });

  const create = async () => {
    const toggle = s.sidebar.locator('[data-key="notice-menu"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const kind = s.sidebar.locator('[data-key="notice-phan-cong-nhiem-vu"]');
    if ((await s.sidebar.locator('#notice-form').count()) === 0) await kind.click();
    await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
    const result = s.sidebar.locator('#slot-result .result.tone-error');
    await result.waitFor();
    return result;
  };

  test("Google's authorisation address becomes a link; the sentence stays readable", async () => {
    reply = `Tiện ích cần quyền "Xem, chỉnh sửa, tạo và xóa tài liệu Google Docs" để tạo văn bản. Hãy mở liên kết sau, chọn cấp quyền, rồi thử lại: ${AUTH_URL}`;
    const result = await create();
    const link = result.locator('.result-message a.grant-link');
    await expect(link.getAttribute('href')).resolves.toBe(AUTH_URL);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.textContent()).resolves.toBe('Mở trang cấp quyền của Google');
    await expect(result.locator('.result-message').textContent()).resolves.toContain('chọn cấp quyền, rồi thử lại:');
  });

  test('any other address in a message stays text', async () => {
    reply = 'Giá trị "https://evil.example/x" của ô B5 không hợp lệ; xem http://script.google.com/a.';
    const result = await create();
    await expect(result.locator('a').count()).resolves.toBe(0);
    await expect(result.locator('.result-message').textContent()).resolves.toContain('https://evil.example/x');
  });
});

/**
 * The bounded validateAll payload in the sidebar: the server sends the first 300 problems (errors
 * first) with the counts of all of them; the sidebar shows the counts and points to `Kiểm tra`.
 */
import type { ValidationResultDto } from '../../src/rpc/contract';
import { NOW, openPlayground, type Session } from './harness';

describe('bounded validation payload', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  test('300 of 10,000 problems sent: the counts are the real ones and the rest is in Kiểm tra', async () => {
    const problems = Array.from({ length: 300 }, (_, i) => ({
      severity: 'error' as const,
      sheet: 'Đại biểu',
      cell: `B${i + 2}`,
      message: `Vấn đề số ${i + 1}`,
      suggestion: '',
      rule: 'test',
    }));
    const result: ValidationResultDto = {
      message: 'Phát hiện 7500 lỗi và 2500 cảnh báo; xem trang "Kiểm tra".',
      errors: 7500,
      warnings: 2500,
      total: 10_000,
      truncated: true,
      problems,
      at: NOW,
    };
    await s.context.route('**/api/run', async (route) => {
      const body = route.request().postDataJSON() as { fn?: string };
      if (body.fn === 'validateAll') await route.fulfill({ json: { ok: true, result } });
      else await route.continue();
    });
    await s.sidebar.locator('[data-key="validateAll"]').click();
    await s.sidebar.locator('.more').waitFor();
    await expect(s.sidebar.locator('#h-problems .count').textContent()).resolves.toBe('10.000');
    await expect(s.sidebar.locator('[data-key="filter-warning"] .chip-count').textContent()).resolves.toBe('2.500');
    await expect(s.sidebar.locator('.more').textContent()).resolves.toBe(
      'Còn 9.800 vấn đề khác — xem trang "Kiểm tra".',
    );
    await s.sidebar.locator('[data-key="filter-warning"]').click();
    await expect(s.sidebar.locator('.more').textContent()).resolves.toContain('Còn 2.500 vấn đề khác');
    await s.context.unroute('**/api/run');
  });
});

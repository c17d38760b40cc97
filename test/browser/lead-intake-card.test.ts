/**
 * The overview card "Danh sách đại biểu" in headless Chromium: how many units have sent their list
 * (recorded in `Tiếp nhận danh sách`), and how many are late once `Hạn gửi danh sách đại biểu` is past.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { column, findRow, sheet } from '../trust/corpus';
import { openPlayground, type Session } from './harness';

describe('the overview card of the lists received', () => {
  let s: Session;

  beforeAll(async () => {
    const ss = buildSample(LANG_SON);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Hạn gửi danh sách đại biểu');
    // A deadline long past against the playground's clock: every unit that has not sent is late.
    config.getRange(row, column(config, 'Giá trị')).setValue("'01/01/2020");
    const units = sheet(ss, 'Đơn vị').getDataRange().getValues();
    const code = String(units[1]?.[0]);
    const table = [
      ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu'],
      ['Hoàng Văn Gửi', 'Tày', 1980, 'Chính thức'],
    ];
    const sent = runBundle(new Runtime({ spreadsheet: ss, now: '2024-01-14T09:00:00+07:00' }), 'importSubmission', [
      code,
      table,
      { fileName: 'ds.xlsx', mode: 'replace' },
    ]).result as { ok: boolean };
    expect(sent.ok).toBe(true);
    s = await openPlayground({ spreadsheet: ss });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('1/11 sent, 10 late', async () => {
    const card = s.sidebar.locator('[data-card="intake"]');
    await expect(card.locator('.card-label').textContent()).resolves.toBe('Danh sách đại biểu');
    await expect(card.locator('.card-value').textContent()).resolves.toBe('1/11');
    await expect(card.locator('.card-sub').textContent()).resolves.toBe('đơn vị đã gửi');
    await expect(card.locator('.card-status').textContent()).resolves.toBe('10 đơn vị quá hạn gửi');
    expect(await card.getAttribute('class')).toContain('tone-warn');
    expect(s.pageErrors).toEqual([]);
  });
});

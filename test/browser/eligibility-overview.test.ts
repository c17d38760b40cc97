/**
 * The overview in headless Chromium: the sentence saying whether the province holds a two-level
 * congress, and each unit's form in "Tiến độ từng bước" (Lạng Sơn, `Ngưỡng tổ chức đại hội` 60.000:
 * Hữu Lũng, Lộc Bình, Cao Lộc and Bắc Sơn hold their own congress, the seven others a joint conference).
 */
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { column, findRow, sheet } from '../trust/corpus';
import { openPlayground, type Session } from './harness';

describe('the overview says how the congress is held', () => {
  let s: Session;

  beforeAll(async () => {
    const ss = buildSample(LANG_SON);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Ngưỡng tổ chức đại hội');
    config.getRange(row, column(config, 'Giá trị')).setValue(60000);
    s = await openPlayground({ spreadsheet: ss });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('the sentence under the cards, and the units by form in the progress details', async () => {
    const { sidebar } = s;
    await expect(sidebar.locator('[data-key="eligibility"]').textContent()).resolves.toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 4 huyện, thành phố tổ chức Đại hội cấp huyện; 7 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 60.000 người DTTS sinh sống thành cộng đồng).',
    );
    await sidebar.locator('[data-key="progress-details"]').click();
    await expect(sidebar.locator('[data-form="congress"]').textContent()).resolves.toBe(
      'Tổ chức Đại hội (4): Hữu Lũng, Lộc Bình, Cao Lộc, Bắc Sơn',
    );
    await expect(sidebar.locator('[data-form="jointConference"]').textContent()).resolves.toMatch(
      /^Tổ chức Hội nghị liên tịch \(7\): Thành phố Lạng Sơn, Chi Lăng, .*Đình Lập$/,
    );
    expect(s.pageErrors).toEqual([]);
  });
});

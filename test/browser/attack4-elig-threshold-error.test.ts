/**
 * Attack: `Ngưỡng tổ chức đại hội` typed wrong ("năm nghìn"). The overview claims no form for any unit
 * (no two-level sentence, no units by form in "Tiến độ từng bước") and says instead, in red, which cell of
 * `Cấu hình` to fix — the same rule as the allocation, which refuses with an error at that cell.
 */
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { column, findRow, sheet } from '../trust/corpus';
import { openPlayground, type Session } from './harness';

describe('the threshold typed wrong, in the sidebar', () => {
  let s: Session;
  let cell = '';

  beforeAll(async () => {
    const ss = buildSample(LANG_SON);
    const config = sheet(ss, 'Cấu hình');
    const row = findRow(config, 'Thông số', (v) => v === 'Ngưỡng tổ chức đại hội');
    const col = column(config, 'Giá trị');
    config.getRange(row, col).setValue('năm nghìn');
    cell = `${String.fromCharCode(64 + col)}${row}`;
    s = await openPlayground({ spreadsheet: ss });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('no form is claimed; the line names the cell', async () => {
    const { sidebar } = s;
    const line = sidebar.locator('[data-key="eligibility"]');
    await expect(line.textContent()).resolves.toBe(
      `Chưa xác định được hình thức tổ chức (Đại hội hoặc Hội nghị liên tịch) của các huyện, thành phố: ô ${cell} trang "Cấu hình" (Ngưỡng tổ chức đại hội) không hợp lệ: "năm nghìn" không phải là số.`,
    );
    await expect(line.getAttribute('class')).resolves.toContain('tone-error');
    await sidebar.locator('[data-key="progress-details"]').click();
    await expect(sidebar.locator('[data-form]').count()).resolves.toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

/**
 * "Cách tính" in the sidebar (headless Chromium, playground, Lạng Sơn sample): a failed allocation shows its
 * reason only; a done allocation shows the rule applied and, folded, every unit by name with why it got its
 * number, the same sentence as the `Cách tính` column of `Phân bổ`.
 */
import { keepScreenshot, openPlayground, type Session } from './harness';

describe('the allocation explained in the sidebar', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openPlayground();
  });
  afterAll(async () => {
    await s?.close();
  });
  const live = () => s.sidebar.locator('#slot-result');
  const totalCell = () => {
    const config = s.runtime.spreadsheet.getSheetByName('Cấu hình');
    const values = config?.getDataRange().getValues() ?? [];
    const row = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
    return config?.getRange(row, 2);
  };

  test('a failed allocation: its reason, no "Cách tính" box', async () => {
    totalCell()?.setValue(50); // fewer than the 60 fixed seats
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await live().locator('.result.tone-error').waitFor();
    await expect(live().textContent()).resolves.toContain('không còn đại biểu để phân bổ cho các đơn vị');
    await expect(live().locator('.explain').count()).resolves.toBe(0);
    totalCell()?.setValue(250);
  });

  test('a done allocation: the rule, then every unit by name with its reason', async () => {
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await live().locator('.result.tone-ok').waitFor();
    const lines = await live().locator('.explain > ul > li').allTextContents();
    expect(lines).toContain(
      '5 đại biểu còn lại cấp lần lượt cho 5 đơn vị có số dư lớn nhất: Hữu Lũng (0,976), Chi Lăng (0,818), Lộc Bình (0,663), Cao Lộc (0,565), Văn Quan (0,518).',
    );
    const summary = live().locator('.explain-units summary');
    await expect(summary.textContent()).resolves.toBe('Lý do số đại biểu của từng đơn vị (11 đơn vị)');
    const units = live().locator('.explain-units li');
    await expect(units.first().isVisible()).resolves.toBe(false);
    await summary.click();
    await expect(units.count()).resolves.toBe(11);
    const dinhLap = live().locator('.explain-units li[data-code="ĐL"]');
    await expect(dinhLap.textContent()).resolves.toBe(
      'Đình Lập: số theo tỷ lệ 7,703 thấp hơn mức tối thiểu 8 → 8 đại biểu (mức tối thiểu); nếu không áp dụng mức tối thiểu thì cũng được 8.',
    );
    // The same sentence in the sheet.
    const sheet = s.runtime.spreadsheet.getSheetByName('Phân bổ');
    const values = sheet?.getDataRange().getValues() ?? [];
    const reasonCol = (values[0] ?? []).indexOf('Cách tính');
    const row = values.find((r) => r[0] === 'ĐL');
    expect(`Đình Lập: ${row?.[reasonCol]}`).toBe(await dinhLap.textContent());
    await keepScreenshot(s.sidebar.locator('body'), 'explain-sidebar.png');
    expect(s.pageErrors).toEqual([]);
  });
});

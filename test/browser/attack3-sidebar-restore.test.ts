/**
 * Attack on the sidebar as it opens, in headless Chromium on the playground: a workbook checked
 * before whose `Kiểm tra` the officer then deleted must not show "no problem at this level" under
 * the counts of the check; a workbook whose official total was cleared shows no figure on the
 * allocation card and leads to `Cấu hình`.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { NOW, openPlayground } from './harness';

test('Kiểm tra deleted after the check: the list says it is gone, not that nothing is there', async () => {
  const ss = buildSample(LANG_SON);
  const result = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll').result as ValidationResultDto;
  expect(result.errors).toBeGreaterThan(0);
  const report = ss.getSheetByName('Kiểm tra');
  if (report) ss.deleteSheet(report);
  const s = await openPlayground({ spreadsheet: ss });
  try {
    await s.sidebar.locator('[data-key="problems-lost"]').waitFor();
    const text = (await s.sidebar.locator('#slot-problems').textContent()) ?? '';
    expect(text).toContain('Trang "Kiểm tra" không còn đủ danh sách vấn đề');
    expect(text).not.toContain('Không có vấn đề nào ở mức này.');
    expect(text).not.toContain('xem trang "Kiểm tra"');
    await expect(s.sidebar.locator('[data-card="validation"]').textContent()).resolves.toContain(
      `${result.errors} lỗi`,
    );
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('the official total cleared: no figure on the card, the next step is Cấu hình', async () => {
  const ss = LocalSpreadsheet.create();
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  runBundle(rt, 'setupWorkbook');
  ss.getSheetByName('Đơn vị')
    ?.getRange(2, 1, 1, 4)
    .setValues([['HL', 'Hữu Lũng', 121735, 67120]]);
  const config = ss.getSheetByName('Cấu hình');
  const labels = (config?.getRange(1, 1, config.getLastRow(), 1).getValues() ?? []).map((r) => String(r[0]));
  const row = (label: string) => labels.indexOf(label) + 1;
  config?.getRange(row('Tỉnh'), 2).setValue('Lạng Sơn');
  config?.getRange(row('Năm'), 2).setValue(2024);
  config?.getRange(row('Tổng số đại biểu chính thức'), 2).setValue('');
  const s = await openPlayground({ spreadsheet: ss });
  try {
    await s.sidebar.locator('.step.is-next[data-step="settings"]').waitFor();
    const card = (await s.sidebar.locator('[data-card="allocation"]').textContent()) ?? '';
    expect(card).toContain('—');
    expect(card).not.toContain('250');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a check of the day before, with tasks still open: the list says it is out of date', async () => {
  const ss = buildSample(LANG_SON);
  runBundle(new Runtime({ spreadsheet: ss, now: '2024-01-13T09:00:00+07:00' }), 'validateAll');
  const s = await openPlayground({ spreadsheet: ss });
  try {
    await s.sidebar.locator('[data-key="problems-outdated"]').waitFor();
    await expect(s.sidebar.locator('[data-key="problems-changed"]').count()).resolves.toBe(0);
    await expect(s.sidebar.locator('#step-check-hint').textContent()).resolves.toContain('từ ngày trước');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

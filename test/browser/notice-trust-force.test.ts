/**
 * The allocation notice with a `Số chính thức` typed over by hand: "Tạo" makes nothing and the form
 * asks, with the server's message naming the cell; only "Vẫn tạo văn bản" sends `force: true`. The
 * result and the documents list say who the Doc is shared with.
 */
import type { Request } from 'playwright-core';
import { runBundle } from '../../local/runtime';
import { openPlayground, type Session } from './harness';

describe('Tạo văn bản: figures the checks question need a confirmation', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
    s.runtime.spreadsheet.addEditor('pho.ban@langson.gov.vn');
    runBundle(s.runtime, 'allocateDelegates');
    const cell = s.runtime.spreadsheet.getSheetByName('Phân bổ')?.getRange(3, 7);
    if (!cell) throw new Error('no Phân bổ sheet');
    cell.setValue((cell.getValue() as number) + 13);
  });

  afterAll(async () => {
    await s?.close();
  });

  test('"Tạo" asks; "Vẫn tạo văn bản" makes the document with force', async () => {
    const calls: unknown[][] = [];
    const onRequest = (r: Request) => {
      if (!r.url().endsWith('/api/run')) return;
      const body = r.postDataJSON() as { fn: string; args: unknown[] };
      if (body.fn === 'generateNotice') calls.push(body.args);
    };
    s.page.on('request', onRequest);
    try {
      const toggle = s.sidebar.locator('[data-key="notice-menu"]');
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await s.sidebar.locator('[data-key="notice-phan-bo-dai-bieu"]').click();
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      const confirm = s.sidebar.locator('#notice-form .notice-confirm');
      await confirm.waitFor();
      await expect(confirm.textContent()).resolves.toContain('ô G3');
      expect(s.runtime.services.DocumentApp.created).toHaveLength(0);
      await s.sidebar.getByRole('button', { name: 'Vẫn tạo văn bản' }).click();
      await s.sidebar.locator('#slot-result .result-link a').waitFor();
    } finally {
      s.page.off('request', onRequest);
    }
    expect(calls).toHaveLength(2);
    expect(calls[0]?.[1]).not.toHaveProperty('force');
    expect(calls[1]?.[1]).toMatchObject({ force: true });
    expect(s.runtime.services.DocumentApp.created).toHaveLength(1);
    expect(s.runtime.services.DocumentApp.created[0]?.getBody().getText()).toContain(
      'Tổng số đại biểu chính thức: 263 đại biểu',
    );
    // The result and the documents list say who can open it.
    await expect(s.sidebar.locator('#slot-result').textContent()).resolves.toContain(
      'Đã chia sẻ quyền xem cho 1 người',
    );
    const shared = s.sidebar.locator('.docs .doc .doc-shared');
    await shared.first().waitFor();
    await expect(shared.first().textContent()).resolves.toBe('Người xem: pho.ban@langson.gov.vn');
  });
});

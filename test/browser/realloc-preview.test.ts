/**
 * Re-allocation in the sidebar, in headless Chromium on the playground: allocate, change the method
 * in `Cấu hình`, "Phân bổ đại biểu" shows the preview (old → new by name, the changed units
 * highlighted) and writes nothing; "Xác nhận phân bổ lại" writes; "Hoàn tác phân bổ" puts the
 * previous figures back.
 */
import type { AllocationResultDto } from '../../src/rpc/contract';
import { keepScreenshot, openPlayground, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await openPlayground();
}, 60_000);

afterAll(async () => {
  await s?.close();
});

const live = () => s.sidebar.locator('#slot-result');

/** Số chính thức per unit code, as `Phân bổ` holds it. */
function finals(): Record<string, unknown> {
  const sheet = s.runtime.spreadsheet.getSheetByName('Phân bổ');
  const values = sheet?.getDataRange().getValues() ?? [];
  const header = (values[0] ?? []).map(String);
  const code = header.indexOf('Mã đơn vị');
  const fin = header.indexOf('Số chính thức');
  return Object.fromEntries(values.slice(1).map((r) => [String(r[code]), r[fin]]));
}

/** Changes the method in `Cấu hình` (and the total, when the method alone changes no figure). */
function changeMethod(): void {
  const config = s.runtime.spreadsheet.getSheetByName('Cấu hình');
  const values = config?.getDataRange().getValues() ?? [];
  const row = values.findIndex((r) => r[0] === 'Phương pháp phân bổ') + 1;
  config?.getRange(row, 2).setValue('Jefferson');
  const p = s.bundle.call('previewAllocation') as AllocationResultDto;
  if (p.preview?.needsConfirmation) return;
  const total = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
  config?.getRange(total, 2).setValue(Number(values[total - 1]?.[1]) + 7);
}

test('change the method, see the highlighted preview, confirm, then undo', async () => {
  await s.sidebar.locator('[data-key="allocateDelegates"]').click();
  await live().locator('.result.tone-ok').waitFor();
  const first = finals();
  changeMethod();

  await s.sidebar.locator('[data-key="allocateDelegates"]').click();
  const preview = live().locator('#reallocate-preview');
  await preview.waitFor();
  await expect(live().locator('.result-title').textContent()).resolves.toContain('Xem trước kết quả phân bổ lại');
  // Nothing written yet.
  expect(finals()).toEqual(first);
  const changed = preview.locator('tr.changed');
  expect(await changed.count()).toBeGreaterThan(0);
  // Named by name, highlighted.
  const name = await changed.first().locator('th').textContent();
  expect(name).toMatch(/[a-zà-ỹ]{3}/i);
  const background = await changed.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  await expect(preview.locator('tfoot').textContent()).resolves.toContain('Tổng số chính thức');
  await expect(preview.locator('.reallocate-method').textContent()).resolves.toMatch(
    /^Đổi từ .*Hamilton.* sang .*Jefferson/,
  );
  await keepScreenshot(preview, 'realloc-preview.png');

  await s.sidebar.locator('[data-key="reallocate-confirm"]').click();
  await live().locator('.result.tone-ok').waitFor();
  await expect(live().locator('.result-title').textContent()).resolves.toContain('Đã phân bổ đại biểu');
  const second = finals();
  expect(second).not.toEqual(first);

  const undo = s.sidebar.locator('[data-key="undoAllocation"]');
  await undo.waitFor();
  await undo.click();
  await live().locator('.result.tone-ok', { hasText: 'Đã khôi phục' }).waitFor();
  expect(finals()).toEqual(first);
  // Nothing left to undo: the button goes away with the refreshed overview.
  await undo.waitFor({ state: 'detached' });
  expect(s.pageErrors).toEqual([]);
}, 60_000);

// A browser global, used only inside evaluate() (the test project has no DOM lib).
declare function getComputedStyle(el: unknown): { backgroundColor: string };

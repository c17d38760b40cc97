/**
 * A new officer on a BLANK workbook, in headless Chromium on the playground, following only the
 * sidebar's "Bắt đầu" checklist: its highlighted button is always the next step, each step's button
 * runs the action or opens the sheet to fill; the data is typed into the workbook where a step says
 * to enter it (through the runtime, as the officer would in the grid). At the end the allocation is
 * validated; the sidebar is closed and reopened and shows the same problem list; a later edit is
 * flagged; toasts are shown once, not replayed when the page loads again.
 */
import type { Route } from 'playwright-core';
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { keepScreenshot, NOW, openPlayground, type Session } from './harness';

const UNITS = [
  ['HL', 'Hữu Lũng', 121735, 67120],
  ['TPLS', 'Thành phố Lạng Sơn', 103284, 58340],
  ['LB', 'Lộc Bình', 84740, 79510],
];

/** Six delegates, two per unit; the last one looks like the first (one warning, no error). */
const DELEGATES = [
  [1, 'Hoàng Văn An', 'HL', 'Nùng', 'Nam', 1968, 'Người có uy tín', 'Chính thức'],
  [2, 'Lý Thị Bình', 'HL', 'Tày', 'Nữ', 1992, 'Thanh niên', 'Chính thức'],
  [3, 'Vi Văn Cường', 'TPLS', 'Tày', 'Nam', 1975, 'Cán bộ, công chức', 'Chính thức'],
  [4, 'Nông Thị Dung', 'TPLS', 'Nùng', 'Nữ', 1990, 'Người có uy tín', 'Chính thức'],
  [5, 'Triệu Văn Đức', 'LB', 'Dao', 'Nam', 1980, 'Doanh nhân', 'Chính thức'],
  [6, 'Hoàng Văn An', 'LB', 'Nùng', 'Nam', 1968, 'Người có uy tín', 'Chính thức'],
];

describe('"Bắt đầu" walks a blank workbook to a validated allocation', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground({ spreadsheet: LocalSpreadsheet.create() });
  });

  afterAll(async () => {
    await s?.close();
  });

  const sheet = (name: string) => {
    const found = s.runtime.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const step = (key: string) => s.sidebar.locator(`[data-key="step-${key}"]`);
  const activeTab = () => s.page.locator('#tabs button.active').textContent();
  const nextStep = () => s.sidebar.locator('.step.is-next').getAttribute('data-step');
  const waitNext = (key: string) => s.sidebar.locator(`.step.is-next[data-step="${key}"]`).waitFor();

  /** Every highlighted button in the sidebar is the next step's (in "Bắt đầu" and in "Thao tác"). */
  async function expectOnlyNextHighlighted(key: string, action?: string): Promise<void> {
    const keys = await s.sidebar
      .locator('button.primary')
      .evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { key?: string } }).dataset.key ?? ''));
    expect(keys).toEqual([`step-${key}`, ...(action ? [action] : [])]);
  }

  /** The officer typed in the grid and comes back to the sidebar: it reads the workbook again. */
  async function comeBack(): Promise<void> {
    await s.page.locator('#grid td').first().click();
    await s.sidebar.locator('#h-start').click();
  }

  test('blank: only "Thiết lập bảng tính" can be done; no default figure is shown as a fact', async () => {
    await waitNext('setup');
    await keepScreenshot(s.page.locator('#sidebar'), 'sidebar-start-blank.png');
    await expectOnlyNextHighlighted('setup', 'setupWorkbook');
    const text = (await s.sidebar.locator('body').textContent()) ?? '';
    expect(text).not.toContain('250');
    await expect(s.sidebar.locator('[data-card="allocation"]').textContent()).resolves.toContain('Chưa thiết lập');
    await expect(s.sidebar.locator('.app-sub').textContent()).resolves.toContain('Thiết lập bảng tính');
    await expect(s.sidebar.locator('#slot-problems').textContent()).resolves.toContain('Chạy "Thiết lập bảng tính"');
    // The later steps wait for setup.
    for (const key of ['units', 'settings', 'allocate', 'delegates', 'check']) {
      await expect(step(key).count()).resolves.toBe(0);
      await expect(s.sidebar.locator(`#step-${key}-hint`).textContent()).resolves.toBe(
        'Cần chạy "Thiết lập bảng tính" trước.',
      );
    }
    // A document before setup: the form says to set up first, offers no "Tạo", and calls nothing.
    const calls: string[] = [];
    const onRequest = (r: { url(): string; postDataJSON(): unknown }) => {
      if (r.url().endsWith('/api/run')) calls.push(String((r.postDataJSON() as { fn?: string }).fn));
    };
    s.page.on('request', onRequest);
    try {
      await s.sidebar.locator('[data-key="notice-menu"]').click();
      await s.sidebar.locator('[data-key="notice-thong-bao-ket-luan"]').click();
      await s.sidebar.locator('#notice-form', { hasText: 'Bảng tính chưa được thiết lập' }).waitFor();
      await expect(s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).count()).resolves.toBe(0);
      await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
      await s.sidebar.locator('[data-key="notice-menu"]').click();
      await s.page.waitForTimeout(400);
    } finally {
      s.page.off('request', onRequest);
    }
    expect(calls.filter((fn) => fn !== 'getOverview')).toEqual([]);
  });

  test('setup: Đơn vị is the sheet shown; the next step is to enter the units', async () => {
    await step('setup').click();
    await s.sidebar.locator('#slot-result .result-title', { hasText: 'Đã thiết lập bảng tính' }).waitFor();
    await waitNext('units');
    await expect(activeTab()).resolves.toBe('Đơn vị');
    await expectOnlyNextHighlighted('units');
    await expect(s.sidebar.locator('#step-units-hint').textContent()).resolves.toContain(
      'chưa có đơn vị nào: nhập mã, tên và dân số DTTS',
    );
  });

  test('units, then settings: each link opens its sheet at the cell to fill', async () => {
    await step('units').click();
    await s.page.locator('#tabs button.active', { hasText: 'Đơn vị' }).waitFor();
    sheet('Đơn vị').getRange(2, 1, UNITS.length, 4).setValues(UNITS);
    await comeBack();
    await waitNext('settings');
    await expect(s.sidebar.locator('.step[data-step="units"]').textContent()).resolves.toContain('Đã có 3 đơn vị');

    await step('settings').click();
    await s.page.locator('#grid td.current[data-a1="B2"]').waitFor();
    await expect(activeTab()).resolves.toBe('Cấu hình');
    const config = sheet('Cấu hình');
    const labels = config
      .getRange(1, 1, config.getLastRow(), 1)
      .getValues()
      .map((r) => String(r[0]));
    const set = (label: string, value: string | number) =>
      config.getRange(labels.indexOf(label) + 1, 2).setValue(value);
    set('Tỉnh', 'Lạng Sơn');
    set('Năm', 2024);
    set('Tổng số đại biểu chính thức', 6);
    await comeBack();
    await waitNext('allocate');
    await expectOnlyNextHighlighted('allocate', 'allocateDelegates');
  });

  test('allocate, enter the delegates, check: the allocation is validated', async () => {
    await step('allocate').click();
    await s.sidebar.locator('#slot-result .result-title', { hasText: 'Đã phân bổ đại biểu' }).waitFor();
    await waitNext('delegates');
    await expect(s.sidebar.locator('[data-card="allocation"]').textContent()).resolves.toMatch(
      /6\s*đại biểu chính thức/,
    );

    await step('delegates').click();
    await s.page.locator('#tabs button.active', { hasText: 'Đại biểu' }).waitFor();
    sheet('Đại biểu').getRange(2, 1, DELEGATES.length, 8).setValues(DELEGATES);
    await comeBack();
    await waitNext('check');
    await keepScreenshot(s.page.locator('#sidebar'), 'sidebar-start-check.png');
    await expectOnlyNextHighlighted('check', 'validateAll');

    await step('check').click();
    await s.sidebar.locator('#slot-result .result-title', { hasText: 'Đã kiểm tra dữ liệu' }).waitFor();
    await waitNext('documents');
    await expect(s.sidebar.locator('.step[data-step="check"]').textContent()).resolves.toContain(
      'Dữ liệu đã được kiểm tra, không còn lỗi.',
    );
    await expect(s.sidebar.locator('button.problem').count()).resolves.toBe(1);
    expect(s.pageErrors).toEqual([]);
  });

  test('closed and reopened, the sidebar shows the same problem list', async () => {
    const problems = () => s.sidebar.locator('button.problem').allTextContents();
    const before = await problems();
    const card = await s.sidebar.locator('[data-card="validation"]').textContent();
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('"Hoàng Văn An" (sinh 1968) có thể trùng với dòng 2.');

    await s.page.locator('#sidebar-close').click();
    await s.page.locator('#sidebar').waitFor({ state: 'hidden' });
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Mở bảng điều khiển' }).click();
    await s.sidebar.locator('html[data-ready="1"]').waitFor();
    await s.sidebar.locator('button.problem').first().waitFor();
    await expect(problems()).resolves.toEqual(before);
    await expect(s.sidebar.locator('[data-card="validation"]').textContent()).resolves.toBe(card);
    await expect(s.sidebar.locator('#slot-problems .source').textContent()).resolves.toMatch(
      /^Kết quả kiểm tra dữ liệu · \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/,
    );
    await expect(nextStep()).resolves.toBe('documents');
    await expect(s.sidebar.locator('[data-key="problems-changed"]').count()).resolves.toBe(0);
  });

  test('an edit after the check is flagged; the menu check clears it and the list follows', async () => {
    sheet('Đại biểu').getRange('B7').setValue('Hoàng Văn Ân');
    await comeBack();
    await s.sidebar.locator('[data-key="problems-changed"]').waitFor();
    await waitNext('check');
    await expect(s.sidebar.locator('#step-check-hint').textContent()).resolves.toContain(
      'Dữ liệu đã thay đổi sau lần kiểm tra gần nhất',
    );
    s.runtime.clock.advance(5 * 60_000);
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Kiểm tra dữ liệu' }).click();
    const toast = s.page.locator('#messages .message', { hasText: 'Không phát hiện lỗi nào.' });
    await toast.waitFor();
    // The toast sits over the grid, never over the sidebar.
    const toastBox = await toast.boundingBox();
    const sidebarBox = await s.page.locator('#sidebar').boundingBox();
    expect((toastBox?.x ?? 0) + (toastBox?.width ?? 0)).toBeLessThanOrEqual(sidebarBox?.x ?? 0);
    await s.sidebar.locator('#h-start').click();
    await waitNext('documents');
    await expect(s.sidebar.locator('[data-key="problems-changed"]').count()).resolves.toBe(0);
    await expect(s.sidebar.locator('#slot-problems').textContent()).resolves.toContain('Không phát hiện vấn đề nào.');
    await expect(s.sidebar.locator('#slot-problems .source').textContent()).resolves.toContain('09:05 14/01/2024');
  });

  test('a toast is shown once: loading the page again does not replay it', async () => {
    await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Thiết lập bảng tính' }).click();
    await s.page.locator('#messages .message').first().waitFor();
    expect((await s.state()).toastCount).toBeGreaterThan(0);
    await s.page.reload();
    await s.sidebar.locator('html[data-ready="1"]').waitFor();
    await s.page.waitForTimeout(300);
    await expect(s.page.locator('#messages .message').count()).resolves.toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('the problem list when the sidebar opens on a workbook checked before', () => {
  /** The Lạng Sơn sample, checked (as from the menu) before the sidebar was ever opened. */
  function checkedSample(): { ss: LocalSpreadsheet; result: ValidationResultDto } {
    const ss = buildSample(LANG_SON);
    const result = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll').result as ValidationResultDto;
    return { ss, result };
  }

  test('the list is there at once, the same as the check, with its counts', async () => {
    const { ss, result } = checkedSample();
    const s = await openPlayground({ spreadsheet: ss });
    try {
      await s.sidebar.locator('button.problem').first().waitFor();
      const shown = await s.sidebar.locator('.problem .problem-msg').allTextContents();
      const firstShown = result.problems.slice(0, shown.length).map((p) => p.message);
      expect(new Set(shown)).toEqual(new Set(firstShown));
      await expect(s.sidebar.locator('#h-problems .count').textContent()).resolves.toBe(
        String(result.errors + result.warnings),
      );
      await expect(s.sidebar.locator('[data-card="validation"]').textContent()).resolves.toContain(
        `${result.errors} lỗi`,
      );
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('reading the list back fails: said plainly, the card still shows the counts', async () => {
    const { ss, result } = checkedSample();
    const s = await openPlayground({ spreadsheet: ss });
    try {
      await s.sidebar.locator('button.problem').first().waitFor();
      await s.page.locator('#sidebar-close').click();
      await s.page.locator('#sidebar').waitFor({ state: 'hidden' });
      await s.context.route('**/api/run', async (route: Route) => {
        const body = route.request().postDataJSON() as { fn?: string } | null;
        if (body?.fn !== 'lastValidation') return route.continue();
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: 'Dịch vụ Google tạm thời gặp lỗi.' }),
        });
      });
      await s.page.locator('#menubar .menu-title', { hasText: 'Đại hội DTTS' }).click();
      await s.page.locator('#menubar .menu-item', { hasText: 'Mở bảng điều khiển' }).click();
      await s.sidebar
        .locator('#slot-problems .tone-error', { hasText: 'Không tải được kết quả kiểm tra gần nhất:' })
        .waitFor();
      await expect(s.sidebar.locator('#slot-problems').textContent()).resolves.toContain(
        'Dịch vụ Google tạm thời gặp lỗi.',
      );
      await expect(s.sidebar.locator('[data-card="validation"]').textContent()).resolves.toContain(
        `${result.errors} lỗi`,
      );
    } finally {
      await s.close();
    }
  });
});

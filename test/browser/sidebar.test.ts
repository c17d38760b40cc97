/**
 * The sidebar in headless Chromium, in the playground, on the Lạng Sơn sample: the overview, each
 * action with its busy state and result, the problems list (groups, filters, click → cell selected
 * in the grid), notices (link, preview, .docx), the progress details, and the keyboard.
 */
import type { Route } from 'playwright-core';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { keepScreenshot, NOW, openPlayground, type Session } from './harness';

// Browser globals, used only inside evaluate() callbacks (the test project has no DOM lib).
declare const window: { scrollTo(x: number, y: number): void };
interface FocusedElement {
  tagName: string;
  dataset: Record<string, string | undefined>;
  focus(): void;
}
declare const document: {
  activeElement: FocusedElement | null;
  querySelector(s: string): FocusedElement | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare function getComputedStyle(el: FocusedElement): { boxShadow: string; outlineStyle: string };

/** What validateAll finds on a fresh copy of the sample (so the test follows the sample). */
function expectedValidation(): ValidationResultDto {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  return runBundle(runtime, 'validateAll').result as ValidationResultDto;
}

/** Holds google.script.run calls of `fn` until release() (to see the busy state). */
async function holdCalls(s: Session, fn: string): Promise<{ release(): void; unroute(): Promise<void> }> {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Route) => {
    const body = route.request().postDataJSON() as { fn?: string } | null;
    if (body?.fn === fn) await gate;
    await route.continue();
  };
  await s.context.route('**/api/run', handler);
  return { release: () => release(), unroute: () => s.context.unroute('**/api/run', handler) };
}

describe('sidebar on the Lạng Sơn sample', () => {
  let s: Session;
  const expected = expectedValidation();

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  const live = () => s.sidebar.locator('#slot-result');
  const card = (key: string) => s.sidebar.locator(`[data-card="${key}"]`);

  test('the playground shows the menu, the sheet tabs, the grid and the sidebar', async () => {
    const { page } = s;
    await expect(page.locator('#menubar').textContent()).resolves.toContain('Đại hội DTTS');
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Cấu hình', 'Đơn vị', 'Đại biểu', 'Nhiệm vụ', 'Kiểm tra', 'Văn bản']));
    await expect(page.locator('#tabs button.active').textContent()).resolves.toBe('Cấu hình');
    await expect(page.locator('#grid td[data-a1="B2"]').textContent()).resolves.toBe('Lạng Sơn');
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    expect(await page.locator('#sidebar').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(301);
  });

  test('Tổng quan: header and the four cards', async () => {
    await expect(s.sidebar.locator('h1').textContent()).resolves.toBe('Lạng Sơn');
    await expect(s.sidebar.locator('.app-sub').textContent()).resolves.toBe('Đại hội lần thứ IV · 2024');
    await expect(card('allocation').textContent()).resolves.toMatch(
      /Phân bổ\s*250\s*đại biểu chính thức\s*Chưa phân bổ/,
    );
    await expect(card('validation').textContent()).resolves.toContain('Chưa kiểm tra');
    await expect(card('tasks').textContent()).resolves.toMatch(/1 quá hạn.*2 sắp đến hạn/);
    await expect(card('progress').textContent()).resolves.toBe('Tiến độ0/11huyện, thành phố đã tổ chức Đại hội');
  });

  test('"Làm mới" reloads the overview with one server call', async () => {
    const calls: string[] = [];
    const onRequest = (r: { url(): string; postDataJSON(): unknown }) => {
      if (r.url().endsWith('/api/run')) calls.push(String((r.postDataJSON() as { fn?: string }).fn));
    };
    s.page.on('request', onRequest);
    try {
      const answered = s.page.waitForResponse((r) => r.url().endsWith('/api/run'));
      await s.sidebar.locator('[data-key="refresh"]').click();
      await answered;
      await s.page.waitForTimeout(200);
    } finally {
      s.page.off('request', onRequest);
    }
    expect(calls).toEqual(['getOverview']);
  });

  test('Kiểm tra dữ liệu: busy while the server works, then the result and the problems', async () => {
    const hold = await holdCalls(s, 'validateAll');
    try {
      await s.sidebar.locator('[data-key="validateAll"]').click();
      const button = s.sidebar.locator('[data-key="validateAll"]');
      await button.and(s.sidebar.locator('[aria-busy="true"]')).waitFor();
      await expect(button.textContent()).resolves.toContain('Đang kiểm tra dữ liệu…');
      await expect(live().textContent()).resolves.toContain('Đang kiểm tra dữ liệu…');
      await expect(s.sidebar.locator('[data-key="allocateDelegates"]').getAttribute('aria-disabled')).resolves.toBe(
        'true',
      );
      hold.release();
      await live().locator('.result.tone-warn').waitFor();
    } finally {
      hold.release();
      await hold.unroute();
    }
    await expect(s.sidebar.locator('[data-key="validateAll"]').getAttribute('aria-busy')).resolves.toBeNull();
    await expect(live().getAttribute('aria-live')).resolves.toBe('polite');
    await expect(live().textContent()).resolves.toContain(expected.message);

    const total = expected.problems.length;
    expect(expected.errors).toBeGreaterThan(0);
    expect(expected.warnings).toBeGreaterThan(0);
    const chips = s.sidebar.locator('.chips button');
    await expect(chips.allTextContents()).resolves.toEqual([
      `Tất cả${total}`,
      `Lỗi${expected.errors}`,
      `Cảnh báo${expected.warnings}`,
    ]);
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(total);
    const sheets = [...new Set(expected.problems.map((p) => p.sheet))];
    await expect(s.sidebar.locator('.group-head .group-name').allTextContents()).resolves.toEqual(sheets);
    for (const p of expected.problems.filter((x) => x.cell)) {
      const item = s.sidebar.locator(`button.problem[data-sheet="${p.sheet}"][data-cell="${p.cell}"]`).first();
      await expect(item.textContent()).resolves.toContain(p.message);
    }

    const chip = (filter: string) => s.sidebar.locator(`[data-key="filter-${filter}"]`);
    await expect(chip('all').getAttribute('aria-pressed')).resolves.toBe('true');
    await chip('error').click();
    await expect(chip('error').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(chip('all').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(expected.errors);
    await expect(s.sidebar.locator('.problem .sev-warning').count()).resolves.toBe(0);
    await chip('warning').click();
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(expected.warnings);
    await expect(s.sidebar.locator('.problem .sev-error').count()).resolves.toBe(0);
    await chip('all').click();
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(total);
  });

  test('the overview is refreshed after the action', async () => {
    await expect(card('validation').textContent()).resolves.toContain(`${expected.errors} lỗi`);
    await expect(card('validation').textContent()).resolves.toContain(`${expected.warnings} cảnh báo`);
    await expect(card('validation').textContent()).resolves.toContain('Lần cuối 09:00 14/01/2024');
  });

  test('clicking a problem selects its cell in the sheet', async () => {
    const target = expected.problems.find((p) => p.sheet === 'Đại biểu' && /^F\d+$/.test(p.cell));
    if (!target) throw new Error('the sample has no birth-year problem in Đại biểu');
    const item = s.sidebar.locator(`button.problem[data-sheet="Đại biểu"][data-cell="${target.cell}"]`);
    await item.click();
    await s.page.locator(`#grid td.current[data-a1="${target.cell}"]`).waitFor();
    await expect(s.page.locator('#tabs button.active').textContent()).resolves.toBe('Đại biểu');
    await expect(s.page.locator('#name-box').inputValue()).resolves.toBe(target.cell);
    await expect(item.getAttribute('aria-current')).resolves.toBe('true');
    const state = await s.state();
    expect(state.activeSheet).toBe('Đại biểu');
    expect(state.activeRange?.a1).toBe(target.cell);
    // The cell is scrolled into view.
    const box = await s.page.locator(`#grid td[data-a1="${target.cell}"]`).boundingBox();
    const wrap = await s.page.locator('#grid-wrap').boundingBox();
    expect(box && wrap && box.y >= wrap.y && box.y + box.height <= wrap.y + wrap.height).toBe(true);
    // And it is marked in the sheet, with its note on hover.
    await expect(s.page.locator(`#grid td[data-a1="${target.cell}"]`).getAttribute('title')).resolves.toContain(
      target.message,
    );
  });

  test('a problem without a cell is shown, not clickable', async () => {
    const whole = expected.problems.find((p) => !p.cell);
    if (!whole) return;
    const item = s.sidebar.locator('.problem.static').filter({ hasText: whole.message });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.evaluate((el) => el.tagName)).resolves.toBe('DIV');
  });

  test('Phân bổ đại biểu: the result with the explanation, and the card turns to done', async () => {
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await live().locator('.result.tone-ok').waitFor();
    await expect(live().locator('.result-title').textContent()).resolves.toContain('Đã phân bổ đại biểu');
    const lines = await live().locator('.explain li').allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toMatch(/Hamilton/);
    await s.sidebar.locator('[data-card="allocation"]', { hasText: 'Đã phân bổ' }).waitFor();
  });

  test('Tạo văn bản ▸ Thông báo kết luận: the link, the list of documents, and the preview with its .docx', async () => {
    const toggle = s.sidebar.locator('[data-key="notice-menu"]');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(s.sidebar.locator('#notice-kinds').isHidden()).resolves.toBe(true);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await s.sidebar.getByRole('button', { name: 'Thông báo kết luận cuộc họp', exact: true }).click();
    // The form (test/browser/notice-form.test.ts): the sample's one meeting, the date of today; "Tạo".
    await expect(s.sidebar.getByLabel('Cuộc họp', { exact: true }).inputValue()).resolves.toBe('BCĐ-01');
    await s.sidebar.getByLabel('Ngày văn bản').fill('14/01/2024');
    await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
    const link = live().locator('.result-link a');
    await link.waitFor();
    await expect(live().textContent()).resolves.toContain('Đã tạo thông báo kết luận cuộc họp số 01/TB-UBND.');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[^/]+/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');

    const doc = s.sidebar.locator('.docs .doc').first();
    await doc.waitFor();
    await expect(doc.locator('a').getAttribute('href')).resolves.toBe(href);
    await expect(doc.textContent()).resolves.toContain('01/TB-UBND · 14/01/2024');
    await expect(s.page.locator('#docs-count').textContent()).resolves.toBe('1');

    await doc.locator('a').click();
    await s.page.locator('#preview[open]').waitFor();
    await expect(s.page.locator('#preview-title').textContent()).resolves.toContain('01/TB-UBND');
    const preview = s.page.frameLocator('#preview-frame');
    await expect(preview.locator('body').textContent()).resolves.toContain('THÔNG BÁO');
    await expect(s.page.locator('#preview-frame').getAttribute('sandbox')).resolves.toBe('');
    const docxHref = await s.page.locator('#preview-docx').getAttribute('href');
    const docx = await s.page.request.get(new URL(docxHref ?? '', s.playground.url).toString());
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await s.page.locator('#preview-close').click();
    await expect(s.page.locator('#preview').evaluate((d) => (d as unknown as { open: boolean }).open)).resolves.toBe(
      false,
    );
  });

  test('Tiến độ từng bước: each sentence, then "Còn:" and the units that have not reached it', async () => {
    const { sidebar } = s;
    await expect(sidebar.locator('.lang, [data-key^="lang-"]').count()).resolves.toBe(0);
    await expect(sidebar.getByRole('button', { name: 'English' }).count()).resolves.toBe(0);
    await sidebar.locator('[data-key="progress-details"]').click();
    const rows = sidebar.locator('.milestone', { has: sidebar.locator('.milestone-missing') });
    expect(await rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    const sentence = (await first.locator('.milestone-text').textContent()) ?? '';
    const missing = (await first.locator('.milestone-missing').textContent()) ?? '';
    const [reached, total] = (/^(\d+)\/(\d+)/.exec(sentence) ?? []).slice(1).map(Number);
    expect(missing).toMatch(/^Còn: /);
    expect(missing.slice('Còn: '.length).split(', ')).toHaveLength((total ?? 0) - (reached ?? 0));
    // Read in order: the sentence first, then what is left.
    await expect(first.textContent()).resolves.toBe(`${sentence}${missing}`);
    await sidebar.locator('[data-key="progress-details"]').click();
  });

  test('keyboard: Tab reaches every action with a visible focus, and Enter runs it', async () => {
    const frame = await s.sidebarFrame();
    await frame.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('[data-key="refresh"]')?.focus();
    });
    const reached: string[] = [];
    const focused = () =>
      frame.evaluate(() => {
        const el = document.activeElement;
        return {
          key: el?.dataset.key ?? el?.tagName ?? '',
          ring: el ? getComputedStyle(el).boxShadow !== 'none' || getComputedStyle(el).outlineStyle !== 'none' : false,
        };
      });
    for (let i = 0; i < 12 && !reached.includes('notice-menu'); i++) {
      await s.page.keyboard.press('Tab');
      const f = await focused();
      reached.push(f.key);
      expect(f.ring).toBe(true);
    }
    const order = ['setupWorkbook', 'allocateDelegates', 'validateAll', 'notice-menu'];
    expect(reached.filter((k) => order.includes(k))).toEqual(order);
    // The menu is open from the previous test: the three kinds follow.
    for (const kind of ['thong-bao-ket-luan', 'phan-bo-dai-bieu', 'phan-cong-nhiem-vu']) {
      await s.page.keyboard.press('Tab');
      await expect(focused()).resolves.toMatchObject({ key: `notice-${kind}`, ring: true });
    }
    // Enter on the menu closes it (and keeps the focus there).
    await s.page.keyboard.press('Shift+Tab');
    await s.page.keyboard.press('Shift+Tab');
    await s.page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toMatchObject({ key: 'notice-menu' });
    await s.page.keyboard.press('Enter');
    await expect(s.sidebar.locator('[data-key="notice-menu"]').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(focused()).resolves.toMatchObject({ key: 'notice-menu' });

    // Enter on "Thiết lập bảng tính" runs it; then Enter on "Kiểm tra dữ liệu" runs that.
    await frame.focus('[data-key="setupWorkbook"]');
    await s.page.keyboard.press('Enter');
    await live().locator('.result-title', { hasText: 'Đã thiết lập bảng tính' }).waitFor();
    await expect(focused()).resolves.toMatchObject({ key: 'setupWorkbook' });
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ key: 'validateAll' });
    await s.page.keyboard.press('Enter');
    await live().locator('.result-title', { hasText: 'Đã kiểm tra dữ liệu' }).waitFor();

    // A problem is a button too: Enter selects its cell.
    const first = s.sidebar.locator('button.problem').first();
    const cell = await first.getAttribute('data-cell');
    const sheet = await first.getAttribute('data-sheet');
    await first.focus();
    await s.page.keyboard.press('Enter');
    await s.page.locator(`#grid td.current[data-a1="${cell}"]`).waitFor();
    await expect(s.page.locator('#tabs button.active').textContent()).resolves.toBe(sheet);
  });

  test('screenshot of the sidebar (test-artifacts/sidebar.png)', async () => {
    const frame = await s.sidebarFrame();
    await frame.evaluate(() => window.scrollTo(0, 0));
    // Nothing is wider than the 300 px sidebar.
    const width = await frame.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    expect(width[1]).toBeLessThanOrEqual(300);
    const path = await keepScreenshot(s.page.locator('#sidebar'), 'sidebar.png');
    await keepScreenshot(s.page, 'playground.png');
    expect(path).toMatch(/test-artifacts[\\/]sidebar\.png$/);
  });
});

describe('sidebar limits', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  test('10 000 problems: the first 200 per filter are rendered, the rest counted', async () => {
    const problems = Array.from({ length: 10_000 }, (_, i) => ({
      severity: i % 4 === 0 ? 'warning' : 'error',
      sheet: i < 6000 ? 'Đại biểu' : 'Đơn vị',
      cell: `B${i + 2}`,
      message: `Vấn đề số ${i + 1}`,
      suggestion: '',
      rule: 'test',
    }));
    const result: ValidationResultDto = {
      message: 'Phát hiện 7500 lỗi và 2500 cảnh báo; xem trang "Kiểm tra".',
      errors: 7500,
      warnings: 2500,
      problems: problems as ValidationResultDto['problems'],
      at: NOW,
    };
    await s.context.route('**/api/run', async (route) => {
      const body = route.request().postDataJSON() as { fn?: string };
      if (body.fn === 'validateAll') await route.fulfill({ json: { ok: true, result } });
      else await route.continue();
    });
    const started = Date.now();
    await s.sidebar.locator('[data-key="validateAll"]').click();
    await s.sidebar.locator('.more').waitFor();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(200);
    await expect(s.sidebar.locator('.more').textContent()).resolves.toBe(
      'Còn 9.800 vấn đề khác — xem trang "Kiểm tra".',
    );
    await s.sidebar.locator('[data-key="filter-warning"]').click();
    await expect(s.sidebar.locator('.problem').count()).resolves.toBe(200);
    await expect(s.sidebar.locator('.more').textContent()).resolves.toContain('Còn 2.300 vấn đề khác');
    await expect(s.sidebar.locator('.group-head').first().textContent()).resolves.toBe('Đại biểu1.500');
    await s.context.unroute('**/api/run');
  });

  test('a server error is shown as the failure of the action', async () => {
    s.runtime.failOn('Range.setValues', { times: Number.POSITIVE_INFINITY });
    try {
      await s.sidebar.locator('[data-key="allocateDelegates"]').click();
      await s.sidebar.locator('#slot-result .result.tone-error').waitFor();
      await expect(s.sidebar.locator('#slot-result .result-title').textContent()).resolves.toContain(
        'Không thực hiện được',
      );
      const message = await s.sidebar.locator('#slot-result .result-message').textContent();
      expect(message?.length).toBeGreaterThan(10);
      expect(message).not.toMatch(/^(Error|Exception|UserError):/);
    } finally {
      s.runtime.clearFaults();
    }
  });
});

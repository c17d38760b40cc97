/**
 * The screenshots of the user guide and the Marketplace listing, taken in the playground on the
 * Lạng Sơn sample at 1280 × 800 (the listing's size). Each step checks that the page shows what its
 * caption says before it is captured. `npm run screenshots` (DTTS_SCREENSHOTS=docs) writes them to
 * docs/screenshots/ for committing; in the ordinary test run they go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '../../local/testing';
import { ARTIFACTS, openPlayground, type Session } from './harness';

const OUT =
  process.env.DTTS_SCREENSHOTS === 'docs' ? join(PROJECT_DIR, 'docs/screenshots') : join(ARTIFACTS, 'screenshots');

describe('screenshots for docs/', () => {
  let s: Session;
  const live = () => s.sidebar.locator('#slot-result');
  const tab = (name: string) => s.page.locator('#tabs button', { hasText: new RegExp(`^${name}$`) });
  const shot = async (name: string) => {
    mkdirSync(OUT, { recursive: true });
    await s.page.screenshot({ path: join(OUT, name) });
  };

  beforeAll(async () => {
    s = await openPlayground();
    await s.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await s?.close();
  });

  test('1-tong-quan.png: the sidebar overview on the sample', async () => {
    await s.sidebar.locator('[data-card="allocation"]').waitFor();
    await shot('1-tong-quan.png');
  });

  test('2-menu.png: the add-on menu', async () => {
    await s.page.locator('#menubar .menu-title', { hasText: 'Trợ lý Đại hội DTTS' }).click();
    await s.page.locator('#menubar .menu-item', { hasText: 'Kiểm tra dữ liệu' }).waitFor();
    await shot('2-menu.png');
    await s.page.keyboard.press('Escape');
    await s.page.locator('#grid').click({ position: { x: 5, y: 5 } });
  });

  test('3-phan-bo.png: the allocation, explained, and the Phân bổ sheet', async () => {
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    await live().locator('.result').first().waitFor({ timeout: 20_000 });
    await tab('Phân bổ').click();
    await s.page.locator('#grid td', { hasText: 'Bình Gia' }).first().waitFor();
    await shot('3-phan-bo.png');
  });

  test('4-kiem-tra.png: the checks, grouped problems and marked cells', async () => {
    await s.sidebar.locator('[data-key="validateAll"]').click();
    await live().locator('.result').first().waitFor({ timeout: 20_000 });
    await s.sidebar.locator('#slot-problems li').first().waitFor();
    await tab('Kiểm tra').click();
    await shot('4-kiem-tra.png');
  });

  test('5-van-ban.png: the notice form and the document made', async () => {
    const toggle = s.sidebar.locator('[data-key="notice-menu"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await s.sidebar.locator('[data-key="notice-phan-bo-dai-bieu"]').click();
    await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
    await live().locator('.result-link a').waitFor({ timeout: 20_000 });
    await tab('Văn bản').click();
    await shot('5-van-ban.png');
  });

  test('6-gioi-thieu.png: "Giới thiệu" with the version and what the add-in can see', async () => {
    const about = s.sidebar.locator('[data-section="about"]');
    await about.locator('summary').click();
    await expect(about.textContent()).resolves.toMatch(/phiên bản \d+\.\d+\.\d+/);
    await about.scrollIntoViewIfNeeded();
    await shot('6-gioi-thieu.png');
  });
});

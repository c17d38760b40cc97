/**
 * "Tạo văn bản ▸ Giấy mời đại biểu" in headless Chromium on the Lạng Sơn playground: the form offers
 * "Mời cả đại biểu khách mời" (unticked) for the invitations only; "Tạo" calls generateNotice('giay-moi')
 * without guests, or with { guests: true } when ticked, and shows the result; the delegate list has
 * no such box.
 */
import { openPlayground, type Session } from './harness';
import { callsDuring, noticeControls } from './noticeForm';

describe('Tạo văn bản ▸ the delegate documents', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openPlayground();
  });
  afterAll(async () => {
    await s?.close();
  });

  const { live, form, kindButton, openMenu } = noticeControls(() => s);
  const guests = () => s.sidebar.getByLabel('Mời cả đại biểu khách mời');

  test('the invitations: without guests by default, with them when ticked', async () => {
    await openMenu();
    await expect(kindButton('giay-moi').textContent()).resolves.toContain('Giấy mời đại biểu');
    await kindButton('giay-moi').click();
    await expect(form().getAttribute('aria-label')).resolves.toBe('Giấy mời đại biểu');
    await expect(guests().isChecked()).resolves.toBe(false);
    const plain = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live().locator('.result-link a').waitFor();
    });
    expect(plain.filter((c) => c.fn === 'generateNotice')).toEqual([{ fn: 'generateNotice', args: ['giay-moi', {}] }]);
    await expect(live().textContent()).resolves.toMatch(/Đã tạo giấy mời đại biểu số 01\/GM-/);

    await openMenu();
    await kindButton('giay-moi').click();
    await guests().check();
    await expect(guests().isChecked()).resolves.toBe(true);
    const withGuests = await callsDuring(s, async () => {
      await s.sidebar.getByRole('button', { name: 'Tạo', exact: true }).click();
      await live().getByText(/HLU/).waitFor();
    });
    expect(withGuests.filter((c) => c.fn === 'generateNotice')).toEqual([
      { fn: 'generateNotice', args: ['giay-moi', { guests: true }] },
    ]);
    // The sample's guest of an unknown unit: refused, naming the cell.
    await expect(live().textContent()).resolves.toMatch(/ô C\d+ \(đơn vị "HLU" không có trong trang "Đơn vị"\)/);
  });

  test('the delegate list has no guests box', async () => {
    await openMenu();
    if ((await form().count()) > 0) await s.sidebar.getByRole('button', { name: 'Hủy', exact: true }).click();
    await openMenu();
    await kindButton('danh-sach-dai-bieu').click();
    await expect(form().getAttribute('aria-label')).resolves.toBe('Danh sách đại biểu chính thức');
    await expect(guests().count()).resolves.toBe(0);
  });
});

/**
 * Unit names are the officer's text: in "Cách tính" of the sidebar they must stay text, never markup
 * (headless Chromium, playground, Lạng Sơn sample). Two units tied on equal DTTS population, named with
 * HTML and a script, and a code holding quotes: the names appear literally in the summary and in every
 * unit's reason, no element is created from them, no script runs.
 */
import { openPlayground, type Session } from './harness';

const EVIL = '<img src=x onerror="window.__pwned=1">Xã <b>Hữu</b> Lũng';
const SCRIPT = 'Chi Lăng<script>window.__pwned=2</script>';

describe('unit names with HTML in the explanation', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openPlayground();
  });
  afterAll(async () => {
    await s?.close();
  });

  test('stay text in the summary and in each reason', async () => {
    const units = s.runtime.spreadsheet.getSheetByName('Đơn vị');
    const values = units?.getDataRange().getValues() ?? [];
    const header = values[0] ?? [];
    const name = header.indexOf('Tên đơn vị') + 1;
    const pop = header.indexOf('Dân số DTTS') + 1;
    const hl = values.findIndex((r) => r[0] === 'HL') + 1;
    const cl = values.findIndex((r) => r[0] === 'CL') + 1;
    units?.getRange(hl, name).setValue(EVIL);
    units?.getRange(cl, name).setValue(SCRIPT);
    // Equal DTTS population: their remainders tie, so each is named in the other's reason.
    units?.getRange(cl, pop).setValue(units.getRange(hl, pop).getValue());
    await s.sidebar.locator('[data-key="allocateDelegates"]').click();
    const live = s.sidebar.locator('#slot-result');
    await live.locator('.result').first().waitFor();
    // A re-allocation asks first: confirm when asked.
    const confirm = live.locator('button', { hasText: /Xác nhận|Ghi kết quả|Đồng ý/ });
    if (await confirm.count()) await confirm.first().click();
    await live.locator('.explain').waitFor();
    await live.locator('.explain-units summary').click();
    const text = (await live.locator('.explain').textContent()) ?? '';
    expect(text).toContain(EVIL);
    expect(text).toContain(SCRIPT);
    await expect(live.locator('.explain img, .explain b, .explain script').count()).resolves.toBe(0);
    await expect(s.sidebar.locator('img[src="x"]').count()).resolves.toBe(0);
    const frame = await s.sidebarFrame();
    await expect(
      frame.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    const hlReason = (await live.locator('.explain-units li[data-code="HL"]').textContent()) ?? '';
    expect(hlReason.startsWith(`${EVIL}: `)).toBe(true);
    expect(s.pageErrors).toEqual([]);
  });
});

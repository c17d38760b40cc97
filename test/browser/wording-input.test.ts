/**
 * Vietnamese typed through an input method into a selected (not edited) cell, and paste of a
 * tab-separated block, in headless Chromium on the playground; the icon loads (no 404).
 * The grid splits a Ctrl+V with the intake dialog's own splitter (src/intake/pasted.ts, served as
 * /pasted.js): for any text of tabs, line ends, quotes and letters the page gives what splitPasted
 * gives in Node, cases a former copy of the parser got otherwise included; a page served without
 * /pasted.js (a dist/ built before) says so on Ctrl+V and writes nothing.
 * The input method is Chromium's own (CDP Input.imeSetComposition / Input.insertText), the path a
 * Telex or VNI keyboard takes.
 */
import fc from 'fast-check';
import type { CDPSession } from 'playwright-core';
import { splitPasted } from '../../src/intake/pasted';
import { openPlayground, type Session } from './harness';

declare const navigator: { clipboard: { writeText(text: string): Promise<void> } };
declare const window: { dttsPlayground: { parseClipboard(text: string): string[][] } };

/** What the page must paste for `text`: the intake's rows, none for an empty clipboard. */
function expectedRows(text: string): string[][] {
  const rows = splitPasted(text);
  return rows.length === 1 && rows[0]?.length === 1 && rows[0][0] === '' ? [] : rows;
}

describe('playground: input methods and paste', () => {
  let s: Session;
  let cdp: CDPSession;
  const config = () => s.runtime.spreadsheet.getSheetByName('Cấu hình')!;

  beforeAll(async () => {
    s = await openPlayground();
    cdp = await s.context.newCDPSession(s.page);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.playground.url });
  });

  afterAll(async () => {
    await s?.close();
  });

  async function select(a1: string) {
    await s.page.locator(`#grid td[data-a1="${a1}"]`).click();
    await s.page.locator(`#grid td.current[data-a1="${a1}"]`).waitFor();
  }

  /** Composes `steps` one after the other (as Telex shows them), then commits the last. */
  async function compose(steps: string[]) {
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: steps[steps.length - 1] ?? '' });
  }

  async function commitWith(key: string) {
    const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.keyboard.press(key);
    return (await edited).json() as Promise<{ ok: boolean }>;
  }

  test('an input method composing into a selected cell opens the editor with the whole text', async () => {
    await select('G2');
    // Telex: "DDa7ks" → Đ, Đă, Đắ, Đắk, committed by the space.
    await compose(['D', 'Đ', 'Đa', 'Đă', 'Đắ', 'Đắk']);
    await expect(s.page.locator('#cell-editor').isVisible()).resolves.toBe(true);
    await expect(s.page.locator('#cell-editor').inputValue()).resolves.toBe('Đắk');
    await s.page.keyboard.type(' ');
    await compose(['G', 'Gl', 'Gle', 'Glei']);
    await expect(s.page.locator('#cell-editor').inputValue()).resolves.toBe('Đắk Glei');
    await expect(commitWith('Enter')).resolves.toMatchObject({ ok: true });
    expect(config().getRange('G2').getValue()).toBe('Đắk Glei');
    // The grid redraws after the server's answer: wait for the cell to show the text.
    await s.page
      .locator('#grid td[data-a1="G2"]')
      .filter({ hasText: /^Đắk Glei$/ })
      .waitFor();
    await s.page.locator('#grid td.current[data-a1="G3"]').waitFor();
  });

  test('one composition committed at once, straight after moving with the keyboard', async () => {
    await select('G3');
    await s.page.keyboard.press('ArrowDown');
    await s.page.locator('#grid td.current[data-a1="G4"]').waitFor();
    await compose(['Kon Plông']);
    await expect(commitWith('Tab')).resolves.toMatchObject({ ok: true });
    expect(config().getRange('G4').getValue()).toBe('Kon Plông');
    await s.page.locator('#grid td.current[data-a1="H4"]').waitFor();
  });

  test('a cancelled composition writes nothing and the grid still takes keys', async () => {
    await select('G5');
    await cdp.send('Input.imeSetComposition', { text: 'Đắ', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await expect(s.page.locator('#cell-editor').isHidden()).resolves.toBe(true);
    expect(config().getRange('G5').getValue()).toBe('');
    await s.page.keyboard.type('x');
    await expect(commitWith('Enter')).resolves.toMatchObject({ ok: true });
    expect(config().getRange('G5').getValue()).toBe('x');
  });

  test('clicking another cell while composing commits the text to the cell it was typed on', async () => {
    await select('G14');
    await cdp.send('Input.imeSetComposition', { text: 'Mường', selectionStart: 5, selectionEnd: 5 });
    const edited = s.page.waitForResponse((r) => r.url().endsWith('/api/edit'));
    await s.page.locator('#grid td[data-a1="H16"]').click();
    await expect((await edited).json()).resolves.toMatchObject({ ok: true });
    expect(config().getRange('G14').getValue()).toBe('Mường');
    expect(config().getRange('H16').getValue()).toBe('');
    await s.page.locator('#grid td.current[data-a1="H16"]').waitFor();
    await expect(s.page.locator('#cell-editor').isHidden()).resolves.toBe(true);
  });

  test('text inserted without a composition (dictation, on-screen keyboard) is not lost either', async () => {
    await select('G6');
    await cdp.send('Input.insertText', { text: 'Sa Thầy' });
    await expect(s.page.locator('#cell-editor').inputValue()).resolves.toBe('Sa Thầy');
    await expect(commitWith('Enter')).resolves.toMatchObject({ ok: true });
    expect(config().getRange('G6').getValue()).toBe('Sa Thầy');
  });

  test('Ctrl+V pastes a tab-separated block through typed input, text as typed', async () => {
    await select('G8');
    const block = 'Đắk Glei\t1.234\t\'007\r\nTu Mơ Rông\t14/01/2024\t"Ban ""Dân tộc""\ttỉnh"\r\n';
    await s.page.evaluate((text) => navigator.clipboard.writeText(text), block);
    const pasted = s.page.waitForResponse((r) => r.url().endsWith('/api/paste'));
    await s.page.keyboard.press('Control+V');
    await expect((await pasted).json()).resolves.toEqual({ ok: true, rejected: [] });
    const values = config().getRange('G8:I9').getValues();
    expect(values[0]).toEqual(['Đắk Glei', 1234, '007']);
    expect(values[1]?.[0]).toBe('Tu Mơ Rông');
    expect((values[1]![1] as Date).toISOString()).toBe('2024-01-13T17:00:00.000Z');
    expect(values[1]?.[2]).toBe('Ban "Dân tộc"\ttỉnh');
    // Nothing around the block was touched, and the block is selected as Sheets selects it.
    expect(config().getRange('G10:I10').getValues()).toEqual([['', '', '']]);
    expect(config().getRange('J8:J9').getValues()).toEqual([[''], ['']]);
    await s.page.locator('#grid td.selected[data-a1="I9"]').waitFor();
    // The grid redraws after the server's answer: wait for the cell to show the text.
    await s.page
      .locator('#grid td[data-a1="G9"]')
      .filter({ hasText: /^Tu Mơ Rông$/ })
      .waitFor();
  });

  test('pasting one line of text into a cell writes that cell only', async () => {
    await select('G12');
    await s.page.evaluate(() => navigator.clipboard.writeText('Ngọc Hồi'));
    const pasted = s.page.waitForResponse((r) => r.url().endsWith('/api/paste'));
    await s.page.keyboard.press('Control+V');
    await expect((await pasted).json()).resolves.toEqual({ ok: true, rejected: [] });
    expect(config().getRange('G12:H13').getValues()).toEqual([
      ['Ngọc Hồi', ''],
      ['', ''],
    ]);
  });

  test('the clipboard parser reads Excel and Sheets text', async () => {
    const parse = (text: string) =>
      s.page.evaluate(
        (t) =>
          (
            window as unknown as { dttsPlayground: { parseClipboard(t: string): string[][] } }
          ).dttsPlayground.parseClipboard(t),
        text,
      );
    await expect(parse('a\tb\nc\td\n')).resolves.toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await expect(parse('"x\ny"\tz')).resolves.toEqual([['x\ny', 'z']]);
    await expect(parse('"Ban" Dân tộc\t1')).resolves.toEqual([['"Ban" Dân tộc', '1']]);
    await expect(parse('a\t\tb\r\n\r\nc')).resolves.toEqual([['a', '', 'b'], [''], ['c']]);
    await expect(parse('')).resolves.toEqual([]);
  });

  const parseAll = (texts: string[]) =>
    s.page.evaluate((all) => all.map((t) => window.dttsPlayground.parseClipboard(t)), texts);

  test('a quote left open, then a cell of two quotes: the cell stays as copied, as in the intake', async () => {
    const text = '"Ban\t""\tb';
    expect(splitPasted(text)).toEqual([['"Ban', '""', 'b']]);
    await expect(parseAll([text])).resolves.toEqual([[['"Ban', '""', 'b']]]);
  });

  test('generated texts of tabs, line ends, quotes and letters: the same rows as the intake splits', async () => {
    const texts = fc.sample(
      fc
        .array(fc.constantFrom('a', 'Đ', ' ', '"', '""', '\t', '\n', '\r', '\r\n'), { maxLength: 24 })
        .map((parts) => parts.join('')),
      { numRuns: 600, seed: 20261130 },
    );
    texts.push('', '\t', '\n', '"', '""', '"\t"', 'a\tb\r\nc\td\r\n', '"x\ny"\tz');
    const got = await parseAll(texts);
    for (const [i, text] of texts.entries()) {
      expect({ text, rows: got[i] }).toEqual({ text, rows: expectedRows(text) });
    }
    expect(s.pageErrors).toEqual([]);
  });

  test('/favicon.ico is served: no 404 while the page loads', async () => {
    const missing: string[] = [];
    s.page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    await s.page.reload();
    await s.sidebar.locator('html[data-ready="1"]').waitFor({ timeout: 20_000 });
    const icon = await s.page.evaluate(async () => {
      const r = await fetch('/favicon.ico');
      return [r.status, r.headers.get('content-type')];
    });
    expect(icon).toEqual([200, 'image/x-icon']);
    expect(missing).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  test('no /pasted.js (dist/ built before): Ctrl+V says to build, writes nothing, no page error', async () => {
    await s.page.route('**/pasted.js', (route) => route.fulfill({ status: 404, body: '' }));
    try {
      await s.page.reload();
      await s.sidebar.locator('html[data-ready="1"]').waitFor({ timeout: 20_000 });
      const before = config().getRange('G20:H21').getValues();
      await select('G20');
      await s.page.evaluate(() => navigator.clipboard.writeText('Đắk Glei\t1\r\nTu Mơ Rông\t2'));
      const pastes: string[] = [];
      const onRequest = (r: { url(): string }) => {
        if (r.url().endsWith('/api/paste')) pastes.push(r.url());
      };
      s.page.on('request', onRequest);
      await s.page.keyboard.press('Control+V');
      await s.page.locator('#messages .message.error', { hasText: 'chạy npm run build' }).waitFor();
      s.page.off('request', onRequest);
      expect(pastes).toEqual([]);
      expect(config().getRange('G20:H21').getValues()).toEqual(before);
    } finally {
      await s.page.unroute('**/pasted.js');
      await s.page.reload();
    }
    expect(s.pageErrors).toEqual([]);
  });
});

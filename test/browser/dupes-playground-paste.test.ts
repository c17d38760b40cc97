/**
 * The playground's grid splits a Ctrl+V with the intake dialog's own splitter (src/intake/pasted.ts,
 * served as /pasted.js), in headless Chromium: for any text of tabs, line ends, quotes and letters the
 * page's parseClipboard gives what splitPasted gives in Node (nothing to paste: []), including the
 * cases a copy of the parser got differently (a cell reading `""` after a quote left open). A page
 * served without /pasted.js (a dist/ built before) says so on Ctrl+V and writes nothing.
 */
import fc from 'fast-check';
import { splitPasted } from '../../src/intake/pasted';
import { openPlayground, type Session } from './harness';

declare const window: { dttsPlayground: { parseClipboard(text: string): string[][] } };
declare const navigator: { clipboard: { writeText(text: string): Promise<void> } };

/** What the page must paste for `text`: the intake's rows, none for an empty clipboard. */
function expected(text: string): string[][] {
  const rows = splitPasted(text);
  return rows.length === 1 && rows[0]?.length === 1 && rows[0][0] === '' ? [] : rows;
}

describe('playground: Ctrl+V split as the intake splits pasted rows', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  const parseAll = (texts: string[]) =>
    s.page.evaluate((all) => all.map((t) => window.dttsPlayground.parseClipboard(t)), texts);

  test('a quote left open, then a cell of two quotes: the cell stays as copied, as in the intake', async () => {
    const text = '"Ban\t""\tb';
    expect(splitPasted(text)).toEqual([['"Ban', '""', 'b']]);
    await expect(parseAll([text])).resolves.toEqual([[['"Ban', '""', 'b']]]);
  });

  test('generated texts of tabs, line ends, quotes and letters: the same rows as splitPasted', async () => {
    const texts = fc.sample(
      fc
        .array(fc.constantFrom('a', 'Đ', ' ', '"', '""', '\t', '\n', '\r', '\r\n'), { maxLength: 24 })
        .map((parts) => parts.join('')),
      { numRuns: 600, seed: 20261130 },
    );
    texts.push('', '\t', '\n', '"', '""', '"\t"', 'a\tb\r\nc\td\r\n', '"x\ny"\tz');
    const got = await parseAll(texts);
    for (const [i, text] of texts.entries()) {
      expect({ text, rows: got[i] }).toEqual({ text, rows: expected(text) });
    }
    expect(s.pageErrors).toEqual([]);
  });

  test('no /pasted.js (dist/ built before): Ctrl+V says to build, writes nothing, no page error', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.playground.url });
    await s.page.route('**/pasted.js', (route) => route.fulfill({ status: 404, body: '' }));
    try {
      await s.page.reload();
      await s.page.locator('#grid td[data-a1="A1"]').waitFor();
      const sheet = s.runtime.spreadsheet.getActiveSheet();
      const before = sheet.getRange('G20:H21').getValues();
      await s.page.locator('#grid td[data-a1="G20"]').click();
      await s.page.locator('#grid td.current[data-a1="G20"]').waitFor();
      await s.page.evaluate(() => navigator.clipboard.writeText('Đắk Glei\t1\r\nTu Mơ Rông\t2'));
      const pastes: string[] = [];
      s.page.on('request', (r) => {
        if (r.url().endsWith('/api/paste')) pastes.push(r.url());
      });
      await s.page.keyboard.press('Control+V');
      await s.page.locator('#messages .message.error', { hasText: 'chạy npm run build' }).waitFor();
      expect(pastes).toEqual([]);
      expect(sheet.getRange('G20:H21').getValues()).toEqual(before);
    } finally {
      await s.page.unroute('**/pasted.js');
    }
    expect(s.pageErrors).toEqual([]);
  });
});

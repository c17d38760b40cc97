/**
 * The playground's grid splits a Ctrl+V with the intake dialog's own splitter (src/intake/pasted.ts,
 * served as /pasted.js), in headless Chromium: for any text of tabs, line ends, quotes and letters the
 * page's parseClipboard gives what splitPasted gives in Node (nothing to paste: []), including the
 * cases a copy of the parser got differently (a cell reading `""` after a quote left open).
 */
import fc from 'fast-check';
import { splitPasted } from '../../src/intake/pasted';
import { openPlayground, type Session } from './harness';

declare const window: { dttsPlayground: { parseClipboard(text: string): string[][] } };

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
});

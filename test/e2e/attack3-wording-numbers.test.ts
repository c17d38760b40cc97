/**
 * Attack on the wording helpers: the number formatter printed binary noise ("1.234.567,8910000001")
 * and exponents ("1e+21"); a share of 0.999999999 read "2/2"; a cut name could end inside an
 * emoji sequence (a dangling joiner U+200D).
 */
import { formatShare, formatVnNumber, parseNonNegativeInteger } from '../../src/domain/numbers';
import { truncate, truncateAtWord } from '../../src/domain/text';

describe('attack: formatVnNumber', () => {
  it.each([
    [1234567.891, undefined, '1.234.567,891'],
    [123456789.123, undefined, '123.456.789,123'],
    [-1234.5, undefined, '-1.234,5'],
    [0.1 + 0.2, undefined, '0,3'],
    [5e-7, undefined, '0,0000005'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1e21, 2, '1.000.000.000.000.000.000.000,00'],
    [-1e21, 0, '-1.000.000.000.000.000.000.000'],
    [1234.5, 2, '1.234,50'],
    [-0.4, 0, '0'],
    [1.005, 2, '1,01'],
    [Number.NaN, undefined, ''],
    [Number.POSITIVE_INFINITY, undefined, ''],
  ])('formatVnNumber(%p, %p) = %p', (n, d, s) => expect(formatVnNumber(n, d)).toBe(s));

  it('a number typed with a fraction is quoted without binary noise in its message', () => {
    const r = parseNonNegativeInteger(1234567.891);
    expect(r).toEqual({ ok: false, error: '"1.234.567,891" phải là số nguyên' });
  });
});

describe('attack: formatShare', () => {
  it.each([
    [0.999999999, '100%'],
    [1 / 3, '1/3'],
    [2 / 3, '2/3'],
    [1 / 7, '1/7'],
    [0.25, '25%'],
  ])('formatShare(%p) = %p', (r, s) => expect(formatShare(r)).toBe(s));
});

describe('attack: cutting a name', () => {
  const family = '👨\u200D👩\u200D👧\u200D👦';
  it.each([2, 3, 4, 5, 6, 7])('never leaves a joiner or half an emoji sequence (max %p)', (max) => {
    const cut = truncate(`${family}${family}`, max);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/\u200D…$/u);
    const kept = cut.slice(0, -1);
    expect(`${family}${family}`.startsWith(kept)).toBe(true);
    expect(kept.length % family.length).toBe(0);
  });

  it('a single NFD word is never cut inside a letter and its marks', () => {
    const word = 'ĐắkGleiĐắkGlei'.normalize('NFD');
    for (let max = 1; max < Array.from(word).length; max++) {
      const kept = truncateAtWord(word, max).replace(/…$/u, '');
      expect(word.startsWith(kept)).toBe(true);
      expect(word.slice(kept.length)).not.toMatch(/^\p{M}/u);
    }
  });
});

/**
 * The order of unit codes wherever the allocation orders units by code (ties, lists in explanations):
 * natural Vietnamese order, as an officer sorts them by hand.
 *
 * - Runs of digits compare by value: "HL9" before "HL10", "06100" with "6100" (fewer leading zeros first
 *   only when everything else is equal).
 * - Letters follow the Vietnamese alphabet A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y (F, J, W, Z
 *   in their Latin places): "D" before "Đ" before "E", so "TĐ" before "TPLS". Tone marks count only when the
 *   letters are the same (no tone, huyền, sắc, hỏi, ngã, nặng).
 * - Case and Unicode form (NFC or NFD, as pasted from Word) do not matter.
 * - Other characters (spaces, dashes, dots) come before digits, digits before letters.
 * Two different codes never compare equal (the last resort is code-point order), so an order built with
 * it never depends on the input order.
 */

const ALPHABET = 'AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ';
/** Tone marks (NFD combining characters) in the order of the Vietnamese tones. */
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

interface Token {
  /** 0: other character, 1: digit run, 2: letter. */
  kind: 0 | 1 | 2;
  /** Letter: index in ALPHABET (or 100 + code point for letters outside it); other: code point. */
  rank: number;
  /** Digit run without leading zeros. */
  digits: string;
  /** Leading zeros of a digit run; tone of a letter (0: none, 1–5). */
  minor: number;
}

/** Tokens by code: a sort compares each code about log n times, tokenised once (bounded, then started again). */
const CACHE = new Map<string, Token[]>();
const CACHE_LIMIT = 20_000;

function tokens(code: string): Token[] {
  const hit = CACHE.get(code);
  if (hit) return hit;
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  const out = tokenize(code);
  CACHE.set(code, out);
  return out;
}

function tokenize(code: string): Token[] {
  const out: Token[] = [];
  const chars = [...code.normalize('NFC').toUpperCase().normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch >= '0' && ch <= '9') {
      let run = ch;
      while (i + 1 < chars.length && (chars[i + 1] as string) >= '0' && (chars[i + 1] as string) <= '9')
        run += chars[++i];
      const digits = run.replace(/^0+(?=\d)/, '');
      out.push({ kind: 1, rank: 0, digits, minor: run.length - digits.length });
      continue;
    }
    const parts = ch.normalize('NFD');
    const tone = parts.match(TONE_RE)?.[0];
    const base = parts.replace(TONE_RE, '').normalize('NFC');
    const index = ALPHABET.indexOf(base);
    if (index >= 0 || /\p{L}/u.test(base)) {
      const rank = index >= 0 ? index : 100 + (base.codePointAt(0) ?? 0);
      out.push({ kind: 2, rank, digits: '', minor: tone ? TONES.indexOf(tone) + 1 : 0 });
    } else {
      out.push({ kind: 0, rank: ch.codePointAt(0) ?? 0, digits: '', minor: 0 });
    }
  }
  return out;
}

function comparePrimary(a: Token, b: Token): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  if (a.kind === 1) {
    if (a.digits.length !== b.digits.length) return a.digits.length - b.digits.length;
    return a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0;
  }
  return a.rank - b.rank;
}

/** Code-point order (not UTF-16 code units): the last resort, so that different codes never tie. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Natural Vietnamese order of unit codes (see the module comment); 0 only for identical strings. */
export function compareUnitCodes(a: string, b: string): number {
  if (a === b) return 0;
  const x = tokens(a);
  const y = tokens(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = comparePrimary(x[i] as Token, y[i] as Token);
    if (d !== 0) return d;
  }
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as Token).minor - (y[i] as Token).minor;
    if (d !== 0) return d;
  }
  return compareCodePoints(a.normalize('NFC'), b.normalize('NFC')) || compareCodePoints(a, b);
}

/**
 * Text normalisation for Vietnamese data typed or pasted by people: keys for matching, not for display.
 *
 * Every key function starts from NFC (text pasted from Word often arrives decomposed, NFD) and
 * puts old-style and new-style tone placement on one form ("Hoà"/"Hòa", "Huỷ"/"Hủy", "Khoẻ"/"Khỏe"),
 * since both are in daily use and are the same word.
 */

/** Invisible characters removed outright: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Visible spacing of any kind (tabs, line breaks, NBSP, narrow NBSP, ideographic space …). */
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
/** Hyphens and dashes: - ‐ ‑ ‒ – — ― − */
const DASHES = /[-\u2010-\u2015\u2212]/g;
/** Apostrophes and look-alikes: ' ’ ‘ ` ´ ʼ ʻ ′ */
const APOSTROPHES = /['\u2019\u2018`\u00B4\u02BC\u02BB\u2032]/g;
/** A dot between two letters ("T.P", "Ê.Đê"); dots in numbers and at word ends are kept. */
const INNER_DOT = /(?<=\p{L})\.(?=\p{L})/gu;
/** Tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below. */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** Open syllables "oa", "oe", "uy" with the tone on the first vowel (old style): move it to the second. */
const OLD_STYLE_TONE = new RegExp(`([oOuU])(${TONE})([aAeEyY])(?!\\p{L}|\\p{M})`, 'gu');

/** NFC form of a string. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Puts the tone mark of open "oa", "oe", "uy" syllables on the second vowel (new style), so that
 * "Hòa"/"Hoà", "Hủy"/"Huỷ", "Khỏe"/"Khoẻ" give the same text. Returns NFC.
 */
export function canonicalTones(s: string): string {
  if (!mayHaveOldStyleTone(s)) return s.normalize('NFC');
  return s.normalize('NFD').replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC');
}

/**
 * False when OLD_STYLE_TONE cannot match the NFD form of `s` (then canonicalTones(s) is its NFC): a
 * match ends with a bare a/e/y (no decomposition ends with one) right after a tone mark, which only a
 * character from U+00C0 on (a precomposed vowel or the mark itself) can bring. Most names have no
 * such pair, and skip two normalisations and a regular expression.
 */
function mayHaveOldStyleTone(s: string): boolean {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a e y A E Y
    if (
      (c === 0x61 || c === 0x65 || c === 0x79 || c === 0x41 || c === 0x45 || c === 0x59) &&
      s.charCodeAt(i - 1) >= 0xc0
    )
      return true;
  }
  return false;
}

/** Collapses every run of whitespace (incl. NBSP) to one space, removes invisible characters, trims. */
function squeeze(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * Key for matching free text: NFC, canonical tone placement, lower case (Đ → đ), invisible characters
 * removed, apostrophes removed ("H'Mông" → "hmông"), dots between letters removed, hyphens and dashes
 * read as a space ("Ê-đê" → "ê đê", "Lễ tân – Hậu cần" → "lễ tân hậu cần"), whitespace collapsed to
 * single spaces, trimmed. Diacritics are kept.
 */
export function foldKey(s: string): string {
  let key = FOLDED.get(s);
  if (key === undefined) {
    // Memoised: the same unit, ethnic group or code is folded once per row of every sheet that
    // names it (a third of validation's own time at 50,000 delegates before). Bounded.
    if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
    key = fold(s);
    FOLDED.set(s, key);
  }
  return key;
}

const FOLDED = new Map<string, string>();
const FOLDED_MAX = 200_000;

function fold(s: string): string {
  const lower = canonicalTones(s.replace(INVISIBLE, '')).toLowerCase();
  // Most texts (names, codes, groups) have nothing the replacements below change.
  if (!needsCleaning(lower)) return lower;
  return squeeze(
    lower
      .replace(/\u00F0/g, 'đ') // 'Ð'/'ð' (eth) stands for 'Đ' in text converted from old encodings
      .replace(APOSTROPHES, '')
      .replace(INNER_DOT, '')
      .replace(DASHES, ' '),
  );
}

/**
 * True when fold's replacements and squeeze could change `s`: it holds an eth, an apostrophe, a dot,
 * a dash, an invisible character, spacing other than single spaces between words (or anything below
 * U+0020 or in U+2000–U+206F, to be safe). False means they all leave `s` as it is.
 */
function needsCleaning(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === last || s.charCodeAt(i - 1) === 0x20) return true;
    } else if (c < 0x20 || c === 0x27 || c === 0x2d || c === 0x2e || c === 0x60) {
      return true; // controls and spacing, ' - . `
    } else if (c >= 0xa0) {
      if (
        c === 0xa0 ||
        c === 0xad ||
        c === 0xb4 ||
        c === 0xf0 ||
        c === 0x2bb ||
        c === 0x2bc ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x206f) ||
        c === 0x2212 ||
        c === 0x3000 ||
        c === 0xfeff
      )
        return true;
    }
  }
  return false;
}

/** foldKey without any spaces: "Ê Đê", "Ê-đê", "Êđê" → "êđê"; "H'Mông", "H Mông" → "hmông". For names. */
export function foldCompact(s: string): string {
  const key = foldKey(s);
  return key.includes(' ') ? key.replace(/ /g, '') : key;
}

/** Removes Vietnamese diacritics: "Đắk Lắk" → "Dak Lak", "Mông" → "Mong". */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/**
 * Key for a column header: foldKey, then without trailing ':', '*' and '(*)' (required-field marks,
 * as Vietnamese forms write them), e.g. "Họ và tên (*):" → "họ và tên", " Dân  tộc* " → "dân tộc".
 * Other parenthesised text is kept ("Đảng viên (x)").
 */
export function headerKey(s: string): string {
  return foldKey(s).replace(/(?:[\s:*]|\(\s*\*\s*\))+$/, '');
}

/** Equality of two texts under foldKey. */
export function sameText(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/**
 * Key of a person's name for duplicate detection: the same as foldKey. Diacritics are kept on
 * purpose ("Hà" and "Hạ" are different names); only the way they are typed is normalised.
 */
export function personNameKey(s: string): string {
  return foldKey(s);
}

/**
 * Shortens to at most `max` characters (code points), ending with '…' when cut. Never splits a
 * surrogate pair nor leaves a combining mark without its letter.
 */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  if (max <= 0) return '';
  let end = max - 1;
  // Never inside a combining sequence (NFD "ễ") nor an emoji sequence (a joiner U+200D, a variation
  // selector or a skin tone ties it to the character before).
  const joined = (k: number) =>
    /^(?:\p{M}|\u200D|\uFE0F|[\u{1F3FB}-\u{1F3FF}])$/u.test(chars[k] ?? '') || chars[k - 1] === '\u200D';
  while (end > 0 && joined(end)) end--;
  return chars.slice(0, end).join('').trimEnd() + '…';
}

/**
 * Shortens a name for a message to at most `max` characters, cutting at the last space before the
 * limit (never mid-word) and ending with '…'; a single word longer than `max` falls back to truncate.
 */
export function truncateAtWord(s: string, max: number): string {
  const text = s.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  if (space <= 0) return truncate(text, max);
  return head.slice(0, space).replace(/[\s,;:.\-–(]+$/, '') + '…';
}

/** Words that open a proper noun, kept capitalised after a colon. */
const PROPER_OPENERS = new Set(['ban', 'đại', 'hamilton', 'jefferson', 'webster', 'adams', 'dean', 'huntington']);

/**
 * A clause placed after a colon ("Năm: năm …"): its first letter in lower case, as the messages
 * write it (one rule for every message: lower case after a colon unless a proper noun). A clause
 * opening with a quote, a digit, an all-capital word (TRUE, UBND) or a proper noun (Ban Chỉ đạo,
 * Đại hội, a method's name) is left as it is.
 */
export function afterColon(clause: string): string {
  const word = /^\p{Lu}[\p{Ll}\p{M}]*(?=[\s,.;:)]|$)/u.exec(clause);
  if (!word || PROPER_OPENERS.has(word[0].normalize('NFC').toLowerCase())) return clause;
  const first = Array.from(clause)[0] ?? '';
  return first.toLowerCase() + clause.slice(first.length);
}

/** A label of a total row typed by the user ("Tổng cộng", "Cộng:", "TONG"), not a unit. */
export function isTotalLabel(label: string): boolean {
  return /^(tong|cong)(\s|:|$)/.test(stripDiacritics(foldKey(label)));
}

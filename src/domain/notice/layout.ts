/**
 * Layout of the parts Decree 30/2020 draws: where the issuing body's name breaks into lines and
 * how long the rules under it and under the summary are. No renderer knows about text metrics, so
 * widths are estimated from Times New Roman's advance widths (capitals) and averages (the rest);
 * the estimates err on the wide side, so a name judged to fit does fit.
 *
 * Decree 30/2020/NĐ-CP, Phụ lục I, mục II: the issuing body is printed in capitals, bold, centred
 * under the parent body, "phía dưới có đường kẻ ngang, nét liền, có độ dài bằng từ 1/3 đến 1/2
 * độ dài của dòng chữ và đặt cân đối so với dòng chữ"; the summary line has the same rule under it.
 */
import type { Line } from './model';

/**
 * Advance widths of Times New Roman's capitals A–Z (regular, bold), in thousandths of the em, from
 * the font's metrics; a capital with diacritics ("Ầ", "Ộ", "Đ") is as wide as its base letter.
 */
const CAPS = {
  regular: [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944,
    722, 722, 611,
  ],
  bold: [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000,
    722, 722, 667,
  ],
} as const;
/** Averages used for the rest, on the wide side: lower case, digits, space, punctuation. */
const EM = { lower: 0.5, lowerBold: 0.53, digit: 0.5, space: 0.25, punctuation: 0.33, other: 0.72 } as const;
/** Estimates are raised by this share, so a text judged to fit does fit. */
const SAFETY = 1.03;

/** Estimated width in points of `text` set in Times New Roman at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    const base = (ch === 'Đ' ? 'D' : ch === 'đ' ? 'd' : ch).normalize('NFD')[0] ?? ch;
    const cap = base.charCodeAt(0) - 65;
    if (ch === ' ' || ch === '\u00a0') em += EM.space;
    else if (cap >= 0 && cap < 26) em += (bold ? CAPS.bold : CAPS.regular)[cap]! / 1000;
    else if (/\d/.test(ch)) em += EM.digit;
    else if (/[.,;:'"()\-–/]/.test(ch)) em += EM.punctuation;
    else if (ch !== ch.toLocaleUpperCase('vi')) em += bold ? EM.lowerBold : EM.lower;
    else em += EM.other;
  }
  return em * sizePt * SAFETY;
}

/** Words that start the name of a locality: the line breaks before them ("… / TỈNH LẠNG SƠN"). */
const LOCALITY = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)$/u;

/**
 * The lines an agency name is printed on inside a column `widthPt` wide: one line when it fits;
 * otherwise the locality ("TỈNH LẠNG SƠN") starts the last line, as in practice
 * ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN", never "ỦY BAN NHÂN DÂN TỈNH" / "LẠNG SƠN"), and what comes
 * before it is wrapped on even lines. A locality followed by more words ("… TỈNH LẠNG SƠN LẦN THỨ IV")
 * is kept on one line when it fits; otherwise its name has a line of its own and what follows it
 * ("LẦN THỨ IV", "NHIỆM KỲ …") the next, unless plain word wrap takes fewer lines and breaks neither.
 */
export function agencyLines(name: string, sizePt: number, widthPt: number, bold = true): string[] {
  const text = name.replace(/\s+/g, ' ').trim();
  const fits = (s: string) => textWidthPt(s, sizePt, bold) <= widthPt;
  if (!text || fits(text)) return text ? [text] : [];
  const words = text.split(' ');
  // "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN" are one locality word.
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (i + 1 < words.length && LOCALITY.test(pair)) {
      tokens.push(pair);
      i++;
    } else tokens.push(words[i] as string);
  }
  let at = -1;
  for (let i = tokens.length - 1; i > 0; i--) {
    if (LOCALITY.test(tokens[i] as string)) {
      at = i;
      break;
    }
  }
  const width = (s: string) => textWidthPt(s, sizePt, bold);
  const whole = wrap(tokens, fits);
  if (at <= 0) return whole;
  const head = balanced(tokens.slice(0, at), width, widthPt);
  const tail = tokens.slice(at);
  if (fits(tail.join(' '))) return [...head, tail.join(' ')];
  // The locality and what follows it ("TỈNH THỪA THIÊN HUẾ" / "NHIỆM KỲ 2021-2026") on lines of
  // their own: the locality's name whole when it fits, the rest after it.
  const suffix = tail.findIndex((t, i) => i > 0 && SUFFIX.test(t));
  const place = suffix > 0 ? tail.slice(0, suffix).join(' ') : '';
  const split =
    place && fits(place)
      ? [...head, place, ...groups(tail.slice(suffix), fits, width, widthPt)]
      : [...head, ...wrap(tail, fits)];
  // Word by word is kept only when it takes fewer lines and breaks neither the locality's name
  // ("… TỈNH" / "LẠNG SƠN …", "… HỒ CHÍ" / "MINH …") nor what follows it ("… LẦN" / "THỨ IV").
  const locality = place || tail.join(' ');
  const breaksName =
    !whole.some((l) => l.includes(locality)) ||
    whole.slice(0, -1).some((l) => {
      const last = l.split(' ').pop() ?? '';
      return LOCALITY.test(last) || SUFFIX.test(last);
    });
  return split.length <= whole.length || breaksName ? split : whole;
}

/** Lines of what follows a locality, broken before "KHÓA", "NHIỆM" … rather than inside those groups. */
function groups(
  tokens: readonly string[],
  fits: (s: string) => boolean,
  width: (s: string) => number,
  widthPt: number,
): string[] {
  const parts: string[][] = [];
  for (const t of tokens) {
    if (SUFFIX.test(t) || parts.length === 0) parts.push([t]);
    else parts[parts.length - 1]?.push(t);
  }
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const text = part.join(' ');
    if (current && fits(`${current} ${text}`)) current = `${current} ${text}`;
    else {
      if (current) lines.push(current);
      current = '';
      if (fits(text)) current = text;
      else lines.push(...balanced(part, width, widthPt));
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Words that start what follows a locality's name: "LẦN THỨ IV", "KHÓA XV", "NHIỆM KỲ 2021-2026", "NĂM 2024". */
const SUFFIX = /^(LẦN|KHÓA|KHOÁ|NHIỆM|NĂM)$/u;

/**
 * Word wrap on the fewest lines `widthPt` allows, the lines as even as those lines allow: the
 * narrowest width that still needs no more lines than at `widthPt` (never a last line of one short
 * word: "BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI" / "BIỂU CÁC DÂN TỘC THIỂU" / "SỐ").
 */
function balanced(words: readonly string[], width: (s: string) => number, widthPt: number): string[] {
  const at = (limit: number) => wrap(words, (s) => width(s) <= limit);
  const greedy = at(widthPt);
  if (greedy.length < 2) return greedy;
  let low = Math.min(widthPt, Math.max(...words.map(width)));
  let high = widthPt;
  for (let i = 0; i < 24 && high - low > 0.5; i++) {
    const mid = (low + high) / 2;
    if (at(mid).length <= greedy.length) high = mid;
    else low = mid;
  }
  const even = at(high);
  return even.length <= greedy.length ? even : greedy;
}

/** Greedy word wrap; a word longer than the line stands alone. */
function wrap(words: readonly string[], fits: (s: string) => boolean): string[] {
  const lines: string[] = [];
  let current = '';
  for (const w of words) {
    const next = current ? `${current} ${w}` : w;
    if (current && !fits(next)) {
      lines.push(current);
      current = w;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** Size of the rule's own line: small, so the rule sits right under the text above it. */
export const RULE_SIZE_PT = 6;
/** Width of a no-break space in Times New Roman: a quarter of the em. */
const NBSP_EM = 0.25;

/** Share of the line above a rule is drawn: between the decree's 1/3 and 1/2. */
export const RULE_SHARE = 0.4;

/**
 * A solid rule, centred, `share` of the width of `lines` (the widest, at `sizePt`, bold), never
 * wider than `maxWidthPt`. Google Docs cannot draw a line of a given length through DocumentApp
 * (no paragraph borders; a HorizontalRule spans the whole column), so the rule is a run of
 * underlined no-break spaces of that length: a continuous line in Docs, Word, LibreOffice and
 * HTML, never underscores. The .docx export turns it into a paragraph border of the same length.
 */
export function ruleUnder(lines: readonly string[], sizePt: number, maxWidthPt: number, share = RULE_SHARE): Line {
  const widest = Math.min(maxWidthPt, Math.max(0, ...lines.map((l) => textWidthPt(l, sizePt, true))));
  const lengthPt = Math.max(36, widest * share);
  const n = Math.max(1, Math.round(lengthPt / (NBSP_EM * RULE_SIZE_PT)));
  return {
    text: '\u00a0'.repeat(n),
    sizePt: RULE_SIZE_PT,
    align: 'center',
    underline: true,
    rule: true,
    role: 'rule',
  };
}

/** Length in points of a rule line made by ruleUnder (its no-break spaces at its size). */
export const ruleLengthPt = (count: number, sizePt: number): number => count * NBSP_EM * sizePt;

/** True for a line of text that is only a rule (underlined no-break spaces). */
export const isRuleText = (text: string): boolean => text.length > 0 && /^\u00a0+$/u.test(text);

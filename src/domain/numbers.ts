/**
 * Numbers as Vietnamese civil servants type them, and formatting without Intl.
 *
 * Reading rules (Vietnamese convention: '.' groups thousands, ',' marks decimals; English forms are
 * accepted where they cannot be misread):
 * - Spaces (incl. NBSP, thin and narrow spaces) may only group thousands: '1 234 567'; a single '.' or
 *   ',' after spaced groups is the decimal mark: '1 234,5' → 1234.5.
 * - Both '.' and ',' present: the one that comes last is the decimal mark and appears once; the other
 *   groups thousands in groups of three: '1.234.567,89' and '1,234,567.89' → 1234567.89.
 * - Only '.' or only ',' appearing several times: thousands groups: '1.234.567', '1,234,567'.
 * - A single '.' or ',' followed by exactly three digits, after 1–3 digits not starting with 0, groups
 *   thousands: '1.234' → 1234, '12.500' → 12500, '1,234' → 1234 (the ',' case with a warning, since in
 *   Vietnamese writing it could be the decimal 1,234). Otherwise it is the decimal mark: '12,5', '12.5',
 *   '1.5', '0.125', '0,125', '1234.567'.
 */
import { cellText, fail, isBlank, isDate, isErrorValue, type Parsed, textOf } from './values';

/** Spaces that may group thousands. */
const SP = '[ \\t\\u00A0\\u2007\\u2009\\u202F]';
const SPACED = new RegExp(`^(\\d{1,3}(?:${SP}\\d{3})+)(?:([.,])(\\d+))?$`);
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+$/;

const belowZero = (text: string) => fail(`"${text}" không được âm`);
const above100 = (text: string) => fail(`"${text}" lớn hơn 100%`);

/** Rounds away binary noise (0.333 * 100 = 33.300000000000004 → 33.3). */
const round12 = (x: number): number => Number(x.toPrecision(12));

/** Reads a number from a cell. Blank → null. See the module comment for the rules. */
export function parseVnNumber(v: unknown): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: v === 0 ? 0 : v } : fail(`"${v}" không phải là số hợp lệ`);
  }
  if (isDate(v)) return fail(`Ô chứa ngày tháng (${cellText(v)}), không phải là số`);
  const text = textOf(v, 'số');
  return typeof text === 'string' ? parseNumberText(text) : text;
}

function parseNumberText(text: string): Parsed<number | null> {
  const invalid = fail(`"${text}" không phải là số hợp lệ`);
  let s = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  let negative = false;
  const sign = /^([+\-\u2212])\s*/.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (/\d\s*%$/.test(s)) return fail(`"${text}" là tỉ lệ phần trăm, ở đây cần một số`);
  if (!/\d/.test(s) || !new RegExp(`^[\\d.,]+(?:${SP}+[\\d.,]+)*$`).test(s)) {
    return fail(`"${text}" không phải là số`);
  }
  let value: number;
  let warning: string | undefined;
  if (new RegExp(SP).test(s)) {
    const m = SPACED.exec(s);
    if (!m) return invalid;
    value = Number(m[1]!.replace(new RegExp(SP, 'g'), '') + (m[3] ? '.' + m[3] : ''));
  } else {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      const dec = Math.max(lastDot, lastComma);
      const int = s.slice(0, dec);
      const frac = s.slice(dec + 1);
      const grouped = s[dec] === ',' ? GROUPED_DOT : GROUPED_COMMA;
      if (!grouped.test(int) || !/^\d+$/.test(frac)) return invalid;
      value = Number(int.replace(/[.,]/g, '') + '.' + frac);
    } else if (lastDot < 0 && lastComma < 0) {
      value = Number(s);
    } else {
      const sep = lastDot >= 0 ? '.' : ',';
      const parts = s.split(sep);
      if (parts.length > 2) {
        if (!(sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s)) return invalid;
        value = Number(parts.join(''));
      } else {
        const [int = '', frac = ''] = parts;
        if (!int || !frac) return invalid;
        if (/^[1-9]\d{0,2}$/.test(int) && frac.length === 3) {
          value = Number(int + frac);
          if (sep === ',')
            warning = `Đã hiểu "${text}" là ${formatVnNumber(negative ? -value : value)} (dấu phẩy tách hàng nghìn)`;
        } else {
          value = Number(int + '.' + frac);
        }
      }
    }
  }
  if (!Number.isFinite(value)) return invalid;
  if (negative && value !== 0) value = -value;
  return warning ? { ok: true, value, warning } : { ok: true, value };
}

/** How a value is quoted in a message: the text as typed, or a number in Vietnamese format. */
function shown(v: unknown, n: number): string {
  return typeof v === 'string' ? cellText(v) : formatVnNumber(n);
}

/** A count (people, seats): parseVnNumber, then not negative ("không được âm") and whole ("phải là số nguyên"). */
export function parseNonNegativeInteger(v: unknown): Parsed<number | null> {
  const r = parseVnNumber(v);
  if (!r.ok || r.value === null) return r;
  let n = r.value;
  // A formula result like 29.999999999999996 is the integer it means.
  if (typeof v === 'number' && Math.abs(n - Math.round(n)) < 1e-9) n = Math.round(n) || 0;
  if (n < 0) return belowZero(shown(v, n));
  if (!Number.isInteger(n)) return fail(`"${shown(v, n)}" phải là số nguyên`);
  return r.warning ? { ok: true, value: n, warning: r.warning } : { ok: true, value: n };
}

/**
 * A share in [0, 1]. '12,5%' and '12.5%' → 0.125; '0,125' and 0.125 → 0.125; '1/3' → 1/3. A bare number
 * above 1 (up to 100) is read as a percentage with a warning: 33 → 0.33. A bare 1 is 100%. Above 100%
 * or negative is an error. A cell formatted as percent arrives as its fraction (12,5% → 0.125).
 */
export function parseRatio(v: unknown): Parsed<number | null> {
  if (typeof v !== 'string' || isBlank(v) || isErrorValue(v)) {
    const r = parseVnNumber(v);
    return !r.ok || r.value === null ? r : ratioFromNumber(r.value, shown(v, r.value));
  }
  const text = cellText(v);
  const notRatio = fail(`"${text}" không phải là tỉ lệ hợp lệ`);
  const pct = /^(.*?)\s*%$/.exec(text);
  if (pct) {
    const r = parseVnNumber(pct[1]);
    if (!r.ok || r.value === null) return notRatio;
    if (r.value < 0) return belowZero(text);
    if (r.value > 100) return above100(text);
    return { ok: true, value: round12(r.value / 100) };
  }
  const frac = /^([^/]+)\/([^/]+)$/.exec(text);
  if (frac) {
    const a = parseVnNumber(frac[1]);
    const b = parseVnNumber(frac[2]);
    if (!a.ok || !b.ok || a.value === null || b.value === null || b.value === 0) return notRatio;
    if (a.value < 0 || b.value < 0) return belowZero(text);
    if (a.value > b.value) return above100(text);
    return { ok: true, value: a.value / b.value };
  }
  const r = parseVnNumber(text);
  if (!r.ok || r.value === null) return notRatio;
  return ratioFromNumber(r.value, text);
}

function ratioFromNumber(n: number, text: string): Parsed<number | null> {
  if (n < 0) return belowZero(text);
  if (n <= 1) return { ok: true, value: n };
  if (n <= 100) {
    const value = round12(n / 100);
    return { ok: true, value, warning: `Đã hiểu "${text}" là ${formatPercent(value, 2)}` };
  }
  return above100(text);
}

/** Rounds half away from zero at `d` decimals without binary surprises (1.005 → 1.01). */
function roundTo(x: number, d: number): number {
  const abs = Math.abs(x);
  // From 2^52 on a double has no fraction to round; abs * 10 ** d / 10 ** d would change the digits.
  if (abs >= 2 ** 52) return x;
  const str = String(abs);
  const r = str.includes('e')
    ? Math.round(abs * 10 ** d) / 10 ** d
    : Number(Math.round(Number(str + 'e' + d)) + 'e-' + d);
  return x < 0 ? -r : r;
}

/**
 * '1.234.567'; with `decimals`, exactly that many decimals after ',' (1234.5, 1 → '1.234,5'; 2 → '1.234,50').
 * Without `decimals`: as many as the number has (up to 10). Non-finite numbers give ''.
 */
export function formatVnNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return '';
  const d = decimals === undefined ? 10 : Math.max(0, Math.min(20, Math.floor(decimals)));
  const r = roundTo(n, d);
  const abs = Math.abs(r);
  // toFixed writes 1e21 and above in exponent form ("1e+21"); BigInt writes every digit.
  // Without `decimals`, the shortest text of the number ("1234567.891"), never toFixed(10)'s
  // binary noise ("1234567.8910000001").
  const plain =
    abs >= 1e21
      ? `${BigInt(Math.round(abs))}.`
      : decimals === undefined && !/e/.test(String(abs))
        ? String(abs)
        : abs.toFixed(d);
  let [int = '0', frac = ''] = plain.split('.');
  if (decimals === undefined) frac = frac.replace(/0+$/, '');
  else frac = frac.padEnd(d, '0');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (r < 0 ? '-' : '') + int + (frac ? ',' + frac : '');
}

/** 0.3333 → '33,3%', 0.5 → '50%' (trailing zeros dropped), 1/3 with 2 decimals → '33,33%'. */
export function formatPercent(ratio: number, decimals = 1): string {
  if (!Number.isFinite(ratio)) return '';
  const s = formatVnNumber(round12(ratio * 100), decimals);
  return (s.includes(',') ? s.replace(/,?0+$/, '') : s) + '%';
}

/**
 * A share as an officer states it: a simple fraction when the share is one (1/3, 2/3, 1/4 — as
 * regulations word it), a whole percentage otherwise (30%, 50%), else a percentage with one decimal.
 */
export function formatShare(ratio: number): string {
  if (!Number.isFinite(ratio)) return '';
  const percent = round12(ratio * 100);
  if (Number.isInteger(percent)) return `${formatVnNumber(percent)}%`;
  for (let den = 2; den <= 12; den++) {
    const num = Math.round(ratio * den);
    // A whole number (0.999999999 → 2/2) is no fraction: it falls through to a percentage.
    if (num > 0 && num % den !== 0 && Math.abs(num / den - ratio) < 1e-9) return `${num}/${den}`;
  }
  return formatPercent(ratio);
}

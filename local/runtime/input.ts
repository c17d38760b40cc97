/**
 * How Range.setValue(s) interprets strings, like typing them into a cell
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue: "a
 * String … is interpreted as … if it were typed into the cell"):
 *
 * - "=…" is a formula, even in a cell formatted as plain text "@": no evidence was found that
 *   Google keeps it as text there, so the runtime is strict and assumes it still becomes a formula.
 *   Only a leading apostrophe makes it text.
 * - A leading apostrophe forces text and is not part of the value ("'007" → "007").
 * - Cells formatted as plain text ("@") keep other strings as typed.
 * - Otherwise numbers ("06100" → 6100, "1E5" → 100000, "12,5%"), booleans, dates ("1/5/2024",
 *   "2024-05-01", "5/2024" → 1 May 2024, and "1/5" → 1 May of the current year), and times ("12:30" → 12:30 on
 *   30 Dec 1899, Sheets' day zero) become typed values.
 * - Numbers keep 15 significant digits, as Sheets stores them: "12345678901234567890" becomes
 *   1.23456789012346E+19 (https://support.google.com/docs/answer/3094148 precision note; the
 *   IEEE double Sheets stores is rounded to 15 digits on entry).
 */
import { localeConventions } from './locale';
import { fromWallClock, toWallClock } from './timezone';

/** What a typed string turns into. */
export type ParsedInput =
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: string | number | boolean | Date; numberFormat?: string };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numberPatterns = new Map<string, RegExp>();

/** Number syntax of a locale: sign, grouped or plain digits, decimals, exponent, percent. */
function numberPattern(group: string, decimal: string): RegExp {
  const key = group + decimal;
  let re = numberPatterns.get(key);
  if (!re) {
    const g = escapeRe(group);
    const d = escapeRe(decimal);
    re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
    numberPatterns.set(key, re);
  }
  return re;
}

/** Interprets a string written by setValue(s) under the spreadsheet's locale and time zone. */
export function parseUserInput(
  text: string,
  ctx: { locale: string; timeZone: string; now?: number; cellFormat?: string | undefined },
): ParsedInput {
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { kind: 'formula', formula: text };
  if (ctx.cellFormat === '@') return { kind: 'value', value: text };
  const t = text.trim();
  if (!t) return { kind: 'value', value: text };
  // Fast path: text that cannot be a number, boolean or date stays text.
  if (!/^[\d+\-.,tTfF]/.test(t)) return { kind: 'value', value: text };
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };

  const conv = localeConventions(ctx.locale);
  const m = numberPattern(conv.group, conv.decimal).exec(t);
  if (m && (m[2] !== undefined || m[3] !== undefined)) {
    const intPart = (m[2] ?? '0').split(conv.group).join('');
    const n = toSignificant15(Number(`${m[1]}${intPart}.${m[3] ?? '0'}${m[4] !== undefined ? `e${m[4]}` : ''}`));
    if (!Number.isFinite(n)) return { kind: 'value', value: text };
    if (m[5]) {
      const decimals = m[3]?.length ?? 0;
      return {
        kind: 'value',
        value: n / 100,
        numberFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%',
      };
    }
    return { kind: 'value', value: n };
  }
  const date = parseDate(t, conv.dayFirst, ctx.timeZone, ctx.now ?? Date.now());
  if (date) return { kind: 'value', value: date };
  const time = parseTime(t, ctx.timeZone);
  if (time) return { kind: 'value', ...time };
  // Typed text starting with + or - that is not a number is read as a formula (Sheets answers
  // "#ERROR! Formula parse error" for "- ghi chú"). No reference page says so; the runtime is strict
  // and treats it like "=…", so code writing such text must prefix an apostrophe or use "@".
  if (/^[+-]./.test(t)) return { kind: 'formula', formula: `=${t}` };
  return { kind: 'value', value: text };
}

/** A number as Sheets stores it: 15 significant digits. */
function toSignificant15(n: number): number {
  return Number.isFinite(n) && n !== 0 ? Number(n.toPrecision(15)) : n;
}

/** Times typed alone: H:mm, H:mm:ss, with optional AM/PM; the value is that time on Sheets' day zero. */
function parseTime(t: string, zone: string): { value: Date; numberFormat: string } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([aApP])[mM])?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  const half = m[4]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const value = new Date(fromWallClock({ year: 1899, month: 12, day: 30, hour, minute, second }, zone));
  const numberFormat = half ? (m[3] ? 'h:mm:ss am/pm' : 'h:mm am/pm') : m[3] ? 'H:mm:ss' : 'H:mm';
  return { value, numberFormat };
}

/**
 * Dates typed as yyyy-mm-dd or d/m/yyyy (m/d/yyyy in month-first locales), with optional
 * H:mm[:ss]; d/m without a year is in the current year (of `now` in the spreadsheet's zone);
 * m/yyyy is the first of that month.
 */
function parseDate(t: string, dayFirst: boolean, zone: string, now: number): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const local = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  // Month and four-digit year ("5/2024"): the first day of that month, as spreadsheets read it
  // (no reference page found; strict: a period written as text must be kept as text explicitly).
  const monthYear = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (monthYear) {
    const month = Number(monthYear[1]);
    if (month < 1 || month > 12) return null;
    return new Date(fromWallClock({ year: Number(monthYear[2]), month, day: 1 }, zone));
  }
  let year: number;
  let month: number;
  let day: number;
  let time: (string | undefined)[];
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    time = iso.slice(4);
  } else if (local) {
    const a = Number(local[1]);
    const b = Number(local[2]);
    day = dayFirst ? a : b;
    month = dayFirst ? b : a;
    const y = local[3];
    if (y === undefined) year = toWallClock(now, zone).year;
    else year = y.length === 2 ? 2000 + Number(y) - (Number(y) >= 30 ? 100 : 0) : Number(y);
    time = local.slice(4);
  } else {
    return null;
  }
  const hour = Number(time[0] ?? 0);
  const minute = Number(time[1] ?? 0);
  const second = Number(time[2] ?? 0);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return new Date(fromWallClock({ year, month, day, hour, minute, second }, zone));
}

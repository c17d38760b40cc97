/**
 * How Range.setValue(s) interprets strings, like typing them into a cell: "=…" is a formula, a
 * leading apostrophe forces text, and numbers, percentages, booleans and dates written as text
 * become typed values ("007" becomes 7). Cells formatted as plain text ("@") keep strings as typed.
 */
import { localeConventions } from './locale';
import { fromWallClock } from './timezone';

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
  ctx: { locale: string; timeZone: string; cellFormat?: string | undefined },
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
    const n = Number(`${m[1]}${intPart}.${m[3] ?? '0'}${m[4] !== undefined ? `e${m[4]}` : ''}`);
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
  const date = parseDate(t, conv.dayFirst, ctx.timeZone);
  if (date) return { kind: 'value', value: date };
  return { kind: 'value', value: text };
}

/** Dates typed as yyyy-mm-dd or d/m/yyyy (m/d/yyyy in month-first locales), with optional H:mm[:ss]. */
function parseDate(t: string, dayFirst: boolean, zone: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const local = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
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
    const y = local[3] as string;
    year = y.length === 2 ? 2000 + Number(y) - (Number(y) >= 30 ? 100 : 0) : Number(y);
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

/**
 * Display text of a cell value under a Sheets number format, as Range.getDisplayValues shows it:
 * automatic ("0.###############"), text "@", number patterns (0 # ? , . % literals, "quoted",
 * \escaped, [$₫] currency, up to four ;-sections) and date patterns (d m y h s, AM/PM).
 * Separators follow the spreadsheet locale.
 */
import { DAYS, MONTHS } from './date-format';
import { type LocaleConventions, localeConventions } from './locale';
import { fromWallClock, toWallClock } from './timezone';

/** A cell's stored value; `null` is an empty cell. */
export type CellValue = string | number | boolean | Date;

/** The number format Google reports for cells without one. */
export const AUTOMATIC_FORMAT = '0.###############';

/** Locale and time zone that display formatting depends on. */
export interface DisplayContext {
  locale: string;
  timeZone: string;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Date → spreadsheet serial number (days since 1899-12-30) by its wall clock in `zone`. */
export function dateToSerial(date: Date, zone: string): number {
  const w = toWallClock(date.getTime(), zone);
  const wallUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wallUtc - EXCEL_EPOCH_UTC) / DAY_MS;
}

/** Spreadsheet serial number → Date at that wall clock in `zone`. */
export function serialToDate(serial: number, zone: string): Date {
  const wall = new Date(EXCEL_EPOCH_UTC + Math.round(serial * DAY_MS));
  return new Date(
    fromWallClock(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
        millisecond: wall.getUTCMilliseconds(),
      },
      zone,
    ),
  );
}

/** True for formats Google treats as automatic. */
export function isAutomaticFormat(format: string | undefined): boolean {
  return !format || format === AUTOMATIC_FORMAT || format.toLowerCase() === 'general';
}

/** Splits a format into its ;-separated sections, ignoring separators inside quotes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and [brackets] removed, for classifying it. */
function bareFormat(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

function isDateSection(section: string): boolean {
  const bare = bareFormat(section).toLowerCase();
  return /[dmyhs]/.test(bare.replace(/am\/pm|a\/p/g, 'h')) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

/** Display text of a value under a number format. */
export function formatDisplayValue(value: CellValue | null, format: string | undefined, ctx: DisplayContext): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const conv = localeConventions(ctx.locale);
  if (typeof value === 'string') {
    const sections = format && !isAutomaticFormat(format) ? splitSections(format) : [];
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => bareFormat(s).includes('@'));
    return textSection === undefined ? value : formatTextSection(value, textSection);
  }
  if (value instanceof Date) {
    if (isAutomaticFormat(format)) return formatDateSection(value, defaultDateFormat(value, ctx), ctx);
    const sections = splitSections(format as string);
    if (isDateSection(sections[0] as string)) return formatDateSection(value, sections[0] as string, ctx);
    if (format === '@') return formatDateSection(value, defaultDateFormat(value, ctx), ctx);
    return formatNumber(dateToSerial(value, ctx.timeZone), format as string, conv, ctx);
  }
  if (!Number.isFinite(value)) return String(value);
  if (isAutomaticFormat(format) || format === '@') return automaticNumber(value, conv);
  return formatNumber(value, format as string, conv, ctx);
}

/** Google's default display of a date without format: day-first locales show dd/mm/yyyy. */
function defaultDateFormat(date: Date, ctx: DisplayContext): string {
  const w = toWallClock(date.getTime(), ctx.timeZone);
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
  const day = localeConventions(ctx.locale).dayFirst ? 'dd/mm/yyyy' : 'm/d/yyyy';
  return midnight ? day : `${day} h:mm:ss`;
}

/** Automatic display of a number: no grouping, up to 10 significant digits, locale decimal mark. */
function automaticNumber(n: number, conv: LocaleConventions): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(10));
  let text = String(rounded);
  if (/e/i.test(text)) {
    const [mant, exp] = rounded.toExponential(2).split('e') as [string, string];
    const e = Number(exp);
    text = `${mant}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return text.replace('.', conv.decimal);
}

function formatTextSection(text: string, section: string): string {
  let out = '';
  for (const part of literalParts(section)) out += part.literal ?? (part.code === '@' ? text : '');
  return out;
}

/** Splits a section into literal runs and format code characters. */
function literalParts(section: string): { literal?: string; code?: string }[] {
  const parts: { literal?: string; code?: string }[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      parts.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      parts.push({ literal: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      parts.push({ literal: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (inner.startsWith('$')) parts.push({ literal: inner.slice(1).split('-')[0] ?? '' });
      i = end < 0 ? section.length : end;
    } else {
      parts.push({ code: ch });
    }
  }
  return parts;
}

/** Rounds half away from zero in decimal, so 1.005 → 1.01 as spreadsheets show it. */
function roundDecimal(x: number, digits: number): number {
  const shifted = Math.round(Number(`${x}e${digits}`));
  return Number(`${shifted}e-${digits}`);
}

/**
 * The value a script reads from a number shown through a date or time format: a Date, as
 * Range.getValues answers ("values of type Number, Boolean, Date, or String, depending on the value
 * of the cell" — a date-formatted cell is a Date:
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()). 1990 typed
 * into a cell formatted dd/mm/yyyy reads as the Date 12/06/1905. Null for any other cell.
 */
export function numberReadAsDate(value: unknown, format: string | undefined, zone: string): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || !format || isAutomaticFormat(format)) return null;
  const picked = pickSection(value, splitSections(format));
  return isDateSection(picked.section) ? serialToDate(value, zone) : null;
}

function pickSection(value: number, sections: string[]): { section: string; value: number; sign: string } {
  const [pos, neg, zero] = sections as [string, string?, string?];
  if (value < 0 && neg !== undefined) return { section: neg, value: -value, sign: '' };
  if (value === 0 && zero !== undefined) return { section: zero, value, sign: '' };
  return { section: pos, value: Math.abs(value), sign: value < 0 ? '-' : '' };
}

function formatNumber(value: number, format: string, conv: LocaleConventions, ctx: DisplayContext): string {
  const sections = splitSections(format);
  const picked = pickSection(value, sections);
  if (isDateSection(picked.section)) return formatDateSection(serialToDate(value, ctx.timeZone), picked.section, ctx);
  const parts = literalParts(picked.section);
  const codes = parts.map((p) => p.code ?? '').join('');
  if (/[eE][+-]/.test(codes)) return picked.sign + scientific(picked.value, codes, conv);

  // Locate the digit block: from the first placeholder to the last one.
  const isPlaceholder = (c: string | undefined) => c === '0' || c === '#' || c === '?';
  const first = parts.findIndex((p) => isPlaceholder(p.code));
  let last = -1;
  parts.forEach((p, i) => {
    if (isPlaceholder(p.code) || ((p.code === '.' || p.code === ',') && first >= 0 && i > first)) last = i;
  });
  let n = picked.value;
  for (const p of parts) if (p.code === '%') n *= 100;
  if (first < 0) {
    return (
      picked.sign +
      parts.map((p) => p.literal ?? (p.code === '%' ? '%' : p.code === '@' ? '' : (p.code ?? ''))).join('')
    );
  }
  const block = parts.slice(first, last + 1).map((p) => p.code ?? '');
  const dot = block.indexOf('.');
  const intCodes = (dot < 0 ? block : block.slice(0, dot)).join('');
  const fracCodes =
    dot < 0
      ? ''
      : block
          .slice(dot + 1)
          .join('')
          .replace(/,/g, '');
  // Trailing commas after the integer digits scale by 1000 each.
  const trailingCommas = /,+$/.exec(intCodes)?.[0].length ?? 0;
  for (let i = 0; i < trailingCommas; i++) n /= 1000;
  const intPattern = intCodes.slice(0, intCodes.length - trailingCommas);
  const grouping = intPattern.includes(',');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracCodes.match(/[0#?]/g) ?? []).length;
  const minFrac = /^0*/.exec(fracCodes)?.[0].length ?? 0;

  const rounded = roundDecimal(n, maxFrac);
  let [intText, fracText = ''] = rounded.toFixed(maxFrac).split('.') as [string, string?];
  if (intText === '0' && minInt === 0) intText = '';
  intText = intText.padStart(minInt, '0');
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, conv.group);
  while (fracText.length > minFrac && fracText.endsWith('0')) fracText = fracText.slice(0, -1);
  const numberText = dot >= 0 ? `${intText}${conv.decimal}${fracText}` : intText;
  const sign = picked.sign && rounded !== 0 ? picked.sign : '';

  const render = (slice: typeof parts) =>
    slice.map((p) => p.literal ?? (p.code === '%' ? '%' : isPlaceholder(p.code) ? '' : (p.code ?? ''))).join('');
  // Literals inside the digit block (rare: "000-000") are placed after the number.
  const inner = parts.slice(first, last + 1).filter((p) => p.literal !== undefined || p.code === '%');
  return sign + render(parts.slice(0, first)) + numberText + render(inner) + render(parts.slice(last + 1));
}

function scientific(value: number, codes: string, conv: LocaleConventions): string {
  const m = /([0#?.,]*)[eE]([+-])(0+)/.exec(codes);
  const mantissaCodes = m?.[1] ?? '0.00';
  const frac = mantissaCodes.includes('.') ? (mantissaCodes.split('.')[1] ?? '').length : 0;
  const [mant, exp] = value.toExponential(frac).split('e') as [string, string];
  const e = Number(exp);
  const expDigits = m?.[3]?.length ?? 2;
  const expSign = e < 0 ? '-' : m?.[2] === '+' ? '+' : '';
  return `${mant.replace('.', conv.decimal)}E${expSign}${String(Math.abs(e)).padStart(expDigits, '0')}`;
}

type DateToken = { literal: string } | { code: string };

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  const parts = literalParts(section);
  let i = 0;
  while (i < parts.length) {
    const p = parts[i] as { literal?: string; code?: string };
    if (p.literal !== undefined) {
      tokens.push({ literal: p.literal });
      i++;
      continue;
    }
    const rest = parts
      .slice(i)
      .map((x) => x.code ?? '\u0000')
      .join('');
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ code: ampm[0].toLowerCase() });
      i += ampm[0].length;
      continue;
    }
    const ch = (p.code as string).toLowerCase();
    if ('ymdhs'.includes(ch)) {
      let n = 1;
      while ((parts[i + n]?.code ?? '').toLowerCase() === ch) n++;
      tokens.push({ code: ch.repeat(n) });
      i += n;
      continue;
    }
    if (ch === '.' && parts[i + 1]?.code === '0') {
      let n = 1;
      while (parts[i + n]?.code === '0') n++;
      tokens.push({ code: `.${'0'.repeat(n - 1)}` });
      i += n;
      continue;
    }
    tokens.push({ literal: p.code as string });
    i++;
  }
  return tokens;
}

function formatDateSection(date: Date, section: string, ctx: DisplayContext): string {
  const w = toWallClock(date.getTime(), ctx.timeZone);
  const tokens = tokenizeDate(section);
  const twelveHour = tokens.some((t) => 'code' in t && (t.code === 'am/pm' || t.code === 'a/p'));
  const codeAt = (i: number) => {
    const t = tokens[i];
    return t && 'code' in t ? t.code : undefined;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  tokens.forEach((t, i) => {
    if ('literal' in t) {
      out += t.literal;
      return;
    }
    const c = t.code;
    if (c[0] === 'm' && c.length <= 2) {
      // m/mm are minutes right after an hour or right before a second.
      let prev: string | undefined;
      for (let j = i - 1; j >= 0 && prev === undefined; j--) prev = codeAt(j);
      let next: string | undefined;
      for (let j = i + 1; j < tokens.length && next === undefined; j++) next = codeAt(j);
      if (prev?.[0] === 'h' || next?.[0] === 's') {
        out += pad(w.minute, c.length);
        return;
      }
    }
    const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (c[0]) {
      case 'y':
        out += c.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'm':
        if (c.length === 1) out += String(w.month);
        else if (c.length === 2) out += pad(w.month, 2);
        else if (c.length === 3) out += (MONTHS[w.month - 1] as string).slice(0, 3);
        else if (c.length === 5) out += (MONTHS[w.month - 1] as string)[0];
        else out += MONTHS[w.month - 1];
        break;
      case 'd':
        if (c.length <= 2) out += pad(w.day, c.length);
        else if (c.length === 3) out += (DAYS[w.weekday] as string).slice(0, 3);
        else out += DAYS[w.weekday];
        break;
      case 'h':
        out += pad(twelveHour ? hour12 : w.hour, Math.min(c.length, 2));
        break;
      case 's':
        out += pad(w.second, Math.min(c.length, 2));
        break;
      case '.':
        out += localeConventions(ctx.locale).decimal + pad(w.millisecond, 3).slice(0, c.length - 1);
        break;
      case 'a':
        out += c === 'a/p' ? (w.hour < 12 ? 'a' : 'p') : w.hour < 12 ? 'AM' : 'PM';
        break;
      default:
        out += c;
    }
  });
  return out;
}

/**
 * What getValues answers for a stored value. A day typed or set is a number with a date format in
 * Sheets (https://developers.google.com/sheets/api/guides/formats#about_date_and_time_values: "Sheets
 * ... treats date and time values as decimal values"), and getValues gives a Date only for a cell shown
 * through a date or time format (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()):
 * a date kept under an explicit number format such as "0" (it shows "32874") is read as that Number.
 */
export function readCellValue(value: unknown, format: string | undefined, zone: string): unknown {
  if (value instanceof Date) {
    if (isAutomaticFormat(format) || !format || format === '@') return new Date(value.getTime());
    const section = pickSection(1, splitSections(format)).section;
    return isDateSection(section) ? new Date(value.getTime()) : dateToSerial(value, zone);
  }
  return numberReadAsDate(value, format, zone) ?? value;
}

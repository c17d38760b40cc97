/**
 * Calendar days. A day is an ISO string 'YYYY-MM-DD' (IsoDate): it crosses google.script.run
 * unchanged and compares correctly as a string. Time zones are fixed UTC offsets in minutes
 * (420 = UTC+7, Asia/Ho_Chi_Minh); get the spreadsheet's with
 * `parseOffset(Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'Z'))`.
 *
 * Reading rules: always day first ('01/13/2024' is an error, never 13 January); four-digit years
 * only, 1900–2100; a time of day next to the date is ignored.
 */
import { fail, isBlank, isDate, type Parsed, textOf } from './values';
import { offsetAt, type ZoneOffset } from './zone';

export { offsetAt, type ZoneOffset } from './zone';

export type IsoDate = string;

/** UTC+7, the offset of Asia/Ho_Chi_Minh (no daylight saving time). */
export const DEFAULT_TZ_OFFSET = 420;
const DAY_MS = 86400000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Sheets serial day numbers accepted as dates (1954-10-03 … 2119-01-10; the year check still applies). */
const MIN_SERIAL = 20000;
const MAX_SERIAL = 80000;
/** Day 0 of Sheets serial dates: 1899-12-30. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number): IsoDate => pad(y, 4) + '-' + pad(m) + '-' + pad(d);
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The calendar day of an instant, seen at a fixed UTC offset. Throws on an invalid Date. */
export function isoFromDate(d: Date, tzOffsetMinutes = DEFAULT_TZ_OFFSET): IsoDate {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return isoFromUtcMs(t + tzOffsetMinutes * 60000);
}

/** Milliseconds of 00:00 UTC of an ISO day; throws on anything that is not a real 'YYYY-MM-DD' day. */
function utcMs(day: IsoDate): number {
  const m = ISO_RE.exec(day);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`Invalid ISO date: ${day}`);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  return date.getTime();
}

function isoFromUtcMs(t: number): IsoDate {
  const x = new Date(t);
  return iso(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
}

/** Midnight at the start of that day at the given offset. */
export function dateFromIso(day: IsoDate, tzOffsetMinutes = DEFAULT_TZ_OFFSET): Date {
  return new Date(utcMs(day) - tzOffsetMinutes * 60000);
}

/** 'dd/mm/yyyy' with two-digit day and month: '2024-01-05' → '05/01/2024'. Other text is returned as is. */
export function formatVnDate(day: IsoDate): string {
  const m = ISO_RE.exec(day);
  return m ? m[3] + '/' + m[2] + '/' + m[1] : day;
}

/**
 * The place-and-date line of Decree 30/2020: 'Lạng Sơn, ngày 05 tháng 01 năm 2024'. Days below 10
 * and months 1–2 take a leading zero, other months do not ('ngày 15 tháng 3 năm 2024'). Without a
 * place: 'ngày 05 tháng 01 năm 2024'.
 */
export function formatNd30Date(place: string, day: IsoDate): string {
  utcMs(day);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const line = `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`;
  const p = place.normalize('NFC').trim();
  return p ? p + ', ' + line : line;
}

/** The day `n` days later (earlier when negative). */
export function addDays(day: IsoDate, n: number): IsoDate {
  return isoFromUtcMs(utcMs(day) + Math.round(n) * DAY_MS);
}

/** a − b in days: diffDays('2024-01-12', '2024-01-10') = 2. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(a) - utcMs(b)) / DAY_MS);
}

/** Today's day at the given offset. */
export const todayIso: (now: Date, tzOffsetMinutes?: number) => IsoDate = isoFromDate;

/** '+0700' → 420, '-0330' → -210 (Utilities.formatDate(d, tz, 'Z')); also '+07:00', 'GMT+07:00', 'Z'. */
export function parseOffset(z: string): number {
  const s = z.trim().toUpperCase();
  if (s === 'Z' || s === 'GMT' || s === 'UTC') return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (!m) throw new RangeError(`Invalid UTC offset: ${z}`);
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

// ---------------------------------------------------------------------------------------------
// Reading a cell

/** A time of day next to a date: '08:30', '8:30:00', '8h30', '8h', '8 giờ 30 phút', '08:30 SA'. */
const TIME = String.raw`\d{1,2}\s*(?::|h|giờ)\s*(?:\d{1,2})?(?:\s*(?::|phút)\s*(?:\d{1,2})?)?(?:\s*(?:am|pm|sa|ch))?`;
const DMY = String.raw`(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,4})`;
const YMD = String.raw`(\d{4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})`;
const WORDS = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{1,4})`;
const whole = (core: string): RegExp =>
  new RegExp(String.raw`^(?:${TIME}\s*,?\s*)?(?:ngày\s*)?${core}(?:(?:\s*,?\s*|t)(?:lúc\s*)?${TIME})?$`);
/** The three forms (day first, year first, in words), as a whole cell and inside longer text. */
const FORMS = [DMY, YMD, WORDS];
const FULL = FORMS.map(whole);
/** Dates inside longer text ('chậm nhất trong ngày 12/01/2024'): four-digit years only. */
const FIND = FORMS.map((core) => new RegExp(String.raw`(?<!\d)${core.replace('{1,4}', '{4}')}(?!\d)`, 'g'));
/** '"12/01/1800": năm 1800 nằm ngoài khoảng 1900–2100'. */
const yearOutside = (y: number): string => `${y} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}`;
const notDate = (text: unknown) => fail(`"${text}" không phải là ngày hợp lệ`);

function checkDay(d: number, m: number, year: string, text: string): Parsed<IsoDate> {
  if (year.length !== 4) {
    return year.length === 2 ? fail(`"${text}": năm cần ghi đủ 4 chữ số`) : notDate(text);
  }
  const y = Number(year);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`"${text}": năm ${yearOutside(y)}`);
  if (m < 1 || m > 12) return fail(`"${text}": tháng ${m} không hợp lệ (ghi theo thứ tự ngày/tháng/năm)`);
  if (d < 1 || d > daysInMonth(y, m)) return fail(`Ngày "${text}" không tồn tại`);
  return { ok: true, value: iso(y, m, d) };
}

/** The parts of the first match: [day, month, year-as-typed]. */
function dmyOf(m: RegExpExecArray, yearFirst: boolean, words: boolean): [number, number, string] {
  if (words) return [Number(m[1]), Number(m[2]), m[3]!];
  return yearFirst ? [Number(m[4]), Number(m[3]), m[1]!] : [Number(m[1]), Number(m[3]), m[4]!];
}

function parseDateText(text: string): Parsed<IsoDate | null> {
  const t = text
    .toLowerCase()
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  for (let i = 0; i < 3; i++) {
    const m = FULL[i]!.exec(t);
    if (m) return checkDay(...dmyOf(m, i === 1, i === 2), text);
  }
  if (/^(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}$/.test(t)) return fail(`"${text}" thiếu năm (ghi đủ ngày/tháng/năm)`);
  if (/^(?:tháng\s*)?\d{1,2}\s*(?:[/.-]|,?\s*năm)\s*\d{4}$/.test(t)) {
    return fail(`"${text}" thiếu ngày (ghi đủ ngày/tháng/năm)`);
  }
  const found: [number, number, string][] = [];
  FIND.forEach((re, i) => {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) found.push(dmyOf(m, i === 1, i === 2));
  });
  if (found.length === 1) {
    const r = checkDay(...found[0]!, text);
    return r.ok ? { ok: true, value: r.value, warning: `Chỉ lấy ngày ${formatVnDate(r.value)} từ "${text}"` } : r;
  }
  if (found.length > 1) return fail(`"${text}" có nhiều hơn một ngày`);
  return fail(`"${text}" không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 12/01/2024)`);
}

/**
 * Reads a day from a cell. Blank → null.
 * - Date cell: the calendar day it shows in the spreadsheet's time zone, i.e. at the zone's offset of
 *   that instant (see offsetAt: Sheets makes 01/01/1970 at +08:00, Asia/Ho_Chi_Minh's offset then).
 *   A date-time at 22:00–23:59 is that day, never the next.
 * - Number: a Sheets serial day (20000–80000), the time part ignored; other numbers are errors.
 * - Text: 'dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'yyyy-mm-dd', 'ngày 12 tháng 01 năm 2024',
 *   with an optional leading 'ngày' and time of day; one date inside longer text is taken with a warning.
 */
export function parseVnDate(v: unknown, tzOffsetMinutes: ZoneOffset = DEFAULT_TZ_OFFSET): Parsed<IsoDate | null> {
  if (isBlank(v)) return { ok: true, value: null };
  let day: IsoDate;
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return fail('Ô chứa ngày tháng không hợp lệ');
    day = isoFromUtcMs(t + offsetAt(tzOffsetMinutes, t) * 60000);
  } else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return fail(`"${v}" mới có năm, cần đủ ngày/tháng/năm`);
    // Also refuses NaN and ±Infinity.
    if (!(v >= MIN_SERIAL && v <= MAX_SERIAL)) return notDate(v);
    day = isoFromUtcMs(SERIAL_EPOCH_MS + Math.floor(v) * DAY_MS);
  } else {
    const text = textOf(v, 'ngày');
    return typeof text === 'string' ? parseDateText(text) : text;
  }
  const y = Number(day.slice(0, 4));
  return y < MIN_YEAR || y > MAX_YEAR ? fail(`Năm ${yearOutside(y)}`) : { ok: true, value: day };
}

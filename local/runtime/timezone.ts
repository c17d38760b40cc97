/**
 * Time-zone arithmetic through Intl: wall-clock fields of an instant in a zone and back.
 * Accepts IANA ids ("Asia/Ho_Chi_Minh") and Java-style fixed offsets ("GMT+7", "GMT+07:00");
 * like Java's TimeZone, an unknown id falls back to GMT.
 */

/** Wall-clock fields of an instant in a time zone. Month is 1-12; weekday 0 = Sunday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

/** The spreadsheet and script time zone used when none is given. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function intlFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
        era: 'short',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Fixed offset in minutes for "GMT+7"-style ids, or null for zone ids Intl must resolve. */
function fixedOffset(zone: string): number | null {
  const m = FIXED.exec(zone.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** True when the zone id is one Intl or the fixed-offset syntax understands. */
export function isKnownTimeZone(zone: string): boolean {
  return fixedOffset(zone) !== null || intlFormatter(zone) !== null;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Offset of the zone from UTC at the instant, in minutes (east positive: Asia/Ho_Chi_Minh → 420). */
export function offsetMinutes(ms: number, zone: string): number {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return fixed;
  const f = intlFormatter(zone);
  if (!f) return 0;
  const w = readParts(f, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60000);
}

function readParts(f: Intl.DateTimeFormat, ms: number): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 0 };
  let bc = false;
  for (const p of f.formatToParts(new Date(ms))) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value) % 24;
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[p.value] ?? 0;
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  if (bc) out.year = 1 - out.year;
  out.millisecond = ((ms % 1000) + 1000) % 1000;
  return out;
}

/** Wall-clock fields of the instant `ms` in `zone`. */
export function toWallClock(ms: number, zone: string): WallClock {
  const fixed = fixedOffset(zone);
  const f = fixed === null ? intlFormatter(zone) : null;
  if (f) return readParts(f, ms);
  return utcFields(new Date(ms + (fixed ?? 0) * 60000));
}

/** A Date's UTC fields read as a wall clock. */
export function utcFields(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant whose wall clock in `zone` shows the given fields (month 1-12). */
export function fromWallClock(
  fields: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  },
  zone: string,
): number {
  const guess = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
    fields.millisecond ?? 0,
  );
  const first = offsetMinutes(guess, zone);
  const candidate = guess - first * 60000;
  const second = offsetMinutes(candidate, zone);
  const result = second === first ? candidate : guess - second * 60000;
  // Offsets with seconds (local mean time before 1900, e.g. +7:06:40 in Asia/Ho_Chi_Minh on
  // Sheets' day zero 1899-12-30): correct by what the wall clock of the result actually shows.
  let t = result;
  for (let i = 0; i < 2; i++) {
    const w = toWallClock(t, zone);
    const diff = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - guess;
    if (diff === 0) return t;
    if (Math.abs(diff) >= 60000) return result;
    t -= diff;
  }
  return result;
}

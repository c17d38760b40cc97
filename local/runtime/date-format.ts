/**
 * Java SimpleDateFormat patterns, as Utilities.formatDate takes them: G y Y M L d D E u a H k K h
 * m s S z Z X, 'quoted text' and '' for a literal apostrophe. English month and day names.
 */
import { messages, ServiceError } from './errors';
import { offsetMinutes, toWallClock } from './timezone';

/** English month and weekday names, as Java's formats and Sheets' number formats print them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const tokenCache = new Map<string, Token[]>();

/** Splits a SimpleDateFormat pattern into literal text and letter runs. */
function tokenize(pattern: string): Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern[i];
        i++;
      }
      i++; // closing quote (an unterminated quote runs to the end, as Java would reject; keep lenient)
      tokens.push({ kind: 'literal', text });
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      if (!'GyYMLdDEuaHkKhmsSzZX'.includes(ch)) throw new ServiceError(messages.illegalPatternCharacter(ch));
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i++;
  }
  tokenCache.set(pattern, tokens);
  return tokens;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X1') return `${sign}${h}`;
  if (style === 'X3') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

function zoneName(ms: number, zone: string, long: boolean): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName');
    const name = parts?.value ?? 'GMT';
    // Intl writes unnamed zones as "GMT+7"; Java writes them as "GMT+07:00".
    const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
    if (m) return `GMT${m[1]}${pad(Number(m[2]), 2)}:${m[3] ?? '00'}`;
    return name;
  } catch {
    return 'GMT';
  }
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
}

/** Formats `date` in `zone` with a Java SimpleDateFormat `pattern`, like Utilities.formatDate. */
export function formatJavaDate(date: Date, zone: string, pattern: string): string {
  const ms = date.getTime();
  const w = toWallClock(ms, zone);
  let out = '';
  for (const t of tokenize(pattern)) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const { letter, count } = t;
    switch (letter) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
        break;
      case 'M':
      case 'L':
        if (count >= 4) out += MONTHS[w.month - 1];
        else if (count === 3) out += (MONTHS[w.month - 1] as string).slice(0, 3);
        else out += pad(w.month, count);
        break;
      case 'd':
        out += pad(w.day, count);
        break;
      case 'D':
        out += pad(dayOfYear(w.year, w.month, w.day), count);
        break;
      case 'E':
        out += count >= 4 ? DAYS[w.weekday] : (DAYS[w.weekday] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, count);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, count);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, count);
        break;
      case 'K':
        out += pad(w.hour % 12, count);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
        break;
      case 'm':
        out += pad(w.minute, count);
        break;
      case 's':
        out += pad(w.second, count);
        break;
      case 'S':
        out += pad(w.millisecond, count);
        break;
      case 'z':
        out += zoneName(ms, zone, count >= 4);
        break;
      case 'Z':
        out += formatOffset(offsetMinutes(ms, zone), 'Z');
        break;
      case 'X':
        out += formatOffset(offsetMinutes(ms, zone), count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
        break;
    }
  }
  return out;
}

/**
 * The geometry of the sidebar's inline charts, without a DOM (so Node tests check it): bars proportional
 * to their values, labels cut on letters, the "Khác" bar, a share and its minimum. charts.ts draws it.
 */
import { formatNumber } from './i18n';

/**
 * One bar: `label` on its own line above the bar (the whole width of the sidebar for the name, so names
 * stay readable at 300 px), `valueText` (default: the number, Vietnamese) right after the bar.
 */
export interface Bar {
  label: string;
  value: number;
  valueText?: string;
  /** The bar's tooltip (default: the full label and the value text). */
  title?: string;
  /** Drawn grey: "Khác", "Chưa rõ". */
  muted?: boolean;
  /** Kept as data-key on the bar's group (a unit's code). */
  key?: string;
}

export interface BarOptions {
  /** viewBox width (the SVG itself takes the width of its box). */
  width?: number;
  /** Room kept right of the longest bar for its value text (more when a value text is longer). */
  valueWidth?: number;
  rowHeight?: number;
  /** Labels longer than this many characters are cut with "…" (the full one is in the bar's <title>). */
  maxLabelChars?: number;
}

export interface BarRow {
  label: string;
  full: string;
  value: number;
  valueText: string;
  title: string;
  muted: boolean;
  key?: string;
  /** Top of the row. */
  y: number;
  barWidth: number;
}

export interface BarLayout {
  width: number;
  height: number;
  plotWidth: number;
  rowHeight: number;
  /** Within a row: the middle of the label's line, the top of the bar and its height. */
  labelY: number;
  barY: number;
  barHeight: number;
  max: number;
  rows: BarRow[];
}

export const DEFAULT_WIDTH = 276;

/**
 * At 11 px a Vietnamese letter is about 6–7 px wide: 36 letters fill the 276 px line (the browser test
 * checks that the longest allowed label ends inside the chart).
 */
const DEFAULTS: Required<BarOptions> = {
  width: DEFAULT_WIDTH,
  valueWidth: 88,
  rowHeight: 30,
  maxLabelChars: 36,
};

/** A count: finite and at least 0 (anything else draws as 0). */
function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * A label of at most `max` characters (letters as one reads them: composed first, so a name typed in
 * decomposed form (NFD) is not cut between a letter and its tone mark), "…" at the end when cut.
 */
export function cutLabel(label: string, max: number): string {
  const chars = Array.from(label.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  let end = Math.max(1, max - 1);
  // A combining mark still left (a letter with no composed form) stays with its letter.
  while (end > 1 && /\p{M}/u.test(chars[end] ?? '')) end--;
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

/**
 * A generous estimate of a text's width at 11 px (measured in Chromium: a 6.75, m 10.7, Đ 8.5, Ơ 10, % 10.5,
 * @ 11, — 11, 😀 11.5, … 11; capitals and m, w are wide, spaces narrow): a label
 * of small letters keeps its 36 letters, one in capitals is cut sooner so that it still ends in the chart.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text.normalize('NFC')) {
    if (/\p{M}/u.test(c)) continue;
    const code = c.codePointAt(0) ?? 0;
    if (c === ' ') w += 3.5;
    else if (c === '…') w += 11;
    else if (/[%@]/.test(c)) w += 12;
    // Capitals with a horn (Ơ 10, Ư 9.5 px measured) are wider than other capitals.
    else if (/[mwMW]/.test(c) || (c !== c.toLowerCase() && c.normalize('NFD').includes('\u031B'))) w += 11;
    // Beyond Latin and Vietnamese (dashes, symbols, emoji, other scripts): as wide as the widest.
    else if (code > 0x24f && (code < 0x1e00 || code > 0x1eff) && (code < 0x2018 || code > 0x201f)) w += 14;
    else w += c !== c.toLowerCase() ? 9 : 7;
  }
  return w;
}

/** cutLabel, then shorter while its estimated width exceeds `width`. */
function fitLabel(label: string, max: number, width: number): string {
  let n = max;
  let cut = cutLabel(label, n);
  while (n > 2 && textWidth(cut) > width) cut = cutLabel(label, --n);
  return cut;
}

/** Bars proportional to their values: the largest fills the plot, 0 draws nothing, no value gives no NaN. */
export function layoutBars(bars: readonly Bar[], options: BarOptions = {}): BarLayout {
  const o = { ...DEFAULTS, ...options };
  // Room for the longest value text (estimated as the labels are), at least valueWidth, at most half.
  const longest = bars.reduce((n, b) => Math.max(n, textWidth(b.valueText ?? formatNumber(b.value))), 0);
  const valueWidth = Math.min(o.width / 2, Math.max(o.valueWidth, Math.ceil(longest) + 6));
  const plotWidth = Math.max(1, o.width - valueWidth);
  const max = bars.reduce((m, b) => Math.max(m, count(b.value)), 0);
  const rows = bars.map((b, i): BarRow => {
    const value = count(b.value);
    // The figure as given (a negative Số chính thức is shown as it is, with no bar), never a made-up 0.
    const valueText = b.valueText ?? (Number.isFinite(b.value) ? formatNumber(b.value) : '–');
    const full = b.label;
    return {
      label: fitLabel(full, o.maxLabelChars, o.width),
      full,
      value,
      valueText,
      title: b.title ?? `${full}: ${valueText}`,
      muted: b.muted === true,
      ...(b.key === undefined ? {} : { key: b.key }),
      y: i * o.rowHeight,
      barWidth: max > 0 ? round((value / max) * plotWidth) : 0,
    };
  });
  const barHeight = Math.max(4, Math.round(o.rowHeight / 3));
  return {
    width: o.width,
    height: bars.length * o.rowHeight,
    plotWidth,
    rowHeight: o.rowHeight,
    labelY: 8,
    barY: o.rowHeight - barHeight - 5,
    barHeight,
    max,
    rows,
  };
}

/** Two decimals: enough on screen, and the same number in the attribute the tests read. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The `n` largest items (already sorted, most first) and one muted "Khác" bar for the rest. */
export function topWithOther(
  items: readonly Bar[],
  n: number,
  other: (rest: readonly Bar[]) => { label: string; valueText?: string; title?: string },
): Bar[] {
  if (items.length <= n + 1) return [...items];
  const rest = items.slice(n);
  const value = rest.reduce((sum, b) => sum + count(b.value), 0);
  return [...items.slice(0, n), { ...other(rest), value, muted: true }];
}

export interface ShareLayout {
  width: number;
  height: number;
  trackWidth: number;
  fillWidth: number;
  /** x where the share's own figure ("34,0 %") is written, right of the track. */
  shareX: number;
  /** x of the minimum's mark; null: no minimum. */
  minimumX: number | null;
  below: boolean;
}

/** Room right of the track for the share's figure. */
const SHARE_TEXT_WIDTH = 52;

/**
 * A share (0…1) on a 0–100 % track, and where the configured minimum falls. `below` (default: the share
 * under the minimum) is the verdict when the caller has it from the rule itself (the check counts over
 * the delegates whose gender is known, not over every delegate the share is of).
 */
export function layoutShare(
  share: number,
  minimum: number | null,
  width = DEFAULT_WIDTH,
  below?: boolean,
): ShareLayout {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
  const trackWidth = width - 2 - SHARE_TEXT_WIDTH;
  const min = minimum === null || !Number.isFinite(minimum) ? null : clamp(minimum);
  return {
    width,
    height: min === null ? 18 : 34,
    trackWidth,
    fillWidth: round(clamp(share) * trackWidth),
    shareX: width - SHARE_TEXT_WIDTH + 6,
    minimumX: min === null ? null : round(1 + min * trackWidth),
    below: min !== null && (below ?? clamp(share) < min),
  };
}

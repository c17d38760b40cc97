/**
 * Small charts of the sidebar drawn as inline SVG: no chart library, nothing fetched. The geometry is
 * computed by pure functions (layoutBars, layoutShare: testable without a DOM); the SVG is then built
 * with createElementNS and every name goes in through textContent, never as markup (a unit or a group
 * can be named `<script>`, `&` or with quotes). Each chart is an image for assistive technologies
 * (role="img", a <title>, an aria-label summing it up); each bar keeps its full name and figure in its
 * own <title> (the tooltip), as a long name is cut on screen. Colours are readable on white, and
 * styles.css gives them system colours in forced-colours (high-contrast) mode.
 */
import { formatNumber, formatShare } from './i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One bar: `label` on the left, `valueText` (default: the number, Vietnamese) on the right. */
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
  labelWidth?: number;
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
  y: number;
  barWidth: number;
}

export interface BarLayout {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  rowHeight: number;
  max: number;
  rows: BarRow[];
}

const DEFAULTS: Required<BarOptions> = {
  width: 276,
  labelWidth: 104,
  valueWidth: 68,
  rowHeight: 20,
  maxLabelChars: 18,
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

/** Bars proportional to their values: the largest fills the plot, 0 draws nothing, no value gives no NaN. */
export function layoutBars(bars: readonly Bar[], options: BarOptions = {}): BarLayout {
  const o = { ...DEFAULTS, ...options };
  const plotX = o.labelWidth;
  const plotWidth = Math.max(1, o.width - o.labelWidth - o.valueWidth);
  const max = bars.reduce((m, b) => Math.max(m, count(b.value)), 0);
  const rows = bars.map((b, i): BarRow => {
    const value = count(b.value);
    const valueText = b.valueText ?? formatNumber(value);
    const full = b.label;
    return {
      label: cutLabel(full, o.maxLabelChars),
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
  return { width: o.width, height: bars.length * o.rowHeight, plotX, plotWidth, rowHeight: o.rowHeight, max, rows };
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

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

function frame(width: number, height: number, title: string, summary: string, kind: string): SVGSVGElement {
  const root = svg('svg', {
    class: `chart chart-${kind}`,
    viewBox: `0 0 ${width} ${Math.max(height, 1)}`,
    width: '100%',
    role: 'img',
    'aria-label': summary,
    focusable: 'false',
    'data-chart': kind,
  });
  root.append(svg('title', {}, title));
  return root;
}

export interface ChartText {
  /** The chart's <title>. */
  title: string;
  /** Its aria-label: what a reader should take from it, in one sentence. */
  summary: string;
}

/** A horizontal bar chart, one row per bar, as tall as its rows (scroll its box for long lists). */
export function barChart(bars: readonly Bar[], text: ChartText, options: BarOptions = {}): SVGSVGElement {
  const l = layoutBars(bars, options);
  const root = frame(l.width, l.height, text.title, text.summary, 'bars');
  const barHeight = Math.round(l.rowHeight * 0.65);
  const middle = l.rowHeight / 2;
  for (const row of l.rows) {
    const g = svg('g', { class: row.muted ? 'chart-row muted' : 'chart-row', transform: `translate(0 ${row.y})` });
    if (row.key !== undefined) g.setAttribute('data-key', row.key);
    g.append(
      svg('title', {}, row.title),
      svg('text', { class: 'chart-label', x: 0, y: middle, 'dominant-baseline': 'central' }, row.label),
      svg('rect', {
        class: 'chart-bar',
        x: l.plotX,
        y: (l.rowHeight - barHeight) / 2,
        width: row.barWidth,
        height: barHeight,
        fill: row.muted ? '#5f6368' : '#1a73e8',
        'data-value': row.value,
      }),
      svg(
        'text',
        { class: 'chart-value', x: l.plotX + row.barWidth + 4, y: middle, 'dominant-baseline': 'central' },
        row.valueText,
      ),
    );
    root.append(g);
  }
  return root;
}

export interface ShareLayout {
  width: number;
  height: number;
  trackWidth: number;
  fillWidth: number;
  /** x of the minimum's mark; null: no minimum. */
  minimumX: number | null;
  below: boolean;
}

/** A share (0…1) on a 0–100 % track, and where the configured minimum falls. */
export function layoutShare(share: number, minimum: number | null, width = DEFAULTS.width): ShareLayout {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
  const trackWidth = width - 2;
  const min = minimum === null || !Number.isFinite(minimum) ? null : clamp(minimum);
  return {
    width,
    height: min === null ? 18 : 34,
    trackWidth,
    fillWidth: round(clamp(share) * trackWidth),
    minimumX: min === null ? null : round(1 + min * trackWidth),
    below: min !== null && clamp(share) < min,
  };
}

/** One share as a filled track, with the minimum marked (and its figure under the mark) when there is one. */
export function shareChart(
  share: number,
  minimum: number | null,
  text: ChartText & { minimumLabel?: string },
): SVGSVGElement {
  const l = layoutShare(share, minimum);
  const root = frame(l.width, l.height, text.title, text.summary, 'share');
  root.append(
    svg('rect', { class: 'chart-track', x: 1, y: 1, width: l.trackWidth, height: 14, fill: '#fff', stroke: '#5f6368' }),
    svg('rect', {
      class: l.below ? 'chart-bar below' : 'chart-bar',
      x: 1,
      y: 1,
      width: l.fillWidth,
      height: 14,
      fill: l.below ? '#b06000' : '#1a73e8',
      'data-value': share,
    }),
  );
  if (l.minimumX !== null && minimum !== null) {
    root.append(
      svg('line', {
        class: 'chart-minimum',
        x1: l.minimumX,
        x2: l.minimumX,
        y1: 0,
        y2: 18,
        stroke: '#202124',
        'stroke-width': 2,
      }),
    );
    const anchor = l.minimumX < l.width * 0.25 ? 'start' : l.minimumX > l.width * 0.75 ? 'end' : 'middle';
    root.append(
      svg(
        'text',
        { class: 'chart-value', x: l.minimumX, y: 28, 'text-anchor': anchor, 'dominant-baseline': 'central' },
        text.minimumLabel ?? formatShare(minimum),
      ),
    );
  }
  return root;
}

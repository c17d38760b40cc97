/**
 * Small charts of the sidebar drawn as inline SVG: no chart library, nothing fetched. The geometry is
 * computed in chartLayout.ts (pure, tested without a DOM); the SVG is then built
 * with createElementNS and every name goes in through textContent, never as markup (a unit or a group
 * can be named `<script>`, `&` or with quotes). Each chart is an image for assistive technologies
 * (role="img", a <title>, an aria-label summing it up); each bar keeps its full name and figure in its
 * own <title> (the tooltip), as a long name is cut on screen. Colours are readable on white, and
 * styles.css gives them system colours in forced-colours (high-contrast) mode.
 */
import { type Bar, type BarOptions, layoutBars, layoutShare } from './chartLayout';
import { formatShare } from './i18n';

export type { Bar, BarOptions } from './chartLayout';
export { cutLabel, layoutBars, layoutShare, topWithOther } from './chartLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';

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
  for (const row of l.rows) {
    const g = svg('g', { class: row.muted ? 'chart-row muted' : 'chart-row', transform: `translate(0 ${row.y})` });
    if (row.key !== undefined) g.setAttribute('data-key', row.key);
    const barMiddle = l.barY + l.barHeight / 2;
    g.append(
      svg('title', {}, row.title),
      svg('text', { class: 'chart-label', x: 0, y: l.labelY, 'dominant-baseline': 'central' }, row.label),
      svg('rect', {
        class: 'chart-bar',
        x: 0,
        y: l.barY,
        width: row.barWidth,
        height: l.barHeight,
        fill: row.muted ? '#5f6368' : '#1a73e8',
        'data-value': row.value,
      }),
      svg(
        'text',
        { class: 'chart-value', x: row.barWidth + 4, y: barMiddle, 'dominant-baseline': 'central' },
        row.valueText,
      ),
    );
    root.append(g);
  }
  return root;
}

/** One share as a filled track and its figure, with the minimum marked (and its figure under the mark) when there is one. */
export function shareChart(
  share: number,
  minimum: number | null,
  text: ChartText & { minimumLabel?: string; below?: boolean; decimals?: number },
): SVGSVGElement {
  const l = layoutShare(share, minimum, undefined, text.below);
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
    svg(
      'text',
      { class: 'chart-share', x: l.shareX, y: 8, 'dominant-baseline': 'central' },
      formatShare(share, text.decimals),
    ),
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
        text.minimumLabel ?? formatShare(minimum, text.decimals),
      ),
    );
  }
  return root;
}

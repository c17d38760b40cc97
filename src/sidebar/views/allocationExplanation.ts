/**
 * "Cách tính" under a finished allocation: the method and the summary sentences, then every unit by name
 * with why it got its number (the same text as the `Cách tính` column of `Phân bổ`), folded in a
 * <details> so a province of hundreds of communes stays readable; and the seats of every unit as a bar
 * chart (names, in the order of the `Phân bổ` table), one row per unit in a box that scrolls, so 150 or
 * 3,000 units stay readable at 300 px. A failed allocation shows nothing here: its message alone says why.
 */
import type { AllocationResultDto, AllocationRowDto } from '../../rpc/contract';
import { barChart, cutLabel } from '../charts';
import { type Child, h } from '../dom';
import { CHARTS, type Strings } from '../i18n';

/** One unit of the chart: an allocation row, or a row of `Phân bổ` as compositionSummary reads it (no quota). */
export type ChartUnit = Pick<AllocationRowDto, 'code' | 'name' | 'final'> & {
  quota?: number;
  /** Số chính thức holds text that is not a number: shown as typed, no bar, in no sum. */
  typed?: string;
};

/** The allocation as bars: one per unit, its final number (Số chính thức), by name, in the table's order. */
export function allocationChart(rows: readonly ChartUnit[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const c = CHARTS;
  let most: ChartUnit | null = null;
  let least: ChartUnit | null = null;
  let total = 0;
  let typed = 0;
  for (const row of rows) {
    if (row.typed !== undefined) {
      typed++;
      continue;
    }
    total += row.final;
    if (!most || row.final > most.final) most = row;
    if (!least || row.final < least.final) least = row;
  }
  const person = (r: ChartUnit | null) => (r ? { name: r.name || r.code, seats: r.final } : null);
  const chart = barChart(
    rows.map((r) =>
      r.typed === undefined
        ? {
            label: r.name || r.code,
            value: r.final,
            key: r.code,
            title: c.allocationUnitTitle(r.name || r.code, r.final, r.quota),
          }
        : {
            label: r.name || r.code,
            value: Number.NaN,
            valueText: cutLabel(r.typed, 14),
            key: r.code,
            title: c.allocationTypedTitle(r.name || r.code, r.typed),
          },
    ),
    {
      title: c.allocationTitle,
      summary: c.allocationSummary(rows.length, total, person(most), person(least)) + c.allocationTyped(typed),
    },
    { valueWidth: 40, rowHeight: 28 },
  );
  return h(
    'details',
    { class: 'allocation-chart', open: rows.length <= 40, 'data-chart-of': 'allocation' },
    h('summary', null, c.allocationCaption(rows.length)),
    h('div', { class: 'chart-scroll', tabindex: 0, role: 'region', 'aria-label': c.allocationRegion }, chart),
  );
}

export function allocationExplanation(r: AllocationResultDto): ((s: Strings) => Child) | undefined {
  if (!r.ok) return undefined;
  const lines = [...(r.methodName ? [r.methodName] : []), ...r.explanation];
  const units = r.rows.filter((row) => row.reason);
  const chart = allocationChart(r.rows);
  if (lines.length === 0 && units.length === 0 && !chart) return undefined;
  return (s) =>
    h(
      'div',
      { class: 'explain' },
      h('div', { class: 'explain-title' }, s.explanation),
      h(
        'ul',
        null,
        lines.map((l) => h('li', null, l)),
      ),
      units.length > 0
        ? h(
            'details',
            { class: 'explain-units' },
            h('summary', null, s.explanationUnits(units.length)),
            h(
              'ul',
              null,
              units.map((row) =>
                h('li', { 'data-code': row.code }, h('span', { class: 'explain-unit' }, row.name), ': ', row.reason),
              ),
            ),
          )
        : null,
      chart,
    );
}

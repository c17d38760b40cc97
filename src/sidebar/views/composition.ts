/**
 * "Cơ cấu đại biểu": the key figures of compositionSummary (official delegates by group, women, age
 * bands, the oldest and the youngest, groups without a delegate). A closed <details>: counted when
 * opened, and again with "Đếm lại". Kept out of the sidebar's re-render (it holds its own figures).
 */
import type { CompositionSummaryDto } from '../../rpc/contract';
import { type Bar, barChart, shareChart, topWithOther } from '../charts';
import { type Child, fill, h } from '../dom';
import { CHARTS, formatNumber, formatShare, shareDecimals, T } from '../i18n';
import { call } from '../rpc';
import { allocationChart } from './allocationExplanation';

function figure(label: string, value: Child): HTMLElement {
  return h('div', { class: 'composition-figure' }, h('dt', null, label), h('dd', null, value));
}

/** Groups shown by name before the rest are summed as "Khác". */
export const TOP_GROUPS = 6;

function chartFigure(kind: string, caption: string, chart: Element, note?: Child): HTMLElement {
  return h('figure', { class: 'chart-figure', 'data-chart-of': kind }, h('figcaption', null, caption), chart, note);
}

/** The allocation as `Phân bổ` holds it (Số chính thức), whenever there is one: the same bars as after allocating. */
function allocationOfSheet(s: CompositionSummaryDto): HTMLElement | null {
  const chart = allocationChart(
    (s.allocation ?? []).map((r) => ({
      code: r.code,
      name: r.name,
      final: r.seats,
      ...(r.typed === undefined ? {} : { typed: r.typed }),
    })),
  );
  return (
    chart && h('div', { class: 'composition-allocation' }, h('p', { class: 'muted' }, CHARTS.allocationOfSheet), chart)
  );
}

/** The three small charts: by group (top groups + "Khác"), women's share (with the minimum), age bands. */
export function compositionCharts(s: CompositionSummaryDto): HTMLElement {
  const c = CHARTS;
  const share = (n: number) => (s.total > 0 ? n / s.total : 0);
  const countShare = (n: number, sh: number) => `${formatNumber(n)} (${formatShare(sh)})`;
  const groups: Bar[] = s.byEthnicGroup.map((g) => ({
    label: g.group,
    value: g.count,
    valueText: countShare(g.count, g.share),
  }));
  const groupBars = topWithOther(groups, TOP_GROUPS, (rest) => {
    const n = rest.reduce((sum, b) => sum + b.value, 0);
    return {
      label: c.other(rest.length),
      valueText: countShare(n, share(n)),
      title: c.otherTitle(
        rest.map((b) => b.label),
        n,
        share(n),
      ),
    };
  });
  if (s.ethnicUnknown > 0)
    groupBars.push({
      label: c.ethnicUnknown,
      value: s.ethnicUnknown,
      valueText: countShare(s.ethnicUnknown, share(s.ethnicUnknown)),
      muted: true,
    });
  const ages: Bar[] = s.ageBands.map((b) => ({
    label: b.label,
    value: b.count,
    valueText: countShare(b.count, b.share),
  }));
  if (s.ageUnknown > 0)
    ages.push({
      label: c.ageUnknown,
      value: s.ageUnknown,
      valueText: countShare(s.ageUnknown, share(s.ageUnknown)),
      muted: true,
    });
  const minimum = s.minWomenShare ?? null;
  // The verdict of "Kiểm tra dữ liệu" (checks/structure.ts): the share over the delegates whose gender is
  // known, with the same tolerance, so the chart never says "chưa đạt" where the check finds it met.
  // No gender known at all: no verdict (null), neither "đã đạt" nor "chưa đạt".
  const known = s.total - s.genderUnknown;
  const below = minimum === null || known <= 0 ? null : s.women.count < minimum * known - 1e-9;
  // The share and the minimum never print alike when they differ ("29,97 %" against "30,00 %").
  const decimals = shareDecimals(s.women.share, minimum);
  return h(
    'div',
    { class: 'composition-charts' },
    groupBars.length > 0
      ? chartFigure(
          'groups',
          c.groupsTitle,
          barChart(groupBars, {
            title: c.groupsTitle,
            summary: c.groupsSummary(s.total, s.byEthnicGroup.length, s.byEthnicGroup.slice(0, 3)),
          }),
        )
      : null,
    chartFigure(
      'women',
      c.womenTitle,
      shareChart(s.women.share, minimum, {
        title: c.womenTitle,
        summary: c.womenSummary(s.women.count, s.women.share, minimum, below, s.genderUnknown, decimals),
        below: below === true,
        decimals,
        ...(minimum === null ? {} : { minimumLabel: c.womenMinimum(minimum, decimals) }),
      }),
      // The verdict in words, not by colour alone (lost in high-contrast mode, unseen by some readers).
      minimum === null && s.genderUnknown === 0
        ? null
        : h(
            'p',
            { class: 'chart-note', 'data-verdict': below === null ? 'unknown' : below ? 'below' : 'met' },
            minimum === null ? null : h('strong', null, c.womenVerdict(below)),
            minimum !== null && s.genderUnknown > 0 ? ' ' : null,
            s.genderUnknown > 0 ? h('span', { class: 'muted' }, c.genderUnknown(s.genderUnknown)) : null,
          ),
    ),
    ages.length > 0
      ? chartFigure('ages', c.agesTitle, barChart(ages, { title: c.agesTitle, summary: c.agesSummary(s.ageBands) }))
      : null,
  );
}

/** The figures of one summary. */
export function compositionFigures(s: CompositionSummaryDto): HTMLElement {
  const t = T;
  const top = s.byEthnicGroup[0];
  const rows: Child[] = [
    h('p', { class: 'composition-message' }, s.message),
    ...s.notes.map((n) => h('p', { class: 'notice tone-warn' }, n)),
  ];
  if (!s.ok) return h('div', { 'data-composition': 'figures' }, ...rows, allocationOfSheet(s));
  rows.push(
    h(
      'dl',
      { class: 'composition-list' },
      figure(t.compositionTotal, [formatNumber(s.total), ' · ', t.compositionGuests(s.guests)]),
      figure(t.compositionWomen, t.compositionCountShare(s.women.count, s.women.share)),
      figure(t.compositionGroups, formatNumber(s.byEthnicGroup.length)),
      top ? figure(t.compositionTopGroup, `${top.group}: ${t.compositionCountShare(top.count, top.share)}`) : null,
      s.partyMembers
        ? figure(t.compositionParty, t.compositionCountShare(s.partyMembers.count, s.partyMembers.share))
        : null,
      figure(
        t.compositionAges,
        h(
          'ul',
          { class: 'composition-bands' },
          ...s.ageBands.map((b) => h('li', null, `${b.label}: ${t.compositionCountShare(b.count, b.share)}`)),
          s.ageUnknown > 0 ? h('li', { class: 'muted' }, t.compositionAgeUnknown(s.ageUnknown)) : null,
        ),
      ),
      s.oldest
        ? figure(t.compositionOldest, t.compositionPerson(s.oldest.name, s.oldest.age, s.oldest.group, s.oldest.unit))
        : null,
      s.youngest
        ? figure(
            t.compositionYoungest,
            t.compositionPerson(s.youngest.name, s.youngest.age, s.youngest.group, s.youngest.unit),
          )
        : null,
    ),
    s.groupsWithoutDelegate.length > 0
      ? h(
          'p',
          { 'data-composition': 'without' },
          `${t.compositionWithout}: ${s.groupsWithoutDelegate.map((g) => g.group).join(', ')}.`,
        )
      : h('p', { class: 'muted', 'data-composition': 'without' }, t.compositionWithoutNone),
    s.total > 0 ? compositionCharts(s) : null,
    allocationOfSheet(s),
  );
  return h('div', { 'data-composition': 'figures' }, ...rows);
}

let outdated = (): void => undefined;

/** The figures shown are out of date (main.ts, after an action that writes `Phân bổ` or `Đại biểu`). */
export function compositionOutdated(): void {
  outdated();
}

/** The section; counts the first time it is opened. */
export function compositionSection(): HTMLElement {
  const t = T;
  const body = h('div', { class: 'composition-body' });
  let loaded = false;
  // Counts the loads: only the newest answer is shown ("Đếm lại" twice; google.script.run keeps no order).
  let seq = 0;
  const load = async () => {
    loaded = true;
    const mine = ++seq;
    fill(body, h('p', { class: 'muted' }, t.compositionLoading));
    let shown: Child;
    try {
      shown = compositionFigures(await call('compositionSummary'));
    } catch (e) {
      shown = h('p', { class: 'notice tone-error' }, `${t.compositionFailed} ${(e as Error).message}`);
    }
    if (mine === seq) fill(body, shown);
  };
  const refresh = h(
    'button',
    { type: 'button', class: 'link', 'aria-label': t.compositionRefreshLabel, 'data-key': 'composition-refresh' },
    t.compositionRefresh,
  );
  refresh.addEventListener('click', () => void load());
  // "Cập nhật trang Thống kê": the add-in's own sheet of tables and native charts (writeStatistics).
  const statisticsStatus = h('p', { class: 'muted', 'data-composition': 'statistics-status', role: 'status' });
  const writeStatistics = h(
    'button',
    { type: 'button', class: 'link', 'aria-label': t.statisticsWriteLabel, 'data-key': 'statistics-write' },
    t.statisticsWrite,
  );
  writeStatistics.addEventListener('click', async () => {
    (writeStatistics as HTMLButtonElement).disabled = true;
    fill(statisticsStatus, t.statisticsWriting);
    try {
      fill(statisticsStatus, (await call('writeStatistics')).message);
    } catch (e) {
      fill(statisticsStatus, `${t.statisticsFailed} ${(e as Error).message}`);
    } finally {
      (writeStatistics as HTMLButtonElement).disabled = false;
    }
  });
  const details = h(
    'details',
    { class: 'section composition', 'data-section': 'composition' },
    h('summary', null, h('h2', { id: 'h-composition', class: 'about-title' }, t.composition)),
    body,
    refresh,
    writeStatistics,
    statisticsStatus,
  );
  details.addEventListener('toggle', () => {
    if (details.open && !loaded) void load();
  });
  // An action changed the figures (an allocation made or undone): counted again now if open, else when opened.
  outdated = () => {
    loaded = false;
    if (details.open) void load();
  };
  return details;
}

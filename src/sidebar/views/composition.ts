/**
 * "Cơ cấu đại biểu": the key figures of compositionSummary (official delegates by group, women, age
 * bands, the oldest and the youngest, groups without a delegate). A closed <details>: counted when
 * opened, and again with "Đếm lại". Kept out of the sidebar's re-render (it holds its own figures).
 */
import type { CompositionSummaryDto } from '../../rpc/contract';
import { type Child, fill, h } from '../dom';
import { formatNumber, T } from '../i18n';
import { call } from '../rpc';

function figure(label: string, value: Child): HTMLElement {
  return h('div', { class: 'composition-figure' }, h('dt', null, label), h('dd', null, value));
}

/** The figures of one summary. */
export function compositionFigures(s: CompositionSummaryDto): HTMLElement {
  const t = T;
  const top = s.byEthnicGroup[0];
  const rows: Child[] = [
    h('p', { class: 'composition-message' }, s.message),
    ...s.notes.map((n) => h('p', { class: 'notice tone-warn' }, n)),
  ];
  if (!s.ok) return h('div', { 'data-composition': 'figures' }, ...rows);
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
  );
  return h('div', { 'data-composition': 'figures' }, ...rows);
}

/** The section; counts the first time it is opened. */
export function compositionSection(): HTMLElement {
  const t = T;
  const body = h('div', { class: 'composition-body' });
  let loaded = false;
  const load = async () => {
    loaded = true;
    fill(body, h('p', { class: 'muted' }, t.compositionLoading));
    try {
      fill(body, compositionFigures(await call('compositionSummary')));
    } catch (e) {
      fill(body, h('p', { class: 'notice tone-error' }, `${t.compositionFailed} ${(e as Error).message}`));
    }
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
  return details;
}

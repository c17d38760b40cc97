/**
 * "Vấn đề cần xử lý": the problems of the last run, grouped by sheet, filtered by severity. Each
 * problem with a cell is a button that selects the cell. At most PROBLEM_LIMIT are rendered.
 */
import type { ProblemDto } from '../../rpc/contract';
import { type Child, h } from '../dom';
import { formatDateTime, formatNumber } from '../i18n';
import { groupProblems } from '../model';
import type { Filter, ViewContext } from '../state';

function problemItem(ctx: ViewContext, p: ProblemDto, key: string): HTMLElement {
  const { t, state } = ctx;
  const content: Child[] = [
    h(
      'span',
      { class: 'problem-top' },
      h('span', { class: `sev sev-${p.severity}` }, p.severity === 'error' ? t.error : t.warning),
      h('span', { class: 'cell' }, p.cell || t.noCell),
    ),
    h('span', { class: 'problem-msg' }, p.message),
    p.suggestion ? h('span', { class: 'problem-hint' }, p.suggestion) : null,
  ];
  if (!p.cell) return h('li', null, h('div', { class: `problem static sev-line-${p.severity}` }, content));
  const selected = state.selected === key;
  return h(
    'li',
    null,
    h(
      'button',
      {
        type: 'button',
        class: `problem sev-line-${p.severity}${selected ? ' is-selected' : ''}`,
        'data-key': key,
        'data-sheet': p.sheet,
        'data-cell': p.cell,
        'aria-current': selected ? 'true' : null,
        title: t.goToCell(p.sheet, p.cell),
        onclick: () => ctx.select(p, key),
      },
      content,
    ),
  );
}

/** The "Vấn đề" section (always present: it explains how to fill it when empty). */
export function problemsView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const ps = state.problems;
  const body: Child[] = [];
  let count: Child = null;
  if (state.problemsError) {
    body.push(h('p', { class: 'notice tone-error' }, `${t.problemsRestoreFailed} ${state.problemsError}`));
  }
  if (!ps) {
    const beforeSetup = state.overview?.checklist?.some((s) => s.key === 'setup' && !s.done);
    body.push(
      h(
        'p',
        { class: 'muted' },
        state.problemsLoading ? t.problemsLoading : beforeSetup ? t.problemsBeforeSetup : t.problemsEmpty,
      ),
    );
  } else {
    // validateAll sends the first problems only (errors first) with the counts of all of them.
    const shownErrors = ps.items.filter((p) => p.severity === 'error').length;
    const errors = Math.max(ps.errors ?? 0, shownErrors);
    const warnings = Math.max(ps.warnings ?? 0, ps.items.length - shownErrors);
    const total = errors + warnings;
    const notSent =
      state.filter === 'all'
        ? total - ps.items.length
        : state.filter === 'error'
          ? errors - shownErrors
          : warnings - (ps.items.length - shownErrors);
    count = h('span', { class: 'count' }, formatNumber(total));
    const when = formatDateTime(ps.at);
    body.push(
      h('p', { class: 'muted source' }, when ? `${t.problemsFrom[ps.source]} · ${when}` : t.problemsFrom[ps.source]),
    );
    // The list is the last validation's: say so when the data changed since.
    if (ps.source === 'validateAll' && ps.at === state.overview?.validation.at && state.overview?.validation.changed) {
      body.push(h('p', { class: 'notice tone-warn', 'data-key': 'problems-changed' }, t.problemsChanged));
    } else if (
      ps.source === 'validateAll' &&
      ps.at === state.overview?.validation.at &&
      state.overview?.validation.outdated
    ) {
      body.push(h('p', { class: 'notice tone-warn', 'data-key': 'problems-outdated' }, t.problemsOutdated));
    }
    // `Kiểm tra` was deleted or cleared since: say so, rather than "nothing at this level" under the counts.
    if (ps.incomplete) body.push(h('p', { class: 'notice tone-warn', 'data-key': 'problems-lost' }, t.problemsLost));
    if (total === 0) {
      body.push(h('p', { class: 'notice tone-ok' }, t.problemsNone));
    } else {
      const chip = (filter: Filter, label: string, n: number) =>
        h(
          'button',
          {
            type: 'button',
            class: `chip chip-${filter}`,
            'data-key': `filter-${filter}`,
            'aria-pressed': state.filter === filter ? 'true' : 'false',
            onclick: () => ctx.setFilter(filter),
          },
          label,
          h('span', { class: 'chip-count' }, formatNumber(n)),
        );
      body.push(
        h(
          'div',
          { class: 'chips', role: 'group', 'aria-label': t.filter },
          chip('all', t.all, total),
          chip('error', t.errorsChip, errors),
          chip('warning', t.warningsChip, warnings),
        ),
      );
      const { groups, hidden, total: inFilter } = groupProblems(ps.items, state.filter);
      if (inFilter === 0 && !ps.incomplete) body.push(h('p', { class: 'muted' }, t.nothingInFilter));
      for (const g of groups) {
        const id = `g-${g.shown[0]?.index ?? 0}`;
        body.push(
          h(
            'div',
            { class: 'group', role: 'group', 'aria-labelledby': id },
            h(
              'h3',
              { class: 'group-head', id },
              h('span', { class: 'group-name' }, g.sheet),
              h('span', { class: 'count' }, formatNumber(g.total)),
            ),
            h(
              'ul',
              { class: 'problems' },
              g.shown.map(({ problem, index }) => problemItem(ctx, problem, `p-${index}`)),
            ),
          ),
        );
      }
      if (hidden + notSent > 0 && !ps.incomplete) body.push(h('p', { class: 'more' }, t.more(hidden + notSent)));
    }
  }
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-problems' },
    h('div', { class: 'section-head' }, h('h2', { id: 'h-problems' }, t.problems, count ? ' ' : null, count)),
    body,
  );
}

/** "Tổng quan": the header and the cards (allocation, validation, tasks, progress, lists received). */
import type { MilestoneDto, OverviewDto } from '../../rpc/contract';
import { type Child, h } from '../dom';
import { formatDateTime, formatNumber } from '../i18n';
import type { Tone, ViewContext } from '../state';

/** The province and the congress. */
export function headerView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const o = state.overview;
  return h(
    'header',
    { class: 'app-head' },
    h(
      'div',
      { class: 'app-title' },
      h('h1', null, o?.province || t.appTitle),
      h(
        'p',
        { class: 'app-sub' },
        o
          ? o.province
            ? t.congress(o.round, o.year)
            : o.configured === false
              ? t.notSetUp
              : t.noProvince
          : state.overviewError
            ? ''
            : t.loading,
      ),
    ),
  );
}

function card(
  tone: Tone | 'muted' | 'info',
  label: string,
  value: Child,
  sub: Child,
  status: Child,
  key: string,
): HTMLElement {
  return h(
    'div',
    { class: `card tone-${tone}`, 'data-card': key },
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value' }, value),
    h('div', { class: 'card-sub' }, sub),
    status ? h('div', { class: 'card-status' }, status) : null,
  );
}

/** The milestone the progress card shows: the congress itself when present, else the last one. */
export function headlineMilestone(progress: readonly MilestoneDto[]): MilestoneDto | undefined {
  return progress.find((m) => m.key === 'congress') ?? progress[progress.length - 1];
}

/** "9/11 huyện đã tổ chức Đại hội" without its leading count. */
function sentenceRest(m: MilestoneDto): string {
  const prefix = `${m.reached}/${m.total}`;
  return m.sentence.startsWith(prefix) ? m.sentence.slice(prefix.length).trim() : m.label;
}

function cards(ctx: ViewContext, o: OverviewDto): HTMLElement {
  const { t } = ctx;
  const a = o.allocation;
  const v = o.validation;
  const validated = v.at !== null;
  const head = headlineMilestone(o.progress);
  return h(
    'div',
    { class: 'cards' },
    // Before setup the figure would be the template's default, not the officer's: none is shown.
    o.configured === false
      ? card('muted', t.allocation, '—', t.notSetUpShort, null, 'allocation')
      : card(
          a.done ? 'ok' : 'warn',
          t.allocation,
          a.officialTotal > 0 ? formatNumber(a.officialTotal) : '—',
          t.seats,
          a.done ? t.allocated : t.notAllocated,
          'allocation',
        ),
    card(
      !validated ? 'muted' : v.errors > 0 ? 'error' : v.warnings > 0 ? 'warn' : 'ok',
      t.validation,
      validated ? t.errors(v.errors) : '—',
      validated ? (v.errors + v.warnings > 0 ? t.warnings(v.warnings) : t.noProblems) : t.notValidated,
      validated ? t.lastRun(formatDateTime(v.at)) : null,
      'validation',
    ),
    o.hasTasks === false
      ? card('muted', t.tasks, '—', t.notSetUpShort, null, 'tasks')
      : card(
          o.tasks.overdue > 0 ? 'error' : o.tasks.dueSoon > 0 ? 'warn' : 'ok',
          t.tasks,
          [formatNumber(o.tasks.overdue), ' ', h('span', { class: 'card-unit' }, t.overdue)],
          t.dueSoon(o.tasks.dueSoon),
          t.openTasks(o.tasks.open),
          'tasks',
        ),
    o.configured === false
      ? card('muted', t.progress, '—', t.notSetUpShort, null, 'progress')
      : head && head.total > 0
        ? card(
            head.total > 0 && head.reached >= head.total ? 'ok' : 'info',
            t.progress,
            `${head.reached}/${head.total}`,
            sentenceRest(head),
            null,
            'progress',
          )
        : card('muted', t.progress, '—', head?.sentence || t.noProgress, null, 'progress'),
    intakeCard(t, o),
  );
}

/** "Danh sách đại biểu": how many units have sent their list, and how many are late against the deadline. */
function intakeCard(t: ViewContext['t'], o: OverviewDto): HTMLElement | null {
  const i = o.intake;
  if (!i || o.configured === false || i.total === 0) return null;
  const tone = i.sent >= i.total ? 'ok' : i.late > 0 ? 'warn' : 'info';
  return card(
    tone,
    t.intake,
    `${i.sent}/${i.total}`,
    t.intakeSent,
    i.late > 0 ? t.intakeLate(i.late) : i.deadline ? t.intakeDeadline(i.deadline) : null,
    'intake',
  );
}

/** A milestone: its sentence, then "Còn: …" (the units that have not reached it), then its bar. */
function milestoneRow(t: ViewContext['t'], m: MilestoneDto): HTMLElement {
  const pct = m.total > 0 ? Math.round((m.reached / m.total) * 100) : 0;
  const bar = h('div', { class: 'bar', 'aria-hidden': 'true' }, h('div', { class: 'bar-fill' }));
  (bar.firstChild as HTMLElement).style.width = `${pct}%`;
  return h(
    'li',
    { class: 'milestone' },
    h('div', { class: 'milestone-text' }, m.sentence),
    m.missing.length > 0 && m.missing.length < m.total
      ? h('div', { class: 'milestone-missing' }, t.missing(m.missing.join(', ')))
      : null,
    // The lists received (the server words it): who is late, and what counts as sent.
    m.lateSentence ? h('div', { class: 'milestone-note tone-warning' }, m.lateSentence) : null,
    m.note ? h('div', { class: 'milestone-note' }, m.note) : null,
    bar,
  );
}

/** Each unit's form of choosing delegates, in the progress details. */
function formLines(t: ViewContext['t'], o: OverviewDto): HTMLElement | null {
  const e = o.eligibility;
  if (!e) return null;
  const lines = [
    e.congressUnits.length > 0 ? h('li', { 'data-form': 'congress' }, t.formUnits('congress', e.congressUnits)) : null,
    e.jointConferenceUnits.length > 0
      ? h('li', { 'data-form': 'jointConference' }, t.formUnits('jointConference', e.jointConferenceUnits))
      : null,
  ];
  return h('ul', { class: 'unit-forms' }, lines);
}

/** The "Tổng quan" section. */
export function overviewView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const o = state.overview;
  const body: Child[] = [];
  if (state.overviewError !== null) {
    body.push(h('p', { class: 'notice tone-error' }, `${t.overviewFailed} ${state.overviewError || t.noConnection}`));
  }
  if (o) {
    body.push(cards(ctx, o));
    // Whether the province holds a two-level congress (the server's sentence, in Vietnamese).
    if (o.eligibility?.sentence && o.configured !== false)
      body.push(h('p', { class: 'eligibility-line', 'data-key': 'eligibility' }, o.eligibility.sentence));
    // The threshold typed wrong: no form is claimed, the server's sentence names the cell.
    else if (o.eligibilityError && o.configured !== false)
      body.push(h('p', { class: 'eligibility-line tone-error', 'data-key': 'eligibility' }, o.eligibilityError));
    if (o.progress.length > 0 && o.configured !== false) {
      const details = h(
        'details',
        { class: 'progress-details', open: state.progressOpen },
        h('summary', { 'data-key': 'progress-details' }, t.progressDetails),
        h(
          'ul',
          { class: 'milestones' },
          o.progress.map((m) => milestoneRow(t, m)),
        ),
        formLines(t, o),
      );
      details.addEventListener('toggle', () => ctx.toggleProgress(details.open));
      body.push(details);
    }
  } else if (state.overviewError === null) {
    body.push(h('p', { class: 'muted' }, t.loading));
  }
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-overview' },
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: 'h-overview' }, t.overview),
      h(
        'button',
        {
          type: 'button',
          class: 'link-btn',
          'data-key': 'refresh',
          'aria-label': t.refreshLabel,
          onclick: () => ctx.refresh(),
        },
        h('span', { 'aria-hidden': 'true' }, '↻ '),
        t.refresh,
      ),
    ),
    body,
  );
}

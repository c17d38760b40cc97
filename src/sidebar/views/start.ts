/**
 * "Bắt đầu": the first steps, derived from the workbook's state by the server (overview.checklist):
 * set up → units and DTTS population → settings → allocate → delegates → check → documents. Each
 * step has one button (an action, or a link that opens its sheet); the next step's is the primary
 * button. Once every step is done the list folds into one line.
 */
import type { ChecklistKey, ChecklistStepDto, OverviewDto } from '../../rpc/contract';
import { type Child, h } from '../dom';
import type { Strings } from '../i18n';
import type { ActionKey, ViewContext } from '../state';

/** The step the officer should do now: the first one not done (null when all are). */
export function nextStep(o: OverviewDto | null): ChecklistStepDto | null {
  return o?.checklist?.find((s) => !s.done) ?? null;
}

/** The sidebar action a step's button runs (the other steps open their sheet or the documents menu). */
export const STEP_ACTION: Partial<Record<ChecklistKey, Exclude<ActionKey, 'generateNotice'>>> = {
  setup: 'setupWorkbook',
  allocate: 'allocateDelegates',
  check: 'validateAll',
};

function hint(t: Strings, step: ChecklistStepDto, o: OverviewDto): string {
  const n = step.count ?? 0;
  const s = t.stepHint;
  switch (step.key) {
    case 'setup':
      return step.done ? t.stepDone : s.setup;
    case 'units':
      return step.done ? s.unitsDone(n) : s.units(n);
    case 'settings':
      return step.done ? s.settingsDone : s.settings;
    case 'allocate':
      return step.done ? s.allocateDone : s.allocate;
    case 'delegates':
      return step.done ? s.delegatesDone(n) : s.delegates;
    case 'check':
      if (step.done) return s.checkDone;
      if (o.validation.at && o.validation.changed) return s.checkChanged;
      if (o.validation.at && o.validation.outdated) return s.checkOutdated;
      if (o.validation.at && n > 0) return s.checkErrors(n);
      return s.check;
    case 'documents':
      return step.done ? s.documentsDone(n) : s.documents;
  }
}

function stepButton(ctx: ViewContext, step: ChecklistStepDto, primary: boolean, blocked: boolean): Child {
  const { t, state } = ctx;
  const action = STEP_ACTION[step.key];
  const busy = action !== undefined && state.busy?.action === action;
  const disabled = state.busy !== null || blocked;
  const cls = `action step-btn${primary ? ' primary' : ''}${busy ? ' is-busy' : ''}`;
  const common = {
    type: 'button',
    class: cls,
    'data-key': `step-${step.key}`,
    'aria-disabled': disabled ? 'true' : null,
    'aria-busy': busy ? 'true' : null,
    'aria-describedby': blocked ? `step-${step.key}-hint` : null,
  } as const;
  if (action) {
    return h(
      'button',
      {
        ...common,
        onclick: () => {
          if (state.busy === null && !blocked) ctx.run(action);
        },
      },
      busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      busy ? t.busy[action] : t.steps[step.key],
    );
  }
  if (step.key === 'documents') {
    return h(
      'button',
      {
        ...common,
        onclick: () => {
          if (!blocked) ctx.openDocumentsMenu();
        },
      },
      t.openDocumentsMenu,
    );
  }
  const sheet = step.sheet ?? '';
  return h(
    'button',
    {
      ...common,
      class: `${cls} go-sheet`,
      onclick: () => {
        if (!blocked && sheet) ctx.goToSheet(sheet, step.cell ?? 'A1');
      },
    },
    t.openSheet(sheet),
  );
}

/** A done step's sheet, as a small link (to look at what was entered or computed). */
function sheetLink(ctx: ViewContext, step: ChecklistStepDto): Child {
  const sheet = step.sheet;
  if (!sheet) return null;
  return h(
    'button',
    {
      type: 'button',
      class: 'link-btn go-sheet',
      'data-key': `step-${step.key}`,
      onclick: () => ctx.goToSheet(sheet, step.cell ?? 'A1'),
    },
    t(ctx).openSheet(sheet),
  );
}

const t = (ctx: ViewContext) => ctx.t;

/** The "Bắt đầu" section (nothing until the overview has loaded). */
export function startView(ctx: ViewContext): HTMLElement | null {
  const { t, state } = ctx;
  const o = state.overview;
  const steps = o?.checklist;
  if (!o || !steps || steps.length === 0) return null;
  const next = nextStep(o);
  const doneCount = steps.filter((s) => s.done).length;
  const setUp = steps.find((s) => s.key === 'setup')?.done !== false;
  if (!next) {
    return h(
      'section',
      { class: 'section start is-done', 'aria-labelledby': 'h-start', 'data-section': 'start' },
      h('div', { class: 'section-head' }, h('h2', { id: 'h-start' }, t.start)),
      h('p', { class: 'notice tone-ok' }, t.startDone),
    );
  }
  return h(
    'section',
    { class: 'section start', 'aria-labelledby': 'h-start', 'data-section': 'start' },
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: 'h-start' }, t.start),
      h('span', { class: 'muted start-count' }, t.startProgress(doneCount, steps.length)),
    ),
    h(
      'ol',
      { class: 'steps' },
      steps.map((step, i) => {
        const isNext = step === next;
        const blocked = !setUp && step.key !== 'setup';
        return h(
          'li',
          {
            class: `step${step.done ? ' is-done' : ''}${isNext ? ' is-next' : ''}`,
            'data-step': step.key,
            'aria-current': isNext ? 'step' : null,
          },
          h('span', { class: 'step-mark', 'aria-hidden': 'true' }, step.done ? '✓' : String(i + 1)),
          h(
            'div',
            { class: 'step-body' },
            h(
              'div',
              { class: 'step-title' },
              t.steps[step.key],
              h('span', { class: 'sr-only' }, step.done ? ` (${t.stepDone})` : isNext ? ` (${t.stepNext})` : ''),
            ),
            h(
              'div',
              { class: 'step-hint', id: `step-${step.key}-hint` },
              blocked ? t.needsSetupFirst : hint(t, step, o),
            ),
            // Before setup the later steps only say so: a row of buttons that do nothing would be noise.
            step.done ? sheetLink(ctx, step) : blocked ? null : stepButton(ctx, step, isNext, blocked),
          ),
        );
      }),
    ),
  );
}

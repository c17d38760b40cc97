/**
 * "Thao tác": one button per action, the "Tạo văn bản" menu (each kind opens its inline form), and
 * the result of the last run.
 */

import { type Child, h } from '../dom';
import { REALLOCATE, type Strings } from '../i18n';
import { NOTICE_KINDS_LIST } from '../kinds';
import { safeUrl } from '../model';
import { call } from '../rpc';
import type { ActionKey, ResultState, ViewContext } from '../state';
import { noticeFormView } from './noticeForm';
import { nextStep, STEP_ACTION } from './start';

function spinner(): HTMLElement {
  return h('span', { class: 'spinner', 'aria-hidden': 'true' });
}

function actionButton(
  ctx: ViewContext,
  key: string,
  label: string,
  hint: string | null,
  busy: boolean,
  onclick: () => void,
  extra: Record<string, string | null> = {},
  cls = '',
): HTMLButtonElement {
  const anyBusy = ctx.state.busy !== null;
  return h(
    'button',
    {
      type: 'button',
      class: `action${cls ? ` ${cls}` : ''}${busy ? ' is-busy' : ''}`,
      'data-key': key,
      'aria-disabled': anyBusy ? 'true' : null,
      'aria-busy': busy ? 'true' : null,
      onclick: () => {
        if (ctx.state.busy === null) onclick();
      },
      ...extra,
    },
    busy ? spinner() : null,
    h(
      'span',
      { class: 'action-text' },
      h('span', { class: 'action-label' }, label),
      hint ? h('span', { class: 'action-hint' }, hint) : null,
    ),
  );
}

/** The "Thao tác" section. */
export function actionsView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const busy = (a: ActionKey) => state.busy?.action === a;
  const simple = (a: Exclude<ActionKey, 'generateNotice'>, label: string, hint: string, cls = '') =>
    actionButton(ctx, a, busy(a) ? t.busy[a] : label, busy(a) ? null : hint, busy(a), () => ctx.run(a), {}, cls);
  // The highlighted action is the checklist's next step (none when the next step is typed in a sheet).
  const next = nextStep(state.overview);
  const nextAction = next ? STEP_ACTION[next.key] : state.overview?.checklist ? undefined : 'validateAll';
  const primary = (a: ActionKey) => (a === nextAction ? 'primary' : '');
  const open = state.noticeMenuOpen;
  const menu = h(
    'div',
    { class: 'submenu', id: 'notice-kinds', role: 'group', 'aria-label': t.documentsMenu, hidden: !open },
    NOTICE_KINDS_LIST.map((kind) => {
      const isBusy = state.busy?.action === 'generateNotice' && state.busy.kind === kind;
      const form = state.noticeForm?.kind === kind ? state.noticeForm : null;
      return [
        actionButton(
          ctx,
          `notice-${kind}`,
          isBusy ? t.busy.generateNotice : t.kinds[kind],
          null,
          isBusy,
          () => ctx.openNoticeForm(kind),
          { 'data-kind': kind, 'aria-expanded': form ? 'true' : 'false', 'aria-controls': form ? 'notice-form' : null },
          'sub',
        ),
        form ? noticeFormView(ctx, form) : null,
      ];
    }),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'action toggle',
      'data-key': 'notice-menu',
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': 'notice-kinds',
      onclick: () => ctx.toggleNoticeMenu(),
    },
    h(
      'span',
      { class: 'action-text' },
      h('span', { class: 'action-label' }, t.documentsMenu),
      h('span', { class: 'action-hint' }, t.documentsMenuHint),
    ),
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
  );
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-actions' },
    h('div', { class: 'section-head' }, h('h2', { id: 'h-actions' }, t.actions)),
    h(
      'div',
      { class: 'actions' },
      simple('setupWorkbook', t.setup, t.setupHint, primary('setupWorkbook')),
      simple('allocateDelegates', t.allocate, t.allocateHint, primary('allocateDelegates')),
      state.overview?.allocationUndo
        ? simple('undoAllocation', REALLOCATE.undo, REALLOCATE.undoHint(state.overview.allocationUndo.methodName))
        : null,
      simple('validateAll', t.validate, t.validateHint, primary('validateAll')),
      toggle,
      menu,
      intakeButtons(ctx),
    ),
  );
}

/**
 * "Tạo mẫu danh sách" / "Nhận danh sách": open the intake dialog (openIntakeDialog), which holds the
 * spreadsheet library; a failure to open it is said under the buttons.
 */
function intakeButtons(ctx: ViewContext): Child {
  const { t } = ctx;
  const failure = h('p', { class: 'hint', role: 'alert', 'data-intake-error': '' });
  const open = (mode: 'form' | 'import') => {
    failure.textContent = '';
    call('openIntakeDialog', { mode }).catch((e: unknown) => {
      failure.textContent = e instanceof Error ? e.message : String(e);
    });
  };
  return [
    actionButton(ctx, 'intake-form', t.intakeForm, t.intakeFormHint, false, () => open('form')),
    actionButton(ctx, 'intake-import', t.intakeImport, t.intakeImportHint, false, () => open('import')),
    failure,
  ];
}

/** The content of the live region: the last result, or the running action. */
export function resultView(result: ResultState | null, t: Strings): Child {
  if (!result) return null;
  const message = typeof result.message === 'function' ? result.message(t) : result.message;
  return h(
    'div',
    { class: `result tone-${result.tone}` },
    h(
      'div',
      { class: 'result-title' },
      result.tone === 'busy'
        ? spinner()
        : h('span', { class: 'result-icon', 'aria-hidden': 'true' }, ICONS[result.tone]),
      result.title(t),
    ),
    message ? h('p', { class: 'result-message' }, withGoogleLinks(message, t)) : null,
    result.details ? result.details(t) : null,
  );
}

/**
 * A server message with Google's own https addresses as links (the authorisation page the server
 * names when a permission was not granted); any other address, like all user data, stays text.
 */
export function withGoogleLinks(message: string, t: Strings): Child[] {
  return message.split(/(https:\/\/[^\s"'<>]+)/).map((part, i) => {
    const url = i % 2 === 1 ? safeUrl(part.replace(/[.,;)]+$/, '')) : null;
    if (!url || !/^https:\/\/([a-z0-9-]+\.)*google\.com(\/|$)/i.test(url)) return part;
    return [
      h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'grant-link' }, t.grantAccess),
      part.slice(url.length),
    ];
  });
}

const ICONS = { ok: '✓', warn: '!', error: '✕', busy: '' } as const;

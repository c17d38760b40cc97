/**
 * The sidebar: loads the overview, runs the actions through google.script.run, shows results in an
 * aria-live region, lists the problems (click: select the cell) and the documents made.
 * The same bundle runs in Google Sheets and in the local playground.
 */
import type { NoticeKind, OverviewDto, ProblemDto } from '../rpc/contract';
import { type Child, fill, h } from './dom';
import { parseDay, REALLOCATE, type Strings, T, todayInVietnam } from './i18n';
import { NOTICE_KINDS_LIST } from './kinds';
import { call } from './rpc';
import type {
  ActionKey,
  AllocationChoice,
  Filter,
  NoticeChoice,
  NoticeForm,
  ResultState,
  State,
  UndoChoice,
  ViewContext,
} from './state';
import { aboutView } from './views/about';
import { actionsView, resultView } from './views/actions';
import { allocationExplanation } from './views/allocationExplanation';
import { compareSection } from './views/compareMethods';
import { compositionOutdated, compositionSection } from './views/composition';
import { documentLink, documentsView } from './views/documents';
import { headerView, overviewView } from './views/overview';
import { problemsView } from './views/problems';
import { reallocateView } from './views/reallocate';
import { startView } from './views/start';
import { undoTypedView } from './views/undoTyped';

const state: State = {
  overview: null,
  overviewError: null,
  busy: null,
  result: null,
  problems: null,
  filter: 'all',
  noticeMenuOpen: false,
  noticeForm: null,
  progressOpen: false,
  selected: null,
};

const slot = (name: string) => document.getElementById(`slot-${name}`) as HTMLElement;
const t = (): Strings => T;
let shownResult: { result: ResultState | null } | null = null;

/** The message of a failed call, or the "no connection" sentence when it has none. */
const failure = (e: unknown) => (e instanceof Error && e.message ? e.message : t().noConnection);

function announce(text: string): void {
  // Cleared first so the same sentence twice is announced twice.
  const region = slot('announce');
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

function render(): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusKey = active?.dataset.key;
  const ctx = context();
  document.title = ctx.t.appTitle;
  fill(slot('head'), headerView(ctx));
  fill(slot('start'), startView(ctx));
  fill(slot('overview'), overviewView(ctx));
  fill(slot('actions'), actionsView(ctx));
  if (shownResult?.result !== state.result) {
    fill(slot('result'), resultView(state.result, ctx.t));
    shownResult = { result: state.result };
    // The result appears under the actions: bring it into view without moving the focus.
    if (state.result) slot('result').scrollIntoView?.({ block: 'nearest' });
  }
  fill(slot('problems'), problemsView(ctx));
  fill(slot('documents'), documentsView(ctx));
  // The about box is a <details>: keep it open across renders.
  fill(slot('about'), aboutView(ctx, slot('about').querySelector('details')?.open === true));
  if (focusKey && active && !active.isConnected) {
    const again = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    again?.focus();
  }
}

/** The refresh planned when the sidebar gets the focus back (see boot). */
let focusRefresh = 0;
const FOCUS_REFRESH_DELAY_MS = 300;

/** The sidebar lost the focus (to a dialog, the sheets or the menu) since the pointer last came back. */
let awayFromSidebar = false;
/** When the overview was last asked for (Date.now()). */
let lastRefreshAt = 0;
const REENTER_REFRESH_MS = 60_000;

/** Counts refreshes: only the newest one's overview is shown (an older answer may arrive later). */
let refreshSeq = 0;

/** An action of the sidebar wrote `Phân bổ` or set the workbook up: the next refresh recounts the composition. */
let compositionDirty = false;

/**
 * Loads the overview (with the newest documents and the "Bắt đầu" checklist) and renders it; when
 * a validation ran that the list does not show (the sidebar was closed, or it ran from the menu),
 * reads its problems back (lastValidation) so the list agrees with the card.
 */
async function refresh(): Promise<void> {
  window.clearTimeout(focusRefresh);
  lastRefreshAt = Date.now();
  const seq = ++refreshSeq;
  let overview: OverviewDto | null = null;
  let error: string | null = null;
  try {
    overview = await call('getOverview');
  } catch (e) {
    error = failure(e);
  }
  if (seq !== refreshSeq) return;
  // `Phân bổ` written since the last overview (from the sidebar, or from the menu while it stood open):
  // "Cơ cấu đại biểu" counts again, so its allocation bars are the sheet's.
  const before = state.overview?.allocation.at;
  if (compositionDirty || (overview && before !== undefined && overview.allocation.at !== before)) {
    compositionDirty = false;
    compositionOutdated();
  }
  if (overview) state.overview = overview;
  state.overviewError = error;
  render();
  await restoreProblems();
  document.documentElement.dataset.ready = '1';
}

/** The list shows the last validation, unless it shows the allocation's problems of this opening. */
function problemsOutdated(): boolean {
  const at = state.overview?.validation.at;
  if (!at) return false;
  const ps = state.problems;
  return ps === null || (ps.source === 'validateAll' && ps.at !== at);
}

async function restoreProblems(): Promise<void> {
  if (!problemsOutdated()) return;
  state.problemsLoading = true;
  state.problemsError = null;
  render();
  try {
    const last = await call('lastValidation');
    if (last.at && problemsOutdated()) {
      state.problems = {
        source: 'validateAll',
        items: last.problems,
        at: last.at,
        errors: last.errors,
        warnings: last.warnings,
        ...(last.incomplete && { incomplete: true }),
      };
      state.filter = 'all';
      state.selected = null;
    }
  } catch (e) {
    state.problemsError = failure(e);
  }
  state.problemsLoading = false;
  render();
}

/** A finished action: its title says done (or failed, for tone 'error' without a title of its own). */
const done = (
  tone: ResultState['tone'],
  message: string,
  details?: (t: Strings) => Child,
  title?: (t: Strings) => string,
): ResultState => ({
  tone,
  title: title ?? ((s) => (tone === 'error' ? s.failed : s.done)),
  message,
  details,
});

async function perform(
  action: ActionKey,
  kind: NoticeKind | undefined,
  choice?: NoticeChoice | AllocationChoice | UndoChoice,
): Promise<ResultState> {
  switch (action) {
    case 'setupWorkbook': {
      const r = await call('setupWorkbook');
      compositionDirty = true;
      return done('ok', r.message, undefined, (s) => s.doneTitle.setupWorkbook);
    }
    case 'allocateDelegates': {
      // No argument at all without a confirmation (an undefined argument would cross as null).
      const r = await (choice && 'expect' in choice ? call('allocateDelegates', choice) : call('allocateDelegates'));
      const preview = r.needsConfirmation ? r.preview : undefined;
      if (preview) {
        // Nothing written: the officer sees old → new and confirms (or not).
        return {
          ...done('warn', r.message, () =>
            reallocateView(
              preview,
              (expect) => void run('allocateDelegates', undefined, { confirmed: true, expect }),
              () => {
                state.result = done('ok', REALLOCATE.cancelled, undefined, () => REALLOCATE.cancelledTitle);
                render();
              },
            ),
          ),
          title: () => REALLOCATE.previewTitle,
        };
      }
      state.problems =
        r.problems.length > 0 || !r.ok ? { source: action, items: r.problems, at: null } : state.problems;
      // `Phân bổ` written: "Cơ cấu đại biểu" shows its bars again from the sheet (see refresh).
      if (r.ok) compositionDirty = true;
      return done(r.ok ? 'ok' : 'error', r.message, allocationExplanation(r), (s) =>
        r.ok ? s.doneTitle.allocateDelegates : s.failed,
      );
    }
    case 'undoAllocation': {
      // The record the officer was shown (its method and time on the button): another one written
      // meanwhile by someone else is refused, never restored in its place.
      const shown = state.overview?.allocationUndo?.id;
      // The officer's go-ahead for the typed cells they were shown (their digest).
      const overwrite = choice && 'overwrite' in choice ? choice.overwrite : undefined;
      const r = await (shown || overwrite
        ? call('undoAllocation', { ...(shown && { expect: shown }), ...(overwrite && { overwrite }) })
        : call('undoAllocation'));
      const typed = r.needsConfirmation ? r.typedOver : undefined;
      const digest = r.overwrite;
      if (typed && typed.length > 0 && digest) {
        // Nothing written: cells typed by hand would be replaced; the officer sees them and decides.
        return {
          ...done('warn', overwrite ? r.message : REALLOCATE.undoTypedNothingWritten, () =>
            undoTypedView(
              typed,
              r.typedOverTotal ?? typed.length,
              () => void run('undoAllocation', undefined, { overwrite: digest }),
              () => {
                state.result = done(
                  'ok',
                  REALLOCATE.undoTypedCancelled,
                  undefined,
                  () => REALLOCATE.undoTypedCancelledTitle,
                );
                render();
              },
            ),
          ),
          title: () => REALLOCATE.undoTypedTitle,
        };
      }
      if (r.ok) compositionDirty = true;
      return done(r.ok ? 'ok' : 'error', r.message, undefined, (s) => (r.ok ? REALLOCATE.undoTitle : s.failed));
    }
    case 'validateAll': {
      const r = await call('validateAll');
      state.problems = { source: action, items: r.problems, at: r.at, errors: r.errors, warnings: r.warnings };
      state.filter = 'all';
      state.selected = null;
      return done(r.errors + r.warnings > 0 ? 'warn' : 'ok', r.message, undefined, (s) => s.doneTitle.validateAll);
    }
    case 'issueDraft':
    case 'voidNumber':
      // Run from the documents list (issueDraft / voidNumber below), with their own arguments.
      throw new Error(action);
    case 'generateNotice': {
      const r = await call(
        'generateNotice',
        kind ?? 'thong-bao-ket-luan',
        choice && !('expect' in choice) && !('overwrite' in choice) ? choice : undefined,
      );
      if (r.needsForce) {
        // Nothing was made: the form stays open and asks whether to print the figures as they are.
        if (state.noticeForm) state.noticeForm.confirm = r.message;
        return done('warn', r.message, undefined, (s) => s.confirmTitle);
      }
      if (state.noticeForm) state.noticeForm.confirm = null;
      return {
        ...done('ok', r.message, (s) =>
          h(
            'p',
            { class: 'result-link' },
            documentLink({ url: r.url, title: r.title }, `${s.openDocument}: ${r.number}`),
          ),
        ),
        title: (s) => s.created(s.kinds[kind ?? 'thong-bao-ket-luan']),
      };
    }
  }
}

function run(
  action: ActionKey,
  kind?: NoticeKind,
  choice?: NoticeChoice | AllocationChoice | UndoChoice,
): Promise<void> {
  return runTask(action, kind, () => perform(action, kind, choice));
}

/** "Cấp số" on a draft: the number and day it got, with its link; the list is read again. */
async function issueDraft(url: string): Promise<ResultState> {
  const r = await call('issueDraft', url);
  return {
    ...done('ok', r.message, (s) =>
      h('p', { class: 'result-link' }, documentLink({ url: r.url, title: r.title }, `${s.openDocument}: ${r.number}`)),
    ),
    title: (s) => s.issuedTitle(r.number),
  };
}

/** The "Hủy số" form sent: the number voided with its reason; the form closes when it succeeded. */
async function voidNumber(number: string, reason: string): Promise<ResultState> {
  const r = await call('voidNumber', number, reason);
  state.voidForm = null;
  return done('ok', r.message, undefined, (s) => s.voidedTitle);
}

async function runTask(
  action: ActionKey,
  kind: NoticeKind | undefined,
  task: () => Promise<ResultState>,
): Promise<void> {
  if (state.busy) return;
  state.busy = kind ? { action, kind } : { action };
  state.result = {
    tone: 'busy',
    title: (s) => s.busy[action],
    message: (s) => s.working,
  };
  render();
  let result: ResultState;
  try {
    result = await task();
  } catch (e) {
    result = done('error', failure(e));
  }
  state.busy = null;
  state.result = result;
  // A document made: its form closes (the focus goes back to its kind); a failure keeps the form to fix.
  if (action === 'generateNotice' && result.tone === 'ok' && state.noticeForm) closeNoticeForm();
  else render();
  await refresh();
}

/** Focuses the element with that data-key, if it is there. */
function focusKey(key: string): void {
  document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** Hides the form (not while its document is being made); the focus, if it was in the form, goes to its kind. */
function closeNoticeForm(): void {
  const form = state.noticeForm;
  if (!form || (state.busy?.action === 'generateNotice' && state.busy.kind === form.kind)) return;
  const inForm = document.activeElement?.closest('#notice-form') != null;
  state.noticeForm = null;
  render();
  if (inForm) focusKey(`notice-${form.kind}`);
}

/**
 * Shows the form of "Tạo văn bản ▸ <kind>" (a second click hides it). For a Thông báo kết luận it
 * lists the meetings (listMeetings), the newest chosen; without any meeting the form says so and
 * offers no "Tạo", so the server is not called. The date starts at today in Vietnam's time, or
 * at the date already chosen in the form of another kind.
 */
async function openNoticeForm(kind: NoticeKind): Promise<void> {
  if (state.noticeForm?.kind === kind) {
    closeNoticeForm();
    return;
  }
  const needsMeeting = kind === 'thong-bao-ket-luan';
  const form: NoticeForm = {
    kind,
    meetings: needsMeeting ? null : [],
    meeting: '',
    date: state.noticeForm?.date || state.overview?.today || todayInVietnam(),
    dateText: state.noticeForm?.dateText,
    error: null,
  };
  state.noticeForm = form;
  render();
  if (state.overview?.checklist?.find((st) => st.key === 'setup')?.done === false) {
    // Nothing to print before setup: the form says so (noticeFormView); the server is not called.
    form.meetings = [];
    render();
    announce(t().notSetUp);
    return;
  }
  if (!needsMeeting) return;
  try {
    const meetings = await call('listMeetings');
    form.meetings = meetings;
    form.meeting = meetings[0]?.code ?? '';
  } catch (e) {
    form.meetings = [];
    form.error = failure(e);
  }
  if (state.noticeForm !== form) return;
  render();
  if (form.error) announce(`${t().meetingsFailed} ${form.error}`);
  else if (form.meetings.length === 0) announce(t().noMeetings);
}

async function select(problem: ProblemDto, key: string): Promise<void> {
  state.selected = key;
  render();
  // The server takes one cell: "B2:C3" → "B2", "$B$2" → "B2".
  const cell = (problem.cell.split(':')[0] ?? '').replace(/\$/g, '');
  try {
    await call('selectCell', problem.sheet, cell);
    announce(t().selected(problem.sheet, cell));
  } catch (e) {
    state.result = done('error', failure(e));
    render();
  }
}

/** Opens a sheet at a cell (a "Bắt đầu" link); the overview is read again when the officer comes back. */
async function goToSheet(sheet: string, cell: string): Promise<void> {
  try {
    await call('selectCell', sheet, cell);
    announce(t().openedSheet(sheet));
  } catch (e) {
    state.result = done('error', failure(e));
    render();
  }
}

function context(): ViewContext {
  return {
    state,
    t: t(),
    run: (action, kind, choice) => void run(action, kind, choice),
    refresh: () => void refresh(),
    setFilter: (filter: Filter) => {
      state.filter = filter;
      render();
    },
    toggleNoticeMenu: () => {
      state.noticeMenuOpen = !state.noticeMenuOpen;
      if (!state.noticeMenuOpen) state.noticeForm = null;
      render();
    },
    openNoticeForm: (kind) => void openNoticeForm(kind),
    closeNoticeForm,
    setNoticeField: (field, value) => {
      const form = state.noticeForm;
      if (!form) return;
      if (field === 'dateError') {
        form.dateError = true;
        render();
        focusKey('notice-date');
        return;
      }
      form.confirm = null; // a confirmation is for the choice it was asked about
      // No re-render while typing: the control already shows the value; the state keeps it.
      if (field === 'meeting') {
        form.meeting = value;
        render();
      } else if (field === 'guests') {
        form.guests = value === 'true';
        render();
      } else if (field === 'draft') {
        form.draft = value === 'true';
        render();
      } else {
        form.dateText = value;
        form.date = parseDay(value) ?? '';
        if (form.dateError && form.date) {
          form.dateError = false;
          render();
        }
      }
    },
    issueDraft: (url) => void runTask('issueDraft', undefined, () => issueDraft(url)),
    openVoidForm: (number) => {
      const before = state.voidForm?.number;
      state.voidForm = number === null ? null : { number, reason: '' };
      render();
      if (number !== null) focusKey('void-reason');
      else if (before) focusKey(`void-${before}`);
    },
    setVoidReason: (reason) => {
      // No re-render while typing: the input already shows it.
      if (state.voidForm) state.voidForm.reason = reason;
      if (state.voidForm?.error && reason.trim()) {
        state.voidForm.error = false;
        render();
      }
    },
    submitVoid: () => {
      const form = state.voidForm;
      if (!form) return;
      const reason = form.reason.replace(/\s+/g, ' ').trim();
      if (!reason) {
        form.error = true;
        render();
        focusKey('void-reason');
        return;
      }
      void runTask('voidNumber', undefined, () => voidNumber(form.number, reason));
    },
    toggleProgress: (open: boolean) => {
      state.progressOpen = open;
    },
    select: (p, key) => void select(p, key),
    goToSheet: (sheet, cell) => void goToSheet(sheet, cell),
    openDocumentsMenu: () => {
      state.noticeMenuOpen = true;
      render();
      focusKey(`notice-${NOTICE_KINDS_LIST[0]}`);
    },
  };
}

function boot(): void {
  const app = document.getElementById('app');
  if (!app) return;
  fill(
    app,
    h('div', { id: 'slot-head' }),
    h(
      'main',
      null,
      h('div', { id: 'slot-start' }),
      h('div', { id: 'slot-overview' }),
      h('div', { id: 'slot-actions' }),
      h('div', {
        id: 'slot-result',
        class: 'result-slot',
        role: 'status',
        'aria-live': 'polite',
        'aria-atomic': 'true',
      }),
      h('div', { id: 'slot-problems' }),
      h('div', { id: 'slot-documents' }),
      // Holds its own figures: never re-filled by render().
      h('div', { id: 'slot-composition' }, compositionSection()),
      // The same: its own table, never re-filled by render().
      h('div', { id: 'slot-compare' }, compareSection()),
      h('div', { id: 'slot-about' }),
    ),
    h('div', { id: 'slot-announce', class: 'sr-only', 'aria-live': 'polite' }),
  );
  render();
  void refresh();
  // Back in the sidebar after typing in the sheets: the checklist and the cards are read again
  // (an action running refreshes them when it ends).
  // A click that brought the focus here and runs an action or "Làm mới" cancels this one (refresh).
  const planRefresh = () => {
    window.clearTimeout(focusRefresh);
    focusRefresh = window.setTimeout(() => {
      if (state.busy === null) void refresh();
    }, FOCUS_REFRESH_DELAY_MS);
  };
  window.addEventListener('focus', planRefresh);
  // After a dialog (e.g. "Nhận danh sách") or the sheets had the focus, the officer often only looks
  // back or moves the mouse over the sidebar without clicking it: the overview ("k/n … đã gửi") is
  // read again then too, once per time away (blur), never while the pointer merely moves about.
  window.addEventListener('blur', () => {
    awayFromSidebar = true;
  });
  // Without a blur (the sidebar never had the focus: the dialog was opened from the menu, the officer
  // typed in the sheets), the pointer coming over the unfocused sidebar reads it again at most once
  // every REENTER_REFRESH_MS.
  const back = () => {
    const unfocusedAndOld = !document.hasFocus() && Date.now() - lastRefreshAt >= REENTER_REFRESH_MS;
    if (!awayFromSidebar && !unfocusedAndOld) return;
    awayFromSidebar = false;
    planRefresh();
  };
  document.documentElement.addEventListener('pointerenter', back);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') back();
  });
}

boot();

/**
 * The functions Apps Script sees. Every export here becomes a top-level function in build/Code.js:
 * the menu (onOpen, menu* actions, which show their result), and the sidebar API, whose every
 * function validates its arguments with zod/mini before doing anything.
 */
import * as z from 'zod/mini';
import { runGenerateNotice, runIssueDraft, runListDocuments, runVoidNumber } from './docs/notices';
import { ARGS, type Args, type Results, type ServerFunction } from './rpc/contract';
import { runAllocation, runAllocationPreview } from './sheets/allocate';
import { historySummary, runUndoAllocation, runUndoCheck, typedOverLine } from './sheets/allocationHistory';
import { runCompareMethods } from './sheets/compareMethods';
import { runCompositionSummary } from './sheets/composition';
import { errorText, isGoogleServiceFailure } from './sheets/failures';
import { runGetIntakeForms, runImportSubmission } from './sheets/intake';
import { UserError } from './sheets/lock';
import { runListMeetings } from './sheets/meetings';
import { buildOverview, lastValidation as readLastValidation, selectRange } from './sheets/overview';
import { runProgressSummary, runTaskSummary } from './sheets/roster';
import { runSetup } from './sheets/setupAction';
import { runWriteStatistics } from './sheets/statistics';
import { runValidation } from './sheets/validate';
import { activeSpreadsheet } from './sheets/workbook';
import { INTAKE_DIALOG, MENU, MESSAGES, REALLOCATION_MESSAGES, STATISTICS_LABELS } from './ui/vi';

/** The event Apps Script passes to onOpen and onInstall (only `authMode` is read). */
interface OpenEvent {
  authMode?: unknown;
}

/**
 * True when the add-on runs in AuthMode.NONE (installed, not yet used in this spreadsheet): then
 * only the menu may be built. The enum's string form is its name ("NONE"), so the comparison needs
 * no ScriptApp call. https://developers.google.com/apps-script/reference/script/auth-mode
 */
function unauthorised(e: OpenEvent | undefined): boolean {
  return e?.authMode !== undefined && String(e.authMode) === 'NONE';
}

/**
 * Builds the add-on menu (Extensions ▸ Trợ lý Đại hội DTTS) with createAddonMenu, as Google asks of
 * editor add-ons; in a bound script (the template copy) the same call names the menu after the
 * project. Touches nothing but the UI, so it works in every AuthMode. In AuthMode.NONE the only item
 * opens the sidebar: clicking it makes Google ask for authorisation, and the sidebar then adds the
 * full menu. https://developers.google.com/workspace/add-ons/concepts/menus
 */
export function onOpen(e?: OpenEvent): void {
  addMenu(!unauthorised(e));
}

/** Runs when the add-on is installed (in AuthMode.FULL): the same menu as on open. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

function addMenu(full: boolean): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu().addItem(MENU.openSidebar, 'showSidebar');
  if (full) {
    menu
      .addSeparator()
      .addItem(MENU.setup, 'menuSetupWorkbook')
      .addItem(MENU.allocate, 'menuAllocateDelegates')
      .addItem(MENU.undoAllocation, 'menuUndoAllocation')
      .addItem(MENU.validate, 'menuValidateAll')
      .addItem(STATISTICS_LABELS.menuItem, 'menuWriteStatistics');
  }
  menu.addToUi();
}

/** Opens the sidebar ("Mở bảng điều khiển"); being authorised now, it also shows the full menu. */
export function showSidebar(): void {
  addMenu(true);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU.sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Wraps a sidebar-callable function: arguments are checked against the contract, user errors
 * pass through with their Vietnamese message, anything else becomes a clear generic message.
 */
function api<F extends ServerFunction>(name: F, impl: (...args: Args<F>) => Results[F]) {
  return (...raw: unknown[]): Results[F] => {
    const parsed = z.safeParse(ARGS[name], raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (tham số ${issue.path.map(String).join('.')})` : '';
      throw new UserError(`${MESSAGES.badArguments} ${name}${where}: ${issue?.message ?? ''}`);
    }
    try {
      return impl(...(parsed.data as Args<F>));
    } catch (e) {
      throw toUserError(name, e);
    }
  };
}

export const getOverview = api('getOverview', () => {
  const ss = activeSpreadsheet();
  return { ...buildOverview(ss, new Date(), runListDocuments(ss).slice(0, 10)), allocationUndo: historySummary(ss) };
});
export const setupWorkbook = api('setupWorkbook', () => runSetup(activeSpreadsheet()));
export const allocateDelegates = api('allocateDelegates', (options) =>
  runAllocation(activeSpreadsheet(), options ?? {}),
);
export const previewAllocation = api('previewAllocation', () => runAllocationPreview(activeSpreadsheet()));
/** "So sánh phương pháp": the six methods on the current data; reads, writes nothing. */
export const compareMethods = api('compareMethods', () => runCompareMethods(activeSpreadsheet()));
export const undoAllocation = api('undoAllocation', (options) =>
  runUndoAllocation(activeSpreadsheet(), new Date(), options?.expect, options?.overwrite),
);
export const validateAll = api('validateAll', () => runValidation(activeSpreadsheet(), new Date()));
export const progressSummary = api('progressSummary', () => runProgressSummary(activeSpreadsheet(), new Date()));
export const taskSummary = api('taskSummary', () => runTaskSummary(activeSpreadsheet(), new Date(), false));
export const issueDraft = api('issueDraft', (ref, options) =>
  runIssueDraft(activeSpreadsheet(), ref, options ?? {}, new Date()),
);
export const voidNumber = api('voidNumber', (number, reason) => runVoidNumber(activeSpreadsheet(), number, reason));
export const generateNotice = api('generateNotice', (kind, options) =>
  runGenerateNotice(activeSpreadsheet(), kind, options ?? {}, new Date()),
);
export const listDocuments = api('listDocuments', () => runListDocuments(activeSpreadsheet()));
export const listMeetings = api('listMeetings', () => runListMeetings(activeSpreadsheet()));
export const lastValidation = api('lastValidation', () => readLastValidation(activeSpreadsheet()));
export const compositionSummary = api('compositionSummary', () =>
  runCompositionSummary(activeSpreadsheet(), new Date()),
);
/** "Cập nhật trang Thống kê": rewrites the add-in's own sheet `Thống kê` with its tables and charts. */
export const writeStatistics = api('writeStatistics', () => runWriteStatistics(activeSpreadsheet(), new Date()));
export const selectCell = api('selectCell', (sheet, cell) => selectRange(activeSpreadsheet(), sheet, cell));
/** "Tạo mẫu danh sách": the intake form model of one unit or of every unit; reads, writes nothing. */
export const getIntakeForms = api('getIntakeForms', (request) => runGetIntakeForms(activeSpreadsheet(), request ?? {}));
/** "Nhận danh sách": preview (writes nothing) or replace the unit's rows of `Đại biểu` with its returned list. */
export const importSubmission = api('importSubmission', (unit, table, options) =>
  runImportSubmission(activeSpreadsheet(), unit, table, options ?? {}, new Date()),
);

/**
 * "Tạo mẫu danh sách" / "Nhận danh sách": shows build/Intake.html (its own browser entry, src/intake/,
 * with the spreadsheet and CSV readers inlined) as a modal dialog of 760 × 600. The request (mode, unit)
 * is written into the page as JSON in a <script type="application/json"> element; "<" is escaped so
 * no text can close that element. showModalDialog returns at once; the dialog then calls
 * getIntakeForms / importSubmission itself.
 * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
 * https://developers.google.com/apps-script/guides/html/restrictions (IFRAME sandbox: allow-downloads)
 */
export const openIntakeDialog = api('openIntakeDialog', (request) => {
  const html = HtmlService.createHtmlOutputFromFile('Intake');
  const payload = JSON.stringify({ mode: request.mode, unit: request.unit ?? '' }).replace(/</g, '\\u003c');
  html.setContent(html.getContent().replace('{"mode":"import","unit":""}', () => payload));
  html.setWidth(760).setHeight(600);
  const title = request.mode === 'form' ? INTAKE_DIALOG.formTitle : INTAKE_DIALOG.importTitle;
  SpreadsheetApp.getUi().showModalDialog(html, title);
  return { message: INTAKE_DIALOG.opened };
});

/**
 * Functions that can stop midway with something written and no report of their own. The others
 * only read, or write through writeAll (restores the sheets and says so) or runSetup (says what it
 * added): an error that reaches toUserError from them happened before anything was written.
 */
const MAY_HAVE_WRITTEN: ReadonlySet<string> = new Set<ServerFunction>(['generateNotice', 'issueDraft', 'voidNumber']);

/**
 * Every error leaves as a UserError with a Vietnamese message; bugs are logged with their stack.
 * Only Google's own failure texts read as a Google service failure (isGoogleServiceFailure); a bug
 * says it is one, and whether the workbook may have been written.
 */
function toUserError(name: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  console.error(`${name} failed`, e);
  const partial = MAY_HAVE_WRITTEN.has(name);
  if (isGoogleServiceFailure(e))
    return new UserError(partial ? MESSAGES.serviceFailedMaybeWritten : MESSAGES.serviceFailed);
  const detail = errorText(e);
  return new UserError(partial ? MESSAGES.unexpectedMaybeWritten(detail) : MESSAGES.unexpectedNothingChanged(detail));
}

/** Runs a menu action and shows its one-sentence result (menu items cannot return anything). */
function fromMenu(action: () => { message: string }): void {
  try {
    const result = action();
    // Inside the try: a Google failure here too reaches the user in Vietnamese.
    SpreadsheetApp.getActiveSpreadsheet().toast(result.message, MENU.title, 8);
  } catch (e) {
    const message = toUserError('menu', e).message;
    try {
      SpreadsheetApp.getUi().alert(message);
    } catch {
      // No alert possible (AuthMode.NONE): the original error is the one to surface.
      throw e;
    }
  }
}

export function menuSetupWorkbook(): void {
  fromMenu(() => runSetup(activeSpreadsheet()));
}

/**
 * The menu's "Phân bổ đại biểu": when an existing allocation would change, a YES_NO dialog lists the
 * changes by name and nothing is written unless the officer answers Có; the write then checks that the
 * data still give what was shown. Ui.alert returns the Button clicked (the title bar's close button
 * gives Button.CLOSE): https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet),
 * https://developers.google.com/apps-script/reference/base/button. The lock is not held while the
 * dialog is open.
 */
export function menuAllocateDelegates(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const first = runAllocation(ss);
    const preview = first.preview;
    if (!first.needsConfirmation || !preview) return first;
    const ui = SpreadsheetApp.getUi();
    const changed = preview.rows.filter((r) => r.changed);
    const shown = changed.slice(0, 15);
    const prompt = REALLOCATION_MESSAGES.confirmPrompt(
      shown.map((r) => REALLOCATION_MESSAGES.confirmLine(r.name, r.oldFinal, r.newFinal)),
      changed.length - shown.length,
      preview.methodBefore !== preview.methodAfter ? preview.methodBeforeName : '',
      preview.methodAfterName,
      REALLOCATION_MESSAGES.confirmTotal(preview.oldTotal, preview.newTotal),
    );
    const answer = ui.alert(REALLOCATION_MESSAGES.confirmTitle, prompt, ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return { message: REALLOCATION_MESSAGES.declined };
    return runAllocation(ss, { confirmed: true, expect: preview.digest });
  });
}

/** Cells named in full in the menu's question; the others by their cell only. */
const UNDO_PROMPT_LINES = 15;

/**
 * The menu's "Hoàn tác phân bổ": asks first (YES_NO), naming the cells typed by hand since the
 * re-allocation that it would replace, then restores the previous allocation; the Có confirms those
 * cells only (another officer's edit in between is refused, nothing written).
 */
export function menuUndoAllocation(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const kept = historySummary(ss);
    if (kept) {
      const check = runUndoCheck(ss, new Date(), kept.id);
      if (!check.ok) return check;
      const typed = check.typedOver ?? [];
      const ui = SpreadsheetApp.getUi();
      const when = Utilities.formatDate(new Date(kept.replacedAt), ss.getSpreadsheetTimeZone(), 'HH:mm dd/MM/yyyy');
      const answer = ui.alert(
        MENU.undoAllocation,
        REALLOCATION_MESSAGES.undoConfirmPrompt(kept.methodName, when) +
          (typed.length > 0
            ? REALLOCATION_MESSAGES.undoTypedPrompt(
                typed.slice(0, UNDO_PROMPT_LINES).map(typedOverLine),
                typed.slice(UNDO_PROMPT_LINES).map((t) => t.cell),
              )
            : ''),
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) return { message: REALLOCATION_MESSAGES.undoDeclined };
      return runUndoAllocation(ss, new Date(), kept.id, check.overwrite);
    }
    return runUndoAllocation(ss, new Date());
  });
}

export function menuValidateAll(): void {
  fromMenu(() => runValidation(activeSpreadsheet(), new Date()));
}

export function menuWriteStatistics(): void {
  fromMenu(() => runWriteStatistics(activeSpreadsheet(), new Date()));
}

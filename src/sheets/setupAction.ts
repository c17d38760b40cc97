/** The "Thiết lập bảng tính" action: setupWorkbook under the document lock, with a summary sentence. */
import { SHEETS } from '../domain/template';
import type { SetupResultDto } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { errorText, isGoogleServiceFailure, isProtectionRefusal } from './failures';
import { UserError, withDocumentLock } from './lock';
import { type SetupProgress, type SetupResult, setupWorkbook } from './setup';
import { findSheet, type Spreadsheet } from './workbook';

export function runSetup(ss: Spreadsheet): SetupResultDto {
  let committed: SetupResult | null = null;
  const locked = () =>
    withDocumentLock(() => {
      const progress: SetupProgress = { writes: 0, sheets: [] };
      try {
        const done = setupWorkbook(ss, progress);
        // Committed here, so a failure to save names the sheets written.
        // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush
        SpreadsheetApp.flush();
        committed = done;
        return done;
      } catch (e) {
        if (e instanceof UserError) throw e;
        console.error('setupWorkbook failed', e);
        // Setup only ever adds, and completes what an interrupted run left, so running it again finishes.
        const written = progress.writes > 0 ? progress.sheets : [];
        if (isProtectionRefusal(e)) throw new UserError(MESSAGES.setupProtected(progress.current ?? '', written));
        if (isGoogleServiceFailure(e))
          throw new UserError(written.length ? MESSAGES.setupIncomplete(written) : MESSAGES.setupNotStarted);
        throw new UserError(MESSAGES.setupFailed(written, errorText(e)));
      }
    });
  let result: SetupResult;
  try {
    result = locked();
  } catch (e) {
    // The lock's own flush found nothing left to save: setup's flush had committed everything.
    if (!committed || !(e instanceof UserError) || e.message !== MESSAGES.flushFailed) throw e;
    result = committed;
  }
  showFirstSheetToFill(ss, result);
  const parts: string[] = [];
  if (result.createdSheets.length) parts.push(`tạo ${result.createdSheets.length} trang tính`);
  const columns = result.addedColumns.reduce((n, s) => n + s.columns.length, 0);
  if (columns) parts.push(`thêm ${columns} cột`);
  if (result.addedSettings.length) parts.push(`thêm ${result.addedSettings.length} thông số cấu hình`);
  const completed = result.completed.reduce((n, s) => n + s.columns.length, 0);
  if (completed) parts.push(MESSAGES.setupCompleted(completed));
  let message = parts.length ? `Đã ${parts.join(', ')}.` : MESSAGES.setupNothing;
  if (result.skipped.length) message += ` ${result.skipped.map((s) => s.reason).join(' ')}`;
  if (result.lookalikes.length)
    message += ` ${MESSAGES.setupLookalikes} ${result.lookalikes.map((l) => l.message).join(' ')}`;
  return { ...result, message };
}

/**
 * Google makes each inserted sheet the active one, so after creating sheets the user would land on
 * the last (`Văn bản`). The first sheet to fill is shown instead: `Đơn vị` when setup created it or
 * added a required column to it, else `Cấu hình` when setup created it (the officer had typed the units
 * already), else `Đơn vị`. A sheet the officer hid stays hidden (activating shows a hidden sheet).
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#activate
 */
function showFirstSheetToFill(ss: Spreadsheet, result: SetupResult): void {
  if (result.createdSheets.length === 0) return;
  const created = (key: 'units' | 'config') => result.createdSheets.includes(SHEETS[key].name);
  // A column to fill added to the officer's own `Đơn vị` (not an optional one like Tối thiểu).
  const required = new Set(SHEETS.units.columns.filter((c) => c.required).map((c) => c.header));
  const unitsToFill = result.addedColumns.some(
    (a) => a.sheet === SHEETS.units.name && a.columns.some((c) => required.has(c)),
  );
  const key = created('units') || unitsToFill ? 'units' : created('config') ? 'config' : 'units';
  try {
    const sheet = findSheet(ss, key);
    if (sheet && !sheet.isSheetHidden()) sheet.activate();
  } catch (e) {
    // Only the view: the sheets are set up, so a failure here is logged, never reported as a failed setup.
    console.error('activating Đơn vị failed', e);
  }
}

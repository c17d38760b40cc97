/** The "Thiết lập bảng tính" action: setupWorkbook under the document lock, with a summary sentence. */
import type { SetupResultDto } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { errorText, isGoogleServiceFailure } from './failures';
import { UserError, withDocumentLock } from './lock';
import { type SetupProgress, setupWorkbook } from './setup';
import type { Spreadsheet } from './workbook';

export function runSetup(ss: Spreadsheet): SetupResultDto {
  const result = withDocumentLock(() => {
    const progress: SetupProgress = { writes: 0 };
    try {
      return setupWorkbook(ss, progress);
    } catch (e) {
      if (e instanceof UserError) throw e;
      console.error('setupWorkbook failed', e);
      // Setup only ever adds, and completes what an interrupted run left, so running it again finishes.
      const wrote = progress.writes > 0;
      if (isGoogleServiceFailure(e)) throw new UserError(wrote ? MESSAGES.setupIncomplete : MESSAGES.setupNotStarted);
      throw new UserError(MESSAGES.setupFailed(wrote, errorText(e)));
    }
  });
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

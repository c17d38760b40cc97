/** The "Thiết lập bảng tính" action: setupWorkbook under the document lock, with a summary sentence. */
import type { SetupResultDto } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { UserError, withDocumentLock } from './lock';
import { setupWorkbook } from './setup';
import type { Spreadsheet } from './workbook';

export function runSetup(ss: Spreadsheet): SetupResultDto {
  const result = withDocumentLock(() => {
    try {
      return setupWorkbook(ss);
    } catch (e) {
      if (e instanceof UserError) throw e;
      console.error('setupWorkbook failed', e);
      // Setup only ever adds, so running it again completes what was left.
      throw new UserError(MESSAGES.setupIncomplete);
    }
  });
  const parts: string[] = [];
  if (result.createdSheets.length) parts.push(`tạo ${result.createdSheets.length} trang tính`);
  const columns = result.addedColumns.reduce((n, s) => n + s.columns.length, 0);
  if (columns) parts.push(`thêm ${columns} cột`);
  if (result.addedSettings.length) parts.push(`thêm ${result.addedSettings.length} thông số cấu hình`);
  let message = parts.length ? `Đã ${parts.join(', ')}.` : MESSAGES.setupNothing;
  if (result.skipped.length) message += ` ${result.skipped.map((s) => s.reason).join(' ')}`;
  return { ...result, message };
}

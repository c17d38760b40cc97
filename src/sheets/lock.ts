/**
 * Actions that write take the document lock, so two people clicking at once never interleave
 * their writes. The second one waits briefly, then gets a clear message.
 */
import { MESSAGES } from '../ui/vi';

/** How long a second user's action waits for the lock, in milliseconds. */
export const LOCK_WAIT_MS = 5000;

export class UserError extends Error {}

/** What this execution wrote (writeAll's `what`), for a truthful message when the final flush fails. */
const written: string[] = [];

/** Records that `what` (e.g. `trang "Phân bổ"`) was written in this execution. */
export function noteWritten(what: string): void {
  if (!written.includes(what)) written.push(what);
}

/**
 * Runs `action` holding the document lock. Whatever the action reads to write back must be read
 * inside it. Before the lock is released the pending writes are committed with SpreadsheetApp.flush(),
 * as the Lock reference asks ("you should call SpreadsheetApp.flush() prior to releasing the lock",
 * https://developers.google.com/apps-script/reference/lock/lock#releaselock;
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush).
 * A failing flush after a successful action says that some changes may not be saved; a failing
 * releaseLock changes nothing the action did (Apps Script releases the lock when the execution ends,
 * same page), so it is logged and the action's result stands.
 */
export function withDocumentLock<T>(
  action: () => T,
  /**
   * True when the action's last spreadsheet write was committed by its own flush (writeAll flushes
   * inside its guarded part) and nothing was written to a sheet after it: a second flush would
   * commit nothing.
   */
  options: { flushedByAction?: boolean } = {},
): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new UserError(MESSAGES.busy);
  let result: T;
  written.length = 0;
  try {
    result = action();
    if (!options.flushedByAction)
      try {
        SpreadsheetApp.flush();
      } catch (e) {
        console.error('flush before releasing the lock failed', e);
        throw new UserError(written.length > 0 ? MESSAGES.flushFailedIn(written.join(', ')) : MESSAGES.flushFailed);
      }
  } finally {
    try {
      lock.releaseLock();
    } catch (e) {
      console.error('releaseLock failed; the lock ends with the execution', e);
    }
  }
  return result;
}

/**
 * Actions that write take the document lock, so two people clicking at once never interleave
 * their writes. The second one waits briefly, then gets a clear message.
 */
import { MESSAGES } from '../ui/vi';

/** How long a second user's action waits for the lock, in milliseconds. */
export const LOCK_WAIT_MS = 5000;

export class UserError extends Error {}

export function withDocumentLock<T>(action: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new UserError(MESSAGES.busy);
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}

/**
 * LockService and Lock. Locks are exclusive between runtimes sharing a spreadsheet (two "users"),
 * re-entrant within one runtime, and released when the execution that took them ends. Waiting
 * cannot make another runtime release a lock (everything runs on one thread), so a failed wait
 * advances the clock by the timeout and gives up, as Google does after the timeout.
 */
import type { RuntimeContext } from './context';
import { messages, ServiceError } from './errors';
import { asGas, SERVICE_NAME, ServiceObject } from './service';

type GasLock = GoogleAppsScript.Lock.Lock;

/** One lock handle (each getXLock() call returns a new one, as in Apps Script). */
export class LocalLock
  extends ServiceObject
  implements Pick<GasLock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'>
{
  get [SERVICE_NAME]() {
    return 'Lock';
  }

  private held = false;

  constructor(
    private readonly ctx: RuntimeContext,
    readonly scope: string,
  ) {
    super();
  }

  tryLock(timeoutInMillis: number): boolean {
    const table = this.ctx.spreadsheet.shared.locks;
    if (table.acquire(this.scope, this.ctx.lockOwner)) {
      this.held = true;
      this.ctx.onLockAcquired(() => this.releaseLock());
      return true;
    }
    this.ctx.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new ServiceError(messages.lockTimeout());
  }

  hasLock(): boolean {
    return this.held && this.ctx.spreadsheet.shared.locks.isHeldBy(this.scope, this.ctx.lockOwner);
  }

  releaseLock(): void {
    if (this.held) this.ctx.spreadsheet.shared.locks.release(this.scope, this.ctx.lockOwner);
    this.held = false;
  }
}

/** LockService. */
export class LocalLockService
  extends ServiceObject
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  get [SERVICE_NAME]() {
    return 'LockService';
  }

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  getDocumentLock(): GasLock {
    return asGas(new LocalLock(this.ctx, `document:${this.ctx.spreadsheet.getId()}`));
  }

  getScriptLock(): GasLock {
    return asGas(new LocalLock(this.ctx, 'script'));
  }

  getUserLock(): GasLock {
    return asGas(new LocalLock(this.ctx, `user:${this.ctx.user}`));
  }
}

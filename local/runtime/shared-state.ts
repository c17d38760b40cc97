import type { LocalDocument } from './document';

/**
 * State that outlives one execution and is shared by every runtime (user) working on the same
 * spreadsheet: property stores, caches and locks. It hangs off the LocalSpreadsheet, so two
 * Runtime instances built on the same spreadsheet object see each other's locks and properties.
 */

/** Key/value strings of one property store (document, script, or one user's). */
export class PropertyStore {
  readonly values = new Map<string, string>();
}

/** One cache (document, script, or one user's) with entries expiring at a clock time. */
export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

/** Holders of the exclusive locks, keyed by scope ("document", "script", "user:<email>"). */
export class LockTable {
  private readonly holders = new Map<string, object>();

  /** Takes the lock for `owner` if it is free or already theirs. */
  acquire(scope: string, owner: object): boolean {
    const holder = this.holders.get(scope);
    if (holder !== undefined && holder !== owner) return false;
    this.holders.set(scope, owner);
    return true;
  }

  /** Releases the lock if `owner` holds it. */
  release(scope: string, owner: object): void {
    if (this.holders.get(scope) === owner) this.holders.delete(scope);
  }

  /** True when `owner` holds the lock. */
  isHeldBy(scope: string, owner: object): boolean {
    return this.holders.get(scope) === owner;
  }
}

/** Everything shared between runtimes on one spreadsheet. */
export class SharedState {
  readonly documentProperties = new PropertyStore();
  readonly scriptProperties = new PropertyStore();
  private readonly userProperties = new Map<string, PropertyStore>();
  readonly documentCache = new CacheStore();
  readonly scriptCache = new CacheStore();
  private readonly userCaches = new Map<string, CacheStore>();
  readonly locks = new LockTable();
  /** Google Docs made or preloaded by any runtime on this spreadsheet (document.ts). */
  readonly documents: LocalDocument[] = [];

  /** The property store of one user. */
  userPropertiesOf(user: string): PropertyStore {
    let s = this.userProperties.get(user);
    if (!s) {
      s = new PropertyStore();
      this.userProperties.set(user, s);
    }
    return s;
  }

  /** The cache of one user. */
  userCacheOf(user: string): CacheStore {
    let c = this.userCaches.get(user);
    if (!c) {
      c = new CacheStore();
      this.userCaches.set(user, c);
    }
    return c;
  }
}

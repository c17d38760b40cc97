/** CacheService and Cache, expiring entries by the runtime clock, with Google's size limits. */
import type { RuntimeContext } from './context';
import { messages, ServiceError } from './errors';
import { asGas, SERVICE_NAME, ServiceObject } from './service';
import type { CacheStore } from './shared-state';

type GasCache = GoogleAppsScript.Cache.Cache;

/** Default lifetime of an entry, in seconds. */
export const DEFAULT_CACHE_SECONDS = 600;
/** Longest lifetime Google keeps an entry, in seconds (6 hours). */
export const MAX_CACHE_SECONDS = 21600;
/** Longest key, in characters, and largest value, in bytes. */
export const MAX_CACHE_KEY_LENGTH = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;

/** One cache. */
export class LocalCache
  extends ServiceObject
  implements Pick<GasCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>
{
  get [SERVICE_NAME]() {
    return 'Cache';
  }

  constructor(
    private readonly store: CacheStore,
    private readonly ctx: RuntimeContext,
  ) {
    super();
  }

  private check(key: string, value: string): void {
    if (key.length > MAX_CACHE_KEY_LENGTH) throw new ServiceError(messages.argumentTooLarge('key'));
    if (Buffer.byteLength(value, 'utf8') > MAX_CACHE_VALUE_BYTES)
      throw new ServiceError(messages.argumentTooLarge('value'));
  }

  get(key: string): string | null {
    const e = this.store.entries.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this.ctx.clock.now()) {
      this.store.entries.delete(String(key));
      return null;
    }
    return e.value;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds: number = DEFAULT_CACHE_SECONDS): void {
    const k = String(key);
    const v = String(value);
    this.check(k, v);
    const seconds = Math.min(Math.max(1, Number(expirationInSeconds) || DEFAULT_CACHE_SECONDS), MAX_CACHE_SECONDS);
    this.store.entries.set(k, { value: v, expiresAt: this.ctx.clock.now() + seconds * 1000 });
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds: number = DEFAULT_CACHE_SECONDS): void {
    const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) this.check(k, v);
    for (const [k, v] of entries) this.put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.store.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

/** CacheService: document and script caches are shared by all users; user caches are per user. */
export class LocalCacheService
  extends ServiceObject
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'>
{
  get [SERVICE_NAME]() {
    return 'CacheService';
  }

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  getDocumentCache(): GasCache | null {
    return asGas(new LocalCache(this.ctx.spreadsheet.shared.documentCache, this.ctx));
  }

  getScriptCache(): GasCache {
    return asGas(new LocalCache(this.ctx.spreadsheet.shared.scriptCache, this.ctx));
  }

  getUserCache(): GasCache {
    return asGas(new LocalCache(this.ctx.spreadsheet.shared.userCacheOf(this.ctx.user), this.ctx));
  }
}

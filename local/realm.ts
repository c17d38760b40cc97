/** Copies values across realms: guest (vm) values into plain host values, and host arguments into the guest. */
import type { GuestRealm } from './runtime/boundary';
import { isServiceObject } from './runtime/service';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Sets an own property of a copy. A key "__proto__" (JSON.parse makes it an own property) stays an own
 * property: assigning it would replace the copy's prototype, so the bundle would inherit what it holds.
 */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

/**
 * Deep-copies a value returned by the bundle into host-realm values, like a structured clone:
 * arrays and plain objects are rebuilt, dates copied, functions and undefined properties dropped.
 * Service objects (and the bundle's proxies of them) are returned as they are.
 */
export function toHost(value: unknown, seen = new Set<object>()): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (isServiceObject(value)) return value;
  if (isDate(value)) return new Date(value.getTime());
  if (seen.has(value)) throw new TypeError('Converting circular structure returned by the bundle');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // Not value.map: that would build the copy with the bundle realm's Array (species).
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = toHost(value[i], seen) ?? null;
      return out;
    }
    if (value instanceof Map || Object.prototype.toString.call(value) === '[object Map]') {
      return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [toHost(k, seen), toHost(v, seen)]));
    }
    if (value instanceof Set || Object.prototype.toString.call(value) === '[object Set]') {
      return new Set([...(value as Set<unknown>)].map((v) => toHost(v, seen)));
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const copy = toHost(v, seen);
      if (copy !== undefined) setOwn(out, k, copy);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Copies host arguments into guest arrays/objects so `instanceof Array` holds in the bundle. Dates stay as they are. */
export function toGuest(value: unknown, realm: GuestRealm): unknown {
  if (value === null || typeof value !== 'object' || isDate(value) || isServiceObject(value)) return value;
  if (Array.isArray(value)) {
    const out = new realm.Array(value.length);
    value.forEach((v, i) => {
      out[i] = toGuest(v, realm);
    });
    return out;
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const out = new realm.Object() as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) setOwn(out, k, toGuest(v, realm));
    return out;
  }
  return value;
}

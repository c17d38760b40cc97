/**
 * The boundary between the bundle and the local services. Every service object handed to the
 * bundle is a Proxy that counts each method call as "<Class>.<method>", applies injected faults,
 * unwraps proxies passed back as arguments, and wraps what the call returns the same way.
 *
 * When a guest realm (the bundle's vm context) is given, arrays and plain objects returned to the
 * bundle are rebuilt with that realm's Array/Object, and service errors are thrown as that realm's
 * Error, so `instanceof Array` and `instanceof Error` behave in the bundle as in Apps Script. Dates
 * stay host dates: the bundle's `Date` is a host constructor (see clock.ts).
 */
import { isServiceObject, SERVICE_NAME, type ServiceObject } from './service';

/** Intrinsics of the realm the bundle runs in. */
export interface GuestRealm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

/** What the boundary does around each call. */
export interface BoundaryHooks {
  /** Called before each call with its key; may throw to inject a fault. */
  beforeCall(key: string): void;
  /** Called when the call is over (also when it threw), with whether it succeeded. */
  afterCall?(key: string, ok: boolean): void;
}

/** Wraps service objects for one realm. */
export class Boundary {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, ServiceObject>();

  constructor(
    private readonly hooks: BoundaryHooks,
    private readonly realm?: GuestRealm,
  ) {}

  /** The service object behind a proxy (or the value itself). */
  unwrap<T>(value: T): T {
    if (value !== null && typeof value === 'object') {
      const target = this.targets.get(value as object);
      if (target) return target as T;
      if (Array.isArray(value)) {
        let changed = false;
        const out = value.map((v) => {
          const u = this.unwrap(v);
          if (u !== v) changed = true;
          return u;
        });
        return (changed ? out : value) as T;
      }
    }
    return value;
  }

  /** Prepares a value for the bundle: proxies for services, guest arrays/objects, as-is otherwise. */
  wrap<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    if (isServiceObject(value)) return this.proxyOf(value) as T;
    if (Array.isArray(value)) {
      const out = this.realm ? new this.realm.Array(value.length) : new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.wrap(value[i]);
      return out as T;
    }
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const out = (this.realm ? new this.realm.Object() : {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.wrap(v);
      return out as T;
    }
    return value;
  }

  private proxyOf(target: ServiceObject): object {
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get: (t, prop) => {
          const value = Reflect.get(t, prop, t);
          // A service reached as a property (Docs.Documents) is counted like one returned by a call.
          if (isServiceObject(value)) return this.proxyOf(value);
          if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
          return this.method(t, prop, value as (...args: unknown[]) => unknown);
        },
        set: () => false,
      });
      this.proxies.set(target, proxy);
      this.targets.set(proxy, target);
    }
    return proxy;
  }

  private method(target: ServiceObject, name: string, fn: (...args: unknown[]) => unknown) {
    const key = `${target[SERVICE_NAME]}.${name}`;
    return (...args: unknown[]): unknown => {
      let result: unknown;
      let ok = false;
      try {
        this.hooks.beforeCall(key);
        result = fn.apply(
          target,
          args.map((a) => this.unwrap(a)),
        );
        ok = true;
      } catch (e) {
        throw this.toGuestError(e);
      } finally {
        this.hooks.afterCall?.(key, ok);
      }
      return result === target ? this.proxyOf(target) : this.wrap(result);
    };
  }

  private toGuestError(e: unknown): unknown {
    if (!this.realm || !(e instanceof Error)) return e;
    const err = new this.realm.Error(e.message);
    err.name = e.name;
    return err;
  }
}

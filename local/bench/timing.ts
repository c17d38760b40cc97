/**
 * A Runtime that also times the service calls: every service object the bundle receives is wrapped
 * once more (outside the counting boundary) so the time spent inside services, and the cells moved
 * in 2-D arrays, are known. The script's own time (the domain code and the orchestration) is the
 * wall time minus the time inside services. Calls are counted exactly as by the plain Runtime.
 */
import { type GuestRealm, Runtime, type RuntimeOptions, type ServiceGlobals } from '../runtime';
import { isServiceObject, SERVICE_NAME } from '../runtime/service';

/** What the timing layer saw during one measured run. */
export interface ServiceTiming {
  /** Milliseconds inside service calls (outermost calls only). */
  serviceMs: number;
  /** Milliseconds by "Class.method". */
  msByKey: Record<string, number>;
  /** Cells returned in 2-D arrays (getValues, getBackgrounds, getNotes …). */
  cellsRead: number;
  /** Cells passed in 2-D arrays (setValues, setBackgrounds, setNotes …). */
  cellsWritten: number;
}

/** Number of cells of a 2-D array (0 for anything else). */
function cellsOf(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return 0;
  let n = 0;
  for (const row of value) n += Array.isArray(row) ? row.length : 0;
  return n;
}

/** Cells of a local Range or RangeList (0 for other service objects). */
function coveredCells(target: object): number {
  type Rect = { rect?: { numRows: number; numColumns: number } };
  const t = target as Rect & { ranges?: readonly Rect[] };
  const cells = (r: Rect) => (r.rect ? r.rect.numRows * r.rect.numColumns : 0);
  if (t.rect) return cells(t);
  return Array.isArray(t.ranges) ? t.ranges.reduce((n: number, r: Rect) => n + cells(r), 0) : 0;
}

/** The Runtime with timed services; `timing` accumulates until `resetTiming()`. */
export class TimedRuntime extends Runtime {
  timing: ServiceTiming = { serviceMs: 0, msByKey: {}, cellsRead: 0, cellsWritten: 0 };
  private readonly timed = new Map<GuestRealm | undefined, ServiceGlobals>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly inner = new WeakMap<object, object>();
  private depth = 0;

  constructor(options: RuntimeOptions = {}) {
    super(options);
  }

  resetTiming(): void {
    this.timing = { serviceMs: 0, msByKey: {}, cellsRead: 0, cellsWritten: 0 };
  }

  override globalsFor(realm: GuestRealm | undefined): ServiceGlobals {
    let g = this.timed.get(realm);
    if (!g) {
      const counted = super.globalsFor(realm);
      g = Object.fromEntries(
        Object.entries(counted).map(([k, v]) => [k, this.wrap(v as object)]),
      ) as unknown as ServiceGlobals;
      this.timed.set(realm, g);
    }
    return g;
  }

  /** Our proxy around a counted service object (one per object). */
  private wrap(target: object): object {
    const known = this.proxies.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        const value = Reflect.get(t, prop);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => this.call(t, value as (...a: unknown[]) => unknown, args, prop);
      },
    });
    this.proxies.set(target, proxy);
    this.inner.set(proxy, target);
    return proxy;
  }

  private unwrapArg(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.inner.get(value);
    if (target) return target;
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && !Array.isArray(value[0])) {
      // Arrays of service objects (e.g. setActiveRangeList); value grids are left as they are.
      let changed = false;
      const out = value.map((v) => {
        const u = this.unwrapArg(v);
        if (u !== v) changed = true;
        return u;
      });
      return changed ? out : value;
    }
    return value;
  }

  private wrapResult(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isServiceObject(value)) return this.wrap(value);
    if (Array.isArray(value) && value.length > 0 && isServiceObject(value[0])) {
      for (let i = 0; i < value.length; i++) value[i] = this.wrapResult(value[i]);
    }
    return value;
  }

  private call(target: object, fn: (...a: unknown[]) => unknown, args: unknown[], method: string): unknown {
    const outer = this.depth === 0;
    const start = performance.now();
    this.depth++;
    let result: unknown;
    try {
      result = fn.apply(
        target,
        args.map((a) => this.unwrapArg(a)),
      );
    } finally {
      this.depth--;
      if (outer) {
        const ms = performance.now() - start;
        const t = this.timing;
        t.serviceMs += ms;
        const key = `${serviceClassOf(target)}.${method}`;
        t.msByKey[key] = (t.msByKey[key] ?? 0) + ms;
      }
    }
    let grid = 0;
    for (const a of args) grid += cellsOf(a);
    // A one-value setter (setBackground, setNote, setNumberFormat …) on a Range or RangeList writes
    // every cell it covers; setValues-style calls pass the grid itself.
    this.timing.cellsWritten += grid > 0 ? grid : method.startsWith('set') ? coveredCells(target) : 0;
    this.timing.cellsRead += cellsOf(result);
    return this.wrapResult(result);
  }
}

/** The Apps Script class name of a (counted) service object, as the call counts name it. */
function serviceClassOf(target: object): string {
  const name = (target as Record<symbol, unknown>)[SERVICE_NAME];
  return typeof name === 'string' ? name : 'Unknown';
}

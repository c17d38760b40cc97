/**
 * The local Apps Script runtime: in-memory services around a LocalSpreadsheet, a clock, a user and
 * a UI recorder. `runtime.services` are the raw services (calls not counted); `runtime.globals`
 * are the same services behind the counting boundary, as the bundle sees them.
 *
 *   const runtime = new Runtime({ spreadsheet: await loadWorkbook('samples/x.xlsx'), now: '2024-01-05T08:00:00+07:00' });
 *   const { result, calls } = runBundle(runtime, 'onOpen');
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadBundle } from '../vm';
import { Boundary, type GuestRealm } from './boundary';
import { CallCounter, type CallCounts, diffCalls, FaultInjector, type FaultOptions } from './calls';
import { Clock } from './clock';
import type { LogEntry, RuntimeContext } from './context';
import { createGlobals, type ServiceGlobals } from './globals';
import { LocalSpreadsheet } from './spreadsheet';
import { DEFAULT_TIME_ZONE } from './timezone';
import { UiRecorder } from './ui';

/** Options of a runtime. */
export interface RuntimeOptions {
  /** The bound spreadsheet (default: a new one with one sheet "Trang tính1"). Share it between runtimes to simulate several users. */
  spreadsheet?: LocalSpreadsheet;
  /** Fixed "now" (default: real time). */
  now?: Date | string | number;
  /** Email of the user running scripts (default "user@example.com"). */
  user?: string;
  /** Repository root (default: found by walking up from this file to package.json). */
  projectDir?: string;
  /** Receives each log line (Logger, console). Lines are always kept in `runtime.logs`. */
  onLog?: (entry: LogEntry) => void;
}

/** Finds the repository root: the nearest ancestor of `start` holding a package.json. */
export function findProjectDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function readScriptTimeZone(projectDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(projectDir, 'appsscript.json'), 'utf8')) as { timeZone?: string };
    return manifest.timeZone ?? DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** One user's Apps Script environment on a spreadsheet. */
export class Runtime implements RuntimeContext {
  readonly spreadsheet: LocalSpreadsheet;
  readonly clock: Clock;
  readonly user: string;
  readonly projectDir: string;
  readonly scriptTimeZone: string;
  readonly ui: UiRecorder;
  /** Log lines written by Logger and console, oldest first. */
  readonly logs: LogEntry[] = [];
  /** The raw services; calls on them are not counted. */
  readonly services: ServiceGlobals;
  readonly lockOwner: object = {};

  private readonly counter = new CallCounter();
  private readonly faults = new FaultInjector();
  private readonly boundaries = new Map<GuestRealm | undefined, ServiceGlobals>();
  private readonly onLog: ((entry: LogEntry) => void) | undefined;
  private execution: (() => void)[] | null = null;

  constructor(options: RuntimeOptions = {}) {
    this.spreadsheet = options.spreadsheet ?? LocalSpreadsheet.create();
    this.clock = new Clock(options.now);
    this.user = options.user ?? 'user@example.com';
    this.projectDir = options.projectDir ?? findProjectDir();
    this.scriptTimeZone = readScriptTimeZone(this.projectDir);
    this.ui = new UiRecorder(() => this.spreadsheet.toasts);
    this.onLog = options.onLog;
    this.services = createGlobals(this);
  }

  /** The services as the bundle sees them: calls are counted and faults applied. Errors stay host errors. */
  get globals(): ServiceGlobals {
    return this.globalsFor(undefined);
  }

  /** The counted services for a guest realm (used by loadBundle). */
  globalsFor(realm: GuestRealm | undefined): ServiceGlobals {
    let g = this.boundaries.get(realm);
    if (!g) {
      const boundary = new Boundary(
        {
          beforeCall: (key) => {
            this.counter.hit(key);
            this.faults.check(key, this.spreadsheet.getId());
          },
        },
        realm,
      );
      g = Object.fromEntries(
        Object.entries(this.services).map(([k, v]) => [k, boundary.wrap(v)]),
      ) as unknown as ServiceGlobals;
      this.boundaries.set(realm, g);
    }
    return g;
  }

  /** Counted calls so far, by "<Class>.<method>", with `total`. */
  get calls(): CallCounts {
    return this.counter.snapshot();
  }

  /** Forgets the counted calls. */
  resetCalls(): void {
    this.counter.reset();
  }

  /**
   * Makes a counted call fail like a Google service outage: `failOn('Range.setValues', { after: 2 })`
   * lets two calls succeed and fails the third (once, unless `times` says otherwise).
   */
  failOn(key: string, options: FaultOptions = {}): void {
    this.faults.add(key, options);
  }

  /** Removes all injected faults. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Runs `fn` as one Apps Script execution: locks it takes are released when it ends. */
  execute<T>(fn: () => T): T {
    if (this.execution) return fn();
    this.execution = [];
    try {
      return fn();
    } finally {
      const releases = this.execution;
      this.execution = null;
      for (const release of releases) release();
    }
  }

  onLockAcquired(release: () => void): void {
    this.execution?.push(release);
  }

  log(entry: LogEntry): void {
    this.logs.push(entry);
    this.onLog?.(entry);
  }
}

/** Result of one bundle call. */
export interface BundleRun {
  result: unknown;
  /** Calls made by this run only. */
  calls: CallCounts;
  /** Wall time of the run in milliseconds (informative; do not assert on it). */
  ms: number;
}

const bundles = new WeakMap<Runtime, ReturnType<typeof loadBundle>>();

/** Runs a top-level function of build/Code.js on the runtime (the bundle is loaded once per runtime). */
export function runBundle(runtime: Runtime, fnName: string, args: unknown[] = []): BundleRun {
  let bundle = bundles.get(runtime);
  if (!bundle) {
    bundle = loadBundle({ runtime });
    bundles.set(runtime, bundle);
  }
  const before = runtime.calls;
  const start = performance.now();
  const result = bundle.call(fnName, ...args);
  const ms = performance.now() - start;
  return { result, calls: diffCalls(before, runtime.calls), ms };
}

export { loadBundle } from '../vm';
export type { GuestRealm } from './boundary';
export type { CallCounts, FaultOptions } from './calls';
export { Clock } from './clock';
export type { LogEntry, RuntimeContext } from './context';
export { ServiceError } from './errors';
export type { ServiceGlobals } from './globals';
export { LocalRange } from './range';
export { LocalSheet } from './sheet';
export { LocalSpreadsheet, type SpreadsheetOptions } from './spreadsheet';
export type { QueuedResponse, RecordedMenu, ShownHtml } from './ui';
export { UiRecorder } from './ui';

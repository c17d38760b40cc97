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
import type { Actor, CellCounts } from './access';
import { AuthMode, type AuthModeName, AuthState } from './auth';
import { Boundary, type GuestRealm } from './boundary';
import { CallCounter, type CallCounts, diffCalls, FaultInjector, type FaultOptions } from './calls';
import { Clock } from './clock';
import type { LogEntry, RuntimeContext } from './context';
import type { LocalDocument } from './document';
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
  /**
   * OAuth scopes this user granted (default: all of appsscript.json's oauthScopes). Granular
   * consent lets a user grant only some; calls needing a missing scope fail like Google's (auth.ts).
   */
  grantedScopes?: readonly string[];
  /** The manifest's oauthScopes (default: read from appsscript.json); a user can grant only these. */
  oauthScopes?: readonly string[];
  /**
   * User symbols of the advanced services the manifest enables (default: appsscript.json's
   * dependencies.enabledAdvancedServices); only "Docs" exists locally. A service not enabled is no global.
   */
  advancedServices?: readonly string[];
}

/** Options of `Runtime.onCall`. */
export interface OnCallOptions {
  /** Run the callback on every such call rather than on the first one only. */
  always?: boolean;
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

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol?: string }[] };
}

function readManifest(projectDir: string): Manifest {
  try {
    return JSON.parse(readFileSync(join(projectDir, 'appsscript.json'), 'utf8')) as Manifest;
  } catch {
    return {};
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
  /** Scopes the user granted, authorization mode of the execution, prompts shown. */
  readonly auth: AuthState;

  private readonly counter = new CallCounter();
  private readonly cellCounts: CellCounts = { read: 0, written: 0 };
  private readonly actor: Actor;
  private readonly callbacks = new Map<string, { fn: () => void; always: boolean }[]>();
  private readonly faults = new FaultInjector();
  private readonly boundaries = new Map<GuestRealm | undefined, ServiceGlobals>();
  private readonly onLog: ((entry: LogEntry) => void) | undefined;
  private execution: (() => void)[] | null = null;

  constructor(options: RuntimeOptions = {}) {
    this.spreadsheet = options.spreadsheet ?? LocalSpreadsheet.create();
    this.clock = new Clock(options.now);
    this.user = options.user ?? 'user@example.com';
    this.projectDir = options.projectDir ?? findProjectDir();
    const manifest = readManifest(this.projectDir);
    this.scriptTimeZone = manifest.timeZone ?? DEFAULT_TIME_ZONE;
    // Without oauthScopes in the manifest, Apps Script detects the scopes from the code: none is missing.
    this.auth = new AuthState(options.oauthScopes ?? manifest.oauthScopes, options.grantedScopes);
    const runtime = this;
    this.actor = {
      user: this.user,
      token: this,
      get buffering() {
        return runtime.execution !== null;
      },
      cells: this.cellCounts,
      now: () => this.clock.now(),
    };
    this.ui = new UiRecorder(() => this.spreadsheet.toasts);
    this.onLog = options.onLog;
    const advanced =
      options.advancedServices ?? (manifest.dependencies?.enabledAdvancedServices ?? []).map((a) => a.userSymbol ?? '');
    this.services = createGlobals(this, advanced);
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
            this.auth.check(key);
            this.spreadsheet.access.enter(this.actor);
          },
          afterCall: (key, ok) => {
            this.spreadsheet.access.leave();
            if (ok) this.runCallbacks(key);
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

  /** Google Docs made (or preloaded) by every runtime on this spreadsheet, with owner, editors and viewers. */
  get documents(): LocalDocument[] {
    return [...this.spreadsheet.shared.documents];
  }

  /** Cells read and written by counted calls so far (getValues on 10×3 reads 30; RangeList ops count each range). */
  get cells(): CellCounts {
    return { read: this.cellCounts.read, written: this.cellCounts.written };
  }

  /** Forgets the counted calls and cells. */
  resetCalls(): void {
    this.counter.reset();
    this.cellCounts.read = 0;
    this.cellCounts.written = 0;
  }

  /**
   * Runs `callback` right after the counted call `key` (e.g. "Lock.releaseLock") returns, to
   * interleave another user: `a.onCall('Lock.releaseLock', () => runBundle(b, 'generateNotice', …))`
   * runs B's whole action while A is between releaseLock and the end of its execution. The
   * callback sees the committed spreadsheet (A's unflushed writes hidden). Once unless `always`.
   * Returns a function removing the callback.
   */
  onCall(key: string, callback: () => void, options: OnCallOptions = {}): () => void {
    const entry = { fn: callback, always: options.always === true };
    const list = this.callbacks.get(key) ?? [];
    list.push(entry);
    this.callbacks.set(key, list);
    return () => {
      const l = this.callbacks.get(key);
      if (l)
        this.callbacks.set(
          key,
          l.filter((e) => e !== entry),
        );
    };
  }

  private runCallbacks(key: string): void {
    const list = this.callbacks.get(key);
    if (!list?.length) return;
    const due = [...list];
    this.callbacks.set(
      key,
      list.filter((e) => e.always),
    );
    for (const e of due) {
      this.spreadsheet.access.showCommitted();
      e.fn();
    }
  }

  /** Makes this runtime's pending writes visible to other runtimes (SpreadsheetApp.flush). */
  flushWrites(): void {
    this.spreadsheet.access.flush(this.actor.token);
  }

  /** True while this runtime has spreadsheet writes other runtimes do not see yet. */
  get hasPendingWrites(): boolean {
    return this.spreadsheet.access.hasPending(this.actor.token);
  }

  /**
   * Runs `fn` as one execution in authorization mode `mode` (a trigger: onOpen in an add-on not
   * enabled in the document runs in NONE). The mode ends with the execution.
   */
  executeAs<T>(mode: AuthModeName, fn: () => T): T {
    const before = this.auth.mode;
    this.auth.mode = mode;
    try {
      return this.execute(fn);
    } finally {
      this.auth.mode = before;
    }
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

  /**
   * Runs `fn` as one Apps Script execution: when it ends, its pending spreadsheet writes are
   * flushed and the locks it took are released.
   */
  execute<T>(fn: () => T): T {
    if (this.execution) return fn();
    this.execution = [];
    try {
      return fn();
    } finally {
      const releases = this.execution;
      this.execution = null;
      this.flushWrites();
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
  /** Cells read and written by this run only. */
  cells: CellCounts;
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
  const cellsBefore = runtime.cells;
  const start = performance.now();
  const result = bundle.call(fnName, ...args);
  const ms = performance.now() - start;
  const cellsAfter = runtime.cells;
  return {
    result,
    calls: diffCalls(before, runtime.calls),
    cells: { read: cellsAfter.read - cellsBefore.read, written: cellsAfter.written - cellsBefore.written },
    ms,
  };
}

/** The event object of onOpen(e) (https://developers.google.com/apps-script/guides/triggers/events#open). */
export interface OpenEvent {
  /** ScriptApp.AuthMode[mode]: an enum object (prints as its name). */
  authMode: (typeof AuthMode)[AuthModeName];
  source?: unknown;
  user?: unknown;
}

/**
 * Runs the bundle's onOpen(e) as Google does when a spreadsheet opens: `e.authMode` is
 * ScriptApp.AuthMode[mode], and in NONE every call but building the add-on menu (and logging,
 * Utilities) throws Google's authorization error; LIMITED refuses other files (auth.ts).
 */
export function runOnOpen(runtime: Runtime, mode: AuthModeName = 'LIMITED'): BundleRun {
  const event: OpenEvent = { authMode: AuthMode[mode] };
  return runInMode(runtime, mode, () => runBundle(runtime, 'onOpen', [event]));
}

/** Runs `fn` (runBundle calls) with the runtime in authorization mode `mode`. */
export function runInMode<T>(runtime: Runtime, mode: AuthModeName, fn: () => T): T {
  return runtime.executeAs(mode, fn);
}

export { loadBundle } from '../vm';
export type { CellCounts } from './access';
export { AuthMode, type AuthModeName, AuthorizationStatus, AuthState, SCOPES } from './auth';
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

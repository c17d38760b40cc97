/**
 * One benchmark case: an operation on the synthetic workbook of a scale, after its prerequisites ran
 * unmeasured, twice on fresh copies of the workbook:
 *
 * 1. the bundle (build/Code.js) on a fresh TimedRuntime with a fresh bundle load, as Apps Script
 *    reloads it on every execution: the calls, wall and service time, cells moved, peak memory;
 * 2. the same top-level function from src/main.ts in Node's own realm, on the same timed services
 *    with the runtime's clock as `Date`: the domain time. The bundle's own time is inflated by the
 *    node:vm context, where every global built-in (Map, Math, String …) is looked up through the
 *    context's interceptors; Apps Script has no such cost, so the estimate uses this run.
 *
 * `dtts bench` runs each case in its own child process so peak memory is per case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as server from '../../src/main';
import { type CallCounts, loadBundle, Runtime } from '../runtime';
import type { Clock } from '../runtime/clock';
import { createValueGlobals } from '../runtime/globals';
import type { LocalSpreadsheet } from '../runtime/spreadsheet';
import { congressOf333 } from './congress';
import { type Estimate, estimateGoogle } from './cost';
import { buildSynthetic, type Scale, SYNTHETIC_NOW, type SyntheticSummary, scaleLabel } from './synthetic';
import { TimedRuntime } from './timing';

/** An operation the bench measures. */
export interface Operation {
  id: string;
  /** Top-level function of the bundle. */
  fn: string;
  args: unknown[];
  /** Functions run first (unmeasured) so the operation has its real input. */
  after: string[];
  note?: string;
  /** Changes the workbook after `after` (unmeasured), e.g. to the size of a real congress. */
  edit?: (ss: LocalSpreadsheet) => void;
  /** Arguments read from the prepared workbook (unmeasured), instead of `args`. */
  argsOf?: (ss: LocalSpreadsheet) => unknown[];
}

export const OPERATIONS: readonly Operation[] = [
  { id: 'setupWorkbook', fn: 'setupWorkbook', args: [], after: [], note: 'second run, on the filled workbook' },
  { id: 'allocateDelegates', fn: 'allocateDelegates', args: [], after: [] },
  { id: 'validateAll', fn: 'validateAll', args: [], after: ['allocateDelegates'], note: 'first run: no marks yet' },
  {
    id: 'validateAll re-run',
    fn: 'validateAll',
    args: [],
    after: ['allocateDelegates', 'validateAll'],
    note: 'second run on unchanged data: marks and report already right',
  },
  { id: 'progressSummary', fn: 'progressSummary', args: [], after: [] },
  { id: 'taskSummary', fn: 'taskSummary', args: [], after: [] },
  {
    id: 'compareMethods',
    fn: 'compareMethods',
    args: [],
    after: [],
    note: 'the six methods, each at the house size and the house size + 1; reads Cấu hình and Đơn vị, writes nothing',
  },
  {
    id: 'compositionSummary',
    fn: 'compositionSummary',
    args: [],
    after: [],
    note: 'the composition of the congress over every delegate row; reads Cấu hình, Đơn vị, Dân tộc theo đơn vị, Đại biểu, writes nothing',
  },
  {
    id: 'writeStatistics',
    fn: 'writeStatistics',
    args: [],
    after: ['allocateDelegates', 'writeStatistics'],
    note: 're-run: the Thống kê sheet (tables of every unit twice: delegates and seats) rewritten whole, its 3 charts replaced',
  },
  // After allocation; a prior validateAll would only add its summary to the document properties, no calls.
  { id: 'getOverview', fn: 'getOverview', args: [], after: ['allocateDelegates'] },
  ...(['thong-bao-ket-luan', 'phan-bo-dai-bieu', 'phan-cong-nhiem-vu'] as const).map((kind) => ({
    id: `generateNotice ${kind}`,
    fn: 'generateNotice',
    args: [kind],
    after: kind === 'phan-bo-dai-bieu' ? ['allocateDelegates'] : [],
  })),
  {
    id: 'generateNotice giay-moi',
    fn: 'generateNotice',
    args: ['giay-moi', { guests: true }],
    after: [],
    edit: congressOf333,
    note: 'a congress of 333 people (250 official, 83 guests) at every scale: 333 invitations',
  },
  {
    id: 'generateNotice danh-sach-dai-bieu',
    fn: 'generateNotice',
    args: ['danh-sach-dai-bieu'],
    after: [],
    edit: congressOf333,
    note: 'the same congress: 250 official delegates',
  },
  {
    id: 'generateNotice bao-cao-co-cau',
    fn: 'generateNotice',
    args: ['bao-cao-co-cau', { force: true }],
    after: [],
    edit: congressOf333,
    note: 'the same congress: the composition of its 250 official delegates; confirmed (the generated delegates include namesakes)',
  },
  {
    id: 'importSubmission preview',
    fn: 'importSubmission',
    args: [],
    argsOf: intakeArgs('preview'),
    after: [],
    note: "one unit's returned list of 150 rows (its delegates, one changed, and new ones); writes nothing",
  },
  {
    id: 'importSubmission replace',
    fn: 'importSubmission',
    args: [],
    argsOf: intakeArgs('replace'),
    after: [],
    note: "the same list taken into Đại biểu: the unit's rows swapped, provenance, Tiếp nhận danh sách",
  },
];

/**
 * The first unit's list as it comes back (issue 15): a title row, the template's columns, the unit's
 * delegates of `Đại biểu` (the first one's position changed) and new ones up to 150 rows.
 */
function intakeArgs(mode: 'preview' | 'replace') {
  return (ss: LocalSpreadsheet): unknown[] => {
    const unit = String(ss.getSheetByName('Đơn vị')?.getRange(2, 1).getValue() ?? '');
    const grid = ss.getSheetByName('Đại biểu')?.getDataRange().getValues() ?? [];
    const header = (grid[0] ?? []).map((h) => String(h));
    const col = (name: string) => header.indexOf(name);
    const headers = ['Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Loại đại biểu', 'Chức vụ, nơi công tác'];
    const rows = grid
      .filter((r, i) => i > 0 && String(r[col('Mã đơn vị')]) === unit)
      .map((r) => headers.map((h) => r[col(h)] ?? ''));
    if (rows[0]) rows[0][5] = 'Chức vụ mới';
    for (let i = rows.length; i < 150; i++)
      rows.push([`Đại biểu mới ${i + 1}`, 'Ê-đê', i % 2 ? 'Nam' : 'Nữ', 1960 + (i % 40), 'Chính thức', '']);
    const table = [['DANH SÁCH ĐẠI BIỂU'], headers, ...rows.slice(0, 150)];
    return [unit, table, { fileName: 'Danh sách đại biểu.xlsx', mode }];
  };
}

export function operationById(id: string): Operation {
  const op = OPERATIONS.find((o) => o.id === id);
  if (!op) throw new Error(`Unknown operation "${id}" (known: ${OPERATIONS.map((o) => o.id).join(', ')})`);
  return op;
}

/** What one case measured. */
export interface CaseResult {
  scale: Scale;
  op: string;
  /** 'missing' when the bundle has no such function (then nothing is measured). */
  via: 'bundle' | 'missing';
  ok: boolean;
  /** The result's message, or the error. */
  message: string;
  calls: CallCounts;
  /** Wall time of the call on the local runtime. */
  wallMs: number;
  /** Time inside service calls (local runtime). */
  serviceMs: number;
  /** wallMs − serviceMs: the bundle's own time in the node:vm context (inflated, see above). */
  scriptMs: number;
  /** The same function from src/main.ts in Node's realm: wall − service time, the domain code alone. */
  domainMs: number;
  /** Calls of the src/main.ts run equal the bundle's (a consistency check). */
  sameCallsInNode: boolean;
  /** The src/main.ts run threw this. */
  nodeError?: string;
  /** Loading build/Code.js into a fresh context. */
  loadMs: number;
  cellsRead: number;
  cellsWritten: number;
  /** Slowest service calls on the local runtime, ms by key. */
  serviceMsByKey: Record<string, number>;
  /** Resident memory before the call and its peak during the call (MB); null when unknown. */
  rssBeforeMb: number | null;
  rssPeakMb: number | null;
  estimate: Estimate;
  /** Generation and prerequisites (not measured), ms. */
  setupMs: number;
  workbook: SyntheticSummary;
}

export interface CaseOptions {
  codePath?: string;
  projectDir?: string;
}

const MB = 1024 * 1024;

function procStatusKb(field: string): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Resets the peak-RSS mark (Linux ≥ 4.0); false when not possible. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function messageOf(result: unknown): string {
  if (result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    if (typeof r.message === 'string') return r.message;
    const keys = Object.keys(r).slice(0, 4).join(', ');
    return `{ ${keys}${Object.keys(r).length > 4 ? ', …' : ''} }`;
  }
  return result === undefined ? '' : String(result);
}

/** Builds the scale's workbook and runs the operation's prerequisites on it (unmeasured). */
function prepare(scale: Scale, op: Operation, options: CaseOptions) {
  const projectDir = options.projectDir ? { projectDir: options.projectDir } : {};
  const codePath = options.codePath ? { codePath: options.codePath } : {};
  const wb = buildSynthetic(scale, { ...projectDir, ...codePath });
  if (op.after.length > 0) {
    const prep = new Runtime({ spreadsheet: wb.spreadsheet, now: SYNTHETIC_NOW, ...projectDir });
    const bundle = loadBundle({ runtime: prep, ...codePath });
    for (const fn of op.after) bundle.call(fn);
  }
  op.edit?.(wb.spreadsheet);
  return wb;
}

type ServerFunctions = Record<string, ((...args: unknown[]) => unknown) | undefined>;

/** Runs one case in this process. */
export function runCase(scale: Scale, opId: string, options: CaseOptions = {}): CaseResult {
  const op = operationById(opId);
  const projectDir = options.projectDir ? { projectDir: options.projectDir } : {};
  const codePath = options.codePath ? { codePath: options.codePath } : {};
  const setupStart = performance.now();
  const { spreadsheet, summary } = prepare(scale, op, options);
  const setupMs = performance.now() - setupStart;
  // Read from the workbook before the measured call (unmeasured, on the raw services).
  const args = op.argsOf?.(spreadsheet) ?? op.args;

  // 1. The bundle.
  collectGarbage();
  const rssBefore = process.memoryUsage().rss / MB;
  const canPeak = resetPeakRss();
  const runtime = new TimedRuntime({ spreadsheet, now: SYNTHETIC_NOW, ...projectDir });
  const loadStart = performance.now();
  const bundle = loadBundle({ runtime, ...codePath });
  const loadMs = performance.now() - loadStart;
  runtime.resetCalls();
  runtime.resetTiming();
  let via: CaseResult['via'] = 'bundle';
  let ok = true;
  let message = '';
  const start = performance.now();
  try {
    if (bundle.functions.includes(op.fn)) message = messageOf(bundle.call(op.fn, ...args));
    else {
      via = 'missing';
      ok = false;
      message = `the bundle has no function ${op.fn}`;
    }
  } catch (e) {
    ok = false;
    message = e instanceof Error ? e.message : String(e);
  }
  const wallMs = performance.now() - start;
  const peakKb = canPeak ? procStatusKb('VmHWM') : null;
  const timing = runtime.timing;
  const calls = runtime.calls;
  const scriptMs = Math.max(0, wallMs - timing.serviceMs);

  // 2. The same function from src/main.ts, in Node's realm, on a fresh copy.
  let domainMs = scriptMs;
  let sameCallsInNode = false;
  let nodeError: string | undefined;
  const fn = (server as unknown as ServerFunctions)[op.fn];
  if (via === 'bundle' && fn) {
    const copy = prepare(scale, op, options);
    collectGarbage();
    const node = new TimedRuntime({ spreadsheet: copy.spreadsheet, now: SYNTHETIC_NOW, ...projectDir });
    const t = performance.now();
    let failed = false;
    try {
      const copyArgs = op.argsOf?.(copy.spreadsheet) ?? op.args;
      withGlobals(node, () => fn(...copyArgs));
    } catch (e) {
      failed = ok; // the bundle succeeded but this did not: not comparable
      nodeError = e instanceof Error ? e.message : String(e);
    }
    domainMs = Math.max(0, performance.now() - t - node.timing.serviceMs);
    const a = node.calls;
    sameCallsInNode = !failed && Object.keys({ ...a, ...calls }).every((k) => a[k] === calls[k]);
  }

  return {
    scale,
    op: op.id,
    via,
    ok,
    message,
    calls,
    wallMs,
    serviceMs: timing.serviceMs,
    scriptMs,
    domainMs,
    sameCallsInNode,
    ...(nodeError === undefined ? {} : { nodeError }),
    loadMs,
    cellsRead: timing.cellsRead,
    cellsWritten: timing.cellsWritten,
    serviceMsByKey: timing.msByKey,
    rssBeforeMb: rssBefore,
    rssPeakMb: peakKb === null ? null : peakKb / 1024,
    estimate: estimateGoogle({
      calls,
      cellsRead: timing.cellsRead,
      cellsWritten: timing.cellsWritten,
      scriptMs: domainMs,
      loadMs,
    }),
    setupMs,
    workbook: summary,
  };
}

const RealDate = Date;

/** A Date on the runtime's clock for this realm (runtime/clock.ts's refers to the global Date, which this replaces). */
function clockDate(clock: Clock): DateConstructor {
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(clock.now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [clock.now()] : args, new.target);
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => clock.now();
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  return ClockDate as unknown as DateConstructor;
}

/**
 * Runs fn as one execution with what the bundle would see as this realm's globals: the runtime's
 * timed services, the value globals, and a Date on the runtime's clock.
 */
export function withGlobals<T>(runtime: Runtime, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const services: Record<string, unknown> = {
    ...(runtime.globals as unknown as Record<string, unknown>),
    ...createValueGlobals(),
    Date: clockDate(runtime.clock),
  };
  const saved = Object.keys(services).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  Object.assign(g, services);
  try {
    return runtime.execute(fn);
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
  }
}

export function caseLabel(r: Pick<CaseResult, 'scale' | 'op'>): string {
  return `${scaleLabel(r.scale)} ${r.op}`;
}

/** Counting of service calls and injected faults, keyed "<Class>.<method>" (e.g. "Range.setValues"). */
import { messages, ServiceError } from './errors';

/** Call counts by "<Class>.<method>", plus the total of all calls. */
export type CallCounts = { [key: string]: number; total: number };

/** Counts calls by key. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  hit(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
  }

  /** A plain snapshot, keys sorted, with `total`. */
  snapshot(): CallCounts {
    const out = {} as CallCounts;
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) as number;
    out.total = this.total;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}

/** Difference of two snapshots (what happened between them). */
export function diffCalls(before: CallCounts, after: CallCounts): CallCounts {
  const out = {} as CallCounts;
  for (const key of Object.keys(after)) {
    if (key === 'total') continue;
    const n = (after[key] ?? 0) - (before[key] ?? 0);
    if (n > 0) out[key] = n;
  }
  out.total = after.total - before.total;
  return out;
}

/** How an injected fault behaves. */
export interface FaultOptions {
  /** Calls that succeed before the first failure (default 0: the next call fails). */
  after?: number;
  /** How many calls fail once failing starts (default 1; Infinity for a lasting outage). */
  times?: number;
  /** Error message (default: Google's message for the service). */
  message?: string;
}

interface Fault {
  seen: number;
  failed: number;
  after: number;
  times: number;
  message: string | undefined;
}

/** Faults injected into counted calls. */
export class FaultInjector {
  private readonly faults = new Map<string, Fault>();

  add(key: string, options: FaultOptions = {}): void {
    this.faults.set(key, {
      seen: 0,
      failed: 0,
      after: options.after ?? 0,
      times: options.times ?? 1,
      message: options.message,
    });
  }

  clear(): void {
    this.faults.clear();
  }

  /** Called before each counted call; throws when the call must fail. */
  check(key: string, spreadsheetId: string): void {
    const f = this.faults.get(key);
    if (!f) return;
    f.seen++;
    if (f.seen > f.after && f.failed < f.times) {
      f.failed++;
      throw new ServiceError(f.message ?? defaultFaultMessage(key, spreadsheetId));
    }
  }
}

/** The Spreadsheet service's classes (fault messages and the scope check of auth.ts name them). */
export const SPREADSHEET_CLASSES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'NamedRange',
  'DataValidation',
  'DataValidationBuilder',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'ContainerInfo',
  'ChartOptions',
]);

function defaultFaultMessage(key: string, spreadsheetId: string): string {
  const cls = key.split('.')[0] ?? '';
  return SPREADSHEET_CLASSES.has(cls) ? messages.spreadsheetServiceFailed(spreadsheetId) : messages.serverError();
}

/**
 * The add-in's actions as the trust tests run them: the real bundle on a fresh runtime per
 * workbook, user errors caught as their message, and user edits (what the officer does between
 * two actions) that are replayed on the baseline.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { type CorpusWorkbook, column, findRow, OWNER, sheet } from './corpus';
import { a1, snapshot, type WorkbookSnapshot } from './snapshot';

export interface Action {
  name: string;
  fn: string;
  args: unknown[];
}

export const ACTIONS: Action[] = [
  { name: 'setupWorkbook', fn: 'setupWorkbook', args: [] },
  // The officer confirms the re-allocation (the guard itself: realloc-*.test.ts).
  { name: 'allocateDelegates', fn: 'allocateDelegates', args: [{ confirmed: true }] },
  { name: 'validateAll', fn: 'validateAll', args: [] },
  { name: 'generateNotice thong-bao-ket-luan', fn: 'generateNotice', args: ['thong-bao-ket-luan'] },
  { name: 'generateNotice phan-bo-dai-bieu', fn: 'generateNotice', args: ['phan-bo-dai-bieu'] },
  // The officer confirms the decision of a workbook whose data has open errors (Lạng Sơn's "Lộc Bình Mới").
  { name: 'generateNotice phan-cong-nhiem-vu', fn: 'generateNotice', args: ['phan-cong-nhiem-vu', { force: true }] },
  { name: 'taskSummary', fn: 'taskSummary', args: [] },
  { name: 'progressSummary', fn: 'progressSummary', args: [] },
  { name: 'getOverview', fn: 'getOverview', args: [] },
];

export function action(name: string): Action {
  const a = ACTIONS.find((x) => x.name === name);
  if (!a) throw new Error(`no action ${name}`);
  return a;
}

/** What the officer does by hand between two actions (replayed on the baseline too). */
export interface UserEdit {
  name: string;
  apply(ss: LocalSpreadsheet, workbook: CorpusWorkbook): void;
  /** Cells ("Sheet!A1") the edit makes right: after the next validation they carry no mark at all. */
  cleaned?(workbook: CorpusWorkbook): string[];
}

export const EDITS: Record<string, UserEdit> = {
  fixBirthYears: {
    name: 'officer corrects the flagged birth years',
    apply(ss, w) {
      const s = sheet(ss, w.delegatesSheet);
      const year = column(s, 'Năm sinh');
      for (const row of [4, 6, 8, 10]) s.getRange(row, year).setValue(1980 + row);
    },
    cleaned(w) {
      const s = w.build();
      const year = column(sheet(s, w.delegatesSheet), 'Năm sinh');
      return [4, 6, 8, 10].map((row) => `${w.delegatesSheet}!${a1(row, year)}`);
    },
  },
  changePopulation: {
    name: 'officer corrects a DTTS population',
    apply(ss) {
      const s = sheet(ss, 'Đơn vị');
      const c = column(s, 'Dân số DTTS');
      const row = findRow(s, 'Mã đơn vị', (v) => v !== '');
      s.getRange(row, c).setValue(Number(s.getRange(row, c).getValue()) + 4000);
    },
  },
};

export type Step = { action: Action } | { edit: UserEdit };

export function stepName(step: Step): string {
  return 'action' in step ? step.action.name : `(${step.edit.name})`;
}

export interface RunOutcome {
  /** The result, or undefined when the run threw. */
  result?: unknown;
  /** The thrown message, when it threw. */
  error?: string;
  calls: Record<string, number>;
}

/** A runtime on the workbook, as the workbook's user. */
export function runtimeFor(ss: LocalSpreadsheet, w: CorpusWorkbook): Runtime {
  return new Runtime({ spreadsheet: ss, now: w.now, user: w.user ?? OWNER });
}

export function run(runtime: Runtime, a: Action): RunOutcome {
  try {
    const r = runBundle(runtime, a.fn, a.args);
    return { result: r.result, calls: r.calls };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), calls: {} };
  }
}

/** The message the user sees from an outcome (thrown message, or the result's sentence). */
export function messageOf(o: RunOutcome): string {
  if (o.error !== undefined) return o.error;
  const m = (o.result as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? m : '';
}

const baselines = new Map<string, WorkbookSnapshot>();

/** The workbook as the user leaves it after the steps' edits alone (cached per workbook and edits). */
export function baselineOf(w: CorpusWorkbook, steps: readonly Step[]): WorkbookSnapshot {
  const edits = steps.filter((s): s is { edit: UserEdit } => 'edit' in s);
  const key = `${w.name} :: ${edits.map((e) => e.edit.name).join(' + ')}`;
  let snap = baselines.get(key);
  if (!snap) {
    const ss = w.build();
    for (const e of edits) e.edit.apply(ss, w);
    snap = snapshot(ss);
    baselines.set(key, snap);
  }
  return snap;
}

/** Runs steps on a fresh copy; returns the baseline (edits only) and the result snapshot. */
export function runSteps(
  w: CorpusWorkbook,
  steps: readonly Step[],
): { baseline: WorkbookSnapshot; after: WorkbookSnapshot; outcomes: RunOutcome[]; ss: LocalSpreadsheet } {
  const baseline = baselineOf(w, steps);
  const ss = w.build();
  const runtime = runtimeFor(ss, w);
  const outcomes: RunOutcome[] = [];
  for (const s of steps) {
    if ('edit' in s) s.edit.apply(ss, w);
    else outcomes.push(run(runtime, s.action));
  }
  return { baseline, after: snapshot(ss), outcomes, ss };
}

/**
 * validateAll's whole output, frozen: the result the sidebar gets (every field, the problems shown),
 * the calls and cells it made, every sheet after the run as a whole-cell snapshot (so `Kiểm tra` with
 * every problem: severity, rule, sheet, cell, message, suggestion; the marks on the user's cells and
 * the marks record sheet), and the document properties (the summary with the data digest). The
 * expected outputs (test/fixtures/perf-validate-golden.json) were captured from the build before the
 * domain code was made faster; a speed-up that changes anything a user sees fails here.
 *
 * Regenerate only for a deliberate change of behaviour: PERF_GOLDEN_WRITE=1 npx jest test/e2e/perf-validate-golden.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSynthetic, SYNTHETIC_NOW } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { CORPUS } from '../trust/corpus';
import { snapshot } from '../trust/snapshot';

const FIXTURE = join(__dirname, '..', 'fixtures', 'perf-validate-golden.json');
const WRITE = process.env.PERF_GOLDEN_WRITE === '1';

/** Clocks of the samples (as their own tests use them). */
const SAMPLE_NOW: Record<string, string> = {
  'lang-son': '2024-01-14T09:00:00+07:00',
  'kon-tum': '2019-05-16T09:00:00+07:00',
  'lang-son-cap-xa': '2029-03-02T09:00:00+07:00',
};

interface RunOutput {
  /** The sidebar's result without its problems, and a hash of the problems shown (Kiểm tra has them all). */
  result: unknown;
  problems: string;
  calls: Record<string, number>;
  cells: { read: number; written: number };
  /** sha256 of each sheet's whole-cell snapshot, by sheet name. */
  sheets: Record<string, string>;
  /** Rows of `Kiểm tra` (header included), so a count that differs says so plainly. */
  reportRows: number;
  properties: Record<string, string>;
}

type Golden = Record<string, RunOutput[]>;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

function sheetHashes(ss: LocalSpreadsheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of snapshot(ss).sheets) {
    const { cells, ...rest } = s;
    out[s.name] = hash(JSON.stringify({ ...rest, cells: [...cells] }));
  }
  return out;
}

/** validateAll on the runtime, and everything it left behind. */
function validate(runtime: Runtime): RunOutput {
  const run = runBundle(runtime, 'validateAll');
  const ss = runtime.spreadsheet;
  const report = ss.getSheetByName('Kiểm tra');
  const props = runtime.services.PropertiesService.getDocumentProperties().getProperties();
  const { problems, ...result } = JSON.parse(JSON.stringify(run.result)) as { problems: unknown[] };
  return {
    result,
    problems: hash(JSON.stringify(problems)),
    calls: { ...run.calls },
    cells: run.cells,
    sheets: sheetHashes(ss),
    reportRows: report ? report.getLastRow() : -1,
    properties: { ...props },
  };
}

/** A first run, the re-run on unchanged data, then a run after an officer edits two cells. */
function runs(runtime: Runtime, edit: (ss: LocalSpreadsheet) => void): RunOutput[] {
  const first = validate(runtime);
  const again = validate(runtime);
  edit(runtime.spreadsheet);
  return [first, again, validate(runtime)];
}

/** Two typical edits on `Đại biểu`: a name blanked, a birth year made text. */
function editDelegates(ss: LocalSpreadsheet): void {
  const sheet = ss.getSheetByName('Đại biểu') ?? ss.getSheets().find((s) => s.getName().includes('BI'));
  if (!sheet) return;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const col = (h: string) => header.findIndex((v) => String(v).trim() === h) + 1;
  if (col('Họ và tên') > 0) sheet.getRange(3, col('Họ và tên')).setValue('');
  if (col('Năm sinh') > 0) sheet.getRange(4, col('Năm sinh')).setValue('năm 1970');
}

const CASES: { name: string; build: () => Runtime }[] = [
  ...Object.entries(SAMPLES).map(([key, sample]) => ({
    name: `sample ${key}`,
    build: () => new Runtime({ spreadsheet: buildSample(sample), now: SAMPLE_NOW[key] as string }),
  })),
  ...Object.entries(SAMPLES).map(([key, sample]) => ({
    name: `sample ${key} after allocation`,
    build: () => {
      const runtime = new Runtime({ spreadsheet: buildSample(sample), now: SAMPLE_NOW[key] as string });
      runBundle(runtime, 'allocateDelegates');
      return runtime;
    },
  })),
  ...CORPUS.map((w) => ({
    name: `corpus ${w.name}`,
    build: () => new Runtime({ spreadsheet: w.build(), now: w.now, ...(w.user ? { user: w.user } : {}) }),
  })),
  ...[
    { units: 150, delegates: 5000 },
    { units: 11, delegates: 1200 },
  ].map((scale) => ({
    name: `synthetic ${scale.units}x${scale.delegates} after allocation`,
    build: () => {
      const runtime = new Runtime({ spreadsheet: buildSynthetic(scale).spreadsheet, now: SYNTHETIC_NOW });
      runBundle(runtime, 'allocateDelegates');
      return runtime;
    },
  })),
];

describe('validateAll: the same output as before the domain speed-up', () => {
  builtCodePath();
  const expected: Golden = WRITE ? {} : JSON.parse(readFileSync(FIXTURE, 'utf8'));

  it('the golden covers every case, and the cases find problems (else it proves little)', () => {
    if (WRITE) return;
    expect(Object.keys(expected).sort()).toEqual(CASES.map((c) => c.name).sort());
    const found = Object.values(expected).map((r) => (r[0]?.result as { total?: number } | undefined)?.total ?? 0);
    expect(found.every((n) => n > 0)).toBe(true);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const got = runs(c.build(), editDelegates);
    if (WRITE) {
      const all: Golden = (() => {
        try {
          return JSON.parse(readFileSync(FIXTURE, 'utf8'));
        } catch {
          return {};
        }
      })();
      all[name] = got;
      writeFileSync(FIXTURE, `${JSON.stringify(all)}\n`);
      return;
    }
    const want = expected[name] as RunOutput[];
    got.forEach((run, i) => {
      const label = `${name}, run ${i + 1}`;
      expect({ label, result: run.result, problems: run.problems }).toEqual({
        label,
        result: want[i]?.result,
        problems: want[i]?.problems,
      });
      expect({ label, calls: run.calls, cells: run.cells }).toEqual({
        label,
        calls: want[i]?.calls,
        cells: want[i]?.cells,
      });
      expect({ label, reportRows: run.reportRows, sheets: run.sheets }).toEqual({
        label,
        reportRows: want[i]?.reportRows,
        sheets: want[i]?.sheets,
      });
      expect({ label, properties: run.properties }).toEqual({ label, properties: want[i]?.properties });
    });
  });
});

/**
 * validateAll's budget on a mid-size synthetic workbook (150 sub-units × 5,000 delegates), counted on
 * the runtime (deterministic): service calls and cells written on a first run, and next to nothing
 * written on a re-run with unchanged data.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { TimedRuntime } from '../../local/bench/timing';
import { Runtime, runBundle } from '../../local/runtime';
import { builtCodePath } from '../../local/testing';

const NOW = '2025-03-10T09:00:00+07:00';

function measure(spreadsheet: ReturnType<typeof buildSynthetic>['spreadsheet']) {
  const runtime = new TimedRuntime({ spreadsheet, now: NOW });
  const run = runBundle(runtime, 'validateAll');
  return { calls: run.calls, cellsWritten: runtime.timing.cellsWritten, cellsRead: runtime.timing.cellsRead, run };
}

describe('validateAll budget (150 sub-units × 5,000 delegates)', () => {
  builtCodePath();
  const { spreadsheet } = buildSynthetic({ units: 150, delegates: 5000 });
  runBundle(new Runtime({ spreadsheet, now: NOW }), 'allocateDelegates');
  const first = measure(spreadsheet);
  const again = measure(spreadsheet);

  it('first run: bounded calls, and only the marked cells, their record and the report written', () => {
    const result = first.run.result as { errors: number; warnings: number; problems: unknown[]; total: number };
    expect(result.total).toBeGreaterThan(100);
    expect(result.problems).toHaveLength(Math.min(300, result.total));
    expect(first.calls.total).toBeLessThanOrEqual(FIRST_CALLS);
    expect(first.cellsWritten).toBeLessThanOrEqual(FIRST_CELLS);
    // Never a call per cell or per row.
    expect(first.calls['Range.setBackground'] ?? 0).toBe(0);
    expect(first.calls['Range.setNote'] ?? 0).toBe(0);
  });

  it('re-run on unchanged data: no write at all', () => {
    expect(again.calls.total).toBeLessThanOrEqual(RERUN_CALLS);
    expect(again.cellsWritten).toBe(0);
    const writes = Object.keys(again.calls).filter((k) => /\.(set|insert|delete|hide)/.test(k));
    expect(writes).toEqual(['Properties.setProperty']);
  });
});

/**
 * Measured: 108 calls (13 of them reading the 11 protections, 2 flushes) and 11,250 cells on the
 * first run; 54 calls and no cell on the re-run. +1 on the first run: the report sheet's header row
 * is read (getSheetValues) so a user's own sheet named "KIỂM TRA" is never rewritten.
 */
const FIRST_CALLS = 109;
const FIRST_CELLS = 12_000;
const RERUN_CALLS = 55;

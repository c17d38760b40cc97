/**
 * The sidebar's overview and restored list on every decorated workbook of the corpus (own fills,
 * notes, total rows, text codes, look-alike sheet names): they write nothing, the data is unchanged
 * cell for cell, each step's link opens a real cell of a real sheet, and a check followed by
 * nothing else reads as up to date.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LastValidationDto, OverviewDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';

describe.each(CORPUS.map((w) => [w.name, w] as const))('%s', (_, workbook) => {
  test('overview and restored list: nothing written, links open real cells, the check is up to date', () => {
    const rt = new Runtime({ spreadsheet: workbook.build(), now: workbook.now });
    const before = snapshot(rt.spreadsheet);
    const run = runBundle(rt, 'getOverview');
    expect(run.cells.written).toBe(0);
    expect(diff(before, snapshot(rt.spreadsheet))).toEqual([]);
    const o = run.result as OverviewDto;
    for (const step of o.checklist ?? []) {
      if (!step.sheet) continue;
      expect(step.cell).toMatch(/^[A-Z]{1,3}\d{1,7}$/);
      runBundle(rt, 'selectCell', [step.sheet, step.cell]);
    }
    runBundle(rt, 'validateAll');
    const after = runBundle(rt, 'getOverview').result as OverviewDto;
    expect(after.validation.changed).toBe(false);
    const last = runBundle(rt, 'lastValidation').result as LastValidationDto;
    expect(last.incomplete).toBeUndefined();
    expect(last.problems.length).toBe(Math.min(300, last.errors + last.warnings));
  });
});

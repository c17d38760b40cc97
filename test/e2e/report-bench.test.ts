/**
 * The benchmark cases of the composition (issue 16) run as `dtts bench` runs them (local/bench/cases.ts):
 * they succeed, and their service calls are the same, kind by kind, at two delegate counts over the
 * same units (deterministic: calls do not depend on the machine).
 */
import { type CaseResult, runCase } from '../../local/bench/cases';

const at = (delegates: number, op: string): CaseResult => runCase({ units: 11, delegates }, op);

describe('bench cases of the composition: calls flat in the delegate rows', () => {
  it.each(['compositionSummary', 'compareMethods'])('%s: the same calls at 300 and 3,000 delegates', (op) => {
    const small = at(300, op);
    const large = at(3000, op);
    expect(small.ok).toBe(true);
    expect(large.ok).toBe(true);
    expect(large.calls).toEqual(small.calls);
    // The node-realm run makes the very same calls as the bundle.
    expect(small.sameCallsInNode).toBe(true);
    expect(large.cellsRead).toBeGreaterThanOrEqual(small.cellsRead);
    expect(small.cellsWritten).toBe(0);
  });

  it('generateNotice bao-cao-co-cau: the report of the congress of 333 at any scale; the same sheet calls, Docs calls by table row', () => {
    const small = at(600, 'generateNotice bao-cao-co-cau');
    const large = at(3000, 'generateNotice bao-cao-co-cau');
    expect(small.message).toMatch(/^Đã tạo báo cáo cơ cấu đại biểu số 01\/BC-/);
    expect(large.ok).toBe(true);
    // Reading the sheets and logging the Doc: the same calls, whatever was generated.
    const sheetCalls = (r: CaseResult) =>
      Object.fromEntries(
        Object.entries(r.calls).filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(k)),
      );
    expect(sheetCalls(large)).toEqual(sheetCalls(small));
    expect(small.calls['DocumentApp.create']).toBe(1);
    expect(small.calls['Range.getValues']).toBeLessThanOrEqual(12);
    // The Doc's calls follow its table rows (groups, Thành phần, units present), never the delegate rows.
    expect(small.calls.total).toBeLessThan(1200);
    expect(large.calls.total).toBeLessThan(1200);
  });
});

/**
 * Fault sweep over the allocation's writes when it inserts a new unit's row under a row validation
 * marked (insert, the mark's fill reset, values, formats, the record): whichever write fails (a Google
 * outage at that exact call), the officer's sheets are left either exactly as before the allocation
 * (rolled back, and the message says the allocation was not written) or exactly as a clean run
 * leaves them; never a new row with a mark's fill, never half a row.
 */
import { action, run, runtimeFor } from '../trust/actions';
import { sample, writes } from '../trust/faults';
import { diff, describe as lines, snapshot, type WorkbookSnapshot } from '../trust/snapshot';
import { scenario } from './allocmarks-scenario';

const allocate = action('allocateDelegates');
const validate = action('validateAll');

/** The officer's sheets only (the add-in's hidden record sheets and `Kiểm tra` aside). */
function userSheets(a: WorkbookSnapshot, b: WorkbookSnapshot) {
  return diff(a, b).filter((d) => !d.sheet.startsWith('Trợ lý') && d.sheet !== 'Kiểm tra');
}

test.each([
  ['rows under the units (the row is inserted)', false],
  ['the sheet ends at the units (the row is appended)', true],
])('a fault at any write of the allocation, %s: all or nothing, never a stray mark fill', (_name, noRowsBelow) => {
  const w = scenario({ noRowsBelow });
  const prepared = () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    if (run(rt, validate).error !== undefined) throw new Error('validation');
    return { ss, rt };
  };
  const clean = prepared();
  const before = snapshot(clean.ss);
  const outcome = run(clean.rt, allocate);
  expect(outcome.error).toBeUndefined();
  const cleanAfter = snapshot(clean.ss);
  const keys = writes(outcome.calls);
  expect(keys.map(([k]) => k)).toEqual(expect.arrayContaining(['Sheet.insertRowsAfter', 'RangeList.setBackground']));
  const findings: string[] = [];
  let faults = 0;
  for (const [key, count] of keys) {
    for (const n of sample(key, count)) {
      faults++;
      const { ss, rt } = prepared();
      rt.failOn(key, { after: n });
      const o = run(rt, allocate);
      const after = snapshot(ss);
      const asBefore = userSheets(before, after);
      const asClean = userSheets(cleanAfter, after);
      if (o.error === undefined && asClean.length > 0) {
        findings.push(`${key} #${n + 1}: no error, yet not as a clean run (${lines(asClean, 3).join('; ')})`);
        continue;
      }
      if (asBefore.length === 0 || asClean.length === 0) continue;
      findings.push(
        `${key} #${n + 1} (${o.error ?? 'no error'}): neither as before (${lines(asBefore, 3).join('; ')}) nor as a clean run (${lines(asClean, 3).join('; ')})`,
      );
    }
  }
  expect(faults).toBeGreaterThan(5);
  expect(findings).toEqual([]);
});

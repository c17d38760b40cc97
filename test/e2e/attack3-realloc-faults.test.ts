/**
 * Fault sweep over the confirmed re-allocation, the write that also keeps the previous allocation in
 * the add-in's hidden record: whichever write fails (a Google outage at that exact call), the record
 * left behind must never disagree with `Phân bổ`: "Hoàn tác phân bổ" run afterwards (Google back)
 * gives `Phân bổ` as it was before the re-allocation, or changes nothing. Both the first re-allocation
 * (the record sheet is created) and a second one (the record is rewritten) are swept.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { sample, writes } from '../trust/faults';
import { diff, describe as lines, snapshot, type WorkbookSnapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const ALLOCATION = 'Phân bổ';

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;

function setTotal(ss: LocalSpreadsheet, total: number): void {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1, 2).setValue(total);
}

/** Only `Phân bổ`, every cell. */
const allocationOnly = (a: WorkbookSnapshot, b: WorkbookSnapshot) => diff(a, b).filter((d) => d.sheet === ALLOCATION);

/** Lạng Sơn allocated (and re-allocated `times` times), then its total changed once more. */
function ready(times: number) {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  if (!call<AllocationResultDto>(rt, 'allocateDelegates').ok) throw new Error('first allocation');
  for (let i = 0; i < times; i++) {
    setTotal(ss, 247 - i * 3);
    const p = call<AllocationResultDto>(rt, 'previewAllocation');
    if (!call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest }).ok)
      throw new Error('re-allocation');
  }
  setTotal(ss, 240);
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  if (!p.preview?.needsConfirmation) throw new Error('nothing to confirm');
  return { ss, rt, digest: p.preview.digest };
}

describe.each([
  ['the first re-allocation (the record sheet is created)', 0],
  ['a second re-allocation (the record is rewritten)', 1],
])('%s', (_name, times) => {
  test('whichever write fails, undo afterwards gives `Phân bổ` as before the re-allocation, or changes nothing', () => {
    const clean = ready(times);
    const counted = runBundle(clean.rt, 'allocateDelegates', [{ confirmed: true, expect: clean.digest }]);
    const keys = writes(counted.calls);
    expect(keys.length).toBeGreaterThan(2);
    const findings: string[] = [];
    for (const [key, count] of keys) {
      for (const n of sample(key, count)) {
        const { ss, rt, digest } = ready(times);
        const before = snapshot(ss);
        rt.failOn(key, { after: n });
        try {
          runBundle(rt, 'allocateDelegates', [{ confirmed: true, expect: digest }]);
        } catch {
          // The message is judged by the trust sweeps; here only what the record leaves for the undo.
        }
        const afterFault = snapshot(ss);
        const changed = allocationOnly(before, afterFault).length > 0;
        const again = new Runtime({ spreadsheet: ss, now: NOW });
        const u = call<UndoAllocationResultDto>(again, 'undoAllocation');
        const afterUndo = snapshot(ss);
        if (changed) {
          const left = allocationOnly(before, afterUndo).filter((d) => d.field !== 'numberFormat');
          if (left.length > 0)
            findings.push(`${key}#${n}: \`Phân bổ\` changed, undo (${u.ok}) left ${lines(left, 3).join('; ')}`);
        } else if (times === 0 && u.ok) {
          const moved = allocationOnly(afterFault, afterUndo);
          if (moved.length > 0)
            findings.push(`${key}#${n}: nothing was written, undo changed ${lines(moved, 3).join('; ')}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });
});

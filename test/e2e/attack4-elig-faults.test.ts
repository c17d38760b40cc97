/**
 * Fault sweep over the writes of a re-allocation that changes only the forms (the threshold raised on the
 * decorated Lạng Sơn): Google failing at each writing call in turn. Either the run ends as a clean run
 * does, or the workbook is left as it was (forms, figures), or — the flush before the lock is released
 * failing after every write — the message names the sheet whose changes may not be saved.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { column, corpusWorkbook, findRow, sheet } from '../trust/corpus';
import { writes } from '../trust/faults';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const W = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');

function prepared(): { ss: LocalSpreadsheet; runtime: Runtime } {
  const ss = W.build();
  const runtime = new Runtime({ spreadsheet: ss, now: W.now });
  expect((runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto).ok).toBe(true);
  const config = sheet(ss, 'Cấu hình');
  config
    .getRange(
      findRow(config, 'Thông số', (v) => v === 'Ngưỡng tổ chức đại hội'),
      column(config, 'Giá trị'),
    )
    .setValue(60000);
  return { ss, runtime };
}

function attempt(runtime: Runtime): { ok: boolean; message: string } {
  try {
    const r = runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto;
    return { ok: r.ok, message: r.message };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

test('every write of a forms-only re-allocation fails cleanly', () => {
  const clean = prepared();
  const cleanRun = runBundle(clean.runtime, 'allocateDelegates', [{ confirmed: true }]);
  expect((cleanRun.result as AllocationResultDto).undoable).toBe(true);
  const cleanAfter = snapshot(clean.ss);
  const found: string[] = [];
  let faults = 0;
  for (const [key, count] of writes(cleanRun.calls)) {
    for (let n = 0; n < count; n++) {
      faults++;
      const { ss, runtime } = prepared();
      const before = snapshot(ss);
      runtime.failOn(key, { after: n });
      const outcome = attempt(runtime);
      const after = snapshot(ss);
      const left = outcome.ok ? diff(cleanAfter, after) : diff(before, after);
      // A failure after the writes (the flush before the lock is released) may leave them, saying so by
      // the sheet's name ("some changes may not be saved"); any other failure leaves nothing.
      const said = (sheetName: string) => !outcome.ok && sheetName !== '' && outcome.message.includes(sheetName);
      const unsaid = left.filter((d) => !said(d.sheet) && !d.sheet.startsWith('Trợ lý DTTS'));
      for (const l of lines(unsaid, 3)) found.push(`${key} #${n + 1} (${outcome.ok ? 'ok' : 'failed'}): ${l}`);
      if (!outcome.ok) expect(outcome.message).toContain('Phân bổ');
    }
  }
  expect(faults).toBeGreaterThan(2);
  expect(found).toEqual([]);
});

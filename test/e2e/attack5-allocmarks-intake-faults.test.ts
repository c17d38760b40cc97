/**
 * Fault sweep over "Nhận danh sách" inserting new delegates under the unit's row validation marked
 * (insert, the mark's fill reset, formats, values, the intake record): whichever write fails, the
 * officer's sheets are left either exactly as before or exactly as a clean run leaves them; never new
 * rows with a mark's fill, never half a list.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell } from '../../src/rpc/contract';
import { sample, writes } from '../trust/faults';
import { diff, describe as lines, snapshot, type WorkbookSnapshot } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';
const COLUMNS = ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu'];

function prepared(): { ss: LocalSpreadsheet; rt: Runtime; list: SubmissionCell[][] } {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const col = (name: string) => h.indexOf(name) + 1;
  const values = sheet.getDataRange().getValues();
  const hl = values.flatMap((r, i) => (String(r[col('Mã đơn vị') - 1]) === 'HL' ? [i + 1] : []));
  const last = hl[hl.length - 1] as number;
  sheet.getRange(last, col('Năm sinh')).setValue('19x0');
  runBundle(rt, 'validateAll');
  const list: SubmissionCell[][] = [COLUMNS];
  for (const r of hl) {
    const row = values[r - 1] as unknown[];
    list.push(COLUMNS.map((k) => (r === last && k === 'Năm sinh' ? '19x0' : row[col(k) - 1])) as SubmissionCell[]);
  }
  list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức'], ['Người Mới Hai', 1992, 'Nùng', 'Nam', 'Chính thức']);
  return { ss, rt, list };
}

function userSheets(a: WorkbookSnapshot, b: WorkbookSnapshot) {
  return diff(a, b).filter((d) => !d.sheet.startsWith('Trợ lý') && d.sheet !== 'Kiểm tra');
}

const take = (rt: Runtime, list: SubmissionCell[][]) => {
  try {
    const r = runBundle(rt, 'importSubmission', ['HL', list, { fileName: 'ds.xlsx', mode: 'replace' }]);
    return { ok: (r.result as { ok: boolean }).ok, calls: r.calls };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), calls: {} as Record<string, number> };
  }
};

test('a fault at any write of the list under a marked row: all or nothing, never a stray mark fill', () => {
  const clean = prepared();
  const before = snapshot(clean.ss);
  const outcome = take(clean.rt, clean.list);
  expect(outcome.ok).toBe(true);
  const cleanAfter = snapshot(clean.ss);
  const keys = writes(outcome.calls);
  expect(keys.map(([k]) => k)).toEqual(expect.arrayContaining(['Sheet.insertRowsAfter', 'RangeList.setBackground']));
  const findings: string[] = [];
  let faults = 0;
  for (const [key, count] of keys) {
    for (const n of sample(key, count)) {
      faults++;
      const { ss, rt, list } = prepared();
      rt.failOn(key, { after: n });
      const o = take(rt, list);
      const after = snapshot(ss);
      const asBefore = userSheets(before, after);
      const asClean = userSheets(cleanAfter, after);
      if (o.ok && asClean.length > 0) {
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

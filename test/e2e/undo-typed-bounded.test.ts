/**
 * The sidebar's answer when the officer pasted over the add-in's cells of a whole province's `Phân bổ`:
 * google.script.run documents no safe size, so at most 300 typed cells go back (with their total),
 * while the confirmation still covers every one of them.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { setSetting } from '../trust/settings';

const NOW = '2025-03-10T09:00:00+07:00';
const SHEET = 'Phân bổ';
const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;

function sheetOf(ss: LocalSpreadsheet, name: string) {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function reallocate(rt: Runtime): void {
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  const r = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest });
  if (!r.ok) throw new Error(r.message);
}

test('400 typed cells: the answer carries the first 300 and the total; the confirmed undo replaces all 400', () => {
  const { spreadsheet: ss } = buildSynthetic({ units: 80, delegates: 600 });
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const first = call<AllocationResultDto>(rt, 'allocateDelegates');
  expect(first.ok).toBe(true);
  const config = sheetOf(ss, 'Cấu hình');
  const total = config
    .getDataRange()
    .getValues()
    .find((r) => r[0] === 'Tổng số đại biểu chính thức')?.[1];
  setSetting(ss, 'Tổng số đại biểu chính thức', Number(total) - 7);
  reallocate(rt);

  const sheet = sheetOf(ss, SHEET);
  const header = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const owned = ['Số phân bổ', 'Số chính thức', 'Chênh lệch', 'Cách tính', 'Đã đăng ký'].map(
    (h) => header.indexOf(h) + 1,
  );
  expect(owned.every((c) => c > 0)).toBe(true);
  for (let row = 2; row <= 81; row++) for (const c of owned) sheet.getRange(row, c).setValue(`'typed ${row}-${c}`);

  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.needsConfirmation).toBe(true);
  expect(asked.typedOverTotal).toBe(400);
  expect(asked.typedOver).toHaveLength(300);
  expect(JSON.stringify(asked).length).toBeLessThan(120_000);

  const done = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(done.ok).toBe(true);
  expect(done.typedOverTotal).toBe(400);
  expect(done.typedOver).toHaveLength(300);
  const after = sheet.getRange(2, 1, 80, sheet.getLastColumn()).getValues();
  const stillTyped = after.flatMap((r) => owned.map((c) => r[c - 1])).filter((v) => /^typed /.test(String(v)));
  expect(stillTyped).toEqual([]);
});

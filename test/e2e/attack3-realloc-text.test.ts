/**
 * An allocation whose figures the officer keeps as text (a `Phân bổ` formatted as plain text to keep
 * codes such as "06100", figures typed or pasted from last congress's file): it is an allocation all
 * the same, and a re-allocation that changes it is previewed, confirmed and kept for the undo.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

test('figures kept as text in a plain-text `Phân bổ`: the re-allocation asks first, nothing is written; confirmed, undo gives the text back', () => {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  expect(call<AllocationResultDto>(rt, 'allocateDelegates').ok).toBe(true);
  const s = sheetOf(ss, 'Phân bổ');
  // The officer turns the whole sheet to plain text and types the figures again as text.
  const all = s.getDataRange();
  const values = all.getValues();
  all.setNumberFormat('@');
  all.setValues(values.map((r, i) => r.map((v) => (i > 0 && typeof v === 'number' ? String(v) : v))));
  const config = sheetOf(ss, 'Cấu hình');
  const cfg = config.getDataRange().getValues();
  config.getRange(cfg.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1, 2).setValue(247);
  const before = snapshot(ss);
  const first = call<AllocationResultDto>(rt, 'allocateDelegates');
  expect(first.needsConfirmation).toBe(true);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  const done = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: first.preview?.digest });
  expect(done.ok).toBe(true);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  // Every cell as before the re-allocation (the add-in's hidden record aside): text figures stay text.
  // ("Đã đăng ký" counts `Đại biểu` and is no part of an allocation: it keeps the newest count, written as a number.)
  const registered = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).indexOf('Đã đăng ký') + 1;
  const left = diff(before, snapshot(ss)).filter(
    (d) =>
      d.sheet !== HISTORY &&
      d.field !== 'sheets' &&
      !(d.sheet === 'Phân bổ' && d.cell !== '' && s.getRange(d.cell).getColumn() === registered),
  );
  expect(lines(left)).toEqual([]);
  expect(typeof s.getRange(2, 5).getValue()).toBe('string');
});

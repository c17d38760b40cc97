/**
 * Attacks on "Hoàn tác phân bổ" and the cells typed by hand after the re-allocation: the officer sorts
 * `Phân bổ`, pastes over every add-in cell, a unit with a very long name. Real build on the runtime,
 * whole-cell snapshots.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const SHEET = 'Phân bổ';

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const headerOf = (ss: LocalSpreadsheet) => {
  const s = sheetOf(ss, SHEET);
  return (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).map(String);
};
const columnOf = (ss: LocalSpreadsheet, header: string) => {
  const i = headerOf(ss).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
};
function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): void {
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
}
function reallocate(rt: Runtime): void {
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  const r = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest });
  if (!r.ok) throw new Error(r.message);
}
/** Số chính thức per unit code as `Phân bổ` holds it. */
function finalsByCode(ss: LocalSpreadsheet): Map<string, unknown> {
  const s = sheetOf(ss, SHEET);
  const values = s.getDataRange().getValues();
  const code = columnOf(ss, 'Mã đơn vị') - 1;
  const final = columnOf(ss, 'Số chính thức') - 1;
  return new Map(
    values
      .slice(1)
      .filter((r) => String(r[code]) !== '')
      .map((r) => [String(r[code]), r[final]]),
  );
}
function reallocated(ss: LocalSpreadsheet = buildSample(LANG_SON)) {
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  reallocate(rt);
  const firstFinals = finalsByCode(ss);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  reallocate(rt);
  return { ss, rt, firstFinals };
}
/** The unit rows of `Phân bổ` (2..n+1). */
const unitRows = (ss: LocalSpreadsheet) =>
  sheetOf(ss, SHEET)
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => String(r[0]) !== '' && !/tổng/i.test(String(r[0]))).length;

test('the officer sorts `Phân bổ` (rows reversed) then types a cell: named where it is now; the confirmed undo restores every unit by its code', () => {
  const { ss, rt, firstFinals } = reallocated();
  const s = sheetOf(ss, SHEET);
  const n = unitRows(ss);
  const block = s.getRange(2, 1, n, s.getLastColumn());
  block.setValues(block.getValues().reverse());
  const col = columnOf(ss, 'Cách tính');
  s.getRange(2, col).setValue('ghi chú của cán bộ');
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.typedOver?.map((t) => [t.cell, t.name])).toEqual([
    [`${String.fromCharCode(64 + col)}2`, String(s.getRange(2, columnOf(ss, 'Tên đơn vị')).getValue())],
  ]);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(u.ok).toBe(true);
  expect(finalsByCode(ss)).toEqual(firstFinals);
});

test('a unit with a very long name (3,000 characters) typed over: the question stays short, the name cut with "…"', () => {
  const ss = buildSample(LANG_SON);
  const longName = `Huyện ${'Tràng Định '.repeat(300)}`.trim();
  sheetOf(ss, 'Đơn vị').getRange(2, 2).setValue(longName);
  const { rt } = reallocated(ss);
  const s = sheetOf(ss, SHEET);
  const nameCol = columnOf(ss, 'Tên đơn vị');
  const row = s
    .getDataRange()
    .getValues()
    .findIndex((r) => r[nameCol - 1] === longName);
  expect(row).toBeGreaterThan(0);
  for (const header of ['Số chính thức', 'Cách tính', 'Chênh lệch'])
    s.getRange(row + 1, columnOf(ss, header)).setValue(header === 'Cách tính' ? 'sửa tay' : 1);
  const before = snapshot(ss);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.typedOver).toHaveLength(3);
  for (const t of asked.typedOver ?? []) {
    expect(t.name.length).toBeLessThanOrEqual(80);
    expect(t.name.endsWith('…')).toBe(true);
    expect(t.name.startsWith('Huyện Tràng Định')).toBe(true);
  }
  expect(asked.message.length).toBeLessThan(2000);
  rt.ui.queueResponse({ button: 'NO' });
  runBundle(rt, 'menuUndoAllocation');
  expect((rt.ui.alerts.at(-1)?.prompt ?? '').length).toBeLessThan(2000);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('the officer pastes over every add-in cell of every unit (last congress figures): the question, the refusal and the done message stay readable, each giving the count', () => {
  const { ss, rt } = reallocated();
  const s = sheetOf(ss, SHEET);
  const n = unitRows(ss);
  const owned = ['Dân số DTTS', 'Số phân bổ', 'Số chính thức', 'Chênh lệch', 'Cách tính'].map((h) => columnOf(ss, h));
  for (let r = 2; r < 2 + n; r++) for (const c of owned) s.getRange(r, c).setValue(`'0${r}${c}`);
  // Many more units in a real province: the sample repeated would be slow, so the cap is checked on
  // the count (5 columns × n units > the lines shown in full).
  const total = owned.length * n;
  expect(total).toBeGreaterThan(40);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.typedOver).toHaveLength(total);
  expect(asked.message).toContain(`${total} ô`);
  expect(asked.message.split('\n').filter((l) => l.startsWith('• Ô')).length).toBeLessThanOrEqual(15);
  expect(asked.message).toContain(`và ${total - 15} ô khác`);
  rt.ui.queueResponse({ button: 'YES' });
  runBundle(rt, 'menuUndoAllocation');
  const prompt = rt.ui.alerts.find((a) => a.kind === 'alert' && a.prompt.includes('nhập tay'))?.prompt ?? '';
  expect(prompt).toContain(`${total} ô sau đã được nhập tay`);
  const toast = rt.ui.toasts.at(-1)?.message ?? '';
  expect(toast).toContain(`Theo xác nhận, đã thay ${total} ô nhập tay`);
  expect(toast).toContain(`và ${total - 15} ô khác`);
  expect(toast.length).toBeLessThan(4000);
  expect(call<UndoAllocationResultDto>(rt, 'undoAllocation').ok).toBe(false);
  expect(ss.getSheetByName(HISTORY)).toBeTruthy();
});

/**
 * A province of communes (3,321 units) re-allocated and undone: the record of the previous
 * allocation stays within Google's 50,000 characters per cell, its write and the undo's are a fixed
 * number of calls whatever the number of units, the menu's dialog stays short, and the undo gives
 * `Phân bổ` back exactly.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): void {
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
}

test('3,321 units: record cells under 50,000 characters, a fixed number of writes, a short dialog, an exact undo', () => {
  const ss = buildSample(LANG_SON);
  setSetting(ss, 'Số đại biểu tối thiểu mỗi đơn vị', 0);
  const units = sheetOf(ss, 'Đơn vị');
  const count = 3321;
  units.deleteRows(2, units.getLastRow() - 1);
  units.insertRowsAfter(units.getMaxRows(), count);
  units.getRange(2, 1, count, 2).setNumberFormat('@');
  units
    .getRange(2, 1, count, 4)
    .setValues(
      Array.from({ length: count }, (_, i) => [
        String(i + 1).padStart(5, '0'),
        `Xã Tên Rất Dài Của Đơn Vị Hành Chính Số ${i + 1}`,
        1000 + ((i * 7919) % 5000),
        500 + ((i * 104729) % 400),
      ]),
    );
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const first = runBundle(rt, 'allocateDelegates', []).result as AllocationResultDto;
  expect(first.ok).toBe(true);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  const before = snapshot(ss);

  runBundle(rt, 'menuAllocateDelegates');
  const dialog = rt.ui.alerts.at(-1);
  if (!dialog) throw new Error(String(rt.ui.toasts.at(-1)?.message).slice(0, 500));
  expect(dialog?.response).toBe('CLOSE');
  expect((dialog?.prompt ?? '').length).toBeLessThan(2000);

  const p = runBundle(rt, 'previewAllocation', []).result as AllocationResultDto;
  expect(p.preview?.needsConfirmation).toBe(true);
  const write = runBundle(rt, 'allocateDelegates', [{ confirmed: true, expect: p.preview?.digest }]);
  expect((write.result as AllocationResultDto).ok).toBe(true);
  expect(write.calls['Range.setValues']).toBeLessThanOrEqual(4);
  const record = sheetOf(ss, HISTORY).getDataRange().getValues();
  expect(record.length).toBe(count + 2);
  expect(Math.max(...record.flat().map((v) => String(v).length))).toBeLessThanOrEqual(50_000);

  const undo = runBundle(rt, 'undoAllocation', []);
  expect((undo.result as UndoAllocationResultDto).ok).toBe(true);
  expect(undo.calls['Range.setValues']).toBeLessThanOrEqual(4);
  const left = diff(before, snapshot(ss)).filter(
    (d) =>
      d.sheet !== HISTORY &&
      !(d.field === 'sheets' && d.before.replace(` | ${HISTORY}`, '') === d.after.replace(` | ${HISTORY}`, '')),
  );
  expect(lines(left)).toEqual([]);
});

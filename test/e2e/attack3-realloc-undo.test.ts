/**
 * Attacks on "Hoàn tác phân bổ" and the guarded re-allocation as an officer would meet them: the
 * officer edits `Điều chỉnh` between the re-allocation and the undo, inserts a column of their own to
 * the left of the add-in's columns, and a second officer re-allocates while the first one's menu
 * dialog is open.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { REALLOCATION_MESSAGES } from '../../src/ui/vi';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const columnOf = (ss: LocalSpreadsheet, header: string) => {
  const s = sheetOf(ss, 'Phân bổ');
  const i = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
};

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): void {
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
}

/** Lạng Sơn allocated, then its method changed: a re-allocation would change figures. */
function allocatedThenChanged() {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const first = call<AllocationResultDto>(rt, 'allocateDelegates');
  if (!first.ok) throw new Error(first.message);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  return { ss, rt };
}

function reallocate(rt: Runtime): AllocationResultDto {
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  const r = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest });
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Each unit row of `Phân bổ`: its name, Số phân bổ, Điều chỉnh, Số chính thức. */
function figures(ss: LocalSpreadsheet) {
  const s = sheetOf(ss, 'Phân bổ');
  const [name, seats, adjustment, final] = ['Tên đơn vị', 'Số phân bổ', 'Điều chỉnh', 'Số chính thức'].map((h) =>
    columnOf(ss, h),
  ) as [number, number, number, number];
  return s
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => typeof r[seats - 1] === 'number')
    .map((r) => ({
      name: String(r[name - 1]),
      seats: r[seats - 1] as number,
      adjustment: typeof r[adjustment - 1] === 'number' ? (r[adjustment - 1] as number) : 0,
      final: r[final - 1] as number,
    }));
}

test('Điều chỉnh edited after the re-allocation: the undo does not leave a Số chính thức that is not Số phân bổ + Điều chỉnh without saying so', () => {
  const { ss, rt } = allocatedThenChanged();
  reallocate(rt);
  // The officer then gives the first unit one more delegate by hand.
  const s = sheetOf(ss, 'Phân bổ');
  s.getRange(2, columnOf(ss, 'Điều chỉnh')).setValue(1);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  const wrong = figures(ss).filter((f) => f.final !== f.seats + f.adjustment);
  expect(wrong).toHaveLength(u.ok ? 1 : 0);
  if (u.ok) {
    // Either every restored row adds up, or the message names each that does not, by name.
    for (const f of wrong) expect(u.message).toContain(f.name);
    if (wrong.length > 0) expect(u.message).toContain('Điều chỉnh');
  } else {
    expect(wrong).toEqual([]);
  }
});

test('a column of the officer inserted to the left of the add-in columns: the undo writes by header, the column is untouched', () => {
  const { ss, rt } = allocatedThenChanged();
  const before = figures(ss);
  reallocate(rt);
  const s = sheetOf(ss, 'Phân bổ');
  s.insertColumnBefore(2);
  s.getRange(1, 2, 4, 1).setValues([['STT'], [1], [2], ["'=ghi chú"]]);
  const mine = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(figures(ss)).toEqual(before);
  const column = diff(mine, snapshot(ss)).filter((d) => d.sheet === 'Phân bổ' && /^B\d+$/.test(d.cell));
  expect(lines(column)).toEqual([]);
});

test('two officers: B re-allocates while A’s menu dialog is open; A’s Có writes nothing and says the data changed', () => {
  const { ss, rt } = allocatedThenChanged();
  const b = new Runtime({ spreadsheet: ss, now: NOW });
  rt.ui.queueResponse({ button: 'YES' });
  let bResult: AllocationResultDto | null = null;
  rt.onCall('Ui.alert', () => {
    setSetting(ss, 'Tổng số đại biểu chính thức', 244);
    bResult = reallocate(b);
  });
  runBundle(rt, 'menuAllocateDelegates');
  expect(bResult).not.toBeNull();
  const afterB = snapshot(ss);
  expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.stale);
  expect(lines(diff(afterB, snapshot(ss)))).toEqual([]);
  expect(sheetOf(ss, HISTORY)).toBeTruthy();
});

test('the menu where no dialog can be answered (the playground): nothing written, and the toast says how to confirm in the sidebar', () => {
  const { ss, rt } = allocatedThenChanged();
  const before = snapshot(ss);
  runBundle(rt, 'menuAllocateDelegates');
  expect(rt.ui.alerts.at(-1)?.response).toBe('CLOSE');
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  const toast = rt.ui.toasts.at(-1)?.message ?? '';
  expect(toast).toContain('Mở bảng điều khiển');
  expect(toast).toContain('Xác nhận phân bổ lại');
});

test('two officers: B re-allocates while A’s undo dialog is open; A’s Có does not undo B’s work in place of what A was asked about', () => {
  const { ss, rt } = allocatedThenChanged();
  reallocate(rt);
  const b = new Runtime({ spreadsheet: ss, now: NOW });
  rt.ui.queueResponse({ button: 'YES' });
  rt.onCall('Ui.alert', () => {
    setSetting(ss, 'Tổng số đại biểu chính thức', 244);
    reallocate(b);
  });
  const afterB = { current: null as ReturnType<typeof snapshot> | null };
  b.onCall('Lock.releaseLock', () => {
    afterB.current = snapshot(ss);
  });
  runBundle(rt, 'menuUndoAllocation');
  expect(afterB.current).not.toBeNull();
  expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.undoStale);
  expect(lines(diff(afterB.current as ReturnType<typeof snapshot>, snapshot(ss)))).toEqual([]);
});

test('the sidebar’s undo names the record it was shown: a record replaced since is refused, nothing changes', () => {
  const { ss, rt } = allocatedThenChanged();
  reallocate(rt);
  const shown = call<{ allocationUndo: { id: string } | null }>(rt, 'getOverview').allocationUndo;
  expect(shown).not.toBeNull();
  // Another officer re-allocates: the record now holds another allocation.
  const b = new Runtime({ spreadsheet: ss, now: '2024-01-14T10:30:00+07:00' });
  setSetting(ss, 'Tổng số đại biểu chính thức', 244);
  reallocate(b);
  const before = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { expect: shown?.id });
  expect(u).toMatchObject({ ok: false, message: REALLOCATION_MESSAGES.undoStale });
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  const now = call<{ allocationUndo: { id: string } | null }>(rt, 'getOverview').allocationUndo;
  expect(call<UndoAllocationResultDto>(rt, 'undoAllocation', { expect: now?.id }).message).toMatch(/^Đã khôi phục/);
});

test('`Phân bổ` renamed to a look-alike ("PHÂN BỔ ") after the re-allocation: the undo finds it and restores it exactly', () => {
  const { ss, rt } = allocatedThenChanged();
  const before = figures(ss);
  reallocate(rt);
  sheetOf(ss, 'Phân bổ').setName('PHÂN BỔ ');
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  sheetOf(ss, 'PHÂN BỔ ').setName('Phân bổ');
  expect(figures(ss)).toEqual(before);
});

test('a delegate registered since the kept allocation: the undo keeps the newest "Đã đăng ký" and works "Chênh lệch" out again', () => {
  const ss = buildSample(LANG_SON);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  expect(call<AllocationResultDto>(rt, 'allocateDelegates').ok).toBe(true);
  const delegates = sheetOf(ss, 'Đại biểu');
  const last = delegates.getLastRow();
  const width = delegates.getLastColumn();
  const copy = delegates.getRange(2, 1, 1, width).getValues()[0] as unknown[];
  copy[1] = 'Hoàng Văn Mới';
  delegates.getRange(last + 1, 1, 1, width).setValues([copy]);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  reallocate(rt);
  const s = sheetOf(ss, 'Phân bổ');
  const [registered, difference, final] = ['Đã đăng ký', 'Chênh lệch', 'Số chính thức'].map((h) => columnOf(ss, h)) as [
    number,
    number,
    number,
  ];
  const counts = s.getRange(2, registered, s.getLastRow() - 1, 1).getValues();
  expect(call<UndoAllocationResultDto>(rt, 'undoAllocation').ok).toBe(true);
  expect(s.getRange(2, registered, s.getLastRow() - 1, 1).getValues()).toEqual(counts);
  const values = s.getDataRange().getValues().slice(1);
  for (const r of values.filter((v) => typeof v[final - 1] === 'number'))
    expect(r[difference - 1]).toBe((r[registered - 1] as number) - (r[final - 1] as number));
});

test('the total was changed for the re-allocation: the undo says at once that the restored figures no longer add up to Cấu hình’s total; a method change alone says nothing of it', () => {
  const { ss, rt } = allocatedThenChanged();
  const sum = () => figures(ss).reduce((s, f) => s + f.final, 0);
  const restored = sum();
  reallocate(rt);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(sum()).toBe(restored);
  expect(u.message).toContain(REALLOCATION_MESSAGES.undoTotalNote(restored, 60, 247));

  // Total put back, no minimum (with Lạng Sơn's minimum of 8 every method gives the same figures).
  setSetting(ss, 'Tổng số đại biểu chính thức', 250);
  setSetting(ss, 'Số đại biểu tối thiểu mỗi đơn vị', 0);
  const first = call<AllocationResultDto>(rt, 'previewAllocation');
  expect(
    call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: first.preview?.digest }).ok,
  ).toBe(true);
  setSetting(ss, 'Phương pháp phân bổ', 'Jefferson');
  expect(call<AllocationResultDto>(rt, 'previewAllocation').preview?.needsConfirmation).toBe(true);
  reallocate(rt);
  const again = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(again.ok).toBe(true);
  expect(again.message).not.toContain('Tổng số đại biểu chính thức');
});

/**
 * Re-allocation guarded, on the real bundle and the decorated corpus (both samples): the preview
 * writes nothing, an existing allocation is rewritten only after a confirmation tied to the preview
 * (a change of data in between is refused), and "Hoàn tác phân bổ" puts back the exact cells of
 * `Phân bổ` the add-in owns while every user cell stays identical (whole-cell snapshots). Then every
 * write of the undo is made to fail in turn.
 */
import { type Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { REALLOCATION_MESSAGES } from '../../src/ui/vi';
import { runtimeFor } from '../trust/actions';
import { type CorpusWorkbook, column, corpusWorkbook, sheet } from '../trust/corpus';
import { sample, writes } from '../trust/faults';
import {
  ALLOCATION_COMPUTED,
  type Difference,
  diff,
  describe as lines,
  parseA1,
  snapshot,
  type WorkbookSnapshot,
} from '../trust/snapshot';

const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const ALLOCATION = 'Phân bổ';
const WORKBOOKS = [
  'Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units',
  'Kon Tum decorated',
  'Lạng Sơn cấp xã (text codes) decorated',
];

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const allocate = (rt: Runtime, ...args: unknown[]) => call<AllocationResultDto>(rt, 'allocateDelegates', ...args);
const preview = (rt: Runtime) => call<AllocationResultDto>(rt, 'previewAllocation');
const undo = (rt: Runtime) => call<UndoAllocationResultDto>(rt, 'undoAllocation');

/**
 * Sets "Phương pháp phân bổ" in `Cấu hình` to the first other method that changes some unit's figure
 * (with Lạng Sơn's minimum of 8 every method gives the same figures: the total is then raised by 7 too).
 */
function changeMethod(ss: LocalSpreadsheet, rt: Runtime): string {
  const config = sheet(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === 'Phương pháp phân bổ') + 1;
  const current = values[row - 1]?.[1];
  for (const next of ['Jefferson', 'Adams', 'Hamilton', 'Webster']) {
    if (next === current) continue;
    config.getRange(row, 2).setValue(next);
    if (preview(rt).preview?.needsConfirmation) return next;
  }
  const total = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
  config.getRange(total, 2).setValue(Number(values[total - 1]?.[1]) + 7);
  if (preview(rt).preview?.needsConfirmation) return 'Adams';
  throw new Error('no method changes the allocation');
}

/** Columns of `Phân bổ` the add-in owns (by header; 1-based). */
function ownedColumns(ss: LocalSpreadsheet): Set<number> {
  const s = sheet(ss, ALLOCATION);
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? [];
  const owned = new Set<string>([...ALLOCATION_COMPUTED, 'Số theo tỷ lệ', 'Lý do']);
  return new Set(header.flatMap((h, i) => (owned.has(String(h).trim()) ? [i + 1] : [])));
}

/** Differences outside the owned cells of `Phân bổ` and the add-in's hidden record. */
function userDifferences(before: WorkbookSnapshot, after: WorkbookSnapshot, owned: Set<number>): Difference[] {
  return diff(before, after).filter((d) => {
    if (d.sheet === HISTORY) return false;
    if (d.field === 'sheets') return d.before.replace(` | ${HISTORY}`, '') !== d.after.replace(` | ${HISTORY}`, '');
    if (d.sheet !== ALLOCATION || d.cell === '') return true;
    const [row, col] = parseA1(d.cell);
    return row === 1 || !owned.has(col);
  });
}

/** Every difference but the add-in's hidden record. */
const exceptHistory = (before: WorkbookSnapshot, after: WorkbookSnapshot) =>
  diff(before, after).filter(
    (d) =>
      d.sheet !== HISTORY &&
      !(d.field === 'sheets' && d.before.replace(` | ${HISTORY}`, '') === d.after.replace(` | ${HISTORY}`, '')),
  );

/** The corpus workbook brought up to date (the officer confirms), then its method changed. */
function prepared(w: CorpusWorkbook) {
  const ss = w.build();
  const rt = runtimeFor(ss, w);
  const first = allocate(rt, { confirmed: true });
  if (!first.ok) throw new Error(first.message);
  changeMethod(ss, rt);
  return { ss, rt };
}

/** Số chính thức per unit code, as `Phân bổ` holds it. */
function finals(ss: LocalSpreadsheet): Map<string, unknown> {
  const s = sheet(ss, ALLOCATION);
  const code = column(s, 'Mã đơn vị');
  const fin = column(s, 'Số chính thức');
  const values = s.getDataRange().getValues();
  return new Map(values.slice(1).map((r) => [String(r[code - 1]), r[fin - 1]]));
}

describe.each(WORKBOOKS)('%s', (name) => {
  const w = corpusWorkbook(name);

  test('preview and an unconfirmed or stale allocation write nothing; confirm writes; undo restores exactly; undo twice is refused', () => {
    const { ss, rt } = prepared(w);
    const owned = ownedColumns(ss);
    const s0 = snapshot(ss);

    const p = preview(rt);
    expect(p.preview?.needsConfirmation).toBe(true);
    expect(p.preview?.changed).toBeGreaterThan(0);
    const changed = p.preview?.rows.filter((r) => r.changed) ?? [];
    expect(changed.length).toBe(p.preview?.changed);
    for (const r of changed) expect(r.name).not.toBe('');
    expect(p.preview?.methodAfter).not.toBe(p.preview?.methodBefore);
    expect(p.preview?.methodBeforeName).not.toBe('');
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);

    const unconfirmed = allocate(rt);
    expect(unconfirmed.ok).toBe(false);
    expect(unconfirmed.needsConfirmation).toBe(true);
    expect(unconfirmed.preview?.digest).toBe(p.preview?.digest);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);

    const stale = allocate(rt, { confirmed: true, expect: 'ffffffffffffffff' });
    expect(stale.ok).toBe(false);
    expect(stale.message).toBe(REALLOCATION_MESSAGES.stale);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);

    const done = allocate(rt, { confirmed: true, expect: p.preview?.digest });
    expect(done.ok).toBe(true);
    expect(done.undoable).toBe(true);
    const s1 = snapshot(ss);
    expect(lines(userDifferences(s0, s1, owned))).toEqual([]);
    const after = finals(ss);
    for (const r of p.preview?.rows ?? []) expect(after.get(r.code)).toBe(r.newFinal);
    expect(exceptHistory(s0, s1).length).toBeGreaterThan(0);

    const undone = undo(rt);
    expect(undone.ok).toBe(true);
    expect(undone.notRestored).toEqual([]);
    const s2 = snapshot(ss);
    expect(lines(exceptHistory(s0, s2))).toEqual([]);

    const again = undo(rt);
    expect(again.ok).toBe(false);
    expect(again.message).toBe(REALLOCATION_MESSAGES.undoNothing);
    expect(lines(diff(s2, snapshot(ss)))).toEqual([]);

    // Back to the new result: the same preview, confirmed again.
    const redo = allocate(rt, { confirmed: true, expect: preview(rt).preview?.digest });
    expect(redo.ok).toBe(true);
    expect(lines(exceptHistory(s1, snapshot(ss)))).toEqual([]);
  });

  test('a change of data between the preview and the confirmation is refused in Vietnamese, nothing written', () => {
    const { ss, rt } = prepared(w);
    const p = preview(rt);
    const s = sheet(ss, ALLOCATION);
    const cell = s.getRange(2, column(s, 'Điều chỉnh'));
    cell.setValue(Number(cell.getValue() || 0) + 1);
    const s0 = snapshot(ss);
    const r = allocate(rt, { confirmed: true, expect: p.preview?.digest });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(REALLOCATION_MESSAGES.stale);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
  });
});

describe('undo when the units changed meanwhile', () => {
  const w = corpusWorkbook(WORKBOOKS[0] as string);

  test('rows sorted: restored by code; a row deleted: named, the others restored; user rows untouched', () => {
    const { ss, rt } = prepared(w);
    const before = finals(ss);
    const p = preview(rt);
    expect(allocate(rt, { confirmed: true, expect: p.preview?.digest }).ok).toBe(true);
    const s = sheet(ss, ALLOCATION);
    const codeCol = column(s, 'Mã đơn vị');
    const nameCol = column(s, 'Tên đơn vị');
    const values = s.getDataRange().getValues();
    // The officer sorts rows 2–4 in reverse (whole rows) and deletes the unit in row 5.
    const rows = values.slice(1, 4).reverse();
    s.getRange(2, 1, 3, rows[0]?.length ?? 1).setValues(
      rows.map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : v))),
    );
    const deletedName = String(values[4]?.[nameCol - 1]);
    const deletedCode = String(values[4]?.[codeCol - 1]);
    s.deleteRow(5);
    const r = undo(rt);
    expect(r.ok).toBe(true);
    expect(r.notRestored).toEqual([{ code: deletedCode, name: deletedName }]);
    expect(r.message).toContain(deletedName);
    const after = finals(ss);
    for (const [code, fin] of before) {
      if (code === deletedCode || !after.has(code)) continue;
      expect([code, after.get(code)]).toEqual([code, fin]);
    }
  });
});

describe('the menu asks before rewriting and before undoing (Ui.alert YES_NO)', () => {
  const w = corpusWorkbook(WORKBOOKS[1] as string);

  test('No writes nothing; Yes writes; the dialog names units by name', () => {
    const { ss, rt } = prepared(w);
    const s0 = snapshot(ss);
    rt.ui.queueResponse({ button: 'NO' });
    runBundle(rt, 'menuAllocateDelegates');
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
    const dialog = rt.ui.alerts.at(-1);
    expect(dialog?.buttons).toBe('YES_NO');
    expect(dialog?.title).toBe(REALLOCATION_MESSAGES.confirmTitle);
    const p = preview(rt);
    const firstChanged = p.preview?.rows.find((r) => r.changed);
    expect(dialog?.prompt).toContain(`${firstChanged?.name}: ${firstChanged?.oldFinal} → ${firstChanged?.newFinal}`);
    expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.declined);

    rt.ui.queueResponse({ button: 'CLOSE' });
    runBundle(rt, 'menuAllocateDelegates');
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);

    rt.ui.queueResponse({ button: 'YES' });
    runBundle(rt, 'menuAllocateDelegates');
    expect(finals(ss).get(firstChanged?.code ?? '')).toBe(firstChanged?.newFinal);

    const s1 = snapshot(ss);
    rt.ui.queueResponse({ button: 'NO' });
    runBundle(rt, 'menuUndoAllocation');
    expect(lines(diff(s1, snapshot(ss)))).toEqual([]);
    rt.ui.queueResponse({ button: 'YES' });
    runBundle(rt, 'menuUndoAllocation');
    expect(lines(exceptHistory(s0, snapshot(ss)))).toEqual([]);
  });
});

describe('fault sweep over the writes of "Hoàn tác phân bổ"', () => {
  const w = corpusWorkbook(WORKBOOKS[2] as string);
  /** The workbook re-allocated with a new method (confirmed), ready to undo. */
  const ready = () => {
    const { ss, rt } = prepared(w);
    const p = preview(rt);
    const r = allocate(rt, { confirmed: true, expect: p.preview?.digest });
    if (!r.ok) throw new Error(r.message);
    return { ss, rt };
  };

  test('whichever write fails: no user cell changes, and either all is restored as before or the message says what to check', () => {
    const clean = ready();
    const before = snapshot(clean.ss);
    const owned = ownedColumns(clean.ss);
    const counted = runBundle(clean.rt, 'undoAllocation', []);
    const keys = writes(counted.calls);
    expect(keys.length).toBeGreaterThan(0);
    const findings: string[] = [];
    let faults = 0;
    for (const [key, count] of keys) {
      for (const n of sample(key, count)) {
        faults++;
        const { ss, rt } = ready();
        rt.failOn(key, { after: n });
        let message = '';
        let ok = false;
        try {
          const r = runBundle(rt, 'undoAllocation', []).result as UndoAllocationResultDto;
          message = r.message;
          ok = r.ok;
        } catch (e) {
          message = e instanceof Error ? e.message : String(e);
        }
        const after = snapshot(ss);
        const lost = userDifferences(before, after, owned);
        if (lost.length > 0) findings.push(`${key}#${n}: user cells changed: ${lines(lost, 3).join('; ')}`);
        if (!ok && /khôi phục như trước khi chạy/.test(message)) {
          const left = diff(before, after);
          if (left.length > 0) findings.push(`${key}#${n}: says restored but ${lines(left, 3).join('; ')}`);
        }
        if (!ok && message === '') findings.push(`${key}#${n}: failed without a message`);
      }
    }
    expect(faults).toBeGreaterThan(2);
    expect(findings).toEqual([]);
  });
});

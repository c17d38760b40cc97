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
import { corpusWorkbook } from '../trust/corpus';
import { sample, writes } from '../trust/faults';
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

test('a fault at each write of a confirmed undo over typed cells (a formula, a text): the workbook is left whole as it was, the formula a formula', () => {
  const ready = () => {
    const r = reallocated();
    const s = sheetOf(r.ss, SHEET);
    s.getRange(2, columnOf(r.ss, 'Số chính thức')).setFormula('=1+1');
    s.getRange(3, columnOf(r.ss, 'Cách tính')).setValue('=ghi chú của cán bộ');
    const asked = call<UndoAllocationResultDto>(r.rt, 'undoAllocation');
    if (asked.ok || !asked.overwrite) throw new Error('not asked');
    return { ...r, overwrite: asked.overwrite };
  };
  const clean = ready();
  const counted = runBundle(clean.rt, 'undoAllocation', [{ overwrite: clean.overwrite }]);
  expect((counted.result as UndoAllocationResultDto).ok).toBe(true);
  const keys = writes(counted.calls);
  expect(keys.length).toBeGreaterThan(1);
  const findings: string[] = [];
  let faults = 0;
  for (const [key, count] of keys) {
    for (const n of sample(key, count)) {
      const { ss, rt, overwrite } = ready();
      const before = snapshot(ss);
      rt.failOn(key, { after: n });
      let result: UndoAllocationResultDto | undefined;
      let thrown = '';
      try {
        result = runBundle(rt, 'undoAllocation', [{ overwrite }]).result as UndoAllocationResultDto;
      } catch (e) {
        thrown = String(e);
      }
      faults++;
      // After the sheet is committed (the state property, the lock's last flush) the message says so
      // (done, or "có thể một phần chưa được lưu"); every other fault must leave the workbook whole.
      if (result?.ok || /chưa được lưu/.test(thrown)) continue;
      expect(thrown).toContain('đã khôi phục như trước khi chạy');
      const left = lines(diff(before, snapshot(ss)), 3);
      if (left.length > 0) findings.push(`${key}#${n}: ${left.join('; ')}`);
      const formula = sheetOf(ss, SHEET).getRange(2, columnOf(ss, 'Số chính thức')).getFormula();
      if (formula !== '=1+1') findings.push(`${key}#${n}: the typed formula is now "${formula}"`);
    }
  }
  expect(faults).toBeGreaterThan(1);
  expect(findings).toEqual([]);
});

test('text codes ("06100"): the officer types a code again and Sheets makes it a number: named as typed, never matched to another unit; confirmed, the code comes back as text', () => {
  const w = corpusWorkbook('Lạng Sơn cấp xã (text codes) decorated');
  const ss = w.build();
  const rt = new Runtime({ spreadsheet: ss, now: w.now });
  reallocate(rt);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  const configured = snapshot(ss);
  reallocate(rt);
  const s = sheetOf(ss, SHEET);
  const codeCol = columnOf(ss, 'Mã đơn vị');
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r, i) => i > 0 && /^0\d+$/.test(String(r[codeCol - 1]))) + 1;
  expect(row).toBeGreaterThan(1);
  const code = String(values[row - 1]?.[codeCol - 1]);
  const cell = s.getRange(row, codeCol);
  cell.setNumberFormat('0');
  cell.setValue(Number(code));
  const typed = snapshot(ss);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(lines(diff(typed, snapshot(ss)))).toEqual([]);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(u.ok).toBe(true);
  expect(s.getRange(row, codeCol).getValue()).toBe(code);
  expect(lines(diff(configured, snapshot(ss)), 400).filter((l) => !l.includes(HISTORY))).toEqual([]);
});

test('Hình thức left out of one allocation run (its header taken over, then given back): a form typed afterwards is still asked about, never replaced unasked', () => {
  const { ss, rt } = reallocated();
  const s = sheetOf(ss, SHEET);
  const formCol = columnOf(ss, 'Hình thức');
  const header = s.getRange(1, formCol);
  const fill = header.getBackground();
  const note = header.getNote();
  // The officer recolours the header and deletes its note: the column is theirs for this run.
  header.setBackground('#ffff00');
  header.setNote('');
  reallocate(rt);
  // Then gives it back (Ctrl+Z, the template's colours), and types a form of their own.
  header.setBackground(fill);
  header.setNote(note);
  s.getRange(2, formCol).setValue('Hội nghị (cán bộ sửa tay)');
  const typed = snapshot(ss);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.typedOver?.map((t) => [t.cell, t.column, t.typed])).toEqual([
    [`${String.fromCharCode(64 + formCol)}2`, 'Hình thức', 'Hội nghị (cán bộ sửa tay)'],
  ]);
  expect(lines(diff(typed, snapshot(ss)))).toEqual([]);
});

test('unit names in NFD (pasted from a Word file) and with an apostrophe or "=" at the start (written NFC, as text): nothing typed, the undo asks nothing', () => {
  const ss = buildSample(LANG_SON);
  const units = sheetOf(ss, 'Đơn vị');
  const n = units.getLastRow() - 1;
  const names = units.getRange(2, 2, n, 1).getValues();
  names.forEach((r, i) => {
    // Written as Sheets takes them: "''x" holds "'x", "'=x" holds "=x" as text.
    r[0] = i === 0 ? `''${String(r[0])}` : i === 1 ? `'=${String(r[0])}` : String(r[0]).normalize('NFD');
  });
  const plain = units.getRange(2, 2, n, 1);
  plain.setNumberFormat('@');
  plain.setValues(names);
  const { ss: same, rt } = reallocated(ss);
  const shown = sheetOf(same, SHEET)
    .getRange(2, columnOf(same, 'Tên đơn vị'), n, 1)
    .getValues()
    .map((r) => String(r[0]));
  expect(shown).toEqual(expect.arrayContaining(["'Hữu Lũng", '=Thành phố Lạng Sơn', 'Lộc Bình'.normalize('NFC')]));
  const before = snapshot(same);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.typedOver).toBeUndefined();
  expect(u.ok).toBe(true);
  expect(lines(diff(before, snapshot(same))).length).toBeGreaterThan(0);
});

/**
 * "Hoàn tác phân bổ" and the cells of the add-in's columns an officer typed by hand after the
 * re-allocation: never replaced without being named (sheet, cell, unit name, typed → restored) and
 * confirmed with the digest of those very cells; the menu's Có and the sidebar's confirmation; another
 * officer's edit between the question and the confirmation refuses, nothing written. Whole-cell
 * snapshots on the real build.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { REALLOCATION_MESSAGES } from '../../src/ui/vi';
import { corpusWorkbook } from '../trust/corpus';
import { sample, writes } from '../trust/faults';
import { a1, type Difference, diff, describe as lines, snapshot, type WorkbookSnapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const HISTORY = 'Trợ lý DTTS – phân bổ trước';
const SHEET = 'Phân bổ';

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
};
const sheetOf = (ss: LocalSpreadsheet, name: string) => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const columnOf = (ss: LocalSpreadsheet, header: string) => {
  const s = sheetOf(ss, SHEET);
  const i = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
};
const valueAt = (ss: LocalSpreadsheet, row: number, header: string) =>
  sheetOf(ss, SHEET).getRange(row, columnOf(ss, header)).getValue();
const nameAt = (ss: LocalSpreadsheet, row: number) => String(valueAt(ss, row, 'Tên đơn vị'));

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): void {
  const config = sheetOf(ss, 'Cấu hình');
  const values = config.getDataRange().getValues();
  config.getRange(values.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
}

function reallocate(rt: Runtime): AllocationResultDto {
  const p = call<AllocationResultDto>(rt, 'previewAllocation');
  const r = call<AllocationResultDto>(rt, 'allocateDelegates', { confirmed: true, expect: p.preview?.digest });
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Lạng Sơn allocated (snapshot `first`), then re-allocated with another total: ready to undo. */
function reallocated(ss: LocalSpreadsheet = buildSample(LANG_SON), now = NOW) {
  const rt = new Runtime({ spreadsheet: ss, now });
  // A decorated workbook was allocated when it was made: its first allocation is then a confirmed one.
  reallocate(rt);
  const first = snapshot(ss);
  setSetting(ss, 'Tổng số đại biểu chính thức', 247);
  const configured = snapshot(ss);
  reallocate(rt);
  return { ss, rt, first, configured };
}

/** The differences outside the add-in's hidden record (which the re-allocation added to the sheet list). */
const visible = (d: readonly Difference[]) =>
  d.filter((x) => x.sheet !== HISTORY && !(x.field === 'sheets' && x.after === `${x.before} | ${HISTORY}`));

/** Rows 2.. of `Phân bổ` whose Số chính thức the re-allocation changed (the undo restores them). */
function changedRows(ss: LocalSpreadsheet, first: WorkbookSnapshot): number[] {
  const col = columnOf(ss, 'Số chính thức');
  const before = first.sheets.find((s) => s.name === SHEET);
  const out: number[] = [];
  for (let row = 2; row < 40; row++) {
    const was = before?.cells.get(a1(row, col))?.value ?? '';
    const now = sheetOf(ss, SHEET).getRange(row, col).getValue();
    if (was.startsWith('number:') && typeof now === 'number' && was !== `number:${now}`) out.push(row);
  }
  return out;
}

test('nothing typed since the re-allocation: the undo asks nothing more and puts back exactly what was there', () => {
  const { ss, rt, configured } = reallocated();
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(u.needsConfirmation).toBeUndefined();
  expect(u.typedOver).toBeUndefined();
  expect(u.message).not.toContain('nhập tay');
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
});

test('a Số chính thức typed over after the re-allocation: nothing written, the cell named with the unit name, typed → restored; confirmed, it is replaced and the message says so', () => {
  const { ss, rt, first, configured } = reallocated();
  const row = changedRows(ss, first)[0] as number;
  const col = columnOf(ss, 'Số chính thức');
  const restoredFigure = Number(
    (first.sheets.find((s) => s.name === SHEET)?.cells.get(a1(row, col))?.value ?? '').slice(7),
  );
  sheetOf(ss, SHEET).getRange(row, col).setValue(99);
  const typed = snapshot(ss);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.needsConfirmation).toBe(true);
  expect(asked.typedOver).toEqual([
    {
      sheet: SHEET,
      cell: a1(row, col),
      code: expect.any(String),
      name: nameAt(ss, row),
      column: 'Số chính thức',
      typed: '99',
      restored: String(restoredFigure),
    },
  ]);
  expect(asked.overwrite).toMatch(/^[0-9a-f]{16}$/);
  expect(asked.message).toContain(`Ô ${a1(row, col)} trang "${SHEET}" (${nameAt(ss, row)}, cột "Số chính thức")`);
  expect(asked.message).toContain(`"99" → sẽ khôi phục "${restoredFigure}"`);
  // Whole cells: nothing at all changed, the record included.
  expect(lines(diff(typed, snapshot(ss)))).toEqual([]);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(u.ok).toBe(true);
  expect(u.message).toContain('Theo xác nhận, đã thay 1 ô nhập tay');
  expect(u.message).toContain(a1(row, col));
  expect(u.typedOver?.map((t) => t.cell)).toEqual([a1(row, col)]);
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
  expect(ss.getSheetByName(HISTORY)).toBeTruthy();
  expect(call<UndoAllocationResultDto>(rt, 'undoAllocation').message).toBe(REALLOCATION_MESSAGES.undoNothing);
});

test('a formula typed into an owned cell counts as typed: named by its formula, never replaced without the confirmation', () => {
  const { ss, rt, configured } = reallocated();
  const col = columnOf(ss, 'Cách tính');
  const seats = columnOf(ss, 'Số phân bổ');
  const formula = `=${a1(3, seats)}&" (theo nghị quyết)"`;
  sheetOf(ss, SHEET).getRange(3, col).setFormula(formula);
  const typed = snapshot(ss);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  expect(asked.typedOver?.map((t) => [t.cell, t.column, t.typed])).toEqual([[a1(3, col), 'Cách tính', formula]]);
  expect(asked.message).toContain(formula);
  expect(lines(diff(typed, snapshot(ss)))).toEqual([]);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(u.ok).toBe(true);
  expect(u.message).toContain(formula);
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
});

test('typed text over the unit name and over Hình thức: both named, each with its unit and column', () => {
  const { ss, rt } = reallocated();
  const s = sheetOf(ss, SHEET);
  const name = nameAt(ss, 2);
  s.getRange(2, columnOf(ss, 'Tên đơn vị')).setValue(`${name} (đã sáp nhập)`);
  s.getRange(4, columnOf(ss, 'Hình thức')).setValue('Theo Quyết định số 12/QĐ-UBND');
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.ok).toBe(false);
  const named = asked.typedOver?.map((t) => [t.cell, t.column, t.typed, t.restored]);
  expect(named).toContainEqual([a1(2, columnOf(ss, 'Tên đơn vị')), 'Tên đơn vị', `${name} (đã sáp nhập)`, name]);
  expect(named?.find((t) => t[0] === a1(4, columnOf(ss, 'Hình thức')))?.[2]).toBe('Theo Quyết định số 12/QĐ-UBND');
  expect(asked.typedOver).toHaveLength(2);
});

test('a cell typed with what the undo would put back anyway loses nothing: not asked about', () => {
  const { ss, rt, first, configured } = reallocated();
  const row = changedRows(ss, first)[0] as number;
  const col = columnOf(ss, 'Số chính thức');
  const old = Number((first.sheets.find((s) => s.name === SHEET)?.cells.get(a1(row, col))?.value ?? '').slice(7));
  sheetOf(ss, SHEET).getRange(row, col).setValue(old);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(u.typedOver).toBeUndefined();
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
});

describe('another officer edits between the question and the confirmation: the stale confirmation refuses, nothing written', () => {
  const asked = () => {
    const w = reallocated();
    const row = changedRows(w.ss, w.first)[0] as number;
    sheetOf(w.ss, SHEET).getRange(row, columnOf(w.ss, 'Số chính thức')).setValue(99);
    const a = call<UndoAllocationResultDto>(w.rt, 'undoAllocation');
    expect(a.needsConfirmation).toBe(true);
    return { ...w, row, asked: a };
  };
  test.each([
    [
      'types into another owned cell',
      (ss: LocalSpreadsheet) => sheetOf(ss, SHEET).getRange(3, columnOf(ss, 'Số phân bổ')).setValue(1),
    ],
    [
      'changes the typed value',
      (ss: LocalSpreadsheet, row: number) =>
        sheetOf(ss, SHEET).getRange(row, columnOf(ss, 'Số chính thức')).setValue(98),
    ],
    [
      'puts a formula in the typed cell',
      (ss: LocalSpreadsheet, row: number) =>
        sheetOf(ss, SHEET).getRange(row, columnOf(ss, 'Số chính thức')).setFormula('=1+1'),
    ],
    [
      'clears the typed cell',
      (ss: LocalSpreadsheet, row: number) =>
        sheetOf(ss, SHEET).getRange(row, columnOf(ss, 'Số chính thức')).clearContent(),
    ],
  ])('%s', (_what, edit) => {
    const { ss, asked: a, row } = asked();
    const b = new Runtime({ spreadsheet: ss, now: NOW });
    edit(ss, row);
    const afterB = snapshot(ss);
    const u = call<UndoAllocationResultDto>(b, 'undoAllocation', { overwrite: a.overwrite });
    expect(u.ok).toBe(false);
    expect(u.message).toBe(REALLOCATION_MESSAGES.undoTypedStale);
    expect(u.overwrite).not.toBe(a.overwrite);
    expect(lines(diff(afterB, snapshot(ss)))).toEqual([]);
  });

  test('another officer re-allocates meanwhile: the confirmation of the old record is refused', () => {
    const { ss, rt, asked: a } = asked();
    setSetting(ss, 'Tổng số đại biểu chính thức', 244);
    reallocate(new Runtime({ spreadsheet: ss, now: NOW }));
    const afterB = snapshot(ss);
    const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: a.overwrite });
    expect(u.ok).toBe(false);
    expect(lines(diff(afterB, snapshot(ss)))).toEqual([]);
  });

  test('a confirmation of "nothing typed" (the menu asked with none) refuses once a cell is typed', () => {
    const { ss, rt } = reallocated();
    const clean = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: '0000000000000000' });
    expect(clean.ok).toBe(false);
    expect(clean.message).toBe(REALLOCATION_MESSAGES.undoTypedStale);
    expect(clean.needsConfirmation).toBe(false);
    expect(clean.typedOver).toEqual([]);
    const noneDigest = clean.overwrite as string;
    sheetOf(ss, SHEET).getRange(3, columnOf(ss, 'Số phân bổ')).setValue(5);
    const before = snapshot(ss);
    const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: noneDigest });
    expect(u.ok).toBe(false);
    expect(u.needsConfirmation).toBe(true);
    expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  });
});

describe('the menu', () => {
  test('its YES_NO question names the typed cells; Có replaces them and the toast says which', () => {
    const { ss, rt, first, configured } = reallocated();
    const row = changedRows(ss, first)[0] as number;
    const col = columnOf(ss, 'Số chính thức');
    sheetOf(ss, SHEET).getRange(row, col).setValue(99);
    rt.ui.queueResponse({ button: 'YES' });
    runBundle(rt, 'menuUndoAllocation');
    const question = rt.ui.alerts.at(-1);
    expect(question?.prompt).toContain(
      `Ô ${a1(row, col)} trang "${SHEET}" (${nameAt(ss, row)}, cột "Số chính thức"): đang ghi "99"`,
    );
    expect(question?.prompt).toContain('nếu chọn "Có", nội dung đã nhập sẽ bị thay');
    expect(rt.ui.toasts.at(-1)?.message).toContain('Theo xác nhận, đã thay 1 ô nhập tay');
    expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
  });

  test('Không (or the dialog closed): nothing written, the typed cell stays', () => {
    const { ss, rt, first } = reallocated();
    const row = changedRows(ss, first)[0] as number;
    sheetOf(ss, SHEET).getRange(row, columnOf(ss, 'Số chính thức')).setValue(99);
    const before = snapshot(ss);
    rt.ui.queueResponse({ button: 'NO' });
    runBundle(rt, 'menuUndoAllocation');
    expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.undoDeclined);
    runBundle(rt, 'menuUndoAllocation');
    expect(rt.ui.alerts.at(-1)?.response).toBe('CLOSE');
    expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  });

  test('without typed cells the question is the usual one and Có undoes', () => {
    const { ss, rt, configured } = reallocated();
    rt.ui.queueResponse({ button: 'YES' });
    runBundle(rt, 'menuUndoAllocation');
    expect(rt.ui.alerts.at(-1)?.prompt).not.toContain('nhập tay');
    expect(rt.ui.toasts.at(-1)?.message).toContain('Đã khôi phục');
    expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
  });

  test('another officer types into an owned cell while the question is open: Có writes nothing and says the cells changed', () => {
    const { ss, rt, first } = reallocated();
    const row = changedRows(ss, first)[0] as number;
    sheetOf(ss, SHEET).getRange(row, columnOf(ss, 'Số chính thức')).setValue(99);
    rt.ui.queueResponse({ button: 'YES' });
    let afterB: WorkbookSnapshot | null = null;
    rt.onCall('Ui.alert', () => {
      sheetOf(ss, SHEET).getRange(3, columnOf(ss, 'Chênh lệch')).setValue('thiếu 2');
      afterB = snapshot(ss);
    });
    runBundle(rt, 'menuUndoAllocation');
    expect(afterB).not.toBeNull();
    expect(rt.ui.toasts.at(-1)?.message).toBe(REALLOCATION_MESSAGES.undoTypedStale);
    expect(lines(diff(afterB as unknown as WorkbookSnapshot, snapshot(ss)))).toEqual([]);
  });

  test('many typed cells: the first ones in full, every other one still named by its cell', () => {
    const { ss, rt } = reallocated();
    const col = columnOf(ss, 'Cách tính');
    const s = sheetOf(ss, SHEET);
    const units = s
      .getDataRange()
      .getValues()
      .slice(1)
      .filter((r) => String(r[0]) !== '').length;
    const rows = Math.min(units, 20);
    for (let r = 2; r < 2 + rows; r++) s.getRange(r, col).setValue(`ghi chú ${r}`);
    rt.ui.queueResponse({ button: 'NO' });
    runBundle(rt, 'menuUndoAllocation');
    const message = rt.ui.alerts.at(-1)?.prompt ?? '';
    for (let r = 2; r < 2 + rows; r++) expect(message).toContain(a1(r, col));
    expect(message).toContain(`${rows} ô sau đã được nhập tay`);
  });
});

test('an allocation run since that changed no figure (a delegate registered) is no typing: the undo asks nothing', () => {
  const { ss, rt, first } = reallocated();
  // One more delegate of a unit whose Số chính thức the re-allocation changed: its "Đã đăng ký" and
  // "Chênh lệch" are written again by the next allocation, with the same figures.
  const row = changedRows(ss, first)[0] as number;
  const code = String(valueAt(ss, row, 'Mã đơn vị'));
  const registered = valueAt(ss, row, 'Đã đăng ký');
  const delegates = sheetOf(ss, 'Đại biểu');
  const values = delegates.getDataRange().getValues();
  const codeColumn = (values[0] ?? []).indexOf('Mã đơn vị');
  const theirs = values.findIndex((r, i) => i > 0 && String(r[codeColumn]) === code);
  expect(theirs).toBeGreaterThan(0);
  const width = delegates.getLastColumn();
  delegates
    .getRange(delegates.getLastRow() + 1, 1, 1, width)
    .setValues(delegates.getRange(theirs + 1, 1, 1, width).getValues());
  const again = call<AllocationResultDto>(rt, 'allocateDelegates');
  expect(again.ok).toBe(true);
  expect(again.needsConfirmation).toBeUndefined();
  expect(valueAt(ss, row, 'Đã đăng ký')).toBe((registered as number) + 1);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(u.typedOver).toBeUndefined();
});

test('a record kept before the add-in knew what it wrote: the undo restores as before (nothing to compare with)', () => {
  const { ss, rt, configured } = reallocated();
  const history = sheetOf(ss, HISTORY);
  const values = history.getDataRange().getValues();
  const rewritten = values.map((r, i) => {
    if (i < 2 || String(r[0]) === '') return r;
    const json = JSON.parse(r.slice(2).map(String).join('')) as Record<string, unknown>;
    delete json.w;
    const text = JSON.stringify(json);
    return [r[0], r[1], text, ...r.slice(3).map(() => '')];
  });
  history.getRange(1, 1, rewritten.length, rewritten[0]?.length ?? 1).setValues(rewritten);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(true);
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
});

test('a damaged record of what was written is never guessed: refused, nothing written', () => {
  const { ss, rt } = reallocated();
  const history = sheetOf(ss, HISTORY);
  const text = String(history.getRange(3, 3).getValue());
  history.getRange(3, 3).setValue(text.replace('"w":{', '"w":{"extra":{"t":"x","v":1},'));
  const before = snapshot(ss);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(u.ok).toBe(false);
  expect(u.message).toBe(REALLOCATION_MESSAGES.undoDamaged);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

describe('bad confirmations are refused in Vietnamese before anything is read', () => {
  const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  test.each([
    [{ overwrite: 'xyz' }],
    [{ overwrite: 1 }],
    [{ overwrite: true }],
    [{ expect: 'a', overwrite: 'ABCDEF0123456789' }],
    [{ force: true }],
  ])('%j', (arg) => {
    expect(errorOf(() => runBundle(rt, 'undoAllocation', [arg]))).toMatch(/^Tham số không hợp lệ khi gọi/);
  });
});

test('a decorated workbook (fills, notes, a Tổng cộng row): typed cell named, confirmed undo changes only the add-in cells', () => {
  const w = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');
  const { ss, rt, first, configured } = reallocated(w.build(), w.now);
  const row = changedRows(ss, first)[0] as number;
  const col = columnOf(ss, 'Số chính thức');
  sheetOf(ss, SHEET).getRange(row, col).setValue(99);
  const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
  expect(asked.typedOver?.map((t) => t.cell)).toEqual([a1(row, col)]);
  const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
  expect(u.ok).toBe(true);
  expect(lines(visible(diff(configured, snapshot(ss))))).toEqual([]);
});

describe('attacks', () => {
  test('an owned cell emptied by hand: named as empty, not as a typed "(trống)"', () => {
    const { ss, rt, first } = reallocated();
    const row = changedRows(ss, first)[0] as number;
    const col = columnOf(ss, 'Số phân bổ');
    sheetOf(ss, SHEET).getRange(row, col).clearContent();
    const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
    expect(asked.typedOver?.map((t) => [t.cell, t.typed])).toEqual([[a1(row, col), '(trống)']]);
    expect(asked.message).toContain(`cột "Số phân bổ"): đang ghi (trống) → sẽ khôi phục "`);
  });

  test('a row inserted above and a column of the officer inserted to the left: the typed cell is named where it is now', () => {
    const { ss, rt, first } = reallocated();
    const row = changedRows(ss, first)[0] as number;
    const s = sheetOf(ss, SHEET);
    s.insertRowBefore(2);
    s.insertColumnBefore(1);
    s.getRange(1, 1).setValue('STT');
    const col = columnOf(ss, 'Số chính thức');
    s.getRange(row + 1, col).setValue(99);
    const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
    expect(asked.typedOver?.map((t) => [t.cell, t.name])).toEqual([[a1(row + 1, col), nameAt(ss, row + 1)]]);
    const mine = snapshot(ss);
    const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
    expect(u.ok).toBe(true);
    // The officer's column and row are untouched.
    const theirs = diff(mine, snapshot(ss)).filter(
      (d) => d.sheet === SHEET && (/^A\d+$/.test(d.cell) || d.cell.replace(/^[A-Z]+/, '') === '2'),
    );
    expect(lines(theirs)).toEqual([]);
  });

  test('a number typed into "Đã đăng ký" stays (the newest count is kept anyway): not asked about; text typed there is', () => {
    const { ss, rt } = reallocated();
    const s = sheetOf(ss, SHEET);
    s.getRange(2, columnOf(ss, 'Đã đăng ký')).setValue(3);
    s.getRange(3, columnOf(ss, 'Đã đăng ký')).setValue('chờ danh sách');
    const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
    expect(asked.typedOver?.map((t) => [t.cell, t.typed])).toEqual([
      [a1(3, columnOf(ss, 'Đã đăng ký')), 'chờ danh sách'],
    ]);
    const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
    expect(u.ok).toBe(true);
    expect(s.getRange(2, columnOf(ss, 'Đã đăng ký')).getValue()).toBe(3);
  });

  test('a date and a very long text typed: shown as a date and cut with "…"; the digest still covers the whole text', () => {
    const { ss, rt } = reallocated();
    const s = sheetOf(ss, SHEET);
    const reason = columnOf(ss, 'Cách tính');
    s.getRange(2, reason).setValue(`${'x'.repeat(200)}A`);
    // A day shown as a day: its cell formatted as a date (under the column's whole-number format it
    // would read as its serial number, as in Sheets: attack5-read-year-date-typed.test.ts).
    s.getRange(3, columnOf(ss, 'Chênh lệch')).setNumberFormat('dd/mm/yyyy');
    s.getRange(3, columnOf(ss, 'Chênh lệch')).setValue(new Date('2024-01-20T00:00:00+07:00'));
    const asked = call<UndoAllocationResultDto>(rt, 'undoAllocation');
    const shown = new Map(asked.typedOver?.map((t) => [t.cell, t.typed]));
    expect(shown.get(a1(2, reason))).toMatch(/^x{79}…$/);
    expect(shown.get(a1(3, columnOf(ss, 'Chênh lệch')))).toBe('20/01/2024');
    // A change beyond what is shown is still a change.
    s.getRange(2, reason).setValue(`${'x'.repeat(200)}B`);
    const before = snapshot(ss);
    const u = call<UndoAllocationResultDto>(rt, 'undoAllocation', { overwrite: asked.overwrite });
    expect(u.message).toBe(REALLOCATION_MESSAGES.undoTypedStale);
    expect(lines(diff(before, snapshot(ss)))).toEqual([]);
  });

  test('every write of an allocation that only refreshes the record fails in turn: no user cell changes, and no typed cell is ever replaced unasked', () => {
    const findings: string[] = [];
    const prepared = () => {
      const w = reallocated();
      const delegates = sheetOf(w.ss, 'Đại biểu');
      const width = delegates.getLastColumn();
      delegates
        .getRange(delegates.getLastRow() + 1, 1, 1, width)
        .setValues(delegates.getRange(delegates.getLastRow(), 1, 1, width).getValues());
      return w;
    };
    const clean = prepared();
    const keys = writes(runBundle(clean.rt, 'allocateDelegates', []).calls);
    expect(keys.some(([k]) => k === 'Range.setValues')).toBe(true);
    let faults = 0;
    let failed = 0;
    for (const [key, count] of keys) {
      for (const n of sample(key, count)) {
        faults++;
        const { ss, rt } = prepared();
        const s = sheetOf(ss, SHEET);
        // Typed where no figure is (the allocation needs no confirmation and writes over it, or rolls back).
        const typed = () => s.getRange(2, columnOf(ss, 'Cách tính'));
        typed().setValue('ghi tay');
        rt.failOn(key, { after: n });
        let ok = true;
        try {
          ok = (runBundle(rt, 'allocateDelegates', []).result as AllocationResultDto).ok;
        } catch {
          ok = false;
        }
        if (!ok) failed++;
        const b = new Runtime({ spreadsheet: ss, now: NOW });
        const typedNow = typed().getValue();
        const before = snapshot(ss);
        const u = call<UndoAllocationResultDto>(b, 'undoAllocation');
        if (!u.ok && lines(diff(before, snapshot(ss))).length > 0) findings.push(`${key}#${n}: refused but wrote`);
        if (u.ok && typedNow === 'ghi tay' && typed().getValue() !== 'ghi tay')
          findings.push(`${key}#${n}: the typed text was replaced without being asked`);
      }
    }
    expect(failed).toBeGreaterThan(2);
    expect(faults).toBeGreaterThan(2);
    expect(findings).toEqual([]);
  });
});

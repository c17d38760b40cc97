/**
 * Attacks on "Phân bổ đại biểu" as users and attackers would make them, on the real bundle: sheets
 * decorated and rearranged by hand, odd codes and adjustments, faults in reads and writes, two users
 * at once. Each case states what the officer must see and checks it against the whole cells.
 */
import { createHash } from 'node:crypto';
import { type CallCounts, Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { MESSAGES } from '../../src/ui/vi';

const NOW = '2024-01-14T09:00:00+07:00';
const ALLOCATION = 'Phân bổ';
const UNITS = 'Đơn vị';

type Sheet = NonNullable<ReturnType<LocalSpreadsheet['getSheetByName']>>;
const sheetOf = (ss: LocalSpreadsheet, name: string): Sheet => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const typeText = (s: Sheet, a1: string, text: string) => s.getRange(a1).setValue(`'${text}`);

function run(ss: LocalSpreadsheet, runtime = new Runtime({ spreadsheet: ss, now: NOW })) {
  const r = runBundle(runtime, 'allocateDelegates') as { result: unknown; calls: CallCounts };
  return { result: r.result as AllocationResultDto, calls: r.calls, runtime };
}
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

/** The Lạng Sơn sample after a first allocation (11 units in rows 2–12 of `Phân bổ`). */
function allocated(): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  expect(run(ss).result.ok).toBe(true);
  return ss;
}

function addUnit(ss: LocalSpreadsheet, code: string, name: string, population = 5200, dtts = 4100): void {
  const units = sheetOf(ss, UNITS);
  const next = units.getLastRow() + 1;
  typeText(units, `A${next}`, code);
  typeText(units, `B${next}`, name);
  units.getRange(next, 3, 1, 2).setValues([[population, dtts]]);
}

type CellSnapshot = unknown[];
function cellsOf(s: Sheet, rows = Math.max(1, s.getLastRow()), columns = Math.max(1, s.getLastColumn())) {
  const range = s.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const formats = range.getNumberFormats();
  const weights = range.getFontWeights();
  return values.map((row, r) =>
    row.map(
      (v, c): CellSnapshot => [
        v instanceof Date ? v.toISOString() : v,
        formulas[r]?.[c] ?? '',
        notes[r]?.[c] ?? '',
        backgrounds[r]?.[c] ?? '',
        formats[r]?.[c] ?? '',
        String(weights[r]?.[c] ?? ''),
      ],
    ),
  );
}
function digest(ss: LocalSpreadsheet): string {
  const hash = createHash('sha256');
  for (const s of ss.getSheets())
    hash.update(JSON.stringify([s.getName(), s.getMaxRows(), s.getMaxColumns(), cellsOf(s)]));
  return hash.digest('hex');
}
const valuesOf = (ss: LocalSpreadsheet, name = ALLOCATION) => sheetOf(ss, name).getDataRange().getValues();

// ---------------------------------------------------------------------------------------------

describe('layouts people make', () => {
  it('title rows above the header (merged title): units stay under the header, the title is untouched', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.insertRowsBefore(1, 2);
    typeText(s, 'A1', 'BẢNG PHÂN BỔ ĐẠI BIỂU');
    s.getRange('A1:J1').merge().setBackground('#cfe2f3');
    typeText(s, 'A2', '(Kèm theo Kế hoạch số 12/KH-UBND)');
    addUnit(ss, 'XM', 'Xã Mới');
    const before = cellsOf(s, 3, 10);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(cellsOf(s, 3, 10)).toEqual(before);
    const values = valuesOf(ss);
    expect(values.slice(3, 15).map((r) => r[0])).toEqual([
      'HL',
      'TPLS',
      'LB',
      'CL',
      'CLA',
      'BS',
      'TĐ',
      'VQ',
      'BG',
      'VL',
      'ĐL',
      'XM',
    ]);
    expect(values[14]?.[4]).toBeGreaterThan(0);
  });

  it('blank rows between units and a subtotal row in the middle stay as they are', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.insertRowsAfter(6, 2); // rows 7 (blank) and 8 (subtotal)
    typeText(s, 'B8', 'Cộng nhóm 1');
    s.getRange('C8').setFormula('=SUM(C2:C6)');
    s.getRange('G8').setFormula('=SUM(G2:G6)');
    s.getRange('A8:J8').setBackground('#fff2cc');
    addUnit(ss, 'XM', 'Xã Mới');
    const rows = (ss2: LocalSpreadsheet) => cellsOf(sheetOf(ss2, ALLOCATION), 8, 10).slice(6, 8);
    const before = rows(ss);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(rows(ss)).toEqual(before);
    expect(result.problems.filter((p) => p.rule === 'allocation-unknown-row')).toEqual([]);
    expect(valuesOf(ss)[14]?.[0]).toBe('XM'); // after the last unit row (14 → 15)
  });

  it('a unit row deleted by the user comes back after the last unit row, the others keep their adjustments', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F3').setValue(2);
    s.deleteRow(4); // LB
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const values = valuesOf(ss);
    expect(values.map((r) => r[0])).toEqual([
      'Mã đơn vị',
      'HL',
      'TPLS',
      'CL',
      'CLA',
      'BS',
      'TĐ',
      'VQ',
      'BG',
      'VL',
      'ĐL',
      'LB',
    ]);
    expect(values[2]?.[5]).toBe(2);
    expect(values[2]?.[6]).toBe((values[2]?.[4] as number) + 2);
  });

  it("the user's column inserted between computed columns is never written", () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.insertColumnsAfter(3, 1); // between Dân số DTTS (C) and Hạn ngạch (now E)
    typeText(s, 'D1', 'Ghi chú riêng');
    for (let r = 2; r <= 12; r++) s.getRange(`D${r}`).setFormula(`=C${r}*2`);
    s.getRange('D5').setNote('của tôi');
    addUnit(ss, 'XM', 'Xã Mới');
    const column = () => cellsOf(s, 13, 11).map((r) => r[3]);
    const before = column();
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const after = column();
    expect(after.slice(0, 12)).toEqual(before.slice(0, 12));
    expect(after[12]?.slice(0, 3)).toEqual(['', '', '']);
    expect(valuesOf(ss)[12]?.slice(0, 3)).toEqual(['XM', 'Xã Mới', 4100]);
  });

  it('a sheet whose last row is the last unit row (no spare rows) grows to take the new unit', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.deleteRows(13, s.getMaxRows() - 12);
    expect(s.getMaxRows()).toBe(12);
    addUnit(ss, 'XM', 'Xã Mới');
    addUnit(ss, 'XN', 'Xã Nam');
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(s.getMaxRows()).toBe(14);
    expect(
      valuesOf(ss)
        .slice(12)
        .map((r) => r[0]),
    ).toEqual(['XM', 'XN']);
  });

  it('a total row on the last row of the sheet stays below the new unit', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.deleteRows(14, s.getMaxRows() - 13);
    typeText(s, 'A13', 'Tổng cộng');
    s.getRange('G13').setFormula('=SUM(G2:G12)');
    addUnit(ss, 'XM', 'Xã Mới');
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(
      valuesOf(ss)
        .slice(12)
        .map((r) => r[0]),
    ).toEqual(['XM', 'Tổng cộng']);
    expect(s.getRange('G14').getFormula()).toBe('=SUM(G2:G12)');
  });
});

describe('codes', () => {
  it.each([
    ['case', 'hl'],
    ['NFD', 'HL'.normalize('NFD')],
    ['spaces', ' HL '],
    ['zero-width', 'H\u200BL'],
  ])('two units whose codes differ only by %s are refused before anything is written', (_, code) => {
    const ss = allocated();
    addUnit(ss, code, 'Xã Trùng');
    const before = digest(ss);
    const { result } = run(ss);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/trùng/);
    expect(digest(ss)).toBe(before);
  });

  it('a code in `Phân bổ` with spaces or zero-width characters still matches its unit (no new row)', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'A2', ' HL\u200B ');
    typeText(s, 'A3', '\uFEFFTPLS');
    s.getRange('F2').setValue(1);
    s.getRange('F3').setValue(-1);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const values = valuesOf(ss);
    expect(values).toHaveLength(12);
    expect(values.slice(1, 3).map((r) => [r[0], r[5], r[6] === (r[4] as number) + (r[5] as number)])).toEqual([
      ['HL', 1, true],
      ['TPLS', -1, true],
    ]);
  });

  it('"6100" typed as a number in one unit and "06100" as text in another are told apart', () => {
    const ss = allocated();
    const units = sheetOf(ss, UNITS);
    units.getRange('A2').setValue(6100); // HL becomes the number 6100
    typeText(units, 'A3', '06100'); // TPLS becomes the text "06100"
    const { result } = run(ss);
    // Either refused as a duplicate, or the two kept apart: never one unit's adjustment on the other.
    if (result.ok) {
      const values = valuesOf(ss);
      const codes = values.map((r) => r[0]);
      expect(codes.filter((c) => c === '6100' || c === '06100')).toHaveLength(2);
    }
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Đơn vị.*A3.*06100.*6100/);
  });
});

describe('Điều chỉnh the user typed', () => {
  it.each([
    ['a unicode minus', '−5', -5],
    ['a plus sign', '+2', 2],
  ])('%s is read as the number it shows', (_, input, expected) => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'F3', input);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const row = valuesOf(ss)[2] as unknown[];
    expect(row[6]).toBe((row[4] as number) + expected);
    expect(result.rows.find((r) => r.code === 'TPLS')?.adjustment).toBe(expected);
  });

  it.each([
    ['text', 'năm'],
    ['a fraction', '2,5'],
    ['an error value', '#REF!'],
  ])('%s that is no whole number is never silently read as 0: nothing is written and the cell is named', (_, input) => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F2').setValue(1);
    run(ss);
    typeText(s, 'F3', input);
    const before = digest(ss);
    const { result } = run(ss);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/F3/);
    expect(result.message).toMatch(/Phân bổ/);
    expect(digest(ss)).toBe(before);
  });
  it('an adjustment that would make Số chính thức negative stops the allocation, naming the cell', () => {
    const ss = allocated();
    typeText(sheetOf(ss, ALLOCATION), 'F12', '-50'); // ĐL has 8 seats
    const before = digest(ss);
    const { result } = run(ss);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Đình Lập.*-42.*F12.*Phân bổ/);
    expect(digest(ss)).toBe(before);
  });
});

describe('odd text copied from Đơn vị', () => {
  it.each([
    ['a name of 50,000 characters', 'Xã '.padEnd(50000, 'a')],
    ['emoji and RTL', '🏔️ Bản Đá ‏مرحبا‎ 👨‍👩‍👧'],
    ['a name that looks like a formula', '=IMPORTXML("https://x","//a")'],
    ['a name with a leading apostrophe', "'quoted"],
    ['a name that is a dash', '-'],
  ])('%s is copied exactly, as text', (_, name) => {
    const ss = allocated();
    addUnit(ss, 'XM', 'x');
    const units = sheetOf(ss, UNITS);
    // Typed as text: into a plain-text cell, or with the quote prefix when it starts with = or '.
    if (/^[='+-]/.test(name)) typeText(units, `B${units.getLastRow()}`, name);
    else units.getRange(`B${units.getLastRow()}`).setNumberFormat('@').setValue(name);
    expect(units.getRange(`B${units.getLastRow()}`).getValue()).toBe(name);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const s = sheetOf(ss, ALLOCATION);
    expect(s.getRange('B13').getValue()).toBe(
      sheetOf(ss, UNITS)
        .getRange(`B${sheetOf(ss, UNITS).getLastRow()}`)
        .getValue(),
    );
    expect(s.getRange('B13').getFormula()).toBe('');
  });
});

describe('faults in reads and structure', () => {
  it.each([
    ['Range.getFormulas', 0],
    ['Range.getNumberFormats', 0],
    ['Sheet.insertRowsAfter', 0],
    ['Sheet.getMaxRows', 0],
  ])('a failing %s leaves the workbook identical and says so truthfully', (key, after) => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'B14', 'Tổng cộng');
    s.getRange('G14').setFormula('=SUM(G2:G12)');
    addUnit(ss, 'XM', 'Xã Mới');
    const before = digest(ss);
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn(key, { after });
    const message = errorOf(() => run(ss, runtime));
    expect(digest(ss)).toBe(before);
    expect(message).not.toMatch(/chưa khôi phục/);
    expect(message.length).toBeGreaterThan(20);
  });
});

describe('two users at once', () => {
  it("a second user's allocation while the first one holds the lock is told to wait and writes nothing", () => {
    const ss = allocated();
    addUnit(ss, 'XM', 'Xã Mới');
    const a = new Runtime({ spreadsheet: ss, now: NOW, user: 'a@example.com' });
    const b = new Runtime({ spreadsheet: ss, now: NOW, user: 'b@example.com' });
    let second = '';
    a.onCall('Range.getFormulas', () => {
      second = errorOf(() => run(ss, b));
    });
    const first = run(ss, a).result;
    expect(first.ok).toBe(true);
    expect(second).toBe(MESSAGES.busy);
    expect(valuesOf(ss).filter((r) => r[0] === 'XM')).toHaveLength(1);
  });

  it('a second allocation right after the first released the lock sees its writes and adds nothing', () => {
    const ss = allocated();
    addUnit(ss, 'XM', 'Xã Mới');
    const a = new Runtime({ spreadsheet: ss, now: NOW, user: 'a@example.com' });
    const b = new Runtime({ spreadsheet: ss, now: NOW, user: 'b@example.com' });
    let second: AllocationResultDto | undefined;
    a.onCall('Lock.releaseLock', () => {
      second = run(ss, b).result;
    });
    expect(run(ss, a).result.ok).toBe(true);
    expect(second?.ok).toBe(true);
    expect(second?.message).not.toMatch(/dòng mới|thêm/);
    expect(valuesOf(ss).filter((r) => r[0] === 'XM')).toHaveLength(1);
  });
});

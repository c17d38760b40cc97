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
  const r = runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]) as { result: unknown; calls: CallCounts };
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
    ['a date Sheets made of "1/2"', null],
  ])('%s that is no whole number is never silently read as 0: nothing is written and the cell is named', (_, input) => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F2').setValue(1);
    run(ss);
    if (input === null) s.getRange('F3').setValue('1/2');
    else typeText(s, 'F3', input);
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

describe('more of what people do', () => {
  it('a unit removed from `Đơn vị` keeps its row untouched, and re-added it gets the same row back with its adjustment', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F4').setValue(1); // LB
    run(ss);
    const units = sheetOf(ss, UNITS);
    const lb = units.getRange('A4:G4').getValues();
    units.deleteRow(4);
    const row = cellsOf(s, 4, 10)[3];
    const removed = run(ss).result;
    expect(removed.ok).toBe(true);
    expect(cellsOf(s, 4, 10)[3]).toEqual(row);
    units.insertRowsAfter(units.getLastRow(), 1);
    units.getRange(units.getLastRow() + 1, 1, 1, 7).setValues(lb);
    const back = run(ss).result;
    expect(back.ok).toBe(true);
    const values = valuesOf(ss);
    expect(values).toHaveLength(12);
    expect(values[3]?.slice(0, 1).concat(values[3]?.slice(5, 7) ?? [])).toEqual([
      'LB',
      1,
      (values[3]?.[4] as number) + 1,
    ]);
  });

  it('a total row whose code cell says "Tổng cộng" and holds typed numbers is the user\'s: no warning to delete it', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'A13', 'Tổng cộng');
    s.getRange('G13').setValue(190);
    const row = cellsOf(s, 13, 10)[12];
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(cellsOf(s, 13, 10)[12]).toEqual(row);
    expect(result.problems.filter((p) => p.rule === 'allocation-unknown-row')).toEqual([]);
  });

  it("the user's total below the units, whose =SUM stops at the last unit row, is named when new units are inserted above it", () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'B14', 'Tổng cộng');
    s.getRange('G14').setFormula('=SUM(G2:G12)');
    s.getRange('E14').setFormula('=SUM(E$2:E$12)');
    addUnit(ss, 'XM', 'Xã Mới');
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(valuesOf(ss)[12]?.[0]).toBe('XM');
    const warnings = result.problems.filter((p) => p.rule === 'allocation-total-misses-new-rows');
    expect(warnings.map((p) => [p.sheet, p.cell])).toEqual([
      [ALLOCATION, 'E15'],
      [ALLOCATION, 'G15'],
    ]);
    expect(warnings[1]?.message).toMatch(/G15.*dòng 13/);
    expect(result.message).toMatch(/G15|E15/);
  });

  it('an owner-protected `Phân bổ` run by a collaborator: restored, and the message says it is protected, not a Google outage', () => {
    const ss = buildSample(LANG_SON, { owner: 'owner@langson.gov.vn' });
    const owner = new Runtime({ spreadsheet: ss, now: NOW, user: 'owner@langson.gov.vn' });
    expect(run(ss, owner).result.ok).toBe(true);
    const sheet = owner.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ALLOCATION);
    const protection = sheet?.getRange('E2:E12').protect();
    protection?.removeEditors(protection.getEditors());
    addUnit(ss, 'XM', 'Xã Mới');
    const before = digest(ss);
    const helper = new Runtime({ spreadsheet: ss, now: NOW, user: 'helper@langson.gov.vn' });
    const message = errorOf(() => run(ss, helper));
    expect(digest(ss)).toBe(before);
    expect(message).toMatch(/bảo vệ/);
    expect(message).toMatch(/Phân bổ/);
    expect(message).not.toMatch(/Dịch vụ Google gặp lỗi/);
  });

  it('a failing flush after the writes names the sheet that may be left changed', () => {
    const ss = allocated();
    addUnit(ss, 'XM', 'Xã Mới');
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn('SpreadsheetApp.flush', { after: 1 });
    expect(errorOf(() => run(ss, runtime))).toMatch(/Phân bổ/);
  });
});

describe('a fault in any write on a rearranged sheet', () => {
  /** Title rows, a user column between computed columns, a subtotal among the units, a total below, two new units. */
  function rearranged(): LocalSpreadsheet {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F3').setValue(2);
    s.insertRowsBefore(1, 1);
    typeText(s, 'A1', 'BẢNG PHÂN BỔ');
    s.getRange('A1:J1').merge();
    s.insertColumnsAfter(4, 1); // between Hạn ngạch (D) and Số phân bổ (now F)
    typeText(s, 'E2', 'Người phụ trách');
    for (let r = 3; r <= 13; r++) s.getRange(`E${r}`).setFormula(`=D${r}+1`);
    s.insertRowsAfter(7, 1);
    typeText(s, 'B8', 'Cộng nhóm 1');
    s.getRange('H8').setFormula('=SUM(H3:H7)');
    typeText(s, 'B16', 'Tổng cộng');
    s.getRange('H16').setFormula('=SUM(H3:H14)');
    s.getRange('A16:K16').setBackground('#fff2cc');
    addUnit(ss, 'XM', '=Xã Mới');
    addUnit(ss, 'XN', '06100');
    return ss;
  }

  it('a clean run writes the new units above the total and leaves the user cells alone', () => {
    const ss = rearranged();
    const s = sheetOf(ss, ALLOCATION);
    const before = cellsOf(s, 17, 11);
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const after = cellsOf(s, 18, 11);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.map((r) => r[4])).toEqual([
      ...before.slice(0, 15).map((r) => r[4]),
      after[15]?.[4],
      after[16]?.[4],
      before[15]?.[4],
    ]);
    expect(after[7]).toEqual(before[7]);
    expect(after[17]).toEqual(before[15]);
    expect(
      valuesOf(ss)
        .slice(14, 16)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['XM', '=Xã Mới'],
      ['XN', '06100'],
    ]);
    expect(result.problems.map((p) => p.cell)).toContain('H18');
  });

  it('every write failing in turn leaves the workbook identical and the message says it was restored', () => {
    const clean = run(rearranged());
    const keys = ['Range.setValues', 'Range.setNumberFormat', 'Sheet.insertRowsAfter', 'SpreadsheetApp.flush'];
    const cases = keys.flatMap((k) =>
      Array.from({ length: k === 'SpreadsheetApp.flush' ? 1 : (clean.calls[k] ?? 0) }, (_, i) => [k, i] as const),
    );
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const [key, after] of cases) {
      const ss = rearranged();
      const before = digest(ss);
      const runtime = new Runtime({ spreadsheet: ss, now: NOW });
      runtime.failOn(key, { after });
      const message = errorOf(() => run(ss, runtime));
      expect([key, after, message]).toEqual([key, after, MESSAGES.writeFailedRestored('trang "Phân bổ"')]);
      expect([key, after, digest(ss)]).toEqual([key, after, before]);
    }
  });
});

describe('a province of communes', () => {
  it('3,321 units: one block per run of rows and columns, whatever the count, and a second run writes the same cells', () => {
    const ss = allocated();
    const config = sheetOf(ss, 'Cấu hình');
    const minRow = config
      .getRange('A1:A40')
      .getValues()
      .findIndex((r) => r[0] === 'Số đại biểu tối thiểu mỗi đơn vị');
    config.getRange(minRow + 1, 2).setValue(0);
    const units = sheetOf(ss, UNITS);
    const count = 3321;
    units.insertRowsAfter(units.getMaxRows(), count);
    units.getRange(2, 1, count, 2).setNumberFormat('@');
    units
      .getRange(2, 1, count, 7)
      .setValues(
        Array.from({ length: count }, (_, i) => [
          String(i + 1).padStart(5, '0'),
          `Xã ${i + 1}`,
          1000 + ((i * 7919) % 5000),
          500 + ((i * 104729) % 400),
          '',
          '',
          '',
        ]),
      );
    const first = run(ss);
    expect(first.result.ok).toBe(true);
    expect(first.result.rows).toHaveLength(count);
    expect(first.calls['Range.setValues']).toBe(2);
    // Plain text for the text columns: Mã đơn vị + Tên đơn vị (A–B), Cách tính and Hình thức (J–K).
    expect(first.calls['Range.setNumberFormat']).toBe(2);
    expect(first.calls['Sheet.insertRowsAfter']).toBe(1);
    const s = sheetOf(ss, ALLOCATION);

    // No unit matched: the new units go right under the header, the old rows move down, untouched.
    expect(s.getRange(2, 1).getValue()).toBe('00001');
    expect(s.getRange(1 + count, 1).getValue()).toBe('03321');
    expect(s.getRange(2 + count, 1).getValue()).toBe('HL');
    // Each old unit's row (no longer in Đơn vị) is named where it now is.
    const orphans = first.result.problems.filter((p) => p.rule === 'allocation-unknown-row');
    expect(orphans).toHaveLength(11);
    expect(orphans[0]).toMatchObject({ cell: `A${2 + count}` });
    expect(orphans[0]?.message).toContain(`Dòng ${2 + count} có mã "HL"`);
    const d = digest(ss);
    const second = run(ss);
    expect(second.calls['Range.setValues']).toBe(2);
    expect(second.calls['Range.setNumberFormat'] ?? 0).toBe(0);
    expect(second.calls['Sheet.insertRowsAfter'] ?? 0).toBe(0);
    expect(second.runtime.cells.written).toBe(count * 10); // 10 computed columns, Cách tính and Hình thức included
    expect(digest(ss)).toBe(d);
  });
});

describe('the cells named after rows are inserted', () => {
  it('the row of a removed unit below the new one is named where it ends up, not where it was', () => {
    const ss = allocated();
    const units = sheetOf(ss, UNITS);
    units.deleteRow(12); // ĐL, whose row 12 is the last of Phân bổ
    addUnit(ss, 'XM', 'Xã Mới');
    typeText(sheetOf(ss, ALLOCATION), 'A13', 'hl'); // and a second row of HL below it
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    const values = valuesOf(ss);
    expect(values.slice(11, 14).map((r) => r[0])).toEqual(['XM', 'ĐL', 'hl']);
    const named = result.problems
      .filter((p) => p.rule === 'allocation-unknown-row' || p.rule === 'allocation-duplicate-row')
      .map((p) => [p.cell, p.message.match(/dòng \d+|Dòng \d+/g)]);
    expect(named).toEqual([
      ['A14', ['dòng 14', 'dòng 2', 'dòng 2', 'dòng 14']],
      ['A13', ['Dòng 13']],
    ]);
  });
});

describe('a code or name Sheets turned into a date is the day the cell shows, in the spreadsheet time zone', () => {
  /** The instant at which a cell shows `wall` (yyyy-mm-ddThh:mm:ss) in `zone`. */
  function instantIn(zone: string, wall: string): Date {
    const guess = new Date(`${wall}Z`);
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(guess);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return new Date(guess.getTime() - (shown - guess.getTime()));
  }

  it.each([
    ['Asia/Tokyo', '2024-05-01T00:00:00', '01/05/2024'],
    ['America/New_York', '2024-07-01T23:59:59', '01/07/2024'],
    ['America/New_York', '2024-01-15T00:00:00', '15/01/2024'],
    ['Asia/Kolkata', '2024-05-01T23:59:59', '01/05/2024'],
    ['Asia/Ho_Chi_Minh', '1970-01-01T00:00:00', '01/01/1970'],
    ['Asia/Ho_Chi_Minh', '1960-06-01T23:59:59', '01/06/1960'],
  ])('%s, a cell showing %s, is copied as "%s" and matched on the next run', (zone, wall, shown) => {
    const ss = allocated();
    ss.setSpreadsheetTimeZone(zone);
    addUnit(ss, 'x', 'x');
    const units = sheetOf(ss, UNITS);
    const row = units.getLastRow();
    units.getRange(row, 1, 1, 2).setValues([[instantIn(zone, wall), instantIn(zone, wall)]]);
    const first = run(ss).result;
    expect(first.ok).toBe(true);
    const s = sheetOf(ss, ALLOCATION);
    expect(s.getRange('A13:B13').getValues()[0]).toEqual([shown, shown]);
    s.getRange('F13').setValue(1);
    const second = run(ss).result;
    expect(second.ok).toBe(true);
    expect(valuesOf(ss)).toHaveLength(13);
    expect(second.rows.find((r) => r.code === shown)?.adjustment).toBe(1);
  });
});

describe("the user's formulas over the unit rows", () => {
  it('a total above the units and a share column =G2/SUM(G$2:G$12) are named when a new unit is appended', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.insertRowsBefore(2, 1);
    typeText(s, 'B2', 'Tổng cộng');
    s.getRange('G2').setFormula('=SUM(G3:G13)');
    typeText(s, 'K1', 'Tỷ lệ');
    for (let r = 3; r <= 13; r++) s.getRange(`K${r}`).setFormula(`=G${r}/SUM(G$3:G$13)`);
    addUnit(ss, 'XM', 'Xã Mới');
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(valuesOf(ss)[13]?.[0]).toBe('XM');
    const cells = result.problems.filter((p) => p.rule === 'allocation-total-misses-new-rows').map((p) => p.cell);
    expect(cells).toEqual(['G2', ...Array.from({ length: 11 }, (_, i) => `K${i + 3}`)]);
  });

  it('a formula of a unit row in a computed column is replaced (and said so), not reported as a total', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('G5').setFormula('=SUM(E2:E12)');
    addUnit(ss, 'XM', 'Xã Mới');
    const { result } = run(ss);
    expect(result.problems.filter((p) => p.rule === 'allocation-total-misses-new-rows')).toEqual([]);
    expect(result.problems.filter((p) => p.rule === 'allocation-formula-replaced').map((p) => p.cell)).toEqual(['G5']);
  });
});

describe('a unit on two rows of `Phân bổ`', () => {
  it('the same unit on a second row (other case) is left as it is, with a warning naming both rows', () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'A14', 'tpls');
    typeText(s, 'B14', 'bản sao');
    const row = cellsOf(s, 14, 10)[13];
    const { result } = run(ss);
    expect(result.ok).toBe(true);
    expect(cellsOf(s, 14, 10)[13]).toEqual(row);
    const warning = result.problems.find((p) => p.rule === 'allocation-duplicate-row');
    expect(warning).toMatchObject({ cell: 'A14' });
    expect(warning?.message).toMatch(/dòng 14.*dòng 3/);
  });

  it("with a different Điều chỉnh on the second row, the user's intent is unknown: nothing is written and both rows are named", () => {
    const ss = allocated();
    const s = sheetOf(ss, ALLOCATION);
    typeText(s, 'A14', 'TPLS');
    s.getRange('F14').setValue(2);
    const before = digest(ss);
    const { result } = run(ss);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/F14.*TPLS.*dòng 3 và dòng 14.*0 và 2/);
    expect(digest(ss)).toBe(before);
  });
});

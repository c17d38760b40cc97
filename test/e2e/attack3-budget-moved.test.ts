/**
 * Attack on validateAll's lazy protections: a mark the owner wrote, moved by the owner (rows sorted,
 * cells cut and pasted) into a cell a protection keeps from a helper. The helper's run must report
 * the protected cell, never fail the whole check on it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { messages as errorMessages } from '../../local/runtime/errors';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
const HELPER = 'canbo@langson.gov.vn';

function validate(ss: LocalSpreadsheet, user: string) {
  return runBundle(new Runtime({ spreadsheet: ss, user, now: NOW }), 'validateAll') as {
    result: ValidationResultDto;
  };
}

/** Swaps two cells whole (value, note, fill), as sorting rows or cutting and pasting does. */
function swap(d: Sheet, a: string, b: string): void {
  const ra = d.getRange(a);
  const rb = d.getRange(b);
  const [va, na, fa] = [ra.getValue(), ra.getNote(), ra.getBackground()];
  const [vb, nb, fb] = [rb.getValue(), rb.getNote(), rb.getBackground()];
  ra.setValue(vb)
    .setNote(nb)
    .setBackground(fb === NO_FILL ? null : fb);
  rb.setValue(va)
    .setNote(na)
    .setBackground(fa === NO_FILL ? null : fa);
}

describe('attack budget: a mark moved into a cell protected against the helper', () => {
  builtCodePath();

  function moved() {
    const ss = buildSample(LANG_SON);
    const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
    d.getRange('F3').setValue(1850); // impossible birth year: marked by the owner
    const p = d.getRange('F10').protect();
    p.removeEditors(p.getEditors()); // only the owner may edit F10
    validate(ss, ss.owner);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    swap(d, 'F3', 'F10'); // the owner moves the marked cell into the protected one
    return { ss, d };
  }

  it('the problem still there: reported, the helper’s check goes through, nothing of the user touched', () => {
    const { ss, d } = moved();
    const before = snapshot(ss);
    const run = validate(ss, HELPER);
    expect(run.result.problems.some((p) => p.sheet === DELEGATES && p.cell === 'F10')).toBe(true);
    expect(d.getRange('F10').getBackground()).toBe(MARK_COLORS.error);
    const changed = diff(before, snapshot(ss)).filter((x) => x.sheet === DELEGATES);
    expect(changed).toEqual([]);
  });

  it('the owner moved it and fixed the year: the helper may not clear it, so it stays, and the check goes through', () => {
    const { ss, d } = moved();
    d.getRange('F10').setValue(1970); // the owner fixes the year before anyone checks again
    const before = snapshot(ss);
    const run = validate(ss, HELPER);
    expect(run.result.problems.some((p) => p.cell === 'F10')).toBe(false);
    expect(d.getRange('F10').getBackground()).toBe(MARK_COLORS.error); // kept: the helper may not clear it
    expect(diff(before, snapshot(ss)).filter((x) => x.sheet === DELEGATES)).toEqual([]);
    validate(ss, ss.owner); // the owner's run takes it back
    expect(d.getRange('F10').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F10').getNote()).toBe('');
  });
});

describe('attack budget: a protection that starts refusing after the protections were read', () => {
  builtCodePath();

  it('the refused clear is not "written back" (refused again): the batch is put back whole and planned again', () => {
    const ss = buildSample(LANG_SON);
    const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
    d.getRange('F9').setValue(1850);
    validate(ss, ss.owner);
    expect(d.getRange('F9').getBackground()).toBe(MARK_COLORS.error);
    d.getRange('F9').setValue(1970); // fixed: the next run clears the mark
    d.getRange('F3').setValue(1850); // a new problem, in a cell protected against the helper
    const p3 = d.getRange('F3').protect();
    p3.removeEditors(p3.getEditors());
    // F9 protected too, warning-only for now: the owner makes it strict while the helper's run is
    // between reading the protections and writing the marks.
    const p9 = d.getRange('F9').protect();
    p9.removeEditors(p9.getEditors());
    p9.setWarningOnly(true);
    const runtime = new Runtime({ spreadsheet: ss, user: HELPER, now: NOW });
    let lookups = 0;
    let armed = false;
    runtime.onCall(
      'Spreadsheet.getProtections',
      () => {
        lookups++;
        if (lookups === 2) armed = true;
      },
      { always: true },
    );
    runtime.onCall(
      'Range.getBackgrounds',
      () => {
        if (!armed) return;
        armed = false;
        p9.setWarningOnly(false);
      },
      { always: true },
    );
    const before = snapshot(ss);
    const run = runBundle(runtime, 'validateAll') as { result: ValidationResultDto };
    expect(lookups).toBe(4); // read again after the refusal
    expect(run.result.message).toMatch(/1 ô được bảo vệ/);
    // Neither protected cell was changed: F3 not marked, F9's mark kept for someone who may clear it.
    const changed = diff(before, snapshot(ss)).filter((x) => x.sheet === DELEGATES && x.field !== 'protections');
    expect(changed).toEqual([]);
  });
});

describe('attack budget: Sheets refuses in the user’s language', () => {
  builtCodePath();

  it('a refusal worded in Vietnamese: protections looked up, the cell reported, the check goes through', () => {
    const writable = errorMessages as { protectedCell: () => string };
    const original = writable.protectedCell;
    // Apps Script words its exceptions in the user's language; this user reads Sheets in Vietnamese.
    writable.protectedCell = () =>
      'Bạn đang cố chỉnh sửa một ô hoặc đối tượng được bảo vệ. Vui lòng liên hệ với chủ sở hữu bảng tính để xóa bảo vệ nếu bạn cần chỉnh sửa.';
    try {
      const ss = buildSample(LANG_SON);
      const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
      d.getRange('F3').setValue(1850);
      d.getRange('F9').setValue(1850);
      const p = d.getRange('F3').protect();
      p.removeEditors(p.getEditors());
      const before = snapshot(ss);
      const run = validate(ss, HELPER);
      expect(run.result.message).toContain('1 ô được bảo vệ');
      expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
      expect(d.getRange('F9').getBackground()).toBe(MARK_COLORS.error);
      const changed = diff(before, snapshot(ss)).filter((x) => x.sheet === DELEGATES);
      expect(changed.filter((x) => x.cell === 'F3' || (x.field !== 'background' && x.field !== 'note'))).toEqual([]);
    } finally {
      writable.protectedCell = original;
    }
  });
});

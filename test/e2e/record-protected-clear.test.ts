/**
 * A mark of an earlier check the add-in cannot take back because its cell is now protected against
 * the running user (the problem there was fixed meanwhile): it stays, and validation's message says
 * where and why, so the officer does not take it for a problem. Warning-only protections do not stop
 * scripts, so there the mark is simply cleared. The runtime enforces the protections for non-editors.
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
const HELPER = 'canbo@langson.gov.vn';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function validate(ss: LocalSpreadsheet, user?: string): ValidationResultDto {
  const rt = new Runtime({ spreadsheet: ss, now: NOW, ...(user ? { user } : {}) });
  return runBundle(rt, 'validateAll').result as ValidationResultDto;
}

function recorded(ss: LocalSpreadsheet, cell: string): boolean {
  const rec = ss.getSheetByName(MARK_RECORD_SHEET) as unknown as Sheet;
  return rec
    .getDataRange()
    .getValues()
    .some((r) => r[0] === DELEGATES && r[1] === cell);
}

/** F3 marked by the owner's check, then fixed by the owner: the next check should clear its mark. */
function fixedAfterMark(): { ss: LocalSpreadsheet; d: Sheet } {
  const ss = buildSample(LANG_SON);
  const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
  const year = d.getRange('F3').getValue();
  d.getRange('F3').setValue(1850);
  validate(ss, ss.owner);
  expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  d.getRange('F3').setValue(year);
  return { ss, d };
}

const SENTENCE = /Dấu \(màu nền, ghi chú\) của lần kiểm tra trước còn ở 1 ô trang "Đại biểu" dù ở đó không còn vấn đề/;

describe('a mark the add-in cannot clear', () => {
  builtCodePath();

  it('cell protected against the helper: the mark stays, is kept in the record, and the message says so', () => {
    const { ss, d } = fixedAfterMark();
    const p = d.getRange('F3').protect();
    p.removeEditors(p.getEditors());
    const result = validate(ss, HELPER);
    expect(result.message).toMatch(/^Phát hiện/);
    expect(result.message).toMatch(SENTENCE);
    expect(result.message).toContain('người có quyền sửa chạy lại "Kiểm tra dữ liệu" sẽ xoá');
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    expect(d.getRange('F3').getNote().startsWith(MARK_MARKER)).toBe(true);
    expect(recorded(ss, 'F3')).toBe(true);
    // The owner, who may edit it, clears it; then nothing is said any more.
    const owner = validate(ss, ss.owner);
    expect(owner.message).not.toMatch(/lần kiểm tra trước/);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(recorded(ss, 'F3')).toBe(false);
  });

  it('whole sheet protected against the helper: the stale mark is named, not the marks still true', () => {
    const { ss, d } = fixedAfterMark();
    const p = d.protect();
    p.removeEditors(p.getEditors());
    const result = validate(ss, HELPER);
    expect(result.message).toMatch(SENTENCE);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  });

  it('warning-only protection: scripts write through it, the mark is cleared and nothing is said', () => {
    const { ss, d } = fixedAfterMark();
    const p = d.getRange('F3').protect();
    p.removeEditors(p.getEditors());
    p.setWarningOnly(true);
    const result = validate(ss, HELPER);
    expect(result.message).not.toMatch(/lần kiểm tra trước/);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(recorded(ss, 'F3')).toBe(false);
  });

  it('a protected cell whose problem remains: reported as not marked, not as a stale mark', () => {
    const ss = buildSample(LANG_SON);
    const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
    d.getRange('F3').setValue(1850);
    validate(ss, ss.owner);
    const p = d.getRange('F3').protect();
    p.removeEditors(p.getEditors());
    d.getRange('F9').setValue(1850); // a new mark elsewhere, so the helper's run writes
    const result = validate(ss, HELPER);
    expect(result.message).not.toMatch(/lần kiểm tra trước/);
    expect(d.getRange('F9').getBackground()).toBe(MARK_COLORS.error);
  });
});

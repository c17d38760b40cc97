/**
 * The officer deletes the add-in's hidden record sheet between two checks (unhides it, deletes the tab).
 * KNOWN GAP (test.failing below): a mark of the earlier check
 * whose problem was fixed meanwhile is NOT cleared — writeMarks reads fills/notes only around the
 * recorded marks and this check's problems (markSheet's region), so without the record a fixed cell
 * far from any current problem keeps its fill and marker note. Clearing it needs a scan of each marked
 * sheet's notes for MARK_MARKER when the record is missing (a design change: its cost falls on every
 * first check of a workbook set up by an older version).
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';
import { workbookSnapshot } from './setup-trust-snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function validate(ss: LocalSpreadsheet): ValidationResultDto {
  return runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll').result as ValidationResultDto;
}

/** F3 marked by a check, then fixed; the record sheet deleted when `deleteRecord`. */
function fixedAfterMark(deleteRecord: boolean): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  const d = ss.getSheetByName('Đại biểu') as unknown as Sheet;
  const year = d.getRange('F3').getValue();
  d.getRange('F3').setValue(1850);
  validate(ss);
  expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  d.getRange('F3').setValue(year);
  if (deleteRecord) ss.deleteSheet(ss.getSheetByName(MARK_RECORD_SHEET) as never);
  return ss;
}

describe('record sheet deleted between two checks', () => {
  builtCodePath();

  it('the check goes through', () => {
    const ss = fixedAfterMark(true);
    expect(validate(ss).message).toMatch(/^Phát hiện/);
  });

  // Known gap too: the marks still true are already in the sheets, so nothing is written and the record
  // is not made again: those marks are then recorded nowhere (cleared only if found near a later problem).
  test.failing('the record is made again, hidden, listing the marks still in the sheets', () => {
    const ss = fixedAfterMark(true);
    validate(ss);
    const record = ss.getSheetByName(MARK_RECORD_SHEET) as unknown as Sheet;
    expect(record.isSheetHidden()).toBe(true);
  });

  test.failing('the fixed mark is still cleared (known gap: marks are looked for only where recorded)', () => {
    const ss = fixedAfterMark(true);
    validate(ss);
    const d = ss.getSheetByName('Đại biểu') as unknown as Sheet;
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
  });

  test.failing('every officer sheet ends as after a check with the record kept', () => {
    const twin = fixedAfterMark(false);
    validate(twin);
    const ss = fixedAfterMark(true);
    validate(ss);
    const officer = (w: LocalSpreadsheet) => workbookSnapshot(w).filter((s) => s.name !== MARK_RECORD_SHEET);
    expect(officer(ss)).toEqual(officer(twin));
  });
});

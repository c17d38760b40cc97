/**
 * The officer renames the add-in's record sheet changing only its capitals ("trợ lý dtts – đánh dấu").
 * Google keeps sheet names unique case-insensitively, so validation cannot make a second record sheet
 * next to it (insertSheet throws "A sheet with the name … already exists"; the runtime refuses the
 * same, local/runtime/spreadsheet.ts assertSheetNameFree). Validation takes that sheet as its record:
 * earlier marks are recognised and cleared, the record is kept there, nothing is created.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, MARK_MARKER, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';
import { workbookSnapshot } from './setup-trust-snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
const HELPER = 'canbo@langson.gov.vn';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function validate(ss: LocalSpreadsheet, user?: string): ValidationResultDto {
  const rt = new Runtime({ spreadsheet: ss, now: NOW, ...(user ? { user } : {}) });
  return runBundle(rt, 'validateAll').result as ValidationResultDto;
}

function sheet(ss: LocalSpreadsheet, name: string): Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as unknown as Sheet;
}

function recorded(record: Sheet, cell: string): boolean {
  return record
    .getDataRange()
    .getValues()
    .some((r) => r[0] === DELEGATES && r[1] === cell);
}

/** F3 marked by a check, then fixed; the record sheet renamed to `rename` (or left as is). */
function fixedAfterMark(rename?: (name: string) => string): { ss: LocalSpreadsheet; d: Sheet; record: Sheet } {
  const ss = buildSample(LANG_SON);
  const d = sheet(ss, DELEGATES);
  const year = d.getRange('F3').getValue();
  d.getRange('F3').setValue(1850);
  validate(ss, ss.owner);
  expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
  d.getRange('F3').setValue(year);
  const record = sheet(ss, MARK_RECORD_SHEET);
  expect(recorded(record, 'F3')).toBe(true);
  if (rename) record.setName(rename(MARK_RECORD_SHEET));
  return { ss, d, record };
}

const RENAMES: [string, (name: string) => string][] = [
  ['lower case', (n) => n.toLowerCase()],
  ['upper case', (n) => n.toUpperCase()],
];

describe('record sheet renamed in capitals only', () => {
  builtCodePath();

  it.each(RENAMES)('%s: validation uses it as its record and clears the fixed mark', (_label, rename) => {
    const { ss, d, record } = fixedAfterMark(rename);
    const sheets = ss.getSheets().length;
    const result = validate(ss, ss.owner);
    expect(result.message).toMatch(/^(Phát hiện|Không)/);
    expect(ss.getSheets().length).toBe(sheets);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(recorded(record, 'F3')).toBe(false);
    expect(record.getName()).toBe(rename(MARK_RECORD_SHEET));
  });

  it.each(RENAMES)('%s: every sheet ends as validation leaves a workbook with the record untouched', (_l, rename) => {
    const twin = fixedAfterMark().ss;
    validate(twin, twin.owner);
    const { ss } = fixedAfterMark(rename);
    validate(ss, ss.owner);
    const key = (name: string) => (name.toLowerCase() === MARK_RECORD_SHEET.toLowerCase() ? MARK_RECORD_SHEET : name);
    const norm = (w: LocalSpreadsheet) => workbookSnapshot(w).map((s) => ({ ...s, name: key(s.name) }));
    expect(norm(ss)).toEqual(norm(twin));
  });

  it('a record in capitals protected against a helper: no mark written, the stale one named, nothing lost', () => {
    const { ss, d, record } = fixedAfterMark((n) => n.toUpperCase());
    const p = record.protect();
    p.removeEditors(p.getEditors());
    const before = record.getDataRange().getValues();
    const result = validate(ss, HELPER);
    expect(result.message).toMatch(/lần kiểm tra trước/);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    expect(d.getRange('F3').getNote().startsWith(MARK_MARKER)).toBe(true);
    expect(record.getDataRange().getValues()).toEqual(before);
  });
});

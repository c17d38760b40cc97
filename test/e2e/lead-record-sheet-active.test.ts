/**
 * The add-in's hidden sheets (the marks record of the first validation, the previous allocation of
 * the first re-allocation) are created without moving the officer: insertSheet makes the new sheet
 * active, so the sheet they were on is made active again (never an officer's hidden sheet).
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample, SAMPLES } from '../../local/samples';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';

test('the first validation leaves the officer on the sheet they were on', () => {
  const sample = SAMPLES['lang-son'];
  if (!sample) throw new Error('no lang-son sample');
  const rt = new Runtime({ spreadsheet: buildSample(sample), now: '2024-01-14T09:00:00+07:00' });
  // A workbook set up by an older version, which left the record sheet to the first validation
  // (setup makes it now: test/e2e/record-setup.test.ts).
  const made = rt.spreadsheet.getSheetByName(MARK_RECORD_SHEET);
  if (made) rt.spreadsheet.deleteSheet(made);
  const delegates = rt.spreadsheet.getSheetByName('Đại biểu');
  if (!delegates) throw new Error('no Đại biểu');
  rt.spreadsheet.setActiveSheet(delegates);
  expect(rt.spreadsheet.getSheetByName(MARK_RECORD_SHEET)).toBeNull();
  runBundle(rt, 'validateAll');
  const record = rt.spreadsheet.getSheetByName(MARK_RECORD_SHEET);
  expect(record?.isSheetHidden()).toBe(true);
  expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Đại biểu');
});

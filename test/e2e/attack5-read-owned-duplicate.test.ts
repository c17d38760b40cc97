/**
 * A column the add-in owns (computed: `Số phân bổ` in `Phân bổ`) written a second time by the officer,
 * their own figures under it, the template's column still empty before the first allocation: the
 * allocation wrote its figures into the officer's copy (the "only one holding data") and left the
 * template's column empty. An owned column is always the template's (the first): the officer's copy
 * is never written, and the warning names the column used.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';

test('the officer’s own "Số phân bổ" column is never written by the allocation', () => {
  builtCodePath();
  const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
  const s = rt.spreadsheet.getSheetByName('Phân bổ');
  if (!s) throw new Error('no Phân bổ');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as unknown[];
  const template = header.indexOf('Số phân bổ');
  const mine = s.getLastColumn();
  s.getRange(1, mine + 1).setValue('Số phân bổ');
  s.getRange(2, mine + 1, 3, 1).setValues([[7], [8], [9]]);
  const r = runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as { ok: boolean };
  expect(r.ok).toBe(true);
  const after = s.getDataRange().getValues().slice(1);
  // The officer's column: exactly their three figures (moved down with their rows, never overwritten).
  expect(after.map((row) => row[mine]).filter((v) => v !== '')).toEqual([7, 8, 9]);
  // The template's column holds the allocation.
  expect(after.filter((row) => typeof row[template] === 'number').length).toBeGreaterThan(5);
});

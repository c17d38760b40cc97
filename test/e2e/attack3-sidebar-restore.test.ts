/**
 * Attack on the problem list restored when the sidebar opens (lastValidation): `Kiểm tra` deleted
 * or cleared by the officer after the check must not read as "no problems" under counts of 20, a
 * very long `Kiểm tra` is read once and handed over bounded, and text in it stays text.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { LastValidationDto, ValidationResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-05T09:00:00+07:00';

function checked(): { rt: Runtime; v: ValidationResultDto } {
  const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
  expect(v.errors + v.warnings).toBeGreaterThan(0);
  return { rt, v };
}
const last = (rt: Runtime) => runBundle(rt, 'lastValidation').result as LastValidationDto;
const report = (rt: Runtime) => {
  const s = rt.spreadsheet.getSheetByName('Kiểm tra');
  if (!s) throw new Error('no Kiểm tra');
  return s;
};

describe('the restored list when Kiểm tra no longer holds it', () => {
  test('as written by the check: complete', () => {
    const { rt, v } = checked();
    const l = last(rt);
    expect(l.problems).toHaveLength(v.errors + v.warnings);
    expect(l.incomplete).toBeUndefined();
  });

  test('Kiểm tra deleted: the counts stay, the list says it is incomplete', () => {
    const { rt, v } = checked();
    rt.spreadsheet.deleteSheet(report(rt));
    const l = last(rt);
    expect(l).toMatchObject({ errors: v.errors, warnings: v.warnings, problems: [], incomplete: true });
  });

  test('its rows cleared (header kept), or some deleted: incomplete', () => {
    const { rt } = checked();
    const sheet = report(rt);
    sheet.deleteRows(2, 3);
    expect(last(rt).incomplete).toBe(true);
    sheet.getRange(2, 1, sheet.getLastRow() - 1, 5).clearContent();
    expect(last(rt)).toMatchObject({ problems: [], incomplete: true });
  });

  test('20,000 rows: one read, never more than the run counted (at most 300), markup kept as text', () => {
    const { rt, v } = checked();
    const sheet = report(rt);
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      i % 2 ? 'Cảnh báo' : 'Lỗi',
      'Đại biểu',
      `B${i + 2}`,
      `<img src=x onerror="alert(${i})"> =1+1`,
      '',
    ]);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, 5).setValues(rows);
    const run = runBundle(rt, 'lastValidation');
    const l = run.result as LastValidationDto;
    expect(l.problems).toHaveLength(Math.min(300, v.errors + v.warnings));
    expect(l.problems[0]?.message).toBe('<img src=x onerror="alert(0)"> =1+1');
    expect(run.calls['Range.getValues'] ?? 0).toBe(1);
    expect(JSON.stringify(l).length).toBeLessThan(100_000);
  });
});

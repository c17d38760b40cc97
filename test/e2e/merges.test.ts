/** Merged cells on the runtime, through .xlsx, and read by the real bundle as the user sees them. */

import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { loadWorkbook, workbookToBuffer } from '../../local/xlsx';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';

describe('merged cells', () => {
  it('merge keeps the top-left value, survives an .xlsx round trip, and moves with inserted rows', async () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'S' });
    const sheet = ss.getSheetByName('S')!;
    sheet.getRange('A1:A3').setValues([['x'], ['y'], ['z']]);
    sheet.getRange('A1:A3').merge();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['x'], [''], ['']]);
    expect(sheet.getRange('A2').isPartOfMerge()).toBe(true);
    const again = await loadWorkbook(await workbookToBuffer(ss));
    const s2 = again.getSheetByName('S')!;
    expect(
      s2
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:A3']);
    s2.insertRowsBefore(1, 2);
    expect(
      s2
        .getRange('A1:A10')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A3:A5']);
    s2.getRange('A3:A5').breakApart();
    expect(s2.getRange('A4').isPartOfMerge()).toBe(false);
  });

  it('reads a unit code merged down its delegates, and reports the merge', () => {
    const ss = buildSample(LANG_SON);
    const delegates = ss.getSheetByName('Đại biểu')!;
    const codes = delegates
      .getRange('C2:C6')
      .getValues()
      .map((r) => r[0]);
    expect(new Set(codes).size).toBe(1);
    delegates.getRange('C2:C6').merge();
    const runtime = new Runtime({ spreadsheet: ss, now: '2024-01-14T09:00:00+07:00' });
    const result = runBundle(runtime, 'validateAll').result as ValidationResultDto;
    expect(result.problems.filter((p) => p.rule === 'unit-unknown' || p.rule === 'cell-required')).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ cell: 'C3' })]),
    );
    expect(result.problems.find((p) => p.rule === 'cell-merged')).toMatchObject({ sheet: 'Đại biểu', cell: 'C2' });
    expect(result.problems.some((p) => p.rule === 'delegate-count-short' && p.message.includes(String(codes[0])))).toBe(
      false,
    );
  });
});

/**
 * The officer unhides the add-in's record sheet and sorts it whole, header included (Dữ liệu → Sắp xếp
 * trang tính): the header row moves down and a record lands on row 1. The record is still every row
 * that names a sheet and a cell; only the header row is not a record, wherever it is. A fixed mark
 * whose record went to row 1 is still cleared.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { MARK_RECORD_SHEET } from '../../src/sheets/marks';

const NOW = '2024-01-14T09:00:00+07:00';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function validate(ss: LocalSpreadsheet): ValidationResultDto {
  return runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll').result as ValidationResultDto;
}

describe('record sheet sorted by the officer, header included', () => {
  builtCodePath();

  it('a fixed mark whose record moved to row 1 is still cleared', () => {
    const ss = buildSample(LANG_SON);
    const d = ss.getSheetByName('Đại biểu') as unknown as Sheet;
    const year = d.getRange('F3').getValue();
    d.getRange('F3').setValue(1850);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(MARK_COLORS.error);
    d.getRange('F3').setValue(year);
    const record = ss.getSheetByName(MARK_RECORD_SHEET) as unknown as Sheet;
    record.showSheet();
    const rows = record.getDataRange().getValues();
    const f3 = rows.find((r) => r[0] === 'Đại biểu' && r[1] === 'F3');
    expect(f3).toBeDefined();
    // The sort put F3's record first, the header after it (the rest in their order).
    const sorted = [f3 as unknown[], ...rows.filter((r) => r !== f3)];
    record.getRange(1, 1, sorted.length, sorted[0]?.length ?? 4).setValues(sorted);
    validate(ss);
    expect(d.getRange('F3').getBackground()).toBe(NO_FILL);
    expect(d.getRange('F3').getNote()).toBe('');
    expect(
      record
        .getDataRange()
        .getValues()
        .some((r) => r[0] === 'Đại biểu' && r[1] === 'F3'),
    ).toBe(false);
  });
});

/**
 * Attack on where setup looks for the header row: an official list starts with a title block, and
 * a title line such as "Ghi chú:" matches one template header. That line is not the header row:
 * setup must not write the template's headers and dropdowns next to it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { SetupResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-14T09:00:00+07:00';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The delegates sheet pushed down under a title block of `titleRows` rows whose row 4 reads "Ghi chú:". */
function underTitle(titleRows: number) {
  const ss = buildSample(LANG_SON);
  const sheet = ss.getSheetByName('Đại biểu') as Sheet;
  sheet.insertRowsBefore(1, titleRows);
  sheet.getRange(1, 1, 4, 2).setValues([
    ['UBND TỈNH LẠNG SƠN', ''],
    ['DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI', ''],
    ['', ''],
    ['Ghi chú:', 'xếp theo đơn vị'],
  ]);
  return { ss, sheet };
}

const snapshot = (s: Sheet) => {
  const r = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
  return JSON.stringify([s.getMaxColumns(), r.getValues(), r.getBackgrounds(), r.getFontWeights(), r.getNotes()]);
};

describe('a delegates list whose header is below the rows setup searches, with "Ghi chú:" in the title', () => {
  it('is skipped with a reason naming the row, and nothing is written to it', () => {
    const { ss, sheet } = underTitle(11);
    const before = snapshot(sheet);
    const result = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook').result as SetupResultDto;
    expect(snapshot(sheet)).toBe(before);
    expect(
      sheet
        .getRange(5, 1, 1, sheet.getMaxColumns())
        .getDataValidations()[0]
        ?.every((v) => v === null),
    ).toBe(true);
    expect(result.skipped).toEqual([
      expect.objectContaining({ sheet: 'Đại biểu', reason: expect.stringContaining('Dòng 4 của trang "Đại biểu"') }),
    ]);
    expect(result.message).toContain('không có cột bắt buộc nào');
  });

  it('a header within the searched rows is still found under the same title block', () => {
    const { ss, sheet } = underTitle(5);
    const before = snapshot(sheet);
    const result = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook').result as SetupResultDto;
    expect(result.skipped).toEqual([]);
    expect(snapshot(sheet)).toBe(before);
  });
});

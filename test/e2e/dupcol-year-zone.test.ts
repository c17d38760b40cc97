/**
 * A full birth date typed into `Năm sinh` of a spreadsheet whose time zone is not the script's
 * (Asia/Ho_Chi_Minh): the year is that of the day the spreadsheet shows. Before, Asia/Tokyo's
 * 01/01/1990 00:00 reached the script as 31/12/1989 22:00 and was read 1989: validation said the
 * `Ngày sinh` 01/01/1990 disagreed with the year, and "Nhận danh sách" took the delegate sent back
 * with 1990 for another person (one removed, one added).
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';

const NOW = '2024-01-05T09:00:00+07:00';
const DAYS = ['01/01/1990', '31/12/1990'];

function workbook(zone: string): { ss: LocalSpreadsheet; sheet: LocalSheet; header: string[] } {
  const ss = buildSample(LANG_SON);
  ss.setSpreadsheetTimeZone(zone);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const header = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  DAYS.forEach((day, i) => {
    // The officer formatted the cell as a date (the template's is a whole number), then typed the day.
    sheet
      .getRange(i + 2, header.indexOf('Năm sinh') + 1)
      .setNumberFormat('dd/mm/yyyy')
      .setValue(day);
    sheet.getRange(i + 2, header.indexOf('Ngày sinh') + 1).setValue(day);
  });
  return { ss, sheet, header };
}

describe.each(['Asia/Tokyo', 'America/Los_Angeles'])('spreadsheet in %s', (zone) => {
  test('the typed dates are date cells showing the day typed', () => {
    const { sheet, header } = workbook(zone);
    const cells = sheet.getRange(2, header.indexOf('Năm sinh') + 1, 2, 1);
    expect(cells.getValues().map((r) => r[0] instanceof Date)).toEqual([true, true]);
    expect(cells.getDisplayValues().map((r) => r[0])).toEqual(DAYS);
  });

  test('validation reads 1990 and finds Ngày sinh in agreement', () => {
    const { ss, header } = workbook(zone);
    runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll');
    const report = ss.localSheet('Kiểm tra')?.getDataRange().getValues() ?? [];
    const letter = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    const cells = [2, 3].flatMap((r) => [`${letter('Năm sinh')}${r}`, `${letter('Ngày sinh')}${r}`]);
    expect(report.filter((r) => r[1] === 'Đại biểu' && cells.includes(String(r[2])))).toEqual([]);
  });

  test('"Nhận danh sách" pairs the delegates sent back with 1990: nothing added, removed or changed', () => {
    const { ss, sheet, header } = workbook(zone);
    const values = sheet.getDataRange().getValues();
    const unit = header.indexOf('Mã đơn vị');
    const code = String(values[1]?.[unit]);
    const wanted = ['Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Loại đại biểu'];
    const table: SubmissionCell[][] = [wanted];
    values.forEach((r, i) => {
      if (i === 0 || String(r[unit]) !== code) return;
      table.push(
        wanted.map((h) => {
          const v = r[header.indexOf(h)];
          return h === 'Năm sinh' && i <= DAYS.length ? 1990 : (v as SubmissionCell);
        }),
      );
    });
    const p = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'importSubmission', [code, table, {}])
      .result as SubmissionDto;
    if (!p.ok) throw new Error(p.message);
    expect([p.added.length, p.removed.length, p.changed.length]).toEqual([0, 0, 0]);
    expect(p.unchanged).toBe(table.length - 1);
  });
});

/**
 * The profile checks at the bench's largest shape (3,321 sub-units × 50,000 delegates): a required
 * column blank for all delegates but one, and phones typed as numbers for everyone, must keep
 * validateAll inside the issue-11 budget (≤ 100,000 cells written on a first run). Before the fix:
 * 55,642 problems and 904,696 cells written (a warning, a mark and a record row per blank cell).
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { TimedRuntime } from '../../local/bench/timing';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { builtCodePath } from '../../local/testing';
import type { ValidationResultDto } from '../../src/rpc/contract';

const NOW = '2025-03-10T09:00:00+07:00';
const dotted = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function setRequired(ss: LocalSpreadsheet, value: string): void {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue(value);
}

describe('profile warnings at 3,321 sub-units × 50,000 delegates', () => {
  builtCodePath();

  it('a required column blank for all but one delegate, every phone a number: ≤ 100,000 cells written, counted warnings at the headers', () => {
    const { spreadsheet } = buildSynthetic({ units: 3321, delegates: 50000 });
    runBundle(new Runtime({ spreadsheet, now: NOW }), 'allocateDelegates');
    const sheet = spreadsheet.getSheetByName('Đại biểu');
    if (!sheet) throw new Error('no Đại biểu');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const edu = header.indexOf('Trình độ chuyên môn') + 1;
    const phone = header.indexOf('Điện thoại') + 1;
    const rows = sheet.getLastRow() - 1;
    sheet.getRange(2, edu).setValue('Đại học');
    // The officer's own number format on the column: the phones became numbers (zero lost).
    sheet.getRange(2, phone, rows, 1).setNumberFormat('0');
    sheet.getRange(2, phone, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [912000000 + i]));
    setRequired(spreadsheet, 'Trình độ chuyên môn');

    const runtime = new TimedRuntime({ spreadsheet, now: NOW });
    const run = runBundle(runtime, 'validateAll');
    const result = run.result as ValidationResultDto;
    expect(runtime.timing.cellsWritten).toBeLessThanOrEqual(100_000);
    const report = spreadsheet.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    const profile = report.filter(
      (r) => r[1] === 'Đại biểu' && /Trình độ chuyên môn|trình độ chuyên môn|Điện thoại/.test(String(r[3])),
    );
    expect(profile.length).toBeLessThanOrEqual(1002);
    // The blank cells are counted at the header, with the number of units.
    const eduLetter = String.fromCharCode(64 + edu);
    expect(report.filter((r) => r[2] === `${eduLetter}1`).map((r) => r[3])).toEqual([
      expect.stringMatching(
        /^Cột "Trình độ chuyên môn" là thông tin bắt buộc nhưng còn trống ở 49\.999 trên 50\.000 đại biểu \([\d.]+ đơn vị\); quá nhiều để đánh dấu từng ô\.$/,
      ),
    ]);
    // The phones: as many marked as the budget holds, the rest counted at the header.
    const phoneLetter = String.fromCharCode(64 + phone);
    const phoneCells = report.filter((r) => String(r[2]).startsWith(phoneLetter) && r[1] === 'Đại biểu');
    const more = phoneCells.filter((r) => r[2] === `${phoneLetter}1`);
    expect(more).toHaveLength(1);
    const marked = phoneCells.length - 1;
    expect(String(more[0]?.[3])).toBe(
      `Cột "Điện thoại" còn ${dotted(rows - marked)} ô khác có giá trị cần xem lại; quá nhiều để đánh dấu từng ô.`,
    );
    expect(marked).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(2243 + 1002 + 10);
  });
});

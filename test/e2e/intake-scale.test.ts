/**
 * "Nhận danh sách" at the size of a merged province (150 communes × 2,000 delegates): the service
 * calls of a preview do not grow with the rows of the file, nor with the delegates of the workbook;
 * a replace of a unit's list costs the same calls for 15 rows as for 150.
 */
import { buildSynthetic, SYNTHETIC_NOW } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';

/** A unit's file of `rows` delegates (new names), with a title row and the template's headers. */
function file(rows: number, seed: string): SubmissionCell[][] {
  const out: SubmissionCell[][] = [
    ['DANH SÁCH ĐẠI BIỂU'],
    ['STT', 'Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Loại đại biểu'],
  ];
  for (let i = 0; i < rows; i++)
    out.push([
      i + 1,
      `Đại biểu ${seed} ${i + 1}`,
      i % 2 ? 'Ê-đê' : 'Mnông',
      i % 3 ? 'Nam' : 'Nữ',
      1960 + (i % 40),
      'Chính thức',
    ]);
  return out;
}

function firstUnit(ss: LocalSpreadsheet): string {
  const units = ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  return String(units[1]?.[0]);
}

const calls = (ss: LocalSpreadsheet, args: unknown[]) => {
  const run = runBundle(new Runtime({ spreadsheet: ss, now: SYNTHETIC_NOW }), 'importSubmission', args);
  const r = run.result as SubmissionDto;
  if (!r.ok) throw new Error(r.message);
  return { calls: run.calls, result: r };
};

describe('intake at 150 units', () => {
  const big = buildSynthetic({ units: 150, delegates: 2000 }).spreadsheet;
  const small = buildSynthetic({ units: 150, delegates: 300 }).spreadsheet;
  const unit = firstUnit(big);

  test('a preview costs the same calls for a 15-row and a 150-row file, at 300 and at 2,000 delegates', () => {
    const a = calls(big, [unit, file(15, 'A'), { fileName: 'a.xlsx' }]);
    const b = calls(big, [unit, file(150, 'B'), { fileName: 'b.xlsx' }]);
    const c = calls(small, [firstUnit(small), file(150, 'C'), { fileName: 'c.xlsx' }]);
    expect(b.result.added).toHaveLength(150);
    expect(b.calls).toEqual(a.calls);
    expect(c.calls).toEqual(b.calls);
    // 15: `Cấu hình` is read too (the required profile fields and today, for the profile warnings).
    expect(b.calls.total).toBeLessThanOrEqual(15);
  });

  test('a replace costs the same calls for 15 and for 150 rows', () => {
    const fresh = () => buildSynthetic({ units: 150, delegates: 2000 }).spreadsheet;
    const one = fresh();
    const two = fresh();
    const a = calls(one, [unit, file(15, 'A'), { fileName: 'a.xlsx', mode: 'replace' }]);
    const b = calls(two, [unit, file(150, 'B'), { fileName: 'b.xlsx', mode: 'replace' }]);
    expect(b.result.written?.rows).toBe(150);
    expect(b.calls).toEqual(a.calls);
  });
});

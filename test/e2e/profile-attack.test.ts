/**
 * The profile checks attacked on the decorated workbooks of the trust corpus: every profile field
 * required, odd values in the profile cells; validateAll answers, changes only what the add-in owns
 * (marks, `Kiểm tra`), and a wrong setting is one error at its cell.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { builtCodePath } from '../../local/testing';
import { PROFILE_COLUMNS } from '../../src/domain/template';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { describe as described, ownedCellProblems, snapshot, userDiff } from '../trust/snapshot';

const LABEL = 'Thông tin bắt buộc của đại biểu';

/** Writes the setting's value; false when the workbook has no such row (an officer deleted it). */
function setRequired(ss: LocalSpreadsheet, value: string): string | null {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) return null;
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const at = labels.indexOf(LABEL);
  if (at < 0) return null;
  config.getRange(at + 1, 2).setValue(value);
  return `B${at + 1}`;
}

describe('decorated workbooks, every profile field required, odd values typed', () => {
  builtCodePath();
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, w) => {
    const ss = w.build();
    const set = setRequired(ss, PROFILE_COLUMNS.map((c) => c.header).join(', '));
    const delegates = ss.getSheetByName(w.delegatesSheet) ?? ss.getSheetByName('Đại biểu');
    if (delegates) {
      const header = delegates.getRange(1, 1, 1, delegates.getLastColumn()).getValues()[0] as string[];
      const at = (h: string) => header.indexOf(h) + 1;
      if (at('Điện thoại') > 0 && at('Đảng viên') > 0 && at('Ngày sinh') > 0) {
        delegates.getRange(2, at('Điện thoại')).setValue('=1/0');
        delegates.getRange(3, at('Đảng viên')).setValue('+ ghi sau');
        delegates.getRange(4, at('Ngày sinh')).setValue('30/02/1990');
        delegates.getRange(5, at('Đảng viên')).setNote('Hồ sơ Đảng chờ chuyển về');
      }
    }
    const before = snapshot(ss);
    const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
    const got = runBundle(rt, 'validateAll').result as ValidationResultDto;
    expect(got.message).toBeTruthy();
    expect(got.message).not.toContain('ngoài dự kiến');
    // Every cell, sheet and protection of the officer as before, marks aside; the add-in's own cells text.
    const after = snapshot(ss);
    expect(described(userDiff(before, after, { additions: false }), 12)).toEqual([]);
    expect(described(ownedCellProblems(before, after, false), 12)).toEqual([]);
    if (set) expect((got.byRule ?? []).some((r) => r.rule.startsWith('profile-'))).toBe(true);
  });
});

describe('a wrong setting', () => {
  builtCodePath();
  it('an unknown column name is one error at the setting cell; no completeness warning is made up', () => {
    const w = CORPUS[0];
    if (!w) throw new Error('no corpus');
    const ss = w.build();
    const cell = setRequired(ss, 'Trình độ chuyên môn, Quê quán');
    expect(cell).not.toBeNull();
    const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
    runBundle(rt, 'validateAll');
    const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    expect(report.filter((r) => r[1] === 'Cấu hình' && r[2] === cell).map((r) => [r[0], r[3]])).toEqual([
      [
        'Lỗi',
        'Thông tin bắt buộc của đại biểu: "Quê quán" không phải là cột của trang "Đại biểu" (ví dụ các cột có thể ghi: Ngày sinh, Trình độ chuyên môn, Lý luận chính trị, Đảng viên, Đoàn viên, Khen thưởng, Điện thoại).',
      ],
    ]);
    expect(report.filter((r) => String(r[3]).startsWith('Thiếu '))).toEqual([]);
  });
});

/**
 * Attack on look-alike names of the add-in's OWN sheets: a user sheet called "KIỂM TRA" (their own
 * checklist) is not the add-in's report, so validation must not write over it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-14T09:00:00+07:00';

function userChecklist(name: string) {
  const ss = buildSample(LANG_SON);
  ss.getSheetByName('Kiểm tra')?.setName('tmp-report');
  ss.deleteSheet(ss.getSheetByName('tmp-report') as never);
  const mine = ss.insertSheet(name);
  mine.getRange(1, 1, 3, 3).setValues([
    ['Việc cần kiểm tra', 'Người phụ trách', 'Xong'],
    ['Hội trường', 'Anh Tuấn', 'x'],
    ['Âm thanh', 'Chị Lan', ''],
  ]);
  return { ss, mine };
}

describe.each(['KIỂM TRA', 'Kiểm tra ', 'Kiểm tra'])('a user sheet named %p that is not the report', (name) => {
  it('is never written by validation, which says what to do', () => {
    const { ss, mine } = userChecklist(name);
    const before = mine.getDataRange().getValues();
    const setup = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook');
    let error = '';
    try {
      runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll');
    } catch (e) {
      error = (e as Error).message;
    }
    expect(mine.getDataRange().getValues()).toEqual(before);
    expect(
      mine
        .getDataRange()
        .getFontWeights()
        .flat()
        .every((w) => w === 'normal'),
    ).toBe(true);
    expect((setup.result as SetupResultDto).createdSheets).toEqual([]);
    expect(error).toContain(`không phải trang báo cáo "Kiểm tra"`);
    expect(error).toContain('đổi tên trang');
  });
});

describe.each(['KIỂM TRA', 'Kiểm tra '])('the add-in report renamed %p', (name) => {
  it('is still the report validation rewrites', () => {
    const ss = buildSample(LANG_SON);
    const report = ss.getSheetByName('Kiểm tra');
    report?.setName(name);
    const run = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll');
    const result = run.result as ValidationResultDto;
    expect(result.errors + result.warnings).toBeGreaterThan(0);
    expect(report?.getLastRow()).toBeGreaterThan(1);
  });
});

describe.each(['VĂN BẢN', 'Văn bản'])('a user sheet named %p that is not the documents log', (name) => {
  it('is never written, and no Doc is made that numbering would not see (two Docs numbered 01)', () => {
    const ss = buildSample(LANG_SON);
    const log = ss.getSheetByName('Văn bản');
    if (log) ss.deleteSheet(log as never);
    const mine = ss.insertSheet(name);
    mine.getRange(1, 1, 3, 2).setValues([
      ['Tên tài liệu', 'Ghi chú'],
      ['Quyết định 12', 'đã ký'],
      ['Kế hoạch', ''],
    ]);
    const before = mine.getDataRange().getValues();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    let error = '';
    try {
      runBundle(runtime, 'generateNotice', ['thong-bao-ket-luan']);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toContain('không có cột "Loại", "Số", "Liên kết", "Mã dữ liệu"');
    expect(error).toContain('chưa tạo văn bản');
    expect(mine.getDataRange().getValues()).toEqual(before);
    expect(runtime.documents).toHaveLength(0);
  });
});

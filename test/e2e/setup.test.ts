/**
 * "Thiết lập bảng tính" on an empty, a partial and a full workbook, through the real bundle:
 * it only adds, a second run changes nothing, and the user's cells stay byte for byte the same.
 */
import { createHash } from 'node:crypto';
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { SETTING_SPECS } from '../../src/domain/settings';
import { PROFILE_COLUMNS, SHEET_ORDER, SHEETS } from '../../src/domain/template';
import type { SetupResultDto } from '../../src/rpc/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything a user could have typed or formatted in a sheet, as one digest. */
function digest(sheet: Sheet): string {
  const r = sheet.getDataRange();
  const payload = [
    r.getA1Notation(),
    r.getValues(),
    r.getFormulas(),
    r.getNotes(),
    r.getBackgrounds(),
    r.getNumberFormats(),
  ];
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

function workbookDigest(ss: LocalSpreadsheet): Record<string, string> {
  return Object.fromEntries(ss.getSheets().map((s) => [s.getName(), digest(s)]));
}

const writes = (calls: Record<string, number>) =>
  Object.entries(calls).filter(([k]) => /\.(set|insert|protect|clear|delete)/.test(k) || k === 'Sheet.protect');

describe('setupWorkbook', () => {
  it('creates every sheet with bold frozen headers, dropdowns, formats and all settings on an empty workbook', () => {
    const runtime = new Runtime();
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(result.createdSheets).toEqual(SHEET_ORDER.map((k) => SHEETS[k].name));
    expect(result.addedSettings).toHaveLength(SETTING_SPECS.length);
    const ss = runtime.spreadsheet;
    const delegates = ss.getSheetByName('Đại biểu') as Sheet;
    expect(delegates.getFrozenRows()).toBe(1);
    const header = delegates.getRange(1, 1, 1, SHEETS.delegates.columns.length);
    expect(header.getValues()[0]).toEqual(SHEETS.delegates.columns.map((c) => c.header));
    expect(header.getFontWeights()[0]?.every((w) => w === 'bold')).toBe(true);
    const ethnic = delegates.getRange('D2').getDataValidation();
    expect(ethnic?.getCriteriaValues()[0]).toContain('Tày');
    const unitRule = delegates.getRange('C2').getDataValidation();
    expect(String(unitRule?.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(delegates.getRange('E2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['Nam', 'Nữ']);
    const tasks = ss.getSheetByName('Nhiệm vụ') as Sheet;
    expect(tasks.getRange('F2').getNumberFormat()).toBe('dd/mm/yyyy');
    const config = (ss.getSheetByName('Cấu hình') as Sheet).getDataRange().getValues();
    expect(config.slice(1).map((r) => r[0])).toEqual(SETTING_SPECS.map((s) => s.label));
    expect(config.find((r) => r[0] === 'Tỷ lệ khách mời tối đa')?.[1]).toBe('1/3');
    const protections = (ss.getSheetByName('Kiểm tra') as Sheet).getProtections(
      SpreadsheetAppEnum.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(protections[0]?.isWarningOnly()).toBe(true);
  });

  it('changes nothing when run a second time', () => {
    const runtime = new Runtime();
    runBundle(runtime, 'setupWorkbook');
    const before = workbookDigest(runtime.spreadsheet);
    const second = runBundle(runtime, 'setupWorkbook');
    const result = second.result as SetupResultDto;
    expect(result.createdSheets).toEqual([]);
    expect(result.addedColumns).toEqual([]);
    expect(result.addedSettings).toEqual([]);
    expect(result.message).toContain('không có gì cần thêm');
    expect(writes(second.calls)).toEqual([]);
    expect(workbookDigest(runtime.spreadsheet)).toEqual(before);
  });

  it('on a partial workbook adds only the missing columns after the last used one, never touching user cells', () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Đại biểu' });
    const sheet = ss.getSheetByName('Đại biểu') as Sheet;
    sheet.getRange(1, 1, 1, 1).setValues([['DANH SÁCH ĐẠI BIỂU (bản của huyện)']]);
    sheet.getRange(3, 1, 3, 5).setValues([
      ['Dân tộc', 'Họ tên', 'Cột riêng của tôi', 'Mã đơn vị', 'Loại đại biểu'],
      ['Tày', 'Hoàng Văn A', 'ghi chú riêng', 'HL', 'Chính thức'],
      ['Nùng', '=UPPER("b")', '', 'HL', 'Khách mời'],
    ]);
    sheet.getRange('B4').setNote('người dùng ghi');
    sheet.getRange('A4').setBackground('#00ff00');
    const before = digest(sheet);
    const userBlock = () => sheet.getRange(1, 1, 5, 5);
    const blockBefore = JSON.stringify([
      userBlock().getValues(),
      userBlock().getFormulas(),
      userBlock().getNotes(),
      userBlock().getBackgrounds(),
    ]);
    const runtime = new Runtime({ spreadsheet: ss });
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    const added = result.addedColumns.find((a) => a.sheet === 'Đại biểu');
    expect(added?.columns).toEqual([
      'STT',
      'Giới tính',
      'Năm sinh',
      'Thành phần',
      'Chức vụ, nơi công tác',
      'Ghi chú',
      ...PROFILE_COLUMNS.map((c) => c.header),
      'Nguồn danh sách',
      'Ngày nhận',
    ]);
    expect(sheet.getRange(3, 6, 1, 15).getValues()[0]).toEqual(added?.columns);
    const blockAfter = JSON.stringify([
      userBlock().getValues(),
      userBlock().getFormulas(),
      userBlock().getNotes(),
      userBlock().getBackgrounds(),
    ]);
    expect(blockAfter).toBe(blockBefore);
    expect(digest(sheet)).not.toBe(before);
    const again = runBundle(runtime, 'setupWorkbook');
    expect(writes(again.calls)).toEqual([]);
  });

  it('does not add columns to a sheet whose header row it cannot find, and says so', () => {
    const ss = LocalSpreadsheet.create({ sheetName: 'Đơn vị' });
    const sheet = ss.getSheetByName('Đơn vị') as Sheet;
    sheet.getRange(1, 1, 2, 2).setValues([
      ['HL', 121735],
      ['TPLS', 103284],
    ]);
    const before = digest(sheet);
    const result = runBundle(new Runtime({ spreadsheet: ss }), 'setupWorkbook').result as SetupResultDto;
    expect(result.skipped.map((s) => s.sheet)).toEqual(['Đơn vị']);
    expect(result.message).toContain('Không tìm thấy dòng tiêu đề');
    expect(digest(sheet)).toBe(before);
  });

  it('on a full workbook (the sample) adds nothing and keeps every cell', async () => {
    const { buildSample } = await import('../../local/samples');
    const { LANG_SON } = await import('../../samples/lang-son');
    const ss = buildSample(LANG_SON);
    const before = workbookDigest(ss);
    const run = runBundle(new Runtime({ spreadsheet: ss }), 'setupWorkbook');
    expect(writes(run.calls)).toEqual([]);
    expect(workbookDigest(ss)).toEqual(before);
  });
});

const SpreadsheetAppEnum = { SHEET: 'SHEET' };

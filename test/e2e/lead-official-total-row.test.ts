/**
 * The official-total row of `Cấu hình` deleted by hand: allocation must not take the template's 250
 * as the province's figure (it writes nothing and names the sheet), and validation reports it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { AllocationResultDto, ValidationResultDto } from '../../src/rpc/contract';
import { setSetting, settingRow } from '../trust/settings';
import { diff, snapshot } from '../trust/snapshot';

function setUpWithoutTotalRow(): Runtime {
  const rt = new Runtime({ now: '2024-01-14T09:00:00+07:00' });
  runBundle(rt, 'setupWorkbook');
  const ss = rt.spreadsheet;
  ss.getSheetByName('Đơn vị')
    ?.getRange(2, 1, 2, 4)
    .setValues([
      ['HL', 'Hữu Lũng', 121735, 67120],
      ['LB', 'Lộc Bình', 84740, 79510],
    ]);
  setSetting(ss, 'Tỉnh', 'Lạng Sơn');
  setSetting(ss, 'Năm', 2024);
  ss.getSheetByName('Cấu hình')?.deleteRow(settingRow(ss, 'Tổng số đại biểu chính thức'));
  return rt;
}

test('allocation refuses and writes nothing; the message names the missing row', () => {
  const rt = setUpWithoutTotalRow();
  const before = snapshot(rt.spreadsheet);
  const r = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(/tổng số đại biểu chính thức/i);
  expect(r.message).toContain('không có dòng này');
  expect(diff(before, snapshot(rt.spreadsheet))).toEqual([]);
});

test('validation reports the missing row as an error of Cấu hình', () => {
  const rt = setUpWithoutTotalRow();
  const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
  expect(v.problems).toContainEqual(
    expect.objectContaining({ severity: 'error', sheet: 'Cấu hình', rule: 'setting-missing' }),
  );
});

test('with the row present nothing new is reported', () => {
  const rt = new Runtime({ now: '2024-01-14T09:00:00+07:00' });
  runBundle(rt, 'setupWorkbook');
  const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
  expect(v.problems.filter((p) => p.message.includes('không có dòng này'))).toEqual([]);
});

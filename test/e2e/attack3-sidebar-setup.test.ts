/**
 * Attack on "setup leaves the first sheet to fill active": an officer who pasted the units into
 * their own `Đơn vị` before running "Thiết lập bảng tính" must not land on `Văn bản` (the last
 * sheet Google activated on insert); a hidden sheet of theirs is never shown by it.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { OverviewDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';

function withOwnUnits(): Runtime {
  const rt = new Runtime({ now: NOW });
  const ss = rt.spreadsheet;
  const units = ss.insertSheet('Đơn vị');
  units.getRange(1, 1, 3, 4).setValues([
    ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS'],
    ['HL', 'Hữu Lũng', 121735, 67120],
    ['LB', 'Lộc Bình', 84740, 79510],
  ]);
  ss.getSheets()[0]?.activate();
  return rt;
}

describe('setup on a workbook where the officer already typed the units', () => {
  test('the sheet shown after setup is the next to fill (Cấu hình), not Văn bản; Đơn vị untouched', () => {
    const rt = withOwnUnits();
    const before = snapshot(rt.spreadsheet);
    runBundle(rt, 'setupWorkbook');
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Cấu hình');
    const changedUnits = diff(before, snapshot(rt.spreadsheet)).filter(
      (d) => d.sheet === 'Đơn vị' && /^[A-D][1-3]$/.test(d.cell) && d.field === 'value',
    );
    expect(changedUnits).toEqual([]);
    const o = runBundle(rt, 'getOverview').result as OverviewDto;
    expect(o.checklist?.find((s) => !s.done)?.key).toBe('settings');
  });

  test('a hidden Đơn vị of the officer stays hidden', () => {
    const rt = withOwnUnits();
    rt.spreadsheet.getSheetByName('Đơn vị')?.hideSheet();
    rt.spreadsheet.getSheetByName('Đơn vị')?.deleteColumn(4);
    runBundle(rt, 'setupWorkbook');
    expect(rt.spreadsheet.getSheetByName('Đơn vị')?.isSheetHidden()).toBe(true);
  });

  test('units typed without the Dân số DTTS column: setup adds it and shows Đơn vị', () => {
    const rt = withOwnUnits();
    rt.spreadsheet.getSheetByName('Đơn vị')?.deleteColumn(4);
    runBundle(rt, 'setupWorkbook');
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Đơn vị');
  });
});

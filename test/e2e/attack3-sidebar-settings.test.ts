/**
 * Attack on the "Bắt đầu" settings step and the allocation card: an officer who clears the
 * official total in `Cấu hình` (or types it wrong) must not see the step as done, nor the
 * template's 250 shown as the province's figure, nor get 250 delegates allocated silently.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { AllocationResultDto, OverviewDto, ValidationResultDto } from '../../src/rpc/contract';
import { setSetting } from '../trust/settings';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const overview = (rt: Runtime) => runBundle(rt, 'getOverview').result as OverviewDto;
const step = (o: OverviewDto, key: string) => o.checklist?.find((s) => s.key === key);

function setUpWithTotal(total: string | number): { rt: Runtime; cell: string } {
  const rt = new Runtime({ now: NOW });
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
  return { rt, cell: setSetting(ss, 'Tổng số đại biểu chính thức', total) };
}

describe('the official total left blank or typed wrong', () => {
  test('typed: the step is done and the card shows the officer’s figure', () => {
    const { rt } = setUpWithTotal(30);
    const o = overview(rt);
    expect(step(o, 'settings')?.done).toBe(true);
    expect(o.allocation.officialTotal).toBe(30);
  });

  test.each([
    ['blank', ''],
    ['not a number', 'ba mươi'],
  ])('%s: the settings step is not done and points at the cell; no figure on the card', (_, value) => {
    const { rt, cell } = setUpWithTotal(value);
    const o = overview(rt);
    expect(step(o, 'settings')).toMatchObject({ done: false, sheet: 'Cấu hình', cell });
    expect(o.checklist?.find((s) => !s.done)?.key).toBe('settings');
    expect(o.allocation.officialTotal).toBe(0);
  });

  test('blank: allocation writes nothing and names the cell; validation reports it', () => {
    const { rt, cell } = setUpWithTotal('');
    const before = snapshot(rt.spreadsheet);
    const r = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
    expect(r.ok).toBe(false);
    expect(r.message).toContain(cell);
    expect(r.message).toMatch(/chưa nhập/i);
    expect(diff(before, snapshot(rt.spreadsheet))).toEqual([]);
    const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
    expect(v.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', sheet: 'Cấu hình', cell, rule: 'setting-missing' }),
    );
  });
});

test('the official total row deleted: no figure on the card, the settings step not done', () => {
  const { rt, cell } = setUpWithTotal(30);
  rt.spreadsheet.getSheetByName('Cấu hình')?.deleteRow(Number(cell.slice(1)));
  const o = overview(rt);
  expect(step(o, 'settings')?.done).toBe(false);
  expect(o.allocation.officialTotal).toBe(0);
});

describe('a workbook whose Phân bổ already holds the official figures', () => {
  test('no run recorded (a copy, an uploaded file): the card and the step say allocated, as the sheet does', () => {
    const { rt } = setUpWithTotal(30);
    expect((runBundle(rt, 'allocateDelegates').result as AllocationResultDto).ok).toBe(true);
    // A copy of the file, or the workbook uploaded as .xlsx, keeps the sheets but not the add-in's record.
    rt.globals.PropertiesService.getDocumentProperties().deleteAllProperties();
    const o = overview(rt);
    expect(o.allocation.done).toBe(true);
    expect(o.allocation.officialTotal).toBe(30);
    expect(step(o, 'allocate')?.done).toBe(true);
    expect(o.checklist?.find((s) => !s.done)?.key).toBe('delegates');
  });

  test('the figures cleared: not allocated any more, even with a run recorded', () => {
    const { rt } = setUpWithTotal(30);
    expect((runBundle(rt, 'allocateDelegates').result as AllocationResultDto).ok).toBe(true);
    expect(overview(rt).allocation.done).toBe(true);
    const sheet = rt.spreadsheet.getSheetByName('Phân bổ');
    const header = (sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
    const col = header.indexOf('Số chính thức') + 1;
    sheet?.getRange(2, col, 2, 1).clearContent();
    const o = overview(rt);
    expect(o.allocation.done).toBe(false);
    expect(o.checklist?.find((s) => !s.done)?.key).toBe('allocate');
  });
});

describe('the units step', () => {
  test('a unit with no DTTS people (0, which allocation accepts) does not hold the step back', () => {
    const { rt } = setUpWithTotal(30);
    rt.spreadsheet
      .getSheetByName('Đơn vị')
      ?.getRange(4, 1, 1, 4)
      .setValues([['PLT', 'Phường Lê Thanh', 9000, 0]]);
    const o = overview(rt);
    expect(step(o, 'units')).toMatchObject({ done: true, count: 3 });
    expect(o.checklist?.find((s) => !s.done)?.key).toBe('allocate');
    const r = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
    expect(r.ok).toBe(true);
  });

  test('a blank DTTS population holds it back and points at that cell', () => {
    const { rt } = setUpWithTotal(30);
    rt.spreadsheet
      .getSheetByName('Đơn vị')
      ?.getRange(4, 1, 1, 3)
      .setValues([['PLT', 'Phường Lê Thanh', 9000]]);
    const o = overview(rt);
    expect(step(o, 'units')).toMatchObject({ done: false, cell: 'D4' });
  });
});

describe('the first row to fill, under the officer’s own total row', () => {
  test('Đơn vị with a Tổng cộng row right under the units: the link skips it', () => {
    const { rt } = setUpWithTotal(30);
    const units = rt.spreadsheet.getSheetByName('Đơn vị');
    units?.getRange(4, 2).setValue('Tổng cộng');
    units?.getRange(4, 4).setFormula('=SUM(D2:D3)');
    const o = overview(rt);
    expect(step(o, 'units')).toMatchObject({ done: true, count: 2, cell: 'A5' });
  });
});

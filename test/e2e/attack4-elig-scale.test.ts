/**
 * Attack at scale: a province of 3,321 communes (Cấp đơn vị: xã), DTTS populations on both sides of the
 * threshold and a few unreadable. The forms in `Phân bổ` agree with rows[].form for every unit; the
 * threshold changed alone rewrites the forms in a fixed number of calls and keeps the previous forms for
 * undo, which gives them back exactly; the overview's sentence names at most five unknown units.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, OverviewDto, UndoAllocationResultDto } from '../../src/rpc/contract';
import { column, findRow, sheet } from '../trust/corpus';

const NOW = '2024-01-14T09:00:00+07:00';

function setSetting(ss: LocalSpreadsheet, label: string, value: unknown): void {
  const config = sheet(ss, 'Cấu hình');
  config
    .getRange(
      findRow(config, 'Thông số', (v) => v === label),
      column(config, 'Giá trị'),
    )
    .setValue(value);
}

function byCode(s: LocalSheet, header: string): Map<string, unknown> {
  const values = s.getDataRange().getValues();
  const code = column(s, 'Mã đơn vị') - 1;
  const col = column(s, header) - 1;
  return new Map(values.slice(1).map((r) => [String(r[code]), r[col]]));
}

test('3,321 communes: forms agree everywhere, a threshold change costs a fixed number of calls, undo is exact', () => {
  const ss = buildSample(LANG_SON);
  setSetting(ss, 'Số đại biểu tối thiểu mỗi đơn vị', 0);
  setSetting(ss, 'Cấp đơn vị', 'xã');
  const units = sheet(ss, 'Đơn vị');
  const count = 3321;
  units.deleteRows(2, units.getLastRow() - 1);
  units.insertRowsAfter(units.getMaxRows(), count);
  units.getRange(2, 1, count, 2).setNumberFormat('@');
  units.getRange(2, 1, count, 4).setValues(
    Array.from({ length: count }, (_, i) => [
      String(i + 1).padStart(5, '0'),
      `Xã Số ${i + 1}`,
      10000 + i,
      // 2,000 … 9,999 DTTS people; every 1,000th unreadable.
      i % 1000 === 999 ? 'chưa có' : 2000 + ((i * 7919) % 8000),
    ]),
  );
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const first = runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto;
  // An unreadable DTTS population blocks the allocation (an error at its cell); fill them in as the officer would.
  if (!first.ok) {
    const dtts = column(units, 'Dân số DTTS');
    for (let i = 999; i < count; i += 1000) units.getRange(i + 2, dtts).setValue(4000);
  }
  const overviewUnknown = runBundle(rt, 'getOverview', []).result as OverviewDto;
  expect(overviewUnknown.eligibility?.sentence ?? '').not.toMatch(/huyện/);
  const ok = first.ok
    ? first
    : (runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto);
  expect(ok.ok).toBe(true);
  const s = sheet(ss, 'Phân bổ');
  const forms = byCode(s, 'Hình thức');
  expect(ok.rows.length).toBe(count);
  for (const r of ok.rows) expect(forms.get(r.code)).toBe(r.form);
  expect(ok.eligibility?.sentence).toMatch(/^Tỉnh tổ chức Đại hội hai cấp \(cấp xã và cấp tỉnh\): [\d.]+ xã, phường/);

  const formsBefore = byCode(s, 'Hình thức');
  const seatsBefore = byCode(s, 'Số chính thức');
  setSetting(ss, 'Ngưỡng tổ chức đại hội', 8000);
  const write = runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
  const result = write.result as AllocationResultDto;
  expect(result.ok).toBe(true);
  expect(result.undoable).toBe(true);
  expect(write.calls['Range.setValues']).toBeLessThanOrEqual(4);
  expect(write.calls['Range.getNotes'] ?? 0).toBeLessThanOrEqual(1);
  const after = byCode(s, 'Hình thức');
  for (const r of result.rows) expect(after.get(r.code)).toBe(r.form);
  expect(byCode(s, 'Số chính thức')).toEqual(seatsBefore);

  const undo = runBundle(rt, 'undoAllocation', []);
  expect((undo.result as UndoAllocationResultDto).ok).toBe(true);
  expect(undo.calls['Range.setValues']).toBeLessThanOrEqual(4);
  expect(byCode(s, 'Hình thức')).toEqual(formsBefore);
});

test('many units with no readable DTTS population: the sentence names five and counts the rest', () => {
  const ss = buildSample(LANG_SON);
  setSetting(ss, 'Cấp đơn vị', 'xã');
  const units = sheet(ss, 'Đơn vị');
  const count = 40;
  units.deleteRows(2, units.getLastRow() - 1);
  units.insertRowsAfter(units.getMaxRows(), count);
  units
    .getRange(2, 1, count, 4)
    .setValues(Array.from({ length: count }, (_, i) => [`X${i + 1}`, `Xã ${i + 1}`, 9000, i < 3 ? 7000 : '']));
  const o = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'getOverview', []).result as OverviewDto;
  const sentence = o.eligibility?.sentence ?? '';
  expect(sentence).toContain(
    'Chưa xác định được hình thức tổ chức của 37 xã, phường (Xã 4, Xã 5, Xã 6, Xã 7, Xã 8, và 32 xã khác) vì Dân số DTTS để trống hoặc không hợp lệ.',
  );
  expect(sentence.length).toBeLessThan(600);
});

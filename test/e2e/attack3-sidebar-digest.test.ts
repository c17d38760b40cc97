/**
 * Attack on the sidebar's "data changed since the last check" hint (the fingerprint saved by
 * validation): validation reports problems on `Thành viên`, `Nhiệm vụ`, `Tiến độ` and `Cuộc họp`
 * too, so an officer who fixes one there must be told the list is out of date; and validation's
 * own write (the computed `Tình trạng` of `Nhiệm vụ`) must not make the data "changed".
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { OverviewDto, ValidationResultDto } from '../../src/rpc/contract';

const overview = (rt: Runtime) => runBundle(rt, 'getOverview').result as OverviewDto;

function validated(now = '2024-01-05T09:00:00+07:00'): { rt: Runtime; v: ValidationResultDto } {
  const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now });
  const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
  expect(overview(rt).validation.changed).toBe(false);
  return { rt, v };
}

const sheet = (rt: Runtime, name: string) => {
  const s = rt.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('the "data changed since" hint covers every sheet validation reports on', () => {
  test.each([
    ['Thành viên', 'B2', 'Chủ tịch UBND tỉnh'],
    ['Nhiệm vụ', 'B2', 'Nội dung đã sửa'],
    ['Tiến độ', 'E2', 'Đã tổ chức'],
    ['Cuộc họp', 'C2', 'Hồ Tiến Thiệu'],
  ])('an edit in %s after the check is a change', (name, cell, value) => {
    const { rt, v } = validated();
    if (name !== 'Cuộc họp') expect((v.bySheet ?? []).map((s) => s.sheet)).toContain(name);
    sheet(rt, name).getRange(cell).setValue(value);
    const o = overview(rt);
    expect(o.validation.changed).toBe(true);
    expect(o.checklist?.find((s) => s.key === 'check')?.done).toBe(false);
  });

  test('a row of Thành viên deleted after the check is a change', () => {
    const { rt } = validated();
    sheet(rt, 'Thành viên').deleteRow(3);
    expect(overview(rt).validation.changed).toBe(true);
  });

  test("validation's own Tình trạng in Nhiệm vụ is not a change of the data", () => {
    // Later than the deadlines: the computed status the check writes differs from what was there.
    const { rt } = validated('2024-02-20T09:00:00+07:00');
    const tasks = sheet(rt, 'Nhiệm vụ');
    const header = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0] as string[];
    const col = header.indexOf('Tình trạng') + 1;
    expect(col).toBeGreaterThan(0);
    const statuses = tasks
      .getRange(2, col, tasks.getLastRow() - 1, 1)
      .getValues()
      .flat();
    expect(statuses).toContain('Quá hạn');
    // Checking again writes the same statuses: still unchanged; the overview reads it the same.
    runBundle(rt, 'validateAll');
    expect(overview(rt).validation.changed).toBe(false);
    // An officer's own edit in the same sheet is still a change.
    tasks.getRange(2, col - 3).setValue('Đã hoàn thành');
    expect(overview(rt).validation.changed).toBe(true);
  });
});

describe('a check of an earlier day, with open tasks that have deadlines', () => {
  const overviewAt = (ss: Runtime['spreadsheet'], now: string) =>
    runBundle(new Runtime({ spreadsheet: ss, now }), 'getOverview').result as OverviewDto;

  test('the same day (in the spreadsheet time zone): up to date', () => {
    // 08:00 and 23:00 in Hà Nội: the same day there, whatever UTC says.
    const { rt } = validated('2024-01-05T01:00:00Z');
    const o = overviewAt(rt.spreadsheet, '2024-01-05T16:00:00Z');
    expect(o.validation.outdated).toBeUndefined();
    expect(o.validation.changed).toBe(false);
  });

  test('the next day in Hà Nội (still the same day in UTC): out of date, the check step is to do again', () => {
    const { rt } = validated('2024-01-05T16:30:00Z');
    const o = overviewAt(rt.spreadsheet, '2024-01-05T17:30:00Z');
    expect(o.validation.outdated).toBe(true);
    expect(o.validation.changed).toBe(false);
    expect(o.checklist?.find((s) => s.key === 'check')?.done).toBe(false);
  });

  test('every task done or cancelled: a later day changes nothing', () => {
    const { rt } = validated();
    const tasks = sheet(rt, 'Nhiệm vụ');
    const header = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0] as string[];
    const col = header.indexOf('Trạng thái') + 1;
    const n = tasks.getLastRow() - 1;
    tasks.getRange(2, col, n, 1).setValues(Array.from({ length: n }, () => ['Đã hủy']));
    runBundle(rt, 'validateAll');
    const o = overviewAt(rt.spreadsheet, '2024-03-01T09:00:00+07:00');
    expect(o.validation.outdated).toBeUndefined();
  });
});

/**
 * Who has sent their list: progress counts "k/n xã, phường đã gửi danh sách đại biểu" from the lists
 * recorded in `Tiếp nhận danh sách`, naming the units that have not sent (by name); the overview gives
 * the count and, after `Hạn gửi danh sách đại biểu`, the late ones; validation warns per late unit
 * (rule submission-late), and says nothing before the deadline or when none is set.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type {
  OverviewDto,
  ProgressSummaryDto,
  SubmissionCell,
  SubmissionDto,
  ValidationResultDto,
} from '../../src/rpc/contract';

const NOW = '2029-01-20T09:00:00+07:00';

function workbook() {
  const ss = buildSample(SAMPLES['lang-son-cap-xa'] as NonNullable<(typeof SAMPLES)['lang-son-cap-xa']>);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const units = (ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [])
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => ({ code: String(r[0]), name: String(r[1]) }));
  return { ss, rt, units };
}

const call = <T>(rt: Runtime, fn: string, ...args: unknown[]) => runBundle(rt, fn, args).result as T;

function setDeadline(ss: LocalSpreadsheet, text: string): void {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const values = config.getDataRange().getValues();
  const at = values.findIndex((r) => r[0] === 'Hạn gửi danh sách đại biểu');
  const row = at >= 0 ? at + 1 : values.length + 1;
  config.getRange(row, 1, 1, 2).setValues([['Hạn gửi danh sách đại biểu', `'${text}`]]);
}

const list: SubmissionCell[][] = [
  ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu'],
  ['Hoàng Văn Gửi', 'Tày', 1980, 'Chính thức'],
];

test('progress and overview count the units that have sent; the missing ones by name', () => {
  const { rt, units } = workbook();
  const submitted = (s: ProgressSummaryDto) => s.milestones.find((m) => m.key === 'submitted');
  const before = submitted(call<ProgressSummaryDto>(rt, 'progressSummary'));
  expect(before?.sentence).toBe(`0/${units.length} xã, phường đã gửi danh sách đại biểu`);
  expect(before?.missing).toEqual(units.map((u) => u.name));
  expect(before?.note).toMatch(/Tiếp nhận danh sách/);

  const first = units[0] as { code: string; name: string };
  const r = call<SubmissionDto>(rt, 'importSubmission', first.code, list, { fileName: 'x.xlsx', mode: 'replace' });
  expect(r.ok).toBe(true);
  // The same unit again counts once; another unit named by its name counts too.
  call<SubmissionDto>(rt, 'importSubmission', first.code, list, { fileName: 'x2.xlsx', mode: 'replace' });
  const second = units[1] as { code: string; name: string };
  expect(call<SubmissionDto>(rt, 'importSubmission', second.name, list, { mode: 'replace' }).ok).toBe(true);

  const after = submitted(call<ProgressSummaryDto>(rt, 'progressSummary'));
  expect(after?.sentence).toBe(`2/${units.length} xã, phường đã gửi danh sách đại biểu`);
  expect(after?.missing).toEqual(units.slice(2).map((u) => u.name));
  expect(after?.late).toBeUndefined();

  const overview = call<OverviewDto>(rt, 'getOverview');
  expect(overview.intake).toEqual({
    sent: 2,
    total: units.length,
    late: 0,
    deadline: '',
    missing: units.slice(2).map((u) => u.name),
    sentence: `2/${units.length} xã, phường đã gửi danh sách đại biểu`,
  });
  // The headline of the progress card stays the congresses held.
  expect(overview.progress.map((m) => m.key)).toEqual(['steering', 'plan', 'congress', 'submitted']);
});

test('after the deadline each unit that has not sent is a warning naming it; before it, none', () => {
  const { ss, rt, units } = workbook();
  const first = units[0] as { code: string; name: string };
  expect(call<SubmissionDto>(rt, 'importSubmission', first.code, list, { mode: 'replace' }).ok).toBe(true);
  const late = (v: ValidationResultDto) => v.problems.filter((p) => p.rule === 'submission-late');

  expect(late(call<ValidationResultDto>(rt, 'validateAll'))).toEqual([]);

  setDeadline(ss, '20/01/2029'); // today: not late yet
  expect(late(call<ValidationResultDto>(rt, 'validateAll'))).toEqual([]);
  expect(call<OverviewDto>(rt, 'getOverview').intake?.late).toBe(0);

  setDeadline(ss, '15/01/2029');
  const warnings = late(call<ValidationResultDto>(rt, 'validateAll'));
  expect(warnings.map((p) => p.message)).toEqual(
    units
      .slice(1)
      .map((u) => `${u.name} chưa gửi danh sách đại biểu, đã quá hạn 15/01/2029 (Hạn gửi danh sách đại biểu).`),
  );
  expect(warnings.every((p) => p.severity === 'warning' && p.sheet === 'Đơn vị')).toBe(true);
  const overview = call<OverviewDto>(rt, 'getOverview');
  expect(overview.intake?.late).toBe(units.length - 1);
  expect(overview.intake?.deadline).toBe('15/01/2029');
  expect(overview.intake?.sentence).toBe(
    `1/${units.length} xã, phường đã gửi danh sách đại biểu; ${units.length - 1} xã, phường chưa gửi danh sách đại biểu, đã quá hạn 15/01/2029`,
  );
});

test('a user sheet named "Tiếp nhận danh sách" is not the record: nobody counts as sent', () => {
  const { ss, rt, units } = workbook();
  const mine = ss.insertSheet('Tiếp nhận danh sách');
  mine.getRange(1, 1, 2, 2).setValues([
    ['Đơn vị', 'Ghi chép'],
    [(units[0] as { code: string }).code, 'đã gọi điện'],
  ]);
  const s = call<ProgressSummaryDto>(rt, 'progressSummary').milestones.find((m) => m.key === 'submitted');
  expect(s?.reached).toBe(0);
});

/**
 * The sheets side of the roster on the local Apps Script runtime: today in the spreadsheet's time
 * zone, the summaries, and the `Tình trạng` column written in one batch without touching anything else.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LANG_SON } from '../../samples/lang-son';
import { ProblemList } from '../../src/domain/problem';
import { readTasks } from '../../src/domain/records';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import type { ProgressSummaryDto, TaskSummaryDto, ValidationResultDto } from '../../src/rpc/contract';
import { runProgressSummary, runTaskSummary, todayFor, writeTaskStatuses } from '../../src/sheets/roster';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const NOW = '2024-01-14T09:00:00+07:00';
const KEYS: [string, SheetKey][] = [
  ['Cấu hình', 'config'],
  ['Đơn vị', 'units'],
  ['Thành viên', 'members'],
  ['Nhiệm vụ', 'tasks'],
  ['Tiến độ', 'progress'],
  ['Cuộc họp', 'meetings'],
];

/** A runtime whose spreadsheet holds the Lạng Sơn roster sheets (header row + sample rows). */
function langSon(now = NOW, drop: string[] = []) {
  const runtime = new Runtime({ now });
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as Spreadsheet;
  for (const [name, key] of KEYS) {
    const headers = SHEETS[key].columns.map((c) => c.header).filter((h) => !drop.includes(h));
    const rows = (LANG_SON.sheets[name] ?? []).map((r) => headers.map((_, i) => r[i] ?? ''));
    ss.insertSheet(name)
      .getRange(1, 1, rows.length + 1, headers.length)
      .setValues([headers, ...rows]);
  }
  const g = globalThis as Record<string, unknown>;
  for (const k of ['SpreadsheetApp', 'Utilities', 'LockService'] as const) g[k] = runtime.globals[k];
  runtime.resetCalls();
  return { runtime, ss };
}
const tasksSheet = (ss: Spreadsheet) => ss.getSheetByName('Nhiệm vụ')!;

describe('todayFor', () => {
  it("is the date in the spreadsheet's time zone", () => {
    const { ss } = langSon();
    const lateNightUtc = new Date('2024-01-13T18:30:00Z'); // 01:30 on 14/01 in Hà Nội
    expect(todayFor(ss, lateNightUtc)).toBe('2024-01-14');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(todayFor(ss, lateNightUtc)).toBe('2024-01-13');
  });
});

describe('runTaskSummary and the Tình trạng column', () => {
  it('reports the seed-004 deadlines and writes the column in one setValues, nothing else', () => {
    const { runtime, ss } = langSon();
    const before = tasksSheet(ss).getDataRange().getValues();
    const summary = runTaskSummary(ss, new Date(NOW));
    expect([summary.today, summary.overdue, summary.dueSoon, summary.open, summary.done]).toEqual([
      '2024-01-14',
      1,
      2,
      1,
      0,
    ]);
    expect(summary.groups[0]!.tasks.map((t) => [t.cell, t.status])).toEqual([
      ['B2', 'overdue'],
      ['B3', 'due-soon'],
      ['B4', 'due-soon'],
    ]);
    expect(runtime.calls['Range.setValues']).toBe(1);
    const after = tasksSheet(ss).getDataRange().getValues();
    const col = SHEETS.tasks.columns.findIndex((c) => c.key === 'computedStatus');
    expect(after.slice(1).map((r) => r[col])).toEqual(['Quá hạn', 'Sắp đến hạn', 'Sắp đến hạn', 'Đang thực hiện']);
    const without = (rows: unknown[][]) => rows.map((r) => r.filter((_, i) => i !== col));
    expect(without(after)).toEqual(without(before));

    runtime.resetCalls();
    runTaskSummary(ss, new Date(NOW));
    expect(runtime.calls['Range.setValues'] ?? 0).toBe(0); // already right: no write
  });

  it('a completed task turns Hoàn thành; writeStatus false writes nothing', () => {
    const { runtime, ss } = langSon();
    tasksSheet(ss)
      .getRange('G2:H2')
      .setValues([['Hoàn thành', '11/01/2024']]);
    runtime.resetCalls();
    const summary = runTaskSummary(ss, new Date(NOW), false);
    expect([summary.overdue, summary.dueSoon, summary.done]).toEqual([0, 2, 1]);
    expect(runtime.calls['Range.setValues'] ?? 0).toBe(0);
  });

  it('without the Tình trạng column: nothing written, and says so', () => {
    const { runtime, ss } = langSon(NOW, ['Tình trạng']);
    const grid = tasksSheet(ss).getDataRange().getValues();
    const { table, rows } = readTasks(grid, 420, new ProblemList());
    const result = writeTaskStatuses(ss, table, rows, '2024-01-14', 3);
    expect(result).toEqual({
      written: 0,
      message: 'Trang "Nhiệm vụ" chưa có cột "Tình trạng"; chạy "Thiết lập bảng tính" để thêm cột này.',
    });
    expect(runtime.calls['Range.setValues'] ?? 0).toBe(0);
  });
});

describe('runProgressSummary', () => {
  it('counts what has happened by today, one getValues per sheet', () => {
    const { runtime, ss } = langSon();
    const s = runProgressSummary(ss, new Date(NOW));
    expect(s.milestones[0]!.sentence).toBe('3/11 huyện, thành phố đã thành lập Ban Chỉ đạo');
    expect(runtime.calls['Range.getValues']).toBe(3);
    const june = runProgressSummary(ss, new Date('2024-06-01T09:00:00+07:00'));
    expect(june.milestones.map((m) => m.sentence)).toEqual([
      '10/11 huyện, thành phố đã thành lập Ban Chỉ đạo',
      '10/11 huyện, thành phố đã ban hành Kế hoạch tổ chức Đại hội',
      '9/11 huyện, thành phố đã tổ chức Đại hội',
      // No list received yet (no `Tiếp nhận danh sách`: looked up, not read).
      '0/11 huyện, thành phố đã gửi danh sách đại biểu',
    ]);
    expect(june.milestones[2]!.missing).toEqual(['Văn Lãng', 'Đình Lập']);
  });
});

describe('the built bundle (build/Code.js)', () => {
  it('taskSummary, progressSummary and validateAll on the Lạng Sơn roster at --now 14/01/2024', () => {
    const { runtime, ss } = langSon();
    const tasks = runBundle(runtime, 'taskSummary').result as TaskSummaryDto;
    expect([tasks.today, tasks.overdue, tasks.dueSoon]).toEqual(['2024-01-14', 1, 2]);
    const progress = runBundle(runtime, 'progressSummary').result as ProgressSummaryDto;
    expect(progress.milestones[0]!.sentence).toBe('3/11 huyện, thành phố đã thành lập Ban Chỉ đạo');
    // validateAll writes its report into `Kiểm tra` and never creates it (setup does).
    if (!ss.getSheetByName('Kiểm tra')) ss.insertSheet('Kiểm tra');
    const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
    const roster = v.problems.filter((p) => /^(task|member|unit-unsup|body|milestones|congress)/.test(p.rule));
    expect(roster.map((p) => `${p.rule} ${p.sheet}!${p.cell}`).sort()).toEqual(
      [
        'task-no-lead Nhiệm vụ!C5',
        'task-no-deadline Nhiệm vụ!F5',
        'task-overdue Nhiệm vụ!F2',
        'task-due-soon Nhiệm vụ!F3',
        'task-due-soon Nhiệm vụ!F4',
        'task-meeting-unknown Nhiệm vụ!I5',
        'member-unit-unknown Thành viên!F7',
        'unit-unsupervised Đơn vị!B12',
        'body-without-head Thành viên!D9',
        'milestones-out-of-order Tiến độ!C8',
        'congress-after-deadline Tiến độ!D11',
      ].sort(),
    );
    const col = SHEETS.tasks.columns.findIndex((c) => c.key === 'computedStatus');
    expect(
      tasksSheet(ss)
        .getRange(2, col + 1, 4, 1)
        .getValues()
        .flat(),
    ).toEqual(['Quá hạn', 'Sắp đến hạn', 'Sắp đến hạn', 'Đang thực hiện']);
  });
});

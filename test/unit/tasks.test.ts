import { LANG_SON } from '../../samples/lang-son';
import { ProblemList } from '../../src/domain/problem';
import { readTasks } from '../../src/domain/records';
import {
  classifyTask,
  computedStatusLabel,
  NO_LEAD,
  statusColumn,
  summarizeTasks,
} from '../../src/domain/roster/tasks';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const HEADERS = SHEETS.tasks.columns.map((c) => c.header);
type Fields = Partial<Record<string, CellValue>>;
const row = (f: Fields): CellValue[] => SHEETS.tasks.columns.map((c) => f[c.key] ?? '');
function tasksOf(rows: CellValue[][], problems = new ProblemList()) {
  return readTasks([HEADERS, ...rows], 420, problems);
}
const one = (f: Fields) => tasksOf([row({ content: 'Việc', ...f })]).rows[0]!;

describe('classifyTask', () => {
  const today = '2024-01-14';
  it.each([
    ['13/01/2024', 'overdue'],
    ['01/01/2024', 'overdue'],
    ['14/01/2024', 'due-soon'],
    ['17/01/2024', 'due-soon'],
    ['18/01/2024', 'open'],
    ['', 'open'],
  ])('deadline %s with dueSoonDays 3 → %s', (deadline, expected) => {
    expect(classifyTask(one({ deadline, status: 'Đang thực hiện' }), today, 3)).toBe(expected);
  });

  it('dueSoonDays 0: only today is due soon', () => {
    expect(classifyTask(one({ deadline: '14/01/2024' }), today, 0)).toBe('due-soon');
    expect(classifyTask(one({ deadline: '15/01/2024' }), today, 0)).toBe('open');
  });

  it('done by status or by a completion date is never overdue; cancelled wins', () => {
    expect(classifyTask(one({ deadline: '10/01/2024', status: 'Hoàn thành' }), today, 3)).toBe('done');
    expect(classifyTask(one({ deadline: '10/01/2024', doneOn: '09/01/2024' }), today, 3)).toBe('done');
    expect(classifyTask(one({ deadline: '10/01/2024', status: 'Hủy' }), today, 3)).toBe('cancelled');
    expect(classifyTask(one({ deadline: '10/01/2024', status: 'huỷ', doneOn: '09/01/2024' }), today, 3)).toBe(
      'cancelled',
    );
  });

  it('reads real Date cells in the time zone', () => {
    // 12/01/2024 00:00 in UTC+7 is 11/01 17:00 UTC
    const task = one({ deadline: new Date(Date.UTC(2024, 0, 11, 17)) });
    expect(task.data.deadline).toBe('2024-01-12');
    expect(classifyTask(task, '2024-01-12', 3)).toBe('due-soon');
    expect(classifyTask(task, '2024-01-13', 3)).toBe('overdue');
  });

  it('labels', () => {
    expect(['overdue', 'due-soon', 'open', 'done', 'cancelled'].map((c) => computedStatusLabel(c as never))).toEqual([
      'Quá hạn',
      'Sắp đến hạn',
      'Đang thực hiện',
      'Hoàn thành',
      'Hủy',
    ]);
  });
});

describe('Lạng Sơn tasks (seed 004) on 14/01/2024', () => {
  const rows = LANG_SON.sheets['Nhiệm vụ'] as CellValue[][];
  const byDeadline = (tasks: ReturnType<typeof tasksOf>['rows'], d: string) =>
    tasks.filter((t) => t.data.deadline === d);

  it('the 12/01/2024 task is overdue and both 15/01/2024 tasks are due soon', () => {
    const { rows: tasks } = tasksOf(rows);
    expect(tasks).toHaveLength(4);
    const [due12] = byDeadline(tasks, '2024-01-12');
    expect(classifyTask(due12!, '2024-01-14', 3)).toBe('overdue');
    const due15 = byDeadline(tasks, '2024-01-15');
    expect(due15).toHaveLength(2);
    for (const t of due15) expect(classifyTask(t, '2024-01-14', 3)).toBe('due-soon');
    const s = summarizeTasks(tasks, '2024-01-14', 3);
    expect([s.overdue, s.dueSoon, s.open, s.done]).toEqual([1, 2, 1, 0]);
    expect(s.groups.map((g) => g.lead)).toEqual(['Ban Dân tộc', NO_LEAD]);
    expect(s.groups[0]!.tasks.map((t) => [t.row, t.status, t.daysLeft, t.cell])).toEqual([
      [2, 'overdue', -2, 'B2'],
      [3, 'due-soon', 1, 'B3'],
      [4, 'due-soon', 1, 'B4'],
    ]);
  });

  it('marked Hoàn thành with a completion date, it is not overdue', () => {
    const edited = rows.map((r) => [...r]);
    const statusCol = SHEETS.tasks.columns.findIndex((c) => c.key === 'status');
    const doneCol = SHEETS.tasks.columns.findIndex((c) => c.key === 'doneOn');
    edited[0]![statusCol] = 'Hoàn thành';
    edited[0]![doneCol] = '11/01/2024';
    const { rows: tasks } = tasksOf(edited);
    expect(classifyTask(byDeadline(tasks, '2024-01-12')[0]!, '2024-01-14', 3)).toBe('done');
    const s = summarizeTasks(tasks, '2024-01-14', 3);
    expect([s.overdue, s.dueSoon, s.done]).toEqual([0, 2, 1]);
  });
});

describe('summarizeTasks', () => {
  const today = '2024-03-10';
  const { rows: tasks } = tasksOf([
    row({ content: 'A', lead: 'Sở Nội vụ', deadline: '20/03/2024' }), // open
    row({ content: 'B', lead: 'Ban Dân tộc', deadline: '11/03/2024' }), // due soon
    row({ content: 'C', lead: 'ban dân tộc', deadline: '01/03/2024' }), // overdue
    row({ content: 'D', lead: 'Sở Nội vụ', deadline: '05/03/2024' }), // overdue, older
    row({ content: 'E', lead: '', deadline: '' }), // open, no lead
    row({ content: 'F', lead: 'Sở Tài chính', deadline: '01/03/2024', status: 'Hoàn thành', doneOn: '01/03/2024' }),
    row({ content: 'G', lead: 'Sở Tài chính', deadline: '01/03/2024', status: 'Hủy' }),
    row({ content: 'H', lead: 'Sở Nội vụ', deadline: '' }), // open, no deadline: after dated ones
  ]);
  const s = summarizeTasks(tasks, today, 3);

  it('counts each class once and leaves cancelled tasks out', () => {
    expect(s.today).toBe(today);
    expect([s.overdue, s.dueSoon, s.open, s.done]).toEqual([2, 1, 3, 1]);
  });

  it('groups by lead (case and spelling folded), most urgent group first, tasks overdue first then by deadline', () => {
    expect(s.groups.map((g) => g.lead)).toEqual(['Ban Dân tộc', 'Sở Nội vụ', NO_LEAD]);
    expect(s.groups.map((g) => g.tasks.map((t) => t.content))).toEqual([['C', 'B'], ['D', 'A', 'H'], ['E']]);
    const c = s.groups[0]!.tasks[0]!;
    expect(c).toEqual({
      row: 4,
      cell: 'B4',
      content: 'C',
      lead: 'ban dân tộc',
      deadline: '2024-03-01',
      status: 'overdue',
      daysLeft: -9,
    });
    expect(s.groups[1]!.tasks[2]!.daysLeft).toBeNull();
  });
});

describe('statusColumn', () => {
  it('one value per data row, blank rows cleared, only the Tình trạng column', () => {
    const rows = [
      row({ content: 'A', deadline: '01/01/2024' }),
      row({ computedStatus: 'Quá hạn' }), // a deleted task's stale status
      row({ content: 'B', deadline: '30/01/2024', computedStatus: 'Người dùng gõ' }),
      row({ content: 'C', status: 'Hoàn thành', doneOn: '02/01/2024' }),
    ];
    const { table, rows: tasks } = tasksOf(rows);
    const col = statusColumn(table, tasks, '2024-01-14', 3);
    expect(col).toEqual({
      col: SHEETS.tasks.columns.findIndex((c) => c.key === 'computedStatus') + 1,
      row: 2,
      values: [['Quá hạn'], [''], ['Đang thực hiện'], ['Hoàn thành']],
      changed: true,
    });
  });

  it('unchanged when the sheet already shows the right values', () => {
    const rows = [row({ content: 'A', deadline: '01/01/2024', computedStatus: 'Quá hạn' })];
    const { table, rows: tasks } = tasksOf(rows);
    expect(statusColumn(table, tasks, '2024-01-14', 3)?.changed).toBe(false);
  });

  it('null without the column or without data rows', () => {
    const noCol = HEADERS.filter((h) => h !== 'Tình trạng');
    const { table, rows: tasks } = readTasks([noCol, ['1', 'Việc']], 420, new ProblemList());
    expect(statusColumn(table, tasks, '2024-01-14', 3)).toBeNull();
    const empty = tasksOf([]);
    expect(statusColumn(empty.table, empty.rows, '2024-01-14', 3)).toBeNull();
  });
});

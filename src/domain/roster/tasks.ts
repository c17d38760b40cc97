/**
 * Tasks (`Nhiệm vụ`): how each one stands today, the sidebar's task view, and the computed
 * `Tình trạng` column.
 */
import type { TaskDto, TaskSummaryDto } from '../../rpc/contract';
import { diffDays, type IsoDate } from '../dates';
import { a1 } from '../problem';
import type { TaskRecord } from '../records';
import type { Table } from '../table';
import { foldKey } from '../text';
import { cellText } from '../values';

export type TaskClass = 'overdue' | 'due-soon' | 'open' | 'done' | 'cancelled';

/** The fields classification needs (a TaskRecord fits). */
export interface TaskLike {
  data: Pick<TaskRecord['data'], 'deadline' | 'status' | 'doneOn'>;
}

/** Group label of tasks whose `Chủ trì` is blank. */
export const NO_LEAD = 'Chưa có đơn vị chủ trì';

/**
 * Cancelled ('Hủy') never counts; done means status 'Hoàn thành' or a completion date; otherwise a
 * deadline before today is overdue, one within `dueSoonDays` days (today included) is due soon.
 */
export function isTaskDone(task: TaskLike): boolean {
  return task.data.status === 'done' || task.data.doneOn !== null;
}

export function classifyTask(task: TaskLike, today: IsoDate, dueSoonDays: number): TaskClass {
  if (task.data.status === 'cancelled') return 'cancelled';
  if (isTaskDone(task)) return 'done';
  const left = daysLeft(task, today);
  if (left === null) return 'open';
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'open';
}

/** Deadline − today in days (null without a deadline). */
export function daysLeft(task: TaskLike, today: IsoDate): number | null {
  return task.data.deadline ? diffDays(task.data.deadline, today) : null;
}

const LABELS: Record<TaskClass, string> = {
  overdue: 'Quá hạn',
  'due-soon': 'Sắp đến hạn',
  open: 'Đang thực hiện',
  done: 'Hoàn thành',
  cancelled: 'Hủy',
};

/** Text of the computed `Tình trạng` column. */
export function computedStatusLabel(cls: TaskClass): string {
  return LABELS[cls];
}

/** Most urgent first: the order of LABELS. */
const URGENCY = Object.keys(LABELS);

interface Ranked {
  task: TaskRecord;
  cls: TaskClass;
}

/** Most urgent first: overdue, due soon, open; then by deadline (none last); then by row. */
function compare(a: Ranked, b: Ranked): number {
  const da = a.task.data.deadline ?? '9999';
  const db = b.task.data.deadline ?? '9999';
  return URGENCY.indexOf(a.cls) - URGENCY.indexOf(b.cls) || (da < db ? -1 : da > db ? 1 : 0) || a.task.row - b.task.row;
}

/** The task view: counts, and the tasks not done grouped by lead agency, most urgent group first. */
export function summarizeTasks(tasks: readonly TaskRecord[], today: IsoDate, dueSoonDays: number): TaskSummaryDto {
  const summary: TaskSummaryDto = { today, overdue: 0, dueSoon: 0, open: 0, done: 0, groups: [] };
  const groups = new Map<string, { lead: string; items: Ranked[] }>();
  for (const task of tasks) {
    const cls = classifyTask(task, today, dueSoonDays);
    if (cls === 'cancelled') continue;
    summary[cls === 'due-soon' ? 'dueSoon' : cls]++;
    if (cls === 'done') continue;
    const lead = task.data.lead ?? NO_LEAD;
    const key = foldKey(lead);
    const group = groups.get(key) ?? { lead, items: [] };
    group.items.push({ task, cls });
    groups.set(key, group);
  }
  const sorted = [...groups.values()].map((g) => ({ lead: g.lead, items: g.items.sort(compare) }));
  sorted.sort((a, b) => compare(a.items[0] as Ranked, b.items[0] as Ranked));
  summary.groups = sorted.map((g) => ({ lead: g.lead, tasks: g.items.map((r) => taskDto(r, today)) }));
  return summary;
}

function taskDto({ task, cls }: Ranked, today: IsoDate): TaskDto {
  return {
    row: task.row,
    cell: task.cells.content ?? a1(task.row, 1),
    content: task.data.content ?? '',
    lead: task.data.lead ?? '',
    deadline: task.data.deadline,
    status: cls as TaskDto['status'],
    daysLeft: daysLeft(task, today),
  };
}

/** The `Tình trạng` values to write: one cell per data row of the tasks table. */
export interface StatusColumn {
  /** 1-based sheet column and first data row. */
  col: number;
  row: number;
  values: string[][];
  /** Some cell differs from what the sheet holds now. */
  changed: boolean;
}

/**
 * The computed column for every data row below the header (blank rows get ''), or null when the
 * sheet has no `Tình trạng` column or no data rows.
 */
export function statusColumn(
  table: Table,
  tasks: readonly TaskRecord[],
  today: IsoDate,
  dueSoonDays: number,
): StatusColumn | null {
  const col = table.columns.computedStatus;
  const rows = table.values.length - table.headerRow;
  if (!table.present || col === undefined || rows <= 0) return null;
  const byRow = new Map(tasks.map((t) => [t.row, computedStatusLabel(classifyTask(t, today, dueSoonDays))]));
  let changed = false;
  const values: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = table.headerRow + 1 + i;
    const value = byRow.get(row) ?? '';
    if (cellText(table.values[row - 1]?.[col]) !== value) changed = true;
    values.push([value]);
  }
  return { col: col + 1, row: table.headerRow + 1, values, changed };
}

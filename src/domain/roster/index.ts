/**
 * The roster: committee members, tasks, meetings and sub-unit progress, read from their grids
 * and checked. validateAll calls validateRoster once; the summaries live in ./tasks and ./progress.
 */
import type { IsoDate } from '../dates';
import { ProblemList } from '../problem';
import {
  type Grid,
  type MeetingRecord,
  type MemberRecord,
  type ProgressRecord,
  readMeetings,
  readMembers,
  readProgress,
  readTasks,
  type TaskRecord,
  type UnitIndex,
  type UnitRecord,
} from '../records';
import type { Settings } from '../settings';
import { locateTable, type Table } from '../table';
import { SHEETS } from '../template';
import { checkRoster } from './checks';

export { checkRoster, ROSTER_RULES, type RosterInput } from './checks';
export { resolveSupervised, splitUnitList } from './members';
export { progressReport, progressSentences, summarizeProgress } from './progress';
export { classifyTask, computedStatusLabel, statusColumn, summarizeTasks, type TaskClass } from './tasks';

/** The sheets the roster reads (besides Cấu hình and Đơn vị). */
export const ROSTER_SHEETS = ['members', 'tasks', 'progress', 'meetings'] as const;
export type RosterGrids = Record<(typeof ROSTER_SHEETS)[number], Grid>;

export interface RosterData {
  members: MemberRecord[];
  tasks: TaskRecord[];
  /** The tasks table as located (for writing the `Tình trạng` column). */
  tasksTable: Table;
  progress: ProgressRecord[];
  meetings: MeetingRecord[];
}

/**
 * Reads the roster sheets; cell problems (invalid dates, unknown units …) go to `problems`.
 * A sheet whose grid is left out (undefined, not null) is not read and yields no records.
 */
export function readRoster(
  grids: Partial<RosterGrids>,
  index: UnitIndex,
  tz: number,
  problems: ProblemList,
): RosterData {
  const { members, tasks, progress, meetings } = grids;
  const t =
    tasks === undefined
      ? { table: locateTable(SHEETS.tasks, null, new ProblemList()), rows: [] }
      : readTasks(tasks, tz, problems);
  return {
    members: members === undefined ? [] : readMembers(members, problems),
    tasks: t.rows,
    tasksTable: t.table,
    progress: progress === undefined ? [] : readProgress(progress, index, tz, problems),
    meetings: meetings === undefined ? [] : readMeetings(meetings, tz, problems),
  };
}

export interface RosterContext {
  settings: Pick<Settings, 'dueSoonDays' | 'unitCongressDeadline' | 'level'>;
  units: readonly UnitRecord[];
  index: UnitIndex;
  today: IsoDate;
  /** Spreadsheet time zone as a UTC offset in minutes. */
  tz: number;
}

/** validateAll's roster part: reads the roster sheets and runs every roster rule. */
export function validateRoster(grids: RosterGrids, ctx: RosterContext, problems: ProblemList): RosterData {
  const data = readRoster(grids, ctx.index, ctx.tz, problems);
  checkRoster({ ...ctx, ...data }, problems);
  return data;
}

/**
 * The roster on the spreadsheet: today in the spreadsheet's time zone, the progress and task
 * summaries for the sidebar, and the computed `Tình trạng` column of `Nhiệm vụ`.
 */

import { type IsoDate, todayIso } from '../domain/dates';
import { thresholdOf } from '../domain/eligibility';
import { ProblemList } from '../domain/problem';
import {
  type Grid,
  readProgress,
  readSettings,
  readSettingsWithCells,
  readTasks,
  readUnits,
  type TaskRecord,
  UnitIndex,
  type UnitRecord,
} from '../domain/records';
import { ROSTER_SHEETS, type RosterData, type RosterGrids, readRoster, validateRoster } from '../domain/roster';
import { summarizeProgress } from '../domain/roster/progress';
import { statusColumn, summarizeTasks } from '../domain/roster/tasks';
import type { Settings } from '../domain/settings';
import type { Table } from '../domain/table';
import { SHEETS, type SheetKey } from '../domain/template';
import type { ProgressSummaryDto, TaskSummaryDto } from '../rpc/contract';
import { readSentUnits } from './intake';
import { UserError, withDocumentLock } from './lock';
import { findSheet, readGrids, type Sheet, type Spreadsheet, timeZoneOffset } from './workbook';

/** Today's date in the spreadsheet's time zone (`now` fixes the clock for tests and --now). */
export function todayFor(ss: Spreadsheet, now: Date = new Date()): IsoDate {
  return todayIso(now, timeZoneOffset(ss, now));
}

export interface RosterChecksArgs {
  ss: Spreadsheet;
  /** Grids already read (one getValues each); a roster sheet left out is not read. */
  grids: Partial<Record<SheetKey, Grid>>;
  settings: Pick<Settings, 'dueSoonDays' | 'unitCongressDeadline' | 'level'>;
  units: readonly UnitRecord[];
  index: UnitIndex;
  today: IsoDate;
  /** Spreadsheet time zone as a UTC offset in minutes. */
  tz: number;
  problems: ProblemList;
  /** Also write the `Tình trạng` column (needs grids.tasks; call under the document lock). */
  writeStatuses?: boolean;
}

/**
 * validateAll's roster part: reads the roster sheets given in `grids` (reader problems included)
 * and, when all four (members, tasks, progress, meetings) are there, runs every roster rule.
 * With `writeStatuses`, also refreshes the computed `Tình trạng` column of `Nhiệm vụ`.
 */
export function rosterChecks(args: RosterChecksArgs): RosterData & { status: StatusWriteResult | null } {
  const { grids, problems, tz, index } = args;
  const complete = ROSTER_SHEETS.every((k) => grids[k] !== undefined);
  const data = complete ? validateRoster(grids as RosterGrids, args, problems) : readRoster(grids, index, tz, problems);
  const status =
    args.writeStatuses && grids.tasks !== undefined
      ? writeTaskStatuses(args.ss, data.tasksTable, data.tasks, args.today, args.settings.dueSoonDays)
      : null;
  return { ...data, status };
}

/** Sidebar "Tiến độ": milestones reached by the sub-units as of today. */
export function runProgressSummary(ss: Spreadsheet, now: Date = new Date()): ProgressSummaryDto {
  const tz = timeZoneOffset(ss, now);
  const grids = readGrids(ss, ['config', 'units', 'progress']);
  const ignored = new ProblemList();
  const settingProblems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, tz, settingProblems);
  const units = readUnits(grids.units, ignored);
  const index = new UnitIndex(units);
  const progress = readProgress(grids.progress, index, tz, ignored);
  const intake = { sent: readSentUnits(ss, index), deadline: settings.submissionDeadline };
  // The threshold by the overview's rule: typed wrong, no form anywhere and its cell named; no `Cấu hình`, none.
  const threshold = thresholdOf(
    settings.congressThreshold,
    cells.congressThreshold,
    settingProblems.items,
    settings.level,
  );
  const eligibilitySettings =
    grids.config === null
      ? { level: settings.level }
      : { level: settings.level, congressThreshold: threshold.threshold, eligibilityError: threshold.error };
  return summarizeProgress(units, progress, index, eligibilitySettings, todayIso(now, tz), intake);
}

/**
 * Sidebar "Nhiệm vụ": overdue, due-soon and open tasks by lead agency. Also refreshes the
 * `Tình trạng` column unless `writeStatus` is false (skipped quietly when another user holds the lock).
 */
export function runTaskSummary(ss: Spreadsheet, now: Date = new Date(), writeStatus = true): TaskSummaryDto {
  const tz = timeZoneOffset(ss, now);
  const grids = readGrids(ss, ['config', 'tasks']);
  const ignored = new ProblemList();
  const settings = readSettings(grids.config, tz, ignored);
  const { table, rows } = readTasks(grids.tasks, tz, ignored);
  const today = todayIso(now, tz);
  if (writeStatus) {
    try {
      withDocumentLock(() => writeTaskStatuses(ss, table, rows, today, settings.dueSoonDays));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
  }
  return summarizeTasks(rows, today, settings.dueSoonDays);
}

export interface StatusWriteResult {
  /** Cells written (0 when nothing changed or the column is missing). */
  written: number;
  /** Vietnamese sentence for the user. */
  message: string;
}

/**
 * Writes the computed `Tình trạng` column of `Nhiệm vụ` in one setValues over its data rows,
 * and nothing else. Does nothing when the column is missing or every value is already right.
 * Call it under the document lock.
 */
export function writeTaskStatuses(
  ss: Spreadsheet,
  table: Table,
  tasks: readonly TaskRecord[],
  today: IsoDate,
  dueSoonDays: number,
  /** `Nhiệm vụ` when the caller already has it (saves a lookup). */
  tasksSheet?: Sheet,
): StatusWriteResult {
  const name = SHEETS.tasks.name;
  if (table.columns.computedStatus === undefined) {
    return {
      written: 0,
      message: `Trang "${name}" chưa có cột "Tình trạng"; chạy "Thiết lập bảng tính" để thêm cột này.`,
    };
  }
  const column = statusColumn(table, tasks, today, dueSoonDays);
  const sheet = tasksSheet ?? findSheet(ss, 'tasks');
  if (!column?.changed || !sheet) return { written: 0, message: 'Cột "Tình trạng" đã được cập nhật.' };
  sheet.getRange(column.row, column.col, column.values.length, 1).setValues(column.values);
  return { written: column.values.length, message: `Đã cập nhật cột "Tình trạng" của ${tasks.length} nhiệm vụ.` };
}

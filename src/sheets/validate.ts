/**
 * "Kiểm tra dữ liệu": reads every sheet once, runs every rule, then (under the document lock)
 * marks the cells, rewrites `Kiểm tra` and records a summary for the sidebar.
 */
import { planAllocation } from '../domain/allocation';
import { checkAllocation } from '../domain/checks/allocation';
import { checkDelegates } from '../domain/checks/delegates';
import { checkStructure } from '../domain/checks/structure';
import { todayIso } from '../domain/dates';
import { checkMergedCells } from '../domain/merges';
import { type Problem, ProblemList } from '../domain/problem';
import {
  readAllocationTable,
  readDelegates,
  readSettingsWithCells,
  readUnitEthnic,
  readUnits,
  UnitIndex,
} from '../domain/records';
import { locateTable } from '../domain/table';
import { SHEET_ORDER, SHEETS } from '../domain/template';
import type { ValidationResultDto } from '../rpc/contract';
import { type WriteBatch, writeAll } from './batch';
import { withDocumentLock } from './lock';
import { writeMarks, writeReport } from './marks';
import { rosterChecks, writeTaskStatuses } from './roster';
import { setupWorkbook } from './setup';
import { saveState } from './state';
import {
  addLookalikeProblems,
  findSheet,
  mergedAreasOf,
  readGrids,
  type Spreadsheet,
  timeZoneOffset,
} from './workbook';

/** Every data sheet (the report sheets are the add-in's own output). */
const SHEETS_READ = SHEET_ORDER.filter((k) => !SHEETS[k].report);

interface Collected {
  problems: Problem[];
  /** Writes the computed task statuses from the grids already read (call under the lock). */
  writeStatuses: (batch: WriteBatch) => void;
}

/** Runs every check on the workbook's current data; writes nothing itself. */
export function collectProblems(ss: Spreadsheet, now: Date): Collected {
  const tz = timeZoneOffset(ss, now);
  const today = todayIso(now, tz);
  const problems = new ProblemList();
  addLookalikeProblems(ss, problems);
  const grids = readGrids(ss, SHEETS_READ);
  for (const key of SHEETS_READ) {
    const areas = mergedAreasOf(grids[key]);
    if (areas.length > 0) {
      const headerRow = locateTable(SHEETS[key], grids[key], new ProblemList()).headerRow;
      checkMergedCells(SHEETS[key].name, areas, headerRow, problems);
    }
  }
  const { settings, cells } = readSettingsWithCells(grids.config, tz, problems);
  const units = readUnits(grids.units, problems);
  const index = new UnitIndex(units);
  const unitEthnic = readUnitEthnic(grids.unitEthnic, index, problems);
  const allocation = readAllocationTable(grids.allocation, problems);
  const delegates = readDelegates(grids.delegates, index, problems);
  const plan = planAllocation(settings, cells, units, allocation.rows, delegates, problems);
  const sheetRows = allocation.rows;
  checkAllocation({ settings, settingCells: cells, plan, sheetRows, sheetPresent: allocation.table.present }, problems);
  checkDelegates({ settings, settingCells: cells, plan, sheetRows, delegates }, problems);
  const year = settings.year ?? Number(today.slice(0, 4));
  checkStructure({ settings, settingCells: cells, delegates, unitEthnic, year }, problems);
  const roster = rosterChecks({ ss, grids, settings, units, index, today, tz, problems, writeStatuses: false });
  return {
    problems: problems.items,
    writeStatuses: (batch) => {
      const table = roster.tasksTable;
      const col = table.columns.computedStatus;
      const sheet = findSheet(ss, 'tasks');
      if (col === undefined || !sheet || table.values.length <= table.headerRow) {
        return;
      }
      const previous = table.values.slice(table.headerRow).map((r) => [r[col] ?? '']);
      const range = sheet.getRange(table.headerRow + 1, col + 1, previous.length, 1);
      batch.custom(
        () => writeTaskStatuses(ss, table, roster.tasks, today, settings.dueSoonDays),
        () => range.setValues(previous),
      );
    },
  };
}

export function runValidation(ss: Spreadsheet, now: Date = new Date()): ValidationResultDto {
  const { problems, writeStatuses } = collectProblems(ss, now);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const at = now.toISOString();
  withDocumentLock(() => {
    if (!findSheet(ss, 'report')) setupWorkbook(ss);
    writeAll('kết quả kiểm tra', (batch) => {
      writeMarks(ss, problems, batch);
      writeReport(ss, problems, batch);
      writeStatuses(batch);
    });
    saveState('validation', { at, errors, warnings });
  });
  const message =
    problems.length === 0
      ? 'Không phát hiện lỗi nào.'
      : `Phát hiện ${errors} lỗi và ${warnings} cảnh báo; xem trang "${SHEETS.report.name}".`;
  return { message, errors, warnings, problems, at };
}

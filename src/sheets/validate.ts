/**
 * "Kiểm tra dữ liệu": under the document lock, reads every sheet it needs once, runs every rule,
 * marks the cells, rewrites `Kiểm tra` and records a summary for the sidebar.
 */
import { fixedSeatsOf, planAllocation } from '../domain/allocation';
import { checkAllocation } from '../domain/checks/allocation';
import { checkDelegates } from '../domain/checks/delegates';
import { officialFigureProblems } from '../domain/checks/officialFigures';
import { checkProfiles } from '../domain/checks/profile';
import { checkStructure } from '../domain/checks/structure';
import { workbookDigest } from '../domain/dataDigest';
import { todayIso } from '../domain/dates';
import { checkMergedCells } from '../domain/merges';
import { type Problem, ProblemList } from '../domain/problem';
import {
  checkOfficialTotalRow,
  type Grid,
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
import { MESSAGES } from '../ui/vi';
import { RefusedWriteError, RestoredWriteError, type WriteBatch, writeAll } from './batch';
import { checkSubmissionsLate } from './intake';
import { noteWritten, UserError, withDocumentLock } from './lock';
import { isLockedIn, type Locked, lockedAreas, type SheetRead, sortProblems, writeMarks, writeReport } from './marks';
import { rosterChecks, writeTaskStatuses } from './roster';
import { saveState } from './state';
import {
  addLookalikeProblems,
  findSheet,
  isOwnReportGrid,
  mergedAreasOf,
  readWholeSheet,
  type Spreadsheet,
  timeZoneOffset,
  visibleName,
  wholeSheetValues,
} from './workbook';

/**
 * The sheets validation reads: every data sheet but `Kết luận`, which no rule looks at (the report
 * sheets are the add-in's own output).
 */
const SHEETS_READ = SHEET_ORDER.filter((k) => !SHEETS[k].report && k !== 'conclusions');

/** How many problems validateAll hands to the sidebar (errors first); `Kiểm tra` has them all. */
export const PROBLEM_PAYLOAD_LIMIT = 300;

interface Collected {
  problems: Problem[];
  /** The sheets read, by name, for the marks to reuse. */
  read: Map<string, SheetRead>;
  /** Fingerprint of the data read (dataDigest), saved with the summary for the sidebar. */
  digest: string;
  /**
   * Writes the computed task statuses from the grids already read (call under the lock); true when it
   * wrote (or may have written) `Nhiệm vụ`, 'locked' when a protection keeps the column from this user
   * (`locked`: the protections, when looked up), so nothing was written there.
   */
  writeStatuses: (batch: WriteBatch, locked?: Locked) => boolean | 'locked';
}

/** Runs every check on the workbook's current data; writes nothing itself. Call it under the lock. */
export function collectProblems(ss: Spreadsheet, now: Date): Collected {
  const tz = timeZoneOffset(ss, now);
  const today = todayIso(now, tz);
  const problems = new ProblemList();
  const grids = {} as Record<(typeof SHEETS_READ)[number], Grid>;
  const read = new Map<string, SheetRead>();
  for (const key of SHEETS_READ) {
    const got = readWholeSheet(ss, key);
    grids[key] = got?.grid ?? null;
    if (got) read.set(SHEETS[key].name, { sheet: got.sheet, range: got.range, rows: got.rows, cols: got.cols });
  }
  // Sheets under a look-alike name were read as the template's: a warning names the exact name.
  addLookalikeProblems(ss, problems);
  for (const key of SHEETS_READ) {
    const areas = mergedAreasOf(grids[key]);
    if (areas.length > 0) {
      const headerRow = locateTable(SHEETS[key], grids[key], new ProblemList()).headerRow;
      checkMergedCells(SHEETS[key].name, areas, headerRow, problems);
    }
  }
  const { settings, cells } = readSettingsWithCells(grids.config, tz, problems);
  checkOfficialTotalRow(grids.config, cells, problems);
  const units = readUnits(grids.units, problems);
  const index = new UnitIndex(units);
  const unitEthnic = readUnitEthnic(grids.unitEthnic, index, problems);
  const allocation = readAllocationTable(grids.allocation, problems);
  const delegates = readDelegates(grids.delegates, index, problems, tz);
  const plan = planAllocation(settings, cells, units, allocation.rows, delegates, problems);
  const sheetRows = allocation.rows;
  checkAllocation({ settings, settingCells: cells, plan, sheetRows, sheetPresent: allocation.table.present }, problems);
  if (allocation.table.present && sheetRows.length > 0) {
    const fixedSeats = fixedSeatsOf(settings).reduce((n, f) => n + f.seats, 0);
    const totalReported = problems.items.some((p) => p.rule === 'allocation-total-mismatch');
    for (const p of officialFigureProblems({ rows: sheetRows, officialTotal: settings.officialTotal, fixedSeats })) {
      if (p.rule === 'official-total-mismatch' && totalReported) continue;
      problems.add(p.severity, p.rule, p.sheet, p.cell, p.message, p.suggestion);
    }
  }
  checkDelegates({ settings, settingCells: cells, plan, sheetRows, delegates }, problems);
  const year = settings.year ?? Number(today.slice(0, 4));
  checkStructure({ settings, settingCells: cells, delegates, unitEthnic, year }, problems);
  checkProfiles({ settings, settingCells: cells, delegates, grid: grids.delegates, today, zone: tz }, problems);
  const roster = rosterChecks({ ss, grids, settings, units, index, today, tz, problems, writeStatuses: false });
  checkSubmissionsLate(ss, { deadline: settings.submissionDeadline, today, units, index }, problems);
  return {
    problems: problems.items,
    read,
    digest: workbookDigest(grids),
    writeStatuses: (batch, locked) => {
      const table = roster.tasksTable;
      const col = table.columns.computedStatus;
      const sheet = read.get(SHEETS.tasks.name)?.sheet;
      if (col === undefined || !sheet || table.values.length <= table.headerRow) {
        return false;
      }
      const previous = table.values.slice(table.headerRow).map((r) => [r[col] ?? '']);
      const area = locked?.get(sheet.getName());
      if (area && previous.some((_, i) => isLockedIn(area, table.headerRow + i, col))) return 'locked';
      let wrote = false;
      batch.custom(
        () => {
          wrote = writeTaskStatuses(ss, table, roster.tasks, today, settings.dueSoonDays, sheet).written > 0;
        },
        // Only a column actually written is put back (a write back of an unchanged column could be
        // refused by a protection and make the rollback look incomplete).
        () => {
          if (wrote) sheet.getRange(table.headerRow + 1, col + 1, previous.length, 1).setValues(previous);
        },
      );
      return wrote;
    },
  };
}

/** Counts by sheet and by rule, and the first PROBLEM_PAYLOAD_LIMIT problems (errors first). */
export function boundedResult(
  problems: readonly Problem[],
  at: string,
  limit = PROBLEM_PAYLOAD_LIMIT,
): ValidationResultDto {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const tally = (key: (p: Problem) => string) => {
    const m = new Map<string, { errors: number; warnings: number }>();
    for (const p of problems) {
      const k = key(p);
      const c = m.get(k) ?? { errors: 0, warnings: 0 };
      if (p.severity === 'error') c.errors++;
      else c.warnings++;
      m.set(k, c);
    }
    return [...m].map(([name, c]) => ({ name, ...c }));
  };
  const sorted = sortProblems(problems);
  const shown = sorted.slice(0, limit);
  const report = SHEETS.report.name;
  let message =
    problems.length === 0
      ? 'Không phát hiện lỗi nào.'
      : `Phát hiện ${errors} lỗi và ${warnings} cảnh báo; xem trang "${report}".`;
  if (shown.length < problems.length) {
    message += ` Bảng điều khiển hiện ${shown.length} vấn đề đầu tiên (lỗi trước); trang "${report}" có đủ ${problems.length} vấn đề.`;
  }
  return {
    message,
    errors,
    warnings,
    total: problems.length,
    problems: shown,
    truncated: shown.length < problems.length,
    bySheet: tally((p) => p.sheet).map(({ name, ...c }) => ({ sheet: name, ...c })),
    byRule: tally((p) => p.rule).map(({ name, ...c }) => ({ rule: name, ...c })),
    at,
  };
}

/**
 * "Kiểm tra dữ liệu": under the document lock, reads the sheets, runs every rule, then writes only
 * its outputs: the marks (and their record), `Kiểm tra` and the computed `Tình trạng`. It never
 * creates or changes the user's sheets, columns or settings: without `Kiểm tra` it asks for
 * "Thiết lập bảng tính" and writes nothing.
 */
export function runValidation(ss: Spreadsheet, now: Date = new Date()): ValidationResultDto {
  const at = now.toISOString();
  return withDocumentLock(
    () => {
      const reportSheet = findSheet(ss, 'report');
      if (!reportSheet) throw new UserError(MESSAGES.validateNeedsSetup(SHEETS.report.name));
      // Read whole once: row 1 says whether the sheet is the add-in's, the rest is the last report.
      const reportGrid = wholeSheetValues(reportSheet);
      if (!isOwnReportGrid(reportGrid, 'report'))
        throw new UserError(
          MESSAGES.reportSheetNotOurs(
            visibleName(reportSheet.getName()),
            SHEETS.report.name,
            SHEETS.report.columns.map((c) => c.header).join(' | '),
          ),
        );
      const { problems, read, digest, writeStatuses } = collectProblems(ss, now);
      const writeOutputs = (locked: Locked | undefined) =>
        writeAll('kết quả kiểm tra', (batch) => {
          const written = writeMarks(ss, problems, batch, read, locked);
          writeReport(ss, problems, batch, reportSheet, reportGrid);
          const statuses = writeStatuses(batch, locked);
          return {
            ...written,
            statusesLocked: statuses === 'locked',
            sheets: [...(written.sheets ?? []), SHEETS.report.name, ...(statuses === true ? [SHEETS.tasks.name] : [])],
          };
        });
      let marks: ReturnType<typeof writeOutputs>;
      try {
        // Written as if no protection stopped this user: the protections are not looked up (13 calls
        // at the bench) unless Sheets refuses a write.
        marks = writeOutputs(undefined);
      } catch (e) {
        if (!(e instanceof RefusedWriteError || e instanceof RestoredWriteError)) throw e;
        // Refused and put back whole: plan again around the cells this user may not edit (they are
        // reported, not marked). A refusal outside the marks (`Kiểm tra`) fails again, with the same
        // message. A failure Sheets worded otherwise (in the user's language, say) is retried only
        // when some protection does stop this user.
        const locked = lockedAreas(ss);
        if (e instanceof RestoredWriteError && locked.size === 0) throw e;
        marks = writeOutputs(locked);
      }
      // Named one by one, so a failing final flush (withDocumentLock) says which sheets may be changed.
      for (const name of marks.sheets ?? []) noteWritten(`trang "${name}"`);
      const result = boundedResult(problems, at);
      if (marks.skippedProtected > 0) {
        result.message += ` ${marks.skippedProtected} ô được bảo vệ (bạn không có quyền sửa) nên chưa được đánh dấu; các vấn đề ở đó vẫn có trong trang "${SHEETS.report.name}".`;
      }
      if (marks.unclearedProtected?.length) result.message += MESSAGES.marksNotCleared(marks.unclearedProtected);
      if (marks.statusesLocked) {
        const column = SHEETS.tasks.columns.find((c) => c.key === 'computedStatus')?.header ?? '';
        result.message += MESSAGES.statusesProtected(column, SHEETS.tasks.name);
      }
      saveState('validation', { at, errors: result.errors, warnings: result.warnings, digest });
      return result;
      // writeAll flushed the last sheet write; saveState writes a document property only.
    },
    { flushedByAction: true },
  );
}

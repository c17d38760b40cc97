/**
 * The sidebar's overview ("Tổng quan", the "Bắt đầu" checklist), the last validation's problems
 * read back from `Kiểm tra`, and its "go to cell". Each sheet is read once (one getValues).
 */
import { DIGEST_SHEETS, workbookDigest } from '../domain/dataDigest';
import { todayIso } from '../domain/dates';
import { thresholdOf } from '../domain/eligibility';
import { ProblemList, SEVERITY_LABEL } from '../domain/problem';
import {
  readAllocationTable,
  readDelegates,
  readProgress,
  readSettingsWithCells,
  readTasks,
  readUnits,
  UnitIndex,
} from '../domain/records';
import { summarizeProgress } from '../domain/roster/progress';
import { classifyTask, summarizeTasks } from '../domain/roster/tasks';
import { unitWord } from '../domain/settings';
import { locateTable } from '../domain/table';
import { SHEET_ORDER, SHEETS, type SheetKey } from '../domain/template';
import { headerKey } from '../domain/text';
import type { ChecklistStepDto, LastValidationDto, OverviewDto, ProblemDto, Severity } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { readSentUnits } from './intake';
import { UserError } from './lock';
import { loadStates } from './state';
import { findSheet, findSheetByName, readGrid, type Spreadsheet, sheetNameKey, timeZoneOffset } from './workbook';

/** The sheets the overview reads (each once). */
const OVERVIEW_SHEETS = [...new Set<SheetKey>([...DIGEST_SHEETS, 'tasks', 'progress'])];

/** How many problems lastValidation hands to the sidebar (as validateAll does); `Kiểm tra` has them all. */
export const RESTORED_PROBLEM_LIMIT = 300;

export function buildOverview(ss: Spreadsheet, now: Date, documents: OverviewDto['documents'] = []): OverviewDto {
  const states = loadStates();
  const tz = timeZoneOffset(ss, now);
  const today = todayIso(now, tz);
  const grids = {} as Record<SheetKey, ReturnType<typeof readGrid>>;
  for (const key of OVERVIEW_SHEETS) grids[key] = readGrid(ss, key);
  const ignored = new ProblemList();
  const settingProblems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, tz, settingProblems);
  // A setting typed wrong (or the official total left blank) is not "done", and its figure is no fact.
  const settingError = grids.config === null ? undefined : settingProblems.items.find((p) => p.severity === 'error');
  // Its row deleted (no cell): no figure either.
  const totalKnown =
    grids.config !== null &&
    cells.officialTotal !== undefined &&
    !settingProblems.items.some((p) => p.severity === 'error' && p.cell === cells.officialTotal);
  const unitProblems = new ProblemList();
  const units = readUnits(grids.units, unitProblems);
  const index = new UnitIndex(units);
  const { table: allocationTable, rows: allocationRows } = readAllocationTable(grids.allocation, ignored);
  const delegates = readDelegates(grids.delegates, index, new ProblemList(), tz);
  const taskRows = readTasks(grids.tasks, tz, ignored).rows;
  const tasks = summarizeTasks(taskRows, today, settings.dueSoonDays);
  // Overdue and due-soon are counted from the day of the check: a check of an earlier day is out of
  // date as soon as an open task has a deadline, though no cell changed.
  const checkedOn = states.validation?.at ? todayIso(new Date(states.validation.at), tz) : null;
  const outdated =
    checkedOn !== null &&
    checkedOn !== today &&
    taskRows.some(
      (t) => t.data.deadline && !['done', 'cancelled'].includes(classifyTask(t, today, settings.dueSoonDays)),
    );
  // The threshold typed wrong: no form is a fact, and the sentence names its cell instead.
  const threshold = thresholdOf(
    settings.congressThreshold,
    cells.congressThreshold,
    settingProblems.items,
    settings.level,
  );
  const intake = { sent: readSentUnits(ss, index), deadline: settings.submissionDeadline };
  const progress = summarizeProgress(
    units,
    readProgress(grids.progress, index, tz, ignored),
    index,
    grids.config !== null
      ? { level: settings.level, congressThreshold: threshold.threshold, eligibilityError: threshold.error }
      : { level: settings.level },
    today,
    intake,
  );
  const submitted = progress.milestones.find((m) => m.key === 'submitted');
  const missingSheets = SHEET_ORDER.filter((k) => (k in grids ? grids[k] === null : !findSheet(ss, k))).map(
    (k) => SHEETS[k].name,
  );
  const changed = states.validation?.digest !== undefined ? states.validation.digest !== workbookDigest(grids) : false;
  const validated = states.validation !== undefined;
  // The sheet is the fact: official figures in `Phân bổ` are an allocation even when no run of this
  // add-in recorded one (a workbook copied, figures imported or typed); validation checks them.
  const allocated = allocationRows.some((r) => r.data.final !== null);
  // A unit with no DTTS people (0) is valid (allocation gives it 0); a blank population is not.
  const unitsReady =
    units.some((u) => (u.data.dttsPopulation ?? 0) > 0) &&
    units.every((u) => u.data.dttsPopulation !== null) &&
    !unitProblems.items.some((p) => p.severity === 'error');
  const unitsSheet = SHEETS.units.name;
  // The first row to type in: the first empty row under the last record, or under the header (title
  // rows above it kept); never the officer's own total row right under the records.
  const rowToFill = (key: 'units' | 'delegates', last: number | undefined) => {
    const grid = grids[key] ?? [];
    let row = (last ?? locateTable(SHEETS[key], grids[key], new ProblemList()).headerRow) + 1;
    while (row <= grid.length && grid[row - 1]?.some((v) => v !== '' && v !== null && v !== undefined)) row++;
    return row;
  };
  const checklist: ChecklistStepDto[] = [
    { key: 'setup', done: missingSheets.length === 0 },
    {
      key: 'units',
      done: unitsReady,
      count: units.length,
      sheet: unitsSheet,
      cell:
        units.find((u) => u.data.dttsPopulation === null)?.cells.dttsPopulation ??
        `A${rowToFill('units', units[units.length - 1]?.row)}`,
    },
    {
      key: 'settings',
      done: Boolean(settings.province) && settings.year !== null && totalKnown && !settingError,
      sheet: SHEETS.config.name,
      cell:
        (!settings.province
          ? cells.province
          : settings.year === null
            ? cells.year
            : settingError?.cell || cells.officialTotal) ?? 'B2',
    },
    { key: 'allocate', done: allocated, sheet: SHEETS.allocation.name, cell: 'A1' },
    {
      key: 'delegates',
      done: delegates.length > 0,
      count: delegates.length,
      sheet: SHEETS.delegates.name,
      cell: `A${rowToFill('delegates', delegates[delegates.length - 1]?.row)}`,
    },
    {
      key: 'check',
      done: validated && !changed && !outdated && (states.validation?.errors ?? 0) === 0,
      count: states.validation?.errors ?? 0,
    },
    { key: 'documents', done: documents.length > 0, count: documents.length },
  ];
  const configured = grids.config !== null;
  return {
    province: settings.province,
    round: settings.round,
    year: settings.year,
    unitWord: unitWord(settings.level).long,
    allocation: {
      done: allocated,
      // 0 (shown as "—"): the total in `Cấu hình` is blank or unreadable, so there is no figure to show.
      officialTotal: states.allocation?.officialTotal ?? (totalKnown ? settings.officialTotal : 0),
      at: states.allocation?.at ?? null,
      method: states.allocation?.method ?? settings.method,
    },
    validation: {
      errors: states.validation?.errors ?? 0,
      warnings: states.validation?.warnings ?? 0,
      at: states.validation?.at ?? null,
      changed,
      ...(outdated && { outdated }),
    },
    tasks: { overdue: tasks.overdue, dueSoon: tasks.dueSoon, open: tasks.open },
    progress: progress.milestones,
    ...(submitted &&
      units.length > 0 && {
        intake: {
          sent: submitted.reached,
          total: submitted.total,
          late: submitted.late ?? 0,
          deadline: submitted.deadline ?? '',
          missing: submitted.missing,
          sentence: submitted.lateSentence ? `${submitted.sentence}; ${submitted.lateSentence}` : submitted.sentence,
        },
      }),
    documents,
    today,
    configured,
    hasTasks: grids.tasks !== null,
    missingSheets,
    checklist,
    allocationSheet: allocationTable.present,
    ...(progress.eligibility && { eligibility: progress.eligibility }),
    ...(progress.eligibilityError && { eligibilityError: progress.eligibilityError }),
  };
}

const SEVERITY_OF = new Map<string, Severity>(
  (Object.entries(SEVERITY_LABEL) as [Severity, string][]).map(([k, v]) => [headerKey(v), k]),
);

/**
 * The last validation as the sidebar lists it when it opens: the counts saved with it and its first
 * problems read back from `Kiểm tra` (one read), whether it ran from the sidebar or the menu. A
 * `Kiểm tra` that is not the add-in's (other headers) gives no problems.
 */
export function lastValidation(ss: Spreadsheet, limit = RESTORED_PROBLEM_LIMIT): LastValidationDto {
  const saved = loadStates().validation;
  if (!saved) return { at: null, errors: 0, warnings: 0, problems: [] };
  const grid = readGrid(ss, 'report');
  const table = locateTable(SHEETS.report, grid, new ProblemList());
  const c = table.columns;
  const problems: ProblemDto[] = [];
  if (table.present && c.severity !== undefined && c.message !== undefined) {
    for (const row of table.values.slice(table.headerRow)) {
      const severity = SEVERITY_OF.get(headerKey(String(row[c.severity] ?? '')));
      const message = String(row[c.message] ?? '').trim();
      if (!severity || !message) continue;
      const text = (col: number | undefined) => (col === undefined ? '' : String(row[col] ?? '').trim());
      problems.push({
        severity,
        sheet: text(c.sheet),
        cell: text(c.cell),
        message,
        suggestion: text(c.suggestion),
        rule: '',
      });
      // Never more than the run counted: rows typed under them are not the run's problems.
      if (problems.length >= Math.min(limit, saved.errors + saved.warnings)) break;
    }
  }
  const incomplete = problems.length < Math.min(limit, saved.errors + saved.warnings);
  return { at: saved.at, errors: saved.errors, warnings: saved.warnings, problems, ...(incomplete && { incomplete }) };
}

/** Activates a cell so the user sees the problem: the sidebar's "go to cell". */
export function selectRange(ss: Spreadsheet, sheetName: string, cell: string): { sheet: string; cell: string } {
  const sheet = findSheetByName(ss, sheetName);
  if (!sheet) {
    const template = SHEET_ORDER.some((k) => sheetNameKey(SHEETS[k].name) === sheetNameKey(sheetName));
    throw new UserError(`${MESSAGES.sheetMissing} "${sheetName}".${template ? ` ${MESSAGES.runSetupFirst}` : ''}`);
  }
  sheet.activate();
  sheet.getRange(cell).activate();
  return { sheet: sheetName, cell };
}

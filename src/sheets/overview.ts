/** The sidebar's overview ("Tổng quan") and its "go to cell". */
import { ProblemList } from '../domain/problem';
import { readSettings } from '../domain/records';
import { unitWord } from '../domain/settings';
import type { OverviewDto } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { UserError } from './lock';
import { runProgressSummary, runTaskSummary } from './roster';
import { loadStates } from './state';
import { findSheetByName, readGrid, type Spreadsheet, timeZoneOffset } from './workbook';

export function buildOverview(ss: Spreadsheet, now: Date, documents: OverviewDto['documents'] = []): OverviewDto {
  const states = loadStates();
  const settings = readSettings(readGrid(ss, 'config'), timeZoneOffset(ss, now), new ProblemList());
  const tasks = runTaskSummary(ss, now, false);
  const progress = runProgressSummary(ss, now);
  return {
    province: settings.province,
    round: settings.round,
    year: settings.year,
    unitWord: unitWord(settings.level).long,
    allocation: {
      done: Boolean(states.allocation),
      officialTotal: states.allocation?.officialTotal ?? settings.officialTotal,
      at: states.allocation?.at ?? null,
      method: states.allocation?.method ?? settings.method,
    },
    validation: {
      errors: states.validation?.errors ?? 0,
      warnings: states.validation?.warnings ?? 0,
      at: states.validation?.at ?? null,
    },
    tasks: { overdue: tasks.overdue, dueSoon: tasks.dueSoon, open: tasks.open },
    progress: progress.milestones,
    documents,
  };
}

/** Activates a cell so the user sees the problem: the sidebar's "go to cell". */
export function selectRange(ss: Spreadsheet, sheetName: string, cell: string): { sheet: string; cell: string } {
  const sheet = findSheetByName(ss, sheetName);
  if (!sheet) throw new UserError(`${MESSAGES.sheetMissing} "${sheetName}".`);
  sheet.activate();
  sheet.getRange(cell).activate();
  return { sheet: sheetName, cell };
}

/** The sidebar's overview and "go to cell". */
import type { OverviewDto } from '../rpc/contract';
import { MESSAGES } from '../ui/vi';
import { UserError } from './lock';
import { loadStates } from './state';
import type { Spreadsheet } from './workbook';

export function buildOverview(_ss: Spreadsheet, _now: Date): OverviewDto {
  const states = loadStates();
  return {
    province: '',
    round: '',
    year: null,
    unitWord: 'huyện',
    allocation: {
      done: Boolean(states.allocation),
      officialTotal: states.allocation?.officialTotal ?? 0,
      at: states.allocation?.at ?? null,
      method: states.allocation?.method ?? '',
    },
    validation: {
      errors: states.validation?.errors ?? 0,
      warnings: states.validation?.warnings ?? 0,
      at: states.validation?.at ?? null,
    },
    tasks: { overdue: 0, dueSoon: 0, open: 0 },
    progress: [],
    documents: [],
  };
}

/** Activates a cell so the user sees the problem: the sidebar's "go to cell". */
export function selectRange(ss: Spreadsheet, sheetName: string, cell: string): { sheet: string; cell: string } {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new UserError(`${MESSAGES.sheetMissing} "${sheetName}".`);
  sheet.activate();
  sheet.getRange(cell).activate();
  return { sheet: sheetName, cell };
}

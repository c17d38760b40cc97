/**
 * Delegates against the allocation: official delegates registered per unit (thiếu / thừa),
 * provincial-level seats, and guests within their allowed share.
 */

import { CHECK_MESSAGES as M } from '../../ui/vi';
import type { AllocationPlan, AllocationRow } from '../allocation';
import { formatShare } from '../numbers';
import type { ProblemList } from '../problem';
import type { AllocationRecord, DelegateRecord, SettingCells } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { foldKey } from '../text';
import { sheetRowOf } from './allocation';

const ALLOC = SHEETS.allocation.name;
const DELEGATES = SHEETS.delegates.name;

export interface DelegateCheckInput {
  settings: Settings;
  settingCells: SettingCells;
  plan: AllocationPlan;
  sheetRows: readonly AllocationRecord[];
  delegates: readonly DelegateRecord[];
}

function registeredCell(input: DelegateCheckInput, row: AllocationRow): { sheet: string; cell: string } {
  const at = sheetRowOf(input, row.code);
  if (at) return { sheet: ALLOC, cell: at.cells.final ?? at.cells.code ?? '' };
  return { sheet: SHEETS.units.name, cell: row.unit.cells.code ?? '' };
}

/** Per unit: official delegates registered vs `Số chính thức`. */
export function checkDelegateCounts(input: DelegateCheckInput, problems: ProblemList): void {
  if (!input.plan.ok) return;
  for (const row of input.plan.rows) {
    if (row.difference === 0) continue;
    const where = registeredCell(input, row);
    const short = row.difference < 0;
    problems.error(
      short ? 'delegate-count-short' : 'delegate-count-over',
      where.sheet,
      where.cell,
      M.delegateCount(row.name, row.registered, short, Math.abs(row.difference), row.final),
      short ? M.delegateCountShortHint : M.delegateCountOverHint,
    );
  }
}

/** Provincial level: agency delegates and ex-officio delegates vs the fixed seats. */
export function checkProvincialSeats(input: DelegateCheckInput, problems: ProblemList): void {
  const { settings, delegates } = input;
  const agencies = delegates.filter((d) => d.provincial && d.data.kind === 'official').length;
  const exOfficio = delegates.filter((d) => d.data.kind === 'ex-officio').length;
  const pairs: [number, number, string, keyof Settings][] = [
    [agencies, settings.provincialAgencySeats, M.provincialAgencies, 'provincialAgencySeats'],
    [exOfficio, settings.exOfficioSeats, M.exOfficio, 'exOfficioSeats'],
  ];
  for (const [count, seats, label, key] of pairs) {
    if (count === seats || (count === 0 && delegates.length === 0)) continue;
    problems.warning(
      count < seats ? 'provincial-seats-short' : 'provincial-seats-over',
      SHEETS.config.name,
      input.settingCells[key] ?? '',
      M.provincialSeats(count, label, count < seats, Math.abs(count - seats), seats),
      M.provincialSeatsHint(label),
    );
  }
}

/** Guests: at most the allowed share of official delegates, province-wide and per unit. */
export function checkGuestShare(input: DelegateCheckInput, problems: ProblemList): void {
  const { settings, delegates } = input;
  const share = settings.maxGuestShare;
  const guests = delegates.filter((d) => d.data.kind === 'guest');
  const allowed = Math.floor(settings.officialTotal * share + 1e-9);
  if (guests.length > allowed) {
    problems.error(
      'guests-above-share',
      DELEGATES,
      guests[allowed]?.cells.kind ?? '',
      M.guestsAboveShare(guests.length, allowed, formatShare(share), settings.officialTotal),
      M.guestsAboveShareHint,
    );
  }
  if (!input.plan.ok) return;
  const byUnit = new Map<string, DelegateRecord[]>();
  for (const g of guests) {
    const code = g.unitRecord?.data.code;
    if (!code) continue;
    const list = byUnit.get(foldKey(code)) ?? [];
    list.push(g);
    byUnit.set(foldKey(code), list);
  }
  for (const row of input.plan.rows) {
    const list = byUnit.get(foldKey(row.code)) ?? [];
    const unitAllowed = Math.floor(row.final * share + 1e-9);
    if (list.length > unitAllowed) {
      problems.warning(
        'guests-above-share-unit',
        DELEGATES,
        list[unitAllowed]?.cells.kind ?? '',
        M.guestsAboveShareUnit(row.name, list.length, unitAllowed, formatShare(share), row.final),
        M.guestsAboveShareUnitHint,
      );
    }
  }
}

export function checkDelegates(input: DelegateCheckInput, problems: ProblemList): void {
  checkDelegateCounts(input, problems);
  checkProvincialSeats(input, problems);
  checkGuestShare(input, problems);
}

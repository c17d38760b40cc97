/**
 * Delegates against the allocation: official delegates registered per unit (thiếu / thừa),
 * provincial-level seats, and guests within their allowed share.
 */
import type { AllocationPlan, AllocationRow } from '../allocation';
import { formatPercent } from '../numbers';
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
      `"${row.name}" đã đăng ký ${row.registered} đại biểu chính thức, ${short ? 'thiếu' : 'thừa'} ${Math.abs(row.difference)} so với ${row.final} được phân bổ.`,
      short ? 'Bổ sung đại biểu vào trang Đại biểu.' : 'Rà soát, bớt đại biểu hoặc chuyển thành khách mời.',
    );
  }
}

/** Provincial level: agency delegates and ex-officio delegates vs the fixed seats. */
export function checkProvincialSeats(input: DelegateCheckInput, problems: ProblemList): void {
  const { settings, delegates } = input;
  const agencies = delegates.filter((d) => d.provincial && d.data.kind === 'official').length;
  const exOfficio = delegates.filter((d) => d.data.kind === 'ex-officio').length;
  const pairs: [number, number, string, keyof Settings][] = [
    [agencies, settings.provincialAgencySeats, 'đại biểu cơ quan cấp tỉnh', 'provincialAgencySeats'],
    [exOfficio, settings.exOfficioSeats, 'đại biểu đương nhiên', 'exOfficioSeats'],
  ];
  for (const [count, seats, label, key] of pairs) {
    if (count === seats || (count === 0 && delegates.length === 0)) continue;
    problems.warning(
      count < seats ? 'provincial-seats-short' : 'provincial-seats-over',
      SHEETS.config.name,
      input.settingCells[key] ?? '',
      `Đã đăng ký ${count} ${label}, ${count < seats ? 'thiếu' : 'thừa'} ${Math.abs(count - seats)} so với ${seats} ghế.`,
      `Trong trang Đại biểu, ghi "Cấp tỉnh" ở cột Mã đơn vị cho ${label}.`,
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
      `Có ${guests.length} khách mời, vượt mức ${allowed} (${formatPercent(share)} của ${settings.officialTotal} đại biểu chính thức).`,
      'Giảm số khách mời hoặc sửa "Tỷ lệ khách mời tối đa".',
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
        `"${row.name}" có ${list.length} khách mời, vượt mức ${unitAllowed} (${formatPercent(share)} của ${row.final}).`,
        'Giảm số khách mời của đơn vị.',
      );
    }
  }
}

export function checkDelegates(input: DelegateCheckInput, problems: ProblemList): void {
  checkDelegateCounts(input, problems);
  checkProvincialSeats(input, problems);
  checkGuestShare(input, problems);
}

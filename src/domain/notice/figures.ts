/**
 * Before an allocation notice prints `Phân bổ`, its figures are checked by the one set of
 * official-figure rules validation uses (checks/officialFigures.ts): each unit's `Số chính thức` =
 * `Số phân bổ` + `Điều chỉnh`, never negative, and the units' total plus the provincial and ex
 * officio delegates equals the official total in `Cấu hình`. What only a notice needs is added here:
 * a row whose code is not a unit of `Đơn vị`, a unit on two rows, a figure that cannot be read.
 * A negative, unreadable or unknown figure is never printed; a figure typed over by hand, a blank
 * `Số chính thức` or a total that no longer adds up is printed only when the officer confirms
 * (`force`). Messages name the sheet and the cells.
 */

import { officialFigureProblems as figureRuleProblems } from '../checks/officialFigures';
import type { AllocationRecord, SettingCells } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { isTotalLabel } from '../text';

export interface FigureProblem {
  /** Printing it anyway is the officer's call (`force`); false: never printed. */
  forceable: boolean;
  message: string;
}

const PLACES = 6;
const list = (cells: readonly string[]) =>
  cells.length <= PLACES ? cells.join(', ') : `${cells.slice(0, PLACES).join(', ')} và ${cells.length - PLACES} ô khác`;

/** A check's sentence with the cell it is about: "… không thể âm (trang "Phân bổ", ô F3)." */
function at(message: string, sheet: string, cell: string | undefined): string {
  if (!cell) return message;
  const base = message.replace(/\.$/, '');
  return base.endsWith(')') ? `${base}, ở trang "${sheet}", ô ${cell}.` : `${base} (trang "${sheet}", ô ${cell}).`;
}

/** The figure rules no confirmation can override: a negative figure is never printed. */
const NEVER_PRINTED: ReadonlySet<string> = new Set(['official-figure-negative']);

/** The seats a row prints: `Số chính thức`, or `Số phân bổ` + `Điều chỉnh` when it is blank. */
export function printedSeats(r: AllocationRecord): number | null {
  const d = r.data;
  return d.final ?? (d.seats === null ? null : d.seats + (d.adjustment ?? 0));
}

/** A row typed to sum the units ("Tổng cộng", "Cộng:" in `Mã đơn vị`): never printed, never counted. */
export function isTotalRow(r: AllocationRecord): boolean {
  return isTotalLabel(r.data.code ?? '');
}

/** A unit of `Đơn vị` as the notice names it: its row (to tell two codes of one unit) and its name. */
export interface NoticeUnit {
  row: number;
  name: string;
}

/** What is wrong with the figures an allocation notice would print (empty: nothing). */
export function officialFigureProblems(
  rows: readonly AllocationRecord[],
  settings: Settings,
  settingCells: SettingCells,
  fixedSeats: number,
  /** The unit a code stands for in `Đơn vị` (a row of another code is never printed as a unit). */
  unitOf?: (code: string) => NoticeUnit | undefined,
): FigureProblem[] {
  const sheet = SHEETS.allocation.name;
  const problems: FigureProblem[] = [];
  const units = rows.filter((r) => r.data.code && !isTotalRow(r));
  if (unitOf) {
    const unknown = units.filter((r) => unitOf(r.data.code as string) === undefined);
    if (unknown.length) {
      problems.push({
        forceable: false,
        message: `Trang "${sheet}" có mã không thuộc trang "${SHEETS.units.name}" ở ô ${list(unknown.map((r) => `${r.cells.code ?? ''} ("${r.data.code}")`))}: hãy sửa mã hoặc xóa dòng đó.`,
      });
    }
    const seen = new Map<number, AllocationRecord>();
    const twice: string[] = [];
    for (const r of units) {
      const unit = unitOf(r.data.code as string);
      if (unit === undefined) continue;
      const first = seen.get(unit.row);
      if (first) twice.push(`${r.cells.code ?? ''} (trùng ${first.cells.code ?? ''})`);
      else seen.set(unit.row, r);
    }
    if (twice.length) {
      problems.push({
        forceable: false,
        message: `Một đơn vị có hơn một dòng ở trang "${sheet}": ô ${list(twice)}. Hãy xóa dòng trùng rồi chạy lại "Phân bổ đại biểu".`,
      });
    }
  }
  const unreadable = units.filter(
    (r) => r.invalid.has('final') || r.invalid.has('seats') || r.invalid.has('adjustment'),
  );
  if (unreadable.length) {
    const cells = unreadable.flatMap((r) =>
      (['seats', 'adjustment', 'final'] as const).filter((k) => r.invalid.has(k)).map((k) => r.cells[k] ?? ''),
    );
    problems.push({
      forceable: false,
      message: `Trang "${sheet}" có số không đọc được ở ô ${list(cells)}: không thể in số đại biểu.`,
    });
  }
  // The figures themselves: validation's rules, on the rows that could be read.
  const found = figureRuleProblems({
    rows: units.filter((r) => !unreadable.includes(r)),
    officialTotal: settings.officialTotal,
    fixedSeats,
    nameOf: (code) => unitOf?.(code)?.name,
  });
  for (const p of found) {
    const cell = p.cell || undefined;
    problems.push({
      forceable: !NEVER_PRINTED.has(p.rule),
      message: cell ? at(p.message, p.sheet, cell) : at(p.message, SHEETS.config.name, settingCells.officialTotal),
    });
  }
  // Never printed first: the officer reads what blocks the notice before what only needs a yes.
  return [...problems.filter((p) => !p.forceable), ...problems.filter((p) => p.forceable)];
}

/**
 * Before an allocation notice prints `Phân bổ`, its figures are checked the way the allocation made
 * them: each unit's `Số chính thức` = `Số phân bổ` + `Điều chỉnh`, never negative, and the units'
 * total plus the fixed seats equals the official total in `Cấu hình`. A negative or unreadable
 * figure is never printed; a figure typed over by hand or a total that no longer adds up is printed
 * only when the officer confirms (`force`). Messages name the sheet and the cells.
 */
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

/** The seats a row prints: `Số chính thức`, or `Số phân bổ` + `Điều chỉnh` when it is blank. */
export function printedSeats(r: AllocationRecord): number | null {
  const d = r.data;
  return d.final ?? (d.seats === null ? null : d.seats + (d.adjustment ?? 0));
}

/** A row typed to sum the units ("Tổng cộng", "Cộng:" in `Mã đơn vị`): never printed, never counted. */
export function isTotalRow(r: AllocationRecord): boolean {
  return isTotalLabel(r.data.code ?? '');
}

/** What is wrong with the figures an allocation notice would print (empty: nothing). */
export function officialFigureProblems(
  rows: readonly AllocationRecord[],
  settings: Settings,
  settingCells: SettingCells,
  fixedSeats: number,
  /** The unit a code stands for in `Đơn vị` (a row of another code is never printed as a unit). */
  unitOf?: (code: string) => string | undefined,
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
    const seen = new Map<string, AllocationRecord>();
    const twice: string[] = [];
    for (const r of units) {
      const unit = unitOf(r.data.code as string);
      if (unit === undefined) continue;
      const first = seen.get(unit);
      if (first) twice.push(`${r.cells.code ?? ''} (trùng ${first.cells.code ?? ''})`);
      else seen.set(unit, r);
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
  // A negative figure, printed or asked for by `Điều chỉnh` (the allocation then refuses to write it).
  const wanted = (r: AllocationRecord) => (r.data.seats === null ? null : r.data.seats + (r.data.adjustment ?? 0));
  const negative = units.filter((r) => (printedSeats(r) ?? 0) < 0 || (wanted(r) ?? 0) < 0);
  if (negative.length) {
    const what = negative.map((r) =>
      (printedSeats(r) ?? 0) < 0
        ? `${r.cells.final ?? r.cells.adjustment ?? ''} (${printedSeats(r)})`
        : `${r.cells.adjustment ?? ''} (${r.data.seats} + ${r.data.adjustment} = ${wanted(r)})`,
    );
    problems.push({
      forceable: false,
      message: `Số chính thức không thể âm: trang "${sheet}", ô ${list(what)}. Hãy sửa cột "Điều chỉnh" rồi chạy lại "Phân bổ đại biểu".`,
    });
  }
  const typedOver = units.filter(
    (r) => !negative.includes(r) && r.data.final !== null && r.data.seats !== null && r.data.final !== wanted(r),
  );
  if (typedOver.length) {
    const what = typedOver.map(
      (r) => `${r.cells.final ?? ''} (${r.data.final}, khác ${r.data.seats} + ${r.data.adjustment ?? 0})`,
    );
    problems.push({
      forceable: true,
      message: `Số chính thức ở trang "${sheet}" không bằng Số phân bổ + Điều chỉnh: ô ${list(what)}.`,
    });
  }
  const total = units.reduce((a, r) => a + (printedSeats(r) ?? 0), 0);
  if (units.length && total + fixedSeats !== settings.officialTotal) {
    const where = settingCells.officialTotal ? ` (trang "${SHEETS.config.name}", ô ${settingCells.officialTotal})` : '';
    problems.push({
      forceable: true,
      message:
        `Tổng số chính thức của các đơn vị (${total}) cộng ${fixedSeats} ghế cố định bằng ${total + fixedSeats}, ` +
        `khác Tổng số đại biểu chính thức ${settings.officialTotal}${where}.`,
    });
  }
  return problems;
}

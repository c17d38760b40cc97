/**
 * The delegates the delegate documents print (Giấy mời, Danh sách đại biểu), read from `Đại biểu`:
 * every printed row checked first, so a document never prints a delegate whose cells could not be
 * read (a type, a unit or a gender the add-in does not recognise) or silently leaves one out.
 */
import { DELEGATE_DOCUMENT_MESSAGES as M } from '../../ui/vi';
import { planAllocation } from '../allocation';
import { checkDelegateCounts } from '../checks/delegates';
import { ethnicDisplayName } from '../ethnic';
import { ProblemList } from '../problem';
import type { AllocationRecord, DelegateRecord, SettingCells, UnitIndex, UnitRecord } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { isTotalLabel, personNameKey } from '../text';
import type { DelegateKind, Gender } from '../values';
import { NoticeDataError } from './conclusion';

export interface PrintedDelegate {
  /** 1-based row of `Đại biểu`. */
  row: number;
  name: string;
  kind: DelegateKind;
  gender: Gender | null;
  birthYear: number | null;
  ethnic: string;
  position: string;
  /** Unit name as users read it ("Cao Lộc"); "Cấp tỉnh" for the province's own seats. */
  unit: string;
  /** Order of the unit in `Đơn vị` (provincial seats last). */
  unitOrder: number;
}

/** The cells that say who a delegate is: a row with none of them is no delegate (STT and note aside). */
const DELEGATE_FIELDS = ['name', 'unit', 'ethnic', 'gender', 'birthYear', 'category', 'kind', 'position'] as const;

/** The columns a delegate document prints, by record key, with their headers for messages. */
type Field = 'name' | 'unit' | 'kind' | 'gender' | 'birthYear' | 'ethnic' | 'position';

/**
 * The delegates of `kinds`, in sheet order, with their unit resolved. Refuses (NoticeDataError)
 * naming the cells when a row's type cannot be read, or when a printed row has a cell that could
 * not be read in `fields` or an unknown unit; and when no delegate is left.
 */
export function printedDelegates(
  records: readonly DelegateRecord[],
  index: UnitIndex,
  kinds: ReadonlySet<DelegateKind>,
  fields: readonly Field[],
  what: string,
): PrintedDelegate[] {
  const sheet = SHEETS.delegates.name;
  const bad: string[] = [];
  const out: PrintedDelegate[] = [];
  const order = new Map(index.units.map((u, i) => [u.row, i]));
  for (const r of records) {
    // A row numbered ahead (STT, or an own note) and nothing else is no delegate.
    if (DELEGATE_FIELDS.every((f) => (r.data[f] ?? '') === '' && !r.invalid.has(f))) continue;
    // The officer's own "Tổng cộng: 250" line under the list: no type, no unit, a total label.
    const label = r.data.name ?? r.data.unit ?? '';
    if (!r.data.kind && !r.invalid.has('kind') && !r.unitRecord && isTotalLabel(label)) continue;
    if (r.invalid.has('kind') || !r.data.kind) {
      // A row whose type is unreadable or blank could be one of the printed delegates.
      bad.push(
        M.cell(r.cells.kind ?? `dòng ${r.row}`, r.invalid.has('kind') ? 'loại đại biểu' : 'loại đại biểu trống'),
      );
      continue;
    }
    if (!kinds.has(r.data.kind)) continue;
    for (const f of fields) {
      if (r.invalid.has(f)) bad.push(M.cell(r.cells[f] ?? `dòng ${r.row}`, M.fieldNames[f]));
    }
    if (!r.data.name?.trim()) bad.push(M.cell(r.cells.name ?? `dòng ${r.row}`, 'họ và tên trống'));
    if (!r.provincial && !r.unitRecord && !r.invalid.has('unit'))
      bad.push(
        M.cell(r.cells.unit ?? `dòng ${r.row}`, r.data.unit?.trim() ? M.unknownUnit(r.data.unit) : 'mã đơn vị trống'),
      );
    out.push({
      row: r.row,
      // Printed composed (NFC) even when pasted decomposed from Word, so the Doc can be searched.
      name: (r.data.name ?? '').normalize('NFC').trim(),
      kind: r.data.kind,
      gender: r.data.gender ?? null,
      birthYear: r.data.birthYear ?? null,
      ethnic: r.data.ethnic ? ethnicDisplayName(r.data.ethnic) : '',
      position: (r.data.position ?? '').normalize('NFC').trim(),
      unit: r.provincial ? M.provincial : (r.unitRecord?.data.name ?? r.unitRecord?.data.code ?? r.data.unit ?? ''),
      unitOrder: r.provincial || !r.unitRecord ? Number.MAX_SAFE_INTEGER : (order.get(r.unitRecord.row) ?? 0),
    });
  }
  if (bad.length) throw new NoticeDataError(M.unreadable(sheet, what, bad));
  if (out.length === 0) throw new NoticeDataError(M.noDelegates(sheet, what));
  return out;
}

/**
 * Once `Phân bổ` holds the allocation: each unit whose official delegates in `Đại biểu` differ from
 * its `Số chính thức` (the error "Kiểm tra dữ liệu" reports), as sentences naming the unit and the
 * cell. The delegate list prints a count per unit, so they are checks before generating it (refused
 * unless confirmed). Nothing before the first allocation.
 */
export function delegateCountChecks(
  settings: Settings,
  cells: SettingCells,
  units: readonly UnitRecord[],
  allocation: readonly AllocationRecord[],
  delegates: readonly DelegateRecord[],
): string[] {
  if (!allocation.some((r) => r.data.final !== null || r.data.seats !== null)) return [];
  const ignored = new ProblemList();
  const plan = planAllocation(settings, cells, units, allocation, delegates, ignored);
  const counts = new ProblemList();
  checkDelegateCounts({ settings, settingCells: cells, plan, sheetRows: allocation, delegates }, counts);
  return counts.items.map((p) => M.countOff(p.message, p.sheet, p.cell));
}

/**
 * Printed delegates with the same name and birth year as an earlier one (the warning
 * "delegate-duplicate" of "Kiểm tra dữ liệu"): the list would print one person twice and count them
 * twice. Namesakes exist, so these are checks before generating (made once confirmed).
 */
export function duplicateChecks(delegates: readonly Pick<PrintedDelegate, 'row' | 'name' | 'birthYear'>[]): string[] {
  const first = new Map<string, number>();
  const out: string[] = [];
  for (const d of [...delegates].sort((a, b) => a.row - b.row)) {
    if (d.birthYear === null) continue;
    const key = `${personNameKey(d.name)}\u0000${d.birthYear}`;
    const row = first.get(key);
    if (row === undefined) first.set(key, d.row);
    else out.push(M.duplicate(SHEETS.delegates.name, d.row, d.name, d.birthYear, row));
  }
  return out;
}

/**
 * What a submission would change in `Đại biểu`: the unit's rows now against the rows sent back.
 *
 * Matching: a returned row is the same delegate as a row of the sheet when the name and the birth year
 * agree under foldKey (Unicode form, case, spacing and tone placement ignored); rows left unmatched
 * are then paired by name alone when exactly one row on each side carries that name (a corrected
 * birth year is a change, not a removal plus an addition). Anything still unmatched is added or removed.
 */
import type { SubmissionRow } from '../../rpc/contract';
import { dataDigest } from '../dataDigest';
import type { ZoneOffset } from '../dates';
import type { UnitIndex, UnitRecord } from '../records';
import type { Table } from '../table';
import { foldKey } from '../text';
import { type CellValue, cellText, isBlank } from '../values';
import { intakeColumns, type NormalisedCell, normaliseCell, rowIdentity, type SubmittedRow } from './submission';

/** A row of the unit in `Đại biểu`. */
export interface SheetRow {
  /** 1-based row of the sheet. */
  sheetRow: number;
  cells: Record<string, NormalisedCell>;
  /** The row as read (every column), for the digest. */
  raw: CellValue[];
}

/** The unit's rows of `Đại biểu` (a row is the unit's when its `Mã đơn vị` names it by code or name). */
export function unitRows(table: Table, unit: UnitRecord, index: UnitIndex, zone: ZoneOffset): SheetRow[] {
  const unitCol = table.columns.unit;
  if (!table.present || unitCol === undefined) return [];
  const cols = intakeColumns().filter((c) => table.columns[c.key] !== undefined && c.key !== 'unit');
  const out: SheetRow[] = [];
  for (let r = table.headerRow; r < table.values.length; r++) {
    const row = table.values[r] as CellValue[];
    const unitCell = row[unitCol];
    if (isBlank(unitCell) || index.resolve(cellText(unitCell, zone)) !== unit) continue;
    const cells: Record<string, NormalisedCell> = {};
    for (const c of cols) {
      const n = normaliseCell(c, row[table.columns[c.key] as number], zone);
      if (n) cells[c.key] = n;
    }
    out.push({ sheetRow: r + 1, cells, raw: row });
  }
  return out;
}

export interface Pairing {
  /** Submitted row → the sheet row it updates. */
  matched: { sheet: SheetRow; submitted: SubmittedRow; keys: string[] }[];
  added: SubmittedRow[];
  removed: SheetRow[];
}

const displayOf = (cells: Record<string, NormalisedCell>, key: string) => cells[key]?.display ?? '';

/**
 * Pairs the submission with the sheet. `keys`: the template keys the file has (only these are
 * compared and written; a column the file does not have keeps the sheet's values).
 */
export function pairRows(
  sheet: readonly SheetRow[],
  submitted: readonly SubmittedRow[],
  keys: readonly string[],
): Pairing {
  const compared = keys.filter((k) => k !== 'unit' && k !== 'index');
  const free = new Map<string, SheetRow[]>();
  for (const s of sheet) {
    const id = rowIdentity(displayOf(s.cells, 'name'), displayOf(s.cells, 'birthYear'));
    free.set(id, [...(free.get(id) ?? []), s]);
  }
  const used = new Set<SheetRow>();
  const pairs = new Map<SubmittedRow, SheetRow>();
  for (const row of submitted) {
    const list = free.get(rowIdentity(displayOf(row.cells, 'name'), displayOf(row.cells, 'birthYear')));
    const hit = list?.find((s) => !used.has(s));
    if (hit) {
      used.add(hit);
      pairs.set(row, hit);
    }
  }
  // Second pass: by name alone, one to one.
  const byName = (rows: readonly { cells: Record<string, NormalisedCell> }[]) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = foldKey(displayOf(r.cells, 'name'));
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const leftSheet = sheet.filter((s) => !used.has(s));
  const leftSubmitted = submitted.filter((r) => !pairs.has(r));
  const sheetNames = byName(leftSheet);
  const submittedNames = byName(leftSubmitted);
  for (const row of leftSubmitted) {
    const k = foldKey(displayOf(row.cells, 'name'));
    if (sheetNames.get(k) !== 1 || submittedNames.get(k) !== 1) continue;
    const hit = leftSheet.find((s) => !used.has(s) && foldKey(displayOf(s.cells, 'name')) === k);
    if (hit) {
      used.add(hit);
      pairs.set(row, hit);
    }
  }
  const matched: Pairing['matched'] = [];
  const added: SubmittedRow[] = [];
  for (const row of submitted) {
    const hit = pairs.get(row);
    if (!hit) {
      added.push(row);
      continue;
    }
    const changedKeys = compared.filter((k) => displayOf(row.cells, k) !== displayOf(hit.cells, k));
    matched.push({ sheet: hit, submitted: row, keys: changedKeys });
  }
  const removed = sheet.filter((s) => !used.has(s));
  return { matched, added, removed };
}

/** A row for the DTO: display text by key. */
export function rowDto(
  cells: Record<string, NormalisedCell>,
  where: { sourceRow?: number; sheetRow?: number },
): SubmissionRow {
  const values: Record<string, string> = {};
  for (const [k, c] of Object.entries(cells)) values[k] = c.display;
  return { sourceRow: where.sourceRow ?? 0, ...(where.sheetRow !== undefined && { sheetRow: where.sheetRow }), values };
}

/**
 * The digest a replace is tied to: the unit's rows of the sheet as read, in their order, and the
 * submission as sent. Any change to either makes a preview stale. Their places are not in it: another
 * unit's list taken meanwhile moves them without changing what the officer approved, and the replace
 * reads the rows again under the lock, so it writes where they are now.
 */
export function submissionDigest(
  rows: readonly SheetRow[],
  table: readonly (readonly unknown[])[],
  unitCode: string,
): string {
  const sheetGrid = rows.map((r) => [...r.raw]) as CellValue[][];
  const fileGrid = table.map((row) => row.map((c) => (c === null ? '' : c))) as CellValue[][];
  return dataDigest([[[unitCode]], sheetGrid, fileGrid]);
}

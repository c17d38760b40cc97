/**
 * Pure parts of the guarded re-allocation: the preview (old → new per unit), the digest that ties a
 * confirmation to the data it was shown, and the record of the previous allocation (the add-in's own
 * cells of `Phân bổ`, per unit code) as it is stored in the add-in's hidden sheet.
 */
import type { AllocationPreviewDto, AllocationPreviewRowDto } from '../rpc/contract';
import type { CellValue } from './values';

/** One cell the add-in owns in `Phân bổ`, as it was: value, formula ('' when none), number format. */
export interface OwnedCell {
  value: CellValue;
  formula: string;
  format: string;
}

/** The owned cells of one unit row before a write, keyed by column key (`code`, `seats`, …). */
export interface UnitSnapshot {
  /** The unit's code as text (what the row holds after the write, so the row is found again by it). */
  code: string;
  /** The unit's name, for messages naming what could not be restored. */
  name: string;
  /** Its row in `Phân bổ` when kept (information for whoever opens the hidden sheet). */
  row?: number;
  /** The row had nothing of the add-in's before (a new unit): undo blanks its owned cells. */
  added: boolean;
  cells: Record<string, OwnedCell>;
}

/** What was used for the allocation being kept. */
export interface HistoryMeta {
  /** ISO time of the write that replaced it. */
  replacedAt: string;
  /** Method of the kept allocation, when known ('' otherwise). */
  method: string;
  /** Method of the allocation that replaced it. */
  replacedBy: string;
  /**
   * Names this record ('' in records written before it existed): an undo asked about one record
   * (the menu's dialog, the sidebar's button) never restores another one written meanwhile.
   */
  id: string;
}

type Encoded = { t: 's' | 'n' | 'b' | 'd'; v: string | number | boolean };

function encodeValue(v: CellValue): Encoded {
  if (v instanceof Date) return { t: 'd', v: v.getTime() };
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  return { t: 's', v: String(v) };
}

function decodeValue(e: unknown): CellValue | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const { t, v } = e as Encoded;
  if (t === 'd' && typeof v === 'number') return new Date(v);
  if (t === 'n' && typeof v === 'number') return v;
  if (t === 'b' && typeof v === 'boolean') return v;
  if (t === 's' && typeof v === 'string') return v;
  return undefined;
}

/** A unit's snapshot as one JSON text (stored in one cell, formatted as plain text). */
export function encodeSnapshot(s: UnitSnapshot): string {
  const cells: Record<string, [Encoded, string, string]> = {};
  for (const [key, c] of Object.entries(s.cells)) cells[key] = [encodeValue(c.value), c.formula, c.format];
  return JSON.stringify({ name: s.name, added: s.added, cells });
}

/** Reads a stored snapshot back; null when the text is damaged (the row is then reported, never guessed). */
export function decodeSnapshot(code: string, text: string): UnitSnapshot | null {
  try {
    const raw = JSON.parse(text) as { name?: unknown; added?: unknown; cells?: unknown };
    if (!raw || typeof raw !== 'object' || !raw.cells || typeof raw.cells !== 'object') return null;
    const cells: Record<string, OwnedCell> = {};
    for (const [key, c] of Object.entries(raw.cells as Record<string, unknown>)) {
      if (!Array.isArray(c) || c.length !== 3) return null;
      const value = decodeValue(c[0]);
      if (value === undefined || typeof c[1] !== 'string' || typeof c[2] !== 'string') return null;
      cells[key] = { value, formula: c[1], format: c[2] };
    }
    return { code, name: typeof raw.name === 'string' ? raw.name : code, added: raw.added === true, cells };
  } catch {
    return null;
  }
}

export function encodeMeta(m: HistoryMeta): string {
  return JSON.stringify(m);
}

export function decodeMeta(text: string): HistoryMeta | null {
  try {
    const m = JSON.parse(text) as Partial<HistoryMeta>;
    if (typeof m?.replacedAt !== 'string') return null;
    return {
      replacedAt: m.replacedAt,
      method: typeof m.method === 'string' ? m.method : '',
      replacedBy: typeof m.replacedBy === 'string' ? m.replacedBy : '',
      id: typeof m.id === 'string' ? m.id : '',
    };
  } catch {
    return null;
  }
}

/**
 * A short digest of a JSON-able value (two 32-bit FNV-1a hashes over its JSON text): the preview's
 * data and the write's must give the same digest, so a change in between is noticed.
 */
export function digestOf(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (v instanceof Date ? `D${v.getTime()}` : v));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * A figure read from a cell of `Phân bổ`: a number, or a whole number kept as text (a sheet formatted
 * as plain text, figures typed or pasted from last congress's file: an allocation all the same, to be
 * previewed, confirmed and kept); null when the cell holds none.
 */
export function figureOf(v: unknown): number | null {
  if (typeof v === 'string' && /^\s*[+-]?\d{1,9}\s*$/.test(v)) return Number(v.trim());
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** One unit of the plan with the figures its row holds now. */
export interface PreviewInput {
  code: string;
  name: string;
  newSeats: number;
  newFinal: number;
  /** The row's current Số phân bổ / Số chính thức (null: blank, text, or no row yet). */
  oldSeats: number | null;
  oldFinal: number | null;
}

/**
 * Old → new per unit (by name), totals, and whether the officer must confirm: only when an
 * existing allocation's figures would change (a first allocation, or one that only fills new
 * units' rows, needs no confirmation).
 */
export function buildPreview(
  inputs: readonly PreviewInput[],
  methods: { before: string; beforeName: string; after: string; afterName: string },
  digest: string,
): AllocationPreviewDto {
  const rows: AllocationPreviewRowDto[] = inputs.map((r) => ({
    code: r.code,
    name: r.name,
    oldSeats: r.oldSeats,
    newSeats: r.newSeats,
    oldFinal: r.oldFinal,
    newFinal: r.newFinal,
    changed: r.oldSeats !== r.newSeats || r.oldFinal !== r.newFinal,
  }));
  const existing = inputs.some((r) => r.oldSeats !== null || r.oldFinal !== null);
  const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const changed = rows.filter((r) => r.changed).length;
  return {
    digest,
    existing,
    needsConfirmation: existing && rows.some((r) => r.changed && (r.oldSeats !== null || r.oldFinal !== null)),
    changed,
    rows,
    oldTotal: sum(rows.map((r) => r.oldFinal)),
    newTotal: sum(rows.map((r) => r.newFinal)),
    methodBefore: methods.before,
    methodBeforeName: methods.beforeName,
    methodAfter: methods.after,
    methodAfterName: methods.afterName,
  };
}

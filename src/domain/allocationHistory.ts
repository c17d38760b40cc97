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
  /**
   * What the allocation that replaced these cells wrote into each of them (absent in records written
   * before it was kept): a cell that holds something else at undo time was typed by an officer since,
   * and is never replaced without being named and confirmed.
   */
  wrote?: Record<string, CellValue>;
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
  if (!s.wrote) return JSON.stringify({ name: s.name, added: s.added, cells });
  const w: Record<string, Encoded> = {};
  for (const [key, v] of Object.entries(s.wrote)) w[key] = encodeValue(v);
  return JSON.stringify({ name: s.name, added: s.added, cells, w });
}

/** Reads a stored snapshot back; null when the text is damaged (the row is then reported, never guessed). */
export function decodeSnapshot(code: string, text: string): UnitSnapshot | null {
  try {
    const raw = JSON.parse(text) as { name?: unknown; added?: unknown; cells?: unknown; w?: unknown };
    if (!raw || typeof raw !== 'object' || !raw.cells || typeof raw.cells !== 'object') return null;
    const cells: Record<string, OwnedCell> = {};
    for (const [key, c] of Object.entries(raw.cells as Record<string, unknown>)) {
      if (!Array.isArray(c) || c.length !== 3) return null;
      const value = decodeValue(c[0]);
      if (value === undefined || typeof c[1] !== 'string' || typeof c[2] !== 'string') return null;
      cells[key] = { value, formula: c[1], format: c[2] };
    }
    const unit: UnitSnapshot = {
      code,
      name: typeof raw.name === 'string' ? raw.name : code,
      added: raw.added === true,
      cells,
    };
    if (raw.w === undefined) return unit;
    if (!raw.w || typeof raw.w !== 'object' || Array.isArray(raw.w)) return null;
    const wrote: Record<string, CellValue> = {};
    for (const [key, e] of Object.entries(raw.w as Record<string, unknown>)) {
      const value = decodeValue(e);
      if (value === undefined) return null;
      wrote[key] = value;
    }
    return { ...unit, wrote };
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

/** A cell as undo compares it: its formula ('' when none) and value. */
export interface CellContent {
  value: unknown;
  formula: string;
}

/** A value as text for comparing (a date by its instant): 7 and "7" hold the same figure. */
const comparable = (v: unknown) =>
  v instanceof Date ? `D${v.getTime()}` : v === null || v === undefined ? '' : String(v);

/**
 * Whether a cell holds what `target` puts there: the same formula, or no formula and the same value
 * (compared as text, so a figure kept as text in a plain-text cell is the figure).
 */
export function holds(cell: CellContent, target: CellContent): boolean {
  if (cell.formula !== '' || target.formula !== '') return cell.formula === target.formula;
  return comparable(cell.value) === comparable(target.value);
}

/**
 * An owned cell an officer typed into after the re-allocation: it holds neither what the
 * re-allocation wrote nor what the undo would write (either way nothing of theirs would be lost).
 * A formula is always typed: the allocation writes values only.
 */
export function typedSince(now: CellContent, wrote: unknown, restored: CellContent): boolean {
  return !holds(now, { value: wrote, formula: '' }) && !holds(now, restored);
}

/** Characters of a cell's text shown in a question (a long "Cách tính" is cut, saying so with "…"). */
const SHOWN_MAX = 80;

/**
 * How a cell's content is shown to the officer: its formula, its text (cut at SHOWN_MAX), a date as
 * `dateText` writes it, or `blank` when there is nothing.
 */
export function shownContent(cell: CellContent, blank: string, dateText: (d: Date) => string): string {
  const v = cell.value;
  const text =
    cell.formula !== ''
      ? cell.formula
      : v instanceof Date
        ? dateText(v)
        : v === null || v === undefined
          ? ''
          : String(v);
  if (text === '') return blank;
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
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

/**
 * Problem marks in the cells: a background colour and a note. Marks are recognised by a marker in
 * the note, so the next run clears exactly the add-in's marks and nothing of the user's: a user's
 * own note is kept above the marker, and a user's own background colour is never replaced.
 */
import { SEVERITY_LABEL, type Severity } from './problem';

export const MARK_MARKER = '⚑ Trợ lý Đại hội DTTS';
export const MARK_COLORS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2' };
/** What getBackgrounds returns for a cell without fill. */
export const NO_FILL = '#ffffff';

export interface CellMark {
  /** 0-based row and column inside the grid. */
  row: number;
  col: number;
  severity: Severity;
  message: string;
}

const OUR_COLORS = new Set(Object.values(MARK_COLORS));

function stripMark(note: string): { user: string; hadMark: boolean } {
  const at = note.indexOf(MARK_MARKER);
  if (at < 0) return { user: note, hadMark: false };
  return { user: note.slice(0, at).replace(/\s+$/, ''), hadMark: true };
}

/**
 * Returns the new backgrounds and notes of a grid: last run's marks removed, these marks added.
 * `changed` is false when writing would change nothing (so the caller can skip the write).
 */
export function applyMarks(
  backgrounds: readonly (readonly string[])[],
  notes: readonly (readonly string[])[],
  marks: readonly CellMark[],
): { backgrounds: string[][]; notes: string[][]; changed: boolean } {
  const bg = backgrounds.map((r) => [...r]);
  const nt = notes.map((r) => [...r]);
  let changed = false;
  for (let r = 0; r < nt.length; r++) {
    const row = nt[r] as string[];
    for (let c = 0; c < row.length; c++) {
      const { user, hadMark } = stripMark(row[c] ?? '');
      if (!hadMark) continue;
      row[c] = user;
      const bgRow = bg[r] as string[];
      if (OUR_COLORS.has((bgRow[c] ?? '').toLowerCase())) bgRow[c] = NO_FILL;
      changed = true;
    }
  }
  const byCell = new Map<string, CellMark[]>();
  for (const m of marks) {
    if (m.row < 0 || m.col < 0 || m.row >= nt.length || m.col >= (nt[m.row]?.length ?? 0)) continue;
    const key = `${m.row}:${m.col}`;
    const list = byCell.get(key) ?? [];
    list.push(m);
    byCell.set(key, list);
  }
  for (const list of byCell.values()) {
    const { row, col } = list[0] as CellMark;
    const severity: Severity = list.some((m) => m.severity === 'error') ? 'error' : 'warning';
    const text = [MARK_MARKER, ...list.map((m) => `${SEVERITY_LABEL[m.severity]}: ${m.message}`)].join('\n');
    const noteRow = nt[row] as string[];
    const user = noteRow[col] ?? '';
    noteRow[col] = user ? `${user}\n\n${text}` : text;
    const bgRow = bg[row] as string[];
    const current = (bgRow[col] ?? NO_FILL).toLowerCase();
    if (current === NO_FILL || current === '') bgRow[col] = MARK_COLORS[severity];
    changed = true;
  }
  if (!changed) return { backgrounds: bg, notes: nt, changed };
  const same =
    bg.every((r, i) => r.every((v, j) => v === backgrounds[i]?.[j])) &&
    nt.every((r, i) => r.every((v, j) => v === notes[i]?.[j]));
  return { backgrounds: bg, notes: nt, changed: !same };
}

/** Parses "B12" into 0-based row and column (null when it is not a single-cell A1 reference). */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Text written into a cell as text, never as a formula (=, +, -, @ get Sheets' apostrophe). */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

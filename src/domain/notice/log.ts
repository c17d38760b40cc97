/**
 * The `Văn bản` sheet: one row per document made (kind, number, day, summary, link, data digest,
 * who, when, who it is shared with). Read to find numbers already given and documents already made
 * from the same data.
 *
 * Every cell of a log row is written as text, into cells formatted as plain text ("@"): Sheets reads
 * a string written with setValues like typed input, so a digest such as "1234e567…" or "0123…" would
 * otherwise come back as a number, and "01/12" as a date. The day is "dd/mm/yyyy" and the time
 * "yyyy-mm-dd hh:mm:ss" (the spreadsheet's zone), both readable and read back here.
 *
 * A Doc whose rendering did not finish is logged with its number and link and a summary starting
 * "[CHƯA HOÀN THÀNH] ": the next attempt on the same data completes that Doc instead of making another.
 */
import type { DocumentDto } from '../../rpc/contract';
import { type IsoDate, parseVnDate } from '../dates';
import { ProblemList } from '../problem';
import type { Grid } from '../records';
import { cellSchema, locateTable, readRecords, type Table } from '../table';
import { SHEETS } from '../template';
import { foldKey, truncate } from '../text';
import { cellText, isBlank, isDate } from '../values';
import { INCOMPLETE_PREFIX } from './nd30';

/** A cell holds at most 50,000 characters (Google Sheets' limit; the runtime enforces it too). */
export const CELL_MAX_CHARS = 50000;
/** The summary kept in the log: the Doc holds the whole text. */
export const LOG_SUMMARY_MAX_CHARS = 1000;

export interface LogEntry {
  row: number;
  kind: string;
  number: string;
  date: IsoDate | null;
  /** The summary, without the unfinished marker. */
  title: string;
  url: string;
  digest: string;
  user: string;
  /** ISO timestamp. */
  createdAt: string | null;
  /** Who can open the Doc besides its owner ('' when nobody, or unknown for old rows). */
  sharedWith: string;
  /** The Doc was created but its rendering did not finish. */
  unfinished: boolean;
  /** A draft: no number yet (its `Số` cell is "Dự thảo: /TB-BCĐ"). */
  draft: boolean;
  /** The number was voided ("05/TB-BCĐ (đã hủy: …)", or annotated so by hand). */
  voided: boolean;
}

/** What a draft's `Số` cell holds: "Dự thảo: /TB-BCĐ" (the symbol its Doc prints, for issuing it). */
export const DRAFT_LABEL = 'Dự thảo';
export const draftCell = (symbol: string): string => `${DRAFT_LABEL}: /${symbol}`;
/** The symbol of a draft's `Số` cell, or null when the cell is not a draft's. */
export function draftSymbol(cell: string): string | null {
  const m = /^dự thảo\s*:?\s*\/\s*(\S(?:.*\S)?)\s*$/iu.exec(cell.normalize('NFC').trim());
  return m ? (m[1] as string) : null;
}
/** A `Số` cell whose number was voided: "05/TB-BCĐ (đã hủy: …)", "Hủy số 05/TB-BCĐ", "… thu hồi". */
export const isVoidedCell = (cell: string): boolean => {
  const k = foldKey(cell);
  return k.includes(foldKey('hủy')) || k.includes(foldKey('thu hồi'));
};
/** The `Số` cell of a voided number, its reason kept: "05/TB-BCĐ (đã hủy: ghi sai ngày)". */
export const voidedCell = (number: string, reason: string): string =>
  `${number} (đã hủy: ${reason.replace(/\s+/g, ' ').trim()})`;

const text = cellSchema<string>((v) => ({ ok: true, value: isBlank(v) ? '' : cellText(v) }));
const STAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2024-01-05 09:00:00" (local time of the spreadsheet) ⇄ the instant. */
export function formatStamp(d: Date, tzOffsetMinutes: number): string {
  const local = new Date(d.getTime() + tzOffsetMinutes * 60000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
function parseStamp(s: string, tzOffsetMinutes: number): string | null {
  const m = STAMP_RE.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m.map(Number) as number[];
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, se ?? 0) - tzOffsetMinutes * 60000;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Reads the log (never throws; a missing sheet is an empty log). */
export function readDocumentLog(grid: Grid, tzOffsetMinutes: number): { table: Table; entries: LogEntry[] } {
  const problems = new ProblemList();
  const table = locateTable(SHEETS.documents, grid, problems);
  const date = cellSchema<string>((v) => {
    const r = parseVnDate(v, tzOffsetMinutes);
    return r.ok ? { ok: true, value: r.value as string } : { ok: true, value: null as unknown as string };
  });
  const stamp = cellSchema<string>((v) => {
    if (isBlank(v)) return { ok: true, value: null as unknown as string };
    if (isDate(v)) return { ok: true, value: v.toISOString() };
    const t = cellText(v);
    return { ok: true, value: parseStamp(t, tzOffsetMinutes) ?? t };
  });
  const shape = {
    kind: text,
    number: text,
    date,
    title: text,
    url: text,
    digest: text,
    user: text,
    createdAt: stamp,
    sharedWith: text,
  };
  const entries = readRecords(table, shape, problems).map(({ row, data: d }): LogEntry => {
    const title = d.title ?? '';
    const unfinished = title.startsWith(INCOMPLETE_PREFIX.trim());
    return {
      row,
      kind: d.kind ?? '',
      number: d.number ?? '',
      date: d.date,
      title: unfinished ? title.slice(INCOMPLETE_PREFIX.trim().length).trim() : title,
      url: d.url ?? '',
      digest: d.digest ?? '',
      user: d.user ?? '',
      createdAt: d.createdAt,
      sharedWith: d.sharedWith ?? '',
      unfinished,
      draft: draftSymbol(d.number ?? '') !== null,
      voided: isVoidedCell(d.number ?? ''),
    };
  });
  return { table, entries };
}

/** The newest complete document made from the same data, if any. */
export function findByDigest(entries: readonly LogEntry[], digest: string): LogEntry | undefined {
  return [...entries].reverse().find((e) => e.digest === digest && e.url && !e.unfinished && !e.voided);
}

/** The Doc of the same data whose rendering did not finish, if any (the one to complete). */
export function findUnfinished(entries: readonly LogEntry[], digest: string): LogEntry | undefined {
  return [...entries].reverse().find((e) => e.digest === digest && e.url && e.unfinished && !e.voided);
}

export function toDocumentDto(e: LogEntry): DocumentDto {
  return {
    kind: e.kind,
    number: e.number,
    date: e.date ?? '',
    title: e.unfinished ? INCOMPLETE_PREFIX + e.title : e.title,
    url: e.url,
    createdAt: e.createdAt ?? '',
    sharedWith: e.sharedWith,
    ...(e.draft ? { draft: true } : {}),
    ...(e.voided ? { voided: true } : {}),
  };
}

/** The log, newest first (by creation time, then by row). */
export function listDocumentsOf(entries: readonly LogEntry[]): DocumentDto[] {
  return [...entries]
    .filter((e) => e.url || e.number)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.row - a.row)
    .map(toDocumentDto);
}

export interface NewLogRow {
  kind: string;
  number: string;
  date: IsoDate;
  title: string;
  url: string;
  digest: string;
  user: string;
  createdAt: Date;
  sharedWith: string;
  unfinished: boolean;
}

type LogKey = 'kind' | 'number' | 'date' | 'title' | 'url' | 'digest' | 'user' | 'createdAt' | 'sharedWith';

/** The text of each cell of a log row, by column key. */
export function logRowTexts(entry: NewLogRow, tzOffsetMinutes: number): Record<LogKey, string> {
  const summary = truncate(entry.title.replace(/\s+/g, ' ').trim(), LOG_SUMMARY_MAX_CHARS);
  const [y, m, d] = entry.date.split('-');
  return {
    kind: entry.kind,
    number: entry.number,
    date: `${d}/${m}/${y}`,
    title: entry.unfinished ? INCOMPLETE_PREFIX + summary : summary,
    url: entry.url,
    digest: entry.digest,
    user: entry.user,
    createdAt: formatStamp(entry.createdAt, tzOffsetMinutes),
    sharedWith: entry.sharedWith,
  };
}

/**
 * Where and what to write for a log row: `row` when given (completing an unfinished Doc's row),
 * otherwise the first row below the data; the cells laid out by the columns found in the header,
 * as runs of adjacent columns (columns the user removed are skipped, columns the user added between
 * ours are never written). Every value is text, to be written into "@" cells.
 */
export function logRowCells(
  table: Table,
  entry: NewLogRow,
  tzOffsetMinutes: number,
  row?: number,
): { row: number; runs: { column: number; values: string[] }[] } {
  const cols = table.present ? table.columns : Object.fromEntries(SHEETS.documents.columns.map((c, i) => [c.key, i]));
  const byKey: Record<string, string> = logRowTexts(entry, tzOffsetMinutes);
  const used = (Object.entries(cols).filter(([k, c]) => c !== undefined && k in byKey) as [string, number][]).sort(
    (a, b) => a[1] - b[1],
  );
  const runs: { column: number; values: string[] }[] = [];
  for (const [k, c] of used) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.values.length === c + 1) last.values.push(byKey[k] as string);
    else runs.push({ column: c + 1, values: [byKey[k] as string] });
  }
  return { row: row ?? Math.max(table.values.length, table.headerRow) + 1, runs };
}

/** The longest cell of a log row, to refuse before any Doc is made when one would not fit. */
export function longestLogCell(entry: NewLogRow, tzOffsetMinutes: number): { key: string; length: number } {
  let best = { key: '', length: 0 };
  for (const [key, v] of Object.entries(logRowTexts(entry, tzOffsetMinutes))) {
    if (v.length > best.length) best = { key, length: v.length };
  }
  return best;
}

/**
 * The `Văn bản` sheet: one row per document made (kind, number, day, summary, link, data digest,
 * who, when). Read to find numbers already given and documents already made from the same data.
 */
import type { DocumentDto } from '../../rpc/contract';
import { dateFromIso, type IsoDate, parseVnDate } from '../dates';
import { ProblemList } from '../problem';
import type { Grid } from '../records';
import { cellSchema, locateTable, readRecords, type Table } from '../table';
import { SHEETS } from '../template';
import { type CellValue, cellText, isBlank, isDate } from '../values';

export interface LogEntry {
  row: number;
  kind: string;
  number: string;
  date: IsoDate | null;
  title: string;
  url: string;
  digest: string;
  user: string;
  /** ISO timestamp. */
  createdAt: string | null;
}

const text = cellSchema<string>((v) => ({ ok: true, value: isBlank(v) ? '' : cellText(v) }));
const stamp = cellSchema<string>((v) => {
  if (isBlank(v)) return { ok: true, value: null as unknown as string };
  if (isDate(v)) return { ok: true, value: v.toISOString() };
  return { ok: true, value: cellText(v) };
});

/** Reads the log (never throws; a missing sheet is an empty log). */
export function readDocumentLog(grid: Grid, tzOffsetMinutes: number): { table: Table; entries: LogEntry[] } {
  const problems = new ProblemList();
  const table = locateTable(SHEETS.documents, grid, problems);
  const date = cellSchema<string>((v) => {
    const r = parseVnDate(v, tzOffsetMinutes);
    return r.ok ? { ok: true, value: r.value as string } : { ok: true, value: null as unknown as string };
  });
  const shape = { kind: text, number: text, date, title: text, url: text, digest: text, user: text, createdAt: stamp };
  const entries = readRecords(table, shape, problems).map(
    ({ row, data: d }): LogEntry => ({
      row,
      kind: d.kind ?? '',
      number: d.number ?? '',
      date: d.date,
      title: d.title ?? '',
      url: d.url ?? '',
      digest: d.digest ?? '',
      user: d.user ?? '',
      createdAt: d.createdAt,
    }),
  );
  return { table, entries };
}

/** The newest document made from the same data, if any. */
export function findByDigest(entries: readonly LogEntry[], digest: string): LogEntry | undefined {
  return [...entries].reverse().find((e) => e.digest === digest && e.url);
}

export function toDocumentDto(e: LogEntry): DocumentDto {
  return {
    kind: e.kind,
    number: e.number,
    date: e.date ?? '',
    title: e.title,
    url: e.url,
    createdAt: e.createdAt ?? '',
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
}

/**
 * Where and what to write for a new log row: the first row below the data, the cells laid out
 * by the columns found in the header (columns the user removed are skipped).
 */
export function logRowCells(
  table: Table,
  entry: NewLogRow,
  tzOffsetMinutes: number,
): { row: number; column: number; values: CellValue[] } {
  const cols = table.present ? table.columns : Object.fromEntries(SHEETS.documents.columns.map((c, i) => [c.key, i]));
  const byKey: Record<string, CellValue> = { ...entry, date: dateFromIso(entry.date, tzOffsetMinutes) };
  const used = Object.entries(cols).filter(([k, c]) => c !== undefined && k in byKey) as [string, number][];
  const first = Math.min(...used.map(([, c]) => c));
  const last = Math.max(...used.map(([, c]) => c));
  const values: CellValue[] = new Array(last - first + 1).fill('');
  for (const [k, c] of used) values[c - first] = byKey[k] as CellValue;
  return { row: Math.max(table.values.length, table.headerRow) + 1, column: first + 1, values };
}

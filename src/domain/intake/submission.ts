/**
 * A unit's returned list (issue 15), as the browser read it: a grid of cells. The header is found the
 * way the sheets find theirs (locateTable: any of the first 10 rows, any order, aliases, NFD, variant
 * spellings); each row below becomes the values the add-in would write in `Đại biểu`, normalised the
 * way the sheets read them (years, dates, ethnic groups, gender, delegate type), everything else kept
 * as the text typed. Every problem names the file's own row ("Dòng 7: …").
 */
import type { SubmissionCell, SubmissionProblem } from '../../rpc/contract';
import { CHECK_MESSAGES, INTAKE_MESSAGES as M } from '../../ui/vi';
import { isStatedNone, PROFILE_VALUE_KEYS, profileValueProblem } from '../checks/profile';
import { formatVnDate, type IsoDate, parseVnDate, type ZoneOffset } from '../dates';
import { matchEthnicGroup } from '../ethnic';
import { parseNonNegativeInteger } from '../numbers';
import { a1, ProblemList } from '../problem';
import { isProvincialRef, parseYear, type UnitIndex, type UnitRecord } from '../records';
import { locateTable } from '../table';
import { type ColumnSpec, SHEETS, type SheetSpec } from '../template';
import { afterColon, foldKey, isTotalLabel, stripDiacritics } from '../text';
import {
  type CellValue,
  cellText,
  DELEGATE_KIND_LABELS,
  GENDER_LABELS,
  isBlank,
  type Parsed,
  parseDelegateKind,
  parseGender,
} from '../values';

/** Characters a cell may hold to be taken (a name of 10,000 characters is a paste gone wrong, never a name). */
export const MAX_CELL_CHARS = 1000;

/**
 * The columns a submission may carry: every column of the `Đại biểu` template but the add-in's own
 * (provenance), with only `Họ và tên` required (the unit is the one chosen; the others are checked
 * row by row as warnings).
 */
export function intakeColumns(): ColumnSpec[] {
  return SHEETS.delegates.columns.filter((c) => !c.computed && !c.provenance);
}

const INTAKE_SPEC: SheetSpec = {
  ...SHEETS.delegates,
  columns: intakeColumns().map((c) => ({ ...c, required: c.key === 'name' })),
};

/** Template keys that a row should have a value for (a warning when blank). */
const EXPECTED_KEYS: readonly string[] = ['ethnic', 'kind', 'birthYear'];

/** What validation's profile checks need to judge a unit's list as they judge `Đại biểu`. */
export interface SubmissionProfileOptions {
  /** Today in the spreadsheet's zone (a date of birth after it is warned about). */
  today?: IsoDate | null;
  /** Keys of the columns named by `Thông tin bắt buộc của đại biểu`. */
  required?: readonly string[];
}

/** One cell as the add-in would write it: `display` for people, `value` for setValues (text stays text). */
export interface NormalisedCell {
  display: string;
  /** A number (year, integer), a day (ISO yyyy-mm-dd, written as a date) or text. */
  value: string | number | { day: string };
  /** Set when the cell was kept as typed or normalised with a doubt. */
  problem?: string;
}

/**
 * How the add-in reads one cell of `column`, from a file or from the sheet: the same function on both
 * sides, so a row the unit sends back unchanged compares equal to the row in the sheet.
 */
export function normaliseCell(column: ColumnSpec, v: unknown, zone: ZoneOffset): NormalisedCell | null {
  if (isBlank(v)) return null;
  const typed = cellText(v, zone);
  // Text is written as typed (only the spaces at its ends dropped): the Unicode form the unit used is kept.
  const raw = typeof v === 'string' ? v.replace(EDGE_SPACE, '') : typed;
  const kept = (r: Parsed<unknown>): NormalisedCell => ({
    display: typed,
    value: raw,
    problem: M.keptAsTyped(column.header, r.ok ? '' : afterColon(r.error)),
  });
  switch (column.kind) {
    case 'year': {
      const r = parseYear(v, zone);
      if (!r.ok || r.value === null) return kept(r);
      return { display: String(r.value), value: r.value, ...(r.warning && { problem: doubt(column, r.warning) }) };
    }
    case 'integer':
    case 'number':
    case 'ratio': {
      const r = parseNonNegativeInteger(v);
      if (!r.ok || r.value === null) return kept(r);
      return { display: String(r.value), value: r.value };
    }
    case 'date': {
      // "Không rõ" in a required Ngày sinh: said as validation says it (nothing), kept as typed.
      if (isStatedNone(v)) return { display: typed, value: raw };
      const r = parseVnDate(v, zone);
      if (!r.ok || r.value === null) return kept(r);
      return {
        display: formatVnDate(r.value),
        value: { day: r.value },
        ...(r.warning && { problem: doubt(column, r.warning) }),
      };
    }
    default:
      break;
  }
  if (column.list === 'ethnic') {
    const m = matchEthnicGroup(v);
    if (!m) return kept({ ok: false, error: `không nhận ra dân tộc "${typed}"` });
    return {
      display: m.group.name,
      value: m.group.name,
      ...(!m.exact && { problem: doubt(column, CHECK_MESSAGES.ethnicUnaccented(typed, m.group.name)) }),
    };
  }
  if (column.list === 'gender' || column.list === 'delegateKind') {
    const r = column.list === 'gender' ? parseGender(v) : parseDelegateKind(v);
    if (!r.ok || r.value === null) return kept(r);
    const label =
      column.list === 'gender'
        ? GENDER_LABELS[r.value as keyof typeof GENDER_LABELS]
        : DELEGATE_KIND_LABELS[r.value as keyof typeof DELEGATE_KIND_LABELS];
    return { display: label, value: label };
  }
  return { display: typed, value: raw };
}

/** Whitespace and zero-width characters at either end (as cellText drops them). */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

function doubt(column: ColumnSpec, detail: string): string {
  return M.doubtful(column.header, afterColon(detail));
}

/** One delegate of the submission, for the chosen unit. */
export interface SubmittedRow {
  /** 1-based row of the file. */
  sourceRow: number;
  /** Normalised cells by template key (blank cells left out). */
  cells: Record<string, NormalisedCell>;
}

export interface ParsedSubmission {
  /** 1-based header row in the file (0: none found). */
  headerRow: number;
  columns: { header: string; key: string | null }[];
  /** Template keys the file has a column for (in template order). */
  keys: string[];
  rows: SubmittedRow[];
  otherUnitRows: { sourceRow: number; unit: string }[];
  problems: SubmissionProblem[];
  /** Nothing can be imported: no data, no header, no row for the unit. */
  blocked: boolean;
}

/** Words that may stand before a unit's name in a file ("Xã Ea Tân" for the unit "Ea Tân"). */
const UNIT_PREFIX =
  /^(?:xã|xa|phường|phuong|thị trấn|thi tran|đặc khu|dac khu|huyện|huyen|thị xã|thi xa|thành phố|thanh pho|tp)\s+/;

/** True when `text` names `unit` (code or name, with or without "Xã"/"Huyện" … before the name). */
function namesUnit(text: string, unit: UnitRecord, index: UnitIndex): boolean | null {
  const resolved = index.resolve(text);
  if (resolved) return resolved === unit;
  const bare = foldKey(text).replace(UNIT_PREFIX, '');
  const other = index.resolve(bare);
  if (other) return other === unit;
  return null;
}

/** Turns the browser's cells into what the sheets' reader takes (null → blank). */
function toGrid(table: readonly (readonly SubmissionCell[])[]): CellValue[][] {
  return table.map((row) => row.map((c) => (c === null || c === undefined ? '' : c)));
}

/**
 * Reads a submission for `unit`. `zone`: the spreadsheet's time zone (dates read as the day shown).
 * Rows naming another unit (or a unit not in `Đơn vị`) are reported and left out.
 */
export function parseSubmission(
  table: readonly (readonly SubmissionCell[])[],
  unit: UnitRecord,
  index: UnitIndex,
  zone: ZoneOffset,
  profile: SubmissionProfileOptions = {},
): ParsedSubmission {
  const today = profile.today ?? null;
  // Required profile columns (`Thông tin bắt buộc của đại biểu`) are expected like Dân tộc or Năm sinh.
  // (The template's always-required columns are handled apart: Họ và tên an error, Mã đơn vị the unit chosen.)
  const alwaysRequired = new Set(SHEETS.delegates.columns.filter((c) => c.required).map((c) => c.key));
  const expected = [
    ...EXPECTED_KEYS,
    ...(profile.required ?? []).filter((k) => !EXPECTED_KEYS.includes(k) && !alwaysRequired.has(k)),
  ];
  const problems: SubmissionProblem[] = [];
  const fileProblem = (severity: 'error' | 'warning', message: string, column: string | null = null) =>
    problems.push({ severity, sourceRow: null, column, message });
  const rowProblem = (severity: 'error' | 'warning', row: number, column: string | null, text: string) =>
    problems.push({ severity, sourceRow: row, column, message: M.row(row, text) });
  const grid = toGrid(table);
  const empty = {
    headerRow: 0,
    columns: [],
    keys: [],
    rows: [],
    otherUnitRows: [],
    problems,
    blocked: true,
  } satisfies ParsedSubmission;
  if (!grid.some((row) => row.some((c) => !isBlank(c)))) {
    fileProblem('error', M.emptyFile);
    return empty;
  }
  const located = locateTable(INTAKE_SPEC, grid, new ProblemList());
  const nameCol = located.columns.name;
  if (nameCol === undefined) {
    fileProblem('error', M.noHeader);
    return empty;
  }
  const headerRow = located.headerRow;
  const header = grid[headerRow - 1] ?? [];
  const byIndex = new Map<number, ColumnSpec>();
  for (const col of INTAKE_SPEC.columns) {
    const at = located.columns[col.key];
    if (at !== undefined) byIndex.set(at, col);
  }
  const columns = header.map((h, i) => ({ header: cellText(h), key: byIndex.get(i)?.key ?? null }));
  // Headers of the file in its order, with what each is (of two same headers, the one used: see locateTable).
  columns.forEach((c, i) => {
    if (c.header === '' || c.key !== null) return;
    const same = INTAKE_SPEC.columns.find(
      (s) => located.columns[s.key] !== undefined && s.key === keyOfHeader(c.header),
    );
    if (same) {
      fileProblem(
        'warning',
        M.duplicateColumn(c.header, a1(headerRow, (located.columns[same.key] as number) + 1)),
        c.header,
      );
      return;
    }
    void i;
    fileProblem('warning', M.unrecognisedColumn(c.header), c.header);
  });
  const keys = INTAKE_SPEC.columns.filter((c) => located.columns[c.key] !== undefined).map((c) => c.key);
  const chosen = index.label(unit);
  const rows: SubmittedRow[] = [];
  const otherUnitRows: ParsedSubmission['otherUnitRows'] = [];
  const seen = new Map<string, number>();
  const wanted = INTAKE_SPEC.columns.filter((c) => located.columns[c.key] !== undefined);
  let dataRows = 0;
  for (let r = headerRow; r < grid.length; r++) {
    const cells = grid[r] as CellValue[];
    if (wanted.every((c) => isBlank(cells[located.columns[c.key] as number]))) continue;
    const sourceRow = r + 1;
    // The signature block under the list ("Người lập biểu", "Thủ trưởng đơn vị", "…, ngày … tháng … năm …")
    // ends it: the signers' names below are not delegates.
    if (isSignatureRow(cells, located.columns)) {
      if (rows.length + otherUnitRows.length > 0 || dataRows > 0)
        problems.push({ severity: 'warning', sourceRow, column: null, message: M.row(sourceRow, M.signatureBlock) });
      break;
    }
    const nameCell = cells[nameCol];
    const nameText = cellText(nameCell, zone);
    // The unit's own total or signature lines under the list are not delegates.
    if (nameText !== '' && isTotalLabel(nameText)) continue;
    dataRows++;
    const headerOf = (c: ColumnSpec) => cellText(header[located.columns[c.key] as number]) || c.header;
    const long = wanted.find((c) => cellText(cells[located.columns[c.key] as number]).length > MAX_CELL_CHARS);
    if (long) {
      const length = cellText(cells[located.columns[long.key] as number]).length;
      rowProblem('error', sourceRow, headerOf(long), M.tooLong(headerOf(long), length, MAX_CELL_CHARS));
      continue;
    }
    const unitCol = located.columns.unit;
    const unitText = unitCol === undefined ? '' : cellText(cells[unitCol], zone);
    if (unitText !== '') {
      const mine = isProvincialRef(unitText) ? false : namesUnit(unitText, unit, index);
      if (mine !== true) {
        otherUnitRows.push({ sourceRow, unit: unitText });
        rowProblem('error', sourceRow, cellText(header[unitCol as number]), M.otherUnit(nameText, unitText, chosen));
        continue;
      }
    }
    if (nameText === '') {
      rowProblem(
        'error',
        sourceRow,
        headerOf(INTAKE_SPEC.columns.find((c) => c.key === 'name') as ColumnSpec),
        M.missingName,
      );
      continue;
    }
    const out: Record<string, NormalisedCell> = {};
    for (const col of wanted) {
      if (col.key === 'unit') continue;
      const cell = normaliseCell(col, cells[located.columns[col.key] as number], zone);
      if (cell === null) continue;
      out[col.key] = cell;
      if (cell.problem) rowProblem('warning', sourceRow, headerOf(col), cell.problem);
    }
    for (const key of expected) {
      const col = INTAKE_SPEC.columns.find((c) => c.key === key);
      if (col && located.columns[key] !== undefined && !out[key])
        rowProblem('warning', sourceRow, headerOf(col), M.missingValue(col.header));
    }
    // The profile values, by validation's own rule (a phone the unit's sheet made a number, "Quần chúng" …).
    const birthYear = out.birthYear?.value;
    for (const key of PROFILE_VALUE_KEYS) {
      const at = located.columns[key];
      const col = INTAKE_SPEC.columns.find((c) => c.key === key);
      if (at === undefined || !col || out[key]?.problem) continue;
      // The phone as it will be written (text: 912345678 from a number cell stays "912345678").
      const p = profileValueProblem(key, key === 'phone' ? (out.phone?.value as string | undefined) : cells[at], {
        birthYear: typeof birthYear === 'number' ? birthYear : null,
        today,
        zone,
      });
      if (p) rowProblem('warning', sourceRow, headerOf(col), p.message);
    }
    const identity = rowIdentity(out.name?.display ?? '', out.birthYear?.display ?? '');
    const first = seen.get(identity);
    if (first !== undefined) rowProblem('warning', sourceRow, null, M.duplicateRow(first));
    else seen.set(identity, sourceRow);
    rows.push({ sourceRow, cells: out });
  }
  let blocked = false;
  if (rows.length > 0)
    for (const col of INTAKE_SPEC.columns) {
      if (located.columns[col.key] === undefined && expected.includes(col.key))
        problems.splice(fileProblemCount(problems), 0, {
          severity: 'warning',
          sourceRow: null,
          column: null,
          message: M.missingColumn(col.header),
        });
    }
  if (dataRows === 0) {
    fileProblem('error', M.headerOnly(headerRow));
    blocked = true;
  } else if (rows.length === 0) {
    fileProblem('error', M.noRowForUnit(chosen));
    blocked = true;
  }
  return { headerRow, columns, keys, rows, otherUnitRows, problems, blocked };
}

/** Words that open the signature block of a list (compared without diacritics, lower case). */
const SIGNATURE =
  /^(nguoi lap( bieu)?|thu truong( don vi)?|xac nhan( cua)?|ky ten|(tm|kt|tl|tuq)\.? |chu tich|truong ban|noi nhan)|ngay \S{0,4} thang \S{0,4} nam/;

/** What makes a row a delegate's: a readable ethnic group, birth year, gender or type. */
const DELEGATE_DATA: Record<string, (v: unknown) => boolean> = {
  ethnic: (v) => matchEthnicGroup(v) !== null,
  birthYear: (v) => {
    const r = parseYear(v);
    return r.ok && r.value !== null;
  },
  gender: (v) => {
    const r = parseGender(v);
    return r.ok && r.value !== null;
  },
  kind: (v) => {
    const r = parseDelegateKind(v);
    return r.ok && r.value !== null;
  },
};

/**
 * A row whose text opens a signature block (the signature often sits in the right-hand columns, so a
 * data column may hold it) and that has no readable delegate data.
 */
function isSignatureRow(cells: readonly CellValue[], columns: Partial<Record<string, number>>): boolean {
  if (!cells.some((c) => typeof c === 'string' && SIGNATURE.test(stripDiacritics(foldKey(c))))) return false;
  return Object.entries(DELEGATE_DATA).every(([key, readable]) => {
    const at = columns[key];
    return at === undefined || isBlank(cells[at]) || !readable(cells[at]);
  });
}

/** Where the next file-level problem goes: after those already about the whole file, before the rows'. */
function fileProblemCount(problems: readonly SubmissionProblem[]): number {
  const i = problems.findIndex((p) => p.sourceRow !== null);
  return i < 0 ? problems.length : i;
}

/** The template key a header names, if any (for telling a repeated header from an unknown one). */
function keyOfHeader(header: string): string | null {
  const probe = locateTable(INTAKE_SPEC, [[header]], new ProblemList());
  const found = Object.entries(probe.columns).find(([, at]) => at === 0);
  return found ? found[0] : null;
}

/**
 * Who a row is, for matching a returned row with a row already in the sheet: the name and the birth
 * year, compared as foldKey does (NFC/NFD, case, spacing, tone placement ignored).
 */
export function rowIdentity(name: string, birthYear: string): string {
  return `${foldKey(name)}|${birthYear.trim()}`;
}

/**
 * Typed records of each sheet, read from its grid. One function per sheet; each takes the grid
 * (null when the sheet is missing) and the problem list, and never throws on bad data.
 */
import { CHECK_MESSAGES } from '../ui/vi';
import { DEFAULT_TZ_OFFSET, offsetAt, parseVnDate, type ZoneOffset } from './dates';
import { matchEthnicGroup } from './ethnic';
import { formatVnNumber, parseNonNegativeInteger, parseVnNumber } from './numbers';
import { a1, ProblemList } from './problem';
import {
  assignSetting,
  DEFAULT_SETTINGS,
  type ProfileKey,
  parseSettingValue,
  SETTING_SPECS,
  type Settings,
  settingByLabel,
} from './settings';
import { cellSchema, locateTable, type RecordOf, type RowRecord, readRecords, type Table } from './table';
import { SHEETS } from './template';
import { afterColon, foldKey, isTotalLabel } from './text';
import {
  type CellValue,
  cellText,
  isBlank,
  isDate,
  type Parsed,
  parseDelegateKind,
  parseGender,
  parseTaskStatus,
} from './values';

export type Grid = CellValue[][] | null;

/** Text of a cell; a date cell is the day it shows in the spreadsheet's zone. */
const textIn = (zone: ZoneOffset) =>
  cellSchema<string>((v) => ({ ok: true, value: isBlank(v) ? (null as unknown as string) : cellText(v, zone) }));
const text = textIn(420);
const integer = cellSchema<number>((v) => parseNonNegativeInteger(v) as Parsed<number>);
const signedInteger = cellSchema<number>((v) => {
  const r = parseVnNumber(v);
  if (r.ok && r.value !== null && !Number.isInteger(r.value)) return { ok: false, error: 'phải là số nguyên' };
  return r as Parsed<number>;
});
const number = cellSchema<number>((v) => parseVnNumber(v) as Parsed<number>);

/** Dates are read in the spreadsheet's time zone, given as a fixed UTC offset. */
function dateSchema(tzOffsetMinutes: ZoneOffset) {
  return cellSchema<string>((v) => parseVnDate(v, tzOffsetMinutes) as Parsed<string>);
}

/** Day 0 of Sheets' serial numbers (30/12/1899). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A birth year from a cell. A date cell is read as the calendar day the spreadsheet shows in its time
 * zone (`zone`, as parseVnDate): 01/01/1990 00:00 of a spreadsheet in Asia/Tokyo reaches the script
 * (Asia/Ho_Chi_Minh) as 31/12/1989 22:00, and is 1990.
 */
export function parseYear(v: unknown, zone: ZoneOffset = DEFAULT_TZ_OFFSET): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { ok: false, error: `"${cellText(v)}" không phải là năm hợp lệ` };
    // The wall clock of the spreadsheet's zone, as UTC fields.
    const wall = t + offsetAt(zone, t) * 60_000;
    const shownAt = new Date(wall);
    // 1990 typed into a cell formatted as a date shows 12/06/1905, and Apps Script hands the script
    // a Date (getValues gives Dates for date-formatted cells): its day number is the year typed.
    // No delegate was born in 1905, so that day is read back as the year, with a warning.
    // The nearest midnight: a zone whose 1905 offset differs from today's (Hồ Chí Minh's was +7:06)
    // hands a Date some minutes before or after it.
    const day = Math.round((wall - SERIAL_EPOCH_UTC) / 86_400_000);
    if (day >= 1900 && day <= 2100) {
      const midnight = new Date(SERIAL_EPOCH_UTC + day * 86_400_000);
      const shown = `${pad2(midnight.getUTCDate())}/${pad2(midnight.getUTCMonth() + 1)}/${midnight.getUTCFullYear()}`;
      return { ok: true, value: day, warning: CHECK_MESSAGES.yearInDateCell(shown, day) };
    }
    return { ok: true, value: shownAt.getUTCFullYear() };
  }
  // "1.990" and "1,990" are 1990: a separator before three digits groups thousands (no warning that
  // would show the year back as "1.990"); "1990.5" keeps its point and is no year.
  const r = parseVnNumber(typeof v === 'string' ? v.replace(/[.,](?=\d{3}(?!\d))/g, '') : v);
  if (!r.ok) return { ok: false, error: `"${cellText(v)}" không phải là năm hợp lệ` };
  if (r.value === null) return r;
  // A day typed into a cell formatted as a whole number ("0") is kept as its serial number and
  // shows it (32874 for 01/01/1990): named with the day, never read as a year.
  if (typeof v === 'number' && Number.isInteger(v) && v > 9999 && v <= 73415) {
    const d = new Date(SERIAL_EPOCH_UTC + v * 86_400_000);
    const shown = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    return { ok: false, error: CHECK_MESSAGES.yearIsDaySerial(String(v), shown, d.getUTCFullYear()) };
  }
  if (!Number.isInteger(r.value) || r.value < 1000 || r.value > 9999) {
    return { ok: false, error: `"${cellText(v)}" không phải là năm gồm 4 chữ số` };
  }
  return r;
}
/** Years are read in the spreadsheet's time zone (a date cell: the year of the day it shows). */
const yearIn = (zone: ZoneOffset) => cellSchema<number>((v) => parseYear(v, zone) as Parsed<number>);
const year = yearIn(DEFAULT_TZ_OFFSET);

// ---------------------------------------------------------------------------------------------
// Units and the index that resolves a code or a name to a unit.

const unitShape = {
  code: text,
  name: text,
  population: integer,
  dttsPopulation: integer,
  min: integer,
  max: integer,
  note: text,
};
export type UnitRecord = RowRecord<RecordOf<typeof unitShape>>;

/**
 * Codes made of digits that Sheets may have turned into a number: "06100" typed into a cell that is not
 * plain text becomes 6100. Two digit codes are the same unit when their numbers are equal.
 */
export function numericCodeKey(code: string): string | null {
  const t = code.trim();
  return /^\d{1,15}$/.test(t) ? String(Number(t)) : null;
}

/** Resolves `Mã đơn vị` cells, which may hold the unit's code or its name. */
export class UnitIndex {
  private readonly byKey = new Map<string, UnitRecord>();
  /** Units by the number of their digit code ("06100" → "6100"); null when two units share it. */
  private readonly byNumber = new Map<string, UnitRecord | null>();

  constructor(readonly units: readonly UnitRecord[]) {
    for (const u of units) {
      if (u.data.name) this.byKey.set(foldKey(u.data.name), u);
    }
    for (const u of units) {
      if (!u.data.code) continue;
      this.byKey.set(foldKey(u.data.code), u);
      const n = numericCodeKey(u.data.code);
      if (n !== null) this.byNumber.set(n, this.byNumber.has(n) ? null : u);
    }
  }

  /**
   * The unit a cell names, by code or name (matched as text); failing that, a digit code whose
   * leading zeros Sheets dropped (6100 for "06100"): see numericMatch for the warning.
   */
  resolve(value: string | null): UnitRecord | undefined {
    if (!value) return undefined;
    return this.byKey.get(foldKey(value)) ?? this.numericMatch(value);
  }

  /** The unit whose digit code equals `value` only as a number ("6100" for "06100"), if exactly one. */
  numericMatch(value: string): UnitRecord | undefined {
    const n = numericCodeKey(value);
    if (n === null || this.byKey.has(foldKey(value))) return undefined;
    return this.byNumber.get(n) ?? undefined;
  }

  /** Display name: "Hữu Lũng (HL)". */
  label(u: UnitRecord): string {
    return u.data.name && u.data.code ? `${u.data.name}` : (u.data.name ?? u.data.code ?? '');
  }
}

/** The warning for a code that only matches once read as a number (its leading zeros lost). */
export function numericCodeWarning(value: string, code: string, sheet: string, cell: string): string {
  return `Ô ${cell} của trang "${sheet}" có mã đơn vị ${value} dạng số (mất số 0 ở đầu), được hiểu là "${code}".`;
}

export const NUMERIC_CODE_SUGGESTION =
  "Định dạng ô là Văn bản thuần (Định dạng > Số > Văn bản thuần) rồi nhập lại mã đầy đủ, hoặc gõ dấu ' trước mã.";

/**
 * `zone`: the spreadsheet's time zone, so that a code or name Sheets turned into a date reads as the
 * day the cell shows (default Asia/Ho_Chi_Minh).
 */
export function readUnits(grid: Grid, problems: ProblemList, zone?: ZoneOffset): UnitRecord[] {
  const located = locateTable(SHEETS.units, grid, problems);
  const shape = zone === undefined ? unitShape : { ...unitShape, code: textIn(zone), name: textIn(zone) };
  const rows = readRecords(withoutTotalRows(located), shape, problems);
  const seen = new Map<string, UnitRecord>();
  /** Units by the number of their digit code: "06100" and 6100 are one unit to Sheets, never two. */
  const byNumber = new Map<string, UnitRecord>();
  const sheet = SHEETS.units.name;
  for (const u of rows) {
    const n = u.data.code ? numericCodeKey(u.data.code) : null;
    const sameNumber = n === null ? undefined : byNumber.get(n);
    if (n !== null && !sameNumber) byNumber.set(n, u);
    if (sameNumber?.data.code && u.data.code && foldKey(sameNumber.data.code) !== foldKey(u.data.code)) {
      problems.error(
        'unit-duplicate',
        sheet,
        u.cells.code ?? a1(u.row, 1),
        `Mã đơn vị "${u.data.code}" chỉ khác mã "${sameNumber.data.code}" ở dòng ${sameNumber.row} bởi số 0 ở đầu: một mã bị Google Trang tính đổi thành số sẽ không biết là của đơn vị nào.`,
        NUMERIC_CODE_SUGGESTION,
      );
    }
    for (const field of ['code', 'name'] as const) {
      const value = u.data[field];
      if (!value) continue;
      const key = `${field}:${foldKey(value)}`;
      const first = seen.get(key);
      if (first) {
        problems.error(
          'unit-duplicate',
          sheet,
          u.cells[field] ?? a1(u.row, 1),
          `${field === 'code' ? 'Mã' : 'Tên'} đơn vị "${value}" bị trùng với dòng ${first.row}.`,
          'Mỗi đơn vị chỉ khai báo một lần, với mã riêng.',
        );
      } else seen.set(key, u);
    }
    const { population, dttsPopulation, min, max } = u.data;
    if (population !== null && dttsPopulation !== null && dttsPopulation > population) {
      problems.error(
        'unit-dtts-above-population',
        sheet,
        u.cells.dttsPopulation ?? '',
        `Dân số DTTS (${formatVnNumber(dttsPopulation)}) lớn hơn tổng dân số (${formatVnNumber(population)}) của đơn vị "${u.data.name ?? u.data.code}".`,
        'Kiểm tra lại số liệu dân số.',
      );
    }
    if (min !== null && max !== null && min > max) {
      problems.error(
        'unit-min-above-max',
        sheet,
        u.cells.min ?? '',
        `Số đại biểu tối thiểu (${min}) lớn hơn tối đa (${max}).`,
        'Sửa cột Tối thiểu hoặc Tối đa.',
      );
    }
  }
  return rows;
}

/**
 * The table with the user's own total rows left out: a row without a code whose name (or, where
 * the name is blank too, whose first text) reads "Tổng cộng" / "Cộng" is a sum the officer keeps
 * under the units, not a unit. Rows keep their numbers (a left-out row reads as blank).
 */
function withoutTotalRows(table: Table): Table {
  const codeCol = table.columns.code;
  const nameCol = table.columns.name;
  if (codeCol === undefined) return table;
  const values = table.values.map((row, r) => {
    if (r < table.headerRow || !isBlank(row[codeCol])) return row;
    const label = nameCol === undefined ? '' : cellText(row[nameCol]);
    const first = label || cellText(row.find((v) => typeof v === 'string' && v.trim() !== '') ?? '');
    return isTotalLabel(first) ? [] : row;
  });
  return { ...table, values };
}

/** Reports a unit reference that resolves to no unit. */
function checkUnitRef(
  index: UnitIndex,
  value: string | null,
  sheet: string,
  cell: string | undefined,
  problems: ProblemList,
): UnitRecord | undefined {
  if (!value) return undefined;
  const unit = index.resolve(value);
  if (unit?.data.code && index.numericMatch(value) === unit) {
    problems.warning(
      'unit-code-number',
      sheet,
      cell ?? '',
      numericCodeWarning(value, unit.data.code, sheet, cell ?? ''),
      NUMERIC_CODE_SUGGESTION,
    );
  }
  if (!unit) {
    problems.error(
      'unit-unknown',
      sheet,
      cell ?? '',
      `Không có đơn vị "${value}" trong trang "${SHEETS.units.name}".`,
      'Chọn mã đơn vị trong danh sách thả xuống, hoặc thêm đơn vị vào trang Đơn vị.',
    );
  }
  return unit;
}

// ---------------------------------------------------------------------------------------------
// Ethnic groups

const ethnicSchema = cellSchema<string>((v) => {
  if (isBlank(v)) return { ok: true, value: null as unknown as string };
  const m = matchEthnicGroup(v);
  if (!m) return { ok: false, error: `không nhận ra dân tộc "${cellText(v)}"` };
  if (!m.exact) {
    return {
      ok: true,
      value: m.group.code,
      warning: CHECK_MESSAGES.ethnicUnaccented(cellText(v), m.group.name),
    };
  }
  return { ok: true, value: m.group.code };
});

const unitEthnicShape = { unit: text, ethnic: ethnicSchema, population: integer };
export type UnitEthnicRecord = RowRecord<RecordOf<typeof unitEthnicShape>> & { unitRecord?: UnitRecord };

export function readUnitEthnic(grid: Grid, index: UnitIndex, problems: ProblemList): UnitEthnicRecord[] {
  const table = locateTable(SHEETS.unitEthnic, grid, problems);
  // The record itself gains its unit (a copy of each of thousands of rows would be garbage at once).
  return readRecords(table, unitEthnicShape, problems).map((r) =>
    Object.assign(r, {
      unitRecord: checkUnitRef(index, r.data.unit, SHEETS.unitEthnic.name, r.cells.unit, problems),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Delegates

const genderSchema = cellSchema((v) => parseGender(v));
const kindSchema = cellSchema((v) => parseDelegateKind(v));
const delegateShape = {
  index: integer,
  name: text,
  unit: text,
  ethnic: ethnicSchema,
  gender: genderSchema,
  birthYear: year,
  category: text,
  kind: kindSchema,
  position: text,
  note: text,
};
export type DelegateRecord = RowRecord<RecordOf<typeof delegateShape>> & {
  unitRecord?: UnitRecord;
  /** The delegate sits for the province itself (agencies, ex officio), not a sub-unit. */
  provincial: boolean;
};

/** `Mã đơn vị` values meaning the provincial level rather than a sub-unit. */
const PROVINCIAL_KEYS = new Set(['cấp tỉnh', 'tỉnh', 'cơ quan cấp tỉnh', 'cấp thành phố', 'toàn tỉnh'].map(foldKey));

export function isProvincialRef(value: string | null): boolean {
  return value !== null && PROVINCIAL_KEYS.has(foldKey(value));
}

export function readDelegates(
  grid: Grid,
  index: UnitIndex,
  problems: ProblemList,
  zone?: ZoneOffset,
): DelegateRecord[] {
  const table = locateTable(SHEETS.delegates, grid, problems);
  const shape = zone === undefined ? delegateShape : { ...delegateShape, unit: textIn(zone), birthYear: yearIn(zone) };
  // The record itself gains its fields (a copy of each of 50,000 rows would be garbage at once).
  return readRecords(table, shape, problems).map((r) => {
    const provincial = isProvincialRef(r.data.unit) && !index.resolve(r.data.unit);
    return Object.assign(r, {
      provincial,
      unitRecord: provincial
        ? undefined
        : checkUnitRef(index, r.data.unit, SHEETS.delegates.name, r.cells.unit, problems),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Allocation sheet: only the user's columns (adjustment, note) and the codes are read back.

const allocationShape = {
  code: text,
  adjustment: signedInteger,
  note: text,
  quota: number,
  seats: integer,
  final: signedInteger,
};
export type AllocationRecord = RowRecord<RecordOf<typeof allocationShape>>;

export function readAllocationTable(
  grid: Grid,
  problems: ProblemList,
  zone?: ZoneOffset,
): { table: Table; rows: AllocationRecord[] } {
  const table = locateTable(SHEETS.allocation, grid, problems);
  const shape = zone === undefined ? allocationShape : { ...allocationShape, code: textIn(zone) };
  return { table, rows: readRecords(table, shape, problems) };
}

// ---------------------------------------------------------------------------------------------
// Committee, tasks, progress, meetings, conclusions

const memberShape = {
  name: text,
  position: text,
  agency: text,
  body: text,
  role: text,
  units: text,
  email: text,
  duties: text,
};
export type MemberRecord = RowRecord<RecordOf<typeof memberShape>>;

export function readMembers(grid: Grid, problems: ProblemList): MemberRecord[] {
  return readRecords(locateTable(SHEETS.members, grid, problems), memberShape, problems);
}

const taskStatusSchema = cellSchema((v) => parseTaskStatus(v));
function taskShape(tz: ZoneOffset) {
  return {
    index: integer,
    content: text,
    lead: text,
    partners: text,
    followedBy: text,
    deadline: dateSchema(tz),
    status: taskStatusSchema,
    doneOn: dateSchema(tz),
    meeting: text,
    note: text,
  };
}
export type TaskRecord = RowRecord<RecordOf<ReturnType<typeof taskShape>>>;

export function readTasks(
  grid: Grid,
  tzOffsetMinutes: ZoneOffset,
  problems: ProblemList,
): { table: Table; rows: TaskRecord[] } {
  const table = locateTable(SHEETS.tasks, grid, problems);
  return { table, rows: readRecords(table, taskShape(tzOffsetMinutes), problems) };
}

function progressShape(tz: ZoneOffset) {
  return {
    unit: text,
    steeringCommittee: dateSchema(tz),
    plan: dateSchema(tz),
    congressDate: dateSchema(tz),
    congressStatus: text,
    note: text,
  };
}
export type ProgressRecord = RowRecord<RecordOf<ReturnType<typeof progressShape>>> & { unitRecord?: UnitRecord };

export function readProgress(grid: Grid, index: UnitIndex, tz: ZoneOffset, problems: ProblemList): ProgressRecord[] {
  const table = locateTable(SHEETS.progress, grid, problems);
  return readRecords(table, progressShape(tz), problems).map((r) => ({
    ...r,
    unitRecord: checkUnitRef(index, r.data.unit, SHEETS.progress.name, r.cells.unit, problems),
  }));
}

function meetingShape(tz: ZoneOffset) {
  return {
    code: text,
    date: dateSchema(tz),
    chair: text,
    chairTitle: text,
    attendees: text,
    subject: text,
  };
}
export type MeetingRecord = RowRecord<RecordOf<ReturnType<typeof meetingShape>>>;

export function readMeetings(grid: Grid, tz: ZoneOffset, problems: ProblemList): MeetingRecord[] {
  return readRecords(locateTable(SHEETS.meetings, grid, problems), meetingShape(tz), problems);
}

const conclusionShape = { meeting: text, index: integer, content: text };
export type ConclusionRecord = RowRecord<RecordOf<typeof conclusionShape>>;

export function readConclusions(grid: Grid, problems: ProblemList): ConclusionRecord[] {
  return readRecords(locateTable(SHEETS.conclusions, grid, problems), conclusionShape, problems);
}

// ---------------------------------------------------------------------------------------------
// Settings

const configShape = { name: text, value: cellSchema<CellValue>((v) => ({ ok: true, value: v as CellValue })) };

/**
 * Reads `Cấu hình` into Settings: unknown names are warnings, invalid values are errors and
 * fall back to the default, so one typo never blocks the rest.
 */
export function readSettings(grid: Grid, tzOffsetMinutes: number, problems: ProblemList): Settings {
  return readSettingsWithCells(grid, tzOffsetMinutes, problems).settings;
}

/** Where each setting's value sits (A1 in `Cấu hình`), for problems about a setting. */
export type SettingCells = Partial<Record<keyof Settings | ProfileKey, string>>;

export function readSettingsWithCells(
  grid: Grid,
  tzOffsetMinutes: number,
  problems: ProblemList,
): { settings: Settings; cells: SettingCells } {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    recipients: [...DEFAULT_SETTINGS.recipients],
    legalBasis: [],
    profiles: {},
  };
  const cells: SettingCells = {};
  const table = locateTable(SHEETS.config, grid, problems);
  const sheet = SHEETS.config.name;
  const seen = new Set<string>();
  for (const r of readRecords(table, configShape, problems)) {
    const label = r.data.name;
    if (!label) continue;
    const spec = settingByLabel(label);
    if (!spec) {
      problems.warning(
        'setting-unknown',
        sheet,
        r.cells.name ?? '',
        `Không nhận ra thông số "${label}".`,
        'Kiểm tra chính tả; thông số này bị bỏ qua.',
      );
      continue;
    }
    if (seen.has(spec.key)) {
      problems.warning(
        'setting-duplicate',
        sheet,
        r.cells.name ?? '',
        `Thông số "${spec.label}" được khai báo nhiều lần; dùng giá trị ở dòng ${r.row}.`,
      );
    }
    seen.add(spec.key);
    const parsed = parseSettingValue(spec, r.data.value ?? '', tzOffsetMinutes);
    const cell = r.cells.value ?? a1(r.row, 2);
    cells[spec.key] = cell;
    if (!parsed.ok) {
      problems.error('setting-invalid', sheet, cell, `${spec.label}: ${afterColon(parsed.error)}.`, spec.note);
      continue;
    }
    if (parsed.warning)
      problems.warning('setting-doubtful', sheet, cell, `${spec.label}: ${afterColon(parsed.warning)}.`);
    if (parsed.value === null) {
      // The official total has no default an officer may rely on: a cleared cell would otherwise
      // allocate (and print) the template's 250 as if it were the province's figure.
      if (spec.key === 'officialTotal')
        problems.error('setting-missing', sheet, cell, `${spec.label}: chưa nhập.`, spec.note);
      continue; // blank: the default stands (structure rules stay off)
    }
    assignSetting(settings, spec, parsed.value);
  }
  return { settings, cells };
}

/**
 * A `Cấu hình` whose official-total row was deleted by hand: an error (at the first row below the
 * table), so no allocation, check or document takes the template's default 250 as the province's
 * figure. A blank value in the row is already an error of readSettingsWithCells.
 */
export function checkOfficialTotalRow(grid: Grid, cells: SettingCells, problems: ProblemList): void {
  if (grid === null || cells.officialTotal !== undefined) return;
  const table = locateTable(SHEETS.config, grid, new ProblemList());
  if (!table.present) return;
  const spec = SETTING_SPECS.find((s) => s.key === 'officialTotal');
  if (!spec) return;
  const sheet = SHEETS.config.name;
  problems.error(
    'setting-missing',
    sheet,
    a1(grid.length + 1, 1),
    CHECK_MESSAGES.officialTotalRowMissing(spec.label, sheet),
    CHECK_MESSAGES.officialTotalRowMissingHint(spec.label),
  );
}

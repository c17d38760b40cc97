/**
 * Whole-cell snapshots of a local workbook, read through the runtime's raw services (the objects
 * the runtime hands to scripts, without the counting boundary and without the bundle), and a diff
 * that names sheet, cell and field. The ownership rules below say what the add-in may change; they
 * are written from the user's side of the screen, not from the product's code:
 *
 * - `Kiểm tra` and `Văn bản` are the add-in's, whole.
 * - In `Phân bổ`, the computed columns (found by their header text) of the unit rows (rows 2…N+1,
 *   N = units listed in `Đơn vị`) are the add-in's; `Điều chỉnh`, `Ghi chú`, extra columns, rows
 *   under the units (a "Tổng cộng" row) and every header are the user's.
 * - In `Nhiệm vụ`, the `Tình trạng` column below the header is the add-in's.
 * - A mark on a user's cell is allowed: a note text added after the user's note and containing the
 *   marker, plus a fill on a cell that had none. Nothing else about the cell may change, and when
 *   the mark goes the cell is exactly as it was.
 * - Everything else (cells, sheet list and order, hidden, frozen rows, sizes, protections) is the
 *   user's and must be identical. New sheets are allowed only under the template's sheet names (or
 *   hidden, named after the add-in, for its own bookkeeping). "Thiết lập bảng tính" may also fill
 *   cells of template sheets that were blank (a missing header or setting), and grow a sheet.
 */
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

/** The text the add-in puts in its notes (the user may quote it in their own notes too). */
export const MARKER = '⚑ Trợ lý Đại hội DTTS';
/** What Google reports for a cell without fill. */
export const NO_FILL = '#ffffff';
/** The template's sheets (a sheet under one of these names may be created by the add-in). */
export const TEMPLATE_SHEETS = [
  'Cấu hình',
  'Đơn vị',
  'Dân tộc theo đơn vị',
  'Phân bổ',
  'Đại biểu',
  'Thành viên',
  'Nhiệm vụ',
  'Tiến độ',
  'Cuộc họp',
  'Kết luận',
  'Kiểm tra',
  'Văn bản',
] as const;
/** Sheets written whole by the add-in. */
export const OWNED_SHEETS = new Set(['Kiểm tra', 'Văn bản']);

/** A sheet the add-in may add for its own bookkeeping: hidden, named after the add-in. */
export function isAddInSheet(s: SheetSnapshot): boolean {
  return s.hidden && s.name.startsWith('Trợ lý');
}
/** Computed columns of `Phân bổ` (by header). */
export const ALLOCATION_COMPUTED = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Dân số DTTS',
  'Hạn ngạch',
  'Số theo tỷ lệ',
  'Số phân bổ',
  'Số chính thức',
  'Đã đăng ký',
  'Chênh lệch',
  'Cách tính',
  'Hình thức',
];

export const CELL_FIELDS = [
  'value',
  'formula',
  'note',
  'background',
  'numberFormat',
  'validation',
  'fontWeight',
] as const;
export type CellField = (typeof CELL_FIELDS)[number];
export type CellSnapshot = Record<CellField, string>;

export interface SheetSnapshot {
  name: string;
  index: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  /** One line per protection: type, range, description, warning-only, editors. */
  protections: string[];
  /** Cells that differ from an untouched cell, by A1. */
  cells: Map<string, CellSnapshot>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** One difference: where and what. */
export interface Difference {
  sheet: string;
  /** A1 of the cell, or '' for a sheet-level property. */
  cell: string;
  field: string;
  before: string;
  after: string;
}

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "A12" → [12, 1]. */
export function parseA1(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell: ${ref}`);
  let column = 0;
  for (const ch of m[1] as string) column = column * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), column];
}

/** A value with its type, so "06100" (text) and 6100 (number) differ. */
export function typedValue(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return `date:${(v as Date).toISOString()}`;
  if (typeof v === 'number') return `number:${v}`;
  if (typeof v === 'boolean') return `boolean:${v}`;
  return `text:${String(v)}`;
}

function describeCriteriaValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(describeCriteriaValue).join(',')}]`;
  if (v && typeof v === 'object' && 'getA1Notation' in v && 'getSheet' in v) {
    const r = v as GoogleAppsScript.Spreadsheet.Range;
    return `${r.getSheet().getName()}!${r.getA1Notation()}`;
  }
  return typedValue(v);
}

const validationText = new WeakMap<object, string>();

function describeValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): string {
  if (!rule) return '';
  const known = validationText.get(rule);
  if (known !== undefined) return known;
  const text = `${String(rule.getCriteriaType())}(${rule.getCriteriaValues().map(describeCriteriaValue).join(';')})${
    rule.getAllowInvalid() ? '' : ' reject'
  }`;
  validationText.set(rule, text);
  return text;
}

/** Last row and column holding anything at all (value, formula, note, format, validation). */
function extent(sheet: LocalSheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.grid.forEach((_c, r, c) => {
    if (r + 1 > rows) rows = r + 1;
    if (c + 1 > columns) columns = c + 1;
  });
  return { rows: Math.min(rows, sheet.getMaxRows()), columns: Math.min(columns, sheet.getMaxColumns()) };
}

let defaultCell: CellSnapshot | undefined;

/** What an untouched cell reads as (measured on the runtime, once). */
function untouched(ss: LocalSpreadsheet): CellSnapshot {
  if (!defaultCell) {
    const probe = ss.localSheets()[0];
    if (!probe) throw new Error('snapshot: a workbook without sheets');
    const r = probe.getRange(probe.getMaxRows(), probe.getMaxColumns());
    defaultCell = {
      value: '',
      formula: '',
      note: '',
      background: NO_FILL,
      numberFormat: r.getNumberFormat(),
      validation: '',
      fontWeight: String(r.getFontWeight()),
    };
  }
  return defaultCell;
}

function sheetSnapshot(ss: LocalSpreadsheet, sheet: LocalSheet, index: number): SheetSnapshot {
  const { rows, columns } = extent(sheet);
  const cells = new Map<string, CellSnapshot>();
  if (rows > 0 && columns > 0) {
    const range = sheet.getRange(1, 1, rows, columns);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const formats = range.getNumberFormats();
    const validations = range.getDataValidations();
    const weights = range.getFontWeights();
    const base = untouched(ss);
    for (let i = 0; i < rows; i++) {
      const v = values[i] as unknown[];
      const fo = formulas[i] as string[];
      const no = notes[i] as string[];
      const bg = backgrounds[i] as string[];
      const nf = formats[i] as string[];
      const dv = validations[i] as (GoogleAppsScript.Spreadsheet.DataValidation | null)[];
      const fw = weights[i] as unknown[];
      for (let j = 0; j < columns; j++) {
        const blank =
          (v[j] === '' || v[j] === null) &&
          !fo[j] &&
          !no[j] &&
          bg[j] === base.background &&
          nf[j] === base.numberFormat &&
          !dv[j] &&
          String(fw[j]) === base.fontWeight;
        if (blank) continue;
        cells.set(a1(i + 1, j + 1), {
          value: typedValue(v[j]),
          formula: fo[j] ?? '',
          note: no[j] ?? '',
          background: bg[j] ?? NO_FILL,
          numberFormat: nf[j] ?? base.numberFormat,
          validation: describeValidation(dv[j] ?? null),
          fontWeight: String(fw[j] ?? base.fontWeight),
        });
      }
    }
  }
  return {
    name: sheet.getName(),
    index,
    hidden: sheet.isSheetHidden(),
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    protections: sheet.protections.map(
      (p) =>
        `${p.type} ${p.getRange().getA1Notation()} "${p.getDescription()}" ${
          p.isWarningOnly() ? 'warning-only' : 'enforced'
        } editors=${[...p.editorEmails].sort().join(',')}`,
    ),
    cells,
  };
}

/** Every sheet, every cell that is not blank-and-default, and the sheet-level properties. */
export function snapshot(ss: LocalSpreadsheet): WorkbookSnapshot {
  return { sheets: ss.localSheets().map((s, i) => sheetSnapshot(ss, s, i)) };
}

/** A cell of a snapshot (default when absent). */
export function cellOf(snap: SheetSnapshot | undefined, ref: string): CellSnapshot {
  return snap?.cells.get(ref) ?? (defaultCell as CellSnapshot);
}

export function sheetOf(snap: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snap.sheets.find((s) => s.name === name);
}

/** Header text → 1-based column, from row 1 of a sheet snapshot. */
export function headers(snap: SheetSnapshot | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!snap) return out;
  for (const [ref, cell] of snap.cells) {
    const [row, column] = parseA1(ref);
    if (row === 1 && cell.value.startsWith('text:')) out.set(cell.value.slice(5).trim(), column);
  }
  return out;
}

function sheetLevel(before: SheetSnapshot, after: SheetSnapshot): Difference[] {
  const out: Difference[] = [];
  const fields = ['hidden', 'frozenRows', 'frozenColumns', 'maxRows', 'maxColumns'] as const;
  for (const f of fields) {
    if (before[f] !== after[f])
      out.push({ sheet: before.name, cell: '', field: f, before: String(before[f]), after: String(after[f]) });
  }
  const bp = before.protections.join(' | ');
  const ap = after.protections.join(' | ');
  if (bp !== ap) out.push({ sheet: before.name, cell: '', field: 'protections', before: bp, after: ap });
  return out;
}

function cellDiffs(sheet: string, before: SheetSnapshot | undefined, after: SheetSnapshot | undefined): Difference[] {
  const out: Difference[] = [];
  const refs = new Set([...(before?.cells.keys() ?? []), ...(after?.cells.keys() ?? [])]);
  for (const ref of refs) {
    const b = cellOf(before, ref);
    const a = cellOf(after, ref);
    for (const f of CELL_FIELDS) if (b[f] !== a[f]) out.push({ sheet, cell: ref, field: f, before: b[f], after: a[f] });
  }
  return out;
}

/** Every difference, owned or not (sheets added, removed, moved; every field of every cell). */
export function diff(before: WorkbookSnapshot, after: WorkbookSnapshot): Difference[] {
  const out: Difference[] = [];
  const names = (s: WorkbookSnapshot) => s.sheets.map((x) => x.name).join(' | ');
  if (names(before) !== names(after))
    out.push({ sheet: '', cell: '', field: 'sheets', before: names(before), after: names(after) });
  for (const b of before.sheets) {
    const a = sheetOf(after, b.name);
    if (!a) continue;
    out.push(...sheetLevel(b, a), ...cellDiffs(b.name, b, a));
  }
  for (const a of after.sheets) if (!sheetOf(before, a.name)) out.push(...cellDiffs(a.name, undefined, a));
  return out;
}

/** The cells of a sheet the add-in owns, given the workbook before the action. */
export interface Ownership {
  owns(sheet: string, ref: string): boolean;
}

/** Units listed in `Đơn vị`: rows below the header with a code. */
export function unitCount(snap: WorkbookSnapshot): number {
  const units = sheetOf(snap, 'Đơn vị');
  const codeColumn = headers(units).get('Mã đơn vị');
  if (!units || !codeColumn) return 0;
  let n = 0;
  for (const [ref, cell] of units.cells) {
    const [row, column] = parseA1(ref);
    if (row > 1 && column === codeColumn && cell.value !== '') n++;
  }
  return n;
}

/** The ownership rules of the file header, from the workbook before an action. */
export function ownership(before: WorkbookSnapshot): Ownership {
  const allocation = sheetOf(before, 'Phân bổ');
  const allocationHeaders = headers(allocation);
  const computed = new Set(
    ALLOCATION_COMPUTED.map((h) => allocationHeaders.get(h)).filter((c): c is number => c !== undefined),
  );
  const units = unitCount(before);
  const statusColumn = headers(sheetOf(before, 'Nhiệm vụ')).get('Tình trạng');
  return {
    owns(sheet, ref) {
      if (OWNED_SHEETS.has(sheet)) return true;
      const [row, column] = parseA1(ref);
      if (sheet === 'Phân bổ') return row >= 2 && row <= units + 1 && computed.has(column);
      if (sheet === 'Nhiệm vụ') return row >= 2 && column === statusColumn;
      return false;
    },
  };
}

/** No content: no value, formula or note (formatting aside). */
export function isBlank(c: CellSnapshot): boolean {
  return c.value === '' && c.formula === '' && c.note === '';
}

/** The fills a mark may add (Google's preset light red and light yellow: error, warning). */
export const MARK_FILLS = new Set(['#f4c7c3', '#fce8b2']);

/**
 * True when `after` is `before` plus an add-in mark (or nothing): a note text containing the marker
 * added after the user's note (or into an empty note), and/or a mark fill on a cell without fill.
 * Any other change (a user note cut or replaced, a user fill replaced or removed) is a loss.
 */
export function isMarkOnly(before: CellSnapshot, after: CellSnapshot): { ok: boolean; marked: boolean } {
  for (const f of CELL_FIELDS) {
    if (f === 'note' || f === 'background') continue;
    if (before[f] !== after[f]) return { ok: false, marked: false };
  }
  const noteAdded =
    after.note !== before.note &&
    after.note.startsWith(before.note) &&
    after.note.slice(before.note.length).includes(MARKER);
  if (after.note !== before.note && !noteAdded) return { ok: false, marked: false };
  const fillAdded =
    after.background !== before.background && before.background === NO_FILL && MARK_FILLS.has(after.background);
  if (after.background !== before.background && !fillAdded) return { ok: false, marked: false };
  return { ok: true, marked: noteAdded || fillAdded };
}

/**
 * The user's losses: every difference on a cell or sheet the user owns, except a mark.
 * `before` is the workbook as the user left it (never marked); `after` may hold marks.
 */
export function userDiff(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  options: { additions?: boolean } = {},
): Difference[] {
  const own = ownership(before);
  const out: Difference[] = [];
  const afterNames = after.sheets.map((s) => s.name);
  // Sheets: every user sheet still there, in the same order, nothing foreign added.
  const userSheets = before.sheets.filter((s) => !OWNED_SHEETS.has(s.name) && !isAddInSheet(s)).map((s) => s.name);
  const kept = afterNames.filter((n) => userSheets.includes(n));
  if (kept.join(' | ') !== userSheets.join(' | '))
    out.push({ sheet: '', cell: '', field: 'sheets', before: userSheets.join(' | '), after: kept.join(' | ') });
  for (const s of after.sheets) {
    if (!sheetOf(before, s.name) && !(TEMPLATE_SHEETS as readonly string[]).includes(s.name) && !isAddInSheet(s))
      out.push({ sheet: s.name, cell: '', field: 'sheet added', before: '', after: s.name });
  }
  for (const b of before.sheets) {
    if (OWNED_SHEETS.has(b.name) || isAddInSheet(b)) continue;
    const a = sheetOf(after, b.name);
    if (!a) continue;
    out.push(
      ...sheetLevel(b, a).filter(
        (d) => !(options.additions && /^max(Rows|Columns)$/.test(d.field) && Number(d.after) > Number(d.before)),
      ),
    );
    const refs = new Set([...b.cells.keys(), ...a.cells.keys()]);
    for (const ref of refs) {
      if (own.owns(b.name, ref)) continue;
      // "Thiết lập bảng tính" only adds: a missing header or setting may go into a cell that was blank.
      if (options.additions && isBlank(cellOf(b, ref)) && (TEMPLATE_SHEETS as readonly string[]).includes(b.name))
        continue;
      const bc = cellOf(b, ref);
      const ac = cellOf(a, ref);
      if (isMarkOnly(bc, ac).ok) continue;
      for (const f of CELL_FIELDS)
        if (bc[f] !== ac[f]) out.push({ sheet: b.name, cell: ref, field: f, before: bc[f], after: ac[f] });
    }
  }
  return out;
}

/** Cells of user sheets carrying an add-in mark now that did not before. */
export function markedCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const a of after.sheets) {
    if (OWNED_SHEETS.has(a.name) || isAddInSheet(a)) continue;
    const b = sheetOf(before, a.name);
    for (const [ref, cell] of a.cells) {
      if (isMarkOnly(cellOf(b, ref), cell).marked) out.push(`${a.name}!${ref}`);
    }
  }
  return out;
}

/**
 * Problems with what the add-in wrote in its own cells: a formula (user text turned into a formula),
 * and in `Phân bổ` a unit code or name that is not the user's text as typed in `Đơn vị` (a code
 * "06124" turned into the number 6124, a name "=Hữu Lũng" turned into a formula). Only cells the
 * run changed are judged, unless `all` (after an allocation that said it succeeded).
 */
export function ownedCellProblems(before: WorkbookSnapshot, after: WorkbookSnapshot, all = false): Difference[] {
  const own = ownership(before);
  const out: Difference[] = [];
  const changed = (sheet: string, ref: string, cell: CellSnapshot) => {
    if (all) return true;
    const b = cellOf(sheetOf(before, sheet), ref);
    return CELL_FIELDS.some((f) => b[f] !== cell[f]);
  };
  for (const a of after.sheets) {
    const isNew = !sheetOf(before, a.name);
    for (const [ref, cell] of a.cells) {
      const owned = own.owns(a.name, ref) || (isNew && OWNED_SHEETS.has(a.name));
      if (!owned || !cell.formula || !changed(a.name, ref, cell)) continue;
      out.push({ sheet: a.name, cell: ref, field: 'formula in an add-in cell', before: '', after: cell.formula });
    }
  }
  const units = sheetOf(before, 'Đơn vị');
  const unitHeaders = headers(units);
  const typed = (header: string) => {
    const column = unitHeaders.get(header);
    const set = new Set<string>();
    if (!units || !column) return set;
    for (const [ref, cell] of units.cells) {
      const [row, c] = parseA1(ref);
      if (row > 1 && c === column && cell.value !== '') set.add(cell.value);
    }
    return set;
  };
  const allocation = sheetOf(after, 'Phân bổ');
  const allocationHeaders = headers(allocation);
  const n = unitCount(before);
  for (const header of ['Mã đơn vị', 'Tên đơn vị']) {
    const expected = typed(header);
    const column = allocationHeaders.get(header);
    if (!allocation || !column || expected.size === 0) continue;
    for (let row = 2; row <= n + 1; row++) {
      const ref = a1(row, column);
      const cell = cellOf(allocation, ref);
      if ((cell.value === '' && !cell.formula) || !changed('Phân bổ', ref, cell)) continue;
      if (!expected.has(cell.value) || cell.formula)
        out.push({
          sheet: 'Phân bổ',
          cell: ref,
          field: `${header} is not the text typed in Đơn vị`,
          before: [...expected].slice(0, 3).join(', '),
          after: cell.formula || cell.value,
        });
    }
  }
  return out;
}

/** Readable lines, at most `limit`. */
export function describe(diffs: readonly Difference[], limit = 12): string[] {
  const lines = diffs
    .slice(0, limit)
    .map(
      (d) =>
        `${d.sheet}${d.cell ? `!${d.cell}` : ''} ${d.field}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`,
    );
  if (diffs.length > limit) lines.push(`… and ${diffs.length - limit} more`);
  return lines;
}

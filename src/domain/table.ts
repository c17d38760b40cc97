/**
 * A sheet's grid (one getValues) read against its spec: where the header row is, which column
 * holds which field, and each data row parsed into a typed record through a zod/mini schema.
 * Reading never throws on bad data: every problem is reported with its sheet and cell.
 */
import * as z from 'zod/mini';
import { a1, type ProblemList } from './problem';
import type { ColumnSpec, SheetSpec } from './template';
import { afterColon, headerKey } from './text';
import { type CellValue, isBlank, isErrorValue, type Parsed } from './values';

/** How many rows from the top are searched for the header row (titles may sit above it). */
const HEADER_SEARCH_ROWS = 10;

export interface Table {
  spec: SheetSpec;
  /** The sheet exists in the workbook. */
  present: boolean;
  /** 1-based row of the header (1 when the sheet is missing or has no recognisable header). */
  headerRow: number;
  /** Field key → 0-based column index, for the columns found. */
  columns: Partial<Record<string, number>>;
  /** The whole grid as read, header and rows above it included. */
  values: CellValue[][];
}

function headerKeysOf(col: ColumnSpec): string[] {
  return [col.header, ...(col.aliases ?? [])].map(headerKey);
}

function matchHeaderRow(row: readonly CellValue[], spec: SheetSpec): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  const wanted = new Map<string, string>();
  for (const col of spec.columns) for (const k of headerKeysOf(col)) if (!wanted.has(k)) wanted.set(k, col.key);
  row.forEach((cell, index) => {
    if (typeof cell !== 'string' || cell.trim() === '') return;
    const field = wanted.get(headerKey(cell));
    if (field === undefined) return;
    const list = byKey.get(field) ?? [];
    list.push(index);
    byKey.set(field, list);
  });
  return byKey;
}

/**
 * Which of several columns under the same header is read and written: the only one holding
 * something below the header row, else the first. Every reader (validation, allocation, notices,
 * the intake's pairing and its writes) goes through locateTable, so they all agree on it: an
 * officer who typed their own column beside the template's empty one is read, and an import
 * writes into the column validation reads.
 */
function duplicateInUse(
  found: readonly number[],
  values: readonly (readonly CellValue[])[],
  headerRow: number,
): number {
  const filled = found.filter((c) => {
    for (let r = headerRow; r < values.length; r++) if (!isBlank(values[r]?.[c])) return true;
    return false;
  });
  return filled.length === 1 ? (filled[0] as number) : (found[0] as number);
}

/**
 * Locates the header row and the spec's columns in a grid. Missing required columns are errors;
 * a header written several times is a warning (the one used: see duplicateInUse).
 */
export function locateTable(spec: SheetSpec, values: CellValue[][] | null, problems: ProblemList): Table {
  if (values === null) {
    if (spec.columns.some((c) => c.required)) {
      problems.error(
        'sheet-missing',
        spec.name,
        '',
        `Không có trang tính "${spec.name}".`,
        'Chạy "Thiết lập bảng tính" để tạo trang tính này.',
      );
    }
    return { spec, present: false, headerRow: 1, columns: {}, values: [] };
  }
  let best = { row: 0, matches: new Map<string, number[]>() };
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const matches = matchHeaderRow(values[r] ?? [], spec);
    if (matches.size > best.matches.size) best = { row: r, matches };
  }
  const headerRow = best.row + 1;
  const columns: Partial<Record<string, number>> = {};
  for (const col of spec.columns) {
    const found = best.matches.get(col.key);
    if (!found || found.length === 0) {
      if (col.required) {
        problems.error(
          'column-missing',
          spec.name,
          a1(headerRow, 1),
          `Trang tính "${spec.name}" thiếu cột "${col.header}".`,
          `Thêm cột có tiêu đề "${col.header}" vào dòng tiêu đề, hoặc chạy "Thiết lập bảng tính".`,
        );
      }
      continue;
    }
    // A column the add-in writes (computed, provenance) is always the template's, the first: an
    // officer's copy of it, even the only one holding data, is theirs and never written.
    const owned = col.computed === true || col.provenance === true;
    const used = found.length > 1 && !owned ? duplicateInUse(found, values, headerRow) : (found[0] as number);
    columns[col.key] = used;
    if (found.length > 1) {
      // Said at the first header not used, naming the one used.
      problems.warning(
        'column-duplicate',
        spec.name,
        a1(headerRow, (found.find((c) => c !== used) as number) + 1),
        `Cột "${col.header}" xuất hiện ${found.length} lần; chỉ dùng cột ${a1(headerRow, used + 1)}.`,
        'Đổi tên hoặc xóa cột trùng.',
      );
    }
  }
  return { spec, present: true, headerRow, columns, values };
}

/** A cell converter: a zod/mini schema that never fails and yields the parse result of one cell. */
export type CellSchema<T> = z.ZodMiniType<Parsed<T>, unknown>;

/**
 * The converter behind each schema made by cellSchema. readRecords calls it directly: the schema is
 * `pipe(unknown(), transform(parse))`, which never fails and yields exactly `parse(v)`, and going
 * through zod for every cell of 50,000 rows costs about as much as all the rules of validation.
 */
const CONVERTERS = new WeakMap<object, (v: unknown) => Parsed<unknown>>();

export function cellSchema<T>(parse: (v: unknown) => Parsed<T>): CellSchema<T> {
  const schema = z.pipe(
    z.unknown(),
    z.transform((v: unknown) => parse(v)),
  ) as unknown as CellSchema<T>;
  CONVERTERS.set(schema, parse);
  return schema;
}

type Shape = Record<string, CellSchema<unknown>>;
type ValueOf<S> = S extends CellSchema<infer T> ? T : never;

/** A parsed row: the record (a field is null when blank or invalid) and where it came from. */
export interface RowRecord<R> {
  /** 1-based sheet row. */
  row: number;
  data: R;
  /** Field key → A1 reference of its cell (for fields whose column exists). */
  cells: Partial<Record<keyof R & string, string>>;
  /** Fields whose cell held something that could not be parsed. */
  invalid: ReadonlySet<string>;
}

export type RecordOf<S extends Shape> = { [K in keyof S]: ValueOf<S[K]> | null };

/**
 * Parses every non-blank data row with a row schema built from per-cell converters. Conversion
 * errors and warnings, error values (#REF! …) and missing required values become problems.
 */
export function readRecords<S extends Shape>(table: Table, shape: S, problems: ProblemList): RowRecord<RecordOf<S>>[] {
  if (!table.present) return [];
  const keys = Object.keys(shape).filter((k) => table.columns[k] !== undefined);
  const schema = z.object(Object.fromEntries(keys.map((k) => [k, shape[k] as CellSchema<unknown>])));
  const converters = keys.map((k) => CONVERTERS.get(shape[k] as object));
  const direct = converters.every((c) => c !== undefined);
  const specByKey = new Map(table.spec.columns.map((c) => [c.key, c]));
  const sheet = table.spec.name;
  const out: RowRecord<RecordOf<S>>[] = [];
  const cols = keys.map((k) => table.columns[k] as number);
  // "C" of "C12", once per column rather than once per cell: a1(row, col) is letters + row.
  const letters = cols.map((c) => a1(1, c + 1).slice(0, -1));
  // Every field of the shape with its column spec and header, once rather than once per row.
  const fields = Object.keys(shape).map((key) => {
    const spec = specByKey.get(key);
    return { key, spec, header: spec?.header ?? key, position: keys.indexOf(key) };
  });
  for (let r = table.headerRow; r < table.values.length; r++) {
    const cells = table.values[r] as CellValue[];
    if (allBlank(cells, cols)) continue;
    const row = r + 1;
    // The cells and their parse results by position in `keys` (arrays: no object per row for them).
    const raw: unknown[] = new Array(keys.length);
    const parsed: (Parsed<unknown> | undefined)[] = new Array(keys.length);
    const refs: Record<string, string> = {};
    for (let i = 0; i < keys.length; i++) {
      raw[i] = cells[cols[i] as number] ?? '';
      refs[keys[i] as string] = `${letters[i]}${row}`;
    }
    if (direct) {
      for (let i = 0; i < keys.length; i++) parsed[i] = (converters[i] as (v: unknown) => Parsed<unknown>)(raw[i]);
    } else {
      const byKey = schema.parse(Object.fromEntries(keys.map((k, i) => [k, raw[i]]))) as Record<
        string,
        Parsed<unknown>
      >;
      for (let i = 0; i < keys.length; i++) parsed[i] = byKey[keys[i] as string];
    }
    const data: Record<string, unknown> = {};
    const invalid = new Set<string>();
    for (const { key: k, spec, header, position } of fields) {
      const result = position < 0 ? undefined : parsed[position];
      if (!result) {
        data[k] = null;
        continue;
      }
      const errorValue = isErrorValue(raw[position]);
      if (errorValue) {
        data[k] = null;
        invalid.add(k);
        problems.error(
          'cell-error-value',
          sheet,
          refs[k] as string,
          `Ô ${refs[k]} (${header}) có giá trị lỗi ${errorValue}.`,
          'Sửa công thức hoặc nhập lại giá trị.',
        );
        continue;
      }
      if (!result.ok) {
        data[k] = null;
        invalid.add(k);
        problems.error(
          'cell-invalid',
          sheet,
          refs[k] as string,
          `${header}: ${afterColon(result.error)}.`,
          suggestionFor(spec),
        );
        continue;
      }
      data[k] = result.value;
      if (result.warning)
        problems.warning('cell-doubtful', sheet, refs[k] as string, `${header}: ${afterColon(result.warning)}.`);
      if (result.value === null && spec?.required) {
        problems.error(
          'cell-required',
          sheet,
          refs[k] as string,
          `Thiếu "${header}" ở dòng ${row}.`,
          `Nhập "${header}" hoặc xóa dòng này.`,
        );
      }
    }
    out.push({ row, data: data as RecordOf<S>, cells: refs as RowRecord<RecordOf<S>>['cells'], invalid });
  }
  return out;
}

/** The row's cells in these columns are all blank. */
function allBlank(cells: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) if (!isBlank(cells[c])) return false;
  return true;
}

function suggestionFor(spec: ColumnSpec | undefined): string {
  switch (spec?.kind) {
    case 'integer':
      return 'Nhập số nguyên, ví dụ 1.234 hoặc 1234.';
    case 'number':
      return 'Nhập số, ví dụ 12,5.';
    case 'ratio':
      return 'Nhập tỷ lệ, ví dụ 30% hoặc 1/3.';
    case 'date':
      return 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 12/01/2024.';
    case 'year':
      return 'Nhập năm gồm 4 chữ số, ví dụ 1985.';
    default:
      return spec?.list ? 'Chọn một giá trị trong danh sách thả xuống.' : '';
  }
}

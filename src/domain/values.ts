/**
 * Spreadsheet cell values as Apps Script `Range.getValues()` returns them, and parsers for the small
 * vocabularies staff type into cells (gender, delegate kind, task status, yes/no).
 *
 * Messages are short Vietnamese sentences without the cell reference: the caller adds sheet and cell.
 */
import { foldCompact, stripDiacritics } from './text';
import { offsetAt, type ZoneOffset } from './zone';

export type CellValue = string | number | boolean | Date;

/** Result of parsing one cell. `warning` means: accepted, but tell the user what was assumed. */
export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

/** A Date from any JS realm (never `instanceof`). Invalid dates are Dates too: check getTime(). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** '', null, undefined, or a string of whitespace only (incl. NBSP and zero-width characters). */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // A text whose first character is not a space is not blank: no regular expression for most cells.
  if (v.length > 0 && !isEdgeSpaceCode(v.charCodeAt(0))) return false;
  return BLANK_TEXT.test(v);
}

const BLANK_TEXT = /^[\s\u00A0\u200B-\u200D\u2060\uFEFF]*$/;

const ERROR_CODES = '#REF! #N/A #VALUE! #DIV/0! #NAME? #NUM! #NULL! #ERROR! #SPILL! #CALC!'.split(' ');

/** The spreadsheet error code a cell shows ('#REF!', '#N/A' …), or null. */
export function isErrorValue(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 12 || !v.includes('#')) return null;
  const code = v.trim().toUpperCase();
  return ERROR_CODES.includes(code) ? code : null;
}

/** Whitespace, NBSP and zero-width characters at either end. */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

/** A code unit EDGE_SPACE matches (JavaScript's \\s, and U+200B–U+200D, U+2060). */
function isEdgeSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True when `s` is NFC without asking the normaliser: every code unit is below U+0300 (no combining
 * mark, nothing that composes) or a precomposed Vietnamese letter of U+1E00–U+1EFF (each its own NFC,
 * none composes with what stands before it). False means: normalise.
 */
function isSurelyNfc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c >= 0x1f00)) return false;
  }
  return true;
}

/** The text begins or ends with a character EDGE_SPACE removes. */
function hasEdgeSpace(s: string): boolean {
  return s.length > 0 && (isEdgeSpaceCode(s.charCodeAt(0)) || isEdgeSpaceCode(s.charCodeAt(s.length - 1)));
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Trimmed NFC text of a cell: '' for blank, numbers as plain JS strings (1234.5 → '1234.5'),
 * booleans as 'TRUE'/'FALSE' (what Sheets shows), dates as 'dd/mm/yyyy', the day the cell shows in the
 * spreadsheet's time zone `zone` (default Asia/Ho_Chi_Minh; see offsetAt).
 */
export function cellText(v: unknown, zone: ZoneOffset = 420): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    const text = isSurelyNfc(v) ? v : v.normalize('NFC');
    // Most cells have nothing to trim: the regular expression only when an end is a space.
    return hasEdgeSpace(text) ? text.replace(EDGE_SPACE, '') : text;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return '';
    const d = new Date(t + offsetAt(zone, t) * 60000);
    return pad2(d.getUTCDate()) + '/' + pad2(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear();
  }
  return String(v);
}

/** The number format of a cell formatted as plain text ("Định dạng > Số > Văn bản thuần"). */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * What to give Range.setValues so that the cell stores `text` as text: setValues reads strings as if
 * typed, so "06100" would become 6100, "1/5" a date, "1E5" 100000 and "=…" a live formula
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues).
 * - In a cell formatted as plain text (`@`) numbers and dates stay as typed; a leading "=" or
 *   apostrophe still gets the quote prefix: no reference says "=…" stays text in a plain-text cell,
 *   so it is never left to chance (at worst the apostrophe shows, the text is never a formula).
 * - In any other cell every string gets the quote prefix ("'06100"): the cell then holds the text
 *   after it, never a number, date or formula.
 */
export function textInput(text: string, plainTextCell: boolean): string {
  if (text === '') return '';
  if (!plainTextCell || text.startsWith('=') || text.startsWith("'")) return "'" + text;
  return text;
}

/**
 * What to give setValues to put a cell back as it was read: its formula when it had one (getFormulas),
 * text so that it stays text, numbers, booleans and dates as they are.
 */
export function restoreInput(value: unknown, formula: string, plainTextCell: boolean): unknown {
  if (formula !== '') return formula;
  return typeof value === 'string' ? textInput(value, plainTextCell) : value;
}

/** A refused cell: the message, without the cell reference. */
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/**
 * The common tail of the cell readers once their own types are handled: other booleans and non-strings
 * are not `what`, an error code is reported; anything else gives the cell's text.
 */
export function textOf(v: unknown, what: string): { ok: false; error: string } | string {
  if (typeof v === 'boolean') return fail(`Giá trị ${v ? 'TRUE' : 'FALSE'} không phải là ${what}`);
  if (typeof v !== 'string') return fail(`Giá trị không phải là ${what}`);
  const code = isErrorValue(v);
  return code ? fail(`Ô đang báo lỗi ${code}`) : cellText(v);
}

/** Shared front part of the enum parsers: blank → null, errors and wrong types → message. */
function enumInput(v: unknown, what: string): Parsed<null> | string {
  if (isBlank(v)) return { ok: true, value: null };
  const err = isErrorValue(v);
  if (err) return fail(`Ô đang báo lỗi ${err}`);
  if (isDate(v)) return fail(`Ô chứa ngày tháng, không phải ${what}`);
  return cellText(v);
}

const AMBIGUOUS: unique symbol = Symbol('ambiguous');

/**
 * A reader for a small vocabulary, its lookup table built on first use. Keys are foldCompact(form) and, as a
 * fallback, the same keys without diacritics (a key that two values share once diacritics are gone is left out).
 * `what` names the vocabulary in messages; `hint` lists what to write.
 */
function enumParser<T>(
  what: string,
  hint: string,
  rows: readonly (readonly [T, ...string[]])[],
  unknown = `Không nhận ra ${what} "`,
): (v: unknown) => Parsed<T | null> {
  let exact: Map<string, T> | undefined;
  const loose = new Map<string, T | typeof AMBIGUOUS>();
  return (v) => {
    const input = enumInput(v, what);
    if (typeof input !== 'string') return input;
    if (!exact) {
      exact = new Map();
      for (const [value, ...forms] of rows) {
        for (const f of forms) {
          exact.set(foldCompact(f), value);
          const k = foldCompact(stripDiacritics(f));
          const seen = loose.get(k);
          loose.set(k, seen === undefined || seen === value ? value : AMBIGUOUS);
        }
      }
    }
    let value = exact.get(foldCompact(input));
    if (value === undefined) {
      const l = loose.get(foldCompact(stripDiacritics(input)));
      if (l !== AMBIGUOUS) value = l;
    }
    return value === undefined ? fail(`${unknown}${input}" (ghi ${hint})`) : { ok: true, value };
  };
}
const listForms = (labels: Record<string, string>): string =>
  Object.values(labels)
    .map((l) => `"${l}"`)
    .join(', ');

// ---------------------------------------------------------------------------------------------
// Gender

export type Gender = 'male' | 'female';
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { male: 'Nam', female: 'Nữ' };

/**
 * 'Nam', 'nam', 'M', 'male', 'trai' → male; 'Nữ', 'nu', 'nư', 'F', 'female', 'gái' → female.
 * '1'/'0' and 'x' are refused: different workbooks use them with opposite meanings.
 */
export const parseGender = /* @__PURE__ */ enumParser<Gender>('giới tính', listForms(GENDER_LABELS), [
  ['male', 'nam', 'm', 'male', 'man', 'trai', 'nam giới', 'giới nam', 'đàn ông'],
  ['female', 'nữ', 'nu', 'nư', 'f', 'female', 'woman', 'gái', 'nữ giới', 'giới nữ', 'phụ nữ', 'đàn bà'],
]);

// ---------------------------------------------------------------------------------------------
// Delegate kind

export type DelegateKind = 'official' | 'ex-officio' | 'guest';
export const DELEGATE_KIND_LABELS: Readonly<Record<DelegateKind, string>> = {
  official: 'Chính thức',
  'ex-officio': 'Đương nhiên',
  guest: 'Khách mời',
};

/** 'Chính thức', 'chinh thuc', 'CT' → official; 'Đương nhiên', 'DN' → ex-officio; 'Khách mời', 'KM' → guest. */
export const parseDelegateKind = /* @__PURE__ */ enumParser<DelegateKind>(
  'loại đại biểu',
  listForms(DELEGATE_KIND_LABELS),
  [
    ['official', 'chính thức', 'chinh thuc', 'ct', 'đại biểu chính thức', 'đbct', 'dbct', 'bầu', 'được bầu'],
    ['ex-officio', 'đương nhiên', 'duong nhien', 'đn', 'dn', 'đại biểu đương nhiên', 'đbđn', 'dbdn'],
    ['guest', 'khách mời', 'khach moi', 'km', 'khách', 'đại biểu khách mời', 'đbkm', 'dbkm', 'mời'],
  ],
);

// ---------------------------------------------------------------------------------------------
// Task status

export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'cancelled';
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  'not-started': 'Chưa thực hiện',
  'in-progress': 'Đang thực hiện',
  done: 'Hoàn thành',
  cancelled: 'Hủy',
};

/**
 * 'Chưa thực hiện' → not-started; 'Đang thực hiện', and the computed labels 'Quá hạn' and
 * 'Sắp đến hạn' → in-progress; 'Hoàn thành', 'Đã hoàn thành', 'Xong' → done; 'Hủy'/'Huỷ' → cancelled.
 * Like every parser here, also matches text typed without diacritics ('hoan thanh', 'huy').
 */
export const parseTaskStatus = /* @__PURE__ */ enumParser<TaskStatus>('trạng thái', listForms(TASK_STATUS_LABELS), [
  ['not-started', 'chưa thực hiện', 'chưa làm', 'chưa bắt đầu', 'chưa triển khai', 'chưa', 'mới'],
  ['in-progress', 'đang thực hiện', 'đang làm', 'đang triển khai', 'đang', 'quá hạn', 'sắp đến hạn', 'trễ hạn'],
  ['done', 'hoàn thành', 'đã hoàn thành', 'xong', 'đã xong', 'đã thực hiện', 'hoàn tất', 'đã hoàn tất'],
  ['cancelled', 'hủy', 'đã hủy', 'hủy bỏ', 'bỏ', 'không thực hiện', 'dừng thực hiện'],
]);

// ---------------------------------------------------------------------------------------------
// Yes / no

const yesNo = /* @__PURE__ */ enumParser<boolean>(
  'có/không',
  '"Có" hoặc "Không"',
  [
    [true, 'có', 'co', 'x', '✓', '✔', '☑', 'v', 'đã', 'rồi', 'đã có', 'true', 'yes', 'y', 'đúng', 'đạt'],
    [false, 'không', 'khong', 'k', 'ko', 'chưa', 'false', 'no', 'n', 'sai', '✗', '✘', 'không đạt'],
  ],
  'Không nhận ra "',
);

/** 'Có', 'x', 'X', '✓', 'Đã', TRUE → true; 'Không', 'Chưa', FALSE → false. Numbers are refused. */
export function parseYesNo(v: unknown): Parsed<boolean | null> {
  return typeof v === 'boolean' ? { ok: true, value: v } : yesNo(v);
}

/**
 * Decorated corpus: the sample workbooks as people actually keep them. Built from the samples, the
 * allocation run once (as the officer did last week), then decorated through the runtime's raw
 * services the way users decorate: Google's preset fills, their own notes (multi-line, one quoting
 * the add-in's marker), their own formulas and "Tổng cộng" rows, extra columns between and after the
 * template's, extra and hidden sheets, codes with leading zeros kept as text, unit names beginning
 * with = + - @, look-alike sheet names, a protected range. Every build is deterministic, so a fresh
 * copy is simply built again.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { LocalDataValidationBuilder } from '../../local/runtime/data-validation';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { KON_TUM } from '../../samples/kon-tum';
import { LANG_SON } from '../../samples/lang-son';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import type { SampleWorkbook } from '../../samples/types';
import { MARKER } from './snapshot';

/** Google's preset fills (Format › fill colour, light row). */
export const FILL = {
  lightRed: '#f4c7c3',
  lightYellow: '#fce8b2',
  lightGreen: '#d9ead3',
  lightBlue: '#cfe2f3',
  lightOrange: '#fce5cd',
} as const;

export const OWNER = 'chanh.vp@sodttg.langson.gov.vn';
export const COLLABORATOR = 'can.bo@sodttg.langson.gov.vn';

export interface CorpusWorkbook {
  name: string;
  /** "Now" for every run on this workbook. */
  now: string;
  /** Who runs the actions (default: the owner). */
  user?: string;
  /** A fresh copy, decorated. */
  build(): LocalSpreadsheet;
  /** The name the user gave the delegates sheet (for look-alikes). */
  delegatesSheet: string;
}

export function sheet(ss: LocalSpreadsheet, name: string): LocalSheet {
  const s = ss.localSheet(name);
  if (!s) throw new Error(`corpus: no sheet "${name}"`);
  return s;
}

/** 1-based column of a header in row 1. */
export function column(s: LocalSheet, header: string): number {
  const row = s.getRange(1, 1, 1, s.getMaxColumns()).getValues()[0] ?? [];
  const i = row.findIndex((v) => String(v).trim() === header);
  if (i < 0) throw new Error(`corpus: no column "${header}" in ${s.getName()}`);
  return i + 1;
}

/** Rows below the header with something in column 1 (1-based last row). */
function lastDataRow(s: LocalSheet, col = 1): number {
  const values = s.getRange(1, col, s.getMaxRows(), 1).getValues();
  let last = 1;
  values.forEach((r, i) => {
    if (r[0] !== '' && r[0] !== null) last = i + 1;
  });
  return last;
}

/** Row (1-based) of the first row whose `header` column satisfies `test`. */
export function findRow(s: LocalSheet, header: string, test: (v: unknown) => boolean): number {
  const col = column(s, header);
  const values = s.getRange(1, col, s.getMaxRows(), 1).getValues();
  const i = values.findIndex((r, k) => k > 0 && test(r[0]));
  if (i < 0) throw new Error(`corpus: no row in ${s.getName()} for ${header}`);
  return i + 1;
}

/** A user typing into a cell (strings interpreted as typed input; "'" forces text). */
function type(s: LocalSheet, row: number, col: number, value: unknown): void {
  s.getRange(row, col).setValue(value);
}

/** Inserts a user column right after `afterHeader`, with a header and a formula per data row. */
function insertColumnAfter(
  s: LocalSheet,
  afterHeader: string,
  header: string,
  cell: (row: number) => string | number,
  rows: number,
): void {
  const at = column(s, afterHeader);
  s.insertColumnAfter(at);
  type(s, 1, at + 1, header);
  for (let r = 2; r <= rows; r++) type(s, r, at + 1, cell(r));
}

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The allocation as the officer ran it before the decorations. */
function allocateOnce(ss: LocalSpreadsheet, now: string): void {
  const runtime = new Runtime({ spreadsheet: ss, now, user: OWNER });
  runBundle(runtime, 'allocateDelegates');
}

function decorateUnits(ss: LocalSpreadsheet, totalRow: boolean): void {
  const s = sheet(ss, 'Đơn vị');
  const last = lastDataRow(s);
  // Unit names beginning with = + - @, typed as text (apostrophe), as people paste list items.
  const name = column(s, 'Tên đơn vị');
  const prefixes = ["'=", "'+ ", "'- ", "'@"];
  prefixes.forEach((p, i) => {
    const row = 2 + i;
    const current = String(s.getRange(row, name).getValue());
    type(s, row, name, `${p}${current}`);
  });
  // Own fills (a highlighted row) and notes (multi-line; one quoting the add-in's marker).
  s.getRange(2, 1, 1, 2).setBackground(FILL.lightGreen);
  s.getRange(3, 1).setNote('Tên cũ trước sáp nhập:\n- xã A\n- xã B\n(đã đối chiếu Cục Thống kê)');
  s.getRange(4, column(s, 'Dân số DTTS')).setNote(`Đã rà soát lại.\nKhông phải ghi chú của ${MARKER}.`);
  s.getRange(5, 1).setBackground(FILL.lightYellow);
  // Own columns: one between the template's (formulas), two after (text with leading zeros, a name).
  const population = letter(column(s, 'Dân số'));
  const dtts = letter(column(s, 'Dân số DTTS'));
  insertColumnAfter(s, 'Dân số DTTS', 'Tỷ lệ DTTS', (r) => `=${dtts}${r}/${population}${r}`, last);
  s.getRange(2, column(s, 'Tỷ lệ DTTS'), last - 1, 1).setNumberFormat('0.0%');
  const after = s.getLastColumn() + 1;
  type(s, 1, after, 'Mã cũ');
  type(s, 1, after + 1, 'Người nhập');
  s.getRange(2, after, last - 1, 1).setNumberFormat('@');
  for (let r = 2; r <= last; r++) type(s, r, after, String(6100 + r).padStart(5, '0'));
  type(s, 2, after + 1, 'Hà Thu');
  if (!totalRow) return;
  // A "Tổng cộng" row under the units, bold, with sums.
  const total = last + 2;
  type(s, total, column(s, 'Tên đơn vị'), 'Tổng cộng');
  for (const h of ['Dân số', 'Dân số DTTS']) {
    const c = column(s, h);
    type(s, total, c, `=SUM(${letter(c)}2:${letter(c)}${last})`);
  }
  s.getRange(total, 1, 1, s.getLastColumn()).setFontWeight('bold');
}

function decorateAllocation(ss: LocalSpreadsheet): void {
  const s = sheet(ss, 'Phân bổ');
  const last = lastDataRow(s);
  if (last < 3) return;
  type(s, 2, column(s, 'Điều chỉnh'), 1);
  type(s, 3, column(s, 'Điều chỉnh'), -1);
  type(s, 2, column(s, 'Ghi chú'), 'Đề nghị tăng 1 theo Công văn 12/UBND-VX');
  s.getRange(3, column(s, 'Ghi chú')).setNote('Giảm 1 do sáp nhập\nxem biên bản ngày 05/01');
  s.getRange(2, column(s, 'Điều chỉnh'), 2, 1).setBackground(FILL.lightOrange);
  // A user column between the template's and one after, both with formulas.
  const seats = letter(column(s, 'Số phân bổ'));
  insertColumnAfter(s, 'Số chính thức', 'Kỳ trước', (r) => (r <= last ? 10 + r : ''), last);
  const finalCol = letter(column(s, 'Số chính thức'));
  const after = s.getLastColumn() + 1;
  type(s, 1, after, 'Tỷ lệ %');
  for (let r = 2; r <= last; r++) type(s, r, after, `=${finalCol}${r}/SUM(${finalCol}$2:${finalCol}$${last})`);
  // "Tổng cộng" under the units.
  const total = last + 2;
  type(s, total, column(s, 'Tên đơn vị'), 'Tổng cộng');
  type(s, total, column(s, 'Số phân bổ'), `=SUM(${seats}2:${seats}${last})`);
  type(s, total, column(s, 'Số chính thức'), `=SUM(${finalCol}2:${finalCol}${last})`);
  s.getRange(total, 1, 1, s.getLastColumn()).setFontWeight('bold').setBackground(FILL.lightBlue);
}

function decorateDelegates(ss: LocalSpreadsheet, name: string): void {
  const s = sheet(ss, name);
  const last = lastDataRow(s, column(s, 'Họ và tên'));
  // Problems the officer will be told about, on cells already decorated in every way.
  const year = column(s, 'Năm sinh');
  type(s, 4, year, 2020); // implausible, on a cell with the user's own fill
  s.getRange(4, year).setBackground(FILL.lightYellow);
  type(s, 6, year, 2021); // implausible, on a cell with the user's own multi-line note
  s.getRange(6, year).setNote('Hồ sơ gốc ghi:\n2021?\nchờ xác minh');
  type(s, 8, year, 2019); // implausible, on a cell whose note quotes the marker
  s.getRange(8, year).setNote(`${MARKER}: ghi chú này do cán bộ gõ lại, không phải của tiện ích`);
  type(s, 10, year, 2018); // implausible, plain cell
  s.getRange(12, column(s, 'Dân tộc')).setValue('Tày Nùng'); // unknown group, user fill red already
  s.getRange(12, column(s, 'Dân tộc')).setBackground(FILL.lightRed);
  // Own fills and notes on cells that will not be marked.
  s.getRange(2, 1, 1, column(s, 'Ghi chú')).setBackground(FILL.lightGreen);
  s.getRange(3, column(s, 'Họ và tên')).setNote('Đã xác minh CCCD');
  // Own columns: one between (text), three after (phone as text, formula, checkbox).
  insertColumnAfter(s, 'Họ và tên', 'Bí danh', (r) => (r % 7 === 0 ? `A ${r}` : ''), last);
  const after = s.getLastColumn() + 1;
  type(s, 1, after, 'Điện thoại');
  s.getRange(2, after, last - 1, 1).setNumberFormat('@');
  for (let r = 2; r <= Math.min(last, 30); r++) type(s, r, after, `09${String(12345670 + r).padStart(8, '0')}`);
  type(s, 1, after + 1, 'Tuổi');
  const y = letter(column(s, 'Năm sinh'));
  for (let r = 2; r <= last; r++) type(s, r, after + 1, `=2029-${y}${r}`);
  type(s, 1, after + 2, 'Đã xác nhận');
  const checkbox = new LocalDataValidationBuilder().requireCheckbox().build();
  s.getRange(2, after + 2, last - 1, 1).setDataValidation(checkbox as never);
  for (let r = 2; r <= last; r++) type(s, r, after + 2, r % 3 === 0);
  s.setFrozenColumns(2);
}

function decorateRest(ss: LocalSpreadsheet): void {
  const config = sheet(ss, 'Cấu hình');
  config.getRange(2, 2).setBackground(FILL.lightYellow);
  config.getRange(6, 2).setNote('Theo Kế hoạch số 12/KH-UBND\n(đã trình)');
  const tasks = sheet(ss, 'Nhiệm vụ');
  tasks.getRange(2, column(tasks, 'Nội dung')).setNote('Nhắc lại tại cuộc họp\ntháng sau');
  tasks.getRange(3, 1, 1, column(tasks, 'Ghi chú')).setBackground(FILL.lightYellow);
  const progress = sheet(ss, 'Tiến độ');
  progress.getRange(2, 1, 1, 3).setBackground(FILL.lightGreen);
  // Own sheets: one between the template's, one hidden at the end.
  const notes = ss.insertSheet('Ghi chép', 3) as unknown as LocalSheet;
  notes.getRange(1, 1, 3, 2).setValues([
    ['Việc', 'Số liệu'],
    ['Dân số DTTS đơn vị đầu', "='Đơn vị'!D2"],
    ['Mã xã cũ', "'06100"],
  ]);
  notes.getRange(1, 1, 1, 2).setFontWeight('bold').setBackground(FILL.lightBlue);
  const archive = ss.insertSheet('Lưu trữ 2024') as unknown as LocalSheet;
  archive.getRange(1, 1, 2, 2).setValues([
    ['Đơn vị', 'Số đại biểu'],
    ['HL', 22],
  ]);
  archive.hideSheet();
}

interface Options {
  /** Rename `Đại biểu` to this look-alike. */
  delegatesSheet?: string;
  /** An enforced protection by the owner on the unit data and on `Cấu hình`; a collaborator runs. */
  protectedByOwner?: boolean;
  /** A "Tổng cộng" row with sums under the units of `Đơn vị`. */
  unitsTotalRow?: boolean;
  /** The officer deleted two sheets, a column and a setting row: "Thiết lập bảng tính" has work to do. */
  incomplete?: boolean;
}

function decorated(sample: SampleWorkbook, now: string, options: Options = {}): () => LocalSpreadsheet {
  return () => {
    const ss = buildSample(sample, { owner: OWNER });
    allocateOnce(ss, now);
    const delegates = options.delegatesSheet ?? 'Đại biểu';
    if (options.delegatesSheet) {
      // Two steps: the runtime refuses a rename to a case variant of the sheet's own name.
      sheet(ss, 'Đại biểu').setName('tạm');
      sheet(ss, 'tạm').setName(options.delegatesSheet);
    }
    decorateUnits(ss, options.unitsTotalRow ?? false);
    decorateAllocation(ss);
    decorateDelegates(ss, delegates);
    decorateRest(ss);
    if (options.incomplete) {
      for (const name of ['Tiến độ', 'Kết luận']) ss.deleteSheet(sheet(ss, name) as never);
      const units = sheet(ss, 'Đơn vị');
      units.deleteColumn(column(units, 'Ghi chú'));
      const config = sheet(ss, 'Cấu hình');
      config.deleteRow(findRow(config, 'Thông số', (v) => v === 'Tỷ lệ khách mời tối đa'));
    }
    if (options.protectedByOwner) {
      const units = sheet(ss, 'Đơn vị');
      const p = units.getRange(1, 1, units.getLastRow(), units.getLastColumn()).protect();
      p.setDescription('Số liệu dân số đã chốt (chỉ Chánh Văn phòng sửa)');
      p.setWarningOnly(false);
      p.removeEditors(p.getEditors().map((u) => u.getEmail()));
      p.addEditor(OWNER);
      const config = sheet(ss, 'Cấu hình').protect();
      config.setDescription('Cấu hình đã duyệt');
      config.addEditor(OWNER);
    }
    return ss;
  };
}

const NOW_2024 = '2024-01-14T09:00:00+07:00';
const NOW_2029 = '2029-01-20T09:00:00+07:00';
const NOW_2019 = '2019-05-16T09:00:00+07:00';

export const CORPUS: CorpusWorkbook[] = [
  {
    name: 'Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units',
    now: NOW_2024,
    build: decorated(LANG_SON, NOW_2024, { unitsTotalRow: true }),
    delegatesSheet: 'Đại biểu',
  },
  {
    name: 'Lạng Sơn cấp xã (text codes) decorated',
    now: NOW_2029,
    build: decorated(LANG_SON_COMMUNES, NOW_2029),
    delegatesSheet: 'Đại biểu',
  },
  {
    name: 'Kon Tum decorated',
    now: NOW_2019,
    build: decorated(KON_TUM, NOW_2019),
    delegatesSheet: 'Đại biểu',
  },
  {
    name: 'look-alike "Đại biểu " (trailing space)',
    now: NOW_2024,
    build: decorated(LANG_SON, NOW_2024, { delegatesSheet: 'Đại biểu ' }),
    delegatesSheet: 'Đại biểu ',
  },
  {
    name: 'look-alike "Đại biểu" in NFD',
    now: NOW_2024,
    build: decorated(LANG_SON, NOW_2024, { delegatesSheet: 'Đại biểu'.normalize('NFD') }),
    delegatesSheet: 'Đại biểu'.normalize('NFD'),
  },
  {
    name: 'look-alike "ĐẠI BIỂU"',
    now: NOW_2024,
    build: decorated(LANG_SON, NOW_2024, { delegatesSheet: 'ĐẠI BIỂU' }),
    delegatesSheet: 'ĐẠI BIỂU',
  },
  {
    name: 'incomplete template (two sheets, a column and a setting deleted)',
    now: NOW_2029,
    build: decorated(LANG_SON_COMMUNES, NOW_2029, { incomplete: true }),
    delegatesSheet: 'Đại biểu',
  },
  {
    name: 'protected by the owner, run by a collaborator',
    now: NOW_2029,
    user: COLLABORATOR,
    build: decorated(LANG_SON_COMMUNES, NOW_2029, { protectedByOwner: true, unitsTotalRow: true }),
    delegatesSheet: 'Đại biểu',
  },
];

export function corpusWorkbook(name: string): CorpusWorkbook {
  const w = CORPUS.find((c) => c.name === name);
  if (!w) throw new Error(`corpus: no workbook ${name}`);
  return w;
}

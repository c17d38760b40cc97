/**
 * The workbook contract: which sheets exist, which columns they hold, and how each column is
 * typed, formatted and validated. Sheet and header texts are what users see and what tests rely on.
 * Columns are found by header text (any order); extra user columns are kept and never touched.
 */

import { ELIGIBILITY_LABELS } from '../ui/vi';

/** How a column's cells are parsed and formatted. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'ratio' | 'date' | 'year';

/** Dropdown lists offered on a column (built by setupWorkbook). */
export type ListKind =
  | 'units'
  | 'ethnic'
  | 'gender'
  | 'delegateKind'
  | 'taskStatus'
  | 'congressStatus'
  | 'meetings'
  | 'yesNo';

export interface ColumnSpec {
  /** Stable English key used in code. */
  key: string;
  /** Header text in the sheet (Vietnamese). */
  header: string;
  kind: ColumnKind;
  /** A value is required in every non-blank row. */
  required?: boolean;
  /** The add-in writes this column (warning-only protection; the user's own columns are never written). */
  computed?: boolean;
  list?: ListKind;
  /** Column width in pixels. */
  width?: number;
  /** Header note explaining what to type. */
  help?: string;
  /**
   * Written by "Nhận danh sách" (where a row came from), in a sheet that is otherwise the officer's:
   * no protection is added, and the intake forms leave it out.
   */
  provenance?: boolean;
  /** Other header texts users write for this column ("Họ tên" for "Họ và tên"). */
  aliases?: readonly string[];
  /**
   * Number format setup gives the column's cells instead of its kind's ('@': plain text, so a
   * phone number "0912 345 678" keeps its leading zero and is never turned into a number).
   */
  format?: string;
}

export interface SheetSpec {
  key: SheetKey;
  name: string;
  columns: readonly ColumnSpec[];
  /** Every data column is written by the add-in (the sheet is a report). */
  report?: boolean;
  /** Tab colour for add-in output sheets. */
  tabColor?: string;
}

export type SheetKey =
  | 'config'
  | 'units'
  | 'unitEthnic'
  | 'allocation'
  | 'delegates'
  | 'members'
  | 'tasks'
  | 'progress'
  | 'meetings'
  | 'conclusions'
  | 'report'
  | 'documents'
  | 'submissions';

const text = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  kind: 'text',
  ...extra,
});
const int = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  kind: 'integer',
  width: 110,
  ...extra,
});
const date = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  kind: 'date',
  width: 110,
  ...extra,
});
const note = text('note', 'Ghi chú', { width: 220 });

/**
 * The profile columns of `Đại biểu` (date of birth, qualifications, political training, Party and
 * Youth Union membership, commendations, phone). None is required by the template: which are
 * required is the setting `Thông tin bắt buộc của đại biểu` (src/domain/checks/profile.ts).
 */
export const PROFILE_COLUMNS: readonly ColumnSpec[] = [
  date('birthDate', 'Ngày sinh', {
    help: 'Ngày, tháng, năm sinh (dd/mm/yyyy), nếu có; phải khớp với cột Năm sinh.',
    aliases: [
      'Ngày tháng năm sinh',
      'Ngày, tháng, năm sinh',
      'Ngày/tháng/năm sinh',
      'Sinh ngày',
      'Ngày sinh (dd/mm/yyyy)',
      'Ngày, tháng, năm sinh (dd/mm/yyyy)',
      'Ngày tháng năm sinh (dd/mm/yyyy)',
    ],
  }),
  text('education', 'Trình độ chuyên môn', {
    width: 180,
    help: 'Ví dụ: Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Trung cấp, Sơ cấp, Chưa qua đào tạo.',
    aliases: ['Trình độ CM', 'Trình độ chuyên môn, nghiệp vụ', 'Trình độ chuyên môn nghiệp vụ', 'TĐCM', 'Chuyên môn'],
  }),
  text('politicalTheory', 'Lý luận chính trị', {
    width: 140,
    help: 'Ví dụ: Cử nhân, Cao cấp, Trung cấp, Sơ cấp.',
    aliases: ['LLCT', 'Lý luận CT', 'Trình độ lý luận chính trị', 'Trình độ LLCT', 'Trình độ lý luận'],
  }),
  text('partyMember', 'Đảng viên', {
    list: 'yesNo',
    width: 100,
    help: 'Có (hoặc x, hoặc ngày vào Đảng) nếu là đảng viên; Không hoặc để trống nếu không.',
    aliases: ['Đảng viên (x)', 'ĐV', 'Là đảng viên', 'Ngày vào Đảng', 'Đảng viên ĐCSVN'],
  }),
  text('youthMember', 'Đoàn viên', {
    list: 'yesNo',
    width: 100,
    help: 'Có (hoặc x, hoặc ngày vào Đoàn) nếu là đoàn viên; Không hoặc để trống nếu không.',
    aliases: ['Đoàn viên (x)', 'Là đoàn viên', 'ĐVTN', 'Đoàn viên TNCS', 'Đoàn viên TNCS Hồ Chí Minh', 'Ngày vào Đoàn'],
  }),
  text('awards', 'Khen thưởng', {
    width: 240,
    help: 'Hình thức khen thưởng đã nhận, ví dụ: Bằng khen của Thủ tướng Chính phủ (2020).',
    aliases: ['Hình thức khen thưởng', 'Khen thưởng (nếu có)', 'Thành tích khen thưởng', 'Khen thưởng đã nhận'],
  }),
  text('phone', 'Điện thoại', {
    width: 120,
    format: '@',
    help: 'Số điện thoại liên hệ (giữ nguyên số 0 ở đầu).',
    aliases: [
      'Số điện thoại',
      'SĐT',
      'SDT',
      'Số ĐT',
      'ĐT',
      'Điện thoại liên hệ',
      'Điện thoại di động',
      'ĐTDĐ',
      'Số điện thoại liên hệ',
      'Số điện thoại di động',
      'ĐT di động',
    ],
  }),
];

export const SHEETS: Readonly<Record<SheetKey, SheetSpec>> = {
  config: {
    key: 'config',
    name: 'Cấu hình',
    columns: [
      text('name', 'Thông số', { required: true, width: 300 }),
      text('value', 'Giá trị', { width: 260 }),
      text('note', 'Ghi chú', { width: 420 }),
    ],
  },
  units: {
    key: 'units',
    name: 'Đơn vị',
    columns: [
      text('code', 'Mã đơn vị', { required: true, width: 100, help: 'Mã ngắn, duy nhất (ví dụ HL, TPLS).' }),
      text('name', 'Tên đơn vị', { required: true, width: 180 }),
      int('population', 'Dân số', { help: 'Tổng dân số của đơn vị.' }),
      int('dttsPopulation', 'Dân số DTTS', {
        required: true,
        help: 'Dân số người dân tộc thiểu số: căn cứ để phân bổ đại biểu.',
      }),
      int('min', 'Tối thiểu', { help: 'Số đại biểu tối thiểu (để trống: theo Cấu hình).' }),
      int('max', 'Tối đa', { help: 'Số đại biểu tối đa (để trống: không giới hạn).' }),
      note,
    ],
  },
  unitEthnic: {
    key: 'unitEthnic',
    name: 'Dân tộc theo đơn vị',
    columns: [
      text('unit', 'Mã đơn vị', { required: true, list: 'units', width: 140 }),
      text('ethnic', 'Dân tộc', { required: true, list: 'ethnic', width: 160 }),
      int('population', 'Dân số'),
    ],
  },
  allocation: {
    key: 'allocation',
    name: 'Phân bổ',
    tabColor: '#1a73e8',
    columns: [
      text('code', 'Mã đơn vị', { computed: true, width: 100 }),
      text('name', 'Tên đơn vị', { computed: true, width: 180 }),
      int('dttsPopulation', 'Dân số DTTS', { computed: true }),
      {
        key: 'quota',
        header: 'Số theo tỷ lệ',
        kind: 'number',
        computed: true,
        width: 110,
        help: 'Dân số DTTS của đơn vị × số đại biểu phân bổ ÷ tổng dân số DTTS (chưa làm tròn).',
        // The header of workbooks set up before this name: still recognised, never added twice.
        aliases: ['Hạn ngạch'],
      },
      int('seats', 'Số phân bổ', { computed: true }),
      {
        key: 'adjustment',
        header: 'Điều chỉnh',
        kind: 'integer',
        width: 100,
        help: 'Điều chỉnh thủ công (+/−), do người dùng nhập; Số chính thức = Số phân bổ + Điều chỉnh.',
      },
      int('final', 'Số chính thức', { computed: true }),
      int('registered', 'Đã đăng ký', { computed: true }),
      int('difference', 'Chênh lệch', { computed: true }),
      // Why the unit got its Số phân bổ; optional: a workbook set up before it allocates without it.
      text('reason', 'Cách tính', { computed: true, width: 420 }),
      // How the unit chooses its delegates (eligibility.ts); optional, like `Cách tính`: a workbook set
      // up before it allocates without it, and setup adds it after the used columns. Next to `Cách tính`
      // in a new sheet, so the computed columns stay one block per row run.
      text('form', 'Hình thức', { computed: true, width: 150, help: ELIGIBILITY_LABELS.formColumnHelp }),
      note,
    ],
  },
  delegates: {
    key: 'delegates',
    name: 'Đại biểu',
    columns: [
      int('index', 'STT', { width: 50 }),
      text('name', 'Họ và tên', { required: true, width: 200, aliases: ['Họ tên', 'Họ và tên đại biểu'] }),
      text('unit', 'Mã đơn vị', { required: true, list: 'units', width: 140, aliases: ['Đơn vị', 'Tên đơn vị'] }),
      text('ethnic', 'Dân tộc', { required: true, list: 'ethnic', width: 120 }),
      text('gender', 'Giới tính', { list: 'gender', width: 80 }),
      { key: 'birthYear', header: 'Năm sinh', kind: 'year', width: 80 },
      text('category', 'Thành phần', {
        width: 200,
        help: 'Ví dụ: Người có uy tín; Cán bộ, công chức; Doanh nhân; Thanh niên …',
      }),
      text('kind', 'Loại đại biểu', { required: true, list: 'delegateKind', width: 120 }),
      text('position', 'Chức vụ, nơi công tác', { width: 260 }),
      note,
      // Profile fields the lists of the sub-units carry (issue 15). After `Ghi chú`: a workbook set
      // up before gets them appended at the end of its header row, and the rows typed or generated
      // in the template's order keep their places.
      ...PROFILE_COLUMNS,
      // Where the row came from, written by "Nhận danh sách" (importSubmission): the add-in's, text.
      text('source', 'Nguồn danh sách', {
        provenance: true,
        format: '@',
        width: 200,
        help: 'Tệp danh sách đơn vị gửi về (do tiện ích ghi khi nhận danh sách).',
      }),
      text('receivedOn', 'Ngày nhận', {
        provenance: true,
        format: '@',
        width: 100,
        help: 'Ngày nhận danh sách (do tiện ích ghi).',
      }),
    ],
  },
  members: {
    key: 'members',
    name: 'Thành viên',
    columns: [
      text('name', 'Họ và tên', { required: true, width: 200, aliases: ['Họ tên'] }),
      text('position', 'Chức vụ', { width: 220 }),
      text('agency', 'Cơ quan', { width: 200 }),
      text('body', 'Ban', { required: true, width: 160, help: 'Ban Chỉ đạo, Ban Tổ chức, Tiểu ban Nội dung …' }),
      text('role', 'Vai trò', { width: 140, help: 'Trưởng ban, Phó Trưởng ban, Thành viên …' }),
      text('units', 'Đơn vị phụ trách', { width: 220, help: 'Các mã hoặc tên đơn vị, cách nhau bởi dấu phẩy.' }),
      text('email', 'Email', { width: 200 }),
      text('duties', 'Nhiệm vụ', { width: 320, help: 'Nhiệm vụ được phân công (dùng trong văn bản phân công).' }),
    ],
  },
  tasks: {
    key: 'tasks',
    name: 'Nhiệm vụ',
    columns: [
      int('index', 'STT', { width: 50 }),
      text('content', 'Nội dung', { required: true, width: 360 }),
      text('lead', 'Chủ trì', { width: 160 }),
      text('partners', 'Phối hợp', { width: 200 }),
      text('followedBy', 'Người theo dõi', { width: 160 }),
      date('deadline', 'Hạn hoàn thành'),
      text('status', 'Trạng thái', { list: 'taskStatus', width: 130 }),
      date('doneOn', 'Ngày hoàn thành'),
      text('meeting', 'Cuộc họp', { list: 'meetings', width: 100 }),
      text('computedStatus', 'Tình trạng', {
        computed: true,
        width: 130,
        help: 'Do tiện ích tính: Quá hạn / Sắp đến hạn …',
      }),
      note,
    ],
  },
  progress: {
    key: 'progress',
    name: 'Tiến độ',
    columns: [
      text('unit', 'Mã đơn vị', { required: true, list: 'units', width: 140 }),
      date('steeringCommittee', 'Thành lập Ban Chỉ đạo', { width: 150 }),
      date('plan', 'Ban hành Kế hoạch', { width: 140 }),
      date('congressDate', 'Ngày Đại hội', { width: 120 }),
      text('congressStatus', 'Trạng thái Đại hội', { list: 'congressStatus', width: 150 }),
      note,
    ],
  },
  meetings: {
    key: 'meetings',
    name: 'Cuộc họp',
    columns: [
      text('code', 'Mã cuộc họp', { required: true, width: 110 }),
      date('date', 'Ngày', { required: true }),
      text('chair', 'Người chủ trì', { width: 180 }),
      text('chairTitle', 'Chức vụ người chủ trì', { width: 280 }),
      text('attendees', 'Thành phần', { width: 320 }),
      text('subject', 'Nội dung', { width: 360 }),
    ],
  },
  conclusions: {
    key: 'conclusions',
    name: 'Kết luận',
    columns: [
      text('meeting', 'Mã cuộc họp', { required: true, list: 'meetings', width: 110 }),
      int('index', 'STT', { width: 50 }),
      text('content', 'Nội dung', { required: true, width: 600 }),
    ],
  },
  report: {
    key: 'report',
    name: 'Kiểm tra',
    report: true,
    tabColor: '#d93025',
    columns: [
      text('severity', 'Mức độ', { computed: true, width: 90 }),
      text('sheet', 'Trang tính', { computed: true, width: 130 }),
      text('cell', 'Ô', { computed: true, width: 60 }),
      text('message', 'Nội dung', { computed: true, width: 420 }),
      text('suggestion', 'Gợi ý', { computed: true, width: 320 }),
    ],
  },
  // The submissions received from the units (importSubmission appends one row per list received);
  // created by the first import, not by setup.
  submissions: {
    key: 'submissions',
    name: 'Tiếp nhận danh sách',
    report: true,
    tabColor: '#188038',
    columns: [
      text('unit', 'Mã đơn vị', { computed: true, width: 100 }),
      text('unitName', 'Tên đơn vị', { computed: true, width: 180 }),
      text('file', 'Tệp', { computed: true, width: 240 }),
      text('receivedOn', 'Ngày nhận', { computed: true, width: 100 }),
      int('rows', 'Số dòng', { computed: true }),
      int('errors', 'Lỗi', { computed: true, width: 60 }),
      int('warnings', 'Cảnh báo', { computed: true, width: 80 }),
      text('receivedBy', 'Người nhận', { computed: true, width: 200 }),
    ],
  },
  documents: {
    key: 'documents',
    name: 'Văn bản',
    report: true,
    tabColor: '#188038',
    columns: [
      text('kind', 'Loại', { computed: true, width: 200 }),
      text('number', 'Số', { computed: true, width: 120 }),
      date('date', 'Ngày', { computed: true }),
      text('title', 'Trích yếu', { computed: true, width: 360 }),
      text('url', 'Liên kết', { computed: true, width: 280 }),
      text('digest', 'Mã dữ liệu', { computed: true, width: 120 }),
      text('user', 'Người tạo', { computed: true, width: 180 }),
      text('createdAt', 'Thời điểm', { computed: true, width: 150 }),
      text('sharedWith', 'Chia sẻ', { computed: true, width: 240 }),
    ],
  },
};

/** Sheets in the order setupWorkbook creates them. */
export const SHEET_ORDER: readonly SheetKey[] = [
  'config',
  'units',
  'unitEthnic',
  'allocation',
  'delegates',
  'members',
  'tasks',
  'progress',
  'meetings',
  'conclusions',
  'report',
  'documents',
];

export function sheetSpec(key: SheetKey): SheetSpec {
  return SHEETS[key];
}

export function columnSpec(sheet: SheetKey, key: string): ColumnSpec {
  const col = SHEETS[sheet].columns.find((c: ColumnSpec) => c.key === key);
  if (!col) throw new Error(`Unknown column ${sheet}.${key}`);
  return col;
}

/** Dropdown values offered for the enumerations (Vietnamese, as users see them). */
export const LIST_VALUES = {
  gender: ['Nam', 'Nữ'],
  delegateKind: ['Chính thức', 'Đương nhiên', 'Khách mời'],
  taskStatus: ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Hủy'],
  congressStatus: ['Chưa tổ chức', 'Đã tổ chức'],
  /** Đảng viên / Đoàn viên (x, a date of admission, … are accepted too: the dropdown only warns). */
  yesNo: ['Có', 'Không'],
} as const;

/** Number formats applied by setupWorkbook, by column kind ('' leaves the cell format alone). */
export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '',
  integer: '#,##0',
  number: '#,##0.00',
  ratio: '0.0%',
  date: 'dd/mm/yyyy',
  year: '0',
};

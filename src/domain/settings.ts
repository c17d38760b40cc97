/**
 * Settings kept in the `Cấu hình` sheet, one per row (`Thông số` | `Giá trị` | `Ghi chú`).
 * The rules the domain brief marks as unknown are settings here, with sensible defaults; the
 * structure rules are off unless the user sets them.
 */

import type { NoticeKind } from '../rpc/contract';
import { CHECK_MESSAGES, ELIGIBILITY_LABELS, KIND_NAMES } from '../ui/vi';
import { type ApportionMethod, parseApportionMethod } from './apportion';
import { type IsoDate, offsetAt, parseVnDate, type ZoneOffset } from './dates';
import { parseNonNegativeInteger, parseRatio } from './numbers';
import { type ColumnSpec, PROFILE_COLUMNS, SHEETS } from './template';
import { foldKey, headerKey, stripDiacritics } from './text';
import { cellText, isBlank, isDate, type Parsed } from './values';

export type UnitLevel = 'district' | 'commune';

export interface Settings {
  province: string;
  level: UnitLevel;
  round: string;
  year: number | null;
  officialTotal: number;
  exOfficioSeats: number;
  provincialAgencySeats: number;
  method: ApportionMethod;
  minSeatsPerUnit: number;
  maxGuestShare: number;
  officialCap: number;
  minWomenShare: number | null;
  minYouthShare: number | null;
  youthAge: number;
  minPrestigeShare: number | null;
  maxKinhShare: number | null;
  /** Age bounds of a delegate (blank: no bound); a delegate outside them is a warning. */
  minAge: number | null;
  maxAge: number | null;
  /** `Mốc nhóm tuổi` of the composition: the first age of each band after the first ("30, 46, 61"); '' = default bands. */
  ageBands: string;
  /** `Ngưỡng tổ chức đại hội`: DTTS people a sub-unit needs to hold its own congress (see eligibility.ts). */
  congressThreshold: number;
  dueSoonDays: number;
  unitCongressDeadline: IsoDate | null;
  /** `Hạn gửi danh sách đại biểu`: the day the units' lists are due; after it a unit that has not sent is late. */
  submissionDeadline: IsoDate | null;
  parentBody: string;
  issuingBody: string;
  issuerCode: string;
  place: string;
  signAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  drafterCode: string;
  templateDocId: string;
  /** Who generated Docs are shared with: nobody, the spreadsheet's editors, or the `Email` column of `Thành viên`. */
  shareWith: string;
  /** Viewer or editor access for them. */
  shareRole: string;
  /** Numbers given when a document is made ('auto'), or drafts numbered when issued ('draft'). */
  numbering: NumberingMode;
  /** The decision founding the steering committee, as the "Căn cứ" line names it. */
  foundingDecision: string;
  /** Further "Căn cứ" lines of a decision. */
  legalBasis: string[];
  /** Per-kind document profile values (`Cấu hình` rows "<kind name>: <setting>"); absent: the general setting. */
  profiles: ProfileValues;
  /** When the congress opens, as printed on the invitations ("07 giờ 30 phút, ngày 15/10/2024"). */
  congressTime: string;
  /** Where the congress is held, as printed on the invitations. */
  congressPlace: string;
  /** What each invited delegate brings (printed on the invitations; blank: the line is left out). */
  invitationDocuments: string;
  /** The decision the official delegate list is attached to (blank: no "Kèm theo" line). */
  delegateListDecision: string;
  /**
   * `Thông tin bắt buộc của đại biểu`: keys of the `Đại biểu` columns every delegate must have filled
   * (besides the template's always-required ones), in the order written; [] = none (the default).
   */
  requiredProfileFields: string[];
}

export type NumberingMode = 'auto' | 'draft';

/** What a document profile holds for each kind (parent and issuing body, number, signature, place, recipients, register). */
export const PROFILE_FIELDS = [
  'parentBody',
  'issuingBody',
  'issuerCode',
  'signAuthority',
  'signerTitle',
  'signerName',
  'place',
  'recipients',
  'register',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** "phan-bo-dai-bieu.issuerCode". */
export type ProfileKey = `${NoticeKind}.${ProfileField}`;
export type ProfileValues = Partial<Record<ProfileKey, string | string[]>>;
export const profileKey = (kind: NoticeKind, field: ProfileField): ProfileKey => `${kind}.${field}`;

type SettingKind =
  | 'text'
  | 'integer'
  | 'year'
  | 'ratio'
  | 'date'
  | 'level'
  | 'method'
  | 'lines'
  | 'numbering'
  | 'delegateColumns';

export interface SettingSpec {
  /** The setting, or for a per-kind profile row the kind and field ("phan-bo-dai-bieu.issuerCode"). */
  key: keyof Settings | ProfileKey;
  label: string;
  kind: SettingKind;
  /** Value written by setupWorkbook ('' leaves it blank: off / not set). */
  initial: string | number;
  note: string;
}

/** The general setting each profile field falls back to, and its label (the per-kind row is "<kind name>: <label>"). */
const PROFILE_LABELS: Record<ProfileField, { label: string; kind: SettingKind }> = {
  parentBody: { label: 'Cơ quan chủ quản', kind: 'text' },
  issuingBody: { label: 'Cơ quan ban hành', kind: 'text' },
  issuerCode: { label: 'Ký hiệu cơ quan ban hành', kind: 'text' },
  signAuthority: { label: 'Thẩm quyền ký', kind: 'text' },
  signerTitle: { label: 'Chức vụ người ký', kind: 'text' },
  signerName: { label: 'Người ký', kind: 'text' },
  place: { label: 'Địa danh', kind: 'text' },
  recipients: { label: 'Nơi nhận', kind: 'lines' },
  register: { label: 'Sổ cấp số', kind: 'text' },
};

/** Kinds the steering committee issues in practice (the allocation notice, the decision on its members' duties). */
export const COMMITTEE_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>([
  'phan-bo-dai-bieu',
  'phan-cong-nhiem-vu',
  'giay-moi',
  'danh-sach-dai-bieu',
  'bao-cao-co-cau',
]);

/**
 * The committee's profile (…/TB-BCĐ, …/QĐ-BCĐ, signed TRƯỞNG BAN), used for its kinds when the general
 * rows describe another body (seed 004: the UBND office) and the per-kind row is blank.
 */
export const COMMITTEE_PROFILE = {
  issuingBody: 'BAN CHỈ ĐẠO ĐẠI HỘI',
  issuerCode: 'BCĐ',
  signAuthority: 'TM. BAN CHỈ ĐẠO',
  signerTitle: 'TRƯỞNG BAN',
  recipients: 'Các thành viên Ban Chỉ đạo',
} as const;

/** Label of a per-kind row: "Quyết định phân công nhiệm vụ: Người ký". */
export const profileLabel = (kind: NoticeKind, field: ProfileField): string =>
  `${KIND_NAMES[kind]}: ${PROFILE_LABELS[field].label}`;

/** Label of the general setting a profile field falls back to ('' for the register, which has none). */
export const generalLabel = (field: ProfileField): string => (field === 'register' ? '' : PROFILE_LABELS[field].label);

function profileSpecs(): SettingSpec[] {
  return (Object.keys(KIND_NAMES) as NoticeKind[]).flatMap((kind) =>
    PROFILE_FIELDS.map((field): SettingSpec => {
      const general = PROFILE_LABELS[field].label;
      const committee =
        COMMITTEE_KINDS.has(kind) && field in COMMITTEE_PROFILE
          ? `; nếu mục đó không phải của Ban Chỉ đạo: ${COMMITTEE_PROFILE[field as keyof typeof COMMITTEE_PROFILE]}`
          : '';
      return {
        key: profileKey(kind, field),
        label: profileLabel(kind, field),
        kind: PROFILE_LABELS[field].kind,
        initial: '',
        note:
          field === 'register'
            ? 'Các loại văn bản ghi cùng tên sổ được đánh số liên tiếp trong một dãy; để trống: mỗi loại một dãy số theo ký hiệu (ví dụ TB-BCĐ).'
            : field === 'signerName'
              ? `Để trống: mục "${general}" nếu cùng chức vụ, nếu không: người giữ chức vụ đó trong Ban Chỉ đạo ở trang Thành viên.`
              : `Để trống: dùng mục "${general}"${committee}.`,
      };
    }),
  );
}

/** Every setting, in the order the template lists them. */
export const SETTING_SPECS: readonly SettingSpec[] = [
  { key: 'province', label: 'Tỉnh', kind: 'text', initial: '', note: 'Tên tỉnh, thành phố (ví dụ: Lạng Sơn).' },
  {
    key: 'level',
    label: 'Cấp đơn vị',
    kind: 'level',
    initial: 'Huyện',
    note: 'Huyện (đến năm 2024) hoặc Xã (từ năm 2025: xã, phường, đặc khu).',
  },
  { key: 'round', label: 'Lần thứ', kind: 'text', initial: '', note: 'Số La Mã, ví dụ IV.' },
  { key: 'year', label: 'Năm', kind: 'year', initial: '', note: 'Năm tổ chức Đại hội.' },
  {
    key: 'officialTotal',
    label: 'Tổng số đại biểu chính thức',
    kind: 'integer',
    initial: 250,
    note: 'Gồm đại biểu bầu từ các đơn vị, đại biểu cơ quan cấp tỉnh và đại biểu đương nhiên.',
  },
  {
    key: 'exOfficioSeats',
    label: 'Số đại biểu đương nhiên',
    kind: 'integer',
    initial: 0,
    note: 'Trừ khỏi tổng trước khi phân bổ cho các đơn vị.',
  },
  {
    key: 'provincialAgencySeats',
    label: 'Số đại biểu cơ quan cấp tỉnh',
    kind: 'integer',
    initial: 0,
    note: 'Đại biểu từ các sở, ban, ngành, đoàn thể cấp tỉnh; trừ khỏi tổng trước khi phân bổ.',
  },
  {
    key: 'method',
    label: 'Phương pháp phân bổ',
    kind: 'method',
    initial: 'Hamilton',
    note: 'Hamilton (số dư lớn nhất), Jefferson (D’Hondt), Webster (Sainte-Laguë), Adams, Dean, Huntington-Hill.',
  },
  {
    key: 'minSeatsPerUnit',
    label: 'Số đại biểu tối thiểu mỗi đơn vị',
    kind: 'integer',
    initial: 1,
    note: 'Áp dụng cho đơn vị không ghi cột Tối thiểu.',
  },
  {
    key: 'maxGuestShare',
    label: 'Tỷ lệ khách mời tối đa',
    kind: 'ratio',
    initial: '1/3',
    note: 'So với số đại biểu chính thức (mặc định 1/3).',
  },
  {
    key: 'officialCap',
    label: 'Số đại biểu chính thức tối đa',
    kind: 'integer',
    initial: 250,
    note: 'Giới hạn theo hướng dẫn: 250 (cấp tỉnh), 150 (cấp huyện/xã).',
  },
  {
    key: 'minWomenShare',
    label: 'Tỷ lệ nữ tối thiểu',
    kind: 'ratio',
    initial: '',
    note: 'Để trống: không kiểm tra. Ví dụ 30%.',
  },
  {
    key: 'minYouthShare',
    label: 'Tỷ lệ đại biểu trẻ tối thiểu',
    kind: 'ratio',
    initial: '',
    note: 'Để trống: không kiểm tra. Đại biểu trẻ: dưới độ tuổi ở dòng sau.',
  },
  { key: 'youthAge', label: 'Tuổi đại biểu trẻ (dưới)', kind: 'integer', initial: 35, note: 'Tính theo năm Đại hội.' },
  {
    key: 'minPrestigeShare',
    label: 'Tỷ lệ người có uy tín tối thiểu',
    kind: 'ratio',
    initial: '',
    note: 'Để trống: không kiểm tra. Theo cột Thành phần có chữ "uy tín".',
  },
  {
    key: 'maxKinhShare',
    label: 'Tỷ lệ đại biểu người Kinh tối đa',
    kind: 'ratio',
    initial: '',
    note: 'Để trống: không kiểm tra.',
  },
  // No age bounds by default: real delegates include pupils of 12–13 and elders past 100, so any
  // default bound would flag real people; an officer who has a rule sets it, and outside it is a warning.
  {
    key: 'minAge',
    label: 'Tuổi tối thiểu của đại biểu',
    kind: 'integer',
    initial: '',
    note: 'Để trống: không kiểm tra. Đại biểu dưới tuổi này (tính theo năm Đại hội) được cảnh báo.',
  },
  {
    key: 'maxAge',
    label: 'Tuổi tối đa của đại biểu',
    kind: 'integer',
    initial: '',
    note: 'Để trống: không kiểm tra. Đại biểu trên tuổi này (tính theo năm Đại hội) được cảnh báo.',
  },
  {
    key: 'dueSoonDays',
    label: 'Số ngày cảnh báo sắp đến hạn',
    kind: 'integer',
    initial: 3,
    note: 'Nhiệm vụ đến hạn trong số ngày này được cảnh báo.',
  },
  {
    key: 'unitCongressDeadline',
    label: 'Hạn tổ chức Đại hội cấp cơ sở',
    kind: 'date',
    initial: '',
    note: 'Ngày chậm nhất các đơn vị tổ chức Đại hội (dd/mm/yyyy).',
  },
  {
    key: 'parentBody',
    label: 'Cơ quan chủ quản',
    kind: 'text',
    initial: '',
    note: 'Dòng trên cùng bên trái của văn bản, ví dụ UBND TỈNH LẠNG SƠN.',
  },
  {
    key: 'issuingBody',
    label: 'Cơ quan ban hành',
    kind: 'text',
    initial: 'BAN CHỈ ĐẠO ĐẠI HỘI',
    note: 'Tên cơ quan ban hành văn bản (in hoa, đậm).',
  },
  {
    key: 'issuerCode',
    label: 'Ký hiệu cơ quan ban hành',
    kind: 'text',
    initial: 'BCĐ',
    note: 'Dùng trong số văn bản, ví dụ 05/TB-BCĐ.',
  },
  { key: 'place', label: 'Địa danh', kind: 'text', initial: '', note: 'Địa danh ghi trên văn bản, ví dụ Lạng Sơn.' },
  {
    key: 'signAuthority',
    label: 'Thẩm quyền ký',
    kind: 'text',
    initial: 'TM. BAN CHỈ ĐẠO',
    note: 'TM./KT./TL. …; nhiều dòng cách nhau bởi dấu |, ví dụ: TM. BAN CHỈ ĐẠO',
  },
  {
    key: 'signerTitle',
    label: 'Chức vụ người ký',
    kind: 'text',
    initial: 'TRƯỞNG BAN',
    note: 'In hoa, đậm, ví dụ TRƯỞNG BAN.',
  },
  { key: 'signerName', label: 'Người ký', kind: 'text', initial: '', note: 'Họ và tên người ký.' },
  {
    key: 'recipients',
    label: 'Nơi nhận',
    kind: 'lines',
    initial: 'Các thành viên Ban Chỉ đạo; Ban Dân tộc',
    note: 'Nơi nhận mặc định, cách nhau bởi dấu ; (dòng "Lưu: VT" được thêm tự động).',
  },
  {
    key: 'drafterCode',
    label: 'Ký hiệu đơn vị soạn thảo',
    kind: 'text',
    initial: '',
    note: 'Ghi sau "Lưu: VT," ở nơi nhận, ví dụ BDT.',
  },
  {
    key: 'templateDocId',
    label: 'Mẫu văn bản (ID Google Docs)',
    kind: 'text',
    initial: '',
    note: 'Tùy chọn: ID của một Google Docs mẫu có {{chỗ_trống}}.',
  },
  {
    key: 'shareWith',
    label: 'Chia sẻ văn bản với',
    kind: 'text',
    initial: 'Người chỉnh sửa bảng tính',
    note: 'Không chia sẻ / Người chỉnh sửa bảng tính / Thành viên (cột Email của trang Thành viên).',
  },
  {
    key: 'shareRole',
    label: 'Quyền trên văn bản được chia sẻ',
    kind: 'text',
    initial: 'Người xem',
    note: 'Người xem hoặc Người chỉnh sửa.',
  },
  {
    key: 'numbering',
    label: 'Cấp số văn bản',
    kind: 'numbering',
    initial: 'Tự động khi tạo',
    note: 'Tự động khi tạo (mỗi văn bản tạo ra lấy ngay số tiếp theo) hoặc Khi ban hành (tạo dự thảo để trống số và ngày; văn thư cấp số khi ký).',
  },
  {
    key: 'foundingDecision',
    label: 'Quyết định thành lập Ban Chỉ đạo',
    kind: 'text',
    initial: '',
    note: 'Ghi ở phần Căn cứ, ví dụ: Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh. Để trống: lấy từ cột Thành phần dự họp của trang Cuộc họp nếu có.',
  },
  {
    key: 'legalBasis',
    label: 'Căn cứ khác',
    kind: 'lines',
    initial: '',
    note: 'Các dòng Căn cứ thêm vào Quyết định, cách nhau bởi dấu ; (ví dụ: Kế hoạch số 45/KH-UBND ngày 01/12/2023 của UBND tỉnh).',
  },
  {
    key: 'congressTime',
    label: 'Thời gian Đại hội',
    kind: 'text',
    initial: '',
    note: 'In trên giấy mời, ví dụ: 07 giờ 30 phút, ngày 15 tháng 10 năm 2024.',
  },
  {
    key: 'congressPlace',
    label: 'Địa điểm Đại hội',
    kind: 'text',
    initial: '',
    note: 'In trên giấy mời, ví dụ: Hội trường Trung tâm Hội nghị tỉnh.',
  },
  {
    key: 'invitationDocuments',
    label: 'Giấy tờ đại biểu mang theo',
    kind: 'text',
    initial: '',
    note: 'In trên giấy mời; để trống thì không in dòng này. Ví dụ: Giấy mời, Căn cước công dân.',
  },
  {
    key: 'delegateListDecision',
    label: 'Quyết định kèm danh sách đại biểu',
    kind: 'text',
    initial: '',
    note: 'In dưới tên danh sách đại biểu chính thức, ví dụ: Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo.',
  },
  ...profileSpecs(),
  // Last: the rows of a workbook set up before it keep their places.
  {
    key: 'ageBands',
    label: 'Mốc nhóm tuổi',
    kind: 'text',
    initial: '',
    note: 'Dùng khi thống kê cơ cấu đại biểu: tuổi bắt đầu của mỗi nhóm sau nhóm đầu, cách nhau bởi dấu phẩy, ví dụ 30, 46, 61 (dưới 30; 30–45; 46–60; từ 61). Để trống: các nhóm này.',
  },
  // Blank by default: a workbook set up before has no profile data yet, and requiring fields nobody
  // asked the units for would flag every delegate; the officer names the fields the round requires.
  {
    key: 'requiredProfileFields',
    label: 'Thông tin bắt buộc của đại biểu',
    kind: 'delegateColumns',
    initial: '',
    note: 'Tên các cột của trang Đại biểu phải ghi cho mọi đại biểu (kể cả khách mời), cách nhau bởi dấu phẩy, ví dụ: Ngày sinh, Trình độ chuyên môn, Lý luận chính trị, Đảng viên, Đoàn viên, Khen thưởng. Kiểm tra dữ liệu cảnh báo từng ô còn trống và tổng hợp số đại biểu thiếu theo từng đơn vị; cột bắt buộc thì đại biểu không có phải ghi "Không". Để trống: chỉ bắt buộc Họ và tên, Mã đơn vị, Dân tộc, Loại đại biểu.',
  },
  {
    key: 'submissionDeadline',
    label: 'Hạn gửi danh sách đại biểu',
    kind: 'date',
    initial: '',
    note: 'Ngày chậm nhất các đơn vị gửi danh sách đại biểu về (dd/mm/yyyy); quá hạn mà đơn vị chưa gửi thì được cảnh báo. Để trống: không kiểm tra.',
  },
  {
    key: 'congressThreshold',
    label: 'Ngưỡng tổ chức đại hội',
    kind: 'integer',
    initial: 5000,
    note: ELIGIBILITY_LABELS.thresholdNote,
  },
];

export const DEFAULT_SETTINGS: Settings = {
  province: '',
  level: 'district',
  round: '',
  year: null,
  officialTotal: 250,
  exOfficioSeats: 0,
  provincialAgencySeats: 0,
  method: 'hamilton',
  minSeatsPerUnit: 1,
  maxGuestShare: 1 / 3,
  officialCap: 250,
  minWomenShare: null,
  minYouthShare: null,
  youthAge: 35,
  minPrestigeShare: null,
  maxKinhShare: null,
  minAge: null,
  maxAge: null,
  ageBands: '',
  congressThreshold: 5000,
  dueSoonDays: 3,
  unitCongressDeadline: null,
  submissionDeadline: null,
  parentBody: '',
  issuingBody: 'BAN CHỈ ĐẠO ĐẠI HỘI',
  issuerCode: 'BCĐ',
  place: '',
  signAuthority: 'TM. BAN CHỈ ĐẠO',
  signerTitle: 'TRƯỞNG BAN',
  signerName: '',
  recipients: ['Các thành viên Ban Chỉ đạo', 'Ban Dân tộc'],
  drafterCode: '',
  templateDocId: '',
  shareWith: 'Người chỉnh sửa bảng tính',
  shareRole: 'Người xem',
  numbering: 'auto',
  foundingDecision: '',
  legalBasis: [],
  profiles: {},
  congressTime: '',
  congressPlace: '',
  invitationDocuments: '',
  delegateListDecision: '',
  requiredProfileFields: [],
};

const SPEC_BY_LABEL = new Map(SETTING_SPECS.map((s) => [foldKey(s.label), s]));

/** Finds the setting a `Thông số` cell names (case, spacing and Unicode form ignored). */
export function settingByLabel(label: string): SettingSpec | undefined {
  return SPEC_BY_LABEL.get(foldKey(label));
}

export function parseLevel(v: unknown): Parsed<UnitLevel | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const key = foldKey(cellText(v));
  if (key === 'huyện' || key === 'huyen' || key === 'cấp huyện' || key === 'district') {
    return { ok: true, value: 'district' };
  }
  if (['xã', 'xa', 'cấp xã', 'commune', 'xã, phường', 'xã, phường, đặc khu'].includes(key)) {
    return { ok: true, value: 'commune' };
  }
  return { ok: false, error: `"${cellText(v)}" không phải là cấp đơn vị hợp lệ (Huyện hoặc Xã)` };
}

function parseMethod(v: unknown): Parsed<ApportionMethod | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const m = parseApportionMethod(cellText(v));
  return m ? { ok: true, value: m } : { ok: false, error: `Không nhận ra phương pháp phân bổ "${cellText(v)}"` };
}

function parseLines(v: unknown): Parsed<string[] | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const items = cellText(v)
    .split(/[;\n]+/)
    .map((s) => s.replace(/^[\s\-–•]+/, '').trim())
    .filter(Boolean);
  return { ok: true, value: items };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A text setting as the officer typed it. Sheets turns "20/9/2029 7:30" typed in `Thời gian Đại hội`
 * into a date-time: it is read in the spreadsheet's time zone (never the day of another zone), with
 * its time of day when it has one ("07 giờ 30 phút, ngày 20/09/2029"); a time alone (Sheets' day
 * 30/12/1899) is the time only.
 */
function settingText(v: unknown, zone: ZoneOffset): string {
  if (!isDate(v)) return cellText(v, zone);
  const t = v.getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + offsetAt(zone, t) * 60000);
  const day = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const time = `${pad2(d.getUTCHours())} giờ ${pad2(d.getUTCMinutes())} phút`;
  if (d.getUTCFullYear() < 1900) return time;
  return d.getUTCHours() || d.getUTCMinutes() ? `${time}, ngày ${day}` : day;
}

/** Years a congress may be held in; "24" or "20245" is a typing mistake, never a year to count ages from. */
const CONGRESS_YEARS = { first: 1945, last: 2100 } as const;

/**
 * The congress year: a whole number of 4 digits in a plausible range. Accepted as any integer, "24"
 * would make every delegate's birth year "after the congress year", one error per delegate and none
 * at the cell to fix.
 */
function parseCongressYear(v: unknown): Parsed<number | null> {
  const r = parseNonNegativeInteger(v);
  if (!r.ok || r.value === null) return r;
  if (r.value < CONGRESS_YEARS.first || r.value > CONGRESS_YEARS.last)
    return {
      ok: false,
      error: CHECK_MESSAGES.congressYearOutside(cellText(v), CONGRESS_YEARS.first, CONGRESS_YEARS.last),
    };
  return r;
}

/** Parses one setting value by its kind. Blank means "not set" (null). */
export function parseSettingValue(spec: SettingSpec, v: unknown, tzOffsetMinutes: number): Parsed<unknown> {
  switch (spec.kind) {
    case 'text':
      return { ok: true, value: isBlank(v) ? null : settingText(v, tzOffsetMinutes) };
    case 'integer':
      return parseNonNegativeInteger(v);
    case 'year':
      return parseCongressYear(v);
    case 'ratio':
      return parseRatio(v);
    case 'date':
      return parseVnDate(v, tzOffsetMinutes);
    case 'level':
      return parseLevel(v);
    case 'method':
      return parseMethod(v);
    case 'lines':
      return parseLines(v);
    case 'numbering':
      return parseNumbering(v);
    case 'delegateColumns':
      return parseDelegateColumns(v);
  }
}

/**
 * The `Đại biểu` template column a name designates, by the sheets' own header matching (headerKey
 * over the header and its aliases: case, spacing, Unicode form, a trailing ':' or '*'), then, when
 * only one column fits, the same text without diacritics ("trinh do chuyen mon"). The add-in's own
 * columns (computed, provenance) are never named.
 */
export function delegateColumnByName(name: string): ColumnSpec | undefined {
  const columns = SHEETS.delegates.columns.filter((c) => !c.computed && !c.provenance);
  const key = headerKey(name);
  const exact = columns.find((c) => [c.header, ...(c.aliases ?? [])].some((h) => headerKey(h) === key));
  if (exact) return exact;
  const bare = stripDiacritics(key);
  const loose = columns.filter((c) =>
    [c.header, ...(c.aliases ?? [])].some((h) => stripDiacritics(headerKey(h)) === bare),
  );
  return loose.length === 1 ? loose[0] : undefined;
}

/** `Thông tin bắt buộc của đại biểu`: column names separated by commas, semicolons or lines → column keys. */
function parseDelegateColumns(v: unknown): Parsed<string[] | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const parts = cellText(v)
    .split(/[;\n]+/)
    .flatMap((line) => line.split(','))
    .map((s) => s.trim());
  const keys: string[] = [];
  const unknown: string[] = [];
  // Headers holding a comma ("Chức vụ, nơi công tác", "Ngày, tháng, năm sinh"): the longest run of
  // parts that names a column is taken.
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]) continue;
    let found: { column: ColumnSpec; end: number } | null = null;
    for (let j = Math.min(parts.length, i + 4); j > i && !found; j--) {
      const column = delegateColumnByName(parts.slice(i, j).join(', '));
      if (column) found = { column, end: j };
    }
    if (!found) {
      unknown.push(parts[i] as string);
      continue;
    }
    if (!keys.includes(found.column.key)) keys.push(found.column.key);
    i = found.end - 1;
  }
  if (unknown.length)
    return {
      ok: false,
      error: CHECK_MESSAGES.requiredFieldsUnknown(
        unknown,
        SHEETS.delegates.name,
        PROFILE_COLUMNS.map((c) => c.header),
      ),
    };
  return { ok: true, value: keys };
}

function parseNumbering(v: unknown): Parsed<NumberingMode | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const key = foldKey(cellText(v));
  if (key.startsWith('tự động') || key === 'tu dong') return { ok: true, value: 'auto' };
  if (/^(khi ban hành|khi ký|dự thảo|khi cấp số)/.test(key)) return { ok: true, value: 'draft' };
  return { ok: false, error: `"${cellText(v)}" không phải là cách cấp số (Tự động khi tạo hoặc Khi ban hành)` };
}

/** Stores a parsed value: a setting, or a per-kind profile value. */
export function assignSetting(settings: Settings, spec: SettingSpec, value: unknown): void {
  if (spec.key.includes('.')) settings.profiles[spec.key as ProfileKey] = value as string | string[];
  else (settings as unknown as Record<string, unknown>)[spec.key] = value;
}

/** Vietnamese word for the sub-units, by level: used in sentences ("10/11 huyện …"). */
export function unitWord(level: UnitLevel): { short: string; long: string } {
  return level === 'district' ? { short: 'huyện', long: 'huyện, thành phố' } : { short: 'xã', long: 'xã, phường' };
}

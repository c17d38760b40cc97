/** Every string of the sidebar, Vietnamese first, then English with the same keys. */
import type { NoticeKind } from '../rpc/contract';

export type Lang = 'vi' | 'en';

/** 1234 → "1.234" (vi) or "1,234" (en). */
export function formatNumber(n: number, lang: Lang): string {
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${s}` : s;
}

const vn = (n: number) => formatNumber(n, 'vi');
const en_ = (n: number) => formatNumber(n, 'en');

const vi = {
  appTitle: 'Trợ lý Đại hội DTTS',
  language: 'Ngôn ngữ',
  congress: (round: string, year: number | null) =>
    [round ? `Đại hội lần thứ ${round}` : 'Đại hội', year ? String(year) : ''].filter(Boolean).join(' · '),
  noProvince: 'Chưa khai báo Tỉnh trong trang "Cấu hình"',
  loading: 'Đang tải…',
  refresh: 'Làm mới',
  refreshLabel: 'Làm mới tổng quan',
  overview: 'Tổng quan',
  allocation: 'Phân bổ',
  seats: 'đại biểu chính thức',
  allocated: 'Đã phân bổ',
  notAllocated: 'Chưa phân bổ',
  validation: 'Kiểm tra',
  errors: (n: number) => `${vn(n)} lỗi`,
  warnings: (n: number) => `${vn(n)} cảnh báo`,
  noProblems: 'Không có vấn đề',
  notValidated: 'Chưa kiểm tra',
  lastRun: (when: string) => `Lần cuối ${when}`,
  tasks: 'Nhiệm vụ',
  overdue: 'quá hạn',
  dueSoon: (n: number) => `${vn(n)} sắp đến hạn`,
  openTasks: (n: number) => `${vn(n)} đang làm`,
  progress: 'Tiến độ',
  progressDetails: 'Tiến độ từng bước',
  noProgress: 'Chưa có dữ liệu tiến độ',
  missing: (names: string) => `Còn: ${names}`,
  actions: 'Thao tác',
  setup: 'Thiết lập bảng tính',
  setupHint: 'Tạo các trang, cột và thông số còn thiếu',
  allocate: 'Phân bổ đại biểu',
  allocateHint: 'Chia số đại biểu chính thức theo dân số DTTS',
  validate: 'Kiểm tra dữ liệu',
  validateHint: 'Rà soát danh sách, đánh dấu ô có vấn đề',
  documentsMenu: 'Tạo văn bản',
  documentsMenuHint: 'Thông báo, phân bổ, phân công',
  kinds: {
    'thong-bao-ket-luan': 'Thông báo kết luận',
    'phan-bo-dai-bieu': 'Văn bản phân bổ đại biểu',
    'phan-cong-nhiem-vu': 'Phân công nhiệm vụ',
    'giay-moi': 'Giấy mời đại biểu',
    'danh-sach-dai-bieu': 'Danh sách đại biểu chính thức',
  } satisfies Record<NoticeKind, string>,
  meeting: 'Cuộc họp',
  documentDate: 'Ngày văn bản',
  create: 'Tạo',
  cancel: 'Hủy',
  forceCreate: 'Vẫn tạo văn bản',
  confirmTitle: 'Cần xác nhận số liệu',
  noMeetings: 'Chưa có cuộc họp nào trong trang Cuộc họp. Hãy nhập cuộc họp (mã, ngày, người chủ trì) vào trang đó.',
  meetingsFailed: 'Không tải được danh sách cuộc họp:',
  busy: {
    setupWorkbook: 'Đang thiết lập bảng tính…',
    allocateDelegates: 'Đang phân bổ đại biểu…',
    validateAll: 'Đang kiểm tra dữ liệu…',
    generateNotice: 'Đang tạo văn bản…',
  },
  doneTitle: {
    setupWorkbook: 'Đã thiết lập bảng tính',
    allocateDelegates: 'Đã phân bổ đại biểu',
    validateAll: 'Đã kiểm tra dữ liệu',
  },
  working: 'Đang xử lý, vui lòng chờ…',
  done: 'Hoàn thành',
  failed: 'Không thực hiện được',
  noConnection: 'Không kết nối được với bảng tính. Hãy đóng rồi mở lại bảng điều khiển.',
  overviewFailed: 'Không tải được tổng quan:',
  openDocument: 'Mở văn bản',
  explanation: 'Cách tính',
  created: (what: string) => `Đã tạo: ${what}`,
  problems: 'Vấn đề cần xử lý',
  problemsFrom: {
    validateAll: 'Kết quả kiểm tra dữ liệu',
    allocateDelegates: 'Kết quả phân bổ đại biểu',
  },
  problemsEmpty: 'Chạy "Kiểm tra dữ liệu" để xem danh sách vấn đề.',
  problemsNone: 'Không phát hiện vấn đề nào.',
  filter: 'Lọc theo mức độ',
  all: 'Tất cả',
  errorsChip: 'Lỗi',
  warningsChip: 'Cảnh báo',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  noCell: 'toàn trang',
  goToCell: (sheet: string, cell: string) => `Chọn ô ${cell} trong trang ${sheet}`,
  selected: (sheet: string, cell: string) => `Đã chọn ô ${cell} trong trang "${sheet}".`,
  more: (n: number) => `Còn ${vn(n)} vấn đề khác — xem trang "Kiểm tra".`,
  nothingInFilter: 'Không có vấn đề nào ở mức này.',
  documents: 'Văn bản đã tạo',
  documentsEmpty: 'Chưa có văn bản nào. Dùng "Tạo văn bản" ở trên.',
  noLink: 'chưa có liên kết',
  olderDocuments: 'Các văn bản cũ hơn: xem trang "Văn bản".',
  about: 'Giới thiệu',
  aboutVersion: (version: string) => `Trợ lý Đại hội DTTS, phiên bản ${version}.`,
  aboutScope:
    'Tiện ích chỉ đọc và ghi bảng tính đang mở và các văn bản Google Docs do chính nó tạo; không gửi dữ liệu đi nơi khác.',
  userGuide: 'Hướng dẫn sử dụng',
  grantAccess: 'Mở trang cấp quyền của Google',
  userGuideOffline: 'Hướng dẫn sử dụng: tệp docs/huong-dan-su-dung.md trong bộ cài đặt (hỏi người quản trị).',
} as const;

export type Strings = {
  [K in keyof typeof vi]: (typeof vi)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : (typeof vi)[K] extends string
      ? string
      : { [P in keyof (typeof vi)[K]]: string };
};

const en: Strings = {
  appTitle: 'Ethnic Minority Congress Assistant',
  language: 'Language',
  congress: (round, year) =>
    [round ? `Congress, round ${round}` : 'Congress', year ? String(year) : ''].filter(Boolean).join(' · '),
  noProvince: 'No province in the "Cấu hình" sheet yet',
  loading: 'Loading…',
  refresh: 'Refresh',
  refreshLabel: 'Refresh the overview',
  overview: 'Overview',
  allocation: 'Allocation',
  seats: 'official delegates',
  allocated: 'Allocated',
  notAllocated: 'Not allocated',
  validation: 'Validation',
  errors: (n) => `${en_(n)} ${n === 1 ? 'error' : 'errors'}`,
  warnings: (n) => `${en_(n)} ${n === 1 ? 'warning' : 'warnings'}`,
  noProblems: 'No problems',
  notValidated: 'Not run yet',
  lastRun: (when) => `Last run ${when}`,
  tasks: 'Tasks',
  overdue: 'overdue',
  dueSoon: (n) => `${en_(n)} due soon`,
  openTasks: (n) => `${en_(n)} in progress`,
  progress: 'Progress',
  progressDetails: 'Progress by step',
  noProgress: 'No progress data yet',
  missing: (names) => `Remaining: ${names}`,
  actions: 'Actions',
  setup: 'Set up the workbook',
  setupHint: 'Add the missing sheets, columns and settings',
  allocate: 'Allocate delegates',
  allocateHint: 'Apportion the official seats by minority population',
  validate: 'Validate data',
  validateHint: 'Check the lists and mark the cells with problems',
  documentsMenu: 'Create a document',
  documentsMenuHint: 'Notice, allocation, assignment',
  kinds: {
    'thong-bao-ket-luan': 'Conclusion notice',
    'phan-bo-dai-bieu': 'Delegate allocation',
    'phan-cong-nhiem-vu': 'Task assignment',
    // The English switch is being removed: the kinds added since keep their one Vietnamese name.
    'giay-moi': vi.kinds['giay-moi'],
    'danh-sach-dai-bieu': vi.kinds['danh-sach-dai-bieu'],
  },
  meeting: 'Meeting',
  documentDate: 'Document date',
  create: 'Create',
  cancel: 'Cancel',
  forceCreate: 'Create it anyway',
  confirmTitle: 'The figures need your confirmation',
  noMeetings: 'No meeting in the "Cuộc họp" sheet yet. Enter the meeting (code, date, chair) there.',
  meetingsFailed: 'Could not load the meetings:',
  busy: {
    setupWorkbook: 'Setting up the workbook…',
    allocateDelegates: 'Allocating delegates…',
    validateAll: 'Validating data…',
    generateNotice: 'Creating the document…',
  },
  doneTitle: {
    setupWorkbook: 'Workbook set up',
    allocateDelegates: 'Delegates allocated',
    validateAll: 'Data validated',
  },
  working: 'Working, please wait…',
  done: 'Done',
  failed: 'Could not complete',
  noConnection: 'Cannot reach the spreadsheet. Close and reopen the sidebar.',
  overviewFailed: 'Could not load the overview:',
  openDocument: 'Open the document',
  explanation: 'How it was computed',
  created: (what) => `Created: ${what}`,
  problems: 'Problems to fix',
  problemsFrom: {
    validateAll: 'Result of the validation',
    allocateDelegates: 'Result of the allocation',
  },
  problemsEmpty: 'Run "Validate data" to see the problems.',
  problemsNone: 'No problems found.',
  filter: 'Filter by severity',
  all: 'All',
  errorsChip: 'Errors',
  warningsChip: 'Warnings',
  error: 'Error',
  warning: 'Warning',
  noCell: 'whole sheet',
  goToCell: (sheet, cell) => `Select cell ${cell} on sheet ${sheet}`,
  selected: (sheet, cell) => `Cell ${cell} on sheet "${sheet}" selected.`,
  more: (n) => `${en_(n)} more — see the "Kiểm tra" sheet.`,
  nothingInFilter: 'No problems at this level.',
  documents: 'Documents created',
  documentsEmpty: 'No documents yet. Use "Create a document" above.',
  noLink: 'no link yet',
  olderDocuments: 'Older documents: see the "Văn bản" sheet.',
  about: 'About',
  aboutVersion: (version) => `Ethnic Minority Congress Assistant, version ${version}.`,
  aboutScope:
    'The add-in reads and writes only the open spreadsheet and the Google Docs it creates; it sends no data anywhere else.',
  userGuide: 'User guide (Vietnamese)',
  grantAccess: "Open Google's permission page",
  userGuideOffline: 'User guide: docs/huong-dan-su-dung.md in the release (ask your administrator).',
};

export const STRINGS: Record<Lang, Strings> = { vi, en };

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnam's time (Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975), the workbook's zone. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * ISO timestamp → "09:05 14/01/2024" in Vietnam's time, whatever the zone of the browser showing
 * the sidebar, so everyone sees the times the sheets show; '' when unreadable.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Today in Vietnam's time as an ISO day ("2024-01-14"), whatever the zone of the browser. */
export function todayInVietnam(now: number = Date.now()): string {
  return new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO day "2024-01-14" → "14/01/2024"; other text unchanged. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Every string of the sidebar, in Vietnamese (the product is Vietnamese-only), with the sidebar's
 * number and date formats. Views read them through `ctx.t`; nothing else in the sidebar holds UI text.
 */
import type { NoticeKind } from '../rpc/contract';
import { KIND_LABELS } from './kinds';

/** 1234 → "1.234" (Vietnamese thousands separator). */
export function formatNumber(n: number): string {
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${s}` : s;
}

const vn = formatNumber;

/** 0.3333 → "33,3 %" (one decimal unless told, Vietnamese decimal comma). */
export function formatShare(share: number, decimals = 1): string {
  return `${(Math.round(share * 10 ** (2 + decimals)) / 10 ** decimals).toFixed(decimals).replace('.', ',')} %`;
}

/** Decimals (1 to 3) that print two different shares differently: 89/297 against 30 % is "29,97 %", not "30,0 %". */
export function shareDecimals(a: number, b: number | null): number {
  if (b === null || a === b) return 1;
  for (let d = 1; d < 3; d++) if (formatShare(a, d) !== formatShare(b, d)) return d;
  return 3;
}

const vi = {
  appTitle: 'Trợ lý Đại hội DTTS',
  congress: (round: string, year: number | null) =>
    [round ? `Đại hội lần thứ ${round}` : 'Đại hội', year ? String(year) : ''].filter(Boolean).join(' · '),
  noProvince: 'Chưa khai báo Tỉnh trong trang "Cấu hình"',
  notSetUp: 'Bảng tính chưa được thiết lập: hãy chạy "Thiết lập bảng tính".',
  notSetUpShort: 'Chưa thiết lập bảng tính',
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
  intake: 'Danh sách đại biểu',
  intakeSent: 'đơn vị đã gửi',
  intakeLate: (n: number) => `${vn(n)} đơn vị quá hạn gửi`,
  intakeDeadline: (date: string) => `Hạn gửi ${date}`,
  noProgress: 'Chưa có dữ liệu tiến độ',
  missing: (names: string) => `Còn: ${names}`,
  /** The units of each form in "Tiến độ từng bước": at most ten names, then how many more. */
  formUnits: (form: 'congress' | 'jointConference', names: readonly string[]) =>
    `${form === 'congress' ? 'Tổ chức Đại hội' : 'Tổ chức Hội nghị liên tịch'} (${vn(names.length)}): ${
      names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} và ${vn(names.length - 10)} đơn vị khác`
    }`,
  start: 'Bắt đầu',
  startDone: 'Đã hoàn thành các bước bắt đầu.',
  startProgress: (done: number, total: number) => `Đã xong ${done}/${total} bước`,
  stepDone: 'Đã xong',
  stepNext: 'Bước tiếp theo',
  needsSetupFirst: 'Cần chạy "Thiết lập bảng tính" trước.',
  openSheet: (sheet: string) => `Mở trang ${sheet}`,
  openedSheet: (sheet: string) => `Đã mở trang "${sheet}".`,
  steps: {
    setup: 'Thiết lập bảng tính',
    units: 'Nhập đơn vị và dân số DTTS',
    settings: 'Khai báo thông số Đại hội',
    allocate: 'Phân bổ đại biểu',
    delegates: 'Nhập danh sách đại biểu',
    check: 'Kiểm tra dữ liệu',
    documents: 'Tạo văn bản',
  },
  stepHint: {
    setup: 'Tạo các trang tính, cột và thông số theo mẫu; dữ liệu đã có được giữ nguyên.',
    units: (n: number) =>
      n > 0
        ? `Đã có ${vn(n)} đơn vị; còn đơn vị chưa có dân số DTTS hoặc có lỗi ở trang "Đơn vị".`
        : 'Trang "Đơn vị" chưa có đơn vị nào: nhập mã, tên và dân số DTTS của từng đơn vị.',
    unitsDone: (n: number) => `Đã có ${vn(n)} đơn vị và dân số DTTS.`,
    settings: 'Nhập Tỉnh, Năm, Tổng số đại biểu chính thức và Phương pháp phân bổ ở trang "Cấu hình".',
    settingsDone: 'Đã khai báo Tỉnh, Năm và số đại biểu chính thức.',
    allocate: 'Chia số đại biểu chính thức cho các đơn vị theo dân số DTTS (ghi vào trang "Phân bổ").',
    allocateDone: 'Đã phân bổ; chạy lại khi số liệu thay đổi.',
    delegates: 'Nhập họ tên, đơn vị, dân tộc và loại đại biểu ở trang "Đại biểu".',
    delegatesDone: (n: number) => `Đã có ${vn(n)} đại biểu.`,
    check: 'Rà soát toàn bộ dữ liệu, đánh dấu các ô có vấn đề.',
    checkErrors: (n: number) => `Lần kiểm tra gần nhất còn ${vn(n)} lỗi: sửa rồi kiểm tra lại.`,
    checkChanged: 'Dữ liệu đã thay đổi sau lần kiểm tra gần nhất: hãy kiểm tra lại.',
    checkOutdated: 'Lần kiểm tra gần nhất từ ngày trước; hạn nhiệm vụ tính theo ngày: hãy kiểm tra lại.',
    checkDone: 'Dữ liệu đã được kiểm tra, không còn lỗi.',
    documents: 'Tạo thông báo, văn bản phân bổ hoặc phân công nhiệm vụ.',
    documentsDone: (n: number) => `Đã tạo ${vn(n)} văn bản.`,
  },
  openDocumentsMenu: 'Chọn loại văn bản',
  actions: 'Thao tác',
  setup: 'Thiết lập bảng tính',
  setupHint: 'Tạo các trang, cột và thông số còn thiếu',
  allocate: 'Phân bổ đại biểu',
  allocateHint: 'Chia số đại biểu chính thức theo dân số DTTS',
  validate: 'Kiểm tra dữ liệu',
  validateHint: 'Rà soát danh sách, đánh dấu ô có vấn đề',
  documentsMenu: 'Tạo văn bản',
  documentsMenuHint: 'Thông báo, phân bổ, phân công, giấy mời, danh sách',
  intakeForm: 'Tạo mẫu danh sách',
  intakeFormHint: 'Tệp Excel gửi đơn vị điền danh sách đại biểu',
  intakeImport: 'Nhận danh sách',
  intakeImportHint: 'Nhập danh sách đại biểu đơn vị gửi về (.xlsx, .csv)',
  /** The one name of each kind (src/ui/vi.ts, through kinds.ts). */
  kinds: KIND_LABELS satisfies Record<NoticeKind, string>,
  meeting: 'Cuộc họp',
  documentDate: 'Ngày văn bản (ngày/tháng/năm)',
  inviteGuests: 'Mời cả đại biểu khách mời',
  badDate: 'Ngày phải có dạng ngày/tháng/năm, ví dụ 14/01/2024.',
  datePlaceholder: 'ví dụ 14/01/2024',
  create: 'Tạo',
  cancel: 'Hủy',
  forceCreate: 'Vẫn tạo văn bản',
  makeDraft: 'Tạo dự thảo (chưa cấp số)',
  draftHint: 'Số và ngày để trống; cấp số khi văn bản được ký ("Cấp số" trong danh sách văn bản đã tạo).',
  draftTag: 'Dự thảo, chưa cấp số',
  issueNumber: 'Cấp số',
  issueNumberLabel: (title: string) => `Cấp số và ngày cho dự thảo: ${title}`,
  issuedTitle: (number: string) => `Đã cấp số ${number}`,
  voidNumber: 'Hủy số',
  voidNumberLabel: (number: string) => `Hủy số ${number}`,
  voidReason: (number: string) => `Lý do hủy số ${number}`,
  voidReasonPlaceholder: 'ví dụ: ghi sai ngày họp',
  voidReasonMissing: 'Hãy ghi lý do hủy số.',
  voidWarning: 'Số đã hủy không được cấp lại; lý do được ghi vào trang "Văn bản".',
  voidClose: 'Đóng',
  voidedTag: 'Đã hủy số',
  voidedTitle: 'Đã hủy số văn bản',
  confirmTitle: 'Cần xác nhận số liệu',
  noMeetings: 'Chưa có cuộc họp nào trong trang Cuộc họp. Hãy nhập cuộc họp (mã, ngày, người chủ trì) vào trang đó.',
  meetingsFailed: 'Không tải được danh sách cuộc họp:',
  busy: {
    setupWorkbook: 'Đang thiết lập bảng tính…',
    allocateDelegates: 'Đang phân bổ đại biểu…',
    undoAllocation: 'Đang khôi phục kết quả phân bổ trước…',
    validateAll: 'Đang kiểm tra dữ liệu…',
    generateNotice: 'Đang tạo văn bản…',
    issueDraft: 'Đang cấp số…',
    voidNumber: 'Đang hủy số…',
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
  explanationUnits: (n: number) => `Lý do số đại biểu của từng đơn vị (${vn(n)} đơn vị)`,
  created: (what: string) => `Đã tạo: ${what}`,
  problems: 'Vấn đề cần xử lý',
  problemsFrom: {
    validateAll: 'Kết quả kiểm tra dữ liệu',
    allocateDelegates: 'Kết quả phân bổ đại biểu',
  },
  problemsEmpty: 'Chạy "Kiểm tra dữ liệu" để xem danh sách vấn đề.',
  problemsBeforeSetup:
    'Chạy "Thiết lập bảng tính" và nhập dữ liệu, rồi chạy "Kiểm tra dữ liệu" để xem danh sách vấn đề.',
  problemsLoading: 'Đang tải kết quả kiểm tra gần nhất…',
  problemsChanged: 'Dữ liệu đã thay đổi sau lần kiểm tra này; chạy lại "Kiểm tra dữ liệu" để cập nhật danh sách.',
  problemsOutdated:
    'Danh sách này từ lần kiểm tra ngày trước; nhiệm vụ quá hạn, sắp đến hạn được tính theo ngày, chạy lại "Kiểm tra dữ liệu" để cập nhật.',
  problemsRestoreFailed: 'Không tải được kết quả kiểm tra gần nhất:',
  problemsLost:
    'Trang "Kiểm tra" không còn đủ danh sách vấn đề của lần kiểm tra này (trang đã bị xóa hoặc sửa); chạy lại "Kiểm tra dữ liệu" để xem lại danh sách.',
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
  composition: 'Cơ cấu đại biểu',
  compositionLoading: 'Đang đếm…',
  compositionFailed: 'Không đếm được cơ cấu đại biểu:',
  compositionRefresh: 'Đếm lại',
  compositionRefreshLabel: 'Đếm lại cơ cấu đại biểu',
  statisticsWrite: 'Cập nhật trang Thống kê',
  statisticsWriteLabel: 'Ghi lại trang Thống kê (các bảng số liệu và biểu đồ) trong bảng tính',
  statisticsWriting: 'Đang cập nhật trang Thống kê…',
  statisticsFailed: 'Không cập nhật được trang Thống kê:',
  compositionTotal: 'Đại biểu chính thức',
  compositionGuests: (n: number) => `Khách mời: ${vn(n)}`,
  compositionWomen: 'Nữ',
  compositionGroups: 'Số dân tộc có đại biểu',
  compositionTopGroup: 'Đông nhất',
  compositionParty: 'Đảng viên',
  compositionAges: 'Độ tuổi',
  compositionAgeUnknown: (n: number) => `Chưa rõ tuổi: ${vn(n)}`,
  compositionOldest: 'Cao tuổi nhất',
  compositionYoungest: 'Trẻ tuổi nhất',
  compositionPerson: (name: string, age: number, group: string | null, unit: string) =>
    `${name}, ${age} tuổi${group ? `, dân tộc ${group}` : ''}, ${unit}`,
  compositionWithout: 'Dân tộc sinh sống trên địa bàn chưa có đại biểu',
  compositionWithoutNone: 'Mọi dân tộc sinh sống trên địa bàn (theo trang "Dân tộc theo đơn vị") đều có đại biểu.',
  compositionCountShare: (count: number, share: number) => `${vn(count)} (${formatShare(share)})`,
} as const;

/** The sidebar's strings. */
export type Strings = typeof vi;

/** The one set of strings the sidebar shows. */
export const T: Strings = vi;

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

/** Strings of the re-allocation preview and of "Hoàn tác phân bổ" (Vietnamese only). */
export const REALLOCATE = {
  previewTitle: 'Xem trước kết quả phân bổ lại',
  method: (before: string, after: string) =>
    before && before !== after ? `Đổi từ ${before} sang ${after}.` : `Theo ${after}.`,
  unit: 'Đơn vị',
  now: 'Hiện nay',
  after: 'Mới',
  total: 'Tổng số chính thức',
  changedCaption: (n: number) => `Số chính thức của ${formatNumber(n)} đơn vị thay đổi (tô màu):`,
  unchanged: (n: number) => `${formatNumber(n)} đơn vị không thay đổi`,
  changedLabel: 'thay đổi',
  blank: 'trống',
  warning: 'Danh sách, văn bản đã gửi theo số cũ sẽ không còn khớp với kết quả mới.',
  confirm: 'Xác nhận phân bổ lại',
  cancel: 'Hủy',
  cancelled: 'Chưa phân bổ lại: trang "Phân bổ" giữ nguyên kết quả cũ.',
  cancelledTitle: 'Đã hủy phân bổ lại',
  undo: 'Hoàn tác phân bổ',
  undoHint: (method: string) =>
    method ? `Khôi phục kết quả trước (theo ${method})` : 'Khôi phục kết quả phân bổ trước',
  undoTitle: 'Đã khôi phục kết quả phân bổ trước',
  undoTypedTitle: 'Có ô đã nhập tay sẽ bị thay',
  undoTypedNothingWritten: 'Chưa hoàn tác, chưa ghi gì vào bảng tính. Hãy xem các ô dưới đây rồi quyết định.',
  undoTypedCaption: (count: number) =>
    `${count} ô ở các cột do tiện ích tính của trang "Phân bổ" đã được nhập tay sau lần phân bổ lại. Hoàn tác sẽ thay nội dung đã nhập bằng kết quả trước:`,
  undoTypedMore: (shown: number, rest: number) =>
    `Bảng chỉ liệt kê ${shown} ô đầu tiên; ${rest} ô còn lại (xem ở trang "Phân bổ") cũng sẽ bị thay khi xác nhận.`,
  undoTypedCell: 'Ô',
  undoTypedUnit: 'Đơn vị, cột',
  undoTypedNow: 'Đang ghi',
  undoTypedRestored: 'Sẽ khôi phục',
  undoTypedConfirm: 'Thay các ô này và hoàn tác',
  undoTypedCancelled: 'Chưa hoàn tác: trang "Phân bổ" giữ nguyên, kể cả các ô đã nhập tay.',
  undoTypedCancelledTitle: 'Đã hủy hoàn tác',
} as const;
/**
 * "14/01/2024" (also 14-1-2024, 14.01.2024) → "2024-01-14", or null when it is not a real day
 * between 1900 and 2100. Day first, as Vietnamese dates are written, whatever the browser's locale.
 */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Strings of "So sánh phương pháp" (views/compareMethods.ts), Vietnamese only. */
export const COMPARE = {
  title: 'So sánh phương pháp',
  run: 'So sánh 6 phương pháp',
  running: 'Đang tính…',
  intro: 'Tính thử số đại biểu của từng đơn vị theo 6 phương pháp trên số liệu hiện tại. Bảng tính không bị thay đổi.',
  unit: 'Đơn vị',
  quota: 'Tỷ lệ',
  total: 'Tổng',
  configured: 'đang dùng',
  caption: (house: number, method: string) =>
    `${formatNumber(house)} đại biểu phân bổ theo tỷ lệ. Ô tô màu: khác ${method} (phương pháp đang dùng).`,
  legend:
    '* ngoài hạn ngạch (ít hơn phần nguyên hoặc nhiều hơn phần nguyên cộng 1 của số theo tỷ lệ); ▼ sẽ mất 1 đại biểu nếu tổng số tăng thêm 1.',
  differs: (n: number) =>
    n === 0 ? 'Giống phương pháp đang dùng.' : `Khác phương pháp đang dùng ở ${formatNumber(n)} đơn vị.`,
  violations: (n: number) =>
    n === 0 ? 'Không đơn vị nào ngoài hạn ngạch.' : `${formatNumber(n)} đơn vị ngoài hạn ngạch.`,
  alabama: (n: number) =>
    n === 0 ? '' : `${formatNumber(n)} đơn vị sẽ mất đại biểu nếu tổng số tăng thêm 1 (nghịch lý Alabama).`,
  unavailable: (message: string) => `Không áp dụng được với số liệu này: ${message}`,
  boundsNote:
    'Số đại biểu tối thiểu, tối đa của đơn vị được áp dụng như khi phân bổ, nên một đơn vị có thể ngoài hạn ngạch vì số tối thiểu.',
  short: {
    hamilton: 'Hamilton',
    jefferson: 'Jefferson',
    webster: 'Webster',
    adams: 'Adams',
    dean: 'Dean',
    'huntington-hill': 'H–H',
  } as Record<string, string>,
  /** What each method guarantees, one sentence each. */
  guarantee: {
    hamilton:
      'Bảo đảm mỗi đơn vị nhận phần nguyên hoặc phần nguyên cộng 1 của số theo tỷ lệ; nhưng có thể mất đại biểu khi tổng số tăng (nghịch lý Alabama).',
    jefferson:
      'Không bao giờ mất đại biểu khi tổng số tăng; có lợi cho đơn vị đông dân, có thể nhận nhiều hơn phần nguyên cộng 1.',
    webster: 'Không bao giờ mất đại biểu khi tổng số tăng; làm tròn thông thường, không thiên về đơn vị lớn hay nhỏ.',
    adams:
      'Không bao giờ mất đại biểu khi tổng số tăng; mỗi đơn vị có dân số đều có ít nhất 1 đại biểu, có lợi cho đơn vị ít dân.',
    dean: 'Không bao giờ mất đại biểu khi tổng số tăng; mỗi đơn vị có dân số đều có ít nhất 1 đại biểu.',
    'huntington-hill':
      'Không bao giờ mất đại biểu khi tổng số tăng; mỗi đơn vị có dân số đều có ít nhất 1 đại biểu; chênh lệch tương đối giữa các đơn vị nhỏ nhất.',
  } as Record<string, string>,
} as const;

/** Strings of the sidebar's inline charts (src/sidebar/charts.ts), Vietnamese only. */
export const CHARTS = {
  groupsTitle: 'Đại biểu chính thức theo dân tộc',
  groupsSummary: (total: number, groups: number, top: { group: string; count: number; share: number }[]) =>
    total === 0
      ? 'Chưa có đại biểu chính thức nào.'
      : `${formatNumber(total)} đại biểu chính thức thuộc ${formatNumber(groups)} dân tộc` +
        (top.length > 0
          ? `; đông nhất: ${top.map((g) => `${g.group} ${formatNumber(g.count)} (${formatShare(g.share)})`).join(', ')}.`
          : '.'),
  other: (groups: number) => `Khác (${formatNumber(groups)} dân tộc)`,
  otherTitle: (names: string[], count: number, share: number) =>
    `Các dân tộc khác: ${formatNumber(count)} (${formatShare(share)}): ${names.join(', ')}`,
  ethnicUnknown: 'Chưa rõ dân tộc',
  womenTitle: 'Tỷ lệ nữ trong đại biểu chính thức',
  /** `below`: the verdict of the check (over the delegates whose gender is known). */
  womenSummary: (
    count: number,
    share: number,
    minimum: number | null,
    below: boolean | null = minimum !== null && share < minimum,
    unknown = 0,
    decimals = 1,
  ) =>
    `Nữ: ${formatNumber(count)} đại biểu (${formatShare(share, decimals)})` +
    (unknown > 0 ? `; ${formatNumber(unknown)} đại biểu chưa rõ giới tính` : '') +
    (minimum === null
      ? '.'
      : `; tối thiểu theo trang "Cấu hình": ${formatShare(minimum, decimals)}, ` +
        (below === null
          ? 'chưa đánh giá được vì chưa rõ giới tính của đại biểu nào.'
          : `${below ? 'chưa đạt' : 'đã đạt'}` +
            (unknown > 0 ? ' (tính trên số đại biểu đã rõ giới tính, như khi kiểm tra).' : '.'))),
  womenVerdict: (below: boolean | null) =>
    below === null
      ? 'Chưa đánh giá được so với tỷ lệ nữ tối thiểu.'
      : below
        ? 'Chưa đạt tỷ lệ nữ tối thiểu.'
        : 'Đạt tỷ lệ nữ tối thiểu.',
  genderUnknown: (n: number) => `${formatNumber(n)} đại biểu chưa rõ giới tính (không tính khi so với mức tối thiểu).`,
  womenMinimum: (minimum: number, decimals = 1) => `Tối thiểu ${formatShare(minimum, decimals)}`,
  agesTitle: 'Đại biểu chính thức theo độ tuổi',
  agesSummary: (bands: { label: string; count: number; share: number }[]) =>
    `Theo độ tuổi: ${bands.map((b) => `${b.label} ${formatNumber(b.count)} (${formatShare(b.share)})`).join('; ')}.`,
  ageUnknown: 'Chưa rõ tuổi',
  allocationTitle: 'Số đại biểu chính thức phân bổ cho từng đơn vị',
  allocationCaption: (units: number) => `Biểu đồ phân bổ (${formatNumber(units)} đơn vị)`,
  allocationSummary: (
    units: number,
    total: number,
    most: { name: string; seats: number } | null,
    least: { name: string; seats: number } | null,
  ) =>
    `${formatNumber(total)} đại biểu chính thức phân bổ cho ${formatNumber(units)} đơn vị` +
    (most && least
      ? `; nhiều nhất ${most.name}: ${formatNumber(most.seats)}, ít nhất ${least.name}: ${formatNumber(least.seats)}.`
      : '.'),
  allocationRegion: 'Biểu đồ phân bổ, cuộn để xem hết các đơn vị',
  allocationUnitTitle: (name: string, seats: number, quota?: number) =>
    `${name}: ${formatNumber(seats)} đại biểu` +
    (quota === undefined ? '' : ` (theo tỷ lệ ${quota.toFixed(3).replace('.', ',')})`),
  allocationTypedTitle: (name: string, typed: string) => `${name}: Số chính thức ghi "${typed}", không phải là số`,
  allocationTyped: (units: number) =>
    units > 0 ? ` ${formatNumber(units)} đơn vị ghi Số chính thức không phải là số (không tính vào tổng).` : '',
  /** Under "Cơ cấu đại biểu": the allocation as `Phân bổ` holds it now. */
  allocationOfSheet: 'Số đại biểu chính thức của từng đơn vị, theo trang "Phân bổ" (Số chính thức).',
} as const;

/**
 * Every string of the intake dialog (build/Intake.html), in Vietnamese: the dialog's text, the
 * messages about files, and the text written into the forms it makes. Nothing else in src/intake holds
 * UI text.
 */

/** 1234 → "1.234" (Vietnamese thousands separator). */
export function formatNumber(n: number): string {
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${s}` : s;
}

/** "dòng 12, 15, 20" (the first ten, then "…"). */
function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).map((r) => formatNumber(r));
  return `dòng ${shown.join(', ')}${rows.length > 10 ? ', …' : ''}`;
}

/** Largest file the dialog reads (bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * What importSubmission accepts (SUBMISSION_LIMITS of src/rpc/contract.ts, repeated here so the dialog
 * does not bundle zod; a unit test keeps the two equal).
 */
export const LIMITS = { rows: 5000, columns: 60, cellChars: 50_000 } as const;
/** Cells the dialog reads from a worksheet at most before trimming (a sheet formatted far beyond its data). */
export const MAX_SCAN_CELLS = 2_000_000;

export const t = {
  loading: 'Đang tải…',
  working: 'Đang xử lý…',
  allUnits: 'Tất cả đơn vị',
  unitLabel: 'Đơn vị',
  chooseUnit: '— Chọn đơn vị —',
  tabForm: 'Tạo mẫu danh sách',
  tabImport: 'Nhận danh sách',
  close: 'Đóng',
  nextUnit: 'Nhận danh sách đơn vị khác',
  noServer: 'Không gọi được máy chủ của tiện ích. Hãy đóng hộp thoại và mở lại.',
  unexpected: 'Đã xảy ra lỗi ngoài dự kiến. Hãy đóng hộp thoại và thử lại.',

  // Form out
  formIntro:
    'Tạo tệp Excel (.xlsx) để gửi cho đơn vị qua thư điện tử hoặc Zalo. Đơn vị điền danh sách đại biểu vào tệp và gửi lại.',
  makeForm: 'Tạo và tải mẫu',
  makeForms: (n: number) => `Tạo và tải ${formatNumber(n)} tệp mẫu (mỗi đơn vị một tệp)`,
  manyDownloads:
    'Trình duyệt có thể hỏi có cho phép tải nhiều tệp cùng lúc không: hãy chọn "Cho phép". Nếu tệp nào chưa tải về, bấm vào tên tệp trong danh sách dưới đây.',
  formMade: (n: number) => (n === 1 ? 'Đã tạo 1 tệp mẫu.' : `Đã tạo ${formatNumber(n)} tệp mẫu.`),
  formLinkHint: 'Nếu tệp chưa tự tải về, bấm vào tên tệp:',
  noUnits: 'Chưa có đơn vị nào trong trang "Đơn vị". Hãy nhập danh sách đơn vị trước.',

  // Form content (written into the .xlsx)
  formSheet: 'Danh sách',
  listsSheet: 'Danh mục',
  guideSheet: 'Hướng dẫn',
  formTitle: (province: string) =>
    `DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ${province ? ` TỈNH ${province.toLocaleUpperCase('vi')}` : ''}`,
  formCongress: (round: string, year: number | null) =>
    [round ? `Lần thứ ${round}` : '', year ? `năm ${year}` : ''].filter(Boolean).join(', '),
  formUnit: (word: string, name: string) => `Đơn vị${word ? ` (${word})` : ''}: ${name}`,
  formSeats: (seats: number | null, guests: number | null) =>
    [
      `Số đại biểu được phân bổ: ${seats === null ? 'chưa phân bổ' : formatNumber(seats)}`,
      guests === null ? '' : `Số khách mời được mời: ${formatNumber(guests)}`,
    ]
      .filter(Boolean)
      .join('   ·   '),
  formGroups: (groups: string[]) =>
    groups.length ? `Dân tộc cần có đại biểu: ${groups.join(', ')}` : 'Dân tộc cần có đại biểu: (không quy định)',
  formDeadline: (deadline: string) => (deadline ? `Hạn gửi danh sách: ${deadline}` : ''),
  formMoreGuide: 'Xem thêm hướng dẫn ở trang "Hướng dẫn".',
  /** After a required column's header: headerKey (src/domain/text.ts) drops a trailing "*", so the import still knows it. */
  requiredMark: ' *',
  requiredNote: 'Bắt buộc điền.',

  // List in
  importIntro:
    'Chọn đơn vị, rồi chọn tệp danh sách đơn vị gửi về (.xlsx hoặc .csv) hoặc dán các dòng sao chép từ bảng tính. Tiện ích xem trước, chưa ghi gì cho đến khi bạn xác nhận.',
  fileLabel: 'Tệp danh sách (.xlsx, .csv)',
  pasteLabel: 'Hoặc dán các dòng (kể cả dòng tiêu đề cột) vào đây',
  pastePlaceholder: 'Họ và tên\tDân tộc\tGiới tính\t…',
  previewPasted: 'Xem trước các dòng đã dán',
  pastedName: 'Dữ liệu dán',
  chooseUnitFirst: 'Hãy chọn đơn vị gửi danh sách.',
  tooLarge: (name: string, mb: number) =>
    `Tệp "${name}" lớn hơn ${formatNumber(mb)} MB. Hãy xóa các trang tính hoặc hình ảnh thừa rồi gửi lại, hoặc dán các dòng vào ô bên dưới.`,
  tooManyCells: (name: string, where = '') =>
    `Tệp "${name}" quá lớn: tối đa ${formatNumber(LIMITS.rows)} dòng × ${formatNumber(LIMITS.columns)} cột, mỗi ô tối đa ${formatNumber(LIMITS.cellChars)} ký tự.${where ? ` ${where}` : ''} Hãy chỉ giữ lại bảng danh sách đại biểu.`,
  tooManyRows: (rows: number) => `Bảng có ${formatNumber(rows)} dòng.`,
  tooManyColumns: (row: number, columns: number) => `Dòng ${formatNumber(row)} có ${formatNumber(columns)} cột.`,
  tooLongCell: (cell: string, chars: number) => `Ô ${cell} có ${formatNumber(chars)} ký tự.`,
  onSheet: (sheet: string, where: string) => `Trang tính "${sheet}": ${where.charAt(0).toLowerCase()}${where.slice(1)}`,
  unsupported: (name: string) =>
    `Không đọc được tệp "${name}": chỉ nhận tệp Excel .xlsx hoặc .csv. Tệp .xls cũ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
  unreadableXlsx: (name: string) =>
    `Không đọc được tệp "${name}": tệp hỏng hoặc không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel, lưu lại rồi thử lại.`,
  oldOrProtected: (name: string) =>
    `Không đọc được tệp "${name}": tệp Excel cũ (.xls) hoặc tệp có mật khẩu mở. Hãy mở tệp bằng Excel, bỏ mật khẩu (nếu có) và lưu lại dưới dạng .xlsx rồi thử lại.`,
  textUnderExcelName: (name: string) => `Tệp "${name}" thực chất là tệp văn bản (CSV), đã đọc như tệp CSV.`,
  unitMismatch: (fileUnit: string, chosen: string, where: string) =>
    `Chú ý: tệp này là mẫu danh sách của ${fileUnit} (${where}), nhưng đang nhận cho ${chosen}. Nếu xác nhận, danh sách hiện có của ${chosen} sẽ bị thay bằng danh sách trong tệp.`,
  unitMismatchTitle: (row: number) => `dòng ${formatNumber(row)} của tệp ghi tên đơn vị`,
  unitMismatchFileName: 'theo tên tệp',
  switchUnit: (unit: string) => `Nhận tệp này cho ${unit}`,
  unitMismatchAck: (chosen: string) => `Tôi đã kiểm tra: đây đúng là danh sách của ${chosen}`,
  otherListSheets: (read: string, others: string[]) =>
    `Đã đọc trang tính "${read}"; ${others.length === 1 ? 'trang' : 'các trang'} ${others.map((o) => `"${o}"`).join(', ')} cũng có dòng tiêu đề danh sách nhưng không được đọc.`,
  lostLetters: (cells: number, row: number, text: string) =>
    `Tệp có ${formatNumber(cells)} ô có dấu "?" xen giữa chữ (dòng ${formatNumber(row)}: "${text.slice(0, 60)}"): tệp CSV có thể đã mất dấu tiếng Việt khi lưu. Hãy đề nghị đơn vị gửi tệp Excel .xlsx, hoặc lưu lại dưới dạng "CSV UTF-8".`,
  hiddenRows: (rows: number[]) =>
    `Tệp có ${formatNumber(rows.length)} dòng đang bị ẩn (${rowList(rows)}): các dòng này vẫn được đọc.`,
  struckRows: (rows: number[]) =>
    `Tệp có ${formatNumber(rows.length)} dòng bị gạch ngang (${rowList(rows)}): các dòng này vẫn được đọc.`,
  checkWithUnit:
    'Nếu đó là người đơn vị đã loại, hãy xóa các dòng đó trong tệp (hoặc đề nghị đơn vị gửi lại) rồi chọn lại tệp.',
  emptyFile: (name: string) => `Tệp "${name}" không có dữ liệu.`,
  emptyPaste: 'Chưa có dòng nào được dán.',
  readSheet: (sheet: string, rows: number) => `Đã đọc trang tính "${sheet}" (${formatNumber(rows)} dòng).`,
  readCsv: (rows: number, legacy: boolean) =>
    `Đã đọc ${formatNumber(rows)} dòng.${legacy ? ' Tệp không ở dạng UTF-8, đã đọc theo bảng mã Windows tiếng Việt (1258): hãy kiểm tra dấu tiếng Việt trong bản xem trước.' : ''}`,
  previewTitle: (unit: string, file: string) => `Xem trước: danh sách của ${unit} (tệp "${file}")`,
  added: 'Đại biểu thêm mới',
  removed: 'Đại biểu bị xóa khỏi danh sách hiện có',
  changed: 'Đại biểu có thay đổi',
  unchanged: (n: number) => `${formatNumber(n)} đại biểu không thay đổi.`,
  otherUnits: 'Dòng của đơn vị khác (không nhập)',
  problems: 'Vấn đề trong tệp',
  rowOfFile: (n: number) => `Dòng ${formatNumber(n)}`,
  sheetRow: (n: number) => `dòng ${formatNumber(n)} trang Đại biểu`,
  changedKeys: (keys: string) => `thay đổi: ${keys}`,
  more: (n: number) => `… và ${formatNumber(n)} dòng khác`,
  noName: '(chưa có họ tên)',
  nothingToImport: 'Tệp không có dòng nào nhập được cho đơn vị này.',
  blockedByErrors: 'Tệp có lỗi không thể nhập: hãy sửa tệp (hoặc đề nghị đơn vị gửi lại) rồi chọn lại tệp.',
  confirm: (unit: string) => `Xác nhận thay thế danh sách của ${unit}`,
  confirmNote:
    'Chỉ các dòng của đơn vị này trong trang "Đại biểu" được thay bằng danh sách trong tệp; dòng của các đơn vị khác giữ nguyên.',
  chooseAnother: 'Chọn tệp khác',
  previewAgain: 'Xem trước lại',
  headerRow: (n: number) => `Dòng tiêu đề cột: dòng ${formatNumber(n)} của tệp.`,
  unknownColumns: (headers: string) => `Cột không nhận ra (bỏ qua): ${headers}`,
  severity: { error: 'Lỗi', warning: 'Cảnh báo' } as const,
} as const;

/** Display names of the template keys shown in a preview (the rest show their key). */
export const KEY_LABELS: Record<string, string> = {
  name: 'Họ và tên',
  ethnic: 'Dân tộc',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  birthDate: 'Ngày sinh',
  category: 'Thành phần',
  kind: 'Loại đại biểu',
  unit: 'Mã đơn vị',
  position: 'Chức vụ, nơi công tác',
  phone: 'Điện thoại',
};

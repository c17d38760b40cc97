/** Vietnamese UI strings of the server side (menu, dialogs, messages). */
export const MENU = {
  title: 'Đại hội DTTS',
  openSidebar: 'Mở bảng điều khiển',
  setup: 'Thiết lập bảng tính',
  allocate: 'Phân bổ đại biểu',
  validate: 'Kiểm tra dữ liệu',
  sidebarTitle: 'Trợ lý Đại hội DTTS',
} as const;

/** Opening of every message about a bug of the add-in (never about Google's services). */
const UNEXPECTED = 'Đã xảy ra lỗi ngoài dự kiến của tiện ích (không phải lỗi dịch vụ Google).';

/** "trang "A", "B"" for a message naming the sheets written. */
const quotedSheets = (sheets: readonly string[]) =>
  `${sheets.length > 1 ? 'các trang' : 'trang'} ${sheets.map((s) => `"${s}"`).join(', ')}`;

/** Messages shown to the user by the server side. */
export const MESSAGES = {
  busy: 'Đang có người khác chạy thao tác này, vui lòng thử lại sau.',
  setupNothing: 'Bảng tính đã đầy đủ, không có gì cần thêm.',
  /** Setup stopped by a Google service failure after writing to these sheets. */
  setupIncomplete: (sheets: readonly string[]) =>
    `Dịch vụ Google gặp lỗi giữa chừng nên việc thiết lập chưa hoàn tất: đã thêm một phần vào ${quotedSheets(sheets)}; dữ liệu đã nhập không bị thay đổi. Hãy chạy lại "Thiết lập bảng tính" để hoàn tất.`,
  /** Setup stopped by a Google service failure before writing anything. */
  setupNotStarted:
    'Dịch vụ Google tạm thời gặp lỗi nên chưa thiết lập được; bảng tính chưa bị thay đổi. Vui lòng chạy lại "Thiết lập bảng tính" sau ít phút.',
  /** Setup stopped by a bug of the add-in. */
  setupFailed: (sheets: readonly string[], detail: string) =>
    `${UNEXPECTED} Việc thiết lập dừng lại${
      sheets.length
        ? ` sau khi đã thêm một phần vào ${quotedSheets(sheets)}; dữ liệu đã nhập không bị thay đổi`
        : ', chưa ghi gì vào bảng tính'
    }. Chi tiết: ${detail}`,
  /** Setup refused by a protection the user is not an editor of. */
  setupProtected: (sheet: string, written: readonly string[]) =>
    `Trang "${sheet}" đang được bảo vệ và bạn không có quyền sửa, nên chưa thiết lập xong${
      written.length
        ? ` (đã thêm một phần vào ${quotedSheets(written)}; dữ liệu đã nhập không bị thay đổi)`
        : '; bảng tính chưa bị thay đổi'
    }. Hãy nhờ chủ bảng tính chạy "Thiết lập bảng tính", hoặc thêm bạn vào danh sách được sửa trang "${sheet}" (Dữ liệu ▸ Bảo vệ trang tính và dải ô), rồi chạy lại.`,
  setupLookalikes: 'Lưu ý về tên trang tính:',
  setupCompleted: (n: number) => `hoàn thiện định dạng, danh sách chọn hoặc bảo vệ của ${n} cột đã thêm trước đó`,
  badArguments: 'Tham số không hợp lệ khi gọi',
  /** Opening of every message about a bug of the add-in. */
  unexpected: UNEXPECTED,
  /** A bug that stopped an action before it wrote anything. */
  unexpectedNothingChanged: (detail: string) =>
    `${UNEXPECTED} Thao tác dừng lại trước khi ghi nên bảng tính không bị thay đổi. Chi tiết: ${detail}`,
  /** A bug in an action that writes: it may have stopped midway. */
  unexpectedMaybeWritten: (detail: string) =>
    `${UNEXPECTED} Thao tác có thể đã ghi một phần trước khi dừng; hãy kiểm tra lại rồi chạy lại. Chi tiết: ${detail}`,
  sheetMissing: 'Không có trang tính',
  serviceFailed:
    'Dịch vụ Google tạm thời gặp lỗi nên thao tác chưa thực hiện được; dữ liệu chưa bị thay đổi. Vui lòng thử lại sau ít phút.',
  /** A Google service failure in an action that writes, where the add-in cannot tell whether it wrote. */
  serviceFailedMaybeWritten:
    'Dịch vụ Google tạm thời gặp lỗi nên thao tác bị dừng giữa chừng; có thể một phần đã được ghi. Vui lòng chạy lại thao tác sau ít phút để hoàn tất.',
  writeFailedRestored: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what}; đã khôi phục như trước khi chạy. Vui lòng thử lại sau ít phút.`,
  reportSheetNotOurs: (actual: string, report: string, headers: string) =>
    `Trang tính ${actual} không phải trang báo cáo "${report}" của tiện ích (dòng 1 không phải tiêu đề ${headers}), nên chưa kiểm tra và không ghi gì vào trang đó. Hãy đổi tên trang của bạn (ví dụ "${report} (của tôi)") rồi chạy "Thiết lập bảng tính" để tạo trang "${report}".`,
  logSheetNotOurs: (actual: string, log: string, missing: string[]) =>
    `Trang tính ${actual} được dùng làm sổ "${log}" nhưng không có cột ${missing.map((h) => `"${h}"`).join(', ')}, nên chưa tạo văn bản (để không cấp trùng số) và không ghi gì vào trang đó. Nếu đây là trang của bạn, hãy đổi tên nó rồi chạy "Thiết lập bảng tính"; nếu đó là sổ văn bản, hãy thêm lại các cột trên ở dòng tiêu đề.`,
  validateNeedsSetup: (report: string) =>
    `Bảng tính chưa được thiết lập (chưa có trang "${report}"), nên chưa kiểm tra và chưa ghi gì. Hãy chạy "Thiết lập bảng tính" trong menu Đại hội DTTS trước.`,
  writeFailedPartial: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what} và chưa khôi phục được hết: hãy chạy lại thao tác này để ghi lại đầy đủ.`,
  writeProtectedRestored: (what: string) =>
    `Không ghi được ${what} vì có vùng được bảo vệ mà tài khoản của bạn không được sửa; đã khôi phục như trước khi chạy. Hãy nhờ chủ sở hữu bảng tính cho bạn quyền sửa vùng đó (Dữ liệu > Bảo vệ trang tính và dải ô), hoặc nhờ người có quyền chạy thao tác này.`,
  flushFailedIn: (what: string) =>
    `Dịch vụ Google gặp lỗi khi lưu các thay đổi vừa ghi vào ${what}; có thể một phần chưa được lưu. Hãy kiểm tra lại ${what} và chạy lại thao tác này.`,
  flushFailed:
    'Dịch vụ Google gặp lỗi khi lưu các thay đổi vừa ghi; có thể một phần chưa được lưu. Hãy kiểm tra lại bảng tính và chạy lại thao tác này.',
} as const;

/** Messages of "Phân bổ đại biểu" about what it writes. */
export const ALLOCATION_MESSAGES = {
  sheetMissing: (sheet: string) =>
    `Chưa phân bổ: không có trang tính "${sheet}". Hãy chạy "Thiết lập bảng tính" trước; bảng tính chưa bị thay đổi.`,
  columnsMissing: (sheet: string, headers: readonly string[]) =>
    `Chưa phân bổ: trang "${sheet}" thiếu cột ${headers.map((h) => `"${h}"`).join(', ')}. Hãy chạy "Thiết lập bảng tính" trước; bảng tính chưa bị thay đổi.`,
  done: (total: number, units: number, method: string) =>
    `Đã phân bổ ${total} đại biểu cho ${units} đơn vị theo ${method}.`,
  rowsAdded: (count: number, after: number, inserted: boolean) =>
    inserted
      ? ` Đã chèn ${count} dòng mới cho đơn vị mới sau dòng ${after} của trang "Phân bổ"; các dòng bên dưới được giữ nguyên.`
      : ` Đã thêm ${count} dòng cho đơn vị mới từ dòng ${after + 1} của trang "Phân bổ".`,
  warnings: (count: number, first: string) => ` Có ${count} cảnh báo, đầu tiên: ${first}`,
  duplicateRow: (code: string, row: number, used: number) =>
    `Mã đơn vị "${code}" ở dòng ${row} trùng với dòng ${used}; tiện ích chỉ ghi vào dòng ${used}, dòng ${row} giữ nguyên.`,
  orphanRow: (code: string, row: number) =>
    `Dòng ${row} có mã "${code}" không có trong trang "Đơn vị"; tiện ích không ghi vào dòng này. Hãy xóa dòng nếu đơn vị không còn.`,
  formulaReplaced: (cell: string) =>
    `Ô ${cell} thuộc cột do tiện ích tính nhưng đang có công thức; công thức đã được thay bằng giá trị tính được.`,
  adjustmentUnreadable: (cell: string, problem: string) =>
    `Ô ${cell} (Điều chỉnh) của trang "Phân bổ" không phải là số nguyên (${problem.replace(/\.$/, '')}); Số chính thức sẽ sai nếu bỏ qua ô này. Hãy nhập số nguyên (ví dụ 2 hoặc -1) hoặc để trống.`,
  negativeFinal: (name: string, seats: number, adjustment: number, cell: string) =>
    `Số chính thức của "${name}" sẽ là ${seats + adjustment} (Số phân bổ ${seats}, Điều chỉnh ${adjustment}${cell ? ` ở ô ${cell} của trang "Phân bổ"` : ''}): không thể nhỏ hơn 0.`,
  unchanged: 'Bảng tính chưa bị thay đổi.',
  conflictingAdjustment: (code: string, first: number, second: number, a: number, b: number) =>
    `Đơn vị "${code}" có hai dòng ở trang "Phân bổ" (dòng ${first} và dòng ${second}) với Điều chỉnh khác nhau (${a} và ${b}): chưa biết dùng số nào. Hãy giữ một dòng và xóa dòng kia.`,
  totalMissesNewRows: (cell: string, formula: string, last: number, first: number, count: number) =>
    `Ô ${cell} (${formula}) tính đến dòng ${last}, chưa gồm ${count} dòng mới (${count > 1 ? `dòng ${first}–${first + count - 1}` : `dòng ${first}`}) của đơn vị mới.`,
  totalMissesNewRowsHint: 'Sửa công thức để tính cả các dòng mới, nếu không tổng sẽ thiếu.',
  formulaReplacedHint: 'Tính tổng hoặc số liệu riêng ở cột hoặc dòng khác: tiện ích không ghi vào đó.',
} as const;

/**
 * What Google Docs does not let the add-in lay out (README, "Layout of the documents"): neither
 * DocumentApp nor the Docs API inserts a page number; keeping the signature block with the last
 * paragraph needs the Docs advanced service, which a deployment may not enable. Said after a Doc is made.
 */
export const DOCUMENT_LAYOUT = {
  pageNumbers:
    'Lưu ý khi in: Google Docs không cho tiện ích tự đánh số trang. Nếu văn bản dài hơn một trang, vào ' +
    'Chèn > Số trang > Tùy chọn khác, chọn Đầu trang, bỏ chọn "Hiển thị trên trang đầu tiên" rồi căn giữa số trang.',
  keepTogether: 'Kiểm tra khối "Nơi nhận" và chữ ký không bị tách khỏi đoạn cuối sang trang sau.',
  /** The note after a Doc made with the add-in's layout. */
  googleDocsNote: (keptTogether: boolean): string =>
    keptTogether ? DOCUMENT_LAYOUT.pageNumbers : `${DOCUMENT_LAYOUT.pageNumbers} ${DOCUMENT_LAYOUT.keepTogether}`,
};

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

/** Messages shown to the user by the server side. */
export const MESSAGES = {
  busy: 'Đang có người khác chạy thao tác này, vui lòng thử lại sau.',
  setupNothing: 'Bảng tính đã đầy đủ, không có gì cần thêm.',
  /** Setup stopped by a Google service failure after some sheets or columns were added. */
  setupIncomplete:
    'Dịch vụ Google gặp lỗi giữa chừng nên việc thiết lập chưa hoàn tất: một phần trang tính, cột đã được thêm, dữ liệu đã nhập không bị thay đổi. Hãy chạy lại "Thiết lập bảng tính" để hoàn tất.',
  /** Setup stopped by a Google service failure before writing anything. */
  setupNotStarted:
    'Dịch vụ Google tạm thời gặp lỗi nên chưa thiết lập được; bảng tính chưa bị thay đổi. Vui lòng chạy lại "Thiết lập bảng tính" sau ít phút.',
  /** Setup stopped by a bug of the add-in. */
  setupFailed: (wrote: boolean, detail: string) =>
    `${UNEXPECTED} Việc thiết lập dừng lại${
      wrote
        ? ' sau khi đã thêm một phần trang tính, cột; dữ liệu đã nhập không bị thay đổi'
        : ', chưa ghi gì vào bảng tính'
    }. Chi tiết: ${detail}`,
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
  writeFailedPartial: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what} và chưa khôi phục được hết: hãy chạy lại thao tác này để ghi lại đầy đủ.`,
} as const;

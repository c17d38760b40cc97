/** Vietnamese UI strings of the server side (menu, dialogs, messages). */
export const MENU = {
  title: 'Đại hội DTTS',
  openSidebar: 'Mở bảng điều khiển',
  setup: 'Thiết lập bảng tính',
  allocate: 'Phân bổ đại biểu',
  validate: 'Kiểm tra dữ liệu',
  sidebarTitle: 'Trợ lý Đại hội DTTS',
} as const;

/** Messages shown to the user by the server side. */
export const MESSAGES = {
  busy: 'Đang có người khác chạy thao tác này, vui lòng thử lại sau.',
  setupNothing: 'Bảng tính đã đầy đủ, không có gì cần thêm.',
  setupIncomplete:
    'Dịch vụ Google gặp lỗi nên việc thiết lập chưa hoàn tất; dữ liệu đã nhập không bị ảnh hưởng. Hãy chạy lại "Thiết lập bảng tính" để hoàn tất.',
  badArguments: 'Tham số không hợp lệ khi gọi',
  unexpected: 'Đã xảy ra lỗi ngoài dự kiến, dữ liệu của bạn không bị thay đổi. Chi tiết:',
  sheetMissing: 'Không có trang tính',
  serviceFailed:
    'Dịch vụ Google tạm thời gặp lỗi nên thao tác chưa thực hiện được; dữ liệu chưa bị thay đổi. Vui lòng thử lại sau ít phút.',
  writeFailedRestored: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what}; đã khôi phục như trước khi chạy. Vui lòng thử lại sau ít phút.`,
  validateNeedsSetup: (report: string) =>
    `Bảng tính chưa được thiết lập (chưa có trang "${report}"), nên chưa kiểm tra và chưa ghi gì. Hãy chạy "Thiết lập bảng tính" trong menu Đại hội DTTS trước.`,
  writeFailedPartial: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what} và chưa khôi phục được hết: hãy chạy lại thao tác này để ghi lại đầy đủ.`,
} as const;

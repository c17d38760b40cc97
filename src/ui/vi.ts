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
  badArguments: 'Tham số không hợp lệ khi gọi',
  unexpected: 'Đã xảy ra lỗi ngoài dự kiến, dữ liệu của bạn không bị thay đổi. Chi tiết:',
  sheetMissing: 'Không có trang tính',
} as const;

/** Vietnamese UI strings of the server side (menu, dialogs, messages). */
export const MENU = {
  title: 'Đại hội DTTS',
  openSidebar: 'Mở bảng điều khiển',
  sidebarTitle: 'Trợ lý Đại hội DTTS',
} as const;

/** Messages shown to the user by the server side. */
export const MESSAGES = {
  busy: 'Đang có người khác chạy thao tác này, vui lòng thử lại sau.',
  setupDone: 'Đã thiết lập bảng tính.',
  setupNothing: 'Bảng tính đã đầy đủ, không có gì cần thêm.',
} as const;

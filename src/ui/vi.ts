/** Vietnamese UI strings of the server side (menu, dialogs, messages). */
export const MENU = {
  title: 'Đại hội DTTS',
  openSidebar: 'Mở bảng điều khiển',
  sidebarTitle: 'Trợ lý Đại hội DTTS',
} as const;

/**
 * The functions Apps Script sees. Every export here becomes a top-level function in build/Code.js.
 * Menu actions and the sidebar API live here; everything else is imported.
 */
import { MENU } from './ui/vi';

/** Builds the add-in menu. Runs unauthorised on open, so it touches nothing but the UI. */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  ui.createMenu(MENU.title).addItem(MENU.openSidebar, 'showSidebar').addToUi();
}

/** Runs when the add-in is installed: same menu as on open. */
export function onInstall(): void {
  onOpen();
}

/** Opens the sidebar ("Mở bảng điều khiển"). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU.sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Helpers of the browser tests of "Tạo văn bản ▸" (the sidebar's inline notice form) on the playground:
 * the server functions the sidebar calls while a step runs, meetings added to the sample, and the
 * form's locators.
 */
import type { Locator, Request } from 'playwright-core';
import type { Session } from './harness';

/** A call the sidebar sent to the server (POST /api/run). */
export interface SidebarCall {
  fn: string;
  args: unknown[];
}

/** The server functions the sidebar calls, with their arguments, while `body` runs. */
export async function callsDuring(s: Session, body: () => Promise<void>): Promise<SidebarCall[]> {
  const calls: SidebarCall[] = [];
  const onRequest = (r: Request) => {
    if (r.url().endsWith('/api/run')) calls.push(r.postDataJSON() as SidebarCall);
  };
  s.page.on('request', onRequest);
  try {
    await body();
    await s.page.waitForTimeout(200);
  } finally {
    s.page.off('request', onRequest);
  }
  return calls;
}

/**
 * Appends meetings to the sample's `Cuộc họp` (rows of its 6 columns) and conclusions to `Kết luận`
 * (rows of its 3 columns), below their last rows.
 */
export function addMeetings(s: Session, meetings: unknown[][], conclusions: unknown[][]): void {
  const meetingSheet = s.runtime.spreadsheet.getSheetByName('Cuộc họp');
  const conclusionSheet = s.runtime.spreadsheet.getSheetByName('Kết luận');
  if (!meetingSheet || !conclusionSheet) throw new Error('the sample has no Cuộc họp or Kết luận sheet');
  if (meetings.length > 0)
    meetingSheet.getRange(meetingSheet.getLastRow() + 1, 1, meetings.length, 6).setValues(meetings);
  if (conclusions.length > 0)
    conclusionSheet.getRange(conclusionSheet.getLastRow() + 1, 1, conclusions.length, 3).setValues(conclusions);
}

/** The notice form's parts, for a session opened later (in beforeAll). */
export interface NoticeControls {
  /** The sidebar's result slot. */
  live(): Locator;
  /** The inline form. */
  form(): Locator;
  /** The menu's button of a document kind ("giay-moi", "thong-bao-ket-luan", …). */
  kindButton(kind: string): Locator;
  /** Opens "Tạo văn bản ▸" unless it is open. */
  openMenu(): Promise<void>;
}

export function noticeControls(session: () => Session): NoticeControls {
  const sidebar = () => session().sidebar;
  return {
    live: () => sidebar().locator('#slot-result'),
    form: () => sidebar().locator('#notice-form'),
    kindButton: (kind) => sidebar().locator(`[data-key="notice-${kind}"]`),
    openMenu: async () => {
      const toggle = sidebar().locator('[data-key="notice-menu"]');
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    },
  };
}

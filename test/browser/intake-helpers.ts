/**
 * Helpers of the intake dialog's browser tests: open the dialog from the sidebar's buttons and reach
 * its iframe (the playground's overlay of the dialog the runtime recorded).
 */
import type { Frame, FrameLocator } from 'playwright-core';
import type { Session } from './harness';

/** The dialog shown by the page (the overlay iframe), once its forms are loaded. */
export async function dialogFrame(s: Session): Promise<{ locator: FrameLocator; frame: Frame }> {
  await s.page.locator('#addin-dialog[open]').waitFor({ timeout: 20_000 });
  const locator = s.page.frameLocator('#addin-dialog-frame');
  await locator.locator('html[data-ready="1"]').waitFor({ timeout: 30_000 });
  const handle = await s.page.locator('#addin-dialog-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The dialog iframe has no frame');
  return { locator, frame };
}

/** Clicks a sidebar intake button ("Tạo mẫu danh sách" or "Nhận danh sách") and waits for the dialog. */
export async function openIntakeFromSidebar(
  s: Session,
  mode: 'form' | 'import',
): Promise<{ locator: FrameLocator; frame: Frame }> {
  await s.sidebar.locator(`[data-key="intake-${mode}"]`).click();
  return dialogFrame(s);
}

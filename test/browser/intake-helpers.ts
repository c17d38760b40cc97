/**
 * Helpers of the intake dialog's browser tests: open the dialog from the sidebar's buttons, reach its
 * iframe, and, while getIntakeForms / importSubmission are not in build/Code.js yet, a stand-in for
 * them registered in the test's bundle only (never in the product). The stand-in answers in the
 * contract's shapes from the workbook's `Đơn vị` sheet; it writes nothing.
 */
import type { Frame, FrameLocator } from 'playwright-core';
import type { IntakeForm, IntakeFormsDto, SubmissionCell, SubmissionDto } from '../../src/rpc/contract';
import type { Session } from './harness';

/** True when build/Code.js has the server side of the intake (INTAKE-SERVER landed). */
export function hasIntakeServer(s: Session): boolean {
  return s.bundle.functions.includes('getIntakeForms') && s.bundle.functions.includes('importSubmission');
}

const STAND_IN_COLUMNS: IntakeForm['columns'] = [
  { header: 'Họ và tên', key: 'name', required: true, kind: 'text', width: 200 },
  { header: 'Mã đơn vị', key: 'unit', required: true, kind: 'text', width: 140 },
  { header: 'Dân tộc', key: 'ethnic', required: true, kind: 'text', width: 120, choices: ['Tày', 'Nùng', 'Dao'] },
  { header: 'Giới tính', key: 'gender', required: false, kind: 'text', width: 80, choices: ['Nam', 'Nữ'] },
  { header: 'Năm sinh', key: 'birthYear', required: false, kind: 'year', width: 80 },
  {
    header: 'Loại đại biểu',
    key: 'kind',
    required: true,
    kind: 'text',
    width: 120,
    choices: ['Chính thức', 'Khách mời'],
  },
  { header: 'Điện thoại', key: 'phone', required: false, kind: 'text', width: 110, help: 'Số điện thoại di động' },
];

/** Registers the stand-ins in the session's bundle when the real functions are absent. */
export function installIntakeStandIn(s: Session): { calls: { fn: string; args: unknown[] }[] } {
  const calls: { fn: string; args: unknown[] }[] = [];
  if (hasIntakeServer(s)) return { calls };
  const context = s.bundle.context as Record<string, unknown>;
  const units = () => {
    const sheet = s.runtime.spreadsheet.localSheet('Đơn vị');
    const values = sheet ? sheet.getDataRange().getValues() : [];
    return values
      .slice(1)
      .filter((r) => String(r[0] ?? '').trim())
      .map((r) => ({ code: String(r[0]), name: String(r[1]) }));
  };
  const form = (unit: { code: string; name: string }): IntakeForm => ({
    unit,
    province: 'Lạng Sơn',
    unitWord: 'huyện',
    round: 'IV',
    year: 2024,
    seats: 12,
    guests: 2,
    ethnicGroups: ['Tày', 'Nùng'],
    deadline: '20/02/2024',
    columns: STAND_IN_COLUMNS,
    instructions: ['Điền mỗi đại biểu một dòng.', 'Không đổi tên các cột.'],
    fileName: `Danh sach dai bieu - ${unit.code}.xlsx`,
  });
  context.getIntakeForms = (request: { unit?: string }): IntakeFormsDto => {
    calls.push({ fn: 'getIntakeForms', args: [request] });
    const all = units();
    const chosen = request?.unit ? all.filter((u) => u.code === request.unit || u.name === request.unit) : all;
    return { ok: true, forms: chosen.map(form) };
  };
  context.importSubmission = (
    unit: string,
    table: SubmissionCell[][],
    options: { fileName?: string; mode?: string },
  ): SubmissionDto => {
    calls.push({ fn: 'importSubmission', args: [unit, table, options] });
    const u = units().find((x) => x.code === unit);
    if (!u) return { ok: false, message: `Không có đơn vị "${unit}".` };
    const headerIndex = table.findIndex((row) => row.some((c) => String(c ?? '').normalize('NFC') === 'Họ và tên'));
    const header = (table[headerIndex] ?? []).map((c) => String(c ?? ''));
    const nameAt = header.findIndex((h) => h.normalize('NFC') === 'Họ và tên');
    const rows = table
      .map((row, i) => ({ row, i }))
      .filter(({ row, i }) => i > headerIndex && String(row[nameAt] ?? '').trim())
      .map(({ row, i }) => ({ sourceRow: i + 1, values: { name: String(row[nameAt]) } }));
    return {
      ok: true,
      mode: options?.mode === 'replace' ? 'replace' : 'preview',
      unit: u,
      fileName: options?.fileName ?? '',
      headerRow: headerIndex + 1,
      columns: header.map((h) => ({ header: h, key: h.normalize('NFC') === 'Họ và tên' ? 'name' : null })),
      added: rows,
      removed: [],
      changed: [],
      unchanged: 0,
      otherUnitRows: [],
      problems: [],
      expect: 'stand-in',
      message: `${rows.length} đại biểu sẽ được nhập.`,
    };
  };
  s.bundle.functions.push('getIntakeForms', 'importSubmission');
  return { calls };
}

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

/**
 * Who a generated Doc is shared with, as `Cấu hình` says ("Chia sẻ văn bản với": nobody, the
 * spreadsheet's editors, or the `Email` column of `Thành viên`; "Quyền …": viewer or editor), and
 * the consent check for the Docs scope. Only the scopes the add-in already declares are used:
 * - Spreadsheet.getEditors() and getOwner(): spreadsheets(.currentonly)
 *   https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors()
 * - Document.addViewers / addEditors: documents
 *   https://developers.google.com/apps-script/reference/document/document#addViewers(String)
 * - ScriptApp.getAuthorizationInfo(authMode, oAuthScopes): granular consent
 *   https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
 */
import type { MemberRecord, SettingCells } from '../domain/records';
import type { Settings } from '../domain/settings';
import { SHEETS } from '../domain/template';
import { foldKey } from '../domain/text';
import { UserError } from '../sheets/lock';
import type { Spreadsheet } from '../sheets/workbook';

export const DOCUMENTS_SCOPE = 'https://www.googleapis.com/auth/documents';

export type ShareAudience = 'nobody' | 'editors' | 'members';
export type ShareRole = 'viewer' | 'editor';

export interface SharePlan {
  audience: ShareAudience;
  role: ShareRole;
  /** Addresses to add (lower case, without the user who makes the Doc). */
  emails: string[];
}

export const SHARING_MESSAGES = {
  consent: (url: string | null) =>
    'Tiện ích cần quyền "Xem, chỉnh sửa, tạo và xóa tài liệu Google Docs" để tạo văn bản, nhưng bạn chưa cấp quyền này. ' +
    (url
      ? `Hãy mở liên kết sau, chọn cấp quyền, rồi thử lại: ${url}`
      : 'Hãy mở lại tiện ích, cấp quyền khi được hỏi, rồi thử lại.'),
  badAudience: (value: string, cell: string) =>
    `Giá trị "${value}" của "Chia sẻ văn bản với" (trang "${SHEETS.config.name}"${cell ? `, ô ${cell}` : ''}) không hợp lệ: ` +
    'chọn Không chia sẻ, Người chỉnh sửa bảng tính hoặc Thành viên.',
  badRole: (value: string, cell: string) =>
    `Giá trị "${value}" của "Quyền trên văn bản được chia sẻ" (trang "${SHEETS.config.name}"${cell ? `, ô ${cell}` : ''}) không hợp lệ: ` +
    'chọn Người xem hoặc Người chỉnh sửa.',
  badEmail: (email: string, cell: string) =>
    `Email "${email}" ở trang "${SHEETS.members.name}", ô ${cell} không hợp lệ: sửa lại hoặc xóa để chia sẻ văn bản.`,
  noOne: (audience: ShareAudience) =>
    audience === 'nobody'
      ? 'Chỉ bạn mở được văn bản này (cấu hình "Chia sẻ văn bản với": Không chia sẻ).'
      : audience === 'editors'
        ? 'Chỉ bạn mở được văn bản này: bảng tính chưa có người chỉnh sửa nào khác để chia sẻ.'
        : `Chỉ bạn mở được văn bản này: cột "Email" của trang "${SHEETS.members.name}" chưa có địa chỉ nào khác.`,
  shared: (role: ShareRole, n: number) =>
    `Đã chia sẻ quyền ${role === 'editor' ? 'chỉnh sửa' : 'xem'} cho ${n} người (xem cột "Chia sẻ" của trang "${SHEETS.documents.name}").`,
  shareFailed:
    'Văn bản đã được tạo nhưng chưa chia sẻ được do lỗi của dịch vụ Google Docs (có thể một địa chỉ email không có tài khoản Google); ' +
    'chỉ bạn mở được văn bản này: hãy chia sẻ trong Google Docs.',
  notShared: (label: string, number: string, user: string) =>
    `Dữ liệu không thay đổi: ${label} số ${number} đã được ${user || 'một người khác'} tạo nhưng chưa được chia sẻ với bạn. ` +
    `Hãy đề nghị ${user || 'người tạo'} chia sẻ văn bản, hoặc đặt "Chia sẻ văn bản với" trong trang "${SHEETS.config.name}" trước khi tạo văn bản mới.`,
} as const;

/** Stops with a Vietnamese explanation when the user has not granted the Docs scope (granular consent). */
export function requireDocumentsScope(): void {
  const app = ScriptApp as unknown as {
    getAuthorizationInfo(
      mode: GoogleAppsScript.Script.AuthMode,
      scopes: string[],
    ): GoogleAppsScript.Script.AuthorizationInfo;
  };
  const info = app.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [DOCUMENTS_SCOPE]);
  if (info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    throw new UserError(SHARING_MESSAGES.consent(info.getAuthorizationUrl()));
  }
}

function parseAudience(value: string, cell: string): ShareAudience {
  const k = foldKey(value);
  if (k === '' || k.startsWith('không')) return 'nobody';
  if (k.includes('bảng tính') || k === 'người chỉnh sửa') return 'editors';
  if (k.startsWith('thành viên')) return 'members';
  throw new UserError(SHARING_MESSAGES.badAudience(value, cell));
}

function parseRole(value: string, cell: string): ShareRole {
  const k = foldKey(value);
  if (k === '' || k === 'người xem' || k === 'xem') return 'viewer';
  if (k === 'người chỉnh sửa' || k === 'chỉnh sửa') return 'editor';
  throw new UserError(SHARING_MESSAGES.badRole(value, cell));
}

/** An address Google accepts: ASCII local part, a dotted domain (no "mailto:", no brackets, no Vietnamese letters). */
const EMAIL_RE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/**
 * The addresses a `Thành viên` cell holds, as people type or paste them: "a@x.vn; b@x.vn",
 * "Nguyễn Văn B <b@x.vn>" (copied from Gmail), "mailto:b@x.vn". Words around an address are names;
 * a cell with no address at all, or a token with "@" that is not one, is refused with its cell.
 */
export function emailsIn(text: string, cell: string): string[] {
  const bracketed = text.replace(/<\s*([^<>]*?)\s*>/g, ' $1 ');
  const tokens = bracketed
    .split(/[,;\s]+/)
    .map((t) =>
      t
        .trim()
        .replace(/^mailto:/i, '')
        .replace(/^[("'[]+|[)"'\].]+$/g, ''),
    )
    .filter(Boolean);
  const addresses = tokens.filter((t) => t.includes('@'));
  const bad = addresses.find((t) => !EMAIL_RE.test(t)) ?? (addresses.length ? undefined : tokens[0]);
  if (bad !== undefined) throw new UserError(SHARING_MESSAGES.badEmail(bad, cell));
  return addresses;
}

/** Reads the sharing settings and the addresses (before any Doc is made, so bad input makes nothing). */
export function sharePlan(
  ss: Spreadsheet,
  settings: Settings,
  cells: SettingCells,
  members: () => MemberRecord[],
  me: string,
): SharePlan {
  const audience = parseAudience(settings.shareWith, cells.shareWith ?? '');
  const role = parseRole(settings.shareRole, cells.shareRole ?? '');
  let emails: string[] = [];
  if (audience === 'editors') {
    // The owner too: getEditors may leave the owner out (as Drive's File.getEditors does).
    const owner = ss.getOwner()?.getEmail() ?? '';
    emails = [owner, ...ss.getEditors().map((u) => u.getEmail())];
  } else if (audience === 'members') {
    for (const m of members()) {
      emails.push(...emailsIn(m.data.email ?? '', m.cells.email ?? ''));
    }
  }
  const mine = me.toLowerCase();
  emails = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e && e !== mine))];
  return { audience, role, emails };
}

/** What the log's `Chia sẻ` cell says. */
export function describeSharing(plan: SharePlan): string {
  if (plan.emails.length === 0) return '';
  return `${plan.role === 'editor' ? 'Người chỉnh sửa' : 'Người xem'}: ${plan.emails.join(', ')}`;
}

/** Shares the Doc; returns the log text, or throws the service's error (the caller reports it). */
export function share(doc: GoogleAppsScript.Document.Document, plan: SharePlan): string {
  if (plan.emails.length === 0) return '';
  if (plan.role === 'editor') doc.addEditors(plan.emails);
  else doc.addViewers(plan.emails);
  return describeSharing(plan);
}

/** The log says this user can open the Doc (its maker, or listed in `Chia sẻ`). */
export function listedFor(entry: { user: string; sharedWith: string }, me: string): boolean {
  if (!me) return false;
  const mine = me.toLowerCase();
  if (entry.user.trim().toLowerCase() === mine) return true;
  return entry.sharedWith
    .toLowerCase()
    .split(/[\s,;:]+/)
    .includes(mine);
}

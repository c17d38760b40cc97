/**
 * Document profiles: for each kind, who issues it (parent and issuing body, the issuer code of its
 * number), who signs it (authority lines TM./KT./TL., position, name), where, to whom, and in which
 * numbering register. Read from `Cấu hình`: a per-kind row ("Quyết định phân công nhiệm vụ: Người ký")
 * when filled, otherwise the general row ("Người ký"), so workbooks made before profiles existed keep
 * printing what they printed.
 *
 * One exception follows practice: the steering committee's own documents (the allocation notice, the
 * decision assigning its members' duties) are the committee's even when the general rows describe
 * another body (seed 004: a Thông báo kết luận of the UBND office, the decision "trình Trưởng Ban Chỉ
 * đạo xem xét ban hành"). Then a blank per-kind row means the committee's default: …/TB-BCĐ, …/QĐ-BCĐ,
 * "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", and the name of the member of `Thành viên` who holds that position.
 */
import type { NoticeKind } from '../../rpc/contract';
import { KIND_NAMES } from '../../ui/vi';
import type { MemberRecord, SettingCells } from '../records';
import {
  COMMITTEE_KINDS,
  COMMITTEE_PROFILE,
  generalLabel,
  PROFILE_FIELDS,
  type ProfileField,
  profileKey,
  profileLabel,
  type Settings,
} from '../settings';
import { SHEETS } from '../template';
import { foldKey } from '../text';

export interface DocProfile {
  kind: NoticeKind;
  /** As typed (the header prints it in capitals); '' when none. */
  parentBody: string;
  issuingBody: string;
  /** "BCĐ" in "05/TB-BCĐ". */
  issuerCode: string;
  /** Authority lines as printed ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"); may be empty. */
  authority: string[];
  /** The signer's position as printed ("TRƯỞNG BAN"). */
  position: string;
  signerName: string;
  /** Place name of the date line ("Lạng Sơn"). */
  place: string;
  /** Recipients before "Lưu: VT"; "Các thành phần dự họp" only for a meeting's conclusions. */
  recipients: string[];
  /** Code of the drafting unit after "Lưu: VT," (general setting). */
  drafterCode: string;
  /** Name of the numbering register; '' when the kind is numbered by its own symbol. */
  register: string;
  /** Where each value was read: "Cấu hình!B40" style cell of the row used ('' when a default or the data). */
  cells: Partial<Record<ProfileField, string>>;
  /** Where an officer fills each field, for messages (settingWhere). */
  where: Partial<Record<ProfileField, string>>;
  /** Where the signer's name came from when not typed: the `Thành viên` cell. */
  signerFrom: string;
}

const COMMITTEE = COMMITTEE_PROFILE;

/** Kinds whose audience is a meeting's participants (only these keep "Các thành phần dự họp"). */
const MEETING_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['thong-bao-ket-luan']);
const MEETING_AUDIENCE = /thành phần (dự|tham dự) (họp|cuộc họp)/;

/** Vietnamese capitals ("Ban Chỉ đạo" → "BAN CHỈ ĐẠO"). */
const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

/** The general rows describe the steering committee itself. */
export function generalIsCommittee(s: Settings): boolean {
  return (
    foldKey(s.issuerCode).startsWith(foldKey(COMMITTEE.issuerCode)) || foldKey(s.issuingBody).startsWith('ban chỉ đạo')
  );
}

/** The member of the steering committee whose role is `position` ("TRƯỞNG BAN" ↔ "Trưởng ban"). */
export function holderOf(position: string, members: readonly MemberRecord[]): MemberRecord | undefined {
  const key = foldKey(position);
  if (!key) return undefined;
  return members.find(
    (m) =>
      m.data.name?.trim() &&
      foldKey(m.data.body ?? '') === 'ban chỉ đạo' &&
      [foldKey(m.data.role ?? ''), foldKey(`${m.data.role ?? ''} chỉ đạo`)].includes(key),
  );
}

const asText = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? v.join('; ') : typeof v === 'string' ? v.trim() : '';
const asLines = (v: string | string[] | undefined): string[] | null =>
  v === undefined ? null : (Array.isArray(v) ? v : v.split(/[;\n]+/)).map((x) => x.trim()).filter(Boolean);

/** The profile of `kind` from the settings (and the members, for the signer's name when not typed). */
export function resolveProfile(
  kind: NoticeKind,
  s: Settings,
  cells: SettingCells = {},
  members: readonly MemberRecord[] = [],
): DocProfile {
  const own = (f: ProfileField) => asText(s.profiles[profileKey(kind, f)]);
  const ownCell = (f: ProfileField) => cells[profileKey(kind, f)] ?? '';
  const committee = COMMITTEE_KINDS.has(kind) && !generalIsCommittee(s);
  const at: DocProfile['cells'] = {};
  /** The per-kind value, else the committee's default (when it applies), else the general value. */
  const pick = (f: Exclude<ProfileField, 'register' | 'recipients' | 'signerName' | 'parentBody'>): string => {
    const mine = own(f);
    if (mine) {
      at[f] = ownCell(f);
      return mine;
    }
    if (committee) {
      at[f] = ownCell(f);
      return f === 'place' ? s.place.trim() || s.province.trim() : COMMITTEE[f];
    }
    at[f] = cells[f] ?? ownCell(f);
    return f === 'place' ? s.place.trim() || s.province.trim() : s[f].trim();
  };
  const issuingBody = pick('issuingBody');
  const issuerCode = pick('issuerCode');
  const authorityText = pick('signAuthority');
  const position = upper(pick('signerTitle'));
  const place = pick('place');

  let parentBody = own('parentBody');
  at.parentBody = ownCell('parentBody') || (cells.parentBody ?? '');
  if (!parentBody) {
    parentBody = s.parentBody.trim();
    // The committee of a body: that body heads the document ("ỦY BAN NHÂN DÂN TỈNH …" / "BAN CHỈ ĐẠO …").
    if (!parentBody && committee && foldKey(issuingBody) !== foldKey(s.issuingBody)) parentBody = s.issuingBody.trim();
  }

  // The name: typed for the kind, else the general signer when the position is the general one,
  // else whoever holds that position in the steering committee (`Thành viên`).
  let signerName = own('signerName');
  let signerFrom = '';
  at.signerName = ownCell('signerName') || (cells.signerName ?? '');
  if (!signerName && foldKey(position) === foldKey(s.signerTitle) && !committee) signerName = s.signerName.trim();
  if (!signerName) {
    const holder = holderOf(position, members);
    if (holder) {
      signerName = holder.data.name?.trim() ?? '';
      signerFrom = `trang "${SHEETS.members.name}", ô ${holder.cells.name ?? ''}`;
    }
  }

  const ownRecipients = asLines(s.profiles[profileKey(kind, 'recipients')]);
  let recipients: string[];
  if (ownRecipients?.length) {
    recipients = ownRecipients;
    at.recipients = ownCell('recipients');
  } else {
    recipients = committee ? [COMMITTEE.recipients] : [...s.recipients];
    at.recipients = committee ? ownCell('recipients') : (cells.recipients ?? ownCell('recipients'));
    if (!MEETING_KINDS.has(kind)) recipients = recipients.filter((r) => !MEETING_AUDIENCE.test(foldKey(r)));
  }
  at.register = ownCell('register');

  return {
    kind,
    parentBody,
    issuingBody,
    issuerCode,
    authority: authorityText
      .split('|')
      .map((a) => upper(a.trim()))
      .filter(Boolean),
    position,
    signerName,
    place,
    recipients,
    drafterCode: s.drafterCode.trim(),
    register: own('register'),
    cells: at,
    where: Object.fromEntries(PROFILE_FIELDS.map((f) => [f, settingWhere(kind, f, cells)])),
    signerFrom,
  };
}

/** Every kind's profile (for numbering registers shared by several kinds). */
export function resolveProfiles(
  s: Settings,
  cells: SettingCells = {},
  members: readonly MemberRecord[] = [],
): Record<NoticeKind, DocProfile> {
  const kinds = Object.keys(KIND_NAMES) as NoticeKind[];
  return Object.fromEntries(kinds.map((k) => [k, resolveProfile(k, s, cells, members)])) as Record<
    NoticeKind,
    DocProfile
  >;
}

/**
 * The settings a profile lacks to print a header and a number, as the labels an officer finds in
 * `Cấu hình` (the per-kind row first). Empty: nothing missing.
 */
export function missingProfileFields(p: DocProfile): string[] {
  const missing: ProfileField[] = [];
  if (!p.issuingBody) missing.push('issuingBody');
  if (!p.issuerCode) missing.push('issuerCode');
  if (!p.place) missing.push('place');
  return missing.map((f) => p.where[f] ?? '');
}

/** 'mục "Địa danh" (ô B25) hoặc mục "Thông báo kết luận cuộc họp: Địa danh" (ô B60)': where an officer fills a field. */
export function settingWhere(kind: NoticeKind, field: ProfileField, cells: SettingCells): string {
  const general = generalLabel(field);
  const at = (cell: string | undefined) => (cell ? ` (ô ${cell})` : '');
  const own = `mục "${profileLabel(kind, field)}"${at(cells[profileKey(kind, field)])}`;
  return general ? `mục "${general}"${at(cells[field as keyof Settings])} hoặc ${own}` : own;
}

export { PROFILE_FIELDS };

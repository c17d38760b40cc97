/**
 * Quyết định phân công nhiệm vụ thành viên Ban Chỉ đạo: căn cứ, "QUYẾT ĐỊNH:", Điều 1 with a table
 * of the members (position, role, duties, supervised sub-units), Điều 2 and Điều 3.
 */
import { DOCUMENT_MESSAGES } from '../../ui/vi';
import type { IsoDate } from '../dates';
import type { MemberRecord, UnitIndex } from '../records';
import { resolveSupervised } from '../roster/members';
import { type Settings, unitWord } from '../settings';
import { SHEETS } from '../template';
import { foldKey } from '../text';
import { NoticeDataError, standingAgency } from './conclusion';
import { congressName, type FrameInput, frame, heading, para, table, upper } from './frame';
import { foundingDecisionOf, legalBasisLines } from './legalBasis';
import type { Block, DocModel } from './model';

export interface AssignmentInput {
  members: { name: string; position: string; role: string; duties: string; units: string }[];
  standingAgency: string | null;
  /** The "Căn cứ" lines (legalBasis.ts); default: from the `Quyết định thành lập Ban Chỉ đạo` setting. */
  basis?: string[];
}

const STEERING = 'ban chỉ đạo';

/** The steering committee's members in sheet order, supervised sub-units resolved to names. */
export function assignmentInput(
  members: readonly MemberRecord[],
  index: UnitIndex,
  level: Settings['level'],
): AssignmentInput {
  const rows = members.filter((m) => m.data.name && foldKey(m.data.body ?? '') === STEERING);
  if (rows.length === 0) throw new NoticeDataError('Trang "Thành viên" chưa có thành viên nào của Ban Chỉ đạo.');
  return {
    members: rows.map((m) => {
      const sup = resolveSupervised(m.data.units, index);
      const units = sup.all
        ? `Tất cả các ${unitWord(level).long}`
        : [...sup.units.map((u) => u.data.name ?? u.data.code ?? ''), ...sup.unknown].join(', ');
      return {
        name: m.data.name ?? '',
        position: m.data.position?.trim() ?? '',
        role: m.data.role?.trim() ?? '',
        duties: m.data.duties?.trim() ?? '',
        units,
      };
    }),
    standingAgency: standingAgency(members),
  };
}

/** "Trưởng ban" → "Trưởng Ban Chỉ đạo"; "Thành viên" → "Thành viên Ban Chỉ đạo". */
export function roleInCommittee(role: string): string {
  if (!role) return '';
  const named = role.replace(/(^|\s)ban(?=\s|$)/i, '$1Ban Chỉ đạo');
  return named === role ? `${role} Ban Chỉ đạo` : named;
}

export function assignmentSummary(s: Settings): string {
  return `Về việc phân công nhiệm vụ thành viên Ban Chỉ đạo ${congressName(s)}`;
}

export function buildAssignmentDecision(
  input: AssignmentInput,
  s: Settings,
  date: IsoDate,
  number = '',
  options: Pick<FrameInput, 'profile' | 'draft'> = {},
): DocModel {
  const congress = congressName(s);
  const italic = (text: string) => para([{ text, italic: true }]);
  const article = (n: number, text: string) => para([{ text: `Điều ${n}.`, bold: true }, { text: ` ${text}` }]);
  const agency = input.standingAgency ?? 'cơ quan Thường trực Ban Chỉ đạo';
  const founding = foundingDecisionOf(s);
  const basis = input.basis ?? (founding ? legalBasisLines(founding, s.legalBasis, `Ban Chỉ đạo ${congress}`) : null);
  if (!basis?.length) {
    throw new NoticeDataError(DOCUMENT_MESSAGES.noLegalBasis('Quyết định thành lập Ban Chỉ đạo', SHEETS.config.name));
  }
  // The last "Căn cứ" closes the list: with ";" before "Theo đề nghị của …", else with ".".
  const closing = input.standingAgency ? ';' : '.';
  const basisLines = basis.map((l, i) => (i === basis.length - 1 ? l.replace(/[;.]$/, closing) : l));
  const blocks: Block[] = [
    heading(upper(s.issuingBody.trim())),
    ...basisLines.map(italic),
    ...(input.standingAgency ? [italic(`Theo đề nghị của ${input.standingAgency}.`)] : []),
    heading('QUYẾT ĐỊNH:'),
    article(1, `Phân công nhiệm vụ các thành viên Ban Chỉ đạo ${congress} như sau:`),
    table(
      [
        ['STT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ được phân công', 'Địa bàn phụ trách'],
        ...input.members.map((m, i) => [
          String(i + 1),
          m.name,
          [m.position, roleInCommittee(m.role)].filter(Boolean).join(', '),
          m.duties,
          m.units,
        ]),
      ],
      [8, 20, 27, 27, 18],
      ['center', 'left', 'left', 'left', 'left'],
    ),
    article(
      2,
      `Các thành viên Ban Chỉ đạo chịu trách nhiệm trước Trưởng Ban Chỉ đạo về nhiệm vụ được phân công; theo dõi, ` +
        `đôn đốc, kiểm tra các đơn vị được phân công phụ trách trong công tác chuẩn bị và tổ chức Đại hội; ` +
        `định kỳ báo cáo kết quả thực hiện về ${agency}.`,
    ),
    article(
      3,
      `Quyết định này có hiệu lực kể từ ngày ký. Các thành viên Ban Chỉ đạo và các cơ quan, đơn vị có liên quan ` +
        `chịu trách nhiệm thi hành Quyết định này.`,
    ),
  ];
  return frame({
    kind: 'phan-cong-nhiem-vu',
    settings: s,
    date,
    number,
    summary: assignmentSummary(s),
    blocks,
    extraRecipients: ['Như Điều 3'],
    ...options,
  });
}

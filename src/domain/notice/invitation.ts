/**
 * Giấy mời đại biểu: one document, one invitation a page, for every official delegate (Chính thức,
 * Đương nhiên; guests on request), numbered once for the whole batch (…/GM-BCĐ). The model holds
 * one page whose two delegate lines are tokens, and the values of every page: the renderer builds
 * the page once and copies it per delegate (few DocumentApp calls for hundreds of pages).
 */
import { DELEGATE_DOCUMENT_MESSAGES as M } from '../../ui/vi';
import type { IsoDate } from '../dates';
import type { DelegateRecord, SettingCells, UnitIndex } from '../records';
import type { Settings } from '../settings';
import { SHEETS } from '../template';
import { DELEGATE_KIND_LABELS, type DelegateKind, type Gender } from '../values';
import { NoticeDataError } from './conclusion';
import { printedDelegates } from './delegates';
import { congressName, endWith, type FrameInput, frame, para } from './frame';
import type { Block, DocModel } from './model';

/** What the Doc shows until each page is filled (never left in a complete Doc). */
export const INVITATION_TOKENS = ['⟦người-nhận⟧', '⟦đơn-vị⟧'] as const;

/**
 * The tokens of a batch: INVITATION_TOKENS, or ones numbered ("⟦người-nhận-2⟧") when a text the pages
 * print holds them, so that a token is only ever the line it stands for, whatever the officer typed.
 */
export function tokensFor(texts: readonly string[]): [string, string] {
  const holds = (t: string) => texts.some((x) => x.includes(t));
  for (let n = 1; ; n++) {
    const tokens = INVITATION_TOKENS.map((t) => (n === 1 ? t : t.replace('⟧', `-${n}⟧`))) as [string, string];
    if (!tokens.some(holds)) return tokens;
  }
}

export interface Invitee {
  row: number;
  salutation: string;
  name: string;
  position: string;
  unit: string;
  kind: DelegateKind;
}

export interface InvitationInput {
  invitees: Invitee[];
  time: string;
  place: string;
  documents: string;
  guests: boolean;
}

/** "Ông" / "Bà"; "Ông/Bà" when the sheet does not say. */
export function salutationOf(gender: Gender | null): string {
  return gender === 'male' ? 'Ông' : gender === 'female' ? 'Bà' : 'Ông/Bà';
}

export const INVITATION_WHAT = 'giấy mời đại biểu';

/**
 * Pages one run can make: about six DocumentApp calls a page, so 800 pages are some 4,800 calls,
 * well inside Apps Script's 6-minute limit even at the pessimistic cost of `npm run bench`.
 */
export const MAX_INVITATIONS = 800;

/** The delegates to invite, grouped by unit in the order of `Đơn vị`, and the congress's time and place. */
export function invitationInput(
  records: readonly DelegateRecord[],
  index: UnitIndex,
  settings: Settings,
  cells: SettingCells,
  guests: boolean,
): InvitationInput {
  const missing = (
    [
      ['congressTime', 'Thời gian Đại hội'],
      ['congressPlace', 'Địa điểm Đại hội'],
    ] as const
  )
    .filter(([k]) => !settings[k].trim())
    .map(([k, label]) => ({ label, cell: cells[k] ?? '' }));
  if (missing.length) throw new NoticeDataError(M.missingSettings(SHEETS.config.name, INVITATION_WHAT, missing));
  const kinds = new Set<DelegateKind>(guests ? ['official', 'ex-officio', 'guest'] : ['official', 'ex-officio']);
  const delegates = printedDelegates(records, index, kinds, ['name', 'unit', 'gender', 'position'], INVITATION_WHAT);
  const invitees = delegates
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.unitOrder - b.d.unitOrder || a.i - b.i)
    .map(({ d }) => ({
      row: d.row,
      salutation: salutationOf(d.gender),
      name: d.name,
      position: d.position,
      unit: d.unit,
      kind: d.kind,
    }));
  return {
    invitees,
    time: settings.congressTime.trim(),
    place: settings.congressPlace.trim(),
    documents: settings.invitationDocuments.trim(),
    guests,
  };
}

/** The two lines of a page that name the delegate: "Kính gửi: Ông …" and position, type and unit. */
export function inviteeLines(i: Invitee): [string, string] {
  // A line of the page: a cell typed on several lines (Alt+Enter) is printed on one.
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  const kind = `Đại biểu ${DELEGATE_KIND_LABELS[i.kind].toLowerCase()}`;
  const position = i.position ? `Chức vụ, nơi công tác: ${endWith(one(i.position), '.')} ` : '';
  return [`Kính gửi: ${i.salutation} ${one(i.name)}`, `${position}${kind}, đơn vị: ${one(i.unit)}.`];
}

export function invitationSummary(s: Settings): string {
  return `Dự ${congressName(s)}`;
}

export function buildInvitations(
  input: InvitationInput,
  s: Settings,
  date: IsoDate,
  number = '',
  options: Pick<FrameInput, 'profile' | 'draft'> = {},
): DocModel {
  const values = input.invitees.map(inviteeLines);
  const [who, unit] = tokensFor([...values.flat(), input.time, input.place, input.documents, congressName(s)]);
  const plain = { indentFirstLineMm: 0 };
  const blocks: Block[] = [
    para([{ text: who, bold: true }], { ...plain, align: 'center', spaceBeforePt: 6 }),
    para(unit, { align: 'center', indentFirstLineMm: 0 }),
    para(`Trân trọng kính mời đại biểu đến dự ${congressName(s)}.`),
    para([{ text: 'Thời gian: ', bold: true }, { text: endWith(input.time, '.') }]),
    para([{ text: 'Địa điểm: ', bold: true }, { text: endWith(input.place, '.') }]),
    ...(input.documents
      ? [para([{ text: 'Đại biểu mang theo: ', bold: true }, { text: endWith(input.documents, '.') }])]
      : []),
    para('Rất mong đại biểu đến dự đúng thời gian.'),
  ];
  const model = frame({
    kind: 'giay-moi',
    // An invitation goes to the person it names: no default recipients of the other kinds.
    settings: { ...s, recipients: [] },
    date,
    number,
    summary: invitationSummary(s),
    blocks,
    extraRecipients: ['Như trên'],
    ...options,
    // An invitation goes to the person it names: no default recipients of the profile either.
    ...(options.profile ? { profile: { ...options.profile, recipients: [] } } : {}),
  });
  return {
    ...model,
    pages: { tokens: [who, unit], values },
  };
}

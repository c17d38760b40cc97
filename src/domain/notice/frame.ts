/**
 * The parts every notice shares: the kinds and their ND 30 type names, the header, the title
 * block, the recipients and the signature, all from `Cấu hình`; and small paragraph helpers.
 */
import type { NoticeKind } from '../../rpc/contract';
import { KIND_NAMES } from '../../ui/vi';
import { formatNd30Date, type IsoDate } from '../dates';
import type { Settings } from '../settings';
import { foldKey, truncate } from '../text';
import { agencyLines, ruleUnder } from './layout';
import type { Block, Columns, DocModel, Line, ParagraphBlock, Run, TableBlock } from './model';
import * as ND from './nd30';
import { type DocProfile, resolveProfile } from './profiles';

export interface NoticeType {
  /** Type name printed on the document. */
  typeName: string;
  /** ND 30 abbreviation used in the number (Phụ lục III). */
  abbr: string;
  /** What the log's `Loại` column says. */
  label: string;
  /** False for a document with no number of its own (a list attached to a decision). */
  numbered?: boolean;
}

export const NOTICE_TYPES: Record<NoticeKind, NoticeType> = {
  'thong-bao-ket-luan': { typeName: 'THÔNG BÁO', abbr: 'TB', label: KIND_NAMES['thong-bao-ket-luan'] },
  'phan-bo-dai-bieu': { typeName: 'THÔNG BÁO', abbr: 'TB', label: KIND_NAMES['phan-bo-dai-bieu'] },
  'phan-cong-nhiem-vu': { typeName: 'QUYẾT ĐỊNH', abbr: 'QĐ', label: KIND_NAMES['phan-cong-nhiem-vu'] },
  'giay-moi': { typeName: 'GIẤY MỜI', abbr: 'GM', label: KIND_NAMES['giay-moi'] },
  'danh-sach-dai-bieu': {
    typeName: 'DANH SÁCH',
    abbr: '',
    label: KIND_NAMES['danh-sach-dai-bieu'],
    numbered: false,
  },
  'bao-cao-co-cau': { typeName: 'BÁO CÁO', abbr: 'BC', label: KIND_NAMES['bao-cao-co-cau'] },
};

/** Vietnamese capitals ("Ban Chỉ đạo" → "BAN CHỈ ĐẠO"). */
export const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

/** "Lạng Sơn" → "tỉnh Lạng Sơn"; the six centrally-run cities take "thành phố". */
const CITIES = new Set(['hà nội', 'huế', 'hải phòng', 'đà nẵng', 'hồ chí minh', 'cần thơ']);
export function provinceName(province: string): string {
  const p = province.trim();
  const key = foldKey(p);
  if (/^(tỉnh|thành phố|tp\.?) /.test(key)) return p.replace(/^tp\.?\s*/i, 'thành phố ');
  return (CITIES.has(key) ? 'thành phố ' : 'tỉnh ') + p;
}

/** "Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ IV, năm 2024". */
export function congressName(s: Settings): string {
  let name = 'Đại hội đại biểu các dân tộc thiểu số';
  if (s.province.trim()) name += ' ' + provinceName(s.province);
  if (s.round.trim()) name += ' lần thứ ' + s.round.trim();
  if (s.year) name += (s.round.trim() ? ', năm ' : ' năm ') + s.year;
  return name;
}

/** Ends a sentence with `end` unless it already ends with punctuation. */
export function endWith(text: string, end: string): string {
  const t = text.trim();
  return /[.;:!?…]$/.test(t) ? t : t + end;
}

// ---------------------------------------------------------------------------------------------
// Blocks

const line = (text: string, sizePt: number, style: Partial<Line> = {}): Line => ({
  text,
  sizePt,
  align: 'center',
  ...style,
});
const BOLD = { bold: true };

/** Width of the text between the margins, in points. */
const TEXT_WIDTH_PT = ND.mmToPt(ND.PAGE.widthMm - ND.MARGINS.leftMm - ND.MARGINS.rightMm);
/** Width of the header's left column (parent and issuing body), in points, less the cell padding. */
const AGENCY_WIDTH_PT = (TEXT_WIDTH_PT * ND.HEADER_WIDTHS[0]) / 100 - 10;

/** A body paragraph: justified, first-line indent, space after. */
export function para(content: string | Run[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return {
    type: 'paragraph',
    runs: typeof content === 'string' ? [{ text: content }] : content,
    align: 'justify',
    sizePt: ND.SIZE.body,
    indentFirstLineMm: ND.INDENT_FIRST_LINE_MM,
    spaceBeforePt: 0,
    spaceAfterPt: ND.SPACE_AFTER_PT,
    lineSpacing: ND.LINE_SPACING,
    ...extra,
  };
}

/** A centred bold heading inside the body ("QUYẾT ĐỊNH:"). */
export const heading = (text: string): ParagraphBlock =>
  para([{ text, bold: true }], { align: 'center', indentFirstLineMm: 0 });

/** A bordered data table. */
export function table(
  rows: string[][],
  widthsPct: number[],
  align: TableBlock['align'],
  totalsRow = false,
): TableBlock {
  return { type: 'table', rows, header: true, totalsRow, widthsPct, align, sizePt: ND.SIZE.table };
}

/** Vietnamese point letters: a) b) c) d) đ) e) g) h) i) k) … */
const LETTERS = 'abcdđeghiklmnopqrstuvxy';
export const pointLetter = (i: number): string => (LETTERS[i] ?? String(i + 1)) + ')';

/** Adds the closing "./." to the last paragraph of the body. */
export function closeBody(blocks: Block[]): Block[] {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b?.type !== 'paragraph') continue;
    const last = b.runs[b.runs.length - 1];
    if (last && !last.text.trimEnd().endsWith('./.')) {
      last.text = last.text.trimEnd().replace(/[.;:,]$/, '') + './.';
    }
    break;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The frame: header, title block, recipients and signature

export interface FrameInput {
  kind: NoticeKind;
  settings: Settings;
  /** ISO day of the document. */
  date: IsoDate;
  /** "05/TB-BCĐ" (empty while the number is not yet assigned). */
  number: string;
  summary: string;
  blocks: Block[];
  /** Recipients before the settings' defaults ("Như Điều 3"). */
  extraRecipients?: string[];
  /** Who issues and signs (src/domain/notice/profiles.ts); default: the kind's profile from `settings`. */
  profile?: DocProfile;
  /** A draft: the number and the day left blank for the records clerk ("Số:      /TB-BCĐ"). */
  draft?: boolean;
}

/** The number's symbol for a kind: "TB-BCĐ" (from its profile, or from the settings' profile of the kind). */
export const symbolOf = (kind: NoticeKind, p: DocProfile | Settings): string =>
  `${NOTICE_TYPES[kind].abbr}-${('authority' in p ? p : resolveProfile(kind, p)).issuerCode.trim()}`;

/** The date line; a draft leaves the day blank ("Lạng Sơn, ngày      tháng 01 năm 2024"). */
export function placeDateText(place: string, date: IsoDate, draft = false): string {
  const full = formatNd30Date(place, date);
  return draft ? full.replace(/ngày \d{2} tháng/, `ngày${DRAFT_GAP}tháng`) : full;
}
/** The blank a draft leaves for the number and the day (as seed 004). */
export const DRAFT_GAP = '      ';

export function recipientLines(p: DocProfile | Settings, extra: readonly string[] = []): string[] {
  const s = 'authority' in p ? p : { recipients: p.recipients, drafterCode: p.drafterCode };
  const items = [...extra, ...s.recipients].map((r) =>
    r
      .replace(/^[\s\-–•]+/, '')
      .replace(/[;.,]+$/, '')
      .trim(),
  );
  const unique = items.filter((r, i) => r && items.findIndex((x) => foldKey(x) === foldKey(r)) === i);
  const drafter = s.drafterCode.trim();
  return [...unique.map((r) => `- ${r};`), `- Lưu: VT${drafter ? ', ' + drafter : ''}.`];
}

function headerColumns(
  kind: NoticeKind,
  s: DocProfile,
  number: string,
  date: IsoDate,
  draft: boolean,
): DocModel['header'] {
  const left: Line[] = [];
  for (const text of agencyLines(upper(s.parentBody), ND.SIZE.agency, AGENCY_WIDTH_PT, false)) {
    left.push(line(text, ND.SIZE.agency, { role: 'parent' }));
  }
  const issuing = agencyLines(upper(s.issuingBody), ND.SIZE.agency, AGENCY_WIDTH_PT);
  left.push(...issuing.map((text) => line(text, ND.SIZE.agency, { bold: true, role: 'issuing' })));
  left.push(ruleUnder(issuing, ND.SIZE.agency, AGENCY_WIDTH_PT));
  const right: Line[] = [
    line(ND.NATIONAL_TITLE, ND.SIZE.nationalTitle, BOLD),
    line(ND.MOTTO, ND.SIZE.motto, { bold: true, underline: true }),
  ];
  return {
    left,
    right,
    widthsPct: ND.HEADER_WIDTHS,
    number: line(number ? `Số: ${number}` : `Số:${DRAFT_GAP}/${symbolOf(kind, s)}`, ND.SIZE.number),
    placeDate: line(placeDateText(s.place, date, draft), ND.SIZE.placeDate, { italic: true }),
  };
}

function footerColumns(s: DocProfile, recipients: string[]): Columns {
  const left: Line[] = [
    line(ND.RECIPIENTS_HEADING, ND.SIZE.recipientsHeading, { bold: true, italic: true, align: 'left' }),
    ...recipients.map((r) => line(r, ND.SIZE.recipients, { align: 'left' })),
  ];
  const sig = signatureOf(s);
  const right: Line[] = [
    ...[...sig.authority, sig.title].map((a) => line(a, ND.SIZE.signature, BOLD)),
    ...Array.from({ length: ND.SIGNATURE_GAP_LINES }, () => line('', ND.SIZE.signature)),
    line(sig.name, ND.SIZE.signature, BOLD),
  ];
  return { left, right, widthsPct: ND.FOOTER_WIDTHS };
}

export function signatureOf(p: DocProfile | Settings): DocModel['signature'] {
  if (!('authority' in p)) {
    return {
      authority: p.signAuthority
        .split('|')
        .map((a) => upper(a.trim()))
        .filter(Boolean),
      title: upper(p.signerTitle.trim()),
      name: p.signerName.trim(),
    };
  }
  return { authority: [...p.authority], title: p.position, name: p.signerName };
}

/** Name of the Google Doc: "05/TB-UBND - Thông báo kết luận - Kết luận của đồng chí …". */
export function docTitle(kind: NoticeKind, number: string, summary: string): string {
  return [number, NOTICE_TYPES[kind].label, truncate(summary, 90)].filter(Boolean).join(' - ');
}

/** Wraps a body into a complete ND 30 document. */
export function frame(input: FrameInput): DocModel {
  const { kind, settings, date, number, summary } = input;
  const s = input.profile ?? resolveProfile(kind, settings);
  const type = NOTICE_TYPES[kind];
  const recipients = recipientLines(s, input.extraRecipients);
  const draft = Boolean(input.draft) && !number;
  return {
    kind,
    kindLabel: type.label,
    title: docTitle(kind, number || (draft ? 'Dự thảo' : ''), summary),
    number,
    date,
    page: { widthMm: ND.PAGE.widthMm, heightMm: ND.PAGE.heightMm, margins: { ...ND.MARGINS } },
    font: { family: ND.FONT, sizePt: ND.SIZE.body },
    header: headerColumns(kind, s, number, date, draft),
    titleBlock: [
      line(type.typeName, ND.SIZE.typeName, BOLD),
      line(summary, ND.SIZE.summary, BOLD),
      ruleUnder([summary], ND.SIZE.summary, TEXT_WIDTH_PT),
    ],
    summary,
    blocks: closeBody(input.blocks),
    recipients,
    signature: signatureOf(s),
    footer: footerColumns(s, recipients),
    ...(draft ? { draft: true } : {}),
  };
}

/** Sets the number once it is assigned (the number shows in the header and the title). */
export function withNumber(model: DocModel, number: string): DocModel {
  const { draft: _, ...rest } = model;
  return {
    ...rest,
    number,
    title: docTitle(model.kind, number, model.summary),
    header: { ...model.header, number: { ...model.header.number, text: `Số: ${number}` } },
  };
}

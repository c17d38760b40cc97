/**
 * The document model of a notice: what is written and how it looks, with no reference to any
 * renderer. Domain builders produce it; src/docs/render.ts turns it into a Google Doc, the local
 * runtime exports the Doc it made as .docx and .html. Sizes are points, lengths millimetres.
 */
import type { NoticeKind } from '../../rpc/contract';

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A stretch of text with one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** One line of the header, the title block or the signature block (a paragraph of one run). */
export interface Line extends Run {
  sizePt: number;
  align: Align;
  /**
   * A short solid rule (under the issuing body and the summary): underlined no-break spaces of the
   * rule's length (layout.ts ruleUnder), turned into a real border by the .docx export.
   */
  rule?: boolean;
  /** What the line is, where a reader of the model needs it (the agency names span several lines). */
  role?: 'parent' | 'issuing' | 'rule';
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  align: Align;
  sizePt: number;
  indentFirstLineMm: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  lineSpacing: number;
}

export interface TableBlock {
  type: 'table';
  /** Every row, header and totals included; every row has the same number of cells. */
  rows: string[][];
  /** The first row is a header (bold, centred). */
  header: boolean;
  /** The last row is a totals row (bold). */
  totalsRow: boolean;
  /** Column widths in percent of the text width (sum 100). */
  widthsPct: number[];
  /** Alignment of the body cells, by column. */
  align: Align[];
  sizePt: number;
}

export type Block = ParagraphBlock | TableBlock;

/** Two borderless columns of lines (header, recipients | signature). */
export interface Columns {
  left: Line[];
  right: Line[];
  widthsPct: [number, number];
}

export interface DocModel {
  kind: NoticeKind;
  /** Name of the Google Doc: "05/TB-BCĐ - Thông báo kết luận …". */
  title: string;
  /** Vietnamese name of the kind, for the log ("Thông báo kết luận"). */
  kindLabel: string;
  /** "05/TB-BCĐ". */
  number: string;
  /** ISO day the document carries. */
  date: string;
  page: {
    widthMm: number;
    heightMm: number;
    margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
  };
  font: { family: string; sizePt: number };
  /** Top row: parent and issuing body | Quốc hiệu and Tiêu ngữ; bottom row: number | place and date. */
  header: Columns & { number: Line; placeDate: Line };
  /** Type name (THÔNG BÁO, QUYẾT ĐỊNH), summary line and the rule under it. */
  titleBlock: Line[];
  /** The summary (trích yếu) as plain text. */
  summary: string;
  blocks: Block[];
  /** Recipient lines as printed ("- Ban Dân tộc;" … "- Lưu: VT, BDT."). */
  recipients: string[];
  signature: { authority: string[]; title: string; name: string };
  /** Left: "Nơi nhận:" and the recipients; right: authority, position, gap, name. */
  footer: Columns;
  /** A draft: no number and no day yet (issued later with issueDraft). */
  draft?: boolean;
  /**
   * One page per row of `values` (Giấy mời): the document above is one page, holding each of
   * `tokens` once; every page is that page with the tokens replaced by its row's values.
   */
  pages?: { tokens: string[]; values: string[][] };
}

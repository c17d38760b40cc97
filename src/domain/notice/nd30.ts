/**
 * Decree 30/2020/NĐ-CP, Phụ lục I, as numbers: every size, margin and spacing a notice uses.
 * Each value sits inside the range the decree allows (nd30_2020_format_spec.csv); the unit test
 * checks them against that file.
 */

/** A4 portrait, in millimetres. */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;
/** Margins (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const MARGINS = { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } as const;
export const FONT = 'Times New Roman';

/** Font sizes in points, by element. */
export const SIZE = {
  /** Body text, căn cứ, Điều/Khoản (13–14). */
  body: 14,
  /** Quốc hiệu (12–13). */
  nationalTitle: 12,
  /** Tiêu ngữ (13–14). */
  motto: 13,
  /** Cơ quan chủ quản, cơ quan ban hành (12–13). */
  agency: 13,
  /** Số, ký hiệu (13). */
  number: 13,
  /** Địa danh và thời gian (13–14). */
  placeDate: 14,
  /** Tên loại và trích yếu (13–14). */
  typeName: 14,
  summary: 14,
  /** Quyền hạn, chức vụ, họ tên người ký (13–14). */
  signature: 14,
  /** "Nơi nhận:" (12). */
  recipientsHeading: 12,
  /** Danh sách nơi nhận (11). */
  recipients: 11,
  /** Tables inside the body: smaller than the body text so wide tables fit. */
  table: 13,
} as const;

/** First-line indent of body paragraphs: 1.27 cm (the decree allows 1 cm or 1.27 cm). */
export const INDENT_FIRST_LINE_MM = 12.7;
/** Space after a body paragraph (≥ 6 pt). */
export const SPACE_AFTER_PT = 6;
/** Line spacing multiplier of the body (single to 1.5 lines). */
export const LINE_SPACING = 1.15;
/** Line spacing of the header and signature blocks (the decree asks single spacing there). */
export const HEADER_LINE_SPACING = 1;
/** Blank lines left between the signer's position and name for the signature and seal. */
export const SIGNATURE_GAP_LINES = 4;

/**
 * Page numbers (Phụ lục I, mục II.10): Arabic numerals, 13–14 pt, centred in the top margin, from
 * the second page on. `headerMm`: distance of the number from the top edge, inside the 20 mm margin.
 */
export const PAGE_NUMBER = { sizePt: 13, fromPage: 2, headerMm: 10 } as const;

/** Column shares of the two-column header and of the recipients | signature block, in percent. */
export const HEADER_WIDTHS: [number, number] = [40, 60];
export const FOOTER_WIDTHS: [number, number] = [45, 55];

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_HEADING = 'Nơi nhận:';
/** Title prefix of a document while it is being written: removed when it is complete. */
export const INCOMPLETE_PREFIX = '[CHƯA HOÀN THÀNH] ';

/** Points per millimetre (1 pt = 1/72 in). */
export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => Math.round(mm * PT_PER_MM * 1000) / 1000;
/** Twips (1/20 pt) per millimetre, for Word files. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

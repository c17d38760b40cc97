/**
 * Exports a local Google Doc (runtime/document.ts) as a Word file with the `docx` package: the
 * page size and margins, fonts, sizes, bold/italic/underline, alignment, indents, spacing and
 * tables (column widths, borders or none) of the Doc, so it opens in Word or LibreOffice as the
 * Doc would print. Units: Docs uses points; Word twips (1/20 pt) and half-points for font sizes.
 *
 * What Decree 30 asks and a Google Doc made through DocumentApp cannot hold, the export adds
 * (README, "Trình bày văn bản"):
 * - page numbers from page 2, centred in the top margin (a header with a PAGE field; the first page
 *   has its own, empty header: titlePg);
 * - table rows that cannot split across pages (cantSplit), a bordered table's header row repeated on
 *   each page it spans (tblHeader), and keep-with-next on the paragraphs
 *   before the closing borderless table (recipients | signature), so the signature block stays
 *   with the last paragraph;
 * - rules (a paragraph of underlined no-break spaces, notice/layout.ts) as a paragraph border of
 *   the same length, centred;
 * - the document's own font as Word's default, so nothing unstyled falls back to Arial 11.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { isRuleText, ruleLengthPt } from '../src/domain/notice/layout';
import * as ND from '../src/domain/notice/nd30';
import {
  type Attrs,
  type BlockSnapshot,
  DOC_DEFAULTS,
  type DocSnapshot,
  type ParagraphSnapshot,
  type TableSnapshot,
} from './runtime/document';

/** Points → twips. */
export const twip = (pt: number): number => Math.round(pt * 20);

const ALIGN = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

function runOptions(a: Attrs) {
  const size = Number(a.FONT_SIZE ?? DOC_DEFAULTS.fontSize);
  const font = String(a.FONT_FAMILY ?? DOC_DEFAULTS.fontFamily);
  return {
    font,
    size: Math.round(size * 2),
    bold: a.BOLD === true,
    italics: a.ITALIC === true,
    strike: a.STRIKETHROUGH === true,
    ...(a.UNDERLINE === true ? { underline: {} } : {}),
    ...(typeof a.FOREGROUND_COLOR === 'string' ? { color: a.FOREGROUND_COLOR.replace('#', '') } : {}),
  };
}

/** A run's text, line breaks ('\n', '\r', '\v') kept as breaks. */
function runsOf(text: string, a: Attrs): ParagraphChild[] {
  return text
    .split(/\r\n|[\n\r\v]/)
    .map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : 0, ...runOptions(a) }));
}

/** A paragraph that is only a rule: underlined no-break spaces (notice/layout.ts ruleUnder). */
const isRule = (p: ParagraphSnapshot): boolean => isRuleText(p.text) && p.runs.every((r) => r.attrs.UNDERLINE === true);

/** A rule as a bottom border of the same length, centred in the width it sits in. */
function ruleOf(p: ParagraphSnapshot, widthPt: number, keepNext: boolean): Paragraph {
  const size = Number(p.runs[0]?.attrs.FONT_SIZE ?? p.mark.FONT_SIZE ?? DOC_DEFAULTS.fontSize);
  const length = Math.min(widthPt, ruleLengthPt(p.text.length, size));
  const side = twip(Math.max(0, (widthPt - length) / 2));
  return new Paragraph({
    keepNext,
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: runOptions({ ...p.mark, UNDERLINE: false }),
    children: [],
  });
}

function paragraphOf(p: ParagraphSnapshot, widthPt: number, keepNext = false): Paragraph {
  if (isRule(p)) return ruleOf(p, widthPt, keepNext);
  const a = p.attrs;
  const line = Number(a.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing);
  // Docs measures the first line from the margin; Word from the other lines' indent.
  const start = Number(a.INDENT_START ?? 0);
  const first = Number(a.INDENT_FIRST_LINE ?? start) - start;
  return new Paragraph({
    keepNext,
    alignment: ALIGN[String(a.HORIZONTAL_ALIGNMENT ?? 'LEFT') as keyof typeof ALIGN] ?? AlignmentType.LEFT,
    indent: {
      ...(first >= 0 ? { firstLine: twip(first) } : { hanging: twip(-first) }),
      left: twip(start),
      right: twip(Number(a.INDENT_END ?? 0)),
    },
    spacing: {
      before: twip(Number(a.SPACING_BEFORE ?? 0)),
      after: twip(Number(a.SPACING_AFTER ?? 0)),
      line: Math.round(line * 240),
      lineRule: LineRuleType.AUTO,
    },
    run: runOptions(p.mark),
    children: [
      ...p.runs.flatMap((r) => runsOf(r.text, r.attrs)),
      ...Array.from({ length: p.pageBreaks ?? 0 }, () => new PageBreak()),
    ],
  });
}

/** Left and right padding of a table cell, in points. */
const CELL_PADDING_PT = 5;

function tableOf(t: TableSnapshot, widthPt: number): Table {
  const set = t.widths.reduce<number>((s, w) => s + (w ?? 0), 0);
  const unset = t.widths.filter((w) => w === null).length;
  const share = unset ? Math.max(widthPt - set, 0) / unset : 0;
  const widths = t.widths.map((w) => twip(w ?? share));
  const borderWidth = Number(t.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth);
  const color = String(t.attrs.BORDER_COLOR ?? DOC_DEFAULTS.borderColor).replace('#', '');
  const side =
    borderWidth > 0
      ? { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(borderWidth * 8)), color }
      : { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = {
    top: side,
    bottom: side,
    left: side,
    right: side,
    insideHorizontal: side,
    insideVertical: side,
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: t.rows.map(
      (r, rowIndex) =>
        new TableRow({
          // A row never splits across pages: a signature block or a table row stays whole.
          cantSplit: true,
          // A bordered table's first row is its header: repeated on every page the table spans, as
          // the HTML preview shows it (html-export.ts placeTable).
          ...(rowIndex === 0 && borderWidth > 0 && t.rows.length > 1 ? { tableHeader: true } : {}),
          children: r.cells.map((c, i) => {
            const blocks = c.blocks.map((b) => blockOf(b, (widths[i] ?? 0) / 20 - 2 * CELL_PADDING_PT));
            return new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders: { top: side, bottom: side, left: side, right: side },
              margins: { top: 0, bottom: 0, left: twip(CELL_PADDING_PT), right: twip(CELL_PADDING_PT) },
              verticalAlign:
                c.attrs.VERTICAL_ALIGNMENT === 'CENTER' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
              children: blocks.length ? blocks : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

function blockOf(b: BlockSnapshot, widthPt: number, keepNext = false): Paragraph | Table {
  return b.type === 'table' ? tableOf(b, widthPt) : paragraphOf(b, widthPt, keepNext);
}

const isBlank = (b: BlockSnapshot | undefined): boolean => b?.type !== 'table' && !b?.text.trim();

/**
 * The blocks kept with the next one: those the Doc marks so (keepWithNext, set through the Docs
 * API), and those between the last paragraph with text and the closing borderless table
 * (recipients | signature), that paragraph included, even when the Doc could not mark them.
 */
export function keptWithNext(blocks: readonly BlockSnapshot[]): Set<number> {
  let end = blocks.length - 1;
  while (end > 0 && isBlank(blocks[end])) end--;
  const closing = blocks[end];
  // Paragraphs the Doc itself keeps with the next (Docs API keepWithNext, keepTogether.ts).
  const kept = new Set<number>(blocks.flatMap((b, i) => (b.type !== 'table' && b.keepWithNext ? [i] : [])));
  if (closing?.type !== 'table' || Number(closing.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth) > 0) return kept;
  for (let i = end - 1; i > 0; i--) {
    const b = blocks[i] as BlockSnapshot;
    // Nothing is kept with what follows a page break (Giấy mời: the break between invitations).
    if (b.type === 'table' || (b.pageBreaks ?? 0) > 0) break;
    kept.add(i);
    if (b.text.trim()) break;
  }
  return kept;
}

/** The font used by most text of the Doc (its runs and empty paragraphs), with its most used size. */
export function dominantFont(doc: DocSnapshot): { family: string; sizePt: number } {
  const families = new Map<string, number>();
  const sizes = new Map<number, number>();
  const count = (a: Attrs, n: number) => {
    const f = String(a.FONT_FAMILY ?? DOC_DEFAULTS.fontFamily);
    const s = Number(a.FONT_SIZE ?? DOC_DEFAULTS.fontSize);
    families.set(f, (families.get(f) ?? 0) + n);
    sizes.set(s, (sizes.get(s) ?? 0) + n);
  };
  const walk = (blocks: readonly BlockSnapshot[]) => {
    for (const b of blocks) {
      if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) walk(c.blocks);
      else if (b.runs.length) for (const r of b.runs) count(r.attrs, r.text.length);
      else count(b.mark, 1);
    }
  };
  walk(doc.blocks);
  const top = <K>(m: Map<K, number>, fallback: K): K =>
    [...m].reduce<[K, number]>((best, e) => (e[1] > best[1] ? e : best), [fallback, -1])[0];
  return { family: top(families, DOC_DEFAULTS.fontFamily), sizePt: top(sizes, DOC_DEFAULTS.fontSize) };
}

/** Header of the pages after the first: the page number, centred (Decree 30: from page 2). */
function pageNumberHeader(font: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font, size: ND.PAGE_NUMBER.sizePt * 2 })],
      }),
    ],
  });
}

/**
 * A Doc of one-page documents separated by page breaks (Giấy mời, src/docs/pages.ts: each
 * invitation a borderless table of its own, the breaks in blank paragraphs between them): no page
 * is numbered. A Doc with text of its own around a page break (a user's template starting an
 * appendix on a new page) is one document, numbered from page 2 like any other.
 */
export const isBatch = (doc: DocSnapshot): boolean =>
  doc.blocks.some((b) => b.type !== 'table' && (b.pageBreaks ?? 0) > 0) &&
  doc.blocks.every((b) =>
    b.type === 'table' ? Number(b.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth) === 0 : !b.text.trim(),
  );

export interface DocxOptions {
  /** Page numbers from page 2 (Decree 30); default true. */
  pageNumbers?: boolean;
}

/** The Word document of a Doc. */
export function docxDocument(doc: DocSnapshot, options: DocxOptions = {}): Document {
  const p = doc.page;
  const textWidth = p.widthPt - p.marginLeftPt - p.marginRightPt;
  const font = dominantFont(doc);
  const numbered = options.pageNumbers ?? !isBatch(doc);
  const kept = keptWithNext(doc.blocks);
  return new Document({
    title: doc.name,
    creator: 'Trợ lý Đại hội DTTS',
    styles: {
      default: { document: { run: { font: font.family, size: Math.round(font.sizePt * 2) } } },
    },
    sections: [
      {
        ...(numbered
          ? {
              headers: {
                default: pageNumberHeader(font.family),
                first: new Header({ children: [new Paragraph({})] }),
              },
            }
          : {}),
        properties: {
          ...(numbered ? { titlePage: true } : {}),
          page: {
            size: {
              width: twip(p.widthPt),
              height: twip(p.heightPt),
              orientation: p.widthPt > p.heightPt ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(p.marginTopPt),
              bottom: twip(p.marginBottomPt),
              left: twip(p.marginLeftPt),
              right: twip(p.marginRightPt),
              ...(numbered ? { header: twip(ND.mmToPt(ND.PAGE_NUMBER.headerMm)) } : {}),
            },
          },
        },
        children: doc.blocks.map((b, i) => blockOf(b, textWidth, kept.has(i))),
      },
    ],
  });
}

/** The .docx bytes of a Doc. */
export function docxBuffer(doc: DocSnapshot, options: DocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc, options));
}

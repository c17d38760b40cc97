/**
 * Exports a local Google Doc (runtime/document.ts) as a Word file with the `docx` package: the
 * page size and margins, fonts, sizes, bold/italic/underline, alignment, indents, spacing and
 * tables (column widths, borders or none) of the Doc, so it opens in Word or LibreOffice as the
 * Doc would print. Units: Docs uses points; Word twips (1/20 pt) and half-points for font sizes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageBreak,
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

function paragraphOf(p: ParagraphSnapshot): Paragraph {
  const a = p.attrs;
  const line = Number(a.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing);
  // Docs measures the first line from the margin; Word from the other lines' indent.
  const start = Number(a.INDENT_START ?? 0);
  const first = Number(a.INDENT_FIRST_LINE ?? start) - start;
  return new Paragraph({
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
      (r) =>
        new TableRow({
          children: r.cells.map((c, i) => {
            const blocks = c.blocks.map((b) => blockOf(b, (widths[i] ?? 0) / 20));
            return new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders: { top: side, bottom: side, left: side, right: side },
              margins: { top: 0, bottom: 0, left: twip(5), right: twip(5) },
              verticalAlign:
                c.attrs.VERTICAL_ALIGNMENT === 'CENTER' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
              children: blocks.length ? blocks : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

function blockOf(b: BlockSnapshot, widthPt: number): Paragraph | Table {
  return b.type === 'table' ? tableOf(b, widthPt) : paragraphOf(b);
}

/** The Word document of a Doc. */
export function docxDocument(doc: DocSnapshot): Document {
  const p = doc.page;
  const textWidth = p.widthPt - p.marginLeftPt - p.marginRightPt;
  return new Document({
    title: doc.name,
    creator: 'Trợ lý Đại hội DTTS',
    styles: {
      default: { document: { run: { font: DOC_DEFAULTS.fontFamily, size: DOC_DEFAULTS.fontSize * 2 } } },
    },
    sections: [
      {
        properties: {
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
            },
          },
        },
        children: doc.blocks.map((b) => blockOf(b, textWidth)),
      },
    ],
  });
}

/** The .docx bytes of a Doc. */
export function docxBuffer(doc: DocSnapshot): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc));
}

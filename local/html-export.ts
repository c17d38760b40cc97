/**
 * Exports a local Google Doc as a standalone HTML page that looks like the printed pages: sheets of
 * the Doc's page size (A4) with its margins, fonts, sizes, bold/italic/underline, alignment,
 * indents, spacing and tables; page numbers from page 2, centred in the top margin (Decree 30).
 * Used by `dtts run … --docs DIR` and the playground's preview.
 *
 * The page runs no script (the playground serves it under a CSP without scripts), so the pages are
 * laid out here, from estimated heights (notice/layout.ts textWidthPt errs wide, so a page is
 * filled a little less than a printer would): a block that does not fit goes to the next page, a
 * bordered table is split between rows with its header row repeated, the paragraphs before the
 * closing recipients | signature table move with it (docx.ts keptWithNext), as in the .docx, and a
 * page break (Paragraph.appendPageBreak) starts a new sheet. A word longer than its line breaks
 * between letters, as Docs and Word break it (overflow-wrap), never running past the margin.
 */
import { isRuleText, ruleLengthPt, textWidthPt } from '../src/domain/notice/layout';
import * as ND from '../src/domain/notice/nd30';
import { docxBuffer, isBatch, keptWithNext } from './docx';
import type { RouteHandler } from './playground/server';
import type { Runtime } from './runtime';
import {
  type Attrs,
  type BlockSnapshot,
  DOC_DEFAULTS,
  type DocSnapshot,
  type ParagraphSnapshot,
  type TableSnapshot,
} from './runtime/document';

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

/**
 * Fonts with the same metrics, tried after the named one where it is not installed (Linux machines
 * often have Liberation or the Chrome OS fonts), so lines break where they would in print.
 */
const METRIC_COMPATIBLE: Record<string, string> = {
  'Times New Roman': ",'Liberation Serif','Tinos'",
  Arial: ",'Liberation Sans','Arimo'",
};

/** CSS of a run; font names and colours are the document's text, so callers escape it into the attribute. */
function textStyle(a: Attrs): string {
  const family = String(a.FONT_FAMILY ?? DOC_DEFAULTS.fontFamily);
  const parts = [
    `font-family:'${family}'${METRIC_COMPATIBLE[family] ?? ''},serif`,
    `font-size:${Number(a.FONT_SIZE ?? DOC_DEFAULTS.fontSize)}pt`,
  ];
  if (a.BOLD === true) parts.push('font-weight:bold');
  if (a.ITALIC === true) parts.push('font-style:italic');
  if (a.UNDERLINE === true) parts.push('text-decoration:underline');
  if (typeof a.FOREGROUND_COLOR === 'string') parts.push(`color:${a.FOREGROUND_COLOR}`);
  return parts.join(';');
}

/** Left and right padding of a table cell, in points (the CSS below and the .docx use the same). */
const CELL_PADDING_PT = 5;

type Row = TableSnapshot['rows'][number];

/** Column widths in points: those set, the rest sharing what is left of `widthPt`. */
function columnWidths(t: TableSnapshot, widthPt: number): number[] {
  const set = t.widths.reduce<number>((a, w) => a + (w ?? 0), 0);
  const unset = t.widths.filter((w) => w === null).length;
  const share = unset ? Math.max(widthPt - set, 0) / unset : 0;
  return t.widths.map((w) => w ?? share);
}

function tableHtml(b: TableSnapshot, rows: readonly Row[], widthPt: number): string {
  const w = Number(b.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth);
  const border = w > 0 ? `${w}pt solid ${String(b.attrs.BORDER_COLOR ?? DOC_DEFAULTS.borderColor)}` : 'none';
  const widths = columnWidths(b, widthPt);
  const cols = b.widths.map((x) => (x === null ? '<col>' : `<col style="width:${x}pt">`)).join('');
  const html = rows
    .map(
      (r) =>
        `<tr>${r.cells
          .map(
            (c, i) =>
              `<td style="border:${esc(border)}">${c.blocks.map((x) => block(x, (widths[i] ?? 0) - 2 * CELL_PADDING_PT)).join('')}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="${w > 0 ? 'grid' : 'plain'}"><colgroup>${cols}</colgroup>\n${html}\n</table>`;
}

/** A paragraph that is only a rule (underlined no-break spaces, notice/layout.ts). */
const isRule = (p: ParagraphSnapshot): boolean => isRuleText(p.text) && p.runs.every((r) => r.attrs.UNDERLINE === true);
const sizeOf = (a: Attrs): number => Number(a.FONT_SIZE ?? DOC_DEFAULTS.fontSize);

function block(b: BlockSnapshot, widthPt: number): string {
  if (b.type === 'table') return tableHtml(b, b.rows, widthPt);
  const a = b.attrs;
  if (isRule(b)) {
    // A real line of the rule's length, centred: a bordered empty box, never characters.
    const length = Math.min(widthPt, ruleLengthPt(b.text.length, sizeOf(b.runs[0]?.attrs ?? b.mark)));
    const style = `margin:0;text-align:center;line-height:1;font-size:${sizeOf(b.mark)}pt`;
    return `<p class="rule" style="${style}"><span style="display:inline-block;width:${length}pt;border-bottom:0.75pt solid #000"></span></p>`;
  }
  const start = Number(a.INDENT_START ?? 0);
  const style = [
    `text-align:${ALIGN[String(a.HORIZONTAL_ALIGNMENT ?? 'LEFT')] ?? 'left'}`,
    `margin:${Number(a.SPACING_BEFORE ?? 0)}pt ${Number(a.INDENT_END ?? 0)}pt ${Number(a.SPACING_AFTER ?? 0)}pt ${start}pt`,
    `text-indent:${Number(a.INDENT_FIRST_LINE ?? start) - start}pt`,
    `line-height:${Number(a.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing)}`,
    textStyle(b.mark),
  ].join(';');
  const runs = b.runs.map(
    (r) => `<span style="${esc(textStyle(r.attrs))}">${esc(r.text).replace(/\r\n|[\n\r\v]/g, '<br>')}</span>`,
  );
  return `<p style="${esc(style)}">${runs.join('') || '&nbsp;'}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Estimated height of a paragraph `widthPt` wide, in points (CSS line-height × the largest size). */
function paragraphHeightPt(p: ParagraphSnapshot, widthPt: number): number {
  const a = p.attrs;
  const size = Math.max(sizeOf(p.mark), ...p.runs.map((r) => sizeOf(r.attrs)));
  const spacing = Number(a.SPACING_BEFORE ?? 0) + Number(a.SPACING_AFTER ?? 0);
  if (isRule(p)) return sizeOf(p.mark) + spacing;
  const line = size * Math.max(1, Number(a.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing)) * 1.05;
  const start = Number(a.INDENT_START ?? 0);
  const avail = Math.max(36, widthPt - start - Number(a.INDENT_END ?? 0));
  const first = Math.max(0, Number(a.INDENT_FIRST_LINE ?? start) - start);
  const bold = p.runs.some((r) => r.attrs.BOLD === true);
  const lines = p.text
    .split(/\r\n|[\n\r\v]/)
    .reduce((n, seg, i) => n + Math.max(1, Math.ceil((textWidthPt(seg, size, bold) + (i ? 0 : first)) / avail)), 0);
  return spacing + lines * line;
}

function rowHeightPt(t: TableSnapshot, r: Row, widthPt: number): number {
  const widths = columnWidths(t, widthPt);
  const border = Number(t.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth);
  return (
    border +
    Math.max(
      0,
      ...r.cells.map((c, i) =>
        c.blocks.reduce((h, b) => h + blockHeightPt(b, (widths[i] ?? 0) - 2 * CELL_PADDING_PT), 0),
      ),
    )
  );
}

/** Estimated height of a block laid out `widthPt` wide, in points. */
export function blockHeightPt(b: BlockSnapshot, widthPt: number): number {
  if (b.type !== 'table') return paragraphHeightPt(b, widthPt);
  return b.rows.reduce((h, r) => h + rowHeightPt(b, r, widthPt), 0);
}

/** One printed page: the HTML of its blocks and their estimated height. */
export interface PageLayout {
  html: string[];
  heightPt: number;
}

/**
 * The Doc cut into pages of its page size. Units (a block, or the blocks kept with the next one and
 * that one) go whole to the next page when they do not fit; a bordered table that does not fit is
 * split between rows, its first (header) row repeated on the next page.
 */
export function paginate(doc: DocSnapshot): PageLayout[] {
  const p = doc.page;
  const width = p.widthPt - p.marginLeftPt - p.marginRightPt;
  const room = p.heightPt - p.marginTopPt - p.marginBottomPt;
  const kept = keptWithNext(doc.blocks);
  // A working copy: a paragraph taller than a page is cut into pieces here (splitParagraph).
  const blocks = [...doc.blocks];
  const keep = blocks.map((_, i) => kept.has(i));
  const pages: PageLayout[] = [{ html: [], heightPt: 0 }];
  const current = () => pages[pages.length - 1] as PageLayout;
  const next = (): void => {
    pages.push({ html: [], heightPt: 0 });
  };
  const place = (html: string, h: number) => {
    current().html.push(html);
    current().heightPt += h;
  };
  for (let i = 0; i < blocks.length; i++) {
    let j = i;
    while (keep[j] && j + 1 < blocks.length) j++;
    const unit = blocks.slice(i, j + 1);
    const heights = unit.map((b) => blockHeightPt(b, width));
    const total = heights.reduce((a, h) => a + h, 0);
    const last = unit[unit.length - 1] as BlockSnapshot;
    const first = unit[0] as BlockSnapshot;
    // A unit no page can hold (a very long paragraph, alone or kept with the signature block): its
    // first paragraph is cut between lines, its head filling this page, as a printer would; the
    // rest goes on with what it is kept with.
    if (total > room && total - (heights[0] ?? 0) < room && first.type !== 'table' && !isRule(first)) {
      let cut = splitParagraph(first, width, room - current().heightPt);
      if (!cut && current().html.length > 0) {
        next();
        cut = splitParagraph(first, width, room);
      }
      if (cut) {
        blocks.splice(i, 1, cut[0], cut[1]);
        keep.splice(i, 1, false, keep[i] as boolean);
        place(block(cut[0], width), blockHeightPt(cut[0], width));
        next();
        continue;
      }
    }
    if (current().heightPt + total > room && current().html.length > 0) {
      const splittable = unit.length === 1 && last.type === 'table' && Number(last.attrs.BORDER_WIDTH ?? 1) > 0;
      if (!splittable) next();
    }
    if (unit.length === 1 && last.type === 'table' && current().heightPt + total > room) {
      placeTable(last, width, room, current, next, place);
    } else {
      unit.forEach((b, k) => {
        place(block(b, width), heights[k] ?? 0);
        // A page break after the text (Paragraph.appendPageBreak, Giấy mời: one invitation a page):
        // what follows starts a new sheet; a break ending the Doc adds no empty sheet.
        const breaks = b.type === 'table' ? 0 : (b.pageBreaks ?? 0);
        for (let n = 0; n < breaks && i + k + 1 < blocks.length; n++) next();
      });
    }
    i = j;
  }
  return pages;
}

/** The part of a paragraph's runs between two offsets of its text. */
function sliceRuns(p: ParagraphSnapshot, from: number, to: number): ParagraphSnapshot['runs'] {
  const out: ParagraphSnapshot['runs'] = [];
  let at = 0;
  for (const r of p.runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + r.text.length);
    if (end > start) out.push({ text: r.text.slice(start - at, end - at), attrs: r.attrs });
    at += r.text.length;
  }
  return out;
}

/**
 * A paragraph cut after the most words whose lines fit in `availPt` (at least one word), as two
 * paragraphs: the head keeps the space before and the first-line indent, the rest the space after
 * and the page breaks. Null when it fits whole or not even its first word fits.
 */
function splitParagraph(
  p: ParagraphSnapshot,
  widthPt: number,
  availPt: number,
): [ParagraphSnapshot, ParagraphSnapshot] | null {
  if (paragraphHeightPt(p, widthPt) <= availPt) return null;
  const ends = [...p.text.matchAll(/\S+/g)].map((m) => (m.index ?? 0) + m[0].length);
  const start = Number(p.attrs.INDENT_START ?? 0);
  const piece = (from: number, to: number, head: boolean): ParagraphSnapshot => {
    const { pageBreaks: _, ...rest } = p;
    const text = p.text.slice(from, to);
    const lead = text.length - text.trimStart().length;
    return {
      ...(head ? rest : p),
      text: text.slice(lead),
      runs: sliceRuns(p, from + lead, to),
      attrs: head ? { ...p.attrs, SPACING_AFTER: 0 } : { ...p.attrs, SPACING_BEFORE: 0, INDENT_FIRST_LINE: start },
    };
  };
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (paragraphHeightPt(piece(0, ends[mid - 1] as number, true), widthPt) <= availPt) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return null;
  const at = ends[low - 1] as number;
  return [piece(0, at, true), piece(at, p.text.length, false)];
}

/** A table row by row over as many pages as it needs, its header row repeated on each. */
function placeTable(
  t: TableSnapshot,
  width: number,
  room: number,
  current: () => PageLayout,
  next: () => void,
  place: (html: string, h: number) => void,
): void {
  const header = t.rows[0];
  const repeat = header && Number(t.attrs.BORDER_WIDTH ?? 1) > 0 ? header : undefined;
  const headerHeight = repeat ? rowHeightPt(t, repeat, width) : 0;
  let rows: Row[] = [];
  let height = 0;
  const flush = () => {
    if (rows.length) place(tableHtml(t, rows, width), height);
    rows = [];
    height = 0;
  };
  t.rows.forEach((r, i) => {
    const h = rowHeightPt(t, r, width);
    const onlyHeader = rows.length === 1 && rows[0] === repeat && i > 0;
    // A row taller than a whole page stays where it is (after the repeated header): no empty page.
    const pageHasContent = current().html.length > 0 || (rows.length > 0 && !onlyHeader);
    if (current().heightPt + height + h > room && pageHasContent) {
      if (onlyHeader) rows = [];
      else flush();
      next();
      if (repeat && i > 0) {
        rows = [repeat];
        height = headerHeight;
      }
    }
    rows.push(r);
    height += h;
  });
  flush();
}

/** The HTML page of a Doc: one sheet per printed page, numbered from the second. */
export function docHtml(doc: DocSnapshot): string {
  const p = doc.page;
  const pages = paginate(doc);
  // One-page documents in one Doc (Giấy mời) are not numbered, as in the .docx.
  const numbered = !isBatch(doc);
  const numberTop = ND.mmToPt(ND.PAGE_NUMBER.headerMm);
  const sheets = pages.map((page, i) => {
    const n = i + 1;
    const number =
      numbered && n >= ND.PAGE_NUMBER.fromPage ? `<div class="page-number" aria-label="Trang ${n}">${n}</div>\n` : '';
    return `<div class="page" data-page="${n}" data-doc-id="${esc(doc.id)}">\n${number}${page.html.join('\n')}\n</div>`;
  });
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(doc.name)}</title>
<style>
@page { size: ${p.widthPt}pt ${p.heightPt}pt; margin: 0; }
body { margin: 0; background: #e8eaed; }
.page { position: relative; box-sizing: border-box; width: ${p.widthPt}pt; height: ${p.heightPt}pt; margin: 16px auto; background: #fff;
  padding: ${p.marginTopPt}pt ${p.marginRightPt}pt ${p.marginBottomPt}pt ${p.marginLeftPt}pt; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.page-number { position: absolute; top: ${numberTop}pt; left: 0; right: 0; text-align: center;
  font-family: '${esc(ND.FONT)}'${METRIC_COMPATIBLE[ND.FONT] ?? ''}, serif; font-size: ${ND.PAGE_NUMBER.sizePt}pt; line-height: 1; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { vertical-align: top; padding: 0 ${CELL_PADDING_PT}pt; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
p { orphans: 2; widows: 2; overflow-wrap: anywhere; }
@media print { body { background: none; } .page { margin: 0; box-shadow: none; break-after: page; } }
</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>
`;
}

/**
 * The .docx's file name: the Doc's name ("01/TB-BCĐ - Thông báo kết luận - …", its number and
 * title), with the characters a file name cannot hold on Windows or elsewhere ("/" of the number,
 * ":" …) as "-", at most 150 characters.
 */
export function docxFileName(docName: string): string {
  const base = docName
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 150)
    .trim();
  return `${base || 'van-ban'}.docx`;
}

/** A Doc the runtime made, as the playground lists it. */
export interface DocumentListing {
  id: string;
  name: string;
  url: string;
  /** Playground paths of the HTML preview and the .docx download. */
  preview: string;
  docx: string;
}

/**
 * Playground routes for the Docs made in the runtime (to spread into the playground's `routes`):
 *   GET /api/documents            DocumentListing[], newest first
 *   GET /document?id=ID           the HTML preview (also /document?url=<Google Docs link>)
 *   GET /document.docx?id=ID      the Word file
 */
export function documentRoutes(runtime: Runtime): Record<string, RouteHandler> {
  const app = runtime.services.DocumentApp;
  const lookup = (url: URL) => {
    const id = url.searchParams.get('id') ?? /\/document\/d\/([^/]+)/.exec(url.searchParams.get('url') ?? '')?.[1];
    return app.documents.find((d) => d.id === id) ?? null;
  };
  return {
    'GET /api/documents': () => ({
      json: [...app.created].reverse().map(
        (d): DocumentListing => ({
          id: d.id,
          name: d.name,
          url: d.url,
          preview: `/document?id=${encodeURIComponent(d.id)}`,
          docx: `/document.docx?id=${encodeURIComponent(d.id)}`,
        }),
      ),
    }),
    'GET /document': ({ url }) => {
      const doc = lookup(url);
      return doc ? { raw: docHtml(doc.snapshot()), contentType: 'text/html; charset=utf-8' } : null;
    },
    'GET /document.docx': async ({ url }) => {
      const doc = lookup(url);
      return doc
        ? {
            raw: await docxBuffer(doc.snapshot()),
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            fileName: docxFileName(doc.name),
          }
        : null;
    },
  };
}

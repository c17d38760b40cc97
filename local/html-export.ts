/**
 * Exports a local Google Doc as a standalone HTML page that looks like the printed page: A4 sheet,
 * margins, fonts, sizes, bold/italic/underline, alignment, indents, spacing and tables.
 * Used by `dtts run … --docs DIR` and the playground's preview.
 */
import { docxBuffer } from './docx';
import type { RouteHandler } from './playground/server';
import type { Runtime } from './runtime';
import { type Attrs, type BlockSnapshot, DOC_DEFAULTS, type DocSnapshot } from './runtime/document';

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

/** CSS of a run; font names and colours are the document's text, so callers escape it into the attribute. */
function textStyle(a: Attrs): string {
  const parts = [
    `font-family:'${String(a.FONT_FAMILY ?? DOC_DEFAULTS.fontFamily)}',serif`,
    `font-size:${Number(a.FONT_SIZE ?? DOC_DEFAULTS.fontSize)}pt`,
  ];
  if (a.BOLD === true) parts.push('font-weight:bold');
  if (a.ITALIC === true) parts.push('font-style:italic');
  if (a.UNDERLINE === true) parts.push('text-decoration:underline');
  if (typeof a.FOREGROUND_COLOR === 'string') parts.push(`color:${a.FOREGROUND_COLOR}`);
  return parts.join(';');
}

function block(b: BlockSnapshot): string {
  if (b.type === 'table') {
    const w = Number(b.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth);
    const border = w > 0 ? `${w}pt solid ${String(b.attrs.BORDER_COLOR ?? DOC_DEFAULTS.borderColor)}` : 'none';
    const cols = b.widths.map((x) => (x === null ? '<col>' : `<col style="width:${x}pt">`)).join('');
    const rows = b.rows
      .map(
        (r) =>
          `<tr>${r.cells.map((c) => `<td style="border:${esc(border)}">${c.blocks.map(block).join('')}</td>`).join('')}</tr>`,
      )
      .join('\n');
    return `<table class="${w > 0 ? 'grid' : 'plain'}"><colgroup>${cols}</colgroup>\n${rows}\n</table>`;
  }
  const a = b.attrs;
  const start = Number(a.INDENT_START ?? 0);
  const style = [
    `text-align:${ALIGN[String(a.HORIZONTAL_ALIGNMENT ?? 'LEFT')] ?? 'left'}`,
    `margin:${Number(a.SPACING_BEFORE ?? 0)}pt ${Number(a.INDENT_END ?? 0)}pt ${Number(a.SPACING_AFTER ?? 0)}pt ${start}pt`,
    `text-indent:${Number(a.INDENT_FIRST_LINE ?? start) - start}pt`,
    `line-height:${Number(a.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing)}`,
    textStyle(b.mark),
    ...(b.pageBreaks ? ['break-after:page'] : []),
  ].join(';');
  const runs = b.runs.map(
    (r) => `<span style="${esc(textStyle(r.attrs))}">${esc(r.text).replace(/\r\n|[\n\r\v]/g, '<br>')}</span>`,
  );
  return `<p style="${esc(style)}">${runs.join('') || '&nbsp;'}</p>`;
}

/** The HTML page of a Doc. */
export function docHtml(doc: DocSnapshot): string {
  const p = doc.page;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(doc.name)}</title>
<style>
@page { size: ${p.widthPt}pt ${p.heightPt}pt; margin: 0; }
body { margin: 0; background: #e8eaed; }
.page { box-sizing: border-box; width: ${p.widthPt}pt; min-height: ${p.heightPt}pt; margin: 16px auto; background: #fff;
  padding: ${p.marginTopPt}pt ${p.marginRightPt}pt ${p.marginBottomPt}pt ${p.marginLeftPt}pt; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { vertical-align: top; padding: 0 5pt; }
p { orphans: 2; widows: 2; }
@media print { body { background: none; } .page { margin: 0; box-shadow: none; } }
</style>
</head>
<body>
<div class="page" data-doc-id="${esc(doc.id)}">
${doc.blocks.map(block).join('\n')}
</div>
</body>
</html>
`;
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
          }
        : null;
    },
  };
}

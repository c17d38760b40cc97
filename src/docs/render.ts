/**
 * The only DocumentApp code: renders a DocModel into a new Google Doc, or fills the user's template
 * with it. The calls are few and do not grow with the text: the page is set once, each paragraph
 * is one append and one setAttributes, each table one appendTable with the whole cell array.
 * The Doc is created with an "[CHƯA HOÀN THÀNH]" title that is replaced only when it is complete.
 */
import type { Align, DocModel, Line, ParagraphBlock, Run, TableBlock } from '../domain/notice/model';
import * as ND from '../domain/notice/nd30';
import { BODY_PLACEHOLDER, COLUMN_PLACEHOLDER, placeholderValues, templateRows } from '../domain/notice/placeholders';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;
type TableCell = GoogleAppsScript.Document.TableCell;
type Attrs = Record<string, unknown>;

/** Data rows above which table cells keep the default (left) alignment, to bound the calls. */
export const CELL_STYLE_LIMIT = 40;

export interface Rendered {
  id: string;
  url: string;
}

/** Rendering failed after the Doc was created: an incomplete Doc named `name` may remain. */
export class RenderError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly draftName: string,
    readonly created: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function align(a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : H.LEFT;
}

/** Attributes of a whole paragraph: layout plus the style of its text. */
function attrs(
  p: Pick<ParagraphBlock, 'align' | 'sizePt' | 'indentFirstLineMm' | 'spaceBeforePt' | 'spaceAfterPt' | 'lineSpacing'>,
  run: { bold?: boolean; italic?: boolean; underline?: boolean } = {},
): Attrs {
  const A = DocumentApp.Attribute;
  return {
    [A.HORIZONTAL_ALIGNMENT]: align(p.align),
    [A.INDENT_FIRST_LINE]: ND.mmToPt(p.indentFirstLineMm),
    [A.INDENT_START]: 0,
    [A.SPACING_BEFORE]: p.spaceBeforePt,
    [A.SPACING_AFTER]: p.spaceAfterPt,
    [A.LINE_SPACING]: p.lineSpacing,
    [A.FONT_FAMILY]: ND.FONT,
    [A.FONT_SIZE]: p.sizePt,
    ...runAttrs(run),
  };
}

/** Bold, italic and underline of a run, each set or cleared. */
const runAttrs = (run: { bold?: boolean; italic?: boolean; underline?: boolean }): Attrs => {
  const A = DocumentApp.Attribute;
  return { [A.BOLD]: !!run.bold, [A.ITALIC]: !!run.italic, [A.UNDERLINE]: !!run.underline };
};

const lineAttrs = (l: Line): Attrs =>
  attrs({ ...l, indentFirstLineMm: 0, spaceBeforePt: 0, spaceAfterPt: 0, lineSpacing: 1 }, l);

const textWidthPt = (m: DocModel): number => ND.mmToPt(m.page.widthMm - m.page.margins.leftMm - m.page.margins.rightMm);

/** Writes lines into a cell: the first into the cell's own paragraph, the others appended. */
function fillCell(cell: TableCell, lines: readonly Line[]): void {
  lines.forEach((l, i) => {
    if (i === 0) cell.getChild(0).setAttributes(lineAttrs(l));
    else cell.appendParagraph(l.text).setAttributes(lineAttrs(l));
  });
}

/**
 * Google Docs keeps a paragraph after a table that ends the body: when there is one, it becomes a
 * small blank line of the document's font rather than an 11 pt Arial one.
 */
function spacer(table: Table, sizePt: number): void {
  const next = table.getNextSibling();
  if (next) next.setAttributes(lineAttrs({ text: '', sizePt, align: 'left' }));
}

/** Appends a borderless table of two columns of lines (rows: pairs of line lists), then its spacer. */
function columns(body: Body, rows: [Line[], Line[]][], widthsPct: readonly number[], width: number, gap: number): void {
  const table = body.appendTable(rows.map(([l, r]) => [l[0]?.text ?? '', r[0]?.text ?? '']));
  table.setBorderWidth(0);
  widthsPct.forEach((w, i) => {
    table.setColumnWidth(i, (width * w) / 100);
  });
  rows.forEach((pair, r) => {
    pair.forEach((lines, c) => {
      fillCell(table.getCell(r, c), lines);
    });
  });
  spacer(table, gap);
}

function appendParagraph(body: Body, b: ParagraphBlock): Paragraph {
  const text = b.runs.map((r) => r.text).join('');
  const p = body.appendParagraph(text);
  const base: Partial<Run> = b.runs[0] ?? {};
  const uniform = b.runs.every(
    (r) => !!r.bold === !!base.bold && !!r.italic === !!base.italic && !!r.underline === !!base.underline,
  );
  p.setAttributes(attrs(b, uniform ? base : {}));
  if (!uniform) {
    const t = p.editAsText();
    let at = 0;
    for (const r of b.runs) {
      if (r.text && (r.bold || r.italic || r.underline)) t.setAttributes(at, at + r.text.length - 1, runAttrs(r));
      at += r.text.length;
    }
  }
  return p;
}

function appendDataTable(body: Body, b: TableBlock, width: number, at?: number): Table {
  const A = DocumentApp.Attribute;
  const t = at === undefined ? body.appendTable(b.rows) : body.insertTable(at, b.rows);
  t.setAttributes({ [A.BORDER_WIDTH]: 0.5, [A.BORDER_COLOR]: '#000000' });
  b.widthsPct.forEach((w, i) => {
    t.setColumnWidth(i, (width * w) / 100);
  });
  t.editAsText().setAttributes({ [A.FONT_FAMILY]: ND.FONT, [A.FONT_SIZE]: b.sizePt, [A.BOLD]: false });
  const last = b.rows.length - 1;
  if (b.header) t.getRow(0).editAsText().setBold(true);
  if (b.totalsRow && last > 0) t.getRow(last).editAsText().setBold(true);
  // Only the alignment: spacing stays the Doc's default, the same in every cell.
  const cellAttrs = (a: Align) => ({ [A.HORIZONTAL_ALIGNMENT]: align(a) });
  const styled = b.rows.length - (b.header ? 1 : 0) <= CELL_STYLE_LIMIT ? b.rows.length : b.header ? 1 : 0;
  for (let r = 0; r < styled; r++) {
    const header = b.header && r === 0;
    const cols = b.align.map((a, c) => [header ? 'center' : a, c] as const).filter(([a]) => header || a !== 'left');
    if (cols.length === 0) continue;
    const row = t.getRow(r);
    for (const [a, c] of cols) row.getCell(c).getChild(0).setAttributes(cellAttrs(a));
  }
  return t;
}

/** Page size and margins, in the order of PAGE. */
const PAGE = ['PageWidth', 'PageHeight', 'MarginTop', 'MarginBottom', 'MarginLeft', 'MarginRight'] as const;
type PageAccess = Record<string, (v?: number) => number>;

/** Creates the Doc under its draft name, sets its page from `page`, fills it, then names it and closes it. */
function create(model: DocModel, page: () => number[], fill: (body: Body) => void): Rendered {
  const draftName = ND.INCOMPLETE_PREFIX + model.title;
  const doc = DocumentApp.create(draftName);
  try {
    const body = doc.getBody();
    const values = page();
    PAGE.forEach((k, i) => {
      (body as unknown as PageAccess)[`set${k}`]!(values[i]);
    });
    fill(body);
    doc.setName(model.title);
    const out = { id: doc.getId(), url: doc.getUrl() };
    doc.saveAndClose();
    return out;
  } catch (e) {
    throw new RenderError(e, draftName, true);
  }
}

/** Renders the model into a new Google Doc. */
export function renderDocument(model: DocModel): Rendered {
  const { widthMm, heightMm, margins: m } = model.page;
  const page = () => [widthMm, heightMm, m.topMm, m.bottomMm, m.leftMm, m.rightMm].map((x) => ND.mmToPt(x));
  return create(model, page, (body) => {
    const width = textWidthPt(model);
    // The new Doc's own empty paragraph stays above the header: made as small as it can be.
    body.getChild(0).setAttributes(lineAttrs({ text: '', sizePt: 1, align: 'left' }));
    const h = model.header;
    columns(
      body,
      [
        [h.left, h.right],
        [[h.number], [h.placeDate]],
      ],
      h.widthsPct,
      width,
      8,
    );
    for (const l of model.titleBlock) body.appendParagraph(l.text).setAttributes(lineAttrs(l));
    for (const b of model.blocks) {
      if (b.type === 'paragraph') appendParagraph(body, b);
      else spacer(appendDataTable(body, b, width), 6);
    }
    columns(body, [[model.footer.left, model.footer.right]], model.footer.widthsPct, width, 1);
  });
}

// ---------------------------------------------------------------------------------------------
// The user's template

const pattern = (key: string) => `\\{\\{${key}\\}\\}`;

/** Copies the template's body into a new Doc and fills its placeholders from the model. */
export function renderFromTemplate(model: DocModel, templateId: string): Rendered {
  const template = DocumentApp.openById(templateId).getBody();
  const page = () => PAGE.map((k) => (template as unknown as PageAccess)[`get${k}`]!());
  return create(model, page, (body) => {
    const E = DocumentApp.ElementType;
    const n = template.getNumChildren();
    // A table appended last gets a paragraph after it; the template's own next paragraph replaces it.
    let extra: GoogleAppsScript.Document.Element | null = null;
    for (let i = 0; i < n; i++) {
      const child = template.getChild(i).copy();
      const type = child.getType();
      if (type === E.TABLE) {
        extra = body.appendTable(child.asTable()).getNextSibling();
        continue;
      }
      if (type === E.PARAGRAPH) body.appendParagraph(child.asParagraph());
      else if (type === E.LIST_ITEM) body.appendListItem(child.asListItem());
      else continue;
      extra?.removeFromParent();
      extra = null;
    }
    // The new Doc's own empty paragraph goes unless the template starts with a table.
    if (n > 0 && body.getChild(1).getType() === E.PARAGRAPH) body.getChild(0).removeFromParent();
    const { table, rows } = templateRows(model);
    const repeated = fillRepeatedRow(body, rows);
    fillBody(body, model, repeated ? table : undefined, textWidthPt(model));
    for (const [key, value] of Object.entries(placeholderValues(model))) {
      if (Array.isArray(value)) fillList(body, key, value);
      else body.replaceText(pattern(key), value);
    }
  });
}

/** Repeats the table row holding {{cot_…}} once per data row; false when there is none. */
function fillRepeatedRow(body: Body, rows: readonly string[][]): boolean {
  const found = body.findText(`\\{\\{${COLUMN_PLACEHOLDER}\\d+\\}\\}`);
  if (!found) return false;
  let el: GoogleAppsScript.Document.Element | null = found.getElement();
  while (el && el.getType() !== DocumentApp.ElementType.TABLE_ROW) el = el.getParent();
  if (!el) return false;
  const templateRow = el.asTableRow();
  const table = templateRow.getParentTable();
  const at = table.getChildIndex(templateRow);
  rows.forEach((cells, r) => {
    const row = table.insertTableRow(at + r, templateRow.copy());
    cells.forEach((v, c) => {
      row.replaceText(pattern(`${COLUMN_PLACEHOLDER}${c + 1}`), v);
    });
    row.replaceText(pattern(`${COLUMN_PLACEHOLDER}\\d+`), '');
  });
  templateRow.removeFromParent();
  return true;
}

/** Replaces a paragraph holding only {{noi_dung}} with the body's blocks (less the repeated table). */
function fillBody(body: Body, model: DocModel, skip: TableBlock | undefined, width: number): void {
  const found = body.findText(pattern(BODY_PLACEHOLDER));
  if (!found) return;
  const paragraph = found.getElement().getParent();
  if (paragraph.getParent().getType() !== DocumentApp.ElementType.BODY_SECTION) return;
  let at = body.getChildIndex(paragraph);
  for (const b of model.blocks) {
    if (b === skip) continue;
    if (b.type === 'table') appendDataTable(body, b, width, at++);
    else {
      const p = body.insertParagraph(at++, b.runs.map((r) => r.text).join(''));
      p.setAttributes(attrs(b, b.runs.length === 1 ? b.runs[0] : {}));
    }
  }
  try {
    paragraph.removeFromParent();
  } catch {
    paragraph.asParagraph().setText(''); // the last paragraph of a Doc cannot be removed
  }
}

/** A list placeholder alone in its paragraph becomes one paragraph per item; inline, items are joined. */
function fillList(body: Body, key: string, items: readonly string[]): void {
  const found = body.findText(pattern(key));
  if (!found) return;
  const p = found.getElement().getParent();
  if (p.getType() === DocumentApp.ElementType.PARAGRAPH && p.asParagraph().getText().trim() === `{{${key}}}`) {
    const paragraph = p.asParagraph();
    // A Body or a TableCell: both insert paragraphs by index.
    const parent = paragraph.getParent() as unknown as Pick<Body, 'getChildIndex' | 'insertParagraph'>;
    const index = parent.getChildIndex(paragraph);
    items.slice(1).forEach((item, i) => {
      const copy = paragraph.copy();
      copy.setText(item);
      parent.insertParagraph(index + 1 + i, copy);
    });
    paragraph.setText(items[0] ?? '');
  }
  body.replaceText(pattern(key), items.join(', '));
}

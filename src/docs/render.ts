/**
 * The only DocumentApp code: renders a DocModel into a new Google Doc, or fills the user's template
 * with it. The calls are few and do not grow with the text: the page is set once, each paragraph
 * is one append and one setAttributes, each table one appendTable with the whole cell array.
 * The Doc is created with an "[CHƯA HOÀN THÀNH]" title that is replaced only when it is complete;
 * the caller logs it between the two, so a Doc whose rendering fails is known and completed later
 * (`fillDocument` on the same Doc clears it first).
 *
 * A user's template is filled in one pass: every {{placeholder}} is found before anything is
 * written, and the values are inserted as text (Text.insertText), never read again, so "{{…}}",
 * "$1" or "\\" typed in the data are printed as typed.
 */
import type { Align, DocModel, Line, ParagraphBlock, Run, TableBlock } from '../domain/notice/model';
import * as ND from '../domain/notice/nd30';
import { BODY_PLACEHOLDER, COLUMN_PLACEHOLDER, placeholderValues, templateRows } from '../domain/notice/placeholders';
import { keepSignatureTogether } from './keepTogether';

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
  /** The signature block was kept with the last paragraph through the Docs API (keepTogether.ts). */
  keptTogether?: boolean;
}

/** Filling the Doc failed: the Doc (already logged by the caller) stays unfinished under `draftName`. */
export class RenderError extends Error {
  /** A Doc exists (always, since the Doc is created before it is filled). */
  readonly created = true;
  constructor(
    override readonly cause: unknown,
    readonly draftName: string,
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

/** The name a Doc has until it is complete. */
export const draftNameOf = (model: DocModel): string => ND.INCOMPLETE_PREFIX + model.title;

/** Creates the empty Doc under its draft name (the caller logs it before filling it). */
export function createDraft(model: DocModel): GoogleAppsScript.Document.Document {
  return DocumentApp.create(draftNameOf(model));
}

/** Opens the user's template (before any Doc is made, so a wrong ID makes nothing). */
export function openTemplate(templateId: string): Body {
  return DocumentApp.openById(templateId).getBody();
}

/**
 * Fills `doc` (new, or an unfinished one made before: cleared first) from the model, or from the
 * user's template, then gives it its name and closes it.
 */
export function fillDocument(
  doc: GoogleAppsScript.Document.Document,
  model: DocModel,
  template: Body | null,
  /** Writes the model into the body instead of the default layout (Giấy mời: one page per delegate). */
  fill: (body: Body, model: DocModel) => void = fillDefault,
): Rendered {
  try {
    const body = doc.getBody();
    if (body.getNumChildren() > 1 || body.getText() !== '') body.clear();
    const pageValues = template
      ? PAGE.map((k) => (template as unknown as PageAccess)[`get${k}`]!())
      : defaultPage(model);
    PAGE.forEach((k, i) => {
      (body as unknown as PageAccess)[`set${k}`]!(pageValues[i]);
    });
    if (template) fillFromTemplate(body, model, template);
    else fill(body, model);
    doc.setName(model.title);
    const out: Rendered = { id: doc.getId(), url: doc.getUrl() };
    doc.saveAndClose();
    // After the save: the Docs API sees DocumentApp's changes only then. Never throws.
    if (!template && fill === fillDefault) out.keptTogether = keepSignatureTogether(out.id);
    return out;
  } catch (e) {
    throw new RenderError(e, draftNameOf(model));
  }
}

/** Creates and fills a Doc in one go (no log in between: for previews and tests). */
export function renderDocument(model: DocModel): Rendered {
  return fillDocument(createDraft(model), model, null);
}

/** Creates a Doc from the user's template in one go (no log in between: for previews and tests). */
export function renderFromTemplate(model: DocModel, templateId: string): Rendered {
  const template = openTemplate(templateId);
  return fillDocument(createDraft(model), model, template);
}

function defaultPage(model: DocModel): number[] {
  const { widthMm, heightMm, margins: m } = model.page;
  return [widthMm, heightMm, m.topMm, m.bottomMm, m.leftMm, m.rightMm].map((x) => ND.mmToPt(x));
}

/** The ND 30 layout of the model, in the Doc's body (or a table cell, which appends the same way). */
export function fillDefault(body: Body, model: DocModel): void {
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
}

// ---------------------------------------------------------------------------------------------
// The user's template

/** Every placeholder: {{name}} (letters, digits, underscore). */
const ANY_PLACEHOLDER = '\\{\\{[A-Za-z0-9_]+\\}\\}';
const pattern = (key: string) => `\\{\\{${key}\\}\\}`;
const keyOf = (placeholder: string) => placeholder.slice(2, -2);
const COLUMN_KEY = new RegExp(`^${COLUMN_PLACEHOLDER}(\\d+)$`);

/**
 * Values Body.replaceText may take as they are: without "$" and "\\" (which a Java replacement
 * reads as group references and escapes) and without braces (so no value can make a placeholder).
 */
const plain = (value: string) => !/[$\\{}]/.test(value);

interface Found {
  range: GoogleAppsScript.Document.RangeElement;
  key: string;
}

/** Every placeholder under `root`, in document order, found before anything is changed. */
function findAll(
  root: {
    findText(p: string, from?: GoogleAppsScript.Document.RangeElement): GoogleAppsScript.Document.RangeElement | null;
  },
  keys?: readonly string[],
): Found[] {
  const search = keys ? `\\{\\{(?:${keys.join('|')})\\}\\}` : ANY_PLACEHOLDER;
  const out: Found[] = [];
  for (let r = root.findText(search); r; r = root.findText(search, r)) {
    const start = r.getStartOffset();
    const text = r
      .getElement()
      .asText()
      .getText()
      .slice(start, r.getEndOffsetInclusive() + 1);
    out.push({ range: r, key: keyOf(text) });
  }
  return out;
}

/**
 * Replaces found placeholders by their values as text (Text.insertText takes its text literally:
 * https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String)).
 * Last first, so the offsets of the others in the same text stay right; each value is inserted
 * after the placeholder's first character, so it takes the placeholder's look.
 */
function replaceFound(found: readonly Found[], value: (key: string) => string | undefined): void {
  for (let i = found.length - 1; i >= 0; i--) {
    const { range, key } = found[i] as Found;
    const v = value(key);
    if (v === undefined) continue;
    const text = range.getElement().asText();
    const start = range.getStartOffset();
    const end = range.getEndOffsetInclusive();
    if (v) text.insertText(start + 1, v);
    text.deleteText(start + 1 + v.length, end + v.length);
    text.deleteText(start, start);
  }
}

/**
 * Fills placeholders under `root` from `values` in one pass: values without "$", "\\" or braces
 * through Body.replaceText (one call each; such a value cannot be read as a placeholder or a
 * replacement sequence), the others found first and inserted as text.
 */
function substitute(
  root: Body | GoogleAppsScript.Document.TableRow,
  values: Record<string, string>,
  keys: readonly string[],
): void {
  const literal: string[] = [];
  for (const key of keys) {
    const v = values[key];
    if (v === undefined) continue;
    if (plain(v)) root.replaceText(pattern(key), v);
    else literal.push(key);
  }
  if (literal.length) replaceFound(findAll(root, literal), (k) => values[k]);
}

/** Copies the template's body into the Doc and fills its placeholders from the model. */
function fillFromTemplate(body: Body, model: DocModel, template: Body): void {
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

  // One pass: every placeholder of the template is found now, before any value is written.
  const found = findAll(body);
  const scalars: Record<string, string> = {};
  const lists = new Map<string, string[]>();
  for (const [key, value] of Object.entries(placeholderValues(model))) {
    if (Array.isArray(value)) lists.set(key, value);
    else scalars[key] = value;
  }
  // Paragraphs holding only {{noi_dung}} or a list placeholder become blocks; inline lists are joined.
  const structural: { found: Found; paragraph: GoogleAppsScript.Document.Paragraph }[] = [];
  const inline: Found[] = [];
  let repeated: GoogleAppsScript.Document.TableRow | null = null;
  for (const f of found) {
    if (COLUMN_KEY.test(f.key)) {
      repeated ??= rowOf(f.range.getElement());
      continue;
    }
    const isList = lists.has(f.key);
    if (f.key === BODY_PLACEHOLDER || isList) {
      const p = f.range.getElement().getParent();
      const alone = p.getType() === E.PARAGRAPH && p.asParagraph().getText().trim() === `{{${f.key}}}`;
      const inBody = p.getParent().getType() === E.BODY_SECTION;
      if (alone && (isList || inBody)) {
        structural.push({ found: f, paragraph: p.asParagraph() });
        continue;
      }
    }
    inline.push(f);
  }
  const { table, rows } = templateRows(model);
  // The data rows are copies of the template row as it is now; it goes once the rest is filled.
  if (repeated) fillRepeatedRow(repeated, rows, scalars);
  replaceFound(inline, (k) => (lists.has(k) ? (lists.get(k) ?? []).join(', ') : scalars[k]));
  repeated?.removeFromParent();
  const width = textWidthPt(model);
  for (const { found: f, paragraph } of [...structural].reverse()) {
    if (f.key === BODY_PLACEHOLDER) fillBody(body, paragraph, model, repeated ? table : undefined, width);
    else fillList(paragraph, lists.get(f.key) ?? []);
  }
}

function rowOf(el: GoogleAppsScript.Document.Element): GoogleAppsScript.Document.TableRow | null {
  let e: GoogleAppsScript.Document.Element | null = el;
  while (e && e.getType() !== DocumentApp.ElementType.TABLE_ROW) e = e.getParent();
  return e ? e.asTableRow() : null;
}

/** Inserts a copy of the table row holding {{cot_…}} for each data row, each filled on its own. */
function fillRepeatedRow(
  templateRow: GoogleAppsScript.Document.TableRow,
  rows: readonly string[][],
  scalars: Record<string, string>,
): void {
  const keys = [...new Set(findAll(templateRow).map((f) => f.key))];
  const table = templateRow.getParentTable();
  const at = table.getChildIndex(templateRow);
  rows.forEach((cells, r) => {
    const row = table.insertTableRow(at + r, templateRow.copy());
    const values: Record<string, string> = {};
    for (const k of keys) {
      const m = COLUMN_KEY.exec(k);
      const v = m ? (cells[Number(m[1]) - 1] ?? '') : scalars[k];
      if (v !== undefined) values[k] = v;
    }
    substitute(row, values, keys);
  });
}

/** Replaces the paragraph holding only {{noi_dung}} with the body's blocks (less the repeated table). */
function fillBody(
  body: Body,
  paragraph: GoogleAppsScript.Document.Paragraph,
  model: DocModel,
  skip: TableBlock | undefined,
  width: number,
): void {
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
    paragraph.setText(''); // the last paragraph of a Doc cannot be removed
  }
}

/** A list placeholder alone in its paragraph becomes one paragraph per item. */
function fillList(paragraph: GoogleAppsScript.Document.Paragraph, items: readonly string[]): void {
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

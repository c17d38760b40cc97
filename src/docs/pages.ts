/**
 * A document of many identical pages that differ in a few lines (Giấy mời: one invitation a
 * delegate). The page is laid out once by the default renderer inside a borderless one-cell table
 * that spans the text width; each further page is a copy of that table (Table.copy, Body.insertTable)
 * whose tokens are replaced (Table.replaceText), separated by a paragraph holding a page break.
 * So the calls per page are six, whatever the page holds: 333 invitations take about 2,000
 * DocumentApp calls instead of some 30 a page built paragraph by paragraph.
 *
 * Order of the body: the Doc's own first paragraph, page 1, break, page 2, break, …, the last page
 * (the template table itself, filled last), and the paragraph Google keeps after a final table.
 * Paragraphs are inserted before tables are, so two tables are never next to each other.
 *
 * Methods used, as Google documents them: Table.copy ("a detached, deep copy",
 * https://developers.google.com/apps-script/reference/document/table#copy()), Body.insertTable and
 * Body.insertParagraph at a child index (https://developers.google.com/apps-script/reference/document/body),
 * Paragraph.appendPageBreak (a PageBreak may not be in a table cell:
 * https://developers.google.com/apps-script/reference/document/paragraph#appendPageBreak(), the runtime
 * refuses it there too), Table.replaceText (a regular expression; Java replacement syntax).
 */
import type { DocModel } from '../domain/notice/model';
import * as ND from '../domain/notice/nd30';
import { fillDefault } from './render';

type Body = GoogleAppsScript.Document.Body;

/** A blank line as small as it can be, in the document's font (no Arial 11 line between pages). */
function tinyLine(): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  return {
    [A.FONT_FAMILY]: ND.FONT,
    [A.FONT_SIZE]: 1,
    [A.SPACING_BEFORE]: 0,
    [A.SPACING_AFTER]: 0,
    [A.LINE_SPACING]: 1,
    [A.INDENT_FIRST_LINE]: 0,
    [A.INDENT_START]: 0,
  };
}

/** A regular expression matching `text` literally. */
const literalPattern = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * A replacement Body/Table.replaceText inserts as it is: its replacement is read like Java's
 * Matcher.replaceAll, where "\\" escapes and "$n" names a group
 * (https://developers.google.com/apps-script/reference/document/table#replaceText(String,String)).
 */
export const literalReplacement = (text: string): string => text.replace(/[\\$]/g, '\\$&');

/**
 * The order to replace the tokens in: a value typed with another token's text in it ("⟦đơn-vị⟧" in a
 * name) must not be replaced again, so no value holds a token replaced after it (one replaceText
 * call never rescans what it inserted).
 */
export function replacementOrder(tokens: readonly string[], values: readonly string[]): number[] {
  const order: number[] = [];
  const left = tokens.map((_, i) => i);
  while (left.length) {
    const k = left.findIndex((i) => left.every((j) => j === i || !(values[i] ?? '').includes(tokens[j] as string)));
    order.push(...left.splice(Math.max(k, 0), 1));
  }
  return order;
}

function fillTokens(page: GoogleAppsScript.Document.Table, tokens: readonly string[], values: readonly string[]): void {
  for (const i of replacementOrder(tokens, values)) {
    page.replaceText(literalPattern(tokens[i] as string), literalReplacement(values[i] ?? ''));
  }
}

/** Writes the model's page once per row of `model.pages.values`. */
export function fillPages(body: Body, model: DocModel): void {
  const pages = model.pages;
  if (!pages || pages.values.length === 0) {
    fillDefault(body, model);
    return;
  }
  const { widthMm, margins } = model.page;
  const width = ND.mmToPt(widthMm - margins.leftMm - margins.rightMm);
  const tiny = tinyLine();
  body.getChild(0).setAttributes(tiny);
  // The page, laid out by the default renderer inside a borderless cell of the full text width.
  const template = body.appendTable([['']]);
  const A = DocumentApp.Attribute;
  template.setAttributes({ [A.BORDER_WIDTH]: 0 });
  template.setColumnWidth(0, width);
  template
    .getCell(0, 0)
    .setAttributes({ [A.PADDING_TOP]: 0, [A.PADDING_BOTTOM]: 0, [A.PADDING_LEFT]: 0, [A.PADDING_RIGHT]: 0 });
  fillDefault(template.getCell(0, 0) as unknown as Body, model);
  template.getNextSibling()?.setAttributes(tiny);

  const last = pages.values.length - 1;
  // The template sits right after the Doc's first paragraph; every copy goes before it.
  let at = 1;
  let pageBreak: GoogleAppsScript.Document.Paragraph | null = null;
  for (let i = 0; i < last; i++) {
    if (pageBreak) body.insertParagraph(at, pageBreak.copy());
    else {
      pageBreak = body.insertParagraph(at, '');
      pageBreak.setAttributes(tiny);
      pageBreak.appendPageBreak();
    }
    const page = body.insertTable(at, template.copy());
    fillTokens(page, pages.tokens, pages.values[i] ?? []);
    at += 2;
  }
  fillTokens(template, pages.tokens, pages.values[last] ?? []);
}

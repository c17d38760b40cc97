/**
 * DocumentApp: in-memory Google Docs with a real document model — a body of paragraphs, list
 * items and tables, text runs with attributes, page size and margins — that the exporters
 * (local/docx.ts, local/html-export.ts) turn into Word and HTML files. Every Doc created or
 * preloaded is kept by the service (`documents`), so a run can export what it made.
 *
 * Attributes are stored under their DocumentApp.Attribute names ('BOLD', 'FONT_SIZE' …). Text
 * attributes live on runs; paragraph attributes on paragraphs; `setAttributes` on a paragraph sets
 * both, on a table only the table's own (border) attributes, as in Google Docs.
 */
import { createHash } from 'node:crypto';
import type { RuntimeContext } from './context';
import { ServiceError } from './errors';
import { asGas, asLocal, enumOf, SERVICE_NAME, ServiceObject } from './service';
import { LocalUser } from './session';

type G = typeof GoogleAppsScript.Document;
type GDoc = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GText = GoogleAppsScript.Document.Text;
type GElement = GoogleAppsScript.Document.Element;
type GRangeElement = GoogleAppsScript.Document.RangeElement;

export const Attribute = enumOf([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
]);
export const ElementType = enumOf([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'RICH_LINK',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
]);
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const VerticalAlignment = enumOf(['BOTTOM', 'CENTER', 'TOP']);
export const TextAlignment = enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);
export const ParagraphHeading = enumOf([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
]);
export const GlyphType = enumOf([
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
]);

export type AttributeName = keyof typeof Attribute;
export type Attrs = Partial<Record<AttributeName, unknown>>;

const TEXT_KEYS: ReadonlySet<string> = new Set<AttributeName>([
  'BACKGROUND_COLOR',
  'BOLD',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'ITALIC',
  'LINK_URL',
  'STRIKETHROUGH',
  'UNDERLINE',
]);
const PARAGRAPH_KEYS: ReadonlySet<string> = new Set<AttributeName>([
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'GLYPH_TYPE',
  'NESTING_LEVEL',
  'LIST_ID',
]);
const TABLE_KEYS: ReadonlySet<string> = new Set<AttributeName>(['BORDER_COLOR', 'BORDER_WIDTH']);
const CELL_KEYS: ReadonlySet<string> = new Set<AttributeName>([
  'BACKGROUND_COLOR',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
]);
const BODY_KEYS: ReadonlySet<string> = new Set<AttributeName>([
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
]);

/** What a new Google Doc uses where nothing is set: US Letter, 1-inch margins, Arial 11, "Normal text". */
export const DOC_DEFAULTS = {
  pageWidth: 612,
  pageHeight: 792,
  margin: 72,
  fontFamily: 'Arial',
  fontSize: 11,
  lineSpacing: 1.15,
  borderWidth: 1,
  borderColor: '#000000',
} as const;

const MESSAGES = {
  closed: 'Document is closed, its contents cannot be updated.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  notFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  offsets: 'Invalid offsets: the start offset must be at most the end offset and both within the text.',
  index: (i: number) => `Child index (${i}) must be less than the number of child elements.`,
  cast: (from: string, to: string) => `Element of type ${from} cannot be cast to ${to}.`,
  ui: 'Cannot call DocumentApp.getUi() from this context.',
} as const;

function pick(attrs: Record<string, unknown>, keys: ReadonlySet<string>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (keys.has(k) && v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function merge(into: Attrs, attrs: Attrs): Attrs {
  const out = { ...into } as Record<string, unknown>;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null) delete out[k];
    else out[k] = k === 'HORIZONTAL_ALIGNMENT' || k === 'VERTICAL_ALIGNMENT' || k === 'HEADING' ? String(v) : v;
  }
  return out as Attrs;
}

const sameAttrs = (a: Attrs, b: Attrs): boolean => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => (a as never)[k] === (b as never)[k]);
};

/**
 * A JavaScript RegExp for an RE2 search pattern, never more lenient than RE2
 * (https://github.com/google/re2/blob/main/doc/syntax.txt, the syntax findText/replaceText take):
 * lookarounds and backreferences are NOT SUPPORTED there (refused here), and `\s` is ASCII
 * whitespace only, `[\t\n\f\r ]` (JavaScript's also matches a no-break space, U+00A0, which
 * names pasted from the web often hold: a pattern with `\s` does not match it in Google Docs).
 */
export function regexOf(pattern: string, global = false): RegExp {
  const source = String(pattern);
  if (/\(\?<?[=!]/.test(source))
    throw new ServiceError(`Invalid regular expression (RE2 has no lookaround): ${source}`);
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      i++;
      if (/[1-9]/.test(n)) throw new ServiceError(`Invalid regular expression (RE2 has no backreference): ${source}`);
      if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else out += c + n;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

/** A Java-style replacement ("$n" groups, "\\" escapes) as a function of the match; throws like Java on a bad one. */
function javaReplacement(replacement: string): (m: RegExpExecArray | RegExpMatchArray) => string {
  if (!/[$\\]/.test(replacement)) return () => replacement;
  return (m) => {
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i] as string;
      if (c === '\\') {
        i++;
        if (i >= replacement.length) throw new ServiceError('character to be escaped is missing');
        out += replacement[i];
      } else if (c === '$') {
        const d = /^\d/.exec(replacement.slice(i + 1));
        if (!d) throw new ServiceError('Illegal group reference');
        const g = Number(d[0]);
        if (g >= m.length) throw new ServiceError(`No group ${g}`);
        out += m[g] ?? '';
        i++;
      } else out += c;
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Elements

type ElementTypeName = keyof typeof ElementType;

/** Any element of a document. */
abstract class LocalElement extends ServiceObject {
  parent: LocalContainer | null = null;
  abstract readonly elementType: ElementTypeName;
  abstract clone(): LocalElement;
  abstract setAttributes(attributes: unknown): unknown;
  abstract getAttributes(): unknown;

  /** The Document the element is part of (null when detached). */
  get document(): LocalDocument | null {
    let e: LocalElement | null = this;
    while (e && !(e instanceof LocalBody)) e = e.parent;
    return e instanceof LocalBody ? e.doc : null;
  }

  /** Throws when the element's document was closed (saveAndClose); marks it changed otherwise. */
  protected touch(): void {
    const doc = this.document;
    if (doc?.closed) throw new ServiceError(MESSAGES.closed);
    if (doc) doc.dirty = true;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return this.elementType as unknown as GoogleAppsScript.Document.ElementType;
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return asGas(this.parent as LocalContainer);
  }

  copy(): GElement {
    return asGas(this.clone());
  }

  removeFromParent(): GElement {
    this.touch();
    this.parent?.detach(this);
    return asGas(this);
  }

  getNextSibling(): GElement {
    const p = this.parent;
    return (p?.children[p.children.indexOf(this) + 1] ?? null) as unknown as GElement;
  }

  getPreviousSibling(): GElement {
    const p = this.parent;
    return (p?.children[p.children.indexOf(this) - 1] ?? null) as unknown as GElement;
  }

  isAtDocumentEnd(): boolean {
    let e: LocalElement = this;
    while (e.parent) {
      const siblings = e.parent.children;
      if (siblings[siblings.length - 1] !== e) return false;
      e = e.parent;
    }
    return e instanceof LocalBody;
  }

  /** Paragraphs under this element, in document order. */
  abstract paragraphs(): LocalParagraph[];

  getText(): string {
    return this.paragraphs()
      .map((p) => p.text)
      .join('\n');
  }

  editAsText(): GText {
    return asGas(new LocalText(this));
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    return asGas(
      findIn(this.paragraphs(), searchPattern, from ? (from as unknown as LocalRangeElement) : null) as never,
    );
  }

  /**
   * https://developers.google.com/apps-script/reference/document/body#replaceText(String,String):
   * the pattern is a regular expression (RE2) given as a string. Apps Script's services are Java:
   * the replacement is read like java.util.regex.Matcher's, so "$1" inserts a group, "\\$" a dollar,
   * and a "$" or "\\" that starts no such sequence is an error. Code that wants its text inserted as
   * is must not pass "$" or "\\" here (Text.insertText takes text literally).
   */
  replaceText(searchPattern: string, replacement: string): GElement {
    this.touch();
    const re = regexOf(searchPattern, true);
    const expand = javaReplacement(String(replacement));
    for (const p of this.paragraphs()) p.replace(re, expand);
    return asGas(this);
  }

  private cast<T>(type: ElementTypeName, to: string): T {
    if (this.elementType !== type) {
      throw new ServiceError(MESSAGES.cast(this.elementType, to));
    }
    return asGas(this);
  }

  asParagraph(): GParagraph {
    return this.cast('PARAGRAPH', 'Paragraph');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.cast('LIST_ITEM', 'ListItem');
  }
  asTable(): GTable {
    return this.cast('TABLE', 'Table');
  }
  asTableRow(): GTableRow {
    return this.cast('TABLE_ROW', 'TableRow');
  }
  asTableCell(): GTableCell {
    return this.cast('TABLE_CELL', 'TableCell');
  }
  asText(): GText {
    return this.cast('TEXT', 'Text');
  }
  asBody(): GBody {
    return this.cast('BODY_SECTION', 'Body');
  }
}

/** An element holding other elements (body, cell, table, row, paragraph). */
abstract class LocalContainer extends LocalElement {
  abstract readonly children: LocalElement[];

  detach(child: LocalElement): void {
    const i = this.children.indexOf(child);
    if (i >= 0) this.children.splice(i, 1);
    child.parent = null;
  }

  protected adopt<T extends LocalElement>(child: T, index = this.children.length): T {
    if (index < 0 || index > this.children.length) throw new ServiceError(MESSAGES.index(index));
    child.parent?.detach(child);
    child.parent = this;
    this.children.splice(index, 0, child);
    return child;
  }

  getNumChildren(): number {
    return this.children.length;
  }

  getChild(childIndex: number): GElement {
    const c = this.children[childIndex];
    if (!c) throw new ServiceError(MESSAGES.index(childIndex));
    return asGas(c);
  }

  getChildIndex(child: GElement): number {
    const i = this.children.indexOf(child as unknown as LocalElement);
    if (i < 0) throw new ServiceError('Element does not contain the specified child element.');
    return i;
  }

  paragraphs(): LocalParagraph[] {
    return this.children.flatMap((c) => c.paragraphs());
  }
}

/** A run of text with one set of text attributes. */
export interface Span {
  text: string;
  attrs: Attrs;
}

/** A paragraph: runs of text, paragraph attributes, and the attributes of its end mark. */
export class LocalParagraph extends LocalContainer {
  get [SERVICE_NAME]() {
    return 'Paragraph';
  }
  readonly elementType: ElementTypeName = 'PARAGRAPH';
  spans: Span[] = [];
  attrs: Attrs = {};
  /** Text attributes of the paragraph mark (what empty paragraphs and appended text use). */
  mark: Attrs = {};
  /** Paragraph style only the Docs API sets (docs-api.ts): DocumentApp has no such attribute. */
  docsStyle: { keepWithNext?: boolean } = {};
  /** Page breaks appended after the text (Paragraph.appendPageBreak); the next content starts a new page. */
  pageBreaks = 0;

  constructor(text = '', mark: Attrs = {}) {
    super();
    this.mark = { ...mark };
    if (text) this.spans = [{ text, attrs: { ...mark } }];
  }

  get text(): string {
    return this.spans.map((s) => s.text).join('');
  }

  /** A paragraph's one child is its Text (none when empty). */
  get children(): LocalElement[] {
    return this.text ? [new LocalText(this)] : [];
  }

  override getChild(childIndex: number): GElement {
    if (childIndex !== 0 || !this.text) throw new ServiceError(MESSAGES.index(childIndex));
    return asGas(new LocalText(this));
  }

  override paragraphs(): LocalParagraph[] {
    return [this];
  }

  clone(): LocalParagraph {
    const p = new (this.constructor as new () => LocalParagraph)();
    p.spans = this.spans.map((s) => ({ text: s.text, attrs: { ...s.attrs } }));
    p.attrs = { ...this.attrs };
    p.mark = { ...this.mark };
    p.docsStyle = { ...this.docsStyle };
    p.pageBreaks = this.pageBreaks;
    return p;
  }

  /**
   * https://developers.google.com/apps-script/reference/document/paragraph#appendPageBreak():
   * creates and appends a PageBreak. A paragraph in a table cell cannot hold one
   * (https://developers.google.com/apps-script/reference/document/page-break: "PageBreaks may not be
   * contained within TableCells"): refused there, as Google does.
   */
  appendPageBreak(): GElement {
    this.touch();
    for (let e: LocalElement | null = this.parent; e; e = e.parent) {
      if (e instanceof LocalTableCell) throw new ServiceError('PageBreaks may not be contained within TableCells.');
    }
    this.pageBreaks++;
    return null as unknown as GElement;
  }

  /** Sets text attributes on [start, end] (inclusive); `end` = length applies to the mark too. */
  styleRange(start: number, end: number, attrs: Attrs): void {
    const out: Span[] = [];
    let at = 0;
    for (const s of this.spans) {
      const a = at;
      const b = at + s.text.length;
      at = b;
      const lo = Math.max(a, start);
      const hi = Math.min(b, end + 1);
      if (lo >= hi) {
        out.push(s);
        continue;
      }
      if (lo > a) out.push({ text: s.text.slice(0, lo - a), attrs: s.attrs });
      out.push({ text: s.text.slice(lo - a, hi - a), attrs: merge(s.attrs, attrs) });
      if (hi < b) out.push({ text: s.text.slice(hi - a), attrs: s.attrs });
    }
    this.spans = normalize(out);
    if (end >= this.text.length) this.mark = merge(this.mark, attrs);
  }

  setText(text: string): void {
    this.touch();
    const attrs = this.spans[0]?.attrs ?? this.mark;
    this.spans = String(text) ? [{ text: String(text), attrs: { ...attrs } }] : [];
  }

  appendText(text: string | GText): GText {
    this.touch();
    const t = typeof text === 'string' ? text : (text as unknown as LocalText).getText();
    const attrs = this.spans[this.spans.length - 1]?.attrs ?? this.mark;
    this.spans = normalize([...this.spans, { text: t, attrs: { ...attrs } }]);
    return asGas(new LocalText(this));
  }

  /** Regex replacement inside the paragraph; the new text takes the attributes of the match's first character. */
  replace(re: RegExp, replacement: string | ((m: RegExpMatchArray) => string)): void {
    const text = this.text;
    const parts: Span[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      const i = m.index ?? 0;
      if (m[0].length === 0) continue;
      parts.push(...this.slice(last, i));
      const value = typeof replacement === 'string' ? replacement : replacement(m);
      parts.push({ text: value, attrs: { ...this.attrsAt(i) } });
      last = i + m[0].length;
    }
    if (last === 0 && parts.length === 0) return;
    parts.push(...this.slice(last, text.length));
    this.spans = normalize(parts);
  }

  private slice(from: number, to: number): Span[] {
    const out: Span[] = [];
    let at = 0;
    for (const s of this.spans) {
      const a = at;
      at += s.text.length;
      const lo = Math.max(a, from);
      const hi = Math.min(at, to);
      if (lo < hi) out.push({ text: s.text.slice(lo - a, hi - a), attrs: s.attrs });
    }
    return out;
  }

  /** Inserts text at `offset`; it takes the attributes of the character before it (the first one at 0). */
  insertAt(offset: number, text: string): void {
    if (!text) return;
    const attrs = { ...this.attrsAt(offset > 0 ? offset - 1 : 0) };
    this.spans = normalize([...this.slice(0, offset), { text, attrs }, ...this.slice(offset, this.text.length)]);
  }

  /** Removes the characters [start, end] (inclusive). */
  deleteRange(start: number, end: number): void {
    this.spans = normalize([...this.slice(0, start), ...this.slice(end + 1, this.text.length)]);
  }

  attrsAt(offset: number): Attrs {
    let at = 0;
    for (const s of this.spans) {
      at += s.text.length;
      if (offset < at) return s.attrs;
    }
    return this.mark;
  }

  setAttributes(attributes: unknown): GParagraph {
    this.touch();
    const a = (attributes ?? {}) as Record<string, unknown>;
    this.attrs = merge(this.attrs, pick(a, PARAGRAPH_KEYS));
    const text = pick(a, TEXT_KEYS);
    if (Object.keys(text).length) this.styleRange(0, this.text.length, text);
    return asGas(this);
  }

  getAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this.attrs };
    for (const k of TEXT_KEYS) {
      const values = new Set(
        (this.spans.length ? this.spans.map((s) => s.attrs) : [this.mark]).map((a) => (a as never)[k]),
      );
      out[k] = values.size === 1 ? ([...values][0] ?? null) : null;
    }
    return out;
  }

  private setOne(key: AttributeName, value: unknown): GParagraph {
    this.touch();
    this.attrs = merge(this.attrs, { [key]: value });
    return asGas(this);
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GParagraph {
    return this.setOne('HORIZONTAL_ALIGNMENT', alignment);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return (this.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT') as GoogleAppsScript.Document.HorizontalAlignment;
  }
  setIndentFirstLine(indent: number): GParagraph {
    return this.setOne('INDENT_FIRST_LINE', Number(indent));
  }
  getIndentFirstLine(): number {
    return Number(this.attrs.INDENT_FIRST_LINE ?? 0);
  }
  setIndentStart(indent: number): GParagraph {
    return this.setOne('INDENT_START', Number(indent));
  }
  getIndentStart(): number {
    return Number(this.attrs.INDENT_START ?? 0);
  }
  setIndentEnd(indent: number): GParagraph {
    return this.setOne('INDENT_END', Number(indent));
  }
  getIndentEnd(): number {
    return Number(this.attrs.INDENT_END ?? 0);
  }
  setSpacingAfter(spacing: number): GParagraph {
    return this.setOne('SPACING_AFTER', Number(spacing));
  }
  getSpacingAfter(): number {
    return Number(this.attrs.SPACING_AFTER ?? 0);
  }
  setSpacingBefore(spacing: number): GParagraph {
    return this.setOne('SPACING_BEFORE', Number(spacing));
  }
  getSpacingBefore(): number {
    return Number(this.attrs.SPACING_BEFORE ?? 0);
  }
  setLineSpacing(multiplier: number): GParagraph {
    return this.setOne('LINE_SPACING', Number(multiplier));
  }
  getLineSpacing(): number {
    return Number(this.attrs.LINE_SPACING ?? DOC_DEFAULTS.lineSpacing);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GParagraph {
    return this.setOne('HEADING', heading);
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return (this.attrs.HEADING ?? 'NORMAL') as GoogleAppsScript.Document.ParagraphHeading;
  }
  override copy(): GElement {
    return asGas(this.clone());
  }
}

/** A list item: a paragraph with a glyph and nesting level. */
export class LocalListItem extends LocalParagraph {
  override get [SERVICE_NAME]() {
    return 'ListItem';
  }
  override readonly elementType: ElementTypeName = 'LIST_ITEM';
}

function normalize(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (!s.text) continue;
    const prev = out[out.length - 1];
    if (prev && sameAttrs(prev.attrs, s.attrs)) prev.text += s.text;
    else out.push({ text: s.text, attrs: { ...s.attrs } });
  }
  return out;
}

/**
 * The Text of an element: its paragraphs' text joined by '\n'. Offsets run across the paragraphs;
 * a range that covers a paragraph's last character also styles its end mark.
 */
export class LocalText extends LocalElement {
  get [SERVICE_NAME]() {
    return 'Text';
  }
  readonly elementType: ElementTypeName = 'TEXT';

  constructor(readonly owner: LocalElement) {
    super();
    this.parent = owner instanceof LocalParagraph ? owner : owner.parent;
  }

  paragraphs(): LocalParagraph[] {
    return this.owner.paragraphs();
  }

  clone(): LocalText {
    return new LocalText(this.owner.clone());
  }

  private each(start: number, end: number, fn: (p: LocalParagraph, s: number, e: number) => void): void {
    const total = this.getText().length;
    if (start < 0 || end < start || end >= Math.max(total, 1)) throw new ServiceError(MESSAGES.offsets);
    let at = 0;
    for (const p of this.paragraphs()) {
      const len = p.text.length;
      const s = Math.max(start - at, 0);
      const e = Math.min(end - at, len);
      if (s <= e && start <= at + len) fn(p, s, e);
      at += len + 1;
    }
  }

  setAttributes(...args: unknown[]): GText {
    this.touch();
    if (args.length >= 3) {
      const attrs = pick(args[2] as Record<string, unknown>, TEXT_KEYS);
      this.each(Number(args[0]), Number(args[1]), (p, s, e) => p.styleRange(s, e, attrs));
    } else {
      const attrs = pick(args[0] as Record<string, unknown>, TEXT_KEYS);
      for (const p of this.paragraphs()) p.styleRange(0, p.text.length, attrs);
    }
    return asGas(this);
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    const found = this.locate(offset ?? 0);
    return found ? { ...found.p.attrsAt(found.i) } : {};
  }

  private locate(offset: number): { p: LocalParagraph; i: number } | null {
    let at = 0;
    for (const p of this.paragraphs()) {
      if (offset <= at + p.text.length) return { p, i: offset - at };
      at += p.text.length + 1;
    }
    return null;
  }

  private style(key: AttributeName, args: unknown[]): GText {
    if (args.length >= 3) return this.setAttributes(args[0], args[1], { [key]: args[2] });
    return this.setAttributes({ [key]: args[0] });
  }

  setBold(...args: unknown[]): GText {
    return this.style('BOLD', args);
  }
  setItalic(...args: unknown[]): GText {
    return this.style('ITALIC', args);
  }
  setUnderline(...args: unknown[]): GText {
    return this.style('UNDERLINE', args);
  }
  setStrikethrough(...args: unknown[]): GText {
    return this.style('STRIKETHROUGH', args);
  }
  setFontFamily(...args: unknown[]): GText {
    return this.style('FONT_FAMILY', args);
  }
  setFontSize(...args: unknown[]): GText {
    return this.style('FONT_SIZE', args);
  }
  setForegroundColor(...args: unknown[]): GText {
    return this.style('FOREGROUND_COLOR', args);
  }
  setBackgroundColor(...args: unknown[]): GText {
    return this.style('BACKGROUND_COLOR', args);
  }
  setLinkUrl(...args: unknown[]): GText {
    return this.style('LINK_URL', args);
  }
  isBold(offset?: number | null): boolean {
    return this.getAttributes(offset).BOLD === true;
  }
  isItalic(offset?: number | null): boolean {
    return this.getAttributes(offset).ITALIC === true;
  }
  isUnderline(offset?: number | null): boolean {
    return this.getAttributes(offset).UNDERLINE === true;
  }
  getFontSize(offset?: number | null): number {
    return Number(this.getAttributes(offset).FONT_SIZE ?? DOC_DEFAULTS.fontSize);
  }
  getFontFamily(offset?: number | null): string {
    return String(this.getAttributes(offset).FONT_FAMILY ?? DOC_DEFAULTS.fontFamily);
  }
  setText(text: string): GText {
    this.touch();
    const [first, ...rest] = this.paragraphs();
    first?.setText(text);
    for (const p of rest) p.setText('');
    return asGas(this);
  }
  /** https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String): the text as is. */
  insertText(offset: number, text: string): GText {
    this.touch();
    const at = Number(offset);
    if (!Number.isInteger(at) || at < 0 || at > this.getText().length) throw new ServiceError(MESSAGES.offsets);
    const found = this.locate(at);
    found?.p.insertAt(found.i, String(text));
    return asGas(this);
  }

  /** https://developers.google.com/apps-script/reference/document/text#deleteText(Integer,Integer) */
  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    this.touch();
    this.each(Number(startOffset), Number(endOffsetInclusive), (p, s, e) => {
      if (s <= Math.min(e, p.text.length - 1)) p.deleteRange(s, Math.min(e, p.text.length - 1));
    });
    return asGas(this);
  }

  appendText(text: string): GText {
    const ps = this.paragraphs();
    ps[ps.length - 1]?.appendText(text);
    return asGas(this);
  }
  override getParent(): GoogleAppsScript.Document.ContainerElement {
    return asGas(this.parent as LocalContainer);
  }
}

/** A table cell: paragraphs (and nested tables) plus cell attributes. */
export class LocalTableCell extends LocalContainer {
  get [SERVICE_NAME]() {
    return 'TableCell';
  }
  readonly elementType: ElementTypeName = 'TABLE_CELL';
  readonly children: LocalElement[] = [];
  attrs: Attrs = {};

  constructor(text: string | null = '') {
    super();
    if (text !== null) this.adopt(new LocalParagraph(String(text)));
  }

  clone(): LocalTableCell {
    const c = new LocalTableCell(null);
    c.attrs = { ...this.attrs };
    for (const k of this.children) c.adopt(k.clone());
    return c;
  }

  appendParagraph(p: string | GParagraph): GParagraph {
    this.touch();
    return asGas(
      this.adopt(
        typeof p === 'string' ? new LocalParagraph(p) : asLocal(LocalParagraph, p, 'TableCell.appendParagraph'),
      ),
    );
  }

  insertParagraph(childIndex: number, p: string | GParagraph): GParagraph {
    this.touch();
    const para =
      typeof p === 'string' ? new LocalParagraph(p) : asLocal(LocalParagraph, p, 'TableCell.insertParagraph');
    return asGas(this.adopt(para, childIndex));
  }

  appendTable(cells?: string[][] | GTable | null): GTable {
    this.touch();
    return asGas(endWithParagraph(this, this.adopt(tableOf(cells, 'TableCell.appendTable'))));
  }

  /** Gives access to `adopt` for the paragraph that follows a table ending the cell. */
  addParagraph(p: LocalParagraph): void {
    this.adopt(p);
  }

  setText(text: string): GTableCell {
    this.touch();
    for (const c of [...this.children]) this.detach(c);
    this.adopt(new LocalParagraph(String(text)));
    return asGas(this);
  }

  clear(): GTableCell {
    return this.setText('');
  }

  removeChild(child: GElement): GTableCell {
    this.touch();
    this.detach(child as unknown as LocalElement);
    return asGas(this);
  }

  getParentRow(): GTableRow {
    return asGas(this.parent as LocalTableRow);
  }

  getParentTable(): GTable {
    return asGas((this.parent as LocalTableRow).parent as LocalTable);
  }

  setAttributes(attributes: unknown): GTableCell {
    this.touch();
    this.attrs = merge(this.attrs, pick(attributes as Record<string, unknown>, CELL_KEYS));
    return asGas(this);
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attrs };
  }
  private setOne(key: AttributeName, value: unknown): GTableCell {
    return this.setAttributes({ [key]: value });
  }
  setPaddingTop(v: number): GTableCell {
    return this.setOne('PADDING_TOP', v);
  }
  setPaddingBottom(v: number): GTableCell {
    return this.setOne('PADDING_BOTTOM', v);
  }
  setPaddingLeft(v: number): GTableCell {
    return this.setOne('PADDING_LEFT', v);
  }
  setPaddingRight(v: number): GTableCell {
    return this.setOne('PADDING_RIGHT', v);
  }
  setBackgroundColor(v: string): GTableCell {
    return this.setOne('BACKGROUND_COLOR', v);
  }
  setVerticalAlignment(v: GoogleAppsScript.Document.VerticalAlignment): GTableCell {
    return this.setOne('VERTICAL_ALIGNMENT', v);
  }
  setWidth(v: number): GTableCell {
    return this.setOne('WIDTH', v);
  }
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
}

/** A table row. */
export class LocalTableRow extends LocalContainer {
  get [SERVICE_NAME]() {
    return 'TableRow';
  }
  readonly elementType: ElementTypeName = 'TABLE_ROW';
  readonly children: LocalTableCell[] = [];
  attrs: Attrs = {};
  /** Row style only the Docs API sets (docs-api.ts): DocumentApp has no such attribute. */
  docsStyle: { preventOverflow?: boolean } = {};

  clone(): LocalTableRow {
    const r = new LocalTableRow();
    r.attrs = { ...this.attrs };
    r.docsStyle = { ...this.docsStyle };
    for (const c of this.children) r.adopt(c.clone());
    return r;
  }

  getCell(cellIndex: number): GTableCell {
    const c = this.children[cellIndex];
    if (!c) throw new ServiceError(MESSAGES.index(cellIndex));
    return asGas(c);
  }

  getNumCells(): number {
    return this.children.length;
  }

  appendTableCell(textOrCell?: string | GTableCell | null): GTableCell {
    this.touch();
    const cell =
      textOrCell && typeof textOrCell !== 'string'
        ? asLocal(LocalTableCell, textOrCell, 'TableRow.appendTableCell')
        : new LocalTableCell(textOrCell ?? '');
    return asGas(this.adopt(cell));
  }

  addCell(cell: LocalTableCell): void {
    this.adopt(cell);
  }

  getParentTable(): GTable {
    return asGas(this.parent as LocalTable);
  }

  setAttributes(attributes: unknown): GTableRow {
    this.touch();
    this.attrs = merge(this.attrs, pick(attributes as Record<string, unknown>, new Set(['MINIMUM_HEIGHT'])));
    return asGas(this);
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attrs };
  }
  setMinimumHeight(h: number): GTableRow {
    return this.setAttributes({ MINIMUM_HEIGHT: h });
  }
  override getText(): string {
    return this.children.map((c) => c.getText()).join('\n');
  }
}

/** A table: rows of cells, border width and colour, column widths. */
export class LocalTable extends LocalContainer {
  get [SERVICE_NAME]() {
    return 'Table';
  }
  readonly elementType: ElementTypeName = 'TABLE';
  readonly children: LocalTableRow[] = [];
  attrs: Attrs = {};
  /** Column widths in points (null: shared equally). */
  widths: (number | null)[] = [];

  static of(cells: readonly (readonly unknown[])[]): LocalTable {
    const t = new LocalTable();
    const width = Math.max(0, ...cells.map((r) => r.length));
    for (const row of cells) {
      const r = new LocalTableRow();
      for (let c = 0; c < width; c++) r.addCell(new LocalTableCell(row[c] === undefined ? '' : String(row[c])));
      t.adopt(r);
    }
    return t;
  }

  clone(): LocalTable {
    const t = new LocalTable();
    t.attrs = { ...this.attrs };
    t.widths = [...this.widths];
    for (const r of this.children) t.adopt(r.clone());
    return t;
  }

  getNumRows(): number {
    return this.children.length;
  }

  getRow(rowIndex: number): GTableRow {
    const r = this.children[rowIndex];
    if (!r) throw new ServiceError(MESSAGES.index(rowIndex));
    return asGas(r);
  }

  getCell(rowIndex: number, cellIndex: number): GTableCell {
    const c = this.children[rowIndex]?.children[cellIndex];
    if (!c) throw new ServiceError(MESSAGES.index(c ? cellIndex : rowIndex));
    return asGas(c);
  }

  appendTableRow(row?: GTableRow | null): GTableRow {
    this.touch();
    return asGas(this.adopt(row ? asLocal(LocalTableRow, row, 'Table.appendTableRow') : new LocalTableRow()));
  }

  insertTableRow(childIndex: number, row?: GTableRow | null): GTableRow {
    this.touch();
    const r = row ? asLocal(LocalTableRow, row, 'Table.insertTableRow') : new LocalTableRow();
    return asGas(this.adopt(r, childIndex));
  }

  removeRow(rowIndex: number): GTableRow {
    this.touch();
    const r = this.children[rowIndex];
    if (!r) throw new ServiceError(MESSAGES.index(rowIndex));
    this.detach(r);
    return asGas(r);
  }

  removeChild(child: GElement): GTable {
    this.touch();
    this.detach(child as unknown as LocalElement);
    return asGas(this);
  }

  setAttributes(attributes: unknown): GTable {
    this.touch();
    this.attrs = merge(this.attrs, pick(attributes as Record<string, unknown>, TABLE_KEYS));
    return asGas(this);
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attrs };
  }
  setBorderWidth(width: number): GTable {
    return this.setAttributes({ BORDER_WIDTH: Number(width) });
  }
  getBorderWidth(): number {
    return Number(this.attrs.BORDER_WIDTH ?? DOC_DEFAULTS.borderWidth);
  }
  setBorderColor(color: string): GTable {
    return this.setAttributes({ BORDER_COLOR: String(color) });
  }
  getBorderColor(): string {
    return String(this.attrs.BORDER_COLOR ?? DOC_DEFAULTS.borderColor);
  }
  setColumnWidth(columnIndex: number, width: number): GTable {
    this.touch();
    const n = this.children[0]?.children.length ?? 0;
    if (columnIndex < 0 || columnIndex >= n) throw new ServiceError(MESSAGES.index(columnIndex));
    this.widths[columnIndex] = Number(width);
    return asGas(this);
  }
  getColumnWidth(columnIndex: number): number {
    return this.widths[columnIndex] ?? 0;
  }
}

/**
 * Google Docs keeps a paragraph after a table that ends a body or a cell: appending a table last
 * also adds an empty paragraph after it, and the next paragraph appended comes after that one.
 */
function endWithParagraph(container: LocalBody | LocalTableCell, table: LocalTable): LocalTable {
  if (container.children[container.children.length - 1] === table) {
    container.addParagraph(new LocalParagraph(''));
  }
  return table;
}

function tableOf(cells: unknown, method: string): LocalTable {
  if (cells === undefined || cells === null) return new LocalTable();
  if (Array.isArray(cells)) return LocalTable.of(cells as unknown[][]);
  return asLocal(LocalTable, cells, method);
}

/** The body of a document: its blocks, page size and margins (points). */
export class LocalBody extends LocalContainer {
  get [SERVICE_NAME]() {
    return 'Body';
  }
  readonly elementType: ElementTypeName = 'BODY_SECTION';
  readonly children: LocalElement[] = [];
  attrs: Attrs = {
    PAGE_WIDTH: DOC_DEFAULTS.pageWidth,
    PAGE_HEIGHT: DOC_DEFAULTS.pageHeight,
    MARGIN_TOP: DOC_DEFAULTS.margin,
    MARGIN_BOTTOM: DOC_DEFAULTS.margin,
    MARGIN_LEFT: DOC_DEFAULTS.margin,
    MARGIN_RIGHT: DOC_DEFAULTS.margin,
  };

  constructor(readonly doc: LocalDocument | null) {
    super();
    this.adopt(new LocalParagraph(''));
  }

  /** Gives access to `adopt` for the paragraph that follows a table ending the body. */
  addParagraph(p: LocalParagraph): void {
    this.adopt(p);
  }

  clone(): LocalBody {
    const b = new LocalBody(null);
    b.children.length = 0;
    b.attrs = { ...this.attrs };
    for (const c of this.children) b.adopt(c.clone());
    return b;
  }

  appendParagraph(p: string | GParagraph): GParagraph {
    this.touch();
    return asGas(
      this.adopt(typeof p === 'string' ? new LocalParagraph(p) : asLocal(LocalParagraph, p, 'Body.appendParagraph')),
    );
  }

  insertParagraph(childIndex: number, p: string | GParagraph): GParagraph {
    this.touch();
    const para = typeof p === 'string' ? new LocalParagraph(p) : asLocal(LocalParagraph, p, 'Body.insertParagraph');
    return asGas(this.adopt(para, childIndex));
  }

  appendListItem(item: string | GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem {
    this.touch();
    const li = typeof item === 'string' ? new LocalListItem(item) : asLocal(LocalListItem, item, 'Body.appendListItem');
    return asGas(this.adopt(li));
  }

  appendTable(cells?: string[][] | GTable | null): GTable {
    this.touch();
    return asGas(endWithParagraph(this, this.adopt(tableOf(cells, 'Body.appendTable'))));
  }

  insertTable(childIndex: number, cells?: string[][] | GTable | null): GTable {
    this.touch();
    return asGas(endWithParagraph(this, this.adopt(tableOf(cells, 'Body.insertTable'), childIndex)));
  }

  /** A Doc always ends with a paragraph: that one cannot be removed. */
  override detach(child: LocalElement): void {
    if (child instanceof LocalParagraph && this.children[this.children.length - 1] === child) {
      throw new ServiceError(MESSAGES.lastParagraph);
    }
    super.detach(child);
  }

  removeChild(child: GElement): GBody {
    this.touch();
    this.detach(child as unknown as LocalElement);
    return asGas(this);
  }

  getParagraphs(): GParagraph[] {
    return this.paragraphs().map((p) => asGas<GParagraph>(p));
  }

  getTables(): GTable[] {
    const out: LocalTable[] = [];
    const walk = (e: LocalElement) => {
      if (e instanceof LocalTable) out.push(e);
      if (e instanceof LocalContainer && !(e instanceof LocalParagraph)) e.children.forEach(walk);
    };
    this.children.forEach(walk);
    return out.map((t) => asGas<GTable>(t));
  }

  clear(): GBody {
    this.touch();
    for (const c of [...this.children]) super.detach(c);
    this.adopt(new LocalParagraph(''));
    return asGas(this);
  }

  setText(text: string): GBody {
    this.clear();
    (this.children[0] as LocalParagraph).setText(text);
    return asGas(this);
  }

  setAttributes(attributes: unknown): GBody {
    this.touch();
    const a = attributes as Record<string, unknown>;
    this.attrs = merge(this.attrs, pick(a, BODY_KEYS));
    const text = pick(a, TEXT_KEYS);
    if (Object.keys(text).length) for (const p of this.paragraphs()) p.styleRange(0, p.text.length, text);
    return asGas(this);
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attrs };
  }

  private setPage(key: AttributeName, v: number): GBody {
    this.touch();
    if (!Number.isFinite(Number(v)) || Number(v) < 0) throw new ServiceError(`Invalid argument: ${key.toLowerCase()}`);
    this.attrs = merge(this.attrs, { [key]: Number(v) });
    return asGas(this);
  }
  setPageWidth(v: number): GBody {
    return this.setPage('PAGE_WIDTH', v);
  }
  setPageHeight(v: number): GBody {
    return this.setPage('PAGE_HEIGHT', v);
  }
  setMarginTop(v: number): GBody {
    return this.setPage('MARGIN_TOP', v);
  }
  setMarginBottom(v: number): GBody {
    return this.setPage('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number): GBody {
    return this.setPage('MARGIN_LEFT', v);
  }
  setMarginRight(v: number): GBody {
    return this.setPage('MARGIN_RIGHT', v);
  }
  getPageWidth(): number {
    return Number(this.attrs.PAGE_WIDTH);
  }
  getPageHeight(): number {
    return Number(this.attrs.PAGE_HEIGHT);
  }
  getMarginTop(): number {
    return Number(this.attrs.MARGIN_TOP);
  }
  getMarginBottom(): number {
    return Number(this.attrs.MARGIN_BOTTOM);
  }
  getMarginLeft(): number {
    return Number(this.attrs.MARGIN_LEFT);
  }
  getMarginRight(): number {
    return Number(this.attrs.MARGIN_RIGHT);
  }
}

/** A search hit: the Text of a paragraph and the matched offsets. */
export class LocalRangeElement extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'RangeElement';
  }
  constructor(
    readonly paragraph: LocalParagraph,
    readonly start: number,
    readonly end: number,
  ) {
    super();
  }
  getElement(): GElement {
    return asGas(new LocalText(this.paragraph));
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end;
  }
  isPartial(): boolean {
    return this.start > 0 || this.end < this.paragraph.text.length - 1;
  }
}

function findIn(
  paragraphs: LocalParagraph[],
  pattern: string,
  from: LocalRangeElement | null,
): LocalRangeElement | null {
  let started = !from;
  for (const p of paragraphs) {
    let offset = 0;
    if (!started) {
      if (p !== from?.paragraph) continue;
      started = true;
      offset = (from?.end ?? -1) + 1;
    }
    const re = regexOf(pattern, true);
    re.lastIndex = offset;
    const m = re.exec(p.text);
    if (m && m[0].length > 0) return new LocalRangeElement(p, m.index, m.index + m[0].length - 1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Document and DocumentApp

/**
 * A Google Doc. A Doc made with DocumentApp.create belongs to the user who ran it and is private
 * until shared: "Creates and returns a new document" in the user's Drive
 * (https://developers.google.com/apps-script/reference/document/document-app#createname);
 * addEditor(s)/addViewer(s) share it (https://developers.google.com/apps-script/reference/document/document#addeditoremailaddress;
 * their Authorization section lists documents.currentonly or documents, the scope the add-in has).
 */
export class LocalDocument extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'Document';
  }
  readonly body: LocalBody;
  closed = false;
  /** Changed through DocumentApp since the last saveAndClose: the Docs API would not see it yet. */
  dirty = false;
  private readonly editors = new Set<string>();
  private readonly viewers = new Set<string>();

  constructor(
    readonly id: string,
    public name: string,
    /** Email of the owner (the user who created it). */
    readonly owner = '',
  ) {
    super();
    this.body = new LocalBody(this);
  }

  /** Emails of the editors added (the owner is not listed). */
  get editorEmails(): string[] {
    return [...this.editors];
  }

  /** Emails of the viewers added (editors are not listed). */
  get viewerEmails(): string[] {
    return [...this.viewers];
  }

  /** True when `user` may open the Doc: its owner, an editor or a viewer. */
  canOpen(user: string): boolean {
    return user === this.owner || this.editors.has(user) || this.viewers.has(user);
  }

  /** True when `user` may change the Doc: its owner or an editor. */
  canEdit(user: string): boolean {
    return user === this.owner || this.editors.has(user);
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GDoc {
    const e = shareeOf(emailAddress);
    this.viewers.delete(e);
    if (e !== this.owner) this.editors.add(e);
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GDoc {
    for (const e of emailAddresses) this.addEditor(e);
    return asGas(this);
  }

  addViewer(emailAddress: string | GoogleAppsScript.Base.User): GDoc {
    const e = shareeOf(emailAddress);
    if (e !== this.owner && !this.editors.has(e)) this.viewers.add(e);
    return asGas(this);
  }

  addViewers(emailAddresses: string[]): GDoc {
    for (const e of emailAddresses) this.addViewer(e);
    return asGas(this);
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return [this.owner, ...this.editors].map((e) => asGas<GoogleAppsScript.Base.User>(new LocalUser(e)));
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    return [...this.viewers].map((e) => asGas<GoogleAppsScript.Base.User>(new LocalUser(e)));
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  getBody(): GBody {
    return asGas(this.body);
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): GDoc {
    if (this.closed) throw new ServiceError(MESSAGES.closed);
    this.name = String(name);
    return asGas(this);
  }
  getUrl(): string {
    return this.url;
  }
  saveAndClose(): void {
    this.closed = true;
    this.dirty = false;
  }
  /**
   * "Retrieves the document's header section, if one exists"
   * (https://developers.google.com/apps-script/reference/document/document#getHeader()): a new Doc
   * has none, and the add-in adds none (a header made through DocumentApp can hold no page number;
   * README, "Layout of the documents"), so it is null here.
   */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    return null as unknown as GoogleAppsScript.Document.HeaderSection;
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    return null as unknown as GoogleAppsScript.Document.FooterSection;
  }

  /** The document as plain data, for exporters and tests. */
  snapshot(): DocSnapshot {
    const a = this.body.attrs;
    return {
      id: this.id,
      name: this.name,
      url: this.url,
      page: {
        widthPt: Number(a.PAGE_WIDTH),
        heightPt: Number(a.PAGE_HEIGHT),
        marginTopPt: Number(a.MARGIN_TOP),
        marginBottomPt: Number(a.MARGIN_BOTTOM),
        marginLeftPt: Number(a.MARGIN_LEFT),
        marginRightPt: Number(a.MARGIN_RIGHT),
      },
      blocks: this.body.children.map(snapBlock),
    };
  }
}

export interface ParagraphSnapshot {
  type: 'paragraph' | 'listItem';
  attrs: Attrs;
  mark: Attrs;
  runs: Span[];
  text: string;
  /** Set through the Docs API (ParagraphStyle.keepWithNext). */
  keepWithNext?: boolean;
  /** Page breaks after the text (absent when none). */
  pageBreaks?: number;
}
export interface TableSnapshot {
  type: 'table';
  attrs: Attrs;
  /** Column widths in points (null: not set). */
  widths: (number | null)[];
  rows: { attrs: Attrs; preventOverflow?: boolean; cells: { attrs: Attrs; blocks: BlockSnapshot[] }[] }[];
}
export type BlockSnapshot = ParagraphSnapshot | TableSnapshot;
export interface DocSnapshot {
  id: string;
  name: string;
  url: string;
  page: {
    widthPt: number;
    heightPt: number;
    marginTopPt: number;
    marginBottomPt: number;
    marginLeftPt: number;
    marginRightPt: number;
  };
  blocks: BlockSnapshot[];
}

function snapBlock(e: LocalElement): BlockSnapshot {
  if (e instanceof LocalTable) {
    const n = Math.max(0, ...e.children.map((r) => r.children.length));
    return {
      type: 'table',
      attrs: { ...e.attrs },
      widths: Array.from({ length: n }, (_, i) => e.widths[i] ?? null),
      rows: e.children.map((r) => ({
        attrs: { ...r.attrs },
        ...(r.docsStyle.preventOverflow ? { preventOverflow: true } : {}),
        cells: r.children.map((c) => ({ attrs: { ...c.attrs }, blocks: c.children.map(snapBlock) })),
      })),
    };
  }
  const p = e as LocalParagraph;
  return {
    type: p instanceof LocalListItem ? 'listItem' : 'paragraph',
    attrs: { ...p.attrs },
    mark: { ...p.mark },
    runs: p.spans.map((s) => ({ text: s.text, attrs: { ...s.attrs } })),
    text: p.text,
    ...(p.docsStyle.keepWithNext ? { keepWithNext: true } : {}),
    ...(p.pageBreaks ? { pageBreaks: p.pageBreaks } : {}),
  };
}

/** DocumentApp: creates and opens Docs; keeps every Doc of the runtime. */
export class LocalDocumentApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById' | 'openByUrl' | 'getActiveDocument'>
{
  get [SERVICE_NAME]() {
    return 'DocumentApp';
  }
  readonly Attribute = Attribute as unknown as G['Attribute'];
  readonly ElementType = ElementType as unknown as G['ElementType'];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as G['HorizontalAlignment'];
  readonly VerticalAlignment = VerticalAlignment as unknown as G['VerticalAlignment'];
  readonly TextAlignment = TextAlignment as unknown as G['TextAlignment'];
  readonly ParagraphHeading = ParagraphHeading as unknown as G['ParagraphHeading'];
  readonly GlyphType = GlyphType as unknown as G['GlyphType'];

  /** Every Doc of the runtime (created or preloaded), in order. */
  readonly documents: LocalDocument[] = [];
  private serial = 0;

  constructor(private readonly ctx?: RuntimeContext) {
    super();
  }

  /** Docs created by the script (not preloaded templates). */
  get created(): LocalDocument[] {
    return this.documents.filter((d) => !this.preloaded.has(d));
  }
  private readonly preloaded = new Set<LocalDocument>();

  private newDocument(name: string, owner?: string): LocalDocument {
    this.serial++;
    const seed = `${this.ctx?.user ?? ''}|${this.serial}|${name}`;
    const id = '1' + createHash('sha256').update(seed).digest('base64url').slice(0, 43);
    const doc = new LocalDocument(id, name, owner ?? this.ctx?.user ?? '');
    this.documents.push(doc);
    this.registry.push(doc);
    return doc;
  }

  /** Docs of every runtime on the same spreadsheet (a Drive shared by its users). */
  private get registry(): LocalDocument[] {
    return this.ctx ? this.ctx.spreadsheet.shared.documents : this.documents;
  }

  create(name: string): GDoc {
    if (typeof name !== 'string' || name === '') throw new ServiceError('Invalid argument: name');
    return asGas(this.newDocument(name));
  }

  /**
   * Adds a Doc the script can open by id (a user's template); `fill` writes its content. It belongs
   * to this runtime's user unless `owner` says otherwise; `editors`/`viewers` share it.
   */
  preload(
    name: string,
    fill: (body: LocalBody, doc: LocalDocument) => void = () => {},
    options: { owner?: string; editors?: string[]; viewers?: string[] } = {},
  ): LocalDocument {
    const doc = this.newDocument(name, options.owner);
    this.preloaded.add(doc);
    fill(doc.body, doc);
    if (options.editors) doc.addEditors(options.editors);
    if (options.viewers) doc.addViewers(options.viewers);
    return doc;
  }

  /** The Doc `id` if this runtime's user may open it (for the Docs API; opens nothing). */
  lookup(id: string): LocalDocument | null {
    const doc = this.registry.find((d) => d.id === id);
    return doc && (!this.ctx || doc.canOpen(this.ctx.user)) ? doc : null;
  }

  /** Opens a Doc the user owns or was shared; Google gives the same error for a missing and a private Doc. */
  openById(id: string): GDoc {
    const doc = this.registry.find((d) => d.id === String(id));
    if (!doc || (this.ctx && !doc.canOpen(this.ctx.user))) throw new ServiceError(MESSAGES.notFound);
    doc.closed = false;
    return asGas(doc);
  }

  openByUrl(url: string): GDoc {
    const m = /\/document\/d\/([^/]+)/.exec(String(url));
    return this.openById(m?.[1] ?? '');
  }

  /** A script bound to a spreadsheet has no active document. */
  getActiveDocument(): GDoc {
    return null as unknown as GDoc;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    throw new ServiceError(MESSAGES.ui);
  }
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

/**
 * The address a Doc is shared with. Drive shares only with an account's address, so a string that is
 * not one (a display name, `mailto:`, spaces, no domain) is refused. The reference page documents no
 * error text; "Invalid email: …" is what Drive answers for such an address in public reports, taken
 * here as the strict reading rather than accepting what Google would refuse.
 */
function shareeOf(user: string | GoogleAppsScript.Base.User): string {
  const e = emailOf(user);
  if (!/^[^\s@<>():,;"]+@[^\s@<>():,;"]+\.[^\s@<>():,;"]+$/.test(e) || /^mailto:/i.test(e)) {
    throw new ServiceError(`Invalid email: ${e}`);
  }
  return e;
}

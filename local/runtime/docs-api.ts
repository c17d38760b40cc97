/**
 * The Docs advanced service (`Docs.Documents.get` and `batchUpdate`), over the same in-memory Docs
 * as DocumentApp, for what the add-in asks of it: keep-with-next on paragraphs and rows that cannot
 * overflow across pages. It is a global only when the manifest enables it
 * (`dependencies.enabledAdvancedServices`, userSymbol "Docs"), as in Apps Script
 * (https://developers.google.com/apps-script/guides/services/advanced): `typeof Docs` is
 * 'undefined' otherwise. Both methods need the `documents` scope (documents.currentonly is an Apps
 * Script scope the REST API does not take; auth.ts).
 *
 * Indexes follow "Structure of a Google Docs document"
 * (https://developers.google.com/docs/api/concepts/structure): the body starts with a section break
 * ending at 1; a paragraph spans its text and its newline; a table, each of its rows and each cell
 * take one index where they start, a table one more where it ends.
 *
 * Stricter than Google where that is cheaper: a Doc with DocumentApp changes not yet saved
 * (saveAndClose) is refused rather than read stale, and requests or fields the add-in does not use
 * fail as unsupported.
 */
import {
  type LocalBody,
  type LocalDocument,
  type LocalDocumentApp,
  LocalParagraph,
  LocalTable,
  type LocalTableCell,
  type LocalTableRow,
} from './document';
import { ServiceError } from './errors';
import { SERVICE_NAME, ServiceObject } from './service';

type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;
/**
 * The requests handled here (@types/google-apps-script predates UpdateTableRowStyleRequest:
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablerowstylerequest).
 */
type Request = GoogleAppsScript.Docs.Schema.Request & {
  updateTableRowStyle?: {
    tableStartLocation?: { index?: number; segmentId?: string };
    rowIndices?: number[];
    tableRowStyle?: { preventOverflow?: boolean };
    fields?: string;
  };
};

/** Where each paragraph and table of the body starts and ends. */
interface Located {
  paragraphs: { start: number; end: number; element: LocalParagraph }[];
  tables: Map<number, LocalTable>;
  end: number;
}

const apiError = (method: string, detail: string) =>
  new ServiceError(`API call to docs.documents.${method} failed with error: ${detail}`);

function structure(body: LocalBody): { content: StructuralElement[]; located: Located } {
  const located: Located = { paragraphs: [], tables: new Map(), end: 1 };
  let at = 1;
  const walk = (children: readonly unknown[]): StructuralElement[] => {
    const out: StructuralElement[] = [];
    for (const child of children) {
      if (child instanceof LocalTable) {
        const start = at;
        at += 1;
        located.tables.set(start, child);
        const rows = child.children.map((row: LocalTableRow) => {
          const rowStart = at;
          at += 1;
          const cells = row.children.map((cell: LocalTableCell) => {
            const cellStart = at;
            at += 1;
            const content = walk(cell.children);
            return { startIndex: cellStart, endIndex: at, content };
          });
          return {
            startIndex: rowStart,
            endIndex: at,
            tableRowStyle: { preventOverflow: !!row.docsStyle.preventOverflow },
            tableCells: cells,
          };
        });
        at += 1;
        out.push({
          startIndex: start,
          endIndex: at,
          table: { rows: rows.length, columns: Math.max(0, ...rows.map((r) => r.tableCells.length)), tableRows: rows },
        } as StructuralElement);
      } else if (child instanceof LocalParagraph) {
        const start = at;
        const text = `${child.text}\n`;
        at += text.length;
        located.paragraphs.push({ start, end: at, element: child });
        out.push({
          startIndex: start,
          endIndex: at,
          paragraph: {
            elements: [{ startIndex: start, endIndex: at, textRun: { content: text } }],
            paragraphStyle: { keepWithNext: !!child.docsStyle.keepWithNext },
          },
        } as StructuralElement);
      }
    }
    return out;
  };
  const content = [{ endIndex: 1, sectionBreak: {} } as StructuralElement, ...walk(body.children)];
  located.end = at;
  return { content, located };
}

const fieldsOf = (fields: unknown, where: string): string[] => {
  const list = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()) : [];
  if (!list.length || list.some((f) => !f)) throw new ServiceError(`Invalid requests[${where}: fields is required`);
  return list;
};

function only(list: readonly string[], allowed: readonly string[], where: string): void {
  const other = list.find((f) => !allowed.includes(f));
  if (other)
    throw new ServiceError(`Invalid requests[${where}: field "${other}" is not supported by the local runtime`);
}

/** Docs.Documents. */
export class LocalDocsDocuments extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'Docs.Documents';
  }

  constructor(private readonly app: LocalDocumentApp) {
    super();
  }

  private open(id: string, method: string): LocalDocument {
    const doc = this.app.lookup(String(id));
    if (!doc) throw apiError(method, 'Requested entity was not found.');
    if (doc.dirty) {
      throw apiError(
        method,
        'the local runtime refuses a Doc with DocumentApp changes not yet saved (Document.saveAndClose): ' +
          'Google would read it without them.',
      );
    }
    return doc;
  }

  get(documentId: string): GoogleAppsScript.Docs.Schema.Document {
    const doc = this.open(documentId, 'get');
    return { documentId: doc.id, title: doc.name, body: { content: structure(doc.body).content } };
  }

  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const doc = this.open(documentId, 'batchUpdate');
    const requests = (resource?.requests ?? []) as Request[];
    if (!Array.isArray(requests) || requests.length === 0) {
      throw apiError('batchUpdate', 'Invalid requests: at least one request is required.');
    }
    const { located } = structure(doc.body);
    // Every request is checked before any is applied: one bad request changes nothing.
    const apply = requests.map((r, i) => this.plan(r, i, located));
    for (const f of apply) f();
    return { documentId: doc.id, replies: requests.map(() => ({})) };
  }

  private plan(request: Request, i: number, located: Located): () => void {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1)
      throw apiError('batchUpdate', `Invalid requests[${i}]: exactly one request kind is required.`);
    if (request.updateParagraphStyle) {
      const u = request.updateParagraphStyle;
      const where = `${i}].updateParagraphStyle`;
      const fields = fieldsOf(u.fields, where);
      only(fields, ['keepWithNext'], where);
      const range = u.range ?? {};
      if (range.segmentId) throw new ServiceError(`Invalid requests[${where}: only the body is supported locally`);
      const start = Number(range.startIndex);
      const end = Number(range.endIndex);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end <= start || end > located.end) {
        throw new ServiceError(
          `Invalid requests[${where}: The range ${start}–${end} is outside the body (1–${located.end}).`,
        );
      }
      const value = !!u.paragraphStyle?.keepWithNext;
      const hit = located.paragraphs.filter((p) => p.start < end && p.end > start);
      return () => {
        for (const p of hit) p.element.docsStyle.keepWithNext = value;
      };
    }
    if (request.updateTableRowStyle) {
      const u = request.updateTableRowStyle;
      const where = `${i}].updateTableRowStyle`;
      only(fieldsOf(u.fields, where), ['preventOverflow'], where);
      const table = located.tables.get(Number(u.tableStartLocation?.index));
      if (!table || u.tableStartLocation?.segmentId) {
        throw new ServiceError(`Invalid requests[${where}: The provided table start location is invalid.`);
      }
      const indices = u.rowIndices?.length ? u.rowIndices.map(Number) : table.children.map((_, r) => r);
      for (const r of indices) {
        if (!Number.isInteger(r) || r < 0 || r >= table.children.length) {
          throw new ServiceError(`Invalid requests[${where}: row index ${r} is out of the table's range.`);
        }
      }
      const value = !!u.tableRowStyle?.preventOverflow;
      return () => {
        for (const r of indices) (table.children[r] as LocalTableRow).docsStyle.preventOverflow = value;
      };
    }
    throw apiError('batchUpdate', `Invalid requests[${i}]: "${kinds[0]}" is not supported by the local runtime.`);
  }
}

/** The `Docs` global of the advanced service. */
export class LocalDocsService extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'Docs';
  }
  readonly Documents: LocalDocsDocuments;

  constructor(app: LocalDocumentApp) {
    super();
    this.Documents = new LocalDocsDocuments(app);
  }
}

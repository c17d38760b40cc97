/**
 * Keeps the recipients | signature block with the body's last paragraph in the Google Doc, where the
 * platform allows it. DocumentApp has no keep-with-next and no control of table rows breaking
 * across pages; the Docs API has both (ParagraphStyle.keepWithNext,
 * https://developers.google.com/docs/api/reference/rest/v1/documents#paragraphstyle, and
 * TableRowStyle.preventOverflow,
 * https://developers.google.com/docs/api/reference/rest/v1/documents#tablerowstyle), through the
 * Docs advanced service under the same `documents` scope. That service is a global only when the
 * deployment enables it in the manifest and the Cloud project; otherwise nothing is done and the
 * result tells the officer to check the page break (README, "Layout of the documents").
 *
 * Two calls (get, batchUpdate), after the Doc is saved (DocumentApp's changes reach the API only
 * then). A failure here never fails the document: it is complete already.
 */

/** The parts of the Docs API's document this reads. */
interface Element {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: { textRun?: { content?: string } }[] };
  table?: { rows?: number };
}

/** The requests this sends (@types/google-apps-script lacks updateTableRowStyle). */
export type KeepRequest =
  | {
      updateParagraphStyle: {
        range: { startIndex: number; endIndex: number };
        paragraphStyle: { keepWithNext: boolean };
        fields: 'keepWithNext';
      };
    }
  | {
      updateTableRowStyle: {
        tableStartLocation: { index: number };
        tableRowStyle: { preventOverflow: boolean };
        fields: 'preventOverflow';
      };
    };

const textOf = (e: Element): string => (e.paragraph?.elements ?? []).map((x) => x.textRun?.content ?? '').join('');

/**
 * The requests for a body's content: every table's rows cannot overflow across pages; the
 * paragraphs from the last one with text to the closing table (recipients | signature) keep with
 * the next. Nothing when the body does not end with a table after some text.
 */
export function keepTogetherRequests(content: readonly Element[]): KeepRequest[] {
  const requests: KeepRequest[] = [];
  for (const e of content) {
    if (e.table && typeof e.startIndex === 'number') {
      requests.push({
        updateTableRowStyle: {
          tableStartLocation: { index: e.startIndex },
          tableRowStyle: { preventOverflow: true },
          fields: 'preventOverflow',
        },
      });
    }
  }
  let end = content.length - 1;
  while (end > 0 && content[end]?.paragraph && !textOf(content[end] as Element).trim()) end--;
  const closing = content[end];
  if (!closing?.table || typeof closing.startIndex !== 'number') return requests;
  let first = -1;
  for (let i = end - 1; i > 0; i--) {
    const e = content[i] as Element;
    if (!e.paragraph || typeof e.startIndex !== 'number') break;
    first = i;
    if (textOf(e).trim()) break;
  }
  const start = content[first]?.startIndex;
  if (first > 0 && typeof start === 'number' && textOf(content[first] as Element).trim()) {
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: start, endIndex: closing.startIndex },
        paragraphStyle: { keepWithNext: true },
        fields: 'keepWithNext',
      },
    });
  }
  return requests;
}

/** True when the signature block was kept with the last paragraph (the advanced service is enabled and answered). */
export function keepSignatureTogether(documentId: string): boolean {
  if (typeof Docs === 'undefined' || !Docs?.Documents) return false;
  try {
    const doc = Docs.Documents.get(documentId);
    const requests = keepTogetherRequests((doc.body?.content ?? []) as Element[]);
    if (!requests.some((r) => 'updateParagraphStyle' in r)) return false;
    Docs.Documents.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId);
    return true;
  } catch (e) {
    console.error('keepSignatureTogether', e);
    return false;
  }
}

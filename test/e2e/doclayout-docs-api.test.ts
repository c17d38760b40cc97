/**
 * Keeping the signature block with the last paragraph in the Google Doc through the Docs advanced
 * service (src/docs/keepTogether.ts), on the local runtime's Docs service (local/runtime/docs-api.ts):
 * absent unless the manifest enables it (this manifest does not), then used for every kind; its
 * index model, its all-or-nothing batchUpdate, its refusal of unsaved DocumentApp changes; a failure
 * of the service never fails the document.
 */

import JSZip from 'jszip';
import { docxBuffer } from '../../local/docx';
import { docHtml, paginate } from '../../local/html-export';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalDocument, ParagraphSnapshot, TableSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { keepTogetherRequests } from '../../src/docs/keepTogether';
import { runGenerateNotice } from '../../src/docs/notices';
import { NOTICE_KINDS, type NoticeKind } from '../../src/rpc/contract';
import { DOCUMENT_LAYOUT } from '../../src/ui/vi';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup(advancedServices?: string[]) {
  const runtime = new Runtime({
    spreadsheet: buildSample(LANG_SON),
    now: NOW,
    ...(advancedServices ? { advancedServices } : {}),
  });
  runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
  Object.assign(globalThis, runtime.globals);
  if (!advancedServices) delete (globalThis as { Docs?: unknown }).Docs;
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const generate = (kind: NoticeKind) => {
    const r = runtime.execute(() => runGenerateNotice(ss, kind, { force: true }, NOW));
    const doc = runtime.services.DocumentApp.created.find((d) => d.url === r.url) as LocalDocument;
    return { r, doc };
  };
  return { runtime, generate };
}

const topParagraphsKept = (doc: LocalDocument) =>
  doc
    .snapshot()
    .blocks.filter((b): b is ParagraphSnapshot => b.type !== 'table' && b.keepWithNext === true)
    .map((p) => p.text);

afterAll(() => {
  delete (globalThis as { Docs?: unknown }).Docs;
});

describe('without the advanced service (this manifest)', () => {
  // Generated while the describe is collected: each describe below installs its own runtime's globals.
  const { runtime, generate } = setup();
  const docsGlobal = typeof (globalThis as { Docs?: unknown }).Docs;
  runtime.resetCalls();
  const { r, doc } = generate('thong-bao-ket-luan');
  const calls = runtime.calls;

  it('there is no Docs global; the Doc is made with DocumentApp alone and the result says what to check', () => {
    expect(runtime.globals.Docs).toBeUndefined();
    expect(docsGlobal).toBe('undefined');
    expect(Object.keys(calls).filter((k) => k.startsWith('Docs.'))).toEqual([]);
    expect(calls['DocumentApp.create']).toBe(1);
    expect(r.message).toContain(DOCUMENT_LAYOUT.googleDocsNote(false));
    expect(topParagraphsKept(doc)).toEqual([]);
  });
});

// Giấy mời is a batch of one-page invitations (its own fill, no closing block to keep together).
describe.each(NOTICE_KINDS.filter((k) => k !== 'giay-moi'))('with the Docs advanced service enabled: %s', (kind) => {
  const { runtime, generate } = setup(['Docs']);
  runtime.resetCalls();
  const { r, doc } = generate(kind);
  const calls = runtime.calls;
  const snap = doc.snapshot();

  it('two calls after the Doc is saved: get and one batchUpdate', () => {
    expect(calls['Docs.Documents.get']).toBe(1);
    expect(calls['Docs.Documents.batchUpdate']).toBe(1);
    expect(doc.closed).toBe(true);
  });

  it('the body’s last paragraph (and the blank one after it) keep with the signature table; no row can overflow', () => {
    const kept = topParagraphsKept(doc);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept[0]).toMatch(/\.\/\.$/);
    expect(kept.slice(1).every((t) => t === '')).toBe(true);
    const tables = snap.blocks.filter((b): b is TableSnapshot => b.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const t of tables) for (const row of t.rows) expect(row.preventOverflow).toBe(true);
  });

  it('the result no longer asks to check the page break, only to insert page numbers', () => {
    expect(r.message).toContain(DOCUMENT_LAYOUT.pageNumbers);
    expect(r.message).not.toContain(DOCUMENT_LAYOUT.keepTogether);
  });

  it('the exports follow the Doc: keepNext in the .docx, the same pages in the HTML', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(snap));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const last = topParagraphsKept(doc)[0] as string;
    const p = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]).find((x) => x.includes(last.slice(-15)));
    expect(p).toContain('<w:keepNext/>');
    expect(paginate(snap).at(-1)?.html.join('')).toContain(last.slice(-15));
  });
});

describe('a failing Docs service never fails the document', () => {
  it('batchUpdate fails: the Doc is complete and logged, the result asks to check the page break', () => {
    const { runtime, generate } = setup(['Docs']);
    runtime.failOn('Docs.Documents.batchUpdate');
    const { r, doc } = generate('phan-bo-dai-bieu');
    expect(doc.name).toBe(r.title);
    expect(doc.name.startsWith('[CHƯA HOÀN THÀNH]')).toBe(false);
    expect(r.message).toContain(DOCUMENT_LAYOUT.googleDocsNote(false));
    expect(topParagraphsKept(doc)).toEqual([]);
  });

  it('get fails: the same', () => {
    const { runtime, generate } = setup(['Docs']);
    runtime.failOn('Docs.Documents.get');
    const { r } = generate('thong-bao-ket-luan');
    expect(r.message).toContain(DOCUMENT_LAYOUT.keepTogether);
  });
});

describe('the local Docs service', () => {
  const fresh = () => {
    const runtime = new Runtime({ advancedServices: ['Docs'] });
    const app = runtime.services.DocumentApp;
    const docs = runtime.globals.Docs as NonNullable<typeof runtime.globals.Docs>;
    const doc = app.create('t') as unknown as {
      getBody(): GoogleAppsScript.Document.Body;
      saveAndClose(): void;
      getId(): string;
    };
    return { runtime, docs, doc, body: doc.getBody() };
  };

  it('indexes as the Docs API does: section break, paragraphs with their newline, one index per table, row and cell start and one at the table end', () => {
    const { docs, doc, body } = fresh();
    body.getChild(0).asParagraph().setText('ab');
    body.appendTable([['x']]);
    doc.saveAndClose();
    const content = docs.Documents.get(doc.getId()).body?.content ?? [];
    expect(content.map((e) => [e.startIndex ?? 0, e.endIndex])).toEqual([
      [0, 1],
      [1, 4],
      [4, 10],
      [10, 11],
    ]);
    const row = (
      content[2]!.table as {
        tableRows: {
          startIndex: number;
          tableCells: { startIndex: number; content: { startIndex: number; endIndex: number }[] }[];
        }[];
      }
    ).tableRows[0];
    expect(row?.startIndex).toBe(5);
    expect(row?.tableCells[0]?.startIndex).toBe(6);
    expect(row?.tableCells[0]?.content[0]).toMatchObject({ startIndex: 7, endIndex: 9 });
    expect(keepTogetherRequests(content)).toEqual([
      {
        updateTableRowStyle: {
          tableStartLocation: { index: 4 },
          tableRowStyle: { preventOverflow: true },
          fields: 'preventOverflow',
        },
      },
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 4 },
          paragraphStyle: { keepWithNext: true },
          fields: 'keepWithNext',
        },
      },
    ]);
  });

  it('batchUpdate is all or nothing: a wrong table start changes nothing and says so', () => {
    const { docs, doc, body, runtime } = fresh();
    body.getChild(0).asParagraph().setText('ab');
    body.appendTable([['x']]);
    doc.saveAndClose();
    const requests = [
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 4 },
          paragraphStyle: { keepWithNext: true },
          fields: 'keepWithNext',
        },
      },
      {
        updateTableRowStyle: {
          tableStartLocation: { index: 5 },
          tableRowStyle: { preventOverflow: true },
          fields: 'preventOverflow',
        },
      },
    ];
    expect(() => docs.Documents.batchUpdate({ requests } as never, doc.getId())).toThrow(
      /table start location is invalid/,
    );
    const local = runtime.services.DocumentApp.created[0] as LocalDocument;
    expect(topParagraphsKept(local)).toEqual([]);
    expect(() => docs.Documents.batchUpdate({ requests: [] } as never, doc.getId())).toThrow(/at least one request/);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { updateParagraphStyle: { range: { startIndex: 1, endIndex: 4 }, paragraphStyle: { keepWithNext: true } } },
          ],
        } as never,
        doc.getId(),
      ),
    ).toThrow(/fields is required/);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateParagraphStyle: {
                range: { startIndex: 1, endIndex: 99 },
                paragraphStyle: {},
                fields: 'keepWithNext',
              },
            },
          ],
        } as never,
        doc.getId(),
      ),
    ).toThrow(/outside the body/);
    expect(() =>
      docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'x' } }] } as never, doc.getId()),
    ).toThrow(/not supported/);
  });

  it('a Doc with unsaved DocumentApp changes, an unknown id, or a user without the documents scope is refused', () => {
    const { docs, doc, body } = fresh();
    body.appendParagraph('chưa lưu');
    expect(() => docs.Documents.get(doc.getId())).toThrow(/not yet saved/);
    expect(() => docs.Documents.get('1nope')).toThrow(/Requested entity was not found/);
    const limited = new Runtime({
      advancedServices: ['Docs'],
      grantedScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(() => limited.globals.Docs?.Documents.get('x')).toThrow(/permission|quyền|documents/i);
  });
});

describe('Giấy mời (one invitation a page) with the service enabled', () => {
  const { runtime, generate } = setup(['Docs']);
  runtime.resetCalls();
  const { doc } = generate('giay-moi');
  const calls = runtime.calls;
  const snap = doc.snapshot();

  it('no Docs API call (its own layout, nothing to keep together); one HTML sheet per page break, none numbered', () => {
    expect(Object.keys(calls).filter((k) => k.startsWith('Docs.'))).toEqual([]);
    const breaks = snap.blocks.reduce((n, b) => n + (b.type === 'table' ? 0 : (b.pageBreaks ?? 0)), 0);
    expect(breaks).toBeGreaterThan(1);
    const pages = paginate(snap);
    expect(pages.length).toBeGreaterThanOrEqual(breaks);
    expect(docHtml(snap)).not.toContain('class="page-number"');
  });
});

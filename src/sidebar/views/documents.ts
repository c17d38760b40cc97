/** "Văn bản đã tạo": links to the documents made, newest first. */
import type { DocumentDto } from '../../rpc/contract';
import { h } from '../dom';
import { formatDay } from '../i18n';
import { safeUrl } from '../model';
import type { ViewContext } from '../state';

/** Documents the overview lists at most (the newest); the rest are in the "Văn bản" sheet. */
export const OVERVIEW_DOCUMENTS = 10;

/** The overview's documents, newest first. */
export function documentsOf(ctx: ViewContext): DocumentDto[] {
  const list = ctx.state.overview?.documents ?? [];
  return [...list].sort((a, b) => (b.createdAt || '').localeCompare(a.createdAt || ''));
}

/** A link to a document (https only; anything else is shown as plain text). */
export function documentLink(doc: { url: string; title: string; number?: string }, label?: string): HTMLElement {
  const url = safeUrl(doc.url);
  const text = label ?? (doc.title || doc.number || doc.url);
  return url
    ? h('a', { class: 'doc-link', href: url, target: '_blank', rel: 'noopener noreferrer' }, text)
    : h('span', { class: 'doc-link' }, text);
}

export function documentsView(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  const docs = documentsOf(ctx);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-documents' },
    h('div', { class: 'section-head' }, h('h2', { id: 'h-documents' }, t.documents)),
    docs.length === 0
      ? h('p', { class: 'muted' }, t.documentsEmpty)
      : h(
          'ul',
          { class: 'docs' },
          docs.map((d) =>
            h(
              'li',
              { class: 'doc' },
              h(
                'span',
                { class: 'doc-meta' },
                [d.number, d.date ? formatDay(d.date) : ''].filter(Boolean).join(' · '),
                safeUrl(d.url) ? null : ` (${t.noLink})`,
              ),
              documentLink(d),
              d.kind ? h('span', { class: 'doc-kind' }, d.kind) : null,
              // Who besides its maker can open it, as the log says ("Người xem: a@…, b@…").
              d.sharedWith
                ? h(
                    'span',
                    { class: 'doc-shared', title: d.sharedWith },
                    d.sharedWith.length > 80 ? `${d.sharedWith.slice(0, 79)}…` : d.sharedWith,
                  )
                : null,
            ),
          ),
        ),
    docs.length >= OVERVIEW_DOCUMENTS ? h('p', { class: 'more' }, t.olderDocuments) : null,
  );
}

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

/** A number given and still valid ("05/TB-BCĐ"): the entries "Hủy số" is offered for. */
export function voidable(doc: DocumentDto): boolean {
  return !doc.draft && !doc.voided && /^\s*\d{1,6}\s*\//.test(doc.number);
}

/** "Cấp số" on a draft, "Hủy số" on a number given (with its inline form), or nothing. */
function numberActions(ctx: ViewContext, d: DocumentDto): HTMLElement | null {
  const { t, state } = ctx;
  const busy = state.busy !== null;
  if (d.draft && d.url) {
    return h(
      'div',
      { class: 'doc-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'action small',
          'data-key': `issue-${d.url}`,
          'aria-label': t.issueNumberLabel(d.title || d.url),
          'aria-disabled': busy ? 'true' : null,
          onclick: () => {
            if (state.busy === null) ctx.issueDraft(d.url);
          },
        },
        t.issueNumber,
      ),
    );
  }
  if (!voidable(d)) return null;
  const form = state.voidForm?.number === d.number ? state.voidForm : null;
  if (!form) {
    return h(
      'div',
      { class: 'doc-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'action small',
          'data-key': `void-${d.number}`,
          'aria-label': t.voidNumberLabel(d.number),
          'aria-expanded': 'false',
          onclick: () => ctx.openVoidForm(d.number),
        },
        t.voidNumber,
      ),
    );
  }
  const id = 'void-reason';
  return h(
    'form',
    {
      class: 'void-form',
      'aria-label': t.voidNumberLabel(d.number),
      onsubmit: (e) => {
        e.preventDefault();
        if (state.busy === null) ctx.submitVoid();
      },
      onkeydown: (e) => {
        if ((e as KeyboardEvent).key === 'Escape') ctx.openVoidForm(null);
      },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, t.voidReason(d.number)),
      h('input', {
        type: 'text',
        id,
        'data-key': id,
        maxlength: 500,
        autocomplete: 'off',
        placeholder: t.voidReasonPlaceholder,
        value: form.reason,
        'aria-invalid': form.error ? 'true' : null,
        'aria-describedby': form.error ? 'void-reason-error' : 'void-warning',
        oninput: (e) => ctx.setVoidReason((e.target as HTMLInputElement).value),
      }),
    ),
    form.error
      ? h('p', { class: 'form-note tone-error', id: 'void-reason-error', role: 'alert' }, t.voidReasonMissing)
      : null,
    h('p', { class: 'form-note muted', id: 'void-warning' }, t.voidWarning),
    h(
      'div',
      { class: 'form-buttons' },
      h(
        'button',
        {
          type: 'submit',
          class: 'action primary',
          'data-key': 'void-submit',
          'aria-disabled': busy ? 'true' : null,
        },
        t.voidNumber,
      ),
      h(
        'button',
        { type: 'button', class: 'action', 'data-key': 'void-close', onclick: () => ctx.openVoidForm(null) },
        t.voidClose,
      ),
    ),
  );
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
              {
                class: `doc${d.draft ? ' is-draft' : ''}${d.voided ? ' is-voided' : ''}`,
                'data-number': d.draft ? null : d.number || null,
              },
              h(
                'span',
                { class: 'doc-meta' },
                [d.number, d.date ? formatDay(d.date) : ''].filter(Boolean).join(' · '),
                safeUrl(d.url) ? null : ` (${t.noLink})`,
              ),
              documentLink(d),
              d.kind ? h('span', { class: 'doc-kind' }, d.kind) : null,
              d.draft ? h('span', { class: 'doc-state tone-warn', 'data-key-state': 'draft' }, t.draftTag) : null,
              d.voided ? h('span', { class: 'doc-state tone-error', 'data-key-state': 'voided' }, t.voidedTag) : null,
              // Who besides its maker can open it, as the log says ("Người xem: a@…, b@…").
              d.sharedWith
                ? h(
                    'span',
                    { class: 'doc-shared', title: d.sharedWith },
                    d.sharedWith.length > 80 ? `${d.sharedWith.slice(0, 79)}…` : d.sharedWith,
                  )
                : null,
              numberActions(ctx, d),
            ),
          ),
        ),
    docs.length >= OVERVIEW_DOCUMENTS ? h('p', { class: 'more' }, t.olderDocuments) : null,
  );
}

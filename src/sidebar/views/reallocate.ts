/**
 * The preview of a re-allocation: old → new Số chính thức per unit, by name, the changed units
 * first and highlighted, the totals and the method before/after; "Xác nhận phân bổ lại" sends the
 * preview's digest, so the server refuses if the data changed in between. Nothing is written before.
 */
import type { AllocationPreviewDto, AllocationPreviewRowDto } from '../../rpc/contract';
import { h } from '../dom';
import { formatNumber, REALLOCATE } from '../i18n';

const n = (v: number | null) => (v === null ? REALLOCATE.blank : formatNumber(v));

function row(r: AllocationPreviewRowDto): HTMLTableRowElement {
  const delta = r.oldFinal === null ? '' : r.newFinal - r.oldFinal;
  return h(
    'tr',
    { class: r.changed ? 'changed' : null, 'data-code': r.code },
    h('th', { scope: 'row' }, r.name || r.code),
    h('td', { class: 'num' }, n(r.oldFinal)),
    h(
      'td',
      { class: 'num' },
      n(r.newFinal),
      r.changed && delta !== '' && delta !== 0
        ? h('span', { class: 'delta' }, ` (${delta > 0 ? '+' : ''}${formatNumber(delta)})`)
        : null,
      r.changed ? h('span', { class: 'sr-only' }, `, ${REALLOCATE.changedLabel}`) : null,
    ),
  );
}

function table(rows: readonly AllocationPreviewRowDto[], totals?: { old: number; new: number }): HTMLTableElement {
  return h(
    'table',
    { class: 'preview-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, REALLOCATE.unit),
        h('th', { scope: 'col', class: 'num' }, REALLOCATE.now),
        h('th', { scope: 'col', class: 'num' }, REALLOCATE.after),
      ),
    ),
    h('tbody', null, rows.map(row)),
    totals
      ? h(
          'tfoot',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, REALLOCATE.total),
            h('td', { class: 'num' }, formatNumber(totals.old)),
            h('td', { class: 'num' }, formatNumber(totals.new)),
          ),
        )
      : null,
  );
}

/** The preview with its two buttons; `confirm` is called with the digest to send. */
export function reallocateView(
  preview: AllocationPreviewDto,
  confirm: (digest: string) => void,
  cancel: () => void,
): HTMLElement {
  const changed = preview.rows.filter((r) => r.changed);
  const same = preview.rows.filter((r) => !r.changed);
  return h(
    'div',
    { class: 'reallocate', id: 'reallocate-preview' },
    h('p', { class: 'reallocate-method' }, REALLOCATE.method(preview.methodBeforeName, preview.methodAfterName)),
    h('p', null, REALLOCATE.changedCaption(changed.length)),
    table(changed, { old: preview.oldTotal, new: preview.newTotal }),
    same.length > 0
      ? h('details', { class: 'reallocate-same' }, h('summary', null, REALLOCATE.unchanged(same.length)), table(same))
      : null,
    h('p', { class: 'reallocate-warning' }, REALLOCATE.warning),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'action primary',
          'data-key': 'reallocate-confirm',
          onclick: () => confirm(preview.digest),
        },
        h('span', { class: 'action-text' }, h('span', { class: 'action-label' }, REALLOCATE.confirm)),
      ),
      h(
        'button',
        { type: 'button', class: 'action', 'data-key': 'reallocate-cancel', onclick: cancel },
        h('span', { class: 'action-text' }, h('span', { class: 'action-label' }, REALLOCATE.cancel)),
      ),
    ),
  );
}

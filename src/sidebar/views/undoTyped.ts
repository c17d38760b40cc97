/**
 * The cells of the add-in's columns typed by hand after the re-allocation, that "Hoàn tác phân bổ"
 * would replace: cell, unit (by name) and column, what it holds → what comes back. Nothing is written
 * before "Thay các ô này và hoàn tác", which sends the digest of these very cells (refused by the
 * server if someone changed them in between).
 */
import type { TypedOverCellDto } from '../../rpc/contract';
import { h } from '../dom';
import { REALLOCATE } from '../i18n';

export function undoTypedView(
  cells: readonly TypedOverCellDto[],
  total: number,
  confirm: () => void,
  cancel: () => void,
): HTMLElement {
  return h(
    'div',
    { class: 'reallocate', id: 'undo-typed' },
    h('p', null, REALLOCATE.undoTypedCaption(Math.max(total, cells.length))),
    total > cells.length
      ? h(
          'p',
          { class: 'hint', 'data-key': 'undo-typed-more' },
          REALLOCATE.undoTypedMore(cells.length, total - cells.length),
        )
      : null,
    h(
      'table',
      { class: 'preview-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, REALLOCATE.undoTypedCell),
          h('th', { scope: 'col' }, REALLOCATE.undoTypedUnit),
          h('th', { scope: 'col' }, REALLOCATE.undoTypedNow),
          h('th', { scope: 'col' }, REALLOCATE.undoTypedRestored),
        ),
      ),
      h(
        'tbody',
        null,
        cells.map((c) =>
          h(
            'tr',
            { class: 'changed', 'data-cell': c.cell },
            h('th', { scope: 'row' }, `${c.sheet}!${c.cell}`),
            h('td', null, `${c.name || c.code} – ${c.column}`),
            h('td', null, c.typed),
            h('td', null, c.restored),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        { type: 'button', class: 'action primary', 'data-key': 'undo-typed-confirm', onclick: confirm },
        h('span', { class: 'action-text' }, h('span', { class: 'action-label' }, REALLOCATE.undoTypedConfirm)),
      ),
      h(
        'button',
        { type: 'button', class: 'action', 'data-key': 'undo-typed-cancel', onclick: cancel },
        h('span', { class: 'action-text' }, h('span', { class: 'action-label' }, REALLOCATE.cancel)),
      ),
    ),
  );
}

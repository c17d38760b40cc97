/**
 * "So sánh phương pháp": a button, then a table of units (by name) × the six methods, the cells that
 * differ from the configured method highlighted, quota violations (*) and Alabama flags (▼) marked, and
 * one sentence per method on what it guarantees and what it does on these data. Reads only (the server
 * writes nothing). The section keeps its own element and state, so the sidebar's re-renders leave it be.
 */
import type { CompareMethodsResultDto } from '../../rpc/contract';
import { fill, h } from '../dom';
import { COMPARE, formatNumber } from '../i18n';
import { call } from '../rpc';

type Run = (() => Promise<CompareMethodsResultDto>) | undefined;

/** The table and the sentences for one result (exported for tests). */
export function comparisonView(r: CompareMethodsResultDto): HTMLElement {
  if (!r.ok) return h('p', { class: 'compare-error', role: 'alert' }, r.message);
  const configured = r.methods.find((m) => m.method === r.configured);
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, COMPARE.unit),
    r.methods.map((m) =>
      h(
        'th',
        {
          scope: 'col',
          class: m.method === r.configured ? 'num configured' : 'num',
          title: m.name,
          'data-method': m.method,
        },
        COMPARE.short[m.method] ?? m.method,
      ),
    ),
  );
  const body = r.units.map((u) =>
    h(
      'tr',
      { 'data-code': u.code },
      h('th', { scope: 'row', title: `${COMPARE.quota}: ${u.quota.toFixed(2).replace('.', ',')}` }, u.name),
      r.methods.map((m) => {
        if (m.error) return h('td', { class: 'num' }, '–');
        const seats = m.seats[u.code] ?? 0;
        const differs = m.differs.includes(u.code);
        const marks = `${m.quotaViolations.includes(u.code) ? '*' : ''}${m.alabama.includes(u.code) ? '▼' : ''}`;
        return h(
          'td',
          {
            class: differs ? 'num differs' : 'num',
            'data-method': m.method,
            ...(differs && configured ? { title: `${configured.seats[u.code] ?? 0} → ${seats}` } : {}),
          },
          formatNumber(seats),
          marks ? h('span', { class: 'compare-mark' }, marks) : null,
        );
      }),
    ),
  );
  const foot = h(
    'tr',
    null,
    h('th', { scope: 'row' }, COMPARE.total),
    r.methods.map((m) => h('td', { class: 'num' }, m.error ? '–' : formatNumber(r.houseSize))),
  );
  return h(
    'div',
    { class: 'compare-result' },
    h('p', { class: 'muted' }, COMPARE.caption(r.houseSize, COMPARE.short[r.configured] ?? r.configured)),
    h(
      'div',
      { class: 'compare-scroll' },
      h('table', { class: 'compare-table' }, h('thead', null, head), h('tbody', null, body), h('tfoot', null, foot)),
    ),
    h('p', { class: 'muted' }, COMPARE.legend),
    h(
      'ul',
      { class: 'compare-methods' },
      r.methods.map((m) =>
        h(
          'li',
          { 'data-method': m.method },
          h('strong', null, m.name, m.method === r.configured ? ` (${COMPARE.configured})` : ''),
          ': ',
          COMPARE.guarantee[m.method] ?? '',
          ' ',
          m.error
            ? COMPARE.unavailable(m.error)
            : [
                m.method === r.configured ? '' : COMPARE.differs(m.differs.length),
                ' ',
                COMPARE.violations(m.quotaViolations.length),
                ' ',
                COMPARE.alabama(m.alabama.length),
              ],
        ),
      ),
    ),
    h('p', { class: 'muted' }, COMPARE.boundsNote),
  );
}

/** The section, built once; `run` defaults to the server call. */
export function compareSection(run: Run = () => call('compareMethods')): HTMLElement {
  const out = h('div', { class: 'compare-out', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'action',
      'data-key': 'compare-methods',
      onclick: () => {
        if (!run) return;
        button.disabled = true;
        button.textContent = COMPARE.running;
        run()
          .then((r) => fill(out, comparisonView(r)))
          .catch((e: unknown) =>
            fill(out, h('p', { class: 'compare-error', role: 'alert' }, e instanceof Error ? e.message : String(e))),
          )
          .finally(() => {
            button.disabled = false;
            button.textContent = COMPARE.run;
          });
      },
    },
    COMPARE.run,
  );
  return h(
    'details',
    { class: 'section compare', 'data-section': 'compare' },
    h('summary', null, h('h2', { id: 'h-compare', class: 'compare-title' }, COMPARE.title)),
    h('p', { class: 'muted' }, COMPARE.intro),
    button,
    out,
  );
}

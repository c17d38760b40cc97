/**
 * "Cách tính" under a finished allocation: the method and the summary sentences, then every unit by name
 * with why it got its number (the same text as the `Cách tính` column of `Phân bổ`), folded in a
 * <details> so a province of hundreds of communes stays readable. A failed allocation shows nothing here:
 * its message alone says why.
 */
import type { AllocationResultDto } from '../../rpc/contract';
import { type Child, h } from '../dom';
import type { Strings } from '../i18n';

export function allocationExplanation(r: AllocationResultDto): ((s: Strings) => Child) | undefined {
  if (!r.ok) return undefined;
  const lines = [...(r.methodName ? [r.methodName] : []), ...r.explanation];
  const units = r.rows.filter((row) => row.reason);
  if (lines.length === 0 && units.length === 0) return undefined;
  return (s) =>
    h(
      'div',
      { class: 'explain' },
      h('div', { class: 'explain-title' }, s.explanation),
      h(
        'ul',
        null,
        lines.map((l) => h('li', null, l)),
      ),
      units.length > 0
        ? h(
            'details',
            { class: 'explain-units' },
            h('summary', null, s.explanationUnits(units.length)),
            h(
              'ul',
              null,
              units.map((row) =>
                h('li', { 'data-code': row.code }, h('span', { class: 'explain-unit' }, row.name), ': ', row.reason),
              ),
            ),
          )
        : null,
    );
}

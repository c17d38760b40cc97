/**
 * Every action once on the second half of the decorated corpus (look-alike sheet names, an incomplete template, a protected range),
 * whole-cell snapshots before and after. Known findings: known.ts.
 */
import { ACTIONS } from './actions';
import { CORPUS } from './corpus';
import { trustTests } from './trust';

for (const w of CORPUS.slice(4)) {
  describe(w.name, () => {
    for (const a of ACTIONS) trustTests(w, [{ action: a }]);
  });
}

/**
 * Every action once on the first half of the decorated corpus (the samples as users keep them, a look-alike sheet name),
 * whole-cell snapshots before and after. Known findings: known.ts.
 */
import { ACTIONS } from './actions';
import { CORPUS } from './corpus';
import { trustTests } from './trust';

for (const w of CORPUS.slice(0, 4)) {
  describe(w.name, () => {
    for (const a of ACTIONS) trustTests(w, [{ action: a }]);
  });
}

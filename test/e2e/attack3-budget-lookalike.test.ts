/**
 * Attack on validateAll's lazy protections: the delegates sheet under a look-alike name ("Đại biểu "
 * with a trailing space, NFD, capitals) — read as the template's — with a problem cell protected
 * against the helper. The protections are keyed by the sheet's real name: the helper's check must
 * still find them, report the cell and go through.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { builtCodePath } from '../../local/testing';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { COLLABORATOR, CORPUS, sheet } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';

describe('attack budget: a protected cell on a look-alike delegates sheet', () => {
  builtCodePath();

  for (const w of CORPUS.filter((c) => c.name.startsWith('look-alike'))) {
    it(w.name, () => {
      const ss = w.build();
      const d = sheet(ss, w.delegatesSheet);
      const year = (d.getRange(1, 1, 1, d.getLastColumn()).getValues()[0] ?? []).indexOf('Năm sinh') + 1;
      expect(year).toBeGreaterThan(0);
      d.getRange(3, year).setValue(1850); // impossible: a problem in the protected cell
      d.getRange(5, year).setValue(1851); // and one the helper may mark
      const p = d.getRange(3, year).protect();
      p.removeEditors(p.getEditors());
      const before = snapshot(ss);
      let message = '';
      try {
        const run = runBundle(new Runtime({ spreadsheet: ss, user: COLLABORATOR, now: w.now }), 'validateAll') as {
          result: ValidationResultDto;
        };
        message = run.result.message;
      } catch (e) {
        message = `threw: ${(e as Error).message}`;
      }
      expect(message).toContain('1 ô được bảo vệ');
      expect(d.getRange(3, year).getBackground()).toBe(NO_FILL);
      expect(d.getRange(5, year).getBackground()).toBe(MARK_COLORS.error);
      const changed = diff(before, snapshot(ss)).filter((x) => x.sheet === w.delegatesSheet);
      expect(changed.filter((x) => x.field !== 'background' && x.field !== 'note')).toEqual([]);
    });
  }
});

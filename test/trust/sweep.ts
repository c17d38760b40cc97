/** Declares the fault-sweep tests of workbooks × actions (known findings: check "faults" in known.ts). */
import { corpusWorkbook } from './corpus';
import { sweep } from './faults';
import { knownFindings } from './known';
import { shorten, unexplained } from './trust';

/** `before`: actions run cleanly first (e.g. the allocation the allocation notice needs). */
export function sweepTests(
  workbooks: readonly string[],
  actions: readonly string[],
  before: readonly string[] = [],
): void {
  for (const name of workbooks) {
    const w = corpusWorkbook(name);
    describe(w.name, () => {
      for (const action of actions) {
        describe([...before, action].join(' → '), () => {
          let result: { lines: string[]; faults: number } | undefined;
          const get = () => {
            result ??= sweep(w, action, knownFindings(w.name, action, 'user'), before);
            return result;
          };
          const known = knownFindings(w.name, action, 'faults');
          test('whichever write fails, no user cell is lost and the message names what remains changed', () => {
            expect(get().faults).toBeGreaterThan(0);
            expect(shorten(unexplained(get().lines, known))).toEqual([]);
          });
          for (const k of known) {
            test.failing(`faults [TRUST ${k.area}: ${k.finding}]`, () => {
              expect(shorten(get().lines.filter((l) => k.match.test(l)))).toEqual([]);
            });
          }
        });
      }
    });
  }
}

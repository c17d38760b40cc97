/**
 * Declares the trust tests of one workbook × step list: one test per check for anything not yet
 * known (must pass), and one `test.failing` per known finding (see known.ts).
 */
import { runSteps, type Step, stepName } from './actions';
import { type Checked, check } from './checks';
import type { CorpusWorkbook } from './corpus';
import { type CheckName, type Finding, knownFindings } from './known';

const TITLES: Record<Exclude<CheckName, 'faults'>, string> = {
  user: 'every cell, sheet and protection of the user is as before (marks aside)',
  owned: "the add-in's own cells hold the user's text as text, never a formula or a number",
  twins: 'no look-alike sheet gets a twin',
  stale: 'a corrected cell carries no mark and is exactly as the user left it',
  crashes: 'no unexpected error',
};

/** At most `limit` lines, then a count. */
export function shorten(lines: readonly string[], limit = 12): string[] {
  return lines.length <= limit ? [...lines] : [...lines.slice(0, limit), `… and ${lines.length - limit} more`];
}

/** The lines no known finding explains. */
export function unexplained(lines: readonly string[], known: readonly Finding[]): string[] {
  return lines.filter((l) => !known.some((k) => k.match.test(l)));
}

export function trustTests(w: CorpusWorkbook, steps: readonly Step[]): void {
  const names = steps.map(stepName).join(' → ');
  describe(names, () => {
    let checked: Checked | undefined;
    const get = (): Checked => {
      if (!checked) {
        const { baseline, after, outcomes } = runSteps(w, steps);
        checked = check(w, steps, baseline, after, outcomes);
      }
      return checked;
    };
    for (const name of Object.keys(TITLES) as (keyof typeof TITLES)[]) {
      if (name === 'stale' && !steps.some((s) => 'edit' in s && s.edit.cleaned)) continue;
      const known = knownFindings(w.name, names, name);
      test(TITLES[name], () => {
        expect(shorten(unexplained(get()[name], known))).toEqual([]);
      });
      for (const k of known) {
        test.failing(`${TITLES[name]} [TRUST ${k.area}: ${k.finding}]`, () => {
          expect(shorten(get()[name].filter((l) => k.match.test(l)))).toEqual([]);
        });
      }
    }
  });
}

/** Declares the trust tests of one workbook × step list, marking known findings as failing. */
import { runSteps, type Step, stepName } from './actions';
import { type Checked, check } from './checks';
import type { CorpusWorkbook } from './corpus';
import { type CheckName, knownFinding } from './known';

const TITLES: Record<Exclude<CheckName, 'faults'>, string> = {
  user: 'every cell, sheet and protection of the user is as before (marks aside)',
  owned: "the add-in's own cells hold the user's text as text, never a formula or a number",
  twins: 'no look-alike sheet gets a twin',
  stale: 'a corrected cell carries no mark and is exactly as the user left it',
  crashes: 'no unexpected error',
};

export function trustTests(w: CorpusWorkbook, steps: readonly Step[]): void {
  const steps_ = steps.map(stepName).join(' → ');
  describe(steps_, () => {
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
      const known = knownFinding(w.name, steps_, name);
      const t = known ? test.failing : test;
      t(TITLES[name], () => {
        expect(get()[name]).toEqual([]);
      });
    }
  });
}

/**
 * The trust checks of one run, from the user's side: what the user owns is unchanged (marks aside),
 * what the add-in wrote is the user's text as text, a look-alike sheet is never duplicated, a
 * corrected cell loses its mark entirely, and a failure is never a crash.
 */
import type { RunOutcome, Step } from './actions';
import type { CorpusWorkbook } from './corpus';
import {
  CELL_FIELDS,
  cellOf,
  type Difference,
  describe,
  ownedCellProblems,
  sheetOf,
  userDiff,
  type WorkbookSnapshot,
} from './snapshot';

export interface Checked {
  /** User cells or sheets changed (beyond marks). */
  user: string[];
  /** Add-in cells holding formulas or codes/names that are not the user's text. */
  owned: string[];
  /** A look-alike of a template sheet got a twin. */
  twins: string[];
  /** Corrected cells still marked or otherwise different from the baseline. */
  stale: string[];
  /** Crashes (an unexpected error rather than a clear Vietnamese message). */
  crashes: string[];
}

const UNEXPECTED = 'Đã xảy ra lỗi ngoài dự kiến';

/** Sheet names as a person reads them: NFC, trimmed, case-folded. */
export function readAs(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('vi');
}

export function check(
  w: CorpusWorkbook,
  steps: readonly Step[],
  baseline: WorkbookSnapshot,
  after: WorkbookSnapshot,
  outcomes: readonly RunOutcome[],
): Checked {
  const allocated = outcomes.some(
    (o) => (o.result as { ok?: boolean } | undefined)?.ok === true && 'houseSize' in (o.result as object),
  );
  const setup = steps.some((s) => 'action' in s && s.action.fn === 'setupWorkbook');
  const twins: string[] = [];
  const seen = new Map<string, string[]>();
  for (const s of after.sheets) seen.set(readAs(s.name), [...(seen.get(readAs(s.name)) ?? []), s.name]);
  for (const [, names] of seen) if (names.length > 1) twins.push(names.map((n) => JSON.stringify(n)).join(' + '));
  const stale: Difference[] = [];
  for (const s of steps) {
    if (!('edit' in s) || !s.edit.cleaned) continue;
    for (const ref of s.edit.cleaned(w)) {
      const [sheet, cell] = ref.split('!') as [string, string];
      const b = cellOf(sheetOf(baseline, sheet), cell);
      const a = cellOf(sheetOf(after, sheet), cell);
      for (const f of CELL_FIELDS) if (b[f] !== a[f]) stale.push({ sheet, cell, field: f, before: b[f], after: a[f] });
    }
  }
  return {
    user: describe(userDiff(baseline, after, { additions: setup }), Number.POSITIVE_INFINITY),
    owned: describe(ownedCellProblems(baseline, after, allocated), Number.POSITIVE_INFINITY),
    twins,
    stale: describe(stale, Number.POSITIVE_INFINITY),
    crashes: outcomes.filter((o) => o.error?.startsWith(UNEXPECTED)).map((o) => o.error as string),
  };
}

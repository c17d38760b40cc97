/**
 * Fault sweep: for one workbook and one action, count the writing calls of a clean run, then fail
 * each write N in turn (a Google outage at that exact call) and judge what the user is left with.
 */
import { action as actionNamed, baselineOf, messageOf, run, runtimeFor } from './actions';
import type { CorpusWorkbook } from './corpus';
import type { Finding } from './known';
import {
  type Difference,
  diff,
  isAddInSheet,
  describe as lines,
  OWNED_SHEETS,
  snapshot,
  userDiff,
  type WorkbookSnapshot,
} from './snapshot';

/** Calls that change something (a sheet, a document, a property), by "<Class>.<method>". */
export const WRITE =
  /\.(set(?!Active)[A-Z]\w*|insert\w*|delete\w*|clear\w*|append\w*|create|remove\w*|merge|breakApart|protect|add\w*|hideSheet|showSheet|copyTo|moveTo|sort|replaceText|saveAndClose|flush|copy|makeCopy|share)$/;

/** The writing calls of a run, with their counts. */
export function writes(calls: Record<string, number>): [string, number][] {
  return Object.entries(calls)
    .filter(([k]) => k !== 'total' && WRITE.test(k) && !/^(Lock|DataValidationBuilder)\./.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
}

const DOCUMENT_CLASSES =
  /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|ListItem|HeaderSection|FooterSection)\./;

/**
 * Which calls of a key to fail: every one when few, else the first, second, middle and last; one
 * per key inside a Google Doc (its content is not in the workbook; what matters is the log row).
 */
export function sample(key: string, count: number): number[] {
  if (DOCUMENT_CLASSES.test(key)) return [0];
  if (count <= 6) return Array.from({ length: count }, (_, i) => i);
  return [...new Set([0, 1, Math.floor(count / 2), count - 1])];
}

const normalize = (s: string) => s.normalize('NFC');

/** A difference the user can see: not a number format left on an empty cell of the add-in's own sheets. */
function visible(d: Difference): boolean {
  return !(OWNED_SHEETS.has(d.sheet) && d.field === 'numberFormat');
}

/**
 * One line per fault that leaves the user worse off: a user cell lost; the workbook changed while the
 * message does not name every changed sheet; a write failed silently with a different result.
 */
export function sweep(
  w: CorpusWorkbook,
  actionName: string,
  knownUserLosses: readonly Finding[],
  before: readonly string[] = [],
): { lines: string[]; faults: number } {
  const a = actionNamed(actionName);
  /** A fresh copy with the actions that come first run cleanly, and its runtime. */
  const prepared = () => {
    const ss = w.build();
    const runtime = runtimeFor(ss, w);
    for (const b of before) run(runtime, actionNamed(b));
    return { ss, runtime };
  };
  const baseline: WorkbookSnapshot = before.length > 0 ? snapshot(prepared().ss) : baselineOf(w, []);
  const { ss: cleanSs, runtime: cleanRuntime } = prepared();
  const clean = run(cleanRuntime, a);
  const cleanAfter = snapshot(cleanSs);
  const out: string[] = [];
  let faults = 0;
  for (const [key, count] of writes(clean.calls)) {
    for (const n of sample(key, count)) {
      faults++;
      const { ss, runtime } = prepared();
      runtime.failOn(key, { after: n });
      const outcome = run(runtime, a);
      const after = snapshot(ss);
      const where = `${key} #${n + 1}`;
      // Losses a clean run shows too are reported by the single-action tests already.
      const losses = lines(
        userDiff(baseline, after, { additions: a.fn === 'setupWorkbook' }),
        Number.POSITIVE_INFINITY,
      ).filter((l) => !knownUserLosses.some((k) => k.match.test(l)));
      for (const l of losses.slice(0, 3)) out.push(`${where}: user cell lost: ${l}`);
      if (outcome.error === undefined) {
        if (diff(cleanAfter, after).length > 0)
          out.push(`${where}: failed silently ("${messageOf(outcome)}") and the workbook differs from a clean run`);
        continue;
      }
      const message = normalize(outcome.error);
      const addIn = new Set(after.sheets.filter(isAddInSheet).map((s) => s.name));
      const beforeNames = new Set(baseline.sheets.map((s) => s.name));
      const afterNames = new Set(after.sheets.map((s) => s.name));
      // A sheet added or removed is named by its own name; cells are named by their sheet.
      const changed = [
        ...new Set([
          ...[...afterNames].filter((n) => !beforeNames.has(n) && !addIn.has(n)),
          ...[...beforeNames].filter((n) => !afterNames.has(n)),
          ...diff(baseline, after)
            .filter((d) => d.sheet !== '' && visible(d) && !addIn.has(d.sheet))
            .map((d) => d.sheet),
        ]),
      ];
      const unnamed = changed.filter((s) => !message.includes(normalize(s).trim()));
      if (unnamed.length > 0)
        out.push(`${where}: left ${unnamed.join(', ')} changed, message does not say so: "${outcome.error}"`);
    }
  }
  return { lines: out, faults };
}

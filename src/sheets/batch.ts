/**
 * All-or-nothing writes. Every block write records how to put back what was there (the previous
 * content is always already in memory: it was read first), so when a Google service call fails
 * midway the blocks already written are restored and the user gets one clear message instead of
 * a half-updated sheet.
 */
import { MESSAGES } from '../ui/vi';
import { UserError } from './lock';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Grid = unknown[][];

export class WriteBatch {
  private readonly undo: (() => void)[] = [];

  values(range: Range, next: Grid, previous: Grid): void {
    range.setValues(next);
    this.undo.push(() => range.setValues(previous));
  }

  backgrounds(range: Range, next: string[][], previous: string[][]): void {
    range.setBackgrounds(next);
    this.undo.push(() => range.setBackgrounds(previous));
  }

  notes(range: Range, next: string[][], previous: string[][]): void {
    range.setNotes(next);
    this.undo.push(() => range.setNotes(previous));
  }

  /** Any other write, with its inverse. */
  custom(write: () => void, inverse: () => void): void {
    write();
    this.undo.push(inverse);
  }

  /** Restores every block written so far, newest first; returns false when a restore failed too. */
  rollback(): boolean {
    let complete = true;
    for (const restore of this.undo.reverse()) {
      try {
        restore();
      } catch (e) {
        complete = false;
        console.error('rollback step failed', e);
      }
    }
    this.undo.length = 0;
    return complete;
  }
}

/**
 * Runs `writes` as one batch: on any failure the batch is rolled back and a UserError tells the
 * user whether the sheet is as it was, or (if even the restore failed) which sheet to check.
 */
export function writeAll<T>(what: string, writes: (batch: WriteBatch) => T): T {
  const batch = new WriteBatch();
  try {
    return writes(batch);
  } catch (e) {
    if (e instanceof UserError) throw e;
    console.error(`${what}: write failed`, e);
    const restored = batch.rollback();
    throw new UserError(restored ? MESSAGES.writeFailedRestored(what) : MESSAGES.writeFailedPartial(what));
  }
}

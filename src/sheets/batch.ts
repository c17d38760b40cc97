/**
 * All-or-nothing writes. Every block write records how to put back what was there (the previous
 * content is always already in memory: it was read first), so when a Google service call fails
 * midway the blocks already written are restored and the user gets one clear message instead of
 * a half-updated sheet.
 *
 * Apps Script may hold writes back and apply them later, so a write can also fail at the flush:
 * the batch ends with SpreadsheetApp.flush() inside the guarded part, and a rollback is flushed too
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush).
 */
import { MESSAGES } from '../ui/vi';
import { noteWritten, UserError } from './lock';

/** Sheets' refusal of an edit of a protected range or sheet, as Apps Script reports it. */
const PROTECTED = /protected cell or object|protected (range|sheet)/i;

type Range = GoogleAppsScript.Spreadsheet.Range;

/** True when `e` is Sheets refusing an edit of a protected range or sheet. */
export function isRefusal(e: unknown): boolean {
  return PROTECTED.test(e instanceof Error ? e.message : String(e));
}

/**
 * A batch refused by a protection and put back completely: the sheets are as they were, so the
 * caller may plan again around the protected cells and retry.
 */
export class RefusedWriteError extends UserError {}

/**
 * A batch that failed with a message not in English and was put back completely. Apps Script words
 * its errors in the user's language, so this may be a refusal by a protection in Vietnamese: a caller
 * that can work around protections looks them up before giving up.
 */
export class RestoredWriteError extends UserError {}
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Grid = unknown[][];

export class WriteBatch {
  private readonly undo: (() => void)[] = [];

  /** Blocks written so far (0 means nothing was changed yet). */
  get writes(): number {
    return this.undo.length;
  }

  /**
   * `previous` must be what setValues needs to put the cells back: a formula where the cell had one,
   * text written so that it stays text (see textInput). restoreInput builds it.
   */
  values(range: Range, next: Grid, previous: Grid): void {
    range.setValues(next);
    this.undo.push(() => range.setValues(previous));
  }

  numberFormats(range: Range, next: string[][], previous: string[][]): void {
    range.setNumberFormats(next);
    this.undo.push(() => range.setNumberFormats(previous));
  }

  backgrounds(range: Range, next: string[][], previous: string[][]): void {
    range.setBackgrounds(next);
    this.undo.push(() => range.setBackgrounds(previous));
  }

  notes(range: Range, next: string[][], previous: string[][]): void {
    range.setNotes(next);
    this.undo.push(() => range.setNotes(previous));
  }

  /**
   * Inserts `howMany` empty rows after row `after` (1-based); the rollback deletes them
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany).
   */
  insertRowsAfter(sheet: Sheet, after: number, howMany: number): void {
    sheet.insertRowsAfter(after, howMany);
    this.undo.push(() => sheet.deleteRows(after + 1, howMany));
  }

  /**
   * Creates a sheet of the add-in, hidden, and leaves the officer on the sheet they were on:
   * insertSheet makes the new sheet active
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)).
   * A hidden sheet is never made active again (activating it would show an officer's hidden sheet).
   * Its inverse deletes the sheet.
   */
  insertHiddenSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Sheet {
    const active = ss.getActiveSheet();
    const sheet = ss.insertSheet(name);
    this.undo.push(() => ss.deleteSheet(sheet));
    sheet.hideSheet();
    if (active && !active.isSheetHidden()) ss.setActiveSheet(active);
    return sheet;
  }

  /** Any other write, with its inverse. */
  custom(write: () => void, inverse: () => void): void {
    write();
    this.undo.push(inverse);
  }

  /**
   * Drops the inverses registered after the first `count` (for a write that was refused before it
   * changed anything, whose inverse was registered ahead of it).
   */
  forgetSince(count: number): void {
    this.undo.length = Math.min(this.undo.length, count);
  }

  /** Restores every block written so far, newest first, and flushes; false when a step failed. */
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
    try {
      SpreadsheetApp.flush();
    } catch (e) {
      complete = false;
      console.error('rollback flush failed', e);
    }
    return complete;
  }
}

/**
 * Runs `writes` as one batch and flushes it: on any failure (a UserError included) the batch is rolled
 * back and a UserError says truthfully whether the sheet is as it was, or (if even the restore failed)
 * which sheet to check.
 */
export function writeAll<T>(what: string, writes: (batch: WriteBatch) => T): T {
  const batch = new WriteBatch();
  try {
    const result = writes(batch);
    if (batch.writes > 0) noteWritten(what);
    SpreadsheetApp.flush();
    return result;
  } catch (e) {
    if (batch.writes === 0 && e instanceof UserError) throw e;
    console.error(`${what}: write failed`, e);
    const restored = batch.rollback();
    const refused = PROTECTED.test(e instanceof Error ? e.message : String(e));
    const message = !restored
      ? MESSAGES.writeFailedPartial(what)
      : refused
        ? MESSAGES.writeProtectedRestored(what)
        : MESSAGES.writeFailedRestored(what);
    if (restored && refused && !(e instanceof UserError)) throw new RefusedWriteError(message);
    // Not in English: maybe Sheets' refusal in the user's language (Google's English messages are ASCII).
    if (restored && !(e instanceof UserError) && /[^\x20-\x7e]/.test(e instanceof Error ? e.message : String(e)))
      throw new RestoredWriteError(message);
    throw new UserError(e instanceof UserError ? `${e.message} ${message}` : message);
  }
}

/** What the local services need from the runtime they run in. */
import type { AuthState } from './auth';
import type { Clock } from './clock';
import type { LocalSpreadsheet } from './spreadsheet';
import type { UiRecorder } from './ui';

/** One log line written by Logger or console. */
export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** The runtime as the services see it; `Runtime` implements it. */
export interface RuntimeContext {
  /** The spreadsheet the add-in is bound to (the "active" one). */
  readonly spreadsheet: LocalSpreadsheet;
  readonly clock: Clock;
  /** Email of the user running the script. */
  readonly user: string;
  /** Repository root; HtmlService reads `<projectDir>/build/<name>.html`. */
  readonly projectDir: string;
  /** The script's time zone (appsscript.json), used by Session.getScriptTimeZone. */
  readonly scriptTimeZone: string;
  /** Menus, dialogs, sidebar and alerts the add-in showed. */
  readonly ui: UiRecorder;
  /** Identity holding locks for this runtime (one "user session"). */
  readonly lockOwner: object;
  /** Called when a lock is acquired, so the runtime can release it when the execution ends. */
  onLockAcquired(release: () => void): void;
  /** Records a log line. */
  log(entry: LogEntry): void;
  /** Scopes the user granted and the execution's authorization mode. */
  readonly auth: AuthState;
  /** Makes this runtime's pending spreadsheet writes visible to others (SpreadsheetApp.flush). */
  flushWrites(): void;
}

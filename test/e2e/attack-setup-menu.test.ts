/**
 * Attack on the menu actions: a Google failure on the very first call (opening the spreadsheet)
 * must still reach the officer as a Vietnamese alert, never as Google's raw English error.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { MESSAGES } from '../../src/ui/vi';

const OUTAGE = 'Service Spreadsheets failed while accessing document with id 1abc.';

describe.each(['menuSetupWorkbook', 'menuAllocateDelegates', 'menuValidateAll'])('%s', (fn) => {
  it('turns a failure to open the spreadsheet into the Vietnamese service message', () => {
    const runtime = new Runtime();
    runtime.failOn('SpreadsheetApp.getActiveSpreadsheet', { message: OUTAGE });
    expect(() => runBundle(runtime, fn)).not.toThrow();
    expect(runtime.ui.alerts.map((a) => a.prompt)).toEqual([MESSAGES.serviceFailed]);
  });

  it('shows its result as a toast when nothing fails', () => {
    const runtime = new Runtime();
    runBundle(runtime, 'setupWorkbook');
    runBundle(runtime, fn);
    expect(runtime.ui.alerts).toEqual([]);
    expect(runtime.spreadsheet.toasts.length).toBe(1);
  });
});

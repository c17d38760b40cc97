/**
 * "A logic error is never reported as a Google service failure": only Google's own failure texts
 * read as "Dịch vụ Google gặp lỗi"; anything else (a sheet name clash, a message that merely
 * mentions "service") is reported as the add-in's error, saying whether anything was written.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { isGoogleServiceFailure } from '../../src/sheets/failures';
import { MESSAGES } from '../../src/ui/vi';

const NOW = '2024-01-14T09:00:00+07:00';

/** Texts Google's services raise (quotas and troubleshooting pages, production logs). */
const GOOGLE_TEXTS = [
  'Service Spreadsheets failed while accessing document with id 1AbC.',
  'Service Spreadsheets timed out while accessing document with id 1AbC.',
  'Service Documents failed while accessing document with id 1AbC.',
  'Service invoked too many times for one day: docs create.',
  'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.',
  'Exceeded maximum execution time',
  'Service error: Spreadsheets',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
  'Service using too much computer time for one day',
  'Exception: Service Spreadsheets failed while accessing document with id 1AbC.',
];

/** Bugs and refusals, some of which mention "service", "quota" or "time out". */
const LOGIC_TEXTS = [
  'A sheet with the name "Đại biểu" already exists. Please enter another name.',
  "Cannot read properties of undefined (reading 'service')",
  'quota must be a number',
  'The coordinates of the range are outside the dimensions of the sheet.',
  'The data validation service rule is invalid',
  'Request timed out in user code',
];

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the run to fail');
}

describe('isGoogleServiceFailure', () => {
  it.each(GOOGLE_TEXTS)('is true for Google: %s', (text) => {
    expect(isGoogleServiceFailure(new Error(text))).toBe(true);
  });
  it.each(LOGIC_TEXTS)('is false for a logic error: %s', (text) => {
    expect(isGoogleServiceFailure(new Error(text))).toBe(false);
    expect(isGoogleServiceFailure(text)).toBe(false);
  });
});

describe('what the user reads', () => {
  it.each(GOOGLE_TEXTS)('a read-only action failing with "%s" says Google failed and nothing changed', (text) => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    runtime.failOn('Range.getValues', { message: text });
    expect(errorOf(() => runBundle(runtime, 'progressSummary'))).toBe(MESSAGES.serviceFailed);
  });

  it.each(LOGIC_TEXTS)('an action failing with "%s" says it is the add-in, not Google, and nothing changed', (text) => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    runtime.failOn('Range.getValues', { message: text });
    const message = errorOf(() => runBundle(runtime, 'progressSummary'));
    expect(message).toBe(MESSAGES.unexpectedNothingChanged(text));
    expect(message).not.toMatch(/Dịch vụ Google gặp lỗi|Dịch vụ Google tạm thời/);
  });

  it('setup failing on a name clash is not blamed on Google', () => {
    const runtime = new Runtime();
    const clash = 'A sheet with the name "Đại biểu" already exists. Please enter another name.';
    runtime.failOn('Spreadsheet.insertSheet', { after: 4, message: clash });
    const message = errorOf(() => runBundle(runtime, 'setupWorkbook'));
    expect(message).toBe(MESSAGES.setupFailed(['Cấu hình', 'Đơn vị', 'Dân tộc theo đơn vị', 'Phân bổ'], clash));
    expect(message).not.toMatch(/Dịch vụ Google gặp lỗi/);
  });

  it('setup failing on Google before writing says the workbook is unchanged', () => {
    const runtime = new Runtime();
    runtime.failOn('Spreadsheet.getSheets');
    expect(errorOf(() => runBundle(runtime, 'setupWorkbook'))).toBe(MESSAGES.setupNotStarted);
  });
});

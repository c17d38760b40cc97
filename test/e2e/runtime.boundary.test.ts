/** The vm loader and the counting boundary, exercised with small fixture bundles. */

import { LocalSpreadsheet, Runtime, runBundle } from '../../local/runtime';
import { writeFixtureBundle } from '../../local/testing';
import { loadBundle } from '../../local/vm';

const FIXTURE = `
var helper = function () { return 'not a declaration'; };
function readA1() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Trang tính1').getRange(1, 1).getValues();
}
function writeRows(n) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  for (var i = 1; i <= n; i++) sheet.getRange(i, 1).setValues([[i]]);
  return n;
}
function tryWrite() {
  try {
    SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').setValues([[1]]);
    return 'ok';
  } catch (e) {
    return { isError: e instanceof Error, name: e.name, message: e.message };
  }
}
function sheetNames() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); });
}
function realms() {
  var values = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:B1').getValues();
  var props = PropertiesService.getDocumentProperties().getProperties();
  return {
    valuesAreArrays: values instanceof Array && values[0] instanceof Array,
    propsAreObjects: props instanceof Object,
    dateIsDate: values[0][0] instanceof Date,
    now: new Date().toISOString(),
    nowMs: Date.now(),
    parsed: new Date(2024, 0, 5, 12).getDate(),
    calledAsFunction: typeof Date(),
  };
}
function echo(a, b) { return { a: a, b: b, isArray: Array.isArray(b) && b instanceof Array }; }
function fail() { throw new Error('Trang "Đơn vị" chưa có đơn vị nào.'); }
function lockAndReturn() { return LockService.getDocumentLock().tryLock(0); }
function globalsSeen() {
  return [typeof setTimeout, typeof require, typeof process, typeof fetch, typeof console.log, typeof Utilities];
}
function private_() { return 1; }
`;

const code = writeFixtureBundle(FIXTURE);
const load = (runtime: Runtime) => loadBundle({ runtime, codePath: code });

describe('loadBundle', () => {
  test('lists the top-level function declarations and calls them', () => {
    const bundle = load(new Runtime());
    expect(bundle.functions).toEqual(expect.arrayContaining(['readA1', 'writeRows', 'echo', 'private_', 'helper']));
    expect(bundle.functions).not.toContain('SpreadsheetApp');
    expect(bundle.functions).not.toContain('Date');
    expect(bundle.call('readA1')).toEqual([['']]);
  });

  test('an unknown function throws Google’s message', () => {
    expect(() => load(new Runtime()).call('nope')).toThrow('Script function not found: nope');
  });

  test('errors thrown by the bundle come out with their message as it is', () => {
    expect(() => load(new Runtime()).call('fail')).toThrow('Trang "Đơn vị" chưa có đơn vị nào.');
  });

  test('results are copied into the host realm; arguments into the bundle’s', () => {
    const result = load(new Runtime()).call('echo', 'x', [1, { d: new Date(0) }]) as Record<string, unknown>;
    expect(result).toEqual({ a: 'x', b: [1, { d: new Date(0) }], isArray: true });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.b)).toBe(Array.prototype); // a host-realm array
  });

  test('the bundle sees Apps Script-like globals only', () => {
    expect(load(new Runtime()).call('globalsSeen')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'function',
      'object',
    ]);
  });

  test('service results are bundle-realm arrays and objects; dates are Dates; Date follows the clock', () => {
    const rt = new Runtime({ now: '2024-01-05T01:00:00Z' });
    rt.spreadsheet.getActiveSheet().getRange('A1').setValue(new Date('2024-01-01T00:00:00Z'));
    const r = load(rt).call('realms') as Record<string, unknown>;
    expect(r).toMatchObject({
      valuesAreArrays: true,
      propsAreObjects: true,
      dateIsDate: true,
      now: '2024-01-05T01:00:00.000Z',
      nowMs: Date.parse('2024-01-05T01:00:00Z'),
      parsed: 5,
      calledAsFunction: 'string',
    });
  });

  test('locks taken during a call are released when it returns', () => {
    const ss = LocalSpreadsheet.create();
    const a = new Runtime({ spreadsheet: ss });
    const b = new Runtime({ spreadsheet: ss });
    expect(load(a).call('lockAndReturn')).toBe(true);
    expect(load(b).call('lockAndReturn')).toBe(true);
    const held = a.services.LockService.getDocumentLock();
    held.tryLock(0);
    expect(load(b).call('lockAndReturn')).toBe(false);
  });
});

describe('call counting', () => {
  test('counts each service call the bundle makes by Class.method', () => {
    const rt = new Runtime();
    load(rt).call('readA1');
    expect(rt.calls).toEqual({
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      total: 4,
    });
  });

  test('wraps arrays of service objects', () => {
    const rt = new Runtime();
    rt.spreadsheet.insertSheet('Hai');
    expect(load(rt).call('sheetNames')).toEqual(['Trang tính1', 'Hai']);
    expect(rt.calls['Sheet.getName']).toBe(2);
  });

  test('calls made by tests on the raw objects are not counted; runtime.globals are', () => {
    const rt = new Runtime();
    rt.spreadsheet.getActiveSheet().getRange('A1').getValues();
    rt.services.SpreadsheetApp.getActiveSpreadsheet();
    expect(rt.calls.total).toBe(0);
    rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getName();
    expect(rt.calls).toEqual({
      'Sheet.getName': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      total: 3,
    });
    rt.resetCalls();
    expect(rt.calls).toEqual({ total: 0 });
  });

  test('counts accumulate across calls until reset', () => {
    const rt = new Runtime();
    const bundle = load(rt);
    bundle.call('readA1');
    expect(rt.calls.total).toBe(4);
    bundle.call('writeRows', 3);
    expect(rt.calls['Range.setValues']).toBe(3);
    expect(rt.calls.total).toBe(4 + 2 + 3 * 2);
  });
});

describe('faults', () => {
  test('failOn makes the (n+1)-th call throw Google’s service error, once by default', () => {
    const rt = new Runtime();
    rt.failOn('Range.setValues', { after: 2 });
    const bundle = load(rt);
    expect(() => bundle.call('writeRows', 5)).toThrow(
      `Service Spreadsheets failed while accessing document with id ${rt.spreadsheet.getId()}.`,
    );
    expect(rt.spreadsheet.getActiveSheet().getRange('A1:A3').getValues()).toEqual([[1], [2], ['']]);
    expect(bundle.call('writeRows', 3)).toBe(3);
  });

  test('the error the bundle catches is an Error of its own realm, named Exception', () => {
    const rt = new Runtime();
    rt.failOn('Range.setValues', { times: Number.POSITIVE_INFINITY });
    const bundle = load(rt);
    const expected = {
      isError: true,
      name: 'Exception',
      message: expect.stringContaining('Service Spreadsheets failed'),
    };
    expect(bundle.call('tryWrite')).toEqual(expected);
    expect(bundle.call('tryWrite')).toEqual(expected);
    rt.clearFaults();
    expect(bundle.call('tryWrite')).toBe('ok');
  });

  test('service errors reach the bundle as its own Errors too', () => {
    const rt = new Runtime();
    rt.spreadsheet
      .getActiveSheet()
      .getRange('A1')
      .setDataValidation(
        rt.services.SpreadsheetApp.newDataValidation().requireValueInList(['2']).setAllowInvalid(false).build(),
      );
    expect(load(rt).call('tryWrite')).toEqual({
      isError: true,
      name: 'Exception',
      message: 'The data you entered in cell A1 violates the data validation rules set on this cell.',
    });
  });
});

describe('runBundle', () => {
  test('runs build/Code.js and reports the result, the calls of that run only, and the time', () => {
    const rt = new Runtime();
    const first = runBundle(rt, 'onOpen');
    const second = runBundle(rt, 'onOpen');
    expect(first.result).toBeUndefined();
    expect(first.calls.total).toBeGreaterThan(0);
    expect(second.calls).toEqual(first.calls);
    expect(rt.calls.total).toBe(2 * first.calls.total);
    expect(typeof first.ms).toBe('number');
  });
});

/**
 * Buffered writes: a runtime sees its own writes at once; another runtime on the same spreadsheet
 * sees them only after SpreadsheetApp.flush() or the end of the writer's execution. Releasing a
 * lock does not flush. `runtime.onCall` interleaves a second user at a chosen call.
 */
import { LocalSpreadsheet, loadBundle, Runtime } from '../../local/runtime';
import { writeFixtureBundle } from '../../local/testing';

const CODE = writeFixtureBundle(`
  function counterCell() { return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1'); }
  /** Takes the next number under the document lock; flushes before releasing when asked. */
  function takeNumber(flushFirst) {
    var lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    var cell = counterCell();
    var next = Number(cell.getValue() || 0) + 1;
    cell.setValue(next);
    var seen = cell.getValue();
    if (flushFirst) SpreadsheetApp.flush();
    lock.releaseLock();
    return [next, seen];
  }
  function read(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getValue(); }
  function write(a1, v) { SpreadsheetApp.getActiveSheet().getRange(a1).setValue(v); return read(a1); }
  function addSheet(name) {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
    sheet.getRange('A1').setValue('tiêu đề');
    return SpreadsheetApp.getActiveSpreadsheet().getSheets().length;
  }
  function hasSheet(name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name) !== null; }
  function writeFlushWrite() {
    var sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('B1').setValue('flushed');
    SpreadsheetApp.flush();
    sheet.getRange('B2').setValue('pending');
    return 'done';
  }
`);

function twoUsers() {
  const spreadsheet = LocalSpreadsheet.create({ owner: 'a@x.vn' });
  const a = new Runtime({ spreadsheet, user: 'a@x.vn' });
  const b = new Runtime({ spreadsheet, user: 'b@x.vn' });
  const bundleA = loadBundle({ runtime: a, codePath: CODE });
  const bundleB = loadBundle({ runtime: b, codePath: CODE });
  const cell = (a1: string) => spreadsheet.localActiveSheet().getRange(a1).getValue();
  return { spreadsheet, a, b, bundleA, bundleB, cell };
}

describe('two users taking a number under the lock', () => {
  test('without flush before releaseLock, the second user reads the old value: both take 1', () => {
    const { a, bundleA, bundleB, cell } = twoUsers();
    let second: unknown;
    a.onCall('Lock.releaseLock', () => {
      second = bundleB.call('takeNumber', false);
    });
    const first = bundleA.call('takeNumber', false);
    expect(first).toEqual([1, 1]); // A sees its own write at once
    expect(second).toEqual([1, 1]); // B did not see A's write
    expect(cell('A1')).toBe(1);
  });

  test('SpreadsheetApp.flush() before releaseLock makes the numbers distinct', () => {
    const { a, bundleA, bundleB, cell } = twoUsers();
    let second: unknown;
    a.onCall('Lock.releaseLock', () => {
      second = bundleB.call('takeNumber', true);
    });
    expect(bundleA.call('takeNumber', true)).toEqual([1, 1]);
    expect(second).toEqual([2, 2]);
    expect(cell('A1')).toBe(2);
  });
});

describe('visibility of pending writes', () => {
  test('others see a write after the writer’s execution ends', () => {
    const { bundleA, bundleB } = twoUsers();
    bundleA.call('write', 'C3', 'của A');
    expect(bundleB.call('read', 'C3')).toBe('của A');
  });

  test('flush publishes what was written before it, not after', () => {
    const { a, bundleA, bundleB } = twoUsers();
    const seen: unknown[] = [];
    a.onCall('Range.setValue', () => seen.push(bundleB.call('read', 'B1'), bundleB.call('read', 'B2')), {
      always: true,
    });
    bundleA.call('writeFlushWrite');
    // After B1 was set (not flushed): B sees nothing; after B2 was set, B1 was flushed.
    expect(seen).toEqual(['', '', 'flushed', '']);
    expect(bundleB.call('read', 'B2')).toBe('pending');
  });

  test('a callback reading local objects sees the committed spreadsheet', () => {
    const { a, bundleA, cell } = twoUsers();
    let during: unknown;
    let pending = false;
    a.onCall('Range.setValue', () => {
      during = cell('D4');
      pending = a.hasPendingWrites;
    });
    expect(bundleA.call('write', 'D4', 'mới')).toBe('mới');
    expect(during).toBe('');
    expect(pending).toBe(true);
    expect(a.hasPendingWrites).toBe(false);
    expect(cell('D4')).toBe('mới');
  });

  test('writes to different cells both survive; on the same cell the later flush wins', () => {
    const { a, bundleA, bundleB, cell } = twoUsers();
    a.onCall('Range.setValue', () => {
      bundleB.call('write', 'E1', 'B');
      bundleB.call('write', 'E2', 'B');
    });
    bundleA.call('write', 'E1', 'A');
    expect(cell('E1')).toBe('A');
    expect(cell('E2')).toBe('B');
  });

  test('writes outside an execution (globals used directly) are visible at once', () => {
    const { a, b } = twoUsers();
    a.globals.SpreadsheetApp.getActiveSheet().getRange('F1').setValue('ngay');
    expect(b.globals.SpreadsheetApp.getActiveSheet().getRange('F1').getValue()).toBe('ngay');
  });

  test('a pending write undone for others keeps the cell’s formatting and note as they were', () => {
    const { a, bundleA, spreadsheet } = twoUsers();
    const g = spreadsheet.localActiveSheet().getRange('G1');
    g.setValue('cũ');
    g.setNote('ghi chú');
    g.setBackground('#ffff00');
    let during: unknown;
    a.onCall('Range.setValue', () => {
      during = [g.getValue(), g.getNote(), g.getBackground()];
    });
    bundleA.call('write', 'G1', 'mới');
    expect(during).toEqual(['cũ', 'ghi chú', '#ffff00']);
    expect([g.getValue(), g.getNote(), g.getBackground()]).toEqual(['mới', 'ghi chú', '#ffff00']);
  });
});

describe('a sheet inserted during an execution', () => {
  test('is hidden from other users until the writer flushes or ends; its name is still taken', () => {
    const { a, bundleA, bundleB, spreadsheet } = twoUsers();
    const seen: unknown[] = [];
    a.onCall('Range.setValue', () => {
      seen.push(bundleB.call('hasSheet', 'Văn bản'), spreadsheet.localSheet('Văn bản') === undefined);
      expect(() => bundleB.call('addSheet', 'Văn bản')).toThrow('already exists');
    });
    expect(bundleA.call('addSheet', 'Văn bản')).toBe(2);
    expect(seen).toEqual([false, true]);
    expect(bundleB.call('hasSheet', 'Văn bản')).toBe(true);
    expect(spreadsheet.localSheet('Văn bản')?.getRange('A1').getValue()).toBe('tiêu đề');
  });
});

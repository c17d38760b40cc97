/**
 * Concurrency, service faults and the server API's argument checks, on the real bundle.
 */
import { createHash } from 'node:crypto';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { loadWorkbook, workbookToBuffer } from '../../local/xlsx';
import { LANG_SON } from '../../samples/lang-son';
import { ARGS } from '../../src/rpc/contract';
import { MESSAGES } from '../../src/ui/vi';

const NOW = '2024-01-14T09:00:00+07:00';
let sampleBytes: Buffer;
beforeAll(async () => {
  sampleBytes = await workbookToBuffer(buildSample(LANG_SON));
});
const fresh = () => loadWorkbook(sampleBytes);

/** Everything in the workbook: values, formulas, notes, backgrounds of every sheet. */
function fullDigest(ss: LocalSpreadsheet): string {
  const hash = createHash('sha256');
  for (const s of ss.getSheets()) {
    const r = s.getDataRange();
    hash.update(JSON.stringify([s.getName(), r.getValues(), r.getFormulas(), r.getNotes(), r.getBackgrounds()]));
  }
  return hash.digest('hex');
}

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('concurrency', () => {
  it.each([
    ['validateAll', []],
    ['allocateDelegates', []],
    ['setupWorkbook', []],
    ['generateNotice', ['thong-bao-ket-luan']],
  ] as const)("a second user's %s waits, then gets the busy message and writes nothing", async (fn, args) => {
    const ss = await fresh();
    const first = new Runtime({ spreadsheet: ss, now: NOW, user: 'a@example.com' });
    const second = new Runtime({ spreadsheet: ss, now: NOW, user: 'b@example.com' });
    const lock = first.services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    const before = fullDigest(ss);
    const start = new Date(second.clock.now()).getTime();
    const message = errorOf(() => runBundle(second, fn, [...args]));
    expect(message).toBe(MESSAGES.busy);
    expect(new Date(second.clock.now()).getTime() - start).toBeGreaterThanOrEqual(5000);
    expect(fullDigest(ss)).toBe(before);
    lock.releaseLock();
    expect(() => runBundle(second, fn, [...args])).not.toThrow();
  });
});

describe('service faults', () => {
  it('a failing write during allocation restores the sheet and says so', async () => {
    const ss = await fresh();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(runtime, 'allocateDelegates');
    // Change the data so the next allocation writes different numbers, then fail its second block.
    ss.getSheetByName('Đơn vị')?.getRange('D2').setValue(99999);
    const before = fullDigest(ss);
    runtime.failOn('Range.setValues', { after: 1 });
    const message = errorOf(() => runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]));
    expect(message).toBe(MESSAGES.writeFailedRestored('trang "Phân bổ"'));
    expect(fullDigest(ss)).toBe(before);
    runtime.clearFaults();
    expect((runBundle(runtime, 'allocateDelegates', [{ confirmed: true }]).result as { ok: boolean }).ok).toBe(true);
  });

  // Marks are written per sheet by RangeList (one colour, one note) or by a block (setBackgrounds/setNotes
  // over the marked region); the edits below give one sheet of each, so each write kind is failed once.
  it.each([
    ['Range.setBackgrounds', 0],
    ['RangeList.setBackground', 0],
    ['Range.setNotes', 0],
    ['RangeList.setNote', 0],
    ['Range.setValues', 0],
    ['Range.setValues', 2],
  ] as const)(
    'a failing %s (after %i) during validation leaves every mark and the report as they were',
    async (key, after) => {
      const ss = await fresh();
      const runtime = new Runtime({ spreadsheet: ss, now: NOW });
      runBundle(runtime, 'validateAll');
      ss.getSheetByName('Đại biểu')?.getRange('F3').setValue(2016);
      ss.getSheetByName('Nhiệm vụ')?.getRange('F5').setValue('12/01/2024');
      const before = fullDigest(ss);
      runtime.failOn(key, { after });
      const message = errorOf(() => runBundle(runtime, 'validateAll'));
      expect(message).toBe(MESSAGES.writeFailedRestored('kết quả kiểm tra'));
      expect(fullDigest(ss)).toBe(before);
    },
  );

  it('a failing read changes nothing and reads as a Google service problem', async () => {
    const ss = await fresh();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    const before = fullDigest(ss);
    // A lasting outage of reads (the whole-sheet read and its fallback through getDataRange both fail).
    runtime.failOn('Sheet.getSheetValues', { after: 2, times: Number.POSITIVE_INFINITY });
    runtime.failOn('Range.getValues', { times: Number.POSITIVE_INFINITY });
    expect(errorOf(() => runBundle(runtime, 'validateAll'))).toBe(MESSAGES.serviceFailed);
    expect(fullDigest(ss)).toBe(before);
  });

  it('a failing setup can be completed by running it again', async () => {
    const runtime = new Runtime({ now: NOW });
    runtime.failOn('Spreadsheet.insertSheet', { after: 4 });
    expect(errorOf(() => runBundle(runtime, 'setupWorkbook'))).toBe(
      MESSAGES.setupIncomplete(['Cấu hình', 'Đơn vị', 'Dân tộc theo đơn vị', 'Phân bổ']),
    );
    runtime.clearFaults();
    const result = runBundle(runtime, 'setupWorkbook').result as { createdSheets: string[] };
    expect(result.createdSheets.length).toBe(12 - 4);
    expect(runtime.spreadsheet.getSheetByName('Văn bản')).not.toBeNull();
  });

  it('a notice whose rendering fails is not logged as done', async () => {
    const ss = await fresh();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(runtime, 'allocateDelegates');
    runtime.failOn('Body.appendTable', { after: 1 });
    const message = errorOf(() => runBundle(runtime, 'generateNotice', ['phan-bo-dai-bieu']));
    expect(message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    // Logged as unfinished (with its link), never as done: the next try completes that Doc.
    const log = ss.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
    const rows = log.slice(1).filter((r) => r.some((v) => v !== ''));
    expect(rows).toHaveLength(1);
    expect(String(rows[0]?.[3])).toMatch(/^\[CHƯA HOÀN THÀNH\] /);
    runtime.clearFaults();
    const ok = runBundle(runtime, 'generateNotice', ['phan-bo-dai-bieu']).result as { number: string };
    expect(ok.number).toBe('01/TB-BCĐ');
  });
});

describe('server API', () => {
  it('exposes exactly the entry points, no internal helper', () => {
    const runtime = new Runtime({ now: NOW });
    runBundle(runtime, 'onOpen');
    const { loadBundle } = jest.requireActual('../../local/vm') as typeof import('../../local/vm');
    const functions = [...loadBundle({ runtime }).functions].sort();
    // The sidebar API, named here so that a new entry point is a deliberate change of this test.
    const sidebarApi = [
      'allocateDelegates',
      'compareMethods',
      'compositionSummary',
      'generateNotice',
      'getIntakeForms',
      'getOverview',
      'importSubmission',
      'issueDraft',
      'lastValidation',
      'listDocuments',
      'listMeetings',
      'openIntakeDialog',
      'previewAllocation',
      'progressSummary',
      'selectCell',
      'setupWorkbook',
      'taskSummary',
      'undoAllocation',
      'validateAll',
      'voidNumber',
      'writeStatistics',
    ];
    expect(Object.keys(ARGS).sort()).toEqual(sidebarApi);
    expect(functions).toEqual(
      [
        ...sidebarApi,
        'menuAllocateDelegates',
        'menuSetupWorkbook',
        'menuUndoAllocation',
        'menuValidateAll',
        'menuWriteStatistics',
        'onInstall',
        'onOpen',
        'showSidebar',
      ].sort(),
    );
  });

  it.each([
    ['getOverview', ['x']],
    ['validateAll', [1]],
    ['listMeetings', ['BCĐ-01']],
    ['generateNotice', []],
    ['generateNotice', ['thong-bao-khac']],
    ['generateNotice', [42]],
    ['generateNotice', ['phan-bo-dai-bieu', { date: '14/01/2024' }]],
    ['generateNotice', ['phan-bo-dai-bieu', { khac: 1 }]],
    ['generateNotice', ['phan-bo-dai-bieu', {}, 'thừa']],
    ['generateNotice', ['phan-bo-dai-bieu', {}, {}]],
    ['selectCell', ['Đại biểu']],
    ['selectCell', ['Đại biểu', 'A1:B2']],
    ['selectCell', ['Đại biểu', '=A1']],
    ['selectCell', [{ sheet: 'x' }, 'A1']],
    ['openIntakeDialog', []],
    ['openIntakeDialog', [{ mode: 'xoa' }]],
    ['openIntakeDialog', [{ mode: 'form', khac: 1 }]],
  ] as const)('%s rejects %j with a clear message', async (fn, args) => {
    const runtime = new Runtime({ spreadsheet: await fresh(), now: NOW });
    const message = errorOf(() => runBundle(runtime, fn, [...args]));
    expect(message.startsWith(`${MESSAGES.badArguments} ${fn}`)).toBe(true);
  });

  it('says in Vietnamese what is wrong with an argument', async () => {
    const runtime = new Runtime({ spreadsheet: await fresh(), now: NOW });
    const date = errorOf(() => runBundle(runtime, 'generateNotice', ['phan-bo-dai-bieu', { date: '14/01/2024' }]));
    expect(date).toContain('yyyy-mm-dd');
    expect(errorOf(() => runBundle(runtime, 'selectCell', ['Đại biểu', 'A1:B2']))).toContain('Ô phải là một ô dạng A1');
  });

  it('selectCell activates the cell, and names an unknown sheet', async () => {
    const ss = await fresh();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(runtime, 'selectCell', ['Đại biểu', 'F12']);
    expect(ss.getActiveSheet().getName()).toBe('Đại biểu');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('F12');
    expect(errorOf(() => runBundle(runtime, 'selectCell', ['Không có', 'A1']))).toContain('"Không có"');
  });
});

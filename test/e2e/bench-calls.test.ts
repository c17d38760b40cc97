/**
 * "Calls flat in the row count" (issue 8): the same service calls, kind by kind, at 100 and at
 * 10,000 delegates over the same 11 sub-units, on the synthetic workbooks of the benchmark; and the
 * benchmark's own machinery (one case, the estimate, the report) on a small workbook.
 */
import { type CaseResult, runCase } from '../../local/bench/cases';
import { estimateGoogle } from '../../local/bench/cost';
import { renderReport } from '../../local/bench/report';
import { buildSynthetic, parseScale, type Scale } from '../../local/bench/synthetic';
import { fastest, selectOperations } from '../../local/cli/bench';
import { type CallCounts, Runtime, runBundle } from '../../local/runtime';
import { builtCodePath } from '../../local/testing';

const NOW = '2025-03-10T09:00:00+07:00';
const OPERATIONS = ['allocateDelegates', 'validateAll', 'progressSummary'] as const;

/** Runs the operations in order on one workbook, each as its own execution on a fresh runtime. */
function callsAt(scale: Scale): Record<(typeof OPERATIONS)[number], CallCounts> {
  const { spreadsheet } = buildSynthetic(scale);
  const out = {} as Record<(typeof OPERATIONS)[number], CallCounts>;
  for (const op of OPERATIONS) {
    const run = runBundle(new Runtime({ spreadsheet, now: NOW }), op);
    out[op] = run.calls;
  }
  return out;
}

describe('service calls do not grow with the delegate rows', () => {
  builtCodePath();
  const small = callsAt({ units: 11, delegates: 100 });
  const large = callsAt({ units: 11, delegates: 10_000 });

  it.each(OPERATIONS.filter((op) => op !== 'validateAll'))(
    '%s: the same calls by kind at 100 and 10,000 delegates',
    (op) => {
      expect(large[op]).toEqual(small[op]);
    },
  );

  it('validateAll: the same reads at 100 and 10,000 delegates; marks written by block or by list, a few calls apart', () => {
    for (const kind of ['Range.getValues', 'Range.getMergedRanges', 'Sheet.getDataRange', 'Range.getBackgrounds']) {
      expect(large.validateAll[kind]).toBe(small.validateAll[kind]);
    }
    expect(Math.abs(large.validateAll.total - small.validateAll.total)).toBeLessThanOrEqual(8);
  });

  it('validateAll reads each sheet once and writes marks per sheet, not per row', () => {
    const v = large.validateAll;
    // Each sheet read whole once (getSheetValues; getValues where a sheet is empty or a range is re-read).
    expect((v['Sheet.getSheetValues'] ?? 0) + (v['Range.getValues'] ?? 0)).toBeLessThanOrEqual(12);
    expect(v.total).toBeLessThan(150);
  });
});

describe('the synthetic workbook', () => {
  it('has the requested rows, the same units whatever the delegates, and planted problems', () => {
    const a = buildSynthetic({ units: 20, delegates: 300 });
    const b = buildSynthetic({ units: 20, delegates: 600 });
    expect(a.summary.rows['Đại biểu']).toBe(300);
    expect(b.summary.rows['Đại biểu']).toBe(600);
    expect(a.summary.rows['Tiến độ']).toBe(20);
    const units = (wb: typeof a) => wb.spreadsheet.getSheetByName('Đơn vị')?.getDataRange().getValues();
    expect(units(a)).toEqual(units(b));
    expect(a.summary.problems['ethnic-unknown']).toBeGreaterThan(0);
    expect(() => buildSynthetic({ units: 3321, delegates: 1000 })).toThrow(/minimum/);
  });

  it('parses scales', () => {
    expect(parseScale('3321x50000')).toEqual({ units: 3321, delegates: 50000 });
    expect(parseScale('3,321 × 50,000')).toEqual({ units: 3321, delegates: 50000 });
    expect(() => parseScale('50000')).toThrow(/UNITSxDELEGATES/);
  });
});

describe('one benchmark case', () => {
  let result: CaseResult;
  beforeAll(() => {
    result = runCase({ units: 11, delegates: 200 }, 'validateAll');
  });

  it('runs the operation through the bundle and times it', () => {
    expect(result).toMatchObject({ ok: true, via: 'bundle', op: 'validateAll' });
    expect(result.message).toMatch(/lỗi/);
    expect(result.calls.total).toBeGreaterThan(0);
    expect(result.serviceMs).toBeGreaterThan(0);
    expect(result.scriptMs).toBeLessThanOrEqual(result.wallMs);
    expect(result.sameCallsInNode).toBe(true);
    expect(result.domainMs).toBeGreaterThan(0);
    expect(result.cellsRead).toBeGreaterThan(200 * 10);
    expect(result.cellsWritten).toBeGreaterThan(0);
  });

  it('counts the same calls as a plain runtime', () => {
    const { spreadsheet } = buildSynthetic({ units: 11, delegates: 200 });
    runBundle(new Runtime({ spreadsheet, now: NOW }), 'allocateDelegates');
    const plain = runBundle(new Runtime({ spreadsheet, now: NOW }), 'validateAll');
    expect(result.calls).toEqual(plain.calls);
  });

  it('estimates Google time from calls, cells and script time', () => {
    const none = estimateGoogle({ calls: { total: 0 }, cellsRead: 0, cellsWritten: 0, scriptMs: 0, loadMs: 0 });
    expect(none.seconds).toBe(0);
    const e = estimateGoogle({
      calls: { 'Range.getValues': 10, 'Spreadsheet.getSheetByName': 10, total: 20 },
      cellsRead: 1000,
      cellsWritten: 0,
      scriptMs: 100,
      loadMs: 0,
    });
    expect(e.parts.calls).toBe(10 * 50 + 10 * 5);
    expect(e.seconds).toBeCloseTo((550 + 2 + 300) / 1000, 5);
    expect(e.pessimisticSeconds).toBeGreaterThan(e.seconds);
  });

  it('renders the report with the flatness verdict', () => {
    const other = { ...result, scale: { units: 11, delegates: 400 } };
    const md = renderReport([result, other], [result.scale, other.scale], {
      date: '2025-03-10',
      commit: 'commit test',
      machine: 'test machine',
      node: process.version,
      load: 'load average 0.0',
      files: [{ path: 'build/Code.js', bytes: 1000, targetBytes: 100_000 }],
      elapsedS: 1,
      notes: [],
    });
    expect(md).toContain('### 11 sub-units × 200 delegates');
    expect(md).toMatch(/\| validateAll \| [\d,]+ \| [\d,]+ \| yes \|/);
    expect(md).toContain('Google-runtime model');
  });

  it('keeps the fastest of repeated runs and selects operations by name', () => {
    const slow = { ...result, wallMs: result.wallMs + 100, domainMs: result.domainMs + 100 };
    const best = fastest([slow, result]);
    expect(best.wallMs).toBe(result.wallMs);
    expect(best.domainMs).toBe(result.domainMs);
    expect(best.calls).toEqual(result.calls);
    expect(selectOperations('validateAll,generateNotice')).toEqual([
      'validateAll',
      'validateAll re-run',
      'generateNotice thong-bao-ket-luan',
      'generateNotice phan-bo-dai-bieu',
      'generateNotice phan-cong-nhiem-vu',
      'generateNotice giay-moi',
      'generateNotice danh-sach-dai-bieu',
      'generateNotice bao-cao-co-cau',
    ]);
    expect(selectOperations('generateNotice:phan-bo-dai-bieu')).toEqual(['generateNotice phan-bo-dai-bieu']);
    expect(() => selectOperations('nope')).toThrow(/Unknown operation/);
  });
});

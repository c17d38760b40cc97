/**
 * writeStatistics against the trust corpus (workbooks decorated the way officers decorate them):
 * nothing outside the add-in's own `Thống kê` changes, whole-cell snapshot; and a fault sweep over
 * its writes: whichever call fails, the workbook (cells and charts) is as before and the message
 * says so, or the message says what to check.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { builtCodePath } from '../../local/testing';
import { CORPUS, type CorpusWorkbook, corpusWorkbook, OWNER } from '../trust/corpus';
import { writes } from '../trust/faults';
import { diff, snapshot } from '../trust/snapshot';

const SHEET = 'Thống kê';

function runtimeOf(ss: LocalSpreadsheet, w: CorpusWorkbook): Runtime {
  return new Runtime({ spreadsheet: ss, now: w.now, user: w.user ?? OWNER });
}

function attempt(rt: Runtime, fn: string, args: unknown[] = []): { error?: string; calls: Record<string, number> } {
  try {
    return { calls: runBundle(rt, fn, args).calls };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), calls: {} };
  }
}

/** Every chart of every sheet, without ids (a chart put back gets a new id, as insertChart gives). */
function allCharts(ss: LocalSpreadsheet): unknown[] {
  return ss
    .localSheets()
    .flatMap((s) =>
      s.charts.map((c) => {
        const { chartId: _id, ...rest } = c.record();
        return JSON.stringify({ sheet: s.getName(), ...rest });
      }),
    )
    .sort()
    .map((j) => JSON.parse(j) as { sheet: string });
}

/** A fault at the first and the last call of a key (the middle ones write the same blocks). */
const ends = (count: number) => [...new Set([0, count - 1])];

describe('decorated workbooks: only Thống kê changes', () => {
  builtCodePath();
  it.each(CORPUS.map((w) => [w.name]))('%s', (name) => {
    const w = corpusWorkbook(name);
    const ss = w.build();
    const rt = runtimeOf(ss, w);
    attempt(rt, 'allocateDelegates', [{ confirmed: true }]);
    const before = snapshot(ss);
    const charts = allCharts(ss);
    const first = attempt(rt, 'writeStatistics');
    const second = attempt(rt, 'writeStatistics');
    const after = snapshot(ss);
    // The sheet list gains Thống kê at the end, nothing else.
    const sheets = diff(before, after).filter((d) => d.field === 'sheets');
    for (const d of sheets) expect(d.after).toBe(`${d.before} | ${SHEET}`);
    expect(diff(before, after).filter((d) => d.sheet !== SHEET && d.field !== 'sheets')).toEqual([]);
    expect(allCharts(ss).filter((c) => (c as { sheet: string }).sheet !== SHEET)).toEqual(charts);
    // The only refusal allowed: no delegate sheet at all (then nothing is written).
    if (first.error !== undefined) {
      expect(first.error).toMatch(/Chưa có trang "Đại biểu"/);
      expect(ss.localSheet(SHEET)).toBeUndefined();
      return;
    }
    expect(second.error).toBeUndefined();
    expect(ss.localSheet(SHEET)?.charts.length).toBeGreaterThan(0);
    expect(ss.localSheet(SHEET)?.charts.length).toBeLessThanOrEqual(3);
  });
});

describe('fault sweep over the writes of writeStatistics', () => {
  const w = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');
  /** A fresh copy allocated, with `runs` clean runs of writeStatistics already made. */
  const prepared = (runs: number) => {
    const ss = w.build();
    const rt = runtimeOf(ss, w);
    attempt(rt, 'allocateDelegates', [{ confirmed: true }]);
    for (let i = 0; i < runs; i++) attempt(rt, 'writeStatistics');
    return { ss, rt };
  };

  it.each([
    ['the first run (the sheet is created)', 0],
    ['a re-run (tables and charts replaced)', 1],
  ])('%s', (_label, runs) => {
    const clean = prepared(runs);
    const cleanRun = attempt(clean.rt, 'writeStatistics');
    expect(cleanRun.error).toBeUndefined();
    const { calls } = cleanRun;
    const keys = writes(calls).filter(([k]) => !/^(Lock|Logger|console)\./.test(k));
    expect(keys.map(([k]) => k)).toEqual(expect.arrayContaining(['Range.setValues', 'Sheet.insertChart']));
    const problems: string[] = [];
    let faults = 0;
    for (const [key, count] of keys) {
      for (const n of key.startsWith('EmbeddedChartBuilder.') ? [0] : ends(count)) {
        faults++;
        const { ss, rt } = prepared(runs);
        const before = snapshot(ss);
        const charts = allCharts(ss);
        rt.failOn(key, { after: n });
        const outcome = attempt(rt, 'writeStatistics');
        const where = `${key} #${n + 1}`;
        if (outcome.error === undefined) {
          // A failure the action may ignore (showing the sheet): the result must be a clean run's.
          if (allCharts(ss).filter((c) => (c as { sheet: string }).sheet === SHEET).length !== 3)
            problems.push(`${where}: no error, but the charts are not the three of a clean run`);
          continue;
        }
        const restored = /đã khôi phục như trước khi chạy/.test(outcome.error);
        const partial = /chưa khôi phục được hết/.test(outcome.error);
        if (!outcome.error.includes('Thống kê'))
          problems.push(`${where}: message does not name Thống kê: ${outcome.error}`);
        if (restored) {
          const d = diff(before, snapshot(ss));
          if (d.length > 0)
            problems.push(`${where}: says restored, but ${d.length} cells differ (${d[0]?.sheet}!${d[0]?.cell})`);
          if (JSON.stringify(allCharts(ss)) !== JSON.stringify(charts))
            problems.push(`${where}: says restored, but the charts differ`);
        } else if (!partial) {
          // Nothing written yet (a read failed): nothing may differ.
          if (diff(before, snapshot(ss)).length > 0 || JSON.stringify(allCharts(ss)) !== JSON.stringify(charts))
            problems.push(`${where}: "${outcome.error}" but the workbook changed`);
        }
        // Whatever happened, a next run succeeds and leaves exactly three charts of the add-in.
        rt.clearFaults();
        const again = attempt(rt, 'writeStatistics');
        if (again.error !== undefined) problems.push(`${where}: the next run fails: ${again.error}`);
        else if ((ss.localSheet(SHEET)?.charts.length ?? 0) !== 3)
          problems.push(`${where}: after the next run ${ss.localSheet(SHEET)?.charts.length} charts`);
      }
    }
    expect(faults).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});

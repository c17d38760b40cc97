/**
 * Attack on writeStatistics: two officers press "Cập nhật trang Thống kê" at once (runtime.onCall
 * interleaves B inside A's run). B while A holds the lock: told to try again, nothing written; B just
 * after A: B's run accepts A's sheet as the add-in's own (its record and digest are A's), exactly
 * three charts of the add-in remain, no "sửa tay" false alarm.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import type { StatisticsResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-05T08:00:00+07:00';
const SHEET = 'Thống kê';

function two() {
  const ss = buildSample(SAMPLES['lang-son']!);
  const owner = ss.getOwner()!.getEmail();
  ss.addEditor('can.bo@example.com');
  const a = new Runtime({ spreadsheet: ss, now: NOW, user: owner });
  const b = new Runtime({ spreadsheet: ss, now: NOW, user: 'can.bo@example.com' });
  runBundle(a, 'allocateDelegates', [{ confirmed: true }]);
  return { ss, a, b };
}

describe('two officers update Thống kê at once', () => {
  builtCodePath();

  it.each([['the first run (A creates the sheet)'], ['a re-run']])(
    '%s: B while A inserts a chart is told to wait',
    (label) => {
      const { ss, a, b } = two();
      if (label === 'a re-run') runBundle(a, 'writeStatistics');
      let message = '';
      a.onCall('Sheet.insertChart', () => {
        try {
          runBundle(b, 'writeStatistics');
        } catch (e) {
          message = (e as Error).message;
        }
      });
      const first = runBundle(a, 'writeStatistics').result as StatisticsResultDto;
      expect(first.ok).toBe(true);
      expect(message).toMatch(/^Đang có người khác/);
      expect(ss.localSheets().filter((s) => s.getName() === SHEET)).toHaveLength(1);
      expect(ss.localSheet(SHEET)?.charts).toHaveLength(3);
    },
  );

  it('B right after A released the lock: B rewrites A’s sheet, three charts, no false alarm', () => {
    const { ss, a, b } = two();
    let second: StatisticsResultDto | null = null;
    a.onCall('Lock.releaseLock', () => {
      second = runBundle(b, 'writeStatistics').result as StatisticsResultDto;
    });
    runBundle(a, 'writeStatistics');
    expect(second).not.toBeNull();
    expect((second as unknown as StatisticsResultDto).ok).toBe(true);
    expect(ss.localSheet(SHEET)?.charts).toHaveLength(3);
    expect((runBundle(a, 'writeStatistics').result as StatisticsResultDto).ok).toBe(true);
    expect(ss.localSheet(SHEET)?.charts).toHaveLength(3);
  });
});

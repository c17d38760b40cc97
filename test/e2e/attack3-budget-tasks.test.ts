/**
 * Attack on validateAll's lazy protections: the owner keeps `Nhiệm vụ` to themself (a protected
 * sheet). A helper's check cannot write the computed `Tình trạng` there nor mark it; it must still go
 * through, report those problems, and say that the statuses were not updated.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const HELPER = 'canbo@langson.gov.vn';

describe('attack budget: `Nhiệm vụ` protected against the helper', () => {
  builtCodePath();

  it('the check goes through; nothing of Nhiệm vụ changes; the message says what was not written', () => {
    const ss = buildSample(LANG_SON);
    runBundle(new Runtime({ spreadsheet: ss, user: ss.owner, now: '2024-01-10T09:00:00+07:00' }), 'validateAll');
    const tasks = ss.getSheetByName('Nhiệm vụ') as unknown as Sheet;
    const p = tasks.protect();
    p.removeEditors(p.getEditors());
    const before = snapshot(ss);
    // Days later: some statuses are due to change.
    const run = runBundle(
      new Runtime({ spreadsheet: ss, user: HELPER, now: '2024-01-20T09:00:00+07:00' }),
      'validateAll',
    ) as {
      result: ValidationResultDto;
    };
    expect(run.result.problems.some((x) => x.sheet === 'Nhiệm vụ')).toBe(true);
    expect(diff(before, snapshot(ss)).filter((d) => d.sheet === 'Nhiệm vụ' && d.field !== 'protections')).toEqual([]);
    expect(run.result.message).toContain('Cột "Tình trạng" của trang "Nhiệm vụ" được bảo vệ');
  });
});

/**
 * Attack on look-alike sheet names: several at once, a hidden old copy, and a sheet the user keeps
 * under a different name ("Đại biểu (cũ)") that must never be taken for the template's.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-14T09:00:00+07:00';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const values = (s: Sheet) => s.getDataRange().getValues();

/** The sample whose delegates sheet is renamed, plus an old copy named `oldName`, first in tab order. */
function withOldCopy(
  name: string,
  oldName: string,
  hidden: boolean,
): { ss: LocalSpreadsheet; live: Sheet; old: Sheet } {
  const ss = buildSample(LANG_SON);
  const live = ss.getSheetByName('Đại biểu') as Sheet;
  live.setName(name);
  const old = ss.insertSheet(oldName, 0) as unknown as Sheet;
  const header = live.getRange(1, 1, 1, live.getLastColumn()).getValues();
  old.getRange(1, 1, 1, header[0]?.length ?? 1).setValues(header);
  if (hidden) old.hideSheet();
  return { ss, live, old };
}

describe('a visible "Đại biểu " and a hidden old copy "ĐẠI BIỂU" before it', () => {
  it('the visible sheet is the one read; the hidden copy is named as ignored and never written', () => {
    const { ss, live, old } = withOldCopy('Đại biểu ', 'ĐẠI BIỂU', true);
    const oldBefore = values(old);
    const liveBefore = values(live);
    const setup = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook').result as SetupResultDto;
    expect(setup.createdSheets).toEqual([]);
    expect(setup.lookalikes).toEqual([expect.objectContaining({ sheet: 'Đại biểu', actual: 'Đại biểu ' })]);
    expect(setup.message).toContain('Trang "ĐẠI BIỂU" trùng tên gần giống nên không được đọc');
    const v = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'validateAll').result as ValidationResultDto;
    // The live sheet's 300-odd delegates were read (the empty copy would give no delegate problem).
    expect(v.problems.some((p) => p.sheet === 'Đại biểu' && p.rule !== 'sheet-name-lookalike')).toBe(true);
    expect(values(old)).toEqual(oldBefore);
    expect(values(live).map((r) => r.slice(0, liveBefore[0]?.length))).toEqual(liveBefore);
  });

  it('when both are visible, the first in tab order is used and the other is named', () => {
    const { ss } = withOldCopy('Đại biểu ', 'ĐẠI BIỂU', false);
    const setup = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook').result as SetupResultDto;
    expect(setup.lookalikes).toEqual([expect.objectContaining({ actual: 'ĐẠI BIỂU' })]);
    expect(setup.message).toContain('"Đại biểu␣" trùng tên gần giống nên không được đọc');
  });
});

describe('"Đại biểu (cũ)" is a different sheet', () => {
  it('is never taken for "Đại biểu": setup creates the template sheet and leaves it as it was', () => {
    const ss = buildSample(LANG_SON);
    const kept = ss.getSheetByName('Đại biểu') as Sheet;
    kept.setName('Đại biểu (cũ)');
    const before = values(kept);
    const setup = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook').result as SetupResultDto;
    expect(setup.createdSheets).toEqual(['Đại biểu']);
    expect(setup.lookalikes).toEqual([]);
    expect(values(kept)).toEqual(before);
  });
});

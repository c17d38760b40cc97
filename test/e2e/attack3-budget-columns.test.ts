/**
 * Attack on validateAll's protections: a collaborator kept out of whole columns or rows (the way
 * people protect: click the column letter, "Protect range") may still edit every other cell, so
 * those cells are marked, and the message counts only the cells that really are protected.
 *
 * The protection's range is reported in the open notation Google uses for whole columns and rows
 * ("F:F", "F2:F", "9:10"); the local runtime resolves it to the sheet's size when the range is made
 * ("F1:F1000"), so the test gives the protection's range that notation.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
const NOW = '2024-01-14T09:00:00+07:00';
const DELEGATES = 'Đại biểu';
const HELPER = 'canbo@langson.gov.vn';

function validate(ss: LocalSpreadsheet, user: string) {
  return runBundle(new Runtime({ spreadsheet: ss, user, now: NOW }), 'validateAll') as {
    result: ValidationResultDto;
  };
}

/** The protection's range answers getA1Notation in the open notation `a1`. */
function openNotation(p: Protection, a1: string): void {
  const getRange = p.getRange.bind(p);
  (p as unknown as { getRange: () => GoogleAppsScript.Spreadsheet.Range }).getRange = () => {
    const r = getRange();
    (r as unknown as { getA1Notation: () => string }).getA1Notation = () => a1;
    return r;
  };
}

describe('attack budget: whole columns or rows protected against the helper', () => {
  builtCodePath();

  for (const [a1, inside] of [
    ['F:F', 'F3'],
    ['F2:F', 'F3'],
    ['3:4', 'F3'],
  ] as const) {
    it(`"${a1}": the cells outside are marked, only the protected ones are counted`, () => {
      const ss = buildSample(LANG_SON);
      const d = ss.getSheetByName(DELEGATES) as unknown as Sheet;
      d.getRange(inside).setValue(1850); // impossible birth year, in the protected cells
      d.getRange('C7').setValue('ZZ'); // unknown unit code, in a cell the helper may edit
      d.getRange('F9').setValue(1850); // and an impossible year outside the protected rows
      const p = d.getRange(a1).protect();
      p.removeEditors(p.getEditors());
      openNotation(p, a1);
      const run = validate(ss, HELPER);
      const cells = run.result.problems.filter((x) => x.sheet === DELEGATES).map((x) => x.cell);
      expect(cells).toEqual(expect.arrayContaining([inside, 'C7']));
      expect(d.getRange('C7').getBackground()).toBe(MARK_COLORS.error);
      expect(d.getRange('C7').getNote()).not.toBe('');
      expect(d.getRange(inside).getBackground()).toBe(NO_FILL);
      const outsideF9 = a1 === '3:4';
      expect(d.getRange('F9').getBackground()).toBe(outsideF9 ? MARK_COLORS.error : NO_FILL);
      // Counted: the problem cells inside the protected columns or rows, and only those.
      const protectedCells = new Set(
        cells.filter((c) => (a1 === '3:4' ? /^[A-Z]+[34]$/.test(c) : /^F([2-9]|\d\d+)$/.test(c))),
      );
      expect(protectedCells.size).toBeLessThan(new Set(cells).size);
      expect(run.result.message).toContain(` ${protectedCells.size} ô được bảo vệ`);
    });
  }
});

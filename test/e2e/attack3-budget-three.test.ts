/**
 * Attack on validateAll's lazy protections: a helper kept out of one problem cell on each of three
 * sheets at once. The protections are looked up once, the three cells are reported and counted,
 * every other mark is written, and nothing else of the user changes (whole-cell snapshot).
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { MARK_COLORS, NO_FILL } from '../../src/domain/marks';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOW = '2024-01-14T09:00:00+07:00';
const HELPER = 'canbo@langson.gov.vn';
const PROTECTED = [
  ['Đơn vị', 'A5'],
  ['Đại biểu', 'F3'],
  ['Nhiệm vụ', 'C5'],
] as const;
const WRITABLE = [
  ['Đơn vị', 'A11'],
  ['Đại biểu', 'C309'],
  ['Nhiệm vụ', 'I5'],
] as const;

describe('attack budget: a helper kept out of problem cells on three sheets', () => {
  builtCodePath();

  it('one lookup, three cells reported and counted, every other mark written, nothing else touched', () => {
    const ss = buildSample(LANG_SON);
    const at = (name: string, a1: string) => (ss.getSheetByName(name) as unknown as Sheet).getRange(a1);
    at('Đại biểu', 'F3').setValue(1850);
    for (const [name, a1] of PROTECTED) {
      const p = at(name, a1).protect();
      p.removeEditors(p.getEditors());
    }
    const before = snapshot(ss);
    const run = runBundle(new Runtime({ spreadsheet: ss, user: HELPER, now: NOW }), 'validateAll') as {
      result: ValidationResultDto;
      calls: Record<string, number>;
    };
    expect(run.calls['Spreadsheet.getProtections']).toBe(2);
    expect(run.result.message).toContain(' 3 ô được bảo vệ');
    for (const [name, a1] of PROTECTED) {
      expect(run.result.problems.some((p) => p.sheet === name && p.cell === a1)).toBe(true);
      expect(at(name, a1).getBackground()).toBe(NO_FILL);
      expect(at(name, a1).getNote()).toBe('');
    }
    for (const [name, a1] of WRITABLE) {
      expect(at(name, a1).getBackground()).toBe(MARK_COLORS.error);
      expect(at(name, a1).getNote()).not.toBe('');
    }
    const changed = diff(before, snapshot(ss)).filter(
      (d) => !['Kiểm tra', 'Trợ lý DTTS – đánh dấu'].includes(d.sheet) && d.cell !== '',
    );
    const computedStatus = (d: { sheet: string; field: string }) => d.sheet === 'Nhiệm vụ' && d.field === 'value';
    expect(changed.filter((d) => d.field !== 'background' && d.field !== 'note' && !computedStatus(d))).toEqual([]);
    expect(changed.filter((d) => PROTECTED.some(([n, c]) => n === d.sheet && c === d.cell))).toEqual([]);
  });
});

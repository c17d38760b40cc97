/**
 * Look-alike sheet names (trust finding 5): a sheet named "Đại biểu " (trailing space), "ĐẠI BIỂU"
 * or typed in NFD IS the delegates sheet: setup completes it and never creates a duplicate,
 * validation and allocation read it, and both say which exact name the template expects.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { SHEETS } from '../../src/domain/template';
import type { ProblemDto, SetupResultDto, ValidationResultDto } from '../../src/rpc/contract';
import { workbookSnapshot } from './setup-trust-snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const isWrite = (key: string) =>
  /\.(set|insert|protect|clear|delete|add|remove)/.test(key) && !key.startsWith('DataValidationBuilder.');

const LOOKALIKES = [
  ['a trailing space', 'Đại biểu ', 'dấu cách'],
  ['capitals', 'ĐẠI BIỂU', 'chữ hoa/thường'],
  ['NFD', 'Đại biểu'.normalize('NFD'), 'cách gõ dấu (Unicode tổ hợp)'],
  ['two inner spaces', 'Đại  biểu', 'dấu cách'],
] as const;

/** The Lạng Sơn sample with its delegates sheet renamed. */
function sampleWithDelegatesNamed(name: string): LocalSpreadsheet {
  const ss = buildSample(LANG_SON);
  ss.getSheetByName('Đại biểu')?.setName(name);
  return ss;
}

const withoutLookalike = (problems: readonly ProblemDto[]) =>
  problems
    .filter((p) => p.rule !== 'sheet-name-lookalike')
    .map(({ sheet, cell, message, rule }) => ({ sheet, cell, message, rule }));

describe.each(LOOKALIKES)('a delegates sheet named with %s', (_, name, difference) => {
  it('is completed by setup, never duplicated, and setup names the exact expected name', () => {
    const ss = sampleWithDelegatesNamed(name);
    const before = workbookSnapshot(ss);
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    const run = runBundle(runtime, 'setupWorkbook');
    const result = run.result as SetupResultDto;
    expect(result.createdSheets).toEqual([]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(before.map((s) => s.name));
    expect(Object.keys(run.calls).filter(isWrite)).toEqual([]);
    expect(workbookSnapshot(ss)).toEqual(before);
    expect(result.lookalikes).toEqual([expect.objectContaining({ sheet: 'Đại biểu', actual: name })]);
    expect(result.message).toContain('"Đại biểu"');
    expect(result.message).toContain(`tên khác mẫu ở ${difference})`);
  });

  it('is what validation and allocation read: the same results as under the exact name, plus a warning', () => {
    const exact = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    const renamed = new Runtime({ spreadsheet: sampleWithDelegatesNamed(name), now: NOW });
    const a = runBundle(exact, 'allocateDelegates').result as { message: string };
    const b = runBundle(renamed, 'allocateDelegates').result as { message: string };
    expect(b.message).toBe(a.message);
    const va = runBundle(exact, 'validateAll').result as ValidationResultDto;
    const vb = runBundle(renamed, 'validateAll').result as ValidationResultDto;
    expect(withoutLookalike(vb.problems)).toEqual(withoutLookalike(va.problems));
    const warning = vb.problems.find((p) => p.rule === 'sheet-name-lookalike');
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Đại biểu' });
    expect(warning?.suggestion).toContain('"Đại biểu"');
    expect(va.problems.some((p) => p.rule === 'sheet-name-lookalike')).toBe(false);
    // Marks land in the user's sheet, and "go to cell" finds it under the template's name.
    const marked = vb.problems.find((p) => p.sheet === 'Đại biểu' && p.cell);
    if (marked) {
      const where = runBundle(renamed, 'selectCell', ['Đại biểu', marked.cell]).result as { sheet: string };
      expect(where.sheet).toBe('Đại biểu');
      expect(renamed.spreadsheet.getActiveSheet().getName()).toBe(name);
    }
  });
});

describe('look-alike names in an empty workbook', () => {
  it('"ĐẠI BIỂU" no longer makes setup fail: it is used, and the rest is created', () => {
    const runtime = new Runtime();
    runtime.spreadsheet.insertSheet('ĐẠI BIỂU');
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(result.createdSheets).not.toContain('Đại biểu');
    expect(result.addedColumns.find((a) => a.sheet === 'Đại biểu')?.columns).toHaveLength(
      SHEETS.delegates.columns.length,
    );
    expect(runtime.spreadsheet.getSheetByName('ĐẠI BIỂU')?.getRange('B1').getValue()).toBe('Họ và tên');
    expect(runtime.spreadsheet.getSheets().filter((s) => /biểu/i.test(s.getName()))).toHaveLength(1);
    const again = runBundle(runtime, 'setupWorkbook');
    expect(Object.keys(again.calls).filter(isWrite)).toEqual([]);
  });

  it('an empty exact sheet next to a look-alike holding the delegates: setup says the look-alike is not read', () => {
    // (Validation reads the exact name without listing the sheets, to cost no call more than before.)
    const ss = sampleWithDelegatesNamed('Đại biểu ');
    ss.insertSheet('Đại biểu');
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    const result = runBundle(runtime, 'setupWorkbook').result as SetupResultDto;
    expect(result.createdSheets).toEqual([]);
    const message = result.lookalikes.find((l) => l.sheet === 'Đại biểu')?.message;
    expect(message).toContain('"Đại biểu␣"');
    expect(message).toMatch(/không được đọc/);
    expect(result.message).toContain(message);
  });
});

describe('sheet lookups cost no more calls than before', () => {
  // With every exact name present a lookup is the one getSheetByName it always was: no sheet list.
  it.each(['validateAll', 'allocateDelegates', 'progressSummary', 'taskSummary', 'listDocuments', 'getOverview'])(
    '%s: no sheet list read when every sheet has its exact name',
    (fn) => {
      const run = runBundle(new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW }), fn);
      expect(run.calls['Spreadsheet.getSheets'] ?? 0).toBe(0);
      expect(run.calls['Sheet.getName'] ?? 0).toBe(0);
    },
  );

  it('a look-alike name costs one sheet list per action, not one per lookup', () => {
    const exact = runBundle(new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW }), 'validateAll');
    const renamed = sampleWithDelegatesNamed('ĐẠI BIỂU');
    const run = runBundle(new Runtime({ spreadsheet: renamed, now: NOW }), 'validateAll');
    expect(run.calls['Spreadsheet.getSheets']).toBe(1);
    expect(run.calls['Sheet.getName']).toBeLessThanOrEqual(renamed.getSheets().length);
    expect(run.calls.total).toBeLessThanOrEqual(exact.calls.total + 1 + renamed.getSheets().length);
  });
});

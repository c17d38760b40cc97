/**
 * compositionSummary now carries the allocation as `Phân bổ` holds it (for the bars under "Cơ cấu đại
 * biểu", shown whenever an allocation exists, not only right after "Phân bổ đại biểu"). Checked on the
 * real bundle against the sheet read here independently: the decorated workbooks of the trust corpus
 * (total rows, text codes "06100", look-alike sheets), an officer who typed over a Số chính thức or
 * sorted `Phân bổ`, a workbook never allocated; opening the section writes nothing (whole-cell snapshot);
 * one read of `Phân bổ`, calls flat in the rows.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, CompositionSummaryDto } from '../../src/rpc/contract';
import { CORPUS, column, sheet } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';

/** The units of `Phân bổ` with a Số chính thức, read here from the raw cells: [code, seats]. */
function sheetSeats(ss: LocalSpreadsheet): [string, number][] {
  const s = sheet(ss, 'Phân bổ');
  const values = s.getDataRange().getValues();
  const code = column(s, 'Mã đơn vị') - 1;
  const final = column(s, 'Số chính thức') - 1;
  return values
    .slice(1)
    .filter((r) => String(r[code] ?? '').trim() !== '' && typeof r[final] === 'number')
    .filter((r) => !/^(tổng|cộng)/i.test(String(r[code]).trim()))
    .map((r) => [String(r[code]).trim(), r[final] as number]);
}

function summary(rt: Runtime): CompositionSummaryDto {
  return runBundle(rt, 'compositionSummary').result as CompositionSummaryDto;
}

describe('the allocation of Phân bổ in compositionSummary', () => {
  test('an empty workbook, never set up: an answer, no bars, nothing written', () => {
    const ss = LocalSpreadsheet.create();
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const before = snapshot(ss);
    const s = summary(rt);
    expect(s.ok).toBe(false);
    expect(s.allocation).toEqual([]);
    expect(diff(before, snapshot(ss))).toEqual([]);
  });

  test('a workbook never allocated: no bars', () => {
    const rt = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    const s = summary(rt);
    expect(s.ok).toBe(true);
    expect(s.allocation).toEqual([]);
  });

  test('allocated, the sidebar reopened: every unit by name with Phân bổ’s Số chính thức; opening writes nothing', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const allocation = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
    expect(allocation.ok).toBe(true);
    const before = snapshot(ss);
    const s = summary(rt);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(s.allocation?.map((r) => [r.code, r.seats])).toEqual(sheetSeats(ss));
    expect(s.allocation?.map((r) => r.name)).toEqual(allocation.rows.map((r) => r.name));
    expect(s.allocation?.map((r) => r.seats)).toEqual(allocation.rows.map((r) => r.final));
  });

  test('the officer typed over one Số chính thức and sorted Phân bổ by name: the bars follow the sheet', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates');
    const s = sheet(ss, 'Phân bổ');
    const final = column(s, 'Số chính thức');
    const typed = Number(s.getRange(3, final).getValue()) + 2;
    s.getRange(3, final).setValue(typed);
    const last = sheetSeats(ss).length + 1;
    // Sorted by hand, as Data ▸ Sort range would leave it (the runtime has no Range.sort).
    const block = s.getRange(2, 1, last - 1, s.getLastColumn());
    const name = column(s, 'Tên đơn vị') - 1;
    block.setValues(block.getValues().sort((a, b) => String(b[name]).localeCompare(String(a[name]), 'vi')));
    const got = summary(rt).allocation ?? [];
    expect(got.map((r) => [r.code, r.seats])).toEqual(sheetSeats(ss));
    expect(got.map((r) => r.seats)).toContain(typed);
    const names = got.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'vi')));
  });

  test('a Số chính thức typed as text ("7 (dự kiến)", #REF!): the text as typed, never a figure computed in its place', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates');
    const s = sheet(ss, 'Phân bổ');
    const final = column(s, 'Số chính thức');
    const code = (row: number) => String(s.getRange(row, column(s, 'Mã đơn vị')).getValue());
    s.getRange(3, final).setValue('7 (dự kiến)');
    s.getRange(4, final).setValue('#REF!');
    const rows = summary(rt).allocation ?? [];
    expect(rows.find((r) => r.code === code(3))?.typed).toBe('7 (dự kiến)');
    expect(rows.find((r) => r.code === code(4))?.typed).toBe('#REF!');
    expect(rows.find((r) => r.code === code(2))?.typed).toBeUndefined();
  });

  test('a unit recoded in Đơn vị after the allocation (communes merged): still named, from Phân bổ, never by code alone', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates');
    const units = sheet(ss, 'Đơn vị');
    const codeCell = units.getRange(2, column(units, 'Mã đơn vị'));
    const oldCode = String(codeCell.getValue());
    const name = String(units.getRange(2, column(units, 'Tên đơn vị')).getValue());
    codeCell.setValue(`${oldCode}-MOI`);
    const row = summary(rt).allocation?.find((r) => r.code === oldCode);
    expect(row?.name).toBe(name);
  });

  describe('decorated workbooks of the trust corpus (allocated first)', () => {
    it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, w) => {
      const ss = w.build();
      const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
      const allocation = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
      const before = snapshot(ss);
      const s = summary(rt);
      expect(diff(before, snapshot(ss))).toEqual([]);
      if (!ss.getSheetByName('Phân bổ')) {
        expect(s.allocation).toEqual([]);
        return;
      }
      expect(s.allocation?.map((r) => [r.code, r.seats])).toEqual(sheetSeats(ss));
      // Named by name (never a bare code) where `Đơn vị` names the unit.
      if (allocation.ok) {
        const byCode = new Map(allocation.rows.map((r) => [r.code, r.name]));
        for (const r of s.allocation ?? []) if (byCode.get(r.code)) expect(r.name).toBe(byCode.get(r.code));
      }
    });
  });

  test('one read of Phân bổ: calls flat in the rows (11 units and 300 units allocated)', () => {
    const calls = (units: number) => {
      const { spreadsheet } = buildSynthetic({ units, delegates: 2000 });
      const rt = new Runtime({ spreadsheet, now: '2025-03-10T09:00:00+07:00' });
      runBundle(rt, 'allocateDelegates');
      return runBundle(rt, 'compositionSummary').calls;
    };
    const small = calls(11);
    expect(calls(300)).toEqual(small);
    expect(small['Range.getValues']).toBe(5);
  });
});

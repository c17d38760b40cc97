/**
 * The allocation explained in the sheet, through the real bundle (build/Code.js) on both samples: the
 * district sample (lang-son) and the commune sample (lang-son-cap-xa, 5-digit text codes), decorated the way
 * officers decorate. For every method: the `Cách tính` column holds text whose figure is the unit's
 * `Số phân bổ`, the sidebar gets the same reasons by name, and whole-cell snapshots prove that only the
 * cells the add-in owns changed. A workbook set up before "Số theo tỷ lệ" (header "Hạn ngạch", no
 * `Cách tính`) still allocates, and setup adds `Cách tính` without duplicating the figure column.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto } from '../../src/rpc/contract';
import { CORPUS, column, findRow, sheet } from '../trust/corpus';
import { ownedCellProblems, snapshot, userDiff } from '../trust/snapshot';

const METHODS = ['Hamilton', "D'Hondt", 'Sainte-Laguë', 'Adams', 'Dean', 'Huntington-Hill'];
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
const seatsIn = (reason: string) => num(/→ ([\d.]+) đại biểu/.exec(reason)?.[1] ?? 'NaN');

function setMethod(ss: LocalSpreadsheet, method: string): void {
  const config = sheet(ss, 'Cấu hình');
  const row = findRow(config, 'Thông số', (v) => v === 'Phương pháp phân bổ');
  config.getRange(row, column(config, 'Giá trị')).setValue(method);
}

/** "Phân bổ đại biểu", confirmed (a changed method re-allocates only once the officer confirms). */
function allocate(ss: LocalSpreadsheet, now: string): AllocationResultDto {
  return runBundle(new Runtime({ spreadsheet: ss, now }), 'allocateDelegates', [{ confirmed: true }])
    .result as AllocationResultDto;
}

/** Unit rows of `Phân bổ`: code, Số phân bổ, Cách tính (value and number format). */
function sheetRows(ss: LocalSpreadsheet) {
  const s = sheet(ss, 'Phân bổ');
  const [codeCol, seatsCol, reasonCol] = ['Mã đơn vị', 'Số phân bổ', 'Cách tính'].map((h) => column(s, h));
  const rows = s.getLastRow();
  const values = s.getRange(1, 1, rows, s.getLastColumn()).getValues();
  const formats = s.getRange(1, reasonCol as number, rows, 1).getNumberFormats();
  return values
    .map((r, i) => ({
      code: r[(codeCol as number) - 1],
      seats: r[(seatsCol as number) - 1],
      reason: r[(reasonCol as number) - 1],
      format: formats[i]?.[0],
    }))
    .slice(1)
    .filter((r) => r.reason !== '');
}

describe.each(CORPUS.slice(0, 2).map((c) => [c.name, c] as const))('%s', (_, corpus) => {
  const ss = corpus.build();

  test.each(METHODS)('%s: Cách tính agrees with Số phân bổ, the sidebar names units, only owned cells change', (m) => {
    setMethod(ss, m);
    const before = snapshot(ss);
    const result = allocate(ss, corpus.now);
    const after = snapshot(ss);
    expect(result.ok).toBe(true);
    expect(userDiff(before, after)).toEqual([]);
    expect(ownedCellProblems(before, after, true)).toEqual([]);

    const rows = sheetRows(ss);
    expect(rows).toHaveLength(result.rows.length);
    for (const r of rows) {
      expect(typeof r.reason).toBe('string');
      expect(r.format).toBe('@');
      expect(seatsIn(r.reason as string)).toBe(r.seats);
      const dto = result.rows.find((x) => x.code === r.code);
      // The sheet's reason is the sidebar's; an adjustment of the officer's is said after it.
      expect(r.reason).toBe(dto?.reason);
    }
    // Names, never codes, in what the officer reads.
    const text = [...result.explanation, ...result.rows.map((r) => r.reason ?? '')].join('\n');
    expect(text).not.toMatch(/ghế|hạn ngạch|ước số chung/i);
    for (const r of result.rows) expect(text).not.toMatch(new RegExp(`(^|[\\s(,:])${r.code}([\\s),;.:]|$)`, 'u'));
  });

  test('running the same allocation again changes nothing', () => {
    const before = snapshot(ss);
    expect(allocate(ss, corpus.now).ok).toBe(true);
    const after = snapshot(ss);
    expect(userDiff(before, after)).toEqual([]);
    expect(JSON.stringify([...(after.sheets.find((s) => s.name === 'Phân bổ')?.cells ?? [])])).toBe(
      JSON.stringify([...(before.sheets.find((s) => s.name === 'Phân bổ')?.cells ?? [])]),
    );
  });
});

describe('a workbook set up before "Số theo tỷ lệ" and "Cách tính"', () => {
  const NOW = '2024-01-14T09:00:00+07:00';
  const old = () => {
    const ss = buildSample(LANG_SON);
    expect(allocate(ss, NOW).ok).toBe(true);
    const s = sheet(ss, 'Phân bổ');
    s.getRange(1, column(s, 'Số theo tỷ lệ')).setValue('Hạn ngạch');
    s.deleteColumn(column(s, 'Cách tính'));
    return ss;
  };
  const headerRow = (ss: LocalSpreadsheet) => {
    const s = sheet(ss, 'Phân bổ');
    return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? [];
  };

  test('allocates into the "Hạn ngạch" column, writes no reason, touches nothing else', () => {
    const ss = old();
    const s = sheet(ss, 'Phân bổ');
    s.getRange(2, column(s, 'Hạn ngạch')).setValue('');
    const before = snapshot(ss);
    const result = allocate(ss, NOW);
    expect(result.ok).toBe(true);
    expect(userDiff(before, snapshot(ss))).toEqual([]);
    expect(s.getRange(2, column(s, 'Hạn ngạch')).getValue()).toBe(Math.round((result.rows[0]?.quota ?? 0) * 100) / 100);
    expect(headerRow(ss)).not.toContain('Cách tính');
    expect(headerRow(ss)).not.toContain('Số theo tỷ lệ');
  });

  test('"Thiết lập bảng tính" adds Cách tính only; the next allocation fills it', () => {
    const ss = old();
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(runtime, 'setupWorkbook');
    const headers = headerRow(ss);
    expect(headers.filter((h) => h === 'Hạn ngạch' || h === 'Số theo tỷ lệ')).toEqual(['Hạn ngạch']);
    expect(headers.filter((h) => h === 'Cách tính')).toHaveLength(1);
    expect(allocate(ss, NOW).ok).toBe(true);
    const rows = sheetRows(ss);
    expect(rows).toHaveLength(11);
    for (const r of rows) expect(seatsIn(r.reason as string)).toBe(r.seats);
  });
});

/**
 * Two columns under one header (locateTable): the only one holding data below the header is read,
 * else the first; the warning stands at the first header not read and names the one read. And a
 * birth year in a date cell read as the day the spreadsheet shows in its own time zone (parseYear).
 */
import { partyColumn } from '../../src/domain/composition';
import { normaliseCell, parseSubmission } from '../../src/domain/intake/submission';
import { ProblemList } from '../../src/domain/problem';
import { parseYear, readDelegates, readUnits, UnitIndex } from '../../src/domain/records';
import { locateTable } from '../../src/domain/table';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const HEAD = ['Họ và tên', 'Mã đơn vị', 'Điện thoại', 'Dân tộc', 'Loại đại biểu', 'Điện thoại'];

function located(grid: CellValue[][]) {
  const problems = new ProblemList();
  const t = locateTable(SHEETS.delegates, grid, problems);
  const warnings = problems.items
    .filter((p) => p.rule === 'column-duplicate')
    .map((p) => [p.sheet, p.cell, p.severity, p.message]);
  return { phone: t.columns.phone, warnings };
}

describe('locateTable: a header written twice', () => {
  it('reads the second when only it holds data, and says so at the first', () => {
    const grid: CellValue[][] = [
      HEAD,
      ['A', 'HL', '', 'Tày', 'Chính thức', '0912345678'],
      ['B', 'HL', '', 'Tày', '', ''],
    ];
    expect(located(grid)).toEqual({
      phone: 5,
      warnings: [['Đại biểu', 'C1', 'warning', 'Cột "Điện thoại" xuất hiện 2 lần; chỉ dùng cột F1.']],
    });
  });

  it('reads the first when both hold data, or neither, or only it does (as before)', () => {
    const both: CellValue[][] = [HEAD, ['A', 'HL', '0911', 'Tày', '', '0912']];
    const neither: CellValue[][] = [HEAD, ['A', 'HL', '', 'Tày', '', '']];
    const first: CellValue[][] = [HEAD, ['A', 'HL', '0911', 'Tày', '', '']];
    const said = [['Đại biểu', 'F1', 'warning', 'Cột "Điện thoại" xuất hiện 2 lần; chỉ dùng cột C1.']];
    expect(located(both)).toEqual({ phone: 2, warnings: said });
    expect(located(neither)).toEqual({ phone: 2, warnings: said });
    expect(located(first)).toEqual({ phone: 2, warnings: said });
    // A header only: nothing below it, the first.
    expect(located([HEAD]).phone).toBe(2);
  });

  it('counts only what is below the header row: a title above the second column is no data', () => {
    const grid: CellValue[][] = [['', '', '', '', '', 'Cán bộ gõ thêm'], HEAD, ['A', 'HL', '', 'Tày', '', '']];
    expect(located(grid).phone).toBe(2);
    grid.push(['B', 'HL', '', 'Tày', '', 0]);
    // A zero is data (a number typed), a blank string is not.
    expect(located(grid)).toEqual({
      phone: 5,
      warnings: [['Đại biểu', 'C2', 'warning', 'Cột "Điện thoại" xuất hiện 2 lần; chỉ dùng cột F2.']],
    });
  });

  it('of three, the only one holding data; the warning at the first one not read', () => {
    const head = ['Họ và tên', 'Mã đơn vị', 'Điện thoại', 'Điện thoại', 'Điện thoại'];
    expect(located([head, ['A', 'HL', '', '0912', '']])).toEqual({
      phone: 3,
      warnings: [['Đại biểu', 'C1', 'warning', 'Cột "Điện thoại" xuất hiện 3 lần; chỉ dùng cột D1.']],
    });
    expect(located([head, ['A', 'HL', '', '0912', '0913']]).phone).toBe(2);
  });

  it('an alias counts as the same header ("Số điện thoại" beside "Điện thoại")', () => {
    const head = ['Họ và tên', 'Mã đơn vị', 'Điện thoại', 'Số điện thoại'];
    const t = locateTable(SHEETS.delegates, [head, ['A', 'HL', '', '0912']], new ProblemList());
    expect(t.columns.phone).toBe(3);
  });

  it('readDelegates reads the column holding data (a required column moved by the officer)', () => {
    const head = ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Loại đại biểu', 'Mã đơn vị'];
    const grid: CellValue[][] = [
      head,
      ['A', '', 'Tày', 'Nam', 1980, 'Chính thức', 'HL'],
      ['B', '', 'Nùng', 'Nữ', 1985, 'Chính thức', 'HL'],
    ];
    const units = new UnitIndex([]);
    const problems = new ProblemList();
    const rows = readDelegates(grid, units, problems);
    expect(rows.map((r) => [r.data.unit, r.cells.unit])).toEqual([
      ['HL', 'G2'],
      ['HL', 'G3'],
    ]);
    expect(problems.items.filter((p) => p.rule === 'cell-required')).toEqual([]);
  });

  it('partyColumn (composition) agrees with the other readers', () => {
    const head = ['Họ và tên', 'Mã đơn vị', 'Đảng viên', 'Dân tộc', 'Đảng viên'];
    expect(partyColumn([head, ['A', 'HL', '', 'Tày', 'x']], 1)).toBe(4);
    expect(partyColumn([head, ['A', 'HL', 'x', 'Tày', 'x']], 1)).toBe(2);
    expect(partyColumn([['Tiêu đề'], head, ['A', 'HL', '', 'Tày', 'x']], 2)).toBe(4);
    expect(partyColumn([head], 1)).toBe(2);
  });
});

describe('a unit’s file with a header written twice (the same rule as the sheets)', () => {
  const units = readUnits(
    [
      ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS'],
      ['ET', 'Ea Tân', 10000, 8000],
    ],
    new ProblemList(),
  );
  const index = new UnitIndex(units);
  const parse = (table: (string | number | null)[][]) =>
    parseSubmission(table, units[0] as (typeof units)[number], index, 420);

  it('takes the phones from the column holding them and says which column is used', () => {
    const p = parse([
      ['Họ và tên', 'Điện thoại', 'Dân tộc', 'Điện thoại'],
      ['Y Thị A', '', 'Ê Đê', '0912345678'],
      ['Y Văn B', '', 'Ê Đê', ''],
    ]);
    expect(p.columns.map((c) => c.key)).toEqual(['name', null, 'ethnic', 'phone']);
    expect(p.rows.map((r) => r.cells.phone?.value ?? null)).toEqual(['0912345678', null]);
    expect(p.problems.map((x) => x.message)).toContain('Cột "Điện thoại" xuất hiện nhiều lần; chỉ lấy cột D1.');
  });

  it('both holding phones: the first, as before', () => {
    const p = parse([
      ['Họ và tên', 'Điện thoại', 'Dân tộc', 'Điện thoại'],
      ['Y Thị A', '0911111111', 'Ê Đê', '0912345678'],
    ]);
    expect(p.rows.map((r) => r.cells.phone?.value)).toEqual(['0911111111']);
    expect(p.problems.map((x) => x.message)).toContain('Cột "Điện thoại" xuất hiện nhiều lần; chỉ lấy cột B1.');
  });
});

// ---------------------------------------------------------------------------------------------
// Birth years of date cells, in the spreadsheet's zone.

/** The instant Sheets gives a date cell showing d/m/y 00:00 in a zone `offset` minutes east of UTC. */
const midnight = (y: number, m: number, d: number, offset: number) => new Date(Date.UTC(y, m - 1, d) - offset * 60_000);

const TOKYO = 540;
const LOS_ANGELES = -480; // PST: 01/01 and 31/12 are in standard time

describe('parseYear: a date cell is the year the spreadsheet shows', () => {
  it.each([
    ['Asia/Tokyo', TOKYO],
    ['America/Los_Angeles', LOS_ANGELES],
    ['Asia/Ho_Chi_Minh', 420],
  ])('%s: 01/01/1990 and 31/12/1990 are 1990', (_zone, offset) => {
    expect(parseYear(midnight(1990, 1, 1, offset), offset)).toEqual({ ok: true, value: 1990 });
    expect(parseYear(midnight(1990, 12, 31, offset), offset)).toEqual({ ok: true, value: 1990 });
    // Late in the day is still that day.
    const late = new Date(midnight(1990, 12, 31, offset).getTime() + (23 * 60 + 59) * 60_000);
    expect(parseYear(late, offset)).toEqual({ ok: true, value: 1990 });
  });

  it('Tokyo 01/01/1990 was 1989 in the script’s zone (the default, Asia/Ho_Chi_Minh)', () => {
    expect(parseYear(midnight(1990, 1, 1, TOKYO))).toEqual({ ok: true, value: 1989 });
  });

  it('1990 typed into a date-formatted cell (12/06/1905) in Tokyo and Los Angeles: 1990 with the warning', () => {
    for (const offset of [TOKYO, LOS_ANGELES]) {
      const r = parseYear(midnight(1905, 6, 12, offset), offset);
      expect(r).toMatchObject({ ok: true, value: 1990 });
      expect(r.ok && r.warning).toContain('12/06/1905');
    }
  });

  it('an invalid Date is no year; text and numbers as before', () => {
    expect(parseYear(new Date(Number.NaN), TOKYO).ok).toBe(false);
    expect(parseYear('1.990', TOKYO)).toEqual({ ok: true, value: 1990 });
    expect(parseYear(1985, LOS_ANGELES)).toEqual({ ok: true, value: 1985 });
  });

  it('the intake and readDelegates read the year in the zone they are given', () => {
    const column = SHEETS.delegates.columns.find((c) => c.key === 'birthYear');
    if (!column) throw new Error('no Năm sinh');
    expect(normaliseCell(column, midnight(1990, 1, 1, TOKYO), TOKYO)).toEqual({ display: '1990', value: 1990 });
    const grid: CellValue[][] = [
      ['Họ và tên', 'Mã đơn vị', 'Năm sinh'],
      ['A', 'HL', midnight(1990, 1, 1, TOKYO)],
      ['B', 'HL', midnight(1990, 12, 31, LOS_ANGELES)],
    ];
    const years = (zone: number) =>
      readDelegates(grid, new UnitIndex([]), new ProblemList(), zone).map((r) => r.data.birthYear);
    expect(years(TOKYO)[0]).toBe(1990);
    expect(years(LOS_ANGELES)[1]).toBe(1990);
  });
});

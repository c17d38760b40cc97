import { ProblemList } from '../../src/domain/problem';
import { readDelegates, readSettingsWithCells, readUnits, UnitIndex } from '../../src/domain/records';
import { locateTable } from '../../src/domain/table';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const unitsGrid = (): CellValue[][] => [
  ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS', 'Tối thiểu', 'Tối đa', 'Ghi chú'],
  ['HL', 'Hữu Lũng', '121.735', '67.120', '', '', ''],
  ['TPLS', 'Thành phố Lạng Sơn', 103284, '58.340', '', '', ''],
];

describe('locateTable', () => {
  it('finds columns in any order, ignoring case, spacing and Unicode form', () => {
    const problems = new ProblemList();
    const grid: CellValue[][] = [
      ['DANH SÁCH ĐẠI BIỂU', '', ''],
      ['', '', ''],
      ['  dân TỘC ', 'Cột riêng', 'HỌ VÀ TÊN'.normalize('NFD'), 'Mã đơn vị', 'Loại đại biểu'],
    ];
    const t = locateTable(SHEETS.delegates, grid, problems);
    expect(t.headerRow).toBe(3);
    expect(t.columns).toMatchObject({ ethnic: 0, name: 2, unit: 3, kind: 4 });
    expect(problems.items).toEqual([]);
  });

  it('reports a missing required column at the header row, and a duplicated header', () => {
    const problems = new ProblemList();
    locateTable(SHEETS.delegates, [['Họ và tên', 'Dân tộc', 'Dân tộc', 'Loại đại biểu']], problems);
    expect(problems.items.map((p) => [p.rule, p.cell, p.severity])).toEqual([
      ['column-missing', 'A1', 'error'],
      ['column-duplicate', 'C1', 'warning'],
    ]);
    expect(problems.items[0]?.message).toContain('"Mã đơn vị"');
  });

  it('reports a missing sheet only when it has required columns', () => {
    const problems = new ProblemList();
    const t = locateTable(SHEETS.units, null, problems);
    expect(t.present).toBe(false);
    expect(problems.items[0]).toMatchObject({ rule: 'sheet-missing', sheet: 'Đơn vị' });
  });
});

describe('readUnits', () => {
  it('reads Vietnamese number forms and skips blank rows', () => {
    const problems = new ProblemList();
    const grid = unitsGrid();
    grid.splice(2, 0, ['', '', '', '', '', '', '']);
    const units = readUnits(grid, problems);
    expect(units.map((u) => [u.row, u.data.code, u.data.population, u.data.dttsPopulation])).toEqual([
      [2, 'HL', 121735, 67120],
      [4, 'TPLS', 103284, 58340],
    ]);
    expect(problems.items).toEqual([]);
  });

  it('reports bad cells with sheet, A1 cell and a Vietnamese message, and keeps reading', () => {
    const problems = new ProblemList();
    const grid = unitsGrid();
    grid.push(['BS', 'Bắc Sơn', 'abc', -5, '', '', '']);
    grid.push(['HL', '', 1000, '#REF!', '', '', '']);
    const units = readUnits(grid, problems);
    expect(units).toHaveLength(4);
    const summary = problems.items.map((p) => [p.rule, p.sheet, p.cell]);
    expect(summary).toEqual([
      ['cell-invalid', 'Đơn vị', 'C4'],
      ['cell-invalid', 'Đơn vị', 'D4'],
      ['cell-required', 'Đơn vị', 'B5'],
      ['cell-error-value', 'Đơn vị', 'D5'],
      ['unit-duplicate', 'Đơn vị', 'A5'],
    ]);
    expect(problems.items[3]?.message).toContain('#REF!');
  });

  it('accepts an English thousands comma with a warning at its cell', () => {
    const problems = new ProblemList();
    const [u] = readUnits([unitsGrid()[0] as CellValue[], ['X', 'Xã X', '1,234,567', '58,340', '', '', '']], problems);
    expect([u?.data.population, u?.data.dttsPopulation]).toEqual([1234567, 58340]);
    expect(problems.items.map((p) => [p.rule, p.cell, p.severity])).toEqual([['cell-doubtful', 'D2', 'warning']]);
  });

  it('flags DTTS population above the total', () => {
    const problems = new ProblemList();
    readUnits([unitsGrid()[0] as CellValue[], ['X', 'Xã X', 100, 200, '', '', '']], problems);
    expect(problems.items.map((p) => p.rule)).toEqual(['unit-dtts-above-population']);
  });
});

describe('readDelegates', () => {
  const header = ['STT', 'Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Thành phần', 'Loại đại biểu'];
  it('resolves units by code or name, the provincial level, ethnic spellings and genders', () => {
    const problems = new ProblemList();
    const index = new UnitIndex(readUnits(unitsGrid(), new ProblemList()));
    const grid: CellValue[][] = [
      header,
      [1, 'Hoàng Văn A', 'HL', "H'Mông", 'nam', 1980, '', 'Chính thức'],
      [2, 'Nông Thị B', 'hữu lũng', 'Ê-đê'.normalize('NFD'), 'Nữ', '1.985', '', 'chinh thuc'],
      [3, 'Lý Văn C', 'Cấp tỉnh', 'Tày', 'F', 1970, '', 'Đương nhiên'],
      [4, 'Vi Văn D', 'XYZ', 'Mong', 'x', 1975, '', 'Khách mời'],
    ];
    const rows = readDelegates(grid, index, problems);
    expect(rows.map((r) => [r.unitRecord?.data.code ?? null, r.provincial, r.data.ethnic, r.data.gender])).toEqual([
      ['HL', false, '05', 'male'].map((v, i) => (i === 2 ? rows[0]?.data.ethnic : v)),
      ['HL', false, rows[1]?.data.ethnic, 'female'],
      [null, true, '02', 'female'],
      [null, false, rows[0]?.data.ethnic, null],
    ]);
    expect(rows[1]?.data.birthYear).toBe(1985);
    expect(problems.items.map((p) => [p.rule, p.cell, p.severity])).toEqual([
      ['cell-doubtful', 'D5', 'warning'],
      ['cell-invalid', 'E5', 'error'],
      ['unit-unknown', 'C5', 'error'],
    ]);
  });
});

describe('readSettingsWithCells', () => {
  it('reads settings by label, remembers their cells, and keeps defaults on bad values', () => {
    const problems = new ProblemList();
    const grid: CellValue[][] = [
      ['Thông số', 'Giá trị', 'Ghi chú'],
      ['tổng số đại biểu chính thức', '250', ''],
      ['Tỷ lệ khách mời tối đa', '1/3', ''],
      ['Cấp đơn vị', 'Xã', ''],
      ['Phương pháp phân bổ', 'Sainte-Laguë', ''],
      ['Số đại biểu đương nhiên', 'mười', ''],
      ['Thông số lạ', 'x', ''],
    ];
    const { settings, cells } = readSettingsWithCells(grid, 420, problems);
    expect(settings.officialTotal).toBe(250);
    expect(settings.maxGuestShare).toBeCloseTo(1 / 3);
    expect(settings.level).toBe('commune');
    expect(settings.method).toBe('webster');
    expect(settings.exOfficioSeats).toBe(0);
    expect(cells.officialTotal).toBe('B2');
    expect(problems.items.map((p) => [p.rule, p.cell])).toEqual([
      ['setting-invalid', 'B6'],
      ['setting-unknown', 'A7'],
    ]);
  });
});

/**
 * The birth-year rule: no age bounds unless the officer sets them in `Cấu hình`; outside them is a
 * warning worded as an officer writes it; an impossible year stays an error.
 */
import { checkStructure } from '../../src/domain/checks/structure';
import { ProblemList } from '../../src/domain/problem';
import { readDelegates, readSettingsWithCells, readUnits, UnitIndex } from '../../src/domain/records';
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../../src/domain/settings';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);

function check(years: CellValue[], config: [string, CellValue][] = [['Năm', 2024]]) {
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells([['Thông số', 'Giá trị', 'Ghi chú'], ...config], 420, problems);
  const units = readUnits([header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems);
  const index = new UnitIndex(units);
  const delegates = readDelegates(
    [
      header('delegates'),
      ...years.map((y, i) => [i + 1, `Người ${String.fromCharCode(65 + i)}`, 'A', 'Tày', 'Nam', y, '', 'Khách mời']),
    ],
    index,
    problems,
  );
  const year = settings.year ?? 2026;
  checkStructure({ settings, settingCells: cells, delegates, unitEthnic: [], year }, problems);
  return problems.items.map((p) => ({ rule: p.rule, severity: p.severity, cell: p.cell, message: p.message }));
}

describe('age bounds', () => {
  it('has no bounds by default, and setup writes them blank', () => {
    expect(DEFAULT_SETTINGS.minAge).toBeNull();
    expect(DEFAULT_SETTINGS.maxAge).toBeNull();
    const specs = SETTING_SPECS.filter((s) => s.key === 'minAge' || s.key === 'maxAge');
    expect(specs.map((s) => s.initial)).toEqual(['', '']);
    expect(specs.every((s) => s.note.startsWith('Để trống: không kiểm tra.'))).toBe(true);
  });

  it('accepts real delegates aged 12, 13 and 102 when no bound is set', () => {
    // A pupil of 13 (Đồng Nai 2014), delegates of about 12 and 102 (national congress 2010).
    expect(check([2012, 2011, 1922])).toEqual([]);
  });

  it('warns, in the words of an officer, outside bounds the officer set', () => {
    const problems = check(
      [2015, 1922, 1980],
      [
        ['Năm', 2024],
        ['Tuổi tối thiểu của đại biểu', 18],
        ['Tuổi tối đa của đại biểu', 100],
      ],
    );
    expect(problems).toEqual([
      {
        rule: 'birth-year-outside-ages',
        severity: 'warning',
        cell: 'F2',
        message: 'Năm sinh 2015: đến năm 2024 mới 9 tuổi, ngoài độ tuổi quy định 18–100.',
      },
      {
        rule: 'birth-year-outside-ages',
        severity: 'warning',
        cell: 'F3',
        message: 'Năm sinh 1922: đến năm 2024 đã 102 tuổi, ngoài độ tuổi quy định 18–100.',
      },
    ]);
  });

  it('words a single bound', () => {
    const low = check(
      [2015],
      [
        ['Năm', 2024],
        ['Tuổi tối thiểu của đại biểu', 18],
      ],
    );
    expect(low.map((p) => p.message)).toEqual([
      'Năm sinh 2015: đến năm 2024 mới 9 tuổi, ngoài độ tuổi quy định từ 18 tuổi trở lên.',
    ]);
    const high = check(
      [1922, 2015],
      [
        ['Năm', 2024],
        ['Tuổi tối đa của đại biểu', 100],
      ],
    );
    expect(high.map((p) => p.message)).toEqual([
      'Năm sinh 1922: đến năm 2024 đã 102 tuổi, ngoài độ tuổi quy định không quá 100 tuổi.',
    ]);
  });

  it('keeps a workbook set up with the old defaults (18 and 100) working: a warning, never an error', () => {
    const problems = check(
      [2010],
      [
        ['Năm', 2024],
        ['Tuổi tối thiểu của đại biểu', 18],
        ['Tuổi tối đa của đại biểu', 100],
      ],
    );
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([['birth-year-outside-ages', 'warning']]);
  });

  it('flags bounds typed the wrong way round once, at the setting', () => {
    const problems = check(
      [1980],
      [
        ['Năm', 2024],
        ['Tuổi tối thiểu của đại biểu', 60],
        ['Tuổi tối đa của đại biểu', 18],
      ],
    );
    expect(problems[0]).toMatchObject({ rule: 'age-bounds-reversed', severity: 'warning', cell: 'B3' });
  });
});

describe('impossible birth years stay errors', () => {
  it('a year after or equal to the congress year, and a year before 1900', () => {
    const problems = check([2030, 2024, 1890]);
    expect(problems).toEqual([
      {
        rule: 'birth-year-implausible',
        severity: 'error',
        cell: 'F2',
        message: 'Năm sinh 2030 không hợp lệ: sau năm Đại hội (2024).',
      },
      {
        rule: 'birth-year-implausible',
        severity: 'error',
        cell: 'F3',
        message: 'Năm sinh 2024 không hợp lệ: trùng năm Đại hội (2024), đại biểu chưa đủ 1 tuổi.',
      },
      {
        rule: 'birth-year-implausible',
        severity: 'error',
        cell: 'F4',
        message: 'Năm sinh 1890 không hợp lệ: trước năm 1900.',
      },
    ]);
  });

  it('counts from this year when the congress year is not set, and says so', () => {
    expect(check([2027], []).map((p) => p.message)).toEqual(['Năm sinh 2027 không hợp lệ: sau năm nay (2026).']);
  });

  it('a year that is not a number is a cell error with a lower-case clause after the colon', () => {
    const problems = check(['năm tám mươi', '85']);
    expect(problems.map((p) => [p.rule, p.severity, p.cell])).toEqual([
      ['cell-invalid', 'error', 'F2'],
      ['cell-invalid', 'error', 'F3'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/^Năm sinh: [a-zà-ỹđ"]/u);
  });

  it('impossible years are errors even when bounds are set, never a second warning', () => {
    const problems = check(
      [2030],
      [
        ['Năm', 2024],
        ['Tuổi tối thiểu của đại biểu', 18],
      ],
    );
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([['birth-year-implausible', 'error']]);
  });
});

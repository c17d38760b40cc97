/**
 * Wording an officer would otherwise correct: each sentence pinned, one number formatter (1.234) in
 * every message, lower case after a colon, task names cut at a word.
 */
import { planAllocation } from '../../src/domain/allocation';
import { checkDelegates } from '../../src/domain/checks/delegates';
import { officialFigureProblems } from '../../src/domain/checks/officialFigures';
import { checkStructure } from '../../src/domain/checks/structure';
import { formatShare, formatVnNumber } from '../../src/domain/numbers';
import { ProblemList } from '../../src/domain/problem';
import {
  readAllocationTable,
  readDelegates,
  readSettingsWithCells,
  readUnitEthnic,
  readUnits,
  UnitIndex,
} from '../../src/domain/records';
import { readRoster } from '../../src/domain/roster';
import { checkRoster } from '../../src/domain/roster/checks';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import { afterColon, truncateAtWord } from '../../src/domain/text';
import type { CellValue } from '../../src/domain/values';
import { ALLOCATION_MESSAGES, CHECK_MESSAGES, ROSTER_MESSAGES } from '../../src/ui/vi';

const header = (key: SheetKey) => SHEETS[key].columns.map((c) => c.header);
type Row = [string, string, string, string, number, string];
const delegatesGrid = (rows: Row[]): CellValue[][] => [
  header('delegates'),
  ...rows.map(([name, unit, ethnic, gender, year, kind], i) => [i + 1, name, unit, ethnic, gender, year, '', kind]),
];

function validate(opts: { config?: [string, CellValue][]; units?: CellValue[][]; delegates: Row[] }) {
  const problems = new ProblemList();
  const config: CellValue[][] = [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ['Tổng số đại biểu chính thức', 20],
    ['Năm', 2024],
    ...(opts.config ?? []),
  ];
  const { settings, cells } = readSettingsWithCells(config, 420, problems);
  const units = readUnits(opts.units ?? [header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems);
  const index = new UnitIndex(units);
  const delegates = readDelegates(delegatesGrid(opts.delegates), index, problems);
  const alloc = readAllocationTable(null, problems);
  const plan = planAllocation(settings, cells, units, alloc.rows, delegates, new ProblemList());
  const before = problems.items.length;
  checkDelegates({ settings, settingCells: cells, plan, sheetRows: alloc.rows, delegates }, problems);
  return {
    settings,
    cells,
    index,
    delegates,
    reader: problems.items.slice(0, before),
    problems: problems.items.slice(before),
  };
}

describe('one Vietnamese number formatter', () => {
  it.each([
    [1234, '1.234'],
    [1234567, '1.234.567'],
    [999, '999'],
    [0, '0'],
    [-1234, '-1.234'],
    [12.5, '12,5'],
  ])('formatVnNumber(%p) = %p', (x, s) => expect(formatVnNumber(x)).toBe(s));

  it.each([
    [1 / 3, '1/3'],
    [2 / 3, '2/3'],
    [0.3, '30%'],
    [0.5, '50%'],
    [0.333, '33,3%'],
    [1, '100%'],
  ])('formatShare(%p) = %p', (x, s) => expect(formatShare(x)).toBe(s));

  it('writes counts with thousands separators in the messages', () => {
    expect(CHECK_MESSAGES.groupUnrepresented('Sán Dìu', 12500, ['Hữu Lũng'])).toBe(
      'Dân tộc Sán Dìu (12.500 người, ở Hữu Lũng) chưa có đại biểu chính thức.',
    );
    expect(CHECK_MESSAGES.delegateCount('Hữu Lũng', 1234, true, 1001, 2235)).toBe(
      '"Hữu Lũng" đã đăng ký 1.234 đại biểu chính thức, thiếu 1.001 so với 2.235 được phân bổ.',
    );
    expect(CHECK_MESSAGES.officialTotalMismatch('Phân bổ', 1190, 0, 1200)).toBe(
      'Tổng Số chính thức trong trang "Phân bổ" là 1.190, khác tổng số đại biểu chính thức đã cấu hình (1.200).',
    );
    expect(ROSTER_MESSAGES.unitsUnsupervised(1499, 'xã', ['Xã A', 'Xã B'])).toBe(
      '1.499 xã chưa có thành viên phụ trách: Xã A, Xã B…',
    );
    expect(ROSTER_MESSAGES.progressReached(1250, 3321, 'xã, phường', 'tổ chức Đại hội')).toBe(
      '1.250/3.321 xã, phường đã tổ chức Đại hội',
    );
    expect(ALLOCATION_MESSAGES.done(1200, 3321, 'Hamilton')).toBe(
      'Đã phân bổ 1.200 đại biểu cho 3.321 đơn vị theo Hamilton.',
    );
  });

  it('reads the population of a unit with separators in its message', () => {
    const problems = new ProblemList();
    readUnits([header('units'), ['A', 'Huyện A', 40000, 52000, '', '', '']], problems);
    expect(problems.items[0]?.message).toBe('Dân số DTTS (52.000) lớn hơn tổng dân số (40.000) của đơn vị "Huyện A".');
  });
});

describe('official figures', () => {
  const rows = (figures: [string, number, number, number][]) =>
    readAllocationTable(
      [
        header('allocation'),
        ...figures.map(([code, seats, adj, final]) => [code, code, 0, 0, seats, adj, final, 0, 0, '']),
      ],
      new ProblemList(),
    ).rows;

  it('leaves out the fixed-seats clause when there are none, and writes large totals with separators', () => {
    const problems = officialFigureProblems({ rows: rows([['A', 1190, 0, 1190]]), officialTotal: 1200, fixedSeats: 0 });
    expect(problems.map((p) => p.message)).toEqual([
      'Tổng Số chính thức trong trang "Phân bổ" là 1.190, khác tổng số đại biểu chính thức đã cấu hình (1.200).',
    ]);
  });

  it('names the fixed seats as delegates, never "ghế"', () => {
    const problems = officialFigureProblems({ rows: rows([['A', 170, 0, 170]]), officialTotal: 250, fixedSeats: 60 });
    expect(problems.map((p) => p.message)).toEqual([
      'Tổng Số chính thức trong trang "Phân bổ" là 170, cộng 60 đại biểu cơ quan cấp tỉnh và đương nhiên là 230, khác tổng số đại biểu chính thức đã cấu hình (250).',
    ]);
  });
});

describe('guests above the share', () => {
  it('says "vượt mức tối đa 6 (1/3 số đại biểu chính thức là 20)"', () => {
    const rows: Row[] = Array.from({ length: 8 }, (_, i) => [`Khách ${i}`, 'A', 'Tày', 'Nam', 1980, 'Khách mời']);
    const { problems } = validate({ delegates: rows });
    expect(problems.find((p) => p.rule === 'guests-above-share')?.message).toBe(
      'Có 8 khách mời, vượt mức tối đa 6 (1/3 số đại biểu chính thức là 20).',
    );
  });

  it('words a percentage share and the per-unit case', () => {
    expect(CHECK_MESSAGES.guestsAboveShare(7, 6, formatShare(0.3), 20)).toBe(
      'Có 7 khách mời, vượt mức tối đa 6 (30% số đại biểu chính thức là 20).',
    );
    expect(CHECK_MESSAGES.guestsAboveShareUnit('Hữu Lũng', 4, 3, formatShare(1 / 3), 10)).toBe(
      '"Hữu Lũng" có 4 khách mời, vượt mức tối đa 3 (1/3 số đại biểu chính thức của đơn vị là 10).',
    );
  });

  it('names the provincial seats without "ghế"', () => {
    const { problems } = validate({
      config: [['Số đại biểu cơ quan cấp tỉnh', 3]],
      delegates: [['Lò Văn T', 'Cấp tỉnh', 'Thái', 'Nam', 1980, 'Chính thức']],
    });
    expect(problems.find((p) => p.rule === 'provincial-seats-short')?.message).toBe(
      'Đã đăng ký 1 đại biểu cơ quan cấp tỉnh, thiếu 2 so với 3 theo trang Cấu hình.',
    );
  });
});

describe('duplicates', () => {
  it('asks the question with its "không"', () => {
    const problems = new ProblemList();
    const units = readUnits([header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems);
    const delegates = readDelegates(
      delegatesGrid([
        ['Hoàng Văn A', 'A', 'Tày', 'Nam', 1980, 'Chính thức'],
        ['Hoàng Văn A', 'A', 'Tày', 'Nam', 1980, 'Khách mời'],
      ]),
      new UnitIndex(units),
      problems,
    );
    checkStructure({ settings: DEFAULT_SETTINGS, settingCells: {}, delegates, unitEthnic: [], year: 2024 }, problems);
    const p = problems.items.find((x) => x.rule === 'delegate-duplicate');
    expect(p?.message).toBe('"Hoàng Văn A" (sinh 1980) có thể trùng với dòng 2.');
    expect(p?.suggestion).toBe('Kiểm tra xem đây có phải là một người được khai hai lần không.');
  });
});

describe('an ethnic group typed without diacritics', () => {
  it('says "(ghi không dấu)"', () => {
    const problems = new ProblemList();
    const units = readUnits([header('units'), ['A', 'Huyện A', 60000, 50000, '', '', '']], problems);
    readUnitEthnic([header('unitEthnic'), ['A', 'San Diu', 1200]], new UnitIndex(units), problems);
    expect(problems.items.map((p) => p.message)).toEqual([
      'Dân tộc: "San Diu" được hiểu là dân tộc Sán Dìu (ghi không dấu).',
    ]);
  });
});

describe('lower case after a colon', () => {
  it.each([
    ['Không nhận ra phương pháp phân bổ "X"', 'không nhận ra phương pháp phân bổ "X"'],
    ['Ô chứa ngày tháng, không phải số', 'ô chứa ngày tháng, không phải số'],
    ['Ngày "31/02/2024" không tồn tại', 'ngày "31/02/2024" không tồn tại'],
    ['"abc" không phải là số', '"abc" không phải là số'],
    ['Giá trị TRUE không phải là số', 'giá trị TRUE không phải là số'],
    ['TRUE không phải', 'TRUE không phải'],
    ['UBND tỉnh', 'UBND tỉnh'],
    ['Ban Chỉ đạo chưa có Trưởng ban', 'Ban Chỉ đạo chưa có Trưởng ban'],
    ['Đại hội ngày 05/03/2024', 'Đại hội ngày 05/03/2024'],
    ['Hamilton (số dư lớn nhất)', 'Hamilton (số dư lớn nhất)'],
    ['Đã hiểu "30" là 30%', 'đã hiểu "30" là 30%'],
    ['Ơ'.normalize('NFD') + 'n', 'ơ'.normalize('NFD') + 'n'],
    ['', ''],
  ])('afterColon(%p) = %p', (input, output) => expect(afterColon(input)).toBe(output));

  it('applies to a setting the reader cannot use and to a cell the reader cannot read', () => {
    const problems = new ProblemList();
    readSettingsWithCells(
      [
        ['Thông số', 'Giá trị', 'Ghi chú'],
        ['Phương pháp phân bổ', 'Bốc thăm'],
      ],
      420,
      problems,
    );
    expect(problems.items[0]?.message).toBe('Phương pháp phân bổ: không nhận ra phương pháp phân bổ "Bốc thăm".');
    const cells = new ProblemList();
    readUnits([header('units'), ['A', 'Huyện A', new Date(2024, 0, 1), 50000, '', '', '']], cells);
    expect(cells.items[0]?.message).toMatch(/^Dân số: ô chứa ngày tháng/);
  });

  it('every message of the checks and of the allocation keeps lower case after its colons', () => {
    const texts = [
      CHECK_MESSAGES.ageOutside(2015, 2024, 9, 18, 100),
      CHECK_MESSAGES.birthYearAfter(2030, 2024, true),
      CHECK_MESSAGES.birthYearBefore(1890, 1900),
      CHECK_MESSAGES.shareUnit('Hữu Lũng', 'nữ', '20%', 1, 5, CHECK_MESSAGES.shareOutside(true, '30%')),
      CHECK_MESSAGES.officialNegative('"HL"', -1),
      ALLOCATION_MESSAGES.warnings(2, 'Số chính thức của "HL" là -1.'),
    ];
    for (const t of texts) {
      for (const m of t.matchAll(/: (\p{Lu}\p{Ll}*)/gu)) expect([t, m[1]]).toEqual([t, 'Năm']);
    }
    expect(ALLOCATION_MESSAGES.warnings(2, 'Số chính thức của "HL" là -1.')).toBe(
      ' Có 2 cảnh báo, đầu tiên: số chính thức của "HL" là -1.',
    );
  });
});

describe('task names in messages', () => {
  it.each([
    ['Xây dựng dự thảo Chỉ thị của Ban Thường vụ Tỉnh ủy về lãnh đạo Đại hội đại biểu các DTTS', 60],
    ['Tham mưu Kế hoạch tổ chức Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ IV', 40],
  ])('cuts %p at a word with "…"', (text, max) => {
    const cut = truncateAtWord(text, max);
    expect(Array.from(cut).length).toBeLessThanOrEqual(max);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toBe(' ');
  });

  it('keeps a short name whole and cuts one long word as before', () => {
    expect(truncateAtWord('Họp Ban Chỉ đạo', 60)).toBe('Họp Ban Chỉ đạo');
    expect(truncateAtWord('x'.repeat(80), 10)).toBe('xxxxxxxxx…');
  });

  it('names an overdue task with its content cut at a word', () => {
    const content =
      'Xây dựng dự thảo Chỉ thị của Ban Thường vụ Tỉnh ủy về lãnh đạo Đại hội đại biểu các dân tộc thiểu số các cấp';
    const grid = (key: SheetKey, rows: Record<string, CellValue>[]): CellValue[][] => [
      header(key),
      ...rows.map((f) => SHEETS[key].columns.map((c) => f[c.key] ?? '')),
    ];
    const problems = new ProblemList();
    const units = readUnits(grid('units', [{ code: 'HL', name: 'Hữu Lũng', dttsPopulation: 100 }]), problems);
    const index = new UnitIndex(units);
    const data = readRoster(
      { tasks: grid('tasks', [{ content, lead: 'Ban Dân tộc', deadline: '10/01/2024' }]) },
      index,
      420,
      problems,
    );
    const list = new ProblemList();
    checkRoster({ ...data, settings: DEFAULT_SETTINGS, today: '2024-01-12', units, index }, list);
    const overdue = list.items.find((p) => p.rule === 'task-overdue');
    expect(overdue?.message).toBe(
      'Nhiệm vụ dòng 2 (Xây dựng dự thảo Chỉ thị của Ban Thường vụ Tỉnh ủy về lãnh…) đã quá hạn 2 ngày (hạn 10/01/2024, chủ trì: Ban Dân tộc).',
    );
  });
});

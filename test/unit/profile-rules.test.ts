/**
 * Profile of the delegates: the completeness rule (`Thông tin bắt buộc của đại biểu`), the value
 * checks (phone, date of birth, Đảng viên / Đoàn viên) and the setting's parsing, on grids.
 */
import { checkProfiles, parseMembership, phoneProblem, requiredDelegateKeys } from '../../src/domain/checks/profile';
import { ProblemList } from '../../src/domain/problem';
import { readDelegates, readSettingsWithCells, readUnits, UnitIndex } from '../../src/domain/records';
import { PROFILE_COLUMNS, SHEETS, type SheetKey } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const headers = (key: SheetKey) => SHEETS[key].columns.map((c) => c.header);

const UNITS: CellValue[][] = [
  ['ET', 'Xã Ea Tân', 12000, 9000, '', '', ''],
  ['KB', 'Xã Krông Búk', 15000, 11000, '', '', ''],
];

type Row = Partial<Record<string, CellValue>>;
/** A delegate row by column key, in the template's order. */
function row(r: Row): CellValue[] {
  return SHEETS.delegates.columns.map((c) => r[c.key] ?? '');
}
const base = (n: number, unit: string, extra: Row = {}): Row => ({
  index: n,
  name: `Người ${n}`,
  unit,
  ethnic: 'Ê Đê',
  gender: 'Nam',
  birthYear: 1980,
  kind: 'Chính thức',
  ...extra,
});

function settingsGrid(required: string): CellValue[][] {
  return [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ['Năm', 2025, ''],
    ['Thông tin bắt buộc của đại biểu', required, ''],
  ];
}

function run(opts: { required?: string; header?: CellValue[]; rows: CellValue[][]; today?: string }) {
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(settingsGrid(opts.required ?? ''), 420, problems);
  const units = readUnits([headers('units'), ...UNITS], problems);
  const index = new UnitIndex(units);
  const grid = [opts.header ?? headers('delegates'), ...opts.rows];
  const delegates = readDelegates(grid, index, problems);
  const before = problems.items.length;
  checkProfiles(
    { settings, settingCells: cells, delegates, grid, today: opts.today ?? '2025-06-01', zone: 420 },
    problems,
  );
  return { settings, all: problems.items, found: problems.items.slice(before) };
}

const short = (p: { sheet: string; cell: string; message: string }) => `${p.sheet}!${p.cell} ${p.message}`;

describe('Thông tin bắt buộc của đại biểu (the setting)', () => {
  const parse = (value: CellValue) => {
    const problems = new ProblemList();
    const { settings } = readSettingsWithCells(settingsGrid(value as string), 420, problems);
    return { keys: settings.requiredProfileFields, problems: problems.items };
  };

  it('blank is none', () => {
    expect(parse('')).toEqual({ keys: [], problems: [] });
  });

  it('the required columns of an intake form: the template’s, then the setting’s', () => {
    expect(requiredDelegateKeys({ requiredProfileFields: [] })).toEqual(['name', 'unit', 'ethnic', 'kind']);
    expect(requiredDelegateKeys({ requiredProfileFields: parse('Ngày sinh, Dân tộc, SĐT').keys })).toEqual([
      'name',
      'unit',
      'ethnic',
      'kind',
      'birthDate',
      'phone',
    ]);
  });

  it('names, aliases, NFD, case, no diacritics, commas inside a header, duplicates once', () => {
    expect(parse('Trình độ CM, LLCT; SĐT').keys).toEqual(['education', 'politicalTheory', 'phone']);
    expect(parse('ngày sinh,  ĐẢNG VIÊN ,đoàn viên').keys).toEqual(['birthDate', 'partyMember', 'youthMember']);
    expect(parse('Trình độ chuyên môn'.normalize('NFD')).keys).toEqual(['education']);
    expect(parse('trinh do chuyen mon, khen thuong').keys).toEqual(['education', 'awards']);
    expect(parse('Chức vụ, nơi công tác, Ngày, tháng, năm sinh').keys).toEqual(['position', 'birthDate']);
    expect(parse('Khen thưởng, Khen thưởng (nếu có)').keys).toEqual(['awards']);
    expect(parse('Năm sinh, Giới tính, Thành phần').keys).toEqual(['birthYear', 'gender', 'category']);
  });

  it('an unknown name is an error at the setting cell, naming the name', () => {
    expect(parse('Nguồn danh sách').problems).toHaveLength(1); // the add-in's own column
    const { keys, problems } = parse('Trình độ chuyên môn, Sở thích');
    expect(keys).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'setting-invalid',
        sheet: 'Cấu hình',
        cell: 'B3',
        message:
          'Thông tin bắt buộc của đại biểu: "Sở thích" không phải là cột của trang "Đại biểu" (ví dụ các cột có thể ghi: Ngày sinh, Trình độ chuyên môn, Lý luận chính trị, Đảng viên, Đoàn viên, Khen thưởng, Điện thoại).',
      }),
    ]);
  });
});

describe('completeness', () => {
  const rows = [
    row(base(1, 'ET', { education: 'Đại học', politicalTheory: 'Trung cấp', phone: '0912 345 678' })),
    row(base(2, 'ET')),
    row(base(3, 'Xã Ea Tân', { education: 'Cao đẳng' })),
    row(base(4, 'KB', { politicalTheory: 'Sơ cấp' })),
    row(base(5, 'Cấp tỉnh', { kind: 'Đương nhiên' })),
  ];

  it('none required: no completeness warning at all', () => {
    expect(run({ rows }).found).toEqual([]);
  });

  it('some required: one warning per blank cell, one summary per unit and field, named by unit name', () => {
    const { found } = run({ rows, required: 'Trình độ chuyên môn' });
    expect(found.map(short)).toEqual([
      'Đại biểu!L3 Thiếu trình độ chuyên môn.',
      'Đại biểu!L5 Thiếu trình độ chuyên môn.',
      'Đại biểu!L6 Thiếu trình độ chuyên môn.',
      'Đơn vị!B2 Xã Ea Tân: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đơn vị!B3 Xã Krông Búk: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đại biểu! Cấp tỉnh: 1 đại biểu thiếu trình độ chuyên môn.',
    ]);
    expect(found.every((p) => p.severity === 'warning')).toBe(true);
    expect(found[0]?.suggestion).toBe(
      'Cột "Trình độ chuyên môn" là thông tin bắt buộc (Cấu hình: "Thông tin bắt buộc của đại biểu"); nếu không có, ghi "Không".',
    );
  });

  it('all profile fields required: a column blank for every delegate is one warning at its header', () => {
    const { found } = run({ rows, required: PROFILE_COLUMNS.map((c) => c.header).join(', ') });
    const byRule = (rule: string) => found.filter((p) => p.rule === rule).map(short);
    expect(byRule('profile-column-empty')).toEqual([
      'Đại biểu!K1 Cột "Ngày sinh" là thông tin bắt buộc nhưng chưa đại biểu nào có (5 ô còn trống).',
      'Đại biểu!N1 Cột "Đảng viên" là thông tin bắt buộc nhưng chưa đại biểu nào có (5 ô còn trống).',
      'Đại biểu!O1 Cột "Đoàn viên" là thông tin bắt buộc nhưng chưa đại biểu nào có (5 ô còn trống).',
      'Đại biểu!P1 Cột "Khen thưởng" là thông tin bắt buộc nhưng chưa đại biểu nào có (5 ô còn trống).',
    ]);
    expect(byRule('profile-missing-unit')).toEqual([
      'Đơn vị!B2 Xã Ea Tân: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đơn vị!B3 Xã Krông Búk: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đại biểu! Cấp tỉnh: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đơn vị!B2 Xã Ea Tân: 2 đại biểu thiếu trình độ lý luận chính trị.',
      'Đại biểu! Cấp tỉnh: 1 đại biểu thiếu trình độ lý luận chính trị.',
      'Đơn vị!B2 Xã Ea Tân: 2 đại biểu thiếu số điện thoại.',
      'Đơn vị!B3 Xã Krông Búk: 1 đại biểu thiếu số điện thoại.',
      'Đại biểu! Cấp tỉnh: 1 đại biểu thiếu số điện thoại.',
    ]);
    // Cells: 3 + 3 + 4 blank; headers: 4; summaries: 8.
    expect(found.filter((p) => p.rule === 'profile-missing')).toHaveLength(10);
  });

  it('headers written as aliases and in NFD, in another order, are the same columns', () => {
    const header = ['Họ tên', 'Đơn vị', 'Dân tộc', 'Loại đại biểu', 'Trình độ CM', 'LLCT', 'SĐT'].map((h) =>
      h.normalize('NFD'),
    );
    const grid = [
      ['A', 'ET', 'Ê Đê', 'Chính thức', 'Đại học', '', '0912345678'],
      ['B', 'ET', 'Ê Đê', 'Chính thức', '', '', ''],
    ];
    const { found } = run({ header, rows: grid, required: 'trình độ chuyên môn, lý luận chính trị, điện thoại' });
    expect(found.map(short)).toEqual([
      'Đại biểu!E3 Thiếu trình độ chuyên môn.',
      'Đơn vị!B2 Xã Ea Tân: 1 đại biểu thiếu trình độ chuyên môn.',
      'Đại biểu!F1 Cột "Lý luận chính trị" là thông tin bắt buộc nhưng chưa đại biểu nào có (2 ô còn trống).',
      'Đại biểu!G3 Thiếu số điện thoại.',
      'Đơn vị!B2 Xã Ea Tân: 1 đại biểu thiếu số điện thoại.',
    ]);
  });

  it('a required column the sheet lacks: one warning at the setting, none per delegate', () => {
    const header = ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Loại đại biểu'];
    const grid = [['A', 'ET', 'Ê Đê', 'Chính thức']];
    const { found } = run({ header, rows: grid, required: 'Khen thưởng' });
    expect(found.map(short)).toEqual([
      'Cấu hình!B3 Cột "Khen thưởng" là thông tin bắt buộc nhưng trang "Đại biểu" chưa có cột này.',
    ]);
  });

  it('an always-required column named in the setting adds nothing (it is an error already)', () => {
    const { found } = run({ rows: [row(base(1, 'ET', { ethnic: '' }))], required: 'Dân tộc' });
    expect(found).toEqual([]);
  });

  it('an invalid Năm sinh is not also "missing"', () => {
    const { found, all } = run({
      rows: [row(base(1, 'ET', { birthYear: 'abc' })), row(base(2, 'ET'))],
      required: 'Năm sinh',
    });
    expect(all.some((p) => p.cell === 'F2' && p.severity === 'error')).toBe(true);
    expect(found).toEqual([]);
  });
});

describe('values', () => {
  it('phone: letters, digits, a number that lost its zero', () => {
    expect(phoneProblem('0912 345 678')).toBeNull();
    expect(phoneProblem('0912.345.678; 0203 3856 123')).toBeNull();
    expect(phoneProblem('+84 912 345 678')).toBeNull();
    expect(phoneProblem('ĐT: 0912345678')).toBeNull();
    expect(phoneProblem('0912 abc 678')?.message).toBe(
      'Điện thoại "0912 abc 678" có chữ cái, không phải là số điện thoại.',
    );
    expect(phoneProblem('12345')?.message).toBe(
      'Điện thoại "12345" không đúng số chữ số của một số điện thoại (9 đến 12 chữ số).',
    );
    expect(phoneProblem(912345678)?.message).toBe(
      'Điện thoại 912345678 đã bị bảng tính đổi thành số nên mất số 0 ở đầu.',
    );
  });

  it('Đảng viên / Đoàn viên: yes, no, unrecognised', () => {
    for (const v of [
      'x',
      'X',
      'có',
      'Có',
      '✓',
      '1',
      1,
      true,
      'Đảng viên',
      'đảng viên dự bị',
      '12/05/2010',
      2010,
      'Có (2010)',
    ])
      expect([v, parseMembership(v as CellValue, 'partyMember')]).toEqual([v, true]);
    expect(parseMembership(new Date(2010, 4, 12), 'partyMember')).toBe(true);
    for (const v of ['', ' ', 'không', 'Không', 'KHÔNG', '0', 0, false, 'chưa', '-', 'không phải đảng viên'])
      expect([v, parseMembership(v as CellValue, 'partyMember')]).toEqual([v, false]);
    expect(parseMembership('Đoàn viên', 'youthMember')).toBe(true);
    expect(parseMembership('Đoàn viên', 'partyMember')).toBeNull();
    expect(parseMembership('Chi bộ thôn 3', 'partyMember')).toBeNull();
    expect(parseMembership(7, 'partyMember')).toBeNull();
  });

  it('warnings at their cells: phone, birth date (invalid, future, disagrees with Năm sinh), membership', () => {
    const rows = [
      row(base(1, 'ET', { phone: '09l2 345 678', birthDate: '15/03/1981', partyMember: 'x', youthMember: 'Có' })),
      row(base(2, 'ET', { birthDate: '31/02/1980', partyMember: 'Chi bộ thôn 3' })),
      row(base(3, 'ET', { birthDate: '01/01/2030', birthYear: '' })),
      row(
        base(4, 'ET', { birthDate: '15/03/1980', phone: '0912345678', partyMember: 'Không', youthMember: 'Đoàn viên' }),
      ),
    ];
    const { found } = run({ rows });
    expect(found.map(short)).toEqual([
      'Đại biểu!Q2 Điện thoại "09l2 345 678" có chữ cái, không phải là số điện thoại.',
      'Đại biểu!K2 Ngày sinh 15/03/1981 không khớp với năm sinh 1980 ở cột "Năm sinh".',
      expect.stringMatching(/^Đại biểu!K3 Ngày sinh "31\/02\/1980" không hợp lệ: /),
      'Đại biểu!N3 Đảng viên: không hiểu "Chi bộ thôn 3" (ghi Có, x hoặc ngày vào; Không hoặc để trống nếu không phải).',
      'Đại biểu!K4 Ngày sinh 01/01/2030 ở sau ngày hôm nay.',
    ]);
  });

  it('a formula error in a profile cell is said once, at its cell', () => {
    const { found } = run({ rows: [row(base(1, 'ET', { phone: '#REF!', partyMember: '#N/A' }))] });
    expect(found.map(short)).toEqual([
      'Đại biểu!N2 Ô N2 (Đảng viên) có giá trị lỗi #N/A.',
      'Đại biểu!Q2 Ô Q2 (Điện thoại) có giá trị lỗi #REF!.',
    ]);
  });
});

describe('attacks', () => {
  it('title rows above the header, short rows: cells and header named where they are', () => {
    const header = ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Loại đại biểu', 'Lý luận chính trị', 'Đoàn viên'];
    const grid = [
      ['DANH SÁCH ĐẠI BIỂU'],
      [],
      header,
      ['A', 'ET', 'Ê Đê', 'Chính thức', 'Trung cấp', 'Có'],
      ['B', 'KB', 'Ê Đê', 'Chính thức'],
      ['C', 'KB', 'Ê Đê', 'Chính thức', '', 'đoàn viên TNCS'],
    ];
    const problems = new ProblemList();
    const { settings, cells } = readSettingsWithCells(settingsGrid('Lý luận CT, Đoàn viên'), 420, problems);
    const index = new UnitIndex(readUnits([headers('units'), ...UNITS], problems));
    const delegates = readDelegates(grid, index, problems);
    const out = new ProblemList();
    checkProfiles({ settings, settingCells: cells, delegates, grid, today: '2025-06-01', zone: 420 }, out);
    expect(out.items.map(short)).toEqual([
      'Đại biểu!E5 Thiếu trình độ lý luận chính trị.',
      'Đại biểu!E6 Thiếu trình độ lý luận chính trị.',
      'Đơn vị!B3 Xã Krông Búk: 2 đại biểu thiếu trình độ lý luận chính trị.',
      'Đại biểu!F5 Thiếu thông tin đoàn viên.',
      'Đơn vị!B3 Xã Krông Búk: 1 đại biểu thiếu thông tin đoàn viên.',
    ]);
  });

  it('a unit nobody declared is named as typed; no sheet at all is nothing', () => {
    const { found } = run({
      rows: [row(base(1, 'ET', { awards: 'Bằng khen' })), row(base(2, 'Xã Lạ'))],
      required: 'Khen thưởng',
    });
    expect(found.filter((p) => p.rule === 'profile-missing-unit').map(short)).toEqual([
      'Đại biểu! "Xã Lạ": 1 đại biểu thiếu thông tin khen thưởng.',
    ]);
    const problems = new ProblemList();
    const { settings, cells } = readSettingsWithCells(settingsGrid('Khen thưởng'), 420, problems);
    checkProfiles(
      { settings, settingCells: cells, delegates: [], grid: null, today: '2025-06-01', zone: 420 },
      problems,
    );
    expect(problems.items).toEqual([]);
  });
});

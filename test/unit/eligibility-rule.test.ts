/**
 * The eligibility rule (eligibility.ts): a unit holds its own congress at or above the threshold, the
 * province is two-level only when at least two units qualify, and `Ngưỡng tổ chức đại hội` is read
 * from `Cấu hình` like every other setting (blank: 5.000; wrong: an error naming its cell).
 */
import { planAllocation } from '../../src/domain/allocation';
import { decideEligibility, eligibilityDto, qualifies, thresholdOf } from '../../src/domain/eligibility';
import { ProblemList } from '../../src/domain/problem';
import { readSettingsWithCells, readUnits, UnitIndex } from '../../src/domain/records';
import { summarizeProgress } from '../../src/domain/roster/progress';
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../../src/domain/settings';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const unit = (code: string, dttsPopulation: number | null) => ({ code, name: `Huyện ${code}`, dttsPopulation });

describe('one unit against the threshold', () => {
  it.each([
    [5000, true],
    [4999, false],
    [5001, true],
    [120000, true],
    [0, false],
  ])('%i DTTS people, threshold 5.000: qualifies %s', (population, expected) => {
    expect(qualifies(population, 5000)).toBe(expected);
  });

  it('a unit without DTTS people never qualifies, even at threshold 0; an unknown population neither', () => {
    expect(qualifies(0, 0)).toBe(false);
    expect(qualifies(1, 0)).toBe(true);
    expect(qualifies(null, 0)).toBe(false);
  });

  it('at, below and above the threshold in a two-level province', () => {
    const e = decideEligibility([unit('A', 5000), unit('B', 4999), unit('C', 5001)], 5000, 'district');
    expect(e.twoLevel).toBe(true);
    expect(e.forms.get('A')).toBe('congress');
    expect(e.forms.get('B')).toBe('jointConference');
    expect(e.forms.get('C')).toBe('congress');
  });
});

describe('the province: one or two levels', () => {
  it('no unit qualifies: one-level, every unit by joint conference', () => {
    const e = decideEligibility([unit('A', 100), unit('B', 4999)], 5000, 'district');
    expect(e).toMatchObject({ twoLevel: false, qualifying: 0, congress: 0, jointConference: 2 });
    expect(e.sentence).toBe(
      'Tỉnh tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) vì không có huyện nào đủ điều kiện tổ chức Đại hội cấp huyện (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng): 2 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh.',
    );
  });

  it('one unit qualifies: one-level, and that unit too chooses its delegates by joint conference', () => {
    const e = decideEligibility([unit('A', 9000), unit('B', 4999), unit('C', 20)], 5000, 'district');
    expect(e).toMatchObject({ twoLevel: false, qualifying: 1, congress: 0, jointConference: 3 });
    expect(e.forms.get('A')).toBe('jointConference');
    expect(e.sentence).toContain(
      'Tỉnh tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) vì chỉ có 1 huyện, thành phố đủ điều kiện tổ chức Đại hội cấp huyện',
    );
  });

  it('two units qualify: two-level', () => {
    const e = decideEligibility([unit('A', 9000), unit('B', 5000), unit('C', 4999)], 5000, 'district');
    expect(e).toMatchObject({ twoLevel: true, qualifying: 2, congress: 2, jointConference: 1 });
    expect(e.sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 2 huyện, thành phố tổ chức Đại hội cấp huyện; 1 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng).',
    );
  });

  it('5 of 11 qualify: the overview sentence of the brief', () => {
    const units = Array.from({ length: 11 }, (_, i) => unit(`U${i}`, i < 5 ? 6000 + i : 1000 + i));
    expect(decideEligibility(units, 5000, 'district').sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 5 huyện, thành phố tổ chức Đại hội cấp huyện; 6 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng).',
    );
  });

  it('all qualify: no joint conference clause', () => {
    const e = decideEligibility([unit('A', 9000), unit('B', 5000), unit('C', 70000)], 5000, 'district');
    expect(e).toMatchObject({ twoLevel: true, congress: 3, jointConference: 0 });
    expect(e.sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 3 huyện, thành phố tổ chức Đại hội cấp huyện (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng).',
    );
  });

  it('an unknown population has no form and is named in the sentence', () => {
    const e = decideEligibility([unit('A', 9000), unit('B', 5000), unit('C', null)], 5000, 'district');
    expect(e.forms.get('C')).toBeNull();
    expect(e).toMatchObject({ congress: 2, jointConference: 0, unknown: 1 });
    expect(e.sentence).toContain(
      'Chưa xác định được hình thức tổ chức của 1 huyện, thành phố (Huyện C) vì Dân số DTTS để trống hoặc không hợp lệ.',
    );
  });

  it('communes (Cấp đơn vị: xã): the sentence speaks of xã and Đại hội cấp xã', () => {
    const two = decideEligibility([unit('A', 9000), unit('B', 5000), unit('C', 4999)], 5000, 'commune');
    expect(two.sentence).toBe(
      'Tỉnh tổ chức Đại hội hai cấp (cấp xã và cấp tỉnh): 2 xã, phường tổ chức Đại hội cấp xã; 1 xã, phường tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng).',
    );
    const one = decideEligibility([unit('A', 100), unit('B', null)], 5000, 'commune');
    expect(one.sentence).toBe(
      'Tỉnh tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) vì không có xã nào đủ điều kiện tổ chức Đại hội cấp xã (ngưỡng 5.000 người DTTS sinh sống thành cộng đồng): 1 xã, phường tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh. Chưa xác định được hình thức tổ chức của 1 xã, phường (Huyện B) vì Dân số DTTS để trống hoặc không hợp lệ.',
    );
    expect(one.sentence).not.toMatch(/huyện, thành phố|cấp huyện/);
  });

  it('every population unknown: no joint-conference clause with 0 units', () => {
    const e = decideEligibility([unit('A', null), unit('B', null)], 5000, 'district');
    expect(e.sentence).not.toContain(': 0 ');
  });

  it('no units: no sentence', () => {
    expect(decideEligibility([], 5000, 'district').sentence).toBe('');
  });

  it('the DTO names the units by name, in their order', () => {
    const dto = eligibilityDto([unit('A', 9000), unit('B', 100), unit('C', 5000)], 5000, 'district');
    expect(dto.congressUnits).toEqual(['Huyện A', 'Huyện C']);
    expect(dto.jointConferenceUnits).toEqual(['Huyện B']);
  });
});

const THRESHOLD = 'Ngưỡng tổ chức đại hội';

function settingsWith(value: CellValue | undefined) {
  const grid: CellValue[][] = [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ['Tổng số đại biểu chính thức', 100, ''],
  ];
  if (value !== undefined) grid.push([THRESHOLD, value, '']);
  const problems = new ProblemList();
  const read = readSettingsWithCells(grid, 420, problems);
  return { ...read, problems };
}

describe('the setting "Ngưỡng tổ chức đại hội"', () => {
  it('is in the template, last, with 5.000 and a note stating the rule', () => {
    const spec = SETTING_SPECS[SETTING_SPECS.length - 1];
    expect(spec).toMatchObject({ key: 'congressThreshold', label: THRESHOLD, kind: 'integer', initial: 5000 });
    expect(spec?.note).toContain('từ 2 đơn vị đủ điều kiện trở lên thì tổ chức Đại hội hai cấp');
    expect(spec?.note).toContain('mọi đơn vị cử đại biểu qua Hội nghị liên tịch');
    expect(DEFAULT_SETTINGS.congressThreshold).toBe(5000);
  });

  it.each<[string, CellValue | undefined, number]>([
    ['row absent', undefined, 5000],
    ['blank', '', 5000],
    ['0', 0, 0],
    ['"5.000" typed with a dot', '5.000', 5000],
    ['"12.500" as text', '12.500', 12500],
    ['a number 3000', 3000, 3000],
    ['"5 000" spaced', '5 000', 5000],
    ['"5\u00a0000" with a no-break space', '5\u00a0000', 5000],
    ['5000.0 (a formula result)', 5000.000000000001, 5000],
  ])('%s → %s', (_, value, expected) => {
    const { settings, problems } = settingsWith(value);
    expect(problems.items.filter((p) => p.severity === 'error')).toEqual([]);
    expect(settings.congressThreshold).toBe(expected);
  });

  it.each<[string, CellValue]>([
    ['text', 'năm nghìn'],
    ['negative', -5],
    ['a fraction', '4999,5'],
    ['with its unit', '5.000 người'],
    ['negative text', '-5.000'],
  ])('%s is an error naming the cell', (_, value) => {
    const { problems, cells } = settingsWith(value);
    const error = problems.items.find((p) => p.severity === 'error');
    expect(cells.congressThreshold).toBe('B3');
    expect(error).toMatchObject({ sheet: 'Cấu hình', cell: 'B3', rule: 'setting-invalid' });
    expect(error?.message).toContain(THRESHOLD);
  });
});

it('a formula error (#REF!) in the threshold is an error at its cell: no threshold for progress either', () => {
  const { problems, cells, settings } = settingsWith('#REF!');
  expect(problems.items.find((p) => p.severity === 'error')).toMatchObject({ sheet: 'Cấu hình', cell: 'B3' });
  expect(thresholdOf(settings.congressThreshold, cells.congressThreshold, problems.items, 'district').threshold).toBe(
    undefined,
  );
});

describe('the threshold as progress and the overview use it (thresholdOf)', () => {
  it('valid: the figure; typed wrong: no figure, and a sentence naming the sheet and the cell', () => {
    const ok = settingsWith(6000);
    expect(
      thresholdOf(ok.settings.congressThreshold, ok.cells.congressThreshold, ok.problems.items, 'district'),
    ).toEqual({ threshold: 6000 });
    const wrong = settingsWith('năm nghìn');
    const r = thresholdOf(
      wrong.settings.congressThreshold,
      wrong.cells.congressThreshold,
      wrong.problems.items,
      'commune',
    );
    expect(r.threshold).toBeUndefined();
    expect(r.error).toBe(
      'Chưa xác định được hình thức tổ chức (Đại hội hoặc Hội nghị liên tịch) của các xã, phường: ô B3 trang "Cấu hình" (Ngưỡng tổ chức đại hội) không hợp lệ: "năm nghìn" không phải là số.',
    );
  });

  it("another setting's error is not the threshold's", () => {
    const grid: CellValue[][] = [
      ['Thông số', 'Giá trị', 'Ghi chú'],
      ['Tổng số đại biểu chính thức', 'abc', ''],
      [THRESHOLD, 7000, ''],
    ];
    const problems = new ProblemList();
    const read = readSettingsWithCells(grid, 420, problems);
    expect(problems.errorCount).toBeGreaterThan(0);
    expect(
      thresholdOf(read.settings.congressThreshold, read.cells.congressThreshold, problems.items, 'district'),
    ).toEqual({
      threshold: 7000,
    });
  });
});

const unitsGrid = (rows: [string, string, number | string][]): CellValue[][] => [
  SHEETS.units.columns.map((c) => c.header),
  ...rows.map(([code, name, dtts]) => [code, name, '', dtts, '', '', '']),
];

describe('rows[].form in the allocation, and progress', () => {
  const rows: [string, string, number][] = [
    ['A', 'Huyện An', 5000],
    ['B', 'Huyện Bình', 4999],
    ['C', 'Huyện Cao', 12000],
  ];

  it('the allocation gives each unit its form by label, and the province level', () => {
    const problems = new ProblemList();
    const { settings, cells } = settingsWith(undefined);
    const units = readUnits(unitsGrid(rows), problems);
    const plan = planAllocation(settings, cells, units, [], [], problems);
    expect(plan.ok).toBe(true);
    expect(plan.rows.map((r) => [r.code, r.form])).toEqual([
      ['A', 'Đại hội'],
      ['B', 'Hội nghị liên tịch'],
      ['C', 'Đại hội'],
    ]);
    expect(plan.eligibility).toMatchObject({ twoLevel: true, congress: 2, jointConference: 1 });
  });

  it('a higher threshold makes the province one-level and every form a joint conference', () => {
    const problems = new ProblemList();
    const { settings, cells } = settingsWith(10000);
    const units = readUnits(unitsGrid(rows), problems);
    const plan = planAllocation(settings, cells, units, [], [], problems);
    expect(plan.rows.map((r) => r.form)).toEqual(['Hội nghị liên tịch', 'Hội nghị liên tịch', 'Hội nghị liên tịch']);
    expect(plan.eligibility?.sentence).toContain(
      'một cấp (chỉ Đại hội cấp tỉnh) vì chỉ có 1 huyện, thành phố đủ điều kiện',
    );
  });

  it('progress carries each unit by form; without the threshold it carries none', () => {
    const problems = new ProblemList();
    const units = readUnits(unitsGrid([...rows, ['D', 'Huyện Đông', 'nhiều']]), problems);
    const index = new UnitIndex(units);
    const summary = summarizeProgress(units, [], index, { level: 'district', congressThreshold: 5000 });
    expect(summary.eligibility?.congressUnits).toEqual(['Huyện An', 'Huyện Cao']);
    expect(summary.eligibility?.jointConferenceUnits).toEqual(['Huyện Bình']);
    expect(summary.eligibility?.unknown).toBe(1);
    expect(summarizeProgress(units, [], index, { level: 'district' }).eligibility).toBeUndefined();
  });
});

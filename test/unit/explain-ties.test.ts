/**
 * Ties: the larger DTTS population first, then the code in natural Vietnamese order (compareUnitCodes): numbers
 * by value (HL9 before HL10), letters in the Vietnamese alphabet (D, Đ, E), whatever the case or Unicode form.
 * Every seat decided by a tie is a warning naming the units by name and the cell, and a sentence of the
 * explanation.
 */
import { planAllocation } from '../../src/domain/allocation';
import { type ApportionMethod, apportion, explainApportionment } from '../../src/domain/apportion';
import { checkAllocation } from '../../src/domain/checks/allocation';
import { ProblemList } from '../../src/domain/problem';
import { readAllocationTable, readSettingsWithCells, readUnits } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import { compareUnitCodes } from '../../src/domain/unitOrder';
import type { CellValue } from '../../src/domain/values';

const METHODS: ApportionMethod[] = ['hamilton', 'jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const sorted = (codes: string[]) => [...codes].sort(compareUnitCodes);

describe('compareUnitCodes: natural Vietnamese order', () => {
  test('numbers by value: HL9 before HL10, 2 before 10, and 06100 beside 6100', () => {
    expect(sorted(['HL10', 'HL9', 'HL1', 'HL100'])).toEqual(['HL1', 'HL9', 'HL10', 'HL100']);
    expect(sorted(['10', '9', '2'])).toEqual(['2', '9', '10']);
    expect(sorted(['06101', '6100', '06100'])).toEqual(['6100', '06100', '06101']);
    expect(sorted(['06199', '06106', '06100'])).toEqual(['06100', '06106', '06199']);
  });

  test('letters in the Vietnamese alphabet: A Ă Â … D Đ E Ê … O Ô Ơ … U Ư', () => {
    expect(sorted(['E', 'Đ', 'D'])).toEqual(['D', 'Đ', 'E']);
    expect(sorted(['TPLS', 'TĐ'])).toEqual(['TĐ', 'TPLS']);
    expect(sorted(['Â', 'B', 'Ă', 'A'])).toEqual(['A', 'Ă', 'Â', 'B']);
    expect(sorted(['P', 'Ơ', 'Ô', 'O'])).toEqual(['O', 'Ô', 'Ơ', 'P']);
    expect(sorted(['V', 'Ư', 'U'])).toEqual(['U', 'Ư', 'V']);
    // Tone marks count only between the same letters: "Á" before "B", after "A".
    expect(sorted(['B', 'Á', 'A'])).toEqual(['A', 'Á', 'B']);
  });

  test('case and NFC/NFD do not change the order; different codes never compare equal', () => {
    expect(compareUnitCodes('hl9', 'HL10')).toBeLessThan(0);
    expect(compareUnitCodes('tđ', 'TPLS')).toBeLessThan(0);
    const nfd = 'BÊ'.normalize('NFD');
    expect(compareUnitCodes(nfd, 'BF')).toBeLessThan(0);
    expect(compareUnitCodes(nfd, 'BE')).toBeGreaterThan(0);
    expect(compareUnitCodes('HL', 'hl')).not.toBe(0);
    expect(Math.sign(compareUnitCodes('HL', 'hl'))).toBe(-Math.sign(compareUnitCodes('hl', 'HL')));
    expect(compareUnitCodes(nfd, 'BÊ'.normalize('NFC'))).not.toBe(0);
  });
});

describe('apportion: equal priorities go to the larger population, then the code that comes first', () => {
  const twin = (a: string, b: string) => [
    { id: b, population: 1000 },
    { id: a, population: 1000 },
  ];
  test.each(METHODS)('%s: HL9 before HL10, Đ before E, TĐ before TPLS', (m) => {
    expect(apportion(twin('HL9', 'HL10'), 3, m).seats).toEqual({ HL9: 2, HL10: 1 });
    expect(apportion(twin('Đ', 'E'), 3, m).seats).toEqual({ Đ: 2, E: 1 });
    expect(apportion(twin('D', 'Đ'), 3, m).seats).toEqual({ D: 2, Đ: 1 });
    expect(apportion(twin('TĐ', 'TPLS'), 3, m).seats).toEqual({ TĐ: 2, TPLS: 1 });
    expect(apportion(twin('HL9', 'HL10'), 3, m).tied).toEqual(['HL9', 'HL10']);
  });

  test('Hamilton: equal remainders, the larger population wins before the code', () => {
    // Quotas 0,5 and 1,5: one seat by whole parts, one by remainders; both remainders 0,5; B is larger.
    const u = [
      { id: 'A', population: 10 },
      { id: 'B', population: 30 },
    ];
    const r = apportion(u, 2, 'hamilton');
    expect(r.seats).toEqual({ A: 0, B: 2 });
    const e = explainApportionment(u, 2, 'hamilton', r, { A: 'Xã An', B: 'Xã Bình' });
    expect(e.tieWinners).toEqual(['B']);
    expect(e.units.find((x) => x.id === 'B')?.reasonVi).toBe(
      '30 × 2 ÷ 40 = 1,5; phần nguyên 1, số dư 0,5 lớn nhất (bằng số dư của Xã An; theo quy tắc ngang bằng, được xếp trước) nên được thêm 01 → 2 đại biểu.',
    );
    expect(e.units.find((x) => x.id === 'A')?.reasonVi).toBe(
      '10 × 2 ÷ 40 = 0,5; phần nguyên 0, số dư 0,5 không phải số dư lớn nhất (bằng số dư của Xã Bình; theo quy tắc ngang bằng, xếp sau) → 0 đại biểu.',
    );
    expect(e.summaryVi.at(-1)).toBe(
      'Ngang bằng nhau ở đại biểu cuối cùng giữa Xã An, Xã Bình; theo quy tắc, đơn vị có dân số DTTS lớn hơn được trước; nếu dân số bằng nhau thì đơn vị có mã xếp trước (theo thứ tự chữ cái tiếng Việt, phần số theo giá trị: HL9 trước HL10, D trước Đ) được trước: đại biểu đó được cấp cho Xã Bình.',
    );
  });

  test("D'Hondt: the tie sentence of a unit names the others and says whether it got the seat", () => {
    const u = twin('HL9', 'HL10');
    const e = explainApportionment(u, 3, 'jefferson', apportion(u, 3, 'jefferson'), {
      HL9: 'Xã Hữu Liên',
      HL10: 'Xã Hòa Lạc',
    });
    expect(e.units.map((x) => [x.id, x.tie, x.reasonVi])).toEqual([
      [
        'HL10',
        'lost',
        '1.000 ÷ 500 = 2, đúng ngưỡng của đại biểu cuối cùng, ngang bằng với Xã Hữu Liên; theo quy tắc ngang bằng, không được cấp đại biểu đó → 1 đại biểu.',
      ],
      [
        'HL9',
        'won',
        '1.000 ÷ 500 = 2, đúng ngưỡng của đại biểu cuối cùng, ngang bằng với Xã Hòa Lạc; theo quy tắc ngang bằng, được cấp đại biểu đó → 2 đại biểu.',
      ],
    ]);
  });
});

describe('a seat decided by a tie is a warning in the checks', () => {
  const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);
  const config: CellValue[][] = [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ['Tổng số đại biểu chính thức', 3],
    ['Số đại biểu đương nhiên', 0],
    ['Số đại biểu cơ quan cấp tỉnh', 0],
    ['Phương pháp phân bổ', 'Hamilton'],
    ['Số đại biểu tối thiểu mỗi đơn vị', 0],
  ];
  const units: CellValue[][] = [
    header('units'),
    ['HL10', 'Xã Hòa Lạc', 2000, 1000, '', '', ''],
    ['HL9', 'Xã Hữu Liên', 2000, 1000, '', '', ''],
  ];

  function check(withSheet: boolean, method = 'Hamilton') {
    const problems = new ProblemList();
    const grid = config.map((r) => (r[0] === 'Phương pháp phân bổ' ? [r[0], method] : r));
    const { settings, cells } = readSettingsWithCells(grid, 420, problems);
    const read = readUnits(units, problems);
    const sheet = withSheet
      ? readAllocationTable([header('allocation'), ['HL10', 'Xã Hòa Lạc'], ['HL9', 'Xã Hữu Liên']], new ProblemList())
          .rows
      : [];
    const plan = planAllocation(settings, cells, read, sheet, [], problems);
    const checks = new ProblemList();
    checkAllocation({ settings, settingCells: cells, plan, sheetRows: sheet, sheetPresent: withSheet }, checks);
    return { plan, ties: checks.items.filter((p) => p.rule === 'allocation-tie') };
  }

  test.each(['Hamilton', "D'Hondt", 'Sainte-Laguë', 'Adams', 'Dean', 'Huntington-Hill'])(
    '%s: one warning, on the Số phân bổ of the unit that got the seat, naming both units',
    (method) => {
      const { plan, ties } = check(true, method);
      expect(plan.rows.map((r) => [r.code, r.seats])).toEqual([
        ['HL10', 1],
        ['HL9', 2],
      ]);
      expect(ties).toEqual([
        {
          rule: 'allocation-tie',
          severity: 'warning',
          sheet: 'Phân bổ',
          cell: 'E3',
          message:
            'Đại biểu cuối cùng của "Xã Hữu Liên" được cấp do ngang bằng với "Xã Hòa Lạc"; theo quy tắc, đơn vị có dân số DTTS lớn hơn được trước; nếu dân số bằng nhau thì đơn vị có mã xếp trước (theo thứ tự chữ cái tiếng Việt, phần số theo giá trị: HL9 trước HL10, D trước Đ) được trước.',
          suggestion:
            'Kiểm tra lại dân số DTTS của các đơn vị này; nếu cần phân định khác, ghi rõ căn cứ và dùng cột Điều chỉnh của trang "Phân bổ".',
        },
      ]);
      expect(plan.explanation.join(' ')).toContain('đại biểu đó được cấp cho Xã Hữu Liên');
    },
  );

  test('before the first allocation the warning points at the unit in Đơn vị', () => {
    const { ties } = check(false);
    expect(ties.map((p) => [p.sheet, p.cell])).toEqual([['Đơn vị', 'D3']]);
  });

  test('no tie, no warning', () => {
    const problems = new ProblemList();
    const { settings, cells } = readSettingsWithCells(config, 420, problems);
    const read = readUnits(
      [header('units'), ['A', 'Xã A', 10, 3000, '', '', ''], ['B', 'Xã B', 10, 1000, '', '', '']],
      problems,
    );
    const plan = planAllocation(settings, cells, read, [], [], problems);
    const checks = new ProblemList();
    checkAllocation({ settings, settingCells: cells, plan, sheetRows: [], sheetPresent: false }, checks);
    expect(checks.items.filter((p) => p.rule === 'allocation-tie')).toEqual([]);
    expect(plan.explanation.join(' ')).not.toMatch(/ngang bằng/i);
  });
});

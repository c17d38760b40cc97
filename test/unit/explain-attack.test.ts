/**
 * Attacks on the explanation: random units with bounds and ties for every method (each reason's figure is the
 * unit's seats; no NaN, Infinity or "undefined" in anything an officer reads; each tied unit's reason says so),
 * a province where every unit ties, units without DTTS population, and seats fixed by the bounds alone.
 */
import fc from 'fast-check';
import { planAllocation } from '../../src/domain/allocation';
import { type ApportionMethod, type ApportionUnit, apportion, explainApportionment } from '../../src/domain/apportion';
import { checkTies } from '../../src/domain/checks/allocation';
import { ProblemList } from '../../src/domain/problem';
import { readSettingsWithCells, readUnits } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const METHODS: ApportionMethod[] = ['hamilton', 'jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const implicitSeat = (m: ApportionMethod) => m === 'adams' || m === 'dean' || m === 'huntington-hill';
const seatsIn = (reason: string) => Number((/→ ([\d.]+) đại biểu/.exec(reason)?.[1] ?? 'NaN').replace(/\./g, ''));
const BAD = /NaN|Infinity|undefined|null|\[object/;

const units = fc
  .uniqueArray(
    fc.record(
      {
        id: fc.constantFrom('HL9', 'HL10', 'D', 'Đ', 'E', 'TĐ', 'TPLS', '06100', '6100', 'a', 'A', 'B', 'C'),
        population: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 90_000 })),
        min: fc.integer({ min: 0, max: 3 }),
        extra: fc.integer({ min: 0, max: 5 }),
      },
      { requiredKeys: ['id', 'population'] },
    ),
    { minLength: 1, maxLength: 9, selector: (u) => u.id },
  )
  .map((us) =>
    us.map(({ extra, ...u }, i): ApportionUnit => {
      const population = i === 0 && u.population === 0 ? 1 : u.population;
      return extra === undefined ? { ...u, population } : { ...u, population, max: (u.min ?? 0) + extra };
    }),
  );

function feasibleHouse(us: ApportionUnit[], m: ApportionMethod, t: number): number {
  let lo = 0;
  let hi = 0;
  for (const u of us) {
    const min = u.min ?? 0;
    const max = u.max ?? Number.POSITIVE_INFINITY;
    const l = u.population === 0 ? min : Math.max(min, Math.min(implicitSeat(m) ? 1 : 0, max));
    lo += l;
    hi += u.population === 0 ? min : max;
  }
  return lo + Math.floor(t * Math.min(hi - lo, 40));
}

test('every method, random bounds and ties: each reason ends with the unit seats, nothing unreadable', () => {
  fc.assert(
    fc.property(units, fc.constantFrom(...METHODS), fc.double({ min: 0, max: 1, noNaN: true }), (us, m, t) => {
      const h = feasibleHouse(us, m, t);
      const r = apportion(us, h, m);
      const names = Object.fromEntries(us.map((u) => [u.id, `Xã ${u.id}`]));
      const e = explainApportionment(us, h, m, r, names);
      for (const u of e.units) {
        expect(u.reasonVi).not.toMatch(BAD);
        expect(seatsIn(u.reasonVi)).toBe(r.seats[u.id]);
        if (u.tie) expect(u.reasonVi).toMatch(/ngang bằng/);
        if (u.clamped === 'min' && u.quotient !== null) expect(u.reasonVi).toMatch(/mức tối thiểu/);
        if (u.clamped === 'max' && u.quotient !== null) expect(u.reasonVi).toMatch(/mức tối đa/);
      }
      for (const line of e.summaryVi) expect(line).not.toMatch(BAD);
      expect(e.tieWinners.every((id) => e.tied.includes(id))).toBe(true);
      if (e.tied.length) expect(e.summaryVi.join(' ')).toMatch(/Ngang bằng nhau ở đại biểu cuối cùng/);
    }),
    { numRuns: 400 },
  );
});

test('units without DTTS population, and seats fixed by the bounds alone', () => {
  const zero: ApportionUnit[] = [
    { id: 'A', population: 900 },
    { id: 'B', population: 0 },
    { id: 'C', population: 0, min: 2 },
  ];
  for (const m of METHODS) {
    const e = explainApportionment(zero, 5, m, apportion(zero, 5, m), { A: 'Xã An', B: 'Xã Bình', C: 'Xã Cao' });
    expect(e.units[1]?.reasonVi).toBe('Không có dân số DTTS → 0 đại biểu.');
    expect(e.units[2]?.reasonVi).toBe('Không có dân số DTTS; được mức tối thiểu → 2 đại biểu.');
  }
  const fixed: ApportionUnit[] = [
    { id: 'A', population: 500, min: 2, max: 2 },
    { id: 'B', population: 300, min: 1, max: 1 },
  ];
  for (const m of METHODS) {
    const e = explainApportionment(fixed, 3, m, apportion(fixed, 3, m));
    for (const u of e.units) {
      expect(u.reasonVi).not.toMatch(BAD);
      expect(seatsIn(u.reasonVi)).toBe(u.seats);
    }
  }
});

test('3.321 communes of equal population: every reason and every warning stays short', () => {
  const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(
    [
      ['Thông số', 'Giá trị', 'Ghi chú'],
      ['Tổng số đại biểu chính thức', 1000],
      ['Số đại biểu đương nhiên', 0],
      ['Số đại biểu cơ quan cấp tỉnh', 0],
      ['Phương pháp phân bổ', 'Hamilton'],
      ['Số đại biểu tối thiểu mỗi đơn vị', 0],
    ],
    420,
    problems,
  );
  const rows: CellValue[][] = Array.from({ length: 3321 }, (_, i) => [
    String(i + 1).padStart(5, '0'),
    `Xã Số ${i + 1}`,
    2000,
    1000,
    '',
    '',
    '',
  ]);
  const plan = planAllocation(settings, cells, readUnits([header('units'), ...rows], problems), [], [], problems);
  expect(plan.ok).toBe(true);
  // Every unit ties; the 1.000 seats go to the first codes in order.
  expect(plan.rows.filter((r) => r.seats === 1).map((r) => r.code)).toEqual(rows.slice(0, 1000).map((r) => r[0]));
  for (const r of plan.rows) expect(r.reason.length).toBeLessThan(400);
  expect(plan.rows[0]?.reason).toContain('và 3.310 đơn vị khác');
  const checks = new ProblemList();
  checkTies({ settings, settingCells: cells, plan, sheetRows: [], sheetPresent: false }, checks);
  expect(checks.items).toHaveLength(1000);
  for (const p of checks.items) expect(p.message.length).toBeLessThan(500);
  expect(checks.items[0]?.message).toContain('và 2.311 đơn vị khác');
  for (const line of plan.explanation) expect(line.length).toBeLessThan(700);
});

test('Hamilton, a minimum that binds only once another unit is raised: the share that fell below it is shown', () => {
  // 10 seats; quotas A 8,9, B 1,0, C 0,1. C is raised to 1; the 9 seats left give B 9 × 100 ÷ 990 = 0,909 < 1 (0,899 once A alone shares 8),
  // so B is fixed at its minimum too, and A takes the 8 seats left.
  const u: ApportionUnit[] = [
    { id: 'A', population: 890 },
    { id: 'B', population: 100, min: 1 },
    { id: 'C', population: 10, min: 1 },
  ];
  const r = apportion(u, 10, 'hamilton');
  expect(r.seats).toEqual({ A: 8, B: 1, C: 1 });
  const e = explainApportionment(u, 10, 'hamilton', r, { A: 'Xã An', B: 'Xã Bình', C: 'Xã Cao' });
  expect(e.summaryVi).toContain(
    'Đơn vị có phần theo tỷ lệ thấp hơn mức tối thiểu được tính bằng mức tối thiểu: Xã Bình (0,899 → 1), Xã Cao (0,1 → 1).',
  );
  expect(e.units[1]?.reasonVi).toBe(
    'số theo tỷ lệ 1, khi chia lại là 0,899 thấp hơn mức tối thiểu 1 → 1 đại biểu (mức tối thiểu); nếu không áp dụng mức tối thiểu thì cũng được 1.',
  );
  expect(e.units[0]?.reasonVi).toBe('số theo tỷ lệ 8,9; chia lại: 890 × 8 ÷ 890 = 8; không có số dư → 8 đại biểu.');
});

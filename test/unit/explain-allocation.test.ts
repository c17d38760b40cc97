/**
 * The allocation explained by name, per unit: every method of apportion.ts, with and without bounds, on the
 * Lạng Sơn sample. The numbers are read back from the sentences an officer reads (the summary and each unit's
 * reason, which is also the `Cách tính` column) and recomputed independently of apportion.ts: the explanation
 * must agree with the figures written to `Phân bổ`.
 */

import { LANG_SON } from '../../samples/lang-son';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import { type AllocationPlan, planAllocation } from '../../src/domain/allocation';
import type { ApportionMethod } from '../../src/domain/apportion';
import { checkOfficialTotal } from '../../src/domain/checks/allocation';
import { ProblemList } from '../../src/domain/problem';
import { readAllocationTable, readSettingsWithCells, readUnits } from '../../src/domain/records';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const METHODS: ApportionMethod[] = ['hamilton', 'jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const METHOD_TEXT: Record<ApportionMethod, string> = {
  hamilton: 'Hamilton',
  jefferson: "D'Hondt",
  webster: 'Sainte-Laguë',
  adams: 'Adams',
  dean: 'Dean',
  'huntington-hill': 'Huntington-Hill',
};

const header = (key: keyof typeof SHEETS) => SHEETS[key].columns.map((c) => c.header);

/** "3.354,58" → 3354.58 */
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

type Bounds = 'none' | 'sample' | 'both';
const MIN_LABEL = 'Số đại biểu tối thiểu mỗi đơn vị';

/** The sample's settings and units, with the method and the bounds of the case. */
function plan(sample: typeof LANG_SON, method: ApportionMethod, bounds: Bounds): AllocationPlan {
  const problems = new ProblemList();
  const config: CellValue[][] = [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ...(sample.sheets['Cấu hình'] ?? [])
      .filter(([name]) => name !== 'Phương pháp phân bổ' && (bounds !== 'none' || name !== MIN_LABEL))
      .map((r) => [...r]),
    ['Phương pháp phân bổ', METHOD_TEXT[method]],
    // 'sample' and 'both' keep the sample's own minimum per unit (8 in Lạng Sơn).
    ...(bounds === 'none' ? [[MIN_LABEL, 0]] : []),
  ];
  const { settings, cells } = readSettingsWithCells(config, 420, problems);
  expect(settings.method).toBe(method);
  const rows = (sample.sheets['Đơn vị'] ?? []).map((r) => [...r] as CellValue[]);
  if (bounds === 'both') {
    // Lộc Bình capped at 22 (its share is 23,7), Văn Lãng raised to 16 (its share is 14,4).
    for (const r of rows) {
      if (r[0] === 'LB') r[5] = 22;
      if (r[0] === 'VL') r[4] = 16;
    }
  }
  const units = readUnits([header('units'), ...rows], problems);
  const p = planAllocation(settings, cells, units, [], [], problems);
  expect(problems.items.filter((x) => x.severity === 'error')).toEqual([]);
  expect(p.ok).toBe(true);
  return p;
}

/** How a divisor method rounds a quotient q (independent of apportion.ts). */
function rounding(method: ApportionMethod, q: number): number {
  const n = Math.floor(q);
  const threshold: Record<string, number> = {
    jefferson: n + 1,
    webster: n + 0.5,
    adams: n,
    dean: n === 0 ? 0 : (n * (n + 1)) / (n + 0.5),
    'huntington-hill': Math.sqrt(n * (n + 1)),
  };
  const t = threshold[method] as number;
  return method === 'adams' ? (q > n ? n + 1 : n) : q >= t && t > n - 1e-12 ? n + 1 : n;
}

/** The figure a reason ends with: "→ 20 đại biểu". */
const seatsIn = (reason: string) => num(/→ ([\d.]+) đại biểu/.exec(reason)?.[1] ?? 'NaN');

describe.each(['none', 'sample', 'both'] as Bounds[])('Lạng Sơn, bounds %s', (bounds) => {
  test.each(METHODS)('%s: every unit by name, and every reason agrees with its Số phân bổ', (method) => {
    const p = plan(LANG_SON, method, bounds);
    const text = [...p.explanation, ...p.rows.map((r) => r.reason)].join('\n');
    // Administrative Vietnamese: no "ghế", "hạn ngạch", "ước số chung", no zero clause.
    expect(text).not.toMatch(/ghế|hạn ngạch|ước số chung|Tiêu chuẩn| 0 đại biểu cố định/i);
    expect(p.explanation[0]).toBe(
      'Tổng số đại biểu chính thức 250; trừ 15 đại biểu đương nhiên, 45 đại biểu cơ quan cấp tỉnh; còn 190 đại biểu phân bổ cho 11 đơn vị.',
    );
    expect(p.explanation).toContain(
      'Bình quân 3.354,58 người DTTS/01 đại biểu; số theo tỷ lệ của mỗi đơn vị = dân số DTTS × 190 ÷ 637.370.',
    );
    // Units by name, never by code alone: "CL" and "CLA" never appear as words.
    for (const code of ['HL', 'TPLS', 'LB', 'CL', 'CLA', 'BS', 'VQ', 'BG', 'VL']) {
      expect(text).not.toMatch(new RegExp(`(^|[^\\p{L}])${code}([^\\p{L}]|$)`, 'u'));
    }
    for (const row of p.rows) {
      expect(row.reason).not.toBe('');
      expect(seatsIn(row.reason)).toBe(row.seats);
      expect(row.seats).toBe(row.final);
    }
    expect(p.rows.reduce((s, r) => s + r.seats, 0)).toBe(190);
    if (bounds !== 'none') for (const row of p.rows) expect(row.seats).toBeGreaterThanOrEqual(8);
    if (bounds === 'both') {
      expect(p.rows.find((r) => r.code === 'LB')?.seats).toBe(22);
      expect(p.rows.find((r) => r.code === 'VL')?.seats).toBe(16);
    }

    if (method === 'hamilton') {
      // Each free unit: "p × H ÷ T = share; phần nguyên w, số dư r …", recomputed here.
      const shared =
        /(?:số theo tỷ lệ [\d.,]+; chia lại: )?([\d.]+) × ([\d.]+) ÷ ([\d.]+) = ([\d.,]+); (?:phần nguyên ([\d.]+), số dư ([\d,]+)|không có số dư)/;
      const given: { name: string; remainder: number }[] = [];
      const kept: number[] = [];
      for (const row of p.rows) {
        const m = shared.exec(row.reason);
        if (!m) {
          // A unit at its bound says which bound, and the seats are the bound.
          expect(row.reason).toMatch(
            /(thấp hơn mức tối thiểu|vượt mức tối đa) \d+ → \d+ đại biểu \(mức tối (thiểu|đa)\)/,
          );
          const bound = /mức tối thiểu/.test(row.reason) ? row.min : (row.max as number);
          expect(row.seats).toBe(bound);
          continue;
        }
        const [, pop, house, total, share, whole, remainder] = m;
        expect(num(pop as string)).toBe(row.dttsPopulation);
        const exact = (num(pop as string) * num(house as string)) / num(total as string);
        expect(Math.abs(exact - num(share as string))).toBeLessThan(0.0006);
        expect(num(whole as string)).toBe(Math.floor(exact));
        expect(Math.abs(num(remainder as string) - (exact - Math.floor(exact)))).toBeLessThan(0.0006);
        if (/được thêm 01/.test(row.reason)) {
          expect(row.seats).toBe(Math.floor(exact) + 1);
          given.push({ name: row.name, remainder: exact - Math.floor(exact) });
        } else {
          expect(row.seats).toBe(Math.floor(exact));
          kept.push(exact - Math.floor(exact));
        }
      }
      // The remainder seats went to the largest remainders, in the order the summary gives.
      for (const g of given) for (const k of kept) expect(g.remainder).toBeGreaterThan(k);
      const line = p.explanation.find((l) => l.includes('có số dư lớn nhất:')) ?? '';
      given.sort((a, b) => b.remainder - a.remainder);
      const listed = [...line.matchAll(/([^:,]+?) \(([\d,]+)\)/g)].map((x) => x[1]?.trim());
      expect(listed).toEqual(given.map((g) => g.name));
    } else {
      const d = /^Số chia chung ([\d.,]+) người DTTS\/01 đại biểu/;
      const divisorLine = p.explanation.find((l) => d.test(l));
      expect(divisorLine).toBeDefined();
      const divisor = num(d.exec(divisorLine as string)?.[1] as string);
      for (const row of p.rows) {
        const m = /^([\d.]+) ÷ ([\d.,]+) = ([\d.,]+), [^→]*?được ([\d.]+)/.exec(row.reason);
        expect(m).not.toBeNull();
        const [, pop, shownDivisor, quotient, rounded] = m as RegExpExecArray;
        expect(num(pop as string)).toBe(row.dttsPopulation);
        expect(num(shownDivisor as string)).toBe(divisor);
        const q = row.dttsPopulation / divisor;
        expect(Math.abs(q - num(quotient as string))).toBeLessThan(0.0006);
        expect(num(rounded as string)).toBe(rounding(method, q));
        if (/mức tối thiểu/.test(row.reason)) expect(row.seats).toBe(row.min);
        else if (/mức tối đa/.test(row.reason)) expect(row.seats).toBe(row.max);
        else expect(row.seats).toBe(rounding(method, q));
      }
    }
  });
});

describe('Hamilton with a minimum per unit states the rule it applied (Lạng Sơn, minimum 8)', () => {
  const p = plan(LANG_SON, 'hamilton', 'sample');
  const reason = (code: string) => p.rows.find((r) => r.code === code)?.reason;

  test('Đình Lập is fixed at the minimum because its share is below it, and the sheet says it would get 8 anyway', () => {
    expect(reason('ĐL')).toBe(
      'số theo tỷ lệ 7,703 thấp hơn mức tối thiểu 8 → 8 đại biểu (mức tối thiểu); nếu không áp dụng mức tối thiểu thì cũng được 8.',
    );
    expect(p.explanation).toContain(
      'Đơn vị có phần theo tỷ lệ thấp hơn mức tối thiểu được tính bằng mức tối thiểu: Đình Lập (7,703 → 8).',
    );
    expect(p.explanation).toContain('Nếu không áp dụng mức tối thiểu, tối đa thì kết quả cũng như trên.');
  });

  test('Hữu Lũng wins a remainder seat on its share of the 182 seats left (0,976), not on its quota (0,008)', () => {
    expect(p.explanation).toContain(
      '182 đại biểu còn lại chia theo tỷ lệ dân số DTTS cho 10 đơn vị còn lại (bình quân 3.360,05 người DTTS/01 đại biểu): phần được chia = dân số DTTS × 182 ÷ 611.530.',
    );
    expect(reason('HL')).toBe(
      'số theo tỷ lệ 20,008; chia lại: 67.120 × 182 ÷ 611.530 = 19,976; phần nguyên 19, số dư 0,976 lớn nhất nên được thêm 01 → 20 đại biểu.',
    );
    expect(p.explanation).toContain(
      '5 đại biểu còn lại cấp lần lượt cho 5 đơn vị có số dư lớn nhất: Hữu Lũng (0,976), Chi Lăng (0,818), Lộc Bình (0,663), Cao Lộc (0,565), Văn Quan (0,518).',
    );
    // The sheet's Số theo tỷ lệ of Hữu Lũng (20,01) is the quota the reason starts from.
    expect(Math.round((p.rows.find((r) => r.code === 'HL')?.quota ?? 0) * 100) / 100).toBe(20.01);
  });

  test('without a minimum, the remainders are those of the quotas', () => {
    const q = plan(LANG_SON, 'hamilton', 'none');
    expect(q.explanation).toContain(
      '5 đại biểu còn lại cấp lần lượt cho 5 đơn vị có số dư lớn nhất: Chi Lăng (0,847), Đình Lập (0,703), Lộc Bình (0,702), Cao Lộc (0,6), Văn Quan (0,543).',
    );
    expect(q.rows.find((r) => r.code === 'HL')?.reason).toBe(
      '67.120 × 190 ÷ 637.370 = 20,008; phần nguyên 20, số dư 0,008 không thuộc 5 số dư lớn nhất → 20 đại biểu.',
    );
    expect(q.explanation.join(' ')).not.toMatch(/mức tối thiểu/);
  });

  test('a bound that changes the result says how', () => {
    const b = plan(LANG_SON, 'hamilton', 'both');
    const line = b.explanation.find((l) => l.startsWith('Nếu không áp dụng mức tối thiểu, tối đa:')) ?? '';
    expect(line).toContain('Lộc Bình 24 (thay vì 22)');
    expect(line).toContain('Văn Lãng 14 (thay vì 16)');
    expect(b.rows.find((r) => r.code === 'LB')?.reason).toMatch(
      /^số theo tỷ lệ 23,702 vượt mức tối đa 22 → 22 đại biểu \(mức tối đa\); nếu không áp dụng mức tối đa thì được 24\.$/,
    );
  });
});

describe('the commune sample (65 units, 5-digit text codes)', () => {
  test.each(METHODS)('%s: every unit has a reason agreeing with its figure, named by name', (method) => {
    const p = plan(LANG_SON_COMMUNES, method, 'sample');
    for (const row of p.rows) {
      expect(seatsIn(row.reason)).toBe(row.seats);
      expect(row.reason).not.toMatch(/\b0\d{4}\b/);
    }
    expect(p.explanation.join(' ')).not.toMatch(/\b0\d{4}\b/);
  });
});

describe('no zero clause, and a hint that says what to enter where', () => {
  const config = (fixed: number): CellValue[][] => [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ['Tổng số đại biểu chính thức', 1250],
    ['Số đại biểu chính thức tối đa', 2000],
    ['Số đại biểu đương nhiên', fixed],
    ['Số đại biểu cơ quan cấp tỉnh', 0],
    ['Phương pháp phân bổ', 'Hamilton'],
    ['Số đại biểu tối thiểu mỗi đơn vị', 0],
  ];
  const run = (fixed: number, units: CellValue[][]) => {
    const problems = new ProblemList();
    const { settings, cells } = readSettingsWithCells(config(fixed), 420, problems);
    const plan = planAllocation(settings, cells, readUnits([header('units'), ...units], problems), [], [], problems);
    return { plan, problems };
  };

  test('no fixed seats: the first sentence leaves the clause out; thousands with a dot', () => {
    const { plan } = run(0, [['A', 'Xã An', 9000, 3000, '', '', '']]);
    expect(plan.explanation[0]).toBe('Tổng số đại biểu chính thức 1.250, phân bổ toàn bộ cho 1 đơn vị.');
    expect(plan.explanation.join(' ')).not.toMatch(/\b0 (ghế|đại biểu) cố định/);
    const { plan: some } = run(250, [['A', 'Xã An', 9000, 3000, '', '', '']]);
    expect(some.explanation[0]).toBe(
      'Tổng số đại biểu chính thức 1.250; trừ 250 đại biểu đương nhiên; còn 1.000 đại biểu phân bổ cho 1 đơn vị.',
    );
  });

  test('"Trang Đơn vị chưa có đơn vị nào" says which sheet and columns to fill', () => {
    const { plan, problems } = run(0, []);
    expect(plan.ok).toBe(false);
    expect(problems.items).toEqual([
      {
        rule: 'allocation-infeasible',
        severity: 'error',
        sheet: 'Đơn vị',
        cell: '',
        message: 'Trang "Đơn vị" chưa có đơn vị nào.',
        suggestion:
          'Nhập các đơn vị vào trang "Đơn vị", mỗi đơn vị một dòng dưới dòng tiêu đề, ghi đủ các cột "Mã đơn vị", "Tên đơn vị", "Dân số DTTS"; rồi chạy lại "Phân bổ đại biểu".',
      },
    ]);
  });

  test('an adjustment is part of the reason', () => {
    const problems = new ProblemList();
    const { settings, cells } = readSettingsWithCells(config(0), 420, problems);
    const units = readUnits(
      [header('units'), ['A', 'Xã An', 9000, 3000, '', '', ''], ['B', 'Xã Bình', 9000, 1000, '', '', '']],
      problems,
    );
    const sheet = readAllocationTable([header('allocation'), ['A', 'Xã An', '', '', '', 2]], problems).rows;
    const plan = planAllocation(settings, cells, units, sheet, [], problems);
    expect(plan.rows[0]?.reason).toBe(
      '3.000 × 1.250 ÷ 4.000 = 937,5; phần nguyên 937, số dư 0,5 lớn nhất (bằng số dư của Xã Bình; theo quy tắc ngang bằng, được xếp trước) nên được thêm 01 → 938 đại biểu. Điều chỉnh +2: số chính thức 940.',
    );
  });

  test('the total that does not add up: thousands with a dot, no clause for zero fixed seats', () => {
    for (const fixed of [0, 250]) {
      const problems = new ProblemList();
      const { settings, cells } = readSettingsWithCells(config(fixed), 420, problems);
      const units = readUnits([header('units'), ['A', 'Xã An', 9000, 3000, '', '', '']], problems);
      const sheet = readAllocationTable([header('allocation'), ['A', 'Xã An', '', '', '', 2]], problems).rows;
      const plan = planAllocation(settings, cells, units, sheet, [], problems);
      const checks = new ProblemList();
      checkOfficialTotal({ settings, settingCells: cells, plan, sheetRows: sheet, sheetPresent: true }, checks);
      expect(checks.items.map((p) => p.message)).toEqual([
        fixed === 0
          ? 'Tổng số chính thức của các đơn vị là 1.252, khác tổng số đại biểu chính thức (1.250).'
          : 'Tổng số chính thức của các đơn vị là 1.002, cộng 250 đại biểu đương nhiên và đại biểu cơ quan cấp tỉnh là 1.252, khác tổng số đại biểu chính thức (1.250).',
      ]);
    }
  });

  test('each refusal says what to enter where, naming the unit by name', () => {
    const refusal = (fixed: number, units: CellValue[][], extra: CellValue[][] = []) => {
      const problems = new ProblemList();
      const { settings, cells } = readSettingsWithCells([...config(fixed), ...extra], 420, problems);
      const plan = planAllocation(settings, cells, readUnits([header('units'), ...units], problems), [], [], problems);
      expect(plan.ok).toBe(false);
      return problems.items
        .filter((p) => p.rule === 'allocation-infeasible')
        .map((p) => [p.sheet, p.cell, p.message, p.suggestion]);
    };
    const unit: CellValue[] = ['A', 'Xã An', 9000, 3000, '', '', ''];
    expect(refusal(0, [unit], [['Số đại biểu cơ quan cấp tỉnh', 1300]])).toEqual([
      [
        'Cấu hình',
        'B2',
        'Số đại biểu đương nhiên và đại biểu cơ quan cấp tỉnh (1.300) lớn hơn tổng số đại biểu chính thức (1.250): không còn đại biểu để phân bổ cho các đơn vị.',
        'Sửa "Tổng số đại biểu chính thức", "Số đại biểu đương nhiên", "Số đại biểu cơ quan cấp tỉnh" trong trang "Cấu hình", rồi chạy lại "Phân bổ đại biểu".',
      ],
    ]);
    expect(refusal(0, [unit, ['B', 'Xã Bình', 9000, 'nhiều', '', '', '']])).toEqual([
      [
        'Đơn vị',
        'D3',
        'Chưa thể phân bổ: dòng 3 (Xã Bình) của trang "Đơn vị" có số liệu thiếu hoặc không hợp lệ.',
        'Trong trang "Đơn vị", dòng 3: nhập Dân số DTTS là số nguyên không âm (ô D3) và sửa các ô được đánh dấu lỗi trên dòng đó, rồi chạy lại "Phân bổ đại biểu".',
      ],
    ]);
    expect(refusal(0, [['A', 'Xã An', 9000, 3000, 5, 3, '']])).toEqual([
      [
        'Cấu hình',
        'B2',
        'Đơn vị "Xã An": số đại biểu tối thiểu (5) lớn hơn số tối đa (3).',
        'Sửa "Tổng số đại biểu chính thức", "Số đại biểu tối thiểu mỗi đơn vị" trong trang "Cấu hình", hoặc cột "Tối thiểu", "Tối đa" của đơn vị trong trang "Đơn vị", rồi chạy lại "Phân bổ đại biểu".',
      ],
    ]);
  });
});

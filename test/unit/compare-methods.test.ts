/**
 * compareMethods on textbook cases (Balinski & Young, "Fair Representation"): Hamilton's Alabama
 * paradox, Jefferson's violation of upper quota, Adams's violation of lower quota, and no Alabama flag
 * for any divisor method, ever.
 */
import fc from 'fast-check';
import { apportion } from '../../src/domain/apportion';
import { COMPARED_METHODS, compareMethods } from '../../src/domain/compareMethods';

const units = (pops: Record<string, number>) => Object.entries(pops).map(([id, population]) => ({ id, population }));
const method = (c: ReturnType<typeof compareMethods>, m: string) => {
  const found = c.methods.find((x) => x.method === m);
  if (!found) throw new Error(m);
  return found;
};

describe('compareMethods', () => {
  test('lists the six methods, each with its Vietnamese name and seats adding up to the house', () => {
    const c = compareMethods(units({ A: 6, B: 6, C: 2 }), 10, 'hamilton');
    expect(c.methods.map((m) => m.method)).toEqual([
      'hamilton',
      'jefferson',
      'webster',
      'adams',
      'dean',
      'huntington-hill',
    ]);
    for (const m of c.methods) {
      expect(m.name).toMatch(/^Phương pháp/);
      expect(Object.values(m.seats).reduce((s, n) => s + n, 0)).toBe(10);
    }
  });

  test('Hamilton: the textbook Alabama paradox (6, 6, 2; house 10 → 11: C falls from 2 to 1)', () => {
    // Quotas at 10: 4.286, 4.286, 1.429 → 4, 4, 2. At 11: 4.714, 4.714, 1.571 → 5, 5, 1.
    expect(apportion(units({ A: 6, B: 6, C: 2 }), 10, 'hamilton').seats).toEqual({ A: 4, B: 4, C: 2 });
    expect(apportion(units({ A: 6, B: 6, C: 2 }), 11, 'hamilton').seats).toEqual({ A: 5, B: 5, C: 1 });
    const c = compareMethods(units({ A: 6, B: 6, C: 2 }), 10, 'hamilton');
    expect(method(c, 'hamilton').alabama).toEqual(['C']);
    expect(method(c, 'hamilton').quotaViolations).toEqual([]);
    for (const m of c.methods.filter((x) => x.method !== 'hamilton')) expect(m.alabama).toEqual([]);
  });

  test('Hamilton on census-size populations, houses 2–399: every flag a real loss, none for divisor methods', () => {
    const pops = { AL: 1_262_505, TX: 1_591_749, IL: 3_077_871, REST: 43_237_283 };
    const found = [];
    for (let h = 2; h < 400; h++) {
      const c = compareMethods(units(pops), h, 'hamilton');
      if (method(c, 'hamilton').alabama.length > 0) found.push(h);
      for (const m of c.methods.filter((x) => x.method !== 'hamilton')) expect(m.alabama).toEqual([]);
    }
    // Hamilton is not house monotone here; whenever it flags a unit, the unit indeed loses a seat.
    for (const h of found) {
      const c = compareMethods(units(pops), h, 'hamilton');
      for (const code of method(c, 'hamilton').alabama) {
        expect(apportion(units(pops), h + 1, 'hamilton').seats[code]).toBeLessThan(
          apportion(units(pops), h, 'hamilton').seats[code] as number,
        );
      }
    }
    expect(found.length).toBeGreaterThan(0);
  });

  test("Jefferson (D'Hondt) violates upper quota, Adams lower quota; Hamilton and Webster stay within", () => {
    // Populations 50, 20, 15, 15 and 10 seats: A's exact share is 5 seats.
    const c = compareMethods(units({ A: 50, B: 20, C: 15, D: 15 }), 10, 'hamilton');
    expect(method(c, 'jefferson').seats).toEqual({ A: 6, B: 2, C: 1, D: 1 });
    expect(method(c, 'jefferson').quotaViolations).toEqual(['A']);
    expect(method(c, 'adams').seats).toEqual({ A: 4, B: 2, C: 2, D: 2 });
    expect(method(c, 'adams').quotaViolations).toEqual(['A']);
    expect(method(c, 'hamilton').quotaViolations).toEqual([]);
    expect(method(c, 'webster').quotaViolations).toEqual([]);
  });

  test('differences are named against the configured method', () => {
    const pops = { A: 9061, B: 7179, C: 5259, D: 3319, E: 1182 };
    const c = compareMethods(units(pops), 26, 'webster');
    expect(method(c, 'webster').differs).toEqual([]);
    const jefferson = method(c, 'jefferson');
    expect(jefferson.differs.length).toBeGreaterThan(0);
    for (const code of jefferson.differs) expect(jefferson.seats[code]).not.toBe(method(c, 'webster').seats[code]);
  });

  test('a method that cannot meet the bounds says so; the others still answer', () => {
    // Adams, Dean and Huntington–Hill give every populated unit one seat: 3 units, house 2 is impossible.
    const c = compareMethods(units({ A: 100, B: 10, C: 1 }), 2, 'hamilton');
    expect(method(c, 'adams').error).toBeTruthy();
    expect(method(c, 'adams').seats).toEqual({});
    expect(method(c, 'hamilton').seats).toEqual({ A: 2, B: 0, C: 0 });
  });

  test('the house cannot grow past every maximum: no Alabama check, said so', () => {
    const c = compareMethods(
      [
        { id: 'A', population: 10, max: 3 },
        { id: 'B', population: 5, max: 2 },
      ],
      5,
      'hamilton',
    );
    for (const m of c.methods) {
      expect(m.alabamaUnchecked).toBe(true);
      expect(m.alabama).toEqual([]);
    }
  });

  test('property: no divisor method ever shows an Alabama flag; every flag is a real loss', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 60 }),
        (pops, house) => {
          const input = pops.map((population, i) => ({ id: `U${i}`, population }));
          const c = compareMethods(input, house, 'hamilton');
          for (const m of c.methods) {
            if (m.method !== 'hamilton') expect(m.alabama).toEqual([]);
            if (m.error) continue;
            const next = (() => {
              try {
                return apportion(input, house + 1, m.method).seats;
              } catch {
                return null;
              }
            })();
            for (const id of m.alabama) expect(next?.[id]).toBeLessThan(m.seats[id] as number);
            // Quota violations are exactly the units outside [floor, ceil] of the exact share.
            const total = pops.reduce((s, p) => s + p, 0);
            for (const u of input) {
              const q = total ? (u.population * house) / total : 0;
              const n = m.seats[u.id] as number;
              const outside = n < Math.floor(q + 1e-12) || n > Math.ceil(q - 1e-12);
              expect(m.quotaViolations.includes(u.id)).toBe(outside);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('COMPARED_METHODS holds the six methods once each', () => {
    expect(new Set(COMPARED_METHODS).size).toBe(6);
  });
});

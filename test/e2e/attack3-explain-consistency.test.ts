/**
 * The explanation must let an officer redo the allocation by hand and get the sheet's figures. Random
 * units, bounds and ties, every method:
 * - divisor methods: dividing each unit's DTTS population by the stated "số chia chung", rounding as the
 *   summary says and applying the minimum/maximum gives every untied unit its seats;
 * - Hamilton: the units the summary says got a remainder seat are exactly those whose reason says
 *   "được thêm 01"; "Nếu không áp dụng mức tối thiểu, tối đa …" and each unit's "nếu không áp dụng mức …
 *   thì được N" agree with the allocation made without the bounds.
 */
import fc from 'fast-check';
import { type ApportionMethod, type ApportionUnit, apportion, explainApportionment } from '../../src/domain/apportion';

const DIVISOR_METHODS: ApportionMethod[] = ['jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

const units = fc
  .uniqueArray(
    fc.record(
      {
        id: fc.constantFrom('HL9', 'HL10', 'D', 'Đ', 'E', 'TĐ', 'TPLS', '06100', 'A', 'B', 'C'),
        population: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 90_000 })),
        min: fc.integer({ min: 0, max: 3 }),
        extra: fc.integer({ min: 0, max: 6 }),
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
  const implicit = m === 'adams' || m === 'dean' || m === 'huntington-hill';
  for (const u of us) {
    const min = u.min ?? 0;
    const max = u.max ?? Number.POSITIVE_INFINITY;
    lo += u.population === 0 ? min : Math.max(min, Math.min(implicit ? 1 : 0, max));
    hi += u.population === 0 ? min : max;
  }
  return lo + Math.floor(t * Math.min(hi - lo, 40));
}

function rounded(m: ApportionMethod, q: number): number {
  const n = Math.floor(q);
  if (q === n) return n;
  switch (m) {
    case 'jefferson':
      return n;
    case 'webster':
      return q >= n + 0.5 ? n + 1 : n;
    case 'adams':
      return n + 1;
    case 'dean':
      return q > (n * (n + 1)) / (n + 0.5) ? n + 1 : n;
    default:
      return q > Math.sqrt(n * (n + 1)) ? n + 1 : n;
  }
}

const names = (us: ApportionUnit[]) => Object.fromEntries(us.map((u, i) => [u.id, `Xã số ${i + 1}`]));

test('divisor methods: the stated common divisor, rounded as said and bounded, gives every untied unit its seats', () => {
  let checked = 0;
  fc.assert(
    fc.property(units, fc.constantFrom(...DIVISOR_METHODS), fc.double({ min: 0, max: 1, noNaN: true }), (us, m, t) => {
      const h = feasibleHouse(us, m, t);
      const r = apportion(us, h, m);
      const e = explainApportionment(us, h, m, r, names(us));
      const line = e.summaryVi.find((l) => l.startsWith('Số chia chung '));
      if (!line) return; // nothing to divide (no population, or every seat fixed by the bounds)
      checked++;
      const d = num(/^Số chia chung ([\d.,]+) /.exec(line)?.[1] ?? 'NaN');
      expect(d).toBeGreaterThan(0);
      for (const u of us) {
        if (e.tied.includes(u.id)) continue;
        const byHand =
          u.population === 0
            ? (u.min ?? 0)
            : Math.min(u.max ?? Number.POSITIVE_INFINITY, Math.max(u.min ?? 0, rounded(m, u.population / d)));
        expect([u.id, byHand]).toEqual([u.id, r.seats[u.id]]);
      }
    }),
    { numRuns: 600 },
  );
  expect(checked).toBeGreaterThan(300);
});

test('Hamilton: the remainder seats of the summary, and what the bounds changed, agree with each unit', () => {
  const seen = { listed: 0, without: 0, unitWithout: 0 };
  fc.assert(
    fc.property(units, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (bounded0, t, drop) => {
      // Half the runs without bounds, so that remainder seats are many.
      const us: ApportionUnit[] = drop ? bounded0.map(({ min: _min, max: _max, ...u }) => u) : bounded0;
      const h = feasibleHouse(us, 'hamilton', t);
      const r = apportion(us, h, 'hamilton');
      const nm = names(us);
      const e = explainApportionment(us, h, 'hamilton', r, nm);
      const byName = new Map(us.map((u) => [nm[u.id] as string, u]));
      const reasonOf = new Map(e.units.map((u) => [u.id, u.reasonVi]));
      // Remainder seats: listed in the summary ⇔ "được thêm 01" in the reason (lists of ten or fewer).
      const line = e.summaryVi.find((l) => /còn lại cấp/.test(l));
      const plus = us.filter((u) => /được thêm 01/.test(reasonOf.get(u.id) ?? '')).map((u) => nm[u.id]);
      if (line && !/đơn vị khác/.test(line)) {
        const listed = [...line.matchAll(/Xã số \d+/g)].map((x) => x[0]);
        expect(listed.sort()).toEqual([...plus].sort());
        seen.listed++;
      } else if (!line) expect(plus).toEqual([]);
      // Without the bounds.
      const free = us.map(({ min: _min, max: _max, ...u }) => u);
      const bounded = us.some((u) => (u.min ?? 0) > 0 || u.max !== undefined);
      if (!bounded || free.every((u) => u.population === 0)) return;
      const unbounded = apportion(free, h, 'hamilton').seats;
      const w = e.summaryVi.find((l) => l.startsWith('Nếu không áp dụng mức tối thiểu, tối đa'));
      if (w && !/đơn vị khác/.test(w)) {
        const claimed = new Map(
          [...w.matchAll(/(Xã số \d+) ([\d.]+) \(thay vì ([\d.]+)\)/g)].map((x) => [
            x[1] as string,
            num(x[2] as string),
          ]),
        );
        seen.without++;
        for (const u of us) {
          const expected = unbounded[u.id] === r.seats[u.id] ? undefined : unbounded[u.id];
          expect([u.id, claimed.get(nm[u.id] as string)]).toEqual([u.id, expected]);
        }
      }
      for (const u of us) {
        const m = /nếu không áp dụng mức tối (?:thiểu|đa) thì (?:cũng )?được ([\d.]+)/.exec(reasonOf.get(u.id) ?? '');
        if (!m) continue;
        seen.unitWithout++;
        expect([u.id, num(m[1] as string)]).toEqual([u.id, unbounded[u.id]]);
      }
      expect(byName.size).toBe(us.length);
    }),
    { numRuns: 600 },
  );
  expect(seen.listed).toBeGreaterThan(20);
  expect(seen.without).toBeGreaterThan(50);
  expect(seen.unitWithout).toBeGreaterThan(20);
});

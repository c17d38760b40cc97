import {
  ApportionError,
  type ApportionMethod,
  type ApportionUnit,
  apportion,
  explainApportionment,
  METHOD_NAMES,
  parseApportionMethod,
} from '../../src/domain/apportion';

const METHODS: ApportionMethod[] = ['hamilton', 'jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const DIVISOR: ApportionMethod[] = ['jefferson', 'webster', 'adams', 'dean', 'huntington-hill'];
const units = (pops: Record<string, number>): ApportionUnit[] =>
  Object.entries(pops).map(([id, population]) => ({ id, population }));

/** 1790 US census, apportionment populations (Balinski & Young, Fair Representation, table A.2). Total 3,615,920. */
const US1790 = units({
  CT: 236841,
  DE: 55540,
  GA: 70835,
  KY: 68705,
  MD: 278514,
  MA: 475327,
  NH: 141822,
  NJ: 179570,
  NY: 331589,
  NC: 353523,
  PA: 432879,
  RI: 68446,
  SC: 206236,
  VT: 85533,
  VA: 630560,
});

describe('worked examples', () => {
  test('US 1790, 105 seats, Jefferson: the historical apportionment (divisor 33,000, floors)', () => {
    // p/33000: CT 7.18 DE 1.68 GA 2.15 KY 2.08 MD 8.44 MA 14.40 NH 4.30 NJ 5.44 NY 10.05 NC 10.71 PA 13.12
    // RI 2.07 SC 6.25 VT 2.59 VA 19.11 → floors sum to 105.
    const r = apportion(US1790, 105, 'jefferson');
    expect(r.seats).toEqual({
      CT: 7,
      DE: 1,
      GA: 2,
      KY: 2,
      MD: 8,
      MA: 14,
      NH: 4,
      NJ: 5,
      NY: 10,
      NC: 10,
      PA: 13,
      RI: 2,
      SC: 6,
      VT: 2,
      VA: 19,
    });
    expect(r.tied).toEqual([]);
    expect(r.quota['VA']).toBeCloseTo((630560 * 105) / 3615920, 12);
  });

  test('US 1790, 105 seats, Hamilton: lower quotas (97 seats) + 8 largest remainders', () => {
    // Standard divisor 3,615,920/105 = 34,437.33. Quotas: CT 6.8774 DE 1.6128 GA 2.0569 KY 1.9951 MD 8.0876
    // MA 13.8027 NH 4.1183 NJ 5.2144 NY 9.6288 NC 10.2657 PA 12.5700 RI 1.9876 SC 5.9887 VT 2.4837 VA 18.3104.
    // Floors sum to 97; the 8 largest remainders: KY .9951, SC .9887, RI .9876, CT .8774, MA .8027, NY .6288,
    // DE .6128, PA .5700 (next would be VT .4837). VA keeps 18 where Jefferson gave it 19.
    const r = apportion(US1790, 105, 'hamilton');
    expect(r.seats).toEqual({
      CT: 7,
      DE: 2,
      GA: 2,
      KY: 2,
      MD: 8,
      MA: 14,
      NH: 4,
      NJ: 5,
      NY: 10,
      NC: 10,
      PA: 13,
      RI: 2,
      SC: 6,
      VT: 2,
      VA: 18,
    });
    const e = explainApportionment(US1790, 105, 'hamilton', r);
    expect(e.hamilton).toEqual({
      lowerQuotaSeats: 97,
      remainderSeats: 8,
      remainderOrder: ['KY', 'SC', 'RI', 'CT', 'MA', 'NY', 'DE', 'PA'],
      adjusted: false,
    });
    // 3,615,920/105 reduces by gcd 35 to 103,312/3.
    expect(e.standardDivisor).toEqual({ fraction: '103312/3', value: 3615920 / 105, text: '34.437,333' });
    const va = e.units.find((u) => u.id === 'VA')!;
    expect(va).toMatchObject({ lowerQuota: 18, remainderRank: null, quotaText: '18,31', clamped: null });
    // 630,560·105 = 2^5·3·5^2·7·3941 (3941 = 7·563); 3,615,920 = 2^4·5·7·6457 (6457 = 11·587): gcd 560,
    // so the quota is 66,208,800/3,615,920 = 118,230/6,457.
    expect(va.quotaFraction).toBe('118230/6457');
    expect(e.units.find((u) => u.id === 'KY')!.remainderRank).toBe(1);
    expect(e.summaryVi).toContain(
      '8 đại biểu còn lại cấp lần lượt cho 8 đơn vị có số dư lớn nhất: KY (0,995), SC (0,989), RI (0,988), CT (0,877), MA (0,803), NY (0,629), DE (0,613), PA (0,57).',
    );
  });

  test('US 1790, 105 seats, Webster (divisor 34,500, rounding) and Adams (divisor 36,100, ceilings)', () => {
    // Webster p/34500: CT 6.865 DE 1.610 GA 2.053 KY 1.991 MD 8.073 MA 13.778 NH 4.111 NJ 5.205 NY 9.611
    // NC 10.247 PA 12.547 RI 1.984 SC 5.978 VT 2.479 VA 18.277 → 7 2 2 2 8 14 4 5 10 10 13 2 6 2 18 = 105.
    expect(apportion(US1790, 105, 'webster').seats).toEqual(apportion(US1790, 105, 'hamilton').seats);
    // Adams p/36100: CT 6.56 DE 1.54 GA 1.96 KY 1.90 MD 7.72 MA 13.17 NH 3.93 NJ 4.97 NY 9.19 NC 9.79
    // PA 11.99 RI 1.90 SC 5.71 VT 2.37 VA 17.47 → ceilings 7 2 2 2 8 14 4 5 10 10 12 2 6 3 18 = 105:
    // the small VT gains the seat the large PA loses.
    expect(apportion(US1790, 105, 'adams').seats).toMatchObject({ PA: 12, VT: 3, VA: 18, DE: 2 });
  });

  test("party list: D'Hondt and Sainte-Laguë differ", () => {
    // 8 seats. D'Hondt quotients (÷1,2,3,4): A 100k 50k 33.3k 25k | B 80k 40k 26.7k | C 30k | D 20k.
    // Top 8: 100A 80B 50A 40B 33.3A 30C 26.7B 25A → A4 B3 C1 D0.
    // Sainte-Laguë (÷1,3,5,7): A 100k 33.3k 20k 14.3k | B 80k 26.7k 16k | C 30k 10k | D 20k 6.7k.
    // Top 8: 100A 80B 33.3A 30C 26.7B 20A 20D 16B → A3 B3 C1 D1 (the 20k tie is inside the 8, not at the cut).
    const party = units({ A: 100000, B: 80000, C: 30000, D: 20000 });
    expect(apportion(party, 8, 'jefferson')).toMatchObject({ seats: { A: 4, B: 3, C: 1, D: 0 }, tied: [] });
    expect(apportion(party, 8, 'webster')).toMatchObject({ seats: { A: 3, B: 3, C: 1, D: 1 }, tied: [] });
  });

  test('Alabama paradox: Hamilton takes a seat from C when the house grows 10 → 11; divisor methods do not', () => {
    // Populations 6, 6, 2 (total 14). House 10: quotas 4.286 4.286 1.429 → floors 4 4 1, the remainder seat goes
    // to C (.429 > .286) → 4 4 2. House 11: quotas 4.714 4.714 1.571 → floors 4 4 1, two remainder seats go to
    // A and B (.714 > .571) → 5 5 1.
    const al = units({ A: 6, B: 6, C: 2 });
    expect(apportion(al, 10, 'hamilton').seats).toEqual({ A: 4, B: 4, C: 2 });
    expect(apportion(al, 11, 'hamilton').seats).toEqual({ A: 5, B: 5, C: 1 });
    for (const m of DIVISOR) {
      const a = apportion(al, 10, m).seats;
      const b = apportion(al, 11, m).seats;
      for (const id of ['A', 'B', 'C']) expect(b[id]!).toBeGreaterThanOrEqual(a[id]!);
    }
    // Jefferson at 10: A and B tie for the 10th seat (6/5 = 6/5); A wins by id and both are reported.
    expect(apportion(al, 10, 'jefferson')).toEqual(expect.objectContaining({ seats: { A: 5, B: 4, C: 1 } }));
    expect(apportion(al, 10, 'jefferson').tied).toEqual(['A', 'B']);
  });

  test('Huntington–Hill and Webster differ (quotient 1.45 lies between √2 and 1.5)', () => {
    // A 145, B 855, 10 seats. Webster priorities p/(n+½): A 290, 96.7 | B 1710 570 342 244.3 190 155.5 131.5 114
    // 100.6 90. Top 10 → A1 B9 (A's second seat 96.7 < B's ninth 100.6).
    // Huntington–Hill: both start at 1; priorities p/√(n(n+1)): A 102.5 (n=1) | B 604.6 349.1 246.8 191.2 156.1
    // 131.9 114.3 100.8 (n=1..8). 8 more seats: B gets 7 (604.6 … 114.3), then A's 102.5 beats B's 100.8 → A2 B8.
    const u = units({ A: 145, B: 855 });
    expect(apportion(u, 10, 'webster').seats).toEqual({ A: 1, B: 9 });
    expect(apportion(u, 10, 'huntington-hill').seats).toEqual({ A: 2, B: 8 });
    // Dean: A's second seat 145/(4/3) = 108.75 beats B's ninth 855/(144/17) = 100.94 → also A2 B8.
    expect(apportion(u, 10, 'dean').seats).toEqual({ A: 2, B: 8 });
  });

  test('Adams gives the small unit more than every other method', () => {
    // A 880, B 120, 10 seats; quotas 8.8 and 1.2. Adams: both start at 1, priorities p/n: A 880 440 293.3 220 176
    // 146.7 125.7 110 | B 120 60. The 8 extra seats: A's first seven (down to 125.7), then B's 120 beats A's 110
    // → A8 B2. Every other method gives A9 B1 (Webster rounds 8.8 → 9, 1.2 → 1; HH: B's second seat
    // 120/√2 = 84.9 < A's ninth 880/√72 = 103.7).
    const u = units({ A: 880, B: 120 });
    expect(apportion(u, 10, 'adams').seats).toEqual({ A: 8, B: 2 });
    for (const m of METHODS.filter((x) => x !== 'adams')) expect(apportion(u, 10, m).seats).toEqual({ A: 9, B: 1 });
  });

  test('Adams, Dean and Huntington–Hill give every populated unit a seat; population 0 gets none', () => {
    const u = units({ big: 1_000_000, tiny: 1, none: 0 });
    for (const m of ['adams', 'dean', 'huntington-hill'] as const)
      expect(apportion(u, 5, m).seats).toEqual({ big: 4, tiny: 1, none: 0 });
    expect(apportion(u, 5, 'jefferson').seats).toEqual({ big: 5, tiny: 0, none: 0 });
    expect(apportion(u, 5, 'hamilton').seats).toEqual({ big: 5, tiny: 0, none: 0 });
  });

  test('zero seats and a single unit', () => {
    expect(apportion(units({ A: 5, B: 0 }), 0, 'hamilton')).toEqual({
      seats: { A: 0, B: 0 },
      quota: { A: 0, B: 0 },
      tied: [],
    });
    expect(apportion(units({ A: 0 }), 0, 'webster').seats).toEqual({ A: 0 });
    expect(apportion(units({ A: 7 }), 187, 'huntington-hill').seats).toEqual({ A: 187 });
  });

  test('an id like __proto__ is an ordinary key', () => {
    const r = apportion(units({ __proto__x: 1, ['__proto__']: 3 }), 4, 'hamilton');
    expect(Object.getOwnPropertyNames(r.seats).sort()).toEqual(['__proto__', '__proto__x']);
    expect(Object.getOwnPropertyDescriptor(r.seats, '__proto__')?.value).toBe(3);
    expect(Object.getPrototypeOf(r.seats)).toBe(Object.prototype);
  });

  test('exactness: priorities that doubles cannot tell apart are still compared exactly', () => {
    // Huntington–Hill compares p²/(n(n+1)). With x² − 3y² = −2 (a Pell-type pair), x's 3rd seat x²/6 and y's 2nd
    // seat y²/2 differ by exactly 1/3 on values near 1.7e29: as doubles they are equal (a false tie that the
    // population rule would give to x), exactly y's is larger.
    const x = 1014133226193379;
    const y = 585510091136891;
    expect(BigInt(x) ** 2n - 3n * BigInt(y) ** 2n).toBe(-2n);
    expect((x * x) / 6).toBe((y * y) / 2);
    const u = [
      { id: 'x', population: x },
      { id: 'y', population: y },
    ];
    // 4 seats: one each (Huntington–Hill minimum), x's 2nd (x²/2 > y²/2), then y's 2nd beats x's 3rd.
    expect(apportion(u, 4, 'huntington-hill')).toEqual(expect.objectContaining({ seats: { x: 2, y: 2 }, tied: [] }));
    // Hamilton at the edge of safe integers: x = 2^53 − 1, y = 2^52 − 1, 3 seats; total 3·2^52 − 2, so the quotas are
    // 2 + 1/(3·2^52 − 2) and 1 − 1/(3·2^52 − 2): floors 2 and 0, the remainder seat goes to y.
    const v = [
      { id: 'x', population: 2 ** 53 - 1 },
      { id: 'y', population: 2 ** 52 - 1 },
    ];
    expect(apportion(v, 3, 'hamilton')).toEqual(expect.objectContaining({ seats: { x: 2, y: 1 }, tied: [] }));
    // Jefferson: x's 2nd seat (2^53 − 1)/2 = 2^52 − ½ beats y's first 2^52 − 1 by ½.
    expect(apportion(v, 2, 'jefferson')).toEqual(expect.objectContaining({ seats: { x: 2, y: 0 }, tied: [] }));
    // Webster, 2 seats: x = 3·(10^15 + 1): x's 2nd seat x/1.5 = 2·10^15 + 2 = y's first y/0.5 → an exact tie,
    // broken by population.
    const w = [
      { id: 'x', population: 3 * 1000000000000001 },
      { id: 'y', population: 1000000000000001 },
    ];
    expect(apportion(w, 2, 'webster')).toEqual(expect.objectContaining({ seats: { x: 2, y: 0 }, tied: ['x', 'y'] }));
  });
});

describe('ties', () => {
  const ab = [
    { id: 'b', population: 100 },
    { id: 'a', population: 100 },
  ];
  test.each(METHODS)('%s: two equal units compete for the last seat → the smaller id, both reported', (m) => {
    const r = apportion(ab, 3, m);
    expect(r.seats).toEqual({ a: 2, b: 1 });
    expect(r.tied).toEqual(['a', 'b']);
    const reversed = apportion([...ab].reverse(), 3, m);
    expect(reversed.seats).toEqual(r.seats);
    expect(reversed.tied).toEqual(r.tied);
    const e = explainApportionment(ab, 3, m, r);
    expect(e.tied).toEqual(['a', 'b']);
    expect(e.units.every((u) => u.tied)).toBe(true);
    expect(e.summaryVi.join(' ')).toContain('Ngang bằng nhau ở đại biểu cuối cùng giữa a, b;');
  });

  test('no tie when the house fits both equal units', () => {
    for (const m of METHODS) expect(apportion(ab, 4, m)).toMatchObject({ seats: { a: 2, b: 2 }, tied: [] });
  });

  test('an equal priority is broken by the larger population first, then by id', () => {
    // Jefferson, 2 seats: z 200, 100 | a 100. The second seat: z's 200/2 = a's 100/1 → z (larger population).
    const u = units({ a: 100, z: 200 });
    expect(apportion(u, 2, 'jefferson')).toEqual(expect.objectContaining({ seats: { a: 0, z: 2 }, tied: ['a', 'z'] }));
    // Hamilton has no tie here: quotas 2/3 and 4/3, remainders .667 > .333 → a gets the remainder seat.
    expect(apportion(u, 2, 'hamilton')).toEqual(expect.objectContaining({ seats: { a: 1, z: 1 }, tied: [] }));
  });

  test('ids are compared by code point, not by UTF-16 code unit', () => {
    // '\u{1F600}' (U+1F600) sorts after '\uFF5E' (U+FF5E) by code point, before it by UTF-16 code unit.
    const u = [
      { id: '\uFF5E', population: 1 },
      { id: '\u{1F600}', population: 1 },
    ];
    expect(apportion(u, 1, 'hamilton').seats).toEqual({ '\uFF5E': 1, '\u{1F600}': 0 });
    expect(apportion(u, 1, 'hamilton').tied).toEqual(['\uFF5E', '\u{1F600}']);
  });

  test('Hamilton: equal remainders at the cut-off are reported, equal remainders both served are not', () => {
    // Quotas (5 seats, total 10): 1.5 1.5 1.0 1.0 → floors 4, one remainder seat for two .5 remainders.
    expect(apportion(units({ p: 3, q: 3, r: 2, s: 2 }), 5, 'hamilton')).toEqual(
      expect.objectContaining({ seats: { p: 2, q: 1, r: 1, s: 1 }, tied: ['p', 'q'] }),
    );
    // 6 seats (quotas 1.8 1.8 1.2 1.2): floors 4, two remainder seats for the two .8 → no tie at the cut.
    expect(apportion(units({ p: 3, q: 3, r: 2, s: 2 }), 6, 'hamilton').tied).toEqual([]);
  });
});

describe('min and max', () => {
  const party = units({ A: 100000, B: 80000, C: 30000, D: 20000 });

  test("D'Hondt with a minimum: D is raised to 1 and the other seats follow the quotients", () => {
    // D starts at 1; the other 7 seats: 100A 80B 50A 40B 33.3A 30C 26.7B → A3 B3 C1 D1.
    const u = party.map((x) => (x.id === 'D' ? { ...x, min: 1 } : x));
    const r = apportion(u, 8, 'jefferson');
    expect(r.seats).toEqual({ A: 3, B: 3, C: 1, D: 1 });
    const e = explainApportionment(u, 8, 'jefferson', r);
    expect(e.clampedMin).toEqual(['D']);
    expect(e.units.find((x) => x.id === 'D')).toMatchObject({ rounded: 0, clamped: 'min' });
    expect(e.summaryVi).toContain('Được nâng lên mức tối thiểu: D.');
  });

  test("D'Hondt with a maximum: A is capped at 3, the freed seat goes to a tie won by population", () => {
    // Without the cap A's 4th seat (25k) is the 8th. Capped, the 8th seat is B's 4th (80k/4 = 20k) vs D's first
    // (20k/1 = 20k): equal; B has the larger population.
    const u = party.map((x) => (x.id === 'A' ? { ...x, max: 3 } : x));
    const r = apportion(u, 8, 'jefferson');
    expect(r).toEqual(expect.objectContaining({ seats: { A: 3, B: 4, C: 1, D: 0 }, tied: ['B', 'D'] }));
    const e = explainApportionment(u, 8, 'jefferson', r);
    expect(e.clampedMax).toEqual(['A']);
    expect(e.divisor).toMatchObject({ low: 20000, high: 20000, value: 20000 });
  });

  test('Hamilton with min and max: clamped units are fixed, the rest share the remaining seats', () => {
    // Populations A 600, B 300, C 100, D 200 (total 1200), 13 seats; A max 5, C min 2. Quotas 6.5 3.25 1.083 2.167:
    // A is above its max and C below its min, so A = 5, C = 2 and B, D share 13 − 7 = 6 seats in proportion
    // 300:200 → shares 3.6 and 2.4 (λ = 6/500). Floors 5 + 3 + 2 + 2 = 12; the 13th seat goes to B (.6 > .4).
    const u: ApportionUnit[] = [
      { id: 'A', population: 600, max: 5 },
      { id: 'B', population: 300 },
      { id: 'C', population: 100, min: 2 },
      { id: 'D', population: 200 },
    ];
    const r = apportion(u, 13, 'hamilton');
    expect(r.seats).toEqual({ A: 5, B: 4, C: 2, D: 2 });
    expect(r.quota['A']).toBeCloseTo(6.5, 12);
    const e = explainApportionment(u, 13, 'hamilton', r);
    expect(e.clampedMax).toEqual(['A']);
    expect(e.clampedMin).toEqual(['C']);
    expect(e.hamilton).toMatchObject({ lowerQuotaSeats: 12, remainderOrder: ['B'], adjusted: true });
    expect(e.units.map((x) => x.shareFraction)).toEqual(['5', '18/5', '2', '12/5']);
    expect(e.units.map((x) => x.quotaFraction)).toEqual(['13/2', '13/4', '13/12', '13/6']);
  });

  test('Hamilton: a minimum can cascade (fixing one unit pushes another below its minimum)', () => {
    // 10 seats, populations 1000, 60, 40 (total 1100), min 1 for the two small ones. Quotas 9.09 .545 .364:
    // both small units are below 1 → fixed at 1; A gets the other 8.
    const u: ApportionUnit[] = [
      { id: 'A', population: 1000 },
      { id: 'b', population: 60, min: 1 },
      { id: 'c', population: 40, min: 1 },
    ];
    expect(apportion(u, 10, 'hamilton').seats).toEqual({ A: 8, b: 1, c: 1 });
    // Same with max: A at most 7 → b and c share 3 in proportion 60:40 → 1.8 and 1.2 → b 2, c 1 (floors 7+1+1,
    // remainder seat to b).
    const capped = u.map((x) => (x.id === 'A' ? { ...x, max: 7 } : x));
    expect(apportion(capped, 10, 'hamilton').seats).toEqual({ A: 7, b: 2, c: 1 });
  });

  test.each(METHODS)('%s honours min and max', (m) => {
    const u: ApportionUnit[] = [
      { id: 'A', population: 100000, max: 3 },
      { id: 'B', population: 80000, max: 3 },
      { id: 'C', population: 30000 },
      { id: 'D', population: 20000, min: 2 },
      { id: 'E', population: 0, min: 1 },
    ];
    const r = apportion(u, 10, m);
    expect(Object.values(r.seats).reduce((a, b) => a + b, 0)).toBe(10);
    expect(r.seats['A']).toBeLessThanOrEqual(3);
    expect(r.seats['B']).toBeLessThanOrEqual(3);
    expect(r.seats['D']).toBeGreaterThanOrEqual(2);
    expect(r.seats['E']).toBe(1);
    // A and B are capped; C and D take the rest: 10 − 3 − 3 − 1 = 3 → C 1, D 2.
    expect(r.seats).toEqual({ A: 3, B: 3, C: 1, D: 2, E: 1 });
  });

  test('an explicit max 0 beats the implicit seat of Adams', () => {
    const u: ApportionUnit[] = [
      { id: 'A', population: 10 },
      { id: 'B', population: 5, max: 0 },
    ];
    expect(apportion(u, 3, 'adams').seats).toEqual({ A: 3, B: 0 });
    const e = explainApportionment(u, 3, 'adams', apportion(u, 3, 'adams'));
    expect(e.clampedMax).toEqual(['B']);
  });
});

describe('validation', () => {
  const ok = units({ A: 10, B: 20 });
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ApportionError);
      expect((e as Error).name).toBe('ApportionError');
      return (e as Error).message;
    }
    throw new Error('expected an ApportionError');
  };

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('seats %p', (s) => {
    expect(err(() => apportion(ok, s, 'hamilton'))).toMatch(/^Số đại biểu cần phân bổ phải là số nguyên không âm/);
  });
  test('messages name the unit and the numbers', () => {
    expect(err(() => apportion([], 3, 'hamilton'))).toMatch(/Danh sách đơn vị trống/);
    expect(err(() => apportion(units({ A: 1 }), 3, 'bogus' as ApportionMethod))).toBe(
      'Phương pháp phân bổ không hợp lệ: "bogus".',
    );
    expect(err(() => apportion([...ok, { id: 'A', population: 3 }], 3, 'hamilton'))).toBe('Mã đơn vị bị trùng: "A".');
    expect(err(() => apportion([{ id: '', population: 3 }], 3, 'hamilton'))).toMatch(/mã đơn vị/);
    expect(err(() => apportion([{ id: 'X', population: -5 }], 3, 'hamilton'))).toBe(
      'Dân số DTTS của đơn vị "X" phải là số nguyên không âm (nhận được: -5).',
    );
    expect(err(() => apportion([{ id: 'X', population: 2.5 }], 3, 'hamilton'))).toContain('"X"');
    expect(err(() => apportion([{ id: 'X', population: 2.5 }], 3, 'hamilton'))).toContain('2,5');
    expect(err(() => apportion([{ id: 'X', population: Number.POSITIVE_INFINITY }], 3, 'webster'))).toContain(
      'Infinity',
    );
    expect(err(() => apportion([{ id: 'X', population: Number.NaN }], 3, 'webster'))).toContain('"X"');
    expect(err(() => apportion(units({ A: 0, B: 0 }), 3, 'jefferson'))).toBe(
      'Tổng dân số DTTS của các đơn vị bằng 0: không thể phân bổ 3 đại biểu theo tỷ lệ dân số.',
    );
    expect(err(() => apportion([{ id: 'X', population: 5, min: 4, max: 2 }], 3, 'webster'))).toBe(
      'Đơn vị "X": số đại biểu tối thiểu (4) lớn hơn số tối đa (2).',
    );
    expect(err(() => apportion([{ id: 'X', population: 5, min: -1 }], 3, 'webster'))).toMatch(
      /^Đơn vị "X": số đại biểu tối thiểu phải là số nguyên không âm/,
    );
    expect(err(() => apportion([{ id: 'X', population: 5, max: 1.5 }], 3, 'webster'))).toMatch(
      /^Đơn vị "X": số đại biểu tối đa phải là số nguyên không âm/,
    );
  });
  test('sum of minimums above the house, including the implicit seat of Adams/Dean/HH', () => {
    const u: ApportionUnit[] = [
      { id: 'A', population: 10, min: 2 },
      { id: 'B', population: 10, min: 2 },
    ];
    expect(err(() => apportion(u, 3, 'hamilton'))).toBe(
      'Tổng số đại biểu tối thiểu (4) vượt quá số đại biểu cần phân bổ (3).',
    );
    const many = Array.from({ length: 1200 }, (_, i) => ({ id: `u${i}`, population: 1 }));
    expect(err(() => apportion(many, 1000, 'huntington-hill'))).toMatch(
      /^Tổng số đại biểu tối thiểu \(1\.200\) vượt quá số đại biểu cần phân bổ \(1\.000\); .*ít nhất 01 đại biểu/,
    );
    expect(apportion(many, 1000, 'webster').seats['u0']).toBeLessThanOrEqual(1);
  });
  test('sum of maximums below the house; a population-0 unit only takes its minimum', () => {
    const u: ApportionUnit[] = [
      { id: 'A', population: 10, max: 2 },
      { id: 'B', population: 10, max: 2 },
    ];
    expect(err(() => apportion(u, 5, 'dean'))).toBe('Tổng số đại biểu tối đa (4) nhỏ hơn số đại biểu cần phân bổ (5).');
    expect(err(() => apportion([...u, { id: 'Z', population: 0 }], 5, 'dean'))).toBe(
      'Tổng số đại biểu tối đa (4) nhỏ hơn số đại biểu cần phân bổ (5); đơn vị có dân số DTTS bằng 0 chỉ nhận số đại biểu tối thiểu.',
    );
  });
  test('explainApportionment refuses a result that does not belong to the input', () => {
    const r = apportion(ok, 3, 'hamilton');
    expect(err(() => explainApportionment(ok, 4, 'hamilton', r))).toMatch(/không khớp/);
  });
});

describe('explainApportionment', () => {
  test('Jefferson 1790: divisor range (NC 353,523/11, NY 331,589/10] and the historical divisor 33,000', () => {
    // Lowest seat given: NY's 10th, 331,589/10 = 33,158.9. Highest withheld: NC's 11th, 353,523/11 = 32,138.45…
    // The simplest divisor in between (coarsest round number nearest the middle) is 33,000.
    const e = explainApportionment(US1790, 105, 'jefferson', apportion(US1790, 105, 'jefferson'));
    expect(e.divisor).toMatchObject({
      low: 353523 / 11,
      high: 33158.9,
      lowInclusive: false,
      highInclusive: true,
      value: 33000,
      text: '33.000',
      lowText: '32.138,4545',
      highText: '33.158,9',
    });
    expect(e.units.find((u) => u.id === 'VA')).toMatchObject({ quotientText: '19,108', rounded: 19, seats: 19 });
    expect(e.units.every((u) => u.rounded === u.seats && u.clamped === null)).toBe(true);
    expect(e.summaryVi[0]).toBe(
      "Phân bổ 105 đại biểu cho 15 đơn vị (tổng dân số DTTS 3.615.920 người) theo phương pháp chia theo ước số lớn nhất (Jefferson / D'Hondt).",
    );
    expect(e.summaryVi[2]).toMatch(
      /^Số chia chung 33\.000 người DTTS\/01 đại biểu: .*làm tròn xuống.*32\.138,4545.*33\.158,9/,
    );
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  test('divisor with decimals is formatted the Vietnamese way', () => {
    // Webster, A 145 B 855, 10 seats: lowest seat given B's 9th 855/8.5 = 100.588…, highest withheld A's 2nd
    // 145/1.5 = 96.667 → the simplest divisor strictly between, nearest the middle 98.63, is 100.
    const u = units({ A: 145, B: 855 });
    const e = explainApportionment(u, 10, 'webster', apportion(u, 10, 'webster'));
    expect(e.divisor?.value).toBe(100);
    // Huntington–Hill: range (B's 9th 855/√72 = 100.76, A's 2nd 145/√2 = 102.53] → 102 (step 1, nearest 101.6).
    const h = explainApportionment(u, 10, 'huntington-hill', apportion(u, 10, 'huntington-hill'));
    expect(h.divisor?.low).toBeCloseTo(855 / Math.sqrt(72), 9);
    expect(h.divisor?.high).toBeCloseTo(145 / Math.sqrt(2), 9);
    expect(h.divisor?.value).toBe(102);
    expect(h.units.map((x) => x.quotientText)).toEqual(['1,422', '8,382']);
    // Dean: range (B 855·17/144 = 100.9375, A 145·3/4 = 108.75] → 100 is out; nearest round number 105.
    const d = explainApportionment(u, 10, 'dean', apportion(u, 10, 'dean'));
    expect(d.divisor?.text).toBe('105');
    expect(d.divisor?.lowText).toBe('100,9375');
    // Adams: the range is [low, high): A 880 B 120, 10 seats → lowest given B's 2nd 120/1 = 120,
    // highest withheld A's 9th 880/8 = 110 → [110, 120) → 115.
    const v = units({ A: 880, B: 120 });
    const a = explainApportionment(v, 10, 'adams', apportion(v, 10, 'adams'));
    expect(a.divisor).toMatchObject({ low: 110, high: 120, lowInclusive: true, highInclusive: false, value: 115 });
    expect(a.summaryVi.join(' ')).toContain('từ 110 đến dưới 120');
    expect(a.summaryVi).toContain('Phương pháp này bảo đảm mỗi đơn vị có đồng bào DTTS ít nhất 01 đại biểu.');
  });

  test('a divisor below 1 and fractional quotas', () => {
    // Jefferson, populations 3 and 1, 8 seats. Priorities A 3 1.5 1 .75 .6 .5 .429 | B 1 .5 .333: the top 8 give
    // A 6, B 2. Lowest seat given .5 (A's 6th and B's 2nd), highest withheld A's 7th 3/7 = .4286 → range
    // (.4286, .5], middle .464: step .1 has no multiple strictly inside (.4 too low, .5 is the end), step .01 → .46.
    const u = units({ A: 3, B: 1 });
    const e = explainApportionment(u, 8, 'jefferson', apportion(u, 8, 'jefferson'));
    expect(e.units.map((x) => x.seats)).toEqual([6, 2]);
    expect(e.divisor).toMatchObject({ low: 3 / 7, high: 0.5, value: 0.46, text: '0,46', lowText: '0,4286' });
    expect(e.tied).toEqual([]);
    expect(e.standardDivisor).toEqual({ fraction: '1/2', value: 0.5, text: '0,5' });
  });

  test('Adams does not round an exact integer quotient up', () => {
    // A 1000, X 220 (min 3), 13 seats. Adams: A starts at 1, X at its min 3; the 9 free seats all go to A
    // (1000/1 … 1000/9 = 111.1 all beat X's 220/3 = 73.3) → A 10, X 3. Range [A's 11th 1000/10 = 100,
    // A's 10th 1000/9 = 111.1) → divisor 110. X's quotient 220/110 = 2 exactly: ceiling 2, so X's 3rd seat comes
    // from its minimum.
    const u: ApportionUnit[] = [
      { id: 'A', population: 1000 },
      { id: 'X', population: 220, min: 3 },
    ];
    const e = explainApportionment(u, 13, 'adams', apportion(u, 13, 'adams'));
    expect(e.divisor).toMatchObject({ low: 100, value: 110 });
    expect(e.units).toMatchObject([
      { id: 'A', seats: 10, rounded: 10, clamped: null },
      { id: 'X', seats: 3, quotient: 2, rounded: 2, clamped: 'min' },
    ]);
    expect(e.clampedMin).toEqual(['X']);
  });

  test('no seat beyond the minimums: the range is unbounded above', () => {
    const u: ApportionUnit[] = [
      { id: 'A', population: 500, min: 2 },
      { id: 'B', population: 300, min: 1 },
    ];
    const e = explainApportionment(u, 3, 'webster', apportion(u, 3, 'webster'));
    // Highest withheld seat: A's 3rd, 500/2.5 = 200 (B's 2nd is 300/1.5 = 200 too).
    expect(e.divisor).toMatchObject({ low: 200, high: null });
    expect(e.divisor!.value!).toBeGreaterThan(200);
    expect(e.summaryVi.join(' ')).toContain('lớn hơn 200 trở lên');
  });

  test('Hamilton summary numbers and per-unit fields', () => {
    // 187 seats among 3 units of 12,345 / 6,789 / 1,001 (total 20,135): standard divisor 20,135/187 = 107.67.
    const u = units({ X: 12345, Y: 6789, Z: 1001 });
    const r = apportion(u, 187, 'hamilton');
    // Quotas: X 114.652 Y 63.052 Z 9.296 → floors 114 63 9 = 186, the last seat to X (.652).
    expect(r.seats).toEqual({ X: 115, Y: 63, Z: 9 });
    const e = explainApportionment(u, 187, 'hamilton', r);
    expect(e.summaryVi[1]).toBe(
      'Bình quân 107,67 người DTTS/01 đại biểu; số theo tỷ lệ của mỗi đơn vị = dân số DTTS × 187 ÷ 20.135.',
    );
    expect(e.summaryVi).toContain('Phần nguyên cộng lại được 186 đại biểu.');
    expect(e.summaryVi).toContain('1 đại biểu còn lại cấp cho đơn vị có số dư lớn nhất: X (0,652).');
    expect(e.units[0]).toMatchObject({ lowerQuota: 114, remainderRank: 1, remainderText: '0,652', quotient: null });
    expect(e.divisor).toBeNull();
  });

  test('METHOD_NAMES are complete and Vietnamese', () => {
    expect(Object.keys(METHOD_NAMES).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(METHOD_NAMES[m].vi).toMatch(/^Phương pháp /);
    expect(METHOD_NAMES.jefferson.common).toContain("D'Hondt");
    expect(METHOD_NAMES.webster.common).toContain('Sainte-Laguë');
  });
});

describe('parseApportionMethod', () => {
  test.each<[string, ApportionMethod | null]>([
    ['hamilton', 'hamilton'],
    ['huntington-hill', 'huntington-hill'],
    ['Hamilton', 'hamilton'],
    ["D'Hondt", 'jefferson'],
    ['d’hondt', 'jefferson'],
    ['DHONDT', 'jefferson'],
    ['Sainte-Laguë', 'webster'],
    ['sainte lague', 'webster'],
    ['Huntington-Hill', 'huntington-hill'],
    ['Huntington–Hill', 'huntington-hill'],
    ['equal proportions', 'huntington-hill'],
    ['Webster', 'webster'],
    ['ADAMS', 'adams'],
    ['Dean', 'dean'],
    ['Jefferson', 'jefferson'],
    ['largest remainder', 'hamilton'],
    ['Largest remainders', 'hamilton'],
    ['Hare-Niemeyer', 'hamilton'],
    ['số dư lớn nhất', 'hamilton'],
    ['SO DU LON NHAT', 'hamilton'],
    ['Số dư', 'hamilton'],
    ['trung bình nhân', 'huntington-hill'],
    ['Trung bình điều hòa', 'dean'],
    ['làm tròn lên', 'adams'],
    ['ước số lớn nhất', 'jefferson'],
    ['  Phương pháp chia theo số lẻ ', 'webster'],
    ['', null],
    ['   ', null],
    ['xyz', null],
    ['Hamilton hoặc Jefferson', null],
    ['hare', 'hamilton'],
    ['share', null],
  ])('%p → %p', (text, expected) => {
    expect(parseApportionMethod(text)).toBe(expected);
  });

  test('every id, common name and Vietnamese name round-trips', () => {
    for (const m of METHODS) {
      expect(parseApportionMethod(m)).toBe(m);
      expect(parseApportionMethod(METHOD_NAMES[m].vi)).toBe(m);
      expect(parseApportionMethod(METHOD_NAMES[m].common)).toBe(m);
      expect(parseApportionMethod(METHOD_NAMES[m].vi.toUpperCase())).toBe(m);
    }
  });
});

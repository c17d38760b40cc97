/**
 * Apportionment of congress delegate seats among sub-units in proportion to their DTTS population.
 *
 * Pure, exact and order-independent: runs unchanged in Apps Script V8 and in Node. Every comparison of
 * priorities, quotas or remainders is decided exactly (BigInt cross-multiplication behind a float filter
 * that only answers when the floats are clearly apart), so a result never depends on floating-point rounding.
 *
 * Methods (Balinski & Young, "Fair Representation"):
 * - hamilton: largest remainders of the Hare quota p·h/P.
 * - divisor methods, unit gets seat n+1 while p/D ≥ d(n) (> for Adams): jefferson (D'Hondt) d(n) = n+1; webster
 *   (Sainte-Laguë) d(n) = n+½ (a quotient of exactly n+½ rounds up); adams d(n) = n; dean d(n) = n(n+1)/(n+½);
 *   huntington-hill d(n) = √(n(n+1)). Adams, Dean and Huntington–Hill have d(0) = 0, so every unit with
 *   population > 0 gets at least one seat (unless its own `max` is 0: an explicit max wins over that implicit 1).
 *   Computed as highest averages: every unit starts at its minimum, then each remaining seat goes to the
 *   highest priority p/d(n) among units below their max (a binary heap: O((h + k) log k) for k units, h seats).
 * - A unit with population 0 gets exactly its `min` seats (0 by default), whatever the method.
 *
 * Ties (TIE_RULE): equal priorities (equal remainders for Hamilton) go first to the larger population, then
 * to the code that comes first in natural Vietnamese order (compareUnitCodes: HL9 before HL10, D before Đ),
 * so the input order never matters. A unit is in `tied` when its last
 * seat given, or its next seat withheld, had exactly the priority at the cut-off and some other unit had the same.
 *
 * Hamilton with min/max (HAMILTON_RULE): each unit gets a "share" clamp(λ·p, min, max) where the single factor λ
 * is chosen so that the shares add up to the house size. In words: a unit whose proportional share would fall
 * below its min is fixed at its min, one whose share would exceed its max is fixed at its max, and the others
 * split the remaining seats in proportion to population (recomputed until nothing changes; this fixed point is
 * unique). Each unit then gets the whole part of its share, and the leftover seats go to the largest fractional
 * parts. A fixed unit has an integral share, so it never gets a remainder seat and never exceeds its max.
 * Without min/max the shares are the plain quotas, so each unit gets floor(quota) or ceil(quota).
 */

import { EXPLANATION } from '../ui/vi';
import { compareUnitCodes } from './unitOrder';

export type ApportionMethod = 'hamilton' | 'jefferson' | 'webster' | 'adams' | 'dean' | 'huntington-hill';
export interface ApportionUnit {
  id: string;
  /** The unit's name, used in error messages (the id when absent). */
  name?: string;
  population: number;
  min?: number;
  max?: number;
}
export interface Apportionment {
  /** Seats by unit id; they add up to the house size. */
  seats: Record<string, number>;
  /** Exact proportional share population·seats/total, as a double (for display only). */
  quota: Record<string, number>;
  /** Ids (sorted) whose last seat given or withheld was decided by a tie. */
  tied: string[];
}
export class ApportionError extends Error {
  override name = 'ApportionError';
}

export const METHOD_NAMES: Record<ApportionMethod, { vi: string; common: string }> = {
  hamilton: { vi: 'Phương pháp số dư lớn nhất (Hamilton)', common: 'Hamilton / Hare–Niemeyer (largest remainder)' },
  jefferson: {
    vi: "Phương pháp chia theo ước số lớn nhất (Jefferson / D'Hondt)",
    common: "Jefferson / D'Hondt (greatest divisors)",
  },
  webster: {
    vi: 'Phương pháp chia theo số lẻ, làm tròn thông thường (Webster / Sainte-Laguë)',
    common: 'Webster / Sainte-Laguë (major fractions)',
  },
  adams: { vi: 'Phương pháp chia theo ước số nhỏ nhất, làm tròn lên (Adams)', common: 'Adams (smallest divisors)' },
  dean: { vi: 'Phương pháp trung bình điều hòa (Dean)', common: 'Dean (harmonic mean)' },
  'huntington-hill': {
    vi: 'Phương pháp tỷ lệ ngang bằng, trung bình nhân (Huntington–Hill)',
    common: 'Huntington–Hill (equal proportions)',
  },
};

const METHODS = Object.keys(METHOD_NAMES) as ApportionMethod[];
/** Methods with d(0) = 0: every unit with population > 0 gets at least one seat. */
const IMPLICIT_SEAT: ApportionMethod[] = ['adams', 'dean', 'huntington-hill'];

// ---------------------------------------------------------------------------------------------------------------
// Exact arithmetic

/** A non-negative rational [numerator, denominator]; denominator 0 (with a numerator > 0) means +∞. */
type Frac = [bigint, bigint];
const TOL = 1 + 1e-9;

/** Cross-multiplication: also right for +∞ (∞ = ∞, ∞ > any finite value) since an infinite numerator is > 0. */
function cmpFrac(a: Frac, b: Frac): number {
  const d = a[0] * b[1] - b[0] * a[1];
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Priority of the (n+1)-th seat, p/d(n); squared for Huntington–Hill so that it stays rational. */
function prio(m: ApportionMethod, p: number, n: number): Frac {
  const P = BigInt(p);
  const N = BigInt(n);
  if (p === 0) return [0n, 1n];
  if (m === 'jefferson') return [P, N + 1n];
  if (m === 'webster') return [2n * P, 2n * N + 1n];
  if (m === 'adams') return [P, N];
  if (m === 'dean') return [P * (2n * N + 1n), 2n * N * (N + 1n)];
  return [P * P, N * (N + 1n)];
}

/** The same priority as a double (relative error of a few ulps; Infinity at d(n) = 0). */
function prioF(m: ApportionMethod, p: number, n: number): number {
  if (p === 0) return 0;
  if (m === 'jefferson') return p / (n + 1);
  if (m === 'webster') return p / (n + 0.5);
  if (m === 'adams') return p / n;
  if (m === 'dean') return (p * (2 * n + 1)) / (2 * n * (n + 1));
  return (p * p) / (n * (n + 1));
}

/** Exact comparison of the priorities of two seats; floats decide only when clearly apart. */
function cmpPrio(m: ApportionMethod, p: number, n: number, q: number, k: number): number {
  const a = prioF(m, p, n);
  const b = prioF(m, q, k);
  if (a > b * TOL) return 1;
  if (b > a * TOL) return -1;
  return cmpFrac(prio(m, p, n), prio(m, q, k));
}

/** Exact comparison of a/p and b/q (p, q > 0). */
function cmpRatio(a: number, p: number, b: number, q: number): number {
  const x = a / p;
  const y = b / q;
  if (x > y * TOL) return 1;
  if (y > x * TOL) return -1;
  return cmpFrac([BigInt(a), BigInt(p)], [BigInt(b), BigInt(q)]);
}

/** Unit codes in natural Vietnamese order (HL9 before HL10, D before Đ before E): the last tie-break. */
const cmpId = compareUnitCodes;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
function fracText(n: bigint, d: bigint): string {
  const g = gcd(n, d) || 1n;
  return d / g === 1n ? `${n / g}` : `${n / g}/${d / g}`;
}

/** Vietnamese number format: thousands '.', decimal ',', at most `d` decimals, trailing zeros dropped. */
function fmt(x: number, d = 0): string {
  if (!Number.isFinite(x)) return String(x);
  const [i = '', f = ''] = Math.abs(x).toFixed(d).split('.');
  const frac = f.replace(/0+$/, '');
  const s = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac ? ',' + frac : '');
  return x < 0 && /[1-9]/.test(s) ? '-' + s : s;
}
const show = (x: unknown) => (Number.isFinite(x) ? fmt(x as number, 6) : String(x));

// ---------------------------------------------------------------------------------------------------------------
// Validation

interface Prep {
  m: ApportionMethod;
  H: number;
  P: bigint;
  ids: string[];
  pop: number[];
  /** Effective bounds: lo includes the method's implicit seat, hi = lo for population 0, Infinity = no max. */
  lo: number[];
  hi: number[];
}

function prepare(units: ApportionUnit[], seats: number, m: ApportionMethod): Prep {
  const fail = (msg: string): never => {
    throw new ApportionError(msg);
  };
  /** Fails unless x is a non-negative safe integer. */
  const count = (x: unknown, what: string) =>
    (Number.isSafeInteger(x) && (x as number) >= 0) ||
    fail(`${what} phải là số nguyên không âm (nhận được: ${show(x)}).`);
  if (!METHODS.includes(m)) fail(`Phương pháp phân bổ không hợp lệ: "${m}".`);
  count(seats, 'Số đại biểu cần phân bổ');
  if (!Array.isArray(units) || units.length === 0)
    fail('Danh sách đơn vị trống: cần ít nhất một đơn vị để phân bổ đại biểu.');
  const implicit = IMPLICIT_SEAT.includes(m) ? 1 : 0;
  const pr: Prep = { m, H: seats, P: 0n, ids: [], pop: [], lo: [], hi: [] };
  const seen = new Set<string>();
  let sumLo = 0;
  let sumHi = 0;
  let implicitUsed = false;
  let zeroCapped = false;
  for (const u of units) {
    const id = u?.id;
    if (typeof id !== 'string' || id === '') fail('Có đơn vị thiếu mã đơn vị (id).');
    if (seen.has(id)) fail(`Mã đơn vị bị trùng: "${id}".`);
    seen.add(id);
    const p = u.population;
    const label = typeof u.name === 'string' && u.name !== '' ? u.name : id;
    count(p, `Dân số DTTS của đơn vị "${label}"`);
    const min = u.min ?? 0;
    const max = u.max ?? Infinity;
    const bound = `Đơn vị "${label}": số đại biểu tối`;
    count(min, bound + ' thiểu');
    if (u.max != null) count(max, bound + ' đa');
    if (min > max) fail(`${bound} thiểu (${fmt(min)}) lớn hơn số tối đa (${fmt(max)}).`);
    const lo = p > 0 ? Math.max(min, Math.min(implicit, max)) : min;
    const hi = p > 0 ? max : min;
    if (lo > min) implicitUsed = true;
    if (hi < max) zeroCapped = true;
    pr.ids.push(id);
    pr.pop.push(p);
    pr.lo.push(lo);
    pr.hi.push(hi);
    pr.P += BigInt(p);
    sumLo += lo;
    sumHi += hi;
  }
  if (pr.P === 0n && seats > 0)
    fail(`Tổng dân số DTTS của các đơn vị bằng 0: không thể phân bổ ${fmt(seats)} đại biểu theo tỷ lệ dân số.`);
  if (sumLo > seats)
    fail(
      `Tổng số đại biểu tối thiểu (${fmt(sumLo)}) vượt quá số đại biểu cần phân bổ (${fmt(seats)})` +
        (implicitUsed
          ? `; ${METHOD_NAMES[m].vi.charAt(0).toLowerCase() + METHOD_NAMES[m].vi.slice(1)} cấp ít nhất 01 đại biểu cho mỗi đơn vị có dân số DTTS.`
          : '.'),
    );
  if (sumHi < seats)
    fail(
      `Tổng số đại biểu tối đa (${fmt(sumHi)}) nhỏ hơn số đại biểu cần phân bổ (${fmt(seats)})` +
        (zeroCapped ? '; đơn vị có dân số DTTS bằng 0 chỉ nhận số đại biểu tối thiểu.' : '.'),
    );
  return pr;
}

// ---------------------------------------------------------------------------------------------------------------
// Solvers

interface Core {
  pr: Prep;
  n: number[];
  tied: boolean[];
  /** Hamilton: shares num[i]/den, λ = lam[0]/lam[1], remainder seats in the order given. */
  num?: bigint[];
  den?: bigint;
  lam?: Frac;
  order?: number[];
  /** Divisor methods: the unit holding the lowest seat given and the one with the highest seat withheld (-1: none). */
  last?: number;
  next?: number;
}

/** The factor λ with Σ clamp(λ·p_i, lo_i, hi_i) = H: sweep the breakpoints lo/p and hi/p in increasing order. */
function hamiltonLambda({ pop, lo, hi, H }: Prep): Frac {
  const ev: [number, number, boolean][] = []; // [unit, bound, entering]
  let C = 0n; // seats held by units at a bound
  let S = 0n; // population of free units: Σ = C + λ·S on the current segment
  pop.forEach((p, i) => {
    C += BigInt(lo[i]!);
    if (p > 0) {
      ev.push([i, lo[i]!, true]);
      if (hi[i]! < Infinity) ev.push([i, hi[i]!, false]);
    }
  });
  ev.sort((x, y) => cmpRatio(x[1], pop[x[0]]!, y[1], pop[y[0]]!) || (x[2] ? 0 : 1) - (y[2] ? 0 : 1));
  const h = BigInt(H);
  let prev: Frac = [0n, 1n];
  for (const [i, b, entering] of ev) {
    const B = BigInt(b);
    const p = BigInt(pop[i]!);
    if (C * p + B * S >= h * p) break; // the sum reaches H by λ = b/p
    if (entering) [C, S] = [C - B, S + p];
    else [C, S] = [C + B, S - p];
    prev = [B, p];
  }
  return S > 0n ? [h - C, S] : prev;
}

function solveHamilton(pr: Prep): Core {
  const { pop, lo, hi, H, ids } = pr;
  const lam = hamiltonLambda(pr);
  const den = lam[1];
  const num = pop.map((p, i) => {
    const x = BigInt(p) * lam[0];
    const l = BigInt(lo[i]!) * den;
    return x < l ? l : hi[i]! < Infinity && x > BigInt(hi[i]!) * den ? BigInt(hi[i]!) * den : x;
  });
  const n = num.map((x) => Number(x / den));
  const rem = num.map((x) => x % den);
  const k = H - n.reduce((a, b) => a + b, 0);
  const cand = ids.map((_, i) => i).filter((i) => rem[i]! > 0n);
  const better = (i: number, j: number) => (rem[i]! > rem[j]! ? -1 : rem[i]! < rem[j]! ? 1 : 0);
  cand.sort((i, j) => better(i, j) || pop[j]! - pop[i]! || cmpId(ids[i]!, ids[j]!));
  const order = cand.slice(0, k);
  for (const i of order) n[i]!++;
  const tied = ids.map(() => false);
  const cut = cand[k - 1];
  if (cut !== undefined && k < cand.length && rem[cand[k]!] === rem[cut])
    for (const i of cand) tied[i] = rem[i] === rem[cut];
  return { pr, n, tied, num, den, lam, order };
}

function solveDivisor(pr: Prep): Core {
  const { m, pop, lo, hi, ids } = pr;
  const n = lo.slice();
  const better = (i: number, j: number) =>
    cmpPrio(m, pop[i]!, n[i]!, pop[j]!, n[j]!) || pop[i]! - pop[j]! || cmpId(ids[j]!, ids[i]!);
  const h = ids.map((_, i) => i).filter((i) => n[i]! < hi[i]!);
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      let b = k;
      if (l < h.length && better(h[l]!, h[b]!) > 0) b = l;
      if (l + 1 < h.length && better(h[l + 1]!, h[b]!) > 0) b = l + 1;
      if (b === k) return;
      [h[k], h[b]] = [h[b]!, h[k]!];
      k = b;
    }
  };
  for (let k = (h.length >> 1) - 1; k >= 0; k--) down(k);
  for (let left = pr.H - lo.reduce((a, b) => a + b, 0); left > 0; left--) {
    const i = h[0]!;
    if (++n[i]! >= hi[i]!) {
      const t = h.pop()!;
      if (h.length) h[0] = t;
    }
    down(0);
  }
  // The cut-off: lowest priority among seats given beyond the minimum, highest among seats withheld.
  let last = -1;
  let next = -1;
  n.forEach((s, i) => {
    if (s > lo[i]! && (last < 0 || cmpPrio(m, pop[i]!, s - 1, pop[last]!, n[last]! - 1) < 0)) last = i;
    if (s < hi[i]! && (next < 0 || cmpPrio(m, pop[i]!, s, pop[next]!, n[next]!) > 0)) next = i;
  });
  const tied = ids.map(() => false);
  if (last >= 0 && next >= 0) {
    const [p, s] = [pop[last]!, n[last]! - 1];
    if (cmpPrio(m, p, s, pop[next]!, n[next]!) === 0)
      n.forEach((k, i) => {
        tied[i] =
          (k > lo[i]! && cmpPrio(m, pop[i]!, k - 1, p, s) === 0) || (k < hi[i]! && cmpPrio(m, pop[i]!, k, p, s) === 0);
      });
  }
  return { pr, n, tied, last, next };
}

function solve(units: ApportionUnit[], seats: number, method: ApportionMethod): Core {
  const pr = prepare(units, seats, method);
  return method === 'hamilton' ? solveHamilton(pr) : solveDivisor(pr);
}

/** Splits `seats` among `units` in proportion to population by `method`; throws ApportionError on bad input. */
export function apportion(units: ApportionUnit[], seats: number, method: ApportionMethod): Apportionment {
  const { pr, n, tied } = solve(units, seats, method);
  const total = Number(pr.P);
  return {
    seats: Object.fromEntries(pr.ids.map((id, i) => [id, n[i]!])),
    quota: Object.fromEntries(pr.ids.map((id, i) => [id, total ? (pr.pop[i]! * seats) / total : 0])),
    tied: pr.ids.filter((_, i) => tied[i]).sort(cmpId),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Explanation

export interface UnitExplanation {
  id: string;
  /** The unit's name (its id when no name was given). */
  name: string;
  seats: number;
  /** Standard quota population·seats/total: exact fraction and Vietnamese text (3 decimals). */
  quotaFraction: string;
  quotaText: string;
  /** Hamilton: the share used after min/max (the quota when nothing is clamped), its whole part and remainder. */
  shareFraction?: string;
  shareText?: string;
  lowerQuota?: number;
  remainderText?: string;
  /** Hamilton: 1 for the first remainder seat, 2 for the second…; null when the unit got none. */
  remainderRank?: number | null;
  /** Divisor methods (null otherwise): population ÷ the chosen divisor, and the method's rounding of it before min/max. */
  quotient: number | null;
  quotientText?: string;
  rounded?: number;
  /** The unit's seats were set by its min (raised) or its max (capped) rather than by the method. */
  clamped: 'min' | 'max' | null;
  tied: boolean;
  /** A tied unit won the seat at the cut-off ('won') or lost it ('lost'). */
  tie: 'won' | 'lost' | null;
  /** Hamilton with bounds: the seats the unit would get without any min/max (null when not computed). */
  withoutBounds: number | null;
  /** Why the unit got its seats, in Vietnamese (the unit's name is shown beside it). */
  reasonVi: string;
}

export interface Explanation {
  /** Standard divisor total/seats (people per seat); null when no seat is apportioned. */
  standardDivisor: { fraction: string; value: number; text: string } | null;
  hamilton: { lowerQuotaSeats: number; remainderSeats: number; remainderOrder: string[]; adjusted: boolean } | null;
  /**
   * Divisor methods: every divisor D between low and high gives this result (low excluded and high included, the
   * other way round for Adams; low = high: decided by a tie; null: unbounded). `value` is a simple divisor strictly
   * inside the range (the tie value at a tie), used for the quotients.
   */
  divisor: {
    low: number | null;
    high: number | null;
    lowInclusive: boolean;
    highInclusive: boolean;
    /** The last seat was decided by a tie (low = high). */
    tie: boolean;
    lowText: string | null;
    highText: string | null;
    value: number | null;
    text: string | null;
  } | null;
  clampedMin: string[];
  clampedMax: string[];
  tied: string[];
  /** Tied units that got the seat at the cut-off. */
  tieWinners: string[];
  units: UnitExplanation[];
  /** Vietnamese sentences shown to the user. */
  summaryVi: string[];
}

/** The priority as a real number (its square root for Huntington–Hill). */
const real = (m: ApportionMethod, f: Frac) =>
  (m === 'huntington-hill' ? Math.sqrt : Number)(Number(f[0]) / Number(f[1]));

/** A simple decimal strictly inside (lo, hi) in priority space; at a tie, the tie value itself. */
function pickDivisor(lo: Frac | null, hi: Frac | null, m: ApportionMethod): { value: number; ps: Frac } | null {
  if (lo && hi && cmpFrac(lo, hi) === 0) return { value: real(m, hi), ps: hi };
  if (!lo && !hi) return null;
  const L = lo ? real(m, lo) : 0;
  const U = hi ? real(m, hi) : 2 * L; // nothing given beyond the minimum: any divisor above lo works
  for (let e = Math.floor(Math.log10(U)); e >= -9; e--) {
    const k = Math.round((L + U) / 2 / 10 ** e);
    for (const c of [k, k - 1, k + 1]) {
      const num = BigInt(c) * 10n ** BigInt(Math.max(e, 0));
      const den = 10n ** BigInt(Math.max(-e, 0));
      const ps: Frac = m === 'huntington-hill' ? [num * num, den * den] : [num, den];
      if (c > 0 && (!lo || cmpFrac(lo, ps) < 0) && (!hi || cmpFrac(ps, hi) < 0))
        return { value: Number(num) / Number(den), ps };
    }
  }
  const f = (m === 'adams' ? (lo ?? hi) : (hi ?? lo))!; // the included end of a very narrow range
  return { value: real(m, f), ps: f };
}

/**
 * Seats the method's rounding gives population p at divisor D (priority space), before min/max: seat k+1 when
 * p/D ≥ d(k) (so Webster rounds an exact n+½ up), but p/D > d(k) for Adams (an exact integer is not rounded up).
 */
function roundAt(m: ApportionMethod, p: number, D: Frac, estimate: number): number {
  if (p === 0) return 0;
  let k = Math.max(0, Math.floor(estimate));
  while (k > 0 && cmpFrac(prio(m, p, k - 1), D) < 0) k--;
  while (cmpFrac(prio(m, p, k), D) >= (m === 'adams' ? 1 : 0)) k++;
  return k;
}

/** The seats each unit would get by `method` without any min/max (null when that cannot be computed). */
function seatsWithoutBounds(units: ApportionUnit[], seats: number, method: ApportionMethod): number[] | null {
  try {
    return solve(
      units.map((u) => ({ id: u.id, population: u.population })),
      seats,
      method,
    ).n;
  } catch {
    return null;
  }
}

/**
 * Why each unit got its seats. `result` must be `apportion(units, seats, method)` (checked). `names` gives the
 * unit names used in the sentences (the id when a unit has none).
 */
export function explainApportionment(
  units: ApportionUnit[],
  seats: number,
  method: ApportionMethod,
  result: Apportionment,
  names: Readonly<Record<string, string>> = {},
): Explanation {
  const c = solve(units, seats, method);
  const { pr, n, num, den, lam, order: ord } = c;
  const { ids, pop, m, H, P } = pr;
  if (ids.some((id, i) => result?.seats?.[id] !== n[i]))
    throw new ApportionError('Kết quả phân bổ không khớp với danh sách đơn vị và số đại biểu; hãy phân bổ lại.');
  const T = EXPLANATION;
  const nameOf = (i: number) => names[ids[i]!] || ids[i]!;
  const byCode = (i: number, j: number) => compareUnitCodes(ids[i]!, ids[j]!);
  const total = Number(P);
  const dv = m === 'hamilton' ? null : explainDivisor(c);
  const ps = dv?.ps;
  const rank: number[] = [];
  ord?.forEach((i, r) => {
    rank[i] = r + 1;
  });
  const won = (i: number) => {
    if (num) return rank[i] !== undefined;
    const cut = c.last ?? -1;
    return cut >= 0 && n[i]! > pr.lo[i]! && cmpPrio(m, pop[i]!, n[i]! - 1, pop[cut]!, n[cut]! - 1) === 0;
  };
  const tiedIdx = ids.map((_, i) => i).filter((i) => c.tied[i]);
  const tiedSorted = [...tiedIdx].sort(byCode);
  /** The other units of the tie, by name: the first eleven (a list shows ten) and how many in all. */
  const othersOf = (i: number) => {
    const list: string[] = [];
    for (const j of tiedSorted) {
      if (list.length > 10) break;
      if (j !== i) list.push(nameOf(j));
    }
    return { list, total: tiedSorted.length - 1 };
  };
  const shareQuota = (i: number) => fmt(total ? (pop[i]! * H) / total : 0, 3);
  const quotaSentence = (i: number) => T.quota(pop[i]!, H, total, shareQuota(i));

  // Hamilton: the shares after the bounds, the seats of the units at a bound, the population sharing the rest.
  let lowerSum = 0;
  const exactShare = (i: number) => BigInt(pop[i]!) * lam![0];
  const fixed = num ? ids.map((_, i) => exactShare(i) !== num[i]!) : [];
  const adjusted = fixed.some(Boolean);
  const rest = num ? H - fixed.reduce((s, f, i) => s + (f ? Number(num[i]! / den!) : 0), 0) : 0;
  const restPopulation = num ? fixed.reduce((s, f, i) => s + (f ? 0 : pop[i]!), 0) : 0;
  const free = num ? fixed.filter((f) => !f).length : 0;
  const without = num && adjusted ? seatsWithoutBounds(units, seats, m) : null;
  const places = ord?.length ?? 0;
  /** Hamilton: the share that fell beyond a unit's bound (its quota, or its share once others are fixed). */
  const boundShare: string[] = [];

  const explained = ids.map((id, i): UnitExplanation => {
    const p = pop[i]!;
    const u: UnitExplanation = {
      id,
      name: nameOf(i),
      seats: n[i]!,
      quotaFraction: P ? fracText(BigInt(p) * BigInt(H), P) : '0',
      quotaText: fmt(total ? (p * H) / total : 0, 3),
      quotient: null,
      clamped: null,
      tied: c.tied[i]!,
      tie: c.tied[i] ? (won(i) ? 'won' : 'lost') : null,
      withoutBounds: without ? without[i]! : null,
      reasonVi: '',
    };
    const others = u.tie ? othersOf(i) : { list: [], total: 0 };
    if (num) {
      const x = num[i]!;
      const exact = exactShare(i);
      lowerSum += u.lowerQuota = Number(x / den!);
      u.shareFraction = fracText(x, den!);
      u.shareText = fmt(Number(x) / Number(den!), 3);
      u.remainderText = fmt(Number(x % den!) / Number(den), 3);
      u.remainderRank = rank[i] ?? null;
      u.clamped = exact < x ? 'min' : exact > x ? 'max' : null;
      if (p === 0) u.reasonVi = T.noPopulation(u.seats);
      else if (u.clamped) {
        // The share before the bound: the quota, or (when the quota is within the bound) the share once the others
        // at a bound are fixed.
        const quota = (p * H) / total;
        const beyond = u.clamped === 'min' ? quota < u.seats : quota > u.seats;
        const share = beyond ? null : fmt(Number(exact) / Number(den), 3);
        boundShare[i] = share ?? u.quotaText;
        u.reasonVi = T.hamiltonFixed(u.clamped, u.quotaText, share, u.seats, u.withoutBounds);
      } else {
        const head = adjusted
          ? T.hamiltonShared(u.quotaText, `${T.quota(p, rest, restPopulation, u.shareText)}`)
          : quotaSentence(i);
        const tie = u.tie ? T.tieWith(others.list, others.total, u.tie === 'won') : '';
        u.reasonVi = T.hamiltonWhole(head, u.lowerQuota, u.remainderText, u.remainderRank, places, tie);
      }
    } else if (ps) {
      const q = p / dv!.d.value!;
      const r = roundAt(m, p, ps, q);
      u.quotient = q;
      u.quotientText = fmt(q, 3);
      u.rounded = r;
      if (!u.tied) u.clamped = r < u.seats ? 'min' : r > u.seats ? 'max' : null;
      u.reasonVi =
        p === 0
          ? T.noPopulation(u.seats)
          : u.tie
            ? T.divisorTieUnit(p, dv!.d.text!, u.quotientText, others.list, others.total, u.tie === 'won', u.seats)
            : T.divisorUnit(m, p, dv!.d.text!, u.quotientText, r, u.seats, u.clamped);
    } else {
      // No seat beyond the minimums and nothing withheld: every unit holds its minimum.
      u.reasonVi = p === 0 ? T.noPopulation(u.seats) : T.boundsOnly(u.seats);
    }
    return u;
  });
  const sorted = (pick: (u: UnitExplanation) => boolean) =>
    ids
      .map((_, i) => i)
      .filter((i) => pick(explained[i]!))
      .sort(byCode);
  const clampedMinIdx = sorted((u) => u.clamped === 'min');
  const clampedMaxIdx = sorted((u) => u.clamped === 'max');
  const winners = tiedSorted.filter((i) => explained[i]!.tie === 'won');
  const order = ord?.map((i) => ids[i]!) ?? [];

  const summary = [T.intro(H, ids.length, total, METHOD_NAMES[m].vi)];
  if (H && total) summary.push(T.average(H, total));
  if (!dv) {
    if (adjusted) {
      for (const kind of ['min', 'max'] as const) {
        const list = (kind === 'min' ? clampedMinIdx : clampedMaxIdx).filter((i) => pop[i]! > 0);
        if (list.length)
          summary.push(
            T.boundsFixed(
              kind,
              list.map((i) => ({ name: nameOf(i), share: boundShare[i] ?? explained[i]!.quotaText, seats: n[i]! })),
            ),
          );
      }
      if (free > 0 && rest > 0 && restPopulation > 0) summary.push(T.shareRest(rest, free, restPopulation));
    }
    summary.push(
      T.wholeParts(lowerSum),
      order.length
        ? T.remainders((ord ?? []).map((i) => ({ name: nameOf(i), remainder: explained[i]!.remainderText! })))
        : T.noRemainder,
    );
    if (without)
      summary.push(
        T.withoutBounds(
          ids
            .map((_, i) => i)
            .filter((i) => without[i] !== n[i])
            .sort(byCode)
            .map((i) => ({ name: nameOf(i), seats: n[i]!, without: without[i]! })),
        ),
      );
  } else {
    const { low, high, tie, lowText, highText, text } = dv.d;
    const adams = m === 'adams';
    const range =
      low === null && high === null
        ? ''
        : tie
          ? T.divisorTie
          : high === null
            ? T.divisorFrom(lowText!, adams)
            : T.divisorBetween(lowText ?? '0', highText!, adams);
    if (text) summary.push(T.divisor(m, text, range));
    if (IMPLICIT_SEAT.includes(m)) summary.push(T.implicitSeat);
    if (clampedMinIdx.length) summary.push(T.raisedToMin(clampedMinIdx.map(nameOf)));
    if (clampedMaxIdx.length) summary.push(T.cappedAtMax(clampedMaxIdx.map(nameOf)));
  }
  if (tiedSorted.length) summary.push(T.ties(tiedSorted.map(nameOf), winners.map(nameOf)));

  return {
    standardDivisor: H ? { fraction: fracText(P, BigInt(H)), value: total / H, text: fmt(total / H, 3) } : null,
    hamilton: dv ? null : { lowerQuotaSeats: lowerSum, remainderSeats: order.length, remainderOrder: order, adjusted },
    divisor: dv ? dv.d : null,
    clampedMin: clampedMinIdx.map((i) => ids[i]!),
    clampedMax: clampedMaxIdx.map((i) => ids[i]!),
    tied: tiedSorted.map((i) => ids[i]!),
    tieWinners: winners.map((i) => ids[i]!),
    units: explained,
    summaryVi: summary,
  };
}

function explainDivisor({ pr: { m, pop }, n, last, next }: Core) {
  const lo = next! >= 0 ? prio(m, pop[next!]!, n[next!]!) : null;
  const hi = last! >= 0 ? prio(m, pop[last!]!, n[last!]! - 1) : null;
  const pick = pickDivisor(lo, hi, m);
  const tie = !!lo && !!hi && cmpFrac(lo, hi) === 0;
  const low = lo && real(m, lo);
  const high = tie ? low : hi && real(m, hi);
  const adams = m === 'adams';
  return {
    d: {
      low,
      high,
      lowInclusive: adams,
      highInclusive: !adams,
      tie,
      lowText: low === null ? null : fmt(low, 4),
      highText: high === null ? null : fmt(high, 4),
      value: pick?.value ?? null,
      text: pick ? fmt(pick.value, 6) : null,
    },
    ps: pick?.ps,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const ALIASES: Record<ApportionMethod, string> = {
  // Besides the id: '=' marks a key that must match the whole text; the others may appear anywhere in it.
  hamilton: 'hareniemeyer =hare vinton largestremainder sodulonnhat =sodu =phuongphapsodu',
  jefferson: 'dhondt hagenbachbischoff greatestdivisor uocsolonnhat lamtronxuong',
  webster: 'saintelague majorfraction chiatheosole lamtronthongthuong =sole',
  adams: 'smallestdivisor uocsonhonhat lamtronlen',
  dean: 'harmonicmean trungbinhdieuhoa',
  'huntington-hill': 'huntington equalproportion geometricmean trungbinhnhan tylengangbang =hill =hh',
};

/** Method from its id, common or Vietnamese name (case, diacritics, spaces and punctuation ignored); null if unknown. */
export function parseApportionMethod(text: string): ApportionMethod | null {
  if (typeof text !== 'string') return null;
  let key = text.toLowerCase().replace(/đ/g, 'd');
  if (key.normalize) key = key.normalize('NFD');
  key = key.replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
  if (!key) return null;
  const found = METHODS.filter((m) =>
    `${m.replace('-', '')} ${ALIASES[m]}`
      .split(' ')
      .some((a) => (a.startsWith('=') ? key === a.slice(1) : key.includes(a))),
  );
  return found.length === 1 ? found[0]! : null;
}

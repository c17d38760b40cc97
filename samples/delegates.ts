/**
 * Deterministic generator of a plausible delegate list for a sample workbook, plus the deliberate
 * problems the demo shows. Names are drawn from common Vietnamese and Tày–Nùng surnames and given names.
 */
import type { SampleDelegates } from './types';

/** Small seeded PRNG (mulberry32): same seed, same workbook. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Hoàng', 'Nông', 'Lương', 'Vi', 'Lăng', 'Chu', 'Hà', 'Lộc', 'Triệu', 'Mông', 'Đinh', 'Lý', 'Nguyễn'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Thanh', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'];
const GIVEN_M = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Sơn',
  'Phúc',
  'Hải',
  'Long',
  'Quý',
  'Thắng',
  'Toàn',
  'Khánh',
  'Bình',
  'Cường',
];
const GIVEN_F = ['Lan', 'Hạnh', 'Hoa', 'Mai', 'Hương', 'Thảo', 'Nga', 'Huyền', 'Yến', 'Loan', 'Phương', 'Dung'];
const CATEGORIES = [
  'Người có uy tín',
  'Cán bộ, công chức cấp xã',
  'Nông dân sản xuất giỏi',
  'Doanh nhân',
  'Thanh niên tiêu biểu',
  'Giáo viên',
  'Cán bộ y tế',
  'Cựu chiến binh',
];

export type DelegateRow = [
  number | string,
  string,
  string,
  string,
  string,
  number | string,
  string,
  string,
  string,
  string,
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** A new person; names are unique within one generated list (the demo adds its duplicate on purpose). */
function person(r: () => number, used: Set<string>): { name: string; gender: 'Nam' | 'Nữ'; year: number } {
  const female = r() < 0.38;
  let name = '';
  do {
    name = `${pick(r, SURNAMES)} ${pick(r, female ? MIDDLE_F : MIDDLE_M)} ${pick(r, female ? GIVEN_F : GIVEN_M)}`;
  } while (used.has(name) && used.size < 2000);
  used.add(name);
  return { name, gender: female ? 'Nữ' : 'Nam', year: 1958 + Math.floor(r() * 44) };
}

/** Draws a group so that each listed group appears at least once when the unit has enough seats. */
function groupsFor(r: () => number, shares: [string, number][], n: number): string[] {
  const out = shares.slice(0, Math.min(n, shares.length)).map(([g]) => g);
  while (out.length < n) {
    let x = r();
    let chosen = shares[0]?.[0] ?? 'Tày';
    for (const [g, s] of shares) {
      if (x < s) {
        chosen = g;
        break;
      }
      x -= s;
    }
    out.push(chosen);
  }
  return out;
}

/**
 * Builds the `Đại biểu` rows: `seats[code]` official delegates per unit, guests, provincial-level seats.
 * `skipGroups` are never drawn (to leave a group unrepresented on purpose).
 */
export function generateDelegates(
  spec: SampleDelegates,
  seats: Record<string, number>,
  provincial: { agencies: number; exOfficio: number },
  skipGroups: readonly string[] = [],
): DelegateRow[] {
  const r = rng(spec.seed);
  const rows: DelegateRow[] = [];
  const used = new Set<string>();
  const add = (unit: string, group: string, kind: string) => {
    const p = person(r, used);
    rows.push([
      rows.length + 1,
      p.name,
      unit,
      group,
      p.gender,
      p.year,
      pick(r, CATEGORIES),
      kind,
      `${pick(r, ['Xã', 'Thôn', 'Phường'])} ${pick(r, GIVEN_M)}`,
      '',
    ]);
  };
  for (const [unit, n] of Object.entries(seats)) {
    const shares = (spec.groupShares[unit] ?? []).filter(([g]) => !skipGroups.includes(g));
    for (const g of groupsFor(r, shares, n)) add(unit, g, 'Chính thức');
    const guests = Math.floor(n * spec.guestShare);
    for (const g of groupsFor(r, shares, guests)) add(unit, g, 'Khách mời');
  }
  if (spec.provincialLevel) {
    const all: [string, number][] = [
      ['Nùng', 0.45],
      ['Tày', 0.45],
      ['Dao', 0.1],
    ];
    for (const g of groupsFor(r, all, provincial.agencies)) add('Cấp tỉnh', g, 'Chính thức');
    for (const g of groupsFor(r, all, provincial.exOfficio)) add('Cấp tỉnh', g, 'Đương nhiên');
  }
  return rows;
}

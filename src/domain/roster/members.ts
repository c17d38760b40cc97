/**
 * Committee members: which sub-units each one supervises ("Đơn vị phụ trách") and who heads a body.
 */
import type { MemberRecord, UnitIndex, UnitRecord } from '../records';
import { foldKey } from '../text';

/** "Tất cả", "toàn tỉnh", "tất cả các huyện" …: every sub-unit. */
const ALL_UNITS = /^(?:tất cả|toàn tỉnh|toàn thành phố|toàn bộ)(?: |$)/;

export interface Supervised {
  /** The cell says every sub-unit. */
  all: boolean;
  /** Resolved sub-units, in the order written, without repeats. */
  units: UnitRecord[];
  /** Items that resolve to no sub-unit, as written. */
  unknown: string[];
}

/** Items of a `Đơn vị phụ trách` cell: separated by ',', ';' or line breaks; blanks dropped. */
export function splitUnitList(text: string | null): string[] {
  return (text ?? '')
    .split(/[,;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Resolves a `Đơn vị phụ trách` cell through the unit index (codes or names). */
export function resolveSupervised(text: string | null, index: UnitIndex): Supervised {
  const out: Supervised = { all: false, units: [], unknown: [] };
  for (const item of splitUnitList(text)) {
    if (ALL_UNITS.test(foldKey(item))) {
      out.all = true;
      continue;
    }
    const unit = index.resolve(item);
    if (!unit) out.unknown.push(item);
    else if (!out.units.includes(unit)) out.units.push(unit);
  }
  if (out.all) out.units = [...index.units];
  return out;
}

/** "Trưởng ban", "Trưởng Ban Chỉ đạo", "Trưởng tiểu ban", "Tổ trưởng" head their body; "Phó Trưởng ban" does not. */
export function isHeadRole(role: string | null): boolean {
  const k = role ? foldKey(role) : '';
  return k.startsWith('trưởng') || k.startsWith('tổ trưởng');
}

/** Members grouped by body (foldKey of `Ban`), in first-seen order; members without a body are left out. */
export function membersByBody(members: readonly MemberRecord[]): Map<string, MemberRecord[]> {
  const bodies = new Map<string, MemberRecord[]>();
  for (const m of members) {
    if (!m.data.body) continue;
    const key = foldKey(m.data.body);
    const list = bodies.get(key);
    if (list) list.push(m);
    else bodies.set(key, [m]);
  }
  return bodies;
}

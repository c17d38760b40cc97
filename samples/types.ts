/** Shape of a checked-in sample: rows per sheet in the template's column order. */
export interface SampleDelegates {
  /** Seed of the deterministic generator. */
  seed: number;
  /** Guests per sub-unit as a share of its official delegates. */
  guestShare: number;
  /** Ethnic composition used to draw delegates (group name, share) by unit code. */
  groupShares: Record<string, [string, number][]>;
  /** Also generate the provincial-agency and ex-officio delegates (unit "Cấp tỉnh"). */
  provincialLevel: boolean;
  /** Groups never drawn, to leave a group without a delegate on purpose. */
  skipGroups?: string[];
  /** Deliberate problems for the demo: one unit one delegate short, one unit one over, and a few bad rows. */
  problems?: { short: string; over: string };
}

export interface SampleWorkbook {
  file: string;
  sheets: Record<string, (string | number)[][]>;
  delegates: SampleDelegates;
}

/**
 * `Dân tộc theo đơn vị` rows from each unit's DTTS population and its groups' shares; the last group
 * takes the rounding rest, so every unit's rows add up to its DTTS population exactly.
 */
export function unitEthnicRows(
  units: readonly (readonly [string, string, number, number, ...unknown[]])[],
  shares: Record<string, [string, number][]>,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const [code, , , dtts] of units) {
    const groups = shares[code] ?? [];
    let left = dtts;
    groups.forEach(([group, share], i) => {
      const n = i === groups.length - 1 ? left : Math.round(dtts * share);
      left -= n;
      rows.push([code, group, n]);
    });
  }
  return rows;
}

/**
 * The six apportionment methods side by side on the same units and house size (issue "compare methods"):
 * seats per unit, the units outside their quota (below the floor or above the ceiling of the exact share
 * population·house/total), and the units that would lose a seat if the house grew by one (the Alabama
 * paradox). Divisor methods hand out seats one at a time, so they are house monotone and never show it;
 * Hamilton can. Pure: no Apps Script globals. Nothing here decides the allocation: `apportion` does.
 */
import { ApportionError, type ApportionMethod, type ApportionUnit, apportion, METHOD_NAMES } from './apportion';

export const COMPARED_METHODS: readonly ApportionMethod[] = Object.keys(METHOD_NAMES) as ApportionMethod[];

export interface MethodComparison {
  method: ApportionMethod;
  /** The method's Vietnamese name. */
  name: string;
  /** Seats by unit code (empty when the method cannot apportion this house: see `error`). */
  seats: Record<string, number>;
  /** Codes whose seats fall below the floor or above the ceiling of their exact share. */
  quotaViolations: string[];
  /** Codes that would lose a seat if the house grew by one. */
  alabama: string[];
  /** Codes whose seats differ from those of the configured method. */
  differs: string[];
  /** Why the method gives no result on these data (bounds it cannot meet). */
  error?: string;
  /** The house could not grow by one (every unit at its maximum): no Alabama check. */
  alabamaUnchecked?: boolean;
}

export interface Comparison {
  houseSize: number;
  configured: ApportionMethod;
  methods: MethodComparison[];
}

/** floor and ceiling of p·h/P, exactly (BigInt): no rounding decides a violation. */
function quotaBounds(population: number, house: number, total: number): [number, number] {
  if (total === 0) return [0, 0];
  const num = BigInt(population) * BigInt(house);
  const den = BigInt(total);
  const floor = num / den;
  return [Number(floor), Number(num % den === 0n ? floor : floor + 1n)];
}

function tryApportion(units: ApportionUnit[], house: number, method: ApportionMethod) {
  try {
    return { seats: apportion(units, house, method).seats, error: undefined };
  } catch (e) {
    if (e instanceof ApportionError) return { seats: null, error: e.message };
    throw e;
  }
}

export function compareMethods(units: ApportionUnit[], houseSize: number, configured: ApportionMethod): Comparison {
  const total = units.reduce((s, u) => s + u.population, 0);
  const bounds = new Map(units.map((u) => [u.id, quotaBounds(u.population, houseSize, total)]));
  const results = COMPARED_METHODS.map((method) => {
    const now = tryApportion(units, houseSize, method);
    const next = now.seats ? tryApportion(units, houseSize + 1, method) : null;
    return { method, now, next };
  });
  const base = results.find((r) => r.method === configured)?.now.seats ?? null;
  const methods = results.map(({ method, now, next }): MethodComparison => {
    const name = METHOD_NAMES[method].vi;
    if (!now.seats) {
      return { method, name, seats: {}, quotaViolations: [], alabama: [], differs: [], error: now.error };
    }
    const seats = now.seats;
    const quotaViolations = units
      .filter((u) => {
        const [lo, hi] = bounds.get(u.id) as [number, number];
        const n = seats[u.id] ?? 0;
        return n < lo || n > hi;
      })
      .map((u) => u.id);
    const grown = next?.seats ?? null;
    const alabama = grown ? units.filter((u) => (grown[u.id] ?? 0) < (seats[u.id] ?? 0)).map((u) => u.id) : [];
    const differs = base ? units.filter((u) => seats[u.id] !== base[u.id]).map((u) => u.id) : [];
    return {
      method,
      name,
      seats,
      quotaViolations,
      alabama,
      differs,
      ...(grown ? {} : { alabamaUnchecked: true }),
    };
  });
  return { houseSize, configured, methods };
}

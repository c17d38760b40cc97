/**
 * Which sub-units hold their own congress, and whether the province holds a two-level congress.
 *
 * The rule implemented (domain brief, "Known rules", round III guidance observed again in round IV):
 * - a sub-unit qualifies when its DTTS population living as communities (`Dân số DTTS` of `Đơn vị`)
 *   is at least the threshold (`Ngưỡng tổ chức đại hội`, default 5,000) and above zero;
 * - the province holds a two-level congress (sub-unit congresses, then the provincial one) when at
 *   least two sub-units qualify: each qualifying unit holds its own congress ("Đại hội"), the others
 *   choose their delegates at a joint conference ("Hội nghị liên tịch");
 * - otherwise (none or one qualifies) the congress is one-level, the provincial congress only: no
 *   sub-unit congress is held, and every sub-unit, the single qualifying one included, chooses its
 *   delegates at a joint conference.
 * A unit whose DTTS population is blank or unreadable has no form (null) and counts in neither.
 */
import type { EligibilityDto } from '../rpc/contract';
import { ELIGIBILITY_LABELS } from '../ui/vi';
import type { Problem } from './problem';
import { type UnitLevel, unitWord } from './settings';

export type UnitForm = 'congress' | 'jointConference';

/** The threshold when `Cấu hình` has none. */
export const DEFAULT_CONGRESS_THRESHOLD = 5000;

/** How many units must qualify for a two-level congress. */
export const TWO_LEVEL_MIN_UNITS = 2;

export interface EligibilityUnit {
  code: string;
  /** What a user reads (the code when blank). */
  name?: string;
  /** null: blank or unreadable. */
  dttsPopulation: number | null;
}

export interface Eligibility {
  threshold: number;
  twoLevel: boolean;
  /** Units at or above the threshold (whether or not the province is two-level). */
  qualifying: number;
  /** Units holding their own congress (0 in a one-level province). */
  congress: number;
  /** Units choosing delegates at a joint conference. */
  jointConference: number;
  /** Units with no readable DTTS population (no form). */
  unknown: number;
  /** Each unit's form by code, as given (null: unknown). */
  forms: Map<string, UnitForm | null>;
  /** The overview's sentence ('' without units). */
  sentence: string;
}

/** The unit reaches the threshold (a unit without DTTS people never does). */
export function qualifies(dttsPopulation: number | null, threshold: number): boolean {
  return dttsPopulation !== null && dttsPopulation > 0 && dttsPopulation >= threshold;
}

export function formLabel(form: UnitForm | null): string {
  return form === null ? '' : ELIGIBILITY_LABELS[form];
}

/**
 * The form of every unit and the province's level. `level` (`Cấp đơn vị`) words the sentence: "Đại hội
 * cấp huyện" for districts, "Đại hội cấp xã" for communes.
 */
export function decideEligibility(units: readonly EligibilityUnit[], threshold: number, level: UnitLevel): Eligibility {
  const known = units.filter((u) => u.dttsPopulation !== null);
  const qualifying = known.filter((u) => qualifies(u.dttsPopulation, threshold)).length;
  const twoLevel = qualifying >= TWO_LEVEL_MIN_UNITS;
  const forms = new Map<string, UnitForm | null>();
  for (const u of units) {
    if (u.dttsPopulation === null) forms.set(u.code, null);
    else forms.set(u.code, twoLevel && qualifies(u.dttsPopulation, threshold) ? 'congress' : 'jointConference');
  }
  const congress = twoLevel ? qualifying : 0;
  const jointConference = known.length - congress;
  const unknown = units.length - known.length;
  const words = unitWord(level);
  let sentence = '';
  if (units.length > 0) {
    sentence = twoLevel
      ? ELIGIBILITY_LABELS.twoLevel(congress, jointConference, threshold, words)
      : ELIGIBILITY_LABELS.oneLevel(qualifying, jointConference, threshold, words);
    if (unknown > 0)
      sentence += ELIGIBILITY_LABELS.unknown(
        units.filter((u) => u.dttsPopulation === null).map((u) => u.name || u.code),
        words,
      );
  }
  return { threshold, twoLevel, qualifying, congress, jointConference, unknown, forms, sentence };
}

/** The result as the sidebar receives it: counts, the sentence and the units of each form by name. */
export function eligibilityDto(units: readonly EligibilityUnit[], threshold: number, level: UnitLevel): EligibilityDto {
  const e = decideEligibility(units, threshold, level);
  const named = (form: UnitForm) => units.filter((u) => e.forms.get(u.code) === form).map((u) => u.name || u.code);
  return {
    threshold: e.threshold,
    twoLevel: e.twoLevel,
    qualifying: e.qualifying,
    congress: e.congress,
    jointConference: e.jointConference,
    unknown: e.unknown,
    sentence: e.sentence,
    congressUnits: named('congress'),
    jointConferenceUnits: named('jointConference'),
  };
}

/**
 * `Ngưỡng tổ chức đại hội` as the overview and the progress summary may use it, by the allocation's own
 * rule: an error at its cell (typed wrong, a formula giving text or an error) means no threshold, so no
 * unit's form is claimed, and a sentence names the cell instead. Blank or its row deleted: the default.
 * `problems`: those reading `Cấu hình` gave; `cell`: the threshold's value cell, when the row is there.
 */
export function thresholdOf(
  threshold: number,
  cell: string | undefined,
  problems: readonly Problem[],
  level: UnitLevel,
): { threshold: number; error?: undefined } | { threshold?: undefined; error: string } {
  const wrong = cell === undefined ? undefined : problems.find((p) => p.severity === 'error' && p.cell === cell);
  if (!wrong) return { threshold };
  return { error: ELIGIBILITY_LABELS.thresholdInvalid(wrong.sheet, wrong.cell, wrong.message, unitWord(level)) };
}

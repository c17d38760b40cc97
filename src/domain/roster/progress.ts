/**
 * Progress of the sub-units (`Tiến độ`): how many reached each milestone, in the sentences the
 * reports use ("10/11 huyện, thành phố đã thành lập Ban Chỉ đạo").
 */
import type { MilestoneDto, ProgressSummaryDto } from '../../rpc/contract';
import { INTAKE_MESSAGES as I, ROSTER_MESSAGES as R } from '../../ui/vi';
import { formatVnDate, type IsoDate } from '../dates';
import { eligibilityDto } from '../eligibility';
import type { ProgressRecord, UnitIndex, UnitRecord } from '../records';
import { type Settings, unitWord } from '../settings';
import { foldKey, stripDiacritics } from '../text';

export type MilestoneKey = 'steering' | 'plan' | 'congress' | 'submitted';

interface MilestoneSpec {
  key: MilestoneKey;
  label: string;
  /** What follows "đã" in the sentence. */
  phrase: string;
  reached: (p: ProgressRecord['data'], today: IsoDate | undefined) => boolean;
}

/** `Trạng thái Đại hội` saying the congress was held: 'Đã tổ chức', 'da to chuc', 'Hoàn thành' … */
const HELD = /^(?:da to chuc|hoan thanh|da xong)/;

/** A date counts once it is set and, when today is known, not in the future (a planned date is not done). */
const happened = (d: IsoDate | null, today: IsoDate | undefined): boolean => d !== null && (!today || d <= today);

export const MILESTONES: readonly MilestoneSpec[] = [
  {
    key: 'steering',
    ...R.progressMilestones.steering,
    reached: (p, today) => happened(p.steeringCommittee, today),
  },
  {
    key: 'plan',
    ...R.progressMilestones.plan,
    reached: (p, today) => happened(p.plan, today),
  },
  {
    key: 'congress',
    ...R.progressMilestones.congress,
    reached: (p, today) =>
      HELD.test(stripDiacritics(foldKey(p.congressStatus ?? ''))) ||
      (today !== undefined && happened(p.congressDate, today)),
  },
];

/**
 * For each milestone, how many of the `Đơn vị` sub-units reached it and which did not (in unit
 * order). A unit without a `Tiến độ` row reached nothing; with several rows, any row counts.
 * Without `today`, any date entered counts (and only 'Đã tổ chức' counts as a congress held).
 */
export function summarizeProgress(
  units: readonly UnitRecord[],
  progress: readonly ProgressRecord[],
  index: UnitIndex,
  /** Without `congressThreshold` (no `Cấu hình`, or the threshold typed wrong: `eligibilityError`) no form is given. */
  settings: Pick<Settings, 'level'> & Partial<Pick<Settings, 'congressThreshold'>> & { eligibilityError?: string },
  today?: IsoDate,
  /** The units whose list `Tiếp nhận danh sách` records, and the deadline: adds the "đã gửi danh sách" milestone. */
  intake?: { sent: ReadonlySet<UnitRecord>; deadline: IsoDate | null },
): ProgressSummaryDto {
  const word = unitWord(settings.level).long;
  const rowsOf = new Map<UnitRecord, ProgressRecord[]>();
  for (const p of progress) {
    const unit = p.unitRecord ?? index.resolve(p.data.unit);
    if (unit) rowsOf.set(unit, [...(rowsOf.get(unit) ?? []), p]);
  }
  const total = units.length;
  const milestones = MILESTONES.map((m): MilestoneDto => {
    const missing = units.filter((u) => !(rowsOf.get(u) ?? []).some((p) => m.reached(p.data, today)));
    const reached = total - missing.length;
    return {
      key: m.key,
      label: m.label,
      reached,
      total,
      sentence: total ? R.progressReached(reached, total, word, m.phrase) : R.progressNoUnits(word),
      missing: missing.map((u) => index.label(u)),
    };
  });
  // Each unit's form of choosing delegates (a unit whose DTTS population is unreadable has none).
  const eligibility =
    settings.congressThreshold === undefined || total === 0
      ? undefined
      : eligibilityDto(
          units.map((u) => ({
            code: u.data.code ?? `#${u.row}`,
            name: index.label(u),
            dttsPopulation: u.invalid.has('dttsPopulation') ? null : u.data.dttsPopulation,
          })),
          settings.congressThreshold,
          settings.level,
        );
  if (intake) milestones.push(submittedMilestone(units, index, word, intake, today));
  const eligibilityError = total > 0 ? settings.eligibilityError : undefined;
  return {
    unitWord: word,
    total,
    milestones,
    ...(eligibility && { eligibility }),
    ...(eligibilityError && { eligibilityError }),
  };
}

/**
 * "k/n xã, phường đã gửi danh sách đại biểu", naming the units that have not sent (a unit has sent
 * when `Tiếp nhận danh sách` records a list of it); after the deadline, those are late.
 */
function submittedMilestone(
  units: readonly UnitRecord[],
  index: UnitIndex,
  word: string,
  intake: { sent: ReadonlySet<UnitRecord>; deadline: IsoDate | null },
  today: IsoDate | undefined,
): MilestoneDto {
  const missing = units.filter((u) => !intake.sent.has(u));
  const total = units.length;
  const reached = total - missing.length;
  const late = intake.deadline !== null && today !== undefined && today > intake.deadline ? missing.length : 0;
  const deadline = intake.deadline ? formatVnDate(intake.deadline) : '';
  return {
    key: 'submitted',
    label: I.sentLabel,
    reached,
    total,
    sentence: total ? R.progressReached(reached, total, word, I.sentPhrase) : R.progressNoUnits(word),
    missing: missing.map((u) => index.label(u)),
    note: I.sentHint,
    ...(deadline && { deadline }),
    ...(late > 0 && { late, lateSentence: I.lateSentence(late, word, deadline) }),
  };
}

/** One sentence per milestone, for the notices. */
export function progressSentences(summary: ProgressSummaryDto): string[] {
  return summary.milestones.map((m) => m.sentence);
}

/**
 * The report sentence: milestones reached by the same number of sub-units share one clause, e.g.
 * "Đến nay, 10/10 huyện, thành phố đã thành lập Ban Chỉ đạo và ban hành Kế hoạch tổ chức Đại hội;
 * 2/10 huyện, thành phố đã tổ chức Đại hội." Milestones no sub-unit reached are left out.
 */
export function progressReport(summary: ProgressSummaryDto): string {
  const clauses: { reached: number; phrases: string[] }[] = [];
  for (const m of summary.milestones) {
    // The lists received are not a milestone of the units' own congresses (the notices' sentence).
    if (m.reached === 0 || m.key === 'submitted') continue;
    const phrase = MILESTONES.find((s) => s.key === m.key)?.phrase ?? m.label;
    const last = clauses[clauses.length - 1];
    if (last && last.reached === m.reached) last.phrases.push(phrase);
    else clauses.push({ reached: m.reached, phrases: [phrase] });
  }
  if (clauses.length === 0) return R.progressReportNone(summary.unitWord, summary.total > 0);
  return R.progressReport(
    clauses.map((c) => R.progressReached(c.reached, summary.total, summary.unitWord, joinVi(c.phrases))),
  );
}

/** "a", "a và b", "a, b và c". */
function joinVi(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : R.andList(items.slice(0, -1), items[items.length - 1] ?? '');
}

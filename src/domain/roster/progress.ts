/**
 * Progress of the sub-units (`Tiến độ`): how many reached each milestone, in the sentences the
 * reports use ("10/11 huyện, thành phố đã thành lập Ban Chỉ đạo").
 */
import type { MilestoneDto, ProgressSummaryDto } from '../../rpc/contract';
import type { IsoDate } from '../dates';
import { formatVnNumber } from '../numbers';
import type { ProgressRecord, UnitIndex, UnitRecord } from '../records';
import { type Settings, unitWord } from '../settings';
import { foldKey, stripDiacritics } from '../text';

export type MilestoneKey = 'steering' | 'plan' | 'congress';

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
    label: 'Thành lập Ban Chỉ đạo',
    phrase: 'thành lập Ban Chỉ đạo',
    reached: (p, today) => happened(p.steeringCommittee, today),
  },
  {
    key: 'plan',
    label: 'Ban hành Kế hoạch',
    phrase: 'ban hành Kế hoạch tổ chức Đại hội',
    reached: (p, today) => happened(p.plan, today),
  },
  {
    key: 'congress',
    label: 'Tổ chức Đại hội',
    phrase: 'tổ chức Đại hội',
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
  settings: Pick<Settings, 'level'>,
  today?: IsoDate,
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
      sentence: total
        ? `${formatVnNumber(reached)}/${formatVnNumber(total)} ${word} đã ${m.phrase}`
        : `Chưa có ${word} nào trong trang "Đơn vị"`,
      missing: missing.map((u) => index.label(u)),
    };
  });
  return { unitWord: word, total, milestones };
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
    if (m.reached === 0) continue;
    const phrase = MILESTONES.find((s) => s.key === m.key)?.phrase ?? m.label;
    const last = clauses[clauses.length - 1];
    if (last && last.reached === m.reached) last.phrases.push(phrase);
    else clauses.push({ reached: m.reached, phrases: [phrase] });
  }
  if (clauses.length === 0)
    return `Đến nay, chưa có ${summary.unitWord} nào ${summary.total ? 'thành lập Ban Chỉ đạo' : 'được khai báo'}.`;
  const text = clauses.map(
    (c) => `${formatVnNumber(c.reached)}/${formatVnNumber(summary.total)} ${summary.unitWord} đã ${joinVi(c.phrases)}`,
  );
  return `Đến nay, ${text.join('; ')}.`;
}

/** "a", "a và b", "a, b và c". */
function joinVi(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

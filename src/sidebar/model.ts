/**
 * The sidebar's logic that needs no DOM (tested in Node): the URL policy, error messages from
 * google.script.run, the label of a meeting, and the grouping and cap of the problems list.
 */
import type { MeetingDto, ProblemDto } from '../rpc/contract';
import { formatDay } from './i18n';

/** A meeting as the form lists it: "BCĐ-02 — 20/01/2024 — subject" (blank parts left out). */
export function meetingLabel(m: MeetingDto): string {
  return [m.code, m.date ? formatDay(m.date) : '', m.subject.trim()].filter(Boolean).join(' — ');
}

/** Which problems the list shows. */
export type Filter = 'all' | 'error' | 'warning';

/** An https: address, or null: anything else (javascript:, data:, relative paths…) is refused. */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!/^https:\/\/[^\s/]/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** "Exception: …", "Error: …", "UserError: …" → "…". */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return raw.replace(/^(?:[A-Za-z]*(?:Error|Exception)\s*:\s*)+/, '').trim();
}

/** Problems rendered per filter; the rest are counted ("còn N vấn đề khác"). */
export const PROBLEM_LIMIT = 200;

export interface ProblemGroup {
  sheet: string;
  /** Every problem of the sheet in the filter (the count shown). */
  total: number;
  /** The ones rendered, with their index in the full list (a stable key). */
  shown: { problem: ProblemDto; index: number }[];
}

/**
 * Groups the problems of a filter by sheet (in order of first appearance), errors before warnings
 * within a sheet, and keeps the first `limit` overall. Returns the groups and how many were left out.
 */
export function groupProblems(
  problems: readonly ProblemDto[],
  filter: Filter,
  limit: number = PROBLEM_LIMIT,
): { groups: ProblemGroup[]; hidden: number; total: number } {
  const bySheet = new Map<string, { problem: ProblemDto; index: number }[]>();
  problems.forEach((problem, index) => {
    if (filter !== 'all' && problem.severity !== filter) return;
    const list = bySheet.get(problem.sheet) ?? [];
    list.push({ problem, index });
    bySheet.set(problem.sheet, list);
  });
  const groups: ProblemGroup[] = [];
  let left = limit;
  let total = 0;
  for (const [sheet, list] of bySheet) {
    const sorted = [
      ...list.filter((p) => p.problem.severity === 'error'),
      ...list.filter((p) => p.problem.severity !== 'error'),
    ];
    total += sorted.length;
    const shown = sorted.slice(0, Math.max(0, left));
    left -= shown.length;
    if (shown.length > 0) groups.push({ sheet, total: sorted.length, shown });
  }
  return { groups, hidden: total - (limit - left), total };
}

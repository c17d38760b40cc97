/**
 * Roster checks (part of validateAll): tasks, committee members, bodies and sub-unit progress.
 * Each rule is a small named function adding problems with a stable rule id.
 */
import { ROSTER_MESSAGES as R } from '../../ui/vi';
import { diffDays, formatVnDate, type IsoDate } from '../dates';
import { a1, type ProblemList, type Severity } from '../problem';
import type { MeetingRecord, MemberRecord, ProgressRecord, TaskRecord, UnitIndex, UnitRecord } from '../records';
import { type Settings, unitWord } from '../settings';
import { SHEETS } from '../template';
import { foldKey, truncateAtWord } from '../text';
import { isHeadRole, membersByBody, resolveSupervised } from './members';
import { classifyTask, isTaskDone } from './tasks';

export interface RosterInput {
  settings: Pick<Settings, 'dueSoonDays' | 'unitCongressDeadline' | 'level'>;
  today: IsoDate;
  units: readonly UnitRecord[];
  index: UnitIndex;
  members: readonly MemberRecord[];
  tasks: readonly TaskRecord[];
  progress: readonly ProgressRecord[];
  meetings: readonly MeetingRecord[];
}

export type RosterRule = (input: RosterInput, problems: ProblemList) => void;

const TASKS = SHEETS.tasks.name;
const MEMBERS = SHEETS.members.name;
const PROGRESS = SHEETS.progress.name;
const UNITS = SHEETS.units.name;
/** Above this many unsupervised sub-units, one summary warning replaces the per-unit ones. */
const UNSUPERVISED_DETAIL_LIMIT = 20;

const vn = formatVnDate;
/** "Nhiệm vụ dòng 5 (Xây dựng dự thảo Chỉ thị…)": the content cut at a word, never mid-word. */
function taskName(t: TaskRecord): string {
  return R.taskName(t.row, truncateAtWord(t.data.content ?? '', 60));
}
const cellOf = (r: { row: number; cells: Partial<Record<string, string>> }, field: string): string =>
  r.cells[field] ?? a1(r.row, 1);
const unitName = (input: RosterInput, p: ProgressRecord): string =>
  p.unitRecord ? input.index.label(p.unitRecord) : (p.data.unit ?? '');

// ---------------------------------------------------------------------------------------------
// Tasks

function meetingsByCode(meetings: readonly MeetingRecord[]): Map<string, MeetingRecord> {
  const map = new Map<string, MeetingRecord>();
  for (const m of meetings) if (m.data.code && !map.has(foldKey(m.data.code))) map.set(foldKey(m.data.code), m);
  return map;
}

/** What a task rule says after the task's name ("Nhiệm vụ dòng 5 (…)"); a falsy value: nothing to report. */
type TaskCheck = (t: TaskRecord, input: RosterInput, meetings: Map<string, MeetingRecord>) => unknown;

/** A rule reporting, at the task's `field` cell, each task for which `check` gives a text. */
const taskRule =
  (severity: Severity, rule: string, field: string, hint: string, check: TaskCheck): RosterRule =>
  (input, problems) => {
    const meetings = meetingsByCode(input.meetings);
    for (const t of input.tasks) {
      const text = check(t, input, meetings);
      if (text) problems.add(severity, rule, TASKS, cellOf(t, field), `${taskName(t)} ${text}`, hint);
    }
  };
/** Neither cancelled nor done. */
const open = (t: TaskRecord) => t.data.status !== 'cancelled' && !isTaskDone(t);

export const taskNoLead = taskRule(
  'error',
  'task-no-lead',
  'lead',
  R.taskNoLeadHint,
  (t) => !t.data.lead && open(t) && R.taskNoLead,
);

/** A deadline cell that is not a date was already reported by the reader (cell-invalid). */
export const taskNoDeadline = taskRule(
  'warning',
  'task-no-deadline',
  'deadline',
  R.taskNoDeadlineHint,
  (t) => !t.data.deadline && !t.invalid.has('deadline') && open(t) && R.taskNoDeadline,
);

export const taskOverdue = taskRule(
  'error',
  'task-overdue',
  'deadline',
  R.taskOverdueHint,
  (t, { today, settings }) => {
    const { deadline, lead } = t.data;
    return (
      deadline &&
      classifyTask(t, today, settings.dueSoonDays) === 'overdue' &&
      R.taskOverdue(diffDays(today, deadline), vn(deadline), lead ?? '')
    );
  },
);

export const taskDueSoon = taskRule(
  'warning',
  'task-due-soon',
  'deadline',
  R.taskDueSoonHint,
  (t, { today, settings }) => {
    const deadline = t.data.deadline;
    if (!deadline || classifyTask(t, today, settings.dueSoonDays) !== 'due-soon') return;
    const left = diffDays(deadline, today);
    return R.taskDueSoon(left, vn(deadline));
  },
);

export const taskDoneBeforeMeeting = taskRule(
  'error',
  'task-done-before-meeting',
  'doneOn',
  R.taskDoneBeforeMeetingHint,
  (t, _, meetings) => {
    const { meeting, doneOn } = t.data;
    const date = meeting && meetings.get(foldKey(meeting))?.data.date;
    return doneOn && date && doneOn < date && R.taskDoneBeforeMeeting(vn(doneOn), meeting ?? '', vn(date));
  },
);

/** 'Hoàn thành' without a date, or a date with a status that says otherwise. */
export const taskDoneWithoutDate: RosterRule = ({ tasks }, problems) => {
  for (const t of tasks) {
    const { status, doneOn } = t.data;
    if (status === 'done' && !doneOn && !t.invalid.has('doneOn')) {
      problems.warning(
        'task-done-without-date',
        TASKS,
        cellOf(t, 'doneOn'),
        R.taskDoneWithoutDate(taskName(t)),
        R.taskDoneWithoutDateHint,
      );
    } else if (doneOn && status !== null && status !== 'done') {
      problems.warning(
        'task-date-without-done',
        TASKS,
        cellOf(t, 'status'),
        R.taskDateWithoutDone(taskName(t), vn(doneOn)),
        R.taskDateWithoutDoneHint,
      );
    }
  }
};

export const taskMeetingUnknown = taskRule(
  'error',
  'task-meeting-unknown',
  'meeting',
  R.taskMeetingUnknownHint,
  (t, _, meetings) =>
    t.data.meeting &&
    !meetings.has(foldKey(t.data.meeting)) &&
    R.taskMeetingUnknown(t.data.meeting, SHEETS.meetings.name),
);

// ---------------------------------------------------------------------------------------------
// Members and bodies

export const memberUnitUnknown: RosterRule = ({ members, index }, problems) => {
  for (const m of members) {
    for (const item of resolveSupervised(m.data.units, index).unknown) {
      problems.error(
        'member-unit-unknown',
        MEMBERS,
        cellOf(m, 'units'),
        R.memberUnitUnknown(m.data.name, m.row, item, UNITS),
        R.memberUnitUnknownHint,
      );
    }
  }
};

export const unitUnsupervised: RosterRule = ({ members, units, index, settings }, problems) => {
  const covered = new Set<UnitRecord>();
  let assigned = false;
  for (const m of members) {
    const s = resolveSupervised(m.data.units, index);
    if (s.all) return;
    if (s.units.length) assigned = true;
    for (const u of s.units) covered.add(u);
  }
  if (!assigned) return; // no assignment made yet: nothing to compare
  const left = units.filter((u) => !covered.has(u) && (u.data.code || u.data.name));
  const word = unitWord(settings.level).short;
  const hint = R.unitUnsupervisedHint(MEMBERS);
  if (left.length > UNSUPERVISED_DETAIL_LIMIT) {
    const names = left.slice(0, 10).map((u) => index.label(u));
    problems.warning(
      'unit-unsupervised',
      UNITS,
      cellOf(left[0] as UnitRecord, 'name'),
      R.unitsUnsupervised(left.length, word, names),
      hint,
    );
    return;
  }
  for (const u of left) {
    problems.warning('unit-unsupervised', UNITS, cellOf(u, 'name'), R.unitUnsupervised(word, index.label(u)), hint);
  }
};

/** Every body with members (Ban Chỉ đạo, Ban Tổ chức, Tiểu ban …) needs a head (Trưởng ban). */
export const bodyWithoutHead: RosterRule = ({ members }, problems) => {
  for (const list of membersByBody(members).values()) {
    if (list.some((m) => isHeadRole(m.data.role))) continue;
    const first = list[0] as MemberRecord;
    problems.error(
      'body-without-head',
      MEMBERS,
      cellOf(first, 'body'),
      R.bodyWithoutHead(first.data.body ?? '', list.length),
      R.bodyWithoutHeadHint,
    );
  }
};

// ---------------------------------------------------------------------------------------------
// Progress

const MILESTONE_FIELDS = [
  ['steeringCommittee', R.milestones.steeringCommittee],
  ['plan', R.milestones.plan],
  ['congressDate', R.milestones.congressDate],
] as const;

/** Thành lập Ban Chỉ đạo ≤ Ban hành Kế hoạch ≤ Ngày Đại hội (for the dates present). */
export const milestonesOutOfOrder: RosterRule = (input, problems) => {
  for (const p of input.progress) {
    let prev: (typeof MILESTONE_FIELDS)[number] | null = null;
    for (const field of MILESTONE_FIELDS) {
      const date = p.data[field[0]];
      if (!date) continue;
      const before = prev ? p.data[prev[0]] : null;
      if (prev && before && date < before) {
        problems.error(
          'milestones-out-of-order',
          PROGRESS,
          cellOf(p, field[0]),
          R.milestonesOutOfOrder(unitName(input, p), field[1], vn(date), prev[1], vn(before)),
          R.milestonesOutOfOrderHint,
        );
      }
      prev = field;
    }
  }
};

export const congressAfterDeadline: RosterRule = (input, problems) => {
  const deadline = input.settings.unitCongressDeadline;
  if (!deadline) return;
  for (const p of input.progress) {
    const date = p.data.congressDate;
    if (!date || date <= deadline) continue;
    problems.error(
      'congress-after-deadline',
      PROGRESS,
      cellOf(p, 'congressDate'),
      R.congressAfterDeadline(unitName(input, p), vn(date), vn(deadline)),
      R.congressAfterDeadlineHint,
    );
  }
};

export const progressDuplicate: RosterRule = ({ progress, index }, problems) => {
  const seen = new Map<UnitRecord, ProgressRecord>();
  for (const p of progress) {
    if (!p.unitRecord) continue;
    const first = seen.get(p.unitRecord);
    if (!first) {
      seen.set(p.unitRecord, p);
      continue;
    }
    problems.warning(
      'progress-duplicate',
      PROGRESS,
      cellOf(p, 'unit'),
      R.progressDuplicate(index.label(p.unitRecord), first.row),
      R.progressDuplicateHint,
    );
  }
};

/** Every roster rule, in report order. */
export const ROSTER_RULES: readonly RosterRule[] = [
  taskNoLead,
  taskNoDeadline,
  taskOverdue,
  taskDueSoon,
  taskDoneBeforeMeeting,
  taskDoneWithoutDate,
  taskMeetingUnknown,
  memberUnitUnknown,
  unitUnsupervised,
  bodyWithoutHead,
  milestonesOutOfOrder,
  congressAfterDeadline,
  progressDuplicate,
];

export function checkRoster(input: RosterInput, problems: ProblemList): void {
  for (const rule of ROSTER_RULES) rule(input, problems);
}

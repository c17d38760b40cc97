/**
 * Roster checks (part of validateAll): tasks, committee members, bodies and sub-unit progress.
 * Each rule is a small named function adding problems with a stable rule id.
 */
import { diffDays, formatVnDate, type IsoDate } from '../dates';
import { a1, type ProblemList } from '../problem';
import type { MeetingRecord, MemberRecord, ProgressRecord, TaskRecord, UnitIndex, UnitRecord } from '../records';
import { type Settings, unitWord } from '../settings';
import { SHEETS } from '../template';
import { foldKey, truncate } from '../text';
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
/** "Nhiệm vụ dòng 5 (Xây dựng dự thảo Chỉ thị…)". */
function taskName(t: TaskRecord): string {
  const c = t.data.content ?? '';
  return `Nhiệm vụ dòng ${t.row}${c ? ` (${truncate(c, 60)})` : ''}`;
}
const cellOf = (r: { row: number; cells: Partial<Record<string, string>> }, field: string): string =>
  r.cells[field] ?? a1(r.row, 1);
const unitName = (input: RosterInput, p: ProgressRecord): string =>
  p.unitRecord ? input.index.label(p.unitRecord) : (p.data.unit ?? '');

// ---------------------------------------------------------------------------------------------
// Tasks

export const taskNoLead: RosterRule = ({ tasks }, problems) => {
  for (const t of tasks) {
    if (t.data.lead || t.data.status === 'cancelled' || isTaskDone(t)) continue;
    problems.error(
      'task-no-lead',
      TASKS,
      cellOf(t, 'lead'),
      `${taskName(t)} chưa có đơn vị chủ trì.`,
      'Ghi cơ quan chủ trì vào cột "Chủ trì".',
    );
  }
};

/** A deadline cell that is not a date was already reported by the reader (cell-invalid). */
export const taskNoDeadline: RosterRule = ({ tasks }, problems) => {
  for (const t of tasks) {
    if (t.data.deadline || t.invalid.has('deadline') || t.data.status === 'cancelled' || isTaskDone(t)) continue;
    problems.warning(
      'task-no-deadline',
      TASKS,
      cellOf(t, 'deadline'),
      `${taskName(t)} chưa có hạn hoàn thành.`,
      'Ghi hạn hoàn thành (ngày/tháng/năm), ví dụ 15/01/2024.',
    );
  }
};

export const taskOverdue: RosterRule = ({ tasks, today, settings }, problems) => {
  for (const t of tasks) {
    if (classifyTask(t, today, settings.dueSoonDays) !== 'overdue' || !t.data.deadline) continue;
    const late = diffDays(today, t.data.deadline);
    problems.error(
      'task-overdue',
      TASKS,
      cellOf(t, 'deadline'),
      `${taskName(t)} đã quá hạn ${late} ngày (hạn ${vn(t.data.deadline)}${t.data.lead ? `, chủ trì: ${t.data.lead}` : ''}).`,
      'Đôn đốc đơn vị chủ trì; nếu đã xong, ghi "Hoàn thành" và ngày hoàn thành.',
    );
  }
};

export const taskDueSoon: RosterRule = ({ tasks, today, settings }, problems) => {
  for (const t of tasks) {
    if (classifyTask(t, today, settings.dueSoonDays) !== 'due-soon' || !t.data.deadline) continue;
    const left = diffDays(t.data.deadline, today);
    problems.warning(
      'task-due-soon',
      TASKS,
      cellOf(t, 'deadline'),
      `${taskName(t)} ${left === 0 ? 'đến hạn hôm nay' : `còn ${left} ngày đến hạn`} (${vn(t.data.deadline)}).`,
      'Nhắc đơn vị chủ trì hoàn thành đúng hạn.',
    );
  }
};

function meetingsByCode(meetings: readonly MeetingRecord[]): Map<string, MeetingRecord> {
  const map = new Map<string, MeetingRecord>();
  for (const m of meetings) if (m.data.code && !map.has(foldKey(m.data.code))) map.set(foldKey(m.data.code), m);
  return map;
}

export const taskDoneBeforeMeeting: RosterRule = ({ tasks, meetings }, problems) => {
  const byCode = meetingsByCode(meetings);
  for (const t of tasks) {
    const date = t.data.meeting ? byCode.get(foldKey(t.data.meeting))?.data.date : null;
    if (!t.data.doneOn || !date || t.data.doneOn >= date) continue;
    problems.error(
      'task-done-before-meeting',
      TASKS,
      cellOf(t, 'doneOn'),
      `${taskName(t)} có ngày hoàn thành ${vn(t.data.doneOn)}, trước ngày cuộc họp ${t.data.meeting} giao nhiệm vụ (${vn(date)}).`,
      'Kiểm tra lại ngày hoàn thành hoặc mã cuộc họp.',
    );
  }
};

/** 'Hoàn thành' without a date, or a date with a status that says otherwise. */
export const taskDoneWithoutDate: RosterRule = ({ tasks }, problems) => {
  for (const t of tasks) {
    const { status, doneOn } = t.data;
    if (status === 'done' && !doneOn && !t.invalid.has('doneOn')) {
      problems.warning(
        'task-done-without-date',
        TASKS,
        cellOf(t, 'doneOn'),
        `${taskName(t)} đã "Hoàn thành" nhưng chưa có ngày hoàn thành.`,
        'Ghi ngày hoàn thành (ngày/tháng/năm).',
      );
    } else if (doneOn && status !== null && status !== 'done') {
      problems.warning(
        'task-date-without-done',
        TASKS,
        cellOf(t, 'status'),
        `${taskName(t)} có ngày hoàn thành ${vn(doneOn)} nhưng trạng thái chưa là "Hoàn thành".`,
        'Sửa trạng thái thành "Hoàn thành", hoặc xóa ngày hoàn thành nếu chưa xong.',
      );
    }
  }
};

export const taskMeetingUnknown: RosterRule = ({ tasks, meetings }, problems) => {
  const byCode = meetingsByCode(meetings);
  for (const t of tasks) {
    if (!t.data.meeting || byCode.has(foldKey(t.data.meeting))) continue;
    problems.error(
      'task-meeting-unknown',
      TASKS,
      cellOf(t, 'meeting'),
      `${taskName(t)} ghi cuộc họp "${t.data.meeting}", không có trong trang "${SHEETS.meetings.name}".`,
      'Chọn mã cuộc họp trong danh sách, hoặc thêm cuộc họp vào trang Cuộc họp.',
    );
  }
};

// ---------------------------------------------------------------------------------------------
// Members and bodies

export const memberUnitUnknown: RosterRule = ({ members, index }, problems) => {
  for (const m of members) {
    for (const item of resolveSupervised(m.data.units, index).unknown) {
      problems.error(
        'member-unit-unknown',
        MEMBERS,
        cellOf(m, 'units'),
        `Thành viên ${m.data.name ?? `dòng ${m.row}`} phụ trách "${item}", không có trong trang "${UNITS}".`,
        'Ghi mã hoặc tên đơn vị đúng như trang Đơn vị, cách nhau bởi dấu phẩy.',
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
  if (left.length > UNSUPERVISED_DETAIL_LIMIT) {
    const names = left.slice(0, 10).map((u) => index.label(u));
    problems.warning(
      'unit-unsupervised',
      UNITS,
      cellOf(left[0] as UnitRecord, 'name'),
      `${left.length} ${word} chưa có thành viên phụ trách: ${names.join(', ')}…`,
      `Phân công thành viên phụ trách trong cột "Đơn vị phụ trách" của trang "${MEMBERS}".`,
    );
    return;
  }
  for (const u of left) {
    problems.warning(
      'unit-unsupervised',
      UNITS,
      cellOf(u, 'name'),
      `Chưa có thành viên nào phụ trách ${word} ${index.label(u)}.`,
      `Phân công thành viên phụ trách trong cột "Đơn vị phụ trách" của trang "${MEMBERS}".`,
    );
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
      `${first.data.body} có ${list.length} thành viên nhưng chưa có Trưởng ban.`,
      'Ghi "Trưởng ban" (hoặc "Trưởng tiểu ban") ở cột "Vai trò" của người đứng đầu.',
    );
  }
};

// ---------------------------------------------------------------------------------------------
// Progress

const MILESTONE_FIELDS = [
  ['steeringCommittee', 'thành lập Ban Chỉ đạo'],
  ['plan', 'ban hành Kế hoạch'],
  ['congressDate', 'Đại hội'],
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
          `${unitName(input, p)}: ngày ${field[1]} (${vn(date)}) trước ngày ${prev[1]} (${vn(before)}).`,
          'Thứ tự đúng: thành lập Ban Chỉ đạo → ban hành Kế hoạch → Đại hội. Kiểm tra lại các ngày.',
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
      `${unitName(input, p)} tổ chức Đại hội ngày ${vn(date)}, sau hạn ${vn(deadline)} của tỉnh.`,
      'Đề nghị đơn vị tổ chức Đại hội trước hạn, hoặc sửa "Hạn tổ chức Đại hội cấp cơ sở" trong Cấu hình.',
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
      `${index.label(p.unitRecord)} có nhiều dòng tiến độ (trùng với dòng ${first.row}).`,
      'Mỗi đơn vị chỉ nên có một dòng trong trang Tiến độ.',
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

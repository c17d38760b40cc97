/**
 * Thông báo kết luận of a meeting (seed 004): the opening (date, chair, attendees), the
 * conclusions in sheet order (blank STT: unnumbered paragraphs), and the tasks assigned at the
 * meeting grouped by lead agency, placed at the first number the conclusions leave free.
 */
import { formatVnDate, type IsoDate } from '../dates';
import type { ConclusionRecord, MeetingRecord, MemberRecord, TaskRecord } from '../records';
import type { Settings } from '../settings';
import { foldKey } from '../text';
import type { TaskStatus } from '../values';
import { congressName, endWith, type FrameInput, frame, para, pointLetter } from './frame';
import type { Block, DocModel } from './model';

export interface ConclusionInput {
  meeting: {
    code: string;
    date: IsoDate | null;
    chair: string;
    chairTitle: string;
    attendees: string;
    subject: string;
  };
  /** The meeting's conclusions in sheet order; `index` null for an unnumbered paragraph. */
  conclusions: { index: number | null; content: string }[];
  /** Tasks assigned at the meeting (cancelled ones left out), in STT order. */
  tasks: { content: string; lead: string; partners: string; deadline: IsoDate | null }[];
  /** Who reported to the meeting: the standing agency of the steering committee, when known. */
  reporter: string | null;
}

/** A problem with the sheet data that stops a document: the message is shown as is. */
export class NoticeDataError extends Error {}

/** The standing agency: the agency of the steering committee's standing deputy ("thường trực"). */
export function standingAgency(members: readonly MemberRecord[]): string | null {
  const m = members.find(
    (r) => foldKey(r.data.body ?? '') === 'ban chỉ đạo' && foldKey(r.data.role ?? '').includes('thường trực'),
  );
  return m?.data.agency?.trim() || null;
}

/** The body that met: "Ban Tổ chức" for codes starting with BTC, otherwise "Ban Chỉ đạo". */
export const meetingBody = (code: string): string => (foldKey(code).startsWith('btc') ? 'Ban Tổ chức' : 'Ban Chỉ đạo');

/**
 * The meetings that have a code, newest first (by date, undated last; on the same date, the lower row in the sheet first).
 * The first is the default meeting of a Thông báo kết luận, and the sidebar lists them in this order.
 */
export const newestFirst = (meetings: readonly MeetingRecord[]): MeetingRecord[] =>
  meetings
    .filter((m) => m.data.code)
    .sort((a, b) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || b.row - a.row);

/** Picks the meeting (by code, or the latest) and its conclusions and tasks from the records. */
export function conclusionInput(
  code: string | undefined,
  meetings: readonly MeetingRecord[],
  conclusions: readonly ConclusionRecord[],
  tasks: readonly TaskRecord[],
  members: readonly MemberRecord[],
): ConclusionInput {
  const known = meetings.filter((m) => m.data.code);
  let meeting: MeetingRecord | undefined;
  if (code) {
    meeting = known.find((m) => foldKey(m.data.code ?? '') === foldKey(code));
    if (!meeting) throw new NoticeDataError(`Không có cuộc họp "${code}" trong trang "Cuộc họp".`);
  } else {
    meeting = newestFirst(known)[0];
    if (!meeting) throw new NoticeDataError('Trang "Cuộc họp" chưa có cuộc họp nào.');
  }
  const d = meeting.data;
  const key = foldKey(d.code ?? '');
  if (!d.chair) throw new NoticeDataError(`Cuộc họp "${d.code}" chưa ghi Người chủ trì.`);
  const mine = conclusions.filter((c) => foldKey(c.data.meeting ?? '') === key && c.data.content);
  if (mine.length === 0) {
    throw new NoticeDataError(`Cuộc họp "${d.code}" chưa có kết luận nào trong trang "Kết luận".`);
  }
  const cancelled: TaskStatus = 'cancelled';
  const assigned = tasks
    .filter((t) => foldKey(t.data.meeting ?? '') === key && t.data.content && t.data.status !== cancelled)
    .sort(
      // Unnumbered last (Infinity − Infinity is NaN, which falls through to the row order like 0).
      (a, b) => (a.data.index ?? Infinity) - (b.data.index ?? Infinity) || a.row - b.row,
    );
  return {
    meeting: {
      code: d.code ?? '',
      date: d.date,
      chair: d.chair,
      chairTitle: d.chairTitle ?? '',
      attendees: d.attendees ?? '',
      subject: d.subject ?? '',
    },
    conclusions: mine.map((c) => ({ index: c.data.index, content: (c.data.content ?? '').trim() })),
    tasks: assigned.map((t) => ({
      content: t.data.content ?? '',
      lead: t.data.lead?.trim() ?? '',
      partners: t.data.partners?.trim() ?? '',
      deadline: t.data.deadline,
    })),
    reporter: standingAgency(members),
  };
}

/** "- Xây dựng …; hoàn thành, báo cáo … chậm nhất trong ngày 12/01/2024." */
function taskLine(t: ConclusionInput['tasks'][number], withPartners: boolean): string {
  let s = t.content.trim().replace(/[.;,]+$/, '');
  if (withPartners && t.partners) s += `, phối hợp với ${t.partners}`;
  if (t.deadline) {
    const due = `chậm nhất trong ngày ${formatVnDate(t.deadline)}`;
    s += foldKey(s).includes('hoàn thành') ? ` ${due}` : `; hoàn thành ${due}`;
  }
  return `- ${s}.`;
}

/**
 * The task block: one "Giao … chủ trì, phối hợp với …:" paragraph per lead agency, then its tasks.
 * With the meeting's own lead-in (`leadIn`, a numbered conclusion such as "Giao Ban Dân tộc tiếp
 * thu các ý kiến …, chủ trì, phối hợp với các cơ quan liên quan khẩn trương:"), that text is the
 * point's first paragraph as the meeting worded it: one lead agency's tasks follow it directly
 * (their partners are in the lead-in), several get their "a) Giao … chủ trì" under it.
 */
function taskBlock(number: number, tasks: ConclusionInput['tasks'], leadIn?: string): Block[] {
  const groups = new Map<string, ConclusionInput['tasks']>();
  for (const t of tasks) {
    const k = foldKey(t.lead);
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const list = [...groups.values()];
  const single = list.length === 1;
  if (leadIn !== undefined && single) {
    return [para(`${number}. ${leadIn}`), ...tasks.map((t) => para(taskLine(t, false)))];
  }
  const out: Block[] =
    leadIn !== undefined
      ? [para(`${number}. ${leadIn}`)]
      : single
        ? []
        : [para(`${number}. Giao nhiệm vụ cụ thể như sau:`)];
  list.forEach((group, i) => {
    const first = group[0] as ConclusionInput['tasks'][number];
    const lead = first.lead || 'các cơ quan, đơn vị liên quan';
    const partners = new Set(group.map((t) => foldKey(t.partners)));
    const shared = partners.size === 1 && first.partners ? first.partners : '';
    const intro = `Giao ${lead} chủ trì${shared ? `, phối hợp với ${shared}:` : partners.size > 1 ? ':' : ' thực hiện:'}`;
    out.push(para(`${single ? `${number}.` : pointLetter(i)} ${intro}`));
    for (const t of group) out.push(para(taskLine(t, partners.size > 1)));
  });
  return out;
}

/**
 * The meeting's own lead-in of its tasks: a numbered conclusion that assigns ("Giao …") and ends
 * with a colon, the tasks of `Nhiệm vụ` being what it announces. Not one whose own items follow it
 * in `Kết luận` (unnumbered rows), nor, when the tasks have one lead agency, one naming another.
 */
export function taskLeadIn(
  conclusions: ConclusionInput['conclusions'],
  tasks: ConclusionInput['tasks'] = [],
): ConclusionInput['conclusions'][number] | undefined {
  const leads = new Set(tasks.map((t) => foldKey(t.lead)));
  const [lead] = [...leads];
  return conclusions.find((c, i) => {
    const text = foldKey(c.content);
    if (c.index === null || !/^giao\s/.test(text) || !/:\s*$/.test(c.content)) return false;
    if (conclusions[i + 1] && conclusions[i + 1]?.index === null) return false;
    return leads.size !== 1 || !lead || text.includes(lead);
  });
}

/** The number the task block takes: the first one the numbered conclusions leave free. */
export function taskNumber(indexes: readonly number[]): number {
  const used = new Set(indexes);
  let n = 1;
  while (used.has(n)) n++;
  return n;
}

/** "đồng chí … , Chủ tịch …" and " để …" (the meeting's subject, with its linking word). */
function meetingParts(m: ConclusionInput['meeting']): [chair: string, purpose: string] {
  const subject = m.subject.trim().replace(/[.;]+$/, '');
  return [
    `đồng chí ${m.chair}${m.chairTitle ? ', ' + m.chairTitle : ''}`,
    subject ? (/^(để|về|nhằm)\s/i.test(subject) ? ' ' : ' để ') + subject : '',
  ];
}

export function conclusionSummary(input: ConclusionInput, s: Settings): string {
  const [chair, purpose] = meetingParts(input.meeting);
  return `Kết luận của ${chair} tại cuộc họp ${meetingBody(input.meeting.code)} ${congressName(s)}${purpose}`;
}

export function buildConclusionNotice(
  input: ConclusionInput,
  s: Settings,
  date: IsoDate,
  number = '',
  options: Pick<FrameInput, 'profile' | 'draft'> = {},
): DocModel {
  const m = input.meeting;
  const [chair, purpose] = meetingParts(m);
  const summary = conclusionSummary(input, s);
  const blocks: Block[] = [];
  let opening = `${m.date ? `Ngày ${formatVnDate(m.date)}, ` : ''}${chair} chủ trì cuộc họp ${meetingBody(m.code)} ${congressName(s)}${purpose}.`;
  if (!m.date) opening = opening.charAt(0).toLocaleUpperCase('vi') + opening.slice(1);
  if (m.attendees.trim()) opening += ` Tham dự họp có ${endWith(m.attendees.trim(), '.')}`;
  blocks.push(para(opening));
  blocks.push(
    para(
      `Sau khi nghe ${input.reporter ? `${input.reporter} báo cáo,` : 'báo cáo và'} ý kiến tham gia của các thành phần dự họp, ${chair} kết luận như sau:`,
    ),
  );
  // The tasks go under the meeting's own lead-in when it wrote one, else at the first free number.
  const leadIn = input.tasks.length ? taskLeadIn(input.conclusions, input.tasks) : undefined;
  const numbered = input.conclusions.flatMap((c) => (c.index === null ? [] : [c.index]));
  const tn = taskNumber(numbered);
  let placed = input.tasks.length === 0;
  for (const c of input.conclusions) {
    if (c === leadIn && c.index !== null) {
      blocks.push(...taskBlock(c.index, input.tasks, c.content.trim()));
      placed = true;
      continue;
    }
    if (!placed && !leadIn && c.index !== null && c.index > tn) {
      blocks.push(...taskBlock(tn, input.tasks));
      placed = true;
    }
    blocks.push(para(c.index === null ? c.content : `${c.index}. ${c.content}`));
  }
  if (!placed) blocks.push(...taskBlock(tn, input.tasks));
  return frame({ kind: 'thong-bao-ket-luan', settings: s, date, number, summary, blocks, ...options });
}

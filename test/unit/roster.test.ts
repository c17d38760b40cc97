import { LANG_SON } from '../../samples/lang-son';
import { ProblemList } from '../../src/domain/problem';
import { readUnits, UnitIndex } from '../../src/domain/records';
import { readRoster, validateRoster } from '../../src/domain/roster';
import * as rules from '../../src/domain/roster/checks';
import { isHeadRole, resolveSupervised, splitUnitList } from '../../src/domain/roster/members';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

type Fields = Partial<Record<string, CellValue>>;
const grid = (key: SheetKey, rows: Fields[]): CellValue[][] => [
  SHEETS[key].columns.map((c) => c.header),
  ...rows.map((f) => SHEETS[key].columns.map((c) => f[c.key] ?? '')),
];

const UNITS: Fields[] = [
  { code: 'HL', name: 'Hữu Lũng', dttsPopulation: 100 },
  { code: 'CL', name: 'Cao Lộc', dttsPopulation: 100 },
  { code: 'LB', name: 'Lộc Bình', dttsPopulation: 100 },
];
const MEETINGS: Fields[] = [{ code: 'BCĐ-01', date: '03/01/2024' }];

interface Case {
  units?: Fields[];
  members?: Fields[];
  tasks?: Fields[];
  progress?: Fields[];
  meetings?: Fields[];
  settings?: Partial<Settings>;
  today?: string;
}

/** Reads the grids with the real readers, runs one rule (or all), returns [reader problems, rule problems]. */
function run(rule: rules.RosterRule | 'all', c: Case) {
  const readerProblems = new ProblemList();
  const units = readUnits(grid('units', c.units ?? UNITS), readerProblems);
  const index = new UnitIndex(units);
  const data = readRoster(
    {
      members: grid('members', c.members ?? []),
      tasks: grid('tasks', c.tasks ?? []),
      progress: grid('progress', c.progress ?? []),
      meetings: grid('meetings', c.meetings ?? MEETINGS),
    },
    index,
    420,
    readerProblems,
  );
  const problems = new ProblemList();
  const input = {
    settings: { ...DEFAULT_SETTINGS, ...c.settings },
    today: c.today ?? '2024-01-14',
    units,
    index,
    ...data,
  };
  if (rule === 'all') rules.checkRoster(input, problems);
  else rule(input, problems);
  return { reader: readerProblems.items, items: problems.items };
}
const cells = (r: ReturnType<typeof run>) => r.items.map((p) => p.cell);

describe('task rules', () => {
  it('task-no-lead: a task without Chủ trì, unless cancelled or done', () => {
    const r = run(rules.taskNoLead, {
      tasks: [
        { content: 'A', lead: 'Ban Dân tộc' },
        { content: 'B', lead: '' },
        { content: 'C', lead: '  ', status: 'Hủy' },
        { content: 'D', lead: ' ', status: 'Hoàn thành' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.sheet, p.cell])).toEqual([
      ['task-no-lead', 'error', 'Nhiệm vụ', 'C3'],
    ]);
    expect(r.items[0]!.message).toContain('Nhiệm vụ dòng 3 (B)');
  });

  it('task-no-deadline: missing deadline of an open task; not for done/cancelled, not for an invalid date', () => {
    const r = run(rules.taskNoDeadline, {
      tasks: [
        { content: 'A', lead: 'X', deadline: '15/01/2024' },
        { content: 'B', lead: 'X' },
        { content: 'C', lead: 'X', status: 'Hoàn thành' },
        { content: 'D', lead: 'X', doneOn: '10/01/2024' },
        { content: 'E', lead: 'X', status: 'Hủy' },
        { content: 'F', lead: 'X', deadline: 'cuối tháng' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([['task-no-deadline', 'warning', 'F3']]);
    // The invalid date is the reader's, once
    expect(r.reader.map((p) => [p.rule, p.cell])).toEqual([['cell-invalid', 'F7']]);
  });

  it('task-overdue: deadline before today, not done, not cancelled', () => {
    const r = run(rules.taskOverdue, {
      today: '2024-01-14',
      tasks: [
        { content: 'A', lead: 'Ban Dân tộc', deadline: '12/01/2024', status: 'Đang thực hiện' },
        { content: 'B', deadline: '14/01/2024' },
        { content: 'C', deadline: '12/01/2024', status: 'Hoàn thành', doneOn: '11/01/2024' },
        { content: 'D', deadline: '12/01/2024', doneOn: '13/01/2024' },
        { content: 'E', deadline: '01/01/2024', status: 'Hủy' },
        { content: 'F', deadline: '13/01/2024', status: 'Quá hạn' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([
      ['task-overdue', 'error', 'F2'],
      ['task-overdue', 'error', 'F7'],
    ]);
    expect(r.items[0]!.message).toBe('Nhiệm vụ dòng 2 (A) đã quá hạn 2 ngày (hạn 12/01/2024, chủ trì: Ban Dân tộc).');
  });

  it('task-due-soon: within dueSoonDays (a setting), today included', () => {
    const tasks = [
      { content: 'A', deadline: '14/01/2024' },
      { content: 'B', deadline: '17/01/2024' },
      { content: 'C', deadline: '18/01/2024' },
      { content: 'D', deadline: '13/01/2024' },
      { content: 'E', deadline: '15/01/2024', status: 'Hoàn thành', doneOn: '14/01/2024' },
    ];
    const r = run(rules.taskDueSoon, { tasks });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([
      ['task-due-soon', 'warning', 'F2'],
      ['task-due-soon', 'warning', 'F3'],
    ]);
    expect(r.items[0]!.message).toContain('đến hạn hôm nay');
    expect(r.items[1]!.message).toContain('còn 3 ngày đến hạn (17/01/2024)');
    expect(cells(run(rules.taskDueSoon, { tasks, settings: { dueSoonDays: 4 } }))).toEqual(['F2', 'F3', 'F4']);
    expect(cells(run(rules.taskDueSoon, { tasks, settings: { dueSoonDays: 0 } }))).toEqual(['F2']);
  });

  it('task-done-before-meeting: completion before the meeting that assigned it', () => {
    const r = run(rules.taskDoneBeforeMeeting, {
      tasks: [
        { content: 'A', meeting: 'BCĐ-01', doneOn: '02/01/2024', status: 'Hoàn thành' },
        { content: 'B', meeting: 'bcđ-01', doneOn: '03/01/2024', status: 'Hoàn thành' },
        { content: 'C', meeting: 'BCĐ-09', doneOn: '01/01/2024', status: 'Hoàn thành' },
        { content: 'D', meeting: 'BCĐ-01' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([['task-done-before-meeting', 'error', 'H2']]);
    expect(r.items[0]!.message).toContain('trước ngày cuộc họp BCĐ-01 giao nhiệm vụ (03/01/2024)');
  });

  it('task-done-without-date and task-date-without-done', () => {
    const r = run(rules.taskDoneWithoutDate, {
      tasks: [
        { content: 'A', status: 'Hoàn thành' },
        { content: 'B', status: 'Hoàn thành', doneOn: '10/01/2024' },
        { content: 'C', status: 'Đang thực hiện', doneOn: '10/01/2024' },
        { content: 'D', doneOn: '10/01/2024' },
        { content: 'E', status: 'Đang thực hiện' },
        { content: 'F', status: 'Hoàn thành', doneOn: 'hôm qua' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([
      ['task-done-without-date', 'warning', 'H2'],
      ['task-date-without-done', 'warning', 'G4'],
    ]);
  });

  it('task-meeting-unknown: a meeting code absent from Cuộc họp (case and spacing folded)', () => {
    const r = run(rules.taskMeetingUnknown, {
      tasks: [
        { content: 'A', meeting: 'BCĐ-01' },
        { content: 'B', meeting: ' bcđ-01 ' },
        { content: 'C', meeting: 'BCĐ-02' },
        { content: 'D' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([['task-meeting-unknown', 'error', 'I4']]);
  });
});

describe('member and body rules', () => {
  it('splitUnitList / resolveSupervised', () => {
    expect(splitUnitList('CL, LB;HL\nVL ,, ')).toEqual(['CL', 'LB', 'HL', 'VL']);
    expect(splitUnitList(null)).toEqual([]);
    const index = new UnitIndex(readUnits(grid('units', UNITS), new ProblemList()));
    const s = resolveSupervised('cl; Lộc Bình, CL, Lộc Bình Mới', index);
    expect(s.units.map((u) => u.data.code)).toEqual(['CL', 'LB']);
    expect(s.unknown).toEqual(['Lộc Bình Mới']);
    expect(resolveSupervised('Tất cả các huyện', index)).toMatchObject({ all: true, unknown: [] });
    expect(resolveSupervised('Toàn tỉnh', index).units).toHaveLength(3);
  });

  it('member-unit-unknown: each unresolved item is named', () => {
    const r = run(rules.memberUnitUnknown, {
      members: [
        { name: 'A', body: 'Ban Chỉ đạo', role: 'Trưởng ban', units: 'HL, Cao Lộc' },
        { name: 'B', body: 'Ban Chỉ đạo', units: 'LB, Lộc Bình Mới; XX' },
        { name: 'C', body: 'Ban Chỉ đạo', units: 'Tất cả' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.sheet, p.cell])).toEqual([
      ['member-unit-unknown', 'error', 'Thành viên', 'F3'],
      ['member-unit-unknown', 'error', 'Thành viên', 'F3'],
    ]);
    expect(r.items[0]!.message).toContain('"Lộc Bình Mới"');
    expect(r.items[1]!.message).toContain('"XX"');
  });

  it('unit-unsupervised: a sub-unit no member supervises', () => {
    const members = [
      { name: 'A', body: 'Ban Chỉ đạo', units: 'HL' },
      { name: 'B', body: 'Ban Chỉ đạo', units: 'Cao Lộc' },
    ];
    const r = run(rules.unitUnsupervised, { members });
    expect(r.items.map((p) => [p.rule, p.severity, p.sheet, p.cell])).toEqual([
      ['unit-unsupervised', 'warning', 'Đơn vị', 'B4'],
    ]);
    expect(r.items[0]!.message).toBe('Chưa có thành viên nào phụ trách huyện Lộc Bình.');
    expect(run(rules.unitUnsupervised, { members: [...members, { name: 'C', body: 'X', units: 'LB' }] }).items).toEqual(
      [],
    );
    expect(run(rules.unitUnsupervised, { members: [{ name: 'C', body: 'X', units: 'toàn tỉnh' }] }).items).toEqual([]);
    // No assignment made yet: nothing to compare against
    expect(run(rules.unitUnsupervised, { members: [{ name: 'C', body: 'X' }] }).items).toEqual([]);
  });

  it('unit-unsupervised: many sub-units give one summary warning', () => {
    const units = Array.from({ length: 30 }, (_, i) => ({ code: `X${i}`, name: `Xã ${i}`, dttsPopulation: 1 }));
    const r = run(rules.unitUnsupervised, {
      units,
      members: [{ name: 'A', body: 'Ban Chỉ đạo', units: 'X0' }],
      settings: { level: 'commune' },
    });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.message).toMatch(/^29 xã chưa có thành viên phụ trách: Xã 1, Xã 2/);
  });

  it('isHeadRole', () => {
    expect(['Trưởng ban', 'TRƯỞNG BAN', 'Trưởng Ban Chỉ đạo', 'Trưởng tiểu ban', 'Tổ trưởng'].map(isHeadRole)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['Phó Trưởng ban', 'Phó trưởng ban thường trực', 'Thành viên', '', null].map(isHeadRole)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('body-without-head: every body with members has a Trưởng ban; Phó Trưởng ban does not count', () => {
    const r = run(rules.bodyWithoutHead, {
      members: [
        { name: 'A', body: 'Ban Chỉ đạo', role: 'Trưởng ban' },
        { name: 'B', body: 'Ban Chỉ đạo', role: 'Thành viên' },
        { name: 'C', body: 'Ban Tổ chức', role: 'Phó Trưởng ban' },
        { name: 'D', body: 'ban tổ chức', role: 'Thành viên' },
        { name: 'E', body: 'Tiểu ban Nội dung', role: 'Trưởng tiểu ban' },
        { name: 'F', body: 'Tiểu ban Tuyên truyền', role: '' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([
      ['body-without-head', 'error', 'D4'],
      ['body-without-head', 'error', 'D7'],
    ]);
    expect(r.items[0]!.message).toBe('Ban Tổ chức có 2 thành viên nhưng chưa có Trưởng ban.');
    expect(r.items[1]!.message).toMatch(/^Tiểu ban Tuyên truyền /);
  });
});

describe('progress rules', () => {
  it('milestones-out-of-order: committee ≤ plan ≤ congress, for the dates present', () => {
    const r = run(rules.milestonesOutOfOrder, {
      progress: [
        { unit: 'HL', steeringCommittee: '10/01/2024', plan: '20/01/2024', congressDate: '20/05/2024' },
        { unit: 'CL', steeringCommittee: '18/01/2024', plan: '12/01/2024', congressDate: '15/05/2024' },
        { unit: 'LB', steeringCommittee: '10/01/2024', plan: '20/05/2024', congressDate: '05/04/2024' },
        { unit: 'Hữu Lũng', steeringCommittee: '10/04/2024', congressDate: '05/04/2024' },
        { unit: 'CL', steeringCommittee: '10/01/2024', plan: '10/01/2024', congressDate: '10/01/2024' },
        { unit: 'LB', plan: '20/01/2024' },
      ],
    });
    expect(r.items.map((p) => [p.rule, p.severity, p.sheet, p.cell])).toEqual([
      ['milestones-out-of-order', 'error', 'Tiến độ', 'C3'],
      ['milestones-out-of-order', 'error', 'Tiến độ', 'D4'],
      ['milestones-out-of-order', 'error', 'Tiến độ', 'D5'],
    ]);
    expect(r.items[0]!.message).toBe(
      'Cao Lộc: ngày ban hành Kế hoạch (12/01/2024) trước ngày thành lập Ban Chỉ đạo (18/01/2024).',
    );
    expect(r.items[1]!.message).toBe('Lộc Bình: ngày Đại hội (05/04/2024) trước ngày ban hành Kế hoạch (20/05/2024).');
  });

  it('congress-after-deadline: only when the setting is set; the deadline day itself is fine', () => {
    const progress = [
      { unit: 'HL', congressDate: '30/06/2024' },
      { unit: 'CL', congressDate: '10/07/2024' },
      { unit: 'LB' },
    ];
    expect(run(rules.congressAfterDeadline, { progress }).items).toEqual([]);
    const r = run(rules.congressAfterDeadline, { progress, settings: { unitCongressDeadline: '2024-06-30' } });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([['congress-after-deadline', 'error', 'D3']]);
    expect(r.items[0]!.message).toBe('Cao Lộc tổ chức Đại hội ngày 10/07/2024, sau hạn 30/06/2024 của tỉnh.');
  });

  it('progress-duplicate: a sub-unit with two rows (by code or name)', () => {
    const r = run(rules.progressDuplicate, { progress: [{ unit: 'HL' }, { unit: 'CL' }, { unit: 'hữu lũng' }] });
    expect(r.items.map((p) => [p.rule, p.severity, p.cell])).toEqual([['progress-duplicate', 'warning', 'A4']]);
  });
});

describe('Lạng Sơn sample, all roster rules on 14/01/2024', () => {
  const sheet = (name: string, key: SheetKey) => [
    SHEETS[key].columns.map((c) => c.header),
    ...(LANG_SON.sheets[name] as CellValue[][]),
  ];
  const problems = new ProblemList();
  const units = readUnits(sheet('Đơn vị', 'units'), problems);
  const index = new UnitIndex(units);
  validateRoster(
    {
      members: sheet('Thành viên', 'members'),
      tasks: sheet('Nhiệm vụ', 'tasks'),
      progress: sheet('Tiến độ', 'progress'),
      meetings: sheet('Cuộc họp', 'meetings'),
    },
    {
      settings: { ...DEFAULT_SETTINGS, unitCongressDeadline: '2024-06-30' },
      units,
      index,
      today: '2024-01-14',
      tz: 420,
    },
    problems,
  );
  const found = problems.items.map((p) => `${p.rule} ${p.sheet}!${p.cell}`);

  it('names the deliberate problems and the seed-004 deadlines', () => {
    expect(found).toEqual([
      'task-no-lead Nhiệm vụ!C5',
      'task-no-deadline Nhiệm vụ!F5',
      'task-overdue Nhiệm vụ!F2',
      'task-due-soon Nhiệm vụ!F3',
      'task-due-soon Nhiệm vụ!F4',
      'task-meeting-unknown Nhiệm vụ!I5',
      'member-unit-unknown Thành viên!F7',
      'unit-unsupervised Đơn vị!B12',
      'body-without-head Thành viên!D9',
      'milestones-out-of-order Tiến độ!C8',
      'congress-after-deadline Tiến độ!D11',
    ]);
  });
});

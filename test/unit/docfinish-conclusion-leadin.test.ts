/**
 * Point 4 of the Thông báo kết luận: the lead-in of the tasks is the meeting's own text (its
 * numbered row in `Kết luận`, "Giao … :"), not a sentence the add-in rebuilds from `Nhiệm vụ`
 * ("Giao Ban Dân tộc chủ trì, phối hợp với …:" lost "tiếp thu các ý kiến góp ý hợp lý tại cuộc
 * họp" and "khẩn trương"). Pinned against seed 004's wording.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANG_SON } from '../../samples/lang-son';
import { buildConclusionNotice, type ConclusionInput, conclusionInput } from '../../src/domain/notice/conclusion';
import type { Block } from '../../src/domain/notice/model';
import { ProblemList } from '../../src/domain/problem';
import { readConclusions, readMeetings, readMembers, readSettings, readTasks } from '../../src/domain/records';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

/** Seed 004's point 4, as printed by the province (also read from the seed file when it is here). */
const SEED_POINT_4 =
  '4. Giao Ban Dân tộc tiếp thu các ý kiến góp ý hợp lý tại cuộc họp, chủ trì, phối hợp với các cơ quan liên quan khẩn trương:';
const SEED = ['../../../shared', '../../../../shared']
  .map((d) => join(__dirname, d, 'seeds/004_5af26c3b255a41bb.txt'))
  .concat(process.env.DTTS_SHARED_DIR ? [join(process.env.DTTS_SHARED_DIR, 'seeds/004_5af26c3b255a41bb.txt')] : [])
  .find((f) => existsSync(f));

const grid = (key: SheetKey): CellValue[][] => [
  SHEETS[key].columns.map((c) => c.header),
  ...((LANG_SON.sheets[SHEETS[key].name] ?? []) as CellValue[][]),
];
const problems = new ProblemList();
const settings = readSettings(grid('config'), 420, problems);
const base = conclusionInput(
  'BCĐ-01',
  readMeetings(grid('meetings'), 420, problems),
  readConclusions(grid('conclusions'), problems),
  readTasks(grid('tasks'), 420, problems).rows,
  readMembers(grid('members'), problems),
);
const textOf = (b: Block): string => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '');
const build = (patch: Partial<ConclusionInput> = {}) =>
  buildConclusionNotice({ ...base, ...patch }, settings, '2024-01-05').blocks.map(textOf);

describe('point 4: the meeting’s own lead-in of its tasks', () => {
  it('the seed’s wording, word for word, then its three tasks, then 5', () => {
    if (SEED) {
      const seed = readFileSync(SEED, 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
      expect(seed).toContain(SEED_POINT_4);
    }
    const t = build();
    const at = t.indexOf(SEED_POINT_4);
    expect(at).toBeGreaterThan(0);
    expect(t.slice(at + 1, at + 5).map((x) => x.slice(0, 14))).toEqual([
      '- Xây dựng dự ',
      '- Hoàn thiện d',
      '- Xây dựng dự ',
      '5. Ban Tổ chức',
    ]);
    // Printed once: no rebuilt "Giao Ban Dân tộc chủ trì …" besides it, no second point 4.
    expect(t.filter((x) => x.startsWith('4.'))).toEqual([SEED_POINT_4]);
    expect(t.join('\n')).not.toContain('Giao Ban Dân tộc chủ trì');
  });

  it('the tasks go under the lead-in wherever it stands, not at the first free number', () => {
    const t = build({
      conclusions: [
        { index: 2, content: 'Giao Ban Dân tộc khẩn trương:' },
        { index: 3, content: 'Ba.' },
      ],
    });
    expect(t.slice(2, 4)).toEqual([
      '2. Giao Ban Dân tộc khẩn trương:',
      expect.stringMatching(/^- Xây dựng dự thảo Chỉ thị/),
    ]);
    expect(t.filter((x) => /^\d+\./.test(x))).toEqual(['2. Giao Ban Dân tộc khẩn trương:', '3. Ba./.']);
  });

  it('several lead agencies: the lead-in, then a), b) per agency', () => {
    const t = build({
      conclusions: [{ index: 1, content: 'Giao các cơ quan sau khẩn trương thực hiện:' }],
      tasks: [
        { content: 'Việc A', lead: 'Ban Dân tộc', partners: 'Sở Nội vụ', deadline: null },
        { content: 'Việc B', lead: 'Sở Tài chính', partners: '', deadline: null },
      ],
    });
    expect(t.slice(2)).toEqual([
      '1. Giao các cơ quan sau khẩn trương thực hiện:',
      'a) Giao Ban Dân tộc chủ trì, phối hợp với Sở Nội vụ:',
      '- Việc A.',
      'b) Giao Sở Tài chính chủ trì thực hiện:',
      '- Việc B./.',
    ]);
  });

  it('a "Giao …" conclusion that is a full sentence is no lead-in: the tasks keep their own point', () => {
    const t = build({ conclusions: [{ index: 1, content: 'Giao Ban Dân tộc tổng hợp ý kiến.' }] });
    expect(t.slice(2, 4)).toEqual([
      '1. Giao Ban Dân tộc tổng hợp ý kiến.',
      '2. Giao Ban Dân tộc chủ trì, phối hợp với các cơ quan liên quan:',
    ]);
  });

  it('a "Giao …:" with its own items in Kết luận, or naming another agency, is the meeting’s point, not the tasks’ lead-in', () => {
    const own = build({
      conclusions: [
        { index: 1, content: 'Giao Ban Dân tộc thực hiện các việc sau:' },
        { index: null, content: '- Việc riêng của kết luận.' },
      ],
    });
    expect(own.slice(2, 5)).toEqual([
      '1. Giao Ban Dân tộc thực hiện các việc sau:',
      '- Việc riêng của kết luận.',
      '2. Giao Ban Dân tộc chủ trì, phối hợp với các cơ quan liên quan:',
    ]);
    const other = build({ conclusions: [{ index: 1, content: 'Giao Sở Y tế chuẩn bị:' }] });
    expect(other.slice(2, 4)).toEqual([
      '1. Giao Sở Y tế chuẩn bị:',
      '2. Giao Ban Dân tộc chủ trì, phối hợp với các cơ quan liên quan:',
    ]);
  });
});

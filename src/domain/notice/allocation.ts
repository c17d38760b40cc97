/**
 * Thông báo phân bổ số lượng đại biểu: the total and the fixed seats, the method in one sentence,
 * and a table of the sub-units (DTTS population, seats) with a totals row.
 */
import { METHOD_NAMES } from '../apportion';
import type { IsoDate } from '../dates';
import { formatVnNumber } from '../numbers';
import { type Settings, unitWord } from '../settings';
import { foldKey } from '../text';
import { congressName, type FrameInput, frame, para, table, upper } from './frame';
import type { Block, DocModel } from './model';
import { resolveProfile } from './profiles';

export interface AllocationNoticeRow {
  code: string;
  name: string;
  dttsPopulation: number;
  /** Final official seats (after the manual adjustment). */
  seats: number;
}

export interface AllocationNoticeInput {
  rows: AllocationNoticeRow[];
  /** Seats taken off the total before the apportionment (ex officio, provincial agencies). */
  fixedSeats: { label: string; seats: number }[];
  /** How the seats were divided, one sentence. */
  methodSentence: string;
}

/** "Số đại biểu của mỗi huyện, thành phố được tính theo tỷ lệ dân số DTTS, bằng phương pháp … ; mỗi đơn vị có ít nhất 8 đại biểu." */
export function methodSentence(s: Settings): string {
  const method = METHOD_NAMES[s.method].vi;
  const min = s.minSeatsPerUnit > 0 ? `; mỗi đơn vị có ít nhất ${s.minSeatsPerUnit} đại biểu` : '';
  return (
    `Số đại biểu của mỗi ${unitWord(s.level).short} được tính theo tỷ lệ dân số người dân tộc thiểu số, ` +
    `bằng ${method.charAt(0).toLocaleLowerCase('vi')}${method.slice(1)}${min}.`
  );
}

/** Unit words by level, in the order they are listed ("huyện, thị xã, thành phố"). */
const UNIT_WORDS: Record<Settings['level'], readonly string[]> = {
  district: ['huyện', 'thị xã', 'thành phố'],
  commune: ['xã', 'phường', 'đặc khu'],
};

/**
 * The words that fit the units a table lists, from `Cấp đơn vị` and the units' names: "huyện, thành
 * phố" when one is "Thành phố Lạng Sơn"; "huyện" when all are districts named without a prefix.
 */
export function unitWordsOf(level: Settings['level'], names: readonly string[]): string {
  const words = UNIT_WORDS[level];
  const base = words[0] as string;
  const found = new Set<string>();
  for (const name of names) {
    const key = foldKey(name)
      .replace(/^tp\.?\s/, 'thành phố ')
      .replace(/^tx\.?\s/, 'thị xã ');
    found.add(words.find((w) => key.startsWith(`${w} `)) ?? base);
  }
  const listed = words.filter((w) => found.has(w));
  return listed.length ? listed.join(', ') : unitWord(level).long;
}

/** The issuing body as the subject of a sentence: "Ban Chỉ đạo Đại hội", "Ủy ban nhân dân tỉnh". */
export function bodyInSentence(issuingBody: string): string {
  const key = foldKey(issuingBody);
  if (key.startsWith('ban chỉ đạo')) return 'Ban Chỉ đạo Đại hội';
  if (key.startsWith('ủy ban nhân dân') || key.startsWith('ubnd')) return 'Ủy ban nhân dân tỉnh';
  const t = issuingBody.trim();
  if (t !== upper(t)) return t;
  const lower = t.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export function allocationSummary(s: Settings): string {
  return `Về việc phân bổ số lượng đại biểu chính thức dự ${congressName(s)}`;
}

export function buildAllocationNotice(
  input: AllocationNoticeInput,
  s: Settings,
  date: IsoDate,
  number = '',
  options: Pick<FrameInput, 'profile' | 'draft'> = {},
): DocModel {
  const long = unitWordsOf(
    s.level,
    input.rows.map((r) => r.name),
  );
  const words = { short: long, long };
  const subject = bodyInSentence((options.profile ?? resolveProfile('phan-bo-dai-bieu', s)).issuingBody);
  const apportioned = input.rows.reduce((a, r) => a + r.seats, 0);
  const fixed = input.fixedSeats.filter((f) => f.seats > 0);
  const total = apportioned + fixed.reduce((a, f) => a + f.seats, 0);
  const population = input.rows.reduce((a, r) => a + r.dttsPopulation, 0);
  const n = (x: number) => formatVnNumber(x);
  const blocks: Block[] = [
    para(
      `Để chuẩn bị tổ chức ${congressName(s)}, ${subject} thông báo số lượng đại biểu chính thức dự Đại hội phân bổ cho các ${words.long} như sau:`,
    ),
    para(`1. Tổng số đại biểu chính thức: ${n(total)} đại biểu, gồm:`),
    ...fixed.map((f) => para(`- ${f.label}: ${n(f.seats)} đại biểu;`)),
    para(`- Đại biểu phân bổ cho ${input.rows.length} ${words.long}: ${n(apportioned)} đại biểu.`),
    para(`2. Phương pháp phân bổ: ${input.methodSentence}`),
    para(`3. Số lượng đại biểu chính thức của từng ${words.short}:`),
    table(
      [
        ['STT', 'Đơn vị', 'Dân số DTTS (người)', 'Số đại biểu chính thức'],
        ...input.rows.map((r, i) => [String(i + 1), r.name, n(r.dttsPopulation), n(r.seats)]),
        ['', 'Tổng cộng', n(population), n(apportioned)],
      ],
      [10, 45, 22, 23],
      ['center', 'left', 'right', 'center'],
      true,
    ),
    para(
      `4. Đề nghị Ban Chỉ đạo Đại hội các ${words.long} căn cứ số lượng đại biểu được phân bổ, lựa chọn, giới thiệu ` +
        `đại biểu bảo đảm số lượng, cơ cấu, thành phần theo hướng dẫn.`,
    ),
  ];
  return frame({
    kind: 'phan-bo-dai-bieu',
    settings: s,
    date,
    number,
    summary: allocationSummary(s),
    blocks,
    extraRecipients: [`Ban Chỉ đạo Đại hội các ${words.long}`],
    ...options,
  });
}

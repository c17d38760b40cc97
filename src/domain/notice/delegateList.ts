/**
 * Danh sách đại biểu chính thức, the list attached to a decision: a table grouped by unit (the unit
 * as a group row with its count), STT, name, ethnic group, gender, birth year, position and type,
 * and the overall total. It carries no number of its own (it is part of the decision).
 */
import type { IsoDate } from '../dates';
import type { DelegateRecord, UnitIndex } from '../records';
import type { Settings } from '../settings';
import { DELEGATE_KIND_LABELS, GENDER_LABELS } from '../values';
import { type PrintedDelegate, printedDelegates } from './delegates';
import { congressName, endWith, type FrameInput, frame, para, table, upper } from './frame';
import type { DocModel, Line } from './model';
import * as ND from './nd30';

export interface DelegateListInput {
  groups: { unit: string; delegates: Omit<PrintedDelegate, 'unitOrder'>[] }[];
  /** "Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo" ('' when not set). */
  decision: string;
}

export const DELEGATE_LIST_WHAT = 'danh sách đại biểu chính thức';

export const DELEGATE_LIST_HEADER = [
  'STT',
  'Họ và tên',
  'Dân tộc',
  'Giới tính',
  'Năm sinh',
  'Chức vụ, nơi công tác',
  'Loại đại biểu',
] as const;

/** Roman numerals for the group rows (I, II, … up to 3999). */
export function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of parts) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

export function delegateListInput(
  records: readonly DelegateRecord[],
  index: UnitIndex,
  settings: Settings,
): DelegateListInput {
  const delegates = printedDelegates(
    records,
    index,
    new Set(['official', 'ex-officio']),
    ['name', 'unit', 'gender', 'birthYear', 'ethnic', 'position'],
    DELEGATE_LIST_WHAT,
  );
  const byUnit = new Map<string, { order: number; unit: string; delegates: Omit<PrintedDelegate, 'unitOrder'>[] }>();
  for (const { unitOrder, ...d } of delegates) {
    const key = `${unitOrder}\u0000${d.unit}`;
    const g = byUnit.get(key) ?? { order: unitOrder, unit: d.unit, delegates: [] };
    g.delegates.push(d);
    byUnit.set(key, g);
  }
  const groups = [...byUnit.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ unit, delegates }) => ({ unit, delegates }));
  return { groups, decision: decisionText(settings.delegateListDecision) };
}

/**
 * The decision as the attached line names it: what an officer copies from an earlier list
 * ("(Kèm theo Quyết định số 15/QĐ-BCĐ …)") loses its brackets and "Kèm theo", which the line adds.
 */
export function decisionText(typed: string): string {
  let t = typed.normalize('NFC').trim();
  if (/^\(.*\)\.?$/s.test(t)) t = t.replace(/^\(|\)\.?$/g, '').trim();
  return t.replace(/^kèm\s+theo\s*:?\s*/i, '').trim();
}

/** The table's rows: header, per unit a group row then its delegates, the total. */
export function delegateListRows(input: DelegateListInput): string[][] {
  const rows: string[][] = [[...DELEGATE_LIST_HEADER]];
  const blank = (first: string, second: string) => [first, second, '', '', '', '', ''];
  let n = 0;
  input.groups.forEach((g, i) => {
    rows.push(blank(roman(i + 1), `${upper(g.unit)} (${g.delegates.length} đại biểu)`));
    for (const d of g.delegates) {
      n++;
      rows.push([
        String(n),
        d.name,
        d.ethnic,
        d.gender ? GENDER_LABELS[d.gender] : '',
        d.birthYear === null ? '' : String(d.birthYear),
        d.position,
        DELEGATE_KIND_LABELS[d.kind],
      ]);
    }
  });
  rows.push(blank('', `Tổng cộng: ${n} đại biểu`));
  return rows;
}

export function delegateListSummary(s: Settings): string {
  return `Dự ${congressName(s)}`;
}

export function buildDelegateList(
  input: DelegateListInput,
  s: Settings,
  date: IsoDate,
  options: Pick<FrameInput, 'profile'> = {},
): DocModel {
  const all = input.groups.flatMap((g) => g.delegates);
  const exOfficio = all.filter((d) => d.kind === 'ex-officio').length;
  const women = all.filter((d) => d.gender === 'female').length;
  const summary = delegateListSummary(s);
  const model = frame({
    kind: 'danh-sach-dai-bieu',
    settings: s,
    ...options,
    date,
    number: '',
    summary,
    blocks: [
      table(
        delegateListRows(input),
        [7, 24, 11, 9, 9, 25, 15],
        ['center', 'left', 'left', 'center', 'center', 'left', 'left'],
        true,
      ),
      para(
        `Tổng số: ${all.length} đại biểu (${all.length - exOfficio} đại biểu chính thức, ` +
          `${exOfficio} đại biểu đương nhiên), trong đó ${women} đại biểu nữ.`,
        { spaceBeforePt: 6 },
      ),
    ],
  });
  const line = (text: string, style: Partial<Line> = {}): Line => ({
    text,
    sizePt: ND.SIZE.summary,
    align: 'center',
    ...style,
  });
  const attached = input.decision
    ? [line(`(Kèm theo ${endWith(input.decision, '').replace(/[.;]$/, '')})`, { italic: true })]
    : [];
  return {
    ...model,
    // Part of the decision it is attached to: no number or day of its own, no recipients.
    header: {
      ...model.header,
      number: { ...model.header.number, text: '' },
      placeDate: { ...model.header.placeDate, text: '' },
    },
    titleBlock: [
      line('DANH SÁCH ĐẠI BIỂU CHÍNH THỨC', { bold: true }),
      line(summary, { bold: true }),
      ...attached,
      // The frame's rule under the summary.
      ...model.titleBlock.slice(-1),
    ],
    recipients: [],
    // An empty left cell still holds a paragraph: it gets the document's font (never Arial 11).
    footer: { ...model.footer, left: [line('', { sizePt: ND.SIZE.recipients, align: 'left' })] },
  };
}

/**
 * The digest of what the add-in wrote on `Thống kê` (src/domain/statistics.ts digestWritten /
 * changedSince): the same cells give no change; a figure typed over, the same name in NFD, a date
 * typed where text was, a formula, a cell beside or under the tables are each found and named; an
 * emptied sheet holds nothing to lose.
 */
import { ageBandsFrom, DEFAULT_AGE_LIMITS } from '../../src/domain/composition';
import {
  buildStatisticsLayout,
  changedSince,
  digestWritten,
  STATISTICS_WIDTH,
  statisticsGrids,
} from '../../src/domain/statistics';
import type { CompositionSummary } from '../../src/rpc/contract';

const summary: CompositionSummary = {
  year: 2024,
  total: 7,
  official: 7,
  exOfficio: 0,
  guests: 0,
  unclassified: 0,
  byEthnicGroup: [
    { group: 'Tày', count: 3, share: 3 / 7 },
    { group: 'Nùng', count: 2, share: 2 / 7 },
    { group: 'Dao', count: 2, share: 2 / 7 },
  ],
  ethnicUnknown: 0,
  women: { count: 3, share: 3 / 7 },
  genderUnknown: 0,
  ageBands: ageBandsFrom(DEFAULT_AGE_LIMITS).map((b, i) => ({ ...b, count: [1, 2, 4, 0][i] ?? 0, share: 0 })),
  ageUnknown: 0,
  byCategory: [{ category: 'Nông dân', count: 7, share: 1 }],
  categoryUnknown: 0,
  partyMembers: null,
  oldest: { name: 'Hoàng Văn Ư', age: 70, group: 'Tày', unit: 'Hữu Lũng' },
  youngest: { name: 'Nông Thị Á', age: 25, group: 'Dao', unit: 'Hữu Lũng' },
  byUnit: [{ code: 'HL', name: 'Hữu Lũng', count: 7, women: 3, byEthnicGroup: [] }],
  groupsWithoutDelegate: [],
  guestFigures: { total: 0, women: 0, byEthnicGroup: [] },
};

const layout = buildStatisticsLayout({
  summary,
  seats: [{ code: 'HL', name: 'Hữu Lũng', seats: 7 }],
  when: '08:00 05/01/2024',
});
/** The cells as getValues gives them back. */
const written = () => statisticsGrids(layout).values.map((r) => [...r]) as unknown[][];
const noFormulas = (v: unknown[][]) => v.map((r) => r.map(() => ''));
const digest = digestWritten(layout, written());
const row = (label: string) => written().findIndex((r) => r[0] === label);

describe('changedSince', () => {
  it('the cells as written: no change', () => {
    expect(changedSince(digest, written(), noFormulas(written()))).toBeNull();
  });

  it('the record stays small: one digest per table and the heading', () => {
    expect(digest.segments).toHaveLength(layout.tables.length + 1);
    expect(JSON.stringify(digest).length).toBeLessThan(400);
  });

  it('a figure typed over: the rows of its table', () => {
    const v = written();
    const r = row('Tày');
    (v[r] as unknown[])[1] = 4;
    const t = layout.tables.find((x) => x.key === 'byEthnic')!;
    expect(changedSince(digest, v, noFormulas(v))).toEqual({
      row: t.titleRow,
      column: 1,
      numRows: expect.any(Number),
      numColumns: STATISTICS_WIDTH,
    });
  });

  it('the same name retyped in NFD, a date where text was: changed', () => {
    const v = written();
    (v[row('Cao tuổi nhất')] as unknown[])[1] = 'Hoàng Văn Ư'.normalize('NFD');
    expect(changedSince(digest, v, noFormulas(v))).not.toBeNull();
    const w = written();
    (w[1] as unknown[])[0] = new Date(2024, 0, 5);
    expect(changedSince(digest, w, noFormulas(w))?.row).toBe(1);
  });

  it('a formula, a cell beside (F3) and under the tables: named by their cell', () => {
    const v = written();
    const f = noFormulas(v);
    (f[4] as string[])[1] = '=B5+1';
    expect(changedSince(digest, v, f)).toEqual({ row: 5, column: 2, numRows: 1, numColumns: 1 });
    const beside = written().map((r) => [...r, '']);
    (beside[2] as unknown[])[5] = 'ghi chú';
    expect(changedSince(digest, beside, noFormulas(beside))).toEqual({ row: 3, column: 6, numRows: 1, numColumns: 1 });
    const under = [...written(), ['', '', '', '', ''], ['Người lập biểu', '', '', '', '']];
    expect(changedSince(digest, under, noFormulas(under))).toEqual({
      row: under.length,
      column: 1,
      numRows: 1,
      numColumns: 1,
    });
  });

  it('an emptied sheet: nothing to lose', () => {
    const empty = [['']];
    expect(changedSince(digest, empty, [['']])).toBeNull();
  });
});

/**
 * The `Thống kê` layout (src/domain/statistics.ts) on hand-made summaries: each chart's range is the
 * header and the data rows of its table, rows outside the data ("Chưa ghi dân tộc") stay out of it,
 * optional tables (Đảng viên) appear only with their data, cells carry the right kind.
 */
import { ageBandsFrom, DEFAULT_AGE_LIMITS } from '../../src/domain/composition';
import { buildStatisticsLayout, type StatisticsLayout, statisticsGrids } from '../../src/domain/statistics';
import type { CompositionSummary } from '../../src/rpc/contract';

function summary(over: Partial<CompositionSummary> = {}): CompositionSummary {
  const bands = ageBandsFrom(DEFAULT_AGE_LIMITS).map((b, i) => ({ ...b, count: [1, 2, 3, 0][i] ?? 0, share: 0 }));
  return {
    year: 2024,
    total: 6,
    official: 5,
    exOfficio: 1,
    guests: 2,
    unclassified: 0,
    byEthnicGroup: [
      { group: 'Tày', count: 3, share: 0.5 },
      { group: 'Nùng', count: 2, share: 1 / 3 },
    ],
    ethnicUnknown: 1,
    women: { count: 2, share: 1 / 3 },
    genderUnknown: 0,
    ageBands: bands,
    ageUnknown: 0,
    byCategory: [{ category: 'Nông dân', count: 6, share: 1 }],
    categoryUnknown: 0,
    partyMembers: null,
    oldest: { name: '=HYPERLINK("x")', age: 70, group: 'Tày', unit: 'Hữu Lũng' },
    youngest: null,
    byUnit: [{ code: 'HL', name: 'Hữu Lũng', count: 6, women: 2, byEthnicGroup: [] }],
    groupsWithoutDelegate: [],
    guestFigures: { total: 2, women: 0, byEthnicGroup: [] },
    ...over,
  };
}

const cellAt = (layout: StatisticsLayout, row: number, column: number) => layout.rows[row - 1]?.[column - 1];

describe('buildStatisticsLayout', () => {
  it("each chart's range is its table's header and data rows", () => {
    const layout = buildStatisticsLayout({
      summary: summary(),
      seats: [
        { code: 'HL', name: 'Hữu Lũng', seats: 4 },
        { code: 'CL', name: 'Cao Lộc', seats: 2 },
      ],
      when: '08:00 05/01/2024',
    });
    const byKey = Object.fromEntries(layout.charts.map((c) => [c.key, c]));
    expect(layout.charts.map((c) => [c.key, c.type])).toEqual([
      ['seats', 'BAR'],
      ['byEthnic', 'BAR'],
      ['ageBands', 'COLUMN'],
    ]);
    const ethnic = byKey.byEthnic!.range;
    expect(ethnic.numRows).toBe(3); // header + Tày + Nùng, not "Chưa ghi dân tộc"
    expect(cellAt(layout, ethnic.row, 1)?.value).toBe('Dân tộc');
    expect(cellAt(layout, ethnic.row + 1, 1)?.value).toBe('Tày');
    expect(cellAt(layout, ethnic.row + 3, 1)?.value).toBe('Chưa ghi dân tộc');
    const seats = byKey.seats!.range;
    expect(seats.column).toBe(2);
    expect(cellAt(layout, seats.row, 2)?.value).toBe('Tên đơn vị');
    expect(cellAt(layout, seats.row + seats.numRows - 1, 3)?.value).toBe(2);
    const ages = byKey.ageBands!.range;
    expect(ages.numRows).toBe(5);
    expect(layout.charts.map((c) => c.anchorRow)).toEqual([1, 23, 45]);
  });

  it('Đảng viên only with a Party-member column; no seats chart without an allocation; no chart without delegates', () => {
    const without = buildStatisticsLayout({ summary: summary(), seats: [], when: '' });
    expect(without.tables.map((t) => t.key)).not.toContain('party');
    expect(without.charts.map((c) => c.key)).toEqual(['byEthnic', 'ageBands']);
    const withParty = buildStatisticsLayout({
      summary: summary({ partyMembers: { count: 4, share: 4 / 6 } }),
      seats: [],
      when: '',
    });
    expect(withParty.tables.map((t) => t.key)).toContain('party');
    const empty = buildStatisticsLayout({
      summary: summary({ total: 0, byEthnicGroup: [], ageBands: [] }),
      seats: [],
      when: '',
    });
    expect(empty.charts).toEqual([]);
  });

  it('names are text cells, counts and shares numbers, titles bold; the grid is rectangular', () => {
    const layout = buildStatisticsLayout({ summary: summary(), seats: [], when: '' });
    const grids = statisticsGrids(layout);
    const flatFormats = grids.formats.flat();
    expect(new Set(grids.values.map((r) => r.length))).toEqual(new Set([5]));
    const oldest = layout.tables.find((t) => t.key === 'oldestYoungest')!;
    expect(grids.values[oldest.firstRow - 1]?.[1]).toBe('=HYPERLINK("x")');
    expect(grids.formats[oldest.firstRow - 1]?.[1]).toBe('@');
    expect(grids.formats[oldest.firstRow - 1]?.[2]).toBe('#,##0');
    expect(flatFormats).toContain('0.0%');
    expect(grids.weights[oldest.titleRow - 1]?.[0]).toBe('bold');
    // "Trẻ tuổi nhất" not computable: said in words.
    expect(grids.values[oldest.firstRow]?.[1]).toMatch(/Chưa tính được/);
  });
});

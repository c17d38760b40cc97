/**
 * The geometry of the sidebar's inline charts (src/sidebar/charts.ts), in Node: bars proportional to
 * their values, zero and single-value charts, bad numbers, long and decomposed (NFD) names cut without
 * splitting a letter from its mark, the "Khác" bar, the women's share and its minimum, and the
 * Vietnamese number formats of the charts' sentences. The SVG itself is checked in Chromium
 * (test/browser/svg-charts.test.ts).
 */
import { cutLabel, layoutBars, layoutShare, textWidth, topWithOther } from '../../src/sidebar/chartLayout';
import { CHARTS } from '../../src/sidebar/i18n';

// Defaults: viewBox 276 wide, 88 kept for the value → a plot of 188; rows of 30 (label line, then bar).
const PLOT = 276 - 88;

describe('bars', () => {
  test('proportional to the values: the largest fills the plot', () => {
    const l = layoutBars([
      { label: 'Tày', value: 10 },
      { label: 'Nùng', value: 5 },
      { label: 'Dao', value: 0 },
      { label: 'Kinh', value: 2.5 },
    ]);
    expect(l.plotWidth).toBe(PLOT);
    expect(l.max).toBe(10);
    expect(l.rows.map((r) => r.barWidth)).toEqual([PLOT, PLOT / 2, 0, PLOT / 4]);
    expect(l.rows.map((r) => r.y)).toEqual([0, 30, 60, 90]);
    expect(l.height).toBe(120);
    // The bar under its label, inside its row.
    expect(l.barY).toBeGreaterThan(l.labelY + 5);
    expect(l.barY + l.barHeight).toBeLessThanOrEqual(l.rowHeight);
    expect(l.rows.map((r) => r.valueText)).toEqual(['10', '5', '0', '2']);
  });

  test('every bar to the same scale whatever the order (the allocation keeps the table order)', () => {
    const values = [3, 17, 8, 17, 1];
    const l = layoutBars(values.map((v, i) => ({ label: `Đơn vị ${i}`, value: v })));
    for (const [i, row] of l.rows.entries()) {
      expect(row.barWidth).toBeCloseTo(((values[i] ?? 0) / 17) * PLOT, 1);
    }
    const l2 = layoutBars([{ label: 'a', value: 3 }], { width: 100, valueWidth: 40 });
    expect(l2.rows[0]?.barWidth).toBe(60);
    for (const row of l2.rows) {
      expect(row.barWidth).toBeLessThanOrEqual(l2.plotWidth);
    }
  });

  test('all zero, empty, and bad numbers draw nothing and never NaN', () => {
    const zero = layoutBars([
      { label: 'A', value: 0 },
      { label: 'B', value: 0 },
    ]);
    expect(zero.rows.map((r) => r.barWidth)).toEqual([0, 0]);
    const empty = layoutBars([]);
    expect(empty).toMatchObject({ height: 0, rows: [], max: 0 });
    const bad = layoutBars([
      { label: 'NaN', value: Number.NaN },
      { label: 'âm', value: -4 },
      { label: 'vô cực', value: Number.POSITIVE_INFINITY },
      { label: 'đúng', value: 2 },
    ]);
    expect(bad.rows.map((r) => r.barWidth)).toEqual([0, 0, 0, PLOT]);
    // The figures are printed as they are: no bar for them, but no made-up 0 either.
    expect(bad.rows.map((r) => r.valueText)).toEqual(['–', '-4', '–', '2']);
  });

  test('one value alone fills the plot', () => {
    const l = layoutBars([{ label: 'Tày', value: 1 }]);
    expect(l.rows[0]?.barWidth).toBe(PLOT);
  });

  test('thousands as Vietnamese write them', () => {
    const l = layoutBars([{ label: 'Tỉnh', value: 1234567 }]);
    expect(l.rows[0]?.valueText).toBe('1.234.567');
  });

  test('labels up to 36 letters whole by default', () => {
    const name = 'Huyện Văn Lãng (gồm thị trấn Na Sầm)'; // 36
    expect(layoutBars([{ label: name, value: 1 }]).rows[0]?.label).toBe(name);
    expect(layoutBars([{ label: `${name}.`, value: 1 }]).rows[0]?.label).toBe('Huyện Văn Lãng (gồm thị trấn Na Sầm…');
  });

  test('a long name is cut with "…"; the bar keeps the full name in its title', () => {
    const full = 'Thành phố Lạng Sơn (khu vực nội thành và các xã ven đô)';
    const l = layoutBars([{ label: full, value: 3 }], { maxLabelChars: 18 });
    const row = l.rows[0];
    expect(row?.label).toBe('Thành phố Lạng Sơ…');
    expect(Array.from(row?.label ?? '').length).toBeLessThanOrEqual(18);
    expect(row?.full).toBe(full);
    expect(row?.title).toBe(`${full}: 3`);
  });

  test('names are kept as they are (escaping is the DOM builder’s job, not a rewrite of the name)', () => {
    const payload = '<img src=x onerror=alert(1)> & "Bắc"';
    const l = layoutBars([{ label: payload, value: 1 }], { maxLabelChars: 100 });
    expect(l.rows[0]?.label).toBe(payload);
    expect(l.rows[0]?.title).toBe(`${payload}: 1`);
  });
});

describe('cutLabel', () => {
  test('a name typed decomposed (NFD) is cut between letters, never between a letter and its mark', () => {
    const nfd = 'Nguyễn Thị Hường Đồng Đăng'.normalize('NFD');
    for (let max = 2; max <= 26; max++) {
      const cut = cutLabel(nfd, max);
      expect(cut).toBe(cut.normalize('NFC'));
      expect(Array.from(cut).length).toBeLessThanOrEqual(max);
      // No mark left alone at the cut.
      expect(/\p{M}…$/u.test(cut)).toBe(false);
      expect('Nguyễn Thị Hường Đồng Đăng'.startsWith(cut.replace(/…$/, ''))).toBe(true);
    }
  });

  test('a mark with no composed form stays with its letter', () => {
    // "e" + combining breve + dot below has no single code point: the cut never lands after "e".
    const name = `abce\u0306\u0323xyz`;
    const cut = cutLabel(name, 5);
    expect(cut).toBe('abc…');
  });

  test('letters outside the basic plane are never split into half characters', () => {
    const cut = cutLabel('𠀧𠀧𠀧𠀧𠀧 Mường', 4);
    expect(cut).toBe('𠀧𠀧𠀧…');
    expect(Array.from(cut).every((c) => c.length === 2 || !/[\uD800-\uDFFF]/.test(c))).toBe(true);
  });

  test('spaces collapsed, short names unchanged', () => {
    expect(cutLabel('  Tày \n Nùng ', 20)).toBe('Tày Nùng');
    expect(cutLabel('Dao', 3)).toBe('Dao');
    expect(cutLabel('Hmông', 4)).toBe('Hmô…');
  });
});

describe('top groups and "Khác"', () => {
  const groups = ['Tày', 'Nùng', 'Kinh', 'Dao', 'Sán Chay', 'Hoa', 'Mông', 'Sán Dìu', 'Ngái'].map((g, i) => ({
    label: g,
    value: 9 - i,
  }));

  test('the first six by name, the rest summed in one muted bar', () => {
    const bars = topWithOther(groups, 6, (rest) => ({ label: `Khác (${rest.length})` }));
    expect(bars.map((b) => b.label)).toEqual(['Tày', 'Nùng', 'Kinh', 'Dao', 'Sán Chay', 'Hoa', 'Khác (3)']);
    expect(bars[6]).toMatchObject({ value: 3 + 2 + 1, muted: true });
    expect(bars.reduce((n, b) => n + b.value, 0)).toBe(groups.reduce((n, b) => n + b.value, 0));
  });

  test('one group left over is shown by name, not as "Khác"', () => {
    expect(topWithOther(groups.slice(0, 7), 6, () => ({ label: 'Khác' })).map((b) => b.label)).toEqual(
      groups.slice(0, 7).map((g) => g.label),
    );
    expect(topWithOther([groups[0] ?? { label: '', value: 0 }], 6, () => ({ label: 'Khác' }))).toHaveLength(1);
    expect(topWithOther([], 6, () => ({ label: 'Khác' }))).toEqual([]);
  });
});

describe('a share and its minimum', () => {
  test('the fill is the share of the track; the minimum is marked where it falls', () => {
    const l = layoutShare(1 / 3, 0.3);
    // 276 wide: 52 kept right of the track for "33,3 %".
    expect(l.trackWidth).toBe(222);
    expect(l.shareX).toBeGreaterThan(1 + l.trackWidth);
    expect(l.fillWidth).toBeCloseTo(222 / 3, 1);
    expect(l.minimumX).toBeCloseTo(1 + 0.3 * 222, 1);
    expect(l.below).toBe(false);
    expect(layoutShare(0.2, 0.3).below).toBe(true);
    expect(layoutShare(0.3, 0.3).below).toBe(false);
  });

  test('no minimum: no mark; bad shares draw as 0 or full, never beyond the track', () => {
    expect(layoutShare(0.5, null)).toMatchObject({ minimumX: null, below: false, height: 18 });
    expect(layoutShare(Number.NaN, null).fillWidth).toBe(0);
    expect(layoutShare(-1, null).fillWidth).toBe(0);
    expect(layoutShare(7, 2).fillWidth).toBe(222);
    expect(layoutShare(7, 2).minimumX).toBe(223);
  });
});

describe('the charts’ sentences', () => {
  test('Vietnamese numbers and shares', () => {
    expect(CHARTS.groupsSummary(1234, 3, [{ group: 'Tày', count: 617, share: 0.5 }])).toBe(
      '1.234 đại biểu chính thức thuộc 3 dân tộc; đông nhất: Tày 617 (50,0 %).',
    );
    expect(CHARTS.groupsSummary(0, 0, [])).toBe('Chưa có đại biểu chính thức nào.');
    expect(CHARTS.womenSummary(1, 1 / 3, 0.3)).toBe(
      'Nữ: 1 đại biểu (33,3 %); tối thiểu theo trang "Cấu hình": 30,0 %, đã đạt.',
    );
    expect(CHARTS.womenSummary(1, 0.25, 0.3)).toContain('chưa đạt');
    expect(CHARTS.womenSummary(1, 0.25, null)).toBe('Nữ: 1 đại biểu (25,0 %).');
    expect(CHARTS.allocationSummary(3321, 12345, { name: 'A', seats: 9 }, { name: 'B', seats: 1 })).toBe(
      '12.345 đại biểu chính thức phân bổ cho 3.321 đơn vị; nhiều nhất A: 9, ít nhất B: 1.',
    );
    expect(CHARTS.allocationUnitTitle('Đình Lập', 8, 7.7031)).toBe('Đình Lập: 8 đại biểu (theo tỷ lệ 7,703)');
  });
});

describe('room for the figures', () => {
  test('a long value text narrows the plot so that it still fits; never beyond half the width', () => {
    const short = layoutBars([{ label: 'a', value: 1, valueText: '1' }]);
    expect(short.plotWidth).toBe(188);
    const long = layoutBars([{ label: 'a', value: 40_000, valueText: '40.000 (80,0 %)' }]);
    expect(long.plotWidth).toBe(276 - Math.ceil(textWidth('40.000 (80,0 %)')) - 6);
    expect(long.plotWidth).toBeLessThan(188);
    const huge = layoutBars([{ label: 'a', value: 1, valueText: 'x'.repeat(100) }]);
    expect(huge.plotWidth).toBe(138);
  });
});

describe('labels fit the line', () => {
  test('a name in capitals is cut sooner than one in small letters', () => {
    const caps = 'ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG TỈNH LÀO CAI';
    const label = layoutBars([{ label: caps, value: 1 }]).rows[0]?.label ?? '';
    expect(label.endsWith('…')).toBe(true);
    expect(textWidth(label)).toBeLessThanOrEqual(276);
    expect(Array.from(label).length).toBeLessThan(36);
    const small = 'Huyện Văn Lãng (gồm thị trấn Na Sầm)';
    expect(layoutBars([{ label: small, value: 1 }]).rows[0]?.label).toBe(small);
  });
});

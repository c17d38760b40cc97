/**
 * Báo cáo cơ cấu (domain): each share rounded on its own to the nearest tenth, and the document
 * model built from a summary written by hand here (headings, number line, title, each table, the
 * signature and the recipients).
 */
import {
  buildCompositionReport,
  compositionReportBlocks,
  percentText,
  tenthsOfOne,
  tenthsOfPercent,
} from '../../src/domain/notice/compositionReport';
import type { TableBlock } from '../../src/domain/notice/model';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import type { CompositionSummary } from '../../src/rpc/contract';

describe('shares in tenths of a percent (each rounded on its own, half up)', () => {
  it('three equal thirds: 33,3 each (equal counts, equal shares; the rows add up to 99,9)', () => {
    expect(tenthsOfPercent([1, 1, 1], 3)).toEqual([333, 333, 333]);
    expect(tenthsOfPercent([1, 1, 1], 3).map(percentText)).toEqual(['33,3', '33,3', '33,3']);
    // Half up: 1 of 8 is 12,5 exactly; 1 of 16 is 6,25 → 6,3; 1 of 6 is 16,67 → 16,7.
    expect(tenthsOfPercent([1, 1, 1], 8)).toEqual([125, 125, 125]);
    expect(tenthsOfOne(1, 16)).toBe(63);
    expect(tenthsOfOne(1, 6)).toBe(167);
  });

  it('exact shares stay exact; a zero stays 0,0', () => {
    expect(tenthsOfPercent([106, 104, 30, 4, 4, 2, 0], 250)).toEqual([424, 416, 120, 16, 16, 8, 0]);
    expect(percentText(0)).toBe('0,0');
    expect(percentText(1000)).toBe('100,0');
  });

  it('a tie of remainders goes to the larger count, then the earlier row', () => {
    // 2/7 = 28,571…, 1/7 = 14,285…, 4/7 = 57,142…: cut 285 + 142 + 571 = 998, two tenths to give.
    expect(tenthsOfPercent([2, 1, 4], 7)).toEqual([286, 143, 571]);
    expect(tenthsOfPercent([1, 2, 1, 2], 6)).toEqual([167, 333, 167, 333]);
  });

  it('is the nearest tenth to the exact share (half up), equal counts print equal shares, for 2,000 random tables', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 2000; t++) {
      const rows = 1 + Math.floor(rand() * 12);
      const counts = Array.from({ length: rows }, () => Math.floor(rand() * (rand() < 0.2 ? 3 : 400)));
      const total = counts.reduce((a, b) => a + b, 0);
      const tenths = tenthsOfPercent(counts, total);
      if (total === 0) {
        expect(tenths.every((x) => x === 0)).toBe(true);
        continue;
      }
      counts.forEach((c, i) => {
        const exact = (c * 1000) / total;
        const got = tenths[i] as number;
        // Nearest tenth, ties up: exact − 0,5 < got ≤ exact + 0,5 (in tenths).
        expect(got - exact).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(exact - got).toBeLessThan(0.5 - 1e-9);
        if (c === 0) expect(got).toBe(0);
        counts.forEach((d, j) => {
          if (d === c) expect(tenths[j]).toBe(got);
        });
      });
    }
  });

  it('a part of the whole (Đảng viên) is cut or rounded as its two-row table', () => {
    expect(tenthsOfOne(1, 3)).toBe(333);
    expect(tenthsOfOne(2, 3)).toBe(667);
    expect(tenthsOfOne(0, 250)).toBe(0);
    expect(tenthsOfOne(250, 250)).toBe(1000);
  });
});

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  province: 'Lạng Sơn',
  round: 'IV',
  year: 2024,
  parentBody: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  issuingBody: 'Ban Chỉ đạo Đại hội',
  issuerCode: 'BCĐ',
  signAuthority: 'TM. Ban Chỉ đạo',
  signerTitle: 'Trưởng ban',
  signerName: 'Đoàn Thanh Sơn',
  place: 'Lạng Sơn',
  recipients: ['Ban Dân tộc tỉnh'],
  drafterCode: 'BDT',
};

/** Three delegates: Tày woman 40, Nùng man 70, Tày man of unknown age; a guest; one Party member. */
const SUMMARY: CompositionSummary = {
  year: 2024,
  total: 3,
  official: 2,
  exOfficio: 1,
  guests: 1,
  unclassified: 0,
  byEthnicGroup: [
    { group: 'Tày', count: 2, share: 2 / 3 },
    { group: 'Nùng', count: 1, share: 1 / 3 },
  ],
  ethnicUnknown: 0,
  women: { count: 1, share: 1 / 3 },
  genderUnknown: 0,
  ageBands: [
    { label: 'Dưới 30 tuổi', from: null, to: 29, count: 0, share: 0 },
    { label: 'Từ 30 đến 45 tuổi', from: 30, to: 45, count: 1, share: 1 / 3 },
    { label: 'Từ 46 đến 60 tuổi', from: 46, to: 60, count: 0, share: 0 },
    { label: 'Từ 61 tuổi trở lên', from: 61, to: null, count: 1, share: 1 / 3 },
  ],
  ageUnknown: 1,
  byCategory: [{ category: 'Người có uy tín', count: 3, share: 1 }],
  categoryUnknown: 0,
  partyMembers: { count: 2, share: 2 / 3 },
  oldest: { name: 'Lý Văn B', age: 70, group: 'Nùng', unit: 'Cao Lộc' },
  youngest: { name: 'Hoàng Thị A', age: 40, group: 'Tày', unit: 'Cấp tỉnh' },
  byUnit: [
    {
      code: 'CL',
      name: 'Cao Lộc',
      count: 2,
      women: 0,
      byEthnicGroup: [
        { group: 'Nùng', count: 1 },
        { group: 'Tày', count: 1 },
      ],
    },
    { code: 'DL', name: 'Đình Lập', count: 0, women: 0, byEthnicGroup: [] },
    { code: '', name: 'Cấp tỉnh', count: 1, women: 1, byEthnicGroup: [{ group: 'Tày', count: 1 }] },
  ],
  groupsWithoutDelegate: [{ group: 'Sán Dìu', population: 2014 }],
  guestFigures: { total: 1, women: 0, byEthnicGroup: [] },
};

const tables = (blocks: ReturnType<typeof compositionReportBlocks>) =>
  blocks.filter((b): b is TableBlock => b.type === 'table').map((t) => t.rows);
const paragraphs = (blocks: ReturnType<typeof compositionReportBlocks>) =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));

describe('the report model', () => {
  const model = buildCompositionReport({ summary: SUMMARY, livingDeclared: true }, SETTINGS, '2024-01-05', '07/BC-BCĐ');

  it('has the ND 30 frame: agency, motto, number line, place and date, type name, summary', () => {
    expect(model.header.left.map((l) => l.text.trim()).filter(Boolean)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH LẠNG SƠN',
      'BAN CHỈ ĐẠO ĐẠI HỘI',
    ]);
    expect(model.header.right.map((l) => l.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(model.header.number.text).toBe('Số: 07/BC-BCĐ');
    expect(model.header.placeDate.text).toBe('Lạng Sơn, ngày 05 tháng 01 năm 2024');
    expect(model.titleBlock.map((l) => l.text).slice(0, 2)).toEqual([
      'BÁO CÁO',
      'Cơ cấu, thành phần đại biểu dự Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ IV, năm 2024',
    ]);
    expect(model.kindLabel).toBe('Báo cáo cơ cấu đại biểu');
    expect(model.title).toMatch(/^07\/BC-BCĐ - Báo cáo cơ cấu đại biểu - Cơ cấu, thành phần/);
    expect(model.signature).toEqual({ authority: ['TM. BAN CHỈ ĐẠO'], title: 'TRƯỞNG BAN', name: 'Đoàn Thanh Sơn' });
    expect(model.recipients).toEqual(['- Ban Dân tộc tỉnh;', '- Lưu: VT, BDT.']);
  });

  it('prints each table with its rows, each share rounded on its own and the total row 100,0', () => {
    const [ethnic, gender, age, category, units] = tables(model.blocks);
    expect(ethnic).toEqual([
      ['STT', 'Dân tộc', 'Số đại biểu', 'Tỷ lệ (%)'],
      ['1', 'Tày', '2', '66,7'],
      ['2', 'Nùng', '1', '33,3'],
      ['', 'Tổng cộng', '3', '100,0'],
    ]);
    expect(gender?.slice(1)).toEqual([
      ['1', 'Nữ', '1', '33,3'],
      ['2', 'Nam', '2', '66,7'],
      ['', 'Tổng cộng', '3', '100,0'],
    ]);
    expect(age?.slice(1)).toEqual([
      ['1', 'Dưới 30 tuổi', '0', '0,0'],
      ['2', 'Từ 30 đến 45 tuổi', '1', '33,3'],
      ['3', 'Từ 46 đến 60 tuổi', '0', '0,0'],
      ['4', 'Từ 61 tuổi trở lên', '1', '33,3'],
      ['5', 'Chưa rõ năm sinh', '1', '33,3'],
      ['', 'Tổng cộng', '3', '100,0'],
    ]);
    expect(category?.slice(1)).toEqual([
      ['1', 'Người có uy tín', '3', '100,0'],
      ['', 'Tổng cộng', '3', '100,0'],
    ]);
    expect(units).toEqual([
      ['STT', 'Đơn vị', 'Số đại biểu', 'Trong đó nữ', 'Dân tộc (số đại biểu)'],
      ['1', 'Cao Lộc', '2', '0', 'Nùng 1, Tày 1'],
      ['2', 'Đình Lập', '0', '0', ''],
      ['3', 'Cấp tỉnh', '1', '1', 'Tày 1'],
      ['', 'Tổng cộng', '3', '1', ''],
    ]);
    for (const t of model.blocks.filter((b): b is TableBlock => b.type === 'table')) {
      expect(t.header).toBe(true);
      expect(t.totalsRow).toBe(true);
      expect(t.widthsPct.reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('names the sections in order and says the oldest, the youngest, the Party members and the groups without a delegate', () => {
    const text = paragraphs(model.blocks);
    expect(text.filter((t) => /^[IVX]+\. /.test(t))).toEqual([
      'I. TỔNG SỐ ĐẠI BIỂU',
      'II. CƠ CẤU THEO DÂN TỘC',
      'III. CƠ CẤU THEO GIỚI TÍNH',
      'IV. CƠ CẤU THEO ĐỘ TUỔI (TÍNH ĐẾN NĂM 2024)',
      'V. CƠ CẤU THEO THÀNH PHẦN',
      'VI. ĐẢNG VIÊN',
      'VII. SỐ ĐẠI BIỂU THEO ĐƠN VỊ',
      'VIII. CÁC DÂN TỘC THIỂU SỐ SINH SỐNG TRÊN ĐỊA BÀN CHƯA CÓ ĐẠI BIỂU',
    ]);
    expect(text).toContain(
      'Tổng số đại biểu chính thức dự Đại hội: 3 đại biểu, gồm 2 đại biểu chính thức và 1 đại biểu đương nhiên.',
    );
    expect(text).toContain('Ngoài ra có 1 khách mời (không tính trong cơ cấu dưới đây).');
    expect(text).toContain('Đại biểu cao tuổi nhất: Lý Văn B, 70 tuổi, dân tộc Nùng, đơn vị: Cao Lộc.');
    expect(text).toContain('Đại biểu trẻ tuổi nhất: Hoàng Thị A, 40 tuổi, dân tộc Tày, đơn vị: Cấp tỉnh.');
    expect(text).toContain('Số đại biểu là đảng viên: 2 đại biểu (66,7%).');
    expect(text).toContain(
      'Các dân tộc thiểu số sinh sống trên địa bàn chưa có đại biểu chính thức: Sán Dìu (2.014 người).',
    );
    expect(text.at(-1)).toBe('Trên đây là báo cáo cơ cấu, thành phần đại biểu dự Đại hội./.');
  });

  it('leaves the Party section out without a Party-member column, and says when every group has a delegate', () => {
    const blocks = compositionReportBlocks({
      summary: { ...SUMMARY, partyMembers: null, groupsWithoutDelegate: [], guests: 0 },
      livingDeclared: true,
    });
    const text = paragraphs(blocks);
    expect(text.some((t) => t.includes('ĐẢNG VIÊN'))).toBe(false);
    expect(text.some((t) => t.includes('khách mời'))).toBe(false);
    expect(text).toContain('VII. CÁC DÂN TỘC THIỂU SỐ SINH SỐNG TRÊN ĐỊA BÀN CHƯA CÓ ĐẠI BIỂU');
    expect(text).toContain('Tất cả các dân tộc thiểu số sinh sống trên địa bàn đều có đại biểu chính thức dự Đại hội.');
    // Without population figures it never claims every group is represented.
    const bare = paragraphs(
      compositionReportBlocks({ summary: { ...SUMMARY, groupsWithoutDelegate: [] }, livingDeclared: false }),
    );
    expect(bare.some((t) => t.startsWith('Tất cả'))).toBe(false);
    expect(bare.some((t) => t.includes('Dân tộc theo đơn vị'))).toBe(true);
  });

  it('a draft leaves the number and the day blank', () => {
    const draft = buildCompositionReport({ summary: SUMMARY, livingDeclared: true }, SETTINGS, '2024-01-05', '', {
      draft: true,
    });
    expect(draft.header.number.text).toBe('Số:      /BC-BCĐ');
    expect(draft.header.placeDate.text).toBe('Lạng Sơn, ngày      tháng 01 năm 2024');
    expect(draft.draft).toBe(true);
  });
});

import { LANG_SON } from '../../samples/lang-son';
import { ProblemList } from '../../src/domain/problem';
import { readProgress, readUnits, UnitIndex } from '../../src/domain/records';
import { progressReport, progressSentences, summarizeProgress } from '../../src/domain/roster/progress';
import { SHEETS, type SheetKey } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';

const headers = (key: SheetKey) => SHEETS[key].columns.map((c) => c.header);

function load(unitRows: CellValue[][], progressRows: CellValue[][]) {
  const problems = new ProblemList();
  const units = readUnits([headers('units'), ...unitRows], problems);
  const index = new UnitIndex(units);
  const progress = readProgress([headers('progress'), ...progressRows], index, 420, problems);
  return { units, index, progress, problems };
}

describe('summarizeProgress: Lạng Sơn sample', () => {
  const { units, index, progress, problems } = load(
    LANG_SON.sheets['Đơn vị'] as CellValue[][],
    LANG_SON.sheets['Tiến độ'] as CellValue[][],
  );

  it('reads the sample cleanly', () => {
    expect(problems.items).toEqual([]);
    expect(units).toHaveLength(11);
  });

  it('without today: 10/11 established the committee (Đình Lập missing), none held the congress', () => {
    const s = summarizeProgress(units, progress, index, { level: 'district' });
    expect(s.unitWord).toBe('huyện, thành phố');
    expect(s.total).toBe(11);
    expect(progressSentences(s)).toEqual([
      '10/11 huyện, thành phố đã thành lập Ban Chỉ đạo',
      '10/11 huyện, thành phố đã ban hành Kế hoạch tổ chức Đại hội',
      '0/11 huyện, thành phố đã tổ chức Đại hội',
    ]);
    expect(s.milestones.map((m) => [m.key, m.reached, m.total])).toEqual([
      ['steering', 10, 11],
      ['plan', 10, 11],
      ['congress', 0, 11],
    ]);
    expect(s.milestones[0]!.missing).toEqual(['Đình Lập']);
    expect(s.milestones[2]!.missing).toHaveLength(11);
    expect(s.milestones[2]!.missing[0]).toBe('Hữu Lũng');
    expect(progressReport(s)).toBe(
      'Đến nay, 10/11 huyện, thành phố đã thành lập Ban Chỉ đạo và ban hành Kế hoạch tổ chức Đại hội.',
    );
  });

  it('on 14/01/2024 only the dates already past count, missing units in unit order', () => {
    const s = summarizeProgress(units, progress, index, { level: 'district' }, '2024-01-14');
    // Steering committees on 10/01 (LB), 11/01 (BS), 12/01 (TPLS); TĐ's plan on 12/01 (sample error)
    expect(s.milestones[0]!.sentence).toBe('3/11 huyện, thành phố đã thành lập Ban Chỉ đạo');
    expect(s.milestones[0]!.missing).toEqual([
      'Hữu Lũng',
      'Cao Lộc',
      'Chi Lăng',
      'Tràng Định',
      'Văn Quan',
      'Bình Gia',
      'Văn Lãng',
      'Đình Lập',
    ]);
    expect(s.milestones[1]!.sentence).toBe('1/11 huyện, thành phố đã ban hành Kế hoạch tổ chức Đại hội');
    expect(s.milestones[1]!.missing).not.toContain('Tràng Định');
  });

  it('a congress counts when its date has passed or the status says Đã tổ chức', () => {
    const s = summarizeProgress(units, progress, index, { level: 'district' }, '2024-05-15');
    // LB 05/04, BS 10/05, TĐ 15/05 (today included)
    expect(s.milestones[2]!.reached).toBe(3);
    expect(progressReport(s)).toBe(
      'Đến nay, 10/11 huyện, thành phố đã thành lập Ban Chỉ đạo và ban hành Kế hoạch tổ chức Đại hội; 3/11 huyện, thành phố đã tổ chức Đại hội.',
    );
  });
});

describe('summarizeProgress: Kon Tum-like, 10 districts with committee and plan', () => {
  const names = [
    'KonPlông',
    'Kon Rẫy',
    'Đắk Hà',
    'Đắk Tô',
    'Tu Mơ Rông',
    'Ngọc Hồi',
    'Đắk Glei',
    'Sa Thầy',
    'Ia H’Drai',
    'TP Kon Tum',
  ];
  const unitRows = names.map((n, i) => [`KT${i + 1}`, n, '', 5000 + i, '', '', '']);
  const progressRows = names.map((_, i) => [
    `KT${i + 1}`,
    '02/04/2019',
    '10/04/2019',
    '',
    i === 0 ? 'Đã tổ chức' : 'Chưa tổ chức',
    '',
  ]);
  const { units, index, progress } = load(unitRows, progressRows);

  it('10/10 huyện, thành phố đã thành lập Ban Chỉ đạo', () => {
    const s = summarizeProgress(units, progress, index, { level: 'district' }, '2019-05-15');
    expect(progressSentences(s)).toEqual([
      '10/10 huyện, thành phố đã thành lập Ban Chỉ đạo',
      '10/10 huyện, thành phố đã ban hành Kế hoạch tổ chức Đại hội',
      '1/10 huyện, thành phố đã tổ chức Đại hội',
    ]);
    expect(s.milestones[0]!.missing).toEqual([]);
    expect(s.milestones[2]!.missing).toHaveLength(9);
    expect(progressReport(s)).toBe(
      'Đến nay, 10/10 huyện, thành phố đã thành lập Ban Chỉ đạo và ban hành Kế hoạch tổ chức Đại hội; 1/10 huyện, thành phố đã tổ chức Đại hội.',
    );
  });

  it('commune level says xã, phường', () => {
    const s = summarizeProgress(units, progress, index, { level: 'commune' });
    expect(s.unitWord).toBe('xã, phường');
    expect(s.milestones[0]!.sentence).toBe('10/10 xã, phường đã thành lập Ban Chỉ đạo');
  });
});

describe('summarizeProgress: edge cases', () => {
  it('a unit with no Tiến độ row reached nothing; names or codes both resolve; any of two rows counts', () => {
    const { units, index, progress } = load(
      [
        ['A', 'Alpha', '', 10, '', '', ''],
        ['B', 'Beta', '', 10, '', '', ''],
        ['C', 'Gamma', '', 10, '', '', ''],
      ],
      [
        ['beta', '01/02/2024', '', '', '', ''],
        ['A', '', '', '', '', ''],
        ['Alpha', '03/02/2024', '', '', 'đã  tổ chức', ''],
        ['Nowhere', '01/02/2024', '', '', '', ''],
        ['B', '', '', '', 'Chưa tổ chức', ''],
        ['C', '', '', '', 'DA TO CHUC', ''],
      ],
    );
    const s = summarizeProgress(units, progress, index, { level: 'district' });
    expect(s.milestones.map((m) => [m.reached, m.missing])).toEqual([
      [2, ['Gamma']],
      [0, ['Alpha', 'Beta', 'Gamma']],
      [2, ['Beta']],
    ]);
  });

  it('no units at all', () => {
    const { units, index, progress } = load([], []);
    const s = summarizeProgress(units, progress, index, { level: 'district' });
    expect(s.total).toBe(0);
    expect(s.milestones[0]!.sentence).toBe('Chưa có huyện, thành phố nào trong trang "Đơn vị"');
    expect(progressReport(s)).toBe('Đến nay, chưa có huyện, thành phố nào được khai báo.');
  });
});

/**
 * The pure rules behind the notice trust findings: numbers with any issuer code, the log written
 * and read as text, and the official figures an allocation notice may print.
 */
import { officialFigureProblems } from '../../src/domain/notice/figures';
import { findByDigest, findUnfinished, logRowTexts, readDocumentLog } from '../../src/domain/notice/log';
import { nextDocNumber, parseDocNumber } from '../../src/domain/notice/numbering';
import type { AllocationRecord } from '../../src/domain/records';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

describe('numbers recognise themselves for any issuer code', () => {
  it.each([
    ['01/TB-BCĐ ĐH', { n: 1, symbol: 'TB-BCĐ ĐH' }],
    ['Số: 12/QĐ-Ban Dân tộc', { n: 12, symbol: 'QĐ-Ban Dân tộc' }],
    ['  07 / TB-UBND  ', { n: 7, symbol: 'TB-UBND' }],
    ['03/TB-BCĐ ĐH'.normalize('NFD'), { n: 3, symbol: 'TB-BCĐ ĐH' }],
  ])('%s', (text, parsed) => {
    expect(parseDocNumber(text)).toEqual(parsed);
  });

  it('counts on per symbol, whatever the spacing, case or Unicode form of the issuer code', () => {
    const log = [
      { number: '01/TB-BCĐ ĐH', date: '2024-01-02' },
      { number: '02/TB-BCĐ  ĐH'.normalize('NFD'), date: '2024-01-03' },
      { number: '05/TB-BCĐ', date: '2024-01-03' },
    ];
    expect(nextDocNumber(log, 2024, 'TB-BCĐ ĐH')).toBe('03/TB-BCĐ ĐH');
    expect(nextDocNumber(log, 2024, 'tb-bcđ đh')).toBe('03/tb-bcđ đh');
    expect(nextDocNumber(log, 2024, 'TB-BCĐ')).toBe('06/TB-BCĐ');
  });
});

describe('the log as text', () => {
  const row = {
    kind: 'Thông báo kết luận',
    number: '01/12',
    date: '2024-01-05',
    title: `=HYPERLINK("x") ${'y'.repeat(5000)}`,
    url: 'https://docs.google.com/document/d/abc/edit',
    digest: '0123456789012345',
    user: 'a@b.vn',
    createdAt: new Date('2024-01-05T02:00:00Z'),
    sharedWith: 'Người xem: c@d.vn',
    unfinished: false,
  };

  it('every cell a string; the summary shortened; the day and time readable', () => {
    const cells = logRowTexts(row, 420);
    for (const v of Object.values(cells)) expect(typeof v).toBe('string');
    expect(cells.date).toBe('05/01/2024');
    expect(cells.createdAt).toBe('2024-01-05 09:00:00');
    expect(cells.title.length).toBeLessThanOrEqual(1000);
    expect(cells.digest).toBe('0123456789012345');
  });

  it('read back: the same entry, the time as an instant; unfinished rows found apart from finished ones', () => {
    const header = ['Loại', 'Số', 'Ngày', 'Trích yếu', 'Liên kết', 'Mã dữ liệu', 'Người tạo', 'Thời điểm', 'Chia sẻ'];
    const done = logRowTexts(row, 420);
    const open = logRowTexts({ ...row, number: '02/12', digest: 'ffff', unfinished: true }, 420);
    const order = ['kind', 'number', 'date', 'title', 'url', 'digest', 'user', 'createdAt', 'sharedWith'];
    const grid = [
      header,
      order.map((k) => (done as Record<string, string>)[k] ?? ''),
      order.map((k) => (open as Record<string, string>)[k] ?? ''),
    ];
    const { entries } = readDocumentLog(grid, 420);
    expect(entries[0]).toMatchObject({
      number: '01/12',
      date: '2024-01-05',
      digest: '0123456789012345',
      createdAt: '2024-01-05T02:00:00.000Z',
      sharedWith: 'Người xem: c@d.vn',
      unfinished: false,
    });
    expect(entries[1]).toMatchObject({ unfinished: true, title: entries[0]?.title });
    expect(findByDigest(entries, 'ffff')).toBeUndefined();
    expect(findUnfinished(entries, 'ffff')?.number).toBe('02/12');
  });
});

describe('official figures of the allocation notice', () => {
  let row = 1;
  const rec = (seats: number | null, adjustment: number | null, final: number | null): AllocationRecord => {
    row++;
    return {
      row,
      data: { code: `U${row}`, adjustment, note: null, quota: null, seats, final },
      cells: { code: `A${row}`, seats: `E${row}`, adjustment: `F${row}`, final: `G${row}` },
      invalid: new Set(),
    };
  };
  const settings = { ...DEFAULT_SETTINGS, officialTotal: 250 };

  it('consistent figures: nothing to say', () => {
    row = 1;
    expect(officialFigureProblems([rec(100, 0, 100), rec(90, 5, 95), rec(0, null, 0)], settings, {}, 55)).toEqual([]);
  });

  it('negative: never printed; typed over and a total that does not add up: the officer decides', () => {
    row = 1;
    const problems = officialFigureProblems(
      [rec(20, -50, -30), rec(100, 0, 113), rec(90, 0, 90)],
      settings,
      { officialTotal: 'B6' },
      60,
    );
    // Validation's rules (checks/officialFigures.ts): never printed first, then what the officer may confirm.
    expect(problems.map((p) => p.forceable)).toEqual([false, true, true]);
    expect(problems[0]?.message).toBe(
      'Số chính thức của "U2" là -30: số đại biểu không thể âm (trang "Phân bổ", ô F2).',
    );
    expect(problems[1]?.message).toBe(
      'Số chính thức của "U3" là 113, khác Số phân bổ 100 + Điều chỉnh 0 = 100 (trang "Phân bổ", ô G3).',
    );
    expect(problems[2]?.message).toBe(
      'Tổng Số chính thức trong trang "Phân bổ" là 173, cộng 60 đại biểu cơ quan cấp tỉnh và đương nhiên là 233, ' +
        'khác tổng số đại biểu chính thức đã cấu hình (250), ở trang "Cấu hình", ô B6.',
    );
    expect(problems.map((p) => p.message).join(' ')).not.toContain('ghế');
  });

  it('units named by name; an unknown code, a unit on two rows and a blank Số chính thức', () => {
    row = 1;
    const units: Record<string, { row: number; name: string }> = {
      U2: { row: 5, name: 'Huyện <b>Văn Lãng</b>' },
      U3: { row: 5, name: 'Huyện <b>Văn Lãng</b>' },
    };
    const problems = officialFigureProblems(
      [rec(-5, 0, -5), rec(10, 0, 10), rec(10, 0, null)],
      { ...settings, officialTotal: 15 },
      {},
      0,
      (code) => units[code],
    );
    expect(problems.map((p) => p.forceable)).toEqual([false, false, false, true]);
    expect(problems[0]?.message).toContain('ô A4 ("U4")');
    expect(problems[1]?.message).toContain('Một đơn vị có hơn một dòng');
    expect(problems[2]?.message).toContain('Số chính thức của "Huyện <b>Văn Lãng</b>" (U2) là -5');
    expect(problems[3]?.message).toContain('Số chính thức của "U4" đang trống');
    expect(problems[3]?.message).toContain('(trang "Phân bổ", ô G4)');
  });

  it('an unreadable figure names its cell and is never printed', () => {
    row = 1;
    const bad = rec(10, null, null);
    bad.invalid = new Set(['final']);
    const problems = officialFigureProblems([bad], { ...settings, officialTotal: 10 }, {}, 0);
    expect(problems[0]).toMatchObject({ forceable: false });
    expect(problems[0]?.message).toContain('ô G2');
  });
});

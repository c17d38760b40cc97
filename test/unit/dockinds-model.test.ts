/**
 * The delegate documents' models (pure): salutations, the two delegate lines of an invitation, the
 * page values of every delegate, the list's rows, groups and totals, roman group numbers, and the
 * order in which a page's tokens are replaced so a value holding another token's text stays as typed.
 */
import { replacementOrder } from '../../src/docs/pages';
import { buildDelegateList, delegateListRows, roman } from '../../src/domain/notice/delegateList';
import {
  buildInvitations,
  INVITATION_TOKENS,
  type Invitee,
  inviteeLines,
  salutationOf,
} from '../../src/domain/notice/invitation';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  province: 'Lạng Sơn',
  round: 'IV',
  year: 2024,
  place: 'Lạng Sơn',
  signerName: 'Đoàn Thanh Sơn',
  congressTime: '07 giờ 30 phút, ngày 15 tháng 10 năm 2024',
  congressPlace: 'Hội trường tỉnh',
};

const invitee = (over: Partial<Invitee> = {}): Invitee => ({
  row: 2,
  salutation: 'Ông',
  name: 'Hoàng Văn Hùng',
  position: 'Trưởng thôn Nà Pàn',
  unit: 'Cao Lộc',
  kind: 'official',
  ...over,
});

describe('an invitation', () => {
  it('greets by gender, "Ông/Bà" when the sheet does not say', () => {
    expect([salutationOf('male'), salutationOf('female'), salutationOf(null)]).toEqual(['Ông', 'Bà', 'Ông/Bà']);
  });

  it('names the delegate, the position, the type and the unit by name; no position line when blank', () => {
    expect(inviteeLines(invitee())).toEqual([
      'Kính gửi: Ông Hoàng Văn Hùng',
      'Chức vụ, nơi công tác: Trưởng thôn Nà Pàn. Đại biểu chính thức, đơn vị: Cao Lộc.',
    ]);
    expect(inviteeLines(invitee({ position: '', kind: 'ex-officio', unit: 'Cấp tỉnh' }))[1]).toBe(
      'Đại biểu đương nhiên, đơn vị: Cấp tỉnh.',
    );
    // A cell typed on two lines is one line of the invitation.
    expect(inviteeLines(invitee({ name: 'Hoàng Văn\nHùng', position: 'Trưởng thôn\n Nà Pàn' }))).toEqual([
      'Kính gửi: Ông Hoàng Văn Hùng',
      'Chức vụ, nơi công tác: Trưởng thôn Nà Pàn. Đại biểu chính thức, đơn vị: Cao Lộc.',
    ]);
  });

  it('is one page holding each token once, and a row of values per delegate', () => {
    const people = [invitee(), invitee({ name: 'Lăng Thị Mai', salutation: 'Bà' })];
    const model = buildInvitations(
      { invitees: people, time: settings.congressTime, place: settings.congressPlace, documents: '', guests: false },
      settings,
      '2024-01-05',
      '01/GM-BCĐ',
    );
    const text = model.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    for (const t of INVITATION_TOKENS) expect(text.split(t)).toHaveLength(2);
    expect(text).toContain('Thời gian: 07 giờ 30 phút, ngày 15 tháng 10 năm 2024.');
    expect(text).toContain('Địa điểm: Hội trường tỉnh.');
    expect(text).not.toContain('mang theo'); // no documents to bring: no line
    expect(model.pages?.values).toEqual(people.map(inviteeLines));
    expect(model.titleBlock[0]?.text).toBe('GIẤY MỜI');
    expect(model.header.number.text).toBe('Số: 01/GM-BCĐ');
    expect(model.recipients).toEqual(['- Như trên;', '- Lưu: VT.']);
  });
});

describe('replacing the tokens of a page', () => {
  it('keeps the tokens’ order unless a value holds a token still to replace', () => {
    const tokens = ['⟦a⟧', '⟦b⟧'];
    expect(replacementOrder(tokens, ['x', 'y'])).toEqual([0, 1]);
    expect(replacementOrder(tokens, ['x ⟦b⟧', 'y'])).toEqual([1, 0]);
    expect(replacementOrder(tokens, ['x', 'y ⟦a⟧'])).toEqual([0, 1]);
    expect(replacementOrder(tokens, ['⟦a⟧', '⟦b⟧'])).toEqual([0, 1]);
  });
});

describe('the delegate list', () => {
  const d = (name: string, over: object = {}) => ({
    row: 2,
    name,
    kind: 'official' as const,
    gender: 'female' as const,
    birthYear: 1980,
    ethnic: 'Tày',
    position: 'Xã Hùng',
    unit: 'Cao Lộc',
    ...over,
  });
  const input = {
    groups: [
      { unit: 'Cao Lộc', delegates: [d('A'), d('B', { gender: 'male', birthYear: null })] },
      { unit: 'Cấp tỉnh', delegates: [d('C', { kind: 'ex-officio', gender: null, unit: 'Cấp tỉnh' })] },
    ],
    decision: 'Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo.',
  };

  it('numbers the groups in roman and the delegates 1…n across groups, with the total', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV']);
    expect(delegateListRows(input)).toEqual([
      ['STT', 'Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Chức vụ, nơi công tác', 'Loại đại biểu'],
      ['I', 'CAO LỘC (2 đại biểu)', '', '', '', '', ''],
      ['1', 'A', 'Tày', 'Nữ', '1980', 'Xã Hùng', 'Chính thức'],
      ['2', 'B', 'Tày', 'Nam', '', 'Xã Hùng', 'Chính thức'],
      ['II', 'CẤP TỈNH (1 đại biểu)', '', '', '', '', ''],
      ['3', 'C', 'Tày', '', '1980', 'Xã Hùng', 'Đương nhiên'],
      ['', 'Tổng cộng: 3 đại biểu', '', '', '', '', ''],
    ]);
  });

  it('has no number of its own, no recipients, and says which decision it is attached to', () => {
    const model = buildDelegateList(input, settings, '2024-01-05');
    expect(model.header.number.text).toBe('');
    expect(model.header.placeDate.text).toBe('');
    expect(model.recipients).toEqual([]);
    expect(model.footer.left.map((l) => l.text)).toEqual(['']);
    expect(model.titleBlock.map((l) => l.text).slice(0, 3)).toEqual([
      'DANH SÁCH ĐẠI BIỂU CHÍNH THỨC',
      'Dự Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ IV, năm 2024',
      '(Kèm theo Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo)',
    ]);
    const last = model.blocks.at(-1);
    expect(last?.type === 'paragraph' && last.runs.map((r) => r.text).join('')).toBe(
      'Tổng số: 3 đại biểu (2 đại biểu chính thức, 1 đại biểu đương nhiên), trong đó 1 đại biểu nữ./.',
    );
    const without = buildDelegateList({ ...input, decision: '' }, settings, '2024-01-05');
    expect(without.titleBlock.map((l) => l.text).join('\n')).not.toContain('Kèm theo');
  });
});

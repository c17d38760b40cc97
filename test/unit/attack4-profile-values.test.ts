/**
 * Profile values as officers and units really type them. Before: "Quần chúng" (not a Party member, on
 * every personnel form), "Đảng viên (dự bị)", "ĐVDB", "Vào Đảng 12/5/2010", "Hết tuổi Đoàn" were
 * "không hiểu"; "Không" in a required Điện thoại or Ngày sinh — what the setting's note tells the
 * officer to write — was warned about as letters / not a date; "912345678" as text (the zero lost on
 * the way) passed; 84912345678 (+84 lost) was said to have lost its 0; two numbers joined by a dash
 * ("0912345678-0987654321") were one number of 20 digits.
 */
import { parseMembership, profileValueProblem } from '../../src/domain/checks/profile';

const ctx = { birthYear: 1980, today: '2025-06-02' as const, zone: 420 };

describe('Đảng viên / Đoàn viên as people type them', () => {
  it.each([
    ['Quần chúng', 'partyMember', false],
    ['QC', 'partyMember', false],
    ['Đảng viên (dự bị)', 'partyMember', true],
    ['Đảng viên (chính thức)', 'partyMember', true],
    ['ĐVDB', 'partyMember', true],
    ['ĐVCT', 'partyMember', true],
    ['ĐV chính thức', 'partyMember', true],
    ['Đang là đảng viên', 'partyMember', true],
    ['Vào Đảng 12/5/2010', 'partyMember', true],
    ['Kết nạp 2010', 'partyMember', true],
    ['Ngày vào Đoàn: 26/3/2005', 'youthMember', true],
    ['Hết tuổi Đoàn', 'youthMember', false],
    ['Đã trưởng thành Đoàn', 'youthMember', false],
    ['x', 'partyMember', true],
    ['Không', 'youthMember', false],
    ['Chi bộ thôn 3', 'partyMember', null],
  ] as const)('%s in %s → %s', (typed, key, expected) => {
    expect(parseMembership(typed, key)).toBe(expected);
  });
});

describe('"Không" where the setting says to write it', () => {
  it.each([
    ['phone', 'Không'],
    ['phone', 'không có'],
    ['phone', 'Chưa có.'],
    ['birthDate', 'Không rõ'],
    ['birthDate', 'không'],
    ['partyMember', 'Không'],
  ] as const)('%s "%s": no warning', (key, typed) => {
    expect(profileValueProblem(key, typed, ctx)).toBeNull();
  });
});

describe('phones that lost their 0 or their +', () => {
  it('"912345678" as text: the 0 is missing', () => {
    expect(profileValueProblem('phone', '912345678', ctx)?.message).toBe(
      'Điện thoại "912345678" thiếu số 0 ở đầu (số điện thoại trong nước bắt đầu bằng 0, hoặc +84).',
    );
    expect(profileValueProblem('phone', '262 3852 123', ctx)?.message).toContain('thiếu số 0 ở đầu');
    expect(profileValueProblem('phone', '0912-345-678-0987', ctx)?.message).toContain('không đúng số chữ số');
  });
  it('84912345678 as a number: the + was lost, not a 0', () => {
    expect(profileValueProblem('phone', 84912345678, ctx)?.message).toBe(
      'Điện thoại 84912345678 đã bị bảng tính đổi thành số nên mất dấu + ở đầu.',
    );
  });
  it.each([
    '0912 345 678',
    '+84 912 345 678',
    '84912345678',
    '(0262) 3852 123',
    '0912.345.678; 0262 385 2123',
    '0912345678-0987654321',
    '0912-345-678',
  ])('"%s" is fine', (typed) => {
    expect(profileValueProblem('phone', typed, ctx)).toBeNull();
  });
});

describe('dates of birth', () => {
  it('a date-time at 00:30 in the zone is that day (not the day before in UTC)', () => {
    expect(profileValueProblem('birthDate', new Date('1980-01-04T17:30:00Z'), ctx)).toBeNull();
    expect(profileValueProblem('birthDate', new Date('1979-12-31T17:30:00Z'), ctx)).toBeNull(); // 01/01/1980 00:30
    expect(profileValueProblem('birthDate', new Date('1980-12-31T16:59:00Z'), ctx)).toBeNull(); // 31/12/1980 23:59
    expect(profileValueProblem('birthDate', new Date('1980-12-31T17:00:00Z'), ctx)?.message).toBe(
      'Ngày sinh 01/01/1981 không khớp với năm sinh 1980 ở cột "Năm sinh".',
    );
  });
  it('text "05/01/1980" and a date cell agree; a year alone is said to need day and month', () => {
    expect(profileValueProblem('birthDate', '05/01/1980', ctx)).toBeNull();
    expect(profileValueProblem('birthDate', 1980, ctx)?.message).toContain('mới có năm');
  });
});

import { runInNewContext } from 'node:vm';
import {
  addDays,
  dateFromIso,
  diffDays,
  formatNd30Date,
  formatVnDate,
  isoFromDate,
  parseOffset,
  parseVnDate,
  todayIso,
} from '../../src/domain/dates';

const NFD = (s: string) => s.normalize('NFD');
/** Midnight of y-m-d in UTC+7 = 17:00 UTC of the day before. */
const vnMidnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 7 * 3600000);

describe('parseVnDate: Date cells', () => {
  it('reads midnight UTC+7 (17:00Z the day before) as that day', () => {
    expect(new Date('2024-01-11T17:00:00Z')).toEqual(vnMidnight(2024, 1, 12));
    expect(parseVnDate(new Date('2024-01-11T17:00:00Z'))).toEqual({ ok: true, value: '2024-01-12' });
    expect(parseVnDate(vnMidnight(2024, 2, 29))).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('accepts a Date from another realm', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2024, 0, 11, 17))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(parseVnDate(foreign)).toEqual({ ok: true, value: '2024-01-12' });
  });
  it('keeps the day of a date-time', () => {
    expect(parseVnDate(new Date('2024-01-12T01:30:00Z'))).toEqual({ ok: true, value: '2024-01-12' }); // 08:30
    expect(parseVnDate(new Date('2024-01-12T16:59:00Z'))).toEqual({ ok: true, value: '2024-01-12' }); // 23:59
  });
  it('reads midnights made with a historical +08:00 offset (1960–1975) as their day', () => {
    // Sheets in Asia/Ho_Chi_Minh: 15/05/1968 00:00 +08:00 = 1968-05-14T16:00Z, 23:00 at a fixed +07:00.
    expect(parseVnDate(new Date('1968-05-14T16:00:00Z'))).toEqual({ ok: true, value: '1968-05-15' });
    expect(parseVnDate(new Date('1968-05-14T16:10:00Z'))).toEqual({ ok: true, value: '1968-05-15' }); // 00:10 +08
    expect(parseVnDate(new Date('1968-05-14T15:30:00Z'))).toEqual({ ok: true, value: '1968-05-14' }); // 23:30 +08
    // 13/06/1975, the day +07:00 came back, and the +09:00 of 1945
    expect(parseVnDate(new Date('1975-06-12T17:00:00Z'))).toEqual({ ok: true, value: '1975-06-13' });
    expect(parseVnDate(new Date('1945-05-01T15:00:00Z'))).toEqual({ ok: true, value: '1945-05-02' });
    // a zone with summer time gives its offsets as a function
    const paris = (t: number) => (t >= Date.UTC(2024, 2, 31, 1) && t < Date.UTC(2024, 9, 27, 1) ? 120 : 60);
    expect(parseVnDate(new Date('2024-06-11T22:00:00Z'), paris)).toEqual({ ok: true, value: '2024-06-12' });
  });
  it('reads a date-time late in the evening as the day it shows (22:00–23:30 are not the next day)', () => {
    for (const utc of ['15:00', '15:30', '16:00', '16:30']) {
      // 22:00, 22:30, 23:00, 23:30 on 12/01/2024 in Asia/Ho_Chi_Minh
      expect(parseVnDate(new Date(`2024-01-12T${utc}:00Z`))).toEqual({ ok: true, value: '2024-01-12' });
    }
    expect(parseVnDate(new Date('2024-01-11T22:00:00Z'), 60)).toEqual({ ok: true, value: '2024-01-11' }); // 23:00
    expect(parseVnDate(new Date('2024-01-12T14:30:00Z'))).toEqual({ ok: true, value: '2024-01-12' }); // 21:30
  });
  it('uses the offset it is given', () => {
    const d = new Date('2024-01-12T03:10:00Z');
    expect(parseVnDate(d, 0)).toEqual({ ok: true, value: '2024-01-12' });
    expect(parseVnDate(d, -300)).toEqual({ ok: true, value: '2024-01-11' }); // 22:10 the day before
    expect(parseVnDate(new Date('2024-01-12T00:00:00Z'), 0)).toEqual({ ok: true, value: '2024-01-12' });
  });
  it('rejects invalid dates and years out of range', () => {
    expect(parseVnDate(new Date(Number.NaN))).toEqual({ ok: false, error: 'Ô chứa ngày tháng không hợp lệ' });
    expect(parseVnDate(vnMidnight(1899, 12, 31))).toEqual({ ok: false, error: 'Năm 1899 nằm ngoài khoảng 1900–2100' });
  });
});

describe('parseVnDate: text', () => {
  it.each([
    ['12/01/2024', '2024-01-12'],
    ['5/1/2024', '2024-01-05'],
    ['05/01/2024', '2024-01-05'],
    ['12-01-2024', '2024-01-12'],
    ['12.01.2024', '2024-01-12'],
    ['12 / 01 / 2024', '2024-01-12'],
    ['2024-01-12', '2024-01-12'],
    ['2024/1/12', '2024-01-12'],
    ['ngày 12 tháng 01 năm 2024', '2024-01-12'],
    ['Ngày 5 tháng 3 năm 2024', '2024-03-05'],
    ['ngày 12/01/2024', '2024-01-12'],
    ['12/01/2024 08:30', '2024-01-12'],
    ['12/01/2024 8:30:00', '2024-01-12'],
    ['12/01/2024 08h30', '2024-01-12'],
    ['12/01/2024, 8 giờ 30 phút', '2024-01-12'],
    ['08h00 ngày 12/01/2024', '2024-01-12'],
    ['2024-01-12T08:30:00', '2024-01-12'],
    ['  12/01/2024\u00A0', '2024-01-12'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2100', '2100-12-31'],
    ['01/01/1900', '1900-01-01'],
    [NFD('ngày 12 tháng 01 năm 2024'), '2024-01-12'],
    ['NGÀY 12 THÁNG 01 NĂM 2024', '2024-01-12'],
  ])('%j → %j', (input, expected) => {
    expect(parseVnDate(input)).toEqual({ ok: true, value: expected });
  });

  it('takes one date inside longer text, with a warning', () => {
    expect(parseVnDate('chậm nhất trong ngày 12/01/2024')).toEqual({
      ok: true,
      value: '2024-01-12',
      warning: 'Chỉ lấy ngày 12/01/2024 từ "chậm nhất trong ngày 12/01/2024"',
    });
    expect(parseVnDate('Lạng Sơn, ngày 05 tháng 01 năm 2024')).toMatchObject({ ok: true, value: '2024-01-05' });
  });

  it.each([
    ['01/13/2024', '"01/13/2024": tháng 13 không hợp lệ (ghi theo thứ tự ngày/tháng/năm)'],
    ['12/00/2024', '"12/00/2024": tháng 0 không hợp lệ (ghi theo thứ tự ngày/tháng/năm)'],
    ['31/02/2024', 'Ngày "31/02/2024" không tồn tại'],
    ['29/02/2023', 'Ngày "29/02/2023" không tồn tại'],
    ['31/04/2024', 'Ngày "31/04/2024" không tồn tại'],
    ['00/01/2024', 'Ngày "00/01/2024" không tồn tại'],
    ['12/01/24', '"12/01/24": năm cần ghi đủ 4 chữ số'],
    ['12/01/202', '"12/01/202" không phải là ngày hợp lệ'],
    ['12/01/1899', '"12/01/1899": năm 1899 nằm ngoài khoảng 1900–2100'],
    ['12/01/2101', '"12/01/2101": năm 2101 nằm ngoài khoảng 1900–2100'],
    ['12/01', '"12/01" thiếu năm (ghi đủ ngày/tháng/năm)'],
    ['01/2024', '"01/2024" thiếu ngày (ghi đủ ngày/tháng/năm)'],
    ['tháng 1 năm 2024', '"tháng 1 năm 2024" thiếu ngày (ghi đủ ngày/tháng/năm)'],
    ['12/01-2024', '"12/01-2024" không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 12/01/2024)'],
    ['hôm qua', '"hôm qua" không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 12/01/2024)'],
    ['từ 12/01/2024 đến 15/01/2024', '"từ 12/01/2024 đến 15/01/2024" có nhiều hơn một ngày'],
    ['hạn 31/02/2024', 'Ngày "hạn 31/02/2024" không tồn tại'],
  ])('%j is an error', (input, error) => {
    expect(parseVnDate(input)).toEqual({ ok: false, error });
  });
});

describe('parseVnDate: other cell values', () => {
  it.each(['', '  ', null, undefined])('blank %j → null', (input) => {
    expect(parseVnDate(input)).toEqual({ ok: true, value: null });
  });
  it('reads Sheets serial days from the 1899-12-30 epoch', () => {
    expect(parseVnDate(45303)).toEqual({ ok: true, value: '2024-01-12' });
    expect(parseVnDate(45303.75)).toEqual({ ok: true, value: '2024-01-12' });
    expect(parseVnDate(20000)).toEqual({ ok: true, value: '1954-10-03' });
  });
  it.each<[unknown, string]>([
    [1985, '"1985" mới có năm, cần đủ ngày/tháng/năm'],
    [19999, '"19999" không phải là ngày hợp lệ'],
    [80001, '"80001" không phải là ngày hợp lệ'],
    [80000, 'Năm 2119 nằm ngoài khoảng 1900–2100'],
    [-1, '"-1" không phải là ngày hợp lệ'],
    [true, 'Giá trị TRUE không phải là ngày'],
    ['#REF!', 'Ô đang báo lỗi #REF!'],
    ['#VALUE!', 'Ô đang báo lỗi #VALUE!'],
  ])('%j is an error', (input, error) => {
    expect(parseVnDate(input)).toEqual({ ok: false, error });
  });
});

describe('isoFromDate / dateFromIso / todayIso', () => {
  it('converts at the offset, UTC+7 by default', () => {
    expect(isoFromDate(new Date('2024-01-11T17:00:00Z'))).toBe('2024-01-12');
    expect(isoFromDate(new Date('2024-01-11T16:59:59Z'))).toBe('2024-01-11');
    expect(isoFromDate(new Date('2024-01-11T17:00:00Z'), 0)).toBe('2024-01-11');
    expect(isoFromDate(new Date('2024-01-12T02:00:00Z'), -210)).toBe('2024-01-11');
  });
  it('gives midnight of the day at the offset', () => {
    expect(dateFromIso('2024-01-12').toISOString()).toBe('2024-01-11T17:00:00.000Z');
    expect(dateFromIso('2024-01-12', 0).toISOString()).toBe('2024-01-12T00:00:00.000Z');
    expect(dateFromIso('2024-01-12', -210).toISOString()).toBe('2024-01-12T03:30:00.000Z');
  });
  it('round-trips', () => {
    for (const day of ['1900-01-01', '1968-05-15', '2024-02-29', '2100-12-31']) {
      expect(isoFromDate(dateFromIso(day))).toBe(day);
      expect(isoFromDate(dateFromIso(day, 60), 60)).toBe(day);
    }
  });
  it('throws on bad input', () => {
    expect(() => isoFromDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => dateFromIso('12/01/2024')).toThrow(RangeError);
    expect(() => dateFromIso('2024-02-30')).toThrow(RangeError);
  });
  it('todayIso is the day at the offset', () => {
    const now = new Date('2024-01-11T18:30:00Z');
    expect(todayIso(now)).toBe('2024-01-12');
    expect(todayIso(now, 0)).toBe('2024-01-11');
  });
});

describe('formatVnDate', () => {
  it.each([
    ['2024-01-12', '12/01/2024'],
    ['2024-01-05', '05/01/2024'],
    ['2024-11-30', '30/11/2024'],
    ['', ''],
    ['not a date', 'not a date'],
  ])('%j → %j', (input, expected) => {
    expect(formatVnDate(input)).toBe(expected);
  });
});

describe('formatNd30Date', () => {
  it.each([
    ['Lạng Sơn', '2024-01-05', 'Lạng Sơn, ngày 05 tháng 01 năm 2024'],
    ['Lạng Sơn', '2024-02-15', 'Lạng Sơn, ngày 15 tháng 02 năm 2024'],
    ['Đắk Lắk', '2024-03-15', 'Đắk Lắk, ngày 15 tháng 3 năm 2024'],
    ['Hà Nội', '2024-11-05', 'Hà Nội, ngày 05 tháng 11 năm 2024'],
    ['Hà Nội', '2024-12-31', 'Hà Nội, ngày 31 tháng 12 năm 2024'],
    ['  Kon Tum ', '2024-10-10', 'Kon Tum, ngày 10 tháng 10 năm 2024'],
    ['', '2024-01-05', 'ngày 05 tháng 01 năm 2024'],
  ])('%j, %j → %j', (place, day, expected) => {
    expect(formatNd30Date(place, day)).toBe(expected);
  });
  it('composes an NFD place name', () => {
    expect(formatNd30Date(NFD('Lạng Sơn'), '2024-01-05')).toBe('Lạng Sơn, ngày 05 tháng 01 năm 2024');
  });
});

describe('addDays / diffDays', () => {
  it.each([
    ['2024-01-12', 1, '2024-01-13'],
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-01-12', 0, '2024-01-12'],
    ['2024-01-12', 366, '2025-01-12'],
  ])('%j + %d → %j', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
  it.each([
    ['2024-01-12', '2024-01-10', 2],
    ['2024-01-10', '2024-01-12', -2],
    ['2024-03-01', '2024-02-28', 2],
    ['2025-01-01', '2024-01-01', 366],
    ['2024-01-12', '2024-01-12', 0],
  ])('%j − %j = %d', (a, b, expected) => {
    expect(diffDays(a, b)).toBe(expected);
  });
});

describe('parseOffset', () => {
  it.each([
    ['+0700', 420],
    ['-0330', -210],
    ['+0000', 0],
    ['+0545', 345],
    ['+07:00', 420],
    ['GMT+07:00', 420],
    ['Z', 0],
  ])('%j → %d', (z, expected) => {
    expect(parseOffset(z)).toBe(expected);
  });
  it('throws on anything else', () => {
    expect(() => parseOffset('Asia/Ho_Chi_Minh')).toThrow(RangeError);
  });
});

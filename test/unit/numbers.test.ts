import {
  formatPercent,
  formatVnNumber,
  parseNonNegativeInteger,
  parseRatio,
  parseVnNumber,
} from '../../src/domain/numbers';

const NFD = (s: string) => s.normalize('NFD');

describe('parseVnNumber', () => {
  it.each<[unknown, number]>([
    [1234567, 1234567],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1 234 567', 1234567],
    ['1\u00A0234\u00A0567', 1234567],
    ['1\u202F234\u202F567', 1234567],
    ['1234567', 1234567],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234', 1234],
    ['12.500', 12500],
    ['999.999', 999999],
    ['1.5', 1.5],
    ['0.125', 0.125],
    ['0,125', 0.125],
    ['1234.567', 1234.567],
    ['1234,567', 1234.567],
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1,234,567.89', 1234567.89],
    ['1,234.5', 1234.5],
    ['1 234,5', 1234.5],
    ['1 234.5', 1234.5],
    ['  42  ', 42],
    ['\u00A042\u00A0', 42],
    ['+42', 42],
    ['-42', -42],
    ['−1.234', -1234],
    ['- 7', -7],
    ['007', 7],
    ['0', 0],
    ['-0', 0],
    [0, 0],
    [-0, 0],
    [12.5, 12.5],
  ])('%j → %d', (input, expected) => {
    const r = parseVnNumber(input);
    expect(r).toEqual({ ok: true, value: expected });
  });

  it('reads a single comma before three digits as thousands, with a warning', () => {
    expect(parseVnNumber('1,234')).toEqual({
      ok: true,
      value: 1234,
      warning: 'Đã hiểu "1,234" là 1.234 (dấu phẩy tách hàng nghìn)',
    });
    expect(parseVnNumber('-12,345')).toMatchObject({ ok: true, value: -12345 });
  });

  it.each(['', '   ', '\u00A0', null, undefined])('blank %j → null', (input) => {
    expect(parseVnNumber(input)).toEqual({ ok: true, value: null });
  });

  it.each<[unknown, string]>([
    ['abc', '"abc" không phải là số'],
    ['12 người', '"12 người" không phải là số'],
    ['1e5', '"1e5" không phải là số'],
    ['1.2.3', '"1.2.3" không phải là số hợp lệ'],
    ['1,2,3', '"1,2,3" không phải là số hợp lệ'],
    ['1.23.456', '"1.23.456" không phải là số hợp lệ'],
    ['12.34,5.6', '"12.34,5.6" không phải là số hợp lệ'],
    ['1,234,5.6', '"1,234,5.6" không phải là số hợp lệ'],
    ['12 34', '"12 34" không phải là số hợp lệ'],
    ['1 2345', '"1 2345" không phải là số hợp lệ'],
    ['5.', '"5." không phải là số hợp lệ'],
    ['.5', '".5" không phải là số hợp lệ'],
    ['12%', '"12%" là tỉ lệ phần trăm, ở đây cần một số'],
    ['12,5 %', '"12,5 %" là tỉ lệ phần trăm, ở đây cần một số'],
    [true, 'Giá trị TRUE không phải là số'],
    [false, 'Giá trị FALSE không phải là số'],
    [new Date(Date.UTC(2024, 0, 11, 17)), 'Ô chứa ngày tháng (12/01/2024), không phải là số'],
    ['#REF!', 'Ô đang báo lỗi #REF!'],
    ['#N/A', 'Ô đang báo lỗi #N/A'],
    ['#DIV/0!', 'Ô đang báo lỗi #DIV/0!'],
    [Number.NaN, '"NaN" không phải là số hợp lệ'],
    [Number.POSITIVE_INFINITY, '"Infinity" không phải là số hợp lệ'],
  ])('%j is an error', (input, error) => {
    expect(parseVnNumber(input)).toEqual({ ok: false, error });
  });

  it('quotes NFD input in NFC', () => {
    expect(parseVnNumber(NFD('mười'))).toEqual({ ok: false, error: '"mười" không phải là số' });
  });
});

describe('parseNonNegativeInteger', () => {
  it.each<[unknown, number | null]>([
    ['1.234', 1234],
    [250, 250],
    ['0', 0],
    ['', null],
    [29.999999999999996, 30],
    ['1 500', 1500],
  ])('%j → %j', (input, expected) => {
    expect(parseNonNegativeInteger(input)).toEqual({ ok: true, value: expected });
  });
  it.each<[unknown, string]>([
    ['-5', '"-5" không được âm'],
    [-5, '"-5" không được âm'],
    ['12,5', '"12,5" phải là số nguyên'],
    [12.5, '"12,5" phải là số nguyên'],
    ['1.5', '"1.5" phải là số nguyên'],
    ['abc', '"abc" không phải là số'],
    ['#VALUE!', 'Ô đang báo lỗi #VALUE!'],
  ])('%j is an error', (input, error) => {
    expect(parseNonNegativeInteger(input)).toEqual({ ok: false, error });
  });
  it('keeps the warning of the number', () => {
    expect(parseNonNegativeInteger('2,500')).toMatchObject({ ok: true, value: 2500, warning: expect.any(String) });
  });
});

describe('parseRatio', () => {
  it.each<[unknown, number | null]>([
    ['12,5%', 0.125],
    ['12.5%', 0.125],
    ['12,5 %', 0.125],
    ['33,3%', 0.333],
    ['100%', 1],
    ['0%', 0],
    ['0,125', 0.125],
    ['0.125', 0.125],
    [0.125, 0.125],
    [1, 1],
    [0, 0],
    ['1', 1],
    ['1/3', 1 / 3],
    ['10/10', 1],
    ['1 / 4', 0.25],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseRatio(input)).toEqual({ ok: true, value: expected });
  });

  it('reads a number above 1 without % as a percentage, with a warning', () => {
    expect(parseRatio(33)).toEqual({ ok: true, value: 0.33, warning: 'Đã hiểu "33" là 33%' });
    expect(parseRatio('33,3')).toEqual({ ok: true, value: 0.333, warning: 'Đã hiểu "33,3" là 33,3%' });
    expect(parseRatio(100)).toMatchObject({ ok: true, value: 1 });
  });

  it.each<[unknown, string]>([
    ['120%', '"120%" lớn hơn 100%'],
    [120, '"120" lớn hơn 100%'],
    ['4/3', '"4/3" lớn hơn 100%'],
    ['-5%', '"-5%" không được âm'],
    [-0.1, '"-0,1" không được âm'],
    ['1/0', '"1/0" không phải là tỉ lệ hợp lệ'],
    ['abc', '"abc" không phải là tỉ lệ hợp lệ'],
    ['%', '"%" không phải là tỉ lệ hợp lệ'],
    [true, 'Giá trị TRUE không phải là số'],
    ['#N/A', 'Ô đang báo lỗi #N/A'],
  ])('%j is an error', (input, error) => {
    expect(parseRatio(input)).toEqual({ ok: false, error });
  });
});

describe('formatVnNumber', () => {
  it.each<[number, number | undefined, string]>([
    [1234567, undefined, '1.234.567'],
    [1234.5, 1, '1.234,5'],
    [1234.5, undefined, '1.234,5'],
    [1234.5, 2, '1.234,50'],
    [1234.56, 0, '1.235'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-1234567.891, 2, '-1.234.567,89'],
    [-0.0001, 2, '0,00'],
    [1.005, 2, '1,01'],
    [0.1 + 0.2, undefined, '0,3'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [Number.NaN, undefined, ''],
  ])('%d (%j decimals) → %j', (n, d, expected) => {
    expect(formatVnNumber(n, d)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, number | undefined, string]>([
    [0.3333, undefined, '33,3%'],
    [1 / 3, 2, '33,33%'],
    [0.125, undefined, '12,5%'],
    [0.5, undefined, '50%'],
    [1, undefined, '100%'],
    [0, undefined, '0%'],
    [0.145, 0, '15%'],
    [0.333, 1, '33,3%'],
    [12.345, 1, '1.234,5%'],
  ])('%d (%j decimals) → %j', (n, d, expected) => {
    expect(formatPercent(n, d)).toBe(expected);
  });
});

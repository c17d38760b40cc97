import { runInNewContext } from 'node:vm';
import {
  cellText,
  DELEGATE_KIND_LABELS,
  GENDER_LABELS,
  isBlank,
  isDate,
  isErrorValue,
  parseDelegateKind,
  parseGender,
  parseTaskStatus,
  parseYesNo,
  TASK_STATUS_LABELS,
} from '../../src/domain/values';

const NFD = (s: string) => s.normalize('NFD');

describe('isDate', () => {
  it('recognises Dates from this and other realms, and nothing else', () => {
    expect(isDate(new Date())).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate(new Date(Number.NaN))).toBe(true);
    expect(isDate('2024-01-12')).toBe(false);
    expect(isDate(45303)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('isBlank', () => {
  it.each<[unknown, boolean]>([
    ['', true],
    ['   ', true],
    ['\u00A0', true],
    ['\t\n', true],
    ['\u200B', true],
    [null, true],
    [undefined, true],
    [0, false],
    [false, false],
    ['0', false],
    [' x ', false],
    [new Date(0), false],
  ])('%j → %j', (v, expected) => {
    expect(isBlank(v)).toBe(expected);
  });
});

describe('cellText', () => {
  it.each<[unknown, string]>([
    ['  Lạng Sơn  ', 'Lạng Sơn'],
    [NFD('Lạng Sơn'), 'Lạng Sơn'],
    ['\u00A0Tày\u200B', 'Tày'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [1234567, '1234567'],
    [12.5, '12.5'],
    [0, '0'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date('2024-01-11T17:00:00Z'), '12/01/2024'],
    [new Date(Number.NaN), ''],
  ])('%j → %j', (v, expected) => {
    expect(cellText(v)).toBe(expected);
  });
  it('keeps inner spacing', () => {
    expect(cellText(' a  b ')).toBe('a  b');
  });
});

describe('isErrorValue', () => {
  it.each(['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'])('%s', (code) => {
    expect(isErrorValue(code)).toBe(code);
    expect(isErrorValue(` ${code} `)).toBe(code);
  });
  it.each<unknown>(['', 'REF', '#REF', '# REF!', 'Lỗi #REF!', 0, null, true, new Date(0)])('%j → null', (v) => {
    expect(isErrorValue(v)).toBeNull();
  });
});

describe('parseGender', () => {
  it.each<[unknown, 'male' | 'female']>([
    ['Nam', 'male'],
    ['nam', 'male'],
    ['NAM', 'male'],
    [' Nam ', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Male', 'male'],
    ['Nữ', 'female'],
    ['nữ', 'female'],
    ['NỮ', 'female'],
    [NFD('Nữ'), 'female'],
    ['nu', 'female'],
    ['Nu', 'female'],
    ['F', 'female'],
    ['female', 'female'],
  ])('%j → %s', (v, expected) => {
    expect(parseGender(v)).toEqual({ ok: true, value: expected });
  });
  it.each(['', '  ', null])('blank %j → null', (v) => {
    expect(parseGender(v)).toEqual({ ok: true, value: null });
  });
  it.each<[unknown, string]>([
    ['1', 'Không nhận ra giới tính "1" (ghi "Nam", "Nữ")'],
    ['0', 'Không nhận ra giới tính "0" (ghi "Nam", "Nữ")'],
    [1, 'Không nhận ra giới tính "1" (ghi "Nam", "Nữ")'],
    [0, 'Không nhận ra giới tính "0" (ghi "Nam", "Nữ")'],
    ['x', 'Không nhận ra giới tính "x" (ghi "Nam", "Nữ")'],
    [true, 'Không nhận ra giới tính "TRUE" (ghi "Nam", "Nữ")'],
    ['Nam/Nữ', 'Không nhận ra giới tính "Nam/Nữ" (ghi "Nam", "Nữ")'],
    ['#N/A', 'Ô đang báo lỗi #N/A'],
    [new Date(0), 'Ô chứa ngày tháng, không phải giới tính'],
  ])('%j is an error', (v, error) => {
    expect(parseGender(v)).toEqual({ ok: false, error });
  });
});

describe('parseDelegateKind', () => {
  it.each<[unknown, string]>([
    ['Chính thức', 'official'],
    ['chính thức', 'official'],
    ['chinh thuc', 'official'],
    ['CHÍNH THỨC', 'official'],
    [NFD('Chính thức'), 'official'],
    ['CT', 'official'],
    ['ct', 'official'],
    ['Đương nhiên', 'ex-officio'],
    ['duong nhien', 'ex-officio'],
    ['ĐN', 'ex-officio'],
    ['DN', 'ex-officio'],
    ['Khách mời', 'guest'],
    ['khach moi', 'guest'],
    ['KM', 'guest'],
    ['Khách  mời', 'guest'],
  ])('%j → %s', (v, expected) => {
    expect(parseDelegateKind(v)).toEqual({ ok: true, value: expected });
  });
  it('blank → null; unknown → error', () => {
    expect(parseDelegateKind('')).toEqual({ ok: true, value: null });
    expect(parseDelegateKind('Dự khuyết')).toEqual({
      ok: false,
      error: 'Không nhận ra loại đại biểu "Dự khuyết" (ghi "Chính thức", "Đương nhiên", "Khách mời")',
    });
  });
});

describe('parseTaskStatus', () => {
  it.each<[unknown, string]>([
    ['Chưa thực hiện', 'not-started'],
    ['chua thuc hien', 'not-started'],
    ['Đang thực hiện', 'in-progress'],
    ['đang thực hiện', 'in-progress'],
    ['Quá hạn', 'in-progress'],
    ['Sắp đến hạn', 'in-progress'],
    ['Hoàn thành', 'done'],
    ['hoan thanh', 'done'],
    [NFD('Hoàn thành'), 'done'],
    ['Đã hoàn thành', 'done'],
    ['Xong', 'done'],
    ['Hủy', 'cancelled'],
    ['Huỷ', 'cancelled'],
    ['huy', 'cancelled'],
    ['Đã hủy', 'cancelled'],
    ['Đã huỷ', 'cancelled'],
  ])('%j → %s', (v, expected) => {
    expect(parseTaskStatus(v)).toEqual({ ok: true, value: expected });
  });
  it('blank → null; unknown → error', () => {
    expect(parseTaskStatus(' ')).toEqual({ ok: true, value: null });
    expect(parseTaskStatus('50%')).toEqual({
      ok: false,
      error: 'Không nhận ra trạng thái "50%" (ghi "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Hủy")',
    });
  });
});

describe('parseYesNo', () => {
  it.each<[unknown, boolean]>([
    ['Có', true],
    ['có', true],
    ['co', true],
    [NFD('Có'), true],
    ['x', true],
    ['X', true],
    ['✓', true],
    ['Đã', true],
    ['đã', true],
    [true, true],
    ['TRUE', true],
    ['Không', false],
    ['không', false],
    ['khong', false],
    ['Chưa', false],
    [false, false],
    ['FALSE', false],
  ])('%j → %j', (v, expected) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: expected });
  });
  it.each(['', null, undefined])('blank %j → null', (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: null });
  });
  it.each<unknown>([1, 0, '1', 'có thể', 'Hoàn thành'])('%j is an error', (v) => {
    expect(parseYesNo(v)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Không nhận ra ".+" \(ghi "Có" hoặc "Không"\)$/),
    });
  });
});

describe('labels', () => {
  it('are the Vietnamese dropdown texts, and each parses back to its value', () => {
    expect(Object.values(GENDER_LABELS)).toEqual(['Nam', 'Nữ']);
    expect(Object.values(DELEGATE_KIND_LABELS)).toEqual(['Chính thức', 'Đương nhiên', 'Khách mời']);
    expect(Object.values(TASK_STATUS_LABELS)).toEqual(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Hủy']);
    for (const [value, label] of Object.entries(GENDER_LABELS)) expect(parseGender(label)).toEqual({ ok: true, value });
    for (const [value, label] of Object.entries(DELEGATE_KIND_LABELS)) {
      expect(parseDelegateKind(label)).toEqual({ ok: true, value });
    }
    for (const [value, label] of Object.entries(TASK_STATUS_LABELS)) {
      expect(parseTaskStatus(label)).toEqual({ ok: true, value });
    }
  });
});

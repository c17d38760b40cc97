import {
  canonicalTones,
  foldCompact,
  foldKey,
  headerKey,
  nfc,
  personNameKey,
  sameText,
  stripDiacritics,
  truncate,
} from '../../src/domain/text';

const NFD = (s: string) => s.normalize('NFD');

describe('nfc', () => {
  it('composes decomposed Vietnamese text', () => {
    const d = NFD('Nguyễn Thị Hằng');
    expect(d).not.toBe('Nguyễn Thị Hằng');
    expect(nfc(d)).toBe('Nguyễn Thị Hằng');
  });
});

describe('canonicalTones', () => {
  it.each([
    ['Hòa', 'Hoà'],
    ['Hủy', 'Huỷ'],
    ['khỏe', 'khoẻ'],
    ['Thúy', 'Thuý'],
    ['THỦY', 'THUỶ'],
  ])('%s and %s give the same text', (a, b) => {
    expect(canonicalTones(a)).toBe(canonicalTones(b));
    expect(canonicalTones(NFD(a))).toBe(canonicalTones(b));
  });
  it('leaves closed syllables and other words alone', () => {
    expect(canonicalTones('Hoàng Văn Toán')).toBe('Hoàng Văn Toán');
    expect(canonicalTones('quý')).toBe('quý');
    expect(canonicalTones('Đắk Lắk')).toBe('Đắk Lắk');
  });
});

describe('foldKey', () => {
  it.each([
    ["H'Mông", 'hmông'],
    ['H’Mông', 'hmông'],
    ['Hmông', 'hmông'],
    ['HMÔNG', 'hmông'],
    ['H Mông', 'h mông'],
    ['Ê-đê', 'ê đê'],
    ['Ê Đê', 'ê đê'],
    ['Êđê', 'êđê'],
    ['  Đắk\u00A0\u00A0Lắk \t', 'đắk lắk'],
    ['Lễ tân – Hậu cần', 'lễ tân hậu cần'],
    ['Lễ tân-Hậu cần', 'lễ tân hậu cần'],
    ['Mô\u200Bng', 'mông'],
    ['\uFEFFTày', 'tày'],
    ['T.P Lạng Sơn', 'tp lạng sơn'],
    ['1.234', '1.234'],
    ['Dòng 1\nDòng 2', 'dòng 1 dòng 2'],
    ['ĐẠI HỘI', 'đại hội'],
    ['\u00D0ắk L\u1EAFk', 'đắk lắk'],
    ['Hòa Bình', 'hoà bình'],
    ['Hoà Bình', 'hoà bình'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });
  it('is the same for NFC and NFD input', () => {
    expect(foldKey(NFD('Xơ Đăng'))).toBe(foldKey('Xơ Đăng'));
    expect(foldKey(NFD('Xơ Đăng'))).toBe('xơ đăng');
  });
});

describe('foldCompact', () => {
  it.each([
    ['Ê Đê', 'êđê'],
    ['Ê-đê', 'êđê'],
    ['Êđê', 'êđê'],
    ['ê đê', 'êđê'],
    ["H'Mông", 'hmông'],
    ['H Mông', 'hmông'],
    ["K'Ho", 'kho'],
    ['Giẻ – Triêng', 'giẻtriêng'],
  ])('%j → %j', (input, expected) => {
    expect(foldCompact(input)).toBe(expected);
    expect(foldCompact(NFD(input))).toBe(expected);
  });
});

describe('stripDiacritics', () => {
  it.each([
    ['Đắk Lắk', 'Dak Lak'],
    ['Mông', 'Mong'],
    ['Nguyễn Thị Hằng', 'Nguyen Thi Hang'],
    ['ĐƯỜNG', 'DUONG'],
    ['Ơ Đu', 'O Du'],
    ['\u00D0\u00F0', 'Dd'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(stripDiacritics(input)).toBe(expected);
    expect(stripDiacritics(NFD(input))).toBe(expected);
  });
});

describe('headerKey', () => {
  it.each([
    ['Họ và tên', 'họ và tên'],
    ['Họ và tên:', 'họ và tên'],
    ['Họ và tên *', 'họ và tên'],
    ['  Họ  và\ntên (*): ', 'họ và tên'],
    ['Điện thoại (*)', 'điện thoại'],
    ['Đảng viên (x)', 'đảng viên (x)'],
    ['DÂN TỘC*:', 'dân tộc'],
    ['Ngày sinh (dd/mm/yyyy)', 'ngày sinh (dd/mm/yyyy)'],
    [NFD('Giới tính'), 'giới tính'],
  ])('%j → %j', (input, expected) => {
    expect(headerKey(input)).toBe(expected);
  });
});

describe('sameText', () => {
  it('ignores case, spacing, NFD and tone placement', () => {
    expect(sameText('Thành phố Lạng Sơn', ' thành  phố LẠNG SƠN ')).toBe(true);
    expect(sameText(NFD('Hòa Bình'), 'Hoà Bình')).toBe(true);
    expect(sameText('Ê-đê', 'Ê Đê')).toBe(true);
  });
  it('keeps diacritics', () => {
    expect(sameText('Hà', 'Hạ')).toBe(false);
    expect(sameText('Mông', 'Mong')).toBe(false);
  });
});

describe('personNameKey', () => {
  it('normalises typing but keeps tone marks', () => {
    expect(personNameKey('  Nguyễn  Văn   Hòa ')).toBe('nguyễn văn hoà');
    expect(personNameKey(NFD('NGUYỄN VĂN HOÀ'))).toBe('nguyễn văn hoà');
    expect(personNameKey('Lò Thị Hà')).not.toBe(personNameKey('Lò Thị Hạ'));
    expect(personNameKey("H'Hen Niê")).toBe(personNameKey('H’Hen Niê'));
  });
});

describe('truncate', () => {
  it.each([
    ['Hội nghị', 20, 'Hội nghị'],
    ['Hội nghị', 8, 'Hội nghị'],
    ['Hội nghị', 7, 'Hội ng…'],
    ['Hội nghị', 5, 'Hội…'],
    ['abcdef', 4, 'abc…'],
    ['abcdef', 1, '…'],
    ['abcdef', 0, ''],
    ['a😀b😀c', 4, 'a😀b…'],
  ])('%j, %d → %j', (input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });
  it('never leaves a combining mark without its letter', () => {
    const d = NFD('Mông'); // M o ̂ n g
    expect(truncate(d, 3)).toBe('M…');
  });
});

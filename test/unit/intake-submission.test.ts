/**
 * Reading a unit's returned list (parseSubmission): messy files as units send them, with the exact
 * problems an officer reads (the file's own row numbers), and the pairing with the sheet's rows.
 */
import { pairRows, type SheetRow } from '../../src/domain/intake/compare';
import { formColumns, formFileName } from '../../src/domain/intake/form';
import { MAX_CELL_CHARS, parseSubmission } from '../../src/domain/intake/submission';
import { ProblemList } from '../../src/domain/problem';
import { readUnits, UnitIndex } from '../../src/domain/records';
import type { SubmissionCell } from '../../src/rpc/contract';

const units = readUnits(
  [
    ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Dân số DTTS'],
    ['ET', 'Ea Tân', 10000, 8000],
    ['KB', 'Krông Búk', 12000, 9000],
    ['06100', 'Phường Đông Kinh', 20000, 5000],
  ],
  new ProblemList(),
);
const index = new UnitIndex(units);
const eaTan = units[0]!;

const parse = (table: SubmissionCell[][]) => parseSubmission(table, eaTan, index, 420);
const messages = (table: SubmissionCell[][]) => parse(table).problems.map((p) => `${p.severity}|${p.message}`);

describe('parseSubmission', () => {
  test('title rows, shuffled and extra columns, NFD headers and values, blank rows, a variant ethnic name', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const table: SubmissionCell[][] = [
      ['DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI', null, null],
      ['Xã Ea Tân', null, null],
      [],
      [nfd('Năm sinh'), 'Số CCCD', nfd('Họ tên'), 'Dân tộc', 'Loại đại biểu', 'Giới tính'],
      [1985, '012345678901', nfd('Y Bhin Niê'), 'Ê Đê', 'CT', 'nam'],
      [null, null, null, null, null, null],
      ['1.990', '', 'H Hen Mlô', 'ede', 'Chính thức', 'Nữ'],
      ['1970', '', 'Nguyễn Văn Ba', "H'Mông", 'chinh thuc', 'Nam'],
    ];
    const p = parse(table);
    expect(p.headerRow).toBe(4);
    expect(p.columns).toEqual([
      { header: 'Năm sinh', key: 'birthYear' },
      { header: 'Số CCCD', key: null },
      { header: 'Họ tên', key: 'name' },
      { header: 'Dân tộc', key: 'ethnic' },
      { header: 'Loại đại biểu', key: 'kind' },
      { header: 'Giới tính', key: 'gender' },
    ]);
    expect(
      p.rows.map((r) => [
        r.sourceRow,
        ...['name', 'ethnic', 'birthYear', 'kind', 'gender'].map((k) => r.cells[k]?.display),
      ]),
    ).toEqual([
      [5, 'Y Bhin Niê', 'Ê-đê', '1985', 'Chính thức', 'Nam'],
      [7, 'H Hen Mlô', 'Ê-đê', '1990', 'Chính thức', 'Nữ'],
      [8, 'Nguyễn Văn Ba', 'Mông', '1970', 'Chính thức', 'Nam'],
    ]);
    // Values come out NFC whatever the file's form.
    expect(p.rows[0]?.cells.name?.display).toBe('Y Bhin Niê'.normalize('NFC'));
    expect(p.problems.map((x) => `${x.severity}|${x.sourceRow}|${x.column}|${x.message}`)).toEqual([
      'warning|null|Số CCCD|Cột "Số CCCD" không có trong mẫu danh sách, nội dung cột này không được nhận.',
      'warning|7|Dân tộc|Dòng 7: Dân tộc: "ede" được hiểu là dân tộc Ê-đê (ghi không dấu).',
    ]);
    expect(p.blocked).toBe(false);
  });

  test('rows for another unit are reported and left out; rows naming the chosen unit or none are taken', () => {
    const p = parse([
      ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Loại đại biểu', 'Năm sinh'],
      ['A Một', '', 'Ê-đê', 'Chính thức', 1980],
      ['A Hai', 'KB', 'Ê-đê', 'Chính thức', 1981],
      ['A Ba', 'Xã Ea Tân', 'Ê-đê', 'Chính thức', 1982],
      ['A Bốn', 'ET', 'Ê-đê', 'Chính thức', 1983],
      ['A Năm', 'Xã Không Có', 'Ê-đê', 'Chính thức', 1984],
    ]);
    expect(p.rows.map((r) => r.sourceRow)).toEqual([2, 4, 5]);
    expect(p.otherUnitRows).toEqual([
      { sourceRow: 3, unit: 'KB' },
      { sourceRow: 6, unit: 'Xã Không Có' },
    ]);
    expect(p.problems.map((x) => x.message)).toEqual([
      'Dòng 3: đại biểu "A Hai" ghi đơn vị "KB", không phải Ea Tân; dòng này không được nhận.',
      'Dòng 6: đại biểu "A Năm" ghi đơn vị "Xã Không Có", không phải Ea Tân; dòng này không được nhận.',
    ]);
  });

  test('an empty file, a file without a header, a header only, no row for the unit: blocked with one clear message', () => {
    expect(messages([])).toEqual(['error|Tệp không có dữ liệu (trống): hãy chọn đúng tệp danh sách đơn vị gửi về.']);
    expect(messages([[null, ''], ['  ']])).toEqual([
      'error|Tệp không có dữ liệu (trống): hãy chọn đúng tệp danh sách đơn vị gửi về.',
    ]);
    expect(
      messages([
        ['Tên', 'Tuổi'],
        ['A', 3],
      ]),
    ).toEqual([
      'error|Không tìm thấy dòng tiêu đề của danh sách trong 10 dòng đầu của tệp (cần ít nhất cột "Họ và tên"); hãy dùng mẫu danh sách đã gửi cho đơn vị.',
    ]);
    expect(messages([['DANH SÁCH'], ['STT', 'Họ và tên', 'Dân tộc']])).toEqual([
      'error|Tệp chỉ có dòng tiêu đề (dòng 2), chưa có đại biểu nào ở các dòng dưới; hãy kiểm tra lại tệp đơn vị gửi về.',
    ]);
    const other = parse([
      ['Họ và tên', 'Mã đơn vị'],
      ['A Hai', 'KB'],
    ]);
    expect(other.blocked).toBe(true);
    expect(other.problems.map((x) => x.message)).toEqual([
      'Dòng 2: đại biểu "A Hai" ghi đơn vị "KB", không phải Ea Tân; dòng này không được nhận.',
      'Tệp không có dòng đại biểu nào của Ea Tân: không có gì để nhận (các dòng của đơn vị khác không được nhận).',
    ]);
    for (const t of [[], [['Tên']], [['Họ và tên']]] as SubmissionCell[][][]) expect(parse(t).blocked).toBe(true);
  });

  test('the header is looked for in the first 10 rows only', () => {
    const rows: SubmissionCell[][] = Array.from({ length: 10 }, (_, i) => [`Tiêu đề ${i + 1}`]);
    expect(parse([...rows, ['Họ và tên'], ['A']]).blocked).toBe(true);
    expect(parse([...rows.slice(1), ['Họ và tên'], ['A']]).headerRow).toBe(10);
  });

  test('text stays as typed: a leading zero, a formula-looking name, a date-looking note; a 10,000-character cell is refused', () => {
    const p = parse([
      ['Họ và tên', 'Ghi chú', 'Chức vụ, nơi công tác'],
      ['=HYPERLINK("http://x";"Y Bhin")', '0912345678', '1/5'],
      ['x'.repeat(10_000), '', ''],
      ['', 'ghi chú không có tên', ''],
    ]);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]?.cells.name).toEqual({
      display: '=HYPERLINK("http://x";"Y Bhin")',
      value: '=HYPERLINK("http://x";"Y Bhin")',
    });
    expect(p.rows[0]?.cells.note?.value).toBe('0912345678');
    expect(p.rows[0]?.cells.position?.value).toBe('1/5');
    expect(p.problems.map((x) => x.message)).toEqual([
      'Tệp không có cột "Dân tộc": các đại biểu được nhận với ô "Dân tộc" để trống.',
      'Tệp không có cột "Năm sinh": các đại biểu được nhận với ô "Năm sinh" để trống.',
      'Tệp không có cột "Loại đại biểu": các đại biểu được nhận với ô "Loại đại biểu" để trống.',
      `Dòng 3: ô "Họ và tên" dài 10.000 ký tự (tối đa ${MAX_CELL_CHARS.toLocaleString('de-DE')}); dòng này không được nhận.`,
      'Dòng 4: thiếu "Họ và tên"; dòng này không được nhận.',
    ]);
  });

  test('data problems are warnings with the row: a birth year that is no year, a missing kind, a duplicate', () => {
    const p = parse([
      ['Họ và tên', 'Năm sinh', 'Loại đại biểu', 'Dân tộc'],
      ['A Một', '19x5', 'Chính thức', 'Ê-đê'],
      ['A Hai', 1980, '', 'Ê-đê'],
      ['a  hai', '1980', 'Khách mời', 'Ê-đê'],
      ['Tổng cộng: 3 đại biểu', '', '', ''],
    ]);
    expect(p.rows).toHaveLength(3);
    expect(p.rows[0]?.cells.birthYear).toEqual({
      display: '19x5',
      value: '19x5',
      problem: 'Năm sinh: "19x5" không phải là năm hợp lệ; giữ nguyên như tệp ghi.',
    });
    expect(p.problems.map((x) => x.message)).toEqual([
      'Dòng 2: Năm sinh: "19x5" không phải là năm hợp lệ; giữ nguyên như tệp ghi.',
      'Dòng 3: thiếu "Loại đại biểu".',
      'Dòng 4: trùng họ tên và năm sinh với dòng 3.',
    ]);
    expect(p.problems.every((x) => x.severity === 'warning')).toBe(true);
  });
});

describe('the signature block under the list', () => {
  test('"Người lập biểu", the date line and the signers’ names are not delegates; a delegate row above is', () => {
    const p = parse([
      ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu'],
      ['Y Một', 'Ê-đê', 1980, 'Chính thức'],
      [],
      ['', '', 'Ea Tân, ngày 05 tháng 3 năm 2029', ''],
      ['Người lập biểu', '', 'TM. UBND XÃ', ''],
      ['', '', 'CHỦ TỊCH', ''],
      ['Nguyễn Văn Lập', '', 'Trần Văn Ký', ''],
    ]);
    expect(p.rows.map((r) => r.cells.name?.display)).toEqual(['Y Một']);
    expect(p.problems.map((x) => x.message)).toEqual([
      'Dòng 4: phần ký tên cuối danh sách bắt đầu từ dòng này; các dòng từ đây trở xuống không được nhận.',
    ]);
  });
  test('a delegate whose row carries data is never taken for a signature line', () => {
    const p = parse([
      ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu', 'Chức vụ, nơi công tác'],
      ['Y Hai', 'Ê-đê', 1975, 'Chính thức', 'Chủ tịch Hội Nông dân xã'],
    ]);
    expect(p.rows).toHaveLength(1);
  });
});

describe('pairRows', () => {
  const sheetRow = (sheetRowNo: number, name: string, year: string, position = ''): SheetRow => ({
    sheetRow: sheetRowNo,
    raw: [],
    cells: {
      name: { display: name, value: name },
      birthYear: { display: year, value: Number(year) },
      ...(position && { position: { display: position, value: position } }),
    },
  });
  test('by name and birth year (NFD, case), then by name alone one to one; the rest added or removed', () => {
    const sheet = [
      sheetRow(5, 'Y Bhin Niê', '1985', 'Trưởng thôn'),
      sheetRow(6, 'H Hen', '1990'),
      sheetRow(9, 'A Cũ', '1970'),
    ];
    const p = parse([
      ['Họ và tên', 'Năm sinh', 'Chức vụ, nơi công tác'],
      ['y bhin niê'.normalize('NFD'), 1985, 'Trưởng thôn'],
      ['H Hen', 1991, ''],
      ['A Mới', 1999, ''],
    ]);
    const pairing = pairRows(sheet, p.rows, p.keys);
    expect(pairing.matched.map((m) => [m.sheet.sheetRow, m.submitted.sourceRow, m.keys])).toEqual([
      [5, 2, ['name']],
      [6, 3, ['birthYear']],
    ]);
    expect(pairing.added.map((r) => r.sourceRow)).toEqual([4]);
    expect(pairing.removed.map((r) => r.sheetRow)).toEqual([9]);
  });
});

describe('intake form', () => {
  test('columns: every template column of Đại biểu but the unit and the provenance, with the sheets’ dropdown lists', () => {
    const cols = formColumns();
    expect(cols.map((c) => c.key)).not.toContain('unit');
    expect(cols.map((c) => c.key)).not.toContain('source');
    expect(cols.map((c) => c.key)).not.toContain('receivedOn');
    expect(cols.find((c) => c.key === 'name')).toMatchObject({ header: 'Họ và tên', required: true, kind: 'text' });
    expect(cols.find((c) => c.key === 'gender')?.choices).toEqual(['Nam', 'Nữ']);
    expect(cols.find((c) => c.key === 'kind')?.choices).toEqual(['Chính thức', 'Đương nhiên', 'Khách mời']);
    expect(cols.find((c) => c.key === 'ethnic')?.choices).toHaveLength(54);
    expect(cols.find((c) => c.key === 'birthYear')?.kind).toBe('year');
  });
  test('file name: no character Windows refuses, NFC, ends with .xlsx', () => {
    expect(formFileName('Xã Ea Tân')).toBe('Danh sách đại biểu - Xã Ea Tân.xlsx');
    expect(formFileName('A/B: "C"? <D>|*'.normalize('NFD'))).toBe('Danh sách đại biểu - A B C D.xlsx');
    expect(formFileName('Thị trấn.  ')).toBe('Danh sách đại biểu - Thị trấn.xlsx');
  });
});

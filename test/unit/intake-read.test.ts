/**
 * The intake dialog's readers (src/intake/read.ts), in Node with the same exceljs and papaparse the
 * dialog inlines: row i of the table is row i + 1 of the file; numbers stay numbers, dates become
 * dd/mm/yyyy text, formulas their cached result, rich text its text, a merged title once; CSV with a
 * BOM and semicolons, commas, a Windows-1258 file; pasted tab-separated rows; size and emptiness
 * limits with Vietnamese messages naming the file.
 */
import ExcelJS from 'exceljs';
import { LIMITS, MAX_FILE_BYTES } from '../../src/intake/i18n';
import { cellValue, parseDelimited, readCsv, readFile, readPasted, readXlsx } from '../../src/intake/read';
import { SUBMISSION_LIMITS } from '../../src/rpc/contract';

const bytesOf = (b: ArrayBuffer | Buffer | Uint8Array): ArrayBuffer => {
  const u = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return u.slice().buffer;
};

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return bytesOf((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readXlsx', () => {
  test('values: numbers, text, dates, formulas, rich text, links, errors; blank rows kept; merged title once', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = 'DANH SÁCH ĐẠI BIỂU HUYỆN LỘC BÌNH';
      // row 2 blank
      ws.getRow(3).values = ['Họ và tên', 'Năm sinh', 'Ngày sinh', 'Điện thoại'];
      ws.getCell('A4').value = { richText: [{ text: 'Hoàng ' }, { font: { bold: true }, text: 'Văn Á' }] };
      ws.getCell('B4').value = 1980;
      ws.getCell('C4').value = new Date(Date.UTC(1980, 2, 5));
      ws.getCell('D4').value = '0912345678';
      ws.getCell('A5').value = { formula: 'UPPER("lò thị b")', result: 'LÒ THỊ B' };
      ws.getCell('B5').value = { formula: '1990+1', result: 1991 };
      ws.getCell('C5').value = { text: 'mail', hyperlink: 'mailto:x@y.vn' };
      ws.getCell('D5').value = { error: '#N/A' };
      // row 6 blank, row 7 a last row
      ws.getCell('A7').value = 'Nông Văn C';
    });
    const r = await readXlsx(ExcelJS, bytes, 'lb.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.table).toEqual([
      ['DANH SÁCH ĐẠI BIỂU HUYỆN LỘC BÌNH'],
      [],
      ['Họ và tên', 'Năm sinh', 'Ngày sinh', 'Điện thoại'],
      ['Hoàng Văn Á', 1980, '05/03/1980', '0912345678'],
      ['LÒ THỊ B', 1991, 'mail'],
      [],
      ['Nông Văn C'],
    ]);
    expect(r.note).toBe('Đã đọc trang tính "Danh sách" (7 dòng).');
  });

  test('the first visible sheet is read (a hidden list sheet before it is skipped)', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Danh mục', { state: 'hidden' }).getCell('A1').value = 'Tày';
      wb.addWorksheet('Đại biểu').getCell('A1').value = 'Họ và tên';
      wb.addWorksheet('Khác').getCell('A1').value = 'x';
    });
    const r = await readXlsx(ExcelJS, bytes, 'x.xlsx');
    expect(r).toMatchObject({ ok: true, table: [['Họ và tên']] });
  });

  test('an empty workbook, a file that is not xlsx: Vietnamese messages naming the file', async () => {
    const empty = await xlsx((wb) => {
      wb.addWorksheet('Trống');
    });
    expect(await readXlsx(ExcelJS, empty, 'trong.xlsx')).toEqual({
      ok: false,
      message: 'Tệp "trong.xlsx" không có dữ liệu.',
    });
    const junk = bytesOf(Buffer.from('not a zip at all'));
    const r = await readXlsx(ExcelJS, junk, 'hong.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Không đọc được tệp "hong.xlsx"');
  });

  test('text is read in NFC: a name typed decomposed (NFD) comes back composed', async () => {
    const nfd = 'Lương Văn Đức'.normalize('NFD');
    expect(cellValue(nfd)).toBe('Lương Văn Đức');
    expect(cellValue({ richText: [{ text: nfd }] })).toBe('Lương Văn Đức');
    expect(parseDelimited(`${nfd};x\n`)).toEqual([['Lương Văn Đức', 'x']]);
    expect(cellValue(nfd)).not.toBe(nfd);
  });

  test('cellValue: a date before 1970 and a formula without a cached result', () => {
    expect(cellValue(new Date(Date.UTC(1955, 11, 31)))).toBe('31/12/1955');
    expect(cellValue({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(cellValue(null)).toBeNull();
  });
});

describe('CSV and pasted rows', () => {
  test('UTF-8 with BOM and semicolons; quoted separators and line breaks; text stays text', () => {
    const text = '\uFEFFHọ và tên;Năm sinh;Điện thoại\r\n"Lý Thị; Dung";1985;0912000111\r\n\r\n"Vi Văn\nE";;\r\n';
    const r = readCsv(bytesOf(Buffer.from(text, 'utf8')), 'ds.csv');
    expect(r).toEqual({
      ok: true,
      table: [['Họ và tên', 'Năm sinh', 'Điện thoại'], ['Lý Thị; Dung', '1985', '0912000111'], [], ['Vi Văn\nE']],
      note: 'Đã đọc 4 dòng.',
    });
  });

  test('semicolons win over a comma inside a header ("Chức vụ, nơi công tác")', () => {
    expect(parseDelimited('Họ và tên;Chức vụ, nơi công tác;Dân tộc\nA;Bí thư, xã X;Tày\n')).toEqual([
      ['Họ và tên', 'Chức vụ, nơi công tác', 'Dân tộc'],
      ['A', 'Bí thư, xã X', 'Tày'],
    ]);
  });

  test('commas are guessed too', () => {
    expect(parseDelimited('Họ và tên,Dân tộc\nA,Tày\n')).toEqual([
      ['Họ và tên', 'Dân tộc'],
      ['A', 'Tày'],
    ]);
  });

  test('a Windows-1258 file (Excel "CSV" on a Vietnamese Windows) is decoded and said so', () => {
    // "Tày" in Windows-1258: T, à = 0xE0, y.
    const bytes = bytesOf(Buffer.from([0x54, 0xe0, 0x79, 0x3b, 0x31, 0x0d, 0x0a]));
    const r = readCsv(bytes, 'cu.csv');
    if (!r.ok) throw new Error(r.message);
    expect(r.table).toEqual([['Tày', '1']]);
    expect(r.note).toContain('1258');
  });

  test('pasted rows: tabs, an empty paste', () => {
    expect(readPasted('Họ và tên\tDân tộc\r\nA\tNùng\r\n')).toMatchObject({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['A', 'Nùng'],
      ],
    });
    expect(readPasted('  \n\n')).toEqual({ ok: false, message: 'Chưa có dòng nào được dán.' });
  });

  test('the server’s limits, checked before sending: 5,000 rows, 60 columns, 50,000 characters a cell', () => {
    expect(LIMITS).toEqual({
      rows: SUBMISSION_LIMITS.rows,
      columns: SUBMISSION_LIMITS.columns,
      cellChars: SUBMISSION_LIMITS.cellChars,
    });
    const message = 'Tệp "Dữ liệu dán" quá lớn: tối đa 5.000 dòng × 60 cột, mỗi ô tối đa 50.000 ký tự.';
    const wide = (n: number) => Array.from({ length: n }, () => 'x').join('\t');
    expect(readPasted(wide(60)).ok).toBe(true);
    expect(readPasted(wide(61))).toEqual({ ok: false, message: expect.stringContaining(message) });
    expect(readPasted(Array.from({ length: 5000 }, () => 'x').join('\n')).ok).toBe(true);
    expect(readPasted(Array.from({ length: 5001 }, () => 'x').join('\n'))).toEqual({
      ok: false,
      message: expect.stringContaining(message),
    });
    expect(readPasted('y'.repeat(50_001))).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});

describe('readFile', () => {
  const file = (name: string, bytes: ArrayBuffer, size = bytes.byteLength) => ({
    name,
    size,
    arrayBuffer: async () => bytes,
  });

  test('by extension; other types and files too large are refused in Vietnamese', async () => {
    const csv = bytesOf(Buffer.from('Họ và tên\nA\n'));
    expect(await readFile(ExcelJS, file('DS.CSV', csv))).toMatchObject({ ok: true, table: [['Họ và tên'], ['A']] });
    // A text file under .xls (as some programs export "Excel") is read as the CSV it is (attack4-intakeui);
    // other types are refused.
    expect(await readFile(ExcelJS, file('ds.xls', csv))).toMatchObject({ ok: true, table: [['Họ và tên'], ['A']] });
    expect(await readFile(ExcelJS, file('ds.ods', csv))).toEqual({
      ok: false,
      message: expect.stringContaining('chỉ nhận tệp Excel .xlsx hoặc .csv'),
    });
    expect(await readFile(ExcelJS, file('to.xlsx', csv, MAX_FILE_BYTES + 1))).toEqual({
      ok: false,
      message: expect.stringMatching(/^Tệp "to.xlsx" lớn hơn 5 MB/),
    });
  });
});

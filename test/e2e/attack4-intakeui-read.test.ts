/**
 * Attack on the intake dialog's readers (src/intake/read.ts, origin.ts) with files as units and
 * officers really send them, in Node with the exceljs and papaparse the dialog inlines:
 * Excel's "Unicode Text" (UTF-16), a CSV saved under .xlsx, an old .xls / password-protected workbook,
 * a corrupt zip, a sheet of notes added before the list, codes and phones kept by a "00000" format,
 * a stray cell far below the list, pasted names with quotes, the form re-saved with typed values, and
 * the unit a file names (title line, file name) for the A-vs-B check.
 */
import ExcelJS from 'exceljs';
import { buildFormWorkbook, downloadNames, safeFileName } from '../../src/intake/form';
import { fileOrigin } from '../../src/intake/origin';
import { type ChosenFile, decodeCsv, knownHeaders, readFile, readPasted, readXlsx } from '../../src/intake/read';
import type { IntakeForm } from '../../src/rpc/contract';

const bytesOf = (b: ArrayBuffer | Buffer | Uint8Array): ArrayBuffer => {
  const u = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return u.slice().buffer;
};

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return bytesOf((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** exceljs's per-sheet validations (not in its typings). */
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Record<string, unknown>; add(range: string, v: unknown): void } })
    .dataValidations;

const file = (name: string, bytes: ArrayBuffer): ChosenFile => ({
  name,
  size: bytes.byteLength,
  arrayBuffer: async () => bytes,
});

const KNOWN = knownHeaders(['Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Điện thoại', 'Mã đơn vị']);

function form(code: string, name: string): IntakeForm {
  return {
    unit: { code, name },
    province: 'Lạng Sơn',
    unitWord: 'xã, phường',
    round: 'IV',
    year: 2024,
    seats: 5,
    guests: null,
    ethnicGroups: ['Tày', 'Nùng'],
    deadline: '',
    columns: [
      { header: 'Họ và tên', key: 'name', required: true, kind: 'text' },
      { header: 'Dân tộc', key: 'ethnic', required: true, kind: 'text', choices: ['Tày', 'Nùng', 'Kinh'] },
      { header: 'Giới tính', key: 'gender', required: true, kind: 'text', choices: ['Nam', 'Nữ'] },
      { header: 'Năm sinh', key: 'birthYear', required: false, kind: 'year' },
      { header: 'Ngày sinh', key: 'birthDate', required: false, kind: 'date' },
      { header: 'Mã đơn vị', key: 'unit', required: false, kind: 'text' },
      { header: 'Điện thoại', key: 'phone', required: false, kind: 'text' },
    ],
    instructions: ['Điền mỗi đại biểu một dòng.'],
    fileName: `Danh sách đại biểu - ${name}.xlsx`,
  };
}

describe('CSV and text files the way Excel saves them', () => {
  const text = 'Họ và tên\tDân tộc\r\nHoàng Thị Mây\tTày\r\n';
  const expected = [
    ['Họ và tên', 'Dân tộc'],
    ['Hoàng Thị Mây', 'Tày'],
  ];

  test('Excel "Unicode Text" (UTF-16 LE with its mark) is read as text, not as Windows-1258 garbage', () => {
    const bytes = bytesOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = readFile({} as never, file('danh sach.txt', bytes));
    return expect(r).resolves.toEqual({ ok: true, table: expected, note: 'Đã đọc 2 dòng.' });
  });

  test('UTF-16 BE with its mark, and UTF-16 LE without one', () => {
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeCsv(bytesOf(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).text).toBe(text);
    expect(decodeCsv(bytesOf(Buffer.from(text, 'utf16le')))).toEqual({ text, legacy: false });
  });

  test('UTF-8 without a mark and Windows-1258 (decomposed tones) both come out NFC', async () => {
    const utf8 = await readFile(
      {} as never,
      file('a.csv', bytesOf(Buffer.from('Họ và tên;Dân tộc\nLò Văn Đức;Thái\n'))),
    );
    expect(utf8).toMatchObject({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['Lò Văn Đức', 'Thái'],
      ],
    });
    // "Hoàng;Tày" in Windows-1258: "à" is a + combining grave (0xCC).
    const cp1258 = Buffer.from([0x48, 0x6f, 0x61, 0xcc, 0x6e, 0x67, 0x3b, 0x54, 0xe0, 0x79, 0x0d, 0x0a]);
    const r = await readFile({} as never, file('b.csv', bytesOf(cp1258)));
    expect(r).toMatchObject({ ok: true, table: [['Hoàng', 'Tày']] });
  });

  test('"sep=;" on the first line (Excel does not show it) is the separator and is not a row', async () => {
    const bytes = bytesOf(Buffer.from('\uFEFFsep=;\r\nHọ và tên;Dân tộc\r\n"Lò, Văn A";Tày\r\n'));
    expect(await readFile({} as never, file('a.csv', bytes))).toMatchObject({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['Lò, Văn A', 'Tày'],
      ],
    });
  });

  test('a CSV whose Vietnamese letters became "?" (saved on a Windows not set to Vietnamese) is read with a caution', async () => {
    const bytes = bytesOf(
      Buffer.from('Ho va ten,Dan toc\r\nHo?ng Th? M?y,T?y\r\nL? V?n ??c,N?ng\r\nAi?,x\r\n', 'latin1'),
    );
    const r = await readFile({} as never, file('ds.csv', bytes));
    expect(r).toMatchObject({
      ok: true,
      caution:
        'Tệp có 5 ô có dấu "?" xen giữa chữ (dòng 2: "Ho?ng Th? M?y"): tệp CSV có thể đã mất dấu tiếng Việt khi lưu. Hãy đề nghị đơn vị gửi tệp Excel .xlsx, hoặc lưu lại dưới dạng "CSV UTF-8".',
    });
    // A question mark where one belongs ("Ai?") once: no caution.
    const fine = await readFile({} as never, file('b.csv', bytesOf(Buffer.from('Họ và tên;Ghi chú\nLò Văn A;Ai?\n'))));
    expect(fine.ok && 'caution' in fine).toBe(false);
  });

  test('a CSV saved with an .xlsx name is read as the CSV it is, and says so', async () => {
    const bytes = bytesOf(Buffer.from('Họ và tên;Dân tộc\r\nA;Tày\r\n'));
    const r = await readFile(ExcelJS, file('DS xã A.xlsx', bytes), KNOWN);
    expect(r).toEqual({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['A', 'Tày'],
      ],
      note: 'Tệp "DS xã A.xlsx" thực chất là tệp văn bản (CSV), đã đọc như tệp CSV. Đã đọc 2 dòng.',
    });
  });

  test('an old .xls or a workbook with a password to open (OLE) gets a message saying what to do', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const name of ['DS.xls', 'DS có mật khẩu.xlsx']) {
      const r = await readFile(ExcelJS, file(name, ole.slice().buffer));
      expect(r).toEqual({
        ok: false,
        message: `Không đọc được tệp "${name}": tệp Excel cũ (.xls) hoặc tệp có mật khẩu mở. Hãy mở tệp bằng Excel, bỏ mật khẩu (nếu có) và lưu lại dưới dạng .xlsx rồi thử lại.`,
      });
    }
  });

  test('a corrupt zip and an HTML table named .xls are refused naming the file; an empty file too', async () => {
    const good = Buffer.from(
      await xlsx((wb) => {
        wb.addWorksheet('S').getCell('A1').value = 'x';
      }),
    );
    const cut = await readFile(ExcelJS, file('hỏng.xlsx', bytesOf(good.subarray(0, good.length >> 1))));
    expect(cut).toMatchObject({ ok: false, message: expect.stringContaining('"hỏng.xlsx": tệp hỏng') });
    const html = await readFile(
      ExcelJS,
      file('xuat.xls', bytesOf(Buffer.from('<html><table><tr><td>A</td></tr></table>'))),
    );
    expect(html).toMatchObject({ ok: false, message: expect.stringContaining('"xuat.xls"') });
    expect(await readFile(ExcelJS, file('rong.csv', new ArrayBuffer(0)))).toEqual({
      ok: false,
      message: 'Tệp "rong.csv" không có dữ liệu.',
    });
  });
});

describe('workbooks as units re-save them', () => {
  test('a sheet of notes the unit added before the list: the sheet with the form’s headers is read', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Ghi chú').getCell('A1').value = 'Đã gửi lúc 9h';
      const s = wb.addWorksheet('Danh sách');
      s.getRow(3).values = ['Họ và tên *', 'Dân tộc', 'Giới tính'];
      s.getRow(4).values = ['Nông Thị Xuân', 'Tày', 'Nữ'];
    });
    const r = await readXlsx(ExcelJS, bytes, 'd.xlsx', KNOWN);
    expect(r).toEqual({
      ok: true,
      table: [[], [], ['Họ và tên *', 'Dân tộc', 'Giới tính'], ['Nông Thị Xuân', 'Tày', 'Nữ']],
      note: 'Đã đọc trang tính "Danh sách" (4 dòng).',
    });
  });

  test('two sheets with the list’s headers: the one with more is read, the other named to the officer', async () => {
    const bytes = await xlsx((wb) => {
      const old = wb.addWorksheet('Bản cũ');
      old.getRow(1).values = ['Họ và tên', 'Dân tộc'];
      const s = wb.addWorksheet('Bản sửa');
      s.getRow(1).values = ['Họ và tên', 'Dân tộc', 'Giới tính'];
      s.getRow(2).values = ['A', 'Tày', 'Nam'];
    });
    expect(await readXlsx(ExcelJS, bytes, 'd.xlsx', KNOWN)).toMatchObject({
      ok: true,
      note: 'Đã đọc trang tính "Bản sửa" (2 dòng).',
      caution: 'Đã đọc trang tính "Bản sửa"; trang "Bản cũ" cũng có dòng tiêu đề danh sách nhưng không được đọc.',
    });
  });

  test('a number shown through "00000" / "0000000000" comes back as the text shown (code 06100, phone 0912…)', async () => {
    const bytes = await xlsx((wb) => {
      const s = wb.addWorksheet('S');
      s.getRow(1).values = ['Họ và tên', 'Mã đơn vị', 'Điện thoại', 'Năm sinh'];
      s.getRow(2).values = ['A', 6100, 912345678, 1980];
      s.getCell('B2').numFmt = '00000';
      s.getCell('C2').numFmt = '0000000000';
    });
    const r = await readXlsx(ExcelJS, bytes, 'd.xlsx', KNOWN);
    expect(r).toMatchObject({ ok: true, table: [expect.anything(), ['A', '06100', '0912345678', 1980]] });
  });

  test('dropdowns a unit applied to whole columns are not built cell by cell (counted: none built)', async () => {
    const bytes = await xlsx((wb) => {
      const s = wb.addWorksheet('S');
      s.getRow(1).values = ['Họ và tên', 'Dân tộc', 'Giới tính'];
      s.getRow(2).values = ['Lò Văn A', 'Tày', 'Nam'];
      validationsOf(s).add('B2:B1048576', { type: 'list', allowBlank: true, formulae: ['"Tày,Nùng"'] });
    });
    let built = -1;
    class Counting extends ExcelJS.Workbook {
      constructor() {
        super();
        const load = this.xlsx.load.bind(this.xlsx);
        this.xlsx.load = async (...args: Parameters<typeof load>) => {
          const wb = await load(...args);
          const sheet = wb.worksheets[0];
          built = sheet ? Object.keys(validationsOf(sheet).model).length : -1;
          return wb;
        };
      }
    }
    const r = await readXlsx({ Workbook: Counting }, bytes, 'cot.xlsx', KNOWN);
    expect(r).toMatchObject({ ok: true, table: [expect.anything(), ['Lò Văn A', 'Tày', 'Nam']] });
    expect(built).toBe(0);
  });

  test('a stray blank cell far below the list costs nothing and is not "too large"', async () => {
    const bytes = await xlsx((wb) => {
      const s = wb.addWorksheet('S');
      s.getRow(1).values = ['Họ và tên', 'Dân tộc'];
      s.getRow(2).values = ['A', 'Tày'];
      s.getCell('T400000').value = ' ';
    });
    const r = await readXlsx(ExcelJS, bytes, 'd.xlsx', KNOWN);
    expect(r).toMatchObject({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['A', 'Tày'],
      ],
    });
  });

  test('the form re-saved with typed values: text in dropdown cells, dates as text, phone with its 0, no list sheet', async () => {
    const f = form('06100', 'Xã "Tân" </script>');
    const wb = buildFormWorkbook(ExcelJS, f);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let header = 0;
    ws.eachRow((row, r) => {
      if (!header && row.getCell(1).value === 'Họ và tên *') header = r;
    });
    expect(header).toBeGreaterThan(0);
    expect(header).toBeLessThanOrEqual(10);
    ws.getRow(header + 1).values = ['Lò Thị B', 'Tày (Thổ)', 'nữ', 1985, '05/03/1985', '06100', '0912345678'];
    ws.getCell(header + 2, 1).value = { formula: 'UPPER("a")', result: 'A' };
    ws.getCell(header + 2, 2).value = { error: '#REF!' };
    const lists = wb.getWorksheet('Danh mục');
    if (lists) wb.removeWorksheet(lists.id);
    const r = await readXlsx(ExcelJS, bytesOf((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'f.xlsx', KNOWN);
    if (!r.ok) throw new Error(r.message);
    expect(r.table[header]).toEqual(['Lò Thị B', 'Tày (Thổ)', 'nữ', 1985, '05/03/1985', '06100', '0912345678']);
    expect(r.table[header + 1]).toEqual(['A']);
    // The title names the unit as the officer typed it.
    expect(r.table.flat()).toContain('Đơn vị (xã, phường): Xã "Tân" </script>');
  });
});

test('rows hidden by a filter and names struck through are read, and the officer is told which', async () => {
  const bytes = await xlsx((wb) => {
    const s = wb.addWorksheet('DS');
    s.getRow(1).values = ['Họ và tên', 'Dân tộc'];
    s.getRow(2).values = ['Lò Văn A', 'Tày'];
    s.getRow(3).values = ['Lò Văn B (dự phòng)', 'Tày'];
    s.getRow(3).hidden = true;
    s.getRow(4).values = ['Lò Thị C', 'Nùng'];
    s.getCell('A4').font = { strike: true };
    s.getCell('A5').value = { richText: [{ text: 'Lò Văn D', font: { strike: true } }] };
    s.getRow(6).values = ['Lò Văn E', 'Tày'];
    s.getRow(7).hidden = true; // a hidden blank row says nothing
  });
  const r = await readXlsx(ExcelJS, bytes, 'loc.xlsx', KNOWN);
  expect(r).toMatchObject({
    ok: true,
    table: [
      ['Họ và tên', 'Dân tộc'],
      ['Lò Văn A', 'Tày'],
      ['Lò Văn B (dự phòng)', 'Tày'],
      ['Lò Thị C', 'Nùng'],
      ['Lò Văn D'],
      ['Lò Văn E', 'Tày'],
    ],
    caution:
      'Tệp có 1 dòng đang bị ẩn (dòng 3): các dòng này vẫn được đọc. Tệp có 2 dòng bị gạch ngang (dòng 4, 5): các dòng này vẫn được đọc. Nếu đó là người đơn vị đã loại, hãy xóa các dòng đó trong tệp (hoặc đề nghị đơn vị gửi lại) rồi chọn lại tệp.',
  });
  const plain = await readXlsx(
    ExcelJS,
    await xlsx((wb) => {
      wb.addWorksheet('DS').getRow(1).values = ['Họ và tên'];
    }),
    'x.xlsx',
  );
  expect(plain.ok && 'caution' in plain).toBe(false);
});

describe('pasted rows', () => {
  test('a name with quotes ("Bé" Hoàng) is kept and the rows after it are not swallowed; Windows line ends, trailing tabs', () => {
    expect(readPasted('Họ và tên\tDân tộc\t\r\n"Bé" Hoàng Văn A\tTày\t\t\r\nLò Văn B\tThái\r\n')).toEqual({
      ok: true,
      table: [
        ['Họ và tên', 'Dân tộc'],
        ['"Bé" Hoàng Văn A', 'Tày'],
        ['Lò Văn B', 'Thái'],
      ],
      note: 'Đã đọc 3 dòng.',
    });
  });

  test('a cell holding a line end comes quoted (quotes doubled) and is one cell; a bare \\r ends a row', () => {
    const r = readPasted('Họ và tên\tChức vụ\nA\t"Bí thư ""chi bộ""\nthôn 3"\rB\tx');
    expect(r).toMatchObject({
      ok: true,
      table: [
        ['Họ và tên', 'Chức vụ'],
        ['A', 'Bí thư "chi bộ"\nthôn 3'],
        ['B', 'x'],
      ],
    });
  });
});

test('a paste of many cells opening a quote that never closes is read as typed, in linear time', () => {
  const rows = Array.from({ length: 4999 }, (_, i) => `"Nguyễn Văn ${i}\tTày`);
  const r = readPasted(`Họ và tên\tDân tộc\n${rows.join('\n')}`);
  expect(r).toMatchObject({ ok: true });
  if (r.ok) {
    expect(r.table).toHaveLength(5000);
    expect(r.table[4999]).toEqual(['"Nguyễn Văn 4998', 'Tày']);
  }
});

test('too large: the message names the sheet and cell, the row, or the count of rows', async () => {
  const bytes = await xlsx((wb) => {
    const s = wb.addWorksheet('DS');
    s.getRow(1).values = ['Họ và tên', 'Dân tộc', 'Ghi chú'];
    s.getCell('C12').value = 'x'.repeat(50_001);
  });
  expect(await readXlsx(ExcelJS, bytes, 'dai.xlsx', KNOWN)).toEqual({
    ok: false,
    message:
      'Tệp "dai.xlsx" quá lớn: tối đa 5.000 dòng × 60 cột, mỗi ô tối đa 50.000 ký tự. Trang tính "DS": ô C12 có 50.001 ký tự. Hãy chỉ giữ lại bảng danh sách đại biểu.',
  });
  const wide = `Họ và tên\n${Array.from({ length: 61 }, () => 'x').join('\t')}`;
  expect(readPasted(wide)).toMatchObject({ ok: false, message: expect.stringContaining(' Dòng 2 có 61 cột. Hãy') });
  const tall = await xlsx((wb) => {
    const s = wb.addWorksheet('DS');
    for (let r = 1; r <= 5003; r++) s.getCell(r, 1).value = `Người ${r}`;
  });
  expect(await readXlsx(ExcelJS, tall, 'dai.xlsx')).toMatchObject({
    ok: false,
    message: expect.stringContaining(' Bảng có 5.003 dòng. Hãy'),
  });
});

describe('the unit a file names', () => {
  const forms = [form('A01', 'Xã Tân Đoàn'), form('A02', 'Xã Tràng Phái')];

  test('by the title line of the form the dialog made (its row), else by the form’s file name (a second copy too)', async () => {
    const wb = buildFormWorkbook(ExcelJS, forms[1] as IntakeForm);
    const r = await readXlsx(ExcelJS, bytesOf((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx', KNOWN);
    if (!r.ok) throw new Error(r.message);
    expect(fileOrigin(r.table, 'x.xlsx', forms)).toEqual({ form: forms[1], row: 3 });
    expect(fileOrigin([['Họ và tên']], 'Danh sách đại biểu - Xã Tân Đoàn (1).xlsx', forms)).toEqual({
      form: forms[0],
      row: null,
    });
    expect(fileOrigin([['Họ và tên']], 'danh sach.csv', forms)).toBeNull();
  });

  test('two units of one name: the file of the one chosen is not said to be the other’s', async () => {
    const twins = [form('X01', 'Xã Tân Lập'), form('X02', 'Xã Tân Lập')];
    const wb = buildFormWorkbook(ExcelJS, twins[1] as IntakeForm);
    const r = await readXlsx(ExcelJS, bytesOf((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx', KNOWN);
    if (!r.ok) throw new Error(r.message);
    expect(fileOrigin(r.table, 'x.xlsx', twins, 'X02')?.form.unit.code).toBe('X02');
    expect(fileOrigin(r.table, 'x.xlsx', twins, 'X01')?.form.unit.code).toBe('X01');
    expect(fileOrigin([['Họ và tên']], 'Danh sách đại biểu - Xã Tân Lập.xlsx', twins, 'X02')?.form.unit.code).toBe(
      'X02',
    );
  });
});

describe('merged cells', () => {
  test('a value merged down over delegates’ rows is each row’s; a title across columns and a two-row header are kept once', async () => {
    const bytes = await xlsx((wb) => {
      const s = wb.addWorksheet('S');
      s.getCell('A1').value = 'DANH SÁCH ĐẠI BIỂU';
      s.mergeCells('A1:C2');
      s.getCell('A3').value = 'Họ và tên';
      s.mergeCells('A3:A4');
      s.getCell('B3').value = 'Dân tộc';
      s.mergeCells('B3:B4');
      s.getCell('C3').value = 'Năm sinh';
      s.getCell('C4').value = 'Nam';
      s.getRow(5).values = ['Lò Văn A', 'Tày', 1980];
      s.getRow(6).values = ['Lò Thị B', null, 1985];
      s.getRow(7).values = ['Lò Văn C', null, 1990];
      s.mergeCells('B5:B7');
    });
    const r = await readXlsx(ExcelJS, bytes, 'm.xlsx', KNOWN);
    expect(r).toMatchObject({
      ok: true,
      table: [
        ['DANH SÁCH ĐẠI BIỂU'],
        [],
        ['Họ và tên', 'Dân tộc', 'Năm sinh'],
        [null, null, 'Nam'],
        ['Lò Văn A', 'Tày', 1980],
        ['Lò Thị B', 'Tày', 1985],
        ['Lò Văn C', 'Tày', 1990],
      ],
    });
  });
});

describe('the name a form downloads under', () => {
  test('safe on Windows: no refused character, no direction mark, no half emoji, no device name, no trailing dot', () => {
    expect(safeFileName('Danh sách đại biểu - Xã Ea Tân.xlsx')).toBe('Danh sách đại biểu - Xã Ea Tân.xlsx');
    expect(safeFileName('Danh sách đại biểu - Xã \u202Egnp.exe.xlsx')).toBe('Danh sách đại biểu - Xã gnp.exe.xlsx');
    expect(safeFileName(`Danh sách - ${'😀'.repeat(3)}\ud83d.xlsx`)).toBe('Danh sách - 😀😀😀.xlsx');
    expect(safeFileName('A/B\\C:D*E?F"G<H>I|J\t.xlsx')).toBe('A B C D E F G H I J.xlsx');
    expect(safeFileName('CON.xlsx')).toBe('Danh sách CON.xlsx');
    expect(safeFileName('Xã A. . .xlsx')).toBe('Xã A.xlsx');
    expect(safeFileName('.xlsx')).toBe('Danh sách.xlsx');
  });

  test('two units of one name download under two names (their codes); other names unchanged', () => {
    const forms = [form('X01', 'Xã Tân Lập'), form('X02', 'Xã Tân Lập'), form('X03', 'Xã Yên Bình')];
    expect(downloadNames(forms)).toEqual([
      'Danh sách đại biểu - Xã Tân Lập (X01).xlsx',
      'Danh sách đại biểu - Xã Tân Lập (X02).xlsx',
      'Danh sách đại biểu - Xã Yên Bình.xlsx',
    ]);
  });
});

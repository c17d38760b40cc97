/**
 * The form the intake dialog builds (src/intake/form.ts), in Node with exceljs: the header stays within
 * the first 10 rows however many instructions there are (the rest go to "Hướng dẫn"); required
 * headers end in " *", which the import's header matching drops; no list sheet when no column has
 * choices; a list of 54 groups (longer than Excel's 255-character inline list) is referenced, not inlined.
 */
import ExcelJS from 'exceljs';
import { headerKey } from '../../src/domain/text';
import { buildFormWorkbook, columnLetter, FORM_ROWS } from '../../src/intake/form';
import type { IntakeForm } from '../../src/rpc/contract';

const form = (over: Partial<IntakeForm> = {}): IntakeForm => ({
  unit: { code: '06100', name: "Xã Ea Tân 'A'" },
  province: 'Đắk Lắk',
  unitWord: 'xã, phường',
  round: 'IV',
  year: 2024,
  seats: 4,
  guests: null,
  ethnicGroups: ['Ê Đê', 'M’Nông'],
  deadline: '',
  columns: [
    { header: 'Họ và tên', key: 'name', required: true, kind: 'text', width: 200 },
    { header: 'Năm sinh', key: 'birthYear', required: false, kind: 'year', width: 80 },
  ],
  instructions: ['Một dòng.'],
  fileName: 'x.xlsx',
  ...over,
});

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 20; r++) if (String(ws.getCell(r, 1).value ?? '').startsWith('Họ và tên')) return r;
  return 0;
}

test('twelve instructions: the header is still in the first 10 rows; every instruction is in "Hướng dẫn"', async () => {
  const instructions = Array.from({ length: 12 }, (_, i) => `Hướng dẫn số ${i + 1}.`);
  const wb = await roundTrip(buildFormWorkbook(ExcelJS, form({ instructions })));
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = headerRowOf(ws);
  expect(header).toBeGreaterThan(0);
  expect(header).toBeLessThanOrEqual(10);
  const guide = wb.getWorksheet('Hướng dẫn');
  expect(guide?.getColumn(1).values.filter(Boolean)).toEqual(instructions);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'Hướng dẫn']);
  // No deadline, no guests: those lines are left out; the title names the province in capitals.
  const top = Array.from({ length: header - 1 }, (_, i) => String(ws.getCell(i + 1, 1).value ?? '')).join('\n');
  expect(top).toContain('TỈNH ĐẮK LẮK');
  expect(top).not.toContain('Hạn gửi');
  expect(top).not.toContain('khách mời');
  expect(top).toContain('Đơn vị (xã, phường): Xã Ea Tân');
});

test('required headers end in " *", which headerKey drops; no list sheet without choices; year columns not text', async () => {
  const wb = await roundTrip(buildFormWorkbook(ExcelJS, form()));
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = headerRowOf(ws);
  const first = String(ws.getCell(header, 1).value);
  expect(first).toBe('Họ và tên *');
  expect(headerKey(first)).toBe(headerKey('Họ và tên'));
  expect(String(ws.getCell(header, 2).value)).toBe('Năm sinh');
  expect(wb.getWorksheet('Danh mục')).toBeUndefined();
  expect(ws.getCell(header + 1, 1).numFmt).toBe('@');
  expect(ws.getCell(header + 1, 2).numFmt).not.toBe('@');
  expect(ws.getCell(header + FORM_ROWS, 1).numFmt).toBe('@');
});

test('54 choices: referenced on the hidden list sheet, in order, the formula quoting the sheet name', async () => {
  const groups = Array.from({ length: 54 }, (_, i) => `Dân tộc thứ ${i + 1}`);
  const wb = await roundTrip(
    buildFormWorkbook(
      ExcelJS,
      form({
        columns: [
          { header: 'Họ và tên', key: 'name', required: true, kind: 'text' },
          { header: 'Dân tộc', key: 'ethnic', required: true, kind: 'text', choices: groups },
        ],
      }),
    ),
  );
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = headerRowOf(ws);
  const v = ws.getCell(header + 1, 2).dataValidation;
  expect(v?.type).toBe('list');
  expect(v?.formulae?.[0]).toBe("'Danh mục'!$A$2:$A$55");
  const lists = wb.getWorksheet('Danh mục');
  expect(lists?.state).toBe('hidden');
  expect(lists?.getColumn(1).values.slice(2)).toEqual(groups);
  expect(columnLetter(27)).toBe('AA');
});

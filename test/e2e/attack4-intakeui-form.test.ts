/**
 * Attack on the form the intake dialog makes (src/intake/form.ts) with the real build/Code.js on the
 * runtime: a unit adds two lines above the table ("Kính gửi: …" and its letterhead), as units do; the
 * list must still be found by importSubmission (which looks for the header in the first 10 rows).
 * Before, the header sat on row 10 of a Lạng Sơn form and one added line made the file unreadable.
 */
import ExcelJS from 'exceljs';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { buildFormWorkbook, LAST_HEADER_ROW } from '../../src/intake/form';
import { knownHeaders, readXlsx } from '../../src/intake/read';
import type { IntakeForm, IntakeFormsDto, SubmissionDto } from '../../src/rpc/contract';

const NOW = '2024-01-14T09:00:00+07:00';

function headerRowOf(ws: ExcelJS.Worksheet, form: IntakeForm): number {
  for (let r = 1; r <= 12; r++)
    if (String(ws.getCell(r, 1).value ?? '').startsWith(form.columns[0]?.header ?? '?')) return r;
  return 0;
}

test('every Lạng Sơn form: header within row 8; two lines added above it, the list is still read and previewed', async () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const dto = runBundle(runtime, 'getIntakeForms', [{}]).result as IntakeFormsDto;
  if (!dto.ok) throw new Error(dto.message);
  const form = dto.forms[0] as IntakeForm;
  const wb = buildFormWorkbook(ExcelJS, form);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = headerRowOf(ws, form);
  expect(header).toBeGreaterThan(0);
  expect(header).toBeLessThanOrEqual(LAST_HEADER_ROW);
  const col = (key: string) => form.columns.findIndex((c) => c.key === key) + 1;
  const choice = (key: string) => form.columns.find((c) => c.key === key)?.choices?.[0] ?? '';
  ws.getCell(header + 1, col('name')).value = 'Hoàng Thị Mây';
  ws.getCell(header + 1, col('ethnic')).value = form.ethnicGroups[0] ?? choice('ethnic');
  ws.getCell(header + 1, col('gender')).value = 'Nữ';
  ws.getCell(header + 1, col('kind')).value = choice('kind');
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer).slice().buffer;
  const known = knownHeaders(form.columns.map((c) => c.header));
  const read = await readXlsx(ExcelJS, bytes, 'f.xlsx', known);
  if (!read.ok) throw new Error(read.message);
  // The unit's two lines above everything (Excel's "Insert row" on row 1, twice).
  const table = [['Kính gửi: Ban Chỉ đạo Đại hội tỉnh'], ['UBND huyện (bản của đơn vị)'], ...read.table];
  const answer = runBundle(runtime, 'importSubmission', [form.unit.code, table, { fileName: 'f.xlsx' }])
    .result as SubmissionDto;
  if (!answer.ok) throw new Error(answer.message);
  expect(answer.headerRow).toBe(header + 2);
  expect(answer.added.map((r) => [r.sourceRow, r.values.name])).toEqual([[header + 3, 'Hoàng Thị Mây']]);
});

test('a six-line title (guests, deadline) and twelve instructions: header within row 8, a pointer to "Hướng dẫn"', () => {
  const form: IntakeForm = {
    unit: { code: 'X1', name: 'Xã Thượng Cường' },
    province: 'Lạng Sơn',
    unitWord: 'xã, phường',
    round: 'IV',
    year: 2024,
    seats: 5,
    guests: 2,
    ethnicGroups: ['Tày'],
    deadline: '20/03/2024',
    columns: [{ header: 'Họ và tên', key: 'name', required: true, kind: 'text' }],
    instructions: Array.from({ length: 12 }, (_, i) => `Hướng dẫn ${i + 1}.`),
    fileName: 'Danh sách đại biểu - Xã Thượng Cường.xlsx',
  };
  const wb = buildFormWorkbook(ExcelJS, form);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = headerRowOf(ws, form);
  expect(header).toBeGreaterThan(0);
  expect(header).toBeLessThanOrEqual(LAST_HEADER_ROW);
  const above = Array.from({ length: header - 1 }, (_, i) => String(ws.getCell(i + 1, 1).value ?? '')).join('\n');
  expect(above).toContain('Xem thêm hướng dẫn ở trang "Hướng dẫn".');
  expect(above).toContain('Hạn gửi danh sách: 20/03/2024');
  expect(wb.getWorksheet('Hướng dẫn')?.getCell(12, 1).value).toBe('Hướng dẫn 12.');
});

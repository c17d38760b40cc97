/**
 * Attacks on "Nhận danh sách" with hostile input and a hostile workbook: formula-looking text in the
 * file and the file name, a very long file name, a row of the unit locked by the owner (a collaborator
 * takes the list), the deadline typed as a date-time near midnight.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';
const OWNER = 'owner@langson.gov.vn';
const HELPER = 'canbo@langson.gov.vn';
const LANG_SON = SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>;

function workbook(owner?: string): { ss: LocalSpreadsheet; rt: Runtime; sheet: LocalSheet } {
  const ss = buildSample(LANG_SON, owner ? { owner } : {});
  const rt = new Runtime({ spreadsheet: ss, now: NOW, ...(owner ? { user: owner } : {}) });
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  return { ss, rt, sheet };
}

const importSubmission = (rt: Runtime, unit: string, table: SubmissionCell[][], options: object) =>
  runBundle(rt, 'importSubmission', [unit, table, options]).result as SubmissionDto;

function header(sheet: LocalSheet): string[] {
  return (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
}

function rowsOf(sheet: LocalSheet, code: string): number[] {
  const col = header(sheet).indexOf('Mã đơn vị');
  return sheet
    .getDataRange()
    .getValues()
    .flatMap((r, i) => (String(r[col]) === code ? [i + 1] : []));
}

test('formula-looking text in the file and in the file name stays text, in Đại biểu and in the record', () => {
  const { ss, rt, sheet } = workbook();
  const h = header(sheet);
  const col = (name: string) => h.indexOf(name) + 1;
  const hostile = ["=cmd|' /C calc'!A0", '+1', '@SUM(A1)', '-2+3', "'quoted"];
  const fileName = `=HYPERLINK("http://x","y") ${'Rất dài '.repeat(25)}.xlsx`;
  const table: SubmissionCell[][] = [['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu', 'Chức vụ, nơi công tác']];
  hostile.forEach((text, i) => {
    table.push([`Người ${i} ${text}`, 1980 + i, 'Tày', 'Chính thức', text]);
  });
  const r = importSubmission(rt, 'HL', table, { fileName, mode: 'replace' });
  if (!r.ok) throw new Error(r.message);
  const rows = rowsOf(sheet, 'HL');
  const positions = col('Chức vụ, nơi công tác');
  const got = rows.map((row) => ({
    name: sheet.getRange(row, col('Họ và tên')).getValue(),
    nameFormula: sheet.getRange(row, col('Họ và tên')).getFormula(),
    role: positions ? sheet.getRange(row, positions).getValue() : '',
    roleFormula: positions ? sheet.getRange(row, positions).getFormula() : '',
    source: sheet.getRange(row, col('Nguồn danh sách')).getValue(),
    sourceFormula: sheet.getRange(row, col('Nguồn danh sách')).getFormula(),
  }));
  expect(got.every((g) => g.nameFormula === '' && g.roleFormula === '' && g.sourceFormula === '')).toBe(true);
  expect(got.map((g) => g.source)).toEqual(rows.map(() => fileName));
  expect(positions).toBeGreaterThan(0);
  expect(got.map((g) => g.role).sort()).toEqual([...hostile].sort());
  const record = ss.getSheetByName('Tiếp nhận danh sách') as unknown as LocalSheet;
  const last = record.getLastRow();
  expect(record.getRange(last, 3).getValue()).toBe(fileName);
  expect(record.getRange(last, 3).getFormula()).toBe('');
});

test('a collaborator takes a list over a row the owner locked: refused in Vietnamese naming the sheet, nothing changed', () => {
  const { ss, sheet } = workbook(OWNER);
  ss.addEditor(HELPER);
  const hl = rowsOf(sheet, 'HL');
  const locked = hl[0] as number;
  const p = sheet.getRange(locked, 1, 1, sheet.getMaxColumns()).protect();
  p.removeEditors(p.getEditors());
  const before = snapshot(ss);
  const helper = new Runtime({ spreadsheet: ss, now: NOW, user: HELPER });
  let message = '';
  try {
    const r = importSubmission(
      helper,
      'HL',
      [
        ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
        ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
      ],
      { fileName: 'ds.xlsx', mode: 'replace' },
    );
    message = r.ok ? '' : r.message;
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toContain('Đại biểu');
  expect(message).toMatch(/bảo vệ/);
  expect(diff(before, snapshot(ss))).toEqual([]);
});

test.each([
  ['a date-time late in the evening before', new Date('2024-06-09T23:30:00+07:00'), true],
  ['a date-time just after midnight of today', new Date('2024-06-10T00:30:00+07:00'), false],
  ['text dd/mm/yyyy of today', "'10/06/2024", false],
  ['text dd/mm/yyyy of yesterday', "'09/06/2024", true],
])('the deadline typed as %s', (_, deadline, late) => {
  const { ss, rt } = workbook();
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const values = config.getDataRange().getValues();
  const at = values.findIndex((r) => r[0] === 'Hạn gửi danh sách đại biểu');
  const row = at >= 0 ? at + 1 : values.length + 1;
  config.getRange(row, 1, 1, 2).setValues([['Hạn gửi danh sách đại biểu', deadline]]);
  const o = runBundle(rt, 'getOverview').result as { intake?: { late: number; deadline: string } };
  expect(o.intake?.deadline).toBe(late ? '09/06/2024' : '10/06/2024');
  expect((o.intake?.late ?? 0) > 0).toBe(late);
});

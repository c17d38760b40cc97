/**
 * Attack: the owner protected every sheet, the add-in's hidden marks record too; a collaborator takes a
 * unit's list with new delegates inserted above a marked row. Moving the record with the rows is
 * refused for them: the list must still be taken (the record is the add-in's bookkeeping, its marks
 * are found again by their notes), not refused whole.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';

const NOW = '2024-06-10T09:00:00+07:00';
const OWNER = 'chanh.vp@sodttg.langson.gov.vn';
const COLLABORATOR = 'can.bo@sodttg.langson.gov.vn';
const RECORD = 'Trợ lý DTTS – đánh dấu';
const COLUMNS = ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu'];

test('a protected marks record does not stop a collaborator’s list from being taken', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>, { owner: OWNER });
  ss.addEditor(COLLABORATOR);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const col = (name: string) => h.indexOf(name) + 1;
  const values = sheet.getDataRange().getValues();
  const lastRowOf = new Map<string, number>();
  values.forEach((r, i) => {
    if (i > 0) lastRowOf.set(String(r[col('Mã đơn vị') - 1]), i + 1);
  });
  const [code, last] = [...lastRowOf].reduce((a, b) => (b[1] < a[1] ? b : a));
  sheet.getRange(last + 1, col('Năm sinh')).setValue('19x0');
  runBundle(new Runtime({ spreadsheet: ss, now: NOW, user: OWNER }), 'validateAll');
  const record = ss.localSheet(RECORD) as LocalSheet;
  expect(record).toBeTruthy();
  const p = record.protect();
  p.removeEditors(p.getEditors().map((u) => u.getEmail()));
  p.addEditor(OWNER);
  const list: SubmissionCell[][] = [COLUMNS];
  for (const r of values) {
    if (String(r[col('Mã đơn vị') - 1]) === code) list.push(COLUMNS.map((k) => r[col(k) - 1]) as SubmissionCell[]);
  }
  list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức']);
  const rt = new Runtime({ spreadsheet: ss, now: NOW, user: COLLABORATOR });
  const r = runBundle(rt, 'importSubmission', [code, list, { fileName: 'ds.xlsx', mode: 'replace' }])
    .result as SubmissionDto;
  expect((r as { message?: string }).message ?? '').not.toMatch(/bảo vệ/);
  expect(r.ok).toBe(true);
  const names = sheet
    .getDataRange()
    .getValues()
    .map((row) => String(row[col('Họ và tên') - 1]));
  expect(names).toContain('Người Mới Một');
});

/**
 * Attack: the owner protected a column of `Đại biểu` over every delegate ("Ghi chú", only for them);
 * a collaborator takes a unit's list with new delegates. Sheets refuses rows inserted inside that
 * range for the collaborator: they are told so in Vietnamese, naming the sheet, and nothing changes.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';
const OWNER = 'chanh.vp@sodttg.langson.gov.vn';
const COLLABORATOR = 'can.bo@sodttg.langson.gov.vn';

test('a collaborator, a protected column over the delegates: the list is refused with a clear message, nothing changes', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>, { owner: OWNER });
  ss.addEditor(COLLABORATOR);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const col = (name: string) => h.indexOf(name) + 1;
  const last = sheet.getLastRow();
  const p = sheet.getRange(1, sheet.getLastColumn(), last, 1).protect();
  p.removeEditors(p.getEditors().map((u) => u.getEmail()));
  p.addEditor(OWNER);
  const values = sheet.getDataRange().getValues();
  // The unit whose last delegate comes first: its new rows go inside the protected range.
  const lastRowOf = new Map<string, number>();
  values.forEach((r, i) => {
    if (i > 0) lastRowOf.set(String(r[col('Mã đơn vị') - 1]), i + 1);
  });
  const code = [...lastRowOf].reduce((a, b) => (b[1] < a[1] ? b : a))[0];
  const hl = values.flatMap((r, i) => (String(r[col('Mã đơn vị') - 1]) === code ? [i + 1] : []));
  expect(hl.length).toBeGreaterThan(0);
  expect(hl[hl.length - 1]).toBeLessThan(last);
  const list: SubmissionCell[][] = [['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu']];
  for (const r of hl) {
    const row = values[r - 1] as unknown[];
    list.push(
      ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu'].map(
        (k) => row[col(k) - 1],
      ) as SubmissionCell[],
    );
  }
  list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức']);
  const before = snapshot(ss);
  const rt = new Runtime({ spreadsheet: ss, now: NOW, user: COLLABORATOR });
  let message = '';
  let ok: boolean | undefined;
  try {
    const r = runBundle(rt, 'importSubmission', [code, list, { fileName: 'ds.xlsx', mode: 'replace' }])
      .result as SubmissionDto;
    ok = r.ok;
    message = String((r as { message?: string }).message ?? '');
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  expect(ok).not.toBe(true);
  expect(message).toContain('Đại biểu');
  expect(message).toMatch(/bảo vệ/);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

/**
 * Attack: 150 units' lists taken one after another (a merged province's communes, 300 delegates): the
 * record `Tiếp nhận danh sách` grows one row per list, the progress counts every unit once, the same
 * unit sent twice counts once, and each unit's rows are exactly its list at the end.
 */
import { buildSynthetic, SYNTHETIC_NOW } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';

test('150 lists in a row: one record row each, every unit counted once, every unit’s rows its list', () => {
  const ss = buildSynthetic({ units: 150, delegates: 300 }).spreadsheet;
  const units = (ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [])
    .slice(1)
    .map((r) => String(r[0]))
    .filter(Boolean);
  expect(units.length).toBe(150);
  const rt = () => new Runtime({ spreadsheet: ss, now: SYNTHETIC_NOW });
  const list = (code: string, n: number): SubmissionCell[][] => [
    ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu'],
    ...Array.from({ length: n }, (_, i) => [`ĐB ${code} ${i + 1}`, 'Tày', 1970 + i, 'Chính thức'] as SubmissionCell[]),
  ];
  units.forEach((code, i) => {
    const r = runBundle(rt(), 'importSubmission', [
      code,
      list(code, 1 + (i % 3)),
      { fileName: `${code}.xlsx`, mode: 'replace' },
    ]).result as SubmissionDto;
    if (!r.ok) throw new Error(`${code}: ${r.message}`);
  });
  // The first unit sends again (a corrected list).
  const again = runBundle(rt(), 'importSubmission', [
    units[0],
    list(units[0] as string, 2),
    { fileName: 'lai.xlsx', mode: 'replace' },
  ]).result as SubmissionDto;
  expect(again.ok).toBe(true);
  const record = ss.getSheetByName('Tiếp nhận danh sách');
  expect(record?.getLastRow()).toBe(1 + 151);
  const o = runBundle(rt(), 'getOverview').result as { intake?: { sent: number; total: number } };
  expect(o.intake).toMatchObject({ sent: 150, total: 150 });
  const d = ss.getSheetByName('Đại biểu');
  const values = d?.getDataRange().getValues() ?? [];
  const h = (values[0] ?? []).map(String);
  const byUnit = new Map<string, string[]>();
  for (const row of values.slice(1)) {
    const code = String(row[h.indexOf('Mã đơn vị')]);
    byUnit.set(code, [...(byUnit.get(code) ?? []), String(row[h.indexOf('Họ và tên')])]);
  }
  units.forEach((code, i) => {
    const n = i === 0 ? 2 : 1 + (i % 3);
    expect(byUnit.get(code)).toEqual(Array.from({ length: n }, (_, k) => `ĐB ${code} ${k + 1}`));
  });
});

/**
 * A replace writes only the cells its preview names as changed (and the add-in's provenance columns):
 * a cell whose value in the file equals the sheet's after normalisation ("Mong" typed by the officer,
 * "Mông" in the file; "nu" / "Nữ") is unchanged for the comparison, so it is not rewritten — the sheet
 * keeps exactly what the officer typed. Whole-cell snapshot: every cell the preview does not name is
 * identical (but `Nguồn danh sách` / `Ngày nhận` of the unit's rows and the record sheet).
 */
import { type Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';
import { runtimeFor } from '../trust/actions';
import { corpusWorkbook } from '../trust/corpus';
import { writes } from '../trust/faults';
import { a1, diff, describe as lines, snapshot } from '../trust/snapshot';

const importSubmission = (rt: Runtime, ...args: unknown[]) => runBundle(rt, 'importSubmission', args);
const ok = (d: SubmissionDto): SubmissionPreviewDto => {
  if (!d.ok) throw new Error(d.message);
  return d;
};
const HEADERS = ['Họ và tên', 'Năm sinh', 'Giới tính', 'Dân tộc', 'Loại đại biểu', 'Chức vụ, nơi công tác'];

describe.each(['Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units', 'Kon Tum decorated'])(
  '%s',
  (name) => {
    test('cells equal after normalisation are not written; only the named changes are', () => {
      const w = corpusWorkbook(name);
      const ss = w.build();
      const sheet = ss
        .localSheets()
        .find((x) => x.getName().normalize('NFC').trim().toLowerCase() === 'đại biểu') as LocalSheet;
      const values = sheet.getDataRange().getValues();
      const header = (values[0] ?? []).map((h) => String(h).trim());
      const col = (h: string) => header.indexOf(h);
      const unitCol = col('Mã đơn vị');
      const byUnit = new Map<string, number[]>();
      values.forEach((r, i) => {
        const code = String(r[unitCol] ?? '').trim();
        if (i > 0 && code) byUnit.set(code, [...(byUnit.get(code) ?? []), i + 1]);
      });
      const [code, rows] = [...byUnit.entries()].find(([, rs]) => rs.length >= 3) as [string, number[]];
      // The officer typed "Mong" and "nu" in the unit's second row, "kinh" in its third.
      const second = rows[1] as number;
      const third = rows[2] as number;
      sheet.getRange(second, col('Dân tộc') + 1).setValue('Mong');
      sheet.getRange(second, col('Giới tính') + 1).setValue('nu');
      sheet.getRange(third, col('Dân tộc') + 1).setValue('kinh');
      const now = sheet.getDataRange().getValues();
      // The unit sends its list back with the names written properly; one real change (the first row's position).
      const file: SubmissionCell[][] = [
        HEADERS,
        ...rows.map((r) => HEADERS.map((h) => now[r - 1]?.[col(h)] as SubmissionCell)),
      ];
      (file[2] as SubmissionCell[])[2] = 'Nữ';
      (file[2] as SubmissionCell[])[3] = 'Mông';
      (file[3] as SubmissionCell[])[3] = 'Kinh';
      (file[1] as SubmissionCell[])[5] = 'Chức vụ mới của đại biểu thứ nhất';
      const rt = runtimeFor(ss, w);
      const p = ok(importSubmission(rt, code, file, { fileName: 'dv.xlsx' }).result as SubmissionDto);
      expect(p.changed.map((c) => [c.before.sheetRow, c.keys])).toEqual([[rows[0], ['position']]]);
      expect(p.unchanged).toBe(rows.length - 1);
      const s0 = snapshot(ss);
      const run = importSubmission(rt, code, file, { fileName: 'dv.xlsx', mode: 'replace', expect: p.expect });
      ok(run.result as SubmissionDto);
      // One write per changed block, never a call per row.
      expect(writes(run.calls).find(([k]) => k === 'Range.setValues')?.[1] ?? 0).toBeLessThanOrEqual(5); // 13 and 5 before: unchanged blocks are no longer written
      const allowed = new Set([
        a1(rows[0] as number, col('Chức vụ, nơi công tác') + 1),
        ...rows.flatMap((r) => [a1(r, col('Nguồn danh sách') + 1), a1(r, col('Ngày nhận') + 1)]),
      ]);
      const unexpected = diff(s0, snapshot(ss)).filter((d) => d.sheet === sheet.getName() && !allowed.has(d.cell));
      expect(lines(unexpected)).toEqual([]);
      const after = sheet.getDataRange().getValues();
      expect([after[second - 1]?.[col('Dân tộc')], after[second - 1]?.[col('Giới tính')]]).toEqual(['Mong', 'nu']);
      expect(after[third - 1]?.[col('Dân tộc')]).toBe('kinh');
      expect(after[(rows[0] as number) - 1]?.[col('Chức vụ, nơi công tác')]).toBe('Chức vụ mới của đại biểu thứ nhất');
    });
  },
);

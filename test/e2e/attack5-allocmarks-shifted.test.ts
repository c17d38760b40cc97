/**
 * Attack: a mark validation wrote on the row right under a unit's delegates, in a cell holding the
 * officer's own note (the add-in wrote the fill only; nothing but its place tells it). "Nhận danh sách"
 * then inserts that unit's new delegates above it, moving it down. Once the officer corrects the cell,
 * validation must clear the fill it wrote, and the new delegates' rows carry no mark.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { MARK_COLORS } from '../../src/domain/marks';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';
import { sample, writes } from '../trust/faults';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';
const MARKS = Object.values(MARK_COLORS);
const COLUMNS = ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu'];

test('a fill-only mark moved down by the delegates the intake inserted above it is still cleared', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const col = (name: string) => h.indexOf(name) + 1;
  const values = sheet.getDataRange().getValues();
  const lastRowOf = new Map<string, number>();
  values.forEach((r, i) => {
    if (i > 0) lastRowOf.set(String(r[col('Mã đơn vị') - 1]), i + 1);
  });
  const [code, last] = [...lastRowOf].reduce((a, b) => (b[1] < a[1] ? b : a));
  const below = last + 1;
  const year = sheet.getRange(below, col('Năm sinh'));
  const goodYear = year.getValue();
  year.setNote('Năm sinh theo CCCD, đã đối chiếu.');
  year.setValue('19x0');
  runBundle(rt, 'validateAll');
  // The precondition: the fill is the add-in's, the note the officer's.
  expect(MARKS).toContain(year.getBackground());
  expect(year.getNote()).toBe('Năm sinh theo CCCD, đã đối chiếu.');

  const list: SubmissionCell[][] = [COLUMNS];
  values.forEach((r, i) => {
    if (String(r[col('Mã đơn vị') - 1]) === code) list.push(COLUMNS.map((k) => r[col(k) - 1]) as SubmissionCell[]);
    void i;
  });
  list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức'], ['Người Mới Hai', 1992, 'Nùng', 'Nam', 'Chính thức']);
  const r = runBundle(rt, 'importSubmission', [code, list, { fileName: 'ds.xlsx', mode: 'replace' }])
    .result as SubmissionDto;
  expect(r.ok).toBe(true);
  const moved = below + 2;
  expect(sheet.getRange(moved, col('Năm sinh')).getValue()).toBe('19x0');
  // The officer corrects the year; validation clears the fill it wrote, wherever the rows went.
  sheet.getRange(moved, col('Năm sinh')).setValue(goodYear);
  runBundle(rt, 'validateAll');
  const stray: string[] = [];
  for (let row = last + 1; row <= moved; row++) {
    const fill = sheet.getRange(row, col('Năm sinh')).getBackground();
    if (MARKS.includes(fill)) stray.push(`${row} ${fill}`);
  }
  expect(stray).toEqual([]);
  expect(sheet.getRange(moved, col('Năm sinh')).getNote()).toBe('Năm sinh theo CCCD, đã đối chiếu.');
});

test('a fault at any write of that list (the record moved too): all or nothing', () => {
  const prepared = () => {
    const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
    const sheet = ss.localSheet('Đại biểu') as LocalSheet;
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
    const col = (name: string) => h.indexOf(name) + 1;
    const values = sheet.getDataRange().getValues();
    const lastRowOf = new Map<string, number>();
    values.forEach((r, i) => {
      if (i > 0) lastRowOf.set(String(r[col('Mã đơn vị') - 1]), i + 1);
    });
    const [code, last] = [...lastRowOf].reduce((a, b) => (b[1] < a[1] ? b : a));
    const year = sheet.getRange(last + 1, col('Năm sinh'));
    year.setNote('Năm sinh theo CCCD, đã đối chiếu.');
    year.setValue('19x0');
    runBundle(rt, 'validateAll');
    const list: SubmissionCell[][] = [COLUMNS];
    for (const r of values) {
      if (String(r[col('Mã đơn vị') - 1]) === code) list.push(COLUMNS.map((k) => r[col(k) - 1]) as SubmissionCell[]);
    }
    list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức']);
    return { ss, rt, code, list };
  };
  const take = (rt: Runtime, code: string, list: SubmissionCell[][]) => {
    try {
      const r = runBundle(rt, 'importSubmission', [code, list, { fileName: 'ds.xlsx', mode: 'replace' }]);
      return { ok: (r.result as { ok: boolean }).ok, calls: r.calls };
    } catch {
      return { ok: false, calls: {} as Record<string, number> };
    }
  };
  const clean = prepared();
  const before = snapshot(clean.ss);
  const outcome = take(clean.rt, clean.code, clean.list);
  expect(outcome.ok).toBe(true);
  const cleanAfter = snapshot(clean.ss);
  // The precondition: the clean run moved the record (else the sweep proves nothing of it).
  expect(diff(before, cleanAfter).some((d) => d.sheet.startsWith('Trợ lý DTTS – đánh dấu'))).toBe(true);
  const keys = writes(outcome.calls);
  const findings: string[] = [];
  for (const [key, count] of keys) {
    for (const n of sample(key, count)) {
      const { ss, rt, code, list } = prepared();
      rt.failOn(key, { after: n });
      const o = take(rt, code, list);
      const after = snapshot(ss);
      // The add-in's record included: it must match the sheets it describes.
      const asBefore = diff(before, after).filter((d) => d.sheet !== 'Kiểm tra');
      const asClean = diff(cleanAfter, after).filter((d) => d.sheet !== 'Kiểm tra');
      if (o.ok && asClean.length > 0) findings.push(`${key} #${n + 1}: ok, not as clean (${lines(asClean, 3)})`);
      else if (!o.ok && asBefore.length > 0 && asClean.length > 0)
        findings.push(`${key} #${n + 1}: neither (${lines(asBefore, 3)})`);
    }
  }
  expect(findings).toEqual([]);
});

test('a fill-only mark moved up by a delegate the list no longer names (its row deleted) is still cleared', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const col = (name: string) => h.indexOf(name) + 1;
  const values = sheet.getDataRange().getValues();
  const rowsOf = new Map<string, number[]>();
  values.forEach((r, i) => {
    if (i === 0) return;
    const code = String(r[col('Mã đơn vị') - 1]);
    rowsOf.set(code, [...(rowsOf.get(code) ?? []), i + 1]);
  });
  // A unit of two delegates or more, with another unit's delegates under it.
  const [code, rows] = [...rowsOf]
    .filter(([, r]) => r.length >= 2)
    .reduce((a, b) => ((b[1][0] as number) < (a[1][0] as number) ? b : a));
  const below = (rows[rows.length - 1] as number) + 1;
  const year = sheet.getRange(below, col('Năm sinh'));
  const goodYear = year.getValue();
  year.setNote('Năm sinh theo CCCD, đã đối chiếu.');
  year.setValue('19x0');
  runBundle(rt, 'validateAll');
  expect(MARKS).toContain(year.getBackground());
  // The unit's list without its first delegate: that row is deleted, the marked cell moves up.
  const list: SubmissionCell[][] = [COLUMNS];
  for (const r of rows.slice(1)) list.push(COLUMNS.map((k) => values[r - 1]?.[col(k) - 1]) as SubmissionCell[]);
  const r = runBundle(rt, 'importSubmission', [code, list, { fileName: 'ds.xlsx', mode: 'replace' }])
    .result as SubmissionDto;
  expect(r.ok).toBe(true);
  const moved = below - 1;
  expect(sheet.getRange(moved, col('Năm sinh')).getValue()).toBe('19x0');
  sheet.getRange(moved, col('Năm sinh')).setValue(goodYear);
  runBundle(rt, 'validateAll');
  // The corrected cell and the one its row left: no mark fill (before validation the moved fill was there).
  expect(MARKS).not.toContain(sheet.getRange(moved, col('Năm sinh')).getBackground());
  expect(MARKS).not.toContain(sheet.getRange(below, col('Năm sinh')).getBackground());
  expect(sheet.getRange(moved, col('Năm sinh')).getNote()).toBe('Năm sinh theo CCCD, đã đối chiếu.');
});

/**
 * "Nhận danh sách" on the real bundle and the decorated corpus: a unit's list, filled the way units
 * fill it (their own title rows, columns in their own order, an extra column), previewed (nothing
 * written, not one write call), then taken: exactly that unit's rows of `Đại biểu` are the list, with
 * where each came from, and every other row of every sheet is identical by whole-cell snapshot (rows
 * below the unit's only moved). Then: a stale preview refused, two officers at once, a fault at every
 * write, and the provenance columns added to a sheet that lacks them.
 */
import { type Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';
import { MESSAGES } from '../../src/ui/vi';
import { runtimeFor } from '../trust/actions';
import { type CorpusWorkbook, corpusWorkbook } from '../trust/corpus';
import { sample, writes } from '../trust/faults';
import {
  CELL_FIELDS,
  diff,
  describe as lines,
  type SheetSnapshot,
  snapshot,
  type WorkbookSnapshot,
} from '../trust/snapshot';

const WORKBOOKS = [
  'Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units',
  'Kon Tum decorated',
  'Lạng Sơn cấp xã (text codes) decorated',
];
const DELEGATES = 'Đại biểu';
const RECORD = 'Tiếp nhận danh sách';
const FILE = 'Danh sách đại biểu - gửi lại.xlsx';

const importSubmission = (rt: Runtime, ...args: unknown[]) => runBundle(rt, 'importSubmission', args);
const ok = (d: SubmissionDto): SubmissionPreviewDto => {
  if (!d.ok) throw new Error(d.message);
  return d;
};

function delegatesSheet(ss: LocalSpreadsheet): LocalSheet {
  const s = ss.localSheets().find((x) => x.getName().normalize('NFC').trim().toLowerCase() === 'đại biểu');
  if (!s) throw new Error('no Đại biểu');
  return s;
}

/**
 * Header text → 0-based column of row 1 of `Đại biểu`. Of two same headers (a user's own "Điện thoại"
 * after the template's empty one), the one the sheets read: the only one holding data, else the first.
 */
function headerOf(s: LocalSheet): Map<string, number> {
  const values = s.getDataRange().getValues();
  const row = values[0] ?? [];
  const filled = (i: number) => values.slice(1).some((r) => r[i] !== '' && r[i] !== null);
  const all = new Map<string, number[]>();
  row.forEach((h, i) => {
    all.set(String(h).trim(), [...(all.get(String(h).trim()) ?? []), i]);
  });
  const out = new Map<string, number>();
  for (const [h, at] of all) {
    const withData = at.filter(filled);
    out.set(h, withData.length === 1 ? (withData[0] as number) : (at[0] as number));
  }
  return out;
}

/** The first unit code of `Đơn vị` that has delegates, and its rows (1-based) in `Đại biểu`. */
function pickUnit(ss: LocalSpreadsheet): { code: string; rows: number[] } {
  const s = delegatesSheet(ss);
  const h = headerOf(s);
  const unitCol = h.get('Mã đơn vị') as number;
  const values = s.getDataRange().getValues();
  const counts = new Map<string, number[]>();
  values.forEach((r, i) => {
    if (i === 0) return;
    const code = String(r[unitCol] ?? '').trim();
    if (code) counts.set(code, [...(counts.get(code) ?? []), i + 1]);
  });
  const [code, rows] = [...counts.entries()].find(([, rs]) => rs.length >= 3) ?? [];
  if (!code || !rows) throw new Error('no unit with 3 delegates');
  return { code, rows };
}

/**
 * The unit's list as the unit sends it back: two title rows, a blank row, its columns shuffled with a
 * "Số điện thoại" column (the phones the sheet holds) and an extra column; the first delegate dropped, the second one's position changed, two added
 * (one with a phone number with its leading zero and a formula-looking note).
 */
function unitFile(ss: LocalSpreadsheet, code: string): { table: SubmissionCell[][]; names: string[] } {
  const s = delegatesSheet(ss);
  const h = headerOf(s);
  const values = s.getDataRange().getValues();
  const col = (name: string) => h.get(name) as number;
  const mine = values.filter((r, i) => i > 0 && String(r[col('Mã đơn vị')] ?? '').trim() === code);
  const header = [
    'Giới tính',
    'Họ và tên',
    'Năm sinh',
    'Số điện thoại',
    'Dân tộc',
    'Loại đại biểu',
    'Chức vụ, nơi công tác',
    'Số CCCD',
  ];
  const rowOf = (r: unknown[]): SubmissionCell[] => [
    String(r[col('Giới tính')] ?? ''),
    String(r[col('Họ và tên')] ?? ''),
    (r[col('Năm sinh')] as number) ?? null,
    String(r[col('Điện thoại')] ?? ''),
    String(r[col('Dân tộc')] ?? ''),
    String(r[col('Loại đại biểu')] ?? ''),
    String(r[col('Chức vụ, nơi công tác')] ?? ''),
    '',
  ];
  const kept = mine.slice(1).map(rowOf);
  (kept[0] as SubmissionCell[])[6] = 'Bí thư Chi bộ thôn Nà Lầu (mới)';
  const added: SubmissionCell[][] = [
    ['Nữ', 'Hoàng Thị Mới Một', 1995, '0912345678', 'Tày', 'Chính thức', '=HYPERLINK("x")', '001234567890'],
    ['nam', 'Lý Văn Mới Hai', '1.988', '', 'Nung', 'CT', 'Trưởng thôn', ''],
  ];
  const table: SubmissionCell[][] = [
    ['DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ', null],
    [`Đơn vị: ${code}`],
    [],
    header,
    ...kept,
    ...added,
  ];
  return { table, names: [...kept.map((r) => String(r[1])), 'Hoàng Thị Mới Một', 'Lý Văn Mới Hai'] };
}

/** Every row of a sheet snapshot, as one line per row (all fields of all cells), 1..maxRows. */
function rowLines(snap: SheetSnapshot): string[] {
  const byRow = new Map<number, string[]>();
  for (const [ref, cell] of snap.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    const row = Number(m[2]);
    byRow.set(row, [...(byRow.get(row) ?? []), `${m[1]}=${CELL_FIELDS.map((f) => cell[f]).join('¦')}`]);
  }
  return Array.from({ length: snap.maxRows }, (_, i) => (byRow.get(i + 1) ?? []).sort().join(' '));
}

const sheetSnap = (snap: WorkbookSnapshot, name: string) =>
  snap.sheets.find((s) => s.name.normalize('NFC').trim().toLowerCase() === name.toLowerCase()) as SheetSnapshot;

/** The rows of `Đại biểu` not of the unit, in order, whole-cell (the unit's rows by its code in `Mã đơn vị`). */
function otherRows(snap: WorkbookSnapshot, unitColumnLetter: string, code: string): string[] {
  return rowLines(sheetSnap(snap, DELEGATES)).filter((line) => !line.includes(`${unitColumnLetter}=text:${code}¦`));
}

const letter = (i: number) => String.fromCharCode(65 + i);

describe.each(WORKBOOKS)('%s', (name) => {
  const w: CorpusWorkbook = corpusWorkbook(name);

  test('preview writes nothing; replace swaps exactly that unit’s rows with provenance; every other cell identical', () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const { code } = pickUnit(ss);
    const { table, names } = unitFile(ss, code);
    const s0 = snapshot(ss);
    const activeBefore = ss.getActiveSheet();

    const previewRun = importSubmission(rt, code, table, { fileName: FILE });
    expect(writes(previewRun.calls)).toEqual([]);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
    const p = ok(previewRun.result as SubmissionDto);
    expect(p.headerRow).toBe(4);
    expect(p.added.map((r) => r.values.name)).toEqual(['Hoàng Thị Mới Một', 'Lý Văn Mới Hai']);
    expect(p.removed).toHaveLength(1);
    expect(p.changed.map((c) => c.keys)).toEqual([['position']]);
    expect(p.columns.find((c) => c.header === 'Số điện thoại')?.key).toBe('phone');
    expect(p.columns.find((c) => c.header === 'Số CCCD')?.key ?? null).toBeNull();
    expect(p.problems.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        'Cột "Số CCCD" không có trong mẫu danh sách, nội dung cột này không được nhận.',
        `Dòng ${4 + names.length}: Dân tộc: "Nung" được hiểu là dân tộc Nùng (ghi không dấu).`,
      ]),
    );

    const r = ok(
      importSubmission(rt, code, table, { fileName: FILE, mode: 'replace', expect: p.expect }).result as SubmissionDto,
    );
    expect(r.written).toEqual({ rows: names.length, removed: 1, sheet: DELEGATES });
    const s1 = snapshot(ss);

    // The unit's rows are the list, each with its provenance; text stayed text.
    const sheet = delegatesSheet(ss);
    const h = headerOf(sheet);
    const values = sheet.getDataRange().getValues();
    const mine = values.filter((row) => String(row[h.get('Mã đơn vị') as number]).trim() === code);
    expect(mine.map((row) => row[h.get('Họ và tên') as number]).sort()).toEqual([...names].sort());
    for (const row of mine) {
      expect(row[h.get('Nguồn danh sách') as number]).toBe(FILE);
      expect(String(row[h.get('Ngày nhận') as number])).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    }
    const newRow = mine.find((row) => row[h.get('Họ và tên') as number] === 'Hoàng Thị Mới Một') as unknown[];
    expect(newRow[h.get('Chức vụ, nơi công tác') as number]).toBe('=HYPERLINK("x")');
    expect(newRow[h.get('Năm sinh') as number]).toBe(1995);
    // The phone keeps its leading zero: text, never a number.
    expect(newRow[h.get('Điện thoại') as number]).toBe('0912345678');
    const second = mine.find((row) => row[h.get('Họ và tên') as number] === 'Lý Văn Mới Hai') as unknown[];
    expect([
      second[h.get('Năm sinh') as number],
      second[h.get('Dân tộc') as number],
      second[h.get('Giới tính') as number],
    ]).toEqual([1988, 'Nùng', 'Nam']);
    const formulas = sheet.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f.includes('HYPERLINK'))).toEqual([]);

    // Every other row of Đại biểu: identical, whole-cell, in the same order.
    const unitLetter = letter(h.get('Mã đơn vị') as number);
    expect(otherRows(s1, unitLetter, code)).toEqual(otherRows(s0, unitLetter, code));
    // Every other sheet identical; one new sheet, the record.
    const others = diff(s0, s1).filter(
      (d) => d.sheet.normalize('NFC').trim().toLowerCase() !== 'đại biểu' && d.sheet !== RECORD && d.field !== 'sheets',
    );
    expect(lines(others)).toEqual([]);
    const record = ss.getSheetByName(RECORD)?.getDataRange().getValues();
    expect(record?.[0]).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Tệp',
      'Ngày nhận',
      'Số dòng',
      'Lỗi',
      'Cảnh báo',
      'Người nhận',
    ]);
    expect(record?.slice(1).map((row) => [row[0], row[2], row[4]])).toEqual([[code, FILE, names.length]]);
    // The officer stays on the sheet they were on (a hidden one is never activated: that would show it).
    expect(ss.getActiveSheet().getName()).toBe(activeBefore.isSheetHidden() ? RECORD : activeBefore.getName());

    // The same list again: nothing added or removed, nothing changed.
    const again = ok(importSubmission(rt, code, table, { fileName: FILE }).result as SubmissionDto);
    expect([again.added.length, again.removed.length, again.changed.length, again.unchanged]).toEqual([
      0,
      0,
      0,
      names.length,
    ]);
  });

  test('a preview gone stale is refused; without expect the replace still works', () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const { code, rows } = pickUnit(ss);
    const { table } = unitFile(ss, code);
    const p = ok(importSubmission(rt, code, table, { fileName: FILE }).result as SubmissionDto);
    const sheet = delegatesSheet(ss);
    const h = headerOf(sheet);
    sheet
      .getRange(rows[1] as number, (h.get('Chức vụ, nơi công tác') as number) + 1)
      .setValue('Sửa tay sau khi xem trước');
    const s0 = snapshot(ss);
    const stale = importSubmission(rt, code, table, { fileName: FILE, mode: 'replace', expect: p.expect });
    expect(stale.result).toEqual({
      ok: false,
      message: 'Dữ liệu đã thay đổi kể từ khi xem trước (trang "Đại biểu" hoặc tệp): hãy xem trước lại rồi xác nhận.',
    });
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
    // A changed file is stale too.
    const changedFile = table.map((r) => [...r]);
    (changedFile[4] as SubmissionCell[])[1] = 'Tên khác';
    expect(
      (importSubmission(rt, code, changedFile, { mode: 'replace', expect: p.expect }).result as SubmissionDto).ok,
    ).toBe(false);
    expect(
      ok(importSubmission(rt, code, table, { fileName: FILE, mode: 'replace' }).result as SubmissionDto).written?.rows,
    ).toBeGreaterThan(0);
  });
});

describe('refusals', () => {
  const w = corpusWorkbook(WORKBOOKS[0] as string);
  test('unknown unit, empty file, header only, rows all of another unit: refused with the reason, nothing written', () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const { code } = pickUnit(ss);
    const s0 = snapshot(ss);
    const answer = (...args: unknown[]) => importSubmission(rt, ...args).result as SubmissionDto;
    expect(answer('Không Có', [['Họ và tên'], ['A']], { mode: 'replace' })).toEqual({
      ok: false,
      message: 'Không có đơn vị "Không Có" trong trang "Đơn vị"; hãy chọn đơn vị trong danh sách (theo mã hoặc tên).',
    });
    expect(answer(code, [], { mode: 'replace' })).toEqual({
      ok: false,
      message:
        'Không nhận được danh sách này: Tệp không có dữ liệu (trống): hãy chọn đúng tệp danh sách đơn vị gửi về.',
    });
    expect(answer(code, [['Họ và tên', 'Năm sinh']], { mode: 'replace' })).toEqual({
      ok: false,
      message:
        'Không nhận được danh sách này: Tệp chỉ có dòng tiêu đề (dòng 1), chưa có đại biểu nào ở các dòng dưới; hãy kiểm tra lại tệp đơn vị gửi về.',
    });
    const preview = ok(
      answer(code, [
        ['Họ và tên', 'Mã đơn vị'],
        ['A', 'Không Có'],
      ]),
    );
    expect(preview.blocked).toBe(true);
    expect(preview.otherUnitRows).toEqual([{ sourceRow: 2, unit: 'Không Có' }]);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
  });

  test('arguments outside the contract are refused in Vietnamese (size, cell types)', () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const tooMany = Array.from({ length: 5001 }, () => ['A']);
    expect(() => importSubmission(rt, 'HL', tooMany)).toThrow(/tối đa 5\.000 dòng × 60 cột/);
    expect(() => importSubmission(rt, 'HL', [[{ a: 1 }]])).toThrow(/importSubmission/);
    expect(() => importSubmission(rt, '', [['Họ và tên']])).toThrow(/Hãy chọn đơn vị gửi danh sách/);
  });

  test('a user sheet named like the record is never written: refused before anything changes', () => {
    const ss = w.build();
    const mine = ss.insertSheet('TIẾP NHẬN DANH SÁCH');
    mine.getRange(1, 1, 1, 2).setValues([['Ngày', 'Ghi chép của tôi']]);
    const rt = runtimeFor(ss, w);
    const { code } = pickUnit(ss);
    const { table } = unitFile(ss, code);
    const s0 = snapshot(ss);
    const r = importSubmission(rt, code, table, { mode: 'replace' }).result as SubmissionDto;
    expect(r.ok).toBe(false);
    expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
  });
});

describe('the provenance columns are added when the sheet lacks them', () => {
  test('after the last column, headers on the header row, plain-text format; nothing else of the user changes', () => {
    const w = corpusWorkbook(WORKBOOKS[1] as string);
    const ss = w.build();
    const sheet = delegatesSheet(ss);
    const h = headerOf(sheet);
    for (const header of ['Ngày nhận', 'Nguồn danh sách']) sheet.deleteColumn((h.get(header) as number) + 1);
    const rt = runtimeFor(ss, w);
    const { code } = pickUnit(ss);
    const { table } = unitFile(ss, code);
    const width = sheet.getLastColumn();
    ok(importSubmission(rt, code, table, { fileName: FILE, mode: 'replace' }).result as SubmissionDto);
    expect(sheet.getRange(1, width + 1, 1, 2).getValues()[0]).toEqual(['Nguồn danh sách', 'Ngày nhận']);
    // The file name and the day, as text, in every row of the unit (kept and new).
    const unitCol = (headerOf(sheet).get('Mã đơn vị') as number) + 1;
    const all = sheet.getDataRange().getValues();
    const mine = all.filter((r) => String(r[unitCol - 1]) === code);
    expect(mine.map((r) => r[width])).toEqual(mine.map(() => FILE));
    expect(mine.every((r) => /^\d\d\/\d\d\/\d{4}$/.test(String(r[width + 1])))).toBe(true);
    expect(sheet.getRange(2, width + 1, 3, 2).getNumberFormats()).toEqual([
      ['@', '@'],
      ['@', '@'],
      ['@', '@'],
    ]);
  });
});

describe('two officers at once', () => {
  const w = corpusWorkbook(WORKBOOKS[2] as string);
  test('the second replace with the preview it saw before the first one is refused; one waiting on the lock is told so', () => {
    const ss = w.build();
    const a = runtimeFor(ss, w);
    const b = runtimeFor(ss, w);
    const { code } = pickUnit(ss);
    const { table } = unitFile(ss, code);
    const pa = ok(importSubmission(a, code, table, { fileName: 'a.xlsx' }).result as SubmissionDto);
    const shorter = table.slice(0, -1);
    const pb = ok(importSubmission(b, code, shorter, { fileName: 'b.xlsx' }).result as SubmissionDto);
    // B clicks while A holds the lock.
    let during: unknown;
    a.onCall('Lock.tryLock', () => {
      try {
        during = importSubmission(b, code, shorter, { fileName: 'b.xlsx', mode: 'replace', expect: pb.expect }).result;
      } catch (e) {
        during = e instanceof Error ? e.message : String(e);
      }
    });
    ok(
      importSubmission(a, code, table, { fileName: 'a.xlsx', mode: 'replace', expect: pa.expect })
        .result as SubmissionDto,
    );
    expect(String(during)).toContain(MESSAGES.busy);
    const late = importSubmission(b, code, shorter, { fileName: 'b.xlsx', mode: 'replace', expect: pb.expect });
    expect((late.result as SubmissionDto).ok).toBe(false);
    expect((late.result as { message: string }).message).toMatch(/hãy xem trước lại/);
  });
});

/** A workbook whose `Đại biểu` lacks the provenance columns, with a list already recorded for another unit. */
function withoutProvenance(ss: LocalSpreadsheet, rt: Runtime, code: string): void {
  const sheet = delegatesSheet(ss);
  const h = headerOf(sheet);
  for (const header of ['Ngày nhận', 'Nguồn danh sách']) sheet.deleteColumn((h.get(header) as number) + 1);
  const units = ss.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? [];
  const other = units.slice(1).find((r) => String(r[0]) !== code && r[0] !== '');
  ok(
    importSubmission(rt, String(other?.[0]), [['Họ và tên'], ['Người Khác']], { mode: 'replace' })
      .result as SubmissionDto,
  );
  for (const header of ['Ngày nhận', 'Nguồn danh sách']) {
    const at = headerOf(sheet).get(header);
    if (at !== undefined) sheet.deleteColumn(at + 1);
  }
}

describe.each([
  ['the provenance columns there, no record yet', false],
  ['the provenance columns missing, a record already there', true],
])('fault sweep over the writes of a replace (%s)', (_, bare) => {
  const w = corpusWorkbook(WORKBOOKS[0] as string);
  test('whichever write fails: either the workbook is exactly as before and the message says so, or the message says what to check', () => {
    const fresh = () => {
      const ss = w.build();
      const rt = runtimeFor(ss, w);
      const { code } = pickUnit(ss);
      if (bare) withoutProvenance(ss, rt, code);
      return { ss, rt, code, table: unitFile(ss, code).table };
    };
    const clean = fresh();
    const before = snapshot(clean.ss);
    const counted = importSubmission(clean.rt, clean.code, clean.table, { fileName: FILE, mode: 'replace' });
    ok(counted.result as SubmissionDto);
    const keys = writes(counted.calls);
    expect(keys.map(([k]) => k)).toEqual(
      expect.arrayContaining(['Range.setValues', 'Sheet.deleteRows', 'Sheet.insertRowsAfter']),
    );
    const findings: string[] = [];
    let faults = 0;
    let failed = 0;
    for (const [key, count] of keys) {
      for (const n of sample(key, count)) {
        faults++;
        const { ss, rt, code, table } = fresh();
        rt.failOn(key, { after: n });
        let message = '';
        let done = false;
        try {
          const r = importSubmission(rt, code, table, { fileName: FILE, mode: 'replace' }).result as SubmissionDto;
          message = r.message;
          done = r.ok;
        } catch (e) {
          message = e instanceof Error ? e.message : String(e);
        }
        if (done) continue; // the fault hit a call whose failure the add-in does not depend on
        failed++;
        const left = diff(before, snapshot(ss));
        if (message === '') findings.push(`${key}#${n}: failed without a message`);
        if (/khôi phục|chưa có gì thay đổi|Không có gì thay đổi/i.test(message) && left.length > 0)
          findings.push(`${key}#${n}: says restored but ${lines(left, 3).join('; ')}`);
        if (left.length > 0 && !/Đại biểu/.test(message))
          findings.push(`${key}#${n}: changed without naming the sheet: ${message}`);
      }
    }
    expect(faults).toBeGreaterThan(3);
    expect(failed).toBeGreaterThan(3);
    expect(findings).toEqual([]);
  });
});

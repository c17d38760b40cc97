/**
 * Two columns of `Đại biểu` under the same header: the one holding data below the header is the one
 * every reader uses (validation, allocation, the documents, "Nhận danh sách" pairing and writing);
 * when none or both hold data, the first. The other column is never written, by whole-cell snapshot.
 *
 * Workbooks: the trust corpus's decorated Lạng Sơn, whose officer typed their own "Điện thoại"
 * (phones as text in rows 2–30) after the template's empty one; and the Lạng Sơn sample with a
 * template column's content moved by the officer into an own column of the same header at the end
 * (the template's left empty), whose results must be those of the sample as it was.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto, SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';
import { runtimeFor } from '../trust/actions';
import { CORPUS, type CorpusWorkbook } from '../trust/corpus';
import {
  a1,
  CELL_FIELDS,
  cellOf,
  diff,
  isMarkOnly,
  describe as lines,
  parseA1,
  type SheetSnapshot,
  sheetOf,
  snapshot,
  userDiff,
} from '../trust/snapshot';

const DELEGATES = 'Đại biểu';
const PHONE = 'Điện thoại';
const FILE = 'Danh sách gửi lại.xlsx';
const NOW = '2024-01-05T09:00:00+07:00';

function delegates(ss: LocalSpreadsheet): LocalSheet {
  const s = ss.localSheet(DELEGATES);
  if (!s) throw new Error('no Đại biểu');
  return s;
}

const headerRow = (s: LocalSheet) => (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).map(String);

/** Requires `Điện thoại` (so a phone column read empty is an error the report says). */
function requirePhone(ss: LocalSpreadsheet): void {
  const config = ss.localSheet('Cấu hình') as LocalSheet;
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue(PHONE);
}

/** Every cell of column `col` (1-based) in a sheet snapshot, whole-cell, by row. */
function columnCells(snap: SheetSnapshot | undefined, col: number, rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => {
    const c = cellOf(snap, a1(i + 1, col));
    return CELL_FIELDS.map((f) => c[f]).join('¦');
  });
}

function corpusPhones(): { w: CorpusWorkbook; ss: LocalSpreadsheet; template: number; own: number } {
  const w = CORPUS[0] as CorpusWorkbook;
  const ss = w.build();
  const header = headerRow(delegates(ss));
  const template = header.indexOf(PHONE) + 1;
  const own = header.lastIndexOf(PHONE) + 1;
  expect(own).toBeGreaterThan(template);
  return { w, ss, template, own };
}

const report = (ss: LocalSpreadsheet) => ss.localSheet('Kiểm tra')?.getDataRange().getValues() ?? [];
const letterOf = (col: number) => a1(1, col).slice(0, -1);

describe('validation', () => {
  test('reads the officer’s phones; the template’s empty column is untouched, the officer’s only marked', () => {
    const { w, ss, template, own } = corpusPhones();
    requirePhone(ss);
    const rows = delegates(ss).getMaxRows();
    const before = snapshot(ss);
    runBundle(runtimeFor(ss, w), 'validateAll');
    const after = snapshot(ss);
    const b = sheetOf(before, DELEGATES);
    const a = sheetOf(after, DELEGATES);
    // The template's column: every field of every cell as it was (no mark either: it is not read).
    expect(columnCells(a, template, rows)).toEqual(columnCells(b, template, rows));
    // The officer's column: values, formats, validation as typed; marks only on the blank phones.
    for (let r = 1; r <= rows; r++) {
      const ref = a1(r, own);
      expect([ref, isMarkOnly(cellOf(b, ref), cellOf(a, ref)).ok]).toEqual([ref, true]);
    }
    expect(lines(userDiff(before, after))).toEqual([]);
    const said = report(ss);
    const missing = said.filter((r) => r[3] === 'Thiếu số điện thoại.').map((r) => String(r[2]));
    expect(missing.length).toBeGreaterThan(0);
    // Rows 2–30 hold the officer's phones: none of them is said to be missing.
    expect(missing.filter((c) => parseA1(c)[0] <= 30)).toEqual([]);
    expect(missing.every((c) => c.startsWith(letterOf(own)))).toBe(true);
    expect(said.filter((r) => r[1] === DELEGATES && String(r[2]).startsWith(letterOf(template)))).toEqual([
      expect.arrayContaining([
        `${letterOf(template)}1`,
        `Cột "${PHONE}" xuất hiện 2 lần; chỉ dùng cột ${letterOf(own)}1.`,
      ]),
    ]);
  });

  test('both columns holding data: the first is read, the warning stands at the second', () => {
    const { w, ss, template, own } = corpusPhones();
    requirePhone(ss);
    delegates(ss).getRange(2, template).setValue('0912000111');
    runBundle(runtimeFor(ss, w), 'validateAll');
    const said = report(ss);
    expect(said.filter((r) => String(r[3]).startsWith(`Cột "${PHONE}" xuất hiện`)).map((r) => [r[2], r[3]])).toEqual([
      [`${letterOf(own)}1`, `Cột "${PHONE}" xuất hiện 2 lần; chỉ dùng cột ${letterOf(template)}1.`],
    ]);
    const missing = said.filter((r) => r[3] === 'Thiếu số điện thoại.').map((r) => String(r[2]));
    expect(missing.every((c) => c.startsWith(letterOf(template)))).toBe(true);
    expect(missing).not.toContain(`${letterOf(template)}2`);
    expect(missing).toContain(`${letterOf(template)}3`);
  });

  test('"Thiết lập bảng tính" adds no third Điện thoại column', () => {
    const { w, ss } = corpusPhones();
    runBundle(runtimeFor(ss, w), 'setupWorkbook');
    expect(headerRow(delegates(ss)).filter((h) => h === PHONE)).toHaveLength(2);
  });
});

/** The unit of row 2 and its rows. */
function unitWithPhones(ss: LocalSpreadsheet): { code: string; rows: number[] } {
  const s = delegates(ss);
  const header = headerRow(s);
  const values = s.getDataRange().getValues();
  const unit = header.indexOf('Mã đơn vị');
  const code = String(values[1]?.[unit]);
  const rows = values.flatMap((r, i) => (i > 0 && String(r[unit]) === code ? [i + 1] : []));
  expect(rows.length).toBeGreaterThan(2);
  // Its first rows hold the officer's phones (rows 2–30).
  expect(rows.filter((r) => r <= 30).length).toBeGreaterThan(2);
  return { code, rows };
}

/** The unit's rows as the unit sends them back, phones from column `phoneCol` (1-based), one changed. */
function unitFile(ss: LocalSpreadsheet, rows: number[], phoneCol: number, changed: string): SubmissionCell[][] {
  const s = delegates(ss);
  const header = headerRow(s);
  const values = s.getDataRange().getValues();
  const wanted = ['Họ và tên', 'Dân tộc', 'Giới tính', 'Năm sinh', 'Loại đại biểu'];
  const at = wanted.map((h) => header.indexOf(h));
  const table: SubmissionCell[][] = [[...wanted, PHONE]];
  rows.forEach((r, i) => {
    const v = values[r - 1] ?? [];
    const cells = at.map((c) => v[c] as SubmissionCell);
    table.push([...cells, i === 0 ? changed : String(v[phoneCol - 1] ?? '')]);
  });
  return table;
}

const ok = (d: SubmissionDto): SubmissionPreviewDto => {
  if (!d.ok) throw new Error(d.message);
  return d;
};

describe('intake: "Nhận danh sách" pairs and writes the column validation reads', () => {
  test('the officer’s phones are compared and written; the template’s empty column stays untouched', () => {
    const { w, ss, template, own } = corpusPhones();
    requirePhone(ss);
    const rt = runtimeFor(ss, w);
    const { code, rows } = unitWithPhones(ss);
    const table = unitFile(ss, rows, own, '0987000111');
    const before = snapshot(ss);
    const p = ok(runBundle(rt, 'importSubmission', [code, table, { fileName: FILE }]).result as SubmissionDto);
    expect(lines(diff(before, snapshot(ss)))).toEqual([]);
    // The phones the officer typed are those compared: one changed, the others the same.
    expect([p.added.length, p.removed.length, p.unchanged]).toEqual([0, 0, rows.length - 1]);
    expect(p.changed.map((c) => c.keys)).toEqual([['phone']]);
    const typed = String(
      delegates(ss)
        .getRange(rows[0] as number, own)
        .getValue(),
    );
    expect(typed).toMatch(/^09\d{8}$/);
    expect([p.changed[0]?.before.values.phone, p.changed[0]?.after.values.phone]).toEqual([typed, '0987000111']);

    ok(
      runBundle(rt, 'importSubmission', [code, table, { fileName: FILE, mode: 'replace', expect: p.expect }])
        .result as SubmissionDto,
    );
    const after = snapshot(ss);
    const b = sheetOf(before, DELEGATES);
    const a = sheetOf(after, DELEGATES);
    const changed = diff(before, after).filter((d) => d.sheet === DELEGATES);
    // In the two phone columns: the one phone (the officer's column, as text), nothing else.
    expect(changed.filter((d) => [template, own].includes(parseA1(d.cell)[1]))).toEqual([
      {
        sheet: DELEGATES,
        cell: a1(rows[0] as number, own),
        field: 'value',
        before: `text:${typed}`,
        after: 'text:0987000111',
      },
    ]);
    const maxRows = delegates(ss).getMaxRows();
    expect(columnCells(a, template, maxRows)).toEqual(columnCells(b, template, maxRows));

    // Validation reads what was written: no phone of the unit is missing.
    runBundle(rt, 'validateAll');
    const missing = report(ss)
      .filter((r) => r[3] === 'Thiếu số điện thoại.')
      .map((r) => parseA1(String(r[2]))[0]);
    expect(missing.filter((r) => rows.includes(r) && r <= 30)).toEqual([]);
  });

  test('neither column holding data: the first is written and read; the officer’s empty column untouched', () => {
    const { w, ss, template, own } = corpusPhones();
    requirePhone(ss);
    const s = delegates(ss);
    s.getRange(2, own, s.getLastRow() - 1, 1).clearContent();
    const rt = runtimeFor(ss, w);
    const { code, rows } = unitWithPhones(ss);
    const table = unitFile(ss, rows, own, '0987000111');
    table.slice(2).forEach((r, i) => {
      r[5] = `09870002${String(i).padStart(2, '0')}`;
    });
    const before = snapshot(ss);
    const p = ok(runBundle(rt, 'importSubmission', [code, table, { fileName: FILE }]).result as SubmissionDto);
    expect(p.changed).toHaveLength(rows.length);
    ok(
      runBundle(rt, 'importSubmission', [code, table, { fileName: FILE, mode: 'replace', expect: p.expect }])
        .result as SubmissionDto,
    );
    const maxRows = s.getMaxRows();
    expect(columnCells(sheetOf(snapshot(ss), DELEGATES), own, maxRows)).toEqual(
      columnCells(sheetOf(before, DELEGATES), own, maxRows),
    );
    expect(rows.map((r) => s.getRange(r, template).getValue())).toEqual(table.slice(1).map((r) => r[5]));
    // Now the template's column alone holds data: it is the one read, and the unit's phones are there.
    runBundle(rt, 'validateAll');
    const said = report(ss);
    const missing = said.filter((r) => r[3] === 'Thiếu số điện thoại.').map((r) => String(r[2]));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((c) => c.startsWith(letterOf(template)))).toBe(true);
    expect(missing.filter((c) => rows.includes(parseA1(c)[0]))).toEqual([]);
  });
});

describe('intake: a new delegate', () => {
  test('gets the phone in the officer’s column (text), nothing in the template’s', () => {
    const { w, ss, template, own } = corpusPhones();
    requirePhone(ss);
    const rt = runtimeFor(ss, w);
    const { code, rows } = unitWithPhones(ss);
    const table = unitFile(ss, rows, own, '');
    table[1] = [...(table[1] as SubmissionCell[])];
    (table[1] as SubmissionCell[])[5] = String(
      delegates(ss)
        .getRange(rows[0] as number, own)
        .getValue(),
    );
    table.push(['Hoàng Thị Mới', 'Tày', 'Nữ', 1995, 'Chính thức', '0912000999']);
    const p = ok(runBundle(rt, 'importSubmission', [code, table, { fileName: FILE }]).result as SubmissionDto);
    expect([p.added.length, p.removed.length, p.changed.length]).toEqual([1, 0, 0]);
    ok(
      runBundle(rt, 'importSubmission', [code, table, { fileName: FILE, mode: 'replace', expect: p.expect }])
        .result as SubmissionDto,
    );
    const s = delegates(ss);
    const names = s.getRange(1, headerRow(s).indexOf('Họ và tên') + 1, s.getLastRow(), 1).getValues();
    const row = names.findIndex((r) => r[0] === 'Hoàng Thị Mới') + 1;
    expect(row).toBeGreaterThan(1);
    expect([s.getRange(row, template).getValue(), s.getRange(row, own).getValue()]).toEqual(['', '0912000999']);
    runBundle(rt, 'validateAll');
    const missing = report(ss)
      .filter((r) => r[3] === 'Thiếu số điện thoại.')
      .map((r) => String(r[2]));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing).not.toContain(a1(row, own));
    expect(missing.every((c) => c.startsWith(letterOf(own)))).toBe(true);
  });
});

/**
 * The officer moved the content of a template column of `Đại biểu` into their own column of the same
 * header after the last one (plain text), leaving the template's column with its header only.
 */
function moveToOwnColumn(ss: LocalSpreadsheet, header: string): { template: number; own: number } {
  const s = delegates(ss);
  const template = headerRow(s).indexOf(header) + 1;
  const own = s.getLastColumn() + 1;
  const last = s.getLastRow();
  const body = s.getRange(2, template, last - 1, 1);
  const values = body.getValues();
  s.getRange(1, own).setValue(header);
  s.getRange(2, own, last - 1, 1)
    .setNumberFormat('@')
    .setValues(values);
  body.clearContent();
  return { template, own };
}

function sheetCells(ss: LocalSpreadsheet, name: string): [string, string][] {
  const snap = sheetOf(snapshot(ss), name);
  return [...(snap?.cells ?? new Map())].map(([ref, c]) => [ref, CELL_FIELDS.map((f) => c[f]).join('¦')]);
}

describe('allocation and documents read the column holding data', () => {
  test('"Phân bổ đại biểu" counts the registered delegates from the officer’s Mã đơn vị column', () => {
    const base = buildSample(LANG_SON);
    const moved = buildSample(LANG_SON);
    moveToOwnColumn(moved, 'Mã đơn vị');
    const before = sheetOf(snapshot(moved), DELEGATES);
    for (const ss of [base, moved])
      runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'allocateDelegates', [{ confirmed: true }]);
    const allocation = base.localSheet('Phân bổ')?.getDataRange().getValues() ?? [];
    const registered = (allocation[0] ?? []).map(String).indexOf('Đã đăng ký');
    expect(allocation.slice(1).some((r) => typeof r[registered] === 'number' && r[registered] > 0)).toBe(true);
    expect(sheetCells(moved, 'Phân bổ')).toEqual(sheetCells(base, 'Phân bổ'));
    // Đại biểu as the officer left it, whole-cell.
    expect(sheetCells(moved, DELEGATES)).toEqual(
      [...(before?.cells ?? new Map())].map(([ref, c]) => [ref, CELL_FIELDS.map((f) => c[f]).join('¦')]),
    );
  });

  test.each([
    ['giay-moi', 'Chức vụ, nơi công tác', 'Xã Bình'],
    ['danh-sach-dai-bieu', 'Chức vụ, nơi công tác', 'Xã Bình'],
  ])('%s prints the officer’s %s', (kind, header, sample) => {
    const docs: string[] = [];
    let movedBefore: [string, string][] = [];
    for (const move of [false, true]) {
      const ss = buildSample(LANG_SON);
      if (move) {
        moveToOwnColumn(ss, header);
        movedBefore = sheetCells(ss, DELEGATES);
      }
      const rt = new Runtime({ spreadsheet: ss, now: NOW });
      const r = runBundle(rt, 'generateNotice', [kind, { force: true }]).result as NoticeResultDto;
      expect(r.url).not.toBe('');
      const doc = rt.services.DocumentApp.created[0]?.snapshot() as { blocks: unknown };
      docs.push(JSON.stringify(doc.blocks));
      if (move) expect(sheetCells(ss, DELEGATES)).toEqual(movedBefore);
    }
    expect(docs[0]).toContain(sample);
    expect(docs[1]).toEqual(docs[0]);
  });
});

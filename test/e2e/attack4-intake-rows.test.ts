/**
 * Attacks on the rows "Nhận danh sách" inserts, deletes and rewrites in `Đại biểu` (issue 15):
 * new rows inserted under a row the add-in marked (Sheets carries the row above's formatting onto
 * inserted rows), merged cells over a unit's rows, a look-alike record sheet.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { MARK_COLORS } from '../../src/domain/marks';
import type { SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';
import { sample, writes } from '../trust/faults';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';

function workbook(): { ss: LocalSpreadsheet; rt: Runtime; sheet: LocalSheet } {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  return { ss, rt, sheet };
}

const importSubmission = (rt: Runtime, unit: string, table: SubmissionCell[][], options: object) =>
  runBundle(rt, 'importSubmission', [unit, table, options]).result as SubmissionDto;

const replace = (rt: Runtime, unit: string, table: SubmissionCell[][], fileName = 'ds.xlsx') => {
  const r = importSubmission(rt, unit, table, { fileName, mode: 'replace' });
  if (!r.ok) throw new Error(r.message);
  return r as SubmissionPreviewDto;
};

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

const MARKS = Object.values(MARK_COLORS);

describe('new delegates inserted under a marked row', () => {
  test('carry no mark colour the marks record does not know, and keep the dropdowns', () => {
    const { rt, sheet } = workbook();
    const h = header(sheet);
    const col = (name: string) => h.indexOf(name) + 1;
    const hl = rowsOf(sheet, 'HL');
    const last = hl[hl.length - 1] as number;
    // The last HL delegate's birth year is wrong: validation marks it.
    sheet.getRange(last, col('Năm sinh')).setValue('19x0');
    runBundle(rt, 'validateAll');
    const marked = sheet.getRange(last, col('Năm sinh')).getBackground();
    expect(MARKS).toContain(marked);
    const ethnicRule = sheet.getRange(last, col('Dân tộc')).getDataValidation();
    expect(ethnicRule).not.toBeNull();

    // The unit sends its list: every delegate (the year corrected) and two new ones.
    const values = sheet.getDataRange().getValues();
    const list: SubmissionCell[][] = [['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu']];
    for (const r of hl) {
      const row = values[r - 1] as unknown[];
      list.push([
        String(row[col('Họ và tên') - 1]),
        r === last ? 1980 : (row[col('Năm sinh') - 1] as number),
        String(row[col('Dân tộc') - 1]),
        String(row[col('Giới tính') - 1]),
        String(row[col('Loại đại biểu') - 1]),
      ]);
    }
    list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức'], ['Người Mới Hai', 1992, 'Nùng', 'Nam', 'Chính thức']);
    const r = replace(rt, 'HL', list);
    expect(r.added).toHaveLength(2);
    const news = rowsOf(sheet, 'HL').filter((row) =>
      String(sheet.getRange(row, col('Họ và tên')).getValue()).startsWith('Người Mới'),
    );
    expect(news).toHaveLength(2);
    for (const row of news) {
      const fills = sheet.getRange(row, 1, 1, h.length).getBackgrounds()[0] as string[];
      expect(fills.filter((f) => MARKS.includes(f.toLowerCase()))).toEqual([]);
      expect(sheet.getRange(row, col('Dân tộc')).getDataValidation()).not.toBeNull();
    }
    // Validation again: the corrected year's mark is cleared, nothing stays coloured.
    runBundle(rt, 'validateAll');
    for (const row of [last, ...news]) {
      expect(MARKS).not.toContain(sheet.getRange(row, col('Năm sinh')).getBackground());
    }
  });
});

test('the first list into an empty `Đại biểu`: the new rows are not styled as the header and keep the dropdowns', () => {
  const { rt, sheet } = workbook();
  const h = header(sheet);
  const col = (name: string) => h.indexOf(name) + 1;
  const last = sheet.getLastRow();
  const below = sheet.getRange(last + 1, col('Dân tộc')).getDataValidation();
  sheet.getRange(2, 1, last - 1, sheet.getMaxColumns()).clearContent();
  expect(sheet.getRange(1, col('Họ và tên')).getFontWeight()).toBe('bold');
  const r = replace(rt, 'HL', [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu'],
    ['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức'],
  ]);
  expect(r.written?.rows).toBe(1);
  const [row] = rowsOf(sheet, 'HL');
  expect(row).toBe(2);
  const headerFill = sheet.getRange(1, 1).getBackground();
  const fills = sheet.getRange(2, 1, 1, h.length).getBackgrounds()[0] as string[];
  expect(fills).not.toContain(headerFill);
  expect(sheet.getRange(2, 1, 1, h.length).getFontWeights()[0]).not.toContain('bold');
  expect(below).not.toBeNull();
  expect(sheet.getRange(2, col('Dân tộc')).getDataValidation()).not.toBeNull();
});

test('cells merged by the officer over a unit’s rows: the replace is refused naming the cells, nothing written', () => {
  const { ss, rt, sheet } = workbook();
  const h = header(sheet);
  const hl = rowsOf(sheet, 'HL');
  const own = h.length + 1;
  const [a, b] = hl as [number, number];
  // The officer's own column "Ghi chú ĐV", the unit name merged over two of HL's rows.
  sheet.getRange(a, own, b - a + 1, 1).merge();
  sheet.getRange(a, own).setValue('Huyện Hữu Lũng');
  const before = sheet.getDataRange().getValues();
  const r = importSubmission(
    rt,
    'HL',
    [
      ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
      ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
    ],
    { fileName: 'ds.xlsx', mode: 'replace' },
  );
  expect(r.ok).toBe(false);
  expect(r.message).toContain('gộp');
  expect(r.message).toContain(sheet.getRange(a, own, b - a + 1, 1).getA1Notation());
  expect(sheet.getDataRange().getValues()).toEqual(before);
  expect(ss.getSheetByName('Tiếp nhận danh sách')).toBeNull();
});

test('a record sheet renamed to a look-alike ("TIẾP NHẬN DANH SÁCH ") still counts the units that sent', () => {
  const { ss, rt } = workbook();
  replace(rt, 'HL', [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
  ]);
  const sent = (): number => {
    const o = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'getOverview').result as {
      intake?: { sent: number };
    };
    return o.intake?.sent ?? -1;
  };
  expect(sent()).toBe(1);
  ss.getSheetByName('Tiếp nhận danh sách')?.setName('TIẾP NHẬN DANH SÁCH ');
  expect(sent()).toBe(1);
  // The next list is recorded in that sheet, not in a second one.
  replace(new Runtime({ spreadsheet: ss, now: NOW }), 'Chi Lăng', [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Người Mới Hai', 1990, 'Nùng', 'Chính thức'],
  ]);
  expect(ss.getSheetByName('Tiếp nhận danh sách')).toBeNull();
  expect(sent()).toBe(2);
});

describe('two officers take two units’ lists', () => {
  const list = (names: string[]): SubmissionCell[][] => [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ...names.map((n, i) => [n, 1970 + i, 'Tày', 'Chính thức'] as SubmissionCell[]),
  ];
  test('both previewed first, then both confirmed: each unit’s rows are its list, wherever the other moved them', () => {
    const { ss, sheet } = workbook();
    const a = new Runtime({ spreadsheet: ss, now: NOW });
    const b = new Runtime({ spreadsheet: ss, now: NOW });
    const name = header(sheet).indexOf('Họ và tên') + 1;
    const namesOf = (code: string) => rowsOf(sheet, code).map((r) => String(sheet.getRange(r, name).getValue()));
    const others = namesOf('TPLS');
    const hlList = list(['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C']);
    const clList = list(['Hoàng Văn D']);
    const codes = ['HL', 'CL'];
    const pa = importSubmission(a, codes[0] as string, hlList, { fileName: 'hl.xlsx' }) as SubmissionPreviewDto;
    const pb = importSubmission(b, codes[1] as string, clList, { fileName: 'cl.xlsx' }) as SubmissionPreviewDto;
    expect(pa.ok && pb.ok).toBe(true);
    const ra = importSubmission(a, 'HL', hlList, { fileName: 'hl.xlsx', mode: 'replace', expect: pa.expect });
    expect(ra.ok).toBe(true);
    // B confirms the preview it saw: the HL rows above CL's moved, CL's own rows and the file did not.
    const rb = importSubmission(b, 'CL', clList, { fileName: 'cl.xlsx', mode: 'replace', expect: pb.expect });
    expect(rb.message).not.toMatch(/xem trước lại/);
    expect(rb.ok).toBe(true);
    expect(namesOf('HL')).toEqual(['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C']);
    expect(namesOf('CL')).toEqual(['Hoàng Văn D']);
    expect(namesOf('TPLS')).toEqual(others);
  });
});

test.each([
  ['under a marked row', 'RangeList.setBackground'],
  ['into an empty `Đại biểu` (under the header)', 'Range.setDataValidations'],
])(
  'fault sweep over a replace %s: whichever write fails, the workbook is as before or the message names the sheet',
  (scenario, newWrite) => {
    const fresh = () => {
      const { ss, rt, sheet } = workbook();
      const h = header(sheet);
      if (scenario.startsWith('under a marked')) {
        const hl = rowsOf(sheet, 'HL');
        const last = hl[hl.length - 1] as number;
        sheet.getRange(last, h.indexOf('Năm sinh') + 1).setValue('19x0');
        runBundle(rt, 'validateAll');
      } else {
        sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getMaxColumns()).clearContent();
      }
      return { ss, rt: new Runtime({ spreadsheet: ss, now: NOW }) };
    };
    const table: SubmissionCell[][] = [
      ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
      ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
      ['Người Mới Hai', 1992, 'Nùng', 'Chính thức'],
    ];
    const clean = fresh();
    const before = snapshot(clean.ss);
    const counted = runBundle(clean.rt, 'importSubmission', ['HL', table, { fileName: 'x.xlsx', mode: 'replace' }]);
    expect((counted.result as SubmissionDto).ok).toBe(true);
    const keys = writes(counted.calls);
    expect(keys.map(([k]) => k)).toEqual(expect.arrayContaining([newWrite]));
    const findings: string[] = [];
    let failed = 0;
    for (const [key, count] of keys) {
      for (const n of sample(key, count)) {
        const { ss, rt } = fresh();
        rt.failOn(key, { after: n });
        let message = '';
        try {
          const r = runBundle(rt, 'importSubmission', ['HL', table, { fileName: 'x.xlsx', mode: 'replace' }])
            .result as SubmissionDto;
          if (r.ok) continue;
          message = r.message;
        } catch (e) {
          message = e instanceof Error ? e.message : String(e);
        }
        failed++;
        const left = diff(before, snapshot(ss));
        if (message === '') findings.push(`${key}#${n}: failed without a message`);
        if (left.length > 0 && !/Đại biểu/.test(message))
          findings.push(`${key}#${n}: changed without naming the sheet: ${message}`);
        if (/chưa có gì thay đổi/i.test(message) && left.length > 0)
          findings.push(`${key}#${n}: says unchanged but changed`);
      }
    }
    expect(failed).toBeGreaterThan(3);
    expect(findings).toEqual([]);
  },
);

test('cells merged over another unit’s rows between the unit’s rows do not stop the replace and stay over those rows', () => {
  const { rt, sheet } = workbook();
  const h = header(sheet);
  const name = h.indexOf('Họ và tên') + 1;
  const hl = rowsOf(sheet, 'HL');
  const own = h.length + 1;
  let start = 0;
  for (let r = (hl[0] as number) + 1; r < (hl[hl.length - 1] as number); r++) {
    if (!hl.includes(r) && !hl.includes(r + 1) && r + 1 < (hl[hl.length - 1] as number)) {
      start = r;
      break;
    }
  }
  expect(start).toBeGreaterThan(0);
  const people = [sheet.getRange(start, name).getValue(), sheet.getRange(start + 1, name).getValue()];
  sheet.getRange(start, own, 2, 1).merge();
  sheet.getRange(start, own).setValue('Ghi chú chung');
  const r = replace(rt, 'HL', [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
  ]);
  expect(r.written?.rows).toBe(1);
  const merged = sheet.getRange(1, own, sheet.getMaxRows(), 1).getMergedRanges();
  expect(merged).toHaveLength(1);
  const at = (merged[0] as ReturnType<LocalSheet['getRange']>).getRow();
  expect([sheet.getRange(at, name).getValue(), sheet.getRange(at + 1, name).getValue()]).toEqual(people);
  expect(sheet.getRange(at, own).getValue()).toBe('Ghi chú chung');
});

test('a record sheet renamed to another name is no longer counted (the progress says which sheet counts); the next list starts a new one', () => {
  const { ss, rt } = workbook();
  const one: SubmissionCell[][] = [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
  ];
  replace(rt, 'HL', one);
  ss.getSheetByName('Tiếp nhận danh sách')?.setName('Đã nhận (lưu)');
  const submitted = () =>
    (
      runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'progressSummary').result as {
        milestones: { key: string; sentence: string; note?: string }[];
      }
    ).milestones.find((m) => m.key === 'submitted');
  const after = submitted();
  expect(after?.sentence).toMatch(/^0\//);
  expect(after?.note).toContain('"Tiếp nhận danh sách"');
  replace(new Runtime({ spreadsheet: ss, now: NOW }), 'HL', one);
  expect(ss.getSheetByName('Tiếp nhận danh sách')?.getLastRow()).toBe(2);
  expect(submitted()?.sentence).toMatch(/^1\//);
  expect(ss.getSheetByName('Đã nhận (lưu)')?.getLastRow()).toBe(2);
});

test('a mark below the unit’s rows, moved far by the rows a replace inserts and deletes, is still cleared once fixed', () => {
  const { rt, sheet } = workbook();
  const h = header(sheet);
  const col = (n: string) => h.indexOf(n) + 1;
  const values = sheet.getDataRange().getValues();
  const unit = 'TPLS';
  const last = Math.max(...rowsOf(sheet, unit));
  const below = values.findIndex((r, i) => i + 1 > last && r[col('Mã đơn vị') - 1] !== '') + 1;
  expect(below).toBeGreaterThan(0);
  const who = String(sheet.getRange(below, col('Họ và tên')).getValue());
  const year = sheet.getRange(below, col('Năm sinh')).getValue();
  sheet.getRange(below, col('Năm sinh')).setValue('19x0');
  runBundle(rt, 'validateAll');
  expect(MARKS).toContain(sheet.getRange(below, col('Năm sinh')).getBackground());
  const list: SubmissionCell[][] = [['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu']];
  for (let i = 0; i < 80; i++) list.push([`Người Mới ${i}`, 1960 + (i % 40), 'Tày', 'Chính thức']);
  replace(new Runtime({ spreadsheet: sheet.spreadsheet, now: NOW }), unit, list);
  const moved =
    sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[col('Họ và tên') - 1] === who) + 1;
  expect(moved).toBeGreaterThan(below + 50);
  sheet.getRange(moved, col('Năm sinh')).setValue(year);
  runBundle(new Runtime({ spreadsheet: sheet.spreadsheet, now: NOW }), 'validateAll');
  expect(MARKS).not.toContain(sheet.getRange(moved, col('Năm sinh')).getBackground());
  expect(sheet.getRange(moved, col('Năm sinh')).getNote()).toBe('');
});

test('`Tiếp nhận danh sách` edited by hand: a column inserted before the record is refused with the header it must have; a note column after it is fine', () => {
  const { ss, rt } = workbook();
  const one: SubmissionCell[][] = [
    ['Họ và tên', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Người Mới Một', 1991, 'Tày', 'Chính thức'],
  ];
  replace(rt, 'HL', one);
  const record = ss.getSheetByName('Tiếp nhận danh sách');
  if (!record) throw new Error('no record');
  // A note column after the record's columns, and a note typed in it.
  record.getRange(1, 9, 2, 1).setValues([['Ghi chú'], ['Đã gọi điện nhắc']]);
  replace(new Runtime({ spreadsheet: ss, now: NOW }), 'CL', one);
  expect(record.getLastRow()).toBe(3);
  expect(record.getRange(2, 9).getValue()).toBe('Đã gọi điện nhắc');
  // A column inserted in front: the record's header is no longer where it must be.
  record.insertColumnBefore(1);
  record.getRange(1, 1).setValue('STT');
  const before = record.getDataRange().getValues();
  const r = importSubmission(new Runtime({ spreadsheet: ss, now: NOW }), 'HL', one, { mode: 'replace' });
  expect(r.ok).toBe(false);
  expect(r.message).toContain('Mã đơn vị | Tên đơn vị | Tệp | Ngày nhận');
  expect(r.message).toContain('chưa có gì thay đổi');
  expect(record.getDataRange().getValues()).toEqual(before);
});

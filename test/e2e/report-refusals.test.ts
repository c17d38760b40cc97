/**
 * Báo cáo cơ cấu against users: counts that would be unreliable are refused before any Doc exists,
 * in Vietnamese, naming the sheet and the cell; what would print as "chưa rõ" is asked first and
 * printed once confirmed; field lengths are checked before a Doc; a fault at any Docs call leaves at
 * most one unfinished Doc and the retry completes it under the same number; decorated workbooks keep
 * every cell; the service calls do not grow with the delegate rows.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { diff, snapshot } from '../trust/snapshot';
import { resolvedDuplicate } from './attack4-report-helpers';

const NOW = '2024-01-05T09:00:00+07:00';
const ENGLISH = /\b(the|is|was|error|failed|service|exception|please|sorry|invalid|argument|null|undefined)\b/i;

// The demo's deliberate duplicate guest is asked about first (test/e2e/attack4-report-checks.test.ts).
function fresh(ss: LocalSpreadsheet = resolvedDuplicate(buildSample(SAMPLES['lang-son']!)), now = NOW) {
  const runtime = new Runtime({ spreadsheet: ss, now });
  const generate = (options: Record<string, unknown> = {}) =>
    runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', options]).result as NoticeResultDto;
  const failure = (options: Record<string, unknown> = {}) => {
    try {
      generate(options);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };
  const docs = () => runtime.services.DocumentApp.created;
  const logRows = () => (ss.getSheetByName('Văn bản')?.getDataRange().getValues() ?? []).slice(1);
  const delegates = ss.getSheetByName('Đại biểu');
  const setConfig = (label: string, value: string | number) => {
    const sheet = ss.getSheetByName('Cấu hình');
    const i = (sheet?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === label);
    if (i < 0) throw new Error(`no setting ${label}`);
    sheet?.getRange(i + 1, 2).setValue(value);
    return `B${i + 1}`;
  };
  return { runtime, ss, generate, failure, docs, logRows, delegates, setConfig };
}

describe('refused before any Doc, naming the sheet and the cell', () => {
  it.each([
    ['an ethnic group the add-in does not know', 4, 'Xa Lạ', /ô D2 \(dân tộc\)/],
    ['a gender it cannot read', 5, 'Khác', /ô E2 \(giới tính\)/],
    ['a unit not in Đơn vị', 3, 'ZZ9', /ô C2 \(đơn vị "ZZ9" không có trong trang "Đơn vị"\)/],
    ['a blank type of delegate', 8, '', /ô H2 \(loại đại biểu trống\)/],
    [
      'a birth year after the congress',
      6,
      2030,
      /năm sinh không hợp lệ.*ô F2 \(năm sinh 2030 không trước năm Đại hội 2024\)/,
    ],
    ['a birth year before 1900', 6, 1890, /ô F2 \(năm sinh 1890 trước năm 1900\)/],
  ])('%s', (_what, column, value, cell) => {
    const t = fresh();
    t.delegates?.getRange(2, column).setValue(value);
    const before = snapshot(t.ss);
    const message = t.failure();
    expect(message).toMatch(/^Chưa tạo báo cáo cơ cấu đại biểu vì trang "Đại biểu"/);
    expect(message).toMatch(cell);
    expect(ENGLISH.test(message)).toBe(false);
    expect(t.docs()).toHaveLength(0);
    expect(diff(before, snapshot(t.ss))).toEqual([]);
    // Confirming does not print it either.
    expect(() => t.generate({ force: true })).toThrow(cell);
    expect(t.docs()).toHaveLength(0);
  });

  it('no congress year: names the cell of "Năm"', () => {
    const t = fresh();
    const cell = t.setConfig('Năm', '');
    const message = t.failure();
    expect(message).toContain(`chưa có "Năm" tổ chức Đại hội (ô ${cell})`);
    expect(t.docs()).toHaveLength(0);
  });

  it('age bands that cannot be read: names the cell, never prints other bands', () => {
    const t = fresh();
    const cell = t.setConfig('Mốc nhóm tuổi', '30, 20, abc');
    const message = t.failure({ force: true });
    expect(message).toContain(`ô ${cell} của trang "Cấu hình" ("Mốc nhóm tuổi") là "30, 20, abc"`);
    expect(t.docs()).toHaveLength(0);
  });

  it('age bands the officer set are the bands printed', () => {
    const t = fresh();
    t.setConfig('Mốc nhóm tuổi', '35; 50');
    t.generate({ force: true });
    const text = t.docs()[0]?.body.getText() ?? '';
    expect(text).toContain('Dưới 35 tuổi');
    expect(text).toContain('Từ 35 đến 49 tuổi');
    expect(text).toContain('Từ 50 tuổi trở lên');
    expect(text).not.toContain('Từ 46 đến 60 tuổi');
  });

  it('a document too long for Google Docs (a 40,000-character Thành phần on each delegate) is refused before a Doc', () => {
    const t = fresh();
    const n = (t.delegates?.getLastRow() ?? 1) - 1;
    const long = Array.from({ length: n }, (_, i) => [`${'Thành phần rất dài '.repeat(2100)}${i}`]);
    t.delegates?.getRange(2, 7, n, 1).setValues(long);
    const before = snapshot(t.ss);
    const message = t.failure({ force: true });
    expect(message).toMatch(/^Văn bản quá dài \(khoảng [\d.]+ ký tự/);
    expect(message).toContain('Chưa có văn bản nào được tạo');
    expect(message).toContain('"Đại biểu"');
    expect(t.docs()).toHaveLength(0);
    expect(t.logRows()).toHaveLength(0);
    expect(diff(before, snapshot(t.ss))).toEqual([]);
  });
});

describe('questioned first, printed once confirmed', () => {
  it('a blank gender: asks naming the cell, then prints a "Chưa rõ giới tính" row', () => {
    const t = fresh();
    t.delegates?.getRange(3, 5).setValue('');
    const asked = t.generate();
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain('chưa ghi giới tính');
    expect(asked.message).toContain('ô E3 (giới tính trống)');
    expect(t.docs()).toHaveLength(0);
    const made = t.generate({ force: true });
    expect(made.number).toBe('01/BC-BCĐ');
    expect(made.message).toContain('ô E3');
    const text = t.docs()[0]?.body.getText() ?? '';
    expect(text).toMatch(/Chưa rõ giới tính\n1\n0,4/);
  });

  it('a blank group and birth year: asked, then "Chưa rõ" rows and tables still adding up to 100,0', () => {
    const t = fresh();
    t.delegates?.getRange(2, 4).setValue('');
    t.delegates?.getRange(4, 6).setValue('');
    const asked = t.generate();
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain('ô D2 (dân tộc trống)');
    expect(asked.message).toContain('ô F4 (năm sinh trống)');
    t.generate({ force: true });
    const tables = (t.docs()[0]?.snapshot().blocks ?? []).flatMap((b) =>
      b.type === 'table'
        ? [b.rows.map((r) => r.cells.map((c) => c.blocks.map((x) => (x.type === 'paragraph' ? x.text : '')).join('')))]
        : [],
    );
    const ethnic = tables.find((r) => r[0]?.[1] === 'Dân tộc') ?? [];
    const age = tables.find((r) => r[0]?.[1] === 'Độ tuổi') ?? [];
    expect(ethnic.at(-2)?.slice(1, 3)).toEqual(['Chưa rõ dân tộc', '1']);
    expect(age.at(-2)?.slice(1, 3)).toEqual(['Chưa rõ năm sinh', '1']);
    for (const table of [ethnic, age]) {
      expect(table.at(-1)?.slice(1)).toEqual(['Tổng cộng', '250', '100,0']);
      for (const r of table.slice(1, -1)) {
        const tenths = Math.floor((2000 * Number(r[2]) + 250) / 500);
        expect(r[3]).toBe(`${Math.floor(tenths / 10)},${tenths % 10}`);
      }
    }
  });

  it('guests only: refused, saying no official delegate is listed', () => {
    const t = fresh();
    const n = (t.delegates?.getLastRow() ?? 1) - 1;
    t.delegates?.getRange(2, 8, n, 1).setValues(Array.from({ length: n }, () => ['Khách mời']));
    expect(t.failure()).toBe(
      'Chưa tạo báo cáo cơ cấu đại biểu vì trang "Đại biểu" chưa có đại biểu chính thức hoặc đại biểu đương nhiên nào.',
    );
    expect(t.docs()).toHaveLength(0);
  });

  it('a person listed twice: asks naming both rows', () => {
    const t = fresh();
    const first = t.delegates?.getRange(2, 1, 1, 10).getValues()[0] ?? [];
    t.delegates?.getRange(3, 2).setValue(first[1] as string);
    t.delegates?.getRange(3, 6).setValue(first[5] as number);
    const asked = t.generate();
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toMatch(/dòng 3: ".+" \(sinh \d{4}\) có thể trùng với dòng 2/);
  });

  it('a unit whose delegates differ from its Số chính thức (after allocation): asks naming the unit', () => {
    const t = fresh();
    runBundle(t.runtime, 'allocateDelegates');
    // One official delegate of the first unit becomes a guest.
    const rows = t.delegates?.getDataRange().getValues() ?? [];
    const i = rows.findIndex((r, k) => k > 0 && r[2] === rows[1]?.[2] && r[7] === 'Chính thức');
    t.delegates?.getRange(i + 1, 8).setValue('Khách mời');
    const asked = t.generate();
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain('Hữu Lũng');
  });
});

describe('the Party-member column', () => {
  /** The `Đảng viên` column of the sheet (the template's, or one the officer added to an older workbook). */
  function partyColumn(t: ReturnType<typeof fresh>): number {
    const header = t.delegates?.getRange(1, 1, 1, t.delegates.getMaxColumns()).getValues()[0] ?? [];
    let i = header.indexOf('Đảng viên');
    if (i < 0) {
      i = header.filter((h) => h !== '').length;
      t.delegates?.getRange(1, i + 1).setValue('Đảng viên');
    }
    return i + 1;
  }

  it('prints the Party section with the count and share of the official delegates marked', () => {
    const t = fresh();
    const column = partyColumn(t);
    const rows = t.delegates?.getDataRange().getValues() ?? [];
    // Every third row marked "x", "Không" on the others: only official and ex-officio rows count.
    const marks = rows.slice(1).map((_, i) => [i % 3 === 0 ? 'x' : 'Không']);
    t.delegates?.getRange(2, column, marks.length, 1).setValues(marks);
    const official = (r: unknown[]) => r[7] === 'Chính thức' || r[7] === 'Đương nhiên';
    const counted = rows.slice(1).filter((r, i) => i % 3 === 0 && official(r)).length;
    const total = rows.slice(1).filter(official).length;
    const made = t.generate();
    expect(made.needsForce).toBeFalsy();
    const text = t.docs()[0]?.body.getText() ?? '';
    expect(text).toContain('VI. ĐẢNG VIÊN');
    const m = /Số đại biểu là đảng viên: (\d+) đại biểu \((\d+),(\d)%\)\./.exec(text);
    expect(Number(m?.[1])).toBe(counted);
    expect(Math.abs(Number(`${m?.[2]}.${m?.[3]}`) - (100 * counted) / total)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(text).toContain('VII. SỐ ĐẠI BIỂU THEO ĐƠN VỊ');
  });

  it('a blank column prints no Party figure (never "0 đảng viên" for a list nobody filled in)', () => {
    const t = fresh();
    partyColumn(t);
    t.generate();
    expect(t.docs()[0]?.body.getText()).not.toContain('ĐẢNG VIÊN');
  });

  it('a cell that says neither yes nor no: asked first, naming the cell', () => {
    const t = fresh();
    const column = partyColumn(t);
    t.delegates?.getRange(2, column).setValue('x');
    t.delegates?.getRange(3, column).setValue('đang xét');
    const asked = t.generate();
    expect(asked.needsForce).toBe(true);
    const letter = String.fromCharCode(64 + column);
    expect(asked.message).toContain(`ô ${letter}3 ("đang xét")`);
    expect(t.docs()).toHaveLength(0);
  });
});

describe('the same data again', () => {
  it('reopens the Doc it made; a change in the delegates makes the next number', () => {
    const t = fresh();
    const first = t.generate();
    expect(t.generate()).toMatchObject({ reused: true, url: first.url, number: '01/BC-BCĐ' });
    t.delegates?.getRange(2, 7).setValue('Giáo viên');
    expect(t.generate().number).toBe('02/BC-BCĐ');
    expect(t.docs()).toHaveLength(2);
  });

  it('a draft takes no number', () => {
    const t = fresh();
    const draft = t.generate({ draft: true });
    expect(draft.number).toBe('');
    expect(t.docs()[0]?.body.getText()).toContain('Số:      /BC-BCĐ');
    // Signed: issueDraft gives it the next BC number and the day, in the Doc and in the log.
    const issued = runBundle(t.runtime, 'issueDraft', [draft.url, { date: '2024-01-08' }]).result as NoticeResultDto;
    expect(issued.number).toBe('01/BC-BCĐ');
    const text = t.docs()[0]?.body.getText() ?? '';
    expect(text).toContain('Số: 01/BC-BCĐ');
    expect(text).toContain('Lạng Sơn, ngày 08 tháng 01 năm 2024');
    expect(t.logRows()[0]?.slice(0, 2)).toEqual(['Báo cáo cơ cấu đại biểu', '01/BC-BCĐ']);
  });
});

describe('decorated workbooks (test/trust/corpus.ts): only new `Văn bản` rows change', () => {
  it.each(CORPUS.map((w) => [w.name, w] as const))('%s', (_name, w) => {
    const ss = w.build();
    const t = fresh(ss, w.now);
    const before = snapshot(ss);
    let result: NoticeResultDto | null = null;
    let message = '';
    try {
      result = t.generate();
      if (result.needsForce) result = t.generate({ force: true });
    } catch (e) {
      message = (e as Error).message;
    }
    if (result) {
      expect(result.number).toMatch(/^01\/BC-/);
      expect(t.docs()).toHaveLength(1);
    } else {
      expect(message).toMatch(/^Chưa|^Trang|^Không/);
      expect(ENGLISH.test(message)).toBe(false);
      expect(t.docs()).toHaveLength(0);
    }
    const changes = diff(before, snapshot(ss)).filter((d) => d.sheet !== 'Văn bản');
    expect(changes).toEqual([]);
  });
});

describe('fault sweep over the report', () => {
  const DOCS = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|Range|Sheet|Spreadsheet)\./;
  const clean = fresh();
  clean.runtime.resetCalls();
  clean.generate();
  const cases = Object.keys(clean.runtime.calls)
    .filter((k) => DOCS.test(k))
    .map((key) => ({ key }));

  it('covers the Docs calls of the report', () => {
    expect(cases.map((c) => c.key)).toEqual(
      expect.arrayContaining(['DocumentApp.create', 'Body.appendTable', 'Range.setValues']),
    );
  });

  it.each(cases)('$key fails once: a Vietnamese message; the retry leaves one complete Doc, one row', ({ key }) => {
    const t = fresh();
    t.runtime.failOn(key, { after: 0 });
    let message = '';
    try {
      t.generate();
    } catch (e) {
      message = (e as Error).message;
    }
    t.runtime.clearFaults();
    if (message) expect(ENGLISH.test(message)).toBe(false);
    const retry = t.generate();
    expect(retry.number).toBe('01/BC-BCĐ');
    expect(t.generate()).toMatchObject({ reused: true, url: retry.url });
    expect(t.logRows()).toHaveLength(1);
    expect(t.docs().filter((d) => d.name.startsWith('[CHƯA HOÀN THÀNH]')).length).toBeLessThanOrEqual(1);
    expect(t.docs().length).toBeLessThanOrEqual(2);
    expect(
      t
        .docs()
        .filter((d) => d.url === retry.url)[0]
        ?.body.getText(),
    ).toContain('Tổng cộng');
  });
});

/** A generated province of 11 units with every spoiled row repaired (the report refuses them otherwise). */
function province(delegates: number): LocalSpreadsheet {
  const { spreadsheet } = buildSynthetic({ units: 11, delegates });
  const codes = new Set(
    (spreadsheet.getSheetByName('Đơn vị')?.getDataRange().getValues() ?? []).slice(1).map((r) => String(r[0])),
  );
  const sheet = spreadsheet.getSheetByName('Đại biểu');
  const rows = sheet?.getDataRange().getValues() ?? [];
  const first = [...codes][0] as string;
  const fixed = rows.slice(1).map((r) => {
    const out = [...r];
    if (String(out[3]) === 'Dân tộc Xa Lạ') out[3] = 'Tày';
    if (!codes.has(String(out[2])) && out[2] !== 'Cấp tỉnh') out[2] = first;
    if (Number(out[5]) < 1900) out[5] = 1980;
    if (!String(out[7])) out[7] = 'Chính thức';
    return out;
  });
  sheet?.getRange(2, 1, fixed.length, fixed[0]?.length ?? 10).setValues(fixed);
  return spreadsheet;
}

describe('calls flat in the delegate rows', () => {
  it('the same service calls, kind by kind, at 2,000 and 8,000 delegates', () => {
    const callsAt = (n: number) => {
      const runtime = new Runtime({ spreadsheet: province(n), now: '2025-03-10T09:00:00+07:00' });
      const run = runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', { force: true }]);
      expect((run.result as NoticeResultDto).number).toMatch(/^01\/BC-/);
      return run.calls;
    };
    const small = callsAt(2000);
    expect(callsAt(8000)).toEqual(small);
    expect(small['Range.getValues']).toBeLessThanOrEqual(12);
  });
});

/**
 * "Tạo văn bản" against users: a workbook decorated the way people decorate it (notes, fills, bold,
 * formulas, a column of their own inside `Văn bản`) is snapshotted cell by cell before and after
 * each kind of notice: only new `Văn bản` rows may appear. Then a fault sweep: each service call of
 * a notice fails in turn (its first and its last occurrence), then the user retries without faults:
 * the message is Vietnamese and says what exists, at most one unfinished Doc remains, one log row,
 * no number is given twice, and the data's Doc is returned from then on.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { NOTICE_MESSAGES } from '../../src/docs/notices';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';

const NOW = new Date('2024-01-05T09:00:00+07:00');
const ENGLISH = /\b(the|is|was|error|failed|service|exception|please|sorry|invalid|argument|null|undefined)\b/i;

type Local = Runtime['spreadsheet'];
type LocalSheet = NonNullable<ReturnType<Local['getSheetByName']>>;

/** Every property a user may have set, for every cell of the sheet's used area. */
function snapshotSheet(sheet: LocalSheet, rows = sheet.getMaxRows(), cols = sheet.getMaxColumns()) {
  if (rows === 0 || cols === 0) return [];
  const r = sheet.getRange(1, 1, rows, cols);
  const values = r.getValues();
  const formulas = r.getFormulas();
  const notes = r.getNotes();
  const backgrounds = r.getBackgrounds();
  const formats = r.getNumberFormats();
  const weights = r.getFontWeights();
  const validations = r.getDataValidations();
  return values.map((line, i) =>
    line.map((v, j) => ({
      v: v instanceof Date ? v.toISOString() : v,
      f: formulas[i]?.[j],
      n: notes[i]?.[j],
      bg: backgrounds[i]?.[j],
      nf: formats[i]?.[j],
      w: weights[i]?.[j],
      dv: validations[i]?.[j] ? String(validations[i]?.[j]?.getCriteriaType()) : null,
    })),
  );
}

function snapshot(ss: Local) {
  return Object.fromEntries(ss.getSheets().map((s) => [s.getName(), snapshotSheet(s)]));
}

function fresh() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.spreadsheet;
  const generate = (kind: NoticeKind, options?: object): NoticeResultDto =>
    runtime.execute(
      () => runBundle(runtime, 'generateNotice', options ? [kind, options] : [kind]).result,
    ) as NoticeResultDto;
  return { runtime, ss, generate, docs: () => runtime.services.DocumentApp.created };
}

/** Notes, fills, bold and formulas where people put them. */
function decorate(ss: Local): void {
  const meetings = ss.getSheetByName('Cuộc họp') as LocalSheet;
  meetings.getRange('A2').setNote('Họp thường kỳ');
  meetings.getRange('A2:F2').setBackground('#fff2cc');
  meetings.getRange('C2').setFontWeight('bold');
  const conclusions = ss.getSheetByName('Kết luận') as LocalSheet;
  conclusions.getRange('E1').setValue('Độ dài');
  conclusions.getRange('E2').setFormula('=LEN(C2)');
  conclusions.getRange('C3').setNote('Đã thống nhất với Ban Dân tộc');
  const allocation = ss.getSheetByName('Phân bổ') as LocalSheet;
  allocation.getRange('F2').setNote('Chờ ý kiến Thường trực');
  allocation.getRange('G2:G5').setBackground('#d9ead3');
  const members = ss.getSheetByName('Thành viên') as LocalSheet;
  members.getRange('B2').setBackground('#cfe2f3');
}

describe('whole-cell snapshots: generateNotice changes nothing but new `Văn bản` rows', () => {
  it('three kinds of notice on a decorated workbook, with a column of the user’s inside `Văn bản`', () => {
    const { runtime, ss, generate } = fresh();
    runBundle(runtime, 'allocateDelegates');
    decorate(ss);
    generate('phan-cong-nhiem-vu');
    // The user adds a column of their own between `Số` and `Ngày`, with a note, a fill and a formula.
    const log = ss.getSheetByName('Văn bản') as LocalSheet;
    log.insertColumnsAfter(2, 1);
    log.getRange('C1').setValue('Ghi chú của tôi');
    log.getRange('C2').setFormula('=B2');
    log.getRange('C2').setNote('đã gửi');
    log.getRange('C1:C30').setBackground('#f4cccc');
    const before = snapshot(ss);
    const logRows = log.getLastRow();
    const made = [generate('thong-bao-ket-luan'), generate('phan-bo-dai-bieu')];
    expect(made.map((m) => m.number)).toEqual(['01/TB-UBND', '01/TB-BCĐ']);
    const after = snapshot(ss);
    for (const name of Object.keys(before)) {
      if (name === 'Văn bản') continue;
      expect({ name, cells: after[name] }).toEqual({ name, cells: before[name] });
    }
    const logBefore = before['Văn bản'] as ReturnType<typeof snapshotSheet>;
    const logAfter = after['Văn bản'] as ReturnType<typeof snapshotSheet>;
    expect(logAfter.slice(0, logRows)).toEqual(logBefore.slice(0, logRows));
    // The new rows: the user's column untouched (blank, its fill kept), ours text in "@" cells.
    for (const row of logAfter.slice(logRows, logRows + 2)) {
      expect(row[2]).toEqual(logBefore[logRows]?.[2]);
      expect(row[2]?.bg).toBe('#f4cccc');
      expect(row[1]).toMatchObject({ nf: '@', f: '' });
      expect(typeof row[1]?.v).toBe('string');
    }
    expect(logAfter.slice(logRows + 2)).toEqual(logBefore.slice(logRows + 2));
  });
});

describe('fault sweep over generateNotice', () => {
  const SERVICES =
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|RangeElement|LockService|Lock|Utilities)\./;

  // The calls of one clean run: the keys and how many times each is made.
  const clean = fresh();
  clean.runtime.resetCalls();
  clean.generate('thong-bao-ket-luan');
  const counts = Object.entries(clean.runtime.calls).filter(([k]) => SERVICES.test(k)) as [string, number][];
  const cases = counts.flatMap(([key, n]) => [...new Set([0, n - 1])].map((after) => ({ key, after })));

  it('covers the calls of a notice', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(counts.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        'DocumentApp.create',
        'Range.setValues',
        'Range.setNumberFormat',
        'Body.appendParagraph',
      ]),
    );
  });

  it.each(cases)(
    '$key fails (after $after): a truthful Vietnamese message; the retry leaves one Doc, one row',
    ({ key, after }) => {
      const { runtime, ss, generate, docs } = fresh();
      runtime.failOn(key, { after });
      let message = '';
      let first: NoticeResultDto | null = null;
      try {
        first = generate('thong-bao-ket-luan');
      } catch (e) {
        message = (e as Error).message;
      }
      runtime.clearFaults();
      if (first === null) {
        expect(message).not.toBe('');
        expect(ENGLISH.test(message)).toBe(false);
        // What the message says exists, exists.
        if (message === NOTICE_MESSAGES.failed || message === NOTICE_MESSAGES.failedBefore)
          expect(docs()).toHaveLength(0);
        if (message.startsWith('Văn bản thông báo kết luận cuộc họp số 01/TB-UBND đã được tạo')) {
          expect(docs()).toHaveLength(1);
        }
      }
      const retry = generate('thong-bao-ket-luan');
      expect(retry.number).toBe('01/TB-UBND');
      const again = generate('thong-bao-ket-luan');
      expect(again).toMatchObject({ reused: true, url: retry.url, number: '01/TB-UBND' });
      const rows = (ss.getSheetByName('Văn bản')?.getDataRange().getValues() ?? []).slice(1);
      expect(rows).toHaveLength(1);
      expect(String(rows[0]?.[3])).not.toMatch(/^\[CHƯA HOÀN THÀNH\]/);
      const unfinished = docs().filter((d) => d.name.startsWith('[CHƯA HOÀN THÀNH]'));
      expect(unfinished.length).toBeLessThanOrEqual(1);
      const made = docs().filter((d) => d.url === retry.url);
      expect(made).toHaveLength(1);
      expect(made[0]?.name).toMatch(/^01\/TB-UBND - Thông báo kết luận cuộc họp - /);
      expect(docs().length).toBeLessThanOrEqual(2);
    },
  );
});

describe('fault sweep over a notice filled from the user’s template', () => {
  const DOCS = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|RangeElement)\./;

  function withTemplate() {
    const t = fresh();
    runBundle(t.runtime, 'allocateDelegates');
    const template = t.runtime.services.DocumentApp.preload('Mẫu', (body) => {
      body.appendParagraph('{{co_quan_ban_hanh}} — {{so_ky_hieu}} — {{trich_yeu}}');
      body.appendParagraph('{{noi_dung}}');
      body.appendTable([
        ['STT', 'Đơn vị', 'Dân số', 'Số đại biểu'],
        ['{{cot_1}}', '{{cot_2}}', '{{cot_3}}', '{{cot_4}}'],
      ]);
      body.appendParagraph('{{noi_nhan}}');
    });
    const config = t.ss.getSheetByName('Cấu hình') as LocalSheet;
    const row = config
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Mẫu văn bản (ID Google Docs)');
    config.getRange(row + 1, 2).setValue(template.id);
    // A unit name that a replacement pattern would misread.
    (t.ss.getSheetByName('Đơn vị') as LocalSheet).getRange(2, 2).setValue('Cao $1 Lộc {{cot_2}}');
    return t;
  }

  const clean = withTemplate();
  clean.runtime.resetCalls();
  clean.generate('phan-bo-dai-bieu');
  const counts = Object.entries(clean.runtime.calls).filter(([k]) => DOCS.test(k)) as [string, number][];
  // First occurrences only (the sweep above covers first and last of the default layout).
  const cases = counts.map(([key]) => ({ key, after: 0 }));

  it('uses literal insertion where a value holds "$" or braces', () => {
    expect(counts.map(([k]) => k)).toEqual(expect.arrayContaining(['Text.insertText', 'Text.deleteText']));
    expect(clean.docs()[0]?.body.getText()).toContain('Cao $1 Lộc {{cot_2}}');
  });

  it.each(cases)('$key fails (after $after): the retry completes one Doc, printed as typed', ({ key, after }) => {
    const { runtime, ss, generate, docs } = withTemplate();
    runtime.failOn(key, { after });
    let message = '';
    try {
      generate('phan-bo-dai-bieu');
    } catch (e) {
      message = (e as Error).message;
    }
    runtime.clearFaults();
    expect(ENGLISH.test(message)).toBe(false);
    const retry = generate('phan-bo-dai-bieu');
    expect(retry.number).toBe('01/TB-BCĐ');
    const rows = (ss.getSheetByName('Văn bản')?.getDataRange().getValues() ?? []).slice(1);
    expect(rows).toHaveLength(1);
    const made = docs().filter((d) => d.url === retry.url);
    expect(made).toHaveLength(1);
    expect(made[0]?.body.getText()).toContain('Cao $1 Lộc {{cot_2}}');
    expect(made[0]?.body.getText()).not.toContain('{{cot_1}}');
    expect(docs().filter((d) => d.name.startsWith('[CHƯA HOÀN THÀNH]')).length).toBeLessThanOrEqual(1);
  });
});

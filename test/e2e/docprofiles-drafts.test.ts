/**
 * Document profiles, drafts and numbers, on the Lạng Sơn sample (its general settings are the UBND
 * office's, as seed 004): each kind's issuer, number, authority lines, signer and recipients from the
 * default and from customised per-kind rows of `Cấu hình`, in the Doc and in its .docx; a draft
 * carries no number and no day; issuing it numbers it; a voided number is never given again.
 */
import JSZip from 'jszip';
import { docxBuffer } from '../../local/docx';
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, LocalDocument } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice, runIssueDraft, runListDocuments, runVoidNumber } from '../../src/docs/notices';
import { unitWordsOf } from '../../src/domain/notice/allocation';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';
import { UserError } from '../../src/sheets/lock';
import { DOCUMENT_MESSAGES } from '../../src/ui/vi';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  // Several workbooks live in one file: each call runs with its own runtime's services.
  const run = <T>(f: () => T): T => {
    Object.assign(globalThis, runtime.globals);
    return runtime.execute(f);
  };
  const generate = (kind: NoticeKind, opts = {}): NoticeResultDto => run(() => runGenerateNotice(ss, kind, opts, NOW));
  const refusal = (f: () => unknown): string => {
    try {
      run(f);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };
  const sheet = (name: string) => {
    const s = runtime.spreadsheet.getSheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const rowOf = (label: string) =>
    sheet('Cấu hình')
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === label) + 1;
  const setting = (label: string, value: string) => {
    const row = rowOf(label);
    if (row < 1) throw new Error(`no setting ${label}`);
    sheet('Cấu hình').getRange(row, 2).setValue(value);
  };
  const log = () => sheet('Văn bản').getDataRange().getValues().slice(1);
  const docs = () => runtime.services.DocumentApp.created as LocalDocument[];
  const textOf = (d: LocalDocument | undefined) => (d ? paragraphs(d.snapshot().blocks).join('\n') : '');
  const allocate = () => {
    run(() => runBundle(runtime, 'allocateDelegates'));
    Object.assign(globalThis, runtime.globals);
  };
  const changeConclusion = (text: string) => sheet('Kết luận').getRange(7, 3).setValue(text);
  return { runtime, ss, run, generate, refusal, sheet, rowOf, setting, log, docs, textOf, allocate, changeConclusion };
}

/** Every paragraph's text, table cells included, in document order. */
function paragraphs(blocks: readonly BlockSnapshot[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphs(c.blocks))) : [b.text],
  );
}

/** The text of each paragraph of the Doc's .docx export (word/document.xml). */
async function docxParagraphs(doc: LocalDocument): Promise<string[]> {
  const zip = await JSZip.loadAsync(await docxBuffer(doc.snapshot()));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return (xml.match(/<w:p[ >].*?<\/w:p>/gs) ?? []).map((p) =>
    [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
}

describe('profiles: each kind from its defaults', () => {
  const s = setup();
  s.allocate();
  const conclusion = s.generate('thong-bao-ket-luan');
  const allocation = s.generate('phan-bo-dai-bieu');
  const decision = s.generate('phan-cong-nhiem-vu', { force: true });

  it('the conclusions as seed 004 (the UBND office); the allocation notice and the decision the steering committee’s', () => {
    expect([conclusion.number, allocation.number, decision.number]).toEqual(['01/TB-UBND', '01/TB-BCĐ', '01/QĐ-BCĐ']);
    const [c, a, d] = s.docs().map(s.textOf);
    expect(c).toContain('ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN');
    expect(c).toContain('TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG');
    expect(c).toContain('Vũ Quang Khánh');
    expect(c).toContain('- Các thành phần dự họp;');
    for (const t of [a, d]) {
      // The committee of the UBND: the UBND heads the document (as the issuing body is broken in practice).
      expect(t).toContain('ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nBAN CHỈ ĐẠO ĐẠI HỘI\n');
      expect(t).toContain('TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN');
      expect(t).toContain('Đoàn Thanh Sơn');
      expect(t).toContain('- Các thành viên Ban Chỉ đạo;');
      // "Các thành phần dự họp" only for a meeting's conclusions.
      expect(t).not.toContain('thành phần dự họp');
      expect(t).not.toContain('Vũ Quang Khánh');
    }
  });

  it('the .docx of each kind carries the same issuer, number, authority, signer and recipients', async () => {
    const [c, a, d] = await Promise.all(s.docs().map(docxParagraphs));
    expect(c).toEqual(expect.arrayContaining(['Số: 01/TB-UBND', 'TL. CHỦ TỊCH', 'Vũ Quang Khánh']));
    expect(a).toEqual(
      expect.arrayContaining([
        'Số: 01/TB-BCĐ',
        'BAN CHỈ ĐẠO ĐẠI HỘI',
        'TM. BAN CHỈ ĐẠO',
        'TRƯỞNG BAN',
        'Đoàn Thanh Sơn',
      ]),
    );
    expect(d).toEqual(expect.arrayContaining(['Số: 01/QĐ-BCĐ', 'TM. BAN CHỈ ĐẠO', 'Đoàn Thanh Sơn']));
    expect(a?.some((p) => p.includes('thành phần dự họp'))).toBe(false);
  });

  it('the log names each kind by its one name', () => {
    expect(s.log().map((r) => r[0])).toEqual([
      'Thông báo kết luận cuộc họp',
      'Thông báo phân bổ đại biểu',
      'Quyết định phân công nhiệm vụ',
    ]);
  });
});

describe('profiles: customised per kind', () => {
  it('per-kind rows win over the general ones and the committee’s defaults, in the Doc and the .docx', async () => {
    const s = setup();
    s.setting('Quyết định phân công nhiệm vụ: Cơ quan chủ quản', 'UBND tỉnh Lạng Sơn');
    s.setting('Quyết định phân công nhiệm vụ: Cơ quan ban hành', 'Ban Chỉ đạo Đại hội DTTS tỉnh lần thứ IV');
    s.setting('Quyết định phân công nhiệm vụ: Ký hiệu cơ quan ban hành', 'BCĐĐH');
    s.setting('Quyết định phân công nhiệm vụ: Thẩm quyền ký', 'KT. TRƯỞNG BAN | PHÓ TRƯỞNG BAN THƯỜNG TRỰC');
    s.setting('Quyết định phân công nhiệm vụ: Chức vụ người ký', 'Trưởng Ban Dân tộc');
    s.setting('Quyết định phân công nhiệm vụ: Người ký', 'Hoàng Văn Minh');
    s.setting('Quyết định phân công nhiệm vụ: Địa danh', 'TP Lạng Sơn');
    s.setting('Quyết định phân công nhiệm vụ: Nơi nhận', 'Thường trực Tỉnh ủy; UBND các huyện, thành phố');
    s.setting('Thông báo kết luận cuộc họp: Người ký', 'Nguyễn Thị Hoa');
    const d = s.generate('phan-cong-nhiem-vu', { force: true });
    const c = s.generate('thong-bao-ket-luan');
    expect([d.number, c.number]).toEqual(['01/QĐ-BCĐĐH', '01/TB-UBND']);
    const [decision, conclusion] = s.docs();
    const text = s.textOf(decision);
    // The issuing body as typed, in capitals (broken into lines by the layout).
    expect(text.replace(/\s+/g, ' ').trim()).toMatch(/^UBND TỈNH LẠNG SƠN BAN CHỈ ĐẠO ĐẠI HỘI DTTS TỈNH LẦN THỨ IV /);
    expect(text).toContain('KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\nTRƯỞNG BAN DÂN TỘC');
    expect(text).toContain('TP Lạng Sơn, ngày 05 tháng 01 năm 2024');
    expect(text).toContain('- Như Điều 3;\n- Thường trực Tỉnh ủy;\n- UBND các huyện, thành phố;\n- Lưu: VT, KT_(NTA).');
    expect(text).toContain('Hoàng Văn Minh');
    expect(s.textOf(conclusion)).toContain('Nguyễn Thị Hoa');
    expect(s.textOf(conclusion)).not.toContain('Vũ Quang Khánh');
    const docx = await docxParagraphs(decision as LocalDocument);
    expect(docx).toEqual(
      expect.arrayContaining(['Số: 01/QĐ-BCĐĐH', 'KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC', 'Hoàng Văn Minh']),
    );
  });

  it('kinds that name the same register share one sequence of numbers', () => {
    const s = setup();
    s.allocate();
    s.setting('Thông báo phân bổ đại biểu: Sổ cấp số', 'Sổ BCĐ');
    s.setting('Quyết định phân công nhiệm vụ: Sổ cấp số', 'sổ bcđ');
    expect(s.generate('phan-bo-dai-bieu').number).toBe('01/TB-BCĐ');
    expect(s.generate('phan-cong-nhiem-vu', { force: true }).number).toBe('02/QĐ-BCĐ');
    // The conclusions keep their own register.
    expect(s.generate('thong-bao-ket-luan').number).toBe('01/TB-UBND');
  });

  it('a signer nobody can name: refused naming the rows to fill, before any Doc; with force, made and said', () => {
    const s = setup();
    s.setting('Quyết định phân công nhiệm vụ: Chức vụ người ký', 'PHÓ TRƯỞNG BAN PHỤ TRÁCH');
    const asked = s.generate('phan-cong-nhiem-vu');
    expect(asked).toMatchObject({ needsForce: true, url: '', number: '' });
    const message = asked.message;
    expect(message).toContain('Chưa có tên người ký quyết định phân công nhiệm vụ');
    // The decision's table also names a unit `Đơn vị` does not know: the cell says where.
    expect(message).toContain('Lộc Bình Mới');
    expect(message).toMatch(/ô F\d+ \("Lộc Bình Mới"\)/);
    expect(message).toContain(
      `"Quyết định phân công nhiệm vụ: Người ký" (ô B${s.rowOf('Quyết định phân công nhiệm vụ: Người ký')})`,
    );
    expect(s.docs()).toHaveLength(0);
    expect(s.log()).toHaveLength(0);
    const forced = s.generate('phan-cong-nhiem-vu', { force: true });
    expect(forced.number).toBe('01/QĐ-BCĐ');
    expect(forced.message).toContain('Lưu ý: văn bản được tạo dù dữ liệu còn lỗi');
  });
});

describe('drafts, issuing and voiding numbers', () => {
  const s = setup();
  const draft = s.generate('thong-bao-ket-luan', { draft: true });

  it('a draft carries no number and no day, takes no number, and is logged as a draft', () => {
    expect(draft).toMatchObject({ number: '', reused: false });
    expect(draft.message.startsWith(DOCUMENT_MESSAGES.draftCreated('thông báo kết luận cuộc họp', 'TB-UBND'))).toBe(
      true,
    );
    const text = s.textOf(s.docs()[0]);
    expect(text).toContain('\nSố:      /TB-UBND\n');
    expect(text).toContain('\nLạng Sơn, ngày      tháng 01 năm 2024\n');
    expect(text).not.toMatch(/ngày \d+ tháng 01 năm 2024/);
    expect(text).not.toContain('……');
    expect(s.docs()[0]?.getName()).toMatch(/^Dự thảo - Thông báo kết luận cuộc họp - /);
    expect(s.log()[0]?.slice(1, 3)).toEqual(['Dự thảo: /TB-UBND', '05/01/2024']);
    const listed = s.run(() => runListDocuments(s.ss));
    expect(listed[0]).toMatchObject({ number: 'Dự thảo: /TB-UBND', draft: true });
  });

  it('the same data again opens the draft, still without a number', () => {
    const again = s.generate('thong-bao-ket-luan', { draft: true });
    expect(again).toMatchObject({ reused: true, url: draft.url });
    expect(again.message).toBe(DOCUMENT_MESSAGES.draftReused('thông báo kết luận cuộc họp'));
  });

  it('numbers given meanwhile are not the draft’s: issuing it gives the next number and the day, in the Doc and the log', () => {
    s.changeConclusion('Nội dung kết luận đã sửa.');
    expect(s.generate('thong-bao-ket-luan').number).toBe('01/TB-UBND');
    const issued = s.run(() => runIssueDraft(s.ss, draft.url, { date: '2024-01-08' }, NOW));
    expect(issued).toMatchObject({ number: '02/TB-UBND', url: draft.url });
    expect(issued.message).toBe(DOCUMENT_MESSAGES.issued('thông báo kết luận cuộc họp', '02/TB-UBND', '08/01/2024'));
    const doc = s.docs()[0];
    expect(s.textOf(doc)).toContain('Số: 02/TB-UBND');
    expect(s.textOf(doc)).toContain('Lạng Sơn, ngày 08 tháng 01 năm 2024');
    expect(s.textOf(doc)).not.toContain('Số:      /');
    expect(doc?.getName()).toMatch(/^02\/TB-UBND - Thông báo kết luận cuộc họp - /);
    expect(s.log()[0]?.slice(1, 3)).toEqual(['02/TB-UBND', '08/01/2024']);
    // Written as text: Sheets keeps "08/01/2024" and "02/TB-UBND" as typed.
    expect(s.sheet('Văn bản').getRange(2, 3).getNumberFormat()).toBe('@');
  });

  it('an issued document is not issued again; a link the log does not hold is refused', () => {
    expect(s.refusal(() => runIssueDraft(s.ss, draft.url, {}, NOW))).toBe(DOCUMENT_MESSAGES.notADraft('02/TB-UBND'));
    expect(s.refusal(() => runIssueDraft(s.ss, 'https://docs.google.com/document/d/nope/edit', {}, NOW))).toBe(
      DOCUMENT_MESSAGES.draftNotFound,
    );
  });

  it('a voided number keeps its reason in the log and is never given again', () => {
    expect(s.refusal(() => runVoidNumber(s.ss, '02/TB-UBND', '   ', NOW))).toBe(DOCUMENT_MESSAGES.voidReason);
    const voided = s.run(() => runVoidNumber(s.ss, '02/TB-UBND', 'Ghi sai ngày ký', NOW));
    expect(voided.message).toBe(DOCUMENT_MESSAGES.voided('02/TB-UBND'));
    expect(s.log()[0]?.[1]).toBe('02/TB-UBND (đã hủy: Ghi sai ngày ký)');
    expect(s.refusal(() => runVoidNumber(s.ss, '02/TB-UBND', 'lần nữa', NOW))).toBe(
      DOCUMENT_MESSAGES.voidAlready('02/TB-UBND'),
    );
    expect(s.refusal(() => runVoidNumber(s.ss, '09/TB-UBND', 'không có', NOW))).toBe(
      DOCUMENT_MESSAGES.voidNotFound('09/TB-UBND'),
    );
    s.changeConclusion('Nội dung kết luận sửa lần hai.');
    expect(s.generate('thong-bao-ket-luan').number).toBe('03/TB-UBND');
    // Voiding the highest number does not free it either.
    s.run(() => runVoidNumber(s.ss, '03/TB-UBND', 'Thu hồi', NOW));
    s.changeConclusion('Nội dung kết luận sửa lần ba.');
    expect(s.generate('thong-bao-ket-luan').number).toBe('04/TB-UBND');
    expect(s.run(() => runListDocuments(s.ss)).find((d) => d.number.startsWith('03/'))).toMatchObject({ voided: true });
  });

  it('the same data as a voided document makes a new document, not the voided one', () => {
    s.changeConclusion('Nội dung kết luận sửa lần hai.');
    const again = s.generate('thong-bao-ket-luan');
    expect(again).toMatchObject({ reused: false, number: '05/TB-UBND' });
  });

  it('"Cấp số văn bản: Khi ban hành" makes every document a draft', () => {
    const t = setup();
    t.setting('Cấp số văn bản', 'Khi ban hành');
    const made = t.generate('thong-bao-ket-luan');
    expect(made.number).toBe('');
    expect(t.textOf(t.docs()[0])).toContain('Số:      /TB-UBND');
    // An explicit choice wins over the setting.
    t.changeConclusion('Nội dung khác.');
    expect(t.generate('thong-bao-ket-luan', { draft: false }).number).toBe('01/TB-UBND');
  });

  it('a draft whose number line was edited by hand: refused, nothing numbered', () => {
    const t = setup();
    const made = t.generate('thong-bao-ket-luan', { draft: true });
    const id = /\/document\/d\/([^/]+)/.exec(made.url)?.[1] ?? '';
    t.run(() => DocumentApp.openById(id).getBody().replaceText('Số:\\s*/TB-UBND', 'Số: (chờ)'));
    expect(t.refusal(() => runIssueDraft(t.ss, made.url, {}, NOW))).toBe(
      DOCUMENT_MESSAGES.draftNoNumberLine('TB-UBND'),
    );
    expect(t.log()[0]?.[1]).toBe('Dự thảo: /TB-UBND');
  });
});

describe('legal basis from the workbook', () => {
  it('the decision cites the founding decision the meeting names, then the further lines; no dotted placeholder', () => {
    const s = setup();
    s.setting(
      'Căn cứ khác',
      'Kế hoạch số 45/KH-UBND ngày 01/12/2023 của UBND tỉnh; Căn cứ Công văn số 1302/UBNDT-DTTS ngày 27/7/2023',
    );
    s.generate('phan-cong-nhiem-vu', { force: true });
    const text = s.textOf(s.docs()[0]);
    expect(text).toContain(
      '\nCăn cứ Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh về việc thành lập Ban Chỉ đạo ' +
        'Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ IV, năm 2024;\n' +
        'Căn cứ Kế hoạch số 45/KH-UBND ngày 01/12/2023 của UBND tỉnh;\n' +
        'Căn cứ Công văn số 1302/UBNDT-DTTS ngày 27/7/2023;\nTheo đề nghị của Ban Dân tộc.\n',
    );
    expect(text).not.toMatch(/……|\.\.\.\.|…\//);
  });

  it('the `Quyết định thành lập Ban Chỉ đạo` setting wins over the meeting', () => {
    const s = setup();
    s.setting('Quyết định thành lập Ban Chỉ đạo', 'Quyết định số 2001/QĐ-UBND ngày 01/11/2023 của UBND tỉnh.');
    s.generate('phan-cong-nhiem-vu', { force: true });
    expect(s.textOf(s.docs()[0])).toContain(
      '\nCăn cứ Quyết định số 2001/QĐ-UBND ngày 01/11/2023 của UBND tỉnh về việc',
    );
  });

  it('nothing in the workbook names the decision: refused naming the setting’s cell, before any Doc or log row', () => {
    const s = setup();
    const meetings = s.sheet('Cuộc họp');
    const values = meetings.getDataRange().getValues();
    values.forEach((r, i) => {
      const c = r.findIndex((v) => String(v).includes('1822/QĐ-UBND'));
      if (c >= 0) meetings.getRange(i + 1, c + 1).setValue('các thành viên Ban Chỉ đạo');
    });
    const message = s.refusal(() => runGenerateNotice(s.ss, 'phan-cong-nhiem-vu', { force: true }, NOW));
    expect(message).toBe(
      DOCUMENT_MESSAGES.noLegalBasis(
        'Quyết định thành lập Ban Chỉ đạo',
        'Cấu hình',
        `B${s.rowOf('Quyết định thành lập Ban Chỉ đạo')}`,
      ),
    );
    expect(s.docs()).toHaveLength(0);
    expect(s.runtime.spreadsheet.getSheetByName('Văn bản')?.getLastRow() ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('wording of the allocation notice', () => {
  it('its first sentence has a subject; "từng …" names the kinds of units its table lists', () => {
    const s = setup();
    s.allocate();
    s.generate('phan-bo-dai-bieu');
    const text = s.textOf(s.docs()[0]);
    expect(text).toContain(', Ban Chỉ đạo Đại hội thông báo số lượng đại biểu chính thức');
    // The table lists districts and "Thành phố Lạng Sơn".
    expect(text).toContain('3. Số lượng đại biểu chính thức của từng huyện, thành phố:');
  });

  it('unit words from `Cấp đơn vị` and the names', () => {
    expect(unitWordsOf('district', ['Hữu Lũng', 'Lộc Bình'])).toBe('huyện');
    expect(unitWordsOf('district', ['Hữu Lũng', 'TP Lạng Sơn', 'Thị xã Kỳ Anh'])).toBe('huyện, thị xã, thành phố');
    expect(unitWordsOf('commune', ['Xã Mẫu Sơn', 'Phường Lương Văn Tri'])).toBe('xã, phường');
    expect(unitWordsOf('commune', ['Mẫu Sơn'])).toBe('xã');
  });
});

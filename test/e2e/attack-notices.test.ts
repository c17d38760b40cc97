/**
 * Attacks on "Tạo văn bản" that broke it (each test fails on the code before its fix): a total row
 * typed in `Phân bổ`, a code of no unit, a unit twice, a number voided by hand in `Văn bản`,
 * addresses pasted the way Gmail copies them; and guards on what held (year boundary, injection).
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';
import { UserError } from '../../src/sheets/lock';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const generate = (kind: NoticeKind, opts = {}): NoticeResultDto =>
    runtime.execute(() => runGenerateNotice(ss, kind, opts, NOW));
  const failure = (kind: NoticeKind, opts = {}): string => {
    try {
      generate(kind, opts);
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
  const setting = (label: string, value: string | number) => {
    const config = sheet('Cấu hình');
    const row = config
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === label);
    if (row < 0) throw new Error(`no setting ${label}`);
    config.getRange(row + 1, 2).setValue(value);
  };
  const log = () => runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
  const docs = () => runtime.services.DocumentApp.created;
  const allocate = () => {
    runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
    Object.assign(globalThis, runtime.globals);
  };
  return { runtime, ss, generate, failure, sheet, setting, log, docs, allocate };
}

const textOf = (doc: unknown) => (doc as { getBody(): { getText(): string } }).getBody().getText();
const emailsOf = (users: GoogleAppsScript.Base.User[]) => users.map((u) => u.getEmail()).sort();

describe('figures of the allocation notice', () => {
  it('a total row typed in `Phân bổ` ("Tổng cộng" in Mã đơn vị) is neither printed as a unit nor counted', () => {
    const { sheet, allocate, generate, docs } = setup();
    allocate();
    const a = sheet('Phân bổ');
    a.getRange(a.getLastRow() + 1, 1, 1, 7).setValues([['Tổng cộng:', '', '', '', 190, '', 190]]);
    const made = generate('phan-bo-dai-bieu');
    expect(made.needsForce).toBeUndefined();
    expect(made.number).toBe('01/TB-BCĐ');
    expect(docs()).toHaveLength(1);
    expect(textOf(docs()[0])).not.toContain('Tổng cộng:');
  });

  it('a code that is no unit of `Đơn vị` is never printed, even with force; the message names the cell', () => {
    const { sheet, allocate, failure, docs } = setup();
    allocate();
    const a = sheet('Phân bổ');
    // A unit's row whose code was mistyped: the total still adds up, so only this check sees it.
    a.getRange(3, 1).setValue('TPLS-cu');
    const message = failure('phan-bo-dai-bieu', { force: true });
    expect(message).toContain('ô A3 ("TPLS-cu")');
    expect(message).toContain('"Đơn vị"');
    expect(docs()).toHaveLength(0);
  });

  it('a unit with two rows is never printed twice, even with force', () => {
    const { sheet, allocate, failure, docs } = setup();
    allocate();
    const a = sheet('Phân bổ');
    const n = a.getLastRow();
    // Hữu Lũng again (its code in lower case), Đình Lập's seats moved onto it: the total is unchanged.
    a.getRange(n + 1, 1, 1, 7).setValues([['hl', 'Hữu Lũng', '', '', 8, '', 8]]);
    a.getRange(n, 1, 1, 1).setValue('');
    a.getRange(n, 5, 1, 3).setValues([['', '', '']]);
    const message = failure('phan-bo-dai-bieu', { force: true });
    expect(message).toContain(`ô A${n + 1} (trùng A2)`);
    expect(docs()).toHaveLength(0);
  });

  it('a unit of `Đơn vị` with no row in `Phân bổ`: asked to confirm (its seats moved elsewhere, the total adds up)', () => {
    const { sheet, allocate, generate, docs } = setup();
    allocate();
    const a = sheet('Phân bổ');
    const n = a.getLastRow();
    // Đình Lập's row deleted by hand, its 8 seats given to Hữu Lũng: every figure still adds up.
    const last = a.getRange(n, 1, 1, 10).getValues()[0] as unknown[];
    expect(last[1]).toBe('Đình Lập');
    a.getRange(n, 1, 1, 10).setValues([Array(10).fill('')]);
    a.getRange(2, 6).setValue(8);
    a.getRange(2, 7).setValue(28);
    const asked = generate('phan-bo-dai-bieu');
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain('không có dòng của 1 đơn vị ở trang "Đơn vị": Đình Lập (ô A');
    expect(docs()).toHaveLength(0);
    expect(generate('phan-bo-dai-bieu', { force: true }).number).toBe('01/TB-BCĐ');
  });
});

describe('numbers in the register `Văn bản`', () => {
  it('a number voided by hand ("01/TB-UBND (đã hủy)") is never given again; another register is not this one', () => {
    const { generate, sheet, setting, log } = setup();
    expect(generate('thong-bao-ket-luan').number).toBe('01/TB-UBND');
    sheet('Văn bản').getRange(2, 2).setValue('01/TB-UBND (đã hủy)');
    sheet('Kết luận').getRange(7, 3).setValue('Nội dung đã sửa.');
    expect(generate('thong-bao-ket-luan').number).toBe('02/TB-UBND');
    sheet('Văn bản').getRange(3, 2).setValue('Hủy số 02/TB-UBND');
    sheet('Kết luận').getRange(7, 3).setValue('Nội dung sửa lần nữa.');
    expect(generate('thong-bao-ket-luan').number).toBe('03/TB-UBND');
    sheet('Văn bản').getRange(4, 2).setValue('03/TB-UBND ngày 05/01/2024 - thu hồi');
    sheet('Kết luận').getRange(7, 3).setValue('Nội dung sửa lần ba.');
    expect(generate('thong-bao-ket-luan').number).toBe('04/TB-UBND');
    // "TB-UBND ĐH" is another issuer's register: its numbers start at 01.
    setting('Ký hiệu cơ quan ban hành', 'UBND ĐH');
    sheet('Kết luận').getRange(7, 3).setValue('Nội dung của ĐH.');
    expect(generate('thong-bao-ket-luan').number).toBe('01/TB-UBND ĐH');
    expect(log()).toHaveLength(6);
  });

  it('31/12 and 01/01 are two registers; each issuer (TB-UBND, TB-BCĐ) has its own; formulas and {{…}} stay text', () => {
    const { generate, sheet, allocate, log, runtime } = setup();
    allocate();
    sheet('Cuộc họp').getRange(2, 6).setValue('\'=HYPERLINK("http://x";"{{so}}")');
    expect(generate('thong-bao-ket-luan', { date: '2023-12-31' }).number).toBe('01/TB-UBND');
    expect(generate('phan-bo-dai-bieu', { date: '2024-01-01' }).number).toBe('01/TB-BCĐ');
    expect(generate('phan-bo-dai-bieu', { date: '2023-12-30' }).number).toBe('01/TB-BCĐ');
    const documents = runtime.spreadsheet.getSheetByName('Văn bản')!;
    expect(
      documents
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(String(log()[1]?.[3])).toContain('=HYPERLINK("http://x";"{{so}}")');
    expect(log().map((r) => r[2])).toEqual(['Ngày', '31/12/2023', '01/01/2024', '30/12/2023']);
  });
});

describe('sharing with the members', () => {
  it('addresses pasted as Gmail copies them ("Tên <a@x>", "mailto:", upper case, twice, the maker’s own) are shared once each', () => {
    const { generate, setting, sheet, docs } = setup();
    setting('Chia sẻ văn bản với', 'Thành viên');
    const m = sheet('Thành viên');
    m.getRange(2, 7).setValue(' A@Example.com ; a@example.com, USER@example.com');
    m.getRange(3, 7).setValue('Nguyễn Văn B <b@example.com>');
    m.getRange(4, 7).setValue('mailto:C@example.com');
    const made = generate('thong-bao-ket-luan');
    expect(made.sharedWith).toBe('Người xem: a@example.com, b@example.com, c@example.com');
    expect(emailsOf((docs()[0] as unknown as GoogleAppsScript.Document.Document).getViewers())).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });

  it('a cell with no address, or an address Google refuses, stops before any Doc; the message names the cell', () => {
    const { setting, sheet, failure, docs } = setup();
    setting('Chia sẻ văn bản với', 'Thành viên');
    const m = sheet('Thành viên');
    m.getRange(3, 7).setValue('Nguyễn Văn B');
    expect(failure('thong-bao-ket-luan')).toContain('Email "Nguyễn" ở trang "Thành viên", ô G3');
    m.getRange(3, 7).setValue('nguyễn@sở.vn');
    expect(failure('thong-bao-ket-luan')).toContain('Email "nguyễn@sở.vn" ở trang "Thành viên", ô G3');
    m.getRange(3, 7).setValue('b@example');
    expect(failure('thong-bao-ket-luan')).toContain('ô G3');
    expect(docs()).toHaveLength(0);
  });
});

describe('sharing changed after the Doc was made', () => {
  it('the same data again: the Doc is shared with the addresses added since, and its log cell says so', () => {
    const { generate, setting, sheet, docs, log } = setup();
    const first = generate('thong-bao-ket-luan');
    expect(first.sharedWith).toBe('');
    setting('Chia sẻ văn bản với', 'Thành viên');
    sheet('Thành viên').getRange(2, 7).setValue('a@example.com');
    const again = generate('thong-bao-ket-luan');
    expect(again).toMatchObject({
      reused: true,
      number: first.number,
      url: first.url,
      sharedWith: 'Người xem: a@example.com',
    });
    expect(docs()).toHaveLength(1);
    const doc = docs()[0] as unknown as GoogleAppsScript.Document.Document;
    expect(emailsOf(doc.getViewers())).toEqual(['a@example.com']);
    expect(log()[1]?.[8]).toBe('Người xem: a@example.com');
    setting('Quyền trên văn bản được chia sẻ', 'Người chỉnh sửa');
    sheet('Thành viên').getRange(3, 7).setValue('b@example.com');
    expect(generate('thong-bao-ket-luan').sharedWith).toBe('Người xem: a@example.com; Người chỉnh sửa: b@example.com');
    expect(emailsOf(doc.getEditors())).toContain('b@example.com');
    expect(log()).toHaveLength(2);
    expect(generate('thong-bao-ket-luan').sharedWith).toBe('Người xem: a@example.com; Người chỉnh sửa: b@example.com');
  });
});

describe('the user’s template', () => {
  it('a placeholder the add-in would not fill ("{{So}}", "{{ so }}" in a table) is refused before any Doc', () => {
    const { runtime, setting, failure, generate, docs } = setup();
    const bad = runtime.services.DocumentApp.preload('Mẫu sai', (body) => {
      body.appendParagraph('Số: {{So}} — {{trich_yeu}}');
      body.appendTable([['Ngày', '{{ ngay }}']]);
      body.appendParagraph('{{noi_dung}}');
    });
    setting('Mẫu văn bản (ID Google Docs)', bad.id);
    const message = failure('thong-bao-ket-luan');
    expect(message).toContain('không nhận ra: {{So}}, {{ ngay }}. Chưa có văn bản nào được tạo.');
    expect(message).toContain('{{so}}');
    expect(docs()).toHaveLength(0);
    const good = runtime.services.DocumentApp.preload('Mẫu', (body) => {
      body.appendParagraph('Số: {{so}} — {{trich_yeu}} {{so');
      body.appendTable([['Ngày', '{{ngay}}']]);
      body.appendParagraph('{{noi_dung}}');
    });
    setting('Mẫu văn bản (ID Google Docs)', good.id);
    expect(generate('thong-bao-ket-luan').number).toBe('01/TB-UBND');
    expect(textOf(docs()[0])).toContain('Số: 01/TB-UBND');
  });
});

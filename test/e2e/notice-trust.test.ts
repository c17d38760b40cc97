/**
 * Trust findings on "Tạo văn bản" (issue "Trust", items 10–13, sharing, consent): each test fails on
 * the code before the fix. Run on the Lạng Sơn sample with the runtime's counted services.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalParagraph } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { NOTICE_MESSAGES, runGenerateNotice } from '../../src/docs/notices';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';
import { UserError } from '../../src/sheets/lock';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup(options: { user?: string } = {}) {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW, user: options.user });
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

/** Vietnamese for the user: no sentence of Google's English. */
const ENGLISH = /\b(the|is|was|error|failed|service|exception|please|sorry|invalid|argument)\b/i;

describe('10. numbers and the data digest', () => {
  it('an issuer code with a space or Vietnamese letters numbers on: 01, 02 (was 01 every time)', () => {
    const { generate, setting, sheet } = setup();
    setting('Ký hiệu cơ quan ban hành', 'BCĐ ĐH');
    expect(generate('thong-bao-ket-luan').number).toBe('01/TB-BCĐ ĐH');
    sheet('Kết luận').getRange(7, 3).setValue('Nội dung kết luận đã sửa.');
    expect(generate('thong-bao-ket-luan').number).toBe('02/TB-BCĐ ĐH');
    expect(generate('phan-cong-nhiem-vu', { force: true }).number).toBe('01/QĐ-BCĐ ĐH');
  });

  it('a digest that looks like a number stays text: the same data returns the same document', () => {
    const { runtime, generate, log, docs } = setup();
    const real = runtime.globals.Utilities;
    // 0123456789012345: all digits, which Sheets would read as the number 123456789012345.
    const bytes = [0x01, 0x23, 0x45, 0x67, 0x89, 0x01, 0x23, 0x45].map((b) => (b > 127 ? b - 256 : b));
    (globalThis as { Utilities: unknown }).Utilities = new Proxy(real, {
      get: (target, key) => {
        if (key === 'computeDigest') return () => bytes;
        const v = (target as unknown as Record<PropertyKey, unknown>)[key];
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const first = generate('thong-bao-ket-luan');
    const again = generate('thong-bao-ket-luan');
    expect(again).toMatchObject({ reused: true, number: first.number, url: first.url });
    expect(docs()).toHaveLength(1);
    const row = log()[1] as unknown[];
    expect(row[5]).toBe('0123456789012345');
    for (const cell of row) expect(typeof cell).toBe('string');
    const formats = runtime.spreadsheet.getSheetByName('Văn bản')!.getRange(2, 1, 1, 9).getNumberFormats()[0];
    expect(formats).toEqual(Array(9).fill('@'));
  });
});

describe('11. official figures of the allocation notice', () => {
  it('a negative Số chính thức is never printed, even with force; the message names the cell', () => {
    const { generate, failure, sheet, allocate, docs } = setup();
    allocate();
    const seats = sheet('Phân bổ').getRange(2, 5).getValue() as number;
    // −50 on a unit of fewer seats: the allocation refuses to write a negative Số chính thức...
    sheet('Phân bổ').getRange(2, 6).setValue(-50);
    allocate();
    const message = failure('phan-bo-dai-bieu');
    // Validation's rule and sentence, the unit by name, the cell named.
    expect(message).toContain(
      `Số chính thức của "Hữu Lũng" (HL) là ${seats - 50}: số đại biểu không thể âm (trang "Phân bổ", ô F2).`,
    );
    expect(failure('phan-bo-dai-bieu', { force: true })).toBe(message);
    // ...and a negative typed over `Số chính thức` by hand is refused the same way.
    sheet('Phân bổ').getRange(2, 6).setValue('');
    sheet('Phân bổ').getRange(3, 7).setValue(-30);
    const typed = failure('phan-bo-dai-bieu', { force: true });
    expect(typed).toContain('là -30: số đại biểu không thể âm (trang "Phân bổ", ô G3).');
    expect(typed).not.toContain('ghế');
    expect(docs()).toHaveLength(0);
    expect(() => generate('thong-bao-ket-luan')).not.toThrow();
  });

  it('a Số chính thức typed over by hand: the sidebar is asked to confirm; with force the figures print as they are', () => {
    const { generate, sheet, allocate, docs, log } = setup();
    allocate();
    const cell = sheet('Phân bổ').getRange(3, 7);
    const seats = cell.getValue() as number;
    cell.setValue(seats + 13);
    const asked = generate('phan-bo-dai-bieu');
    expect(asked).toMatchObject({ needsForce: true, url: '', number: '', reused: false });
    expect(asked.message).toContain(
      `là ${seats + 13}, khác Số phân bổ ${seats} + Điều chỉnh 0 = ${seats} (trang "Phân bổ", ô G3).`,
    );
    expect(asked.message).toContain(
      'cộng 60 đại biểu cơ quan cấp tỉnh và đương nhiên là 263, khác tổng số đại biểu chính thức đã cấu hình (250), ở trang "Cấu hình", ô B',
    );
    expect(asked.message).not.toContain('ghế');
    expect(ENGLISH.test(asked.message)).toBe(false);
    expect(docs()).toHaveLength(0);
    expect(log()).toHaveLength(1);
    const forced = generate('phan-bo-dai-bieu', { force: true });
    expect(forced).toMatchObject({ reused: false, number: '01/TB-BCĐ' });
    // Printed as confirmed, and the result still says what was questioned, naming the cells.
    expect(forced.message).toContain('Lưu ý: văn bản được tạo dù dữ liệu còn lỗi');
    expect(forced.message).toContain('(trang "Phân bổ", ô G3)');
    expect(docs()[0]?.body.getText()).toContain('1. Tổng số đại biểu chính thức: 263 đại biểu, gồm:');
  });

  it('figures that add up print without a question', () => {
    const { generate, allocate } = setup();
    allocate();
    expect(generate('phan-bo-dai-bieu').needsForce).toBeUndefined();
  });
});

describe('12. long fields and unfinished Docs', () => {
  it('a 30,000-character chair title and a long subject: the Doc is made and logged (the log keeps a shortened summary)', () => {
    const { generate, sheet, log, docs } = setup();
    sheet('Cuộc họp').getRange(2, 4).setValue('Phó Chủ tịch '.padEnd(30000, 'x'));
    sheet('Cuộc họp').getRange(2, 6).setValue('bàn việc '.padEnd(25000, 'y'));
    const made = generate('thong-bao-ket-luan');
    expect(made).toMatchObject({ reused: false, number: '01/TB-UBND' });
    expect(docs()).toHaveLength(1);
    expect(docs()[0]?.name).toBe(made.title);
    const rows = log();
    expect(rows).toHaveLength(2);
    expect(String(rows[1]?.[3]).length).toBeLessThanOrEqual(1000);
    expect(generate('thong-bao-ket-luan')).toMatchObject({ reused: true, url: made.url });
  });

  it('a document above Google Docs’ size is refused before any Doc is made', () => {
    const { failure, sheet, docs, log } = setup();
    const conclusions = sheet('Kết luận');
    const rows = Array.from({ length: 21 }, (_, i) => ['BCĐ-01', i + 10, `Kết luận ${i} `.padEnd(49000, 'z')]);
    conclusions.getRange(conclusions.getLastRow() + 1, 1, rows.length, 3).setValues(rows);
    const message = failure('thong-bao-ket-luan');
    expect(message).toMatch(/^Văn bản quá dài/);
    expect(message).toContain('"Kết luận"');
    expect(docs()).toHaveLength(0);
    expect(log()).toHaveLength(1);
  });

  it('the log row cannot be completed: the Doc stays logged as unfinished and the next try completes it', () => {
    const { runtime, generate, failure, log, docs } = setup();
    runtime.failOn('Range.setValues', { after: 1 });
    expect(failure('thong-bao-ket-luan')).toBe(NOTICE_MESSAGES.unfinished('thông báo kết luận cuộc họp', '01/TB-UBND'));
    expect(docs()).toHaveLength(1);
    expect(String(log()[1]?.[3])).toMatch(/^\[CHƯA HOÀN THÀNH\] /);
    const done = generate('thong-bao-ket-luan');
    expect(done).toMatchObject({ number: '01/TB-UBND', url: docs()[0]?.url, reused: false });
    expect(docs()).toHaveLength(1);
    expect(log()).toHaveLength(2);
  });

  it('a Doc that cannot be created: nothing is logged and the message says nothing was made', () => {
    const { runtime, failure, log, docs } = setup();
    runtime.failOn('DocumentApp.create');
    expect(failure('thong-bao-ket-luan')).toBe(NOTICE_MESSAGES.failed);
    expect(docs()).toHaveLength(0);
    expect(log()).toHaveLength(1);
  });
});

describe('13. the user’s template is filled in one pass, values as typed', () => {
  function withTemplate() {
    const t = setup();
    const template = t.runtime.services.DocumentApp.preload('Mẫu', (body) => {
      (body.children[0] as LocalParagraph).setText('{{co_quan_ban_hanh}} — {{so_ky_hieu}}');
      body.appendParagraph('{{trich_yeu}}');
      body.appendParagraph('{{noi_dung}}');
      body.appendTable([
        ['STT', 'Đơn vị', 'Dân số', 'Số đại biểu'],
        ['{{cot_1}}', '{{cot_2}}', '{{cot_3}}', '{{cot_4}}'],
      ]);
      body.appendParagraph('{{noi_nhan}}');
      body.appendParagraph('{{nguoi_ky}}');
    });
    t.setting('Mẫu văn bản (ID Google Docs)', template.id);
    return t;
  }

  it('"{{so}}", "$1" and "\\" typed in the data are printed as typed', () => {
    const { generate, sheet, docs } = withTemplate();
    const subject = 'bàn giá $1 và {{so}} \\ cuối $';
    sheet('Cuộc họp').getRange(2, 6).setValue(subject);
    sheet('Kết luận').getRange(2, 3).setValue('Kết luận ghi {{ngay}} và {{nguoi_ky}} $2 \\1.');
    const made = generate('thong-bao-ket-luan');
    const text = docs()[0]?.body.getText() ?? '';
    expect(text).toContain(subject);
    expect(text).toContain('Kết luận ghi {{ngay}} và {{nguoi_ky}} $2 \\1');
    expect(text).toContain(`— Số: ${made.number}`);
    expect(text).not.toContain('{{trich_yeu}}');
    expect(text).not.toContain('{{noi_dung}}');
  });

  it('table rows: a unit name with "$1" or "{{cot_2}}" stays as it is', () => {
    const { generate, sheet, docs, allocate } = withTemplate();
    const units = sheet('Đơn vị');
    units.getRange(2, 2).setValue('Cao $1 Lộc {{cot_2}} \\');
    allocate();
    generate('phan-bo-dai-bieu');
    const text = docs()[0]?.body.getText() ?? '';
    expect(text).toContain('Cao $1 Lộc {{cot_2}} \\');
    expect(text).not.toContain('{{cot_1}}');
  });
});

describe('sharing: Docs open for the committee as `Cấu hình` says', () => {
  const HELPER = 'canbo@langson.gov.vn';

  it('default: the spreadsheet’s owner and editors get viewer access; the log says who', () => {
    const { runtime, generate, log } = setup({ user: HELPER });
    runtime.spreadsheet.addEditor(HELPER);
    runtime.spreadsheet.addEditor('pho.ban@langson.gov.vn');
    const made = generate('thong-bao-ket-luan');
    const doc = runtime.documents.find((d) => d.url === made.url);
    expect(doc?.viewerEmails.sort()).toEqual(['pho.ban@langson.gov.vn', runtime.spreadsheet.owner].sort());
    expect(made.message).toContain('Đã chia sẻ quyền xem cho 2 người');
    const row = log()[1] as unknown[];
    expect(row[6]).toBe(HELPER);
    expect(String(row[8])).toMatch(/^Người xem: /);
    expect(String(row[8])).toContain(runtime.spreadsheet.owner);
  });

  it('`Thành viên` as editors: the Email column, refused before any Doc when an address is wrong', () => {
    const { runtime, generate, failure, setting, sheet, docs } = setup();
    setting('Chia sẻ văn bản với', 'Thành viên');
    setting('Quyền trên văn bản được chia sẻ', 'Người chỉnh sửa');
    const members = sheet('Thành viên');
    members.getRange(2, 7).setValue('son.dt@langson.gov.vn');
    members.getRange(3, 7).setValue('khong-phai-email');
    expect(failure('phan-cong-nhiem-vu', { force: true })).toBe(
      'Email "khong-phai-email" ở trang "Thành viên", ô G3 không hợp lệ: sửa lại hoặc xóa để chia sẻ văn bản.',
    );
    expect(docs()).toHaveLength(0);
    members.getRange(3, 7).setValue('Nam.HV@LangSon.gov.vn');
    const made = generate('phan-cong-nhiem-vu', { force: true });
    const doc = runtime.documents.find((d) => d.url === made.url);
    expect(doc?.editorEmails.sort()).toEqual(['nam.hv@langson.gov.vn', 'son.dt@langson.gov.vn']);
    expect(made.message).toContain('Đã chia sẻ quyền chỉnh sửa cho 2 người');
  });

  it('a setting value it cannot read: a Vietnamese message naming the cell, nothing made', () => {
    const { failure, setting, docs } = setup();
    setting('Chia sẻ văn bản với', 'mọi người');
    expect(failure('thong-bao-ket-luan')).toMatch(
      /^Giá trị "mọi người" của "Chia sẻ văn bản với" \(trang "Cấu hình", ô B\d+\) không hợp lệ/,
    );
    expect(docs()).toHaveLength(0);
  });

  it('the same data returns a Doc another user did not share: said, with no link that would not open', () => {
    const first = setup();
    first.setting('Chia sẻ văn bản với', 'Không chia sẻ');
    first.runtime.spreadsheet.addEditor(HELPER);
    const made = first.generate('thong-bao-ket-luan');
    expect(made.message).toContain('Chỉ bạn mở được văn bản này');
    const other = new Runtime({ spreadsheet: first.runtime.spreadsheet, now: NOW, user: HELPER });
    Object.assign(globalThis, other.globals);
    const ss = other.globals.SpreadsheetApp.getActiveSpreadsheet();
    const seen = other.execute(() => runGenerateNotice(ss, 'thong-bao-ket-luan', {}, NOW));
    expect(seen).toMatchObject({ reused: true, url: '', number: '01/TB-UBND' });
    expect(seen.message).toMatch(
      /^Dữ liệu không thay đổi: thông báo kết luận cuộc họp số 01\/TB-UBND đã được .* tạo nhưng chưa được chia sẻ với bạn/,
    );
  });
});

describe('consent to the Docs scope (granular OAuth)', () => {
  it('not granted: a Vietnamese explanation with the link to grant it, before anything is made or written', () => {
    const spreadsheet = buildSample(LANG_SON);
    const runtime = new Runtime({
      spreadsheet,
      now: NOW,
      grantedScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
      ],
    });
    const before = spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues();
    let message = '';
    try {
      runBundle(runtime, 'generateNotice', ['thong-bao-ket-luan']);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Tiện ích cần quyền "Xem, chỉnh sửa, tạo và xóa tài liệu Google Docs"/);
    expect(message).toMatch(/https:\/\//);
    expect(ENGLISH.test(message.replace(/https:\/\/\S+/, ''))).toBe(false);
    expect(runtime.documents).toHaveLength(0);
    expect(spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues()).toEqual(before);
  });
});

describe('two users at once: numbers are taken and logged under the lock, flushed before it is released', () => {
  const HELPER = 'canbo@langson.gov.vn';

  function twoUsers() {
    const spreadsheet = buildSample(LANG_SON);
    spreadsheet.addEditor(HELPER);
    const a = new Runtime({ spreadsheet, now: NOW, user: spreadsheet.owner });
    const b = new Runtime({ spreadsheet, now: NOW, user: HELPER });
    const rows = () => (spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? []).slice(1);
    return { spreadsheet, a, b, rows };
  }

  it('B, on other data, right after A releases the lock: the next number, both logged', () => {
    const { spreadsheet, a, b, rows } = twoUsers();
    let second: NoticeResultDto | undefined;
    a.onCall('Lock.releaseLock', () => {
      spreadsheet.getSheetByName('Kết luận')?.getRange(7, 3).setValue('Kết luận B thêm.');
      second = runBundle(b, 'generateNotice', ['thong-bao-ket-luan']).result as NoticeResultDto;
    });
    const first = runBundle(a, 'generateNotice', ['thong-bao-ket-luan']).result as NoticeResultDto;
    expect([first.number, second?.number]).toEqual(['01/TB-UBND', '02/TB-UBND']);
    expect(rows().map((r) => [r[1], r[4]])).toEqual([
      ['01/TB-UBND', first.url],
      ['02/TB-UBND', second?.url],
    ]);
  });

  it('B while A holds the lock: told to try again in Vietnamese, nothing made; A’s number is its own', () => {
    const { a, b, rows } = twoUsers();
    let message = '';
    a.onCall('DocumentApp.create', () => {
      try {
        runBundle(b, 'generateNotice', ['phan-cong-nhiem-vu', { force: true }]);
      } catch (e) {
        message = (e as Error).message;
      }
    });
    const first = runBundle(a, 'generateNotice', ['thong-bao-ket-luan']).result as NoticeResultDto;
    expect(message).toMatch(/^Đang có người khác/);
    expect(first.number).toBe('01/TB-UBND');
    expect(rows()).toHaveLength(1);
    expect(b.documents.filter((d) => d.owner === HELPER)).toHaveLength(0);
  });
});

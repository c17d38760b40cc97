/**
 * "Tạo văn bản" on the local runtime with the Lạng Sơn sample: the orchestration (src/docs/notices.ts)
 * with the runtime's counted services as its globals — one Doc per data state, numbers per type and
 * year, the `Văn bản` log, reuse of unchanged data, Vietnamese messages on quota and service
 * failures — and the `--docs` export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { exportDocuments } from '../../local/export-documents';
import { type DocumentListing, documentRoutes } from '../../local/html-export';
import type { RouteContext } from '../../local/playground/server';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { tempDir } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { NOTICE_MESSAGES, runGenerateNotice, runListDocuments } from '../../src/docs/notices';
import type { NoticeKind, NoticeResultDto } from '../../src/rpc/contract';
import { UserError } from '../../src/sheets/lock';

const NOW = new Date('2024-01-05T09:00:00+07:00');

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  const generate = (kind: NoticeKind, options = {}, now = NOW): NoticeResultDto =>
    runtime.execute(() => runGenerateNotice(ss, kind, options, now));
  const log = () => runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
  const docs = () => runtime.services.DocumentApp.created;
  return { runtime, ss, generate, log, docs };
}

describe('Thông báo kết luận from the Lạng Sơn sample', () => {
  const { runtime, generate, log, docs, ss } = setup();
  runtime.resetCalls();
  const first = generate('thong-bao-ket-luan');
  const calls = runtime.calls;

  it('makes the Doc, returns its link and number, logs one row', () => {
    expect(first).toMatchObject({
      reused: false,
      number: '01/TB-UBND',
      message: expect.stringMatching(
        /^Đã tạo thông báo kết luận cuộc họp số 01\/TB-UBND\. Chỉ bạn mở được văn bản này/,
      ),
    });
    expect(docs()).toHaveLength(1);
    const doc = docs()[0]!;
    expect(first.url).toBe(doc.url);
    expect(doc.name).toBe(first.title);
    expect(doc.closed).toBe(true);
    const rows = log();
    expect(rows[0]).toEqual([
      'Loại',
      'Số',
      'Ngày',
      'Trích yếu',
      'Liên kết',
      'Mã dữ liệu',
      'Người tạo',
      'Thời điểm',
      'Chia sẻ',
    ]);
    expect(rows).toHaveLength(2);
    const [kind, number, date, title, url, digest, user, at, shared] = rows[1] as unknown[];
    expect([kind, number, title, url, user]).toEqual([
      'Thông báo kết luận cuộc họp',
      '01/TB-UBND',
      expect.stringMatching(/^Kết luận của đồng chí Đoàn Thanh Sơn/),
      doc.url,
      'user@example.com',
    ]);
    // Every log cell is text (the day and the time too), so Sheets never turns one into a number or a date.
    expect(date).toBe('05/01/2024');
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(at).toBe('2024-01-05 09:00:00');
    expect(shared).toBe('');
  });

  // Without the userinfo.email scope Session.getActiveUser().getEmail() is '' (as in Google): the
  // maker is read from the new Doc's editors (its owner alone, before it is shared; documents scope).
  it('logs who made the Doc', () => {
    expect((log()[1] as unknown[])[6]).toBe('user@example.com');
  });

  it('reads each sheet once, logs the Doc as unfinished then complete (two setValues), and locks once', () => {
    expect(calls['Range.getValues']).toBeLessThanOrEqual(9);
    expect(calls['Range.setValues']).toBe(2);
    expect(calls['Range.setNumberFormat']).toBe(2);
    expect(calls['Lock.tryLock'] ?? calls['LockService.getDocumentLock']).toBe(1);
    expect(calls['DocumentApp.create']).toBe(1);
    expect(calls['Document.saveAndClose']).toBe(1);
  });

  it('unchanged data: the same Doc again, nothing created or logged', () => {
    runtime.resetCalls();
    const again = generate('thong-bao-ket-luan', {}, new Date('2024-01-08T09:00:00+07:00'));
    expect(again).toMatchObject({ reused: true, url: first.url, number: '01/TB-UBND' });
    expect(again.message).toBe(NOTICE_MESSAGES.reused('thông báo kết luận cuộc họp', '01/TB-UBND'));
    expect(docs()).toHaveLength(1);
    expect(log()).toHaveLength(2);
    expect(runtime.calls['DocumentApp.create']).toBeUndefined();
    expect(runtime.calls['Range.setValues']).toBeUndefined();
  });

  it('changed data: a new Doc with the next number, logged', () => {
    const sheet = runtime.spreadsheet.getSheetByName('Kết luận')!;
    sheet.getRange(7, 3).setValue('Ban Tổ chức khẩn trương phân công nhiệm vụ cụ thể cho từng thành viên.');
    const next = generate('thong-bao-ket-luan');
    expect(next).toMatchObject({ reused: false, number: '02/TB-UBND' });
    expect(next.url).not.toBe(first.url);
    expect(docs()).toHaveLength(2);
    expect(log()).toHaveLength(3);
  });

  it('the allocation notice and the decision are the steering committee’s (TB-BCĐ, QĐ-BCĐ); a new year starts at 01', () => {
    expect(() => generate('phan-bo-dai-bieu')).toThrow(new UserError(NOTICE_MESSAGES.noAllocation));
    runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
    Object.assign(globalThis, runtime.globals);
    const allocation = generate('phan-bo-dai-bieu');
    expect(allocation.number).toBe('01/TB-BCĐ');
    const text = docs()[2]!.body.getText();
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('- Đại biểu đương nhiên: 15 đại biểu;');
    expect(text).toContain('- Đại biểu cơ quan cấp tỉnh: 45 đại biểu;');
    expect(text).toContain('phương pháp số dư lớn nhất (Hamilton)');
    expect(generate('phan-cong-nhiem-vu', { force: true }).number).toBe('01/QĐ-BCĐ');
    const nextYear = generate('thong-bao-ket-luan', { date: '2025-01-02' });
    expect(nextYear).toMatchObject({ reused: false, number: '01/TB-UBND' });
    expect(docs().at(-1)?.body.getText()).toContain('Lạng Sơn, ngày 02 tháng 01 năm 2025');
  });

  it('lists the documents newest first', () => {
    const list = runtime.execute(() => runListDocuments(ss));
    expect(list.map((d) => d.number)).toEqual(['01/TB-UBND', '01/QĐ-BCĐ', '01/TB-BCĐ', '02/TB-UBND', '01/TB-UBND']);
    expect(list[0]).toMatchObject({ kind: 'Thông báo kết luận cuộc họp', date: '2025-01-02', url: docs().at(-1)?.url });
  });

  it('--docs: each Doc as .docx and .html', async () => {
    const dir = tempDir();
    const written = await exportDocuments(runtime, dir);
    expect(written).toHaveLength(10);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(5);
    expect(files).toContain(
      '01-TB-UBND - Thông báo kết luận cuộc họp - Kết luận của đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND t.docx',
    );
    const zip = await JSZip.loadAsync(readFileSync(written[0] as string));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('Số: 01/TB-UBND');
    expect(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.html')) as string), 'utf8')).toContain(
      '<div class="page"',
    );
  });

  it('the playground lists and previews the Docs', async () => {
    const routes = documentRoutes(runtime);
    const ctx = (path: string) => ({ url: new URL(path, 'http://127.0.0.1') }) as RouteContext;
    const list = (await routes['GET /api/documents']?.(ctx('/api/documents'))) as { json: DocumentListing[] };
    expect(list.json.map((d) => d.name.slice(0, 10))).toEqual([
      '01/TB-UBND',
      '01/QĐ-BCĐ ',
      '01/TB-BCĐ ',
      '02/TB-UBND',
      '01/TB-UBND',
    ]);
    const newest = list.json[0] as DocumentListing;
    const html = (await routes['GET /document']?.(ctx(newest.preview))) as { raw: string; contentType: string };
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.raw).toContain('Lạng Sơn, ngày 02 tháng 01 năm 2025');
    const byLink = (await routes['GET /document']?.(ctx(`/document?url=${encodeURIComponent(newest.url)}`))) as {
      raw: string;
    };
    expect(byLink.raw).toBe(html.raw);
    const docx = (await routes['GET /document.docx']?.(ctx(newest.docx))) as { raw: Buffer };
    expect(docx.raw.subarray(0, 2).toString()).toBe('PK');
    expect(await routes['GET /document']?.(ctx('/document?id=nope'))).toBeNull();
  });
});

describe('failures reach the user in Vietnamese and are not logged', () => {
  it('the daily Docs quota', () => {
    const { runtime, generate, log, docs } = setup();
    runtime.failOn('DocumentApp.create', { message: 'Service invoked too many times for one day: docs create.' });
    expect(() => generate('thong-bao-ket-luan')).toThrow(new UserError(NOTICE_MESSAGES.quota));
    expect(docs()).toHaveLength(0);
    expect(log()).toHaveLength(1);
  });

  it('a service error mid-way: the Doc is logged as unfinished; the next try completes the same Doc', () => {
    const { runtime, generate, log, docs } = setup();
    runtime.failOn('Body.appendParagraph', { after: 4 });
    let message = '';
    try {
      generate('thong-bao-ket-luan');
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      message = (e as Error).message;
    }
    expect(message).toBe(NOTICE_MESSAGES.unfinished('thông báo kết luận cuộc họp', '01/TB-UBND'));
    expect(docs()[0]?.name).toMatch(/^\[CHƯA HOÀN THÀNH\] /);
    expect(log()).toHaveLength(2);
    expect(String(log()[1]?.[3])).toMatch(/^\[CHƯA HOÀN THÀNH\] Kết luận/);
    expect(log()[1]?.[4]).toBe(docs()[0]?.url);
    const ok = generate('thong-bao-ket-luan');
    expect(ok).toMatchObject({ reused: false, number: '01/TB-UBND', url: docs()[0]?.url });
    expect(ok.message).toMatch(/^Đã hoàn thành thông báo kết luận cuộc họp số 01\/TB-UBND/);
    expect(docs()).toHaveLength(1);
    expect(docs()[0]?.name).toBe(ok.title);
    expect(log()).toHaveLength(2);
    expect(String(log()[1]?.[3])).toMatch(/^Kết luận/);
  });

  it('missing settings and bad options', () => {
    const { runtime, generate } = setup();
    const config = runtime.spreadsheet.getSheetByName('Cấu hình')!;
    const values = config.getDataRange().getValues();
    const row = (label: string) => values.findIndex((r) => r[0] === label) + 1;
    config.getRange(row('Địa danh'), 2).setValue('');
    config.getRange(row('Tỉnh'), 2).setValue('');
    expect(() => generate('thong-bao-ket-luan')).toThrow(
      `Chưa khai báo mục "Địa danh" (ô B${row('Địa danh')}) hoặc mục "Thông báo kết luận cuộc họp: Địa danh" (ô B${row('Thông báo kết luận cuộc họp: Địa danh')}) trong trang "Cấu hình": cần để ghi phần đầu và số văn bản.`,
    );
    config.getRange(row('Địa danh'), 2).setValue('Lạng Sơn');
    expect(() => generate('thong-bao-ket-luan', { meeting: 'BCĐ-09' })).toThrow(
      'Không có cuộc họp "BCĐ-09" trong trang "Cuộc họp".',
    );
    expect(() => generate('thong-bao-ket-luan', { date: '2024-02-30' })).toThrow(
      'Ngày văn bản "2024-02-30" không hợp lệ.',
    );
  });
});

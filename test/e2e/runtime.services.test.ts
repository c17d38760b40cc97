/** Properties, Lock, Cache, Utilities, Session, Ui and HtmlService of the local runtime. */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalSpreadsheet, Runtime } from '../../local/runtime';
import { tempDir } from '../../local/testing';

describe('PropertiesService', () => {
  test('values are limited to 9 KB (UTF-8 bytes), like Google’s quota', () => {
    const props = new Runtime().services.PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(props.getProperty('ok')).toHaveLength(9216);
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // "ệ" is 3 bytes in UTF-8: 3073 of them exceed 9216 bytes.
    expect(() => props.setProperty('vi', 'ệ'.repeat(3073))).toThrow('Argument too large: value');
    expect(() => props.setProperties({ a: '1', b: 'y'.repeat(9217) })).toThrow('Argument too large: value');
    expect(props.getProperty('a')).toBeNull();
  });

  test('values are stored as strings; stores are shared per document, separate per user', () => {
    const ss = LocalSpreadsheet.create();
    const a = new Runtime({ spreadsheet: ss, user: 'a@example.com' }).services.PropertiesService;
    const b = new Runtime({ spreadsheet: ss, user: 'b@example.com' }).services.PropertiesService;
    a.getDocumentProperties().setProperty('n', 42 as unknown as string);
    expect(b.getDocumentProperties().getProperty('n')).toBe('42');
    a.getUserProperties().setProperty('pref', 'a');
    expect(b.getUserProperties().getProperty('pref')).toBeNull();
    a.getDocumentProperties().setProperties({ x: '1' }, true);
    expect(b.getDocumentProperties().getProperties()).toEqual({ x: '1' });
  });
});

describe('LockService', () => {
  test('locks are exclusive between runtimes sharing a spreadsheet', () => {
    const ss = LocalSpreadsheet.create();
    const alice = new Runtime({ spreadsheet: ss, user: 'alice@example.com', now: '2024-01-05T08:00:00Z' });
    const bob = new Runtime({ spreadsheet: ss, user: 'bob@example.com', now: '2024-01-05T08:00:00Z' });
    const held = alice.services.LockService.getDocumentLock();
    expect(held.tryLock(0)).toBe(true);
    expect(held.hasLock()).toBe(true);

    const other = bob.services.LockService.getDocumentLock();
    expect(other.tryLock(5000)).toBe(false);
    expect(other.hasLock()).toBe(false);
    expect(bob.clock.now()).toBe(Date.parse('2024-01-05T08:00:05Z')); // the wait took the timeout
    expect(() => other.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');

    held.releaseLock();
    expect(other.tryLock(0)).toBe(true);
    expect(alice.services.LockService.getDocumentLock().tryLock(0)).toBe(false);
  });

  test('different spreadsheets do not share locks; script and document locks are distinct', () => {
    const a = new Runtime();
    const b = new Runtime();
    expect(a.services.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(b.services.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(a.services.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('an execution releases the locks it took when it ends', () => {
    const ss = LocalSpreadsheet.create();
    const a = new Runtime({ spreadsheet: ss });
    const b = new Runtime({ spreadsheet: ss });
    a.execute(() => {
      expect(a.services.LockService.getScriptLock().tryLock(0)).toBe(true);
      expect(b.services.LockService.getScriptLock().tryLock(0)).toBe(false);
    });
    expect(b.services.LockService.getScriptLock().tryLock(0)).toBe(true);
  });
});

describe('CacheService', () => {
  test('entries expire by the runtime clock; sleep advances it', () => {
    const rt = new Runtime({ now: '2024-01-05T08:00:00Z' });
    const cache = rt.services.CacheService.getScriptCache();
    cache.put('k', 'v', 10);
    cache.putAll({ a: '1', b: '2' }); // default 600 s
    expect(cache.get('k')).toBe('v');
    rt.services.Utilities.sleep(9000);
    expect(cache.get('k')).toBe('v');
    rt.clock.advance(1000);
    expect(cache.get('k')).toBeNull();
    expect(cache.getAll(['a', 'b', 'k'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    expect(cache.get('a')).toBeNull();
    expect(() => cache.put('x'.repeat(251), 'v')).toThrow('Argument too large: key');
  });
});

describe('Utilities.formatDate', () => {
  const utils = new Runtime().services.Utilities;
  const d = new Date('2024-01-05T01:02:03.004Z');

  test.each([
    ['yyyy-MM-dd HH:mm:ss', 'Asia/Ho_Chi_Minh', '2024-01-05 08:02:03'],
    ['dd/MM/yyyy', 'Asia/Ho_Chi_Minh', '05/01/2024'],
    ['d/M/yy', 'Asia/Ho_Chi_Minh', '5/1/24'],
    ["'ngày' dd 'tháng' MM 'năm' yyyy", 'Asia/Ho_Chi_Minh', 'ngày 05 tháng 01 năm 2024'],
    ['h:mm a, EEE d MMM yyyy', 'Asia/Ho_Chi_Minh', '8:02 AM, Fri 5 Jan 2024'],
    ['EEEE, MMMM', 'UTC', 'Friday, January'],
    ['HH:mm:ss.SSS Z', 'UTC', '01:02:03.004 +0000'],
    ['Z|X|XX|XXX', 'Asia/Ho_Chi_Minh', '+0700|+07|+0700|+07:00'],
    ['XXX', 'UTC', 'Z'],
    ['yyyy-MM-dd HH:mm', 'GMT+7', '2024-01-05 08:02'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", 'America/New_York', '2024-01-04T20:02:03-05:00'],
    ['H', 'Not/AZone', '1'],
    ["''yy''", 'UTC', "'24'"],
  ])('%p in %p', (pattern, zone, expected) => {
    expect(utils.formatDate(d, zone, pattern)).toBe(expected);
  });

  test('daylight saving time follows the zone', () => {
    expect(utils.formatDate(new Date('2024-07-01T12:00:00Z'), 'America/New_York', 'HH:mm Z')).toBe('08:00 -0400');
  });

  test('an unknown pattern letter throws like Java', () => {
    expect(() => utils.formatDate(d, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities digests and encodings', () => {
  const utils = new Runtime().services.Utilities;
  const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
  const text = 'Đại hội đại biểu các dân tộc thiểu số';

  test('computeDigest matches Node’s crypto, as signed bytes', () => {
    const sha = utils.computeDigest(utils.DigestAlgorithm.SHA_256, text, utils.Charset.UTF_8);
    expect(sha).toEqual(signed(createHash('sha256').update(text, 'utf8').digest()));
    expect(sha.some((b) => b < 0)).toBe(true);
    expect(sha.every((b) => b >= -128 && b <= 127 && Number.isInteger(b))).toBe(true);
    expect(utils.computeDigest(utils.DigestAlgorithm.MD5, text)).toEqual(
      signed(createHash('md5').update(text, 'utf8').digest()),
    );
    expect(utils.computeDigest(utils.DigestAlgorithm.SHA_1, sha)).toEqual(
      signed(
        createHash('sha1')
          .update(Buffer.from(sha.map((b) => b & 0xff)))
          .digest(),
      ),
    );
  });

  test('base64 and HMAC', () => {
    expect(utils.base64Encode(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(utils.base64Decode(utils.base64Encode('xin chào'))).toEqual(signed(Buffer.from('xin chào')));
    expect(utils.computeHmacSha256Signature('msg', 'key')).toEqual(
      signed(createHmac('sha256', 'key').update('msg').digest()),
    );
    expect(utils.newBlob('abc', 'text/plain', 'a.txt').getDataAsString()).toBe('abc');
    expect(utils.parseCsv('a,"b,c"\n1,"x""y"')).toEqual([
      ['a', 'b,c'],
      ['1', 'x"y'],
    ]);
  });
});

describe('Session, Ui, HtmlService, Logger', () => {
  test('Session reports the user and the script time zone', () => {
    // The email needs the userinfo.email scope in the manifest (runtime.trust-auth.test.ts).
    const oauthScopes = ['https://www.googleapis.com/auth/userinfo.email'];
    const rt = new Runtime({ user: 'bandantoc@langson.gov.vn', oauthScopes });
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('bandantoc@langson.gov.vn');
    expect(rt.services.Session.getEffectiveUser().getEmail()).toBe('bandantoc@langson.gov.vn');
    expect(rt.services.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  test('alerts answer OK by default, or the queued answer; prompts return text', () => {
    const rt = new Runtime();
    const ui = rt.services.SpreadsheetApp.getUi();
    expect(String(ui.alert('Xong'))).toBe('OK');
    rt.ui.queueResponse({ button: 'NO' });
    expect(ui.alert('Xác nhận', 'Xoá?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    rt.ui.queueResponse({ button: 'OK', text: 'Lạng Sơn' });
    const answer = ui.prompt('Tỉnh?', ui.ButtonSet.OK_CANCEL);
    expect(answer.getResponseText()).toBe('Lạng Sơn');
    expect(rt.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.response])).toEqual([
      ['alert', '', 'Xong', 'OK'],
      ['alert', 'Xác nhận', 'Xoá?', 'NO'],
      ['prompt', '', 'Tỉnh?', 'OK'],
    ]);
  });

  test('menus are recorded with items, separators and submenus', () => {
    const rt = new Runtime();
    const ui = rt.services.SpreadsheetApp.getUi();
    ui.createMenu('Đại hội DTTS')
      .addItem('Mở', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Khác').addItem('Một', 'one'))
      .addToUi();
    expect(rt.ui.menu('Đại hội DTTS')?.entries).toEqual([
      { kind: 'item', caption: 'Mở', functionName: 'showSidebar' },
      { kind: 'separator' },
      {
        kind: 'submenu',
        menu: { title: 'Khác', addon: false, entries: [{ kind: 'item', caption: 'Một', functionName: 'one' }] },
      },
    ]);
  });

  test('createHtmlOutputFromFile reads <projectDir>/build/<name>.html; a missing file throws', () => {
    const projectDir = tempDir();
    mkdirSync(join(projectDir, 'build'));
    writeFileSync(join(projectDir, 'build', 'Panel.html'), '<p>xin chào</p>');
    const rt = new Runtime({ projectDir });
    const html = rt.services.HtmlService.createHtmlOutputFromFile('Panel').setTitle('Bảng').setWidth(320);
    expect(html.getContent()).toBe('<p>xin chào</p>');
    rt.services.SpreadsheetApp.getUi().showSidebar(html);
    expect(rt.ui.sidebar).toEqual({ title: 'Bảng', content: '<p>xin chào</p>', width: 320, height: 500 });
    expect(() => rt.services.HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  test('Logger keeps lines and reports them to the runtime log', () => {
    const rt = new Runtime();
    rt.services.Logger.log('Đã phân bổ %s ghế', 250);
    expect(rt.services.Logger.getLog()).toBe('Đã phân bổ 250 ghế');
    expect(rt.logs).toEqual([{ level: 'info', message: 'Đã phân bổ 250 ghế' }]);
  });
});

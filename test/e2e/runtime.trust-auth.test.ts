/**
 * Authorization like Google's: Session emails need userinfo.email, granular consent (granted
 * scopes), ScriptApp.requireScopes / getAuthorizationInfo, onOpen(e) in AuthMode.NONE / LIMITED,
 * and Docs private to their owner until shared.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalSpreadsheet, loadBundle, Runtime, runInMode, SCOPES } from '../../local/runtime';
import { AuthMode } from '../../local/runtime/auth';
import { tempDir, writeFixtureBundle } from '../../local/testing';

const MANIFEST = [SCOPES.spreadsheetsCurrent, SCOPES.containerUi, SCOPES.documents];

describe('Session email and the userinfo.email scope', () => {
  test('without userinfo.email in the manifest, getActiveUser/getEffectiveUser give ""', () => {
    const rt = new Runtime({ user: 'canbo@langson.gov.vn', oauthScopes: MANIFEST });
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('');
    expect(rt.services.Session.getEffectiveUser().getEmail()).toBe('');
  });

  test('the project’s own appsscript.json decides by default', () => {
    const rt = new Runtime({ user: 'canbo@langson.gov.vn' });
    const hasEmail = rt.auth.manifest.includes(SCOPES.email);
    expect(rt.services.Session.getActiveUser().getEmail()).toBe(hasEmail ? 'canbo@langson.gov.vn' : '');
  });

  test('with the scope in the manifest and granted, the email is known', () => {
    const oauthScopes = [...MANIFEST, SCOPES.email];
    const rt = new Runtime({ user: 'canbo@langson.gov.vn', oauthScopes });
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('canbo@langson.gov.vn');
    const partial = new Runtime({ user: 'canbo@langson.gov.vn', oauthScopes, grantedScopes: MANIFEST });
    expect(partial.services.Session.getActiveUser().getEmail()).toBe('');
  });
});

describe('granular consent', () => {
  test('a call whose scope was not granted fails with Google’s permission error', () => {
    const rt = new Runtime({ oauthScopes: MANIFEST, grantedScopes: [SCOPES.spreadsheetsCurrent] });
    expect(() => rt.globals.DocumentApp.create('Thông báo')).toThrow(
      'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
    expect(() =>
      rt.globals.SpreadsheetApp.getUi().showSidebar(rt.globals.HtmlService.createHtmlOutput('<b>x</b>')),
    ).toThrow('Required permissions: https://www.googleapis.com/auth/script.container.ui');
    // Spreadsheet calls work with spreadsheets.currentonly.
    rt.globals.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1);
  });

  test('a scope the manifest does not list cannot be granted; spreadsheets implies currentonly', () => {
    const rt = new Runtime({
      oauthScopes: [SCOPES.spreadsheets],
      grantedScopes: [SCOPES.spreadsheets, SCOPES.documents],
    });
    expect(rt.auth.hasScope(SCOPES.spreadsheetsCurrent)).toBe(true);
    expect(rt.auth.hasScope(SCOPES.documents)).toBe(false);
  });

  test('a project whose manifest lists no oauthScopes has every scope (Apps Script detects them)', () => {
    const projectDir = tempDir('dtts-noscopes-');
    writeFileSync(join(projectDir, 'package.json'), '{}');
    writeFileSync(join(projectDir, 'appsscript.json'), '{"timeZone":"Asia/Ho_Chi_Minh"}');
    const rt = new Runtime({ projectDir, user: 'a@x.vn' });
    expect(rt.auth.hasScope(SCOPES.documents)).toBe(true);
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('a@x.vn');
    rt.globals.DocumentApp.create('x');
  });

  test('getAuthorizationInfo reports REQUIRED with a URL, or NOT_REQUIRED with null', () => {
    const rt = new Runtime({ oauthScopes: MANIFEST, grantedScopes: [SCOPES.spreadsheetsCurrent] });
    const app = rt.globals.ScriptApp;
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(String(info.getAuthorizationStatus())).toBe('REQUIRED');
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\/macros\/d\/.+\/authorize$/);
    const sheetsOnly = app.getAuthorizationInfo(app.AuthMode.FULL, [SCOPES.spreadsheetsCurrent]);
    expect(String(sheetsOnly.getAuthorizationStatus())).toBe('NOT_REQUIRED');
    expect(sheetsOnly.getAuthorizationUrl()).toBeNull();
    expect((sheetsOnly as unknown as { getAuthorizedScopes(): string[] }).getAuthorizedScopes()).toEqual([
      SCOPES.spreadsheetsCurrent,
    ]);
  });

  test('requireScopes ends the execution and records the authorization prompt when a scope is missing', () => {
    const code = writeFixtureBundle(`
      function make() {
        ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['${SCOPES.documents}']);
        return DocumentApp.create('Thông báo').getId();
      }`);
    const rt = new Runtime({ oauthScopes: MANIFEST, grantedScopes: [SCOPES.spreadsheetsCurrent] });
    expect(() => loadBundle({ runtime: rt, codePath: code }).call('make')).toThrow(
      'Authorization is required to perform that action.',
    );
    expect(rt.auth.prompts).toEqual([{ authMode: 'FULL', missing: [SCOPES.documents] }]);
    expect(rt.documents).toHaveLength(0);
    const granted = new Runtime({ oauthScopes: MANIFEST });
    expect(loadBundle({ runtime: granted, codePath: code }).call('make')).toMatch(/^1/);
  });
});

describe('ScriptApp enums are objects, as in Google', () => {
  test("e.authMode is ScriptApp.AuthMode.NONE, prints as 'NONE', and is not the string 'NONE'", () => {
    const code = writeFixtureBundle(`
      function onOpen(e) {
        return [e.authMode === ScriptApp.AuthMode.NONE, String(e.authMode), e.authMode === 'NONE',
          e.authMode.name(), typeof e.authMode];
      }
      function status() {
        var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['${SCOPES.documents}']);
        return [info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED,
          info.getAuthorizationStatus() === 'REQUIRED'];
      }`);
    const rt = new Runtime({ oauthScopes: MANIFEST, grantedScopes: [SCOPES.spreadsheetsCurrent] });
    const bundle = loadBundle({ runtime: rt, codePath: code });
    expect(runInMode(rt, 'NONE', () => bundle.call('onOpen', { authMode: AuthMode.NONE }))).toEqual([
      true,
      'NONE',
      false,
      'NONE',
      'object',
    ]);
    expect(bundle.call('status')).toEqual([true, false]);
  });
});

describe('onOpen(e) authorization modes', () => {
  const code = writeFixtureBundle(`
    function onOpen(e) {
      var menu = SpreadsheetApp.getUi().createAddonMenu().addItem('Mở', 'showSidebar');
      if (e && e.authMode !== ScriptApp.AuthMode.NONE) {
        menu.addItem(SpreadsheetApp.getActiveSpreadsheet().getName(), 'x');
      }
      menu.addToUi();
      return String(e.authMode);
    }
    function readsInOpen() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    function propsInOpen() { return PropertiesService.getDocumentProperties().getProperty('x'); }
    function docInOpen() { return DocumentApp.create('x').getId(); }
  `);

  test('in NONE only the add-on menu can be built; the event says NONE', () => {
    const rt = new Runtime({ oauthScopes: MANIFEST });
    const bundle = loadBundle({ runtime: rt, codePath: code });
    const mode = runInMode(rt, 'NONE', () => bundle.call('onOpen', { authMode: AuthMode.NONE }));
    expect(mode).toBe('NONE');
    expect(rt.ui.menus).toEqual([
      { title: rt.ui.addonName, addon: true, entries: [{ kind: 'item', caption: 'Mở', functionName: 'showSidebar' }] },
    ]);
    expect(() => runInMode(rt, 'NONE', () => bundle.call('readsInOpen'))).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => runInMode(rt, 'NONE', () => bundle.call('propsInOpen'))).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('');
  });

  test('in LIMITED the current spreadsheet is readable but other files are not', () => {
    const rt = new Runtime({ oauthScopes: MANIFEST });
    const bundle = loadBundle({ runtime: rt, codePath: code });
    expect(runInMode(rt, 'LIMITED', () => bundle.call('readsInOpen'))).toBe(rt.spreadsheet.getName());
    expect(() => runInMode(rt, 'LIMITED', () => bundle.call('docInOpen'))).toThrow(
      'You do not have permission to call DocumentApp.create',
    );
    // The mode ends with the execution.
    expect(bundle.call('docInOpen')).toMatch(/^1/);
  });
});

describe('Docs are private to their owner until shared', () => {
  const code = writeFixtureBundle(`
    function make(share) {
      var doc = DocumentApp.create('Thông báo số 01');
      if (share === 'viewer') doc.addViewer('b@x.vn');
      if (share === 'editor') doc.addEditors(['b@x.vn']);
      return doc.getUrl();
    }
    function open(url) { return DocumentApp.openByUrl(url).getName(); }
    function openId(id) { return DocumentApp.openById(id).getName(); }
  `);
  const MISSING =
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

  function users() {
    const spreadsheet = LocalSpreadsheet.create({ owner: 'a@x.vn' });
    const a = new Runtime({ spreadsheet, user: 'a@x.vn' });
    const b = new Runtime({ spreadsheet, user: 'b@x.vn' });
    return {
      a,
      b,
      bundleA: loadBundle({ runtime: a, codePath: code }),
      bundleB: loadBundle({ runtime: b, codePath: code }),
    };
  }

  test('another user cannot open a Doc that was not shared with them', () => {
    const { a, b, bundleA, bundleB } = users();
    const url = bundleA.call('make', '') as string;
    expect(bundleA.call('open', url)).toBe('Thông báo số 01');
    expect(() => bundleB.call('open', url)).toThrow(MISSING);
    const doc = a.documents[0]!;
    expect([doc.owner, doc.editorEmails, doc.viewerEmails]).toEqual(['a@x.vn', [], []]);
    expect(b.documents).toHaveLength(1); // the same Drive, seen from B's runtime
  });

  test('addViewer / addEditors share it; owner, editors and viewers are recorded', () => {
    const { a, bundleA, bundleB } = users();
    const viewed = bundleA.call('make', 'viewer') as string;
    expect(bundleB.call('open', viewed)).toBe('Thông báo số 01');
    const edited = bundleA.call('make', 'editor') as string;
    expect(bundleB.call('open', edited)).toBe('Thông báo số 01');
    expect(a.documents.map((d) => [d.owner, d.editorEmails, d.viewerEmails])).toEqual([
      ['a@x.vn', [], ['b@x.vn']],
      ['a@x.vn', ['b@x.vn'], []],
    ]);
  });

  test('a Doc is shared only with account addresses: a display name, mailto: or a bare word is refused', () => {
    const runtime = new Runtime({ user: 'a@x.vn' });
    const doc = runtime.globals.DocumentApp.create('Thông báo');
    for (const bad of ['Nguyễn Văn B <b@x.vn>', 'mailto:b@x.vn', 'b@x', 'b x@x.vn', 'nguyen']) {
      expect(() => doc.addViewer(bad)).toThrow(`Invalid email: ${bad}`);
      expect(() => doc.addEditors([bad])).toThrow('Invalid email');
    }
    doc.addViewers(['b@x.vn', 'C.D+e@so.gov.vn']);
    expect(runtime.documents[0]?.viewerEmails).toEqual(['b@x.vn', 'C.D+e@so.gov.vn']);
  });

  test('Spreadsheet.getEditors lists everyone with edit access, owner first; getViewers the viewers', () => {
    const spreadsheet = LocalSpreadsheet.create({ owner: 'a@x.vn', editors: ['b@x.vn'], viewers: ['c@x.vn'] });
    const ss = new Runtime({ spreadsheet, user: 'a@x.vn' }).globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['a@x.vn', 'b@x.vn']);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual(['c@x.vn']);
    ss.addEditor('c@x.vn');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
    expect(ss.getViewers()).toEqual([]);
    expect(ss.getOwner()?.getEmail()).toBe('a@x.vn');
  });

  test('a template owned by someone else opens only once shared', () => {
    const { a, bundleA } = users();
    const app = a.services.DocumentApp;
    const closed = app.preload('Mẫu riêng', () => {}, { owner: 'c@x.vn' });
    const shared = app.preload('Mẫu chung', () => {}, { owner: 'c@x.vn', viewers: ['a@x.vn'] });
    expect(() => bundleA.call('openId', closed.id)).toThrow(MISSING);
    expect(bundleA.call('openId', shared.id)).toBe('Mẫu chung');
  });

  test('an unknown id gives the same error', () => {
    const { bundleA } = users();
    expect(() => bundleA.call('openId', '1nope')).toThrow(MISSING);
  });
});

/**
 * The two ways a province installs the add-in: the editor add-on (standalone project, add-on menu,
 * AuthMode.NONE on open) and the template copy (a thin bound script over the library), plus the
 * deploy script's checks, which run without a Google account. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthMode, Runtime, runBundle, runInMode, runOnOpen } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir, writeFixtureBundle } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';

const ADDON_NAME = 'Trợ lý Đại hội DTTS';
const FULL_MENU = [
  ['Mở bảng điều khiển', 'showSidebar'],
  ['Thiết lập bảng tính', 'menuSetupWorkbook'],
  ['Phân bổ đại biểu', 'menuAllocateDelegates'],
  ['Hoàn tác phân bổ', 'menuUndoAllocation'],
  ['Kiểm tra dữ liệu', 'menuValidateAll'],
  ['Cập nhật trang Thống kê', 'menuWriteStatistics'],
];
const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/documents',
];
/** A script id as Google makes them (57 characters); the tests never call Google with it. */
const FAKE_ID = `1${'A'.repeat(20)}b_c-${'9'.repeat(31)}`;

function items(runtime: Runtime) {
  const menu = runtime.ui.menus.find((m) => m.addon);
  return menu?.entries.flatMap((e) => (e.kind === 'item' ? [[e.caption, e.functionName]] : [])) ?? [];
}

function nonUiCalls(runtime: Runtime): string[] {
  return Object.keys(runtime.calls).filter(
    (k) => k !== 'total' && !/^(Menu|Ui)\./.test(k) && k !== 'SpreadsheetApp.getUi',
  );
}

describe('the manifest and the repository', () => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'appsscript.json'), 'utf8'));

  test('appsscript.json: Vietnam time, V8, exactly the three least-privilege scopes, no Workspace add-on section', () => {
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(manifest).not.toHaveProperty('addOns');
    expect(manifest).not.toHaveProperty('dependencies');
    expect(readFileSync(join(PROJECT_DIR, 'build/appsscript.json'), 'utf8')).toBe(
      readFileSync(join(PROJECT_DIR, 'appsscript.json'), 'utf8'),
    );
  });

  test('no clasp project file is checked in, only an example without a script id; the real ones are ignored', () => {
    const tracked = spawnSync('git', ['ls-files'], { cwd: PROJECT_DIR, encoding: 'utf8' }).stdout.split('\n');
    expect(existsSync(join(PROJECT_DIR, '.clasp.json.example'))).toBe(true);
    for (const name of ['.clasp.json', '.clasp-addon.json', '.clasp-template.json']) {
      expect(tracked).not.toContain(name);
      expect(readFileSync(join(PROJECT_DIR, '.gitignore'), 'utf8').split('\n')).toContain(name);
    }
    const example = JSON.parse(readFileSync(join(PROJECT_DIR, '.clasp.json.example'), 'utf8'));
    expect(example.rootDir).toBe('build');
    expect(example.scriptId).not.toMatch(/^[A-Za-z0-9_-]{30,}$/);
  });
});

describe('onOpen and onInstall', () => {
  test('AuthMode.NONE: an add-on menu with the one item that opens the sidebar, and nothing but the UI touched', () => {
    const runtime = new Runtime();
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.NONE });
    expect(runtime.ui.menus).toHaveLength(1);
    expect(runtime.ui.menus[0]).toMatchObject({ title: ADDON_NAME, addon: true });
    expect(items(runtime)).toEqual([FULL_MENU[0]]);
    expect(runtime.calls['Ui.createAddonMenu']).toBe(1);
    expect(runtime.calls['Ui.createMenu'] ?? 0).toBe(0);
    expect(nonUiCalls(runtime)).toEqual([]);
  });

  test("AuthMode.NONE enforced as Google does: onOpen succeeds, while the menu's actions would be refused", () => {
    const runtime = new Runtime();
    const run = runOnOpen(runtime, 'NONE');
    expect(items(runtime)).toEqual([FULL_MENU[0]]);
    expect(
      Object.keys(run.calls)
        .filter((k) => k !== 'total')
        .sort(),
    ).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu'].sort());
    // The control: the same runtime in NONE refuses what onOpen must not do.
    expect(() => runInMode(runtime, 'NONE', () => runBundle(runtime, 'menuValidateAll'))).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
  });

  test.each([
    ['LIMITED', { authMode: AuthMode.LIMITED }],
    ['FULL', { authMode: AuthMode.FULL }],
    ['run from the editor (no event)', undefined],
  ])('%s: the full add-on menu, every item a top-level function', (_name, event) => {
    const runtime = new Runtime();
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen', ...(event ? [event] : []));
    expect(items(runtime)).toEqual(FULL_MENU);
    for (const [, fn] of FULL_MENU) expect(bundle.functions).toContain(fn);
    expect(runtime.ui.menus.filter((m) => !m.addon)).toEqual([]);
    expect(nonUiCalls(runtime)).toEqual([]);
  });

  test('onInstall builds the same menu as onOpen', () => {
    const runtime = new Runtime();
    loadBundle({ runtime }).call('onInstall', { authMode: AuthMode.FULL });
    expect(items(runtime)).toEqual(FULL_MENU);
  });

  test('opening the sidebar from the NONE menu shows the sidebar and completes the menu', () => {
    const runtime = new Runtime();
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.NONE });
    bundle.call('showSidebar');
    expect(runtime.ui.sidebar?.content).toBe(readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8'));
    expect(runtime.ui.menus).toHaveLength(1);
    expect(items(runtime)).toEqual(FULL_MENU);
  });

  test('the build refuses a user guide address that is not https, before writing anything', () => {
    const before = readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8');
    const r = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/build.mjs')], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, DTTS_GUIDE_URL: 'javascript:alert(1)' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('DTTS_GUIDE_URL must be an https: address');
    expect(readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8')).toBe(before);
  });

  test('the sidebar carries the version for "Giới thiệu"', () => {
    const version = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')).version;
    const html = readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8');
    expect(html).toContain(`"${version}"`);
    expect(html).toContain('Giới thiệu');
  });
});

describe('granular consent: the Docs permission not granted', () => {
  test('the menu and the sidebar still work; "Tạo văn bản" names Google\'s authorisation page, which the sidebar links', () => {
    const runtime = new Runtime({
      spreadsheet: buildSample(LANG_SON),
      now: '2024-01-14T09:00:00+07:00',
      grantedScopes: SCOPES.filter((s) => !s.endsWith('/documents')),
    });
    runOnOpen(runtime, 'FULL');
    expect(items(runtime)).toEqual(FULL_MENU);
    runBundle(runtime, 'showSidebar');
    expect(runtime.ui.sidebar).not.toBeNull();
    expect(() => runBundle(runtime, 'allocateDelegates')).not.toThrow();
    let message = '';
    try {
      runBundle(runtime, 'generateNotice', ['phan-bo-dai-bieu', {}]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Google Docs');
    // The address the sidebar turns into a link (src/sidebar/views/actions.ts, withGoogleLinks).
    expect(message).toMatch(/https:\/\/([a-z0-9-]+\.)*google\.com\/\S+/);
    expect(runtime.calls['DocumentApp.create'] ?? 0).toBe(0);
  });
});

describe('the template copy: a thin bound script over the library', () => {
  const thinPath = join(PROJECT_DIR, 'dist/template/Code.js');
  const topLevel = (code: string) => [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]).sort();

  test('dist/template/Code.js has exactly the functions of build/Code.js, each delegating to TroLyDTTS', () => {
    const library = readFileSync(builtCodePath(), 'utf8');
    const thin = readFileSync(thinPath, 'utf8');
    expect(topLevel(thin)).toEqual(topLevel(library));
    for (const name of topLevel(thin)) {
      expect(thin).toContain(`function ${name}(...a){return TroLyDTTS.${name}(...a)}`);
    }
    expect(thin).not.toMatch(/\bDTTS\./);
  });

  test('on the runtime, the bound script runs the library: menu, sidebar and a sidebar call', () => {
    // The library as Apps Script exposes it to the bound script: its top-level functions under TroLyDTTS.
    const library = readFileSync(builtCodePath(), 'utf8');
    const names = topLevel(library);
    const fixture = writeFixtureBundle(
      `var TroLyDTTS = (function () {\n${library}\nreturn { ${names.join(', ')} };\n})();\n${readFileSync(thinPath, 'utf8')}`,
    );
    const runtime = new Runtime();
    const bundle = loadBundle({ runtime, codePath: fixture });
    bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    expect(items(runtime)).toEqual(FULL_MENU);
    bundle.call('showSidebar');
    expect(runtime.ui.sidebar).not.toBeNull();
    const overview = bundle.call('getOverview') as { allocation: unknown };
    expect(overview).toHaveProperty('allocation');
  });
});

describe('npm run deploy, validated without a Google account', () => {
  const deploy = (...args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/deploy.mjs'), '--no-build', '--dry-run', ...args], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    });
  const clasp = (out: string) => out.split('\n').filter((l) => l.startsWith('$ clasp'));

  test('add-on: checks the build and the manifest, then would push build/ to .clasp-addon.json and says what next', () => {
    const r = deploy('--guide-url', 'https://example.org/docs/huong-dan-su-dung.md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Checks passed: build/ (Code.js, Sidebar.html, Intake.html, appsscript.json)');
    expect(clasp(r.stdout)).toEqual(['$ clasp -P .clasp-addon.json push --force']);
    expect(r.stdout).toContain('Test deployments');
  });

  test('add-on release: push, then a numbered version', () => {
    const r = deploy('--guide-url', 'https://example.org/g.md', '--release', 'Bản 0.1');
    expect(r.status).toBe(0);
    expect(clasp(r.stdout)).toEqual([
      '$ clasp -P .clasp-addon.json push --force',
      "$ clasp -P .clasp-addon.json create-version 'Bản 0.1'",
    ]);
  });

  test('template: a manifest pinning the library version, pushed from dist/template/', () => {
    const r = deploy('--target', 'template', '--library-version', '4', '--library-id', FAKE_ID);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(clasp(r.stdout)).toEqual(['$ clasp -P .clasp-template.json push --force']);
    const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'dist/template/appsscript.json'), 'utf8'));
    expect(manifest.dependencies.libraries).toEqual([
      { userSymbol: 'TroLyDTTS', libraryId: FAKE_ID, version: '4', developmentMode: false },
    ]);
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
  });

  test('--create runs clasp create-script for a standalone project or a new spreadsheet', () => {
    if (existsSync(join(PROJECT_DIR, '.clasp-addon.json'))) return; // a developer's real project: nothing to create
    expect(clasp(deploy('--create').stdout)).toEqual([
      `$ clasp create-script --type standalone --title 'Trợ lý Đại hội DTTS' --rootDir .`,
    ]);
    expect(clasp(deploy('--target', 'template', '--create').stdout)).toEqual([
      `$ clasp create-script --type sheets --title 'Trợ lý Đại hội DTTS' --rootDir .`,
    ]);
  });

  test.each([
    [['--target', 'sheets'], '--target must be addon or template'],
    [[], '--target addon needs --guide-url'],
    [['--guide-url', 'http://example.org/g.md'], '--guide-url must be an https: address'],
    [['--target', 'template'], 'needs --library-version'],
    [['--target', 'template', '--library-version', 'HEAD'], '--library-version must be a whole number'],
    [
      ['--target', 'template', '--library-version', '2', '--library-id', 'REPLACE_WITH_YOUR_SCRIPT_ID'],
      'is not a script id',
    ],
    [['--target', 'template', '--library-version', '2', '--release', 'x'], '--release is for --target addon'],
    [['--guide-url', 'https://example.org/g.md', '--force'], 'Unknown option --force'],
  ])('%j is refused: %s', (args, message) => {
    const r = deploy(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(clasp(r.stdout)).toEqual([]);
  });
});

describe('npm run deploy for real, with a stand-in for clasp, in a copy of the project', () => {
  // The stand-in records its arguments and, for create-script, writes the .clasp.json clasp writes.
  const STAND_IN = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.CLASP_LOG, JSON.stringify({ cwd: process.cwd(), args }) + '\\n');
if (args[0] === 'create-script') {
  const sheets = args[args.indexOf('--type') + 1] === 'sheets';
  fs.writeFileSync('.clasp.json', JSON.stringify({ scriptId: sheets ? '${'T'.repeat(57)}' : '${'L'.repeat(57)}',
    rootDir: '', parentId: sheets ? ['SHEET_ID_123'] : undefined }));
  fs.writeFileSync('Code.js', 'function myFunction() {}');
}
`;
  let root: string;
  let log: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/deploy.mjs'), '--no-build', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DTTS_CLASP: join(root, 'clasp'), CLASP_LOG: log },
    });
  const calls = () =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { cwd: string; args: string[] });

  beforeAll(() => {
    root = tempDir('dtts-deploy-');
    log = join(root, 'clasp.log');
    writeFileSync(log, '');
    for (const dir of ['scripts', 'build', 'dist/template']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of [
      'scripts/deploy.mjs',
      'appsscript.json',
      'build/Code.js',
      'build/Sidebar.html',
      'build/Intake.html',
      'build/appsscript.json',
      'dist/template/Code.js',
    ])
      copyFileSync(join(PROJECT_DIR, file), join(root, file));
    writeFileSync(join(root, 'clasp'), STAND_IN);
    chmodSync(join(root, 'clasp'), 0o755);
  });

  test('--create: clasp runs in a scratch directory; only the id and rootDir are kept; a second --create is refused', () => {
    const r = run('--target', 'addon', '--create');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [call] = calls();
    expect(call!.args).toEqual([
      'create-script',
      '--type',
      'standalone',
      '--title',
      'Trợ lý Đại hội DTTS',
      '--rootDir',
      '.',
    ]);
    expect(call!.cwd).not.toBe(root);
    expect(existsSync(join(root, '.clasp.json'))).toBe(false);
    expect(readFileSync(join(root, 'build/Code.js'), 'utf8')).toBe(readFileSync(builtCodePath(), 'utf8'));
    expect(JSON.parse(readFileSync(join(root, '.clasp-addon.json'), 'utf8'))).toEqual({
      scriptId: 'L'.repeat(57),
      rootDir: 'build',
    });
    const again = run('--target', 'addon', '--create');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('.clasp-addon.json already exists');
  });

  test('add-on release: push then create-version, both on .clasp-addon.json', () => {
    const before = calls().length;
    const r = run('--guide-url', 'https://example.org/g.md', '--release', 'Bản 0.1', '--skip-tests');
    expect(r.status).toBe(0);
    expect(
      calls()
        .slice(before)
        .map((c) => c.args),
    ).toEqual([
      ['-P', '.clasp-addon.json', 'push', '--force'],
      ['-P', '.clasp-addon.json', 'create-version', 'Bản 0.1'],
    ]);
    expect(r.stdout).toContain(`script id ${'L'.repeat(57)}`);
  });

  test('template: created as a new spreadsheet, pushed with the add-on project as its library', () => {
    expect(run('--target', 'template', '--create').status).toBe(0);
    expect(JSON.parse(readFileSync(join(root, '.clasp-template.json'), 'utf8'))).toEqual({
      scriptId: 'T'.repeat(57),
      rootDir: 'dist/template',
      parentId: 'SHEET_ID_123',
    });
    const before = calls().length;
    const r = run('--target', 'template', '--library-version', '7');
    expect(r.stderr).toBe('');
    expect(
      calls()
        .slice(before)
        .map((c) => c.args),
    ).toEqual([['-P', '.clasp-template.json', 'push', '--force']]);
    const manifest = JSON.parse(readFileSync(join(root, 'dist/template/appsscript.json'), 'utf8'));
    expect(manifest.dependencies.libraries).toEqual([
      { userSymbol: 'TroLyDTTS', libraryId: 'L'.repeat(57), version: '7', developmentMode: false },
    ]);
    expect(r.stdout).toContain('https://docs.google.com/spreadsheets/d/SHEET_ID_123/copy');
  });

  test('a placeholder script id in the project file stops the push', () => {
    writeFileSync(
      join(root, '.clasp-addon.json'),
      JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'build' }),
    );
    const before = calls().length;
    const r = run('--guide-url', 'https://example.org/g.md', '--skip-tests');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.clasp-addon.json: scriptId "REPLACE_WITH_YOUR_SCRIPT_ID" is not a real script id');
    expect(calls().length).toBe(before);
  });
});

/** dtts serve: the playground server in-process, and the real command spawned. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { injectShim, isLegalClientValue, type Playground, startPlayground } from '../../local/playground/server';
import { Runtime } from '../../local/runtime';
import { builtCodePath, PROJECT_DIR, tempDir, writeFixtureBundle } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { loadWorkbook } from '../../local/xlsx';

interface State {
  sheets: { name: string }[];
  activeSheet: string;
  grid: {
    values: string[][];
    styles: { r: number; c: number; bg?: string; note?: string; bold?: boolean }[];
    frozenRows: number;
  };
  activeRange: { a1: string } | null;
  menus: { title: string; entries: { kind: string; caption?: string; functionName?: string }[] }[];
  sidebar: { open: boolean; title: string; version: number };
  toasts: { message: string }[];
}

describe('playground server', () => {
  let runtime: Runtime;
  let playground: Playground;
  let savePath: string;
  const get = async (path: string) => fetch(new URL(path, playground.url));
  const post = async (path: string, body: unknown) =>
    (
      await fetch(new URL(path, playground.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<Record<string, unknown>>;
  const state = async () => (await (await get('/api/state')).json()) as State;

  beforeAll(async () => {
    builtCodePath();
    runtime = new Runtime();
    const sheet = runtime.spreadsheet.getActiveSheet();
    sheet
      .getRange('A1:B1')
      .setValues([['Đơn vị', 'Dân số']])
      .setFontWeight('bold')
      .setBackground('#d9ead3');
    sheet
      .getRange('A2:B2')
      .setValues([['Bình Gia', 54321]])
      .setNumberFormat('#,##0');
    sheet.getRange('A2').setNote('minh họa');
    sheet.setFrozenRows(1);
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen');
    savePath = join(tempDir(), 'saved.xlsx');
    playground = await startPlayground({ runtime, bundle, savePath, port: 0 });
  });

  afterAll(async () => {
    await playground.close();
  });

  test('serves the page on 127.0.0.1', async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/page.js');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect((await get('/page.js')).status).toBe(200);
    expect((await get('/nothing-here')).status).toBe(404);
  });

  test('/api/state has the sheets, the grid with formatting, and the menu onOpen registered', async () => {
    const s = await state();
    expect(s.sheets.map((x) => x.name)).toEqual(['Trang tính1']);
    expect(s.activeSheet).toBe('Trang tính1');
    expect(s.grid.values[0]!.slice(0, 2)).toEqual(['Đơn vị', 'Dân số']);
    expect(s.grid.values[1]!.slice(0, 2)).toEqual(['Bình Gia', '54.321']);
    expect(s.grid.frozenRows).toBe(1);
    expect(s.grid.styles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ r: 0, c: 0, bg: '#d9ead3', bold: true }),
        expect.objectContaining({ r: 1, c: 0, note: 'minh họa' }),
      ]),
    );
    const menu = s.menus.find((m) => m.title === 'Trợ lý Đại hội DTTS');
    expect(menu?.entries.some((e) => e.caption === 'Mở bảng điều khiển')).toBe(true);
    expect(s.sidebar.open).toBe(false);
  });

  test('POST /api/run showSidebar opens the sidebar, served with the google.script shim first', async () => {
    expect(await post('/api/run', { fn: 'showSidebar', args: [] })).toEqual({ ok: true, result: null });
    const s = await state();
    expect(s.sidebar.open).toBe(true);
    expect(s.sidebar.title).not.toBe('');
    const html = await (await get('/sidebar')).text();
    const shimAt = html.indexOf('google.script');
    expect(shimAt).toBeGreaterThan(-1);
    expect(shimAt).toBeLessThan(html.indexOf('<script', html.indexOf('</script>')));
    expect(await post('/api/sidebar/close', {})).toEqual({ ok: true });
    expect((await state()).sidebar.open).toBe(false);
  });

  test('failures come back as {ok: false, error}; private and unknown functions are refused', async () => {
    expect(await post('/api/run', { fn: 'khongCo', args: [] })).toEqual({
      ok: false,
      error: 'Script function not found: khongCo',
    });
    runtime.failOn('SpreadsheetApp.getUi');
    const r = await post('/api/run', { fn: 'showSidebar', args: [] });
    expect(r.ok).toBe(false);
    expect(String(r.error)).toContain('Service Spreadsheets failed');
  });

  test('sheet tabs and selection', async () => {
    runtime.spreadsheet.insertSheet('Danh mục');
    await post('/api/activate', { sheet: 'Trang tính1' });
    await post('/api/select', { sheet: 'Trang tính1', a1: 'B2' });
    const s = await state();
    expect(s.sheets.map((x) => x.name)).toEqual(['Trang tính1', 'Danh mục']);
    expect(s.activeSheet).toBe('Trang tính1');
    expect(s.activeRange?.a1).toBe('B2');
  });

  test('POST /api/save writes the workbook', async () => {
    const r = await post('/api/save', {});
    expect(r).toEqual({ ok: true, path: savePath });
    const ss = await loadWorkbook(savePath);
    expect(ss.getSheets()[0]!.getRange('B2').getValue()).toBe(54321);
  });
});

describe('google.script.run semantics', () => {
  test('values Apps Script cannot send to the client', () => {
    expect(isLegalClientValue({ a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(isLegalClientValue({ when: new Date() })).toBe(false);
    expect(isLegalClientValue([() => 1])).toBe(false);
  });

  test('a result containing a Date reaches the client as null', async () => {
    const runtime = new Runtime();
    const bundle = loadBundle({
      runtime,
      codePath: writeFixtureBundle('function when() { return { at: new Date() }; }'),
    });
    const playground = await startPlayground({
      runtime,
      bundle,
      savePath: join(tempDir(), 'x.xlsx'),
      port: 0,
      staticDir: join(PROJECT_DIR, 'local/playground'),
    });
    try {
      const r = await fetch(new URL('/api/run', playground.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fn: 'when' }),
      });
      expect(await r.json()).toEqual({ ok: true, result: null });
    } finally {
      await playground.close();
    }
  });

  test('the shim goes at the start of <head>', () => {
    expect(injectShim('<html><head><meta charset="utf-8"><script>own()</script></head></html>', 'SHIM')).toBe(
      '<html><head><script>SHIM</script><meta charset="utf-8"><script>own()</script></head></html>',
    );
  });
});

describe('dtts serve (spawned)', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
  });

  test('prints the address and answers /api/state', async () => {
    if (!existsSync(join(PROJECT_DIR, 'dist/local/cli.cjs')))
      throw new Error('dist/local/cli.cjs not found: run `npm run build` first.');
    child = spawn(process.execPath, [join(PROJECT_DIR, 'local/bin/dtts.cjs'), 'serve', '--port', '0'], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.on('exit', (code) => reject(new Error(`dtts serve exited with ${code}`)));
    });
    const s = (await (await fetch(new URL('/api/state', url))).json()) as State;
    expect(s.sheets.map((x) => x.name)).toEqual(['Trang tính1']);
    expect(s.menus.map((m) => m.title)).toContain('Trợ lý Đại hội DTTS');
  });
});

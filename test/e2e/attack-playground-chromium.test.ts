/**
 * The attacks as a real browser makes them: a page on another local port (another dev server, or a
 * site rebound to 127.0.0.1) tries, in Chromium, everything a page may do to the playground: a JSON
 * fetch (preflight), a no-cors text/plain fetch, a text/plain form that looks like JSON, a
 * sendBeacon, a <script src> of /api/state, a CORS read, an <iframe>. The workbook, the counted
 * calls and the saved file stay as they were, and the page reads nothing.
 * Needs a browser (find-browser.cjs): skipped without one, a failure when DTTS_REQUIRE_BROWSER=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { type Playground, startPlayground } from '../../local/playground/server';
import { playgroundState } from '../../local/playground/state';
import { AuthMode, Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';
import { BROWSER, launchChromium } from '../browser/harness';

const required = process.env.DTTS_REQUIRE_BROWSER === '1';
const withBrowser = BROWSER.path !== null || required ? describe : describe.skip;

/** The attacker's page: tries everything, then writes what it could see into #result. */
function evilPage(target: string): string {
  const edit = JSON.stringify({ sheet: 'Cấu hình', a1: 'B2', value: 'bị sửa' });
  return `<!doctype html><meta charset="utf-8"><body><pre id="result"></pre>
<iframe name="sink" style="display:none"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink" action="${target}/api/edit">
  <input name='{"sheet":"Cấu hình","a1":"B2","value":"bị sửa","x":"' value='"}'>
</form>
<iframe id="framed" src="${target}/"></iframe>
<script>
(async () => {
  const target = ${JSON.stringify(target)};
  const edit = ${JSON.stringify(edit)};
  const result = {};
  const attempt = async (name, f) => {
    try { result[name] = await f(); } catch (e) { result[name] = 'blocked: ' + e.name; }
  };
  await attempt('jsonFetch', async () => (await fetch(target + '/api/edit', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: edit })).status);
  await attempt('noCorsFetch', async () => (await fetch(target + '/api/edit', {
    method: 'POST', mode: 'no-cors', headers: { 'content-type': 'application/json' }, body: edit })).type);
  await attempt('noCorsSave', async () => (await fetch(target + '/api/save', { method: 'POST', mode: 'no-cors', body: '{}' })).type);
  await attempt('beacon', async () => navigator.sendBeacon(target + '/api/run',
    new Blob([JSON.stringify({ fn: 'allocateDelegates', args: [] })], { type: 'text/plain' })));
  await attempt('corsRead', async () => (await (await fetch(target + '/api/state')).text()).slice(0, 40));
  await attempt('scriptTag', () => new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = target + '/api/state';
    s.onload = () => resolve('loaded');
    s.onerror = () => resolve('error');
    document.body.append(s);
  }));
  document.getElementById('form').submit();
  await new Promise((r) => setTimeout(r, 500));
  await attempt('frameRead', async () => document.getElementById('framed').contentDocument?.body?.textContent ?? 'no access');
  document.getElementById('result').textContent = JSON.stringify(result);
})();
</script>`;
}

withBrowser('attack from a page on another local port, in Chromium', () => {
  let playground: Playground;
  let evil: Server;
  let evilUrl: string;
  let runtime: Runtime;
  let savePath: string;
  const logs: string[] = [];

  beforeAll(async () => {
    builtCodePath();
    runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    savePath = join(tempDir('dtts-attack-chromium-'), 'lang-son.xlsx');
    writeFileSync(savePath, 'saved before');
    playground = await startPlayground({ runtime, bundle, savePath, port: 0, log: (l) => logs.push(l) });
    const target = playground.url.replace(/\/$/, '');
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(evilPage(target));
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}/`;
  });

  afterAll(async () => {
    await playground?.close();
    evil?.closeAllConnections();
    await new Promise((resolve) => evil?.close(resolve));
  });

  test('nothing changes, nothing is read', async () => {
    const before = {
      state: JSON.stringify(playgroundState(runtime)),
      calls: runtime.calls.total,
      file: readFileSync(savePath, 'utf8'),
    };
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(evilUrl);
      await page.locator('#result').filter({ hasText: '{' }).waitFor({ timeout: 20_000 });
      const result = JSON.parse((await page.locator('#result').textContent()) ?? '{}') as Record<string, unknown>;
      // The page learnt nothing of the workbook.
      expect(JSON.stringify(result)).not.toContain('Cấu hình');
      expect(result.jsonFetch).toMatch(/^blocked/); // preflight refused
      expect(result.corsRead).toMatch(/^blocked/); // no CORS permission
      expect(result.scriptTag).toBe('error'); // 403 to a cross-port script load
      expect(result.frameRead).not.toContain('Trợ lý');
    } finally {
      await browser.close();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect({
      state: JSON.stringify(playgroundState(runtime)),
      calls: runtime.calls.total,
      file: readFileSync(savePath, 'utf8'),
    }).toEqual(before);
    // Every attempt that reached the server was refused before any route ran.
    expect(logs.filter((l) => /^POST .*refused \((403|415)\)/.test(l)).length).toBeGreaterThanOrEqual(3);
  });
});

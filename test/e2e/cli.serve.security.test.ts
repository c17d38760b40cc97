/**
 * The playground answers only its own page. Raw HTTP requests as another site would send them (a
 * page on another local port, a form, a no-cors fetch, a DNS-rebinding host name) are refused before
 * any route runs: no cell edited, no script run, nothing written on disk. Also: a busy port is an
 * error (no silent move to another port), and /favicon.ico is an icon.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { main } from '../../local/cli';
import { type Playground, startPlayground } from '../../local/playground/server';
import { playgroundState } from '../../local/playground/state';
import { AuthMode, Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir } from '../../local/testing';
import { type Bundle, loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';

interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

/** One HTTP request with exactly these headers (Host included), as any program can send. */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const EDIT = JSON.stringify({ sheet: 'Cấu hình', a1: 'B2', value: 'bị sửa' });
const RUN = JSON.stringify({ fn: 'allocateDelegates', args: [] });

describe('playground: requests from anywhere but its own page are refused', () => {
  let runtime: Runtime;
  let bundle: Bundle;
  let playground: Playground;
  let savePath: string;
  let host: string;
  let origin: string;
  const SAVED = 'the officer’s workbook, saved before';
  const logs: string[] = [];

  beforeAll(async () => {
    builtCodePath();
    runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    savePath = join(tempDir('dtts-serve-security-'), 'lang-son.xlsx');
    writeFileSync(savePath, SAVED);
    playground = await startPlayground({ runtime, bundle, savePath, port: 0, log: (l) => logs.push(l) });
    host = `127.0.0.1:${playground.port}`;
    origin = `http://${host}`;
  });

  afterAll(async () => {
    await playground?.close();
  });

  /** Everything the requests could have changed: the whole state, the counted calls, the file. */
  const snapshot = () => ({
    state: JSON.stringify(playgroundState(runtime)),
    cell: runtime.spreadsheet.getSheetByName('Cấu hình')!.getRange('B2').getValue(),
    calls: runtime.calls.total,
    file: readFileSync(savePath, 'utf8'),
  });

  const json = { 'content-type': 'application/json' };
  const attacks: [string, string, string, Record<string, string>, string | undefined, number][] = [
    // [what, method, path, headers (besides Host unless given), body, expected status]
    [
      'a text/plain body (no-cors fetch)',
      'POST',
      '/api/edit',
      { 'content-type': 'text/plain;charset=UTF-8' },
      EDIT,
      415,
    ],
    [
      'a form body',
      'POST',
      '/api/save',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'fn=allocateDelegates',
      415,
    ],
    ['a multipart form', 'POST', '/api/run', { 'content-type': 'multipart/form-data; boundary=x' }, RUN, 415],
    ['no content type', 'POST', '/api/run', {}, RUN, 415],
    ['JSON from another local port', 'POST', '/api/run', { ...json, origin: 'http://127.0.0.1:5173' }, RUN, 403],
    [
      'JSON from localhost on another port',
      'POST',
      '/api/edit',
      { ...json, origin: 'http://localhost:3000' },
      EDIT,
      403,
    ],
    ['JSON from a sandboxed frame (Origin: null)', 'POST', '/api/save', { ...json, origin: 'null' }, '{}', 403],
    ['JSON from another site', 'POST', '/api/save', { ...json, origin: 'https://evil.example' }, '{}', 403],
    ['a same-site fetch (Sec-Fetch-Site)', 'POST', '/api/run', { ...json, 'sec-fetch-site': 'same-site' }, RUN, 403],
    [
      'a cross-site fetch (Sec-Fetch-Site)',
      'POST',
      '/api/edit',
      { ...json, 'sec-fetch-site': 'cross-site' },
      EDIT,
      403,
    ],
    ['PUT', 'PUT', '/api/save', json, '{}', 405],
  ];

  test.each(attacks)('%s is refused and changes nothing', async (_what, method, path, headers, body, status) => {
    const before = snapshot();
    const reply = await raw(playground.url, method, path, { host, ...headers }, body);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body.toString())).toEqual({ ok: false, error: expect.any(String) });
    expect(snapshot()).toEqual(before);
  });

  const wrongHosts = ['evil.example', 'evil.example:PORT', 'rebind.attacker.test:80', '127.0.0.1', '0.0.0.0:1', ''];

  test.each(wrongHosts)('Host "%s" (DNS rebinding) is refused on every route, reads included', async (bad) => {
    const wrong = bad.replace('PORT', String(playground.port));
    const before = snapshot();
    for (const [method, path, body] of [
      ['GET', '/', undefined],
      ['GET', '/api/state', undefined],
      ['GET', '/page.js', undefined],
      ['GET', '/api/documents', undefined],
      ['GET', '/sidebar', undefined],
      ['GET', '/favicon.ico', undefined],
      ['POST', '/api/edit', EDIT],
      ['POST', '/api/run', RUN],
      ['POST', '/api/save', '{}'],
    ] as const) {
      const reply = await raw(playground.url, method, path, { host: wrong, ...(body ? json : {}) }, body);
      expect([path, reply.status]).toEqual([path, 403]);
      expect(reply.body.toString()).not.toContain('Cấu hình');
    }
    expect(snapshot()).toEqual(before);
  });

  test('a request without a Host header is refused (by Node, before the guard)', async () => {
    const reply = await raw(playground.url, 'GET', '/api/state', {});
    expect(reply.status).toBe(400);
    expect(reply.body.toString()).not.toContain('Cấu hình');
  });

  test('malformed JSON is a 400, not a crash', async () => {
    const before = snapshot();
    const reply = await raw(playground.url, 'POST', '/api/edit', { host, ...json }, '{"sheet": ');
    expect(reply.status).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  test('the page itself (same origin, JSON) still works, as 127.0.0.1 and as localhost', async () => {
    const page = await raw(playground.url, 'GET', '/', { host });
    expect(page.status).toBe(200);
    const asLocalhost = await raw(playground.url, 'GET', '/api/state', { host: `localhost:${playground.port}` });
    expect(asLocalhost.status).toBe(200);
    expect(asLocalhost.body.toString()).toContain('Cấu hình');

    const edit = await raw(playground.url, 'POST', '/api/edit', { host, origin, ...json }, EDIT);
    expect(JSON.parse(edit.body.toString())).toEqual({ ok: true });
    expect(runtime.spreadsheet.getSheetByName('Cấu hình')!.getRange('B2').getValue()).toBe('bị sửa');
    // The browser's own fetch: charset in the content type, Sec-Fetch-Site same-origin, Origin of the page.
    const lhOrigin = `http://localhost:${playground.port}`;
    const save = await raw(
      playground.url,
      'POST',
      '/api/save',
      {
        host: `localhost:${playground.port}`,
        origin: lhOrigin,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      '{}',
    );
    expect(JSON.parse(save.body.toString())).toEqual({ ok: true, path: savePath });
    expect(readFileSync(savePath).subarray(0, 2).toString()).toBe('PK');
    // Without Origin (a GET, or a client that sends none) the Host check still applies.
    const run = await raw(playground.url, 'POST', '/api/run', { host, ...json }, JSON.stringify({ fn: 'khongCo' }));
    expect(JSON.parse(run.body.toString())).toEqual({ ok: false, error: 'Script function not found: khongCo' });
  });

  test('/favicon.ico is a 16 × 16 icon', async () => {
    const reply = await raw(playground.url, 'GET', '/favicon.ico', { host });
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('image/x-icon');
    expect([...reply.body.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 16, 16]);
    expect(reply.body.readUInt32LE(14)).toBe(reply.body.length - 22);
  });

  test('pages may be framed only by the playground itself', async () => {
    const reply = await raw(playground.url, 'GET', '/', { host });
    const headers = await new Promise<Record<string, unknown>>((resolve) => {
      httpRequest({ port: playground.port, host: '127.0.0.1', path: '/', headers: { host } }, (res) => {
        res.resume();
        resolve(res.headers);
      }).end();
    });
    expect(reply.status).toBe(200);
    expect(headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('playground: port and address', () => {
  const start = (port: number, host?: string) => {
    const runtime = new Runtime({ projectDir: PROJECT_DIR });
    return startPlayground({
      runtime,
      bundle: loadBundle({ runtime }),
      savePath: join(tempDir(), 'x.xlsx'),
      port,
      ...(host ? { host } : {}),
    });
  };

  test('a busy port is an error that says what to do, never another port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(start(port)).rejects.toThrow(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*npm start -- --port ${port + 1}`),
      );
    } finally {
      blocker.close();
    }
  });

  test('dtts serve on a busy port exits with 1 and the message, serving nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const out = { stdout: '', stderr: '' };
    const io = { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), isTTY: false };
    try {
      await expect(main(['serve', '--port', String(port)], io)).resolves.toBe(1);
    } finally {
      blocker.close();
    }
    expect(out.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(out.stdout).not.toContain('Playground:');
  });

  test('only loopback addresses can be bound', async () => {
    await expect(start(0, '0.0.0.0')).rejects.toThrow(/loopback/);
  });
});

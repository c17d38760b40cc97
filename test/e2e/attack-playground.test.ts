/**
 * Attacks on the playground server, sent byte for byte over a socket (no HTTP client tidying them
 * up): DNS-rebinding Host variants, absolute-form targets, duplicate headers, content types a browser
 * can or cannot send without a preflight, CORS preflights, reads embedded by another site, path
 * traversal, oversized and slow bodies, "__proto__" keys, cells outside the sheet. Each one is
 * refused (or harmless) and leaves the workbook, the counted calls and the saved file as they were.
 */

import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
  allowedHosts,
  guardRequest,
  listenError,
  type Playground,
  RequestRefused,
  replaceFile,
  startPlayground,
} from '../../local/playground/server';
import { playgroundState } from '../../local/playground/state';
import { AuthMode, Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir, writeFixtureBundle } from '../../local/testing';
import { type Bundle, loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (the request asked to keep it open). */
  closed: boolean;
}

/** Undoes chunked transfer coding. */
function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    if (line < 0) return out;
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!(size > 0)) return out;
    const bytes = Buffer.from(rest.slice(line + 2));
    out += bytes.subarray(0, size).toString();
    rest = bytes.subarray(size + 2).toString();
  }
}

/**
 * Sends `text` as it is to the port and reads the answer (status, headers, body). The connection is
 * kept open by the client, so `closed` tells whether the server ended it.
 */
function rawHttp(port: number, text: string | Buffer, waitMs = 2000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks).toString('latin1');
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`No HTTP answer: ${JSON.stringify(all)}`));
      const [statusLine, ...lines] = all.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rawBody = Buffer.from(all.slice(end + 4), 'latin1').toString('utf8');
      resolve({
        status: Number(statusLine?.split(' ')[1]),
        headers,
        body: headers['transfer-encoding'] === 'chunked' ? dechunk(rawBody) : rawBody,
        closed,
      });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // A complete chunked or sized answer: stop waiting (the connection may stay open).
      const all = Buffer.concat(chunks).toString('latin1');
      const length = /\r\ncontent-length: (\d+)/i.exec(all);
      const end = all.indexOf('\r\n\r\n');
      const headOnly = text.slice(0, 5).toString() === 'HEAD ' && end >= 0;
      if (
        headOnly ||
        all.endsWith('\r\n0\r\n\r\n') ||
        (length && end >= 0 && all.length - end - 4 >= Number(length[1]))
      )
        setTimeout(() => !closed && finish(), 100);
    });
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => {
      closed = true;
      finish();
    });
    socket.write(text);
  });
}

/** A request as bytes: request line, headers (in order, duplicates allowed), body. */
function request(line: string, headers: [string, string][], body = ''): string {
  const all = body ? [...headers, ['Content-Length', String(Buffer.byteLength(body))] as [string, string]] : headers;
  return `${line}\r\n${all.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

const EDIT = JSON.stringify({ sheet: 'Cấu hình', a1: 'B2', value: 'bị sửa' });

describe('attack: the playground against requests that are not its page', () => {
  let runtime: Runtime;
  let bundle: Bundle;
  let playground: Playground;
  let savePath: string;
  let port: number;
  let host: string;
  const SAVED = 'the officer’s workbook, saved before';

  beforeAll(async () => {
    builtCodePath();
    runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    savePath = join(tempDir('dtts-attack-'), 'lang-son.xlsx');
    writeFileSync(savePath, SAVED);
    playground = await startPlayground({ runtime, bundle, savePath, port: 0, log: () => {} });
    port = playground.port;
    host = `127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await playground?.close();
  });

  const snapshot = () => ({
    state: JSON.stringify(playgroundState(runtime)),
    cell: runtime.spreadsheet.getSheetByName('Cấu hình')!.getRange('B2').getValue(),
    calls: runtime.calls.total,
    file: readFileSync(savePath, 'utf8'),
  });

  /** Sends the request; expects `status`, no workbook data in the answer, and nothing changed. */
  async function expectRefused(text: string, status: number): Promise<RawReply> {
    const before = snapshot();
    const reply = await rawHttp(port, text);
    expect(reply.status).toBe(status);
    expect(reply.body).not.toContain('Cấu hình');
    expect(snapshot()).toEqual(before);
    return reply;
  }

  test.each([
    ['a trailing dot (127.0.0.1.)', '127.0.0.1.:PORT'],
    ['localhost with a trailing dot', 'localhost.:PORT'],
    ['[::1] while bound to 127.0.0.1', '[::1]:PORT'],
    ['the port of another server', '127.0.0.1:1'],
    ['a name ending like the address', 'evil.example.127.0.0.1:PORT'],
    ['user info before the address', 'evil.example@127.0.0.1:PORT'],
    ['the address as a decimal number', '2130706433:PORT'],
    ['a host with a path', '127.0.0.1:PORT/x'],
  ])('Host with %s is refused, reads included', async (_what, value) => {
    const bad = value.replace('PORT', String(port));
    await expectRefused(request('GET /api/state HTTP/1.1', [['Host', bad]]), 403);
    await expectRefused(
      request(
        'POST /api/edit HTTP/1.1',
        [
          ['Host', bad],
          ['Content-Type', 'application/json'],
        ],
        EDIT,
      ),
      403,
    );
  });

  test('the Host header is case-insensitive, as DNS names are', async () => {
    for (const name of [`LOCALHOST:${port}`, `LocalHost:${port}`]) {
      const reply = await rawHttp(port, request('GET /api/state HTTP/1.1', [['Host', name]]));
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('Cấu hình');
    }
  });

  test('an absolute-form target naming another host is refused (it is for proxies)', async () => {
    await expectRefused(request('GET http://evil.example/api/state HTTP/1.1', [['Host', host]]), 400);
    await expectRefused(
      request(
        'POST http://evil.example/api/edit HTTP/1.1',
        [
          ['Host', host],
          ['Content-Type', 'application/json'],
        ],
        EDIT,
      ),
      400,
    );
    await expectRefused(request(`GET http://${host}/api/state HTTP/1.1`, [['Host', 'evil.example']]), 400);
    await expectRefused(request('GET * HTTP/1.1', [['Host', host]]), 400);
  });

  test('"//x/api/state" is a path, not host x (nothing is served)', async () => {
    await expectRefused(request('GET //evil.example/api/state HTTP/1.1', [['Host', host]]), 404);
  });

  test('two Host headers are a 400, whichever comes first', async () => {
    await expectRefused(
      request('GET /api/state HTTP/1.1', [
        ['Host', host],
        ['Host', 'evil.example'],
      ]),
      400,
    );
    await expectRefused(
      request('GET /api/state HTTP/1.1', [
        ['Host', 'evil.example'],
        ['Host', host],
      ]),
      400,
    );
  });

  test('HTTP/1.0 without a Host header is refused', async () => {
    await expectRefused('GET /api/state HTTP/1.0\r\n\r\n', 403);
  });

  test('a CORS preflight gets no CORS permission, from another site or not', async () => {
    for (const [headers, status] of [
      [
        [
          ['Host', host],
          ['Origin', 'http://evil.example'],
          ['Access-Control-Request-Method', 'POST'],
          ['Access-Control-Request-Headers', 'content-type'],
        ],
        403,
      ],
      [[['Host', host]], 405],
    ] as [[string, string][], number][]) {
      const reply = await expectRefused(request('OPTIONS /api/run HTTP/1.1', headers), status);
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  const post = (contentType: [string, string][], extra: [string, string][] = []) =>
    request('POST /api/edit HTTP/1.1', [['Host', host], ...contentType, ...extra], EDIT);

  test.each([
    ['two types in one header', [['Content-Type', 'application/json, text/plain']]],
    ['a look-alike type', [['Content-Type', 'application/jsonx']]],
    ['JSON as a parameter of text/plain', [['Content-Type', 'text/plain; application/json']]],
    ['a JSON suffix type', [['Content-Type', 'application/ld+json']]],
    [
      'two Content-Type headers',
      [
        ['Content-Type', 'text/plain'],
        ['Content-Type', 'application/json'],
      ],
    ],
  ] as [string, [string, string][]][])('a POST with %s is refused (415)', async (_what, headers) => {
    await expectRefused(post(headers), 415);
  });

  test.each([
    ['Origin: null (a sandboxed frame)', [['Origin', 'null']]],
    ['the Origin with a trailing slash', [['Origin', 'http://HOST/']]],
    ['an https Origin', [['Origin', 'https://HOST']]],
    [
      'two Origin headers, the good one first',
      [
        ['Origin', 'http://HOST'],
        ['Origin', 'http://evil.example'],
      ],
    ],
    ['Sec-Fetch-Site: same-site (another local port)', [['Sec-Fetch-Site', 'same-site']]],
  ] as [string, [string, string][]][])('a JSON POST with %s is refused (403)', async (_what, headers) => {
    await expectRefused(
      post(
        [['Content-Type', 'application/json']],
        headers.map(([k, v]) => [k, v.replace('HOST', host)]),
      ),
      403,
    );
  });

  test('the content types the page’s own fetch may send are accepted', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json ;charset=UTF-8']) {
      const reply = await rawHttp(
        port,
        request(
          'POST /api/run HTTP/1.1',
          [
            ['Host', host],
            ['Origin', `http://${host}`],
            ['Sec-Fetch-Site', 'same-origin'],
            ['Content-Type', type],
          ],
          JSON.stringify({ fn: 'khongCo' }),
        ),
      );
      expect([type, reply.status, JSON.parse(reply.body)]).toEqual([
        type,
        200,
        { ok: false, error: 'Script function not found: khongCo' },
      ]);
    }
  });

  test.each([
    ['/api/state', 'script'],
    ['/api/documents', 'empty'],
    ['/sidebar', 'iframe'],
    ['/document.docx?id=x', 'image'],
    ['/', 'script'],
  ])('another site cannot embed or fetch %s (as %s)', async (path, dest) => {
    for (const site of ['cross-site', 'same-site']) {
      const reply = await expectRefused(
        request(`GET ${path} HTTP/1.1`, [
          ['Host', host],
          ['Sec-Fetch-Site', site],
          ['Sec-Fetch-Mode', 'no-cors'],
          ['Sec-Fetch-Dest', dest],
        ]),
        403,
      );
      expect(reply.body).not.toContain('<html');
    }
  });

  test('a link from another site still opens the playground (a navigation)', async () => {
    const reply = await rawHttp(
      port,
      request('GET / HTTP/1.1', [
        ['Host', host],
        ['Sec-Fetch-Site', 'cross-site'],
        ['Sec-Fetch-Mode', 'navigate'],
        ['Sec-Fetch-Dest', 'document'],
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<html');
  });

  test('every read of the page leaves the workbook, the calls and the file as they were', async () => {
    const before = snapshot();
    for (const path of ['/', '/page.js', '/page.css', '/favicon.ico', '/api/state', '/api/documents', '/sidebar']) {
      const reply = await rawHttp(port, request(`GET ${path} HTTP/1.1`, [['Host', host]]));
      expect([path, reply.status === 200 || reply.status === 404]).toEqual([path, true]);
      const head = await rawHttp(port, request(`HEAD ${path} HTTP/1.1`, [['Host', host]]));
      expect(head.body).toBe('');
    }
    expect(snapshot()).toEqual(before);
  });

  test.each([
    '/page.js/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/..\\..\\..\\etc\\passwd',
    '/page.js%00.html',
    '/document?id=../../../../etc/passwd',
    '/document.docx?url=https://docs.google.com/document/d/../../../../etc/passwd',
    '/PAGE.JS',
  ])('path traversal %s serves nothing', async (path) => {
    const reply = await expectRefused(request(`GET ${path} HTTP/1.1`, [['Host', host]]), 404);
    expect(reply.body).not.toMatch(/root:|function|<html/);
  });

  test('a declared body over the limit is refused at once, and the connection closed', async () => {
    const reply = await expectRefused(
      request('POST /api/run HTTP/1.1', [
        ['Host', host],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(10 ** 12)],
      ]),
      413,
    );
    expect(reply.closed).toBe(true);
  });

  test('a chunked body over the limit is refused after 8 MiB, and the connection closed', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const head = Buffer.from(
      request('POST /api/run HTTP/1.1', [
        ['Host', host],
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'chunked'],
      ]),
    );
    const parts: Buffer[] = [head];
    for (let i = 0; i < 9; i++) parts.push(Buffer.from('100000\r\n'), chunk, Buffer.from('\r\n'));
    const before = snapshot();
    const reply = await rawHttp(port, Buffer.concat(parts));
    expect(reply.status).toBe(413);
    expect(reply.closed).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  test('slow clients are cut off, and meanwhile the page is still served', async () => {
    expect(playground.server.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(playground.server.requestTimeout).toBeLessThanOrEqual(30_000);
    // Twenty connections that send half a request and stay silent.
    const slow = Array.from({ length: 20 }, () => {
      const socket = connect(port, '127.0.0.1');
      socket.write(
        `POST /api/edit HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 999\r\n\r\n{`,
      );
      socket.on('error', () => {});
      return socket;
    });
    try {
      const reply = await rawHttp(port, request('GET /api/state HTTP/1.1', [['Host', host]]));
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('Cấu hình');
    } finally {
      for (const socket of slow) socket.destroy();
    }
  });

  test('a "__proto__" key in the body does not smuggle a function name', async () => {
    const before = snapshot();
    const reply = await rawHttp(
      port,
      request(
        'POST /api/run HTTP/1.1',
        [
          ['Host', host],
          ['Content-Type', 'application/json'],
        ],
        '{"__proto__":{"fn":"allocateDelegates","args":[]}}',
      ),
    );
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: 'Script function not found: undefined' });
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).fn).toBeUndefined();
  });

  test('typing into a cell outside the sheet is a 400 naming the cell, not a 500', async () => {
    const reply = await expectRefused(
      request(
        'POST /api/edit HTTP/1.1',
        [
          ['Host', host],
          ['Content-Type', 'application/json'],
        ],
        JSON.stringify({ sheet: 'Cấu hình', a1: 'ZZZ9999999', value: 'x' }),
      ),
      400,
    );
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: expect.stringMatching(/^ZZZ9999999: /) });
    const select = await expectRefused(
      request(
        'POST /api/select HTTP/1.1',
        [
          ['Host', host],
          ['Content-Type', 'application/json'],
        ],
        JSON.stringify({ sheet: 'Cấu hình', a1: 'not a range' }),
      ),
      400,
    );
    expect(JSON.parse(select.body)).toEqual({ ok: false, error: expect.stringMatching(/^not a range: /) });
  });
});

describe('attack: "__proto__" in sidebar arguments', () => {
  test('stays an own property in the bundle, as JSON has it: nothing inherited, no prototype polluted', async () => {
    const runtime = new Runtime({ projectDir: PROJECT_DIR });
    const bundle = loadBundle({
      runtime,
      codePath: writeFixtureBundle(
        `function probe(o) {
           return { force: o.force === true, own: Object.keys(o), plain: Object.getPrototypeOf(o) === Object.prototype,
                    polluted: ({}).force === true, inner: o.__proto__ && o.__proto__.force === true };
         }
         function echo(o) { return o; }`,
      ),
    });
    const playground = await startPlayground({ runtime, bundle, savePath: join(tempDir(), 'x.xlsx'), port: 0 });
    try {
      const run = async (body: string) =>
        (await (
          await fetch(new URL('/api/run', playground.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).json()) as { ok: boolean; result: Record<string, unknown> };
      const probed = await run('{"fn":"probe","args":[{"__proto__":{"force":true}}]}');
      expect(probed).toEqual({
        ok: true,
        result: { force: false, own: ['__proto__'], plain: true, polluted: false, inner: true },
      });
      // On the way back too: the result keeps "__proto__" as data.
      const echoed = await run('{"fn":"echo","args":[{"__proto__":{"force":true},"a":1}]}');
      expect(Object.keys(echoed.result).sort()).toEqual(['__proto__', 'a']);
      expect(({} as Record<string, unknown>).force).toBeUndefined();
    } finally {
      await playground.close();
    }
  });
});

describe('attack: addresses and ports', () => {
  const fakeRequest = (headers: Record<string, string>, method = 'GET', url = '/api/state') =>
    ({
      method,
      url,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      rawHeaders: Object.entries(headers).flat(),
    }) as never;

  test('on port 80 the browser sends Host and Origin without the port: accepted', () => {
    const hosts = allowedHosts('127.0.0.1', 80);
    expect([...hosts].sort()).toEqual(['127.0.0.1', '127.0.0.1:80', 'localhost', 'localhost:80']);
    expect(() =>
      guardRequest(
        fakeRequest(
          { Host: '127.0.0.1', Origin: 'http://127.0.0.1', 'Content-Type': 'application/json' },
          'POST',
          '/api/run',
        ),
        hosts,
      ),
    ).not.toThrow();
    // …but on another port the bare name is still refused.
    expect(() => guardRequest(fakeRequest({ Host: '127.0.0.1' }), allowedHosts('127.0.0.1', 8080))).toThrow(
      RequestRefused,
    );
    expect([...allowedHosts('::1', 80)].sort()).toEqual(['[::1]', '[::1]:80', 'localhost', 'localhost:80']);
  });

  test('a real server on port 80 serves its page (when this user may bind it)', async () => {
    const runtime = new Runtime({ projectDir: PROJECT_DIR });
    let playground: Playground;
    try {
      playground = await startPlayground({
        runtime,
        bundle: loadBundle({ runtime }),
        savePath: join(tempDir(), 'x.xlsx'),
        port: 80,
      });
    } catch (e) {
      // Not root, or port 80 taken: the message must then say what to do.
      expect((e as Error).message).toMatch(/Port 80 on 127\.0\.0\.1 (may not be used|is already in use)/);
      return;
    }
    try {
      const reply = await rawHttp(80, request('GET /api/state HTTP/1.1', [['Host', '127.0.0.1']]));
      expect(reply.status).toBe(200);
      const page = await fetch('http://127.0.0.1/api/state');
      expect(page.status).toBe(200);
    } finally {
      await playground.close();
    }
  });

  test('listen errors say what to do', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(listenError(error('EACCES'), 80, '127.0.0.1').message).toMatch(
      /^Port 80 on 127\.0\.0\.1 may not be used by this user \(ports below 1024 need administrator rights\)\. Choose another port: npm start -- --port 8080/,
    );
    expect(listenError(error('EADDRINUSE'), 65535, '127.0.0.1').message).toContain('--port 8080');
    expect(listenError(error('EADDRNOTAVAIL'), 8080, '::1').message).toMatch(/no address ::1 .*--host 127\.0\.0\.1/);
    const other = error('EMFILE');
    expect(listenError(other, 8080, '127.0.0.1')).toBe(other);
  });
});

describe('attack: a Doc whose font names and colours carry markup', () => {
  test('its preview keeps them as text in the style attribute, and the page may run no script', async () => {
    const runtime = new Runtime({ projectDir: PROJECT_DIR });
    const bundle = loadBundle({
      runtime,
      codePath: writeFixtureBundle(
        `function makeDoc() {
           var doc = DocumentApp.create('Thông báo"><img src=x onerror=alert(1)>');
           var text = doc.getBody().appendParagraph('Kính gửi').editAsText();
           text.setFontFamily('Times New Roman"><img src=x onerror=alert(2)>');
           text.setForegroundColor('#000000"><script>alert(3)</script>');
           doc.getBody().appendTable([['ô']]).setBorderColor('#000"><iframe src=/api/state>');
           doc.saveAndClose();
         }`,
      ),
    });
    bundle.call('makeDoc');
    const playground = await startPlayground({ runtime, bundle, savePath: join(tempDir(), 'x.xlsx'), port: 0 });
    try {
      const [listed] = (await (await fetch(new URL('/api/documents', playground.url))).json()) as { preview: string }[];
      const reply = await fetch(new URL(listed!.preview, playground.url));
      const html = await reply.text();
      expect(reply.status).toBe(200);
      expect(html).toContain('Kính gửi');
      expect(html).not.toMatch(/<(img|script|iframe)\b/i);
      expect(html).toContain('Times New Roman&quot;&gt;&lt;img');
      expect(reply.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      );
    } finally {
      await playground.close();
    }
  });
});

describe('attack: "Lưu" cut short', () => {
  test('a save that fails halfway leaves the workbook saved before, and no stray file', async () => {
    const dir = tempDir('dtts-attack-save-');
    const path = join(dir, 'lang-son.xlsx');
    writeFileSync(path, 'the officer’s workbook, saved before');
    const halfThenFail = async (file: string, bytes: Buffer) => {
      await writeFile(file, bytes.subarray(0, bytes.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    await expect(replaceFile(path, Buffer.from('PK a new workbook'), halfThenFail)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('the officer’s workbook, saved before');
    expect(readdirSync(dir)).toEqual(['lang-son.xlsx']);
    await replaceFile(path, Buffer.from('PK a new workbook'));
    expect(readFileSync(path, 'utf8')).toBe('PK a new workbook');
    expect(readdirSync(dir)).toEqual(['lang-son.xlsx']);
  });

  test('a workbook reached through a symbolic link stays a link; its target gets the new bytes', async () => {
    const dir = tempDir('dtts-attack-link-');
    writeFileSync(join(dir, 'real.xlsx'), 'old');
    symlinkSync(join(dir, 'real.xlsx'), join(dir, 'link.xlsx'));
    await replaceFile(join(dir, 'link.xlsx'), Buffer.from('new'));
    expect(lstatSync(join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.xlsx'), 'utf8')).toBe('new');
  });
});

describe('attack: slowloris on the real command', () => {
  // Run as `dtts serve` runs (a process of its own): under jest, Node's header timeout does not fire.
  test('a client that never finishes its headers is cut off after 10 s', async () => {
    const serve = spawn(process.execPath, ['local/bin/dtts.cjs', 'serve', '--port', '0'], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      serve.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /Playground: (\S+)/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[1]!);
          }
        }, 50);
        serve.once('exit', () => reject(new Error('dtts serve ended')));
      });
      const { port, host } = new URL(url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      const started = Date.now();
      let answer = '';
      socket.on('data', (c: Buffer) => (answer += c.toString()));
      socket.write(`GET /api/state HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
      const ended = await new Promise<number>((resolve) => {
        socket.on('close', () => resolve(Date.now() - started));
        setTimeout(() => resolve(-1), 20_000);
      });
      socket.destroy();
      expect(ended).toBeGreaterThan(9_000);
      expect(ended).toBeLessThan(13_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      serve.kill('SIGTERM');
    }
  }, 40_000);
});

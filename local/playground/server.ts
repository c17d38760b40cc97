/**
 * The local playground server (dtts serve): serves page.html/page.js/page.css, the add-in's sidebar
 * with a google.script.run shim, and a small JSON API over the runtime:
 *
 *   GET  /api/state            PlaygroundState (sheets, grid, selection, menus, sidebar, toasts, alerts)
 *   POST /api/run              {fn, args} → {ok: true, result} | {ok: false, error}
 *   POST /api/save             writes the workbook → {ok, path}
 *   POST /api/activate         {sheet} makes a sheet active
 *   POST /api/select           {sheet, a1} selects a range → {ok, activeCell}
 *   POST /api/edit             {sheet, a1, value} types a value into a cell, as a user would
 *   POST /api/paste            {sheet, a1, rows} pastes a block of text from a1, each cell as typed
 *   GET  /api/documents        the Docs made in this session, newest first (local/html-export.ts)
 *   GET  /document?id=|url=    a Doc's HTML preview; GET /document.docx?id=|url= its Word file
 *   POST /api/sidebar/close    closes the sidebar (google.script.host.close())
 *   GET  /sidebar              the shown sidebar HTML
 *   POST /api/dialog/close     closes the open dialog (google.script.host.close() in the dialog)
 *   GET  /dialog               the open dialog's HTML (showModalDialog), with the same shim
 *   GET  /favicon.ico          a small icon
 *   GET  /pasted.js            the intake's paste splitter (src/intake/pasted.ts), built by npm run build
 *
 * Routes are a table (`createRoutes`); `options.routes` adds or replaces entries.
 *
 * The server edits the workbook and writes a file on disk, so it answers only its own page
 * (`guardRequest`): every request must name the bound address in its Host header (a page on another
 * site cannot read the state through DNS rebinding), and every POST must be JSON
 * (`application/json`, which a cross-site form or a no-cors fetch cannot send) from the server's own
 * Origin when the browser sends one. A busy port is an error, never a silent move to another port.
 */
import { readFileSync } from 'node:fs';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { documentRoutes } from '../html-export';
import type { Runtime } from '../runtime';
import { LocalRange } from '../runtime/range';
import type { Bundle } from '../vm';
import { workbookToBuffer } from '../xlsx';
import { activeCellOf, playgroundState } from './state';

/** Options of the playground. */
export interface PlaygroundOptions {
  runtime: Runtime;
  bundle: Bundle;
  /** Where "Lưu" writes the workbook. */
  savePath: string;
  /** Port to listen on (0: any free port). A busy port is an error. */
  port?: number;
  /** A loopback address: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** Directory of page.html, page.js, page.css and sidebar-shim.js (default: <projectDir>/local/playground). */
  staticDir?: string;
  /** Extra or replacement routes, keyed "METHOD /path". */
  routes?: Record<string, RouteHandler>;
  log?: (line: string) => void;
}

/** A running playground. */
export interface Playground {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** What a route handler gets. */
export interface RouteContext {
  options: PlaygroundOptions;
  request: IncomingMessage;
  /** Parsed JSON body of POST requests ({} when empty). */
  body: Record<string, unknown>;
  url: URL;
}

/** A route's response: JSON (any value) or a raw body with its content type; null for 404. */
export type RouteResult =
  | {
      raw: string | Buffer;
      contentType: string;
      status?: number;
      /** A download's file name (Content-Disposition: attachment), e.g. a Doc's .docx. */
      fileName?: string;
    }
  | { json: unknown; status?: number }
  | null;
export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A 16 × 16 icon (ICO holding one 32-bit bitmap): a green sheet with white rows, drawn here so the
 * repository keeps no binary file.
 */
export const FAVICON: Buffer = (() => {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const top = size - 1 - y; // bitmap rows go bottom-up
      const inside = x >= 1 && x <= 14 && top >= 1 && top <= 14;
      const line = inside && x >= 3 && x <= 12 && (top === 4 || top === 7 || top === 10);
      const [b, g, r, a] = !inside ? [0, 0, 0, 0] : line ? [255, 255, 255, 255] : [0x58, 0x9d, 0x0f, 255];
      pixels.writeUInt32LE(((a << 24) | (r << 16) | (g << 8) | b) >>> 0, (y * size + x) * 4);
    }
  }
  const mask = Buffer.alloc(size * 4); // AND mask: 1 bit per pixel, rows padded to 32 bits; alpha rules
  const header = Buffer.alloc(6 + 16 + 40);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(40 + pixels.length + mask.length, 14);
  header.writeUInt32LE(22, 18); // offset of the bitmap
  header.writeUInt32LE(40, 22); // BITMAPINFOHEADER
  header.writeInt32LE(size, 26);
  header.writeInt32LE(size * 2, 30); // height counts the mask too
  header.writeUInt16LE(1, 34);
  header.writeUInt16LE(32, 36);
  return Buffer.concat([header, pixels, mask]);
})();

function staticFile(dir: string, name: string): RouteResult {
  const ext = name.slice(name.lastIndexOf('.'));
  return { raw: readFileSync(join(dir, name)), contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
}

/**
 * Values google.script.run can return: primitives, and arrays/objects of them. Apps Script
 * delivers null for anything else (a Date anywhere in the result, for instance).
 */
export function isLegalClientValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isLegalClientValue);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every(isLegalClientValue);
  }
  return false;
}

/** Inserts the google.script shim at the start of <head>, before any of the sidebar's scripts. */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>${shim}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/**
 * Writes `bytes` over `path` all at once: into a temporary file beside it, then renamed onto it, so a
 * save cut short (Ctrl-C, a full disk, a crash) leaves the workbook saved before, never half a file.
 * A symbolic link stays a link: its target is replaced. `write` is for tests (a fault injected).
 */
export async function replaceFile(
  path: string,
  bytes: Buffer,
  write: (file: string, bytes: Buffer) => Promise<void> = (file, data) => writeFile(file, data),
): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary, bytes);
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}

/** Calls a bundle function the way google.script.run or a menu click does. */
export function runForClient(options: PlaygroundOptions, fn: unknown, args: unknown): { json: unknown } {
  const { bundle, log } = options;
  if (typeof fn !== 'string' || fn.endsWith('_') || !bundle.functions.includes(fn)) {
    return { json: { ok: false, error: `Script function not found: ${String(fn)}` } };
  }
  try {
    const result = bundle.call(fn, ...(Array.isArray(args) ? args : []));
    if (!isLegalClientValue(result)) {
      log?.(
        `google.script.run: ${fn} returned a value Apps Script cannot send (e.g. a Date); the client receives null`,
      );
      return { json: { ok: true, result: null } };
    }
    return { json: { ok: true, result: result ?? null } };
  } catch (e) {
    const err = e as Error;
    return { json: { ok: false, error: err.message, name: err.name } };
  }
}

/**
 * A user typing `value` into one cell: the runtime's typed-input parsing (Range.setValue: "1.234" is
 * a number, "'007" text, "=…" a formula), its "reject input" validations, and the cell becomes
 * active. Not counted as a script call. (The add-in has no onEdit trigger, so none is run.)
 */
export function editCell(
  options: PlaygroundOptions,
  sheetName: unknown,
  a1: unknown,
  value: unknown,
): { json: unknown; status?: number } {
  const ss = options.runtime.spreadsheet;
  const sheet = ss.localSheet(String(sheetName));
  if (!sheet) return { json: { ok: false, error: `No sheet named ${String(sheetName)}` }, status: 404 };
  if (typeof a1 !== 'string' || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1))
    return { json: { ok: false, error: `Not a cell: ${String(a1)}` }, status: 400 };
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  let range: LocalRange;
  try {
    range = sheet.rangeFromA1(a1) as LocalRange;
  } catch (e) {
    return { json: { ok: false, error: `${a1}: ${(e as Error).message}` }, status: 400 };
  }
  try {
    range.setValue(text);
  } catch (e) {
    return { json: { ok: false, error: (e as Error).message } };
  }
  ss.activate(sheet, range);
  return { json: { ok: true } };
}

/** Most cells one paste may write (a block of 200 000 cells is far beyond any real paste). */
const MAX_PASTE_CELLS = 200_000;

/**
 * A user pasting a block of text (tab-separated, as Excel and Google Sheets copy it) at the cell
 * `a1`: each cell goes through the same typed input as editCell (Range.setValue: "1.234" a number,
 * "'007" text), so text stays as typed; the sheet grows when the block passes its last row or
 * column, as Sheets grows it; the pasted block becomes the selection. A cell its validation
 * rejects keeps its value and is named in `rejected`; the other cells are written.
 */
export function pasteBlock(
  options: PlaygroundOptions,
  sheetName: unknown,
  a1: unknown,
  rows: unknown,
): { json: unknown; status?: number } {
  const ss = options.runtime.spreadsheet;
  const sheet = ss.localSheet(String(sheetName));
  if (!sheet) return { json: { ok: false, error: `No sheet named ${String(sheetName)}` }, status: 404 };
  if (typeof a1 !== 'string' || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1))
    return { json: { ok: false, error: `Not a cell: ${String(a1)}` }, status: 400 };
  if (
    !Array.isArray(rows) ||
    rows.length === 0 ||
    !rows.every((r) => Array.isArray(r) && r.length > 0 && r.every((v) => typeof v === 'string'))
  )
    return { json: { ok: false, error: 'rows must be a non-empty list of rows of text' }, status: 400 };
  const block = rows as string[][];
  // A loop, not Math.max(...rows): spreading 150 000 rows as arguments overflows the call stack.
  const width = block.reduce((w, r) => Math.max(w, r.length), 0);
  if (block.length * width > MAX_PASTE_CELLS)
    return { json: { ok: false, error: `A paste of more than ${MAX_PASTE_CELLS} cells` }, status: 413 };
  let start: LocalRange;
  try {
    start = sheet.rangeFromA1(a1) as LocalRange;
  } catch (e) {
    return { json: { ok: false, error: `${a1}: ${(e as Error).message}` }, status: 400 };
  }
  const { row, column } = start.rect;
  const lastRow = row + block.length - 1;
  const lastColumn = column + width - 1;
  if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (lastColumn > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
  const rejected: { a1: string; error: string }[] = [];
  block.forEach((cells, i) => {
    cells.forEach((text, j) => {
      const cell = sheet.getRange(row + i, column + j);
      try {
        cell.setValue(text);
      } catch (e) {
        rejected.push({ a1: cell.getA1Notation(), error: (e as Error).message });
      }
    });
  });
  const pasted = sheet.getRange(row, column, block.length, width);
  ss.activate(sheet, pasted instanceof LocalRange ? pasted : undefined);
  return { json: { ok: true, rejected } };
}

/** The playground's routes. */
export function createRoutes(options: PlaygroundOptions): Record<string, RouteHandler> {
  const { runtime } = options;
  const dir = options.staticDir ?? join(runtime.projectDir, 'local', 'playground');
  return {
    'GET /': () => staticFile(dir, 'page.html'),
    'GET /page.js': () => staticFile(dir, 'page.js'),
    'GET /page.css': () => staticFile(dir, 'page.css'),
    // page.js splits a Ctrl+V with the intake's own splitter, bundled by scripts/build.mjs.
    'GET /pasted.js': () => staticFile(join(runtime.projectDir, 'dist', 'local'), 'pasted.js'),
    'GET /favicon.ico': () => ({ raw: FAVICON, contentType: 'image/x-icon' }),
    'GET /api/state': () => ({ json: playgroundState(runtime) }),
    'GET /sidebar': () => {
      const sidebar = runtime.ui.sidebar;
      if (!sidebar) return null;
      const shim = readFileSync(join(dir, 'sidebar-shim.js'), 'utf8');
      return { raw: injectShim(sidebar.content, shim), contentType: CONTENT_TYPES['.html'] as string };
    },
    'GET /dialog': () => {
      const dialog = runtime.ui.openDialog;
      if (!dialog) return null;
      // The sidebar's shim, its host.close() closing the dialog instead of the sidebar.
      const shim = readFileSync(join(dir, 'sidebar-shim.js'), 'utf8').replace(
        "'/api/sidebar/close'",
        "'/api/dialog/close'",
      );
      return { raw: injectShim(dialog.content, shim), contentType: CONTENT_TYPES['.html'] as string };
    },
    'POST /api/dialog/close': () => {
      runtime.ui.closeDialog();
      return { json: { ok: true } };
    },
    'POST /api/run': ({ body }) => runForClient(options, body.fn, body.args),
    'POST /api/save': async () => {
      await mkdir(dirname(options.savePath), { recursive: true });
      await replaceFile(options.savePath, await workbookToBuffer(runtime.spreadsheet));
      return { json: { ok: true, path: options.savePath } };
    },
    'POST /api/activate': ({ body }) => {
      const sheet = runtime.spreadsheet.localSheet(String(body.sheet));
      if (!sheet) return { json: { ok: false, error: `No sheet named ${String(body.sheet)}` }, status: 404 };
      runtime.spreadsheet.activate(sheet);
      return { json: { ok: true } };
    },
    'POST /api/select': ({ body }) => {
      const ss = runtime.spreadsheet;
      const sheet = ss.localSheet(String(body.sheet)) ?? ss.localActiveSheet();
      let range: ReturnType<typeof sheet.rangeFromA1>;
      try {
        range = sheet.rangeFromA1(String(body.a1));
      } catch (e) {
        return { json: { ok: false, error: `${String(body.a1)}: ${(e as Error).message}` }, status: 400 };
      }
      ss.activate(sheet, range instanceof LocalRange ? range : undefined);
      const { row, column } = range.rect;
      return { json: { ok: true, activeCell: activeCellOf(sheet, row, column) } };
    },
    'POST /api/edit': ({ body }) => editCell(options, body.sheet, body.a1, body.value),
    'POST /api/paste': ({ body }) => pasteBlock(options, body.sheet, body.a1, body.rows),
    'POST /api/sidebar/close': () => {
      runtime.ui.closeSidebar();
      return { json: { ok: true } };
    },
    ...documentRoutes(runtime),
    ...options.routes,
  };
}

/** A request the server refuses before any route runs. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Largest request body accepted (a sidebar call with a long list stays far below). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  // A declared length over the limit is refused at once, without waiting for (or reading) the body.
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    throw new RequestRefused(413, 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestRefused(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestRefused(400, 'The request body is not JSON');
  }
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/**
 * The Host header values that name this server: the bound address and localhost, with the port. On
 * port 80 a browser leaves the port out of Host (and Origin), so the bare names are accepted too.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const bound = host.includes(':') ? `[${host}]` : host;
  const addresses = [bound, 'localhost', ...(host === 'localhost' ? ['127.0.0.1', '[::1]'] : [])];
  const names = new Set(addresses.map((name) => `${name}:${port}`));
  if (port === 80) for (const name of addresses) names.add(name);
  return names;
}

/** How many times a header occurs in the request as sent (Node keeps only the first Host). */
function headerCount(request: IncomingMessage, name: string): number {
  let count = 0;
  const raw = request.rawHeaders ?? [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) count++;
  return count;
}

/**
 * The request target as a URL. Only the origin form ("/path?query") is accepted: the absolute form
 * ("GET http://evil.example/api/state", meant for proxies) names another host than the Host header,
 * and "//x/y" must stay a path, not become host "x".
 */
export function requestUrl(target: string | undefined): URL {
  if (!target?.startsWith('/')) throw new RequestRefused(400, 'The request target must be a path');
  return new URL(`http://playground${target}`);
}

/**
 * Refuses (throws RequestRefused) a request that is not from the playground's own page: a Host header
 * other than the bound address (DNS rebinding), or more than one; a request target that is not a path;
 * an Origin other than the server's own; a read that another site's page embeds or fetches; a POST
 * whose body is not declared `application/json`, or from another site; a method the server does not have.
 */
export function guardRequest(request: IncomingMessage, hosts: ReadonlySet<string>): void {
  // RFC 9112 §3.2: a request with more than one Host header is a 400.
  if (headerCount(request, 'host') > 1) throw new RequestRefused(400, 'More than one Host header');
  requestUrl(request.url);
  const host = (request.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) throw new RequestRefused(403, `Host "${host}" is not this playground's address`);
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`)
    throw new RequestRefused(403, `Origin "${origin}" is not this playground`);
  const site = request.headers['sec-fetch-site'];
  if (request.method === 'GET' || request.method === 'HEAD') {
    // Another site may link to the playground (a navigation), but not pull its data into its own page
    // (<script src>, <img src>, a no-cors fetch): the browser marks those cross-site or same-site
    // (another local port), in a mode other than navigate.
    if ((site === 'cross-site' || site === 'same-site') && request.headers['sec-fetch-mode'] !== 'navigate')
      throw new RequestRefused(403, `A ${site} request other than a link cannot read the playground`);
    return;
  }
  if (request.method !== 'POST') throw new RequestRefused(405, `Method ${request.method} not allowed`);
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new RequestRefused(403, `A ${site} request cannot change the playground`);
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new RequestRefused(415, 'Requests that change the playground must be application/json');
}

/**
 * The Doc preview is the document's text laid out with inline styles: it runs no script and loads
 * nothing, so a font name or text that slipped past escaping still cannot act on the playground.
 */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  csp = "frame-ancestors 'self'",
  fileName?: string,
): void {
  response.writeHead(status, {
    ...(fileName ? { 'content-disposition': contentDisposition(fileName) } : {}),
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Only the playground itself may frame its pages (the sidebar iframe).
    'content-security-policy': csp,
  });
  response.end(body);
}

/**
 * A download under its own name (RFC 6266): an ASCII fallback, and the UTF-8 name (RFC 8187) that
 * browsers use, so "Thông báo" keeps its accents.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * What a failed listen means for the developer: a busy port, a port below 1024 without the right to
 * bind it, an address this machine does not have (::1 with IPv6 off). Other errors pass unchanged.
 */
export function listenError(e: NodeJS.ErrnoException, port: number, host: string): Error {
  const other = port === 0 || port >= 65535 ? 8080 : port + 1;
  const choose = `npm start -- --port ${other} (or dtts serve --port ${other}; --port 0 takes any free port)`;
  if (e.code === 'EADDRINUSE')
    return new Error(
      `Port ${port} on ${host} is already in use (another playground, or another program). ` +
        `Stop it, or choose another port: ${choose}.`,
    );
  if (e.code === 'EACCES')
    return new Error(
      `Port ${port} on ${host} may not be used by this user (ports below 1024 need administrator rights). ` +
        `Choose another port: npm start -- --port 8080 (or dtts serve --port 8080).`,
    );
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT')
    return new Error(`This machine has no address ${host} (IPv6 off?). Use --host 127.0.0.1.`);
  return e;
}

/** Listens on exactly `port` (0: any free one); a busy port is an error that says what to do. */
async function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(listenError(e, port, host));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Hosts the playground may bind: loopback only (it edits the workbook and writes files). */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Starts the playground on 127.0.0.1 (default port 8080; a busy port is an error). */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const routes = createRoutes(options);
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host))
    throw new Error(`The playground listens only on a loopback address (${LOOPBACK_HOSTS.join(', ')}), not ${host}`);
  let hosts: ReadonlySet<string> = new Set();
  // Timeouts are checked every second (Node's default: every 30 s), so a slow client is cut off on time.
  const server = createServer({ connectionsCheckingInterval: 1000 }, (request, response) => {
    void (async () => {
      try {
        guardRequest(request, hosts);
        const url = requestUrl(request.url);
        const handler = routes[`${request.method === 'HEAD' ? 'GET' : request.method} ${url.pathname}`];
        const body = request.method === 'POST' ? await readBody(request) : {};
        const result = handler ? await handler({ options, request, body, url }) : null;
        if (!result) send(response, 404, 'Not found', 'text/plain; charset=utf-8');
        else if ('json' in result)
          send(response, result.status ?? 200, JSON.stringify(result.json), 'application/json; charset=utf-8');
        else
          send(
            response,
            result.status ?? 200,
            result.raw,
            result.contentType,
            url.pathname === '/document' ? DOCUMENT_CSP : undefined,
            result.fileName,
          );
      } catch (e) {
        if (e instanceof RequestRefused) {
          options.log?.(`${request.method} ${request.url}: refused (${e.status}): ${e.message}`);
          // The connection ends with the answer: an unread body (maybe gigabytes) is never drained.
          response.setHeader('connection', 'close');
          request.resume();
          send(response, e.status, JSON.stringify({ ok: false, error: e.message }), 'application/json; charset=utf-8');
          return;
        }
        options.log?.(`${request.method} ${request.url}: ${(e as Error).stack ?? String(e)}`);
        send(
          response,
          500,
          JSON.stringify({ ok: false, error: (e as Error).message }),
          'application/json; charset=utf-8',
        );
      }
    })();
  });
  // Slow clients (slowloris) are cut off: the page's requests are small and sent at once.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const port = await listen(server, options.port ?? 8080, host);
  hosts = allowedHosts(host, port);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

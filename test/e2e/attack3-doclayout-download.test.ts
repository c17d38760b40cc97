/**
 * Attack on the playground's .docx download (local/html-export.ts documentRoutes, served by
 * local/playground/server.ts): every Doc downloaded as "document.docx" (the route's path), so a
 * second download overwrote or sat beside the first as "document (1).docx", where the issue asks the
 * file to be named after the document's number and title. Served now with Content-Disposition:
 * the Doc's name, its "/" made "-", the accents kept (RFC 8187) with an ASCII fallback.
 */
import { type DocumentListing, docxFileName } from '../../local/html-export';
import { type Playground, startPlayground } from '../../local/playground/server';
import { AuthMode, Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR, tempDir } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';

describe('the .docx download of the playground', () => {
  let playground: Playground;
  let runtime: Runtime;

  beforeAll(async () => {
    builtCodePath();
    runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    const bundle = loadBundle({ runtime });
    bundle.call('onOpen', { authMode: AuthMode.LIMITED });
    bundle.call('allocateDelegates');
    bundle.call('generateNotice', 'thong-bao-ket-luan', {});
    bundle.call('generateNotice', 'phan-bo-dai-bieu', {});
    playground = await startPlayground({
      runtime,
      bundle,
      savePath: `${tempDir('dtts-attack3-')}/x.xlsx`,
      port: 0,
      log: () => {},
    });
  });
  afterAll(async () => {
    await playground?.close();
  });

  it('each Doc downloads under its own number and title, accents kept, no "/"', async () => {
    const base = `http://127.0.0.1:${playground.port}`;
    const list = (await (await fetch(`${base}/api/documents`)).json()) as DocumentListing[];
    expect(list.length).toBe(2);
    const names: string[] = [];
    for (const d of list) {
      const res = await fetch(base + d.docx);
      expect(res.status).toBe(200);
      const header = res.headers.get('content-disposition') ?? '';
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
      const name = decodeURIComponent(header.split("filename*=UTF-8''")[1] ?? '');
      expect(name).toBe(docxFileName(d.name));
      expect(name).not.toContain('/');
      expect(name.startsWith(d.name.split(' - ')[0]?.replace('/', '-') ?? '?')).toBe(true);
      expect(name).toContain(d.name.split(' - ')[1] ?? '?');
      names.push(name);
    }
    expect(new Set(names).size).toBe(2);
  });

  it('file names from names no file system takes', () => {
    expect(docxFileName('01/TB-BCĐ - Thông báo: "kết luận" <x>?')).toBe('01-TB-BCĐ - Thông báo- -kết luận- -x--.docx');
    expect(docxFileName('  ...  ')).toBe('van-ban.docx');
    expect(docxFileName('A'.repeat(400))).toBe(`${'A'.repeat(150)}.docx`);
    expect(docxFileName('Đại hội\u0000\nlần IV')).toBe('Đại hội--lần IV.docx');
  });
});

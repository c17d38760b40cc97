/**
 * The .docx of every kind printed by LibreOffice (soffice --headless --convert-to pdf), when it is
 * installed: the PDF has the pages it should, page numbers appear from page 2 only, and the
 * recipients | signature block sits on one page with the body's last paragraph. Without soffice
 * (and pdftotext for the text checks) the test is skipped and says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxBuffer } from '../../local/docx';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { tempDir } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import { runGenerateNotice } from '../../src/docs/notices';
import { NOTICE_KINDS } from '../../src/rpc/contract';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const SOFFICE = ['soffice', 'libreoffice'].find(has) ?? null;
const PDFTOTEXT = has('pdftotext');
const REASON = !SOFFICE
  ? 'LibreOffice (soffice) is not installed on this machine'
  : !PDFTOTEXT
    ? 'pdftotext (poppler-utils) is not installed on this machine'
    : '';
if (REASON)
  process.stderr.write(
    `\ndoclayout-pdf: skipped — ${REASON}; the .docx is checked as XML in doclayout-kinds.test.ts.\n`,
  );

const NOW = new Date('2024-01-05T09:00:00+07:00');

(REASON ? describe.skip : describe)('the .docx printed by LibreOffice', () => {
  const dir = tempDir();
  let runtime: Runtime;
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  beforeAll(() => {
    runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    runtime.execute(() => runBundle(runtime, 'allocateDelegates'));
    Object.assign(globalThis, runtime.globals);
    ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
  });

  it.each([...NOTICE_KINDS])(
    '%s: numbers from page 2, the signature block on one page with the last paragraph',
    async (kind) => {
      const r = runtime.execute(() => runGenerateNotice(ss, kind, {}, NOW));
      const doc = runtime.services.DocumentApp.created.find((d) => d.url === r.url);
      const snap = doc?.snapshot();
      if (!snap) throw new Error('no Doc');
      const file = join(dir, `${kind}.docx`);
      writeFileSync(file, await docxBuffer(snap));
      execFileSync(SOFFICE as string, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        timeout: 120_000,
      });
      const pdf = join(dir, `${kind}.pdf`);
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p, i, all) => i < all.length - 1 || p.trim());
      expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
      pages.forEach((text, i) => {
        const firstLine =
          text
            .split('\n')
            .find((l) => l.trim())
            ?.trim() ?? '';
        if (i === 0) expect(firstLine).not.toBe('1');
        else expect(firstLine).toBe(String(i + 1));
      });
      const withSignature = pages.findIndex((t) => t.includes('Nơi nhận:'));
      expect(withSignature).toBeGreaterThanOrEqual(0);
      const signer = snap.blocks.length ? (r.title ? doc?.body.getText().trim().split('\n').pop()?.trim() : '') : '';
      expect(pages[withSignature]).toContain(signer as string);
      expect(pages[withSignature]).toContain('./.');
    },
  );
});

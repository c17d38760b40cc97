/**
 * openIntakeDialog on the runtime (the real build/Code.js): a modal dialog of 760 × 600 built from
 * build/Intake.html, titled by mode, with the request written into the page as JSON that no unit text
 * can break out of; build/Intake.html holds its libraries (no network) within its budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { PROJECT_DIR } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';

const NOW = '2024-01-14T09:00:00+07:00';

/** INTAKE_BUDGET of scripts/build.mjs (an ES module jest cannot load): its product of numbers. */
function intakeBudget(): number {
  const source = readFileSync(join(PROJECT_DIR, 'scripts/build.mjs'), 'utf8');
  const m = /export const INTAKE_BUDGET = ([\d.\s*]+);/.exec(source);
  if (!m) throw new Error('no INTAKE_BUDGET in scripts/build.mjs');
  return (m[1] as string).split('*').reduce((p, n) => p * Number(n.trim()), 1);
}

/** The request element's JSON in a dialog's HTML. */
function requestOf(html: string): unknown {
  const m = /<script type="application\/json" id="intake-request">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no request element');
  return JSON.parse(m[1] as string);
}

test('form mode: a modal 760 × 600 titled "Tạo mẫu danh sách đại biểu", the request in the page; nothing else shown', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const run = runBundle(runtime, 'openIntakeDialog', [{ mode: 'form' }]);
  expect(run.result).toEqual({ message: 'Đã mở hộp thoại. Hãy thao tác trong hộp thoại trên bảng tính.' });
  const dialog = runtime.ui.openDialog;
  expect(dialog).toMatchObject({ title: 'Tạo mẫu danh sách đại biểu', width: 760, height: 600, modal: true });
  expect(requestOf(dialog?.content ?? '')).toEqual({ mode: 'form', unit: '' });
  expect(runtime.ui.sidebar).toBeNull();
  expect(runtime.ui.alerts).toEqual([]);
});

test('import mode for a unit; a unit text made of HTML cannot close the request element', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  runBundle(runtime, 'openIntakeDialog', [{ mode: 'import', unit: 'Lộc Bình' }]);
  expect(runtime.ui.openDialog?.title).toBe('Nhận danh sách đại biểu');
  expect(requestOf(runtime.ui.openDialog?.content ?? '')).toEqual({ mode: 'import', unit: 'Lộc Bình' });
  const evil = '</script><img src=x onerror=alert(1)><script>';
  runBundle(runtime, 'openIntakeDialog', [{ mode: 'import', unit: evil }]);
  const html = runtime.ui.openDialog?.content ?? '';
  expect(html).not.toContain('<img src=x');
  expect(requestOf(html)).toEqual({ mode: 'import', unit: evil });
  expect(runtime.ui.dialogs).toHaveLength(2);
});

test('build/Intake.html: exceljs and papaparse inlined, nothing fetched, within its budget; the sidebar does not carry them', () => {
  const html = readFileSync(join(PROJECT_DIR, 'build/Intake.html'), 'utf8');
  const sidebar = readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8');
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(intakeBudget());
  expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
  expect(html).toContain('ExcelJS');
  expect(html).toContain('delimitersToGuess'); // papaparse
  expect(sidebar).not.toContain('ExcelJS');
  expect(Buffer.byteLength(sidebar)).toBeLessThan(Buffer.byteLength(html) / 10);
});

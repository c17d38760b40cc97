/**
 * Attack on the playground's paste (POST /api/paste): a block a real clipboard can hold (150 000 lines
 * of one column, under the 200 000-cell and 8 MiB limits) must paste, not answer an English
 * "Maximum call stack size exceeded" (Math.max over the rows spread as arguments).
 */
import { join } from 'node:path';
import { pasteBlock } from '../../local/playground/server';
import { Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';
import { diff, snapshot } from '../trust/snapshot';

function session() {
  builtCodePath();
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
  const bundle = loadBundle({ runtime });
  return { options: { runtime, bundle, savePath: join(PROJECT_DIR, 'unused.xlsx') }, ss: runtime.spreadsheet };
}

describe('attack: paste a long column', () => {
  it('pastes 150 000 lines of one column, growing the sheet, each line in its cell', () => {
    const { options, ss } = session();
    const sheet = ss.getSheetByName('Ghi chú') ?? ss.insertSheet('Ghi chú');
    const rows = Array.from({ length: 150_000 }, (_, i) => [`Dòng ${i + 1}`]);
    const res = pasteBlock(options, 'Ghi chú', 'A1', rows);
    expect(res.status).toBeUndefined();
    expect(res.json).toEqual({ ok: true, rejected: [] });
    expect(sheet.getMaxRows()).toBe(150_000);
    expect(sheet.getRange('A150000').getValue()).toBe('Dòng 150000');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1:A150000');
  });

  it('refuses a block over the cell limit with 413, writing nothing', () => {
    const { options, ss } = session();
    const before = snapshot(ss);
    const rows = Array.from({ length: 200_001 }, () => ['x']);
    const res = pasteBlock(options, 'Cấu hình', 'A1', rows);
    expect(res.status).toBe(413);
    expect(diff(before, snapshot(ss))).toEqual([]);
  });
});

/**
 * The playground's paste (POST /api/paste) on the runtime: each cell through typed input, the sheet
 * grown as Sheets grows it, a rejected cell named and kept, nothing else touched (whole-cell
 * snapshots); and `--help` on every dtts command with its Vietnamese and English description.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { COMMANDS, main } from '../../local/cli';
import { pasteBlock } from '../../local/playground/server';
import { Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath, PROJECT_DIR } from '../../local/testing';
import { loadBundle } from '../../local/vm';
import { LANG_SON } from '../../samples/lang-son';
import { diff, snapshot } from '../trust/snapshot';

describe('paste into the playground grid', () => {
  function session() {
    builtCodePath();
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    const bundle = loadBundle({ runtime });
    const options = { runtime, bundle, savePath: join(PROJECT_DIR, 'unused.xlsx') };
    return { runtime, options, ss: runtime.spreadsheet };
  }

  it('writes the block as typed input, and only the block', () => {
    const { options, ss } = session();
    const before = snapshot(ss);
    const res = pasteBlock(options, 'Cấu hình', 'E2', [
      ['Đắk Glei', '1.234', "'007"],
      ['Tu Mơ Rông', '14/01/2024', '=1+1'],
    ]);
    expect(res.json).toEqual({ ok: true, rejected: [] });
    const sheet = ss.getSheetByName('Cấu hình')!;
    expect(sheet.getRange('E2:G2').getValues()).toEqual([['Đắk Glei', 1234, '007']]);
    expect(sheet.getRange('E3').getValue()).toBe('Tu Mơ Rông');
    expect(sheet.getRange('F3').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('G3').getFormula()).toBe('=1+1');
    const changed = diff(before, snapshot(ss)).map((d) => `${d.sheet}!${d.cell}`);
    expect(new Set(changed)).toEqual(
      new Set(['Cấu hình!E2', 'Cấu hình!F2', 'Cấu hình!G2', 'Cấu hình!E3', 'Cấu hình!F3', 'Cấu hình!G3']),
    );
    expect(ss.getActiveRange()?.getA1Notation()).toBe('E2:G3');
  });

  it('grows the sheet when the block passes its last row or column, as Sheets does', () => {
    const { options, ss } = session();
    const sheet = ss.getSheetByName('Cấu hình')!;
    const rows = sheet.getMaxRows();
    const columns = sheet.getMaxColumns();
    const at = `${String.fromCharCode(64 + columns)}${rows}`;
    const res = pasteBlock(options, 'Cấu hình', at, [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(res.json).toEqual({ ok: true, rejected: [] });
    expect(sheet.getMaxRows()).toBe(rows + 1);
    expect(sheet.getMaxColumns()).toBe(columns + 1);
    expect(sheet.getRange(rows, columns, 2, 2).getValues()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps a cell its "reject input" validation refuses, names it, and writes the others', () => {
    const { options, ss, runtime } = session();
    const sheet = ss.getSheetByName('Cấu hình')!;
    const rule = runtime.services.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Huyện', 'Xã'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('F5').setDataValidation(rule);
    const res = pasteBlock(options, 'Cấu hình', 'E5', [['một', 'Tỉnh', 'ba']]) as {
      json: { ok: boolean; rejected: { a1: string; error: string }[] };
    };
    expect(res.json.ok).toBe(true);
    expect(res.json.rejected.map((r) => r.a1)).toEqual(['F5']);
    expect(sheet.getRange('E5:G5').getValues()).toEqual([['một', '', 'ba']]);
  });

  it('refuses what is not a block of text, writing nothing', () => {
    const { options, ss } = session();
    const before = snapshot(ss);
    for (const rows of [[], [[]], 'a\tb', [[1, 2]], [['a'], null]]) {
      expect(pasteBlock(options, 'Cấu hình', 'E2', rows)).toMatchObject({ json: { ok: false }, status: 400 });
    }
    expect(pasteBlock(options, 'Cấu hình', 'E0', [['a']])).toMatchObject({ status: 400 });
    expect(pasteBlock(options, 'Không có', 'E2', [['a']])).toMatchObject({ status: 404 });
    const huge = Array.from({ length: 1001 }, () => Array.from({ length: 201 }, () => 'x'));
    expect(pasteBlock(options, 'Cấu hình', 'E2', huge)).toMatchObject({ status: 413 });
    expect(diff(before, snapshot(ss))).toEqual([]);
  });
});

describe('dtts <command> --help', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), isTTY: false },
    };
  };

  test.each(Object.keys(COMMANDS))(
    'dtts %s --help: usage, then what it does in Vietnamese and English',
    async (name) => {
      const [vi, en] = COMMANDS[name]!.about;
      expect(vi).toMatch(/[ạ-ỹđ]/u);
      expect(en).not.toMatch(/[à-ỹđ]/u);
      for (const argv of [
        [name, '--help'],
        [name, '-h'],
        [name, '--workbook', 'x.xlsx', '--help'],
        ['help', name],
      ]) {
        const { out, io } = capture();
        await expect(main(argv, io)).resolves.toBe(0);
        expect(out.stdout).toBe(`${COMMANDS[name]!.usage}\n\n  ${vi}\n  ${en}\n`);
        expect(out.stderr).toBe('');
      }
    },
  );

  test('dtts --help lists every command with its description', async () => {
    const { out, io } = capture();
    await expect(main(['--help'], io)).resolves.toBe(0);
    for (const c of Object.values(COMMANDS)) {
      expect(out.stdout).toContain(c.usage);
      expect(out.stdout).toContain(c.about[0]);
    }
    expect(out.stdout).not.toMatch(/Unknown option/);
  });

  test('the installed command and npm start answer --help too (real processes)', () => {
    const dtts = spawnSync(process.execPath, [join(PROJECT_DIR, 'local/bin/dtts.cjs'), 'samples', '--help'], {
      encoding: 'utf8',
    });
    expect(dtts.status).toBe(0);
    expect(dtts.stdout).toContain(COMMANDS.samples!.about[0]);
    expect(dtts.stdout + dtts.stderr).not.toMatch(/Unknown option/);
    const start = spawnSync(process.execPath, [join(PROJECT_DIR, 'local/playground/start.cjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(start.status).toBe(0);
    expect(start.stdout).toContain(COMMANDS.serve!.about[0]);
  });
});

describe('paste keeps text text where the user made the column text', () => {
  it('a code such as "06124" pasted into a plain-text (@) column stays "06124"', () => {
    builtCodePath();
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), projectDir: PROJECT_DIR });
    const options = { runtime, bundle: loadBundle({ runtime }), savePath: join(PROJECT_DIR, 'unused.xlsx') };
    const sheet = runtime.spreadsheet.getSheetByName('Cấu hình')!;
    sheet.getRange('E20:E21').setNumberFormat('@');
    expect(pasteBlock(options, 'Cấu hình', 'E20', [['06124'], ['1.234']]).json).toEqual({ ok: true, rejected: [] });
    expect(sheet.getRange('E20:E21').getValues()).toEqual([['06124'], ['1.234']]);
    // Outside a text column, typed input reads numbers as Google does.
    expect(pasteBlock(options, 'Cấu hình', 'F20', [['06124']]).json).toEqual({ ok: true, rejected: [] });
    expect(sheet.getRange('F20').getValue()).toBe(6124);
  });
});

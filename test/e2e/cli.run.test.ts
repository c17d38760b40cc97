/** dtts run: the real CLI (dist/local/cli.cjs through local/bin/dtts.cjs) and the command in-process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../local/cli';
import { parseArgs, parseJsonArg, UsageError } from '../../local/cli/args';
import type { CliIo } from '../../local/cli/io';
import { LocalSpreadsheet } from '../../local/runtime';
import { builtCodePath, PROJECT_DIR, tempDir, writeFixtureBundle } from '../../local/testing';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';

const BIN = join(PROJECT_DIR, 'local/bin/dtts.cjs');

function dtts(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_DIR, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sampleWorkbook(): Promise<string> {
  const ss = LocalSpreadsheet.create();
  ss.getActiveSheet()
    .getRange('A1:B1')
    .setValues([['Đơn vị', 'Dân số']]);
  const path = join(tempDir(), 'sample.xlsx');
  await saveWorkbook(ss, path);
  return path;
}

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

beforeAll(() => {
  builtCodePath();
  if (!existsSync(join(PROJECT_DIR, 'dist/local/cli.cjs')))
    throw new Error('dist/local/cli.cjs not found: run `npm run build` first.');
});

describe('dtts run (spawned)', () => {
  test('--json prints one JSON object with the result, the calls and their total', async () => {
    const workbook = await sampleWorkbook();
    const r = dtts('run', 'onOpen', '--workbook', workbook, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { result: unknown; calls: Record<string, number>; ms: number };
    expect(Object.keys(out).sort()).toEqual(['calls', 'cells', 'ms', 'result']);
    expect((out as unknown as { cells: unknown }).cells).toEqual({
      read: expect.any(Number),
      written: expect.any(Number),
    });
    expect(out.result).toBeNull();
    expect(out.calls['Ui.createAddonMenu']).toBeGreaterThanOrEqual(1);
    const { total, ...byKey } = out.calls;
    expect(total).toBe(Object.values(byKey).reduce((a, b) => a + b, 0));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('an unknown function exits non-zero with Google’s message on stderr', () => {
    const r = dtts('run', 'khongCo', '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Script function not found: khongCo');
  });

  test('--save writes a workbook that loads again', async () => {
    const workbook = await sampleWorkbook();
    const saved = join(tempDir(), 'out.xlsx');
    const r = dtts('run', 'onOpen', '--workbook', workbook, '--save', saved);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ service calls/);
    const ss = await loadWorkbook(saved);
    expect(ss.getSheets()[0]!.getRange('A1:B1').getValues()).toEqual([['Đơn vị', 'Dân số']]);
  });

  test('without --workbook it starts from one empty sheet "Trang tính1"', () => {
    const saved = join(tempDir(), 'empty.xlsx');
    expect(dtts('run', 'onOpen', '--save', saved).status).toBe(0);
    return loadWorkbook(saved).then((ss) => expect(ss.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']));
  });

  test('the bundle runs in the script time zone (appsscript.json), like Apps Script', () => {
    const code = writeFixtureBundle('function midnight() { return new Date(2024, 0, 5).toISOString(); }');
    const r = dtts('run', 'midnight', '--code', code, '--json');
    expect(JSON.parse(r.stdout).result).toBe('2024-01-04T17:00:00.000Z');
  });

  test('a missing workbook and bad options are errors', () => {
    expect(dtts('run', 'onOpen', '--workbook', '/nonexistent.xlsx').stderr).toContain('Workbook not found');
    expect(dtts('run', 'onOpen', '--bogus').status).toBe(1);
    expect(dtts('run', 'onOpen', '--now', 'yesterday').stderr).toContain('--now must be an ISO-8601 date-time');
    expect(dtts('frobnicate').status).toBe(1);
  });
});

describe('dtts run (in-process, fixture bundle)', () => {
  const code = writeFixtureBundle(`
    function echo() { return { args: Array.prototype.slice.call(arguments), now: new Date().toISOString() }; }
    function fail() { throw new Error('Chưa có trang "Đơn vị". Hãy chạy "Thiết lập bảng tính".'); }
    function note(text) { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(text); console.log('ghi', text); return text; }
  `);

  test('JSON arguments are parsed; other arguments are strings; --now fixes the clock', async () => {
    const io = captureIo();
    const code0 = await main(
      [
        'run',
        'echo',
        '{"a":1}',
        '[1,2]',
        '42',
        'Lạng Sơn',
        '-5',
        '--code',
        code,
        '--json',
        '--now',
        '2024-01-05T08:00:00+07:00',
      ],
      io,
    );
    expect(code0).toBe(0);
    expect(JSON.parse(io.out).result).toEqual({
      args: [{ a: 1 }, [1, 2], 42, 'Lạng Sơn', -5],
      now: '2024-01-05T01:00:00.000Z',
    });
  });

  test('errors from the bundle are printed as they are, exit code 1', async () => {
    const io = captureIo();
    expect(await main(['run', 'fail', '--code', code], io)).toBe(1);
    expect(io.err).toBe('Chưa có trang "Đơn vị". Hãy chạy "Thiết lập bảng tính".\n');
    expect(io.out).toBe('');
  });

  test('readable output shows the result and a one-line call total; logs go to stderr', async () => {
    const io = captureIo();
    expect(await main(['run', 'note', '"xin chào"', '--code', code], io)).toBe(0);
    expect(io.out).toMatch(/^'xin chào'\n3 service calls, [\d.]+ ms\n$/);
    expect(io.err).toContain('[log] ghi xin chào');
  });
});

describe('argument parsing', () => {
  test('options with values, flags, positionals, --', () => {
    const spec = { valued: ['workbook'], flags: ['json'] };
    expect(parseArgs(['f', '--workbook', 'a.xlsx', '-1', '--json', '--', '--x'], spec)).toEqual({
      positionals: ['f', '-1', '--x'],
      options: { workbook: 'a.xlsx' },
      flags: new Set(['json']),
    });
    expect(parseArgs(['--workbook=b.xlsx'], spec).options.workbook).toBe('b.xlsx');
    expect(() => parseArgs(['--workbook'], spec)).toThrow(UsageError);
    expect(() => parseArgs(['--nope'], spec)).toThrow('Unknown option --nope');
    expect([parseJsonArg('{"x":[1]}'), parseJsonArg('true'), parseJsonArg('abc'), parseJsonArg('"q"')]).toEqual([
      { x: [1] },
      true,
      'abc',
      'q',
    ]);
  });
});

/**
 * Attacks on the commands a new developer runs: `npm start` (local/playground/start.cjs) and
 * `dtts serve`. A mistyped port, a workbook path typed from another folder (with spaces), a build
 * that fails, a CLI that crashes, npm dying alone (SIGHUP or SIGKILL to its pid), the terminal
 * closing (SIGHUP to the group): every time a clear exit code, and no server left on the port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { main } from '../../local/cli';
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { PROJECT_DIR, tempDir } from '../../local/testing';
import { saveWorkbook } from '../../local/xlsx';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), isTTY: false },
  };
};

describe('dtts serve --port: only a port number', () => {
  test.each(['', 'abc', '0x1F90', '1e3', ' 8081', '8081 ', '-1', '65536', '80.5', '８０８０'])(
    '--port "%s" is refused with the usage, serving nothing',
    async (value) => {
      const { out, io } = capture();
      await expect(main(['serve', '--port', value], io)).resolves.toBe(1);
      expect(out.stderr).toContain(`--port must be a port number from 0 to 65535 (0: any free port), not "${value}"`);
      expect(out.stdout).not.toContain('Playground:');
    },
  );

  test('--port= (empty, the = form) is refused too, not taken for "any port"', async () => {
    const { out, io } = capture();
    await expect(main(['serve', '--port='], io)).resolves.toBe(1);
    expect(out.stderr).toContain('--port must be a port number');
  });
});

/** Waits until `check` holds. */
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A spawned process with its output collected. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; group?: boolean }) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, npm_config_update_notifier: 'false', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

describe('dtts serve: a workbook that is not there', () => {
  test('says so (where "Lưu" will write), then serves an empty spreadsheet; the path may have spaces', async () => {
    const dir = join(tempDir('dtts-attack-serve-'), 'thư mục có dấu cách');
    const missing = join(dir, 'danh sách.xlsx');
    const serve = run(process.execPath, ['local/bin/dtts.cjs', 'serve', '--workbook', missing, '--port', '0'], {
      cwd: PROJECT_DIR,
    });
    try {
      await until(() => serve.output().includes('Playground:'), 'the playground');
      expect(serve.output()).toContain(
        `No workbook at ${missing}: starting from an empty spreadsheet; "Lưu" creates that file.`,
      );
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  });
});

describe('dtts serve / run: a workbook that is not an .xlsx', () => {
  test.each([
    ['a damaged file', 'PK garbage'],
    ['an empty file (a save cut short by an older version)', ''],
  ])('%s: exit 1 with a message naming the file and what to do, serving nothing', async (_what, content) => {
    const path = join(tempDir('dtts-attack-bad-'), 'lang-son.xlsx');
    writeFileSync(path, content);
    for (const command of ['serve', 'run']) {
      const { out, io } = capture();
      const argv =
        command === 'serve' ? ['serve', '--workbook', path, '--port', '0'] : ['run', 'getOverview', '--workbook', path];
      await expect(main(argv, io)).resolves.toBe(1);
      expect(out.stderr).toContain(`Cannot open the workbook ${path}: it is not an .xlsx file, or it is damaged (`);
      expect(out.stderr).toContain('npm run samples');
      expect(out.stdout).not.toContain('Playground:');
    }
  });
});

describe('npm start (local/playground/start.cjs) on a stand-in project', () => {
  /**
   * A project folder with the real start.cjs, a stand-in build (scripts/build.mjs) and a stand-in CLI
   * (dist/local/cli.cjs): each test decides what they do.
   */
  function standIn(build: string, cli: string): string {
    const root = tempDir('dtts-attack-start-');
    mkdirSync(join(root, 'local', 'playground'), { recursive: true });
    mkdirSync(join(root, 'scripts'));
    mkdirSync(join(root, 'dist', 'local'), { recursive: true });
    copyFileSync(join(PROJECT_DIR, 'local/playground/start.cjs'), join(root, 'local/playground/start.cjs'));
    writeFileSync(join(root, 'scripts', 'build.mjs'), build);
    writeFileSync(join(root, 'dist', 'local', 'cli.cjs'), cli);
    return root;
  }
  const startIn = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(root, 'local/playground/start.cjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: '', npm_lifecycle_event: '', ...env },
    });
  /** A CLI that prints the commands it is given, and ends. */
  const ECHO_CLI = `exports.main = async (argv) => { console.log('CLI ' + JSON.stringify(argv)); return 0; };`;

  test('a failing build ends npm start with the build’s code; the server never starts', () => {
    const root = standIn('process.exit(3);', ECHO_CLI);
    const result = startIn(root, ['--port', '0']);
    expect(result.status).toBe(3);
    expect(result.stdout).not.toContain('CLI');
  });

  test('a build killed by a signal ends npm start with 1', () => {
    const root = standIn("process.kill(process.pid, 'SIGKILL');", ECHO_CLI);
    const result = startIn(root, []);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('CLI');
  });

  test('a crash of the CLI ends npm start with 1 and the error', () => {
    const root = standIn('', `exports.main = async () => { throw new Error('hỏng rồi'); };`);
    const result = startIn(root, []);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error: hỏng rồi');
  });

  test('a CLI failing (samples, a busy port) ends npm start with its code', () => {
    const root = standIn('', `exports.main = async (argv) => (argv[0] === 'serve' ? 1 : 0);`);
    expect(startIn(root, []).status).toBe(1);
    const samplesFail = standIn('', `exports.main = async (argv) => (argv[0] === 'samples' ? 2 : 0);`);
    expect(startIn(samplesFail, []).status).toBe(2);
  });

  test('relative --workbook / --code are taken from the folder npm was run in (INIT_CWD), spaces kept', () => {
    const root = standIn('', ECHO_CLI);
    const here = join(tempDir('dtts-attack-cwd-'), 'hồ sơ đại hội');
    const result = startIn(
      root,
      [
        '--workbook',
        'danh sách.xlsx',
        '--code=../Code.js',
        '--port',
        '0',
        '--now',
        '2024-01-01T00:00:00Z',
        '--',
        '--workbook',
        'x',
      ],
      {
        INIT_CWD: here,
      },
    );
    expect(result.status).toBe(0);
    const serve = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('CLI '))
      .map((line) => JSON.parse(line.slice(4)) as string[])
      .find((argv) => argv[0] === 'serve');
    expect(serve).toEqual([
      'serve',
      '--workbook',
      join(root, 'samples', 'lang-son.xlsx'),
      '--now',
      '2024-01-14T09:00:00+07:00',
      '--workbook',
      join(here, 'danh sách.xlsx'),
      `--code=${join(dirname(here), 'Code.js')}`,
      '--port',
      '0',
      '--now',
      '2024-01-01T00:00:00Z',
      '--',
      '--workbook',
      'x',
    ]);
  });

  test('absolute paths, and runs outside npm (no INIT_CWD: the current folder), are kept as given', () => {
    const root = standIn('', ECHO_CLI);
    const result = startIn(root, ['--workbook', '/abs/file.xlsx', '--workbook=rel.xlsx']);
    const serve = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('CLI '))
      .map((line) => JSON.parse(line.slice(4)) as string[])
      .find((argv) => argv[0] === 'serve');
    expect(serve?.slice(-3)).toEqual(['--workbook', '/abs/file.xlsx', `--workbook=${join(root, 'rel.xlsx')}`]);
  });
});

/** npm's own script, run by this node. */
function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm)) return fromNpm;
  return join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
}

/** Pids of the processes in a process group (Linux /proc), zombies left out. */
function groupMembers(group: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z' && Number(fields[2]) === group) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const linux = existsSync('/proc/self/stat');

(linux ? describe : describe.skip)('npm start, for real: npm dying alone, the terminal closing', () => {
  let started: { npm: ChildProcess; output: () => string; exited: Promise<unknown> } | undefined;

  afterEach(() => {
    if (!started) return;
    for (const pid of groupMembers(started.npm.pid!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    started = undefined;
  });

  /** `npm start` in its own process group from `cwd` (npm --prefix the project); resolves once it serves. */
  async function npmStart(cwd: string, args: string[] = []) {
    const npm = run(process.execPath, [npmCli(), '--prefix', PROJECT_DIR, 'start', '--', '--port', '0', ...args], {
      cwd,
      group: true,
    });
    started = { npm: npm.child, output: npm.output, exited: npm.exited };
    let ended = false;
    void npm.exited.then(() => (ended = true));
    await until(() => /Playground: http:\/\/127\.0\.0\.1:\d+\//.test(npm.output()) || ended, 'npm start to serve');
    const url = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(npm.output())?.[1];
    if (!url) throw new Error(`npm start did not serve:\n${npm.output()}`);
    return { ...npm, url, port: Number(new URL(url).port), group: npm.child.pid! };
  }

  async function expectAllStopped(s: { group: number; port: number }) {
    await until(() => groupMembers(s.group).length === 0, 'every process npm started to exit');
    // A process whose main thread has exited shows as a zombie while its other threads still close
    // its files: the port is free a moment later.
    let free = false;
    for (let i = 0; i < 50 && !free; i++) {
      free = await portIsFree(s.port);
      if (!free) await new Promise((r) => setTimeout(r, 100));
    }
    expect(free).toBe(true);
  }

  test.each(['SIGHUP', 'SIGKILL'] as const)(
    '%s to npm alone: the server stops too, the port is free',
    async (signal) => {
      const s = await npmStart(PROJECT_DIR);
      process.kill(s.child.pid!, signal);
      await expectAllStopped(s);
    },
  );

  test('the terminal closing (SIGHUP to the group) stops everything', async () => {
    const s = await npmStart(PROJECT_DIR);
    process.kill(-s.group, 'SIGHUP');
    await expectAllStopped(s);
  });

  test('from another folder, a relative workbook whose name has spaces and accents is the one served', async () => {
    const here = join(tempDir('dtts-attack-npm-'), 'hồ sơ');
    mkdirSync(here);
    const workbook = LocalSpreadsheet.create();
    workbook.insertSheet('Sổ tay riêng');
    await saveWorkbook(workbook, join(here, 'danh sách đại biểu.xlsx'));
    const s = await npmStart(here, ['--workbook', 'danh sách đại biểu.xlsx']);
    const state = (await (await fetch(new URL('/api/state', s.url))).json()) as { sheets: { name: string }[] };
    expect(state.sheets.map((sheet) => sheet.name)).toContain('Sổ tay riêng');
    expect(s.output()).not.toContain('No workbook at');
    process.kill(-s.group, 'SIGINT');
    await expectAllStopped(s);
  });
});

describe('.ci/run on another Node', () => {
  /** A clean "clone" holding .ci/run and a package.json whose engines ask for `engines`. */
  function clone(engines: string): string {
    const root = tempDir('dtts-attack-ci-');
    mkdirSync(join(root, '.ci'));
    copyFileSync(join(PROJECT_DIR, '.ci/run'), join(root, '.ci/run'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ engines: { node: engines } }));
    return root;
  }

  test('fails first thing, saying which Node it wants (before installing anything)', () => {
    const root = clone('^99.0.0');
    const result = spawnSync('bash', [join(root, '.ci/run')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`CI runs Node ^99.0.0 (package.json engines), not ${process.version}`);
    expect(readdirSync(root).sort()).toEqual(['.ci', 'package.json']);
  });

  test('accepts the Node the engines name', () => {
    const script = /^node -e '\n([\s\S]*?)\n'$/m.exec(readFileSync(join(PROJECT_DIR, '.ci/run'), 'utf8'))?.[1];
    expect(script).toBeDefined();
    const [major, minor] = process.versions.node.split('.');
    for (const [engines, status] of [
      [`^${major}.${minor}.0`, 0],
      [`^${major}.0.0`, 0],
      [`^${Number(major) + 1}.0.0`, 1],
      [`^${major}.${Number(minor) + 1}.0`, 1],
    ] as const) {
      const root = clone(engines);
      expect([engines, spawnSync(process.execPath, ['-e', script!], { cwd: root }).status]).toEqual([engines, status]);
    }
  });
});

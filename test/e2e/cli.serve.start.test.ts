/**
 * `npm start` as a developer runs it: the command spawned for real, with a port chosen by `-- --port`,
 * stopped by SIGTERM to npm, SIGTERM to the server's node process, or Ctrl-C (SIGINT to the whole
 * terminal group). Each time every process it started must be gone and the port free again.
 * Also: `--help` on every dtts command prints its usage.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { main } from '../../local/cli';
import { PROJECT_DIR } from '../../local/testing';

/** npm's own script, run by this node (the one `npm test` runs under, or the one beside node). */
function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm)) return fromNpm;
  return join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
}

/** [pid, parent pid, command line] of every process, from /proc (Linux) or ps. */
function processTable(): [number, number, string][] {
  if (existsSync('/proc/self/stat')) {
    const out: [number, number, string][] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
        if (state === 'Z') continue; // exited, waiting for its parent to read its status
        out.push([Number(name), ppid, readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ')]);
      } catch {
        // gone meanwhile
      }
    }
    return out;
  }
  return execFileSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid=', '-o', 'stat=', '-o', 'args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[3]!.startsWith('Z'))
    .map((m) => [Number(m[1]), Number(m[2]), m[4]!]);
}

/** The processes below `root` (not `root` itself). */
function descendants(root: number): [number, string][] {
  const table = processTable();
  const found: [number, string][] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, ppid, command] of table)
      if (ppid === parent) {
        found.push([pid, command]);
        queue.push(pid);
      }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return processTable().some(([p]) => p === pid);
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface Started {
  npm: ChildProcess;
  url: string;
  port: number;
  /** The processes npm started (the shell, if any, and node serving). */
  tree: [number, string][];
  server: number;
  output: () => string;
}

/** `npm start -- --port 0` in its own process group, as a terminal runs it; resolves once it serves. */
async function npmStart(): Promise<Started> {
  const npm = spawn(process.execPath, [npmCli(), 'start', '--', '--port', '0'], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  let out = '';
  npm.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  npm.stderr!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    npm.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
  const tree = descendants(npm.pid!);
  const server = tree.find(([, command]) => /^\S*node\s.*start\.cjs/.test(command));
  if (!server) throw new Error(`No server process under npm: ${JSON.stringify(tree)}`);
  return { npm, url, port: Number(new URL(url).port), tree, server: server[0], output: () => out };
}

describe('npm start', () => {
  let started: Started | undefined;

  afterEach(() => {
    // Never leave a server behind, even when a test fails.
    if (!started) return;
    for (const pid of [started.npm.pid!, ...started.tree.map(([pid]) => pid)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    started = undefined;
  });

  async function expectAllStopped(s: Started) {
    await until(() => s.npm.exitCode !== null || s.npm.signalCode !== null, 'npm to exit');
    await until(() => s.tree.every(([pid]) => !alive(pid)), 'every process npm started to exit');
    expect(await portIsFree(s.port)).toBe(true);
  }

  test('-- --port picks the port; the server answers on it, in one node process under npm', async () => {
    started = await npmStart();
    expect(started.output()).toContain(`--port 0`);
    const state = (await (await fetch(new URL('/api/state', started.url))).json()) as { sheets: { name: string }[] };
    expect(state.sheets.map((s) => s.name)).toContain('Cấu hình');
    // Only the server (and at most the shell npm runs scripts with) remains: the build has ended.
    expect(started.tree.filter(([, command]) => /^\S*node\s/.test(command)).map(([pid]) => pid)).toEqual([
      started.server,
    ]);
    process.kill(started.npm.pid!, 'SIGTERM');
    await expectAllStopped(started);
  });

  test('SIGTERM to the node process stops it and npm', async () => {
    started = await npmStart();
    process.kill(started.server, 'SIGTERM');
    await expectAllStopped(started);
  });

  test('Ctrl-C (SIGINT to the terminal group) stops everything', async () => {
    started = await npmStart();
    process.kill(-started.npm.pid!, 'SIGINT');
    await expectAllStopped(started);
  });
});

describe('dtts --help', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), isTTY: false },
    };
  };

  test.each(['run', 'serve', 'samples', 'bench'])('dtts %s --help prints its usage and succeeds', async (name) => {
    for (const argv of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
    ]) {
      const { out, io } = capture();
      await expect(main(argv, io)).resolves.toBe(0);
      expect(out.stdout).toMatch(new RegExp(`^Usage: dtts ${name}\\b`));
      expect(out.stderr).toBe('');
    }
  });

  test('a JSON argument after "--" is not taken for --help', async () => {
    const { out, io } = capture();
    await expect(main(['run', '--', '--help'], io)).resolves.toBe(1);
    expect(out.stdout).toBe('');
  });
});

/**
 * dtts bench [--quick] [--scale UNITSxDELEGATES[,…]] [--ops NAME[,…]] [--out FILE] [--json]
 * Service calls, time, memory and a Google-runtime estimate of each operation on synthetic
 * workbooks; each case runs in its own child process. The full run (default scales) writes
 * bench/results.md; a filtered run prints only, unless --out is given.
 *   --quick               only the smallest scale (11 sub-units × 1,000 delegates)
 *   --scale 150x10000     these scales instead of the default three
 *   --ops validateAll,generateNotice   these operations (a function name selects all its cases)
 *   --repeat 3            run each case 3 times (fresh workbook each) and keep the fastest times:
 *                         steadier numbers on a busy machine
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { type CaseResult, OPERATIONS, operationById, runCase } from '../bench/cases';
import { estimateGoogle } from '../bench/cost';
import { renderReport, TARGETS } from '../bench/report';
import { parseScale, type Scale, scaleLabel } from '../bench/synthetic';
import { requireBuiltCode } from '../vm';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './io';

export const BENCH_USAGE =
  'Usage: dtts bench [--quick] [--scale UNITSxDELEGATES[,…]] [--ops NAME[,…]] [--repeat N] [--out FILE] [--json] [--code Code.js]';

/** The scales of a full run: a province of 11 districts, a merged province, the country. */
export const DEFAULT_SCALES: readonly Scale[] = [
  { units: 11, delegates: 1000 },
  { units: 150, delegates: 10000 },
  { units: 3321, delegates: 50000 },
];

/** A case that did not run: its child failed. */
function failedCase(scale: Scale, op: string, message: string): CaseResult {
  return {
    scale,
    op,
    via: 'bundle',
    ok: false,
    message,
    calls: { total: 0 },
    wallMs: 0,
    serviceMs: 0,
    scriptMs: 0,
    domainMs: 0,
    sameCallsInNode: false,
    loadMs: 0,
    cellsRead: 0,
    cellsWritten: 0,
    serviceMsByKey: {},
    rssBeforeMb: null,
    rssPeakMb: null,
    estimate: { seconds: 0, pessimisticSeconds: 0, parts: { calls: 0, cells: 0, cpu: 0 }, byClass: {} },
    setupMs: 0,
    workbook: { scale, rows: {}, officialTotal: 0, problems: {} },
  };
}

/** Runs one case in a child process (`dtts bench --child`), so its peak memory is its own. */
/** Of repeated runs of a case (same calls and cells), the fastest times; memory and the rest from the first. */
export function fastest(runs: readonly CaseResult[]): CaseResult {
  const first = runs[0] as CaseResult;
  const min = (f: (r: CaseResult) => number) => Math.min(...runs.map(f));
  const best = runs.reduce((a, b) => (b.domainMs < a.domainMs ? b : a));
  const loadMs = min((r) => r.loadMs);
  return {
    ...first,
    wallMs: min((r) => r.wallMs),
    serviceMs: min((r) => r.serviceMs),
    scriptMs: min((r) => r.scriptMs),
    domainMs: best.domainMs,
    loadMs,
    estimate: estimateGoogle({
      calls: first.calls,
      cellsRead: first.cellsRead,
      cellsWritten: first.cellsWritten,
      scriptMs: best.domainMs,
      loadMs,
    }),
  };
}

function runChild(projectDir: string, codePath: string, scale: Scale, op: string, repeat: number): CaseResult {
  const bin = join(projectDir, 'local', 'bin', 'dtts.cjs');
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      bin,
      'bench',
      '--child',
      `${scaleLabel(scale)}:${op}`,
      '--code',
      codePath,
      '--repeat',
      String(repeat),
    ],
    { cwd: projectDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 },
  );
  const line = child.stdout
    ?.trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (child.status === 0 && line) return JSON.parse(line) as CaseResult;
  const why = child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`);
  const detail = (child.stderr ?? '').trim().split('\n').slice(-3).join(' ');
  return failedCase(scale, op, `${why}${detail ? `: ${detail}` : ''}`);
}

/** `--ops validateAll,generateNotice`: ids, or a function name for all its cases. */
export function selectOperations(text: string): string[] {
  const out: string[] = [];
  for (const item of text.split(',').map((s) => s.trim().replace(/:/g, ' '))) {
    const matched = OPERATIONS.filter((o) => o.id === item || o.fn === item).map((o) => o.id);
    if (matched.length === 0) operationById(item); // throws the list of known operations
    out.push(...matched.filter((id) => !out.includes(id)));
  }
  return out;
}

function gitCommit(projectDir: string): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectDir, encoding: 'utf8' });
  if (head.status !== 0) return 'commit unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: projectDir,
    encoding: 'utf8',
  });
  return `commit ${head.stdout.trim()}${dirty.stdout.trim() ? ' with uncommitted changes' : ''}`;
}

function sizeOf(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 1024 ** 3)} GiB, ${type()} ${release()}`;
}

export async function benchCommand(argv: readonly string[], io: CliIo, projectDir: string): Promise<number> {
  const args = parseArgs(argv, {
    valued: ['scale', 'ops', 'out', 'child', 'code', 'repeat'],
    flags: ['quick', 'json'],
  });
  if (args.positionals.length > 0) throw new UsageError(BENCH_USAGE);
  const repeat = args.options.repeat === undefined ? 1 : Number(args.options.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20)
    throw new UsageError('--repeat takes a count from 1 to 20');

  // Child mode: one case, one JSON line on stdout.
  if (args.options.child) {
    const spec = args.options.child;
    const colon = spec.indexOf(':');
    if (colon < 0) throw new UsageError('--child takes SCALE:OPERATION');
    const options = { projectDir, ...(args.options.code ? { codePath: args.options.code } : {}) };
    const runs = Array.from({ length: repeat }, () =>
      runCase(parseScale(spec.slice(0, colon)), spec.slice(colon + 1), options),
    );
    io.stdout(`${JSON.stringify(fastest(runs))}\n`);
    return 0;
  }

  const scales = args.options.scale
    ? args.options.scale.split(',').map(parseScale)
    : args.flags.has('quick')
      ? DEFAULT_SCALES.slice(0, 1)
      : DEFAULT_SCALES;
  const ops = args.options.ops ? selectOperations(args.options.ops) : OPERATIONS.map((o) => o.id);
  const full = !args.options.scale && !args.options.ops && !args.flags.has('quick');

  // Children use a snapshot of the bundle, so a rebuild during the run cannot change what is measured.
  const built = requireBuiltCode(projectDir, args.options.code);
  const snapshotDir = mkdtempSync(join(tmpdir(), 'dtts-bench-'));
  const codePath = join(snapshotDir, 'Code.js');
  copyFileSync(built, codePath);
  const files = [
    { path: 'build/Code.js', bytes: sizeOf(built), targetBytes: TARGETS.codeBytes },
    { path: 'build/Sidebar.html', bytes: sizeOf(join(projectDir, 'build', 'Sidebar.html')) },
  ];

  const load = `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the start`;
  const started = performance.now();
  const results: CaseResult[] = [];
  try {
    for (const scale of scales) {
      for (const op of ops) {
        const t = performance.now();
        const r = runChild(projectDir, codePath, scale, op, repeat);
        results.push(r);
        io.stderr(
          `${scaleLabel(scale).padEnd(12)} ${op.padEnd(36)} ${r.ok ? `${String(r.calls.total).padStart(5)} calls ${Math.round(r.wallMs).toString().padStart(7)} ms wall ${Math.round(r.domainMs).toString().padStart(7)} ms domain, Google ≈ ${r.estimate.seconds.toFixed(1)} s` : `FAILED: ${r.message}`} [case ${((performance.now() - t) / 1000).toFixed(1)} s]\n`,
        );
      }
    }
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
  const notes: string[] = [];
  if (!full) notes.push('Partial run (filters given): bench/results.md is written only by the full run.');
  notes.push(
    repeat > 1
      ? `Times are the fastest of ${repeat} runs of each case.`
      : 'Times are from one run of each case: on a busy machine they vary (see the load average); `--repeat 3` keeps the fastest of three. Calls and cells do not vary.',
  );
  const report = renderReport(results, scales, {
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(projectDir),
    machine: machine(),
    node: process.version,
    load,
    files,
    elapsedS: (performance.now() - started) / 1000,
    notes,
  });
  if (args.flags.has('json')) io.stdout(`${JSON.stringify({ results, files }, null, 2)}\n`);
  else io.stdout(report);
  const out = args.options.out ?? (full ? join(projectDir, 'bench', 'results.md') : undefined);
  if (out) {
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, report);
    io.stderr(`Wrote ${out}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

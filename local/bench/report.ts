/** The benchmark report: Markdown for stdout and bench/results.md. */
import type { CaseResult } from './cases';
import { COST_CLASSES, classOf, costAssumptionsMarkdown, EXECUTION_LIMIT_S } from './cost';
import { type Scale, scaleLabel } from './synthetic';

export interface ReportMeta {
  date: string;
  commit: string;
  machine: string;
  node: string;
  /** Machine load when the run started (timings are noisy on a shared machine). */
  load: string;
  files: { path: string; bytes: number | null; targetBytes?: number }[];
  /** Total time of the bench run, s. */
  elapsedS: number;
  notes: string[];
}

/** The targets of issue 8. */
export const TARGETS = {
  codeBytes: 100 * 1000,
  /** "Well under one minute": taken as half a minute. */
  validateAllNationalS: 30,
};

const nf = new Intl.NumberFormat('en-US');
const n0 = (v: number) => nf.format(Math.round(v));
const n1 = (v: number) => (v >= 100 ? n0(v) : v.toFixed(1));

export function scaleTitle(s: Scale): string {
  return `${nf.format(s.units)} sub-units × ${nf.format(s.delegates)} delegates`;
}

function topCalls(calls: CaseResult['calls'], n = 4): string {
  return Object.entries(calls)
    .filter(([k]) => k !== 'total')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function shorten(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function peak(r: CaseResult): string {
  if (r.rssPeakMb === null) return '—';
  const delta = r.rssBeforeMb === null ? null : Math.max(0, r.rssPeakMb - r.rssBeforeMb);
  return `${n0(r.rssPeakMb)} (+${delta === null ? '?' : n0(delta)})`;
}

function opLabel(r: CaseResult): string {
  if (r.via === 'missing') return `${r.op} ¹`;
  return r.ok && !r.sameCallsInNode ? `${r.op} ²` : r.op;
}

/**
 * Every call kind of validateAll's first run and re-run at the largest scale, with its cost class
 * and what it adds to the estimate (calls × ms of the class), largest first; then the estimate's
 * three parts, so where the seconds go can be read off.
 */
function validationBreakdown(results: readonly CaseResult[]): string | null {
  const largest = (op: string) =>
    results
      .filter((r) => r.op === op && r.ok)
      .sort((a, b) => b.scale.units * b.scale.delegates - a.scale.units * a.scale.delegates)[0];
  const first = largest('validateAll');
  const again = largest('validateAll re-run');
  if (!first) return null;
  const keys = [...new Set([...Object.keys(first.calls), ...Object.keys(again?.calls ?? {})])].filter(
    (k) => k !== 'total',
  );
  const ms = (k: string, n: number) => n * classOf(k).ms;
  keys.sort((a, b) => ms(b, first.calls[b] ?? 0) - ms(a, first.calls[a] ?? 0) || a.localeCompare(b));
  const rows = keys.map((k) => {
    const c = classOf(k);
    const n1 = first.calls[k] ?? 0;
    const n2 = again?.calls[k] ?? 0;
    return `| ${k} | ${n1} | ${again ? n2 : '—'} | ${c.id} (${c.ms} ms) | ${nf.format(ms(k, n1))} | ${again ? nf.format(ms(k, n2)) : '—'} |`;
  });
  const total = (r: CaseResult | undefined) =>
    r
      ? `${r.calls.total} calls; estimate ${r.estimate.seconds.toFixed(1)} s = calls ${(r.estimate.parts.calls / 1000).toFixed(1)} s + cells ${(r.estimate.parts.cells / 1000).toFixed(1)} s (${nf.format(r.cellsRead)} read, ${nf.format(r.cellsWritten)} written) + script CPU ${(r.estimate.parts.cpu / 1000).toFixed(1)} s (domain ${n0(r.domainMs)} ms + load ${n0(r.loadMs)} ms, × factor)`
      : '—';
  return [
    `At ${scaleLabel(first.scale)}. First run: ${total(first)}. Re-run: ${total(again)}.`,
    '',
    '| call | first run | re-run | class (ms each) | first run ms | re-run ms |',
    '|---|---:|---:|---|---:|---:|',
    ...rows,
  ].join('\n');
}

/** The table of one scale. */
export /**
 * validateAll's budget (MARKS): ≤ 60 calls, ≤ 100,000 cells written on a first run and next to none
 * on a re-run with unchanged data, ≤ 10 s estimated, at the largest scale measured.
 */
function validationBudget(results: readonly CaseResult[]): string[] {
  const largest = (op: string) =>
    results
      .filter((r) => r.op === op && r.ok)
      .sort((a, b) => b.scale.units * b.scale.delegates - a.scale.units * a.scale.delegates)[0];
  const first = largest('validateAll');
  const again = largest('validateAll re-run');
  if (!first) return [];
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const out = [
    `- validateAll budget at ${scaleLabel(first.scale)}, first run: ${first.calls.total} calls (≤ 60: ${verdict(first.calls.total <= 60)}), ${nf.format(first.cellsWritten)} cells written (≤ 100,000: ${verdict(first.cellsWritten <= 100_000)}), estimated ${first.estimate.seconds.toFixed(1)} s (≤ 10 s: ${verdict(first.estimate.seconds <= 10)}).`,
  ];
  if (again) {
    out.push(
      `- validateAll budget at ${scaleLabel(again.scale)}, re-run on unchanged data: ${again.calls.total} calls (≤ 60: ${verdict(again.calls.total <= 60)}), ${nf.format(again.cellsWritten)} cells written (near zero: ${verdict(again.cellsWritten <= 100)}), estimated ${again.estimate.seconds.toFixed(1)} s.`,
    );
  }
  return out;
}

function scaleTable(results: readonly CaseResult[]): string {
  const head =
    '| operation | calls | largest call kinds | wall ms | in vm: script ms | domain ms | load ms | peak RSS MB (Δ) | cells read / written | Google s (pessimistic) | result |\n' +
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|';
  const rows = results.map((r) =>
    [
      opLabel(r),
      n0(r.calls.total),
      topCalls(r.calls),
      n0(r.wallMs),
      n0(r.scriptMs),
      n0(r.domainMs),
      n0(r.loadMs),
      peak(r),
      `${n0(r.cellsRead)} / ${n0(r.cellsWritten)}`,
      `${n1(r.estimate.seconds)} (${n1(r.estimate.pessimisticSeconds)})`,
      `${r.ok ? '' : '**failed**: '}${escapeCell(shorten(r.message))}`,
    ].join(' | '),
  );
  return [head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

function sameByKey(a: CaseResult['calls'], b: CaseResult['calls']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

function maxDiff(a: CaseResult['calls'], b: CaseResult['calls']): number {
  let max = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k !== 'total') max = Math.max(max, Math.abs((a[k] ?? 0) - (b[k] ?? 0)));
  }
  return max;
}

function diffKeys(a: CaseResult['calls'], b: CaseResult['calls']): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'total').sort();
  return keys
    .filter((k) => (a[k] ?? 0) !== (b[k] ?? 0))
    .map((k) => `${k} ${a[k] ?? 0}→${b[k] ?? 0}`)
    .join(', ');
}

/** Calls per operation across the scales, and whether they stay the same. */
export function flatnessTable(results: readonly CaseResult[], scales: readonly Scale[]): string {
  const ops = [...new Set(results.map((r) => r.op))];
  const head = `| operation | ${scales.map(scaleLabel).join(' | ')} | same calls by kind at every scale |\n|---|${scales.map(() => '---:').join('|')}|---|`;
  const rows = ops.map((op) => {
    const byScale = scales.map((s) => results.find((r) => r.op === op && scaleLabel(r.scale) === scaleLabel(s)));
    const present = byScale.filter((r): r is CaseResult => r?.ok === true);
    const first = present[0];
    let verdict = '—';
    if (first && present.length > 1) {
      const differing = present.filter((r) => !sameByKey(first.calls, r.calls));
      const spread = Math.max(...present.map((r) => maxDiff(first.calls, r.calls)));
      const diffs = differing.map((r) => `${scaleLabel(r.scale)}: ${diffKeys(first.calls, r.calls)}`).join('; ');
      if (differing.length === 0) verdict = 'yes';
      else if (spread <= 2) verdict = `bounded (a step of ≤ 2 calls a kind, not per row): ${diffs}`;
      else verdict = `**no, grows**: ${diffs}`;
    }
    return `| ${op} | ${byScale.map((r) => (r ? n0(r.calls.total) : '—')).join(' | ')} | ${verdict} |`;
  });
  return [head, ...rows].join('\n');
}

/** Operations whose calls grow with the data (more than a step of 2 calls of a kind between scales). */
export function growingCalls(results: readonly CaseResult[], scales: readonly Scale[]): string[] {
  const out: string[] = [];
  for (const op of [...new Set(results.map((r) => r.op))]) {
    const rs = scales
      .map((s) => results.find((r) => r.op === op && r.ok && scaleLabel(r.scale) === scaleLabel(s)))
      .filter((r): r is CaseResult => r !== undefined);
    const first = rs[0];
    if (!first || !rs.some((r) => maxDiff(first.calls, r.calls) > 2)) continue;
    const worst = rs.reduce((a, b) => (b.estimate.seconds > a.estimate.seconds ? b : a));
    out.push(
      `- ${op}: calls are **not flat**: ${rs.map((r) => `${n0(r.calls.total)} at ${scaleLabel(r.scale)}`).join(', ')}; ` +
        `worst estimate ${n1(worst.estimate.seconds)} s (pessimistic ${n1(worst.estimate.pessimisticSeconds)} s) at ${scaleLabel(worst.scale)}.`,
    );
  }
  return out;
}

/** The operations that could pass the 6-minute limit, or the targets. */
export function limitFindings(results: readonly CaseResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const share = r.estimate.pessimisticSeconds / EXECUTION_LIMIT_S;
    if (!r.ok) out.push(`- ${scaleLabel(r.scale)} ${r.op}: **failed**: ${r.message}`);
    else if (share >= 0.5) {
      out.push(
        `- ${scaleLabel(r.scale)} ${r.op}: estimated ${n1(r.estimate.seconds)} s, pessimistic ${n1(r.estimate.pessimisticSeconds)} s ` +
          `(${Math.round(share * 100)} % of the 6-minute limit): needs chunking or a faster path.`,
      );
    }
  }
  const measured = results.filter((r) => r.ok);
  if (measured.length > 0) {
    const longest = measured.reduce((a, b) => (b.estimate.pessimisticSeconds > a.estimate.pessimisticSeconds ? b : a));
    const share = Math.round((longest.estimate.pessimisticSeconds / EXECUTION_LIMIT_S) * 100);
    out.push(
      `- Longest: ${longest.op} at ${scaleLabel(longest.scale)}, estimated ${n1(longest.estimate.seconds)} s, ` +
        `pessimistic ${n1(longest.estimate.pessimisticSeconds)} s = ${share} % of the 6-minute limit` +
        `${share < 50 ? ': every operation fits in one execution with room to spare, no chunking needed' : ''}.`,
    );
  }
  const national = results.find((r) => r.op === 'validateAll' && r.scale.units >= 3321 && r.scale.delegates >= 50000);
  if (national) {
    const met = national.estimate.seconds <= TARGETS.validateAllNationalS;
    out.push(
      `- Target "validateAll at 50,000 delegates and 3,321 sub-units well under one minute" (taken as ≤ ${TARGETS.validateAllNationalS} s): ` +
        `estimated ${n1(national.estimate.seconds)} s (pessimistic ${n1(national.estimate.pessimisticSeconds)} s), ` +
        `of which script CPU ${n1(national.estimate.parts.cpu / 1000)} s (domain ${n0(national.domainMs)} ms + load ${n0(national.loadMs)} ms, × factor) — ` +
        `${met ? 'met' : '**not met**'}.`,
    );
  }
  return out;
}

export function renderReport(results: readonly CaseResult[], scales: readonly Scale[], meta: ReportMeta): string {
  const parts: string[] = [];
  parts.push('# Benchmarks');
  parts.push(
    `Generated by \`npm run bench\` (\`dtts bench\`) on ${meta.date}, ${meta.commit}; ${meta.machine}; Node ${meta.node}; ${meta.load}; ` +
      `the whole run took ${n0(meta.elapsedS)} s. Workbooks are synthetic (local/bench/synthetic.ts, seeded), never committed.`,
  );
  parts.push('## Bundle');
  parts.push(
    [
      '| file | size | target |',
      '|---|---:|---|',
      ...meta.files.map((f) => {
        const size = f.bytes === null ? 'missing' : `${(f.bytes / 1024).toFixed(1)} KiB (${nf.format(f.bytes)} bytes)`;
        const target =
          f.targetBytes === undefined || f.bytes === null
            ? '—'
            : `< ${nf.format(f.targetBytes)} bytes: ${f.bytes < f.targetBytes ? 'met' : '**over**'}`;
        return `| ${f.path} | ${size} | ${target} |`;
      }),
    ].join('\n'),
  );
  parts.push('## Results');
  parts.push(
    [
      '- **calls**: service calls of the operation, counted at the boundary (Service.method), total and the largest kinds.',
      '- **wall ms**: the call of build/Code.js on the local runtime (fresh runtime, fresh bundle load; prerequisites such as allocateDelegates before validateAll ran unmeasured).',
      '- **in vm: script ms**: that wall time minus the time inside service calls. Inflated: in the local runtime’s node:vm context every global built-in (Map, Math, String …) is looked up through the context’s interceptors (a loop using Map and Math runs ≈ 8× slower there than in Node).',
      '- **domain ms**: the same top-level function from src/main.ts run in Node’s own realm on a fresh copy of the workbook, minus the time inside services — the domain code and its orchestration alone. The estimate uses this.',
      '- **load ms**: loading build/Code.js, which Apps Script does on every execution.',
      '- **peak RSS MB (Δ)**: peak resident memory of the case’s own process during the call (Δ over before it; the baseline holds the in-memory workbook).',
      '- **cells read / written**: cells moved in 2-D arrays (values, backgrounds, notes, document tables).',
      '- **Google s**: estimated seconds in Google’s runtime (pessimistic in brackets), from the model at the end; limit 360 s.',
    ].join('\n'),
  );
  for (const s of scales) {
    const rs = results.filter((r) => scaleLabel(r.scale) === scaleLabel(s));
    if (rs.length === 0) continue;
    const wb = rs[0]?.workbook;
    const rows = wb
      ? Object.entries(wb.rows)
          .map(([k, v]) => `${k} ${nf.format(v)}`)
          .join(', ')
      : '';
    parts.push(`### ${scaleTitle(s)}`);
    parts.push(`Rows: ${rows}; official total ${wb ? nf.format(wb.officialTotal) : '?'}.`);
    parts.push(scaleTable(rs));
  }
  const footnotes: string[] = [];
  if (results.some((r) => r.via === 'missing')) footnotes.push('¹ not in the bundle: not measured.');
  if (results.some((r) => r.ok && !r.sameCallsInNode))
    footnotes.push(
      `² the src/main.ts run in Node made other calls than the bundle${results
        .filter((r) => r.nodeError)
        .map((r) => ` (${scaleLabel(r.scale)} ${r.op}: ${r.nodeError})`)
        .join('')}: its domain ms is not comparable.`,
    );
  if (footnotes.length) parts.push(footnotes.join('\n\n'));
  if (scales.length > 1) {
    parts.push('## Calls flat in the row count?');
    parts.push(flatnessTable(results, scales));
  }
  const breakdown = validationBreakdown(results);
  if (breakdown) {
    parts.push('## validateAll call by call');
    parts.push(breakdown);
  }
  parts.push('## Against the 6-minute limit and the targets');
  const findings = [...growingCalls(results, scales), ...limitFindings(results), ...validationBudget(results)];
  parts.push([...findings, ...meta.notes.map((n) => `- ${n}`)].join('\n'));
  parts.push('## Google-runtime model');
  parts.push(
    'Google publishes no per-call latency for Apps Script services. The estimate is Σ calls × cost of their class + cells moved × ' +
      'per-cell cost + (domain ms + load ms) × CPU factor. Every cost below is an **assumption** unless a measurement is named; ' +
      'the pessimistic column is the upper end of what public measurements show.',
  );
  parts.push(costAssumptionsMarkdown());
  parts.push(`Classes in order of matching: ${COST_CLASSES.map((c) => c.id).join(', ')}.`);
  return `${parts.join('\n\n')}\n`;
}

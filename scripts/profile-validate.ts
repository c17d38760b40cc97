/**
 * Domain time of validateAll in Node's realm, as local/bench/cases.ts measures it (wall − service
 * time of src/main.ts's validateAll on the timed runtime), for profiling and A/B comparisons:
 *
 *   npx esbuild scripts/profile-validate.ts --bundle --platform=node --outfile=/tmp/profile.cjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/profile.cjs 3321x50000 3
 *
 * Each run prepares a fresh workbook (unmeasured: setup, allocation) and prints the domain ms.
 */

import { withGlobals } from '../local/bench/cases';
import { buildSynthetic, parseScale, SYNTHETIC_NOW } from '../local/bench/synthetic';
import { TimedRuntime } from '../local/bench/timing';
import { loadBundle, Runtime } from '../local/runtime';
import * as server from '../src/main';
import { collectProblems } from '../src/sheets/validate';
import { activeSpreadsheet } from '../src/sheets/workbook';

const scale = parseScale(process.argv[2] ?? '3321x50000');
const repeat = Number(process.argv[3] ?? 3);
const codePath = process.env.PROFILE_CODE ?? undefined;
for (let i = 0; i < repeat; i++) {
  const wb = buildSynthetic(scale, codePath ? { codePath } : {});
  const prep = new Runtime({ spreadsheet: wb.spreadsheet, now: SYNTHETIC_NOW });
  loadBundle({ runtime: prep, ...(codePath ? { codePath } : {}) }).call('allocateDelegates');
  (globalThis as { gc?: () => void }).gc?.();
  const node = new TimedRuntime({ spreadsheet: wb.spreadsheet, now: SYNTHETIC_NOW });
  if (process.env.PROFILE_COLLECT) {
    // collectProblems alone (it writes nothing), again and again on the same workbook: the fastest run.
    const times: number[] = [];
    const cpus: number[] = [];
    for (let k = 0; k < Number(process.env.PROFILE_COLLECT); k++) {
      const timed = new TimedRuntime({ spreadsheet: wb.spreadsheet, now: SYNTHETIC_NOW });
      const cpu = process.cpuUsage();
      const start = performance.now();
      withGlobals(timed, () => collectProblems(activeSpreadsheet(), new Date()));
      times.push(performance.now() - start - timed.timing.serviceMs);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    console.log(
      `collectProblems domain ms: ${times.map((t) => t.toFixed(0)).join(' ')}; fastest ${Math.min(...times).toFixed(0)}; cpu ms (with services) fastest ${Math.min(...cpus).toFixed(0)}`,
    );
  }
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = withGlobals(node, () => server.validateAll()) as { message?: string };
  const domainMs = performance.now() - t - node.timing.serviceMs;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  // On a busy machine the CPU time of the whole call (domain and services) compares better than wall time.
  console.log(
    `domain ${domainMs.toFixed(0)} ms, service ${node.timing.serviceMs.toFixed(0)} ms, cpu of the call ${cpuMs.toFixed(0)} ms: ${result?.message ?? ''}`,
  );
}

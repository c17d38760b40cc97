/**
 * Attack on Báo cáo cơ cấu: a Google outage at the middle or the last call of every kind the report
 * makes (not only the first), then the officer presses again: the Doc the link opens holds exactly
 * the text of a clean run (no table twice, none missing), under one number and one log row.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { DocSnapshot } from '../../local/runtime/document';
import { buildSample, SAMPLES } from '../../local/samples';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { expectFigures, grid, independentCount, resolvedDuplicate } from './attack4-report-helpers';

const NOW = '2024-01-05T09:00:00+07:00';
const ENGLISH = /\b(the|is|was|error|failed|service|exception|please|sorry|invalid|argument|null|undefined)\b/i;

function fresh() {
  const ss = resolvedDuplicate(buildSample(SAMPLES['lang-son']!));
  const runtime = new Runtime({ spreadsheet: ss, now: NOW });
  const generate = () => runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', {}]).result as NoticeResultDto;
  return { ss, runtime, generate };
}

const textOf = (doc: DocSnapshot | undefined) => JSON.stringify(doc?.blocks ?? []);

const clean = fresh();
clean.runtime.resetCalls();
const cleanResult = clean.generate();
const cleanText = textOf(clean.runtime.services.DocumentApp.created[0]?.snapshot());
const cases = Object.entries(clean.runtime.calls)
  .filter(([k, n]) => k !== 'total' && n > 1 && !/^(Lock|Utilities|Session|PropertiesService|Properties)\./.test(k))
  .flatMap(([key, n]) => [...new Set([Math.floor(n / 2), n - 1])].map((after) => ({ key, after, n })));

it('the clean run makes the report', () => {
  expect(cleanResult.number).toBe('01/BC-BCĐ');
  expect(cases.length).toBeGreaterThan(5);
});

it.each(cases)('$key fails at call $after of $n: the retry leaves the clean text, one number', ({ key, after }) => {
  const t = fresh();
  t.runtime.failOn(key, { after });
  let message = '';
  let first: NoticeResultDto | null = null;
  try {
    first = t.generate();
  } catch (e) {
    message = (e as Error).message;
  }
  t.runtime.clearFaults();
  if (message) expect(ENGLISH.test(message)).toBe(false);
  const retry = first && !message ? first : t.generate();
  expect(retry.number).toBe('01/BC-BCĐ');
  const docs = t.runtime.services.DocumentApp.created;
  const opened = docs.find((d) => d.url === retry.url);
  expect(textOf(opened?.snapshot())).toBe(cleanText);
  expectFigures(opened?.snapshot() as DocSnapshot, independentCount(t.ss));
  expect(grid(t.ss, 'Văn bản').slice(1)).toHaveLength(1);
  expect(docs.filter((d) => d.name.startsWith('[CHƯA HOÀN THÀNH]')).length).toBeLessThanOrEqual(1);
});

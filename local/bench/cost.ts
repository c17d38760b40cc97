/**
 * The estimate of an operation's time in Google's Apps Script runtime, from the counted service
 * calls, the cells they moved and the script's own time on the local runtime. Google publishes no
 * per-call latency: every figure below is an assumption, stated with the public material it leans on,
 * and printed in the report with the numbers it produced.
 */
import type { CallCounts } from '../runtime';

/** A cost class: which calls it covers and what each costs (typical, pessimistic), in ms. */
export interface CostClass {
  id: string;
  label: string;
  ms: number;
  pessimisticMs: number;
  source: string;
  matches: (service: string, method: string) => boolean;
}

const SPREADSHEET = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'NamedRange',
]);
/** Spreadsheet calls that only hand out an object or a name already known (no sheet data). */
const LOOKUPS = new Set([
  'getActiveSpreadsheet',
  'getActive',
  'getSheetByName',
  'getSheets',
  'getSheetId',
  'getRange',
  'getName',
  'getSheetName',
  'getId',
  'getUrl',
  'getParent',
  'getSheet',
  'getSpreadsheetTimeZone',
  'getSpreadsheetLocale',
  'getRow',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getUi',
]);

const SOURCES = {
  google:
    'Google, Apps Script "Best practices" (developers.google.com/apps-script/guides/support/best-practices): ' +
    'service calls are far slower than JavaScript; batch reads and writes',
  issue: 'issue 8: "each service call costs tens of milliseconds in Google\'s data centres"',
  bugbug:
    'bugbugnow.net 2019 "GoogleAppsScriptのスプレッドシート処理を高速化する": 1,000 Sheet.getLastRow calls in a loop ≈ 160 s (≈ 160 ms each)',
  so:
    'Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?" (mirrored at ruby-bash.developreference.com/article/29263774): ' +
    'one 4,000-cell setValues < 50 ms, SpreadsheetApp.flush ≈ 600 ms',
  ziritione: 'ziritione.org/post/apps_script_performance "Google Apps Script APIs performance" (100 runs each)',
};

/** The cost classes, first match wins. */
export const COST_CLASSES: readonly CostClass[] = [
  {
    id: 'sheets-lookup',
    label: 'Spreadsheet object lookups (getActiveSpreadsheet, getSheetByName, getRange …)',
    ms: 5,
    pessimisticMs: 20,
    source: `assumption: no sheet data moves; ${SOURCES.google}`,
    matches: (s, m) => SPREADSHEET.has(s) && LOOKUPS.has(m),
  },
  {
    id: 'sheets-data',
    label: 'Spreadsheet data and format calls (get/setValues, get/setBackgrounds, getDataRange, insertRows …)',
    ms: 50,
    pessimisticMs: 160,
    source: `assumption: ${SOURCES.issue}; range seen in public measurements: < 50 ms (${SOURCES.so}) to ≈ 160 ms (${SOURCES.bugbug})`,
    matches: (s) => SPREADSHEET.has(s),
  },
  {
    id: 'properties-read',
    label: 'PropertiesService reads',
    ms: 30,
    pessimisticMs: 84,
    source: `measured: getProperty min 20, avg 30, max 84 ms (${SOURCES.ziritione})`,
    matches: (s, m) => s === 'Properties' && m.startsWith('get'),
  },
  {
    id: 'properties-write',
    label: 'PropertiesService writes',
    ms: 62,
    pessimisticMs: 231,
    source: `measured: setProperty min 43, avg 62, max 231 ms (${SOURCES.ziritione})`,
    matches: (s) => s === 'Properties',
  },
  {
    id: 'cache',
    label: 'CacheService put / get',
    ms: 93,
    pessimisticMs: 281,
    source: `measured: put avg 93, max 281 ms; get avg 3 ms, counted here at the put cost (${SOURCES.ziritione})`,
    matches: (s) => s === 'Cache',
  },
  {
    id: 'lock',
    label: 'LockService tryLock / waitLock / releaseLock (uncontended)',
    ms: 50,
    pessimisticMs: 150,
    source: 'assumption (no public figure found): one backend round trip, like a data call',
    matches: (s, m) => s === 'Lock' && m !== 'hasLock',
  },
  {
    id: 'docs-create',
    label: 'DocumentApp.create / openById, Document.saveAndClose (Drive file operations)',
    ms: 1000,
    pessimisticMs: 3000,
    source: 'assumption (no public figure found): creating or saving a Drive file takes about a second',
    matches: (s, m) =>
      (s === 'DocumentApp' && (m === 'create' || m === 'openById' || m === 'openByUrl')) ||
      (s === 'Document' && m === 'saveAndClose'),
  },
  {
    id: 'docs-element',
    label: 'DocumentApp element calls (appendParagraph, appendTable, setAttributes …)',
    ms: 20,
    pessimisticMs: 60,
    source: 'assumption (no public figure found): a document model edit batched until saveAndClose',
    matches: (s) =>
      s.startsWith('Document') ||
      [
        'Body',
        'Paragraph',
        'Table',
        'TableRow',
        'TableCell',
        'Text',
        'ListItem',
        'RangeElement',
        'HeaderSection',
        'FooterSection',
      ].includes(s),
  },
  {
    id: 'ui',
    label: 'Ui, HtmlService, toast',
    ms: 50,
    pessimisticMs: 150,
    source: 'assumption: one round trip to the editor',
    matches: (s) => s === 'Ui' || s === 'Menu' || s.startsWith('Html'),
  },
  {
    id: 'local',
    label: 'Computed in the script runtime (Utilities, Session, Logger, builders, getters such as getDocumentLock)',
    ms: 1,
    pessimisticMs: 5,
    source: 'assumption: no backend round trip',
    matches: () => true,
  },
];

/** Moving cells costs on top of the call itself (2-D arrays returned or passed). */
export const CELL_COST = {
  readUs: 2,
  writeUs: 5,
  pessimisticReadUs: 5,
  pessimisticWriteUs: 15,
  source:
    'assumption (no public per-cell figure found); consistent with a 4,000-cell setValues under 50 ms in the Stack Overflow measurement',
};

/** The script's own CPU time in Google vs on this machine (V8 in both). */
export const CPU_FACTOR = {
  typical: 3,
  pessimistic: 5,
  source:
    'assumption: Apps Script runs V8 on shared servers; taken as 3× (pessimistic 5×) slower than Node on this machine. ' +
    'It also applies to loading build/Code.js, which Apps Script does on every execution',
};

export const EXECUTION_LIMIT_S = 360;

/** The cost class of a call key ("Range.getValues"). */
export function classOf(key: string): CostClass {
  const dot = key.indexOf('.');
  const service = key.slice(0, dot);
  const method = key.slice(dot + 1);
  return COST_CLASSES.find((c) => c.matches(service, method)) as CostClass;
}

/** What an estimate is made from. */
export interface EstimateInput {
  calls: CallCounts;
  cellsRead: number;
  cellsWritten: number;
  /** Local domain time (wall − time inside services, in Node's realm), ms. */
  scriptMs: number;
  /** Local time to load build/Code.js, ms. */
  loadMs: number;
}

export interface Estimate {
  /** Typical and pessimistic seconds. */
  seconds: number;
  pessimisticSeconds: number;
  /** Typical milliseconds by part. */
  parts: { calls: number; cells: number; cpu: number };
  /** Typical milliseconds by cost class id. */
  byClass: Record<string, number>;
}

export function estimateGoogle(input: EstimateInput): Estimate {
  let calls = 0;
  let callsHigh = 0;
  const byClass: Record<string, number> = {};
  for (const [key, n] of Object.entries(input.calls)) {
    if (key === 'total') continue;
    const c = classOf(key);
    calls += n * c.ms;
    callsHigh += n * c.pessimisticMs;
    byClass[c.id] = (byClass[c.id] ?? 0) + n * c.ms;
  }
  const cells = (input.cellsRead * CELL_COST.readUs + input.cellsWritten * CELL_COST.writeUs) / 1000;
  const cellsHigh =
    (input.cellsRead * CELL_COST.pessimisticReadUs + input.cellsWritten * CELL_COST.pessimisticWriteUs) / 1000;
  const local = input.scriptMs + input.loadMs;
  const cpu = local * CPU_FACTOR.typical;
  const cpuHigh = local * CPU_FACTOR.pessimistic;
  return {
    seconds: (calls + cells + cpu) / 1000,
    pessimisticSeconds: (callsHigh + cellsHigh + cpuHigh) / 1000,
    parts: { calls, cells, cpu },
    byClass,
  };
}

/** The assumptions as Markdown, for the report. */
export function costAssumptionsMarkdown(): string {
  const rows = COST_CLASSES.map((c) => `| ${c.label} | ${c.ms} | ${c.pessimisticMs} | ${c.source} |`);
  return [
    '| calls | ms per call | pessimistic | source |',
    '|---|---:|---:|---|',
    ...rows,
    `| cells moved in 2-D arrays | ${CELL_COST.readUs} µs read, ${CELL_COST.writeUs} µs written | ${CELL_COST.pessimisticReadUs} / ${CELL_COST.pessimisticWriteUs} µs | ${CELL_COST.source} |`,
    `| script CPU (domain ms + load ms) | × ${CPU_FACTOR.typical} | × ${CPU_FACTOR.pessimistic} | ${CPU_FACTOR.source} |`,
  ].join('\n');
}

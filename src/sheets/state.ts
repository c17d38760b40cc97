/**
 * Small summaries of the last runs (allocation, validation) kept in the document properties, so
 * the sidebar's overview needs no sheet read. Each value stays far below the 9 KB limit.
 */
export interface StateValues {
  allocation: { at: string; officialTotal: number; method: string };
  /** `digest`: dataDigest of the sheets read, to tell later whether the data changed since. */
  validation: { at: string; errors: number; warnings: number; digest?: string };
}

const PREFIX = 'dtts.';

/** Saves a summary; a failure here is logged, never fatal (the sheets are already written). */
export function saveState<K extends keyof StateValues>(key: K, value: StateValues[K]): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(PREFIX + key, JSON.stringify(value));
  } catch (e) {
    console.error(`saveState ${key} failed`, e);
  }
}

export function loadStates(): Partial<StateValues> {
  let all: Record<string, string>;
  try {
    all = PropertiesService.getDocumentProperties().getProperties();
  } catch (e) {
    console.error('loadStates failed', e);
    return {};
  }
  const out: Partial<StateValues> = {};
  for (const key of ['allocation', 'validation'] as const) {
    const raw = all[PREFIX + key];
    if (!raw) continue;
    try {
      (out as Record<string, unknown>)[key] = JSON.parse(raw);
    } catch {
      // A damaged value is ignored: the next run rewrites it.
    }
  }
  return out;
}

/** Key of the flag saying the add-in has once created its `Tiếp nhận danh sách` sheet in this spreadsheet. */
const SUBMISSIONS_FLAG = `${PREFIX}submissions`;

/**
 * Whether a list was ever recorded here. Until then a missing `Tiếp nhận danh sách` needs no search for a
 * look-alike (no sheet list read by progress and the overview); after it, a renamed record sheet is found.
 * A failed read answers true: a search costs calls, a wrong "none sent" would mislead.
 */
export function submissionsEverRecorded(): boolean {
  try {
    return PropertiesService.getDocumentProperties().getProperty(SUBMISSIONS_FLAG) !== null;
  } catch (e) {
    console.error('submissionsEverRecorded failed', e);
    return true;
  }
}

/** Notes that the record sheet exists (set when the add-in creates it; never fatal). */
export function markSubmissionsRecorded(): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(SUBMISSIONS_FLAG, '1');
  } catch (e) {
    console.error('markSubmissionsRecorded failed', e);
  }
}

/**
 * Small summaries of the last runs (allocation, validation) kept in the document properties, so
 * the sidebar's overview needs no sheet read. Each value stays far below the 9 KB limit.
 */
export interface StateValues {
  allocation: { at: string; officialTotal: number; method: string };
  validation: { at: string; errors: number; warnings: number };
}

const PREFIX = 'dtts.';

export function saveState<K extends keyof StateValues>(key: K, value: StateValues[K]): void {
  PropertiesService.getDocumentProperties().setProperty(PREFIX + key, JSON.stringify(value));
}

export function loadStates(): Partial<StateValues> {
  const all = PropertiesService.getDocumentProperties().getProperties();
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

/**
 * Hook for `dtts run --docs DIR`: writes the documents the add-in produced during the run (as .docx)
 * into DIR. DocumentApp is not simulated yet, so this writes nothing; the engineer adding
 * local/runtime/document.ts fills it in. Returns the paths written.
 */
import type { Runtime } from './runtime';

export async function exportDocuments(_runtime: Runtime, _dir: string): Promise<string[]> {
  return [];
}

/**
 * Hook for `dtts run --docs DIR`: writes each Google Doc the add-in created during the run as a
 * Word file (.docx) and an HTML preview (.html) into DIR. Returns the paths written.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { docxBuffer } from './docx';
import { docHtml } from './html-export';
import type { Runtime } from './runtime';

/** A file name from a Doc title: "01/TB-UBND - Thông báo …" → "01-TB-UBND - Thông báo …". */
export function documentFileName(title: string, id: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return base || id;
}

export async function exportDocuments(runtime: Runtime, dir: string): Promise<string[]> {
  const written: string[] = [];
  const used = new Set<string>();
  for (const doc of runtime.services.DocumentApp.created) {
    let name = documentFileName(doc.name, doc.id);
    if (used.has(name)) name = `${name} (${doc.id.slice(0, 8)})`;
    used.add(name);
    const snapshot = doc.snapshot();
    const docx = join(dir, `${name}.docx`);
    const html = join(dir, `${name}.html`);
    await writeFile(docx, await docxBuffer(snapshot));
    await writeFile(html, docHtml(snapshot), 'utf8');
    written.push(docx, html);
  }
  return written;
}

/** Helpers for tests that run the local runtime (fixtures, temporary files, the built bundle). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectDir } from './runtime';
import { requireBuiltCode } from './vm';

/** The repository root. */
export const PROJECT_DIR = findProjectDir(__dirname);

/** Path of build/Code.js; throws "… not found: run `npm run build` first" when it is missing. */
export function builtCodePath(): string {
  return requireBuiltCode(PROJECT_DIR);
}

/** A new empty temporary directory. */
export function tempDir(prefix = 'dtts-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a small Apps Script file (top-level functions) to a temporary Code.js and returns its path. */
export function writeFixtureBundle(source: string): string {
  const path = join(tempDir('dtts-code-'), 'Code.js');
  writeFileSync(path, source);
  return path;
}

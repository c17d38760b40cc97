/**
 * dtts samples [NAME…] [--out DIR] [--force]
 * Builds the sample workbooks from their checked-in source into DIR (default samples/). An existing
 * file is kept unless --force, so the playground's "Lưu" never loses what someone typed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES, writeSamples } from '../samples';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './io';

export const SAMPLES_USAGE = `Usage: dtts samples [${Object.keys(SAMPLES).join('|')}…] [--out DIR] [--force]`;

export async function samplesCommand(argv: readonly string[], io: CliIo, projectDir: string): Promise<number> {
  const args = parseArgs(argv, { valued: ['out'], flags: ['force'] });
  const names = args.positionals.length > 0 ? args.positionals : Object.keys(SAMPLES);
  for (const n of names) if (!SAMPLES[n]) throw new UsageError(`Unknown sample "${n}"`);
  const dir = args.options.out ?? join(projectDir, 'samples');
  mkdirSync(dir, { recursive: true });
  const todo = names.filter(
    (n) => args.flags.has('force') || !existsSync(join(dir, (SAMPLES[n] as { file: string }).file)),
  );
  for (const path of await writeSamples(dir, todo)) io.stdout(`${path}\n`);
  if (todo.length < names.length) io.stdout(`Kept existing: ${names.filter((n) => !todo.includes(n)).join(', ')}\n`);
  return 0;
}

/**
 * Attack on `npm run deploy` run from a path with spaces, Vietnamese letters and a symlink (a project
 * kept under a linked folder): it must still run, and refuse a typo with exit 2, never exit 0 having
 * done nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, tempDir } from '../../local/testing';

describe('deploy.mjs reached through a symlinked folder whose path has spaces and diacritics', () => {
  let base: string;
  let linked: string;
  beforeAll(() => {
    base = tempDir('dtts-attack-deploy-');
    mkdirSync(join(base, 'Dự án Đại hội'), { recursive: true });
    linked = join(base, 'Dự án Đại hội', 'trợ lý');
    symlinkSync(PROJECT_DIR, linked, 'dir');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const deploy = (...args: string[]) =>
    spawnSync(process.execPath, [join(linked, 'scripts/deploy.mjs'), '--no-build', '--dry-run', ...args], {
      cwd: base,
      encoding: 'utf8',
    });

  test.each([
    [['--target', 'adon'], '--target must be addon or template, not "adon"'],
    [['--target', 'Template'], '--target must be addon or template'],
    [['--target'], '--target needs a value'],
  ])('%j is refused with exit 2', (args, message) => {
    const r = deploy(...args);
    expect(r.stderr).toContain(message);
    expect(r.status).toBe(2);
  });

  test('--help prints the usage (main ran)', () => {
    const r = deploy('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run deploy');
  });
});

// Completes package-lock.json with the platform-specific optional packages (esbuild, swc, biome …
// binaries for other systems) that npm leaves out when the registry it uses does not serve them.
// `npm ci` checks the lock against every optionalDependency, so without these entries it refuses a
// lock written on such a machine. Each entry gets the version and os/cpu/libc (read from the package
// name), so npm skips it everywhere it does not apply. Run after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony', 'linux'];
const CPU = ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.split('-').includes(o) || base.startsWith(`${o}-`));
  const cpu = CPU.find((c) => base.split('-').includes(c)) ?? (base.includes('gnueabihf') ? 'arm' : undefined);
  if (!os && !cpu) return null;
  const entry = {};
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (base.includes('musl')) entry.libc = ['musl'];
  else if (os === 'linux' && base.includes('gnu')) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const meta of Object.values({ ...packages })) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const platform = platformOf(name);
    const version = String(spec).replace(/^[\^~=v]+/, '');
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[key] = { version, ...(meta.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform-specific optional entries added`);

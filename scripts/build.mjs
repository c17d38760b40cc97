// Builds the Apps Script project in build/ (what clasp pushes) and the local runtime in dist/.
//   build/Code.js        es2020 IIFE in one global + one top-level delegating function per entry export
//   build/Sidebar.html   sidebar markup with its script and styles inlined
//   build/appsscript.json
//   dist/local/cli.cjs   the local runtime and CLI (never pushed)
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL = 'DTTS';
/** Size budget for build/Code.js in bytes: the build fails above it. Lower it as the bundle shrinks. */
export const CODE_BUDGET = 144 * 1024;

async function buildCode() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const iife = result.outputFiles[0].text;
  // Discover the entry's exports by evaluating the IIFE (it has no side effects at load time).
  const sandbox = {};
  vm.runInNewContext(`${iife}\nthis.__exports = Object.keys(${GLOBAL});`, sandbox);
  const names = sandbox.__exports.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).sort();
  const stubs = names.map((n) => `function ${n}(...a){return ${GLOBAL}.${n}(...a)}`).join('\n');
  const code = `${iife}\n${stubs}\n`;
  if (/\b(import|export)\s*[{*]|\bexport\s+(default|function|const|class)\b/.test(code)) {
    throw new Error('build/Code.js still contains import/export syntax');
  }
  const size = Buffer.byteLength(code);
  if (size > CODE_BUDGET) {
    throw new Error(`build/Code.js is ${size} bytes, above the budget of ${CODE_BUDGET} bytes`);
  }
  writeAtomically(join(root, 'build/Code.js'), code);
  return { size, names };
}

async function buildSidebar() {
  const js = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const css = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/styles.css')],
    bundle: true,
    minify: true,
    write: false,
    charset: 'utf8',
  });
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const style = css.outputFiles[0].text.replace(/<\/(style)/gi, '<\\/$1');
  const html = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8')
    .replace('<!--STYLE-->', () => `<style>${style}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
  if (/<(script|link)[^>]+(src|href)=["']?https?:/i.test(html))
    throw new Error('Sidebar.html must not fetch from the network');
  writeAtomically(join(root, 'build/Sidebar.html'), html);
  return Buffer.byteLength(html);
}

async function buildLocal() {
  await esbuild.build({
    entryPoints: [join(root, 'local/cli.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile: join(root, 'dist/local/cli.cjs'),
    logLevel: 'warning',
  });
}

/** Writes through a temporary file and a rename, so a test reading build/ never sees a half-written file. */
function writeAtomically(path, content) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

mkdirSync(join(root, 'build'), { recursive: true });
writeAtomically(join(root, 'build/appsscript.json'), readFileSync(join(root, 'appsscript.json')));
const [code, sidebar] = await Promise.all([buildCode(), buildSidebar(), buildLocal()]);
console.log(
  `build/Code.js ${(code.size / 1024).toFixed(1)} KiB (budget ${CODE_BUDGET / 1024} KiB), ` +
    `${code.names.length} top-level functions; build/Sidebar.html ${(sidebar / 1024).toFixed(1)} KiB`,
);

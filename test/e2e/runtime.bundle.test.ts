/**
 * Contract of build/Code.js with Apps Script: every export of src/main.ts is a top-level function,
 * there is no module syntax, and the menu and sidebar work on the local runtime.
 * Needs `npm run build` (npm test runs it first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { AuthMode, Runtime } from '../../local/runtime';
import { builtCodePath, PROJECT_DIR } from '../../local/testing';
import { loadBundle } from '../../local/vm';

/** The export names of src/main.ts, found by bundling and evaluating it (not from build/Code.js). */
async function mainExports(): Promise<string[]> {
  const out = await esbuild.build({
    entryPoints: [join(PROJECT_DIR, 'src/main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(out.outputFiles[0]!.text, { module, exports: module.exports });
  return Object.keys(module.exports).sort();
}

const code = readFileSync(builtCodePath(), 'utf8');

test('every export of src/main.ts is a top-level function declaration of build/Code.js', async () => {
  const exports = await mainExports();
  expect(exports).toContain('onOpen');
  const bundle = loadBundle({ runtime: new Runtime() });
  for (const name of exports) {
    expect(code).toMatch(new RegExp(`^function ${name.replace(/\$/g, '\\$')}\\(`, 'm'));
    expect(bundle.functions).toContain(name);
  }
});

test('build/Code.js has no import or export syntax', () => {
  expect(code).not.toMatch(
    /\b(import|export)\s*[{*]|\bexport\s+(default|function|const|class)\b|^\s*import\s+\S+\s+from\s/m,
  );
});

test('onOpen registers the add-on menu "Trợ lý Đại hội DTTS" with "Mở bảng điều khiển", and every item names a public function', () => {
  const runtime = new Runtime();
  const bundle = loadBundle({ runtime });
  bundle.call('onOpen', { authMode: AuthMode.LIMITED });
  const menu = runtime.ui.menu('Trợ lý Đại hội DTTS');
  expect(menu).toBeDefined();
  const items = menu!.entries.filter((e) => e.kind === 'item');
  expect(items.map((i) => i.caption)).toContain('Mở bảng điều khiển');
  for (const item of items) {
    expect(bundle.functions).toContain(item.functionName);
    expect(item.functionName.endsWith('_')).toBe(false);
  }
});

test('showSidebar opens build/Sidebar.html in the sidebar', () => {
  const runtime = new Runtime();
  const bundle = loadBundle({ runtime });
  expect(runtime.ui.sidebar).toBeNull();
  bundle.call('showSidebar');
  expect(runtime.ui.sidebar).not.toBeNull();
  expect(runtime.ui.sidebar!.title).not.toBe('');
  expect(runtime.ui.sidebar!.content).toBe(readFileSync(join(PROJECT_DIR, 'build/Sidebar.html'), 'utf8'));
  expect(runtime.calls['Ui.showSidebar']).toBe(1);
});

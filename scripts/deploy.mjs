#!/usr/bin/env node
// npm run deploy -- [options]: builds, checks and pushes the add-in to the Apps Script project the
// developer created, then prints the next step. Two targets (docs/deploy.md):
//   --target addon     the standalone project: the editor add-on (Marketplace) and the library
//                      the template copies use. Config: .clasp-addon.json, pushes build/.
//   --target template  the template spreadsheet's bound script: thin functions delegating to a
//                      version of the library. Config: .clasp-template.json, pushes dist/template/.
// Nothing here calls Google without an account: --dry-run validates the arguments, the files and
// the manifest, and prints the clasp commands it would run. Tests use it; they never call Google.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The identifier of the library in the template's bound script (matches scripts/build.mjs). */
export const LIBRARY_SYMBOL = 'TroLyDTTS';
export const TITLE = 'Trợ lý Đại hội DTTS';

/** Least privilege: these and only these (docs/privacy-policy.md explains each). */
export const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/documents',
];

export const TARGETS = {
  addon: {
    config: '.clasp-addon.json',
    rootDir: 'build',
    type: 'standalone',
    files: ['Code.js', 'Sidebar.html', 'Intake.html', 'appsscript.json'],
  },
  template: {
    config: '.clasp-template.json',
    rootDir: 'dist/template',
    type: 'sheets',
    files: ['Code.js', 'appsscript.json'],
  },
};

const USAGE = `Usage: npm run deploy -- [--target addon|template] [options]

  --target addon|template   what to push (default addon)
  --create                  once: create the Apps Script project (standalone add-on, or a new
                            spreadsheet with its bound script) and write .clasp-<target>.json
  --release "description"   addon: after the push, create a numbered version (for the Marketplace
                            listing and for the template copies' library)
  --library-version N       template: the library version the copies run (required)
  --library-id ID           template: the library's script id (default: .clasp-addon.json's)
  --guide-url https://…     the user guide the sidebar's "Giới thiệu" links to (required for addon)
  --skip-tests              build and check only, without npm test
  --no-build                use build/ and dist/template/ as they are
  --dry-run                 validate everything and print the clasp commands, call nothing
`;

class DeployError extends Error {}

/** Parses argv into options; throws DeployError with a sentence for anything unexpected. */
export function parseArgs(argv) {
  const o = { target: 'addon', create: false, dryRun: false, skipTests: false, build: true, help: false };
  const valued = {
    '--target': 'target',
    '--release': 'release',
    '--library-version': 'libraryVersion',
    '--library-id': 'libraryId',
    '--guide-url': 'guideUrl',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag in valued) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new DeployError(`${flag} needs a value`);
      o[valued[flag]] = value;
    } else if (flag === '--create') o.create = true;
    else if (flag === '--dry-run') o.dryRun = true;
    else if (flag === '--skip-tests') o.skipTests = true;
    else if (flag === '--no-build') o.build = false;
    else if (flag === '--help' || flag === '-h') o.help = true;
    else throw new DeployError(`Unknown option ${arg}`);
  }
  if (o.help) return o;
  if (!(o.target in TARGETS)) throw new DeployError(`--target must be addon or template, not "${o.target}"`);
  if (o.guideUrl !== undefined && !/^https:\/\/[^\s"'<>]+$/.test(o.guideUrl))
    throw new DeployError('--guide-url must be an https: address');
  if (o.release !== undefined && o.target !== 'addon')
    throw new DeployError('--release is for --target addon (the library and the add-on are the same project)');
  if (o.release !== undefined && o.release.trim() === '') throw new DeployError('--release needs a description');
  if (o.target === 'template') {
    if (o.libraryVersion === undefined && !o.create)
      throw new DeployError('--target template needs --library-version N (a version made with --release)');
    if (o.libraryVersion !== undefined && !/^[1-9]\d*$/.test(o.libraryVersion))
      throw new DeployError('--library-version must be a whole number from 1');
  } else {
    if (o.libraryVersion !== undefined || o.libraryId !== undefined)
      throw new DeployError('--library-version and --library-id are for --target template');
    if (o.guideUrl === undefined && !o.create)
      throw new DeployError(
        "--target addon needs --guide-url https://… (the user guide, also the listing's help link)",
      );
  }
  return o;
}

/** A real script id: Google's are 57 characters of [A-Za-z0-9_-]; placeholders are refused. */
export function isScriptId(id) {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{30,}$/.test(id) && !/REPLACE|YOUR|EXAMPLE|PLACEHOLDER/i.test(id);
}

/** Problems of a manifest for a target, as sentences (empty when it is fine). */
export function checkManifest(manifest, target) {
  const problems = [];
  if (manifest.timeZone !== 'Asia/Ho_Chi_Minh') problems.push('timeZone must be Asia/Ho_Chi_Minh');
  if (manifest.runtimeVersion !== 'V8') problems.push('runtimeVersion must be V8');
  const scopes = manifest.oauthScopes ?? [];
  const extra = scopes.filter((s) => !SCOPES.includes(s));
  const missing = SCOPES.filter((s) => !scopes.includes(s));
  if (extra.length) problems.push(`scopes beyond least privilege: ${extra.join(', ')}`);
  if (missing.length) problems.push(`missing scopes: ${missing.join(', ')}`);
  // Editor add-ons have no manifest section of their own (the addOns section is for Workspace
  // add-ons): https://developers.google.com/workspace/add-ons/concepts/editor-manifests
  for (const key of ['addOns', 'webapp', 'executionApi'])
    if (key in manifest) problems.push(`${key} does not belong in an editor add-on's manifest`);
  const libraries = manifest.dependencies?.libraries ?? [];
  if (target === 'addon' && libraries.length) problems.push('the add-on must not depend on a library');
  if (target === 'template') {
    const lib = libraries.find((l) => l.userSymbol === LIBRARY_SYMBOL);
    if (!lib || libraries.length !== 1) problems.push(`exactly one library, ${LIBRARY_SYMBOL}, is expected`);
    else {
      if (!isScriptId(lib.libraryId)) problems.push(`library id "${lib.libraryId}" is not a script id`);
      if (!/^[1-9]\d*$/.test(String(lib.version))) problems.push('library version must be a number');
      if (lib.developmentMode) problems.push('developmentMode (HEAD) would run unreleased code for every copy');
    }
  }
  return problems;
}

/** The template's manifest: the add-on's settings plus the library at one version. */
export function templateManifest(addonManifest, libraryId, version) {
  return {
    ...addonManifest,
    dependencies: {
      libraries: [{ userSymbol: LIBRARY_SYMBOL, libraryId, version: String(version), developmentMode: false }],
    },
  };
}

/** Problems of a .clasp-<target>.json, as sentences. */
export function checkConfig(config, target) {
  const problems = [];
  if (!isScriptId(config.scriptId)) problems.push(`scriptId "${config.scriptId ?? ''}" is not a real script id`);
  if (config.rootDir !== TARGETS[target].rootDir) problems.push(`rootDir must be ${TARGETS[target].rootDir}`);
  return problems;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DeployError(`${path}: ${e.code === 'ENOENT' ? 'missing' : `unreadable (${e.message})`}`);
  }
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new DeployError(`${[command, ...args].join(' ')} failed (exit ${r.status})`);
  return r;
}

/** clasp from node_modules; DTTS_CLASP names another executable (the tests' stand-in, which calls no one). */
const clasp = process.env.DTTS_CLASP || join(root, 'node_modules/.bin/clasp');
const quote = (a) => (/^[\w./:=@-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);

function main(argv) {
  const o = parseArgs(argv);
  if (o.help) {
    process.stdout.write(USAGE);
    return;
  }
  const target = TARGETS[o.target];
  const configPath = join(root, target.config);
  const say = (line) => process.stdout.write(`${line}\n`);
  const claspCall = (args, options) => {
    say(`$ clasp ${args.map(quote).join(' ')}`);
    if (!o.dryRun) return run(clasp, args, options);
  };

  if (o.create) {
    if (existsSync(configPath)) {
      const id = readJson(configPath).scriptId;
      throw new DeployError(`${target.config} already exists (script ${id}): the project is created, just deploy`);
    }
    // clasp create-script writes .clasp.json and pulls the new project's files into the current
    // directory, so it runs in a scratch directory and only the ids are kept.
    const scratch = mkdtempSync(join(tmpdir(), 'dtts-clasp-'));
    // The title names the project, and a bound script's add-on menu carries its project's name: the
    // template keeps the add-on's, so the menu (and the user guide) read the same both ways.
    const title = TITLE;
    try {
      claspCall(['create-script', '--type', target.type, '--title', title, '--rootDir', '.'], { cwd: scratch });
      if (o.dryRun) {
        say(`(dry run) would write ${target.config} with rootDir ${target.rootDir}`);
      } else {
        const created = readJson(join(scratch, '.clasp.json'));
        const config = { scriptId: created.scriptId, rootDir: target.rootDir };
        if (created.parentId)
          config.parentId = Array.isArray(created.parentId) ? created.parentId[0] : created.parentId;
        writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
        say(`Wrote ${target.config}: script ${config.scriptId}`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    say(
      o.target === 'addon'
        ? 'Next: npm run deploy -- --target addon --guide-url https://…/huong-dan-su-dung.md'
        : 'Next: npm run deploy -- --target template --library-version N',
    );
    return;
  }

  // 1. Build (and test), with the guide URL the sidebar links to.
  const env = { ...process.env, ...(o.guideUrl ? { DTTS_GUIDE_URL: o.guideUrl } : {}) };
  if (o.build) run('npm', ['run', o.skipTests || o.dryRun ? 'build' : 'test'], { env });

  // 2. Check the config, the files and the manifest.
  const config = existsSync(configPath) ? readJson(configPath) : null;
  const problems = [];
  if (!config) {
    if (!o.dryRun) problems.push(`${target.config} is missing: run npm run deploy -- --target ${o.target} --create`);
  } else problems.push(...checkConfig(config, o.target).map((p) => `${target.config}: ${p}`));
  const addonManifest = readJson(join(root, 'appsscript.json'));
  let manifest = addonManifest;
  if (o.target === 'template') {
    const addonConfig = existsSync(join(root, TARGETS.addon.config))
      ? readJson(join(root, TARGETS.addon.config))
      : null;
    const libraryId = o.libraryId ?? addonConfig?.scriptId;
    if (!libraryId) problems.push('no library id: pass --library-id or create the add-on project first');
    manifest = templateManifest(addonManifest, libraryId ?? '', o.libraryVersion);
    if (!o.dryRun || existsSync(join(root, target.rootDir)))
      writeFileSync(join(root, target.rootDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  problems.push(...checkManifest(manifest, o.target).map((p) => `manifest: ${p}`));
  for (const file of target.files) {
    if (!existsSync(join(root, target.rootDir, file))) problems.push(`${target.rootDir}/${file} is missing`);
  }
  // clasp pushes every .js/.gs/.html file under rootDir (and appsscript.json): nothing else may be there.
  if (existsSync(join(root, target.rootDir))) {
    for (const entry of readdirSync(join(root, target.rootDir), { recursive: true })) {
      if (!target.files.includes(String(entry)))
        problems.push(`${target.rootDir}/${entry} would be pushed too: remove it (only ${target.files.join(', ')})`);
    }
  }
  const code = existsSync(join(root, target.rootDir, 'Code.js'))
    ? readFileSync(join(root, target.rootDir, 'Code.js'), 'utf8')
    : '';
  for (const fn of ['onOpen', 'onInstall', 'showSidebar']) {
    if (code && !new RegExp(`^function ${fn}\\(`, 'm').test(code))
      problems.push(`${target.rootDir}/Code.js has no top-level ${fn}`);
  }
  if (problems.length) throw new DeployError(`Not deployed:\n  - ${problems.join('\n  - ')}`);
  say(
    `Checks passed: ${target.rootDir}/ (${target.files.join(', ')}), manifest, ` +
      (config ? `${target.config}.` : `(dry run: ${target.config} not created yet).`),
  );

  // 3. Push (and version).
  const project = ['-P', target.config];
  claspCall([...project, 'push', '--force']);
  const id = config?.scriptId ?? '<script id>';
  const editor = `https://script.google.com/d/${id}/edit`;
  if (o.target === 'addon') {
    if (o.release !== undefined) {
      claspCall([...project, 'create-version', o.release]);
      say(
        'Next: note the version number above. Marketplace SDK ▸ App configuration ▸ Sheets add-on: ' +
          `script id ${id} and that version (docs/deploy.md); template copies: ` +
          'npm run deploy -- --target template --library-version <that number>.',
      );
    } else {
      say(
        `Next: test it on a spreadsheet: ${editor} ▸ Deploy ▸ Test deployments ▸ Editor add-on ▸ ` +
          'Create new test (Latest code, a test spreadsheet) ▸ Execute. Release: add --release "what changed".',
      );
    }
  } else {
    const sheet = config?.parentId
      ? `https://docs.google.com/spreadsheets/d/${config.parentId}`
      : '(the template spreadsheet)';
    say(
      `Next: open ${sheet}/edit, Extensions ▸ ${TITLE} ▸ Mở bảng điều khiển, authorise, run Thiết lập bảng tính; ` +
        `share it (Anyone with the link: Viewer) and give officers ${sheet}/copy. ` +
        `The library project (${o.libraryId ?? 'the add-on'}) must be shared Viewer with them too (docs/deploy.md).`,
    );
  }
}

/**
 * Run as a script (not imported by a test). Node resolves symlinks for the module's own URL but not
 * in process.argv[1], so both are compared as real paths: run through a symlinked folder, a plain
 * comparison would skip main() and exit 0 as if deployed.
 */
function invokedDirectly() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof DeployError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

export { DeployError };

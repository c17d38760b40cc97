/**
 * Runs the real build/Code.js in a node:vm context whose globals are the runtime's counted services,
 * a console writing to the runtime log, and a Date that follows the runtime clock. The context has
 * only ECMAScript built-ins otherwise (no setTimeout, fetch, URL or require), like Apps Script's V8.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { toGuest, toHost } from './realm';
import type { Runtime } from './runtime';
import type { GuestRealm } from './runtime/boundary';
import { createClockDate } from './runtime/clock';
import { messages } from './runtime/errors';
import { createValueGlobals } from './runtime/globals';
import { createConsole } from './runtime/logger';

/** Options of loadBundle. */
export interface LoadBundleOptions {
  runtime: Runtime;
  /** Path of the bundle (default `<projectDir>/build/Code.js`). */
  codePath?: string;
}

/** The loaded bundle. */
export interface Bundle {
  /** Calls a top-level function as one execution; arguments and the result are deep-copied across realms. */
  call(name: string, ...args: unknown[]): unknown;
  /** Names of the bundle's top-level functions, sorted. */
  readonly functions: string[];
  /** The vm context (for advanced inspection). */
  readonly context: vm.Context;
  readonly codePath: string;
}

/** The path of build/Code.js, or a clear error when the bundle has not been built. */
export function requireBuiltCode(projectDir: string, codePath = join(projectDir, 'build', 'Code.js')): string {
  if (!existsSync(codePath)) {
    throw new Error(`${codePath} not found: run \`npm run build\` first (npm test does it in pretest).`);
  }
  return codePath;
}

/** Loads build/Code.js into a fresh context bound to the runtime. */
export function loadBundle(options: LoadBundleOptions): Bundle {
  const { runtime } = options;
  const codePath = requireBuiltCode(runtime.projectDir, options.codePath);
  const code = readFileSync(codePath, 'utf8');

  const context = vm.createContext({}, { name: 'Apps Script bundle', codeGeneration: { strings: true, wasm: false } });
  const realm = vm.runInContext('({ Array, Object, Error })', context) as GuestRealm;
  const globals: Record<string, unknown> = {
    ...runtime.globalsFor(realm),
    ...createValueGlobals(),
    console: createConsole(runtime),
    Date: createClockDate(runtime.clock),
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
  }
  const before = new Set(Object.getOwnPropertyNames(context));
  new vm.Script(code, { filename: codePath }).runInContext(context);
  const functions = Object.getOwnPropertyNames(context)
    .filter((n) => !before.has(n) && typeof (context as Record<string, unknown>)[n] === 'function')
    .sort();

  return {
    functions,
    context,
    codePath,
    call(name: string, ...args: unknown[]): unknown {
      const fn = (context as Record<string, unknown>)[name];
      if (!functions.includes(name) || typeof fn !== 'function') throw new Error(messages.functionNotFound(name));
      const guestArgs = args.map((a) => toGuest(a, realm));
      try {
        const result = runtime.execute(() => (fn as (...a: unknown[]) => unknown)(...guestArgs));
        return toHost(result);
      } catch (e) {
        throw toHostError(e);
      }
    },
  };
}

/** Rethrows an error from the bundle as a host Error with the same name, message and stack. */
function toHostError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const src = e as { name?: unknown; message?: unknown; stack?: unknown };
    const err = new Error(String(src.message));
    err.name = typeof src.name === 'string' ? src.name : 'Error';
    if (typeof src.stack === 'string') err.stack = src.stack;
    return err;
  }
  return new Error(String(e));
}

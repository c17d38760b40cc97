/**
 * Promise wrapper over google.script.run, typed by the shared contract. Only types are imported
 * from the contract, so zod never reaches the sidebar bundle.
 */
import type { Args, Results, ServerFunction } from '../rpc/contract';
import { errorMessage } from './model';

/** The part of google.script.run the sidebar uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

/** A failed call, with the message to show (the server's Vietnamese sentence when it has one). */
export class RpcError extends Error {
  override name = 'RpcError';
}

/** Calls a server function; resolves with its result, rejects with an RpcError. */
export function call<F extends ServerFunction>(fn: F, ...args: Args<F>): Promise<Results[F]> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new RpcError(''));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as Results[F]))
      .withFailureHandler((error) => reject(new RpcError(errorMessage(error))));
    const method = runner[fn];
    if (typeof method !== 'function') {
      reject(new RpcError(''));
      return;
    }
    (method as (...a: unknown[]) => void).apply(runner, args as unknown[]);
  });
}

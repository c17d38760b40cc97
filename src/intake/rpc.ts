/**
 * google.script.run as promises for the dialog's three server functions, typed by the shared contract
 * (types only: zod never reaches the dialog's bundle).
 */
import type { IntakeFormsDto, SubmissionCell, SubmissionDto } from '../rpc/contract';
import { t } from './i18n';

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
  [fn: string]: unknown;
}

interface ScriptHost {
  close(): void;
}

declare global {
  interface Window {
    google?: { script?: { run?: Runner; host?: ScriptHost } };
  }
}

/** The server functions the dialog calls, with their arguments and results. */
export interface IntakeApi {
  getIntakeForms: { args: [request: { unit?: string }]; result: IntakeFormsDto };
  importSubmission: {
    args: [
      unit: string,
      table: SubmissionCell[][],
      options: { fileName?: string; mode?: 'preview' | 'replace'; expect?: string },
    ];
    result: SubmissionDto;
  };
}

/** A failed call, with the message to show (the server's Vietnamese sentence when it has one). */
export class RpcError extends Error {
  override name = 'RpcError';
}

function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return raw.replace(/^(?:[A-Za-z]*(?:Error|Exception)\s*:\s*)+/, '').trim() || t.unexpected;
}

/** Calls a server function; resolves with its result, rejects with an RpcError. */
export function call<F extends keyof IntakeApi>(fn: F, ...args: IntakeApi[F]['args']): Promise<IntakeApi[F]['result']> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new RpcError(t.noServer));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as IntakeApi[F]['result']))
      .withFailureHandler((error) => reject(new RpcError(messageOf(error))));
    const method = runner[fn];
    if (typeof method !== 'function') {
      reject(new RpcError(t.noServer));
      return;
    }
    (method as (...a: unknown[]) => void).apply(runner, args as unknown[]);
  });
}

/** Closes the dialog (google.script.host.close). */
export function closeDialog(): void {
  window.google?.script?.host?.close();
}

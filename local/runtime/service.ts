/**
 * Marks the objects that stand for Apps Script service objects (Spreadsheet, Range, Menu, …) so the
 * boundary can count calls on them by class name and wrap them when they cross into the bundle.
 */
import { describeArgumentTypes, messages, ServiceError } from './errors';

/** Symbol under which every service object exposes its Apps Script class name. */
export const SERVICE_NAME: unique symbol = Symbol.for('dtts.local.serviceName');

/** Base class of every local service object. `name` is the Apps Script class name used in call counts. */
export abstract class ServiceObject {
  abstract get [SERVICE_NAME](): string;
}

/** True when `value` is a local service object. */
export function isServiceObject(value: unknown): value is ServiceObject {
  return value instanceof ServiceObject;
}

/** Builds a frozen enum object whose members are their own names, like Apps Script enums print. */
export function enumOf<const K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/**
 * A value of an Apps Script enum as Google hands it out: an object, not a string (`ScriptApp.AuthMode.NONE`
 * prints as "NONE" and has `name()`, but `=== 'NONE'` is false), so code that compares an enum with a
 * string fails here as it would in Google (https://developers.google.com/apps-script/reference/script/auth-mode).
 */
export class EnumValue {
  constructor(private readonly label: string) {}
  name(): string {
    return this.label;
  }
  toString(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
}

/** An enum whose values are EnumValue objects (one instance per name, so `===` between them works). */
export function enumObjectsOf<const K extends string>(names: readonly K[]): { readonly [P in K]: EnumValue } {
  const out = {} as { [P in K]: EnumValue };
  for (const n of names) out[n] = new EnumValue(n);
  return Object.freeze(out);
}

/**
 * Views a local service object as the Apps Script type it stands for. The local classes implement a
 * Pick of those types, so what they return is typed as Google's interface, as the bundle sees it.
 */
export function asGas<T>(obj: ServiceObject): T {
  return obj as unknown as T;
}

/** Returns `value` as an instance of `cls`, or throws Google's "parameters don't match" error. */
export function asLocal<T extends ServiceObject>(
  // biome-ignore lint/suspicious/noExplicitAny: any constructor signature
  cls: abstract new (...args: any[]) => T,
  value: unknown,
  method: string,
): T {
  if (value instanceof cls) return value;
  throw new ServiceError(messages.badParameters(describeArgumentTypes([value]), method));
}

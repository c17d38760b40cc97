/**
 * The fingerprint of the data a document was made from: a canonical JSON text (keys sorted, so the
 * same data always gives the same text), hashed on the Apps Script side (Utilities.computeDigest).
 * The same digest in the log means the document already exists.
 */
import type { NoticeKind } from '../../rpc/contract';
import type { Settings } from '../settings';

/** Bump when the content of the documents changes, so new documents are made from the same data. */
export const DIGEST_VERSION = 1;
/** Hex characters kept in the log. */
export const DIGEST_LENGTH = 16;

/** JSON with object keys sorted at every level; undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Bytes as computeDigest returns them (signed, −128…127) → lowercase hex. */
export function toHex(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

const SETTING_KEYS = [
  'province',
  'level',
  'round',
  'year',
  'parentBody',
  'issuingBody',
  'issuerCode',
  'place',
  'signAuthority',
  'signerTitle',
  'signerName',
  'recipients',
  'drafterCode',
  'templateDocId',
] as const satisfies readonly (keyof Settings)[];
const ALLOCATION_KEYS = ['method', 'minSeatsPerUnit'] as const satisfies readonly (keyof Settings)[];

/**
 * The text hashed for a document: its kind, the settings it prints and its input data. The day
 * is left out (the same data on another day is the same document) unless the user chose one.
 */
export function digestSource(kind: NoticeKind, settings: Settings, input: unknown, chosenDate?: string): string {
  const keys: readonly (keyof Settings)[] =
    kind === 'phan-bo-dai-bieu' ? [...SETTING_KEYS, ...ALLOCATION_KEYS] : SETTING_KEYS;
  const used: Record<string, unknown> = {};
  for (const k of keys) used[k] = settings[k];
  return canonicalJson({ v: DIGEST_VERSION, kind, settings: used, input, date: chosenDate });
}

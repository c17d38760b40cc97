/** Utilities: dates, digests, base64, UUIDs, blobs, CSV, sleep. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { fromBytes, LocalBlob, toSignedBytes } from './blob';
import type { RuntimeContext } from './context';
import { formatJavaDate } from './date-format';
import { asGas, enumOf, SERVICE_NAME, ServiceObject } from './service';

type U = GoogleAppsScript.Utilities.Utilities;

/** Utilities.Charset. */
export const Charset = enumOf(['US_ASCII', 'UTF_8']);
/** Utilities.DigestAlgorithm. */
export const DigestAlgorithm = enumOf(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
/** Utilities.MacAlgorithm. */
export const MacAlgorithm = enumOf(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512']);

const NODE_DIGEST: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Bytes of a string in a charset, or of a byte array. */
function toBuffer(value: string | readonly number[], charset?: unknown): Buffer {
  if (typeof value !== 'string') return fromBytes(value);
  return Buffer.from(value, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
}

/** The Utilities service. */
export class LocalUtilities
  extends ServiceObject
  implements
    Pick<
      U,
      | 'Charset'
      | 'DigestAlgorithm'
      | 'MacAlgorithm'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'computeDigest'
      | 'computeHmacSha256Signature'
      | 'computeHmacSignature'
      | 'formatDate'
      | 'formatString'
      | 'getUuid'
      | 'newBlob'
      | 'parseCsv'
      | 'sleep'
    >
{
  get [SERVICE_NAME]() {
    return 'Utilities';
  }

  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm = DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  /** Formats a date in a time zone with a Java SimpleDateFormat pattern. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatJavaDate(new Date(date.getTime()), String(timeZone), String(format));
  }

  /** sprintf-style formatting: %s, %d, %f (with precision), %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(\.(\d+))?([sdfi%])/g, (_m, _p, precision: string | undefined, kind: string) => {
      if (kind === '%') return '%';
      const v = args[i++];
      if (kind === 'd' || kind === 'i') return String(Math.trunc(Number(v)));
      if (kind === 'f') return Number(v).toFixed(precision === undefined ? 6 : Number(precision));
      return String(v);
    });
  }

  /** Digest of a string (in a charset, UTF-8 by default) or bytes, as signed bytes like Google's. */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const name = NODE_DIGEST[String(algorithm)];
    if (!name) throw new Error(`Unknown digest algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const name = NODE_DIGEST[String(algorithm).replace('HMAC_', '')];
    if (!name) throw new Error(`Unknown MAC algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHmac(name, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    return this.computeHmacSignature(
      'HMAC_SHA_256' as unknown as GoogleAppsScript.Utilities.MacAlgorithm,
      value,
      key,
      charset,
    );
  }

  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    // Google's web-safe alphabet keeps the "=" padding.
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  getUuid(): string {
    return randomUUID();
  }

  newBlob(data: string | number[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return asGas(new LocalBlob(toBuffer(data), contentType ?? null, name ?? null));
  }

  /** Parses CSV (RFC 4180 quoting) into rows of strings. */
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const text = String(csv);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }

  /** Pauses the script: nothing runs in between locally, so it only advances the clock. */
  sleep(milliseconds: number): void {
    this.ctx.clock.advance(Number(milliseconds) || 0);
  }
}

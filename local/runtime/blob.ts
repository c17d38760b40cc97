/** Blob: bytes with a content type and a name (Utilities.newBlob). */
import { asGas, SERVICE_NAME, ServiceObject } from './service';

type GasBlob = GoogleAppsScript.Base.Blob;

/** Apps Script bytes are signed (-128…127), like Java's. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Signed or unsigned byte values to a Buffer. */
export function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

/** An in-memory blob. */
export class LocalBlob
  extends ServiceObject
  implements
    Pick<
      GasBlob,
      | 'copyBlob'
      | 'getAs'
      | 'getBlob'
      | 'getBytes'
      | 'getContentType'
      | 'getDataAsString'
      | 'getName'
      | 'isGoogleType'
      | 'setBytes'
      | 'setContentType'
      | 'setDataFromString'
      | 'setName'
    >
{
  get [SERVICE_NAME]() {
    return 'Blob';
  }

  constructor(
    private data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    super();
  }

  /** The raw bytes (local inspection). */
  get buffer(): Buffer {
    return this.data;
  }

  copyBlob(): GasBlob {
    return asGas(new LocalBlob(Buffer.from(this.data), this.contentType, this.name));
  }

  getAs(contentType: string): GasBlob {
    if (contentType !== this.contentType) {
      throw new Error(`Local runtime: converting a blob from ${this.contentType} to ${contentType} is not supported`);
    }
    return this.copyBlob();
  }

  getBlob(): GasBlob {
    return asGas(this);
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: number[]): GasBlob {
    this.data = fromBytes(data);
    return asGas(this);
  }

  setContentType(contentType: string | null): GasBlob {
    this.contentType = contentType;
    return asGas(this);
  }

  setDataFromString(string: string, _charset?: string): GasBlob {
    this.data = Buffer.from(String(string), 'utf8');
    return asGas(this);
  }

  setName(name: string): GasBlob {
    this.name = String(name);
    return asGas(this);
  }
}

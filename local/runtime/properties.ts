/** PropertiesService and Properties, with Google's size limits. */
import type { RuntimeContext } from './context';
import { messages, ServiceError } from './errors';
import { asGas, SERVICE_NAME, ServiceObject } from './service';
import type { PropertyStore } from './shared-state';

type GasProperties = GoogleAppsScript.Properties.Properties;

/** Largest value of one property, in bytes of UTF-8 (Google's quota: 9 KB per value). */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Largest total size of one property store (Google's quota: 500 KB per store). */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** One property store. Values are strings; other values are converted with String(). */
export class LocalProperties
  extends ServiceObject
  implements
    Pick<
      GasProperties,
      | 'deleteAllProperties'
      | 'deleteProperty'
      | 'getKeys'
      | 'getProperties'
      | 'getProperty'
      | 'setProperties'
      | 'setProperty'
    >
{
  get [SERVICE_NAME]() {
    return 'Properties';
  }

  constructor(private readonly store: PropertyStore) {
    super();
  }

  private get self(): GasProperties {
    return asGas(this);
  }

  /** Checks Google's limits for writing `entries` on top of the store (minus keys being replaced). */
  private checkLimits(entries: [string, string][], replaceAll: boolean): void {
    for (const [key, value] of entries) {
      if (key === '') throw new ServiceError(messages.invalidArgument('key'));
      if (bytes(value) > MAX_PROPERTY_VALUE_BYTES) throw new ServiceError(messages.argumentTooLarge('value'));
    }
    const next = new Map(replaceAll ? [] : this.store.values);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_PROPERTY_STORE_BYTES) throw new ServiceError(messages.propertyQuota());
  }

  getProperty(key: string): string | null {
    return this.store.values.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    if (key === null || key === undefined) throw new ServiceError(messages.invalidArgument('key'));
    const entry: [string, string] = [String(key), String(value)];
    this.checkLimits([entry], false);
    this.store.values.set(...entry);
    return this.self;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    this.checkLimits(entries, deleteAllOthers);
    if (deleteAllOthers) this.store.values.clear();
    for (const [k, v] of entries) this.store.values.set(k, v);
    return this.self;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store.values);
  }

  getKeys(): string[] {
    return [...this.store.values.keys()];
  }

  deleteProperty(key: string): GasProperties {
    this.store.values.delete(String(key));
    return this.self;
  }

  deleteAllProperties(): GasProperties {
    this.store.values.clear();
    return this.self;
  }
}

/** PropertiesService: document and script stores are shared by all users; user stores are per user. */
export class LocalPropertiesService
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
    >
{
  get [SERVICE_NAME]() {
    return 'PropertiesService';
  }

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  getDocumentProperties(): GasProperties {
    return asGas(new LocalProperties(this.ctx.spreadsheet.shared.documentProperties));
  }

  getScriptProperties(): GasProperties {
    return asGas(new LocalProperties(this.ctx.spreadsheet.shared.scriptProperties));
  }

  getUserProperties(): GasProperties {
    return asGas(new LocalProperties(this.ctx.spreadsheet.shared.userPropertiesOf(this.ctx.user)));
  }
}

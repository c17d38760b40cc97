/** Protection of a sheet or range (Sheet.protect(), Range.protect()). Recorded, not enforced. */
import { asGas, enumOf, SERVICE_NAME, ServiceObject } from './service';
import { LocalUser } from './session';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** SpreadsheetApp.ProtectionType. */
export const ProtectionType = enumOf(['RANGE', 'SHEET']);

/** Where a protection lives, so it can remove itself and report its range. */
export interface ProtectionHost {
  removeProtection(p: LocalProtection): void;
}

/** A protection on a sheet or a range; the owner can always edit, so nothing is blocked. */
export class LocalProtection
  extends ServiceObject
  implements
    Pick<
      GasProtection,
      | 'getDescription'
      | 'setDescription'
      | 'isWarningOnly'
      | 'setWarningOnly'
      | 'getRange'
      | 'getProtectionType'
      | 'remove'
      | 'canEdit'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'getEditors'
    >
{
  get [SERVICE_NAME]() {
    return 'Protection';
  }

  private description = '';
  private warningOnly = false;
  private domainEdit = true;
  private readonly editors = new Set<string>();

  constructor(
    private readonly host: ProtectionHost,
    readonly type: keyof typeof ProtectionType,
    private readonly range: () => GasRange,
  ) {
    super();
  }

  getDescription(): string {
    return this.description;
  }

  setDescription(description: string): GasProtection {
    this.description = String(description);
    return asGas(this);
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.warningOnly = Boolean(warningOnly);
    return asGas(this);
  }

  getRange(): GasRange {
    return this.range();
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  remove(): void {
    this.host.removeProtection(this);
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.domainEdit = Boolean(editable);
    return asGas(this);
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.editors.add(typeof user === 'string' ? user : user.getEmail());
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GasProtection {
    for (const e of emailAddresses) this.editors.add(e);
    return asGas(this);
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.editors.delete(typeof user === 'string' ? user : user.getEmail());
    return asGas(this);
  }

  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    for (const u of users) this.editors.delete(typeof u === 'string' ? u : u.getEmail());
    return asGas(this);
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return [...this.editors].map((email) => asGas<GoogleAppsScript.Base.User>(new LocalUser(email)));
  }

  /** Emails of the editors added (local inspection). */
  get editorEmails(): string[] {
    return [...this.editors];
  }
}

/**
 * Protection of a sheet or range (Sheet.protect(), Range.protect()), enforced like Google:
 * a protection that is not warning-only refuses changes by a user who is not among its editors
 * (sheet.ts `beforeWrite`). The spreadsheet owner and the protection's creator are always editors.
 * Until the editors are changed (add/removeEditor(s), setDomainEdit), "the permissions mirror those
 * of the spreadsheet itself, which effectively means that the range remains unprotected"
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#protect); every runtime
 * user is taken to be an editor of the spreadsheet. "Neither the owner of the spreadsheet nor the
 * current user can be removed" (https://developers.google.com/apps-script/reference/spreadsheet/protection#removeeditoremailaddress).
 * Warning-only protections do not stop scripts (Protection.setWarningOnly).
 */
import { type GridRect, rectsOverlap } from './a1';
import { LocalRange } from './range';
import { asGas, asLocal, enumOf, SERVICE_NAME, ServiceObject } from './service';
import { LocalUser } from './session';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** SpreadsheetApp.ProtectionType. */
export const ProtectionType = enumOf(['RANGE', 'SHEET']);

/** Where a protection lives, so it can remove itself and know the spreadsheet's owner and the calling user. */
export interface ProtectionHost {
  removeProtection(p: LocalProtection): void;
  /** The spreadsheet owner, and the user calling now (the owner for direct local access). */
  protectionUsers(): { owner: string; creator: string };
}

/** A protection on a sheet or a range. */
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
      | 'setUnprotectedRanges'
      | 'getUnprotectedRanges'
    >
{
  get [SERVICE_NAME]() {
    return 'Protection';
  }

  private unprotected: LocalRange[] = [];
  private description = '';
  private warningOnly = false;
  private domainEdit = true;
  private readonly editors = new Set<string>();
  /** True until the editors are changed: then anyone who can edit the spreadsheet can edit here. */
  private mirrorsSpreadsheet = true;
  /** Who made the protection. */
  readonly creator: string;

  constructor(
    private readonly host: ProtectionHost,
    readonly type: keyof typeof ProtectionType,
    private readonly range: () => LocalRange,
  ) {
    super();
    this.creator = host.protectionUsers().creator;
  }

  /** Where a range protection moved when rows or columns were inserted before it (see relocate). */
  private relocated: LocalRange | null = null;

  /**
   * Moves a range protection with its cells, as Sheets does when rows or columns are inserted
   * before or inside it (a protected range stays on the cells it protected).
   */
  relocate(range: LocalRange): void {
    if (this.type === 'RANGE') this.relocated = range;
  }

  /** The protected rectangle. */
  rect(): GridRect {
    return (this.relocated ?? this.range()).rect;
  }

  /**
   * True when a change of `rect` touches protected cells: for a range protection, any overlap; for
   * a sheet protection, any cell outside its unprotected ranges
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection#setunprotectedrangesranges).
   */
  covers(rect: GridRect): boolean {
    if (this.type === 'RANGE') return rectsOverlap(this.rect(), rect);
    return !this.unprotected.some((r) => contains(r.rect, rect));
  }

  /** True when `user` may edit the protected cells (ignoring warning-only). */
  isEditor(user: string): boolean {
    if (this.mirrorsSpreadsheet) return true;
    return user === this.host.protectionUsers().owner || user === this.creator || this.editors.has(user);
  }

  /** True when this protection refuses a script's change made by `user`. */
  blocks(user: string): boolean {
    return !this.warningOnly && !this.isEditor(user);
  }

  /**
   * Restricts editing to the owner, the creator and `editors` (what the Sheets UI's
   * "Restrict who can edit this range ▸ Only you" does); for tests.
   */
  restrictTo(editors: readonly string[] = []): this {
    this.mirrorsSpreadsheet = false;
    this.editors.clear();
    for (const e of editors) this.editors.add(e);
    return this;
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

  /** Ranges of a protected sheet left editable (sheet protections only, as in Google). */
  setUnprotectedRanges(ranges: GasRange[]): GasProtection {
    if (this.type === 'SHEET') {
      this.unprotected = ranges.map((r) => asLocal(LocalRange, r, 'SpreadsheetApp.Protection.setUnprotectedRanges'));
    }
    return asGas(this);
  }

  getUnprotectedRanges(): GasRange[] {
    return this.unprotected.map((r) => asGas<GasRange>(r));
  }

  getRange(): GasRange {
    return asGas(this.relocated ?? this.range());
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  remove(): void {
    this.host.removeProtection(this);
  }

  /** Whether the calling user may edit the protected cells (https://developers.google.com/apps-script/reference/spreadsheet/protection#canedit). */
  canEdit(): boolean {
    return this.isEditor(this.host.protectionUsers().creator);
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.domainEdit = Boolean(editable);
    this.stopMirroring();
    return asGas(this);
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.stopMirroring();
    this.editors.add(typeof user === 'string' ? user : user.getEmail());
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GasProtection {
    this.stopMirroring();
    for (const e of emailAddresses) this.editors.add(e);
    return asGas(this);
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.stopMirroring();
    this.editors.delete(typeof user === 'string' ? user : user.getEmail());
    return asGas(this);
  }

  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    this.stopMirroring();
    for (const u of users) this.editors.delete(typeof u === 'string' ? u : u.getEmail());
    return asGas(this);
  }

  /** The owner, the creator and the editors added. */
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editorEmails.map((email) => asGas<GoogleAppsScript.Base.User>(new LocalUser(email)));
  }

  /** Emails of the owner, the creator and the editors added (local inspection). */
  get editorEmails(): string[] {
    return [...new Set([this.host.protectionUsers().owner, this.creator, ...this.editors])];
  }

  private stopMirroring(): void {
    this.mirrorsSpreadsheet = false;
  }
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/** Spreadsheet: the workbook the add-in is bound to, its sheets, selection, named ranges and toasts. */
import { createHash } from 'node:crypto';
import { type GridRect, parseA1, resolveReference } from './a1';
import { SpreadsheetAccess } from './access';
import { describeArgumentTypes, messages, ServiceError } from './errors';
import { DEFAULT_LOCALE } from './locale';
import type { DisplayContext } from './number-format';
import type { LocalProtection } from './protection';
import { LocalRange } from './range';
import { LocalRangeList } from './range-list';
import { asGas, asLocal, SERVICE_NAME, ServiceObject } from './service';
import { LocalUser } from './session';
import { SharedState } from './shared-state';
import { DEFAULT_SHEET_SIZE, LocalSheet } from './sheet';
import { DEFAULT_TIME_ZONE } from './timezone';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Name of the first sheet of a new spreadsheet in a Vietnamese-language Google account. */
export const DEFAULT_SHEET_NAME = 'Trang tính1';

/** Options for a new local spreadsheet. */
export interface SpreadsheetOptions {
  /** File name shown by getName(); default "Bảng tính không có tiêu đề" (untitled). */
  name?: string;
  /** Stable id; derived from the name when omitted. */
  id?: string;
  timeZone?: string;
  /** Sheets locale such as "vi_VN" (default) or "en_US": separators in display values and typed input. */
  locale?: string;
  /** Owner's email. */
  owner?: string;
  /** Emails of the users the spreadsheet is shared with for editing (besides the owner). */
  editors?: string[];
  /** Emails of the users it is shared with for viewing. */
  viewers?: string[];
}

/** A toast shown with Spreadsheet.toast. */
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

/** Methods of Google's Spreadsheet this class implements. */
export type SpreadsheetMethods =
  | 'deleteSheet'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDataRange'
  | 'getId'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getOwner'
  | 'getEditors'
  | 'getViewers'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getRangeList'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** A named range: a name and a rectangle on a sheet. */
export class LocalNamedRange
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.NamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'>
{
  get [SERVICE_NAME]() {
    return 'NamedRange';
  }

  constructor(
    private readonly ss: LocalSpreadsheet,
    private name: string,
  ) {
    super();
  }

  getName(): string {
    return this.name;
  }

  getRange(): GasRange {
    return this.ss.getRangeByName(this.name) as GasRange;
  }

  remove(): void {
    this.ss.removeNamedRange(this.name);
  }

  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    const range = this.getRange();
    this.ss.removeNamedRange(this.name);
    this.ss.setNamedRange(name, range);
    this.name = name;
    return asGas(this);
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    this.ss.setNamedRange(this.name, range);
    return asGas(this);
  }
}

/**
 * The spreadsheet. Use `LocalSpreadsheet.create()` for a new one (one sheet "Trang tính1") or
 * `loadWorkbook` from local/xlsx to open an .xlsx file.
 */
export class LocalSpreadsheet extends ServiceObject implements Pick<GasSpreadsheet, SpreadsheetMethods> {
  get [SERVICE_NAME]() {
    return 'Spreadsheet';
  }

  /** Properties, caches and locks shared by all runtimes on this spreadsheet. */
  readonly shared = new SharedState();
  /** Who is calling, their pending (unflushed) writes, protections and cell counts (access.ts). */
  readonly access = new SpreadsheetAccess();
  /** Toasts shown, oldest first. */
  readonly toasts: ToastRecord[] = [];
  private readonly sheets: LocalSheet[] = [];
  private readonly named = new Map<string, { sheet: LocalSheet; rect: GridRect }>();
  private active: { sheet?: LocalSheet; range?: LocalRange } = {};
  private nextSheetId = 0;
  private name: string;
  private readonly id: string;
  private timeZone: string;
  private locale: string;
  readonly owner: string;
  private readonly editors: Set<string>;
  private readonly viewers: Set<string>;

  constructor(options: SpreadsheetOptions = {}) {
    super();
    this.name = options.name ?? 'Bảng tính không có tiêu đề';
    this.id = options.id ?? `local-${createHash('sha1').update(this.name).digest('hex').slice(0, 24)}`;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.access.onFlush.push((token) => {
      for (const s of this.sheets) if (s.pendingFor === token) s.pendingFor = undefined;
    });
    this.owner = options.owner ?? 'user@example.com';
    this.editors = new Set((options.editors ?? []).filter((e) => e !== this.owner));
    this.viewers = new Set((options.viewers ?? []).filter((e) => e !== this.owner && !this.editors.has(e)));
  }

  /** A new spreadsheet with one empty sheet, as Google creates it. */
  static create(options: SpreadsheetOptions & { sheetName?: string } = {}): LocalSpreadsheet {
    const ss = new LocalSpreadsheet(options);
    ss.addSheet(options.sheetName ?? DEFAULT_SHEET_NAME);
    return ss;
  }

  // ---- local API (not part of Apps Script) ------------------------------------------------------

  /** The sheets in tab order, as local objects. */
  localSheets(): LocalSheet[] {
    return [...this.sheets];
  }

  /** The sheet with this name as a local object, or undefined (a sheet another runtime inserted and has not flushed is not seen). */
  localSheet(name: string): LocalSheet | undefined {
    return this.sheets.find((s) => s.getName() === name && this.access.isVisible(s.pendingFor));
  }

  /** The sheets the calling runtime sees, in tab order. */
  private visibleSheets(): LocalSheet[] {
    return this.sheets.filter((s) => this.access.isVisible(s.pendingFor));
  }

  /** Appends (or inserts at 0-based `index`) a sheet without changing the active sheet. */
  addSheet(name: string, options: { index?: number; rows?: number; columns?: number } = {}): LocalSheet {
    this.assertSheetNameFree(name);
    const sheet = new LocalSheet(this, name, this.nextSheetId++ === 0 ? 0 : this.sheetIdFor(name), {
      rows: options.rows ?? DEFAULT_SHEET_SIZE.rows,
      columns: options.columns ?? DEFAULT_SHEET_SIZE.columns,
    });
    const index =
      options.index === undefined ? this.sheets.length : Math.max(0, Math.min(options.index, this.sheets.length));
    this.sheets.splice(index, 0, sheet);
    sheet.pendingFor = this.access.pendingOwner();
    return sheet;
  }

  /** Locale and time zone for display values and typed input. */
  displayContext(): DisplayContext {
    return { locale: this.locale, timeZone: this.timeZone };
  }

  /**
   * Throws Google's error when a sheet already has this name, compared case-insensitively as Sheets
   * does ("trying to create 2 sheets with the same name but different cases fails, whether you do it
   * from the spreadsheet UI or the API", socialpoint-labs/sheetfu#26). Only case is folded: NFC and
   * NFD spellings of a Vietnamese name are different names.
   */
  assertSheetNameFree(name: string, renaming?: LocalSheet): void {
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== renaming && s.getName().toLowerCase() === lower))
      throw new ServiceError(messages.sheetExists(name));
  }

  /** Makes `sheet` active and selects `range` (default: its previous selection or A1). */
  activate(sheet: LocalSheet, range?: LocalRange): void {
    sheet.showSheet();
    this.active = { sheet, range: range ?? (this.active.sheet === sheet ? this.active.range : undefined) };
  }

  /** The selected range if it is on `sheet`. */
  activeRangeOf(sheet: LocalSheet): LocalRange | undefined {
    return this.active.sheet === sheet ? this.active.range : undefined;
  }

  /** The active sheet as a local object. */
  localActiveSheet(): LocalSheet {
    const visible = this.visibleSheets();
    const s = this.active.sheet && visible.includes(this.active.sheet) ? this.active.sheet : visible[0];
    if (!s) throw new ServiceError('The spreadsheet has no sheets.');
    return s;
  }

  /** Named ranges as name → sheet and rectangle (local inspection and export). */
  namedRangeEntries(): { name: string; sheet: LocalSheet; rect: GridRect }[] {
    return [...this.named].map(([name, v]) => ({ name, ...v }));
  }

  /** Resolves A1 notation (with optional sheet name) to a local range; null when invalid. */
  resolveA1(a1: string): LocalRange | null {
    const ref = parseA1(a1);
    if (!ref) return null;
    const sheet = ref.sheetName === undefined ? this.localActiveSheet() : this.localSheet(ref.sheetName);
    if (!sheet) return null;
    const rect = resolveReference(ref, sheet.maxRows, sheet.maxColumns);
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns)
      return null;
    return new LocalRange(sheet, rect);
  }

  private sheetIdFor(name: string): number {
    // Google's sheet ids are large random integers; derive a stable one from the name.
    let id = Number.parseInt(
      createHash('sha1').update(`${this.id}:${name}:${this.nextSheetId}`).digest('hex').slice(0, 7),
      16,
    );
    while (this.sheets.some((s) => s.sheetId === id)) id++;
    return id;
  }

  // ---- Apps Script API ---------------------------------------------------------------------------

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getOwner(): GoogleAppsScript.Base.User | null {
    return asGas(new LocalUser(this.owner));
  }

  /**
   * Everyone who may edit the spreadsheet, its owner first
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#geteditors; Drive's
   * File.getEditors sample reads "Log the email address of all users who have edit access to a file",
   * https://developers.google.com/apps-script/reference/drive/user). Same rule as Document.getEditors.
   */
  getEditors(): GoogleAppsScript.Base.User[] {
    return [this.owner, ...this.editors].map((e) => asGas<GoogleAppsScript.Base.User>(new LocalUser(e)));
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    return [...this.viewers].map((e) => asGas<GoogleAppsScript.Base.User>(new LocalUser(e)));
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    const e = typeof user === 'string' ? user : user.getEmail();
    this.viewers.delete(e);
    if (e !== this.owner) this.editors.add(e);
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GasSpreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return asGas(this);
  }

  addViewer(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    const e = typeof user === 'string' ? user : user.getEmail();
    if (e !== this.owner && !this.editors.has(e)) this.viewers.add(e);
    return asGas(this);
  }

  addViewers(emailAddresses: string[]): GasSpreadsheet {
    for (const e of emailAddresses) this.addViewer(e);
    return asGas(this);
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }

  getSheets(): GasSheet[] {
    return this.visibleSheets().map((s) => asGas(s));
  }

  getNumSheets(): number {
    return this.visibleSheets().length;
  }

  /**
   * Exact (case-sensitive) match: public Apps Script code repeatedly notes "getSheetByName is
   * case-sensitive … the script silently got back an empty sheet" (found with the code search; the
   * reference page https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getsheetbynamename
   * does not say otherwise).
   */
  getSheetByName(name: string): GasSheet | null {
    const s = this.localSheet(String(name));
    return s ? asGas(s) : null;
  }

  getSheetById(id: number): GasSheet | null {
    const s = this.visibleSheets().find((x) => x.sheetId === id);
    return s ? asGas(s) : null;
  }

  /** insertSheet(), (index), (name), (name, index); the new sheet becomes active, as in Google. */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object): GasSheet {
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      if (typeof index === 'number') at = index;
    } else if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.getName() === `Trang tính${n}`)) n++;
      name = `Trang tính${n}`;
    }
    const sheet = this.addSheet(name, at === undefined ? {} : { index: at });
    this.activate(sheet);
    return asGas(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    const s = asLocal(LocalSheet, sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    if (this.sheets.length <= 1) throw new ServiceError(messages.removeAllSheets());
    // A protected sheet cannot be deleted by a user who may not edit it.
    s.assertEditable({ row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns });
    const i = this.sheets.indexOf(s);
    if (i >= 0) this.sheets.splice(i, 1);
    for (const [name, v] of this.named) if (v.sheet === s) this.named.delete(name);
    if (this.active.sheet === s) this.active = {};
  }

  getActiveSheet(): GasSheet {
    return asGas(this.localActiveSheet());
  }

  setActiveSheet(sheet: GasSheet, _restoreSelection?: boolean): GasSheet {
    const s = asLocal(LocalSheet, sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.activate(s);
    return asGas(s);
  }

  getActiveRange(): GasRange | null {
    const sheet = this.localActiveSheet();
    const range = this.activeRangeOf(sheet) ?? sheet.rangeAt({ row: 1, column: 1, numRows: 1, numColumns: 1 });
    return asGas(range);
  }

  getActiveCell(): GasRange {
    return this.localActiveSheet().getActiveCell();
  }

  setActiveRange(range: GasRange): GasRange {
    const r = asLocal(LocalRange, range, 'SpreadsheetApp.Spreadsheet.setActiveRange');
    this.activate(r.sheet, r);
    return asGas(r);
  }

  setActiveSelection(range: GasRange | string): GasRange {
    if (typeof range === 'string') return this.setActiveRange(this.getRange(range));
    return this.setActiveRange(range);
  }

  getRange(a1Notation: string): GasRange {
    const r = this.resolveA1(String(a1Notation));
    if (!r) throw new ServiceError(messages.rangeNotFound());
    return asGas(r);
  }

  getDataRange(): GasRange {
    return this.localActiveSheet().getDataRange();
  }

  /**
   * Spreadsheet.getRangeList(a1Notations): A1 ranges, each on its named sheet or the active one
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getrangelista1notations).
   */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations)) {
      throw new ServiceError(
        messages.badParameters(describeArgumentTypes([a1Notations]), 'SpreadsheetApp.Spreadsheet.getRangeList'),
      );
    }
    return asGas(
      new LocalRangeList(
        a1Notations.map((a1) => {
          const r = this.resolveA1(String(a1));
          if (!r) throw new ServiceError(messages.rangeNotFound());
          return r;
        }),
      ),
    );
  }

  getLastRow(): number {
    return this.localActiveSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.localActiveSheet().getLastColumn();
  }

  getSheetName(): string {
    return this.localActiveSheet().getName();
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.localActiveSheet().getSheetValues(startRow, startColumn, numRows, numColumns);
  }

  getRangeByName(name: string): GasRange | null {
    const entry = this.named.get(String(name));
    return entry ? asGas(new LocalRange(entry.sheet, { ...entry.rect })) : null;
  }

  setNamedRange(name: string, range: GasRange): void {
    const r = asLocal(LocalRange, range, 'SpreadsheetApp.Spreadsheet.setNamedRange');
    if (!/^[A-Za-z_\u00C0-\u1EF9][\w.\u00C0-\u1EF9]*$/.test(name) || parseA1(name)) {
      throw new ServiceError(messages.invalidArgument('name'));
    }
    this.named.set(name, { sheet: r.sheet, rect: { ...r.rect } });
  }

  removeNamedRange(name: string): void {
    this.named.delete(String(name));
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.named.keys()].map((n) => asGas(new LocalNamedRange(this, n)));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.sheets.flatMap((s) =>
      s.protections.filter((p: LocalProtection) => p.type === String(type)).map((p) => asGas(p)),
    );
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }
}

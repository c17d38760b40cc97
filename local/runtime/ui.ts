/**
 * Ui, Menu and the recorder of what the add-in showed: menus, sidebar, dialogs, alerts, prompts.
 * Tests read the recorder (runtime.ui); the playground renders it.
 */
import { LocalHtmlOutput } from './html';
import { asGas, asLocal, enumObjectsOf, SERVICE_NAME, ServiceObject } from './service';
import type { ToastRecord } from './spreadsheet';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;

/**
 * Ui.Button and Ui.ButtonSet are enums: their values are objects, never equal to a string, so
 * `alert(...) === 'YES'` is false here as in Google; compare with ui.Button.YES
 * (https://developers.google.com/apps-script/reference/base/button,
 * https://developers.google.com/apps-script/reference/base/button-set).
 */
export const Button = enumObjectsOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumObjectsOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export type ButtonName = keyof typeof Button;

/** A menu entry: an item calling a function, a separator, or a submenu. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: RecordedMenu };

/** A menu as added to the UI. */
export interface RecordedMenu {
  title: string;
  /** True for the add-on menu (Extensions ▸ add-on name). */
  addon: boolean;
  entries: MenuEntry[];
}

/** An HTML surface shown by the add-in (sidebar or dialog). */
export interface ShownHtml {
  title: string;
  content: string;
  width: number;
  height: number;
}

/** An alert or prompt shown, and the answer it got. */
export interface RecordedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: keyof typeof ButtonSet;
  response: ButtonName;
  responseText?: string;
}

/** A scripted answer for the next alert or prompt. */
export interface QueuedResponse {
  button?: ButtonName;
  text?: string;
}

/** Everything the add-in showed in the UI during a runtime's life. */
export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  sidebar: ShownHtml | null = null;
  readonly dialogs: (ShownHtml & { modal: boolean })[] = [];
  /**
   * The dialog open now (the last shown, until closed): Google shows one dialog at a time, a new one
   * in place of the one open.
   */
  openDialog: (ShownHtml & { modal: boolean }) | null = null;
  /** Bumped each time a dialog is shown, so a viewer knows to reload it. */
  dialogVersion = 0;
  readonly alerts: RecordedDialog[] = [];
  private readonly queue: QueuedResponse[] = [];
  /** Bumped whenever something visible changes (the playground polls it). */
  version = 0;
  /** Bumped each time a sidebar is shown, so a viewer knows to reload it. */
  sidebarVersion = 0;

  /** Name of the add-on, used as the title of createAddonMenu(). */
  addonName = 'Trợ lý Đại hội DTTS';

  constructor(private readonly toastSource: () => ToastRecord[]) {}

  /** Toasts shown on the spreadsheet. */
  get toasts(): ToastRecord[] {
    return this.toastSource();
  }

  /** Queues the answer of the next alert or prompt (default: OK for a message, CLOSE for a question; text ""). */
  queueResponse(response: QueuedResponse): void {
    this.queue.push(response);
  }

  /** Takes the next queued answer. */
  nextResponse(): QueuedResponse | undefined {
    return this.queue.shift();
  }

  /** Adds a menu, replacing one with the same title (as re-running onOpen does). */
  addMenu(menu: RecordedMenu): void {
    const i = this.menus.findIndex((m) => m.title === menu.title && m.addon === menu.addon);
    if (i >= 0) this.menus.splice(i, 1, menu);
    else this.menus.push(menu);
    this.version++;
  }

  /** Finds a menu by title. */
  menu(title: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.title === title);
  }

  /** Closes the open dialog (google.script.host.close() from the dialog in the playground). */
  closeDialog(): void {
    this.openDialog = null;
    this.version++;
  }

  /** Closes the sidebar (google.script.host.close() in the playground). */
  closeSidebar(): void {
    this.sidebar = null;
    this.version++;
  }
}

/** A menu being built; addToUi records it. */
export class LocalMenu
  extends ServiceObject
  implements Pick<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>
{
  get [SERVICE_NAME]() {
    return 'Menu';
  }

  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly recorder: UiRecorder,
    readonly title: string,
    readonly addon = false,
  ) {
    super();
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return asGas(this);
  }

  addSeparator(): GasMenu {
    this.entries.push({ kind: 'separator' });
    return asGas(this);
  }

  addSubMenu(menu: GasMenu): GasMenu {
    const sub = asLocal(LocalMenu, menu, 'Menu.addSubMenu');
    this.entries.push({ kind: 'submenu', menu: sub.snapshot() });
    return asGas(this);
  }

  addToUi(): void {
    this.recorder.addMenu(this.snapshot());
  }

  /** The menu as plain data. */
  snapshot(): RecordedMenu {
    return { title: this.title, addon: this.addon, entries: structuredClone(this.entries) };
  }
}

/** A prompt's answer. */
export class LocalPromptResponse
  extends ServiceObject
  implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  get [SERVICE_NAME]() {
    return 'PromptResponse';
  }

  constructor(
    private readonly text: string,
    private readonly button: ButtonName,
  ) {
    super();
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return Button[this.button] as unknown as GasButton;
  }
}

/**
 * The answer of a dialog nobody answered (no queued response): OK for a message; for a question
 * (OK_CANCEL, YES_NO, YES_NO_CANCEL) the title bar's close button, Button.CLOSE, which every dialog has
 * (https://developers.google.com/apps-script/reference/base/button). In Google the script waits for
 * a person; here nobody consents by default, so a "Có" is never assumed (a test queues it).
 */
const UNANSWERED: Record<keyof typeof ButtonSet, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'CLOSE',
  YES_NO: 'CLOSE',
  YES_NO_CANCEL: 'CLOSE',
};

/** SpreadsheetApp.getUi(). */
export class LocalUi
  extends ServiceObject
  implements
    Pick<
      GasUi,
      | 'Button'
      | 'ButtonSet'
      | 'alert'
      | 'createAddonMenu'
      | 'createMenu'
      | 'prompt'
      | 'showModalDialog'
      | 'showModelessDialog'
      | 'showSidebar'
    >
{
  get [SERVICE_NAME]() {
    return 'Ui';
  }

  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(private readonly recorder: UiRecorder) {
    super();
  }

  createMenu(caption: string): GasMenu {
    return asGas(new LocalMenu(this.recorder, String(caption)));
  }

  createAddonMenu(): GasMenu {
    return asGas(new LocalMenu(this.recorder, this.recorder.addonName, true));
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | GasButtonSet, c?: GasButtonSet): GasButton {
    const d = this.dialog('alert', a, b, c);
    return Button[d.response] as unknown as GasButton;
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: string | GasButtonSet, c?: GasButtonSet): GoogleAppsScript.Base.PromptResponse {
    const d = this.dialog('prompt', a, b, c);
    return asGas(new LocalPromptResponse(d.responseText ?? '', d.response));
  }

  private dialog(kind: 'alert' | 'prompt', a: string, b?: unknown, c?: unknown): RecordedDialog {
    const [title, prompt, buttons] =
      c !== undefined ? [String(a), String(b), String(c)] : ['', String(a), b === undefined ? 'OK' : String(b)];
    const set = (buttons in ButtonSet ? buttons : 'OK') as keyof typeof ButtonSet;
    const queued = this.recorder.nextResponse();
    const d: RecordedDialog = { kind, title, prompt, buttons: set, response: queued?.button ?? UNANSWERED[set] };
    if (kind === 'prompt') d.responseText = queued?.text ?? '';
    this.recorder.alerts.push(d);
    this.recorder.version++;
    return d;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const html = asLocal(LocalHtmlOutput, userInterface, 'Ui.showSidebar');
    this.recorder.sidebar = {
      title: html.getTitle(),
      content: html.getContent(),
      width: html.getWidth(),
      height: html.getHeight(),
    };
    this.recorder.sidebarVersion++;
    this.recorder.version++;
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.showDialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.showDialog(userInterface, title, false);
  }

  private showDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string, modal: boolean): void {
    const shown = {
      title: String(title),
      content: userInterface.getContent(),
      width: userInterface.getWidth(),
      height: userInterface.getHeight(),
      modal,
    };
    this.recorder.dialogs.push(shown);
    this.recorder.openDialog = shown;
    this.recorder.dialogVersion++;
    this.recorder.version++;
  }
}

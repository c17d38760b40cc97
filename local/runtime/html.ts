/** HtmlService and HtmlOutput. Files come from `<projectDir>/build/<name>.html`, as clasp pushes them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeContext } from './context';
import { messages, ServiceError } from './errors';
import { asGas, enumOf, SERVICE_NAME, ServiceObject } from './service';

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** HtmlService.SandboxMode. */
export const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE']);
/** HtmlService.XFrameOptionsMode. */
export const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT']);

/** HTML content with a title and a size, as shown in a sidebar or dialog. */
export class LocalHtmlOutput
  extends ServiceObject
  implements
    Pick<
      GasHtmlOutput,
      | 'addMetaTag'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'getContent'
      | 'getHeight'
      | 'getTitle'
      | 'getWidth'
      | 'setContent'
      | 'setHeight'
      | 'setSandboxMode'
      | 'setTitle'
      | 'setWidth'
      | 'setXFrameOptionsMode'
    >
{
  get [SERVICE_NAME]() {
    return 'HtmlOutput';
  }

  private title = '';
  private width = 300;
  private height = 500;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(private content = '') {
    super();
  }

  private get self(): GasHtmlOutput {
    return asGas(this);
  }

  addMetaTag(name: string, content: string): GasHtmlOutput {
    this.metaTags.push({ name, content });
    return this.self;
  }

  append(addedContent: string): GasHtmlOutput {
    this.content += String(addedContent);
    return this.self;
  }

  appendUntrusted(addedContent: string): GasHtmlOutput {
    this.content += String(addedContent).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this.self;
  }

  clear(): GasHtmlOutput {
    this.content = '';
    return this.self;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): GasHtmlOutput {
    this.content = String(content);
    return this.self;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): GasHtmlOutput {
    this.title = String(title);
    return this.self;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): GasHtmlOutput {
    this.width = width;
    return this.self;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): GasHtmlOutput {
    this.height = height;
    return this.self;
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GasHtmlOutput {
    return this.self;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GasHtmlOutput {
    return this.self;
  }
}

/** HtmlService. Templates (createTemplate*) are not implemented. */
export class LocalHtmlService
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'getUserAgent'
    >
{
  get [SERVICE_NAME]() {
    return 'HtmlService';
  }

  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    const content = html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return asGas(new LocalHtmlOutput(content));
  }

  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this.ctx.projectDir, 'build', `${name}.html`);
    if (!existsSync(path)) throw new ServiceError(messages.noHtmlFile(name));
    return asGas(new LocalHtmlOutput(readFileSync(path, 'utf8')));
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (local dtts runtime)';
  }
}

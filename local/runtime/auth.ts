/**
 * Authorization: the OAuth scopes a user granted, the authorization mode of an execution, and
 * ScriptApp's granular-consent methods.
 *
 * - Scopes. A method whose scope the user did not grant fails with Google's
 *   "You do not have permission to call X. Required permissions: S" (the text quoted in
 *   hijonathan/google-scripts#14, ftomassetti/DriveInvoicing#1 — "You do not have permission to call
 *   DocumentApp.openById. Required permissions: https://www.googleapis.com/auth/documents" — and
 *   enuchi/React-Google-Apps-Script#44). Users may grant only
 *   some of the manifest's scopes ("Granular OAuth permissions allow users to authorize specific
 *   scopes, and scripts should be designed to handle these permissions using requireScopes or
 *   getAuthorizationInfo", https://developers.google.com/apps-script/concepts/scopes).
 * - ScriptApp.requireScopes(authMode, scopes): "If any of the specified consents are not granted,
 *   then this method ends the current execution and renders an authorization prompt to request the
 *   missing scopes" (https://developers.google.com/apps-script/reference/script/script-app#requirescopesauthmode,-oauthscopes).
 *   Locally the prompt is recorded in `AuthState.prompts` and the execution ends with an error.
 * - ScriptApp.getAuthorizationInfo(authMode[, scopes]) reports REQUIRED / NOT_REQUIRED, an
 *   authorization URL (null when not required) and the granted scopes among those asked
 *   (https://developers.google.com/apps-script/reference/script/authorization-info).
 * - AuthMode.NONE (an add-on's onOpen in a document where it is not enabled) "does not allow
 *   access to any services that require authorization"; "Don't take any action that requires
 *   authorization (such as checking script Properties) while the add-on is in
 *   ScriptApp.AuthMode.NONE … this results in an error" (https://developers.google.com/workspace/add-ons/concepts/menus);
 *   the add-on menu (Ui.createAddonMenu, Menu.addItem) works in all modes. LIMITED allows the current document and
 *   the UI but not other files (https://developers.google.com/apps-script/reference/script/auth-mode,
 *   https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
 */
import { SPREADSHEET_CLASSES } from './calls';
import { messages, ServiceError } from './errors';
import { asGas, enumObjectsOf, SERVICE_NAME, ServiceObject } from './service';

/** ScriptApp.AuthMode: enum objects, as Google's (compare with `===` between them, or through String()). */
export const AuthMode = enumObjectsOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export type AuthModeName = keyof typeof AuthMode;
/** ScriptApp.AuthorizationStatus, likewise. */
export const AuthorizationStatus = enumObjectsOf(['REQUIRED', 'NOT_REQUIRED']);

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsCurrent: `${AUTH}spreadsheets.currentonly`,
  documents: `${AUTH}documents`,
  documentsCurrent: `${AUTH}documents.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  email: `${AUTH}userinfo.email`,
} as const;

/** A broader scope that includes narrower ones. */
const IMPLIES: Record<string, readonly string[]> = {
  [SCOPES.spreadsheets]: [SCOPES.spreadsheetsCurrent],
  [SCOPES.documents]: [SCOPES.documentsCurrent],
};

const DOCUMENT_CLASSES = [
  'DocumentApp',
  'Document',
  'Body',
  'Paragraph',
  'ListItem',
  'Table',
  'TableRow',
  'TableCell',
  'Text',
  'RangeElement',
];

/**
 * Scopes of which one is needed to call a method, by "<Class>.<method>" or "<Class>" (from the
 * "Authorization" section of each reference page). Methods not listed need none.
 */
function requiredScopes(key: string): readonly string[] | null {
  const cls = key.slice(0, key.indexOf('.'));
  if (key === 'SpreadsheetApp.getUi' || key === 'SpreadsheetApp.newDataValidation') return null;
  if (key === 'DataValidationBuilder.build' || cls === 'DataValidationBuilder') return null;
  if (SPREADSHEET_CLASSES.has(cls)) return [SCOPES.spreadsheetsCurrent, SCOPES.spreadsheets];
  if (DOCUMENT_CLASSES.includes(cls)) return [SCOPES.documentsCurrent, SCOPES.documents];
  // The Docs advanced service calls the REST API: documents.currentonly does not apply
  // (https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate#authorization-scopes).
  if (cls === 'Docs') return [SCOPES.documents];
  if (key === 'Ui.showSidebar' || key === 'Ui.showModalDialog' || key === 'Ui.showModelessDialog')
    return [SCOPES.containerUi];
  return null;
}

/** Calls allowed in AuthMode.NONE: building the add-on's menu, logging, pure utilities. */
function allowedInNone(key: string): boolean {
  const cls = key.slice(0, key.indexOf('.'));
  return (
    key === 'SpreadsheetApp.getUi' ||
    key === 'Ui.createAddonMenu' ||
    key === 'Ui.createMenu' ||
    cls === 'Menu' ||
    cls === 'Logger' ||
    cls === 'Utilities' ||
    cls === 'HtmlService' ||
    cls === 'HtmlOutput' ||
    cls === 'ScriptApp' ||
    key === 'Session.getActiveUserLocale' ||
    key === 'Session.getScriptTimeZone'
  );
}

/** Calls allowed in AuthMode.LIMITED: everything but other files (DocumentApp) and the user's identity. */
function allowedInLimited(key: string): boolean {
  const cls = key.slice(0, key.indexOf('.'));
  return !DOCUMENT_CLASSES.includes(cls) && cls !== 'Docs';
}

/** An authorization prompt Google would have shown (requireScopes). */
export interface AuthorizationPrompt {
  authMode: AuthModeName;
  missing: string[];
}

/** What one runtime's user authorized, and the mode of the running execution. */
export class AuthState {
  /** The manifest's oauthScopes. */
  readonly manifest: readonly string[];
  /** Scopes the user granted. */
  readonly granted: Set<string>;
  /** Mode of the current execution (FULL unless a trigger says otherwise). */
  mode: AuthModeName = 'FULL';
  /** Prompts requested by requireScopes, oldest first. */
  readonly prompts: AuthorizationPrompt[] = [];

  /** True when the manifest lists no oauthScopes: Apps Script then detects them from the code, so none is missing. */
  private readonly detected: boolean;

  constructor(manifest: readonly string[] | undefined, granted?: readonly string[]) {
    this.detected = manifest === undefined && granted === undefined;
    this.manifest = [...(manifest ?? [])];
    // A user can only grant what the manifest asks for.
    this.granted = new Set((granted ?? this.manifest).filter((s) => manifest === undefined || manifest.includes(s)));
  }

  /** True when `scope` (or a broader scope including it) was granted. */
  hasScope(scope: string): boolean {
    if (this.detected || this.granted.has(scope)) return true;
    for (const g of this.granted) if (IMPLIES[g]?.includes(scope)) return true;
    return false;
  }

  /** Throws Google's error when the call `key` is not allowed for this user in this mode. */
  check(key: string): void {
    if (this.mode === 'NONE' && !allowedInNone(key)) throw new ServiceError(messages.noPermission(key, this.need(key)));
    if (this.mode === 'LIMITED' && !allowedInLimited(key)) {
      throw new ServiceError(messages.noPermission(key, this.need(key)));
    }
    const needed = requiredScopes(key);
    if (needed && !needed.some((s) => this.hasScope(s))) {
      throw new ServiceError(messages.noPermission(key, this.need(key)));
    }
  }

  private need(key: string): string {
    const needed = requiredScopes(key);
    return needed ? (needed[needed.length - 1] as string) : SCOPES.spreadsheetsCurrent;
  }
}

/** AuthorizationInfo. */
export class LocalAuthorizationInfo
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.AuthorizationInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'>
{
  get [SERVICE_NAME]() {
    return 'AuthorizationInfo';
  }

  constructor(
    private readonly required: boolean,
    private readonly authorized: string[],
    private readonly scriptId: string,
  ) {
    super();
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return (this.required
      ? AuthorizationStatus.REQUIRED
      : AuthorizationStatus.NOT_REQUIRED) as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl(): string {
    return (this.required ? `https://script.google.com/macros/d/${this.scriptId}/authorize` : null) as string;
  }

  getAuthorizedScopes(): string[] {
    return [...this.authorized];
  }
}

/** ScriptApp (the parts about authorization). */
export class LocalScriptApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode' | 'AuthorizationStatus' | 'getAuthorizationInfo'>
{
  get [SERVICE_NAME]() {
    return 'ScriptApp';
  }

  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;

  constructor(
    private readonly auth: AuthState,
    private readonly scriptId = 'local-script',
  ) {
    super();
  }

  private asked(scopes: unknown): string[] {
    if (scopes === undefined) return [...this.auth.manifest];
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
      throw new ServiceError(messages.invalidArgument('oAuthScopes'));
    }
    return scopes as string[];
  }

  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
    oAuthScopes?: string[],
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const mode = String(authMode) as AuthModeName;
    const asked = this.asked(oAuthScopes);
    // "no other authorization mode requires that users grant authorization" than FULL.
    const missing = mode === 'FULL' ? asked.filter((s) => !this.auth.hasScope(s)) : [];
    const authorized = asked.filter((s) => this.auth.hasScope(s));
    return asGas(new LocalAuthorizationInfo(missing.length > 0, authorized, this.scriptId));
  }

  /** Ends the execution with an authorization prompt when a scope is missing. */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    const mode = String(authMode) as AuthModeName;
    const asked = this.asked(oAuthScopes);
    const missing = asked.filter((s) => !this.auth.hasScope(s));
    if (missing.length === 0) return;
    this.auth.prompts.push({ authMode: mode, missing });
    throw new ServiceError(messages.authorizationRequired());
  }
}

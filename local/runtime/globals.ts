/**
 * The Apps Script globals the bundle sees, built fresh for each runtime. This is the one place a
 * new service is registered: add it to `ServiceGlobals` and to `createGlobals`.
 */
import { LocalScriptApp } from './auth';
import { LocalCacheService } from './cache';
import { Charts } from './charts';
import type { RuntimeContext } from './context';
import { LocalDocsService } from './docs-api';
import { LocalDocumentApp } from './document';
import { LocalHtmlService } from './html';
import { LocalLockService } from './lock';
import { LocalLogger } from './logger';
import { LocalPropertiesService } from './properties';
import { LocalSession } from './session';
import { LocalSpreadsheetApp } from './spreadsheet-app';
import { LocalUtilities } from './utilities';

/** MimeType enum values the add-in may use with blobs and DocumentApp exports. */
export const MimeType = Object.freeze({
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
  HTML: 'text/html',
  PLAIN_TEXT: 'text/plain',
  CSV: 'text/csv',
  JSON: 'application/json',
  ZIP: 'application/zip',
});

/** Service objects exposed as globals; each is wrapped by the counting boundary before the bundle sees it. */
export interface ServiceGlobals {
  SpreadsheetApp: LocalSpreadsheetApp;
  HtmlService: LocalHtmlService;
  PropertiesService: LocalPropertiesService;
  LockService: LocalLockService;
  CacheService: LocalCacheService;
  Session: LocalSession;
  Utilities: LocalUtilities;
  Logger: LocalLogger;
  DocumentApp: LocalDocumentApp;
  ScriptApp: LocalScriptApp;
  /** The Docs advanced service, only when the manifest enables it. */
  Docs?: LocalDocsService;
}

/** Plain (uncounted) globals: enums and other values that are not services. */
export interface ValueGlobals {
  MimeType: typeof MimeType;
  /** Charts.ChartType for embedded charts (charts.ts). */
  Charts: typeof Charts;
}

/** Creates the service globals of one runtime; `advanced`: user symbols of the enabled advanced services. */
export function createGlobals(runtime: RuntimeContext, advanced: readonly string[] = []): ServiceGlobals {
  const documentApp = new LocalDocumentApp(runtime);
  return {
    SpreadsheetApp: new LocalSpreadsheetApp(runtime),
    HtmlService: new LocalHtmlService(runtime),
    PropertiesService: new LocalPropertiesService(runtime),
    LockService: new LocalLockService(runtime),
    CacheService: new LocalCacheService(runtime),
    Session: new LocalSession(runtime),
    Utilities: new LocalUtilities(runtime),
    Logger: new LocalLogger(runtime),
    DocumentApp: documentApp,
    ScriptApp: new LocalScriptApp(runtime.auth),
    ...(advanced.includes('Docs') ? { Docs: new LocalDocsService(documentApp) } : {}),
  };
}

/** Creates the value globals (not counted, identical for every runtime). */
export function createValueGlobals(): ValueGlobals {
  return { MimeType, Charts };
}

/** SpreadsheetApp: the entry point to the bound spreadsheet, its UI and the rule builders. */
import type { RuntimeContext } from './context';
import { DataValidationCriteria, LocalDataValidationBuilder } from './data-validation';
import { ProtectionType } from './protection';
import { LocalRange } from './range';
import { asGas, asLocal, enumOf, SERVICE_NAME, ServiceObject } from './service';
import { LocalSheet } from './sheet';
import { LocalUi } from './ui';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** SpreadsheetApp.BorderStyle. */
export const BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
/** SpreadsheetApp.WrapStrategy. */
export const WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);

/** The SpreadsheetApp service, bound to the runtime's spreadsheet. */
export class LocalSpreadsheetApp
  extends ServiceObject
  implements
    Pick<
      App,
      | 'BorderStyle'
      | 'DataValidationCriteria'
      | 'ProtectionType'
      | 'WrapStrategy'
      | 'flush'
      | 'getActive'
      | 'getActiveRange'
      | 'getActiveSheet'
      | 'getActiveSpreadsheet'
      | 'getUi'
      | 'newDataValidation'
      | 'openById'
      | 'setActiveRange'
      | 'setActiveSheet'
    >
{
  get [SERVICE_NAME]() {
    return 'SpreadsheetApp';
  }

  readonly BorderStyle = BorderStyle as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle;
  readonly DataValidationCriteria =
    DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly ProtectionType = ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly WrapStrategy = WrapStrategy as unknown as typeof GoogleAppsScript.Spreadsheet.WrapStrategy;

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(this.ctx.spreadsheet);
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(this.ctx.spreadsheet);
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.spreadsheet.getActiveSheet();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.spreadsheet.getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.spreadsheet.setActiveSheet(asGas(asLocal(LocalSheet, sheet, 'SpreadsheetApp.setActiveSheet')));
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.spreadsheet.setActiveRange(asGas(asLocal(LocalRange, range, 'SpreadsheetApp.setActiveRange')));
  }

  /** Only the bound spreadsheet can be opened locally. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (id !== this.ctx.spreadsheet.getId()) {
      throw new Error(
        `Local runtime: only the bound spreadsheet (${this.ctx.spreadsheet.getId()}) can be opened, not ${id}`,
      );
    }
    return asGas(this.ctx.spreadsheet);
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return asGas(new LocalUi(this.ctx.ui));
  }

  /**
   * "Applies all pending Spreadsheet changes" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush):
   * other runtimes on the spreadsheet see this runtime's writes from now on (access.ts).
   */
  flush(): void {
    this.ctx.flushWrites();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new LocalDataValidationBuilder());
  }
}

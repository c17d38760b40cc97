/**
 * Errors the local services throw, with the messages Google's services use, so code and tests that
 * match on messages behave the same locally and in production.
 */

/** An error raised by a local Apps Script service. Apps Script names its service errors "Exception". */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Message texts copied from the errors Google's services raise. */
export const messages = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rangeNotFound: () => 'Range not found',
  outsideSheet: () => 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: () => 'The starting row of the range is too small.',
  startColumnTooSmall: () => 'The starting column of the range is too small.',
  tooFewRows: () => 'The number of rows in the range must be at least 1.',
  tooFewColumns: () => 'The number of columns in the range must be at least 1.',
  badParameters: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
  cellTooLong: () => 'Your input contains more than the maximum of 50000 characters in a single cell.',
  validationViolated: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  removeAllSheets: () => "You can't remove all the sheets in a document.",
  hideAllSheets: () => "You can't hide all the sheets in a document.",
  rowsOutOfBounds: () => 'Those rows are out of bounds.',
  columnsOutOfBounds: () => 'Those columns are out of bounds.',
  deleteAllRows: () => 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: () => 'Sorry, it is not possible to delete all non-frozen columns.',
  lockTimeout: () => 'Lock timeout: another process was holding the lock for too long.',
  argumentTooLarge: (name: string) => `Argument too large: ${name}`,
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  propertyQuota: () => 'You have exceeded the property storage quota. Please remove some properties and try again.',
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  functionNotFound: (name: string) => `Script function not found: ${name}`,
  spreadsheetServiceFailed: (id: string) => `Service Spreadsheets failed while accessing document with id ${id}.`,
  serverError: () => "We're sorry, a server error occurred. Please wait a bit and try again.",
  /** Sheets' refusal of an edit of a protected range or sheet (quoted by theoephraim/node-google-spreadsheet#20). */
  protectedCell: () =>
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  /** A call whose OAuth scope the user did not grant (auth.ts). */
  noPermission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  /** The execution ended to ask the user for authorization (ScriptApp.requireScopes). */
  authorizationRequired: () => 'Authorization is required to perform that action.',
  illegalPatternCharacter: (c: string) => `Illegal pattern character '${c}'`,
} as const;

/** Describes argument types the way Apps Script's "parameters don't match" message does. */
export function describeArgumentTypes(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (a === null || a === undefined) return 'null';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'string') return 'String';
      if (typeof a === 'boolean') return 'Boolean';
      if (Array.isArray(a)) return 'number[]';
      return 'Object';
    })
    .join(',');
}

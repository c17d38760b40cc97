/** DataValidation rules and their builder (SpreadsheetApp.newDataValidation()). */
import type { StoredValidation } from './cells';
import type { CellValue } from './number-format';
import { asGas, enumOf, SERVICE_NAME, ServiceObject } from './service';

type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
export type CriteriaName = keyof typeof DataValidationCriteria;

interface RuleSpec {
  criteria: CriteriaName;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** An immutable data validation rule. */
export class LocalDataValidation
  extends ServiceObject
  implements
    StoredValidation,
    Pick<GasValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  get [SERVICE_NAME]() {
    return 'DataValidation';
  }

  constructor(private readonly spec: RuleSpec) {
    super();
  }

  get criteria(): CriteriaName {
    return this.spec.criteria;
  }

  copy(): GasBuilder {
    return asGas(new LocalDataValidationBuilder({ ...this.spec, values: [...this.spec.values] }));
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return this.spec.criteria as unknown as GasCriteria;
  }

  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }

  getHelpText(): string {
    return this.spec.helpText ?? '';
  }

  /** True when a value (already typed as stored in the cell) satisfies the rule; blanks always do. */
  accepts(value: CellValue | null, display: string): boolean {
    if (value === null || value === '') return true;
    const [a, b] = this.spec.values;
    const n = typeof value === 'number' ? value : Number.NaN;
    switch (this.spec.criteria) {
      case 'VALUE_IN_LIST':
        return (a as unknown[]).map(String).includes(display);
      case 'VALUE_IN_RANGE':
        return (a as GoogleAppsScript.Spreadsheet.Range).getDisplayValues().some((row) => row.includes(display));
      case 'CHECKBOX':
        return this.spec.values.length === 0 ? typeof value === 'boolean' : this.spec.values.includes(value);
      case 'NUMBER_BETWEEN':
        return n >= Number(a) && n <= Number(b);
      case 'NUMBER_NOT_BETWEEN':
        return n < Number(a) || n > Number(b);
      case 'NUMBER_EQUAL_TO':
        return n === Number(a);
      case 'NUMBER_NOT_EQUAL_TO':
        return !Number.isNaN(n) && n !== Number(a);
      case 'NUMBER_GREATER_THAN':
        return n > Number(a);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return n >= Number(a);
      case 'NUMBER_LESS_THAN':
        return n < Number(a);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return n <= Number(a);
      case 'TEXT_CONTAINS':
        return display.includes(String(a));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !display.includes(String(a));
      case 'TEXT_EQUAL_TO':
        return display === String(a);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(display);
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(display);
      case 'DATE_IS_VALID_DATE':
        return value instanceof Date;
      default:
        // Date comparisons and custom formulas are not evaluated locally.
        return true;
    }
  }
}

/** SpreadsheetApp.newDataValidation(). */
export class LocalDataValidationBuilder
  extends ServiceObject
  implements
    Pick<
      GasBuilder,
      | 'build'
      | 'copy'
      | 'getAllowInvalid'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getHelpText'
      | 'requireCheckbox'
      | 'requireNumberBetween'
      | 'requireNumberEqualTo'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireTextContains'
      | 'requireTextEqualTo'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireDate'
      | 'requireFormulaSatisfied'
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'withCriteria'
    >
{
  get [SERVICE_NAME]() {
    return 'DataValidationBuilder';
  }

  private spec: RuleSpec;

  constructor(spec?: RuleSpec) {
    super();
    this.spec = spec ?? { criteria: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: null };
  }

  private set(criteria: CriteriaName, values: unknown[]): GasBuilder {
    this.spec = { ...this.spec, criteria, values };
    return asGas(this);
  }

  build(): GasValidation {
    return asGas(new LocalDataValidation({ ...this.spec, values: [...this.spec.values] }));
  }

  copy(): GasBuilder {
    return asGas(new LocalDataValidationBuilder({ ...this.spec, values: [...this.spec.values] }));
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return this.spec.criteria as unknown as GasCriteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GasBuilder {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.set('CHECKBOX', values);
  }

  requireDate(): GasBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): GasBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(number: number): GasBuilder {
    return this.set('NUMBER_EQUAL_TO', [number]);
  }

  requireNumberGreaterThan(number: number): GasBuilder {
    return this.set('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GasBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThan(number: number): GasBuilder {
    return this.set('NUMBER_LESS_THAN', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): GasBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextContains(text: string): GasBuilder {
    return this.set('TEXT_CONTAINS', [text]);
  }

  requireTextEqualTo(text: string): GasBuilder {
    return this.set('TEXT_EQUAL_TO', [text]);
  }

  requireTextIsEmail(): GasBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GasBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): GasBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): GasBuilder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }

  setAllowInvalid(allowInvalidData: boolean): GasBuilder {
    this.spec = { ...this.spec, allowInvalid: allowInvalidData };
    return asGas(this);
  }

  setHelpText(helpText: string): GasBuilder {
    this.spec = { ...this.spec, helpText };
    return asGas(this);
  }

  withCriteria(criteria: GasCriteria, args: unknown[]): GasBuilder {
    return this.set(String(criteria) as CriteriaName, [...args]);
  }
}

/**
 * Test helper: the settings of `Cấu hình` as an officer types them (column B of the row whose column A
 * holds the setting's label). One place for what many tests did by hand.
 */
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';

type Workbook = Pick<LocalSpreadsheet, 'getSheetByName'>;

function configSheet(ss: Workbook) {
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  return config;
}

/** The 1-based row of a setting in `Cấu hình`; throws on a label the sheet does not hold. */
export function settingRow(ss: Workbook, label: string): number {
  const config = configSheet(ss);
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const at = labels.indexOf(label);
  if (at < 0) throw new Error(`no setting ${label}`);
  return at + 1;
}

/** Types a setting's value (as the officer would) and returns its cell ("B12"). */
export function setSetting(ss: Workbook, label: string, value: unknown): string {
  const row = settingRow(ss, label);
  configSheet(ss)
    .getRange(row, 2)
    .setValue(value as string);
  return `B${row}`;
}

/**
 * Attack on the delegate list: one person entered twice (a district sends its list again and the
 * officer pastes it under the first; the name typed once with composed, once with decomposed
 * Unicode, or different spacing). "Kiểm tra dữ liệu" warns "có thể trùng"; the official list printed
 * the person twice and counted them twice without a word. It now asks for confirmation naming both
 * rows (namesakes exist), and a namesake born another year is no question.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T09:00:00+07:00';

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const generate = (kind: string, options: Record<string, unknown> = {}) =>
    runBundle(runtime, 'generateNotice', [kind, options]).result as NoticeResultDto;
  const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
  if (!sheet) throw new Error('no Đại biểu');
  /** Appends a copy of `row` with its name and birth year changed; returns the new row. */
  const copyRow = (row: number, name: string, year?: number) => {
    const width = sheet.getLastColumn();
    const values = sheet.getRange(row, 1, 1, width).getValues()[0] as unknown[];
    const at = sheet.getLastRow() + 1;
    values[0] = at - 1;
    values[1] = name;
    if (year !== undefined) values[5] = year;
    sheet.getRange(at, 1, 1, width).setValues([values as never]);
    return at;
  };
  return { runtime, generate, sheet, copyRow };
}

describe('one official delegate entered twice', () => {
  it('the list asks for confirmation naming both rows, then prints as confirmed', () => {
    const { runtime, generate, sheet, copyRow } = setup();
    expect(sheet.getRange('H2').getValue()).toBe('Chính thức');
    const name = String(sheet.getRange('B2').getValue());
    // Pasted again, decomposed (NFD) and with a double space.
    const again = copyRow(2, name.normalize('NFD').replace(' ', '  '));
    const before = snapshot(runtime.spreadsheet);
    const result = generate('danh-sach-dai-bieu');
    expect(result.needsForce).toBe(true);
    expect(result.message).toContain(`dòng ${again}:`);
    expect(result.message).toContain('có thể trùng với dòng 2');
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
    expect(diff(before, snapshot(runtime.spreadsheet))).toEqual([]);
    const forced = generate('danh-sach-dai-bieu', { force: true });
    expect(forced.url).not.toBe('');
    expect(forced.message).toContain('có thể trùng với dòng 2');
  });

  it('a namesake born another year is no question', () => {
    const { generate, sheet, copyRow } = setup();
    const year = Number(sheet.getRange('F2').getValue());
    copyRow(2, String(sheet.getRange('B2').getValue()), year + 7);
    const result = generate('danh-sach-dai-bieu');
    expect(result.needsForce).toBeFalsy();
    expect(result.url).not.toBe('');
  });

  it('a guest with the same name and year as an official is not printed, so no question', () => {
    const { generate, sheet, copyRow } = setup();
    const at = copyRow(2, String(sheet.getRange('B2').getValue()));
    sheet.getRange(at, 8).setValue('Khách mời');
    expect(generate('danh-sach-dai-bieu').needsForce).toBeFalsy();
  });
});

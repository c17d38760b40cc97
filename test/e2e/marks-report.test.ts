/**
 * `Kiểm tra` copies text from user cells: it must stay exactly that text (never a number, a date or
 * a formula), and a run on unchanged data writes nothing.
 */
import { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import type { Problem } from '../../src/domain/problem';
import { WriteBatch } from '../../src/sheets/batch';
import { writeReport } from '../../src/sheets/marks';
import type { Spreadsheet } from '../../src/sheets/workbook';

const TRICKY = ['06100', '1/5', '1E5', '=SUM(A1:A3)', '+84 912', '-1', '@me', "'quoted", 'TRUE', '12,5%', '2024-01-12'];

function problem(i: number, text: string): Problem {
  return { severity: 'error', sheet: 'Đại biểu', cell: `B${i + 2}`, message: text, suggestion: text, rule: 'test' };
}

describe('Kiểm tra keeps copied text as text', () => {
  it('writes every value exactly, formatted as plain text, with no formula', () => {
    const local = LocalSpreadsheet.create({ sheetName: 'Kiểm tra' });
    const ss = local as unknown as Spreadsheet;
    const problems = TRICKY.map((t, i) => problem(i, t));
    writeReport(ss, problems, new WriteBatch());
    const sheet = ss.getSheetByName('Kiểm tra') as GoogleAppsScript.Spreadsheet.Sheet;
    const range = sheet.getRange(2, 1, TRICKY.length, 5);
    const values = range.getValues();
    expect(values.map((r) => r[3])).toEqual(TRICKY);
    expect(values.map((r) => r[4])).toEqual(TRICKY);
    expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(new Set(range.getNumberFormats().flat())).toEqual(new Set(['@']));
    // The same report again: nothing to write.
    const batch = new WriteBatch();
    expect(writeReport(ss, problems, batch)).toBe(0);
  });
});

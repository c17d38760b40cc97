/**
 * The trust corpus's officer typed their own "Điện thoại" column (phones as text) after the template's,
 * which is empty. Before: validation read the template's empty column and ignored the officer's phones
 * (with Điện thoại required: "chưa đại biểu nào có", while 29 phones were typed).
 *
 * Now: of columns under the same header, the only one holding data below the header is the one read
 * (locateTable), and the duplicate warning stands at the template's empty header naming the one used.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { builtCodePath } from '../../local/testing';
import { CORPUS } from '../trust/corpus';

test('an officer’s own Điện thoại beside the template’s empty one is the one read', () => {
  builtCodePath();
  const w = CORPUS[0];
  if (!w) throw new Error('no corpus');
  const ss = w.build();
  const config = ss.getSheetByName('Cấu hình');
  const delegates = ss.getSheetByName(w.delegatesSheet);
  if (!config || !delegates) throw new Error('no sheets');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue('Điện thoại');
  const header = delegates.getRange(1, 1, 1, delegates.getLastColumn()).getValues()[0] as string[];
  const template = header.indexOf('Điện thoại') + 1;
  const own = header.lastIndexOf('Điện thoại') + 1;
  expect(own).toBeGreaterThan(template);
  const letter = (c: number) => String.fromCharCode(64 + c);
  const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
  runBundle(rt, 'validateAll');
  const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
  expect(report.filter((r) => String(r[3]).startsWith('Cột "Điện thoại" là thông tin bắt buộc nhưng chưa'))).toEqual(
    [],
  );
  // The duplicate is said at the template's empty header, naming the officer's as the one used.
  expect(report.filter((r) => r[1] === 'Đại biểu' && String(r[3]).startsWith('Cột "Điện thoại" xuất hiện'))).toEqual([
    expect.arrayContaining([`${letter(template)}1`, `Cột "Điện thoại" xuất hiện 2 lần; chỉ dùng cột ${letter(own)}1.`]),
  ]);
  // The blank phones below the typed ones are the officer's column's cells.
  const missing = report.filter((r) => r[3] === 'Thiếu số điện thoại.').map((r) => String(r[2]));
  expect(missing.length).toBeGreaterThan(0);
  expect(missing.every((c) => c.startsWith(letter(own)))).toBe(true);
});

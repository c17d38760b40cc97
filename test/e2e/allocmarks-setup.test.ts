/**
 * "Thiết lập bảng tính" appends the settings `Cấu hình` lacks under its last row; when the sheet ends
 * at that row, Sheets inserts rows that take its formatting. A mark's fill validation left on that
 * row must not come with them (no record names the new rows: it would never be cleared); the
 * officer's own fill there is inherited, as when they insert a row themselves.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { FILL } from '../trust/corpus';
import { MARK_FILLS, MARKER } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';
const LAST = 'Số ngày cảnh báo sắp đến hạn';

test('settings appended under a marked last row of `Cấu hình` carry no mark fill or note', () => {
  const ss = buildSample(LANG_SON);
  const config = ss.localSheet('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config.getRange(1, 1, config.getLastRow(), 1).getValues();
  const row = labels.findIndex((r) => r[0] === LAST) + 1;
  expect(row).toBeGreaterThan(2);
  // The officer typed the number of days in words, coloured the label, and deleted everything below.
  config.getRange(row, 2).setValue('ba ngày');
  config.getRange(row, 1).setBackground(FILL.lightGreen);
  config.deleteRows(row + 1, config.getMaxRows() - row);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  runBundle(rt, 'validateAll', []);
  // The precondition: validation marked the value of the last row.
  expect(MARK_FILLS.has(config.getRange(row, 2).getBackground())).toBe(true);
  expect(config.getRange(row, 2).getNote()).toContain(MARKER);

  runBundle(rt, 'setupWorkbook', []);
  const added = config.getMaxRows() - row;
  expect(added).toBeGreaterThan(0);
  const block = config.getRange(row + 1, 1, added, 3);
  const names = block.getValues().map((r) => String(r[0]));
  expect(names).toContain('Hạn tổ chức Đại hội cấp cơ sở');
  const fills = block.getBackgrounds();
  const notes = block.getNotes();
  const stray: string[] = [];
  fills.forEach((r, i) => {
    r.forEach((f, c) => {
      if (MARK_FILLS.has(f) || notes[i]?.[c]?.includes(MARKER)) stray.push(`${'ABC'[c]}${row + 1 + i} ${f}`);
    });
  });
  expect(stray).toEqual([]);
  // The officer's fill: inherited, as Sheets does; the marked row itself untouched by setup.
  expect(fills.map((r) => r[0])).toEqual(fills.map(() => FILL.lightGreen));
  expect(config.getRange(row, 2).getNote()).toContain(MARKER);
});

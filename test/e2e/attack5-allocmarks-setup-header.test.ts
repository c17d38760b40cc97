/**
 * Attack: the officer deleted every row of `Cấu hình` under its header (the sheet ends at the header).
 * "Thiết lập bảng tính" appends the settings in rows Sheets inserts after the header, which take the
 * header's formatting: the settings must not come out bold and filled like the header.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { FILL } from '../trust/corpus';

const NOW = '2024-01-14T09:00:00+07:00';

test('settings appended under the header of an emptied `Cấu hình` do not look like the header', () => {
  const ss = buildSample(LANG_SON);
  const config = ss.localSheet('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const width = config.getLastColumn();
  config.getRange(1, 1, 1, width).setBackground(FILL.lightBlue).setFontWeight('bold');
  config.setFrozenRows(0); // Sheets keeps one row that is not frozen
  config.deleteRows(2, config.getMaxRows() - 1);
  expect(config.getMaxRows()).toBe(1);
  runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'setupWorkbook', []);
  const rows = config.getMaxRows() - 1;
  expect(rows).toBeGreaterThan(3);
  const block = config.getRange(2, 1, rows, width);
  expect(block.getValues().map((r) => String(r[0]))).toContain('Hạn tổ chức Đại hội cấp cơ sở');
  const styled: string[] = [];
  const fills = block.getBackgrounds();
  const weights = block.getFontWeights();
  fills.forEach((r, i) => {
    r.forEach((f, c) => {
      if (f === FILL.lightBlue || weights[i]?.[c] === 'bold') styled.push(`${i + 2}:${c + 1} ${f} ${weights[i]?.[c]}`);
    });
  });
  expect(styled).toEqual([]);
  // The header keeps its style.
  expect(config.getRange(1, 1).getBackground()).toBe(FILL.lightBlue);
  expect(config.getRange(1, 1).getFontWeight()).toBe('bold');
});

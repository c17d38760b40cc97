/**
 * Attack: the marked last unit row of `Phân bổ` moved down by a row the officer inserted above it after
 * validating (the record still names the old row), and the mark's cell is no longer exactly as the add-in
 * left it: the officer typed a line under the add-in's note, or the cell held the officer's own note (the
 * add-in then writes only the fill). The new unit's row inserted under it must still not carry the
 * mark's fill: no record would name it, and it would never be cleared.
 */
import { action, run, runtimeFor } from '../trust/actions';
import { column, FILL, sheet } from '../trust/corpus';
import { MARK_FILLS, MARKER } from '../trust/snapshot';
import { ALLOCATION, LAST_UNIT_ROW, scenario } from './allocmarks-scenario';

const allocate = action('allocateDelegates');
const validate = action('validateAll');

function strayFills(alloc: ReturnType<typeof sheet>, row: number): string[] {
  const note = column(alloc, 'Ghi chú');
  const fills = alloc.getRange(row, 1, 1, alloc.getLastColumn()).getBackgrounds()[0] ?? [];
  return fills.flatMap((f, c) => (c + 1 !== note && MARK_FILLS.has(f) ? [`${c + 1} ${f}`] : []));
}

test('the officer typed a line under the mark’s note, then inserted a row above: no mark fill on the new row', () => {
  const w = scenario();
  const ss = w.build();
  const rt = runtimeFor(ss, w);
  expect(run(rt, validate).error).toBeUndefined();
  const alloc = sheet(ss, ALLOCATION);
  const final = column(alloc, 'Số chính thức');
  const cell = alloc.getRange(LAST_UNIT_ROW, final);
  expect(cell.getNote()).toContain(MARKER);
  cell.setNote(`${cell.getNote()}\nĐã hỏi huyện, chờ trả lời.`);
  alloc.insertRowsBefore(5, 1);
  const marked = LAST_UNIT_ROW + 1;
  expect(alloc.getRange(marked, final).getBackground()).toBe(FILL.lightRed);
  const outcome = run(rt, allocate);
  expect((outcome.result as { ok: boolean } | undefined)?.ok).toBe(true);
  expect(alloc.getRange(marked + 1, column(alloc, 'Mã đơn vị')).getValue()).toBe('MS');
  expect(strayFills(alloc, marked + 1)).toEqual([]);
  // The officer's line stays under the note of the marked cell.
  expect(alloc.getRange(marked, final).getNote()).toContain('Đã hỏi huyện, chờ trả lời.');
});

test('the marked cell held the officer’s own note (fill only), then a row inserted above: no mark fill on the new row', () => {
  const w = scenario();
  const ss = w.build();
  const alloc = sheet(ss, ALLOCATION);
  const final = column(alloc, 'Số chính thức');
  alloc.getRange(LAST_UNIT_ROW, final).setNote('Số của huyện gửi ngày 10/1.');
  const rt = runtimeFor(ss, w);
  expect(run(rt, validate).error).toBeUndefined();
  // The precondition: the fill is the add-in's, the note the officer's.
  expect(alloc.getRange(LAST_UNIT_ROW, final).getBackground()).toBe(FILL.lightRed);
  expect(alloc.getRange(LAST_UNIT_ROW, final).getNote()).toBe('Số của huyện gửi ngày 10/1.');
  alloc.insertRowsBefore(5, 1);
  const marked = LAST_UNIT_ROW + 1;
  const outcome = run(rt, allocate);
  expect((outcome.result as { ok: boolean } | undefined)?.ok).toBe(true);
  expect(alloc.getRange(marked + 1, column(alloc, 'Mã đơn vị')).getValue()).toBe('MS');
  expect(strayFills(alloc, marked + 1)).toEqual([]);
});

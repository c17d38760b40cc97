/**
 * A mark the officer has touched: the officer types a line under the add-in's note, or recolours the
 * marked cell, then corrects the value. The next validation takes back only what the add-in wrote:
 * the officer's line and the officer's colour stay, and no marker text is left behind.
 */
import { action, run, runtimeFor } from './actions';
import { column, corpusWorkbook, FILL, sheet } from './corpus';
import { MARKER, NO_FILL } from './snapshot';

const w = corpusWorkbook('Kon Tum decorated');

function marked() {
  const ss = w.build();
  const runtime = runtimeFor(ss, w);
  const delegates = sheet(ss, w.delegatesSheet);
  // No user decoration here. The corpus' 2018 is no longer a problem (ages have no bound by default
  // since this round's age rule), so an impossible year (before 1900) makes the problem.
  const cell = delegates.getRange(10, column(delegates, 'Năm sinh'));
  cell.setValue(1850);
  run(runtime, action('validateAll'));
  return { ss, runtime, cell };
}

test('the cell is marked first (note with the marker, a fill)', () => {
  const { cell } = marked();
  expect(cell.getNote()).toContain(MARKER);
  expect(cell.getBackground()).not.toBe(NO_FILL);
});

test("a line the officer typed under the add-in's note stays when the mark goes", () => {
  const { runtime, cell } = marked();
  cell.setNote(`${cell.getNote()}\nĐã gọi điện xác minh ngày 16/5`);
  cell.setValue(1985);
  run(runtime, action('validateAll'));
  expect(cell.getNote()).toContain('Đã gọi điện xác minh ngày 16/5');
  expect(cell.getNote()).not.toContain(MARKER);
  expect(cell.getBackground()).toBe(NO_FILL);
});

test("the officer's own colour on a marked cell stays when the mark goes", () => {
  const { runtime, cell } = marked();
  cell.setBackground(FILL.lightGreen);
  cell.setValue(1985);
  run(runtime, action('validateAll'));
  expect(cell.getBackground()).toBe(FILL.lightGreen);
  expect(cell.getNote()).not.toContain(MARKER);
});

test('a mark still due is written once, not stacked, on the next validation', () => {
  const { runtime, cell } = marked();
  const note = cell.getNote();
  run(runtime, action('validateAll'));
  expect(cell.getNote()).toBe(note);
  expect(cell.getNote().split(MARKER)).toHaveLength(2);
});

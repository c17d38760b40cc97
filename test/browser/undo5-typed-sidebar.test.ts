/**
 * "Hoàn tác phân bổ" in the sidebar (headless Chromium on the playground) after an officer typed over
 * a cell of the add-in's columns: the sidebar lists the cell (sheet!A1, unit name, column, typed →
 * restored) and writes nothing; "Hủy" keeps it; another officer's edit while the list is shown
 * refuses the confirmation (nothing written, the new list shown); "Thay các ô này và hoàn tác"
 * restores, and the message names the replaced cells.
 */
import { keepScreenshot, openPlayground, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await openPlayground();
}, 60_000);

afterAll(async () => {
  await s?.close();
});

const live = () => s.sidebar.locator('#slot-result');
const sheet = () => {
  const found = s.runtime.spreadsheet.getSheetByName('Phân bổ');
  if (!found) throw new Error('no Phân bổ');
  return found;
};
const columnOf = (header: string) =>
  (sheet().getRange(1, 1, 1, sheet().getLastColumn()).getValues()[0] ?? []).indexOf(header) + 1;
const finals = () =>
  sheet()
    .getRange(2, columnOf('Số chính thức'), 5, 1)
    .getValues()
    .map((r) => r[0]);

test('a typed Số chính thức: listed, Hủy keeps it, the confirmation replaces it and says so', async () => {
  await s.sidebar.locator('[data-key="allocateDelegates"]').click();
  await live().locator('.result.tone-ok').waitFor();
  const first = finals();
  const config = s.runtime.spreadsheet.getSheetByName('Cấu hình');
  const values = config?.getDataRange().getValues() ?? [];
  const total = values.findIndex((r) => r[0] === 'Tổng số đại biểu chính thức') + 1;
  config?.getRange(total, 2).setValue(Number(values[total - 1]?.[1]) + 7);
  await s.sidebar.locator('[data-key="allocateDelegates"]').click();
  await live().locator('#reallocate-preview').waitFor();
  await s.sidebar.locator('[data-key="reallocate-confirm"]').click();
  await live().locator('.result.tone-ok').waitFor();
  const undo = s.sidebar.locator('[data-key="undoAllocation"]');
  await undo.waitFor();
  const col = columnOf('Số chính thức');
  sheet().getRange(2, col).setValue(99);
  const cell = sheet().getRange(2, col).getA1Notation();
  const name = String(sheet().getRange(2, columnOf('Tên đơn vị')).getValue());

  await undo.click();
  const list = live().locator('#undo-typed');
  await list.waitFor();
  const row = list.locator(`tr[data-cell="${cell}"]`);
  await expect(row.textContent()).resolves.toContain(`Phân bổ!${cell}`);
  await expect(row.textContent()).resolves.toContain(name);
  await expect(row.locator('td').nth(1).textContent()).resolves.toBe('99');
  expect(sheet().getRange(2, col).getValue()).toBe(99);
  await keepScreenshot(live(), 'undo-typed.png');

  await list.locator('[data-key="undo-typed-cancel"]').click();
  await live().locator('.result.tone-ok', { hasText: 'kể cả các ô đã nhập tay' }).waitFor();
  expect(sheet().getRange(2, col).getValue()).toBe(99);

  await undo.click();
  await live().locator('#undo-typed').waitFor();
  // Another officer types into another owned cell while the list is shown: the confirmation of the
  // list shown is refused, nothing written, and the list is shown again with the new cell.
  const seats = columnOf('Số phân bổ');
  sheet().getRange(3, seats).setValue(1);
  const other = sheet().getRange(3, seats).getA1Notation();
  await live().locator('#undo-typed [data-key="undo-typed-confirm"]').click();
  await live().locator(`#undo-typed tr[data-cell="${other}"]`).waitFor();
  await expect(live().textContent()).resolves.toContain('đã thay đổi sau khi hỏi');
  expect(sheet().getRange(2, col).getValue()).toBe(99);
  expect(sheet().getRange(3, seats).getValue()).toBe(1);

  await live().locator('#undo-typed [data-key="undo-typed-confirm"]').click();
  await live().locator('.result.tone-ok', { hasText: 'Đã khôi phục' }).waitFor();
  await expect(live().textContent()).resolves.toContain(`Theo xác nhận, đã thay 2 ô nhập tay`);
  expect(finals()).toEqual(first);
  expect(s.pageErrors).toEqual([]);
}, 60_000);

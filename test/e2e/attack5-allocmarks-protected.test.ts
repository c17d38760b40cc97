/**
 * Attack: the owner protected a column of `Phân bổ` ("Kỳ trước", the previous congress's figures,
 * header to "Tổng cộng"); a collaborator runs the allocation with a new unit. Sheets refuses rows
 * inserted inside a protected range the user may not edit (the range would grow), so the new unit's
 * row cannot be inserted above "Tổng cộng": the collaborator is told so in Vietnamese, naming the
 * sheet, and nothing of the workbook changes.
 */
import { Runtime } from '../../local/runtime';
import { action, run } from '../trust/actions';
import { COLLABORATOR, column, OWNER, sheet } from '../trust/corpus';
import { diff, describe as lines, snapshot } from '../trust/snapshot';
import { ALLOCATION, LAST_UNIT_ROW, scenario } from './allocmarks-scenario';

const allocate = action('allocateDelegates');
const validate = action('validateAll');

test('a collaborator, a protected column across the units: the refusal is told, nothing changes', () => {
  const w = scenario();
  const ss = w.build();
  const owner = new Runtime({ spreadsheet: ss, now: w.now, user: OWNER });
  expect(run(owner, validate).error).toBeUndefined();
  const alloc = sheet(ss, ALLOCATION);
  const previous = column(alloc, 'Kỳ trước');
  const p = alloc.getRange(1, previous, LAST_UNIT_ROW + 2, 1).protect();
  p.setDescription('Số liệu kỳ trước (chỉ Chánh Văn phòng sửa)');
  p.removeEditors(p.getEditors().map((u) => u.getEmail()));
  p.addEditor(OWNER);
  ss.addEditor(COLLABORATOR);
  const before = snapshot(ss);
  const outcome = run(new Runtime({ spreadsheet: ss, now: w.now, user: COLLABORATOR }), allocate);
  const message = outcome.error ?? String((outcome.result as { message?: string } | undefined)?.message);
  expect((outcome.result as { ok?: boolean } | undefined)?.ok ?? false).toBe(false);
  expect(message).toContain(ALLOCATION);
  expect(message).toMatch(/bảo vệ/);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('the owner, the same protection: the row is inserted, the protection grows over it', () => {
  const w = scenario();
  const ss = w.build();
  const owner = new Runtime({ spreadsheet: ss, now: w.now, user: OWNER });
  const alloc = sheet(ss, ALLOCATION);
  const previous = column(alloc, 'Kỳ trước');
  const p = alloc.getRange(1, previous, LAST_UNIT_ROW + 2, 1).protect();
  p.removeEditors(p.getEditors().map((u) => u.getEmail()));
  p.addEditor(OWNER);
  const outcome = run(owner, allocate);
  expect((outcome.result as { ok?: boolean } | undefined)?.ok).toBe(true);
  expect(alloc.getRange(LAST_UNIT_ROW + 1, column(alloc, 'Mã đơn vị')).getValue()).toBe('MS');
  expect(p.getRange().getNumRows()).toBe(LAST_UNIT_ROW + 3);
});

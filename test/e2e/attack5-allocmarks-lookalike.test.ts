/**
 * Attack: `Phân bổ` kept under a look-alike name ("Phân bổ " with a trailing space, NFD, capitals).
 * The add-in finds the sheet by its look-alike name and validation records its marks under the
 * template's name; a new unit's row inserted under a marked row must still not carry the mark's fill.
 */
import { action, run, runtimeFor } from '../trust/actions';
import { column, sheet } from '../trust/corpus';
import { MARK_FILLS, MARKER } from '../trust/snapshot';
import { ALLOCATION, LAST_UNIT_ROW, scenario } from './allocmarks-scenario';

const allocate = action('allocateDelegates');
const validate = action('validateAll');

const LOOKALIKES: [string, string][] = [
  ['trailing space', `${ALLOCATION} `],
  ['NFD', ALLOCATION.normalize('NFD')],
  ['capitals', ALLOCATION.toUpperCase()],
];

describe.each(LOOKALIKES)('`Phân bổ` named with %s', (_label, lookalike) => {
  test('the new unit row under the marked row carries no mark fill', () => {
    const w = scenario();
    const ss = w.build();
    sheet(ss, ALLOCATION).setName(lookalike);
    const rt = runtimeFor(ss, w);
    expect(run(rt, validate).error).toBeUndefined();
    const alloc = sheet(ss, lookalike);
    const final = column(alloc, 'Số chính thức');
    // The precondition: validation marked the last unit row of the look-alike sheet.
    expect(alloc.getRange(LAST_UNIT_ROW, final).getBackground()).toBe('#f4c7c3');
    expect(alloc.getRange(LAST_UNIT_ROW, final).getNote()).toContain(MARKER);
    const outcome = run(rt, allocate);
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { ok: boolean }).ok).toBe(true);
    const fresh = LAST_UNIT_ROW + 1;
    expect(alloc.getRange(fresh, column(alloc, 'Mã đơn vị')).getValue()).toBe('MS');
    const note = column(alloc, 'Ghi chú');
    const stray: string[] = [];
    const width = alloc.getLastColumn();
    const fills = alloc.getRange(fresh, 1, 1, width).getBackgrounds()[0] ?? [];
    fills.forEach((f, c) => {
      if (c + 1 !== note && MARK_FILLS.has(f)) stray.push(`${c + 1} ${f}`);
    });
    expect(stray).toEqual([]);
  });
});

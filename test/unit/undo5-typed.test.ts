/**
 * The pure parts of "cells typed since the re-allocation": what counts as typed, how a cell is shown,
 * and the record keeping what the re-allocation wrote (a damaged part is never guessed).
 */
import {
  decodeSnapshot,
  encodeSnapshot,
  holds,
  shownContent,
  typedSince,
  type UnitSnapshot,
} from '../../src/domain/allocationHistory';

const value = (v: unknown) => ({ value: v, formula: '' });
const dateText = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;

describe('typedSince', () => {
  test.each([
    ['what the re-allocation wrote', value(20), 20, value(18), false],
    ['what the undo puts back', value(18), 20, value(18), false],
    ['the figure kept as text in a plain-text cell', value('20'), 20, value(18), false],
    ['another figure', value(99), 20, value(18), true],
    ['blank where a figure was written', value(''), 20, value(18), true],
    ['text over a figure', value('thiếu 2'), 0, value(1), true],
    ['a formula giving the written figure', { value: 20, formula: '=10+10' }, 20, value(18), true],
    ['the formula the undo puts back', { value: 20, formula: '=A1' }, 20, { value: 3, formula: '=A1' }, false],
    ['a date', value(new Date(Date.UTC(2024, 0, 14))), 20, value(18), true],
    ['a checkbox ticked', value(true), 20, value(18), true],
  ])('%s', (_what, now, wrote, restored, typed) => {
    expect(typedSince(now, wrote, restored)).toBe(typed);
  });

  test('a value never holds a formula, nor a formula a value', () => {
    expect(holds({ value: 2, formula: '=1+1' }, value(2))).toBe(false);
    expect(holds(value(2), { value: 2, formula: '=1+1' })).toBe(false);
  });
});

describe('shownContent', () => {
  test.each([
    [value(99), '99'],
    [value(''), '(trống)'],
    [value(null), '(trống)'],
    [{ value: 3, formula: '=A1+2' }, '=A1+2'],
    [value(new Date(Date.UTC(2024, 0, 14))), '14/1/2024'],
    [value('06100'), '06100'],
  ])('%j → %s', (cell, shown) => {
    expect(shownContent(cell, '(trống)', dateText)).toBe(shown);
  });

  test('a long text is cut with "…", never inside a surrogate pair', () => {
    const long = `${'a'.repeat(78)}😀${'b'.repeat(100)}`;
    const shown = shownContent(value(long), '', dateText);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(shown).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('the record of what the re-allocation wrote', () => {
  const unit: UnitSnapshot = {
    code: '06100',
    name: 'Xã Tân Thành',
    added: false,
    cells: { final: { value: 5, formula: '', format: '#,##0' }, code: { value: '06100', formula: '', format: '@' } },
    wrote: { final: 6, code: '06100', reason: '=không phải công thức', when: new Date(Date.UTC(2024, 0, 1)) },
  };

  test('kept and read back with each value’s type', () => {
    expect(decodeSnapshot('06100', encodeSnapshot(unit))).toEqual(unit);
  });

  test('a record written before it was kept reads without it', () => {
    const { wrote: _w, ...old } = unit;
    const decoded = decodeSnapshot('06100', encodeSnapshot(old));
    expect(decoded).toEqual(old);
    expect(decoded && 'wrote' in decoded).toBe(false);
  });

  test.each([
    ['a value of no known type', { final: { t: 'x', v: 1 } }],
    ['a number kept as text', { final: { t: 'n', v: '6' } }],
    ['not an object', [1, 2]],
    ['null', null],
  ])('damaged (%s): the unit is not read', (_what, w) => {
    const text = JSON.parse(encodeSnapshot(unit)) as Record<string, unknown>;
    text.w = w;
    expect(decodeSnapshot('06100', JSON.stringify(text))).toBeNull();
  });
});

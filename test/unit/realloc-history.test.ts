/** The pure parts of the guarded re-allocation: the record's text round trip, the digest, the preview. */
import {
  buildPreview,
  decodeSnapshot,
  digestOf,
  encodeSnapshot,
  type PreviewInput,
  type UnitSnapshot,
} from '../../src/domain/allocationHistory';

const methods = { before: 'hamilton', beforeName: 'Hamilton', after: 'jefferson', afterName: 'Jefferson' };

describe('a unit snapshot survives its text form exactly, types included', () => {
  const unit: UnitSnapshot = {
    code: '06100',
    name: '=Hữu Lũng',
    added: false,
    cells: {
      code: { value: '06100', formula: '', format: '@' },
      name: { value: '=Hữu Lũng', formula: '', format: '@' },
      seats: { value: 20, formula: '', format: '0' },
      quota: { value: 19.51, formula: '', format: '0.###############' },
      final: { value: '', formula: '=E2+F2', format: '0' },
      registered: { value: true, formula: '', format: '' },
      difference: { value: new Date(Date.UTC(2024, 0, 14)), formula: '', format: 'dd/MM/yyyy' },
    },
  };
  test('round trip', () => {
    expect(decodeSnapshot('06100', encodeSnapshot(unit))).toEqual(unit);
  });
  test.each(['', '{', '{"cells":{"seats":[{"t":"n","v":"20"},"",""]}}', '{"cells":{"seats":[1,2]}}', 'null'])(
    'damaged %j → null (never guessed)',
    (text) => {
      expect(decodeSnapshot('X', text)).toBeNull();
    },
  );
});

describe('digest', () => {
  test('stable for the same data, different for any change', () => {
    const a = digestOf(['hamilton', [{ code: 'HL', seats: 20 }]]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf(['hamilton', [{ code: 'HL', seats: 20 }]])).toBe(a);
    expect(digestOf(['hamilton', [{ code: 'HL', seats: 21 }]])).not.toBe(a);
    expect(digestOf(['jefferson', [{ code: 'HL', seats: 20 }]])).not.toBe(a);
  });
});

describe('preview', () => {
  const row = (code: string, oldFinal: number | null, newFinal: number): PreviewInput => ({
    code,
    name: `Huyện ${code}`,
    oldSeats: oldFinal,
    newSeats: newFinal,
    oldFinal,
    newFinal,
  });
  test('a first allocation needs no confirmation', () => {
    const p = buildPreview([row('A', null, 3), row('B', null, 4)], methods, 'd');
    expect(p).toMatchObject({ existing: false, needsConfirmation: false, changed: 2, oldTotal: 0, newTotal: 7 });
  });
  test('a changed figure of an existing allocation needs confirmation; totals and counts', () => {
    const p = buildPreview([row('A', 3, 4), row('B', 4, 3), row('C', 5, 5)], methods, 'd');
    expect(p).toMatchObject({ existing: true, needsConfirmation: true, changed: 2, oldTotal: 12, newTotal: 12 });
    expect(p.rows.map((r) => r.changed)).toEqual([true, true, false]);
  });
  test('only a new unit filled while the others stay: no confirmation', () => {
    const p = buildPreview([row('A', 3, 3), row('N', null, 2)], methods, 'd');
    expect(p.needsConfirmation).toBe(false);
    expect(p.changed).toBe(1);
  });
});

/**
 * The fast paths of the text keys (foldKey, canonicalTones, cellText, the data fingerprint) give
 * exactly what the former computations gave, kept here as the reference, on texts built from the
 * characters that matter: Vietnamese letters precomposed and decomposed, tone marks, o/u before
 * a/e/y, every kind of space, dash, apostrophe and invisible character, dots, eth.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { dataDigest } from '../../src/domain/dataDigest';
import { ProblemList } from '../../src/domain/problem';
import type { Grid } from '../../src/domain/records';
import { type CellSchema, cellSchema, locateTable, readRecords } from '../../src/domain/table';
import { SHEETS } from '../../src/domain/template';
import { canonicalTones, foldKey } from '../../src/domain/text';
import { type CellValue, cellText, isBlank, type Parsed } from '../../src/domain/values';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const DASHES = /[-\u2010-\u2015\u2212]/g;
const APOSTROPHES = /['\u2019\u2018`\u00B4\u02BC\u02BB\u2032]/g;
const INNER_DOT = /(?<=\p{L})\.(?=\p{L})/gu;
const OLD_STYLE_TONE = /([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?!\p{L}|\p{M})/gu;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

function referenceTones(s: string): string {
  return s.normalize('NFD').replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC');
}

function referenceFold(s: string): string {
  return referenceTones(s.replace(INVISIBLE, ''))
    .toLowerCase()
    .replace(/\u00F0/g, 'đ')
    .replace(APOSTROPHES, '')
    .replace(INNER_DOT, '')
    .replace(DASHES, ' ')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim();
}

/** Characters that matter to the keys, and ordinary ones. */
const PIECES = [
  ...'aAeEyYoOuUiIdDhnNgTt019 '.split(''),
  ...'àáảãạòóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤỳýỷỹỵêôơưăâđĐðÐộợựẠỆ'.split(''),
  ...'\u0300\u0301\u0303\u0309\u0323\u0302\u031B\u0306'.split(''),
  ...' \t\n\u00A0\u1680\u2000\u2001\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'.split(''),
  ...'\u200B\u200C\u200D\u2060\u00AD'.split(''),
  ...'-\u2010\u2011\u2013\u2014\u2015\u2212'.split(''),
  ..."'\u2019\u2018`\u00B4\u02BC\u02BB\u2032\u1FEF\u1FFD\u037E".split(''),
  ...'..,:;*()'.split(''),
  'oa',
  'oe',
  'uy',
  'Hoà',
  'Huỷ',
  'Khoẻ',
  'H\u2019Mông',
  'Ê.Đê',
  'İ',
  '\u212A',
  '\uD83D\uDE00',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));

describe('text keys: the fast paths change nothing', () => {
  it('foldKey and canonicalTones equal the former computations', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(canonicalTones(s)).toBe(referenceTones(s));
        expect(foldKey(s)).toBe(referenceFold(s));
        expect(foldKey(s.normalize('NFD'))).toBe(referenceFold(s.normalize('NFD')));
      }),
      { numRuns: 20_000, seed: 2025 },
    );
  });

  it('every pair of a character and a/e/y keeps its tones as before (all of U+00C0…U+1FFF, U+0300 marks)', () => {
    for (let c = 0xc0; c < 0x2000; c++) {
      for (const tail of ['a', 'e', 'y', 'A', 'Y', 'a ', 'ab']) {
        for (const head of ['', 'o', 'U']) {
          const s = head + String.fromCharCode(c) + tail;
          if (canonicalTones(s) !== referenceTones(s))
            throw new Error(`canonicalTones differs on ${JSON.stringify(s)}`);
        }
      }
    }
  });

  it('isBlank answers as the former regular expression did, for every code unit first, alone or before text', () => {
    const blank = /^[\s\u00A0\u200B-\u200D\u2060\uFEFF]*$/;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}x`, `${ch} `, `${ch}${ch}`, `x${ch}`]) {
        if (isBlank(s) !== blank.test(s)) throw new Error(`isBlank differs on U+${c.toString(16)}`);
      }
    }
    expect([isBlank(''), isBlank(null), isBlank(undefined), isBlank(0), isBlank(false)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('cellText leaves unnormalised only text that is NFC: every character and pair below U+0300 or in U+1E00–U+1EFF', () => {
    const safe: number[] = [];
    for (let c = 0; c < 0x300; c++) safe.push(c);
    for (let c = 0x1e00; c < 0x1f00; c++) safe.push(c);
    for (const a of safe) {
      for (const b of safe) {
        const s = `x${String.fromCharCode(a, b)}x`;
        if (s.normalize('NFC') !== s) throw new Error(`not NFC: U+${a.toString(16)} U+${b.toString(16)}`);
      }
    }
    // Decomposed text (pasted from Word) is still normalised.
    expect(cellText('Nu\u031B\u0303')).toBe('Nữ');
    expect(cellText('\u212B')).toBe('\u00C5');
  });

  it('cellText trims as the former regular expression did, for every code unit at either end', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`${ch}x`, `x${ch}`, `${ch}`, `${ch}${ch}ab${ch}`]) {
        const want = s.normalize('NFC').replace(EDGE_SPACE, '');
        if (cellText(s) !== want) throw new Error(`cellText differs on U+${c.toString(16)}`);
      }
    }
  });
});

/** The former fingerprint: the whole text built, then hashed. */
function referenceDigest(grids: readonly Grid[]): string {
  const cell = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? ''
      : v instanceof Date
        ? `D${v.getTime()}`
        : `${typeof v === 'number' ? 'N' : typeof v === 'boolean' ? 'B' : 'S'}${String(v)}`;
  const text = grids
    .map((grid) => {
      if (grid === null) return '\u0000missing';
      const rows = grid.map((row) => {
        const cells = row.map(cell);
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return cells.join('\u0001');
      });
      while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
      return rows.join('\u0002');
    })
    .join('\u0003');
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01234567);
}

describe('data fingerprint without building its text', () => {
  const value = fc.constantFrom<unknown>(
    '',
    ' ',
    'Hữu Lũng',
    '\u0001',
    0,
    -1.5,
    1234,
    true,
    false,
    null,
    undefined,
    new Date(Date.UTC(2024, 0, 14)),
    new Date(Number.NaN),
  );
  const grid = fc.option(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 8 }), { freq: 6 });

  it('gives the digits of the former computation: blank rows inside and at the end, blank cells, missing sheets', () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 5 }), (grids) => {
        expect(dataDigest(grids as Grid[])).toBe(referenceDigest(grids as Grid[]));
      }),
      { numRuns: 5_000, seed: 2025 },
    );
    expect(dataDigest([[['', ''], ['a']], [[''], ['']], null, []])).toBe(
      referenceDigest([[['', ''], ['a']], [[''], ['']], null, []]),
    );
  });
});

describe('readRecords: through the converters directly or through zod, the same records and problems', () => {
  const parseYear = (v: unknown): Parsed<number> =>
    isBlank(v)
      ? { ok: true, value: null as unknown as number }
      : typeof v === 'number' && v > 1900
        ? { ok: true, value: v, ...(v > 2010 ? { warning: 'năm khá gần' } : {}) }
        : { ok: false, error: `"${cellText(v)}" không phải là năm` };
  const parseName = (v: unknown): Parsed<string> => ({
    ok: true,
    value: isBlank(v) ? (null as unknown as string) : cellText(v),
  });
  // A schema that is not a cellSchema sends every row through zod.
  const viaZod = <T>(parse: (v: unknown) => Parsed<T>) =>
    z.pipe(
      z.unknown(),
      z.transform((v: unknown) => parse(v)),
    ) as unknown as CellSchema<T>;
  const grid: CellValue[][] = [
    ['Họ và tên', 'Mã đơn vị', 'Năm sinh', 'Dân tộc', 'Loại đại biểu'],
    ['Nông Văn A', 'HL', 1970, 'Tày', 'Chính thức'],
    ['', '', '', '', ''],
    [' ', 'HL', 'năm 1970', 'Tày', ''],
    ['Lò Thị B', '#REF!', 2015, '', ''],
    ['\u200B', '', 1800, '', ''],
  ];

  it('gives the same records and problems either way (a field without its column reads null)', () => {
    const table = locateTable(SHEETS.delegates, grid, new ProblemList());
    const run = (shape: Record<string, CellSchema<unknown>>) => {
      const problems = new ProblemList();
      const records = readRecords(table, shape, problems);
      return { records: records.map((r) => ({ ...r, invalid: [...r.invalid] })), problems: problems.items };
    };
    const direct = run({
      name: cellSchema(parseName),
      unit: cellSchema(parseName),
      birthYear: cellSchema(parseYear),
      position: cellSchema(parseName),
    });
    const zod = run({
      name: viaZod(parseName),
      unit: viaZod(parseName),
      birthYear: viaZod(parseYear),
      position: viaZod(parseName),
    });
    expect(zod).toEqual(direct);
    expect(direct.records.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(direct.records[0]?.data).toEqual({ name: 'Nông Văn A', unit: 'HL', birthYear: 1970, position: null });
    expect(direct.problems.map((p) => `${p.rule} ${p.cell}`)).toEqual([
      'cell-required A4',
      'cell-invalid C4',
      'cell-error-value B5',
      'cell-doubtful C5',
      'cell-required A6',
      'cell-required B6',
      'cell-invalid C6',
    ]);
  });
});

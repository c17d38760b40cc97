import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createEthnicMatcher,
  ETHNIC_GROUPS,
  type EthnicGroup,
  ethnicDisplayName,
  groupByCode,
  matchEthnicGroup,
} from '../../src/domain/ethnic';
import { foldCompact, stripDiacritics } from '../../src/domain/text';

const NFD = (s: string) => s.normalize('NFD');
const codeOf = (text: unknown) => matchEthnicGroup(text)?.group.code ?? null;

describe('ETHNIC_GROUPS', () => {
  it('has the 54 groups ordered by code 01–54, Kinh first and the only non-minority', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    ETHNIC_GROUPS.forEach((g, i) => {
      expect(g.code).toBe(String(i + 1).padStart(2, '0'));
    });
    expect(ETHNIC_GROUPS[0]).toMatchObject({ code: '01', name: 'Kinh', minority: false });
    expect(ETHNIC_GROUPS.filter((g) => g.minority)).toHaveLength(53);
  });
  it('holds names and populations from the domain CSV', () => {
    expect(groupByCode('02')).toMatchObject({ name: 'Tày', population2019: 1845492 });
    expect(groupByCode('08')).toMatchObject({ name: 'Mông', population2019: 1393547 });
    expect(groupByCode('54')).toMatchObject({ name: 'Ơ Đu', population2019: 428 });
    expect(groupByCode('43')).toMatchObject({ name: 'Ngái', population2019: null });
    expect(ETHNIC_GROUPS.filter((g) => g.population2019 === null).map((g) => g.code)).toEqual([
      '43',
      '44',
      '45',
      '46',
      '47',
      '48',
      '49',
      '50',
      '51',
      '52',
      '53',
    ]);
  });
  it('stores names and aliases in NFC, without parenthetical notes', () => {
    for (const g of ETHNIC_GROUPS) {
      for (const s of [g.name, ...g.aliases]) {
        expect(s).toBe(s.normalize('NFC'));
        expect(s).not.toMatch(/[()|]/);
        expect(s.trim()).toBe(s);
        expect(s).not.toBe('');
      }
    }
  });
  it('has no redundant alias and no alias that names another group', () => {
    const owner = new Map<string, string>();
    for (const g of ETHNIC_GROUPS) {
      for (const s of [g.name, ...g.aliases]) {
        const k = foldCompact(s);
        expect(owner.get(k)).toBeUndefined();
        owner.set(k, g.code);
      }
    }
  });
  it('is frozen', () => {
    expect(Object.isFrozen(ETHNIC_GROUPS[0])).toBe(true);
    expect(Object.isFrozen(ETHNIC_GROUPS[0]!.aliases)).toBe(true);
  });
});

describe('groupByCode / ethnicDisplayName', () => {
  it.each<[string | number, string | undefined]>([
    ['1', 'Kinh'],
    ['01', 'Kinh'],
    [' 01 ', 'Kinh'],
    [1, 'Kinh'],
    ['8', 'Mông'],
    ['54', 'Ơ Đu'],
    ['55', undefined],
    ['0', undefined],
    ['00', undefined],
    ['001', undefined],
    ['Kinh', undefined],
    ['', undefined],
  ])('%j → %j', (code, name) => {
    expect(groupByCode(code)?.name).toBe(name);
  });
  it('display name, or the code itself when unknown', () => {
    expect(ethnicDisplayName('11')).toBe('Ê-đê');
    expect(ethnicDisplayName('5')).toBe('Khơ me');
    expect(ethnicDisplayName('99')).toBe('99');
  });
});

describe('matchEthnicGroup: every group', () => {
  it.each(ETHNIC_GROUPS.map((g) => [g.code, g.name, g] as const))(
    '%s %s matches its code and name',
    (code, name, g) => {
      expect(matchEthnicGroup(code)).toEqual({ group: g, exact: true });
      expect(matchEthnicGroup(String(Number(code)))).toEqual({ group: g, exact: true });
      expect(matchEthnicGroup(Number(code))).toEqual({ group: g, exact: true });
      expect(matchEthnicGroup(name)).toEqual({ group: g, exact: true });
      expect(matchEthnicGroup(NFD(name.toUpperCase()))).toEqual({ group: g, exact: true });
      expect(matchEthnicGroup(`  ${name.toLowerCase()} `)).toEqual({ group: g, exact: true });
      for (const a of g.aliases) expect(matchEthnicGroup(a)).toEqual({ group: g, exact: true });
    },
  );
  it('every name and alias typed without diacritics still finds its group (no collision in the data)', () => {
    for (const g of ETHNIC_GROUPS) {
      for (const s of [g.name, ...g.aliases]) {
        const plain = stripDiacritics(s);
        expect({ s, code: codeOf(plain) }).toEqual({ s, code: g.code });
      }
    }
  });
});

describe('matchEthnicGroup: spellings seen in documents', () => {
  it.each<[string, string]>([
    ['Mông', '08'],
    ["H'Mông", '08'],
    ['H’Mông', '08'],
    ["H'mông", '08'],
    ['Hmông', '08'],
    ['HMông', '08'],
    ['H Mông', '08'],
    ['H-Mông', '08'],
    ['Mèo', '08'],
    ['Hmong', '08'],
    ["H'mông (Mèo)", '08'],
    ['Ê Đê', '11'],
    ['Ê-đê', '11'],
    ['Ê đê', '11'],
    ['Êđê', '11'],
    ['ÊĐÊ', '11'],
    ['Ra-đê', '11'],
    ['Rhade', '11'],
    ['Khmer', '05'],
    ['Khơ-me', '05'],
    ['Khơ Me', '05'],
    ['Khơme', '05'],
    ['Khmer Krôm', '05'],
    ['Cơ Ho', '15'],
    ["K'Ho", '15'],
    ['K’ho', '15'],
    ['Cơ-ho', '15'],
    ['Cơho', '15'],
    ['Ba Na', '12'],
    ['Bana', '12'],
    ['Ba-na', '12'],
    ['Bahnar', '12'],
    ['Bănar', '12'],
    ['Xơ Đăng', '16'],
    ['Xơ-đăng', '16'],
    ['Xê Đăng', '16'],
    ['Sedang', '16'],
    ['Gia Rai', '10'],
    ['Gia-rai', '10'],
    ['Giarai', '10'],
    ['Jrai', '10'],
    ['Jarai', '10'],
    ['Tày', '02'],
    ['Nùng', '07'],
    ['Dao', '09'],
    ['Sán Chay', '13'],
    ['Cao Lan', '13'],
    ['Sán Chay (Cao Lan-Sán Chỉ)', '13'],
    ['Kinh', '01'],
    ['Việt', '01'],
    ['Kinh (Việt)', '01'],
    ['Hoa', '06'],
    ['Hán', '06'],
    ['Thổ', '21'],
    ['Thái', '03'],
    ['Thái Đen', '03'],
    ['Tà Ôi', '27'],
    ['Ta-ôi', '27'],
    ['Bru-Vân Kiều', '24'],
    ['Bru - Vân Kiều', '24'],
    ['Vân Kiều', '24'],
    ['M’nông', '20'],
    ["M'Nông", '20'],
    ['X’Tiêng', '22'],
    ['Stiêng', '22'],
    ['H’rê', '18'],
    ['Răglay', '19'],
    ['Cor', '30'],
    ['Cơ-tu', '25'],
    ['Giẻ Triêng', '29'],
    ['Rơ măm', '52'],
    ["B'râu", '53'],
    ['O Đu', '54'],
    ['Dân tộc Mông', '08'],
    ['dân tộc Tày', '02'],
    ['DT Nùng', '07'],
    ['Người Hoa', '06'],
    ['Mông.', '08'],
    ['\u00A0Mô\u200Bng\u00A0', '08'],
  ])('%j → %s (exact)', (text, code) => {
    const m = matchEthnicGroup(text);
    expect(m).toEqual({ group: groupByCode(code), exact: true });
    expect(matchEthnicGroup(NFD(text))).toEqual(m);
  });
});

describe('matchEthnicGroup: fallback without diacritics', () => {
  it.each<[string, string]>([
    ['Mong', '08'],
    ['mong', '08'],
    ['Tay', '02'],
    ['Thai', '03'],
    ['Tho', '21'],
    ['Muong', '04'],
    ['Ede', '11'],
    ['E De', '11'],
    ['Xo Dang', '16'],
    ['Viet', '01'],
    ['Mnong', '20'],
    ['Stieng', '22'],
    ['Ta Oi', '27'],
    ['Móng', '08'],
  ])('%j → %s with exact: false', (text, code) => {
    expect(matchEthnicGroup(text)).toEqual({ group: groupByCode(code), exact: false });
  });
});

describe('matchEthnicGroup: no match', () => {
  it.each<unknown>([
    '',
    '   ',
    null,
    undefined,
    'Mongolia',
    'abc',
    'Kinh, Tày',
    '0',
    '55',
    0,
    55,
    2.5,
    true,
    new Date(0),
  ])('%j → null', (text) => {
    expect(matchEthnicGroup(text)).toBeNull();
  });
});

describe('createEthnicMatcher: ambiguity', () => {
  const group = (code: string, name: string, aliases: string[] = []): EthnicGroup => ({
    code,
    name,
    aliases,
    population2019: null,
    minority: true,
  });
  const a = group('01', 'Tày', ['Thổ cũ']);
  const b = group('02', 'Táy', ['Thổ cũ']);
  const c = group('03', 'Thổ');
  const match = createEthnicMatcher([a, b, c]);

  it('matches each name exactly even when they collide without diacritics', () => {
    expect(match('Tày')).toEqual({ group: a, exact: true });
    expect(match('Táy')).toEqual({ group: b, exact: true });
  });
  it('returns null rather than guess when stripping diacritics makes two groups collide', () => {
    expect(match('Tay')).toBeNull();
    expect(match('Tạy')).toBeNull();
  });
  it('returns null for an alias that two groups share', () => {
    expect(match('Thổ cũ')).toBeNull();
  });
  it('a name beats another group’s alias', () => {
    const m = createEthnicMatcher([group('01', 'Tày', ['Thổ']), group('02', 'Thổ')]);
    expect(m('Thổ')?.group.code).toBe('02');
    expect(m('Tho')?.group.code).toBeUndefined(); // 'tho' is claimed by both once diacritics go
  });
});

describe('generated data', () => {
  const csv = join(__dirname, '../../../shared/domain/ethnic_groups_54.csv');
  const script = join(__dirname, '../../scripts/gen-ethnic-groups.mjs');
  (existsSync(csv) ? it : it.skip)('is up to date with the domain CSV', () => {
    expect(() => execFileSync(process.execPath, [script, csv, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

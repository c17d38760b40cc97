// Generates src/domain/data/ethnicGroups.ts from the ethnic-groups CSV of the domain brief.
//   node scripts/gen-ethnic-groups.mjs ../shared/domain/ethnic_groups_54.csv          (writes the file)
//   node scripts/gen-ethnic-groups.mjs ../shared/domain/ethnic_groups_54.csv --check  (exit 1 if stale)
// The generated file is checked in: builds and CI do not need the CSV.
//
// Per group: code (QĐ 1019/QĐ-TCTK 2008), display name, aliases, 2019 census population or null.
// - Display name: the official-list name without its parenthesis ("Kinh (Việt)" → "Kinh"); the
//   parenthesis becomes an alias ("Việt", "Hán", "Mèo", "Cao Lan-Sán Chỉ"). See DISPLAY_NAMES.
// - Aliases: the variants column split on ';' ',' '/', notes in parentheses dropped ("(tên khác)",
//   "(nhóm)"), except "(X: note)" which names an alias X ("(Mèo: tên cũ)" → "Mèo"); plus ADDED.
// - An alias that folds (case, spaces, hyphens, apostrophes, NFC/NFD) to the name or to an earlier
//   alias of the same group is dropped as redundant; one that folds to another group's name or alias
//   is dropped as ambiguous and reported (e.g. "Thổ", an old name of the Tày, is group 21's name).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/domain/data/ethnicGroups.ts');

/** Display names that differ from the official-list name, with the reason. */
const DISPLAY_NAMES = {
  // Official list: "H'mông (Mèo)". The 2019 census, the Ủy ban Dân tộc and the congress delegate
  // lists write "Mông"; "Mèo" is an old name no longer used in official text (accepted as input only).
  '08': 'Mông',
};

/** Variants missing from the CSV, widely used in Vietnamese documents or as the international name. */
const ADDED = {
  '08': ['Hmong'], // international spelling
  10: ['Jrai', 'Jarai'], // self-name / international name of the Gia Rai
  11: ['Rhade'], // Rhadé: international name of the Ê Đê
  13: ['Sán Chỉ'], // the second subgroup in "Cao Lan-Sán Chỉ"
  15: ['Koho'], // international spelling of K'Ho
  16: ['Sedang'], // international name of the Xơ Đăng
  19: ['Raglai'], // international spelling
  23: ['Xá Cẩu'], // old name of the Khơ Mú
  24: ['Bru'], // short form of Bru-Vân Kiều
  25: ['Katu'], // international name of the Cơ Tu
  27: ['Pa Kô'], // spelling of the old name Pa Cô
  31: ['Châu Ro'], // other name of the Chơ Ro
};

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** The same fold as foldCompact in src/domain/text.ts (kept in step by test/unit/ethnic.test.ts). */
function fold(s) {
  return s
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?!\p{L}|\p{M})/gu, '$1$3$2')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u00F0/g, 'đ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD'\u2019\u2018`\u00B4\u02BC\u02BB\u2032]/g, '')
    .replace(/(?<=\p{L})\.(?=\p{L})/gu, '')
    .replace(/[-\u2010-\u2015\u2212\s\u00A0]+/g, '');
}

function splitNames(s) {
  return s
    .normalize('NFC')
    .replace(/\(([^)]*)\)/g, (_m, inner) => {
      const named = /^([^:]+):/.exec(inner);
      return named ? ';' + named[1] : '';
    })
    .split(/[;,/]/)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function quote(s) {
  return s.includes("'") && !s.includes('"') ? JSON.stringify(s) : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const [csvPath, flag] = process.argv.slice(2);
if (!csvPath) {
  console.error('usage: node scripts/gen-ethnic-groups.mjs <ethnic_groups_54.csv> [--check]');
  process.exit(2);
}
const [header, ...records] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`column ${name} missing from ${csvPath}`);
  return i;
};
const [cCode, cName, cVariants, cPop] = [
  'gso_code_QD1019_2008',
  'name_official_list',
  'variants_and_other_names_seen',
  'population_2019_census',
].map(col);

const groups = records
  .map((r) => {
    const code = r[cCode].trim().padStart(2, '0');
    const official = r[cName].normalize('NFC').trim();
    const base = official.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    const inParens = [...official.matchAll(/\(([^)]*)\)/g)].map((m) => m[1].trim());
    const name = DISPLAY_NAMES[code] ?? base;
    const pop = r[cPop].trim();
    if (pop && !/^\d+$/.test(pop)) throw new Error(`population of ${code} is not a whole number: ${pop}`);
    const candidates = [base, ...inParens, ...splitNames(r[cVariants]), ...(ADDED[code] ?? ADDED[Number(code)] ?? [])];
    return { code, name, candidates, population: pop ? Number(pop) : null };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

if (groups.length !== 54) throw new Error(`expected 54 groups, found ${groups.length}`);
groups.forEach((g, i) => {
  if (g.code !== String(i + 1).padStart(2, '0')) throw new Error(`codes are not 01–54: ${g.code} at row ${i + 1}`);
});

// Which group each folded form belongs to: names first, so that a name always beats an alias.
const owners = new Map();
for (const g of groups) owners.set(fold(g.name), g.code);
const claims = new Map();
for (const g of groups) {
  for (const a of g.candidates) {
    const k = fold(a);
    if (!claims.has(k)) claims.set(k, new Set());
    claims.get(k).add(g.code);
  }
}
for (const g of groups) {
  const seen = new Set([fold(g.name)]);
  g.aliases = [];
  for (const a of g.candidates) {
    const k = fold(a);
    if (seen.has(k)) continue;
    seen.add(k);
    const nameOwner = owners.get(k);
    if ((nameOwner && nameOwner !== g.code) || claims.get(k).size > 1) {
      const others = new Set([...claims.get(k), nameOwner].filter((c) => c && c !== g.code));
      console.error(`dropped alias "${a}" of ${g.code} ${g.name}: also names group ${[...others].join(', ')}`);
      continue;
    }
    g.aliases.push(a);
  }
}

const lines = groups.map(
  (g) => `  [${quote(g.code)}, ${quote(g.name)}, ${quote(g.aliases.join('|'))}, ${g.population ?? 'null'}],`,
);
const out = `// Generated by scripts/gen-ethnic-groups.mjs from shared/domain/ethnic_groups_54.csv: do not edit by hand.
// Rows: code (QĐ 1019/QĐ-TCTK 2008), display name, aliases joined by '|', 2019 census population (null: not found).
export const ETHNIC_ROWS: readonly (readonly [string, string, string, number | null])[] = [
${lines.join('\n')}
];
`;

if (flag === '--check') {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {}
  if (current !== out) {
    console.error(`${OUT} is stale: run node scripts/gen-ethnic-groups.mjs ${csvPath}`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date`);
} else {
  writeFileSync(OUT, out);
  console.log(`wrote ${OUT}: ${groups.length} groups, ${groups.reduce((n, g) => n + g.aliases.length, 0)} aliases`);
}

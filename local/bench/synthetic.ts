/**
 * Synthetic workbooks for the benchmarks: N sub-units and M delegates, generated deterministically
 * (seeded PRNG) and realistic enough that every operation has real work. The real bundle's
 * setupWorkbook creates the template; the rows are then typed in through the raw (uncounted)
 * services, as local/samples.ts does. Nothing here is committed: workbooks live in memory.
 *
 * Shape: `Cấu hình` (level Xã above 11 units; official seats ≈ 70 % of M, guests the rest),
 * `Đơn vị` with populations, `Dân tộc theo đơn vị` (2–4 of the 53 DTTS groups per unit), `Đại biểu`
 * spread over the units with about 2 % deliberate problems (so validation writes marks), 30
 * committee members supervising every unit but 1 %, 50 tasks, one `Tiến độ` row per unit, two
 * meetings with 11 conclusions.
 */
import { rng } from '../../samples/delegates';
import { apportion } from '../../src/domain/apportion';
import { ETHNIC_GROUPS } from '../../src/domain/ethnic';
import { SHEETS } from '../../src/domain/template';
import type { CellValue } from '../../src/domain/values';
import { loadBundle, Runtime } from '../runtime';
import type { LocalSpreadsheet } from '../runtime/spreadsheet';

/** A benchmark scale: sub-units × delegates. */
export interface Scale {
  units: number;
  delegates: number;
}

/** "3321x50000" (also "3,321 × 50,000") → { units: 3321, delegates: 50000 }. */
export function parseScale(text: string): Scale {
  const m = /^\s*([\d,._]+)\s*[x×*]\s*([\d,._]+)\s*$/i.exec(text);
  const num = (s: string) => Number(s.replace(/[,._]/g, ''));
  const units = m ? num(m[1] as string) : Number.NaN;
  const delegates = m ? num(m[2] as string) : Number.NaN;
  if (!Number.isInteger(units) || !Number.isInteger(delegates) || units < 1 || delegates < 1) {
    throw new Error(`A scale is UNITSxDELEGATES, e.g. 11x1000; got "${text}"`);
  }
  return { units, delegates };
}

export function scaleLabel(s: Scale): string {
  return `${s.units}x${s.delegates}`;
}

/** The clock of every synthetic workbook: the 2025 round, between the sub-unit congresses. */
export const SYNTHETIC_NOW = '2025-03-10T09:00:00+07:00';
const YEAR = 2025;

type Rand = () => number;
/** 'a|b|c' → ['a', 'b', 'c'] (keeps the word lists short). */
const list = (words: string): string[] => words.split('|');
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES = list(
  'Hoàng|Nông|Lương|Vi|Lăng|Chu|Hà|Lộc|Triệu|Mông|Đinh|Lý|Nguyễn|Lò|Cầm|Quàng|Sùng|Giàng|Vàng|Thào|' +
    'Y|Rơ Châm|Ksor|Nay|Siu|Rah Lan|Bùi|Quách|Ma|Bế|Dương|Tạ|Phùng|Đàm|Hứa|Sầm',
);
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Thanh', 'Xuân', 'A', 'Seo', 'Ngọc', 'Hữu', 'Công', 'Trung'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Kim', 'Hồng', 'Bích', 'Diệu', 'H’'];
const GIVEN_M = list(
  'Hùng|Dũng|Tuấn|Sơn|Phúc|Hải|Long|Quý|Thắng|Toàn|Khánh|Bình|Cường|Páo|Chứ|Sình|Pó|Dền|Blơng|Hiếu|' +
    'Nam|Việt|Trọng|Lâm|Tài|Đạt|Kiên|Vinh|Thành|Hưng|Khoa|Nhật|Quyết|Thuận|Tùng|Sáng',
);
const GIVEN_F = list(
  'Lan|Hạnh|Hoa|Mai|Hương|Thảo|Nga|Huyền|Yến|Loan|Phương|Dung|Mỷ|Dua|Sinh|Blim|Nhung|Thủy|Vân|' +
    'Trang|Ly|Ngân|Hằng|Quyên|Xuân|Duyên|Liên|Thơm|Oanh|Chiên',
);
const CATEGORIES = list(
  'Người có uy tín|Cán bộ, công chức cấp xã|Nông dân sản xuất giỏi|Doanh nhân|Thanh niên tiêu biểu|' +
    'Giáo viên|Cán bộ y tế|Cựu chiến binh|Trí thức|Chức sắc tôn giáo',
);
const PLACE_A = list('Nà|Bản|Khuổi|Pác|Phiêng|Tân|Hồng|Đồng|Yên|Thượng|Hạ|Ia|Đắk|Ea');
const PLACE_B = list(
  'Phặc|Thi|Lũng|Hà|Sơn|Lập|Phong|Tiến|Bình|Lạc|Xuân|Mơ|Grai|Hleo|Tô|Mai|Quang|Thịnh|Phú|Lộc|Minh|Cường',
);

/** Draws names until one is new; three- or four-syllable names give ~10⁶ distinct names. */
function personName(r: Rand, female: boolean, used: Set<string>): string {
  for (;;) {
    const mid = pick(r, female ? MIDDLE_F : MIDDLE_M);
    const mid2 = r() < 0.5 ? ` ${pick(r, female ? MIDDLE_F : MIDDLE_M)}` : '';
    const name = `${pick(r, SURNAMES)} ${mid}${mid2 === ` ${mid}` ? '' : mid2} ${pick(r, female ? GIVEN_F : GIVEN_M)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function dmy(y: number, m: number, d: number): string {
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** A day of 2025 as dd/mm/yyyy, from its 1-based day of year. */
function dayOfYear(n: number): string {
  const d = new Date(Date.UTC(YEAR, 0, n));
  return dmy(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// ---------------------------------------------------------------------------------------------
// The data

interface Unit {
  code: string;
  name: string;
  population: number;
  dtts: number;
  groups: [string, number][]; // group name, people
}

/** What the generator planted, so tests and the report can say what validation should find. */
export interface SyntheticSummary {
  scale: Scale;
  rows: Record<string, number>;
  officialTotal: number;
  problems: Record<string, number>;
}

export interface SyntheticWorkbook {
  spreadsheet: LocalSpreadsheet;
  summary: SyntheticSummary;
}

const MINORITIES = ETHNIC_GROUPS.filter((g) => g.minority).map((g) => g.name);

function makeUnits(r: Rand, n: number): Unit[] {
  const district = n <= 11;
  const width = String(n).length;
  const names = new Set<string>();
  const units: Unit[] = [];
  for (let i = 0; i < n; i++) {
    const code = `${district ? 'H' : 'X'}${String(i + 1).padStart(Math.max(2, width), '0')}`;
    const kind = district ? 'Huyện' : pick(r, ['Xã', 'Xã', 'Xã', 'Phường']);
    let name = `${kind} ${pick(r, PLACE_A)} ${pick(r, PLACE_B)}`;
    for (let k = 2; names.has(name); k++) name = `${kind} ${pick(r, PLACE_A)} ${pick(r, PLACE_B)} ${k}`;
    names.add(name);
    // Communes: 1,000–40,000 DTTS people; districts ten times more. A share of 30–99 % of the population.
    const dtts = Math.round((district ? 10 : 1) * 1000 * Math.exp(r() * Math.log(40)));
    const population = Math.round(dtts / (0.3 + 0.69 * r()));
    // 2–4 groups from a regional cluster of the 53 (neighbouring units share groups).
    const base = Math.floor((i / n) * MINORITIES.length);
    const count = int(r, 2, 4);
    const groups: [string, number][] = [];
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(MINORITIES[(base + int(r, 0, 5)) % MINORITIES.length] as string);
    let left = dtts;
    const list = [...chosen];
    list.forEach((g, k) => {
      const people = k === list.length - 1 ? left : Math.round(left * (0.45 + 0.3 * r()));
      left -= people;
      groups.push([g, people]);
    });
    units.push({ code, name, population, dtts, groups });
  }
  return units;
}

type Row = CellValue[];

/**
 * The delegate rows: the allocation's official seats per unit, guests up to M, provincial seats;
 * then about 2 % of the rows get a deliberate problem.
 */
function makeDelegates(
  r: Rand,
  units: Unit[],
  seats: Record<string, number>,
  provincial: { agencies: number; exOfficio: number },
  total: number,
  planted: Record<string, number>,
): Row[] {
  const used = new Set<string>();
  const rows: Row[] = [];
  const add = (unit: string, group: string, kind: string) => {
    const female = r() < 0.4;
    rows.push([
      rows.length + 1,
      personName(r, female, used),
      unit,
      group,
      female ? 'Nữ' : 'Nam',
      int(r, 1960, 2004),
      pick(r, CATEGORIES),
      kind,
      `${pick(r, ['Thôn', 'Bản', 'Tổ dân phố'])} ${pick(r, PLACE_A)} ${pick(r, PLACE_B)}`,
      '',
    ]);
  };
  const groupOf = (u: Unit) => {
    let x = r() * u.dtts;
    for (const [g, n] of u.groups) {
      if (x < n) return g;
      x -= n;
    }
    return u.groups[0]?.[0] ?? 'Tày';
  };
  const official = Object.values(seats).reduce((s, n) => s + n, 0) + provincial.agencies + provincial.exOfficio;
  const guests = Math.max(0, total - official);
  const house = Math.max(1, official - provincial.agencies - provincial.exOfficio);
  let guestsLeft = guests;
  units.forEach((u, i) => {
    const n = seats[u.code] ?? 0;
    // Each group of the unit first (when seats allow), then by population.
    for (let k = 0; k < n; k++)
      add(u.code, k < u.groups.length ? (u.groups[k]?.[0] as string) : groupOf(u), 'Chính thức');
    const g = i === units.length - 1 ? guestsLeft : Math.min(guestsLeft, Math.round((guests * n) / house));
    guestsLeft -= g;
    for (let k = 0; k < g; k++) add(u.code, groupOf(u), 'Khách mời');
  });
  const all = units[0] ?? { groups: [['Tày', 1]] as [string, number][], dtts: 1 };
  for (let k = 0; k < provincial.agencies; k++) add('Cấp tỉnh', groupOf(all as Unit), 'Chính thức');
  for (let k = 0; k < provincial.exOfficio; k++) add('Cấp tỉnh', groupOf(all as Unit), 'Đương nhiên');
  while (rows.length > total) rows.pop();

  // Deliberate problems, each on about 0.3 % of the rows (at least one each), on distinct rows.
  const each = Math.max(1, Math.round(rows.length * 0.003));
  const taken = new Set<number>();
  const someRow = () => {
    for (;;) {
      const i = Math.floor(r() * rows.length);
      if (!taken.has(i)) {
        taken.add(i);
        return rows[i] as Row;
      }
    }
  };
  const plant = (rule: string, edit: (row: Row) => void) => {
    for (let k = 0; k < each; k++) edit(someRow());
    planted[rule] = each;
  };
  plant('ethnic-unknown', (row) => {
    row[3] = 'Dân tộc Xa Lạ';
  });
  plant('ethnic-fuzzy', (row) => {
    row[3] = String(row[3]).normalize('NFD').replace(/\p{M}/gu, '');
  });
  plant('birth-year-implausible', (row) => {
    row[5] = 1890; // impossible whatever the congress year (ages are unbounded unless set)
  });
  plant('unit-unknown', (row) => {
    row[2] = `ZZ${int(r, 1, 99)}`;
  });
  plant('delegate-duplicate', (row) => {
    const other = rows[Math.floor(r() * rows.length)] as Row;
    if (other !== row) {
      row[1] = other[1] ?? '';
      row[5] = other[5] ?? '';
    }
  });
  plant('kind-missing', (row) => {
    row[7] = '';
  });
  plant('pasted-nfd', (row) => {
    row[1] = String(row[1]).normalize('NFD');
    row[4] = row[4] === 'Nữ' ? 'nu' : 'nam';
  });
  return rows;
}

function makeMembers(units: Unit[], planted: Record<string, number>): Row[] {
  const roles: [string, string, string, string][] = [
    ['Phó Chủ tịch UBND tỉnh', 'UBND tỉnh', 'Ban Chỉ đạo', 'Trưởng ban'],
    ['Trưởng Ban Dân tộc', 'Ban Dân tộc', 'Ban Chỉ đạo', 'Phó Trưởng ban thường trực'],
  ];
  const agencies = list(
    'Sở Nội vụ|Sở Tài chính|Sở Văn hóa, Thể thao và Du lịch|Công an tỉnh|Sở Y tế|' +
      'Sở Giáo dục và Đào tạo|Sở Nông nghiệp và Môi trường|Sở Khoa học và Công nghệ|' +
      'Ủy ban MTTQ Việt Nam tỉnh|Tỉnh đoàn|Hội Liên hiệp Phụ nữ tỉnh|Hội Nông dân tỉnh|' +
      'Bộ Chỉ huy Quân sự tỉnh',
  );
  for (const a of agencies) roles.push([`Phó Giám đốc ${a}`, a, 'Ban Chỉ đạo', 'Thành viên']);
  roles.push(['Phó Trưởng Ban Dân tộc', 'Ban Dân tộc', 'Ban Tổ chức', 'Trưởng ban']);
  for (const a of agencies.slice(0, 7)) roles.push([`Trưởng phòng ${a}`, a, 'Ban Tổ chức', 'Thành viên']);
  roles.push(['Trưởng Ban Dân tộc', 'Ban Dân tộc', 'Tiểu ban Nội dung', 'Trưởng tiểu ban']);
  roles.push(['Chánh Văn phòng Ban Dân tộc', 'Ban Dân tộc', 'Tiểu ban Nội dung', 'Thành viên']);
  roles.push(['Phó Chánh Văn phòng UBND tỉnh', 'UBND tỉnh', 'Tiểu ban Nội dung', 'Thành viên']);
  // A body without a head (deliberate problem).
  roles.push(['Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL', 'Tiểu ban Tuyên truyền', 'Phó Trưởng ban']);
  roles.push(['Phó Tổng Biên tập Báo tỉnh', 'Báo tỉnh', 'Tiểu ban Tuyên truyền', 'Thành viên']);
  planted['body-without-head'] = 1;
  // The steering committee's members (not the head) share every unit but the last 1 %.
  const supervisors = roles.map((x, i) => [x, i] as const).filter(([x, i]) => x[2] === 'Ban Chỉ đạo' && i > 0);
  const covered = units.length - Math.floor(units.length * 0.01);
  planted['unit-unsupervised'] = units.length - covered;
  const r = rng(7);
  const used = new Set<string>();
  return roles.map(([position, agency, body, role], i) => {
    const k = supervisors.findIndex(([, j]) => j === i);
    let list = '';
    if (k >= 0) {
      const from = Math.floor((k * covered) / supervisors.length);
      const to = Math.floor(((k + 1) * covered) / supervisors.length);
      list = units
        .slice(from, to)
        .map((u) => u.code)
        .join(', ');
      if (k === 0) list += ', Xã Không Có'; // unknown unit (deliberate problem)
    }
    return [personName(r, r() < 0.3, used), position, agency, body, role, list, '', `Phụ trách nhóm nhiệm vụ ${i + 1}`];
  });
}

function makeTasks(r: Rand, planted: Record<string, number>): Row[] {
  const leads = list('Ban Dân tộc|Sở Nội vụ|Sở Tài chính|Sở VHTTDL|Công an tỉnh|Văn phòng UBND tỉnh|Sở Y tế');
  const verbs = list('Xây dựng|Hoàn thiện|Tổng hợp|Chuẩn bị|Rà soát|Tổ chức|Bảo đảm');
  const objects = list(
    'kế hoạch tổ chức Đại hội|danh sách đại biểu chính thức|dự thảo báo cáo chính trị|phương án an ninh, trật tự|' +
      'kinh phí tổ chức Đại hội|chương trình văn nghệ chào mừng|hồ sơ khen thưởng|phương án đón tiếp đại biểu|' +
      'tài liệu tuyên truyền|báo cáo tiến độ Đại hội cấp xã',
  );
  const rows: Row[] = [];
  const now = 69; // 10 March 2025 is day 69
  for (let i = 0; i < 50; i++) {
    const deadline = now + int(r, -30, 45);
    const status =
      deadline < now - 10
        ? pick(r, ['Hoàn thành', 'Hoàn thành', 'Đang thực hiện'])
        : pick(r, ['Chưa thực hiện', 'Đang thực hiện']);
    rows.push([
      i + 1,
      `${pick(r, verbs)} ${pick(r, objects)} (đợt ${1 + (i % 5)})`,
      pick(r, leads),
      'các cơ quan liên quan',
      '',
      dayOfYear(deadline),
      status,
      status === 'Hoàn thành' ? dayOfYear(deadline - int(r, 0, 3)) : '',
      i < 20 ? 'BCĐ-01' : 'BCĐ-02',
      '',
      '',
    ]);
  }
  // Deliberate problems: no lead, no deadline, an unknown meeting.
  (rows[47] as Row)[2] = '';
  (rows[48] as Row)[5] = '';
  (rows[49] as Row)[8] = 'BCĐ-09';
  planted['task-no-lead'] = 1;
  planted['task-no-deadline'] = 1;
  planted['task-meeting-unknown'] = 1;
  return rows;
}

function makeProgress(r: Rand, units: Unit[], planted: Record<string, number>): Row[] {
  let outOfOrder = 0;
  let late = 0;
  const rows = units.map((u): Row => {
    const x = r();
    if (x < 0.02) return [u.code, '', '', '', 'Chưa tổ chức', 'Chưa thành lập Ban Chỉ đạo'];
    const steering = int(r, 6, 40);
    let plan = steering + int(r, 3, 20);
    let congress = plan + int(r, 20, 120);
    if (x < 0.03) {
      plan = steering - 3;
      outOfOrder++;
    } else if (x < 0.04) {
      congress = 190; // after the 30/06 deadline
      late++;
    }
    return [
      u.code,
      dayOfYear(steering),
      dayOfYear(plan),
      dayOfYear(congress),
      congress < 69 ? 'Đã tổ chức' : 'Chưa tổ chức',
      '',
    ];
  });
  planted['milestones-out-of-order'] = outOfOrder;
  planted['congress-after-deadline'] = late;
  return rows;
}

const MEETINGS: Row[] = [
  [
    'BCĐ-01',
    '06/01/2025',
    'Nguyễn Văn An',
    'Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo',
    'các thành viên Ban Chỉ đạo',
    'triển khai công tác chuẩn bị Đại hội',
  ],
  [
    'BCĐ-02',
    '03/03/2025',
    'Nguyễn Văn An',
    'Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo',
    'các thành viên Ban Chỉ đạo, Ban Tổ chức',
    'kiểm điểm tiến độ Đại hội cấp xã',
  ],
];

function makeConclusions(): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= 3; i++)
    rows.push(['BCĐ-01', i, `Kết luận số ${i} của phiên họp thứ nhất: thống nhất kế hoạch và phân công thực hiện.`]);
  rows.push(['BCĐ-02', '', 'Ban Chỉ đạo ghi nhận tiến độ chuẩn bị Đại hội cấp xã và thống nhất các nội dung sau:']);
  for (let i = 1; i <= 8; i++) {
    rows.push([
      'BCĐ-02',
      i,
      `Nội dung kết luận ${i}: các cơ quan, đơn vị khẩn trương hoàn thành nhiệm vụ được giao, báo cáo Ban Chỉ đạo trước ngày ${dmy(YEAR, 3, 10 + i)}; ` +
        'bảo đảm cơ cấu, thành phần đại biểu theo hướng dẫn, chú trọng đại biểu nữ, đại biểu trẻ và người có uy tín.',
    ]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Typing rows in

function padded(rows: Row[], width: number): Row[] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Writes rows below the header as one block, after inserting the rows the sheet lacks. */
function typeRows(ss: LocalSpreadsheet, sheetName: string, rows: Row[], width: number): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`synthetic: no sheet ${sheetName}`);
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(2, 1, rows.length, width).setValues(padded(rows, width));
}

/** Sets `Giá trị` of the named settings, keeping setupWorkbook's values for the others. */
function typeSettings(ss: LocalSpreadsheet, values: Record<string, CellValue>): void {
  const sheet = ss.getSheetByName(SHEETS.config.name);
  if (!sheet) throw new Error('synthetic: no config sheet');
  const grid = sheet.getDataRange().getValues();
  const out = grid.slice(1).map((r) => [(values[String(r[0])] ?? r[1]) as CellValue]);
  sheet.getRange(2, 2, out.length, 1).setValues(out);
}

export interface SyntheticOptions {
  /** Seed of the generator (default 2025); the scale is mixed in. */
  seed?: number;
  projectDir?: string;
  /** The bundle whose setupWorkbook creates the template (default build/Code.js). */
  codePath?: string;
}

/** Builds the workbook of a scale in memory (deterministic for a given scale and seed). */
export function buildSynthetic(scale: Scale, options: SyntheticOptions = {}): SyntheticWorkbook {
  // Separate streams: the same number of units gives the same units, members, tasks and progress
  // whatever the number of delegates (what the flat-calls test compares).
  const seed = options.seed ?? 2025;
  const r = rng(seed + scale.units * 7919);
  const rd = rng(seed * 31 + scale.delegates);
  const runtime = new Runtime({
    now: SYNTHETIC_NOW,
    ...(options.projectDir ? { projectDir: options.projectDir } : {}),
  });
  loadBundle({ runtime, ...(options.codePath ? { codePath: options.codePath } : {}) }).call('setupWorkbook');
  const ss = runtime.spreadsheet;
  const planted: Record<string, number> = {};

  const units = makeUnits(r, scale.units);
  const district = scale.units <= 11;
  const officialTotal = Math.max(scale.units + 10, Math.round(scale.delegates * 0.7));
  const exOfficio = Math.round(officialTotal * 0.02);
  const agencies = Math.round(officialTotal * 0.08);
  const minSeats = district ? 5 : 1;
  const house = officialTotal - exOfficio - agencies;
  if (house < scale.units * minSeats) {
    throw new Error(
      `Scale ${scaleLabel(scale)}: ${house} seats cannot give ${scale.units} units their minimum of ${minSeats}; use more delegates.`,
    );
  }
  const seats = apportion(
    units.map((u) => ({ id: u.code, population: u.dtts, min: minSeats })),
    house,
    'hamilton',
  ).seats;
  // A few units one short or one over (deliberate count problems): move one official seat's row.
  const delegates = makeDelegates(rd, units, seats, { agencies, exOfficio }, scale.delegates, planted);
  const moves = Math.max(1, Math.round(scale.units * 0.01));
  let moved = 0;
  for (let k = 0; k < moves && 2 * k + 1 < units.length; k++) {
    const from = (units[2 * k] as Unit).code;
    const to = (units[2 * k + 1] as Unit).code;
    const row = delegates.find((d) => d[2] === from && d[7] === 'Chính thức' && (seats[from] ?? 0) > 1);
    if (row) {
      row[2] = to;
      moved++;
    }
  }
  planted['delegate-count-short'] = moved;
  planted['delegate-count-over'] = moved;

  typeSettings(ss, {
    Tỉnh: district ? 'Tổng Hợp' : 'Tổng Hợp (sau sáp nhập)',
    'Cấp đơn vị': district ? 'Huyện' : 'Xã',
    'Lần thứ': 'V',
    Năm: YEAR,
    'Tổng số đại biểu chính thức': officialTotal,
    'Số đại biểu đương nhiên': exOfficio,
    'Số đại biểu cơ quan cấp tỉnh': agencies,
    'Phương pháp phân bổ': 'Hamilton',
    'Số đại biểu tối thiểu mỗi đơn vị': minSeats,
    'Tỷ lệ khách mời tối đa': '50%',
    'Số đại biểu chính thức tối đa': officialTotal,
    'Tỷ lệ nữ tối thiểu': '30%',
    'Hạn tổ chức Đại hội cấp cơ sở': '30/06/2025',
    'Cơ quan chủ quản': 'UBND TỈNH TỔNG HỢP',
    'Cơ quan ban hành': 'BAN CHỈ ĐẠO ĐẠI HỘI',
    'Địa danh': 'Tổng Hợp',
    'Người ký': 'Nguyễn Văn An',
    'Ký hiệu đơn vị soạn thảo': 'BDT',
  });
  const sheetRows: Record<string, Row[]> = {
    [SHEETS.units.name]: units.map((u) => [u.code, u.name, u.population, u.dtts, '', '', '']),
    [SHEETS.unitEthnic.name]: units.flatMap((u) => u.groups.map(([g, n]) => [u.code, g, n])),
    [SHEETS.delegates.name]: delegates,
    [SHEETS.members.name]: makeMembers(units, planted),
    [SHEETS.tasks.name]: makeTasks(r, planted),
    [SHEETS.progress.name]: makeProgress(r, units, planted),
    [SHEETS.meetings.name]: MEETINGS,
    [SHEETS.conclusions.name]: makeConclusions(),
  };
  const widths = new Map(Object.values(SHEETS).map((s) => [s.name, s.columns.length]));
  for (const [name, rows] of Object.entries(sheetRows)) typeRows(ss, name, rows, widths.get(name) ?? 1);
  const config = ss.getSheetByName(SHEETS.config.name);
  if (config) ss.setActiveSheet(config);
  return {
    spreadsheet: ss,
    summary: {
      scale,
      rows: Object.fromEntries(Object.entries(sheetRows).map(([k, v]) => [k, v.length])),
      officialTotal,
      problems: planted,
    },
  };
}

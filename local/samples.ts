/**
 * Builds the sample workbooks from their checked-in source (samples/*.ts): the real bundle's
 * setupWorkbook creates the template, the rows are typed in as a user would, the delegate list is
 * generated from the allocation with the deliberate problems the demo shows, then it is saved as .xlsx.
 */
import { join } from 'node:path';
import { type DelegateRow, generateDelegates } from '../samples/delegates';
import { KON_TUM } from '../samples/kon-tum';
import { LANG_SON } from '../samples/lang-son';
import { LANG_SON_COMMUNES } from '../samples/lang-son-communes';
import type { SampleWorkbook } from '../samples/types';
import { apportion } from '../src/domain/apportion';
import { ProblemList } from '../src/domain/problem';
import { readSettings, readUnits } from '../src/domain/records';
import { SHEETS } from '../src/domain/template';
import type { CellValue } from '../src/domain/values';
import { Runtime, runBundle } from './runtime';
import { LocalSpreadsheet } from './runtime/spreadsheet';
import { saveWorkbook } from './xlsx';

export const SAMPLES: Record<string, SampleWorkbook> = {
  'lang-son': LANG_SON,
  'kon-tum': KON_TUM,
  'lang-son-cap-xa': LANG_SON_COMMUNES,
};

/** A code with a leading zero ("06124"): typed into a cell formatted as plain text, it stays text. */
const LEADING_ZERO_CODE = /^0\d+$/;

/** The rows of a sample sheet padded to the template's width. */
function padded(rows: (string | number)[][], width: number): CellValue[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Writes rows below the header as one block, as a user pasting them would. */
function typeRows(ss: LocalSpreadsheet, sheetName: string, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`sample: no sheet ${sheetName}`);
  const width = rows[0]?.length ?? 0;
  if (sheet.getMaxRows() < rows.length + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  // As a user does before pasting codes such as "06124": Format › Number › Plain text on the column.
  for (let j = 0; j < width; j++) {
    if (rows.some((r) => typeof r[j] === 'string' && LEADING_ZERO_CODE.test(r[j] as string)))
      sheet.getRange(2, j + 1, rows.length, 1).setNumberFormat('@');
  }
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
}

/** Replaces the default setting rows written by setupWorkbook with the sample's values. */
function typeSettings(ss: LocalSpreadsheet, rows: (string | number)[][]): void {
  const sheet = ss.getSheetByName(SHEETS.config.name);
  if (!sheet) throw new Error('sample: no config sheet');
  const grid = sheet.getDataRange().getValues();
  const values = new Map(rows.map(([k, v]) => [String(k), v ?? '']));
  const out = grid
    .slice(1)
    .map((r) => [values.has(String(r[0])) ? (values.get(String(r[0])) as CellValue) : (r[1] as CellValue)]);
  sheet.getRange(2, 2, out.length, 1).setValues(out);
}

/** The seats each unit gets under the sample's own settings (what "Phân bổ đại biểu" will compute). */
function sampleSeats(sample: SampleWorkbook): { seats: Record<string, number>; agencies: number; exOfficio: number } {
  const problems = new ProblemList();
  const configGrid: CellValue[][] = [
    ['Thông số', 'Giá trị', 'Ghi chú'],
    ...sample.sheets['Cấu hình']!.map((r) => [r[0] ?? '', r[1] ?? '', '']),
  ];
  const settings = readSettings(configGrid, 420, problems);
  const unitsGrid: CellValue[][] = [SHEETS.units.columns.map((c) => c.header), ...padded(sample.sheets['Đơn vị']!, 7)];
  const units = readUnits(unitsGrid, problems).filter((u) => u.data.code);
  const house = settings.officialTotal - settings.exOfficioSeats - settings.provincialAgencySeats;
  const result = apportion(
    units.map((u) => ({
      id: u.data.code as string,
      population: u.data.dttsPopulation ?? 0,
      min: settings.minSeatsPerUnit,
    })),
    house,
    settings.method,
  );
  return { seats: result.seats, agencies: settings.provincialAgencySeats, exOfficio: settings.exOfficioSeats };
}

/** Applies the demo's deliberate problems to a generated delegate list (see DELIBERATE_PROBLEMS). */
function withDeliberateProblems(rows: DelegateRow[], short: string, over: string): DelegateRow[] {
  const out = [...rows];
  const firstOfficial = (unit: string) => out.findIndex((r) => r[2] === unit && r[7] === 'Chính thức');
  const drop = firstOfficial(short);
  if (drop >= 0) out.splice(drop, 1);
  const extra = out[firstOfficial(over)];
  if (extra) out.push([0, 'Đinh Văn Thêm', over, 'Tày', 'Nam', 1979, 'Người có uy tín', 'Chính thức', 'Thôn Mới', '']);
  const a = out.find((r) => r[7] === 'Chính thức');
  if (a)
    out.push([
      0,
      a[1],
      out[out.length - 3]?.[2] ?? a[2],
      a[3],
      a[4],
      a[5],
      a[6],
      'Khách mời',
      a[8],
      'Có thể khai trùng',
    ]);
  out.push([
    0,
    'Lộc Văn Xá',
    out[0]?.[2] ?? '',
    'Tày Nùng',
    'Nam',
    1988,
    'Nông dân sản xuất giỏi',
    'Khách mời',
    '',
    '',
  ]);
  out.push([0, 'Mông Văn Páo', out[0]?.[2] ?? '', 'Mong', 'Nam', 1990, 'Thanh niên tiêu biểu', 'Khách mời', '', '']);
  out.push([0, 'Vi Thị Nhỏ', out[0]?.[2] ?? '', 'Nùng', 'Nữ', 2015, '', 'Khách mời', '', 'Năm sinh nhập sai']);
  out.push([0, 'Hà Văn Lạ', 'HLU', 'Dao', 'Nam', 1972, '', 'Khách mời', '', 'Mã đơn vị sai']);
  out.push([
    0,
    'Nông Thị Hoà'.normalize('NFD'),
    out[1]?.[2] ?? '',
    'Nùng',
    'nu',
    '1.982',
    '',
    'Khách mời',
    '',
    'Dán từ Word (NFD)',
  ]);
  return out.map((r, i) => [i + 1, ...r.slice(1)] as DelegateRow);
}

/** Builds one sample in memory (owned by `options.owner`, default the runtime's default user). */
export function buildSample(sample: SampleWorkbook, options: { owner?: string } = {}): LocalSpreadsheet {
  const spreadsheet = LocalSpreadsheet.create(options.owner ? { owner: options.owner } : {});
  const runtime = new Runtime({
    spreadsheet,
    now: '2024-01-05T08:00:00+07:00',
    ...(options.owner ? { user: options.owner } : {}),
  });
  runBundle(runtime, 'setupWorkbook');
  const ss = runtime.spreadsheet;
  const widths = new Map(Object.values(SHEETS).map((s) => [s.name, s.columns.length]));
  for (const [name, rows] of Object.entries(sample.sheets)) {
    if (name === SHEETS.config.name) typeSettings(ss, rows);
    else typeRows(ss, name, padded(rows, widths.get(name) ?? rows[0]?.length ?? 1));
  }
  const { seats, agencies, exOfficio } = sampleSeats(sample);
  const generated = generateDelegates(
    sample.delegates,
    seats,
    { agencies, exOfficio },
    sample.delegates.skipGroups ?? [],
  );
  const rows = sample.delegates.problems
    ? withDeliberateProblems(generated, sample.delegates.problems.short, sample.delegates.problems.over)
    : generated;
  typeRows(ss, SHEETS.delegates.name, padded(rows, SHEETS.delegates.columns.length));
  const blank = ss.getSheetByName('Trang tính1');
  if (blank && blank.getLastRow() === 0) ss.deleteSheet(blank);
  ss.setActiveSheet(ss.getSheetByName(SHEETS.config.name) ?? ss.getSheets()[0]!);
  return ss;
}

/** Writes every sample (or the named ones) as .xlsx into `dir`; returns the paths. */
export async function writeSamples(dir: string, names: readonly string[] = Object.keys(SAMPLES)): Promise<string[]> {
  const paths: string[] = [];
  for (const name of names) {
    const sample = SAMPLES[name];
    if (!sample) throw new Error(`Unknown sample "${name}" (known: ${Object.keys(SAMPLES).join(', ')})`);
    const path = join(dir, sample.file);
    await saveWorkbook(buildSample(sample), path);
    paths.push(path);
  }
  return paths;
}

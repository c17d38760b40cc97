/**
 * Attack on writeStatistics: the `Thống kê` sheet, the Báo cáo cơ cấu and the independent count of
 * the raw cells must say the same figures: every count, and every share as the officer sees it (the
 * sheet's 0.0% against the report's "42,9"). Workbooks: the sample; a congress whose shares do not
 * add up to 100 once rounded (3 Tày, 2 Nùng, 2 Dao); an officer's workbook with
 * NFD, capitals, guests and Đương nhiên mixed in.
 */

import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import {
  type Cell,
  col,
  generate,
  grid,
  independentCount,
  key,
  num,
  partsOf,
  resolvedDuplicate,
} from './attack4-report-helpers';

const NOW = '2024-01-05T09:00:00+07:00';
const SHEET = 'Thống kê';

/** A titled table of Thống kê: its rows until the next blank row (label, count, share…). */
function sheetTable(ss: LocalSpreadsheet, title: string): Cell[][] {
  const values = grid(ss, SHEET);
  const t = values.findIndex((r) => typeof r[0] === 'string' && r[0].replace(/^\d+\. /, '') === title);
  if (t < 0) return [];
  const out: Cell[][] = [];
  for (let i = t + 2; i < values.length && (values[i] as Cell[]).some((v) => v !== ''); i++)
    out.push(values[i] as Cell[]);
  return out;
}

/** As the cell shows it with 0.0%: tenths of a percent. */
const shown = (v: Cell) => Math.round((v as number) * 1000 + 1e-9);

/** label → [count, tenths] of a report share table (rows between header and total). */
function reportShares(table: string[][]): Map<string, [number, number]> {
  return new Map(
    table.slice(1, -1).map((r) => [key(r[1]), [num(r[2] as string), Math.round(num(r[3] as string) * 10)]]),
  );
}

function sheetShares(rows: Cell[][]): Map<string, [number, number]> {
  return new Map(rows.map((r) => [key(r[0]), [r[1] as number, shown(r[2] ?? 0)]]));
}

function bothAgree(ss: LocalSpreadsheet): void {
  const want = independentCount(ss);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  runBundle(rt, 'writeStatistics');
  const { doc } = generate(ss, NOW, { force: true });
  const p = partsOf(doc);
  // Counts: the sheet, the report and the raw cells.
  expect(sheetTable(ss, 'Tổng số đại biểu')[0]?.[1]).toBe(want.total);
  const ethnic = sheetShares(sheetTable(ss, 'Theo dân tộc'));
  const reportEthnic = reportShares(p.byHeader('Dân tộc'));
  for (const [group, n] of want.groups) expect(ethnic.get(key(group))?.[0]).toBe(n);
  // Shares as shown: the sheet's row equals the report's row, label by label.
  const same = (sheet: Map<string, [number, number]>, report: Map<string, [number, number]>) => {
    for (const [label, figures] of sheet) {
      const r = report.get(label);
      if (r) expect([label, ...figures]).toEqual([label, ...r]);
    }
  };
  same(ethnic, reportEthnic);
  same(sheetShares(sheetTable(ss, 'Theo nhóm tuổi')), reportShares(p.byHeader('Độ tuổi')));
  same(sheetShares(sheetTable(ss, 'Theo thành phần')), reportShares(p.byHeader('Thành phần')));
  const women = sheetTable(ss, 'Đại biểu nữ')[0] as Cell[];
  const reportWomen = reportShares(p.byHeader('Giới tính')).get('nu');
  expect([women[1], shown(women[2] ?? 0)]).toEqual(reportWomen);
  expect(women[1]).toBe(want.women);
  // Every delegate of the oldest (youngest) age, as the report names them: one of several is not "the oldest".
  const persons = sheetTable(ss, 'Đại biểu cao tuổi nhất và trẻ tuổi nhất');
  const youngestAt = persons.findIndex((r) => r[0] === 'Trẻ tuổi nhất');
  for (const [rows, age, names] of [
    [persons.slice(0, youngestAt), want.oldest, want.oldestNames],
    [persons.slice(youngestAt), want.youngest, want.youngestNames],
  ] as const) {
    const listed = rows.filter((r) => typeof r[2] === 'number');
    expect(listed.map((r) => String(r[1]).normalize('NFC').trim())).toEqual(names.slice(0, 10));
    for (const r of listed) expect(r[2]).toBe(age);
    if (names.length > 10) expect(rows.at(-1)?.[1]).toBe(`và ${names.length - 10} đại biểu khác cùng tuổi`);
    else expect(rows).toHaveLength(names.length);
  }
}

/** Lạng Sơn with only the official rows `keep` picks left official (the others become guests). */
function onlyOfficial(keep: (r: Cell[]) => boolean): LocalSpreadsheet {
  const ss = buildSample(SAMPLES['lang-son']!);
  const s = ss.getSheetByName('Đại biểu');
  const rows = grid(ss, 'Đại biểu');
  const out = rows.map((r, i) => (i === 0 || keep(r) ? r : Object.assign([...r], { 7: 'Khách mời' })));
  s?.getRange(1, 1, out.length, out[0]?.length ?? 1).setValues(out as never);
  return ss;
}

describe('Thống kê, Báo cáo cơ cấu and the raw cells say the same figures', () => {
  builtCodePath();

  it('Lạng Sơn', () => {
    bothAgree(resolvedDuplicate(buildSample(SAMPLES['lang-son']!)));
  });

  it('3 Tày, 2 Nùng, 2 Dao: the report prints Tày 42,9 (each share rounded on its own); the sheet shows the same', () => {
    const wanted = new Map([
      ['Tày', 3],
      ['Nùng', 2],
      ['Dao', 2],
    ]);
    const ss = onlyOfficial((r) => {
      const left = wanted.get(String(r[3])) ?? 0;
      if (left <= 0 || r[7] !== 'Chính thức') return false;
      wanted.set(String(r[3]), left - 1);
      return true;
    });
    bothAgree(ss);
    expect(shown(sheetTable(ss, 'Theo dân tộc')[0]?.[2] ?? 0)).toBe(429);
  });

  it('an officer’s workbook: NFD, capitals, guests and Đương nhiên mixed in', () => {
    const ss = resolvedDuplicate(buildSample(SAMPLES['lang-son']!));
    const s = ss.getSheetByName('Đại biểu');
    const rows = grid(ss, 'Đại biểu');
    const c = { ethnic: col(rows, 'Dân tộc'), gender: col(rows, 'Giới tính'), kind: col(rows, 'Loại đại biểu') };
    const out = rows.map((r, i) => {
      if (i === 0) return r;
      const x = [...r];
      if (i % 11 === 0) x[c.kind] = 'Khách mời';
      else if (i % 13 === 0) x[c.kind] = 'ĐƯƠNG NHIÊN'.normalize('NFD');
      if (i % 5 === 0) x[c.ethnic] = String(x[c.ethnic]).normalize('NFD');
      if (i % 7 === 0) x[c.ethnic] = String(x[c.ethnic]).toUpperCase();
      if (i % 9 === 0) x[c.gender] = String(x[c.gender]).toLowerCase().normalize('NFD');
      return x;
    });
    s?.getRange(1, 1, out.length, out[0]?.length ?? 1).setValues(out as never);
    bothAgree(ss);
    // One row per group, however it was typed.
    const labels = sheetTable(ss, 'Theo dân tộc').map((r) => key(r[0]));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

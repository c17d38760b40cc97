/**
 * An official document never prints a wrong figure: the allocation notice is read back from the
 * Google Doc and compared with what the officer sees in the workbook (unit names as typed in
 * `Đơn vị`, DTTS population, and `Số chính thức` = `Số phân bổ` + the officer's `Điều chỉnh`), and
 * the seats add up to the house size of `Cấu hình`. Also: a "Tổng cộng" row the officer keeps
 * under the units is not a unit.
 */
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { action, EDITS, run, runtimeFor } from './actions';
import { column, corpusWorkbook, sheet } from './corpus';

interface UnitRow {
  name: string;
  dtts: number;
  seats: number;
  adjustment: number;
  official: number;
}

/** The allocation as the officer reads it in the workbook (Đơn vị names, Phân bổ figures). */
function workbookFigures(ss: LocalSpreadsheet): { rows: UnitRow[]; house: number } {
  const units = sheet(ss, 'Đơn vị');
  const unitValues = units.getDataRange().getValues();
  const codeCol = column(units, 'Mã đơn vị') - 1;
  const nameCol = column(units, 'Tên đơn vị') - 1;
  const dttsCol = column(units, 'Dân số DTTS') - 1;
  const byCode = new Map(
    unitValues
      .slice(1)
      .filter((r) => r[codeCol] !== '')
      .map((r) => [String(r[codeCol]), { name: String(r[nameCol]), dtts: Number(r[dttsCol]) }]),
  );
  const allocation = sheet(ss, 'Phân bổ');
  const values = allocation.getDataRange().getValues();
  const col = (h: string) => column(allocation, h) - 1;
  const rows = values
    .slice(1)
    .filter((r) => byCode.has(String(r[col('Mã đơn vị')])))
    .map((r) => {
      const unit = byCode.get(String(r[col('Mã đơn vị')])) as { name: string; dtts: number };
      return {
        name: unit.name,
        dtts: unit.dtts,
        seats: Number(r[col('Số phân bổ')]),
        adjustment: Number(r[col('Điều chỉnh')] || 0),
        official: Number(r[col('Số chính thức')]),
      };
    });
  const config = new Map(
    sheet(ss, 'Cấu hình')
      .getDataRange()
      .getValues()
      .map((r) => [String(r[0]), r[1]]),
  );
  const house =
    Number(config.get('Tổng số đại biểu chính thức')) -
    Number(config.get('Số đại biểu đương nhiên') || 0) -
    Number(config.get('Số đại biểu cơ quan cấp tỉnh') || 0);
  return { rows, house };
}

/** Table rows of a Google Doc, as cell texts. */
function tableRows(doc: GoogleAppsScript.Document.Document): string[][] {
  const out: string[][] = [];
  for (const t of doc.getBody().getTables()) {
    for (let r = 0; r < t.getNumRows(); r++) {
      const row = t.getRow(r);
      const cells: string[] = [];
      for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText().trim());
      out.push(cells);
    }
  }
  return out;
}

const digits = (s: string) => s.replace(/[^\d-]/g, '');

describe.each(['Lạng Sơn cấp xã (text codes) decorated', 'Kon Tum decorated'])(
  'the allocation notice of %s',
  (name) => {
    const w = corpusWorkbook(name);
    const ss = w.build();
    const runtime = runtimeFor(ss, w);
    EDITS.changePopulation?.apply(ss, w);
    const allocation = run(runtime, action('allocateDelegates'));
    const notice = run(runtime, action('generateNotice phan-bo-dai-bieu'));
    const { rows, house } = workbookFigures(ss);
    const doc = runtime.services.DocumentApp.created.at(-1) as unknown as GoogleAppsScript.Document.Document;
    const docRows = doc ? tableRows(doc) : [];

    test('the allocation and the notice succeed', () => {
      expect(allocation.error).toBeUndefined();
      expect(notice.error).toBeUndefined();
      expect(rows.length).toBeGreaterThan(0);
    });

    test('in the workbook, Số chính thức = Số phân bổ + Điều chỉnh and the seats fill the house exactly', () => {
      expect(rows.filter((r) => r.official !== r.seats + r.adjustment)).toEqual([]);
      expect(rows.reduce((s, r) => s + r.seats, 0)).toBe(house);
    });

    test('every unit appears once in the notice, under the name typed in Đơn vị, with its figures', () => {
      const wrong: string[] = [];
      for (const r of rows) {
        const found = docRows.filter((cells) => cells.includes(r.name));
        if (found.length !== 1) {
          wrong.push(`${r.name}: ${found.length} rows`);
          continue;
        }
        const cells = found[0] as string[];
        if (!cells.some((c) => digits(c) === String(r.dtts))) wrong.push(`${r.name}: DTTS ${r.dtts} not printed`);
        if (digits(cells.at(-1) ?? '') !== String(r.official))
          wrong.push(`${r.name}: printed ${cells.at(-1)} seats, workbook says ${r.official}`);
      }
      expect(wrong).toEqual([]);
    });

    test("the officer's Tổng cộng row is not printed as a unit", () => {
      const unitRows = docRows.filter((cells) => /^\d+$/.test(cells[0] ?? ''));
      expect(unitRows.map((c) => c[1]).filter((n) => /Tổng cộng/i.test(n ?? ''))).toEqual([]);
      expect(unitRows).toHaveLength(rows.length);
    });
  },
);

describe('a "Tổng cộng" row under the units of Đơn vị', () => {
  // Was a finding: such a row stopped allocateDelegates with "Thiếu Mã đơn vị ở dòng 14" and validateAll
  // reported it as errors; a row without a code labelled "Tổng cộng" / "Cộng" is now the user's total.
  test('does not stop the allocation', () => {
    const w = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');
    const ss = w.build();
    const outcome = run(runtimeFor(ss, w), action('allocateDelegates'));
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { ok: boolean }).ok).toBe(true);
  });
  test('is not reported by validation as a unit without a code', () => {
    const w = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');
    const ss = w.build();
    const outcome = run(runtimeFor(ss, w), action('validateAll'));
    expect(outcome.error).toBeUndefined();
    const problems = (outcome.result as { problems: { sheet: string; message: string }[] }).problems;
    expect(problems.filter((p) => p.sheet === 'Đơn vị' && /Mã đơn vị/.test(p.message))).toEqual([]);
  });
});

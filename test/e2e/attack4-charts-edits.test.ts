/**
 * Attack on writeStatistics: the officer works inside the add-in's `Thống kê` (types a note beside
 * the charts, signs under the tables, puts a formula, sorts a table, inserts a row) and runs
 * "Cập nhật trang Thống kê" again. The sheet is rewritten whole, so a re-run over such a sheet must
 * not silently drop what was typed: it writes nothing and names where the sheet was changed. The
 * sheet itself warns whoever edits it (warning-only protection). A re-run over an untouched sheet,
 * after the data changed, after a failed run, or after the officer deleted the sheet, still works.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { Charts } from '../../local/runtime/charts';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import type { StatisticsResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T08:00:00+07:00';
const SHEET = 'Thống kê';

function prepared(sample = 'lang-son') {
  const ss = buildSample(SAMPLES[sample]!);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
  write(rt);
  return { ss, rt, sheet: ss.getSheetByName(SHEET)! };
}

function write(rt: Runtime): StatisticsResultDto {
  return runBundle(rt, 'writeStatistics').result as StatisticsResultDto;
}

function charts(ss: LocalSpreadsheet): string {
  return JSON.stringify(ss.localSheet(SHEET)?.charts.map((c) => c.record()));
}

/** The edit is refused: nothing changes (cells, charts), the message names the sheet and `where`. */
function expectRefused(ss: LocalSpreadsheet, rt: Runtime, where: RegExp): void {
  const before = snapshot(ss);
  const chartsBefore = charts(ss);
  let message = '';
  try {
    write(rt);
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  expect(message).toMatch(/Trang "Thống kê" đã được sửa tay/);
  expect(message).toMatch(where);
  expect(diff(before, snapshot(ss))).toEqual([]);
  expect(charts(ss)).toBe(chartsBefore);
}

describe('what the officer typed in Thống kê is never dropped silently', () => {
  builtCodePath();

  it('a note beside the charts (H30): refused, named, kept', () => {
    const { ss, rt, sheet } = prepared();
    sheet.getRange('H30').setValue('Số liệu đã đối chiếu với huyện');
    expectRefused(ss, rt, /\(H30\)/);
    expect(sheet.getRange('H30').getValue()).toBe('Số liệu đã đối chiếu với huyện');
  });

  it('a signature under the tables: refused, named, kept', () => {
    const { ss, rt, sheet } = prepared();
    const row = sheet.getLastRow() + 2;
    sheet.getRange(row, 1).setValue('Người lập biểu: Nguyễn Văn A');
    expectRefused(ss, rt, new RegExp(`\\(A${row}\\)`));
  });

  it("a formula over one of the add-in's numbers: refused, named", () => {
    const { ss, rt, sheet } = prepared();
    sheet.getRange('B6').setFormula('=B7+B8');
    expectRefused(ss, rt, /\(B6\)/);
  });

  it('a number typed over a count (same place, another value): refused, the table named', () => {
    const { ss, rt, sheet } = prepared();
    const values = sheet.getDataRange().getValues();
    const r = values.findIndex((row) => row[0] === 'Trong đó: đại biểu chính thức');
    sheet.getRange(r + 1, 2).setValue(Number(values[r]?.[1]) + 1);
    expectRefused(ss, rt, /\(A\d+:E\d+\)/);
  });

  it('the by-unit table sorted by the officer (Z→A): refused', () => {
    const { ss, rt, sheet } = prepared();
    const values = sheet.getDataRange().getValues();
    const head = values.findIndex((row) => row[0] === 'Mã đơn vị' && row[2] === 'Số đại biểu');
    let last = head + 1;
    while (values[last + 1]?.[0] !== '' && values[last + 1] !== undefined) last++;
    const block = sheet.getRange(head + 2, 1, last - head, 5);
    block.setValues(block.getValues().reverse());
    expectRefused(ss, rt, /\(A\d+:E\d+\)/);
  });

  it('a row inserted inside the tables: refused', () => {
    const { ss, rt, sheet } = prepared();
    sheet.insertRowsAfter(10, 1);
    expectRefused(ss, rt, /\(A\d+:E\d+\)/);
  });

  it('after the refusal, the officer deletes the sheet: it is made again with new figures', () => {
    const { ss, rt, sheet } = prepared();
    sheet.getRange('H30').setValue('ghi chú');
    expect(() => write(rt)).toThrow(/sửa tay/);
    ss.deleteSheet(sheet);
    expect(write(rt).charts).toBe(3);
    expect(write(rt).charts).toBe(3);
  });

  it('the sheet emptied by the officer (select all, Delete): nothing to lose, rewritten', () => {
    const { ss, rt, sheet } = prepared();
    sheet.getDataRange().clearContent();
    expect(write(rt).ok).toBe(true);
    expect(sheet.getRange('A1').getValue()).toBe('THỐNG KÊ CƠ CẤU ĐẠI BIỂU');
    expect(ss.localSheet(SHEET)?.charts).toHaveLength(3);
  });

  it("the officer's fill and note on the sheet are not edits of its cells: the re-run goes through", () => {
    const { ss, rt, sheet } = prepared();
    sheet.getRange('A1').setBackground('#fff2cc');
    sheet.getRange('B6').setNote('đã kiểm tra');
    expect(write(rt).ok).toBe(true);
    expect(sheet.getRange('B6').getNote()).toBe('đã kiểm tra');
    expect(ss.localSheet(SHEET)?.charts).toHaveLength(3);
  });
});

describe('no false alarm', () => {
  it.each(['lang-son', 'lang-son-cap-xa'])(
    '%s: re-runs over an untouched sheet, before and after the data change',
    (name) => {
      const { ss, rt } = prepared(name);
      expect(write(rt).ok).toBe(true);
      // The delegates change (rows emptied): the tables get shorter, the next run still goes through.
      const delegates = ss.getSheetByName('Đại biểu')!;
      delegates.getRange(20, 1, delegates.getLastRow() - 19, delegates.getLastColumn()).clearContent();
      expect(write(rt).ok).toBe(true);
      expect(write(rt).ok).toBe(true);
    },
  );

  it('a failed run (chart insert refused) leaves a record the next run accepts', () => {
    const { rt } = prepared();
    rt.failOn('Sheet.insertChart', { after: 1 });
    expect(() => write(rt)).toThrow(/Thống kê/);
    rt.clearFaults();
    expect(write(rt).ok).toBe(true);
    expect(write(rt).ok).toBe(true);
  });

  it('a unit named "=SUM(A1)", a delegate "+84 Nông Thị Á", a group in NFD: re-runs go through', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const units = ss.getSheetByName('Đơn vị')!;
    units.getRange(2, 2).setValue("'=SUM(A1)");
    const delegates = ss.getSheetByName('Đại biểu')!;
    delegates.getRange(2, 1).setValue("'+84 Nông Thị Á");
    delegates.getRange(3, 1).setValue("'-Hoàng Văn Ư".normalize('NFD'));
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    runBundle(rt, 'allocateDelegates', [{ confirmed: true }]);
    write(rt);
    expect(write(rt).ok).toBe(true);
  });
});

describe('the sheet warns whoever edits it', () => {
  it('created with a warning-only protection that does not stop another editor running the update', () => {
    const { ss } = prepared();
    const own = ss.localSheet(SHEET)!.protections;
    expect(own).toHaveLength(1);
    expect(own[0]?.isWarningOnly()).toBe(true);
    expect(own[0]?.getDescription()).toMatch(/ghi lại toàn bộ/);
    ss.addEditor('can.bo@example.com');
    const other = new Runtime({ spreadsheet: ss, now: NOW, user: 'can.bo@example.com' });
    expect(write(other).ok).toBe(true);
  });
});

describe("the add-in's charts changed by hand, its record damaged", () => {
  it('a chart deleted, one moved, one made a PIE by the officer: the next run puts back exactly three, the officer’s own chart stays', () => {
    const { ss, rt, sheet } = prepared();
    const local = ss.localSheet(SHEET)!;
    const [first, second, third] = sheet.getCharts();
    sheet.removeChart(first!);
    sheet.updateChart(second!.modify().setPosition(40, 12, 5, 5).build());
    sheet.updateChart(
      third!
        .modify()
        .setChartType(Charts.ChartType.PIE as never)
        .build(),
    );
    const mine = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE as never)
      .addRange(sheet.getRange('B5:B8'))
      .build();
    sheet.insertChart(mine);
    expect(write(rt).charts).toBe(3);
    const records = local.charts.map((c) => c.record());
    expect(records).toHaveLength(4);
    expect(records.filter((c) => c.type === 'LINE')).toHaveLength(1);
    expect(records.filter((c) => c.type === 'PIE')).toHaveLength(0);
    expect(records.filter((c) => c.position.anchorColumn === 12)).toHaveLength(0);
  });

  it('the record unreadable: the sheet is no longer known as the add-in’s, nothing is written, the message says what to do', () => {
    const { ss, rt } = prepared();
    rt.services.PropertiesService.getDocumentProperties().setProperty('dtts.statistics', '{"sheetId": "x"');
    const before = snapshot(ss);
    const chartsBefore = charts(ss);
    expect(() => write(rt)).toThrow(/Hãy đổi tên trang/);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(charts(ss)).toBe(chartsBefore);
  });
});

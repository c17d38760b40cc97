/**
 * The sidebar's server side on a blank workbook, through the real bundle: the "Bắt đầu" checklist
 * follows the workbook's state step by step, setup leaves `Đơn vị` active, the last validation's
 * problems are read back from `Kiểm tra` (from the sidebar or the menu) with a hint when the data
 * changed since, and getOverview reads each sheet once.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { afterColon } from '../../src/domain/text';
import type { AllocationResultDto, LastValidationDto, OverviewDto, ValidationResultDto } from '../../src/rpc/contract';
import { CORPUS } from '../trust/corpus';
import { setSetting as setSettingValue } from '../trust/settings';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-14T09:00:00+07:00';

const overview = (rt: Runtime) => runBundle(rt, 'getOverview').result as OverviewDto;
const next = (o: OverviewDto) => o.checklist?.find((s) => !s.done)?.key ?? null;
const sheet = (rt: Runtime, name: string) => {
  const s = rt.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** Types a setting's value into `Cấu hình` (column B of the row labelled `label`). */
function setSetting(rt: Runtime, label: string, value: string | number): void {
  setSettingValue(rt.spreadsheet, label, value);
}

const UNITS = [
  ['HL', 'Hữu Lũng', 121735, 67120],
  ['TPLS', 'Thành phố Lạng Sơn', 103284, 58340],
  ['LB', 'Lộc Bình', 84740, 79510],
];

function typeUnits(rt: Runtime): void {
  sheet(rt, 'Đơn vị').getRange(2, 1, UNITS.length, 4).setValues(UNITS);
}

describe('"Bắt đầu" on a blank workbook', () => {
  test('before setup: only "Thiết lập bảng tính" is possible, no default figure is a fact', () => {
    const rt = new Runtime({ now: NOW });
    const o = overview(rt);
    expect(o.configured).toBe(false);
    expect(o.hasTasks).toBe(false);
    expect(next(o)).toBe('setup');
    expect(o.checklist?.map((s) => s.key)).toEqual([
      'setup',
      'units',
      'settings',
      'allocate',
      'delegates',
      'check',
      'documents',
    ]);
    expect(o.missingSheets).toContain('Đơn vị');
    expect(o.today).toBe('2024-01-14');
    expect(o.validation.at).toBeNull();
  });

  test('allocating before setup names every error and says to run "Thiết lập bảng tính"', () => {
    const rt = new Runtime({ now: NOW });
    const r = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(1);
    expect(r.message).toContain(`có ${errors.length} lỗi`);
    for (const e of errors) expect(r.message).toContain(afterColon(e.message).replace(/\.$/, ''));
    expect(r.message).toContain('Thiết lập bảng tính');
    const v = () => runBundle(rt, 'validateAll');
    expect(v).toThrow(/Thiết lập bảng tính/);
  });

  test('setup leaves Đơn vị active; the steps follow the data to a validated allocation', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Đơn vị');
    let o = overview(rt);
    expect(o.configured).toBe(true);
    expect(next(o)).toBe('units');
    expect(o.checklist?.find((s) => s.key === 'units')).toMatchObject({ done: false, count: 0, sheet: 'Đơn vị' });

    // The go-to-sheet link of the step selects a real cell of the sheet.
    const units = o.checklist?.find((s) => s.key === 'units');
    runBundle(rt, 'selectCell', [units?.sheet, units?.cell]);
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Đơn vị');

    typeUnits(rt);
    o = overview(rt);
    expect(o.checklist?.find((s) => s.key === 'units')).toMatchObject({ done: true, count: 3 });
    expect(next(o)).toBe('settings');
    const settings = o.checklist?.find((s) => s.key === 'settings');
    expect(settings?.sheet).toBe('Cấu hình');
    expect(settings?.cell).toMatch(/^B\d+$/);

    setSetting(rt, 'Tỉnh', 'Lạng Sơn');
    setSetting(rt, 'Năm', 2024);
    setSetting(rt, 'Tổng số đại biểu chính thức', 30);
    o = overview(rt);
    expect(next(o)).toBe('allocate');

    const allocation = runBundle(rt, 'allocateDelegates').result as AllocationResultDto;
    expect(allocation.ok).toBe(true);
    o = overview(rt);
    expect(o.allocation.done).toBe(true);
    expect(next(o)).toBe('delegates');

    sheet(rt, 'Đại biểu')
      .getRange(2, 1, 2, 8)
      .setValues([
        [1, 'Hoàng Văn A', 'HL', 'Nùng', 'Nam', 1970, 'Người có uy tín', 'Chính thức'],
        [2, 'Lý Thị B', 'LB', 'Tày', 'Nữ', 1985, 'Cán bộ, công chức', 'Chính thức'],
      ]);
    o = overview(rt);
    expect(o.checklist?.find((s) => s.key === 'delegates')).toMatchObject({ done: true, count: 2 });
    expect(next(o)).toBe('check');

    const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
    o = overview(rt);
    expect(o.validation.at).toBe(v.at);
    expect(o.validation.changed).toBe(false);
    expect(o.checklist?.find((s) => s.key === 'check')).toMatchObject({ done: v.errors === 0, count: v.errors });
  });
});

describe('the last validation, restored', () => {
  function validatedWorkbook(): Runtime {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    typeUnits(rt);
    // A unit without DTTS population and a delegate of an unknown unit: problems to list.
    sheet(rt, 'Đơn vị')
      .getRange('A5:B5')
      .setValues([['VQ', 'Văn Quan']]);
    sheet(rt, 'Đại biểu')
      .getRange(2, 1, 1, 8)
      .setValues([[1, 'Hoàng Văn A', 'XX', 'Nùng', 'Nam', 1970, 'Người có uy tín', 'Chính thức']]);
    return rt;
  }

  test('from the sidebar: the same problems and counts as the run, in the same order', () => {
    const rt = validatedWorkbook();
    const v = runBundle(rt, 'validateAll').result as ValidationResultDto;
    expect(v.errors).toBeGreaterThan(0);
    const last = runBundle(rt, 'lastValidation').result as LastValidationDto;
    expect(last.at).toBe(v.at);
    expect(last.errors).toBe(v.errors);
    expect(last.warnings).toBe(v.warnings);
    expect(last.problems.map((p) => [p.severity, p.sheet, p.cell, p.message, p.suggestion])).toEqual(
      v.problems.map((p) => [p.severity, p.sheet, p.cell, p.message, p.suggestion]),
    );
  });

  test('from the menu: restored too; an edit afterwards is noticed, a format is not', () => {
    const rt = validatedWorkbook();
    runBundle(rt, 'menuValidateAll');
    const o = overview(rt);
    expect(o.validation.at).not.toBeNull();
    expect(o.validation.changed).toBe(false);
    const last = runBundle(rt, 'lastValidation').result as LastValidationDto;
    expect(last.problems.length).toBe(Math.min(300, last.errors + last.warnings));
    expect(last.problems.length).toBeGreaterThan(0);

    // A background (what validation's own marks also change) is not a change of the data.
    sheet(rt, 'Đơn vị').getRange('G10').setBackground('#ffff00');
    expect(overview(rt).validation.changed).toBe(false);
    sheet(rt, 'Đơn vị').getRange('D5').setValue(5000);
    expect(overview(rt).validation.changed).toBe(true);
    expect(next(overview(rt))).not.toBe('documents');
  });

  test('no validation yet: nothing to restore; a user sheet named Kiểm tra gives no problems', () => {
    const rt = new Runtime({ now: NOW });
    expect((runBundle(rt, 'lastValidation').result as LastValidationDto).at).toBeNull();
    const other = validatedWorkbook();
    runBundle(other, 'validateAll');
    const report = sheet(other, 'Kiểm tra');
    report.getRange('A1:E1').setValues([['Ghi chép', 'của', 'tôi', '', '']]);
    const last = runBundle(other, 'lastValidation').result as LastValidationDto;
    expect(last.problems).toEqual([]);
  });

  test('getOverview reads each sheet at most once, and writes nothing', () => {
    const rt = validatedWorkbook();
    runBundle(rt, 'validateAll');
    const run = runBundle(rt, 'getOverview');
    expect(run.cells.written).toBe(0);
    const reads = Object.entries(run.calls)
      .filter(([k]) => /^Range\.getValues$/.test(k))
      .reduce((n, [, c]) => n + c, 0);
    // Cấu hình, Đơn vị, Dân tộc theo đơn vị, Phân bổ, Đại biểu, Thành viên, Nhiệm vụ, Tiến độ,
    // Cuộc họp (the sheets validation reads, for the "changed since" hint), Văn bản.
    expect(reads).toBeLessThanOrEqual(10);
    const writes = Object.keys(run.calls).filter((k) => /\.(set|insert|delete|clear)/.test(k));
    expect(writes).toEqual([]);
  });
});

describe('attacks on the overview, the checklist and the restored list', () => {
  test('decorated workbooks: getOverview and lastValidation change no cell, before and after a check', () => {
    for (const w of CORPUS) {
      const ss = w.build();
      const rt = new Runtime({ spreadsheet: ss, now: w.now, ...(w.user ? { user: w.user } : {}) });
      const before = snapshot(ss);
      const o = overview(rt);
      runBundle(rt, 'lastValidation');
      expect(diff(before, snapshot(ss))).toEqual([]);
      // Every step names a sheet that exists (or setup comes first), and its cell is a real A1 cell.
      for (const step of o.checklist ?? []) {
        if (step.cell) expect(step.cell).toMatch(/^[A-Z]{1,3}\d{1,7}$/);
      }
      if (w.name.startsWith('incomplete')) expect(next(o)).toBe('setup');
      else expect(o.checklist?.find((s) => s.key === 'units')?.done).toBe(true);
      try {
        runBundle(rt, 'validateAll');
      } catch {
        continue; // a collaborator may be refused: nothing to restore then
      }
      const afterCheck = snapshot(ss);
      const o2 = overview(rt);
      const last = runBundle(rt, 'lastValidation').result as LastValidationDto;
      expect(diff(afterCheck, snapshot(ss))).toEqual([]);
      expect(o2.validation.changed).toBe(false);
      expect(last.at).toBe(o2.validation.at);
      expect(last.problems.length).toBe(Math.min(300, last.errors + last.warnings));
    }
  });

  test('the units link points under the header when title rows sit above it', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    const units = sheet(rt, 'Đơn vị');
    units.insertRowsBefore(1, 2);
    units.getRange('A1').setValue('DANH SÁCH ĐƠN VỊ');
    const step = overview(rt).checklist?.find((s) => s.key === 'units');
    expect(step?.cell).toBe('A4');
    typeUnits2(rt, 4);
    expect(overview(rt).checklist?.find((s) => s.key === 'delegates')?.cell).toBe('A2');
    const after = overview(rt).checklist?.find((s) => s.key === 'units');
    expect(after).toMatchObject({ done: true, count: 3, cell: 'A7' });
  });

  test('a unit without DTTS population: the step stays open and its link selects that cell', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    typeUnits(rt);
    sheet(rt, 'Đơn vị').getRange('D3').setValue('');
    const step = overview(rt).checklist?.find((s) => s.key === 'units');
    expect(step).toMatchObject({ done: false, count: 3, cell: 'D3' });
  });

  test('go to a sheet that is not there yet: the message says to run "Thiết lập bảng tính"', () => {
    const rt = new Runtime({ now: NOW });
    expect(() => runBundle(rt, 'selectCell', ['Đơn vị', 'A2'])).toThrow(
      'Không có trang tính "Đơn vị". Hãy chạy "Thiết lập bảng tính" để tạo các trang tính của mẫu.',
    );
    expect(() => runBundle(rt, 'selectCell', ['Của tôi', 'A2'])).toThrow(/^(?!.*Thiết lập).*Của tôi/);
  });

  test('Kiểm tra rows edited by hand: unknown severities and blank rows are skipped, never shown as problems', () => {
    const rt = new Runtime({ now: NOW });
    runBundle(rt, 'setupWorkbook');
    typeUnits(rt);
    runBundle(rt, 'validateAll');
    const report = sheet(rt, 'Kiểm tra');
    const last = report.getLastRow();
    report.getRange(last + 2, 1, 2, 5).setValues([
      ['Ghi chú', 'Đơn vị', 'A1', 'ghi chú của tôi', ''],
      ['Lỗi', 'Đơn vị', 'A2', '', ''],
    ]);
    const restored = runBundle(rt, 'lastValidation').result as LastValidationDto;
    expect(restored.problems.map((p) => p.message)).not.toContain('ghi chú của tôi');
    expect(restored.problems.every((p) => p.message !== '')).toBe(true);
  });
});

function typeUnits2(rt: Runtime, firstRow: number): void {
  sheet(rt, 'Đơn vị').getRange(firstRow, 1, UNITS.length, 4).setValues(UNITS);
}

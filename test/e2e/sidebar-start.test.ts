/**
 * The sidebar's server side on a blank workbook, through the real bundle: the "Bắt đầu" checklist
 * follows the workbook's state step by step, setup leaves `Đơn vị` active, the last validation's
 * problems are read back from `Kiểm tra` (from the sidebar or the menu) with a hint when the data
 * changed since, and getOverview reads each sheet once.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { afterColon } from '../../src/domain/text';
import type { AllocationResultDto, LastValidationDto, OverviewDto, ValidationResultDto } from '../../src/rpc/contract';

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
  const config = sheet(rt, 'Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = labels.indexOf(label) + 1;
  if (row < 1) throw new Error(`no setting ${label}`);
  config.getRange(row, 2).setValue(value);
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
    // Cấu hình, Đơn vị, Dân tộc theo đơn vị, Phân bổ, Đại biểu, Nhiệm vụ, Tiến độ, Văn bản.
    expect(reads).toBeLessThanOrEqual(8);
    const writes = Object.keys(run.calls).filter((k) => /\.(set|insert|delete|clear)/.test(k));
    expect(writes).toEqual([]);
  });
});

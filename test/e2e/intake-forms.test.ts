/**
 * getIntakeForms on the real bundle: the figures printed on a unit's form come from the sheets as an
 * officer reads them (seats from `Phân bổ`, guests from the guest share, the groups of `Dân tộc theo
 * đơn vị`, the deadline setting), computed here from the raw cells; nothing is written.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { AllocationResultDto, IntakeFormsDto } from '../../src/rpc/contract';
import { writes } from '../trust/faults';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T08:00:00+07:00';

function values(ss: LocalSpreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
}

test('before allocation: no seats, no guests; after: Số chính thức and ⌊seats × 1/3⌋; groups and deadline as the sheets say', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const before = runBundle(rt, 'getIntakeForms', [{ unit: 'Hữu Lũng' }]);
  expect(writes(before.calls)).toEqual([]);
  const b = before.result as IntakeFormsDto;
  if (!b.ok) throw new Error(b.message);
  expect(b.forms[0]).toMatchObject({ unit: { code: 'HL', name: 'Hữu Lũng' }, seats: null, guests: null, deadline: '' });

  const allocated = runBundle(rt, 'allocateDelegates', [{ confirmed: true }]).result as AllocationResultDto;
  expect(allocated.ok).toBe(true);
  const config = ss.getSheetByName('Cấu hình');
  config?.getRange(config.getLastRow() + 1, 1, 1, 2).setValues([['Hạn gửi danh sách đại biểu', "'15/02/2024"]]);
  const s0 = snapshot(ss);
  const run = runBundle(rt, 'getIntakeForms', [{}]);
  expect(writes(run.calls)).toEqual([]);
  expect(lines(diff(s0, snapshot(ss)))).toEqual([]);
  const all = run.result as IntakeFormsDto;
  if (!all.ok) throw new Error(all.message);

  const units = values(ss, 'Đơn vị')
    .slice(1)
    .filter((r) => r[0] !== '');
  expect(all.forms.map((f) => f.unit.code)).toEqual(units.map((r) => String(r[0])));
  const allocation = values(ss, 'Phân bổ');
  const head = (allocation[0] ?? []).map(String);
  const finalOf = new Map(
    allocation.slice(1).map((r) => [String(r[head.indexOf('Mã đơn vị')]), r[head.indexOf('Số chính thức')]]),
  );
  const unitEthnic = values(ss, 'Dân tộc theo đơn vị').slice(1);
  for (const form of all.forms) {
    const seats = finalOf.get(form.unit.code) as number;
    expect(form.seats).toBe(seats);
    expect(form.guests).toBe(Math.floor(seats / 3));
    expect(form.deadline).toBe('15/02/2024');
    expect(form.province).toBe('Lạng Sơn');
    expect(form.unitWord).toBe('huyện, thành phố');
    expect(form.fileName).toBe(`Danh sách đại biểu - ${form.unit.name}.xlsx`);
    // The groups the unit lists with people, most numerous first (Kinh is not a minority group).
    const listed = unitEthnic
      .filter((r) => String(r[0]) === form.unit.code && r[1] !== 'Kinh' && Number(r[2]) !== 0)
      .sort((x, y) => Number(y[2]) - Number(x[2]))
      .map((r) => String(r[1]));
    expect(form.ethnicGroups).toEqual(listed);
    expect(form.instructions.at(-1)).toContain('trước ngày 15/02/2024');
  }
});

test('an unknown unit and a workbook without units answer in Vietnamese', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  expect(runBundle(rt, 'getIntakeForms', [{ unit: 'Không Có' }]).result).toEqual({
    ok: false,
    message: 'Không có đơn vị "Không Có" trong trang "Đơn vị"; hãy chọn đơn vị trong danh sách (theo mã hoặc tên).',
  });
  const empty = new Runtime({ now: NOW });
  runBundle(empty, 'setupWorkbook');
  expect(runBundle(empty, 'getIntakeForms', []).result).toEqual({
    ok: false,
    message: 'Trang "Đơn vị" chưa có đơn vị nào: hãy khai báo các đơn vị trước khi gửi mẫu danh sách.',
  });
});

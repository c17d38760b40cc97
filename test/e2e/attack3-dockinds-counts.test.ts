/**
 * Attack on the delegate documents: the official list is attached to a decision and prints a count
 * per unit and the total. Made after "Phân bổ đại biểu" while a unit has registered more (or fewer)
 * official delegates than its `Số chính thức`, it printed "CAO LỘC (23 đại biểu)" against 22
 * allocated without a word, although "Kiểm tra dữ liệu" reports the difference as an error. The list
 * now refuses (forceable, like any check before generating) naming the unit and the cell. The
 * invitations, one per person, are not held back by another unit's count.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T09:00:00+07:00';

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const generate = (kind: string, options: Record<string, unknown> = {}) =>
    runBundle(runtime, 'generateNotice', [kind, options]).result as NoticeResultDto;
  const config = runtime.spreadsheet.getSheetByName('Cấu hình');
  const rows = config?.getDataRange().getValues() ?? [];
  const set = (label: string, value: string) =>
    config?.getRange(rows.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
  set('Thời gian Đại hội', '08 giờ 00, ngày 20/9/2029');
  set('Địa điểm Đại hội', 'Hội trường tỉnh');
  return { runtime, generate };
}

/** The final seats of `Phân bổ` and the official delegates of `Đại biểu` per unit code, read directly. */
function differences(runtime: Runtime): { code: string; final: number; registered: number }[] {
  const alloc = runtime.spreadsheet.getSheetByName('Phân bổ')?.getDataRange().getValues() ?? [];
  const head = (alloc[0] ?? []).map(String);
  const code = head.indexOf('Mã đơn vị');
  const final = head.indexOf('Số chính thức');
  const delegates = runtime.spreadsheet.getSheetByName('Đại biểu')?.getDataRange().getValues() ?? [];
  return alloc
    .slice(1)
    .filter((r) => typeof r[final] === 'number' && r[code])
    .map((r) => ({
      code: String(r[code]),
      final: r[final] as number,
      registered: delegates.filter((d) => d[2] === r[code] && d[7] === 'Chính thức').length,
    }))
    .filter((d) => d.final !== d.registered);
}

describe('the delegate documents after the allocation, a unit off its seats', () => {
  it.each(['danh-sach-dai-bieu'])('%s asks for confirmation naming the unit, makes nothing', (kind) => {
    const { runtime, generate } = setup();
    runBundle(runtime, 'allocateDelegates');
    const off = differences(runtime);
    expect(off.length).toBeGreaterThan(0);
    const before = snapshot(runtime.spreadsheet);
    const result = generate(kind);
    expect(result.needsForce).toBe(true);
    expect(result.url).toBe('');
    expect(result.message).toMatch(/"Cao Lộc" đã đăng ký 23 đại biểu chính thức, thừa 1 so với 22 được phân bổ/);
    expect(result.message).toMatch(/"Văn Lãng" đã đăng ký 13 đại biểu chính thức, thiếu 1 so với 14 được phân bổ/);
    expect(result.message).toMatch(/trang "Phân bổ", ô G\d+/);
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
    expect(diff(before, snapshot(runtime.spreadsheet))).toEqual([]);
    // Confirmed, it is made and says what it was made with.
    const forced = generate(kind, { force: true });
    expect(forced.url).not.toBe('');
    expect(forced.message).toMatch(/thừa 1 so với 22 được phân bổ/);
  });

  it('is made without a question once every unit has its seats', () => {
    const { runtime, generate } = setup();
    runBundle(runtime, 'allocateDelegates');
    const sheet = runtime.spreadsheet.getSheetByName('Phân bổ');
    const values = sheet?.getDataRange().getValues() ?? [];
    const head = (values[0] ?? []).map(String);
    const adjust = head.indexOf('Điều chỉnh') + 1;
    for (const d of differences(runtime)) {
      const row = values.findIndex((r) => String(r[head.indexOf('Mã đơn vị')]) === d.code) + 1;
      sheet?.getRange(row, adjust).setValue(d.registered - d.final);
    }
    const preview = runBundle(runtime, 'allocateDelegates').result as { digest: string };
    runBundle(runtime, 'allocateDelegates', [{ confirmed: true, expect: preview.digest }]);
    expect(differences(runtime)).toEqual([]);
    const result = generate('danh-sach-dai-bieu');
    expect(result.needsForce).toBeFalsy();
    expect(result.url).not.toBe('');
  });

  it('the invitations are made without a question (one per person, whatever the counts)', () => {
    const { runtime, generate } = setup();
    runBundle(runtime, 'allocateDelegates');
    expect(differences(runtime).length).toBeGreaterThan(0);
    expect(generate('giay-moi').url).not.toBe('');
  });

  it('before any allocation (Phân bổ empty) the list is made as before', () => {
    const { generate } = setup();
    expect(generate('danh-sach-dai-bieu').url).not.toBe('');
  });
});

/**
 * Attack on the delegate documents: cells whose formula broke. Officers fill `Chức vụ, nơi công tác`
 * with a VLOOKUP from the units' lists and `Thời gian Đại hội` with a reference to the plan's sheet;
 * when the other sheet is renamed or a row deleted, the cell shows #REF! / #N/A (getValues gives that
 * code as text). The invitations printed "Thời gian: #REF!." on every page, left the documents to
 * bring out without a word, and both documents printed a delegate with a #N/A position as having
 * none. Each is now refused naming the cell, before any Doc exists.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T09:00:00+07:00';

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const generate = (kind: string) => runBundle(runtime, 'generateNotice', [kind, {}]).result as NoticeResultDto;
  const refusal = (kind: string) => {
    try {
      generate(kind);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };
  const config = runtime.spreadsheet.getSheetByName('Cấu hình');
  const setting = (label: string, value: string) => {
    const row = (config?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === label) + 1;
    config?.getRange(row, 2).setValue(value);
    return `B${row}`;
  };
  setting('Thời gian Đại hội', '07 giờ 30 phút, ngày 20/9/2029');
  setting('Địa điểm Đại hội', 'Hội trường tỉnh');
  return { runtime, generate, refusal, setting };
}

describe('a setting the invitations print shows a formula error', () => {
  it.each([
    ['Thời gian Đại hội', '#REF!'],
    ['Địa điểm Đại hội', '#N/A'],
    ['Giấy tờ đại biểu mang theo', '#REF!'],
  ])('%s = %s: refused naming the cell, nothing made or written', (label, code) => {
    const { runtime, refusal, setting } = setup();
    const cell = setting(label, code);
    const before = snapshot(runtime.spreadsheet);
    const message = refusal('giay-moi');
    expect(message).toContain(`ô ${cell} (${label}: ${code})`);
    expect(message).toMatch(/^Chưa tạo giấy mời đại biểu/);
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
    expect(diff(before, snapshot(runtime.spreadsheet))).toEqual([]);
  });

  it('the list is not held back by the invitations’ settings', () => {
    const { generate, setting } = setup();
    setting('Thời gian Đại hội', '#REF!');
    expect(generate('danh-sach-dai-bieu').url).not.toBe('');
  });

  it('Quyết định kèm danh sách đại biểu = #REF!: the list is refused naming the cell', () => {
    const { runtime, refusal, setting } = setup();
    const cell = setting('Quyết định kèm danh sách đại biểu', '#REF!');
    expect(refusal('danh-sach-dai-bieu')).toContain(`ô ${cell} (Quyết định kèm danh sách đại biểu: #REF!)`);
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
  });
});

describe('an official delegate whose position shows #N/A', () => {
  it.each(['giay-moi', 'danh-sach-dai-bieu'])('%s is refused naming the cell', (kind) => {
    const { runtime, refusal } = setup();
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    expect(sheet?.getRange('H2').getValue()).toBe('Chính thức');
    sheet?.getRange('I2').setValue('#N/A');
    expect(refusal(kind)).toContain('ô I2 (chức vụ, nơi công tác)');
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
  });

  it('a guest’s #N/A position does not hold back the official documents', () => {
    const { runtime, generate } = setup();
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    const rows = sheet?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[7] === 'Khách mời') + 1;
    expect(row).toBeGreaterThan(1);
    sheet?.getRange(row, 9).setValue('#N/A');
    expect(generate('danh-sach-dai-bieu').url).not.toBe('');
    expect(generate('giay-moi').url).not.toBe('');
  });
});

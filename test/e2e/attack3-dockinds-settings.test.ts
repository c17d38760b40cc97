/**
 * Attack on the delegate documents: what officers type in `Cấu hình` and `Đại biểu` that the
 * invitations and the list must print as the cell shows, or leave out when it is no delegate.
 * - `Thời gian Đại hội` pasted from another sheet with its format ("20/9/2029 7:30" as a date-time; the
 *   template's cell is plain text, a paste brings its own format):
 *   its hour was dropped, and in a spreadsheet whose time zone is not +07:00 the day printed was
 *   another day (22:30 UTC read as the 21st, midnight in Tokyo read as the 19th).
 * - Rows numbered ahead (STT filled down to 320, nothing else) refused both documents.
 * - A blank unit cell was reported as "đơn vị \"\" không có trong trang \"Đơn vị\"".
 * - `Quyết định kèm danh sách đại biểu` copied from an earlier list with its "(Kèm theo …)" printed
 *   "(Kèm theo (Kèm theo …))".
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';

const NOW = '2024-01-05T09:00:00+07:00';

function setup(timeZone?: string) {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  if (timeZone) runtime.spreadsheet.setSpreadsheetTimeZone(timeZone);
  const generate = (kind: string, options: Record<string, unknown> = {}) =>
    runBundle(runtime, 'generateNotice', [kind, options]).result as NoticeResultDto;
  const config = () => runtime.spreadsheet.getSheetByName('Cấu hình');
  const cellOf = (label: string) => {
    const i = (config()?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === label);
    if (i < 0) throw new Error(`no setting ${label}`);
    return config()?.getRange(i + 1, 2);
  };
  cellOf('Địa điểm Đại hội')?.setValue('Hội trường Trung tâm Hội nghị tỉnh');
  const docText = (i = 0) => runtime.services.DocumentApp.created[i]?.getBody().getText() ?? '';
  const timeLine = () => /Thời gian: .*/.exec(docText())?.[0];
  return { runtime, generate, cellOf, docText, timeLine };
}

describe('Thời gian Đại hội typed as a date and a time', () => {
  it('prints the hour with the day, in the spreadsheet of Việt Nam', () => {
    const { generate, cellOf, timeLine } = setup();
    cellOf('Thời gian Đại hội')?.setValue(new Date('2029-09-20T07:30:00+07:00'));
    generate('giay-moi');
    expect(timeLine()).toBe('Thời gian: 07 giờ 30 phút, ngày 20/09/2029.');
  });

  it('prints the day the cell shows at 22:30 in a spreadsheet kept in UTC (not the next day)', () => {
    const { generate, cellOf, timeLine, runtime } = setup('Etc/UTC');
    cellOf('Thời gian Đại hội')?.setValue(new Date('2029-09-20T22:30:00Z'));
    const shown = runtime.spreadsheet.getSheetByName('Cấu hình')?.getDataRange().getDisplayValues();
    expect(shown?.find((r) => r[0] === 'Thời gian Đại hội')?.[1]).toMatch(/^20\/09\/2029 22:30/);
    generate('giay-moi');
    expect(timeLine()).toBe('Thời gian: 22 giờ 30 phút, ngày 20/09/2029.');
  });

  it('prints the day the cell shows at midnight in a spreadsheet kept in Tokyo time (not the day before)', () => {
    const { generate, cellOf, timeLine } = setup('Asia/Tokyo');
    cellOf('Thời gian Đại hội')?.setValue(new Date('2029-09-20T00:00:00+09:00'));
    generate('giay-moi');
    expect(timeLine()).toBe('Thời gian: 20/09/2029.');
  });

  it('prints a time typed alone as that time, never the day 30/12/1899', () => {
    const { generate, cellOf, timeLine } = setup();
    const cell = cellOf('Thời gian Đại hội');
    // The template's plain-text format replaced by a pasted cell's ("Tự động"): Sheets reads 7:30 as a time.
    cell?.setNumberFormat('General');
    cell?.setValue('7:30');
    expect(cell?.getValue()).toBeInstanceOf(Date);
    generate('giay-moi');
    expect(timeLine()).toBe('Thời gian: 07 giờ 30 phút.');
  });

  it('keeps text typed as text exactly', () => {
    const { generate, cellOf, timeLine } = setup();
    cellOf('Thời gian Đại hội')?.setValue('07 giờ 30 phút, ngày 20 tháng 9 năm 2029');
    generate('giay-moi');
    expect(timeLine()).toBe('Thời gian: 07 giờ 30 phút, ngày 20 tháng 9 năm 2029.');
  });
});

const textOf = (b: BlockSnapshot): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;

describe('rows of Đại biểu numbered ahead (STT filled down, nothing else)', () => {
  it('are no delegates: both documents are made as without them, every cell kept', () => {
    const plain = setup();
    plain.cellOf('Thời gian Đại hội')?.setValue('08 giờ 00, ngày 20/9/2029');
    plain.generate('giay-moi');
    plain.generate('danh-sach-dai-bieu');
    const expected = plain.runtime.services.DocumentApp.created.map((d) =>
      (d.snapshot() as DocSnapshot).blocks.map(textOf).join('\n'),
    );

    const { runtime, generate, cellOf } = setup();
    cellOf('Thời gian Đại hội')?.setValue('08 giờ 00, ngày 20/9/2029');
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    const last = sheet?.getLastRow() ?? 0;
    // STT 309, 310, … and an own note on one of them.
    sheet?.getRange(last + 1, 1, 12, 1).setValues(Array.from({ length: 12 }, (_, i) => [last + i]));
    sheet?.getRange(last + 3, 10).setValue('Chờ huyện gửi danh sách');
    const before = snapshot(runtime.spreadsheet);
    expect(generate('giay-moi').number).toMatch(/^\d+\/GM-/);
    expect(generate('danh-sach-dai-bieu').message).toMatch(/^Đã tạo danh sách đại biểu chính thức/);
    const made = runtime.services.DocumentApp.created.map((d) =>
      (d.snapshot() as DocSnapshot).blocks.map(textOf).join('\n'),
    );
    expect(made).toEqual(expected);
    const changed = diff(before, snapshot(runtime.spreadsheet)).filter((d) => d.sheet !== 'Văn bản' && d.sheet !== '');
    expect(changed).toEqual([]);
  });

  it('still refuses a row with a name and no type, naming the cell', () => {
    const { runtime, generate, cellOf } = setup();
    cellOf('Thời gian Đại hội')?.setValue('08 giờ 00, ngày 20/9/2029');
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    const row = (sheet?.getLastRow() ?? 0) + 1;
    sheet?.getRange(row, 1, 1, 2).setValues([[row - 1, 'Hoàng Thị Mai']]);
    expect(() => generate('danh-sach-dai-bieu')).toThrow(`ô H${row} (loại đại biểu trống)`);
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
  });
});

describe('an ex-officio delegate whose unit cell was left blank', () => {
  it('is refused naming the cell as blank, not as an unknown unit ""', () => {
    const { runtime, generate } = setup();
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    const rows = sheet?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[7] === 'Đương nhiên') + 1;
    expect(row).toBeGreaterThan(1);
    sheet?.getRange(row, 3).setValue('');
    let message = '';
    try {
      generate('danh-sach-dai-bieu');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`ô C${row} (mã đơn vị trống)`);
    expect(message).not.toContain('đơn vị ""');
    expect(runtime.services.DocumentApp.created).toHaveLength(0);
  });
});

describe('Quyết định kèm danh sách đại biểu copied from an earlier list', () => {
  it.each([
    '(Kèm theo Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo)',
    'Kèm theo Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo.',
    'kèm theo: Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo',
    'Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo',
  ])('"%s" is printed once as "(Kèm theo Quyết định …)"', (typed) => {
    const { generate, cellOf, docText } = setup();
    cellOf('Quyết định kèm danh sách đại biểu')?.setValue(typed);
    generate('danh-sach-dai-bieu');
    const lines = docText().split('\n');
    expect(lines).toContain('(Kèm theo Quyết định số 15/QĐ-BCĐ ngày 20/9/2024 của Ban Chỉ đạo)');
    expect(docText()).not.toMatch(/Kèm theo \(|Kèm theo [Kk]èm theo|Kèm theo :/);
  });
});

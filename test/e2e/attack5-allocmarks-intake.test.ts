/**
 * Attack: "Nhận danh sách" into a `Đại biểu` the officer renamed to a look-alike ("ĐẠI BIỂU ", NFD):
 * validation records its marks under the template's name; the new delegates inserted under the
 * unit's marked last row must not carry the mark's fill either.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import { buildSample, SAMPLES } from '../../local/samples';
import { MARK_COLORS } from '../../src/domain/marks';
import type { SubmissionCell, SubmissionDto } from '../../src/rpc/contract';
import { MARKER } from '../trust/snapshot';

const NOW = '2024-06-10T09:00:00+07:00';
const MARKS = Object.values(MARK_COLORS);

describe.each([['ĐẠI BIỂU '], ['Đại biểu'.normalize('NFD')]])('`Đại biểu` renamed "%s"', (lookalike) => {
  test('new delegates under the unit’s marked last row carry no mark fill', () => {
    const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
    (ss.localSheet('Đại biểu') as LocalSheet).setName(lookalike);
    const sheet = ss.localSheet(lookalike) as LocalSheet;
    const rt = new Runtime({ spreadsheet: ss, now: NOW });
    const h = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
    const col = (name: string) => h.indexOf(name) + 1;
    const values = sheet.getDataRange().getValues();
    const hl = values.flatMap((r, i) => (String(r[col('Mã đơn vị') - 1]) === 'HL' ? [i + 1] : []));
    const last = hl[hl.length - 1] as number;
    sheet.getRange(last, col('Năm sinh')).setValue('19x0');
    runBundle(rt, 'validateAll');
    // The precondition: the last HL delegate's year is marked in the look-alike sheet.
    expect(MARKS).toContain(sheet.getRange(last, col('Năm sinh')).getBackground());
    expect(sheet.getRange(last, col('Năm sinh')).getNote()).toContain(MARKER);

    const list: SubmissionCell[][] = [['Họ và tên', 'Năm sinh', 'Dân tộc', 'Giới tính', 'Loại đại biểu']];
    for (const r of hl) {
      const row = values[r - 1] as unknown[];
      list.push([
        String(row[col('Họ và tên') - 1]),
        r === last ? 1980 : (row[col('Năm sinh') - 1] as number),
        String(row[col('Dân tộc') - 1]),
        String(row[col('Giới tính') - 1]),
        String(row[col('Loại đại biểu') - 1]),
      ]);
    }
    list.push(['Người Mới Một', 1991, 'Tày', 'Nữ', 'Chính thức'], ['Người Mới Hai', 1992, 'Nùng', 'Nam', 'Chính thức']);
    const r = runBundle(rt, 'importSubmission', ['HL', list, { fileName: 'ds.xlsx', mode: 'replace' }])
      .result as SubmissionDto;
    expect(r.ok).toBe(true);
    const rows = sheet.getDataRange().getValues();
    const news = rows.flatMap((row, i) => (String(row[col('Họ và tên') - 1]).startsWith('Người Mới') ? [i + 1] : []));
    expect(news).toHaveLength(2);
    const stray: string[] = [];
    for (const row of news) {
      const fills = sheet.getRange(row, 1, 1, h.length).getBackgrounds()[0] as string[];
      fills.forEach((f, c) => {
        if (MARKS.includes(f.toLowerCase())) stray.push(`${h[c]}${row} ${f}`);
      });
    }
    expect(stray).toEqual([]);
  });
});

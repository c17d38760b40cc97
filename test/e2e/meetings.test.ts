/**
 * Choosing the meeting and the date of a document, through the real bundle on the Lạng Sơn sample:
 * `listMeetings` (newest first, rows without a code left out, one read of `Cuộc họp`) and
 * `generateNotice(kind, { meeting, date })` (the chosen meeting, the date line, the number).
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { MeetingDto, NoticeResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-14T09:00:00+07:00';
const SECOND = 'Thống nhất nội dung Kế hoạch tuyên truyền về Đại hội trên các phương tiện thông tin đại chúng.';
/** The first conclusion of BCĐ-01 in the sample. */
const FIRST = 'Lãnh đạo UBND tỉnh, Ban Chỉ đạo tổ chức Đại hội ghi nhận';

/** The sample with, typed below BCĐ-01 (03/01/2024): BCĐ-02 (10/01/2024), a row without a code, an undated meeting. */
function sampleWithMoreMeetings(): Runtime {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const meetings = runtime.spreadsheet.getSheetByName('Cuộc họp');
  const conclusions = runtime.spreadsheet.getSheetByName('Kết luận');
  if (!meetings || !conclusions || meetings.getLastRow() !== 2) throw new Error('the sample no longer has one meeting');
  meetings.getRange(3, 1, 3, 6).setValues([
    [
      'BCĐ-02',
      '10/01/2024',
      'Hoàng Văn Nam',
      'Trưởng Ban Dân tộc, Phó Trưởng Ban Chỉ đạo',
      'các thành viên Ban Chỉ đạo',
      'cho ý kiến dự thảo Kế hoạch tuyên truyền',
    ],
    ['', '12/01/2024', 'Không ghi mã', '', '', 'dòng chưa có mã cuộc họp'],
    ['BTC-01', '', 'Lăng Văn Phúc', 'Phó Trưởng Ban Dân tộc', '', 'họp Ban Tổ chức'],
  ]);
  conclusions.getRange(conclusions.getLastRow() + 1, 1, 1, 3).setValues([['BCĐ-02', 1, SECOND]]);
  return runtime;
}

const docText = (runtime: Runtime, i: number) => runtime.services.DocumentApp.created[i]?.getBody().getText() ?? '';

describe('listMeetings', () => {
  it('lists the meetings with a code, newest first, with one read of Cuộc họp', () => {
    const runtime = sampleWithMoreMeetings();
    const { result, calls } = runBundle(runtime, 'listMeetings');
    expect(result as MeetingDto[]).toEqual([
      {
        code: 'BCĐ-02',
        date: '2024-01-10',
        subject: 'cho ý kiến dự thảo Kế hoạch tuyên truyền',
        chair: 'Hoàng Văn Nam',
      },
      {
        code: 'BCĐ-01',
        date: '2024-01-03',
        subject: 'triển khai công tác chuẩn bị tổ chức Đại hội',
        chair: 'Đoàn Thanh Sơn',
      },
      { code: 'BTC-01', date: null, subject: 'họp Ban Tổ chức', chair: 'Lăng Văn Phúc' },
    ]);
    expect(calls['Range.getValues']).toBe(1);
    expect(calls['Range.setValues'] ?? 0).toBe(0);
  });

  it('the sample as shipped: its one meeting', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    expect((runBundle(runtime, 'listMeetings').result as MeetingDto[]).map((m) => m.code)).toEqual(['BCĐ-01']);
  });

  it('a workbook without Cuộc họp: no meeting, no error', () => {
    const runtime = new Runtime({ now: NOW });
    expect(runBundle(runtime, 'listMeetings').result).toEqual([]);
  });

  it('takes no argument', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
    expect(() => runBundle(runtime, 'listMeetings', ['BCĐ-01'])).toThrow(/listMeetings/);
  });
});

describe('generateNotice with a chosen meeting and date', () => {
  const runtime = sampleWithMoreMeetings();
  const notice = (options: { meeting?: string; date?: string }) =>
    runBundle(runtime, 'generateNotice', ['thong-bao-ket-luan', options]).result as NoticeResultDto;
  const second = notice({ meeting: 'BCĐ-02', date: '2024-01-20' });
  const first = notice({ meeting: 'BCĐ-01', date: '2024-01-21' });

  it('BCĐ-02 dated 20/01/2024: its number, the date line, its own conclusions', () => {
    expect(second).toMatchObject({ number: '01/TB-UBND', reused: false });
    expect(second.message).toMatch(/^Đã tạo thông báo kết luận cuộc họp số 01\/TB-UBND\. /);
    const text = docText(runtime, 0);
    expect(text).toContain('Số: 01/TB-UBND');
    expect(text).toContain('Lạng Sơn, ngày 20 tháng 01 năm 2024');
    expect(text).toContain('Ngày 10/01/2024, đồng chí Hoàng Văn Nam');
    expect(text).toContain(SECOND);
    expect(text).not.toContain(FIRST);
  });

  it('BCĐ-01, no longer the newest, when chosen: the next number, its own date and conclusions', () => {
    expect(first).toMatchObject({ number: '02/TB-UBND', reused: false });
    const text = docText(runtime, 1);
    expect(text).toContain('Lạng Sơn, ngày 21 tháng 01 năm 2024');
    expect(text).toContain('Ngày 03/01/2024, đồng chí Đoàn Thanh Sơn');
    expect(text).toContain(FIRST);
    expect(text).not.toContain(SECOND);
  });

  it('logs each with its date; the same meeting and date again is the same document', () => {
    const log = runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
    expect(log.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['01/TB-UBND', '20/01/2024'],
      ['02/TB-UBND', '21/01/2024'],
    ]);
    expect(notice({ meeting: 'BCĐ-02', date: '2024-01-20' })).toMatchObject({ reused: true, url: second.url });
    expect(runtime.services.DocumentApp.created).toHaveLength(2);
  });

  it('without a meeting: the newest (the first listMeetings gives)', () => {
    const listed = runBundle(runtime, 'listMeetings').result as MeetingDto[];
    expect(listed[0]?.code).toBe('BCĐ-02');
    expect(notice({ date: '2024-01-20' })).toMatchObject({ reused: true, url: second.url });
  });

  it('an unknown meeting or a date that does not exist: a Vietnamese message, nothing made', () => {
    expect(() => notice({ meeting: 'BCĐ-09', date: '2024-01-20' })).toThrow('Không có cuộc họp "BCĐ-09"');
    expect(() => notice({ meeting: 'BCĐ-02', date: '2024-02-30' })).toThrow('Ngày văn bản "2024-02-30" không hợp lệ');
    expect(runtime.services.DocumentApp.created).toHaveLength(2);
  });
});

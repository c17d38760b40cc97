/** The meetings of `Cuộc họp` for the sidebar's "Tạo văn bản ▸ Thông báo kết luận" form. */
import { newestFirst } from '../domain/notice/conclusion';
import { ProblemList } from '../domain/problem';
import { readMeetings } from '../domain/records';
import type { MeetingDto } from '../rpc/contract';
import { readGrid, type Spreadsheet, timeZoneOffset } from './workbook';

/** One getValues of `Cuộc họp`: the meetings with a code, newest first (reading problems are ignored). */
export function runListMeetings(ss: Spreadsheet): MeetingDto[] {
  return newestFirst(readMeetings(readGrid(ss, 'meetings'), timeZoneOffset(ss), new ProblemList())).map(
    ({ data: d }) => ({ code: d.code ?? '', date: d.date, subject: d.subject ?? '', chair: d.chair ?? '' }),
  );
}

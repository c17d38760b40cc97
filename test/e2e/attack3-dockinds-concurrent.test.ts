/**
 * Two officers make the invitations at the same moment (both open the sidebar and press "Tạo"):
 * the second, arriving while the first fills the pages, is told to wait and makes nothing; pressing
 * again after, it is given the first one's number (and Doc, or who made it when it is not shared with
 * them). One Doc, one number, one log row. (No break found: kept as a guard.)
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { NoticeResultDto } from '../../src/rpc/contract';

const NOW = '2024-01-05T09:00:00+07:00';

it('a second officer during the first one’s pages waits; afterwards gets the same Doc and number', () => {
  const ss = buildSample(LANG_SON);
  const a = new Runtime({ spreadsheet: ss, now: NOW, user: 'a@example.com' });
  const b = new Runtime({ spreadsheet: ss, now: NOW, user: 'b@example.com' });
  const config = ss.getSheetByName('Cấu hình');
  const rows = config?.getDataRange().getValues() ?? [];
  for (const [label, value] of [
    ['Thời gian Đại hội', '07 giờ 30 phút, ngày 20/9/2029'],
    ['Địa điểm Đại hội', 'Hội trường tỉnh'],
  ]) {
    config?.getRange(rows.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
  }
  const generate = (rt: Runtime) => runBundle(rt, 'generateNotice', ['giay-moi', {}]).result as NoticeResultDto;
  let second = '';
  let once = false;
  a.onCall('Table.copy', () => {
    if (once) return;
    once = true;
    try {
      generate(b);
      second = 'made';
    } catch (e) {
      second = (e as Error).message;
    }
  });
  const first = generate(a);
  expect(first.number).toBe('01/GM-BCĐ');
  expect(second).not.toBe('made');
  expect(second).toMatch(/[Đđ]ang|chờ|thử lại/);
  expect(b.services.DocumentApp.created).toHaveLength(0);
  const again = generate(b);
  // The same Doc and number; B may open it only if A's sharing reached B (here B is no editor of the
  // spreadsheet, so B is told who made it).
  expect(again).toMatchObject({ number: '01/GM-BCĐ', reused: true });
  expect(again.url === first.url || /a@example\.com/.test(again.message)).toBe(true);
  expect(b.services.DocumentApp.created).toHaveLength(0);
  const log = ss.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
  expect(log.filter((r) => String(r.join('|')).includes('GM-BCĐ'))).toHaveLength(1);
});

/**
 * Giấy mời đại biểu as a draft (Decree 30 practice: the clerk numbers it at signing): every page
 * leaves the number and the day blank and no number is taken; issuing the draft later gives every
 * page the same next number and the day, in the Doc and in the log. The delegate list, which has no
 * number of its own, is never a numbered draft.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { DocSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import type { NoticeResultDto } from '../../src/rpc/contract';

const textOf = (b: DocSnapshot['blocks'][number]): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;

describe('a draft of the invitations, issued later', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON_COMMUNES), now: '2029-01-05T09:00:00+07:00' });
  const call = (fn: string, args: unknown[]) => runBundle(runtime, fn, args).result as NoticeResultDto;
  const draft = call('generateNotice', ['giay-moi', { draft: true }]);
  const pagesNow = () => {
    const doc = runtime.services.DocumentApp.created[0];
    if (!doc) throw new Error('no Doc made');
    return doc
      .snapshot()
      .blocks.filter((b) => b.type === 'table')
      .map(textOf);
  };
  const draftPages = pagesNow();

  it('leaves the number and the day blank on every page and takes no number', () => {
    expect(draft.number).toBe('');
    expect(draftPages.length).toBeGreaterThan(100);
    for (const page of draftPages) {
      expect(page).toMatch(/Số:\s+\/GM-BCĐ/);
      expect(page).toMatch(/ngày\s+tháng 01 năm 2029/);
    }
  });

  it('issued, every page carries the same next number and the day', () => {
    const issued = call('issueDraft', [draft.url, {}]);
    expect(issued.number).toBe('01/GM-BCĐ');
    const pages = pagesNow();
    expect(pages).toHaveLength(draftPages.length);
    for (const page of pages) {
      expect(page).toContain('Số: 01/GM-BCĐ');
      expect(page).toContain('ngày 05 tháng 01 năm 2029');
    }
    expect(call('generateNotice', ['giay-moi', {}]).number).toMatch(/^0[12]\/GM-BCĐ$/);
  });
});

it('the delegate list asked as a draft still prints no number line of its own', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON_COMMUNES), now: '2029-01-05T09:00:00+07:00' });
  const list = runBundle(runtime, 'generateNotice', ['danh-sach-dai-bieu', { draft: true }]).result as NoticeResultDto;
  expect(list.number).toBe('');
  const text = runtime.services.DocumentApp.created[0]?.getBody().getText() ?? '';
  expect(text).toContain('DANH SÁCH ĐẠI BIỂU CHÍNH THỨC');
  expect(text).not.toMatch(/Số:|\/DS-|\/-/);
});

/**
 * Attack on the invitations' fill: each page is a copy of page 1 whose two delegate lines are tokens
 * replaced with Table.replaceText. A delegate whose name holds the unit line's token and whose
 * position holds the name line's token (text pasted from a half-made mail merge) had one line printed
 * inside the other, and a congress place holding a token was replaced on every page by that page's
 * delegate. Whatever is typed is now printed as typed: the tokens are chosen so that no printed text
 * holds one.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { BlockSnapshot, DocSnapshot } from '../../local/runtime/document';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';

const NOW = '2024-01-05T09:00:00+07:00';

const textOf = (b: BlockSnapshot): string =>
  b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map(textOf))).join('\n') : b.text;

function setup() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: NOW });
  const config = runtime.spreadsheet.getSheetByName('Cấu hình');
  const setting = (label: string, value: string) => {
    const row = (config?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === label) + 1;
    config?.getRange(row, 2).setValue(value);
  };
  setting('Thời gian Đại hội', '07 giờ 30 phút, ngày 20/9/2029');
  setting('Địa điểm Đại hội', 'Hội trường tỉnh');
  const pages = () => {
    runBundle(runtime, 'generateNotice', ['giay-moi', {}]);
    const doc = runtime.services.DocumentApp.created[0]?.snapshot() as DocSnapshot;
    return doc.blocks.filter((b) => b.type === 'table').map(textOf);
  };
  return { runtime, setting, pages };
}

describe('text holding the invitations’ tokens is printed as typed', () => {
  it('a name holding the unit line’s token and a position holding the name line’s', () => {
    const { runtime, pages } = setup();
    const sheet = runtime.spreadsheet.getSheetByName('Đại biểu');
    sheet?.getRange('B2').setValue('Lê ⟦đơn-vị⟧ Hà');
    sheet?.getRange('I2').setValue('Trưởng thôn ⟦người-nhận⟧');
    const page = pages().find((p) => p.includes('Lê ⟦đơn-vị⟧ Hà')) ?? '';
    const lines = page.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^Kính gửi: (Ông|Bà) Lê ⟦đơn-vị⟧ Hà$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Chức vụ, nơi công tác: Trưởng thôn ⟦người-nhận⟧\. /));
  });

  it('a congress place holding a token is the same on every page', () => {
    const { setting, pages } = setup();
    setting('Địa điểm Đại hội', 'Hội trường ⟦đơn-vị⟧ tầng 2');
    const all = pages();
    expect(all.length).toBeGreaterThan(100);
    for (const p of all) expect(p).toContain('Địa điểm: Hội trường ⟦đơn-vị⟧ tầng 2.');
  });
});

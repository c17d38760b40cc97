/**
 * Attack on the wording: every problem validation finds on the samples and on a synthetic province
 * of 1,500 communes, read as an officer reads it — counts of a thousand or more carry the thousands
 * separator (1.234), and a colon is followed by lower case unless a proper noun follows.
 */
import { buildSynthetic } from '../../local/bench/synthetic';
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { KON_TUM } from '../../samples/kon-tum';
import { LANG_SON } from '../../samples/lang-son';
import type { ValidationResultDto } from '../../src/rpc/contract';

/** Words that may open a clause after a colon: proper nouns of the product and its documents. */
const PROPER = /^(Ban|Đại|Hội|Hamilton|Jefferson|Webster|Adams|Dean|Huntington|UBND|HĐND|Sở|Phòng|Ủy|Mặt|Tỉnh ủy)\b/u;

function messagesOf(runtime: Runtime): string[] {
  runBundle(runtime, 'allocateDelegates');
  const v = runBundle(runtime, 'validateAll').result as ValidationResultDto;
  return v.problems.flatMap((p) => [p.message, p.suggestion ?? '']);
}

/** Numbers of 4+ digits that are counts: not a year (after "năm", "sinh", in a date), a row, a cell or a code. */
function unformattedCounts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d.,/'"-])(\d{4,})(?![\d/.,]\d)/gu)) {
    const before = text.slice(0, m.index).trimEnd();
    if (/(năm|sinh|dòng|ví dụ|hạn)$/u.test(before)) continue;
    if (/^(19|20)\d\d$/.test(m[1] ?? '') && /\(\s*$|năm \S*$/u.test(before)) continue;
    out.push(`${m[1]} in: ${text}`);
  }
  return out;
}

function badColons(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/: (\p{Lu}[\p{Ll}\p{M}]*)/gu)) {
    const rest = text.slice((m.index ?? 0) + 2);
    if (PROPER.test(rest)) continue;
    // The lead of a task is the officer's own text ("chủ trì: Công an tỉnh"), a name as typed.
    if (/chủ trì$/u.test(text.slice(0, m.index))) continue;
    // "chủ trì: Ban Dân tộc" and a unit's or person's name are proper nouns: two capitalised words in a row.
    if (/^\p{Lu}[\p{Ll}\p{M}]*\s\p{Lu}/u.test(rest)) continue;
    out.push(`"${m[1]}" in: ${text}`);
  }
  return out;
}

describe('wording of every problem found', () => {
  beforeAll(() => builtCodePath());

  it.each([
    ['Lạng Sơn', LANG_SON],
    ['Kon Tum', KON_TUM],
  ])('the %s sample', (_, sample) => {
    const messages = messagesOf(new Runtime({ spreadsheet: buildSample(sample), now: '2024-01-14T09:00:00+07:00' }));
    expect(messages.length).toBeGreaterThan(3);
    expect(messages.flatMap(unformattedCounts)).toEqual([]);
    expect(messages.flatMap(badColons)).toEqual([]);
  });

  it('a province of 1,500 communes', () => {
    const { spreadsheet } = buildSynthetic({ units: 1500, delegates: 3000 });
    const messages = messagesOf(new Runtime({ spreadsheet, now: '2025-06-01T09:00:00+07:00' }));
    expect(messages.flatMap(unformattedCounts)).toEqual([]);
    expect(messages.flatMap(badColons)).toEqual([]);
    expect(messages.length).toBeGreaterThan(20);
  });

  it('the scanners themselves catch what they look for', () => {
    expect(unformattedCounts('Có 1234 xã chưa có thành viên phụ trách.')).toHaveLength(1);
    expect(unformattedCounts('Năm sinh 2015: đến năm 2024 mới 9 tuổi; dòng 1234; 1.234 người.')).toEqual([]);
    expect(badColons('Dân tộc: Không nhận ra dân tộc "X".')).toHaveLength(1);
    expect(badColons('Tràng Định: ngày ban hành Kế hoạch; chủ trì: Ban Dân tộc.')).toEqual([]);
  });
});

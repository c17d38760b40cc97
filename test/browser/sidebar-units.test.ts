/**
 * The sidebar's DOM-free parts, in Node: the URL policy, error messages, grouping and the cap; and
 * the built Sidebar.html (self-contained, small, no HTML-from-string APIs, no zod).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '../../local/testing';
import type { ProblemDto } from '../../src/rpc/contract';
import { formatDateTime, formatDay, formatNumber, parseDay, T, todayInVietnam } from '../../src/sidebar/i18n';
import { errorMessage, groupProblems, meetingLabel, PROBLEM_LIMIT, safeUrl } from '../../src/sidebar/model';

describe('links', () => {
  test('safeUrl keeps https addresses only', () => {
    expect(safeUrl('https://docs.google.com/document/d/abc/edit')).toBe('https://docs.google.com/document/d/abc/edit');
    for (const bad of [
      'javascript:window.__xss=1',
      ' JavaScript:alert(1)',
      'data:text/html,<script>1</script>',
      'http://example.com',
      '//evil.example',
      '/relative',
      'https://',
      '',
      null,
      42,
    ]) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});

describe('messages and formats', () => {
  test('server errors lose their technical prefix', () => {
    expect(errorMessage(new Error('Exception: Đang có người khác chạy thao tác này.'))).toBe(
      'Đang có người khác chạy thao tác này.',
    );
    expect(errorMessage(new Error('UserError: Không có trang tính "X".'))).toBe('Không có trang tính "X".');
    expect(errorMessage('Error: Exception: x')).toBe('x');
    expect(errorMessage(undefined)).toBe('');
  });

  test('numbers, days and times', () => {
    expect(formatNumber(9800)).toBe('9.800');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(12)).toBe('12');
    expect(formatDay('2024-01-14')).toBe('14/01/2024');
    expect(formatDateTime('2024-01-14T09:05:00+07:00')).toBe('09:05 14/01/2024');
    expect(formatDateTime('2024-01-13T23:30:00Z')).toBe('06:30 14/01/2024');
    expect(formatDateTime('không phải ngày')).toBe('');
    expect(formatDateTime(null)).toBe('');
    // Today in Vietnam's time: 23:30 UTC is already the next day there.
    expect(todayInVietnam(Date.parse('2024-01-13T23:30:00Z'))).toBe('2024-01-14');
    expect(todayInVietnam(Date.parse('2024-01-14T16:59:00Z'))).toBe('2024-01-14');
  });

  test('a meeting in the list of the notice form', () => {
    const m = { code: 'BCĐ-02', date: '2024-01-10', subject: ' họp lần 2 ', chair: 'Hoàng Văn Nam' };
    expect(meetingLabel(m)).toBe('BCĐ-02 — 10/01/2024 — họp lần 2');
    expect(meetingLabel({ ...m, date: null })).toBe('BCĐ-02 — họp lần 2');
    expect(meetingLabel({ ...m, subject: '' })).toBe('BCĐ-02 — 10/01/2024');
  });

  test('the strings are Vietnamese, with thousands separators', () => {
    expect(T.errors(1234)).toBe('1.234 lỗi');
    expect(T.more(9800)).toBe('Còn 9.800 vấn đề khác — xem trang "Kiểm tra".');
    expect(T.missing('Hữu Lũng, Lộc Bình')).toBe('Còn: Hữu Lũng, Lộc Bình');
    expect(T.noCell).toBe('toàn trang');
  });

  test('a document date is read day first', () => {
    expect(parseDay('14/01/2024')).toBe('2024-01-14');
    expect(parseDay(' 4-1-2024 ')).toBe('2024-01-04');
    expect(parseDay('14.01.2024')).toBe('2024-01-14');
    for (const bad of [
      '01/31/2024',
      '30/02/2024',
      '29/02/2023',
      '2024-01-14',
      '14/01/24',
      '',
      '00/01/2024',
      '14/13/2024',
      '01/01/1899',
    ])
      expect(parseDay(bad)).toBeNull();
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
  });
});

describe('groupProblems', () => {
  const p = (severity: ProblemDto['severity'], sheet: string, cell: string): ProblemDto => ({
    severity,
    sheet,
    cell,
    message: `${sheet}!${cell}`,
    suggestion: '',
    rule: 'r',
  });
  const list = [
    p('warning', 'Đại biểu', 'B2'),
    p('error', 'Đơn vị', 'A3'),
    p('error', 'Đại biểu', 'F9'),
    p('warning', 'Phân bổ', ''),
  ];

  test('groups by sheet in order of appearance, errors first within a sheet', () => {
    const { groups, hidden, total } = groupProblems(list, 'all');
    expect(groups.map((g) => [g.sheet, g.total, g.shown.map((x) => x.problem.cell)])).toEqual([
      ['Đại biểu', 2, ['F9', 'B2']],
      ['Đơn vị', 1, ['A3']],
      ['Phân bổ', 1, ['']],
    ]);
    expect([hidden, total]).toEqual([0, 4]);
    expect(groups[0]?.shown.map((x) => x.index)).toEqual([2, 0]);
  });

  test('filters by severity', () => {
    expect(groupProblems(list, 'error').groups.flatMap((g) => g.shown.map((x) => x.problem.cell))).toEqual([
      'A3',
      'F9',
    ]);
    expect(groupProblems(list, 'warning').total).toBe(2);
  });

  test('renders at most the limit, counts the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => p(i % 2 ? 'error' : 'warning', `S${i % 7}`, `A${i + 1}`));
    const all = groupProblems(many, 'all');
    expect(all.groups.reduce((n, g) => n + g.shown.length, 0)).toBe(PROBLEM_LIMIT);
    expect(all.hidden).toBe(10_000 - PROBLEM_LIMIT);
    expect(all.groups.reduce((n, g) => n + g.total, 0)).toBeLessThanOrEqual(10_000);
    const errors = groupProblems(many, 'error', 3);
    expect(errors.groups.flatMap((g) => g.shown).length).toBe(3);
    expect(errors.hidden).toBe(5000 - 3);
  });
});

/** build/Sidebar.html is fetched every time the sidebar opens (it grew with "Bắt đầu", the explanation, the re-allocation preview and the document forms; then the composition and the comparison of methods: +10 KiB; then the inline SVG charts of the composition and the allocation: +6 KiB; then the eligibility lines of the overview: +2 KiB; then the allocation bars under "Cơ cấu đại biểu" whenever an allocation exists and the women's verdict as the check gives it: +1 KiB; then the card of the lists received: +0.4 KiB, with room for the intake refresh). */
const SIDEBAR_BUDGET = 80 * 1024;

describe('build/Sidebar.html', () => {
  const path = join(PROJECT_DIR, 'build', 'Sidebar.html');

  test('is self-contained, small, and has no HTML-from-string APIs or zod', () => {
    if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run build\` first.`);
    const html = readFileSync(path, 'utf8');
    const size = Buffer.byteLength(html);
    expect(size).toBeLessThan(SIDEBAR_BUDGET);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(1000);
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      expect(script).not.toContain(banned);
    }
    expect(script).not.toMatch(/zod|safeParse|ZodError/);
  });
});

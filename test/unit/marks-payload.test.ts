/** The bounded validateAll payload: counts of everything, the first problems with errors first. */
import type { Problem } from '../../src/domain/problem';
import { boundedResult } from '../../src/sheets/validate';

function problems(n: number): Problem[] {
  return Array.from({ length: n }, (_, i) => ({
    severity: i % 3 === 0 ? 'error' : 'warning',
    sheet: i % 2 === 0 ? 'Đại biểu' : 'Đơn vị',
    cell: `B${n - i + 1}`,
    message: `Vấn đề ${i}`,
    suggestion: '',
    rule: i % 3 === 0 ? 'rule-a' : 'rule-b',
  }));
}

describe('boundedResult', () => {
  it('sends the first 300, errors first, with the counts of all', () => {
    const all = problems(1000);
    const r = boundedResult(all, '2024-01-14T02:00:00.000Z');
    expect(r.problems).toHaveLength(300);
    expect(r.total).toBe(1000);
    expect(r.truncated).toBe(true);
    expect(r.errors).toBe(334);
    expect(r.warnings).toBe(666);
    expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(r.bySheet).toEqual(
      expect.arrayContaining([
        { sheet: 'Đại biểu', errors: 167, warnings: 333 },
        { sheet: 'Đơn vị', errors: 167, warnings: 333 },
      ]),
    );
    expect(r.byRule).toEqual(
      expect.arrayContaining([
        { rule: 'rule-a', errors: 334, warnings: 0 },
        { rule: 'rule-b', errors: 0, warnings: 666 },
      ]),
    );
    expect(r.message).toMatch(/300 vấn đề đầu tiên.*đủ 1000 vấn đề/);
    expect(JSON.stringify(r).length).toBeLessThan(100_000);
  });

  it('sends everything when there are few', () => {
    const r = boundedResult(problems(10), 'x');
    expect(r).toMatchObject({ total: 10, truncated: false });
    expect(r.problems).toHaveLength(10);
    expect(r.message).not.toMatch(/đầu tiên/);
    expect(boundedResult([], 'x').message).toBe('Không phát hiện lỗi nào.');
  });
});

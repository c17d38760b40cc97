/**
 * "So sánh phương pháp" on the real bundle: both samples (Lạng Sơn, Kon Tum) and the decorated corpus.
 * It writes nothing (whole-cell snapshots identical), reads `Cấu hình` and `Đơn vị` once each whatever
 * the number of units, names units by name, and the configured method's seats are exactly those
 * "Phân bổ đại biểu" would give.
 */
import { type Runtime, runBundle } from '../../local/runtime';
import type { AllocationResultDto, CompareMethodsResultDto } from '../../src/rpc/contract';
import { runtimeFor } from '../trust/actions';
import { CORPUS, corpusWorkbook, sheet } from '../trust/corpus';
import { diff, describe as lines, snapshot } from '../trust/snapshot';

const compare = (rt: Runtime) => runBundle(rt, 'compareMethods', []);
const preview = (rt: Runtime) => runBundle(rt, 'previewAllocation', []).result as AllocationResultDto;

const WORKBOOKS = [
  'Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units',
  'Kon Tum decorated',
  'Lạng Sơn cấp xã (text codes) decorated',
  'protected by the owner, run by a collaborator',
];

describe.each(WORKBOOKS)('%s', (name) => {
  const w = corpusWorkbook(name);

  test('six methods, units by name, the configured method equals the allocation; nothing written; reads flat', () => {
    const ss = w.build();
    const rt = runtimeFor(ss, w);
    const before = snapshot(ss);
    const { result, calls } = compare(rt);
    const r = result as CompareMethodsResultDto;
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Đã tính theo 6 phương pháp/);
    expect(lines(diff(before, snapshot(ss)))).toEqual([]);
    // Writes nothing: no setter of any kind was called.
    const writes = Object.keys(calls).filter((k) => /\.(set|insert|delete|clear|append|add|protect|merge)/i.test(k));
    expect(writes).toEqual([]);
    // One read per sheet: two getValues-like reads whatever the number of units.
    const reads = Object.entries(calls)
      .filter(([k]) => /getValues|getDisplayValues|getFormulas/.test(k))
      .reduce((s, [, n]) => s + (n as number), 0);
    expect(reads).toBeLessThanOrEqual(6);
    expect(r.methods.map((m) => m.method)).toEqual([
      'hamilton',
      'jefferson',
      'webster',
      'adams',
      'dean',
      'huntington-hill',
    ]);
    expect(r.units.length).toBeGreaterThan(0);
    for (const u of r.units) expect(u.name).not.toBe('');
    for (const m of r.methods) {
      if (m.error) continue;
      expect(Object.values(m.seats).reduce((s, n) => s + n, 0)).toBe(r.houseSize);
      expect(Object.keys(m.seats).sort()).toEqual(r.units.map((u) => u.code).sort());
      if (!['hamilton'].includes(m.method)) expect(m.alabama).toEqual([]);
    }
    const p = preview(rt);
    expect(p.ok).toBe(true);
    const configured = r.methods.find((m) => m.method === r.configured);
    expect(configured?.differs).toEqual([]);
    expect(p.houseSize).toBe(r.houseSize);
    for (const row of p.rows) expect(configured?.seats[row.code]).toBe(row.seats);
  });
});

test('the call count does not grow with the units (Lạng Sơn cấp xã against Lạng Sơn huyện)', () => {
  const counts = WORKBOOKS.slice(0, 3).map((name) => {
    const w = corpusWorkbook(name);
    const ss = w.build();
    const { result, calls } = compare(runtimeFor(ss, w));
    return { units: (result as CompareMethodsResultDto).units.length, total: calls.total };
  });
  expect(new Set(counts.map((c) => c.units)).size).toBeGreaterThan(1);
  expect(new Set(counts.map((c) => c.total)).size).toBe(1);
});

test('Cấu hình without its official-total row: refused as the allocation refuses, naming the sheet; nothing written', () => {
  const w = corpusWorkbook('Kon Tum decorated');
  const ss = w.build();
  const config = sheet(ss, 'Cấu hình');
  const row = config
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === 'Tổng số đại biểu chính thức');
  expect(row).toBeGreaterThan(0);
  config.deleteRow(row + 1);
  const rt = runtimeFor(ss, w);
  const before = snapshot(ss);
  const r = compare(rt).result as CompareMethodsResultDto;
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(/^Chưa so sánh được các phương pháp: .*trang "Cấu hình"/);
  expect(r.methods).toEqual([]);
  expect(preview(rt).ok).toBe(false);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('a population typed as text in Đơn vị is named by sheet and cell; nothing written', () => {
  const w = corpusWorkbook('Kon Tum decorated');
  const ss = w.build();
  const units = sheet(ss, 'Đơn vị');
  const header = units.getRange(1, 1, 1, units.getLastColumn()).getValues()[0] ?? [];
  const col = header.findIndex((h) => /Dân số DTTS/i.test(String(h))) + 1;
  expect(col).toBeGreaterThan(0);
  units.getRange(3, col).setValue('khoảng 5 nghìn');
  const before = snapshot(ss);
  const r = compare(runtimeFor(ss, w)).result as CompareMethodsResultDto;
  expect(r.ok).toBe(false);
  expect(r.message).toContain('Chưa so sánh được các phương pháp');
  expect(r.message).toContain('Đơn vị');
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

test('arguments are refused (zod): compareMethods takes none', () => {
  const w = corpusWorkbook('Kon Tum decorated');
  const ss = w.build();
  expect(() => runBundle(runtimeFor(ss, w), 'compareMethods', ['x'])).toThrow(/compareMethods/);
});

test('CORPUS is the decorated corpus', () => {
  expect(CORPUS.length).toBeGreaterThan(3);
});

test.each([0, 1])('Google failing on read %i: a Vietnamese message, nothing written', (after) => {
  const w = corpusWorkbook('Kon Tum decorated');
  const ss = w.build();
  const rt = runtimeFor(ss, w);
  const before = snapshot(ss);
  rt.failOn('Range.getValues', { after });
  let message = '';
  try {
    compare(rt);
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  expect(message).not.toBe('');
  expect(message).toMatch(/^Dịch vụ Google tạm thời gặp lỗi/);
  expect(lines(diff(before, snapshot(ss)))).toEqual([]);
});

/**
 * The commune-level sample keeps its official 5-digit codes as text everywhere the officer (and
 * every test on that sample) meets them: typed into the sheets, saved as .xlsx and opened again
 * (what `npm start` and `dtts run` load), and copied by the allocation.
 */

import { Runtime } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, writeSamples } from '../../local/samples';
import { tempDir } from '../../local/testing';
import { loadWorkbook } from '../../local/xlsx';
import { COMMUNES, LANG_SON_COMMUNES } from '../../samples/lang-son-communes';
import { action, run } from './actions';

const CODE = /^0\d{4}$/;

/** Every value of the code column of a sheet, below the header. */
function codes(ss: LocalSpreadsheet, sheetName: string, header = 'Mã đơn vị'): unknown[] {
  const s = ss.localSheet(sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  const values = s.getDataRange().getValues();
  const col = (values[0] ?? []).indexOf(header);
  return values
    .slice(1)
    .map((r) => r[col])
    .filter((v) => v !== '');
}

describe('the commune-level Lạng Sơn sample', () => {
  test('lists the 65 communes and wards under distinct official 5-digit codes with a leading zero', () => {
    expect(COMMUNES).toHaveLength(65);
    expect(new Set(COMMUNES.map(([c]) => c)).size).toBe(65);
    expect(COMMUNES.every(([c]) => CODE.test(c))).toBe(true);
  });

  test('types every code as text in Đơn vị, Dân tộc theo đơn vị, Tiến độ and Đại biểu', () => {
    const ss = buildSample(LANG_SON_COMMUNES);
    for (const sheet of ['Đơn vị', 'Dân tộc theo đơn vị', 'Tiến độ']) {
      const found = codes(ss, sheet);
      expect(found.length).toBeGreaterThanOrEqual(65);
      expect(found.filter((v) => typeof v !== 'string' || !CODE.test(v))).toEqual([]);
    }
    const delegates = codes(ss, 'Đại biểu').filter((v) => v !== 'Cấp tỉnh');
    expect(delegates.length).toBeGreaterThan(200);
    expect(delegates.filter((v) => typeof v !== 'string' || !CODE.test(v))).toEqual([]);
  });

  test('keeps the codes as text through .xlsx and through the allocation', async () => {
    const [path] = await writeSamples(tempDir('dtts-trust-'), ['lang-son-cap-xa']);
    const ss = await loadWorkbook(path as string);
    expect(codes(ss, 'Đơn vị').filter((v) => typeof v !== 'string' || !CODE.test(v))).toEqual([]);
    const runtime = new Runtime({ spreadsheet: ss, now: '2029-01-20T09:00:00+07:00' });
    const outcome = run(runtime, action('allocateDelegates'));
    expect(outcome.error).toBeUndefined();
    const allocated = codes(ss, 'Phân bổ');
    expect(allocated).toHaveLength(65);
    expect(allocated.filter((v) => typeof v !== 'string' || !CODE.test(v))).toEqual([]);
  });
});

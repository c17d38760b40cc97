/**
 * The intake form a unit receives marks as required the profile columns named by
 * `Thông tin bắt buộc của đại biểu`, besides the template's always-required ones.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { builtCodePath } from '../../local/testing';
import { LANG_SON } from '../../samples/lang-son';
import type { IntakeFormsDto } from '../../src/rpc/contract';

describe('intake forms follow the required profile fields', () => {
  builtCodePath();

  it('blank setting: only the template’s required columns; "Trình độ CM, SĐT": those two as well', () => {
    const ss = buildSample(LANG_SON);
    const rt = new Runtime({ spreadsheet: ss, now: '2024-01-05T08:00:00+07:00' });
    const required = () => {
      const got = runBundle(rt, 'getIntakeForms', [{ unit: 'Hữu Lũng' }]).result as IntakeFormsDto;
      if (!got.ok) throw new Error(got.message);
      return got.forms[0]?.columns.filter((c) => c.required).map((c) => c.header);
    };
    expect(required()).toEqual(['Họ và tên', 'Dân tộc', 'Loại đại biểu']);
    const config = ss.getSheetByName('Cấu hình');
    if (!config) throw new Error('no Cấu hình');
    const labels = config
      .getRange(1, 1, config.getLastRow(), 1)
      .getValues()
      .map((r) => String(r[0]));
    config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue('Trình độ CM, SĐT');
    expect(required()).toEqual(['Họ và tên', 'Dân tộc', 'Loại đại biểu', 'Trình độ chuyên môn', 'Điện thoại']);
  });
});

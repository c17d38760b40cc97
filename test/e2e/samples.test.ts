/**
 * The sample workbooks through the real bundle: "Phân bổ đại biểu" then "Kiểm tra dữ liệu" produce
 * the allocation and a report naming each deliberate problem of the Lạng Sơn demo.
 */

import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { KON_TUM } from '../../samples/kon-tum';
import { LANG_SON } from '../../samples/lang-son';
import type { AllocationResultDto, NoticeResultDto, ValidationResultDto } from '../../src/rpc/contract';

describe('Lạng Sơn sample', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-14T09:00:00+07:00' });
  const allocation = runBundle(runtime, 'allocateDelegates').result as AllocationResultDto;
  const validation = runBundle(runtime, 'validateAll').result as ValidationResultDto;
  const rules = (r: string) => validation.problems.filter((p) => p.rule === r);

  it('allocates the 190 sub-unit seats of 250 by the Hamilton method', () => {
    expect(allocation.ok).toBe(true);
    expect(allocation.houseSize).toBe(190);
    expect(allocation.rows).toHaveLength(11);
    expect(allocation.rows.reduce((s, r) => s + r.seats, 0)).toBe(190);
    expect(allocation.rows.every((r) => r.seats >= 8)).toBe(true);
    expect(allocation.explanation.length).toBeGreaterThan(1);
    const sheet = runtime.spreadsheet.getSheetByName('Phân bổ');
    const values = sheet?.getDataRange().getValues() ?? [];
    expect(values[0]?.slice(0, 5)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Dân số DTTS', 'Số theo tỷ lệ', 'Số phân bổ']);
    expect(values.slice(1).map((r) => r[0])).toEqual(allocation.rows.map((r) => r.code));
  });

  it('names each deliberate problem of the demo', () => {
    expect(
      rules('delegate-count-short')
        .map((p) => p.message)
        .join(),
    ).toContain('Văn Lãng');
    expect(
      rules('delegate-count-over')
        .map((p) => p.message)
        .join(),
    ).toContain('Cao Lộc');
    expect(rules('delegate-duplicate')).toHaveLength(1);
    expect(rules('delegate-same-name')).toEqual([]);
    expect(
      rules('guests-above-share-unit')
        .map((p) => p.message)
        .join(),
    ).toContain('Hữu Lũng');
    expect(rules('cell-invalid').some((p) => p.message.includes('Tày Nùng'))).toBe(true);
    expect(rules('cell-doubtful').some((p) => p.message.includes('Mong'))).toBe(true);
    // The demo sets ages 18–100 in Cấu hình: the pupil born 2015 is a warning, worded as an officer writes it.
    expect(rules('birth-year-outside-ages').map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Năm sinh 2015: đến năm 2024 mới 9 tuổi, ngoài độ tuổi quy định 18–100.'],
    ]);
    expect(rules('birth-year-implausible')).toEqual([]);
    expect(rules('unit-unknown').some((p) => p.message.includes('HLU'))).toBe(true);
    expect(
      rules('group-unrepresented')
        .map((p) => p.message)
        .join(),
    ).toContain('Sán Dìu');
    expect(rules('task-overdue')).toHaveLength(1);
    expect(rules('task-due-soon')).toHaveLength(2);
    expect(rules('task-no-lead')).toHaveLength(1);
    expect(rules('task-meeting-unknown')).toHaveLength(1);
    expect(
      rules('member-unit-unknown')
        .map((p) => p.message)
        .join(),
    ).toContain('Lộc Bình Mới');
    expect(
      rules('unit-unsupervised')
        .map((p) => p.message)
        .join(),
    ).toContain('Đình Lập');
    expect(
      rules('body-without-head')
        .map((p) => p.message)
        .join(),
    ).toContain('Ban Tổ chức');
    expect(rules('milestones-out-of-order').map((p) => p.cell)).toHaveLength(1);
    expect(
      rules('congress-after-deadline')
        .map((p) => p.message)
        .join(),
    ).toContain('Văn Lãng');
    expect(validation.errors).toBeGreaterThan(0);
  });

  it('writes the report and marks the cells', () => {
    const report = runtime.spreadsheet.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
    expect(report.length - 1).toBe(validation.problems.length);
    expect(report[1]?.[0]).toBe('Lỗi');
    const p = rules('birth-year-outside-ages')[0];
    const cell = runtime.spreadsheet.getSheetByName('Đại biểu')?.getRange(p?.cell ?? 'A1');
    expect(cell?.getNote()).toContain('Năm sinh');
    expect(cell?.getBackground()).toBe('#fce8b2');
  });
});

describe('Kon Tum sample', () => {
  it('allocates and validates without errors in the data', () => {
    const runtime = new Runtime({ spreadsheet: buildSample(KON_TUM), now: '2019-05-16T09:00:00+07:00' });
    const allocation = runBundle(runtime, 'allocateDelegates').result as AllocationResultDto;
    expect(allocation.ok).toBe(true);
    expect(allocation.houseSize).toBe(200);
    const validation = runBundle(runtime, 'validateAll').result as ValidationResultDto;
    const errors = validation.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe.each([
  // Lạng Sơn: the conclusions are the UBND office's (seed 004); the allocation notice and the decision
  // are the steering committee's, signed by its head (Đoàn Thanh Sơn, Trưởng ban in Thành viên).
  [
    'Lạng Sơn',
    LANG_SON,
    '2024-01-16T09:00:00+07:00',
    ['01/TB-UBND', '01/TB-BCĐ', '01/QĐ-BCĐ'],
    ['ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', 'Vũ Quang Khánh', 'Đoàn Thanh Sơn', 'TM. BAN CHỈ ĐẠO'],
  ],
  [
    'Kon Tum',
    KON_TUM,
    '2019-05-16T09:00:00+07:00',
    ['01/TB-BCĐ', '02/TB-BCĐ', '01/QĐ-BCĐ'],
    ['UBND TỈNH KON TUM', 'Trần Thị Nga', 'Kon Plông'],
  ],
] as const)('the three documents from the %s sample', (_name, sample, now, numbers, texts) => {
  const runtime = new Runtime({ spreadsheet: buildSample(sample), now });
  runBundle(runtime, 'allocateDelegates');
  // The decision's "Căn cứ": Lạng Sơn's meeting cites the founding decision; Kon Tum's `Cấu hình` names it.
  const kinds = ['thong-bao-ket-luan', 'phan-bo-dai-bieu', 'phan-cong-nhiem-vu'] as const;
  // Lạng Sơn's decision names a unit `Đơn vị` does not know ("Lộc Bình Mới"): the officer confirms.
  const results = kinds.map(
    (k) => runBundle(runtime, 'generateNotice', [k, { force: true }]).result as NoticeResultDto,
  );

  it('are numbered per type and logged', () => {
    expect(results.map((r) => r.number)).toEqual(numbers);
    expect(results.every((r) => r.url.startsWith('https://docs.google.com/document/d/'))).toBe(true);
    const log = runtime.spreadsheet.getSheetByName('Văn bản')?.getDataRange().getValues() ?? [];
    expect(log.slice(1).map((r) => r[1])).toEqual(results.map((r) => r.number));
  });

  it('carry the sample’s own header, signer and data', () => {
    const docs = runtime.services.DocumentApp.created;
    expect(docs).toHaveLength(3);
    const all = docs.map((d) => d.getBody().getText()).join('\n');
    for (const t of texts) expect(all).toContain(t);
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('Nơi nhận:');
  });
});

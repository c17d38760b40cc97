/**
 * "Nhận danh sách" judges a unit's profile values by validation's own rule (one function, not a second
 * rule): the warnings of the preview are those validateAll gives the same cells once the list is in
 * `Đại biểu`. Before: the preview said nothing of a phone the unit's sheet had made a number (then
 * written as the text "912345678", which validation did not flag either), of "Chi bộ thôn 3" in
 * `Đảng viên`, of a date of birth that disagrees with `Năm sinh`, nor of a required column left blank.
 * "Quần chúng" (not a Party member) and "Không" / "Không rõ" in a required column are no problem.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSheet } from '../../local/runtime/sheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { SubmissionCell, SubmissionDto, SubmissionPreviewDto } from '../../src/rpc/contract';

const NOW = '2024-06-10T09:00:00+07:00';

const TABLE: SubmissionCell[][] = [
  ['Họ và tên', 'Dân tộc', 'Năm sinh', 'Loại đại biểu', 'Trình độ chuyên môn', 'Đảng viên', 'Điện thoại', 'Ngày sinh'],
  ['Hoàng Văn Ất', 'Tày', 1970, 'Chính thức', 'Đại học', 'Quần chúng', 912345678, '05/01/1970'],
  ['Lý Thị Bính', 'Nùng', 1985, 'Chính thức', '', 'Chi bộ thôn 3', '0987 654 321', '05/01/1980'],
  ['Vi Văn Canh', 'Tày', 1990, 'Chính thức', 'Trung cấp', 'x', 'Không', 'Không rõ'],
  ['Lộc Văn Đinh', 'Tày', 1975, 'Chính thức', 'Cao đẳng', 'Vào Đảng 12/5/2010', '+84 912 345 679', '30/06/2024'],
];

test('the preview warns about the profile values as validateAll does after the list is taken', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue('Trình độ chuyên môn, Điện thoại');
  const rt = new Runtime({ spreadsheet: ss, now: NOW });

  const preview = runBundle(rt, 'importSubmission', ['HL', TABLE, { fileName: 'hl.xlsx' }]).result as SubmissionDto;
  if (!preview.ok) throw new Error(preview.message);
  const said = (preview as SubmissionPreviewDto).problems.map((p) => p.message);
  expect(said).toEqual([
    'Dòng 2: Điện thoại "912345678" thiếu số 0 ở đầu (số điện thoại trong nước bắt đầu bằng 0, hoặc +84).',
    'Dòng 3: thiếu "Trình độ chuyên môn".',
    'Dòng 3: Ngày sinh 05/01/1980 không khớp với năm sinh 1985 ở cột "Năm sinh".',
    'Dòng 3: Đảng viên: không hiểu "Chi bộ thôn 3" (ghi Có, x hoặc ngày vào; Không hoặc để trống nếu không phải).',
    'Dòng 5: Ngày sinh 30/06/2024 ở sau ngày hôm nay.',
  ]);

  const done = runBundle(rt, 'importSubmission', [
    'HL',
    TABLE,
    { fileName: 'hl.xlsx', mode: 'replace', expect: (preview as SubmissionPreviewDto).expect },
  ]).result as SubmissionDto;
  if (!done.ok) throw new Error(done.message);
  const sheet = ss.localSheet('Đại biểu') as LocalSheet;
  const header = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const grid = sheet.getDataRange().getValues();
  const rowOf = (name: string) => grid.findIndex((r) => r[header.indexOf('Họ và tên')] === name) + 1;
  const letter = (h: string) => String.fromCharCode(65 + header.indexOf(h));
  // Text stays text: the phone is the string the preview showed, never a number.
  expect(sheet.getRange(rowOf('Hoàng Văn Ất'), header.indexOf('Điện thoại') + 1).getValue()).toBe('912345678');

  runBundle(rt, 'validateAll');
  const report = ss.getSheetByName('Kiểm tra')?.getDataRange().getValues() ?? [];
  const at = (name: string, h: string) =>
    report.filter((r) => r[1] === 'Đại biểu' && r[2] === `${letter(h)}${rowOf(name)}`).map((r) => String(r[3]));
  const profileHeaders = ['Trình độ chuyên môn', 'Đảng viên', 'Điện thoại', 'Ngày sinh'];
  const found = TABLE.slice(1).flatMap((row, i) =>
    profileHeaders.flatMap((h) => at(String(row[0]), h).map((m) => `Dòng ${i + 2}: ${m}`)),
  );
  expect(found.sort()).toEqual(
    said.map((m) => m.replace('thiếu "Trình độ chuyên môn".', 'Thiếu trình độ chuyên môn.')).sort(),
  );
});

test('the setting naming Mã đơn vị or Họ và tên adds no "thiếu" to a preview (the unit is the one chosen)', () => {
  const ss = buildSample(SAMPLES['lang-son'] as NonNullable<(typeof SAMPLES)['lang-son']>);
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  const labels = config
    .getRange(1, 1, config.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  config.getRange(labels.indexOf('Thông tin bắt buộc của đại biểu') + 1, 2).setValue('Mã đơn vị, Họ và tên');
  const rt = new Runtime({ spreadsheet: ss, now: NOW });
  const table: SubmissionCell[][] = [
    ['Họ và tên', 'Mã đơn vị', 'Dân tộc', 'Năm sinh', 'Loại đại biểu'],
    ['Hoàng Văn Ất', '', 'Tày', 1970, 'Chính thức'],
    ['Lý Thị Bính', 'HL', 'Nùng', 1985, 'Chính thức'],
  ];
  const preview = runBundle(rt, 'importSubmission', ['HL', table, { fileName: 'hl.xlsx' }]).result as SubmissionDto;
  if (!preview.ok) throw new Error(preview.message);
  expect((preview as SubmissionPreviewDto).problems.map((p) => p.message)).toEqual([]);
});

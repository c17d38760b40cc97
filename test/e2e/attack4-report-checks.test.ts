/**
 * Attack on Báo cáo cơ cấu: what the officer must be told before an official document prints a
 * figure that may be wrong, and messages that say what is in the cell.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { buildSample, SAMPLES } from '../../local/samples';
import type { NoticeResultDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';
import { expectFigures, generate, grid, independentCount, partsOf, resolvedDuplicate } from './attack4-report-helpers';

const NOW = '2024-01-05T09:00:00+07:00';

function fresh(): { ss: LocalSpreadsheet; runtime: Runtime; run: (o?: object) => NoticeResultDto } {
  const ss = resolvedDuplicate(buildSample(SAMPLES['lang-son']!));
  const runtime = new Runtime({ spreadsheet: ss, now: NOW });
  const run = (o: object = {}) => runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', o]).result as NoticeResultDto;
  return { ss, runtime, run };
}

describe('a person listed as an official delegate and again as a guest', () => {
  it('is asked first, naming both rows; the guests line counts the rows as listed once confirmed', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Đại biểu');
    const rows = grid(t.ss, 'Đại biểu');
    const official = rows.findIndex((r) => r[7] === 'Chính thức');
    const guest = rows.findIndex((r) => r[7] === 'Khách mời');
    // Copied into the guest list and never removed from the official one (pasted from Word: NFD).
    s?.getRange(guest + 1, 2).setValue(String(rows[official]?.[1]).normalize('NFD'));
    s?.getRange(guest + 1, 6).setValue(rows[official]?.[5] as number);
    const asked = t.run();
    // Before: made at once, "Ngoài ra có N khách mời" counting the official delegate again.
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain(
      `dòng ${guest + 1}: khách mời "${String(rows[official]?.[1])}" (sinh ${rows[official]?.[5]}) có thể trùng với dòng ${official + 1}`,
    );
    expect(t.runtime.services.DocumentApp.created).toHaveLength(0);
    t.run({ force: true });
    const doc = t.runtime.services.DocumentApp.created[0]?.snapshot();
    expectFigures(doc as never, independentCount(t.ss));
  });

  it('the demo’s own deliberate duplicate (noted "Có thể khai trùng", flagged by Kiểm tra dữ liệu) is asked', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const rows = grid(ss, 'Đại biểu');
    const guest = rows.findIndex((r) => r[9] === 'Có thể khai trùng');
    const runtime = new Runtime({ spreadsheet: ss, now: NOW });
    const asked = runBundle(runtime, 'generateNotice', ['bao-cao-co-cau', {}]).result as NoticeResultDto;
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain(`dòng ${guest + 1}: khách mời "${rows[guest]?.[1]}"`);
  });

  it('two guests of the same name and birth year are asked about too; two different people are not', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Đại biểu');
    const rows = grid(t.ss, 'Đại biểu');
    const guests = rows.flatMap((r, i) => (r[7] === 'Khách mời' ? [i] : []));
    const [a, b] = guests as [number, number];
    s?.getRange(b + 1, 2).setValue(rows[a]?.[1] as string);
    s?.getRange(b + 1, 6).setValue((rows[a]?.[5] as number) + 1);
    expect(t.run().needsForce).toBeFalsy();
    const u = fresh();
    const us = u.ss.getSheetByName('Đại biểu');
    us?.getRange(b + 1, 2).setValue(rows[a]?.[1] as string);
    us?.getRange(b + 1, 6).setValue(rows[a]?.[5] as number);
    expect(u.run().message).toContain(`dòng ${b + 1}: khách mời`);
  });
});

describe('a congress year that cannot be read', () => {
  it.each([['năm 2026'], ['24'], ['2024-2029']])('"%s": named as unreadable, not as missing', (typed) => {
    const t = fresh();
    const config = t.ss.getSheetByName('Cấu hình');
    const i = (config?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === 'Năm');
    config?.getRange(i + 1, 2).setValue(typed);
    const before = snapshot(t.ss);
    let message = '';
    try {
      t.run({ force: true });
    } catch (e) {
      message = (e as Error).message;
    }
    // Before: "… trang "Cấu hình" chưa có "Năm" tổ chức Đại hội (ô B5)" with the year typed in it.
    expect(message).toMatch(
      new RegExp(
        `^Chưa tạo báo cáo cơ cấu đại biểu vì ô B${i + 1} của trang "Cấu hình" \\("Năm" tổ chức Đại hội\\) chưa đọc được: .+`,
      ),
    );
    expect(message).not.toContain('chưa có "Năm"');
    expect(t.runtime.services.DocumentApp.created).toHaveLength(0);
    expect(diff(before, snapshot(t.ss))).toEqual([]);
  });
});

describe('a blank Thành phần', () => {
  it('is asked first like a blank group, gender or birth year, then printed as "Chưa rõ thành phần"', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Đại biểu');
    const rows = grid(t.ss, 'Đại biểu');
    const i = rows.findIndex((r) => r[7] === 'Chính thức');
    s?.getRange(i + 1, 7).setValue('   ');
    const asked = t.run();
    // Before: made at once with a "Chưa rõ thành phần" row nobody was told about.
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain(`ô G${i + 1} (thành phần trống)`);
    t.run({ force: true });
    const doc = t.runtime.services.DocumentApp.created[0]?.snapshot();
    const table = partsOf(doc as never).byHeader('Thành phần');
    expect(table.at(-2)?.slice(1, 3)).toEqual(['Chưa rõ thành phần', '1']);
  });
});

describe('guards kept (no break found)', () => {
  it('a title above the header row, a Đảng viên column half marked: the Party figure as counted', () => {
    const ss = resolvedDuplicate(buildSample(SAMPLES['lang-son']!));
    const s = ss.getSheetByName('Đại biểu');
    const c = (grid(ss, 'Đại biểu')[0] ?? []).indexOf('Đảng viên');
    const n = (s?.getLastRow() ?? 1) - 1;
    s?.getRange(2, c + 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [i % 2 ? 'x' : '']) as never);
    const want = independentCount(ss);
    s?.insertRowsBefore(1, 2);
    s?.getRange(1, 1).setValue('DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI');
    const { doc, result } = generate(ss, NOW);
    expect(result.needsForce).toBeFalsy();
    expectFigures(doc, want);
  });

  it('rows sorted, a guest of a unit no longer in Đơn vị, an own total line under the list', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const s = ss.getSheetByName('Đại biểu');
    const rows = grid(ss, 'Đại biểu');
    const guest = rows.findIndex((r) => r[7] === 'Khách mời');
    s?.getRange(guest + 1, 3).setValue('Xã đã giải thể');
    const last = s?.getLastRow() ?? 1;
    const width = s?.getLastColumn() ?? 1;
    const body = s?.getRange(2, 1, last - 1, width).getValues() ?? [];
    body.sort((a, b) => String(b[3]).localeCompare(String(a[3])));
    s?.getRange(2, 1, last - 1, width).setValues(body);
    s?.getRange(last + 2, 2).setValue('Tổng cộng: 250 đại biểu');
    s?.getRange(last + 2, 1).setValue(`=COUNTA(B2:B${last})`);
    const want = independentCount(ss);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
  });

  it('two officers at once with different data: the second is told to wait; then its own number and Doc', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const a = new Runtime({ spreadsheet: ss, now: NOW, user: 'a@example.com' });
    const b = new Runtime({ spreadsheet: ss, now: NOW, user: 'b@example.com' });
    const gen = (rt: Runtime) =>
      runBundle(rt, 'generateNotice', ['bao-cao-co-cau', { force: true }]).result as NoticeResultDto;
    let second = '';
    a.onCall('DocumentApp.create', () => {
      ss.getSheetByName('Đại biểu')?.getRange(2, 7).setValue('Giáo viên');
      try {
        second = gen(b).number;
      } catch (e) {
        second = (e as Error).message;
      }
    });
    expect(gen(a).number).toBe('01/BC-BCĐ');
    expect(second).toMatch(/thử lại/);
    const again = gen(b);
    expect(again.number).toBe('02/BC-BCĐ');
    expect(a.services.DocumentApp.created).toHaveLength(1);
    expect(b.services.DocumentApp.created).toHaveLength(1);
    expectFigures(b.services.DocumentApp.created[0]?.snapshot() as never, independentCount(ss));
    const log = grid(ss, 'Văn bản').slice(1);
    expect(log.map((r) => r[1])).toEqual(['01/BC-BCĐ', '02/BC-BCĐ']);
  });

  it('=, $1, {{…}} and HTML in a name and a Thành phần are printed as typed', () => {
    const ss = buildSample(SAMPLES['lang-son']!);
    const s = ss.getSheetByName('Đại biểu');
    const rows = grid(ss, 'Đại biểu');
    const counted = rows.flatMap((r, i) => (r[7] === 'Chính thức' ? [i] : []));
    const oldest = Math.min(...counted.map((i) => Number(rows[i]?.[5])));
    const i = counted[0] as number;
    s?.getRange(i + 1, 6).setValue(oldest - 1);
    s?.getRange(i + 1, 2).setValue('\'=HYPERLINK("x") $1 $& {{ten}} <b>x</b>');
    s?.getRange(i + 1, 7).setValue("'+Nông dân $1 {{tp}}");
    const want = independentCount(ss);
    const { doc } = generate(ss, NOW, { force: true });
    expectFigures(doc, want);
    const p = partsOf(doc);
    expect(p.paragraphs.find((x) => x.startsWith('Đại biểu cao tuổi nhất: '))).toMatch(
      /^Đại biểu cao tuổi nhất: =HYPERLINK\("x"\) \$1 \$& \{\{ten\}\} <b>x<\/b>, \d+ tuổi, /,
    );
    expect(p.byHeader('Thành phần').some((r) => r[1] === '+Nông dân $1 {{tp}}')).toBe(true);
  });
});

describe('Dân tộc theo đơn vị with cells that cannot be read', () => {
  const NOT_REPRESENTED = ['Sán Dìu', 'Hoa', 'Mông', 'Sán Chay'];

  it('refused naming the cells: never "every group has a delegate" while four have none', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Dân tộc theo đơn vị');
    const rows = grid(t.ss, 'Dân tộc theo đơn vị');
    const typed = ['khoảng 2.000', '4.985 người', '#REF!'];
    const cells: string[] = [];
    let k = 0;
    rows.forEach((r, i) => {
      if (!NOT_REPRESENTED.includes(String(r[1]))) return;
      if (r[1] === 'Mông') {
        s?.getRange(i + 1, 2).setValue('Mông Hoa');
        cells.push(`ô B${i + 1} (dân tộc "Mông Hoa")`);
      } else {
        const v = typed[k++ % typed.length] as string;
        s?.getRange(i + 1, 3).setValue(v);
        cells.push(`ô C${i + 1} (dân số "${v}")`);
      }
    });
    const before = snapshot(t.ss);
    let message = '';
    try {
      t.run({ force: true });
    } catch (e) {
      message = (e as Error).message;
    }
    // Before: made at once, printing "Tất cả các dân tộc thiểu số sinh sống trên địa bàn đều có đại
    // biểu chính thức dự Đại hội."
    expect(message).toMatch(/^Chưa tạo báo cáo cơ cấu đại biểu vì trang "Dân tộc theo đơn vị" có ô không đọc được/);
    for (const c of cells.slice(0, 6)) expect(message).toContain(c);
    expect(t.runtime.services.DocumentApp.created).toHaveLength(0);
    expect(diff(before, snapshot(t.ss))).toEqual([]);
  });

  it('an own "Tổng cộng" line and an unreadable Kinh population do not stop the report', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Dân tộc theo đơn vị');
    const last = s?.getLastRow() ?? 1;
    s?.getRange(last + 1, 1, 1, 3).setValues([['Tổng cộng', 'Cộng', `=SUM(C2:C${last})`]]);
    s?.getRange(last + 2, 1, 1, 3).setValues([['HL', 'Kinh', 'chưa thống kê']]);
    const made = t.run();
    expect(made.number).toBe('01/BC-BCĐ');
    const doc = t.runtime.services.DocumentApp.created[0]?.snapshot();
    expect(partsOf(doc as never).paragraphs.join('\n')).toContain('Sán Dìu (2.014 người)');
  });
});

describe('text pasted from Word (decomposed, NFD)', () => {
  it('names, Thành phần and unit names are printed composed (NFC), so the Doc can be searched', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Đại biểu');
    const rows = grid(t.ss, 'Đại biểu');
    const counted = rows.flatMap((r, i) => (r[7] === 'Chính thức' ? [i] : []));
    const oldest = Math.min(...counted.map((i) => Number(rows[i]?.[5])));
    const i = counted[0] as number;
    s?.getRange(i + 1, 6).setValue(oldest - 1);
    s?.getRange(i + 1, 2).setValue('Hoàng Thị Thuỷ  '.normalize('NFD'));
    // The first row of its Thành phần, so its spelling is the one printed.
    s?.getRange(i + 1, 7).setValue(String(rows[i]?.[6]).normalize('NFD'));
    const units = t.ss.getSheetByName('Đơn vị');
    const unitRows = grid(t.ss, 'Đơn vị');
    const u = unitRows.findIndex((r, k) => k > 0 && r[0] === rows[i]?.[2]);
    units?.getRange(u + 1, 2).setValue(String(unitRows[u]?.[1]).normalize('NFD'));
    t.run({ force: true });
    const doc = t.runtime.services.DocumentApp.created[0]?.snapshot();
    const p = partsOf(doc as never);
    const all = JSON.stringify(doc?.blocks);
    // (No break: the Doc writer composes every text; kept as a guard.)
    expect(all.normalize('NFC')).toBe(all);
    expect(p.paragraphs).toContain(
      `Đại biểu cao tuổi nhất: Hoàng Thị Thuỷ, ${2024 - (oldest - 1)} tuổi, dân tộc ${rows[i]?.[3]}, đơn vị: ${unitRows[u]?.[1]}.`,
    );
  });
});

describe('"Khách mời" dragged down empty rows', () => {
  it('is asked about naming the cells, and the guests line counts only rows with a name', () => {
    const t = fresh();
    const s = t.ss.getSheetByName('Đại biểu');
    const want = independentCount(t.ss);
    const last = s?.getLastRow() ?? 1;
    s?.getRange(last + 1, 8, 20, 1).setValues(Array.from({ length: 20 }, () => ['Khách mời']));
    const asked = t.run();
    expect(asked.needsForce).toBe(true);
    expect(asked.message).toContain(`có 20 dòng ghi "Khách mời" nhưng chưa có họ và tên`);
    expect(asked.message).toContain(`ô B${last + 1} (họ và tên trống)`);
    t.run({ force: true });
    const doc = t.runtime.services.DocumentApp.created[0]?.snapshot();
    // Before: made at once, "Ngoài ra có 78 khách mời" for 58 guests.
    expectFigures(doc as never, want);
  });
});

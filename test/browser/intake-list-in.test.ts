/**
 * "Nhận danh sách" in headless Chromium on the playground: a unit's list, filled the way units fill
 * them (their own title rows, columns shuffled, an extra column, NFD text, a blank row), goes through
 * the dialog's file input; the preview names the delegates with the file's row numbers; confirming
 * replaces exactly that unit's rows of `Đại biểu` (with the file's name and the day received), every
 * other row identical cell by cell. Also: the form the dialog made, filled in place; a CSV with a BOM
 * and semicolons; pasted rows; a name that is HTML stays text; a list changed since the preview is
 * refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { tempDir } from '../../local/testing';
import type { IntakeForm, IntakeFormsDto, SubmissionCell } from '../../src/rpc/contract';
import { corpusWorkbook } from '../trust/corpus';
import { a1, CELL_FIELDS, cellOf, diff, parseA1, type SheetSnapshot, sheetOf, snapshot } from '../trust/snapshot';
import { keepScreenshot, openPlayground, type Session } from './harness';
import { dialogFrame, openIntakeFromSidebar } from './intake-helpers';

jest.setTimeout(120_000);

const RECORD = 'Tiếp nhận danh sách';

function formFor(s: Session, index: number): IntakeForm {
  const all = s.bundle.call('getIntakeForms', {}) as IntakeFormsDto;
  if (!all.ok) throw new Error(all.message);
  const form = all.forms[index];
  if (!form) throw new Error('no such unit');
  return form;
}

const choice = (form: IntakeForm, key: string, i = 0) => form.columns.find((c) => c.key === key)?.choices?.[i] ?? '';

/** Three delegates as a unit writes them (names in NFD, as some keyboards type them). */
function people(form: IntakeForm): Record<string, SubmissionCell>[] {
  const group = (i: number) => form.ethnicGroups[i % Math.max(form.ethnicGroups.length, 1)] ?? choice(form, 'ethnic');
  return [
    {
      name: 'Hoàng Thị Mây'.normalize('NFD'),
      ethnic: group(0),
      gender: 'Nữ',
      birthYear: 1985,
      kind: choice(form, 'kind'),
    },
    {
      name: 'Lương Văn Đức'.normalize('NFD'),
      ethnic: group(1),
      gender: 'Nam',
      birthYear: 1972,
      kind: choice(form, 'kind'),
    },
    { name: 'Vi Thị Hạnh', ethnic: group(2), gender: 'Nữ', birthYear: 1990, kind: choice(form, 'kind') },
  ];
}

/** The unit's own workbook: its title rows, the form's columns reversed, an extra column, a blank row. */
async function messyWorkbook(form: IntakeForm, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS gửi tỉnh');
  ws.getCell('A1').value = `UBND ${form.unit.name.toLocaleUpperCase('vi')}`;
  ws.getCell('A2').value = 'DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI (bản của đơn vị)';
  const columns = [...form.columns].reverse();
  const header = [...columns.map((c) => c.header.normalize('NFD')), 'Ghi chú riêng của đơn vị'];
  ws.getRow(4).values = header;
  const rows = people(form);
  const at = [5, 6, 8]; // row 7 left blank
  rows.forEach((p, i) => {
    ws.getRow(at[i] as number).values = [...columns.map((c) => p[c.key] ?? null), 'ghi chú'];
  });
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Rows of a sheet snapshot: row number → the cells of the given columns (every field). */
function rowsOf(sheet: SheetSnapshot, columns: number): Map<number, string> {
  const out = new Map<number, string>();
  const rows = new Set([...sheet.cells.keys()].map((ref) => parseA1(ref)[0]));
  for (const r of rows) {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = cellOf(sheet, a1(r, c));
      cells.push(CELL_FIELDS.map((f) => cell[f]).join('¦'));
    }
    out.set(r, cells.join('‖'));
  }
  return out;
}

/** Column (1-based) of a header in row 1 of a sheet snapshot. */
function headerColumn(sheet: SheetSnapshot, header: string): number {
  for (const [ref, cell] of sheet.cells) {
    const [row, col] = parseA1(ref);
    if (row === 1 && cell.value === `text:${header}`) return col;
  }
  return 0;
}

async function previewOf(s: Session) {
  const { locator } = await openIntakeFromSidebar(s, 'import');
  return locator;
}

/**
 * A unit's own workbook through the file input, preview, confirm; then exactly that unit's rows are
 * replaced, with provenance, every other row and sheet identical.
 */
async function ownListReplaces(options: {
  spreadsheet?: LocalSpreadsheet;
  unit: number;
  delegates: string;
  shots: boolean;
}) {
  const DELEGATES = options.delegates;
  const s = await openPlayground(options.spreadsheet ? { spreadsheet: options.spreadsheet } : {});
  try {
    const form = formFor(s, options.unit);
    const path = join(tempDir('dtts-intake-in-'), `DS ${form.unit.name}.xlsx`);
    await messyWorkbook(form, path);
    const ss = s.runtime.spreadsheet;
    const before = snapshot(ss);

    const dialog = await previewOf(s);
    expect(s.runtime.ui.openDialog?.title).toBe('Nhận danh sách đại biểu');
    await dialog.locator('#intake-unit').selectOption(form.unit.code);
    await dialog.locator('#intake-file').setInputFiles(path);
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    const text = (await dialog.locator('[data-intake="preview"]').textContent()) ?? '';
    expect(text).toContain(`Xem trước: danh sách của ${form.unit.name}`);
    expect(text).toContain('Dòng tiêu đề cột: dòng 4 của tệp.');
    const added = await dialog.locator('[data-preview="added"] li').allTextContents();
    expect(added.length).toBe(3);
    expect(added[0]).toMatch(/^Dòng 5: Hoàng Thị Mây/);
    expect(added[2]).toMatch(/^Dòng 8: Vi Thị Hạnh/);
    expect(text).toContain('Ghi chú riêng của đơn vị');
    // The preview wrote nothing.
    expect(diff(before, snapshot(ss))).toEqual([]);
    if (options.shots) await keepScreenshot(s.page, 'intake-list-in-preview.png');

    const confirm = dialog.locator('[data-action="confirm-replace"]');
    expect(await confirm.textContent()).toBe(`Xác nhận thay thế danh sách của ${form.unit.name}`);
    // An impatient double click sends one replace: the second would be refused as stale.
    await confirm.dblclick();
    await dialog.locator('[data-intake="done"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-intake="error"]').count()).toBe(0);
    const records = ss.localSheet(RECORD)?.getDataRange().getValues() ?? [];
    expect(records.filter((r) => r[0] === form.unit.code)).toHaveLength(1);
    if (options.shots) await keepScreenshot(s.page, 'intake-list-in-done.png');

    // Exactly that unit's rows replaced.
    const after = snapshot(ss);
    const b = sheetOf(before, DELEGATES) as SheetSnapshot;
    const a = sheetOf(after, DELEGATES) as SheetSnapshot;
    const unitColumn = headerColumn(b, 'Mã đơn vị');
    const nameColumn = headerColumn(b, 'Họ và tên');
    const width = Math.max(...[...b.cells.keys()].map((ref) => parseA1(ref)[1]));
    const isUnit = (sheet: SheetSnapshot, row: number) => {
      const v = cellOf(sheet, a1(row, unitColumn)).value;
      return v === `text:${form.unit.code}` || v === `text:${form.unit.name}`;
    };
    const others = (sheet: SheetSnapshot) =>
      [...rowsOf(sheet, width).entries()].filter(([r]) => r > 1 && !isUnit(sheet, r)).map(([, cells]) => cells);
    expect(others(a)).toEqual(others(b));
    const names = [...rowsOf(a, width).keys()]
      .filter((r) => r > 1 && isUnit(a, r))
      .map((r) => cellOf(a, a1(r, nameColumn)).value);
    expect(names).toEqual(['text:Hoàng Thị Mây', 'text:Lương Văn Đức', 'text:Vi Thị Hạnh']);
    // Provenance: the file's name and the day received on each new row.
    const source = headerColumn(a, 'Nguồn danh sách');
    const day = headerColumn(a, 'Ngày nhận');
    expect(source).toBeGreaterThan(0);
    for (const r of [...rowsOf(a, width + 2).keys()].filter((r) => r > 1 && isUnit(a, r))) {
      expect(cellOf(a, a1(r, source)).value).toBe(`text:DS ${form.unit.name}.xlsx`);
      expect(cellOf(a, a1(r, day)).value).toBe('text:14/01/2024');
    }
    // Every other sheet identical; the record sheet is new.
    const elsewhere = diff(before, after).filter((d) => d.sheet !== DELEGATES && d.sheet !== RECORD && d.sheet !== '');
    expect(elsewhere).toEqual([]);
    expect(sheetOf(after, RECORD)).toBeDefined();
    // "Đóng" closes the dialog.
    await dialog.locator('[data-action="close"]').click();
    await s.page.locator('#addin-dialog[open]').waitFor({ state: 'hidden', timeout: 10_000 });
    expect(s.runtime.ui.openDialog).toBeNull();
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
}

test('a unit’s own workbook through the file input: preview, confirm, only that unit’s rows replaced, with provenance', async () => {
  await ownListReplaces({ unit: 2, delegates: 'Đại biểu', shots: true });
});

test.each(['Lạng Sơn cấp xã (text codes) decorated', 'look-alike "Đại biểu" in NFD', 'Kon Tum decorated'])(
  'decorated workbook %s: the same import replaces only that unit’s rows',
  async (name) => {
    const workbook = corpusWorkbook(name);
    await ownListReplaces({ spreadsheet: workbook.build(), unit: 1, delegates: workbook.delegatesSheet, shots: false });
  },
);

test('the form the dialog made, filled in place by the unit, comes back as its delegates', async () => {
  const s = await openPlayground();
  try {
    const form = formFor(s, 4);
    const dir = tempDir('dtts-intake-round-');
    const out = await openIntakeFromSidebar(s, 'form');
    await out.locator.locator('#intake-unit').selectOption(form.unit.code);
    const downloading = s.page.waitForEvent('download');
    await out.locator.locator('[data-action="make-forms"]').click();
    const path = join(dir, (await downloading).suggestedFilename());
    await (await downloading).saveAs(path);
    // The unit fills the first rows under the header (found by its first column's header).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let header = 0;
    for (let r = 1; r <= 10 && !header; r++)
      if (String(ws.getCell(r, 1).value ?? '').startsWith(form.columns[0]?.header ?? '?')) header = r;
    people(form).forEach((p, i) => {
      form.columns.forEach((c, j) => {
        const v = p[c.key];
        if (v !== undefined) ws.getCell(header + 1 + i, j + 1).value = v;
      });
    });
    await wb.xlsx.writeFile(path);
    await s.page.locator('#addin-dialog-close').click();
    await s.page.locator('#addin-dialog[open]').waitFor({ state: 'hidden' });

    const dialog = await previewOf(s);
    await dialog.locator('#intake-unit').selectOption(form.unit.code);
    await dialog.locator('#intake-file').setInputFiles(path);
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    const added = await dialog.locator('[data-preview="added"] li').allTextContents();
    expect(added).toEqual([
      expect.stringMatching(new RegExp(`^Dòng ${header + 1}: Hoàng Thị Mây`)),
      expect.stringMatching(new RegExp(`^Dòng ${header + 2}: Lương Văn Đức`)),
      expect.stringMatching(new RegExp(`^Dòng ${header + 3}: Vi Thị Hạnh`)),
    ]);
    expect(await dialog.locator('[data-preview="other-units"]').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a CSV with a BOM and semicolons; pasted rows; an HTML name stays text in the preview', async () => {
  const s = await openPlayground();
  try {
    const form = formFor(s, 1);
    const xss = '<img src=x onerror="window.__owned=1">';
    const csv = `\uFEFFHọ và tên;Dân tộc;Giới tính\r\nNông Thị Xuân;${form.ethnicGroups[0] ?? 'Tày'};Nữ\r\n${xss};Tày;Nam\r\n`;
    const path = join(tempDir('dtts-intake-csv-'), 'danh sach.csv');
    writeFileSync(path, csv, 'utf8');
    const ss = s.runtime.spreadsheet;
    const before = snapshot(ss);

    const dialog = await previewOf(s);
    await dialog.locator('#intake-unit').selectOption(form.unit.code);
    await dialog.locator('#intake-file').setInputFiles(path);
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    const added = await dialog.locator('[data-preview="added"] li').allTextContents();
    expect(added[0]).toMatch(/^Dòng 2: Nông Thị Xuân/);
    expect(added[1]).toContain(`Dòng 3: ${xss}`);
    const frame = s.page.frames().find((f) => f.url().includes('/dialog'));
    expect(await frame?.evaluate('document.querySelectorAll("#app img").length')).toBe(0);
    expect(await frame?.evaluate('window.__owned')).toBeUndefined();

    // "Chọn tệp khác", then the same rows pasted (tab-separated).
    await dialog.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await dialog
      .locator('#intake-paste')
      .fill(`Họ và tên\tDân tộc\r\nTô Văn Lâm\t${form.ethnicGroups[0] ?? 'Tày'}\r\n`);
    await dialog.locator('[data-action="preview-paste"]').click();
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-intake="preview"] h2').textContent()).toContain('(tệp "Dữ liệu dán")');
    expect(await dialog.locator('[data-preview="added"] li').allTextContents()).toEqual([
      expect.stringMatching(/^Dòng 2: Tô Văn Lâm/),
    ]);
    expect(diff(before, snapshot(ss))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('no unit chosen, a file type it cannot read, a list changed since the preview: said in Vietnamese, nothing written', async () => {
  const s = await openPlayground();
  try {
    const form = formFor(s, 3);
    const dir = tempDir('dtts-intake-bad-');
    const xls = join(dir, 'cu.xls');
    // An old Excel 97-2003 file (an OLE container; a text file named .xls is read as the CSV it is).
    writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const good = join(dir, 'ds.xlsx');
    await messyWorkbook(form, good);
    const ss = s.runtime.spreadsheet;
    const before = snapshot(ss);

    const dialog = await previewOf(s);
    await dialog.locator('#intake-file').setInputFiles(good);
    expect(await dialog.locator('[data-intake="error"]').textContent()).toBe('Hãy chọn đơn vị gửi danh sách.');
    await dialog.locator('#intake-unit').selectOption(form.unit.code);
    await dialog.locator('#intake-file').setInputFiles(xls);
    expect(await dialog.locator('[data-intake="error"]').textContent()).toContain(
      'Không đọc được tệp "cu.xls": tệp Excel cũ (.xls) hoặc tệp có mật khẩu mở.',
    );
    expect(diff(before, snapshot(ss))).toEqual([]);
    await dialog.locator('#intake-file').setInputFiles(good);
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    // Someone edits a row of that unit after the preview.
    const sheet = ss.localSheet('Đại biểu');
    const values = sheet?.getDataRange().getValues() ?? [];
    const unitAt = (values[0] ?? []).indexOf('Mã đơn vị');
    const row = values.findIndex((r, i) => i > 0 && (r[unitAt] === form.unit.code || r[unitAt] === form.unit.name));
    const nameAt = (values[0] ?? []).indexOf('Họ và tên');
    sheet?.getRange(row + 1, nameAt + 1).setValue('Tên đã sửa');
    const edited = snapshot(ss);
    await dialog.locator('[data-action="confirm-replace"]').click();
    await dialog.locator('[data-intake="error"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-intake="error"]').textContent()).toContain('xem trước lại');
    expect(diff(edited, snapshot(ss))).toEqual([]);
    // "Xem trước lại": the same file against the edited list; the edited row is among those removed.
    await dialog.locator('[data-action="preview-again"]').click();
    await dialog.locator('[data-intake="error"]').waitFor({ state: 'detached', timeout: 30_000 });
    await dialog.locator('[data-preview="removed"]').waitFor();
    expect(await dialog.locator('[data-preview="removed"]').textContent()).toContain('Tên đã sửa');
    expect(diff(edited, snapshot(ss))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('opened for a unit (openIntakeDialog with its name), the dialog has that unit chosen', async () => {
  const s = await openPlayground();
  try {
    const form = formFor(s, 5);
    const request = JSON.stringify({ mode: 'import', unit: form.unit.name });
    await s.page.evaluate(`window.dttsPlayground.runFunction('openIntakeDialog', [${request}])`);
    const { locator } = await dialogFrame(s);
    expect(await locator.locator('#intake-unit').inputValue()).toBe(form.unit.code);
    expect(await locator.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Nhận danh sách');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('in Chromium: a Windows-1258 CSV is read with its accents and said so; a file over 5 MB is refused', async () => {
  const s = await openPlayground();
  try {
    const form = formFor(s, 0);
    const dir = tempDir('dtts-intake-1258-');
    // "Họ và tên;Dân tộc\r\nHoàng Văn Lu;Tày" in Windows-1258 (ọ = o + combining dot below 0xF2, à = 0xE0, ă = 0xE3).
    const bytes = Buffer.from([
      ...Buffer.from('H'),
      0x6f,
      0xf2,
      ...Buffer.from(' v'),
      0xe0,
      ...Buffer.from(' t'),
      0xea,
      ...Buffer.from('n;D'),
      0xe2,
      0x6e,
      ...Buffer.from(' t'),
      0xf4,
      0xf2,
      0x63,
      0x0d,
      0x0a,
      ...Buffer.from('Ho'),
      0xe0,
      ...Buffer.from('ng V'),
      0xe3,
      ...Buffer.from('n Lu;T'),
      0xe0,
      0x79,
      0x0d,
      0x0a,
    ]);
    const csv = join(dir, 'cu.csv');
    writeFileSync(csv, bytes);
    const big = join(dir, 'to.xlsx');
    writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));

    const dialog = await previewOf(s);
    await dialog.locator('#intake-unit').selectOption(form.unit.code);
    await dialog.locator('#intake-file').setInputFiles(big);
    expect(await dialog.locator('[data-intake="error"]').textContent()).toMatch(/^Tệp "to.xlsx" lớn hơn 5 MB/);
    await dialog.locator('#intake-file').setInputFiles(csv);
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-preview="added"] li').allTextContents()).toEqual([
      expect.stringMatching(/^Dòng 2: Hoàng Văn Lu \(Tày/),
    ]);
    expect(await dialog.locator('#app').textContent()).toContain('bảng mã Windows tiếng Việt (1258)');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

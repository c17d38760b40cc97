/**
 * "Tạo mẫu danh sách" in headless Chromium on the playground: the sidebar's button opens the intake
 * dialog (showModalDialog, rendered by the playground); one unit's form downloads as .xlsx; opened
 * with exceljs in Node it has the title block the server gave (province, unit by name, seats, guests,
 * groups, deadline), the header within the first 10 rows and frozen, dropdowns over 300 rows, text
 * format on the text columns; "Tất cả đơn vị" downloads one file per unit. Nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../../local/testing';
import type { IntakeForm, IntakeFormsDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';
import { keepScreenshot, openPlayground } from './harness';
import { openIntakeFromSidebar } from './intake-helpers';

jest.setTimeout(120_000);

async function loadXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** Every text of the first sheet's first rows, joined. */
function topText(ws: ExcelJS.Worksheet, rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    ws.getRow(r).eachCell((cell) => {
      out.push(String(cell.value ?? ''));
    });
  return out.join('\n');
}

test('one unit: the .xlsx has the title block, the header, dropdowns and text formats; nothing is written', async () => {
  const s = await openPlayground();
  try {
    const forms = s.bundle.call('getIntakeForms', {}) as IntakeFormsDto;
    if (!forms.ok) throw new Error(forms.message);
    const unit = forms.forms[2]?.unit as IntakeForm['unit'];
    const want = (s.bundle.call('getIntakeForms', { unit: unit.code }) as IntakeFormsDto & { ok: true }).forms[0];
    if (!want) throw new Error('no form');
    const before = snapshot(s.runtime.spreadsheet);

    const { locator } = await openIntakeFromSidebar(s, 'form');
    expect(s.runtime.ui.openDialog?.title).toBe('Tạo mẫu danh sách đại biểu');
    expect([s.runtime.ui.openDialog?.width, s.runtime.ui.openDialog?.height]).toEqual([760, 600]);
    // Units are listed by name.
    const options = await locator.locator('#intake-unit option').allTextContents();
    expect(options[0]).toBe('Tất cả đơn vị');
    expect(options).toContain(unit.name);
    await locator.locator('#intake-unit').selectOption(unit.code);
    const downloading = s.page.waitForEvent('download');
    await locator.locator('[data-action="make-forms"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(want.fileName);
    const path = join(tempDir('dtts-intake-'), want.fileName);
    await download.saveAs(path);
    await locator.locator('[data-intake="note"]').waitFor();
    await keepScreenshot(s.page, 'intake-form-out.png');

    const wb = await loadXlsx(path);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe('Danh sách');
    // The header row: within the first 10 rows, every column of the form in order, frozen under it.
    let headerRow = 0;
    for (let r = 1; r <= 10 && !headerRow; r++) {
      const first = String(ws.getCell(r, 1).value ?? '');
      if (first.startsWith(want.columns[0]?.header ?? '?')) headerRow = r;
    }
    expect(headerRow).toBeGreaterThan(0);
    want.columns.forEach((c, i) => {
      expect(String(ws.getCell(headerRow, i + 1).value)).toBe(c.header + (c.required ? ' *' : ''));
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    // The title block says what the server said.
    const top = topText(ws, headerRow - 1);
    expect(top).toContain(want.unit.name);
    expect(top.toLocaleUpperCase('vi')).toContain(want.province.toLocaleUpperCase('vi'));
    if (want.seats !== null) expect(top).toContain(`Số đại biểu được phân bổ: ${want.seats}`);
    if (want.guests !== null) expect(top).toContain(`Số khách mời được mời: ${want.guests}`);
    for (const g of want.ethnicGroups) expect(top).toContain(g);
    if (want.deadline) expect(top).toContain(want.deadline);
    // Dropdowns and formats on the first and the 300th data row.
    const lists = wb.getWorksheet('Danh mục');
    expect(lists?.state).toBe('hidden');
    for (const row of [headerRow + 1, headerRow + 300]) {
      want.columns.forEach((c, i) => {
        const cell = ws.getCell(row, i + 1);
        if (c.choices?.length) {
          expect(cell.dataValidation?.type).toBe('list');
          const formula = String(cell.dataValidation?.formulae?.[0]);
          const [, col, from, to] = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula) ?? [];
          const values: string[] = [];
          for (let r = Number(from); r <= Number(to); r++) values.push(String(lists?.getCell(`${col}${r}`).value));
          expect(values).toEqual(c.choices);
        } else expect(cell.dataValidation?.type).toBeUndefined();
        if (c.kind === 'text' || c.kind === 'date') expect(cell.numFmt).toBe('@');
      });
    }
    expect(ws.getCell(headerRow + 301, 1).dataValidation?.type).toBeUndefined();
    expect(diff(before, snapshot(s.runtime.spreadsheet))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('"Tất cả đơn vị": one .xlsx per unit, each with its own unit; the links stay to click again', async () => {
  const s = await openPlayground();
  try {
    const forms = s.bundle.call('getIntakeForms', {}) as IntakeFormsDto & { ok: true };
    const { locator } = await openIntakeFromSidebar(s, 'form');
    const files: string[] = [];
    const dir = tempDir('dtts-intake-all-');
    const saved: Promise<void>[] = [];
    s.page.on('download', (d) => {
      files.push(d.suggestedFilename());
      saved.push(d.saveAs(join(dir, d.suggestedFilename())));
    });
    await locator.locator('[data-action="make-forms"]').click();
    await locator.locator('[data-intake="note"]').waitFor({ timeout: 60_000 });
    await Promise.all(saved);
    expect(files).toEqual(forms.forms.map((f) => f.fileName));
    expect(await locator.locator('[data-intake="downloads"] a').count()).toBe(forms.forms.length);
    for (const f of forms.forms.slice(0, 3)) {
      const ws = (await loadXlsx(join(dir, f.fileName))).worksheets[0] as ExcelJS.Worksheet;
      expect(topText(ws, 4)).toContain(f.unit.name);
    }
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

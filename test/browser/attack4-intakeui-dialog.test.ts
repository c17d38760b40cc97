/**
 * Attack on the intake dialog in headless Chromium on the playground, as an officer uses it:
 * - picks unit A, then chooses unit B's returned form (its title line names B) under a file name that
 *   is HTML, one name struck through: the preview says the file is B's and which row is struck, the confirm stays off until the officer either switches
 *   to B or ticks that it is A's list; the file name stays text;
 * - switches to B and confirms: B's rows are replaced, A's untouched;
 * - comes back to the sidebar with the mouse only (no click): the overview's "k/n … đã gửi danh sách"
 *   is read again (it stayed at the old count before);
 * - a list received while the sidebar never had the focus (the dialog opened from the menu): the pointer
 *   coming over the sidebar reads it again, at most once a minute (one server call).
 */
import ExcelJS from 'exceljs';
import { buildFormWorkbook } from '../../src/intake/form';
import type { IntakeForm, IntakeFormsDto } from '../../src/rpc/contract';
import { openPlayground, type Session } from './harness';
import { openIntakeFromSidebar } from './intake-helpers';

jest.setTimeout(120_000);

function forms(s: Session): IntakeForm[] {
  const all = s.bundle.call('getIntakeForms', {}) as IntakeFormsDto;
  if (!all.ok) throw new Error(all.message);
  return all.forms;
}

/** Unit B's form as the dialog makes it, filled with two delegates below its header. */
async function filledForm(form: IntakeForm): Promise<Buffer> {
  const wb = buildFormWorkbook(ExcelJS, form);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && String(row.getCell(1).value ?? '').startsWith(form.columns[0]?.header ?? '?')) header = r;
  });
  const choice = (key: string) => form.columns.find((c) => c.key === key)?.choices?.[0] ?? '';
  const people = [
    { name: 'Hoàng Thị Mây', ethnic: form.ethnicGroups[0] ?? choice('ethnic'), gender: 'Nữ', birthYear: 1985 },
    { name: 'Lương Văn Đức', ethnic: form.ethnicGroups[0] ?? choice('ethnic'), gender: 'Nam', birthYear: 1972 },
  ] as Record<string, string | number>[];
  people.forEach((p, i) => {
    form.columns.forEach((c, j) => {
      const v = p[c.key] ?? (c.key === 'kind' ? choice('kind') : undefined);
      if (v !== undefined) ws.getCell(header + 1 + i, j + 1).value = v;
    });
  });
  // The unit struck the second name through (a person it dropped, or not).
  ws.getCell(header + 2, form.columns.findIndex((c) => c.key === 'name') + 1).font = { strike: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sentSentence = (s: Session) =>
  s.sidebar.locator('.milestone-text', { hasText: 'đã gửi danh sách' }).first().textContent({ timeout: 20_000 });

test('unit A chosen, unit B’s file: warned and held; switched to B and confirmed; the sidebar’s “đã gửi” count refreshed by the mouse coming back', async () => {
  const s = await openPlayground();
  try {
    const all = forms(s);
    const a = all[1] as IntakeForm;
    const b = all[2] as IntakeForm;
    const before = (await sentSentence(s)) ?? '';
    const sent = Number(/(\d+)\/\d+/.exec(before)?.[1]);
    expect(Number.isNaN(sent)).toBe(false);

    const { locator: dialog, frame } = await openIntakeFromSidebar(s, 'import');
    await dialog.locator('#intake-unit').selectOption(a.unit.code);
    // An old .xls can be chosen (to be told what to do with it; a text file under .xls is read).
    expect(await dialog.locator('#intake-file').getAttribute('accept')).toMatch(/(^|,)\.xls,/);
    const xssName = '<img src=x onerror="window.__owned=1">.xlsx';
    await dialog.locator('#intake-file').setInputFiles({
      name: xssName,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await filledForm(b),
    });
    await dialog.locator('[data-intake="preview"]').waitFor({ timeout: 30_000 });
    const warning = dialog.locator('[data-preview="unit-mismatch"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`tệp này là mẫu danh sách của ${b.unit.name}`);
    expect(await warning.textContent()).toContain(`đang nhận cho ${a.unit.name}`);
    const confirm = dialog.locator('[data-action="confirm-replace"]');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await dialog.locator('[data-intake="caution"]').textContent()).toMatch(
      /^Tệp có 1 dòng bị gạch ngang \(dòng \d+\): các dòng này vẫn được đọc\./,
    );
    // The file name is printed as text.
    expect(await dialog.locator('[data-intake="preview"] h2').textContent()).toContain(`(tệp "${xssName}")`);
    expect(await frame.evaluate('document.querySelectorAll("#app img").length')).toBe(0);
    expect(await frame.evaluate('window.__owned')).toBeUndefined();
    // Ticking "it is A's list" would allow it; unticked again, held again.
    await dialog.locator('[data-action="mismatch-ack"]').check();
    expect(await confirm.isEnabled()).toBe(true);
    await dialog.locator('[data-action="mismatch-ack"]').uncheck();
    expect(await confirm.isDisabled()).toBe(true);

    // "Nhận tệp này cho B": the preview again, for B, without the warning.
    await dialog.locator('[data-action="switch-unit"]').click();
    await dialog.locator('[data-preview="unit-mismatch"]').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await dialog.locator('[data-intake="preview"] h2').textContent()).toContain(`danh sách của ${b.unit.name}`);
    expect(await dialog.locator('[data-preview="added"] li').count()).toBe(2);
    const aRows = () =>
      (s.runtime.spreadsheet.localSheet('Đại biểu')?.getDataRange().getValues() ?? []).filter((r) =>
        r.some((c) => c === a.unit.code || c === a.unit.name),
      );
    const aBefore = JSON.stringify(aRows());
    await confirm.click();
    await dialog.locator('[data-intake="done"]').waitFor({ timeout: 30_000 });
    expect(JSON.stringify(aRows())).toBe(aBefore);
    // "Nhận danh sách đơn vị khác": back to choosing a unit and a file, nothing carried over.
    await dialog.locator('[data-action="next-unit"]').click();
    expect(await dialog.locator('#intake-unit').inputValue()).toBe('');
    expect(await dialog.locator('#intake-file').isEnabled()).toBe(true);
    expect(await dialog.locator('[data-intake="done"]').count()).toBe(0);
    await s.page.locator('#addin-dialog-close').click();
    await s.page.locator('#addin-dialog[open]').waitFor({ state: 'hidden', timeout: 10_000 });

    // Back to the sidebar with the mouse only: the count of units that have sent is read again.
    await s.page.mouse.move(5, 5);
    await s.sidebar.locator('h1, h2').first().hover();
    let now = '';
    for (let i = 0; i < 40 && !now.startsWith(`${sent + 1}/`); i++) {
      await s.page.waitForTimeout(250);
      now = (await sentSentence(s)) ?? '';
    }
    expect(now).toMatch(new RegExp(`^${sent + 1}/`));
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a list received while the sidebar never had the focus: the pointer over it reads the overview again, once', async () => {
  const s = await openPlayground();
  try {
    const form = forms(s)[3] as IntakeForm;
    const before = (await sentSentence(s)) ?? '';
    const sent = Number(/(\d+)\/\d+/.exec(before)?.[1]);
    // As "Nhận danh sách" from the menu does: the dialog's replace, the sidebar not involved.
    const choice = (key: string) => form.columns.find((c) => c.key === key)?.choices?.[0] ?? '';
    const row: Record<string, string> = {
      name: 'Vi Thị Hạnh',
      ethnic: form.ethnicGroups[0] ?? choice('ethnic'),
      gender: 'Nữ',
      kind: choice('kind'),
    };
    const table = [form.columns.map((c) => c.header), form.columns.map((c) => row[c.key] ?? null)];
    const answer = s.bundle.call('importSubmission', form.unit.code, table, { fileName: 'menu.xlsx', mode: 'replace' });
    expect(answer).toMatchObject({ ok: true, mode: 'replace' });
    const calls: string[] = [];
    s.page.on('request', (r) => {
      if (r.url().endsWith('/api/run')) calls.push(String((r.postDataJSON() as { fn?: string }).fn));
    });
    // Within the minute since the sidebar's first reading: the pointer over it reads nothing.
    await s.page.clock.install();
    await s.page.mouse.move(5, 5);
    await s.sidebar.locator('h1, h2').first().hover();
    await s.page.clock.runFor(1_000);
    await s.page.waitForTimeout(500);
    expect(calls).toEqual([]);
    // Later: the sidebar's clock moves past the minute since its first reading.
    await s.page.clock.fastForward(65_000);
    await s.page.mouse.move(5, 5);
    await s.sidebar.locator('h1, h2').first().hover();
    await s.page.clock.runFor(1_000);
    let now = '';
    for (let i = 0; i < 40 && !now.startsWith(`${sent + 1}/`); i++) {
      await s.page.waitForTimeout(250);
      now = (await sentSentence(s)) ?? '';
    }
    expect(now).toMatch(new RegExp(`^${sent + 1}/`));
    // Out and in again at once: no second reading.
    await s.page.mouse.move(5, 5);
    await s.sidebar.locator('h1, h2').first().hover();
    await s.page.clock.runFor(1_000);
    await s.page.waitForTimeout(500);
    expect(calls.filter((fn) => fn === 'getOverview')).toHaveLength(1);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

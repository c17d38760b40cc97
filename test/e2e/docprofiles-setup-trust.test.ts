/**
 * Setup on a workbook made before document profiles: the per-kind rows (and "Cấp số văn bản", the
 * legal-basis rows) are appended below the officer's last row of `Cấu hình`; no cell the officer
 * typed or decorated changes (whole-cell snapshots: value, formula, note, fill, format, validation,
 * weight), and the documents print as before until a per-kind row is filled.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import { SETTING_SPECS } from '../../src/domain/settings';
import { diff, snapshot } from '../trust/snapshot';

const NEW_KEYS = new Set(['numbering', 'foundingDecision', 'legalBasis']);
const isNew = (key: string) => key.includes('.') || NEW_KEYS.has(key);
const NEW_LABELS = SETTING_SPECS.filter((s) => isNew(s.key)).map((s) => s.label);

it('setup appends the profile rows below the officer’s rows and touches no user cell', () => {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: new Date('2024-01-05T09:00:00+07:00') });
  Object.assign(globalThis, runtime.globals);
  const ss = runtime.spreadsheet;
  const config = ss.getSheetByName('Cấu hình');
  if (!config) throw new Error('no Cấu hình');
  // A workbook of the previous version: without the new rows.
  const labels = config
    .getDataRange()
    .getValues()
    .map((r) => String(r[0]));
  for (let i = labels.length - 1; i >= 1; i--) if (NEW_LABELS.includes(labels[i] as string)) config.deleteRow(i + 1);
  // Decorated the way officers decorate: a note, a fill, a bold label, a formula beside, a row of their own.
  config.getRange('B3').setNote('theo Kế hoạch 45');
  config.getRange('A2:C2').setBackground('#fff2cc');
  config.getRange('A5').setFontWeight('bold');
  config.getRange('E2').setFormula('=B5*2');
  const last = config.getLastRow();
  config.getRange(last + 1, 1, 1, 3).setValues([['Ghi chú riêng', 'không xóa', 'của văn phòng']]);
  const before = snapshot(ss);
  const userLast = config.getLastRow();

  const result = runBundle(runtime, 'setupWorkbook').result as { addedSettings?: string[] };
  expect(result.addedSettings).toEqual(NEW_LABELS);
  const after = snapshot(ss);
  const changes = diff(before, after);
  // Every change is in `Cấu hình`, below the officer's last row (the rows it appended).
  const outside = changes.filter(
    (d) => d.sheet !== 'Cấu hình' || !d.cell || Number(/\d+/.exec(d.cell)?.[0]) <= userLast,
  );
  expect(outside).toEqual([]);
  expect(changes.length).toBeGreaterThan(0);
  const rows = config.getDataRange().getValues();
  expect(rows.slice(userLast).map((r) => r[0])).toEqual(NEW_LABELS);
  // Their values are blank (the general rows apply) except "Cấp số văn bản".
  expect(
    rows
      .slice(userLast)
      .filter((r) => r[1] !== '')
      .map((r) => r[0]),
  ).toEqual(['Cấp số văn bản']);
  // Run again: nothing more to add.
  const again = runBundle(runtime, 'setupWorkbook').result as { addedSettings?: string[] };
  expect(again.addedSettings ?? []).toEqual([]);
  expect(diff(after, snapshot(ss)).filter((d) => d.sheet === 'Cấu hình')).toEqual([]);
});

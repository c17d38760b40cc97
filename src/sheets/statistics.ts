/**
 * writeStatistics: rewrites the add-in's own sheet `Thống kê` whole (the composition's tables, the
 * seats by unit) and replaces the add-in's three charts on it.
 *
 * Reads `Cấu hình`, `Đơn vị`, `Dân tộc theo đơn vị`, `Đại biểu` and `Phân bổ` once each (the same
 * reads and counts as compositionSummary), then writes one block of number formats, one of values
 * and one of font weights over the new and the old extent, so shorter tables leave no stale rows.
 * The call count does not grow with the number of rows.
 *
 * The sheet is recognised by its id, recorded in the document properties when the add-in created
 * it (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetid,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getsheetbyidid): a
 * sheet named `Thống kê` (or a look-alike) that the add-in did not create is never written; the
 * action stops and says so. The add-in's charts are recognised by their ids, recorded the same
 * way (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getchartid);
 * a chart the officer added, on this sheet or elsewhere, is never touched.
 * Charts: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder.
 */

import { printedSeats } from '../domain/notice/figures';
import { a1, columnLetter, ProblemList } from '../domain/problem';
import { readAllocationTable, readUnits, UnitIndex } from '../domain/records';
import {
  buildStatisticsLayout,
  changedSince,
  digestWritten,
  type SeatsRow,
  STATISTICS_FORMATS,
  STATISTICS_WIDTH,
  type StatisticsLayout,
  statisticsGrids,
  type WrittenDigest,
} from '../domain/statistics';
import { isTotalLabel } from '../domain/text';
import { restoreInput, textInput } from '../domain/values';
import type { StatisticsResultDto } from '../rpc/contract';
import { STATISTICS_LABELS } from '../ui/vi';
import { writeAll } from './batch';
import { compositionOfGrids } from './composition';
import { UserError, withDocumentLock } from './lock';
import { readGrids, type Sheet, type Spreadsheet, sheetNameKey, timeZoneOffset, visibleName } from './workbook';

/** Document property holding the sheet id and chart ids of the add-in's `Thống kê`. */
export const STATISTICS_PROPERTY = 'dtts.statistics';

export interface StatisticsRecord {
  sheetId: number;
  chartIds: number[];
  /** What the add-in last wrote (absent in a record of an older version, or after a failed run). */
  written?: WrittenDigest;
}

function writtenOf(x: unknown): WrittenDigest | undefined {
  const w = x as Partial<WrittenDigest> | null;
  if (!w || typeof w.rows !== 'number' || !Array.isArray(w.segments)) return undefined;
  const segments = w.segments.filter(
    (s): s is [number, number, string] =>
      Array.isArray(s) && typeof s[0] === 'number' && typeof s[1] === 'number' && typeof s[2] === 'string',
  );
  return segments.length === w.segments.length ? { rows: w.rows, segments } : undefined;
}

type Properties = GoogleAppsScript.Properties.Properties;

/** The record as stored (raw, to put it back) and parsed; null when absent or unreadable. */
function loadRecord(properties: Properties): { raw: string | null; record: StatisticsRecord | null } {
  const raw = properties.getProperty(STATISTICS_PROPERTY);
  if (!raw) return { raw, record: null };
  try {
    const parsed = JSON.parse(raw) as Partial<StatisticsRecord>;
    if (typeof parsed.sheetId !== 'number') return { raw, record: null };
    const chartIds = Array.isArray(parsed.chartIds) ? parsed.chartIds.filter((x) => typeof x === 'number') : [];
    const written = writtenOf(parsed.written);
    return {
      raw,
      record: written ? { sheetId: parsed.sheetId, chartIds, written } : { sheetId: parsed.sheetId, chartIds },
    };
  } catch (e) {
    console.error('statistics record unreadable', e);
    return { raw, record: null };
  }
}

/**
 * Seats of each unit as `Phân bổ` shows them (Số chính thức), names from `Đơn vị`; total rows left out.
 * `typed`: the Số chính thức cell holds something that is not a number (as typed; the sidebar shows it so).
 */
export function seatsByUnit(
  allocation: unknown[][] | null,
  units: ReturnType<typeof readUnits>,
): (SeatsRow & { typed?: string })[] {
  const index = new UnitIndex(units);
  const { table, rows } = readAllocationTable(allocation as never, new ProblemList());
  // A code no longer in `Đơn vị` (recoded, merged): the name `Phân bổ` itself holds, never the code alone.
  const nameColumn = table.columns.name;
  const sheetName = (row: number) =>
    nameColumn === undefined ? '' : String(table.values[row - 1]?.[nameColumn] ?? '').trim();
  return rows.flatMap((r) => {
    const seats = printedSeats(r);
    const code = r.data.code ?? '';
    if (!code || seats === null || isTotalLabel(code)) return [];
    const name = index.resolve(code)?.data.name ?? (sheetName(r.row) || code);
    const finalColumn = table.columns.final;
    if (!r.invalid.has('final') || finalColumn === undefined) return [{ code, name, seats }];
    return [{ code, name, seats, typed: String(table.values[r.row - 1]?.[finalColumn] ?? '') }];
  });
}

export function runWriteStatistics(ss: Spreadsheet, now: Date = new Date()): StatisticsResultDto {
  return withDocumentLock(() => writeStatistics(ss, now), { flushedByAction: true });
}

function writeStatistics(ss: Spreadsheet, now: Date): StatisticsResultDto {
  const zone = timeZoneOffset(ss, now);
  const grids = readGrids(ss, ['config', 'units', 'unitEthnic', 'delegates', 'allocation']);
  if (grids.delegates === null) throw new UserError(STATISTICS_LABELS.noDelegateSheet);
  const summary = compositionOfGrids(grids, zone);
  const seats = seatsByUnit(grids.allocation, readUnits(grids.units, new ProblemList(), zone));
  const when = Utilities.formatDate(now, ss.getSpreadsheetTimeZone(), 'HH:mm dd/MM/yyyy');
  const layout = buildStatisticsLayout({ summary, seats, when });

  // Read before anything is written: without it the add-in could not tell its own sheet.
  const properties = PropertiesService.getDocumentProperties();
  const { raw, record } = loadRecord(properties);
  const own = record ? ss.getSheetById(record.sheetId) : null;
  const name = STATISTICS_LABELS.sheetName;
  const wanted = sheetNameKey(name);
  for (const sheet of ss.getSheets()) {
    const actual = sheet.getName();
    if (sheetNameKey(actual) !== wanted) continue;
    if (own && sheet.getSheetId() === record?.sheetId) continue;
    throw new UserError(STATISTICS_LABELS.notOurs(visibleName(actual)));
  }
  // The sheet is rewritten whole: cells the officer typed, sorted or inserted since the last run
  // would be lost, so nothing is written and the message names where.
  if (own && record?.written) {
    const data = own.getDataRange();
    const changed = changedSince(record.written, data.getValues(), data.getFormulas());
    if (changed) {
      const where =
        changed.numRows === 1 && changed.numColumns === 1
          ? a1(changed.row, changed.column)
          : `${a1(changed.row, changed.column)}:${columnLetter(changed.column + changed.numColumns - 1)}${changed.row + changed.numRows - 1}`;
      throw new UserError(STATISTICS_LABELS.changedByHand(visibleName(own.getName()), where));
    }
  }

  let chartIds: number[] = [];
  const sheet = writeAll(STATISTICS_LABELS.what, (batch) => {
    let target = own;
    if (!target) {
      const created = ss.insertSheet(name, ss.getSheets().length);
      batch.custom(
        () => undefined,
        () => ss.deleteSheet(created),
      );
      // Warning-only: Sheets warns whoever edits the sheet that it is rewritten at each update
      // (https://developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly);
      // scripts are not stopped by it. Deleted with the sheet if the run fails.
      created.protect().setDescription(STATISTICS_LABELS.protection).setWarningOnly(true);
      target = created;
    }
    writeCells(target, layout, batch);
    // Read back as Sheets stores it: the digest the next run compares the sheet with.
    const written = digestWritten(layout, target.getRange(1, 1, layout.rows.length, STATISTICS_WIDTH).getValues());
    // Column widths: layout only (not put back on failure; a sheet created here is deleted then).
    target.setColumnWidth(1, 280);
    target.setColumnWidth(2, 190);
    target.setColumnWidths(3, 3, 110);
    chartIds = replaceCharts(
      target,
      layout,
      own ? (record?.chartIds ?? []) : [],
      own ? record?.written : undefined,
      properties,
      batch,
    );
    // Recorded inside the batch: a sheet or charts the record does not name would later be taken
    // for the officer's (never replaced, a new sheet refused), so a failure here undoes the rest.
    const next = JSON.stringify({ sheetId: target.getSheetId(), chartIds, written } satisfies StatisticsRecord);
    batch.custom(
      () => properties.setProperty(STATISTICS_PROPERTY, next),
      () =>
        raw === null
          ? properties.deleteProperty(STATISTICS_PROPERTY)
          : properties.setProperty(STATISTICS_PROPERTY, raw),
    );
    return target;
  });
  try {
    sheet.activate();
  } catch (e) {
    // Showing the sheet is a courtesy; the sheet is written.
    console.error('activating the statistics sheet failed', e);
  }
  return {
    ok: true,
    message: [
      STATISTICS_LABELS.written(summary.total, layout.charts.length, name),
      ...layout.omitted.map((o) =>
        STATISTICS_LABELS.chartOmitted(
          STATISTICS_LABELS.charts[o.key],
          o.bars,
          o.key === 'seats' ? STATISTICS_LABELS.seats : STATISTICS_LABELS.byEthnic,
        ),
      ),
    ].join(' '),
    sheet: name,
    total: summary.total,
    charts: layout.charts.length,
    notes: summary.notes,
  };
}

type Batch = Parameters<Parameters<typeof writeAll>[1]>[0];

/**
 * Writes the tables over the new and the old extent: one read of what is there (to put it back if a
 * later write fails), then one block each of number formats (first, so text stays text), values
 * and font weights.
 */
function writeCells(sheet: Sheet, layout: StatisticsLayout, batch: Batch): void {
  const next = statisticsGrids(layout);
  const oldRows = sheet.getLastRow();
  const oldColumns = sheet.getLastColumn();
  const height = Math.max(next.values.length, oldRows);
  const width = Math.max(STATISTICS_WIDTH, oldColumns);
  const maxRows = sheet.getMaxRows();
  if (height > maxRows) batch.insertRowsAfter(sheet, maxRows, height - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns)
    batch.custom(
      () => sheet.insertColumnsAfter(maxColumns, width - maxColumns),
      () => sheet.deleteColumns(maxColumns + 1, width - maxColumns),
    );
  const range = sheet.getRange(1, 1, height, width);
  const oldValues = range.getValues();
  const oldFormulas = range.getFormulas();
  const oldFormats = range.getNumberFormats();
  const oldWeights = range.getFontWeights();
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const weights: string[][] = [];
  for (let i = 0; i < height; i++) {
    const v: unknown[] = [];
    const f: string[] = [];
    const w: string[] = [];
    for (let j = 0; j < width; j++) {
      const value = next.values[i]?.[j] ?? '';
      const format = next.formats[i]?.[j] ?? STATISTICS_FORMATS.text;
      v.push(typeof value === 'string' ? textInput(value, format === STATISTICS_FORMATS.text) : value);
      f.push(format);
      w.push(next.weights[i]?.[j] ?? 'normal');
    }
    values.push(v);
    formats.push(f);
    weights.push(w);
  }
  const previous = oldValues.map((row, i) =>
    row.map((value, j) =>
      restoreInput(value, oldFormulas[i]?.[j] ?? '', oldFormats[i]?.[j] === STATISTICS_FORMATS.text),
    ),
  );
  batch.numberFormats(range, formats, oldFormats);
  batch.values(range, values, previous);
  batch.custom(
    () => range.setFontWeights(weights as GoogleAppsScript.Spreadsheet.FontWeight[][]),
    () => range.setFontWeights(oldWeights),
  );
}

/**
 * Removes the add-in's previous charts on the sheet (ids recorded) and inserts the new ones; the
 * officer's charts stay. Returns the ids of the add-in's charts now on the sheet.
 */
function replaceCharts(
  sheet: Sheet,
  layout: StatisticsLayout,
  recorded: readonly number[],
  /** The record's digest of the cells, still true once the cells are put back. */
  written: WrittenDigest | undefined,
  properties: Properties,
  batch: Batch,
): number[] {
  const before = sheet.getCharts();
  const officer = new Set<number>();
  const ours = before.filter((chart) => {
    const id = chart.getChartId();
    if (id !== null && !recorded.includes(id)) officer.add(id);
    return id !== null && recorded.includes(id);
  });
  if (ours.length > 0)
    // Runs last when the batch is undone, after the removed charts are put back: they come back
    // with new ids, which the record must name, or the next run would keep them as the officer's.
    batch.custom(
      () => undefined,
      () => {
        const ids = sheet
          .getCharts()
          .map((c) => c.getChartId())
          .filter((id): id is number => id !== null && !officer.has(id));
        properties.setProperty(
          STATISTICS_PROPERTY,
          JSON.stringify({ sheetId: sheet.getSheetId(), chartIds: ids, written } satisfies StatisticsRecord),
        );
      },
    );
  for (const chart of ours) {
    batch.custom(
      () => sheet.removeChart(chart),
      () => sheet.insertChart(chart),
    );
  }
  // One inverse for every chart inserted below, registered ahead of them: it removes the charts that
  // are neither the officer's nor restored ones, so a failure after any number of inserts is undone.
  const kept = (): Set<number> =>
    new Set(
      sheet
        .getCharts()
        .map((c) => c.getChartId())
        .filter((id): id is number => id !== null),
    );
  let present: Set<number> | null = null;
  batch.custom(
    () => {
      present = kept();
    },
    () => {
      for (const c of sheet.getCharts()) {
        const id = c.getChartId();
        if (id !== null && !present?.has(id)) sheet.removeChart(c);
      }
    },
  );
  for (const spec of layout.charts) {
    const r = spec.range;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType[spec.type])
      .addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns))
      .setNumHeaders(1)
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption('title', spec.title)
      .setOption('hAxis.title', spec.hAxisTitle)
      .setOption('vAxis.title', spec.vAxisTitle)
      .setOption('legend', { position: 'none' })
      .setOption('width', 600)
      .setOption('height', spec.height)
      .build();
    sheet.insertChart(chart);
  }
  if (layout.charts.length === 0) return [];
  return sheet
    .getCharts()
    .map((c) => c.getChartId())
    .filter((id): id is number => id !== null && !officer.has(id));
}

/**
 * Embedded charts of a sheet, recorded as Google records them: a type, data ranges, options, a
 * position (anchor cell and pixel offsets), the number of header rows and whether rows and columns
 * are transposed. Nothing is drawn here; the playground draws a chart from its ranges' current values.
 *
 * References read:
 * - Sheet.newChart / insertChart / getCharts / removeChart / updateChart:
 *   https://developers.google.com/apps-script/reference/spreadsheet/sheet#newchart
 * - EmbeddedChartBuilder ("Changes made to the chart are not saved until Sheet.updateChart(chart) is
 *   called on the rebuilt chart"; addRange "does not add the range if it has already been added";
 *   build "does not automatically draw the chart on top of the spreadsheet. A new chart must be
 *   inserted via sheet.insertChart(chart)"):
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * - EmbeddedChart (getChartId: "a stable identifier for the chart that is unique across the
 *   spreadsheet containing the chart or null if the chart is not in a spreadsheet"; getContainerInfo,
 *   getOptions, getRanges, getNumHeaders, getTransposeRowsAndColumns, modify):
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * - ContainerInfo (getAnchorColumn, getAnchorRow, getOffsetX, getOffsetY):
 *   https://developers.google.com/apps-script/reference/spreadsheet/container-info
 * - ChartOptions.get(option): https://developers.google.com/apps-script/reference/charts/chart-options
 * - Charts.ChartType: https://developers.google.com/apps-script/reference/charts/chart-type
 *
 * Not carried by the runtime's .xlsx export (local/xlsx.ts): exceljs cannot write charts, so a
 * workbook saved from the playground keeps the tables and loses the charts; the charts live in the
 * runtime's state (and the playground's /api/state) only.
 */
import type { GridRect } from './a1';
import { rectToA1 } from './a1';
import { describeArgumentTypes, messages, ServiceError } from './errors';
import { LocalRange } from './range';
import { asGas, asLocal, EnumValue, enumObjectsOf, SERVICE_NAME, ServiceObject } from './service';
import type { LocalSheet } from './sheet';

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Charts.ChartType (https://developers.google.com/apps-script/reference/charts/chart-type). */
export const ChartType = enumObjectsOf([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
export type ChartTypeName = keyof typeof ChartType;

const CHART_IDS = new WeakMap<object, number>();

/** The next chart id of a spreadsheet (Google's ids are large integers, unique in the spreadsheet). */
export function nextChartId(spreadsheet: object): number {
  const next = (CHART_IDS.get(spreadsheet) ?? 0) + 1;
  CHART_IDS.set(spreadsheet, next);
  return 1_000_000 + next * 7919;
}

/** The `Charts` global as far as embedded charts need it (its ChartType enum). */
export const Charts = Object.freeze({ ChartType });

/** Messages of errors the chart calls raise (stricter than Google where Google's text is unknown). */
export const chartMessages = {
  noRanges: () => 'A chart must have at least one data range.',
  noType: () => 'A chart type must be set before the chart is built.',
  notOnSheet: () => 'The chart does not exist on this sheet.',
  rangeOfOtherSpreadsheet: () => 'The range belongs to another spreadsheet.',
};

/** What a chart is, as recorded: the same for a builder and a built chart. */
export interface ChartSpec {
  type: ChartTypeName | null;
  ranges: { sheet: LocalSheet; rect: GridRect }[];
  options: Map<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

function copySpec(s: ChartSpec): ChartSpec {
  return {
    type: s.type,
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: new Map(s.options),
    position: { ...s.position },
    numHeaders: s.numHeaders,
    transpose: s.transpose,
  };
}

/** A chart as plain data (tests, playground state): type, A1 ranges with sheet names, options, position. */
export interface ChartRecord {
  chartId: number | null;
  type: ChartTypeName | null;
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartSpec['position'];
  numHeaders: number;
  transpose: boolean;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function chartTypeName(type: unknown, method: string): ChartTypeName {
  const name = type instanceof EnumValue ? type.name() : '';
  if (!(name in ChartType)) {
    // Apps Script takes the enum value only, not its name as a string.
    throw new ServiceError(messages.badParameters(describeArgumentTypes([type]), method));
  }
  return name as ChartTypeName;
}

/** ContainerInfo: where a chart sits (https://developers.google.com/apps-script/reference/spreadsheet/container-info). */
export class LocalContainerInfo extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'ContainerInfo';
  }
  constructor(private readonly position: ChartSpec['position']) {
    super();
  }
  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }
  getAnchorRow(): number {
    return this.position.anchorRow;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

/** ChartOptions: read-only view of a chart's options (https://developers.google.com/apps-script/reference/charts/chart-options). */
export class LocalChartOptions extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'ChartOptions';
  }
  constructor(private readonly options: ReadonlyMap<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    const v = this.options.get(String(option));
    return v === undefined ? null : v;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

/**
 * EmbeddedChartBuilder. asBarChart()/asColumnChart()/asPieChart() return this same builder with the
 * type set (Google returns a typed builder with more setters; the add-in uses only the common ones).
 */
export class LocalEmbeddedChartBuilder extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'EmbeddedChartBuilder';
  }

  private readonly spec: ChartSpec;

  constructor(
    private readonly sheet: LocalSheet,
    spec: ChartSpec | null,
    /** The chart being modified (modify()), whose id the built chart keeps. */
    private readonly chartId: number | null = null,
  ) {
    super();
    this.spec = spec
      ? copySpec(spec)
      : {
          type: null,
          ranges: [],
          options: new Map(),
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          numHeaders: -1,
          transpose: false,
        };
  }

  private get self(): GasBuilder {
    return asGas(this);
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): GasBuilder {
    const r = asLocal(LocalRange, range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    if (r.sheet.spreadsheet !== this.sheet.spreadsheet) throw new ServiceError(chartMessages.rangeOfOtherSpreadsheet());
    const same = this.spec.ranges.some(
      (x) =>
        x.sheet === r.sheet &&
        x.rect.row === r.rect.row &&
        x.rect.column === r.rect.column &&
        x.rect.numRows === r.rect.numRows &&
        x.rect.numColumns === r.rect.numColumns,
    );
    if (!same) this.spec.ranges.push({ sheet: r.sheet, rect: { ...r.rect } });
    return this.self;
  }

  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GasBuilder {
    const r = asLocal(LocalRange, range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    const i = this.spec.ranges.findIndex(
      (x) =>
        x.sheet === r.sheet &&
        x.rect.row === r.rect.row &&
        x.rect.column === r.rect.column &&
        x.rect.numRows === r.rect.numRows &&
        x.rect.numColumns === r.rect.numColumns,
    );
    if (i >= 0) this.spec.ranges.splice(i, 1);
    return this.self;
  }

  clearRanges(): GasBuilder {
    this.spec.ranges.length = 0;
    return this.self;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.spec.ranges.map((r) => asGas(new LocalRange(r.sheet, { ...r.rect })));
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GasBuilder {
    this.spec.type = chartTypeName(type, 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    return this.self;
  }

  getChartType(): EnumValue | null {
    return this.spec.type ? ChartType[this.spec.type] : null;
  }

  asBarChart(): GasBuilder {
    this.spec.type = 'BAR';
    return this.self;
  }

  asColumnChart(): GasBuilder {
    this.spec.type = 'COLUMN';
    return this.self;
  }

  asPieChart(): GasBuilder {
    this.spec.type = 'PIE';
    return this.self;
  }

  /** Options by dotted name ('title', 'hAxis.title'); values are stored as given (plain data). */
  setOption(option: string, value: unknown): GasBuilder {
    if (typeof option !== 'string') {
      throw new ServiceError(
        messages.badParameters(describeArgumentTypes([option, value]), 'SpreadsheetApp.EmbeddedChartBuilder.setOption'),
      );
    }
    this.spec.options.set(option, structuredClone(value));
    return this.self;
  }

  /** anchorRowPos / anchorColPos are 1-based cells of the chart's sheet; offsets in pixels. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasBuilder {
    const nums = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (nums.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      throw new ServiceError(
        messages.badParameters(describeArgumentTypes(nums), 'SpreadsheetApp.EmbeddedChartBuilder.setPosition'),
      );
    }
    if (anchorRowPos < 1 || anchorColPos < 1) throw new ServiceError(messages.invalidArgument('anchorRowPos'));
    this.spec.position = {
      anchorRow: Math.trunc(anchorRowPos),
      anchorColumn: Math.trunc(anchorColPos),
      offsetX: Math.trunc(offsetX),
      offsetY: Math.trunc(offsetY),
    };
    return this.self;
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new LocalContainerInfo({ ...this.spec.position }));
  }

  setNumHeaders(headers: number): GasBuilder {
    this.spec.numHeaders = Math.trunc(Number(headers));
    return this.self;
  }

  setTransposeRowsAndColumns(transpose: boolean): GasBuilder {
    this.spec.transpose = Boolean(transpose);
    return this.self;
  }

  /** A chart with every change made; not on any sheet until insertChart / updateChart. */
  build(): GasChart {
    if (this.spec.type === null) throw new ServiceError(chartMessages.noType());
    if (this.spec.ranges.length === 0) throw new ServiceError(chartMessages.noRanges());
    return asGas(new LocalEmbeddedChart(this.sheet, copySpec(this.spec), this.chartId));
  }
}

/** EmbeddedChart: a built chart; chartId is null until it is inserted into a sheet. */
export class LocalEmbeddedChart extends ServiceObject {
  get [SERVICE_NAME]() {
    return 'EmbeddedChart';
  }

  constructor(
    readonly sheet: LocalSheet,
    readonly spec: ChartSpec,
    public chartId: number | null,
  ) {
    super();
  }

  getChartId(): number | null {
    return this.chartId;
  }

  getType(): string {
    return 'EMBEDDED_CHART';
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.spec.ranges.map((r) => asGas(new LocalRange(r.sheet, { ...r.rect })));
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asGas(new LocalChartOptions(new Map(this.spec.options)));
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new LocalContainerInfo({ ...this.spec.position }));
  }

  getNumHeaders(): number {
    return this.spec.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }

  modify(): GasBuilder {
    return asGas(new LocalEmbeddedChartBuilder(this.sheet, this.spec, this.chartId));
  }

  /** Plain record (local API). */
  record(): ChartRecord {
    return {
      chartId: this.chartId,
      type: this.spec.type,
      ranges: this.spec.ranges.map((r) => `${quoteSheet(r.sheet.getName())}!${rectToA1(r.rect)}`),
      options: Object.fromEntries(this.spec.options),
      position: { ...this.spec.position },
      numHeaders: this.spec.numHeaders,
      transpose: this.spec.transpose,
    };
  }
}

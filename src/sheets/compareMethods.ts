/**
 * "So sánh phương pháp": the six apportionment methods on the current `Cấu hình` and `Đơn vị`, checked
 * and planned exactly as "Phân bổ đại biểu" plans them (same house size, fixed seats and bounds).
 * Reads two sheets (one read each); writes nothing.
 */

import { apportionInputOf, planAllocation } from '../domain/allocation';
import { compareMethods } from '../domain/compareMethods';
import { parseOffset } from '../domain/dates';
import { ProblemList } from '../domain/problem';
import { checkOfficialTotalRow, readSettingsWithCells, readUnits } from '../domain/records';
import { afterColon } from '../domain/text';
import type { CompareMethodsResultDto } from '../rpc/contract';
import { COMPARE_MESSAGES } from '../ui/vi';
import { readGrids, type Spreadsheet, timeZoneOffset } from './workbook';

export function runCompareMethods(ss: Spreadsheet): CompareMethodsResultDto {
  const tz = timeZoneOffset(ss);
  // The zone at each date met, as allocate.ts reads it
  // (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
  const zoneName = ss.getSpreadsheetTimeZone();
  const zone = (ms: number) => parseOffset(Utilities.formatDate(new Date(ms), zoneName, 'Z'));
  const grids = readGrids(ss, ['config', 'units']);
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, tz, problems);
  checkOfficialTotalRow(grids.config, cells, problems);
  const units = readUnits(grids.units, problems, zone);
  const empty = (message: string): CompareMethodsResultDto => ({
    ok: false,
    message,
    houseSize: 0,
    configured: settings.method,
    units: [],
    methods: [],
    problems: problems.items,
  });
  const errors = () =>
    problems.items.filter((p) => p.severity === 'error').map((p) => ({ ...p, message: afterColon(p.message) }));
  if (errors().length > 0) return empty(COMPARE_MESSAGES.blocked(errors()));
  const plan = planAllocation(settings, cells, units, [], [], problems);
  if (!plan.ok) return empty(COMPARE_MESSAGES.blocked(errors()));
  const input = apportionInputOf(
    units.filter((u) => u.data.code),
    settings,
  );
  const comparison = compareMethods(input, plan.houseSize, settings.method);
  return {
    ok: true,
    message: COMPARE_MESSAGES.done(input.length, plan.houseSize),
    houseSize: comparison.houseSize,
    configured: comparison.configured,
    units: plan.rows.map((r) => ({ code: r.code, name: r.name, population: r.dttsPopulation, quota: r.quota })),
    methods: comparison.methods,
    problems: problems.items,
  };
}

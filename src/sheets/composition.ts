/**
 * compositionSummary: the composition of the congress from `Đại biểu`, `Đơn vị`, `Dân tộc theo đơn vị`
 * and `Cấu hình`, one read per sheet. Writes nothing.
 */
import { ageBandsFrom, DEFAULT_AGE_LIMITS, parseAgeLimits, summarizeComposition } from '../domain/composition';
import { ProblemList } from '../domain/problem';
import {
  type Grid,
  readDelegates,
  readSettingsWithCells,
  readUnitEthnic,
  readUnits,
  UnitIndex,
} from '../domain/records';
import { locateTable } from '../domain/table';
import { SHEETS } from '../domain/template';
import type { CompositionSummaryDto } from '../rpc/contract';
import { COMPOSITION_LABELS } from '../ui/vi';
import { seatsByUnit } from './statistics';
import { readGrids, type Spreadsheet, timeZoneOffset } from './workbook';

/**
 * Also reads `Phân bổ` (one read, only when the officer opens "Cơ cấu đại biểu"): each unit's Số chính
 * thức as the sheet holds it, so the sidebar shows the allocation whenever there is one.
 */
export function runCompositionSummary(ss: Spreadsheet, now: Date = new Date()): CompositionSummaryDto {
  const zone = timeZoneOffset(ss, now);
  const grids = readGrids(ss, ['config', 'units', 'unitEthnic', 'delegates', 'allocation']);
  const allocation = seatsByUnit(grids.allocation, readUnits(grids.units, new ProblemList(), zone));
  return { ...compositionOfGrids(grids, zone), allocation };
}

/** The composition from grids already read (writeStatistics reads `Phân bổ` with them, one read per sheet). */
export function compositionOfGrids(
  grids: Record<'config' | 'units' | 'unitEthnic' | 'delegates', Grid>,
  zone: number,
): CompositionSummaryDto {
  const ignored = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, zone, ignored);
  const limits = parseAgeLimits(settings.ageBands);
  const units = readUnits(grids.units, ignored, zone);
  const index = new UnitIndex(units);
  const unitEthnic = readUnitEthnic(grids.unitEthnic, index, ignored);
  const delegates = readDelegates(grids.delegates, index, ignored, zone);
  const headerRow = locateTable(SHEETS.delegates, grids.delegates, new ProblemList()).headerRow;
  const summary = summarizeComposition({
    delegates,
    units,
    unitEthnic,
    year: settings.year,
    bands: ageBandsFrom(limits && limits.length > 0 ? limits : DEFAULT_AGE_LIMITS),
    partyRequired: settings.requiredProfileFields.includes('partyMember'),
    delegateGrid: grids.delegates,
    headerRow,
  });
  const notes: string[] = settings.year === null ? [COMPOSITION_LABELS.noYear] : [];
  if (limits === null) notes.push(COMPOSITION_LABELS.badAgeBands(settings.ageBands, cells.ageBands ?? ''));
  if (grids.delegates === null) return { ...summary, ok: false, message: COMPOSITION_LABELS.noDelegateSheet, notes };
  return {
    ...summary,
    minWomenShare: settings.minWomenShare,
    ok: true,
    message: COMPOSITION_LABELS.summary(summary.total, summary.byEthnicGroup.length),
    notes,
  };
}

/**
 * "Phân bổ đại biểu": reads `Cấu hình`, `Đơn vị`, `Phân bổ` and `Đại biểu`, apportions, and
 * writes the computed columns of `Phân bổ`. The user's `Điều chỉnh` and `Ghi chú` (and any extra
 * column) are never written: each contiguous run of computed columns is one setValues.
 */
import { type AllocationPlan, type AllocationRow, planAllocation } from '../domain/allocation';
import { METHOD_NAMES } from '../domain/apportion';
import { ProblemList } from '../domain/problem';
import { readAllocationTable, readDelegates, readSettingsWithCells, readUnits, UnitIndex } from '../domain/records';
import type { Table } from '../domain/table';
import { SHEETS } from '../domain/template';
import { foldKey } from '../domain/text';
import type { CellValue } from '../domain/values';
import type { AllocationResultDto } from '../rpc/contract';
import { type WriteBatch, writeAll } from './batch';
import { withDocumentLock } from './lock';
import { setupWorkbook } from './setup';
import { saveState } from './state';
import { findSheet, readGrid, readGrids, type Spreadsheet, timeZoneOffset } from './workbook';

const COMPUTED = SHEETS.allocation.columns.filter((c) => c.computed).map((c) => c.key);

function computedValue(row: AllocationRow, key: string): CellValue {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'dttsPopulation':
      return row.dttsPopulation;
    case 'quota':
      return Math.round(row.quota * 100) / 100;
    case 'seats':
      return row.seats;
    case 'final':
      return row.final;
    case 'registered':
      return row.registered;
    case 'difference':
      return row.difference;
    default:
      return '';
  }
}

/** Groups 0-based column indices into contiguous runs: [2,3,4,7,8] → [[2,3,4],[7,8]]. */
export function contiguousRuns(columns: readonly number[]): number[][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === (last[last.length - 1] as number) + 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Writes the plan into `Phân bổ`: existing rows keep their place (matched by code), new units are appended. */
function writeAllocation(ss: Spreadsheet, plan: AllocationPlan, table: Table, batch: WriteBatch): void {
  const sheet = findSheet(ss, 'allocation');
  if (!sheet) throw new Error('Phân bổ sheet missing after setup');
  const codeCol = table.columns.code as number;
  const firstData = table.headerRow; // 0-based index of the first data row
  const rowOfCode = new Map<string, number>();
  let lastUsed = firstData - 1;
  for (let r = firstData; r < table.values.length; r++) {
    const cells = table.values[r] as CellValue[];
    if (cells.some((v) => v !== '' && v !== null)) lastUsed = r;
    const code = cells[codeCol];
    if (typeof code === 'string' || typeof code === 'number') {
      const key = foldKey(String(code));
      if (key && !rowOfCode.has(key)) rowOfCode.set(key, r);
    }
  }
  const target = new Map<number, AllocationRow>();
  let next = lastUsed + 1;
  for (const row of plan.rows) {
    const at = rowOfCode.get(foldKey(row.code));
    target.set(at ?? next++, row);
  }
  const lastRow = Math.max(next - 1, lastUsed);
  if (lastRow < firstData) return;
  const needed = lastRow + 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const columns = COMPUTED.map((k) => table.columns[k]).filter((c): c is number => c !== undefined);
  const keyAt = new Map(COMPUTED.map((k) => [table.columns[k], k]));
  for (const run of contiguousRuns(columns)) {
    const block: CellValue[][] = [];
    const previous: CellValue[][] = [];
    for (let r = firstData; r <= lastRow; r++) {
      previous.push(run.map((c) => (table.values[r] ?? [])[c] ?? ''));
      const planned = target.get(r);
      const existing = (table.values[r] ?? []) as CellValue[];
      const orphan = !planned && rowOfCode.has(foldKey(String(existing[codeCol] ?? ''))) && existing[codeCol] !== '';
      block.push(
        run.map((c) => {
          const key = keyAt.get(c) as string;
          if (planned) return computedValue(planned, key);
          // A unit no longer in `Đơn vị`: keep its code and name, clear its numbers.
          if (orphan) return key === 'code' || key === 'name' ? (existing[c] ?? '') : '';
          return existing[c] ?? '';
        }),
      );
    }
    batch.values(sheet.getRange(firstData + 1, (run[0] as number) + 1, block.length, run.length), block, previous);
  }
}

function toDto(plan: AllocationPlan, problems: ProblemList, message: string, method: string): AllocationResultDto {
  return {
    ok: plan.ok,
    message,
    method,
    methodName: METHOD_NAMES[method as keyof typeof METHOD_NAMES]?.vi ?? method,
    houseSize: plan.houseSize,
    fixedSeats: plan.fixedSeats,
    rows: plan.rows.map((r) => ({
      code: r.code,
      name: r.name,
      dttsPopulation: r.dttsPopulation,
      quota: r.quota,
      seats: r.seats,
      adjustment: r.adjustment,
      final: r.final,
      registered: r.registered,
      difference: r.difference,
    })),
    explanation: plan.explanation,
    tied: plan.result?.tied ?? [],
    problems: problems.items,
  };
}

/** Reads, apportions and writes. Blocking errors in `Cấu hình` or `Đơn vị` mean nothing is written. */
export function runAllocation(ss: Spreadsheet): AllocationResultDto {
  const tz = timeZoneOffset(ss);
  const grids = readGrids(ss, ['config', 'units', 'allocation', 'delegates']);
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(grids.config, tz, problems);
  const units = readUnits(grids.units, problems);
  const index = new UnitIndex(units);
  const previous = readAllocationTable(grids.allocation, new ProblemList());
  const delegates = readDelegates(grids.delegates, index, new ProblemList());
  const blocking = problems.items.filter((p) => p.severity === 'error');
  if (blocking.length > 0) {
    const first = blocking[0];
    const plan: AllocationPlan = {
      ok: false,
      houseSize: 0,
      fixedSeats: [],
      rows: [],
      result: null,
      explanation: [],
    };
    const where = first ? ` (trang "${first.sheet}"${first.cell ? `, ô ${first.cell}` : ''})` : '';
    const msg = `Chưa phân bổ: có ${blocking.length} lỗi cần sửa trước${where}: ${first?.message ?? ''}`;
    return toDto(plan, problems, msg, settings.method);
  }
  const plan = planAllocation(settings, cells, units, previous.rows, delegates, problems);
  if (!plan.ok) {
    return toDto(
      plan,
      problems,
      `Chưa phân bổ: ${problems.items.find((p) => p.severity === 'error')?.message ?? ''}`,
      settings.method,
    );
  }
  withDocumentLock(() => {
    let table = previous.table;
    const missingColumn = COMPUTED.some((k) => table.columns[k] === undefined) || !table.present;
    if (missingColumn) {
      setupWorkbook(ss);
      table = readAllocationTable(readGrid(ss, 'allocation'), new ProblemList()).table;
    }
    writeAll(`trang "${SHEETS.allocation.name}"`, (batch) => writeAllocation(ss, plan, table, batch));
    saveState('allocation', {
      at: new Date().toISOString(),
      officialTotal: settings.officialTotal,
      method: settings.method,
    });
  });
  const total = plan.rows.reduce((s, r) => s + r.final, 0);
  const message = `Đã phân bổ ${total} đại biểu cho ${plan.rows.length} đơn vị theo ${METHOD_NAMES[settings.method].vi}.`;
  return toDto(plan, problems, message, settings.method);
}

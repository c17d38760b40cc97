/** A problem found in the workbook: where it is, how bad, what to do (the sidebar gets it as is). */
import type { ProblemDto, Severity } from '../rpc/contract';

export type { Severity };
export type Problem = ProblemDto;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo' };

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 reference from 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Collects problems; rules call `error` / `warning`. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(severity: Severity, rule: string, sheet: string, cell: string, message: string, suggestion = ''): void {
    this.items.push({ severity, sheet, cell, message, suggestion, rule });
  }

  error(rule: string, sheet: string, cell: string, message: string, suggestion = ''): void {
    this.add('error', rule, sheet, cell, message, suggestion);
  }

  warning(rule: string, sheet: string, cell: string, message: string, suggestion = ''): void {
    this.add('warning', rule, sheet, cell, message, suggestion);
  }

  get errorCount(): number {
    return this.items.filter((p) => p.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.length - this.errorCount;
  }
}

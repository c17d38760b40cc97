/** The workbook of the allocmarks tests: a marked last unit row of `Phân bổ` and a new unit in `Đơn vị`. */
import { type CorpusWorkbook, column, corpusWorkbook, FILL, sheet } from '../trust/corpus';

export const BASE = corpusWorkbook('Lạng Sơn (huyện) decorated, with a Tổng cộng row under the units');
export const ALLOCATION = 'Phân bổ';
/** The last unit row of `Phân bổ` in the corpus (Đình Lập); a blank row and "Tổng cộng" follow. */
export const LAST_UNIT_ROW = 12;

interface Options {
  /** The officer deletes the rows under the units (the new unit's row is appended after the last row). */
  noRowsBelow?: boolean;
}

/**
 * The corpus workbook where validation will mark the last unit row (Đình Lập's Điều chỉnh set to 1
 * after the allocation: its Số chính thức no longer adds up), the officer coloured that row's `Ghi chú`
 * in Google's light red (the mark's own colour, theirs) and added a unit, "Mẫu Sơn", in `Đơn vị`.
 */
export function scenario(options: Options = {}): CorpusWorkbook {
  return {
    ...BASE,
    name: `${BASE.name}, a marked last unit row and a new unit`,
    build() {
      const ss = BASE.build();
      const alloc = sheet(ss, ALLOCATION);
      alloc.getRange(LAST_UNIT_ROW, column(alloc, 'Điều chỉnh')).setValue(1);
      alloc.getRange(LAST_UNIT_ROW, column(alloc, 'Ghi chú')).setBackground(FILL.lightRed);
      if (options.noRowsBelow) alloc.deleteRows(LAST_UNIT_ROW + 1, alloc.getMaxRows() - LAST_UNIT_ROW);
      const units = sheet(ss, 'Đơn vị');
      const row = 13; // the blank row above the officer's "Tổng cộng" in `Đơn vị`
      units.getRange(row, column(units, 'Mã đơn vị')).setValue('MS');
      units.getRange(row, column(units, 'Tên đơn vị')).setValue('Mẫu Sơn');
      units.getRange(row, column(units, 'Dân số')).setValue(21000);
      units.getRange(row, column(units, 'Dân số DTTS')).setValue(19500);
      return ss;
    },
  };
}

/**
 * RangeList: several ranges changed by one call (https://developers.google.com/apps-script/reference/spreadsheet/range-list).
 * One counted call ("RangeList.setBackground"); the cells of every range are counted. Every range
 * is checked against protections before any is changed, so a refused call changes nothing.
 */
import type { LocalRange } from './range';
import { asGas, SERVICE_NAME, ServiceObject } from './service';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** Methods of Google's RangeList this class implements. */
export type RangeListMethods =
  | 'activate'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNumberFormat'
  | 'setValue'
  | 'setWrap';

/** A list of ranges, possibly on several sheets' of one spreadsheet. */
export class LocalRangeList extends ServiceObject implements Pick<GasRangeList, RangeListMethods> {
  get [SERVICE_NAME]() {
    return 'RangeList';
  }

  constructor(readonly ranges: readonly LocalRange[]) {
    super();
  }

  private each(fn: (r: LocalRange) => unknown): GasRangeList {
    for (const r of this.ranges) r.sheet.assertEditable(r.rect);
    for (const r of this.ranges) fn(r);
    return asGas(this);
  }

  getRanges(): GasRange[] {
    return this.ranges.map((r) => asGas<GasRange>(r));
  }

  activate(): GasRangeList {
    const last = this.ranges[this.ranges.length - 1];
    if (last) last.activate();
    return asGas(this);
  }

  breakApart(): GasRangeList {
    return this.each((r) => r.breakApart());
  }

  clear(options?: Parameters<LocalRange['clear']>[0]): GasRangeList {
    return this.each((r) => r.clear(options));
  }

  clearContent(): GasRangeList {
    return this.each((r) => r.clearContent());
  }

  clearDataValidations(): GasRangeList {
    return this.each((r) => r.clearDataValidations());
  }

  clearFormat(): GasRangeList {
    return this.each((r) => r.clearFormat());
  }

  clearNote(): GasRangeList {
    return this.each((r) => r.clearNote());
  }

  setBackground(color: string | null): GasRangeList {
    return this.each((r) => r.setBackground(color));
  }

  setFontColor(color: string | null): GasRangeList {
    return this.each((r) => r.setFontColor(color));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRangeList {
    return this.each((r) => r.setFontWeight(fontWeight));
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRangeList {
    return this.each((r) => r.setHorizontalAlignment(alignment));
  }

  setNote(note: string | null): GasRangeList {
    return this.each((r) => r.setNote(note));
  }

  setNumberFormat(format: string): GasRangeList {
    return this.each((r) => r.setNumberFormat(format));
  }

  /** Writes `value` in every cell of every range, interpreted like typed input (as Range.setValue). */
  setValue(value: unknown): GasRangeList {
    return this.each((r) => r.setValue(value));
  }

  setWrap(isWrapEnabled: boolean): GasRangeList {
    return this.each((r) => r.setWrap(isWrapEnabled));
  }
}

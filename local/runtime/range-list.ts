/**
 * RangeList: ranges of one sheet written with one call
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list: "A collection of one
 * or more Range instances in the same sheet"; Sheet.getRangeList(a1Notations) builds it,
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)).
 * Only the methods the add-in uses; each applies the Range method of the same name to every range.
 */
import type { LocalRange } from './range';
import { asGas, SERVICE_NAME, ServiceObject } from './service';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export type RangeListMethods = 'getRanges' | 'setBackground' | 'setNote' | 'clearNote';

export class LocalRangeList extends ServiceObject implements Pick<GasRangeList, RangeListMethods> {
  get [SERVICE_NAME]() {
    return 'RangeList';
  }

  constructor(readonly ranges: readonly LocalRange[]) {
    super();
  }

  private get self(): GasRangeList {
    return asGas(this);
  }

  /** Cells covered (for the cells-written count). */
  get cellCount(): number {
    return this.ranges.reduce((n, r) => n + r.rect.numRows * r.rect.numColumns, 0);
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges.map((r) => asGas(r));
  }

  /** "Sets the background color for each Range in the range list … A null value resets the color." */
  setBackground(color: string | null): GasRangeList {
    for (const r of this.ranges) r.setBackground(color);
    return this.self;
  }

  /** "Sets the note text for each Range in the range list." (null or '' removes the note.) */
  setNote(note: string | null): GasRangeList {
    for (const r of this.ranges) r.setNote(note);
    return this.self;
  }

  clearNote(): GasRangeList {
    for (const r of this.ranges) r.clearNote();
    return this.self;
  }
}

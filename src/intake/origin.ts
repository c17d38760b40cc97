/**
 * Which unit a returned file says it belongs to: the form the dialog made names its unit in a title
 * line ("Đơn vị (xã, phường): Xã Ea Tân") and in its file name ("Danh sách đại biểu - Xã Ea Tân.xlsx",
 * or "… (1).xlsx" when the browser saved a second copy). The dialog warns when that unit is not the one
 * the officer chose, before unit A's list is replaced by unit B's.
 */
import { foldKey } from '../domain/text';
import type { IntakeForm, SubmissionCell } from '../rpc/contract';
import { t } from './i18n';

/** The unit a file names: by a title line (its 1-based row) or by its file name (row null). */
export interface FileOrigin {
  form: IntakeForm;
  row: number | null;
}

/** Rows searched for the title line (the form's header is within the first 10 rows). */
const TITLE_ROWS = 10;

export function fileOrigin(
  table: readonly (readonly SubmissionCell[])[],
  fileName: string,
  forms: readonly IntakeForm[],
  chosen = '',
): FileOrigin | null {
  // Two units of one name (communes of two former districts) have the same title and file name: the
  // unit chosen, when it is one of them, is the one the file names.
  const byKey = (key: string, keyOf: (f: IntakeForm) => string) => {
    const named = forms.filter((f) => keyOf(f) === key);
    return named.find((f) => f.unit.code === chosen) ?? named[0];
  };
  const titleKey = (f: IntakeForm) => foldKey(t.formUnit(f.unitWord, f.unit.name));
  for (let r = 0; r < Math.min(TITLE_ROWS, table.length); r++) {
    for (const cell of table[r] ?? []) {
      if (typeof cell !== 'string') continue;
      const form = byKey(foldKey(cell), titleKey);
      if (form) return { form, row: r + 1 };
    }
  }
  const base = foldKey(fileName.replace(/(?:\s*\(\d+\))?\.[^.]*$/, ''));
  const form = byKey(base, (f) => foldKey(f.fileName.replace(/\.xlsx$/i, '')));
  return form ? { form, row: null } : null;
}

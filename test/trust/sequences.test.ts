/**
 * Sequences of two to four actions (with the officer's own corrections in between) on a few
 * decorated workbooks: after every sequence the user's cells are exactly what the user made them,
 * the add-in's cells hold the user's text as text, and a corrected cell has lost its mark entirely.
 */
import { action, EDITS, type Step } from './actions';
import { corpusWorkbook } from './corpus';
import { trustTests } from './trust';

const a = (name: string): Step => ({ action: action(name) });
const edit = (name: keyof typeof EDITS): Step => ({ edit: EDITS[name] as (typeof EDITS)[string] });

export const SEQUENCES: Step[][] = [
  [a('allocateDelegates'), a('validateAll')],
  [a('validateAll'), a('validateAll')],
  [a('validateAll'), edit('fixBirthYears'), a('validateAll')],
  [a('setupWorkbook'), a('allocateDelegates'), a('validateAll')],
  [a('allocateDelegates'), a('validateAll'), a('generateNotice phan-bo-dai-bieu')],
  [edit('changePopulation'), a('allocateDelegates'), a('generateNotice phan-bo-dai-bieu'), a('validateAll')],
  [a('generateNotice thong-bao-ket-luan'), a('generateNotice thong-bao-ket-luan')],
  [a('validateAll'), a('allocateDelegates'), a('validateAll')],
];

for (const name of ['Lạng Sơn cấp xã (text codes) decorated', 'Kon Tum decorated']) {
  const w = corpusWorkbook(name);
  describe(w.name, () => {
    for (const steps of SEQUENCES) trustTests(w, steps);
  });
}

/**
 * Every ordered pair of the writing actions on one decorated workbook (Kon Tum: small, so the
 * full cross product stays quick): whatever the order, the user's cells are what the user made them.
 */
import { action, type Step } from './actions';
import { corpusWorkbook } from './corpus';
import { trustTests } from './trust';

const WRITERS = [
  'setupWorkbook',
  'allocateDelegates',
  'validateAll',
  'generateNotice phan-bo-dai-bieu',
  'generateNotice phan-cong-nhiem-vu',
];

const w = corpusWorkbook('Kon Tum decorated');
describe(w.name, () => {
  for (const first of WRITERS) {
    for (const second of WRITERS) {
      const steps: Step[] = [{ action: action(first) }, { action: action(second) }];
      trustTests(w, steps);
    }
  }
});

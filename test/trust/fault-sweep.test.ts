/**
 * Fault sweep over the writes of the sheet-writing actions on two decorated workbooks: whichever
 * write fails, the user keeps every cell, and the workbook is either as before or the Vietnamese
 * message names every sheet that remains changed. Known findings: known.ts (check "faults").
 */
import { sweepTests } from './sweep';

sweepTests(['Lạng Sơn cấp xã (text codes) decorated', 'Kon Tum decorated'], ['allocateDelegates', 'validateAll']);

/**
 * Fault sweep over the writes of "Thiết lập bảng tính" on a workbook where it has work to do (two
 * sheets, a column and a setting missing): whichever write fails, nothing of the user's is lost and
 * the message names what remains changed (or the run can simply be repeated, see the message).
 */
import { sweepTests } from './sweep';

sweepTests(['incomplete template (two sheets, a column and a setting deleted)'], ['setupWorkbook']);

/**
 * Findings on today's product: each entry makes the matching trust tests `test.failing` (so the
 * suite stays green while the fix is under way) and says which area fixes it. When a fix lands
 * the test starts passing, `test.failing` reports it, and the entry goes.
 */
export type CheckName = 'user' | 'owned' | 'twins' | 'stale' | 'crashes' | 'faults';

export interface Finding {
  /** Workbook names it applies to. */
  workbook: RegExp;
  /** Step list (names joined with " → ") it applies to. */
  steps: RegExp;
  check: CheckName;
  finding: string;
  area: string;
}

const ANY = /.*/;
const TEXT_CODES = /cấp xã|protected/;

export const KNOWN: Finding[] = [
  // TRUST: validateAll cuts a user's note at the marker text it quotes ("… ghi chú của ⚑ Trợ lý Đại hội DTTS."
  // loses its end) and replaces a user's note that begins with the marker (Đơn vị!D4, Đại biểu!G8), fixed by MARKS
  {
    workbook: ANY,
    steps: /validateAll/,
    check: 'user',
    finding: "a user's note quoting the marker is cut or replaced",
    area: 'MARKS',
  },
  // TRUST: allocateDelegates writes the text codes "05977"… as numbers 5977… in Phân bổ, fixed by ALLOCATION
  {
    workbook: /cấp xã/,
    steps: /allocateDelegates/,
    check: 'owned',
    finding: 'text codes with a leading zero become numbers in Phân bổ',
    area: 'ALLOCATION',
  },
  // TRUST: (same finding, seen by validateAll when it marks Phân bổ cells holding the numbers), fixed by ALLOCATION
  {
    workbook: TEXT_CODES,
    steps: /validateAll/,
    check: 'owned',
    finding: 'text codes with a leading zero become numbers in Phân bổ',
    area: 'ALLOCATION',
  },
  // TRUST: allocateDelegates erases the user's "Tổng cộng" row under the units of Phân bổ (its =SUM formulas), and
  // with text codes it appends the units again below (over the user's rows), fixed by ALLOCATION
  {
    workbook: /Kon Tum|look-alike|cấp xã/,
    steps: /allocateDelegates/,
    check: 'user',
    finding: "the user's Tổng cộng row under Phân bổ's units is erased",
    area: 'ALLOCATION',
  },
  // TRUST: a unit name typed as text "=Thành phố Kon Tum" becomes a formula in Phân bổ!B2, fixed by ALLOCATION
  {
    workbook: /Kon Tum|look-alike/,
    steps: /allocateDelegates/,
    check: 'owned',
    finding: 'a unit name beginning with "=" becomes a formula in Phân bổ',
    area: 'ALLOCATION',
  },
  // TRUST: setupWorkbook creates a second "Đại biểu" next to the user's "Đại biểu " (trailing space) or NFD
  // "Đại biểu", fixed by SETUP
  {
    workbook: /look-alike "Đại biểu( |" in NFD)/,
    steps: /setupWorkbook/,
    check: 'twins',
    finding: 'a look-alike sheet gets a twin',
    area: 'SETUP',
  },
];

/** The finding a test is expected to show, if any. */
export function knownFinding(workbook: string, steps: string, check: CheckName): Finding | undefined {
  return KNOWN.find((k) => k.check === check && k.workbook.test(workbook) && k.steps.test(steps));
}

/**
 * Findings on today's product. A trust test splits what it sees into known findings (listed here)
 * and anything else: anything else fails the test at once, and each known finding gets its own
 * `test.failing`, so the suite stays green while the fix is under way, and flips (and the entry
 * goes) when the fix lands on main.
 */
export type CheckName = 'user' | 'owned' | 'twins' | 'stale' | 'crashes' | 'faults';

export interface Finding {
  /** Workbook names it applies to. */
  workbook: RegExp;
  /** Step list (names joined with " → ") it applies to. */
  steps: RegExp;
  check: CheckName;
  /** The lines of the check (sheet!cell field: before → after) that are this finding. */
  match: RegExp;
  finding: string;
  area: string;
}

const ANY = /.*/;
const TEXT_CODES = /cấp xã|protected/;

export const KNOWN: Finding[] = [
  // TRUST: validateAll cuts a user's note at the marker text it quotes ("… ghi chú của ⚑ Trợ lý Đại hội DTTS." loses
  // its end, Đơn vị!D4) and replaces a user's note that begins with the marker (Đại biểu!G8), fixed by MARKS
  {
    workbook: ANY,
    steps: /validateAll/,
    check: 'user',
    match: /^Đơn vị!D4 note|^Đại biểu!G8 (note|background)/,
    finding: "a user's note quoting the marker text is cut or replaced",
    area: 'MARKS',
  },
  // TRUST: a user's own light-yellow fill (#fce8b2, a Google preset that equals the warning colour) on a marked cell
  // is taken for the add-in's: the next validateAll paints it red, and clearing the mark removes it (Đại biểu!G4),
  // fixed by MARKS
  {
    workbook: /cấp xã|Kon Tum/,
    steps: /validateAll.*validateAll/,
    check: 'user',
    match: /^Đại biểu!G4 (note|background)/,
    finding: "the user's own preset fill on a marked cell is replaced or removed by the next validation",
    area: 'MARKS',
  },
  // TRUST: (same finding, seen on the corrected cells: fill and note gone), fixed by MARKS
  {
    workbook: /cấp xã|Kon Tum/,
    steps: /validateAll → \(officer corrects the flagged birth years\) → validateAll/,
    check: 'stale',
    match: /G4 background: "#fce8b2" → "#ffffff"|G8 note/,
    finding: "the user's own preset fill (and a note quoting the marker) is removed when the mark is cleared",
    area: 'MARKS',
  },
  // TRUST: allocateDelegates writes the text codes "05977"… as numbers 5977… in Phân bổ, fixed by ALLOCATION
  {
    workbook: /cấp xã/,
    steps: /allocateDelegates/,
    check: 'owned',
    match: /^Phân bổ!A\d+ Mã đơn vị is not the text typed in Đơn vị: .* → "number:|^Phân bổ!B[2-5] Tên đơn vị/,
    finding:
      'text codes with a leading zero become numbers in Phân bổ (so the next allocation appends, leaving stale rows)',
    area: 'ALLOCATION',
  },
  // TRUST: (same finding, seen when validateAll marks Phân bổ cells holding the numbers), fixed by ALLOCATION
  {
    workbook: TEXT_CODES,
    steps: /^validateAll/,
    check: 'owned',
    match: /^Phân bổ!A\d+ Mã đơn vị is not the text typed in Đơn vị: .* → "number:/,
    finding: 'text codes with a leading zero are numbers in Phân bổ',
    area: 'ALLOCATION',
  },
  // TRUST: allocateDelegates erases the user's "Tổng cộng" row under the units of Phân bổ (its =SUM formulas); with
  // text codes it writes the units again below the old ones, over the user's rows, fixed by ALLOCATION
  {
    workbook: /Kon Tum|look-alike|cấp xã/,
    steps: /allocateDelegates/,
    check: 'user',
    match: /^Phân bổ!/,
    finding: "the user's Tổng cộng row under Phân bổ's units is erased",
    area: 'ALLOCATION',
  },
  // TRUST: a unit name typed as text "=Thành phố Kon Tum" becomes a formula in Phân bổ!B2, fixed by ALLOCATION
  {
    workbook: /Kon Tum|look-alike/,
    steps: /allocateDelegates/,
    check: 'owned',
    match: /^Phân bổ!B2 /,
    finding: 'a unit name beginning with "=" becomes a formula in Phân bổ',
    area: 'ALLOCATION',
  },
  // TRUST: setupWorkbook creates a second "Đại biểu" next to the user's "Đại biểu " (trailing space) or NFD
  // "Đại biểu", fixed by SETUP
  {
    workbook: /look-alike "Đại biểu( |" in NFD)/,
    steps: /setupWorkbook/,
    check: 'twins',
    match: ANY,
    finding: 'a look-alike sheet gets a twin',
    area: 'SETUP',
  },
];

/** The known findings that apply to a test. */
export function knownFindings(workbook: string, steps: string, check: CheckName): Finding[] {
  return KNOWN.filter((k) => k.check === check && k.workbook.test(workbook) && k.steps.test(steps));
}

/**
 * The sidebar ⇄ server contract: argument schemas (zod/mini, checked by every server entry) and
 * result types. The sidebar imports only the types; dates cross as ISO strings, never as Date.
 */
import * as z from 'zod/mini';

export const NOTICE_KINDS = [
  'thong-bao-ket-luan',
  'phan-bo-dai-bieu',
  'phan-cong-nhiem-vu',
  'giay-moi',
  'danh-sach-dai-bieu',
  'bao-cao-co-cau',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A string checked by a test, with the Vietnamese message the user sees when it fails. */
const text = (ok: (s: string) => boolean, message: string) => z.string().check(z.refine(ok, message));

/** How large a submitted table may be (the browser checks it too, and says it in these words). */
export const SUBMISSION_LIMITS = {
  rows: 5000,
  columns: 60,
  /** Characters of one cell (Google Sheets' own limit for a cell is 50,000). */
  cellChars: 50_000,
  message: 'Tệp quá lớn: tối đa 5.000 dòng × 60 cột, mỗi ô tối đa 50.000 ký tự.',
} as const;

/** One cell of a submission: text, a number, a boolean or empty (null). */
const SUBMISSION_CELL = z.union([
  z.string().check(z.maxLength(SUBMISSION_LIMITS.cellChars, SUBMISSION_LIMITS.message)),
  z.number(),
  z.boolean(),
  z.null(),
]);

/** Argument schemas, one tuple per callable function. */
export const ARGS = {
  getOverview: z.tuple([]),
  setupWorkbook: z.tuple([]),
  /**
   * Without options: allocates when no existing allocation would change; otherwise writes nothing and
   * answers with the preview (`needsConfirmation`). With `{ confirmed: true, expect }` (the preview's
   * digest): writes only if the data still give that preview.
   */
  allocateDelegates: z.tuple([
    z.optional(
      z.strictObject({
        confirmed: z.optional(z.boolean()),
        expect: z.optional(text((s) => /^[0-9a-f]{16}$/.test(s), 'Mã xem trước không hợp lệ')),
      }),
    ),
  ]),
  previewAllocation: z.tuple([]),
  /** The six apportionment methods on the current data; writes nothing. */
  compareMethods: z.tuple([]),
  /**
   * With `{ expect }` (the id of the record the officer was shown): refused if the record was replaced since.
   * With `{ overwrite }` (the digest of the typed cells the officer was shown, `overwrite` of a refused
   * undo): those cells may be replaced; refused if the typed cells changed since. Without it, an undo
   * that would replace a cell an officer typed after the re-allocation writes nothing and names them.
   */
  undoAllocation: z.tuple([
    z.optional(
      z.strictObject({
        expect: z.optional(text((s) => s.length <= 100, 'Mã bản lưu không hợp lệ')),
        overwrite: z.optional(text((s) => /^[0-9a-f]{16}$/.test(s), 'Mã xác nhận ô đã sửa không hợp lệ')),
      }),
    ),
  ]),
  validateAll: z.tuple([]),
  progressSummary: z.tuple([]),
  taskSummary: z.tuple([]),
  listDocuments: z.tuple([]),
  listMeetings: z.tuple([]),
  lastValidation: z.tuple([]),
  compositionSummary: z.tuple([]),
  /** Rewrites the add-in's own sheet `Thống kê` (tables and charts). */
  writeStatistics: z.tuple([]),
  generateNotice: z.tuple([
    z.enum(NOTICE_KINDS),
    z.optional(
      z.strictObject({
        /** Meeting code (`Mã cuộc họp`) for a Thông báo kết luận; default: the latest meeting. */
        meeting: z.optional(text((s) => s.length <= 100, 'Mã cuộc họp quá dài')),
        /** Document date as ISO yyyy-mm-dd; default: today. */
        date: z.optional(text((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'Ngày phải có dạng năm-tháng-ngày (yyyy-mm-dd)')),
        /** Print figures the checks question (the officer confirmed in the sidebar). */
        force: z.optional(z.boolean()),
        /** Giấy mời: also invite the guests (Khách mời). */
        guests: z.optional(z.boolean()),
        /** Leave the number and the day blank (issued later with issueDraft); default: the `Cấp số văn bản` setting. */
        draft: z.optional(z.boolean()),
      }),
    ),
  ]),
  /** Gives a draft (its Doc's link or ID, as listDocuments returns it) the next number and a day. */
  issueDraft: z.tuple([
    text((s) => s.trim().length > 0 && s.length <= 300, 'Thiếu đường liên kết của dự thảo'),
    z.optional(
      z.strictObject({
        date: z.optional(text((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'Ngày phải có dạng năm-tháng-ngày (yyyy-mm-dd)')),
      }),
    ),
  ]),
  /** Voids a number given ("05/TB-BCĐ"), with its reason kept in the log; it is never given again. */
  voidNumber: z.tuple([
    text((s) => /^\s*\d{1,6}\s*\/\s*\S.{0,60}$/.test(s), 'Số văn bản phải có dạng 05/TB-BCĐ'),
    text((s) => s.trim().length > 0 && s.length <= 500, 'Hãy ghi lý do hủy số (tối đa 500 ký tự)'),
  ]),
  selectCell: z.tuple([
    text((s) => s.length > 0 && s.length <= 100, 'Tên trang tính không hợp lệ'),
    text((s) => /^[A-Z]{1,3}\d{1,7}$/.test(s), 'Ô phải là một ô dạng A1, ví dụ B12'),
  ]),
  /** The intake form model of one unit (a code or a name) or of every unit; reads, writes nothing. */
  getIntakeForms: z.tuple([
    z.optional(
      z.strictObject({
        unit: z.optional(text((s) => s.length <= 200, 'Mã hoặc tên đơn vị quá dài (tối đa 200 ký tự)')),
      }),
    ),
  ]),
  /**
   * A unit's returned list (the file read in the browser as rows of cells): 'preview' (default) writes
   * nothing; 'replace' swaps that unit's rows of `Đại biểu`, refused when `expect` no longer matches.
   */
  importSubmission: z.tuple([
    text((s) => s.trim().length > 0 && s.length <= 200, 'Hãy chọn đơn vị gửi danh sách'),
    z
      .array(z.array(SUBMISSION_CELL).check(z.maxLength(SUBMISSION_LIMITS.columns, SUBMISSION_LIMITS.message)))
      .check(z.maxLength(SUBMISSION_LIMITS.rows, SUBMISSION_LIMITS.message)),
    z.optional(
      z.strictObject({
        fileName: z.optional(text((s) => s.length <= 255, 'Tên tệp quá dài (tối đa 255 ký tự)')),
        mode: z.optional(z.enum(['preview', 'replace'])),
        expect: z.optional(text((s) => /^[0-9a-f]{16}$/.test(s), 'Mã xem trước không hợp lệ')),
      }),
    ),
  ]),
  /** Shows the intake dialog: make the units' forms ('form') or take a unit's list back ('import'). */
  openIntakeDialog: z.tuple([
    z.strictObject({
      mode: z.enum(['form', 'import']),
      /** A unit's code or name, preselected in the dialog. */
      unit: z.optional(text((s) => s.length <= 200, 'Tên đơn vị quá dài')),
    }),
  ]),
} as const;

export type ServerFunction = keyof typeof ARGS;

export type Severity = 'error' | 'warning';

export interface ProblemDto {
  severity: Severity;
  /** Sheet name as the user sees it. */
  sheet: string;
  /** A1 reference of the cell ('' when the problem is about the whole sheet). */
  cell: string;
  message: string;
  suggestion: string;
  /** Name of the rule that found it (stable, English). */
  rule: string;
}

export interface ActionResult {
  /** One Vietnamese sentence for the user. */
  message: string;
}

export interface SetupResultDto extends ActionResult {
  createdSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  skipped: { sheet: string; reason: string }[];
  /** Template sheets found under a look-alike name (spaces, case, NFD): used as they are, never duplicated. */
  lookalikes: { sheet: string; actual: string; message: string }[];
  /** Columns added by an earlier, interrupted run whose format, dropdown or protection was completed. */
  completed: { sheet: string; columns: string[] }[];
}

export interface AllocationRowDto {
  code: string;
  name: string;
  dttsPopulation: number;
  quota: number;
  seats: number;
  adjustment: number;
  final: number;
  registered: number;
  difference: number;
  /** Why the unit got its Số phân bổ (Vietnamese), as in the `Cách tính` column. */
  reason?: string;
  /** How the unit chooses its delegates: "Đại hội" or "Hội nghị liên tịch" ('' when its DTTS population is unknown), as in the `Hình thức` column. */
  form?: string;
}

/** Which sub-units hold their own congress and whether the province's congress is two-level. */
export interface EligibilityDto {
  /** `Ngưỡng tổ chức đại hội` applied (DTTS people). */
  threshold: number;
  twoLevel: boolean;
  /** Units at or above the threshold. */
  qualifying: number;
  /** Units holding their own congress ("Đại hội"; 0 in a one-level province). */
  congress: number;
  /** Units choosing delegates at a joint conference ("Hội nghị liên tịch"). */
  jointConference: number;
  /** Units whose DTTS population is blank or unreadable. */
  unknown: number;
  /** "Tỉnh tổ chức Đại hội hai cấp: 5 đơn vị tổ chức Đại hội, 6 đơn vị tổ chức Hội nghị liên tịch (…)." */
  sentence: string;
  /** Units by form, named by name. */
  congressUnits: string[];
  jointConferenceUnits: string[];
}

/** One unit in the preview of a re-allocation: its figures now and after (null: blank now). */
export interface AllocationPreviewRowDto {
  code: string;
  name: string;
  oldSeats: number | null;
  newSeats: number;
  oldFinal: number | null;
  newFinal: number;
  changed: boolean;
}

/** What a re-allocation would change in `Phân bổ` (nothing is written to build it). */
export interface AllocationPreviewDto {
  /** Ties a confirmation to this preview: allocateDelegates({ confirmed: true, expect: digest }). */
  digest: string;
  /** `Phân bổ` already holds figures. */
  existing: boolean;
  /** Writing would change figures of an existing allocation: the officer must confirm. */
  needsConfirmation: boolean;
  /** Units whose Số phân bổ or Số chính thức would change. */
  changed: number;
  rows: AllocationPreviewRowDto[];
  oldTotal: number;
  newTotal: number;
  /** Method of the allocation in `Phân bổ` ('' when unknown). */
  methodBefore: string;
  methodBeforeName: string;
  methodAfter: string;
  methodAfterName: string;
}

/** The result of "Hoàn tác phân bổ". */
export interface UndoAllocationResultDto extends ActionResult {
  ok: boolean;
  /** Units whose cells were put back. */
  restored: number;
  /** Units that could not be put back (their row is gone), by name. */
  notRestored: { code: string; name: string }[];
  /**
   * Nothing was written: owned cells an officer typed into after the re-allocation would be replaced
   * (`typedOver` names them); send `overwrite` back to confirm.
   */
  needsConfirmation?: boolean;
  /** The typed cells the undo replaces (asked about, or replaced when ok): the first 300 of them. */
  typedOver?: TypedOverCellDto[];
  /** How many typed cells there are in all (typedOver holds the first 300). */
  typedOverTotal?: number;
  /** The digest of `typedOver` to send back as `{ overwrite }`. */
  overwrite?: string;
}

/** An owned cell of `Phân bổ` typed into by an officer after the re-allocation, that the undo would replace. */
export interface TypedOverCellDto {
  sheet: string;
  /** A1 of the cell. */
  cell: string;
  code: string;
  /** The unit's name. */
  name: string;
  /** The column's header. */
  column: string;
  /** What the cell holds now (its formula when it has one), as shown. */
  typed: string;
  /** What the undo puts back, as shown. */
  restored: string;
}

export interface AllocationResultDto extends ActionResult {
  ok: boolean;
  method: string;
  methodName: string;
  houseSize: number;
  fixedSeats: { label: string; seats: number }[];
  rows: AllocationRowDto[];
  /** Vietnamese sentences explaining the result (divisor or remainders, ties). */
  explanation: string[];
  tied: string[];
  problems: ProblemDto[];
  /** Nothing was written: an existing allocation would change; `preview` says how. */
  needsConfirmation?: boolean;
  /** The preview (previewAllocation, or an allocation that needs confirmation). */
  preview?: AllocationPreviewDto;
  /** The previous allocation is kept: "Hoàn tác phân bổ" can restore it. */
  undoable?: boolean;
  /** Each unit's form and the province's level (when the allocation could be computed). */
  eligibility?: EligibilityDto;
}

export interface ValidationResultDto extends ActionResult {
  errors: number;
  warnings: number;
  /** The first problems (errors first, at most a few hundred); `Kiểm tra` lists them all. */
  problems: ProblemDto[];
  /** Every problem found (errors + warnings). */
  total?: number;
  /** `problems` holds fewer than `total`. */
  truncated?: boolean;
  /** Counts by sheet and by rule. */
  bySheet?: { sheet: string; errors: number; warnings: number }[];
  byRule?: { rule: string; errors: number; warnings: number }[];
  /** ISO timestamp of the run. */
  at: string;
}

export interface MilestoneDto {
  key: string;
  label: string;
  reached: number;
  total: number;
  /** "10/11 huyện, thành phố đã thành lập Ban Chỉ đạo" */
  sentence: string;
  missing: string[];
  /** What counts as reached (the sidebar's hint), e.g. for "đã gửi danh sách đại biểu". */
  note?: string;
  /** 'dd/mm/yyyy' deadline of the milestone, when one is set. */
  deadline?: string;
  /** Units that have not reached it and are past the deadline (absent: none). */
  late?: number;
  /** "3 xã, phường chưa gửi danh sách đại biểu, đã quá hạn 20/11/2026". */
  lateSentence?: string;
}

export interface ProgressSummaryDto {
  unitWord: string;
  total: number;
  milestones: MilestoneDto[];
  /** Each unit's form of choosing delegates and the province's level (when the threshold is known). */
  eligibility?: EligibilityDto;
  /** `Ngưỡng tổ chức đại hội` typed wrong: the sentence naming its cell (then no `eligibility`). */
  eligibilityError?: string;
}

export interface TaskDto {
  row: number;
  cell: string;
  content: string;
  lead: string;
  deadline: string | null;
  status: 'overdue' | 'due-soon' | 'open' | 'done';
  daysLeft: number | null;
}

export interface TaskSummaryDto {
  today: string;
  overdue: number;
  dueSoon: number;
  open: number;
  done: number;
  /** Not-done tasks grouped by lead agency, overdue first. */
  groups: { lead: string; tasks: TaskDto[] }[];
}

export interface DocumentDto {
  kind: string;
  number: string;
  date: string;
  title: string;
  url: string;
  createdAt: string;
  /** Who can open the Doc besides its owner, as the log says ('' when nobody or unknown). */
  sharedWith?: string;
  /** A draft without number or day yet: the sidebar offers "Cấp số" (issueDraft with `url`). */
  draft?: boolean;
  /** The number was voided (voidNumber); it is never given again. */
  voided?: boolean;
}

/** A meeting of `Cuộc họp`, for choosing the one a Thông báo kết luận is about. */
export interface MeetingDto {
  /** `Mã cuộc họp`, what generateNotice takes as `meeting`. */
  code: string;
  /** ISO yyyy-mm-dd, null when the cell is blank or unreadable. */
  date: string | null;
  subject: string;
  chair: string;
}

export interface NoticeResultDto extends ActionResult {
  url: string;
  number: string;
  title: string;
  /** The data had not changed: the existing document is returned. */
  reused: boolean;
  /**
   * Nothing was made: the figures to print look wrong (the message names the cells). The sidebar asks
   * the officer, and calls again with `force: true` only if they confirm.
   */
  needsForce?: boolean;
  /** Who can open the Doc besides its owner ('' when nobody). */
  sharedWith?: string;
}

/** The steps of the sidebar's "Bắt đầu" checklist, in order. */
export type ChecklistKey = 'setup' | 'units' | 'settings' | 'allocate' | 'delegates' | 'check' | 'documents';

/** One step of "Bắt đầu", derived from the workbook's state (its wording is the sidebar's). */
export interface ChecklistStepDto {
  key: ChecklistKey;
  done: boolean;
  /** The figure the step shows: units or delegates entered, errors of the last validation, documents made. */
  count?: number;
  /** Where the step is done by typing: the sheet and the cell its go-to-sheet link selects. */
  sheet?: string;
  cell?: string;
}

export interface OverviewDto {
  province: string;
  round: string;
  year: number | null;
  unitWord: string;
  allocation: { done: boolean; officialTotal: number; at: string | null; method: string };
  /** `changed`: the data (Cấu hình, Đơn vị, Dân tộc theo đơn vị, Phân bổ, Đại biểu) changed since that validation. */
  validation: {
    errors: number;
    warnings: number;
    at: string | null;
    changed?: boolean;
    /** The check ran on an earlier day and open tasks have deadlines: its overdue/due-soon findings are out of date. */
    outdated?: boolean;
  };
  tasks: { overdue: number; dueSoon: number; open: number };
  progress: MilestoneDto[];
  /**
   * Lists received from the units (`Tiếp nhận danh sách`): "k/n … đã gửi danh sách đại biểu", the units
   * that have not sent (names), and how many are past `Hạn gửi danh sách đại biểu` ('' when not set).
   */
  intake?: { sent: number; total: number; late: number; deadline: string; missing: string[]; sentence: string };
  documents: DocumentDto[];
  /** The allocation that "Hoàn tác phân bổ" would restore (null: nothing to undo). */
  allocationUndo?: { replacedAt: string; method: string; methodName: string; id: string } | null;
  /** Today in the spreadsheet's time zone (ISO yyyy-mm-dd): the document date the forms start at. */
  today?: string;
  /** `Cấu hình` exists (otherwise its figures are defaults, not facts to show). */
  configured?: boolean;
  /** `Nhiệm vụ` exists. */
  hasTasks?: boolean;
  /** `Phân bổ` exists with its header. */
  allocationSheet?: boolean;
  /** Template sheets not in the workbook yet ("Thiết lập bảng tính" adds them). */
  missingSheets?: string[];
  checklist?: ChecklistStepDto[];
  /** Whether the province holds a two-level congress, and each unit's form (absent: no units or no `Cấu hình`). */
  eligibility?: EligibilityDto;
  /** `Ngưỡng tổ chức đại hội` typed wrong: the sentence naming its cell (then no `eligibility`). */
  eligibilityError?: string;
}

/** The last validation, restored when the sidebar opens: its counts and first problems (from `Kiểm tra`). */
export interface LastValidationDto {
  /** ISO timestamp of the run; null when no validation ran in this workbook. */
  at: string | null;
  errors: number;
  warnings: number;
  problems: ProblemDto[];
  /** `Kiểm tra` no longer holds this run's problems (deleted, cleared or not the add-in's): fewer came back than were counted. */
  incomplete?: boolean;
}

/** One method in "So sánh phương pháp": its seats and what it fails to guarantee on these data. */
export interface MethodComparisonDto {
  method: string;
  name: string;
  /** Seats by unit code (empty when `error`). */
  seats: Record<string, number>;
  /** Codes below the floor or above the ceiling of their exact share. */
  quotaViolations: string[];
  /** Codes that would lose a seat if the house grew by one (Alabama paradox). */
  alabama: string[];
  /** Codes whose seats differ from the configured method's. */
  differs: string[];
  error?: string;
  alabamaUnchecked?: boolean;
}

export interface CompareMethodsResultDto extends ActionResult {
  ok: boolean;
  /** Seats apportioned (official total less the fixed seats). */
  houseSize: number;
  /** The method of `Cấu hình`. */
  configured: string;
  /** Units in `Đơn vị` order, named for display. */
  units: { code: string; name: string; population: number; quota: number }[];
  methods: MethodComparisonDto[];
  problems: ProblemDto[];
}

// Composition of the congress (compositionSummary)

export interface CountShare {
  count: number;
  /** count ÷ the official delegates counted (0 when there are none); a fraction, not a percentage. */
  share: number;
}

export interface AgeBand {
  /** "Dưới 30 tuổi", "Từ 30 đến 45 tuổi", "Trên 60 tuổi". */
  label: string;
  /** Inclusive bounds in years; null: open. */
  from: number | null;
  to: number | null;
}

export interface PersonFigure {
  name: string;
  age: number;
  group: string | null;
  unit: string;
}

export interface UnitComposition {
  /** The unit's code; '' for the provincial level and for delegates whose unit is not declared. */
  code: string;
  /** The unit's name, as a user reads it ("Cấp tỉnh" for the provincial level). */
  name: string;
  count: number;
  women: number;
  /** Official group names with their delegates, most numerous first. */
  byEthnicGroup: { group: string; count: number }[];
}

export interface CompositionSummary {
  /** The congress year the ages are counted at; null when `Năm` is not set (no ages then). */
  year: number | null;
  /** Official delegates counted: Chính thức + Đương nhiên. */
  total: number;
  official: number;
  exOfficio: number;
  guests: number;
  /** Rows whose `Loại đại biểu` is blank or not recognised: in no count. */
  unclassified: number;
  byEthnicGroup: (CountShare & { group: string })[];
  /** Official delegates whose `Dân tộc` is blank or not recognised. */
  ethnicUnknown: number;
  women: CountShare;
  genderUnknown: number;
  ageBands: (AgeBand & CountShare)[];
  /** No birth year, or no congress year. */
  ageUnknown: number;
  byCategory: (CountShare & { category: string })[];
  categoryUnknown: number;
  /** null when the delegate sheet has no Party-member column. */
  partyMembers: CountShare | null;
  oldest: PersonFigure | null;
  youngest: PersonFigure | null;
  /**
   * Every delegate of the oldest / the youngest age (ages are counted from the birth year, so several
   * often share it), in sheet order; `oldest` / `youngest` is the first of them.
   */
  oldestAll?: PersonFigure[];
  youngestAll?: PersonFigure[];
  byUnit: UnitComposition[];
  /** Minority groups living in the province (`Dân tộc theo đơn vị`, population > 0) without an official delegate, most numerous first. */
  groupsWithoutDelegate: { group: string; population: number }[];
  /** The same counts over the guests. */
  guestFigures: { total: number; women: number; byEthnicGroup: { group: string; count: number }[] };
}

export type CompositionSummaryDto = CompositionSummary & {
  ok: boolean;
  /** One Vietnamese sentence: the total, or why nothing could be counted. */
  message: string;
  /** What could not be counted (no congress year …). */
  notes: string[];
  /** `Tỷ lệ nữ tối thiểu` of `Cấu hình` (a fraction), null when blank: the sidebar marks it on the women's chart. */
  minWomenShare?: number | null;
  /**
   * Each unit's Số chính thức as `Phân bổ` holds it now (names from `Đơn vị`, the sheet's order, total
   * rows left out; empty: no allocation): the sidebar draws it as bars under the composition. `typed`:
   * the cell holds text that is not a number (shown as typed, with no bar).
   */
  allocation?: { code: string; name: string; seats: number; typed?: string }[];
};

/** writeStatistics: the `Thống kê` sheet rewritten. */
export interface StatisticsResultDto {
  ok: boolean;
  message: string;
  /** The sheet's name ("Thống kê"). */
  sheet: string;
  /** Official delegates counted (Chính thức and Đương nhiên). */
  total: number;
  /** Charts the add-in put on the sheet. */
  charts: number;
  /** What could not be counted (no congress year …). */
  notes: string[];
}

/** Result type of each callable function. */
export interface Results {
  getOverview: OverviewDto;
  setupWorkbook: SetupResultDto;
  allocateDelegates: AllocationResultDto;
  previewAllocation: AllocationResultDto;
  compareMethods: CompareMethodsResultDto;
  undoAllocation: UndoAllocationResultDto;
  validateAll: ValidationResultDto;
  progressSummary: ProgressSummaryDto;
  taskSummary: TaskSummaryDto;
  listDocuments: DocumentDto[];
  /** Meetings with a code, newest first. */
  listMeetings: MeetingDto[];
  lastValidation: LastValidationDto;
  compositionSummary: CompositionSummaryDto;
  writeStatistics: StatisticsResultDto;
  generateNotice: NoticeResultDto;
  issueDraft: NoticeResultDto;
  voidNumber: { message: string };
  selectCell: { sheet: string; cell: string };
  getIntakeForms: IntakeFormsDto;
  importSubmission: SubmissionDto;
  openIntakeDialog: { message: string };
}

export type Args<F extends ServerFunction> = z.output<(typeof ARGS)[F]>;

// ---- Sub-unit intake (issue 15; /work/prompts/intake-contract.md): forms out, lists in ----

/** Cells of a submission as the browser read them (xlsx: the cell's value; dates as 'dd/mm/yyyy' text; csv: text). */
export type SubmissionCell = string | number | boolean | null;

/** One column of the intake form: a column of the `Đại biểu` template. */
export interface IntakeFormColumn {
  /** The header as the Đại biểu sheet names it ("Họ và tên", "Dân tộc", …). */
  header: string;
  /** The template key ("name", "ethnic", …). */
  key: string;
  required: boolean;
  kind: 'text' | 'integer' | 'year' | 'date';
  /** Dropdown values (ethnic groups, gender, delegate type): official spellings. */
  choices?: string[];
  /** Pixels, as in the template. */
  width?: number;
  /** One short Vietnamese line. */
  help?: string;
}

export interface IntakeForm {
  unit: { code: string; name: string };
  province: string;
  /** "huyện, thành phố" / "xã, phường" … from Cấp đơn vị. */
  unitWord: string;
  round: string;
  year: number | null;
  /** Official seats of the unit (Số chính thức, else Số phân bổ); null before allocation. */
  seats: number | null;
  /** Guests allowed for the unit (Tỷ lệ khách mời tối đa × seats, rounded down); null when no rule or no seats. */
  guests: number | null;
  /** Groups living in the unit that must be represented (Dân tộc theo đơn vị), official names. */
  ethnicGroups: string[];
  /** 'dd/mm/yyyy' or ''. */
  deadline: string;
  columns: IntakeFormColumn[];
  /** Short Vietnamese lines printed under the title block. */
  instructions: string[];
  /** Suggested file name, ends with .xlsx, no characters illegal on Windows. */
  fileName: string;
}

export type IntakeFormsDto = { ok: true; forms: IntakeForm[] } | { ok: false; message: string };

export interface SubmissionRow {
  /** 1-based row number in the submitted file (as the unit sees it); for rows of the sheet, 0. */
  sourceRow: number;
  /** 1-based row in Đại biểu (existing rows). */
  sheetRow?: number;
  /** By template key, display text. */
  values: Record<string, string>;
}

export interface SubmissionProblem {
  severity: 'error' | 'warning';
  /** Row in the submitted file (null: about the whole file). */
  sourceRow: number | null;
  /** Header as the file wrote it. */
  column: string | null;
  /** Vietnamese, names the row ("Dòng 7: …"). */
  message: string;
}

export interface SubmissionPreviewDto {
  ok: true;
  mode: 'preview' | 'replace';
  unit: { code: string; name: string };
  fileName: string;
  /** 1-based in the file (0 when no header was found). */
  headerRow: number;
  /** Every header of the file, key null when not recognised. */
  columns: { header: string; key: string | null }[];
  added: SubmissionRow[];
  removed: SubmissionRow[];
  changed: { before: SubmissionRow; after: SubmissionRow; keys: string[] }[];
  unchanged: number;
  otherUnitRows: { sourceRow: number; unit: string }[];
  problems: SubmissionProblem[];
  /** Digest of (unit rows now + submission); pass back with mode 'replace'. */
  expect: string;
  /** Nothing can be imported (no header, no row for the unit …): 'replace' is refused. */
  blocked?: boolean;
  /** replace only. */
  written?: { rows: number; removed: number; sheet: string };
  /** One Vietnamese sentence summing up. */
  message: string;
}

export type SubmissionDto = SubmissionPreviewDto | { ok: false; message: string };

/** The sidebar's state and the context its views render from. */
import type { MeetingDto, NoticeKind, OverviewDto, ProblemDto, ServerFunction } from '../rpc/contract';
import type { Child } from './dom';
import type { Strings } from './i18n';
import type { Filter } from './model';

export type { Filter };

/** The actions the sidebar runs. */
export type ActionKey =
  | 'setupWorkbook'
  | 'allocateDelegates'
  | 'undoAllocation'
  | 'validateAll'
  | 'generateNotice'
  | 'issueDraft'
  | 'voidNumber';

export type Tone = 'ok' | 'warn' | 'error' | 'busy';

export interface ResultState {
  tone: Tone;
  /** Strings are looked up at render time (from the sidebar's one strings module). */
  title: (t: Strings) => string;
  /** The server's sentence (or a sidebar string). */
  message: string | ((t: Strings) => string);
  /** Extra content under the message (explanations, a link). */
  details?: (t: Strings) => Child;
}

export interface ProblemsState {
  source: Extract<ServerFunction, 'validateAll' | 'allocateDelegates'>;
  items: ProblemDto[];
  at: string | null;
  /** Counts of every problem found, when `items` holds only the first ones (validateAll). */
  errors?: number;
  warnings?: number;
  /** Restored from a `Kiểm tra` that no longer holds all of this run's problems (lastValidation). */
  incomplete?: boolean;
}

/** The inline form of "Tạo văn bản ▸ <kind>": the meeting (Thông báo kết luận) and the document date. */
export interface NoticeForm {
  kind: NoticeKind;
  /** Thông báo kết luận: the meetings, newest first (null while they load); other kinds: []. */
  meetings: MeetingDto[] | null;
  /** Code of the chosen meeting. */
  meeting: string;
  /** Giấy mời: also invite the guests (Khách mời); unticked by default. */
  guests?: boolean;
  /** ISO yyyy-mm-dd; default: the server's today (the spreadsheet's time zone). '' while the text typed is not a day. */
  date: string;
  /** The date as typed (dd/mm/yyyy); undefined until the user types. */
  dateText?: string;
  /** The typed date could not be read (shown after "Tạo"). */
  dateError?: boolean;
  /** Why the meetings could not be loaded. */
  error: string | null;
  /** The server questioned the figures (allocation notice): its message, shown with "Vẫn tạo văn bản". */
  confirm?: string | null;
  /** "Tạo dự thảo (chưa cấp số)": no number and no day yet (issued later with "Cấp số"). */
  draft?: boolean;
}

/** The inline "Hủy số" form under a numbered document: the number and the reason typed. */
export interface VoidForm {
  /** The log's `Số` ("05/TB-BCĐ"), what voidNumber takes. */
  number: string;
  reason: string;
  /** "Hủy số" was pressed with no reason. */
  error?: boolean;
}

/** What allocateDelegates is given when the officer confirms the preview (its digest). */
export interface AllocationChoice {
  confirmed: true;
  expect: string;
}

/** What undoAllocation is given when the officer confirms replacing the cells typed by hand (their digest). */
export interface UndoChoice {
  overwrite: string;
}

/** What generateNotice is given from the form. */
export interface NoticeChoice {
  meeting?: string;
  date?: string;
  /** Giấy mời: also invite the guests (Khách mời). */
  guests?: boolean;
  /** The officer confirmed printing figures the checks question. */
  force?: boolean;
  /** Leave the number and the day blank (a draft). */
  draft?: boolean;
}

export interface State {
  overview: OverviewDto | null;
  overviewError: string | null;
  /** The running action (with its notice kind), or null. */
  busy: { action: ActionKey; kind?: NoticeKind } | null;
  result: ResultState | null;
  problems: ProblemsState | null;
  filter: Filter;
  noticeMenuOpen: boolean;
  noticeForm: NoticeForm | null;
  progressOpen: boolean;
  /** Key of the problem whose cell was last selected. */
  selected: string | null;
  /** The last validation's problems are being read back (lastValidation). */
  problemsLoading?: boolean;
  /** Why they could not be read back. */
  problemsError?: string | null;
  /** The "Hủy số" form open under a document, or null. */
  voidForm?: VoidForm | null;
}

/** What the views get: the state, the strings, and the callbacks. */
export interface ViewContext {
  state: State;
  t: Strings;
  run(action: ActionKey, kind?: NoticeKind, choice?: NoticeChoice | AllocationChoice | UndoChoice): void;
  refresh(): void;
  setFilter(filter: Filter): void;
  toggleNoticeMenu(): void;
  /** Shows the form of `kind` (hides it when it is already shown). */
  openNoticeForm(kind: NoticeKind): void;
  closeNoticeForm(): void;
  setNoticeField(field: 'meeting' | 'dateText' | 'dateError' | 'guests' | 'draft', value: string): void;
  /** "Cấp số" on a draft (issueDraft with its link). */
  issueDraft(url: string): void;
  /** Opens the "Hủy số" form under the document numbered `number` (null: closes it). */
  openVoidForm(number: string | null): void;
  setVoidReason(reason: string): void;
  /** Sends the open "Hủy số" form (voidNumber), or says the reason is missing. */
  submitVoid(): void;
  toggleProgress(open: boolean): void;
  select(problem: ProblemDto, key: string): void;
  /** Opens a sheet at a cell (the "Bắt đầu" go-to-sheet links). */
  goToSheet(sheet: string, cell: string): void;
  /** Opens the "Tạo văn bản" menu and focuses its first kind. */
  openDocumentsMenu(): void;
}

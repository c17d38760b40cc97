/**
 * "Tạo văn bản": reads the sheets (one getValues each), builds the document model, and returns
 * the existing Doc when the log (`Văn bản`) already holds one made from the same data. Otherwise
 * everything that can refuse is checked first (figures, settings, field lengths, the template, the
 * sharing settings, consent to the Docs scope); then, under the document lock, the number is taken,
 * the Doc is created and logged at once as unfinished, filled, shared, and its log row completed;
 * the sheet is flushed before the lock is released, so a second user never takes the same number.
 * A Doc whose filling failed stays logged as unfinished and is completed by the next attempt.
 */
import { fixedSeatsOf } from '../domain/allocation';
import {
  ageBandsFrom,
  DEFAULT_AGE_LIMITS,
  parseAgeLimits,
  partyColumn,
  summarizeComposition,
} from '../domain/composition';
import { formatNd30Date, type IsoDate, isoFromDate } from '../domain/dates';
import { type AllocationNoticeInput, buildAllocationNotice, methodSentence } from '../domain/notice/allocation';
import { assignmentInput, buildAssignmentDecision } from '../domain/notice/assignment';
import {
  blankFieldChecks,
  buildCompositionReport,
  type CompositionReportInput,
  guestDuplicateChecks,
  implausibleBirthYears,
  namelessGuestChecks,
  partyChecks,
  REPORT_WHAT,
  unreadableLiving,
} from '../domain/notice/compositionReport';
import { buildConclusionNotice, conclusionInput, NoticeDataError } from '../domain/notice/conclusion';
import { buildDelegateList, DELEGATE_LIST_WHAT, delegateListInput } from '../domain/notice/delegateList';
import { delegateCountChecks, duplicateChecks, printedDelegates } from '../domain/notice/delegates';
import { DIGEST_LENGTH, digestSource, toHex } from '../domain/notice/digest';
import { type FigureProblem, isTotalRow, officialFigureProblems, printedSeats } from '../domain/notice/figures';
import { congressName, NOTICE_TYPES, symbolOf, withNumber } from '../domain/notice/frame';
import { buildInvitations, INVITATION_WHAT, invitationInput, MAX_INVITATIONS } from '../domain/notice/invitation';
import { foundingDecisionOf, legalBasisLines } from '../domain/notice/legalBasis';
import {
  CELL_MAX_CHARS,
  draftCell,
  draftSymbol,
  findByDigest,
  findUnfinished,
  type LogEntry,
  listDocumentsOf,
  logRowCells,
  longestLogCell,
  type NewLogRow,
  readDocumentLog,
  voidedCell,
} from '../domain/notice/log';
import type { DocModel } from '../domain/notice/model';
import { nextDocNumber, parseDocNumber } from '../domain/notice/numbering';
import { BODY_PLACEHOLDER, COLUMN_PLACEHOLDER, placeholderValues } from '../domain/notice/placeholders';
import { type DocProfile, missingProfileFields, resolveProfile } from '../domain/notice/profiles';
import { ProblemList } from '../domain/problem';
import {
  type MemberRecord,
  readAllocationTable,
  readConclusions,
  readDelegates,
  readMeetings,
  readMembers,
  readSettingsWithCells,
  readTasks,
  readUnitEthnic,
  readUnits,
  type SettingCells,
  UnitIndex,
  type UnitRecord,
} from '../domain/records';
import { resolveSupervised } from '../domain/roster/members';
import { SETTING_SPECS, type Settings } from '../domain/settings';
import { locateTable, type Table } from '../domain/table';
import { SHEETS } from '../domain/template';
import { foldKey } from '../domain/text';
import type { DocumentDto, NoticeKind, NoticeResultDto } from '../rpc/contract';
import { UserError, withDocumentLock } from '../sheets/lock';
import {
  activeSpreadsheet,
  findSheet,
  insertTemplateSheet,
  readGrid,
  readGrids,
  type Spreadsheet,
  timeZoneOffset,
  visibleName,
} from '../sheets/workbook';
import {
  COMPOSITION_REPORT,
  DELEGATE_DOCUMENT_MESSAGES,
  DOCUMENT_LAYOUT,
  DOCUMENT_MESSAGES,
  KIND_NAMES,
  MESSAGES,
} from '../ui/vi';
import { fillPages } from './pages';
import { createDraft, draftNameOf, fillDocument, openTemplate } from './render';
import {
  describeSharing,
  listedFor,
  requireDocumentsScope,
  SHARING_MESSAGES,
  type SharePlan,
  share,
  sharePlan,
} from './sharing';

export interface NoticeOptions {
  /** `Mã cuộc họp` of the meeting (Thông báo kết luận); default: the latest meeting. */
  meeting?: string;
  /** ISO day printed on the document; default: today. */
  date?: string;
  /** Print allocation figures the checks question (the officer confirmed). Never prints a negative one. */
  force?: boolean;
  /** Leave the number and the day blank (a draft, numbered later by issueDraft); default: the `Cấp số văn bản` setting. */
  draft?: boolean;
  /** Giấy mời: also invite the guests (Khách mời). */
  guests?: boolean;
}

/** Google Docs holds about 1.02 million characters per document; the add-in stops below that. */
export const DOC_MAX_CHARS = 1_000_000;

export const NOTICE_MESSAGES = {
  quota:
    'Đã vượt hạn mức tạo Google Docs trong ngày của tài khoản (Google giới hạn số văn bản tạo mỗi ngày). ' +
    'Vui lòng thử lại vào ngày mai.',
  failed:
    'Không tạo được văn bản do lỗi tạm thời của dịch vụ Google Docs. Chưa có văn bản nào được tạo; vui lòng thử lại sau ít phút.',
  failedBefore:
    'Không tạo được văn bản do lỗi tạm thời của dịch vụ Google. Chưa có văn bản nào được tạo và trang tính không thay đổi; vui lòng thử lại sau ít phút.',
  unfinished: (label: string, number: string) =>
    `Văn bản ${label} số ${number} đã được tạo nhưng chưa hoàn chỉnh do lỗi tạm thời của dịch vụ Google Docs. ` +
    `Văn bản đã được ghi ở trang "${SHEETS.documents.name}" với dấu [CHƯA HOÀN THÀNH]; hãy thử lại: ` +
    'lần sau tiện ích hoàn thành đúng văn bản này (cùng số), không tạo văn bản mới.',
  unsure: (label: string, number: string) =>
    `Văn bản ${label} số ${number} đã được tạo đầy đủ, nhưng chưa chắc đã được ghi xong vào trang "${SHEETS.documents.name}" ` +
    'do lỗi tạm thời của dịch vụ Google Trang tính. Hãy thử lại: tiện ích mở lại hoặc hoàn thành đúng văn bản này (cùng số), không tạo văn bản mới.',
  unlogged: (name: string) =>
    `Không ghi được nhật ký văn bản vào trang "${SHEETS.documents.name}" do lỗi tạm thời của dịch vụ Google Trang tính. ` +
    `Một văn bản trống tên "${name}" có thể còn trong Google Drive của bạn: hãy xóa văn bản đó rồi thử lại.`,
  template: (id: string) =>
    `Không mở được văn bản mẫu có ID "${id}" (mục "Mẫu văn bản" trong trang Cấu hình). ` +
    'Kiểm tra lại ID và quyền xem văn bản mẫu, hoặc xóa ID để dùng mẫu mặc định.',
  placeholders: (bad: readonly string[], known: readonly string[]) =>
    `Văn bản mẫu (mục "Mẫu văn bản" trong trang "${SHEETS.config.name}") có chỗ điền tiện ích không nhận ra: ${bad.slice(0, 6).join(', ')}` +
    `${bad.length > 6 ? ` và ${bad.length - 6} chỗ khác` : ''}. Chưa có văn bản nào được tạo. ` +
    `Viết liền, chữ thường, không dấu cách, một trong: ${known.map((k) => `{{${k}}}`).join(', ')}, {{${COLUMN_PLACEHOLDER}1}}….`,
  missingSettings: (labels: string[]) =>
    `Chưa khai báo ${labels.join(', ')} trong trang "${SHEETS.config.name}": cần để ghi phần đầu và số văn bản.`,
  badDate: (d: string) => `Ngày văn bản "${d}" không hợp lệ.`,
  noAllocation: `Chưa có kết quả phân bổ trong trang "${SHEETS.allocation.name}": hãy chạy "Phân bổ đại biểu" trước.`,
  figures: (problems: readonly string[]) => `Chưa tạo thông báo phân bổ vì số liệu chưa khớp. ${problems.join(' ')}`,
  missingUnits: (units: readonly UnitRecord[]) =>
    `Trang "${SHEETS.allocation.name}" không có dòng của ${units.length} đơn vị ở trang "${SHEETS.units.name}": ` +
    `${units
      .slice(0, 6)
      .map((u) => `${u.data.name || u.data.code} (ô ${u.cells.code ?? ''})`)
      .join(
        ', ',
      )}${units.length > 6 ? ` và ${units.length - 6} đơn vị khác` : ''}; văn bản sẽ không có các đơn vị này.`,
  figuresConfirm:
    ' Nếu đây là quyết định của Ban Chỉ đạo, hãy xác nhận "Vẫn tạo văn bản" để in đúng các số đang có trong trang.',
  tooLong: (chars: number, sheets: string) =>
    `Văn bản quá dài (khoảng ${chars.toLocaleString('vi-VN')} ký tự; Google Docs chỉ chứa khoảng 1.020.000 ký tự). ` +
    `Chưa có văn bản nào được tạo: hãy rút gọn nội dung ở ${sheets}.`,
  cellTooLong: (column: string, chars: number) =>
    `Cột "${column}" của nhật ký văn bản sẽ có ${chars.toLocaleString('vi-VN')} ký tự, vượt giới hạn 50.000 ký tự của một ô. Chưa có văn bản nào được tạo.`,
  created: (label: string, number: string) => `Đã tạo ${label}${number ? ` số ${number}` : ''}.`,
  completed: (label: string, number: string) =>
    `Đã hoàn thành ${label}${number ? ` số ${number}` : ''} (lần trước chưa hoàn chỉnh).`,
  reused: (label: string, number: string) =>
    `Dữ liệu không thay đổi kể từ lần tạo trước: mở lại ${label}${number ? ` số ${number}` : ''} đã có.`,
  tooManyPages: (pages: number, max: number) =>
    `Có ${pages.toLocaleString('vi-VN')} giấy mời: quá ${max.toLocaleString('vi-VN')} trang, Google Apps Script không kịp tạo trong một lần chạy. ` +
    'Chưa có văn bản nào được tạo.',
} as const;

const QUOTA_RE = /too many times|quota|rate limit|limit exceeded|hạn mức/i;

/** Sheets whose text each kind prints (for the message when a document would be too long). */
const SOURCE_SHEETS: Record<NoticeKind, string> = {
  'thong-bao-ket-luan': `các trang "${SHEETS.meetings.name}", "${SHEETS.conclusions.name}", "${SHEETS.tasks.name}"`,
  'phan-bo-dai-bieu': `các trang "${SHEETS.allocation.name}", "${SHEETS.units.name}"`,
  'phan-cong-nhiem-vu': `trang "${SHEETS.members.name}"`,
  'giay-moi': `trang "${SHEETS.delegates.name}" và các dòng Thời gian, Địa điểm Đại hội ở trang "${SHEETS.config.name}"`,
  'danh-sach-dai-bieu': `trang "${SHEETS.delegates.name}"`,
  'bao-cao-co-cau': `các trang "${SHEETS.delegates.name}", "${SHEETS.units.name}"`,
};

interface Prepared {
  model: DocModel;
  profile: DocProfile;
  /** What the document would print wrong (named by cell): refused unless the officer confirms (`force`). */
  checks: string[];
  digest: string;
  settings: Settings;
  cells: SettingCells;
  tz: number;
  year: number;
  figures: FigureProblem[];
}

function checkProfile(p: DocProfile): void {
  const missing = missingProfileFields(p);
  if (missing.length) throw new UserError(NOTICE_MESSAGES.missingSettings(missing));
}

/** The kind's profile; the members are read only when the signer's name must come from `Thành viên`. */
function profileOf(
  ss: Spreadsheet,
  kind: NoticeKind,
  settings: Settings,
  cells: SettingCells,
  members: readonly MemberRecord[] | null,
): DocProfile {
  const first = resolveProfile(kind, settings, cells, members ?? []);
  if (first.signerName || members) return first;
  return resolveProfile(kind, settings, cells, readMembers(readGrid(ss, 'members'), new ProblemList()));
}

/** The allocation as the `Phân bổ` sheet shows it, names and populations from `Đơn vị`, and what is wrong with it. */
function allocationNoticeInput(
  ss: Spreadsheet,
  settings: Settings,
  cells: SettingCells,
  problems: ProblemList,
): { input: AllocationNoticeInput; figures: FigureProblem[] } {
  const grids = readGrids(ss, ['allocation', 'units']);
  const index = new UnitIndex(readUnits(grids.units, problems));
  const records = readAllocationTable(grids.allocation, problems).rows;
  const rows = records.flatMap((r) => {
    const unit = index.resolve(r.data.code);
    const seats = printedSeats(r);
    if (!r.data.code || seats === null || isTotalRow(r)) return [];
    return [
      {
        code: r.data.code,
        name: unit?.data.name ?? r.data.code,
        dttsPopulation: unit?.data.dttsPopulation ?? 0,
        seats,
      },
    ];
  });
  if (rows.length === 0) throw new NoticeDataError(NOTICE_MESSAGES.noAllocation);
  const fixedSeats = fixedSeatsOf(settings);
  const fixed = fixedSeats.reduce((a, f) => a + f.seats, 0);
  const figures = officialFigureProblems(records, settings, cells, fixed, (code) => {
    const unit = index.resolve(code);
    return unit ? { row: unit.row, name: unit.data.name || code } : undefined;
  });
  // A unit of `Đơn vị` with no row in `Phân bổ` would be left out of the notice without a word.
  const listed = new Set(records.filter((r) => !isTotalRow(r)).map((r) => index.resolve(r.data.code)?.row));
  const missing = index.units.filter((u) => u.data.code && !listed.has(u.row));
  if (missing.length) figures.push({ forceable: true, message: NOTICE_MESSAGES.missingUnits(missing) });
  return { input: { rows, fixedSeats, methodSentence: methodSentence(settings) }, figures };
}

/**
 * The composition report's data: compositionSummary's own count (summarizeComposition) over the
 * delegates, once the rows it counts could all be read. Refused (naming the cells) when a counted
 * row's type, unit, ethnic group, gender or birth year could not be read, when the congress year is
 * not set or the age bands cannot be read; questioned (printed once confirmed) when a counted row
 * leaves a field blank, when a person may be listed twice, or when a unit's delegates differ from
 * its `Số chính thức`.
 */
function compositionReportData(
  ss: Spreadsheet,
  settings: Settings,
  cells: SettingCells,
  tz: number,
  problems: ProblemList,
  checks: string[],
): CompositionReportInput {
  const config = SHEETS.config.name;
  if (settings.year === null) {
    // "năm 2026", "24": the cell is not blank, it could not be read; say so, not "chưa có".
    const unread = problems.items.find((x) => x.severity === 'error' && cells.year && x.cell === cells.year);
    throw new NoticeDataError(
      unread
        ? COMPOSITION_REPORT.badYear(config, cells.year ?? '', unread.message)
        : COMPOSITION_REPORT.noYear(config, cells.year ?? ''),
    );
  }
  const limits = parseAgeLimits(settings.ageBands);
  if (limits === null) {
    throw new NoticeDataError(COMPOSITION_REPORT.badAgeBands(config, cells.ageBands ?? '', settings.ageBands));
  }
  const g = readGrids(ss, ['delegates', 'units', 'allocation', 'unitEthnic']);
  const units = readUnits(g.units, problems, tz);
  const index = new UnitIndex(units);
  const delegates = readDelegates(g.delegates, index, problems, tz);
  const counted = printedDelegates(
    delegates,
    index,
    new Set(['official', 'ex-officio']),
    ['unit', 'kind', 'gender', 'birthYear', 'ethnic'],
    REPORT_WHAT,
  );
  const years = implausibleBirthYears(delegates, settings.year);
  if (years.length) throw new NoticeDataError(COMPOSITION_REPORT.implausible(SHEETS.delegates.name, years));
  checks.push(...blankFieldChecks(delegates));
  checks.push(...duplicateChecks(counted));
  checks.push(...guestDuplicateChecks(delegates));
  checks.push(...namelessGuestChecks(delegates));
  checks.push(
    ...delegateCountChecks(settings, cells, units, readAllocationTable(g.allocation, problems, tz).rows, delegates),
  );
  const unitEthnic = readUnitEthnic(g.unitEthnic, index, problems);
  const living = unreadableLiving(unitEthnic, g.unitEthnic);
  if (living.length) throw new NoticeDataError(COMPOSITION_REPORT.livingUnreadable(SHEETS.unitEthnic.name, living));
  const headerRow = locateTable(SHEETS.delegates, g.delegates, new ProblemList()).headerRow;
  const party = partyColumn(g.delegates, headerRow);
  if (party !== null && g.delegates) checks.push(...partyChecks(delegates, g.delegates, party));
  const summary = summarizeComposition({
    delegates,
    units,
    unitEthnic,
    year: settings.year,
    bands: ageBandsFrom(limits.length > 0 ? limits : DEFAULT_AGE_LIMITS),
    partyRequired: settings.requiredProfileFields.includes('partyMember'),
    delegateGrid: g.delegates,
    headerRow,
  });
  const livingDeclared = unitEthnic.some((r) => (r.data.population ?? 0) > 0);
  return { summary, livingDeclared };
}

/** Reads the data and builds the model (still without its number) and the digest. */
function prepare(ss: Spreadsheet, kind: NoticeKind, options: NoticeOptions, now: Date): Prepared {
  const tz = timeZoneOffset(ss, now);
  const problems = new ProblemList();
  const { settings, cells } = readSettingsWithCells(readGrid(ss, 'config'), tz, problems);
  const date: IsoDate = options.date ?? isoFromDate(now, tz);
  let input: unknown;
  let model: DocModel;
  let profile: DocProfile;
  let figures: FigureProblem[] = [];
  const checks: string[] = [];
  const draft = options.draft ?? settings.numbering === 'draft';
  try {
    if (kind === 'thong-bao-ket-luan') {
      const g = readGrids(ss, ['meetings', 'conclusions', 'tasks', 'members']);
      const members = readMembers(g.members, problems);
      profile = profileOf(ss, kind, settings, cells, members);
      checkProfile(profile);
      const data = conclusionInput(
        options.meeting,
        readMeetings(g.meetings, tz, problems),
        readConclusions(g.conclusions, problems),
        readTasks(g.tasks, tz, problems).rows,
        members,
      );
      input = data;
      model = buildConclusionNotice(data, settings, date, '', { profile, draft });
    } else if (kind === 'phan-bo-dai-bieu') {
      profile = profileOf(ss, kind, settings, cells, null);
      checkProfile(profile);
      const data = allocationNoticeInput(ss, settings, cells, problems);
      input = data.input;
      figures = data.figures;
      model = buildAllocationNotice(data.input, settings, date, '', { profile, draft });
    } else if (kind === 'bao-cao-co-cau') {
      profile = profileOf(ss, kind, settings, cells, null);
      checkProfile(profile);
      const data = compositionReportData(ss, settings, cells, tz, problems, checks);
      input = data;
      model = buildCompositionReport(data, settings, date, '', { profile, draft });
    } else if (kind === 'giay-moi' || kind === 'danh-sach-dai-bieu') {
      // A setting the document prints that could not be read (#REF! of a broken formula) is never
      // printed as blank or left out: refused naming the cell.
      const printed = SETTING_SPECS.filter((spec) =>
        (kind === 'giay-moi'
          ? ['congressTime', 'congressPlace', 'invitationDocuments']
          : ['delegateListDecision']
        ).includes(spec.key),
      );
      const items = printed.flatMap((spec) => {
        const cell = cells[spec.key as keyof SettingCells];
        const error = problems.items.find((x) => x.severity === 'error' && cell && x.cell === cell);
        const code = error && /#[A-Z0-9/!?]+/.exec(error.message)?.[0];
        return cell && error ? [DELEGATE_DOCUMENT_MESSAGES.cell(cell, `${spec.label}: ${code ?? error.message}`)] : [];
      });
      if (items.length) {
        const what = kind === 'giay-moi' ? INVITATION_WHAT : DELEGATE_LIST_WHAT;
        throw new NoticeDataError(DELEGATE_DOCUMENT_MESSAGES.unreadable(SHEETS.config.name, what, items));
      }
      profile = profileOf(ss, kind, settings, cells, null);
      checkProfile(profile);
      const g = readGrids(ss, ['delegates', 'units', 'allocation']);
      const units = readUnits(g.units, problems, tz);
      const index = new UnitIndex(units);
      const delegates = readDelegates(g.delegates, index, problems, tz);
      if (kind === 'danh-sach-dai-bieu') {
        // The list prints a count per unit: the counts `Phân bổ` gives, or a confirmed difference.
        const allocation = readAllocationTable(g.allocation, problems, tz).rows;
        checks.push(...delegateCountChecks(settings, cells, units, allocation, delegates));
      }
      if (kind === 'giay-moi') {
        const data = invitationInput(delegates, index, settings, cells, !!options.guests);
        input = data;
        model = buildInvitations(data, settings, date, '', { profile, draft });
      } else {
        const data = delegateListInput(delegates, index, settings);
        checks.push(...duplicateChecks(data.groups.flatMap((x) => x.delegates)));
        input = data;
        model = buildDelegateList(data, settings, date, { profile });
      }
    } else {
      const g = readGrids(ss, ['members', 'units']);
      const members = readMembers(g.members, problems);
      profile = profileOf(ss, kind, settings, cells, members);
      checkProfile(profile);
      const index = new UnitIndex(readUnits(g.units, problems));
      const founding =
        foundingDecisionOf(settings) ??
        foundingDecisionOf(settings, readMeetings(readGrid(ss, 'meetings'), tz, new ProblemList()));
      if (!founding) {
        throw new UserError(
          DOCUMENT_MESSAGES.noLegalBasis(
            'Quyết định thành lập Ban Chỉ đạo',
            SHEETS.config.name,
            cells.foundingDecision,
          ),
        );
      }
      const basis = legalBasisLines(founding, settings.legalBasis, `Ban Chỉ đạo ${congressName(settings)}`);
      const data = { ...assignmentInput(members, index, settings.level), basis };
      // A supervised unit `Đơn vị` does not know would be printed as typed ("Lộc Bình Mới").
      const unknown = members
        .filter((m) => m.data.name && foldKey(m.data.body ?? '') === 'ban chỉ đạo')
        .flatMap((m) => {
          const names = resolveSupervised(m.data.units, index).unknown;
          return names.length ? [`${m.cells.units ?? ''} ("${names.join('", "')}")`] : [];
        });
      if (unknown.length) checks.push(DOCUMENT_MESSAGES.unknownUnits(SHEETS.members.name, unknown));
      input = data;
      model = buildAssignmentDecision(data, settings, date, '', { profile, draft });
    }
  } catch (e) {
    if (e instanceof NoticeDataError) throw new UserError(e.message);
    if (e instanceof RangeError) throw new UserError(NOTICE_MESSAGES.badDate(date));
    throw e;
  }
  if (!profile.signerName) checks.push(DOCUMENT_MESSAGES.noSigner(labelOf(kind), profile.where.signerName ?? ''));
  const { cells: _cells, where: _where, signerFrom: _from, ...printed } = profile;
  const source = digestSource(kind, settings, { input, profile: printed }, options.date);
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, source, Utilities.Charset.UTF_8);
  return {
    model,
    profile,
    checks,
    digest: toHex(bytes).slice(0, DIGEST_LENGTH),
    settings,
    cells,
    tz,
    year: Number(date.slice(0, 4)),
    figures,
  };
}

const labelOf = (kind: NoticeKind) => NOTICE_TYPES[kind].label.toLowerCase();

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/** The Doc's id in its link. */
const idOf = (url: string): string => /\/document\/d\/([^/]+)/.exec(url)?.[1] ?? '';

/**
 * The document found in the log for the same data. A Doc made by someone else opens only if it was
 * shared with this user: the log says so, or opening it works; otherwise no link is returned.
 */
function reusedResult(kind: NoticeKind, e: LogEntry, me: string): NoticeResultDto {
  const base = { number: e.number, title: e.title, reused: true, sharedWith: e.sharedWith };
  if (!listedFor(e, me) && e.user && e.user.toLowerCase() !== me.toLowerCase()) {
    let opens = false;
    try {
      requireDocumentsScope();
      DocumentApp.openById(idOf(e.url));
      opens = true;
    } catch (err) {
      if (err instanceof UserError) throw err;
    }
    if (!opens) return { ...base, url: '', message: SHARING_MESSAGES.notShared(labelOf(kind), e.number, e.user) };
  }
  const message = e.draft
    ? DOCUMENT_MESSAGES.draftReused(labelOf(kind))
    : NOTICE_MESSAGES.reused(labelOf(kind), e.number);
  return { ...base, url: e.url, message };
}

/**
 * The same data again, after "Chia sẻ văn bản với" or the `Thành viên` addresses changed: the Doc is
 * shared with the addresses it lacks and its `Chia sẻ` cell says so (under the lock, flushed). Only a
 * user who can open the Doc and share it gets that far (Google checks); otherwise, or when nothing is
 * to add, the entry as it is.
 */
function shareAgain(ss: Spreadsheet, p: Prepared, seen: LogEntry, me: string): LogEntry {
  const plan = sharePlan(ss, p.settings, p.cells, () => readMembers(readGrid(ss, 'members'), new ProblemList()), me);
  const fresh = plan.emails.filter((e) => !listedFor({ user: '', sharedWith: seen.sharedWith }, e));
  if (fresh.length === 0) return seen;
  requireDocumentsScope();
  return withDocumentLock(() => {
    const log = readDocumentLog(readGrid(ss, 'documents'), p.tz);
    const entry = findByDigest(log.entries, p.digest);
    const column = log.table.columns.sharedWith;
    const doc = entry ? reopen(entry.url) : null;
    if (!entry || !doc || column === undefined) return entry ?? seen;
    // Without the userinfo.email scope `me` is '': the Doc's own holders and maker are left out here.
    const holders = [...doc.getEditors(), ...doc.getViewers()].map((u) => u.getEmail().toLowerCase());
    const adding = fresh.filter((e) => !holders.includes(e) && e !== entry.user.trim().toLowerCase());
    if (adding.length === 0) return entry;
    try {
      share(doc, { ...plan, emails: adding });
    } catch (e) {
      console.error('share', e);
      return entry;
    }
    const added = describeSharing({ ...plan, emails: adding });
    const sharedWith = entry.sharedWith ? `${entry.sharedWith}; ${added}` : added;
    const cell = findSheet(ss, 'documents')?.getRange(entry.row, column + 1);
    cell?.setNumberFormat('@');
    cell?.setValue(sharedWith);
    flushQuietly();
    return { ...entry, sharedWith };
  });
}

/** Columns without which a logged Doc would be lost to numbering and re-use (a second Doc, same number). */
const LOG_ESSENTIAL = ['kind', 'number', 'url', 'digest'] as const;

/**
 * The log sheet, created with its header row when missing. A sheet named like it ("VĂN BẢN") that
 * lacks the log's columns is the user's own: refused before any Doc exists, never written.
 */
function logSheet(ss: Spreadsheet, table: Table): GoogleAppsScript.Spreadsheet.Sheet {
  const spec = SHEETS.documents;
  const existing = findSheet(ss, 'documents');
  if (existing) {
    const missing = spec.columns.filter(
      (c) => LOG_ESSENTIAL.some((k) => k === c.key) && table.columns[c.key] === undefined,
    );
    if (missing.length)
      throw new UserError(
        MESSAGES.logSheetNotOurs(
          visibleName(existing.getName()),
          spec.name,
          missing.map((c) => c.header),
        ),
      );
    return existing;
  }
  const sheet = insertTemplateSheet(ss, 'documents');
  sheet.getRange(1, 1, 1, spec.columns.length).setValues([spec.columns.map((c) => c.header)]);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Writes a log row as text: each run of cells is formatted "@" first, so Sheets keeps the strings
 * as they are (https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)).
 */
function writeLogRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: Table,
  entry: NewLogRow,
  tz: number,
  row?: number,
): number {
  const cells = logRowCells(table, entry, tz, row);
  for (const run of cells.runs) {
    const range = sheet.getRange(cells.row, run.column, 1, run.values.length);
    range.setNumberFormat('@');
    range.setValues([run.values]);
  }
  return cells.row;
}

/** Everything that does not depend on the number or the link, checked before a Doc exists. */
function checkLimits(kind: NoticeKind, p: Prepared, entry: NewLogRow): void {
  const m = p.model;
  const lines = [
    ...m.header.left,
    ...m.header.right,
    m.header.number,
    m.header.placeDate,
    ...m.titleBlock,
    ...m.footer.left,
    ...m.footer.right,
  ];
  let chars = lines.reduce((a, l) => a + l.text.length + 1, 0);
  for (const b of m.blocks) {
    chars +=
      b.type === 'paragraph'
        ? b.runs.reduce((a, r) => a + r.text.length, 0) + 1
        : b.rows.reduce((a, r) => a + r.reduce((x, c) => x + c.length + 1, 0), 0);
  }
  // A document of pages (Giấy mời) repeats its page once per delegate.
  chars *= m.pages?.values.length ?? 1;
  if (chars > DOC_MAX_CHARS) throw new UserError(NOTICE_MESSAGES.tooLong(chars, SOURCE_SHEETS[kind]));
  if ((m.pages?.values.length ?? 0) > MAX_INVITATIONS)
    throw new UserError(NOTICE_MESSAGES.tooManyPages(m.pages?.values.length ?? 0, MAX_INVITATIONS));
  // The link and the number are not known yet: counted at their longest.
  const longest = longestLogCell({ ...entry, url: 'x'.repeat(120), number: `${'9'.repeat(6)}/${entry.number}` }, p.tz);
  if (longest.length > CELL_MAX_CHARS) {
    const header = SHEETS.documents.columns.find((c) => c.key === longest.key)?.header ?? longest.key;
    throw new UserError(NOTICE_MESSAGES.cellTooLong(header, longest.length));
  }
}

/** The user's template, opened before any Doc is made. */
function templateOf(settings: Settings): GoogleAppsScript.Document.Body | null {
  const id = settings.templateDocId.trim();
  if (!id) return null;
  try {
    return openTemplate(id);
  } catch (e) {
    console.error('template', e);
    throw new UserError(NOTICE_MESSAGES.template(id));
  }
}

/**
 * A placeholder the add-in would not fill ("{{So}}", "{{ so }}", "{{so_van_ban}}") would be printed as
 * it is in an official document: the template is refused before any Doc is made, naming them.
 */
function checkPlaceholders(template: GoogleAppsScript.Document.Body, model: DocModel): void {
  const known = new Set([...Object.keys(placeholderValues(model)), BODY_PLACEHOLDER]);
  const column = new RegExp(`^${COLUMN_PLACEHOLDER}\\d+$`);
  const bad = new Set<string>();
  for (const m of template.getText().matchAll(/\{\{([^{}]{0,60})\}\}/g)) {
    const key = m[1] as string;
    if (!known.has(key) && !column.test(key)) bad.add(m[0]);
  }
  if (bad.size) throw new UserError(NOTICE_MESSAGES.placeholders([...bad], [...known]));
}

/** Opens the unfinished Doc to complete it; null when it is gone (deleted, or no longer reachable). */
function reopen(url: string): GoogleAppsScript.Document.Document | null {
  try {
    return DocumentApp.openById(idOf(url));
  } catch {
    return null;
  }
}

/** Commits the log before the lock is released; a failure here is reported by the caller's message. */
function flushQuietly(): void {
  try {
    SpreadsheetApp.flush();
  } catch (e) {
    console.error('flush', e);
  }
}

function serviceError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  console.error('generateNotice', e);
  const detail = e instanceof Error ? e.message : String(e);
  return new UserError(QUOTA_RE.test(detail) ? NOTICE_MESSAGES.quota : NOTICE_MESSAGES.failed);
}

/**
 * Makes (or finds) the document of `kind` from the active data. Every failure reaches the user as
 * a Vietnamese sentence that says what exists: nothing (before the Doc), or the unfinished Doc.
 */
export function runGenerateNotice(
  ss: Spreadsheet,
  kind: NoticeKind,
  options: NoticeOptions = {},
  now: Date = new Date(),
): NoticeResultDto {
  const progress: Progress = { made: null, done: null };
  try {
    return generate(ss, kind, options, now, progress);
  } catch (e) {
    // The Doc was made and logged: a failure after that (releasing the lock, which Google also
    // releases when the execution ends) does not undo it.
    if (progress.done) return progress.done;
    if (e instanceof UserError) throw e;
    console.error('generateNotice', e);
    if (progress.made) throw new UserError(NOTICE_MESSAGES.unfinished(labelOf(kind), progress.made));
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserError(QUOTA_RE.test(detail) ? NOTICE_MESSAGES.quota : NOTICE_MESSAGES.failedBefore);
  }
}

/** How far a run got: the number of the Doc once it exists, the result once it is logged complete. */
interface Progress {
  made: string | null;
  done: NoticeResultDto | null;
}

function generate(
  ss: Spreadsheet,
  kind: NoticeKind,
  options: NoticeOptions,
  now: Date,
  progress: Progress,
): NoticeResultDto {
  const p = prepare(ss, kind, options, now);
  const label = labelOf(kind);
  const hard = p.figures.filter((f) => !f.forceable);
  if (hard.length) throw new UserError(NOTICE_MESSAGES.figures(hard.map((f) => f.message)));
  if (p.figures.length && !options.force) {
    const message = NOTICE_MESSAGES.figures(p.figures.map((f) => f.message)) + NOTICE_MESSAGES.figuresConfirm;
    return { message, url: '', number: '', title: '', reused: false, needsForce: true };
  }
  if (p.checks.length && !options.force) {
    const message = DOCUMENT_MESSAGES.checksRefused(label, p.checks) + DOCUMENT_MESSAGES.checksConfirm;
    return { message, url: '', number: '', title: '', reused: false, needsForce: true };
  }
  // Printed anyway (the officer confirmed): the result says what was questioned, cell by cell.
  const questioned = [...p.figures.map((f) => f.message), ...p.checks];
  const forcedNote = questioned.length ? DOCUMENT_MESSAGES.checksForced(questioned) : '';
  const me = currentUser();
  const seen = findByDigest(readDocumentLog(readGrid(ss, 'documents'), p.tz).entries, p.digest);
  if (seen) return reusedResult(kind, shareAgain(ss, p, seen, me), me);

  // Everything that can refuse, before any Doc exists.
  requireDocumentsScope();
  const plan: SharePlan = sharePlan(
    ss,
    p.settings,
    p.cells,
    () => readMembers(readGrid(ss, 'members'), new ProblemList()),
    me,
  );
  // A document of pages (Giấy mời) has its own layout: the user's template is for single documents.
  const template = p.model.pages ? null : templateOf(p.settings);
  if (template) checkPlaceholders(template, p.model);
  let maker = me;
  const entryOf = (number: string, url: string, unfinished: boolean, sharedWith: string): NewLogRow => ({
    kind: p.model.kindLabel,
    number,
    date: p.model.date,
    title: p.model.summary,
    url,
    digest: p.digest,
    user: maker,
    createdAt: now,
    sharedWith,
    unfinished,
  });
  checkLimits(kind, p, entryOf(symbolOf(kind, p.profile), '', false, describeSharing(plan)));

  return withDocumentLock(() => {
    // Read again under the lock: another user may have just made it, or taken a number.
    const log = readDocumentLog(readGrid(ss, 'documents'), p.tz);
    const again = findByDigest(log.entries, p.digest);
    if (again) return reusedResult(kind, again, me);
    const earlier = findUnfinished(log.entries, p.digest);
    const numbered = NOTICE_TYPES[kind].numbered !== false;
    // A draft takes no number: its `Số` cell says so, and issueDraft numbers it when it is signed.
    const draft = numbered && Boolean(p.model.draft);
    const symbol = symbolOf(kind, p.profile);
    const number =
      numbered && !draft
        ? (earlier && !earlier.draft && earlier.number) || nextNumber(log.entries, p.year, kind, p.profile, p.settings)
        : '';
    const logged = draft ? draftCell(symbol) : number;
    const model = numbered && !draft ? withNumber(p.model, number) : p.model;
    const sheet = logSheet(ss, log.table);
    let doc = earlier ? reopen(earlier.url) : null;
    if (!doc) {
      try {
        doc = createDraft(model);
      } catch (e) {
        throw serviceError(e);
      }
    }
    // The Doc exists from here on: it is logged at once, so a failure below leaves it known, not lost.
    progress.made = logged;
    let url = '';
    let row: number;
    let sharedWith = '';
    let shareNote = '';
    try {
      url = doc.getUrl();
      // Without the userinfo.email scope the active user's address is '' (Session.getActiveUser):
      // a new Doc's only editor is its maker (Document.getEditors, documents scope).
      const holders = doc.getEditors().map((u) => u.getEmail().toLowerCase());
      if (!maker) maker = earlier ? earlier.user : holders.length === 1 ? (holders[0] ?? '') : '';
      const audience = { ...plan, emails: plan.emails.filter((e) => e !== maker.toLowerCase()) };
      shareNote = audience.emails.length
        ? SHARING_MESSAGES.shared(audience.role, audience.emails.length)
        : SHARING_MESSAGES.noOne(audience.audience);
      try {
        share(doc, { ...audience, emails: audience.emails.filter((e) => !holders.includes(e)) });
        sharedWith = describeSharing(audience);
      } catch (e) {
        console.error('share', e);
        shareNote = SHARING_MESSAGES.shareFailed;
      }
      row = writeLogRow(sheet, log.table, entryOf(logged, url, true, sharedWith), p.tz, earlier?.row);
    } catch (e) {
      console.error('log', e);
      throw new UserError(NOTICE_MESSAGES.unlogged(draftNameOf(model)));
    }
    let keptTogether = false;
    try {
      if (model.pages) fillDocument(doc, model, null, fillPages);
      else keptTogether = fillDocument(doc, model, template).keptTogether === true;
    } catch (e) {
      console.error('render', e);
      flushQuietly();
      throw new UserError(NOTICE_MESSAGES.unfinished(label, number));
    }
    try {
      writeLogRow(sheet, log.table, entryOf(logged, url, false, sharedWith), p.tz, row);
    } catch (e) {
      console.error('log', e);
      throw new UserError(NOTICE_MESSAGES.unfinished(label, number));
    }
    try {
      SpreadsheetApp.flush();
    } catch (e) {
      console.error('flush', e);
      throw new UserError(NOTICE_MESSAGES.unsure(label, number));
    }
    const done = draft
      ? DOCUMENT_MESSAGES.draftCreated(label, symbol)
      : earlier
        ? NOTICE_MESSAGES.completed(label, number)
        : NOTICE_MESSAGES.created(label, number);
    // The Google Doc has no page numbers: neither the default layout's nor a user's template's (only
    // the template's body is copied, never its header, where its page numbers would be).
    // A Doc of one-page invitations is not numbered: each page is a document of its own.
    const layoutNote = model.pages ? '' : ` ${DOCUMENT_LAYOUT.googleDocsNote(keptTogether)}`;
    progress.done = {
      message: `${done} ${shareNote}${layoutNote}${forcedNote}`,
      url,
      number,
      title: model.title,
      reused: false,
      sharedWith,
    };
    return progress.done;
  });
}

/** The documents made so far, newest first. */
export function runListDocuments(ss: Spreadsheet): DocumentDto[] {
  return listDocumentsOf(readDocumentLog(readGrid(ss, 'documents'), timeZoneOffset(ss)).entries);
}

/** generateNotice(kind, options) on the active spreadsheet. */
export function generateNotice(kind: NoticeKind, options: NoticeOptions = {}): NoticeResultDto {
  return runGenerateNotice(activeSpreadsheet(), kind, options, new Date());
}

/** listDocuments() on the active spreadsheet. */
export function listDocuments(): DocumentDto[] {
  return runListDocuments(activeSpreadsheet());
}

/** The kind a log row's `Loại` names (the one name of each kind), or null for a row typed otherwise. */
function kindOfLabel(label: string): NoticeKind | null {
  const key = foldKey(label);
  const found = (Object.keys(KIND_NAMES) as NoticeKind[]).find((k) => foldKey(KIND_NAMES[k]) === key);
  return found ?? null;
}

/** The next number of a kind, in its register (the kinds whose `Sổ cấp số` names the same register share one sequence). */
function nextNumber(
  entries: readonly LogEntry[],
  year: number,
  kind: NoticeKind,
  profile: DocProfile,
  settings: Settings,
  symbol = symbolOf(kind, profile),
): string {
  if (!profile.register) return nextDocNumber(entries, year, symbol);
  const register = foldKey(profile.register);
  const others = (Object.keys(KIND_NAMES) as NoticeKind[])
    .filter((k) => k !== kind && NOTICE_TYPES[k].numbered !== false)
    .map((k) => resolveProfile(k, settings))
    .filter((o) => foldKey(o.register) === register)
    .map((o) => symbolOf(o.kind, o));
  return nextDocNumber(entries, year, symbol, others);
}

/** A Doc's link or its ID → the ID. */
const docIdOf = (ref: string): string => idOf(ref) || ref.trim();

/** RE2 text of a literal (Body.findText/replaceText take regular expressions). */
const literal = (s: string): string => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * Gives a draft its number and day, in the Doc and in the log, under the document lock (flushed
 * before it is released, like numbering at creation). The Doc's "Số:      /TB-BCĐ" and
 * "ngày      tháng 01 năm 2024" are replaced in place with Body.replaceText, which takes an RE2
 * pattern and a Java-style replacement ("$" never appears in a number or a date):
 * https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)
 */
export function runIssueDraft(ss: Spreadsheet, ref: string, options: { date?: string } = {}, now = new Date()) {
  const tz = timeZoneOffset(ss, now);
  const id = docIdOf(ref);
  const date: IsoDate = options.date ?? isoFromDate(now, tz);
  requireDocumentsScope();
  return withDocumentLock(() => {
    const log = readDocumentLog(readGrid(ss, 'documents'), tz);
    const entry = [...log.entries].reverse().find((e) => idOf(e.url) === id && id);
    if (!entry) throw new UserError(DOCUMENT_MESSAGES.draftNotFound);
    const symbol = draftSymbol(entry.number);
    if (!symbol) throw new UserError(DOCUMENT_MESSAGES.notADraft(entry.number));
    const doc = reopen(entry.url);
    if (!doc) throw new UserError(DOCUMENT_MESSAGES.draftDocGone);
    const kind = kindOfLabel(entry.kind);
    const settings = readSettingsWithCells(readGrid(ss, 'config'), tz, new ProblemList()).settings;
    const year = Number(date.slice(0, 4));
    const number = kind
      ? nextNumber(log.entries, year, kind, resolveProfile(kind, settings), settings, symbol)
      : nextDocNumber(log.entries, year, symbol);
    const body = doc.getBody();
    const numberLine = `Số:\\s*/\\s*${literal(symbol)}`;
    const dayLine = 'ngày\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}';
    if (!body.findText(numberLine) || !body.findText(dayLine)) {
      throw new UserError(DOCUMENT_MESSAGES.draftNoNumberLine(symbol));
    }
    body.replaceText(numberLine, `Số: ${number}`);
    body.replaceText(dayLine, formatNd30Date('', date));
    const title = doc.getName().replace(/^Dự thảo(?= - )/, number);
    if (title !== doc.getName()) doc.setName(title);
    doc.saveAndClose();
    const cols = log.table.columns;
    const sheet = findSheet(ss, 'documents');
    const write = (column: number | undefined, text: string) => {
      if (column === undefined || !sheet) return;
      const cell = sheet.getRange(entry.row, column + 1);
      cell.setNumberFormat('@');
      cell.setValue(text);
    };
    const [y, m, d] = date.split('-');
    write(cols.number, number);
    write(cols.date, `${d}/${m}/${y}`);
    flushQuietly();
    const label = kind ? labelOf(kind) : entry.kind.toLowerCase();
    return {
      message: DOCUMENT_MESSAGES.issued(label, number, `${d}/${m}/${y}`),
      url: entry.url,
      number,
      title,
      reused: false,
    } satisfies NoticeResultDto;
  });
}

/**
 * Voids a number: its log row's `Số` cell becomes "05/TB-BCĐ (đã hủy: <reason>)", so the number is
 * never given again (nextDocNumber counts voided numbers) and the same data makes a new document.
 */
export function runVoidNumber(ss: Spreadsheet, number: string, reason: string, now = new Date()) {
  const why = reason.replace(/\s+/g, ' ').trim();
  if (!why) throw new UserError(DOCUMENT_MESSAGES.voidReason);
  const wanted = parseDocNumber(number);
  const tz = timeZoneOffset(ss, now);
  return withDocumentLock(() => {
    const log = readDocumentLog(readGrid(ss, 'documents'), tz);
    const same = (e: LogEntry) => {
      const p = parseDocNumber(e.number);
      if (p && wanted) return p.n === wanted.n && foldKey(p.symbol) === foldKey(wanted.symbol);
      return foldKey(e.number) === foldKey(number);
    };
    const entry = [...log.entries].reverse().find((e) => !e.draft && !e.voided && same(e));
    if (!entry) {
      const voided = log.entries.find((e) => e.voided && wanted && foldKey(e.number).startsWith(foldKey(number)));
      throw new UserError(voided ? DOCUMENT_MESSAGES.voidAlready(number) : DOCUMENT_MESSAGES.voidNotFound(number));
    }
    const column = log.table.columns.number;
    const sheet = findSheet(ss, 'documents');
    if (column === undefined || !sheet) throw new UserError(DOCUMENT_MESSAGES.voidNotFound(number));
    const cell = sheet.getRange(entry.row, column + 1);
    cell.setNumberFormat('@');
    cell.setValue(voidedCell(entry.number, why));
    flushQuietly();
    return { message: DOCUMENT_MESSAGES.voided(entry.number) };
  });
}

/** issueDraft(url or ID) on the active spreadsheet. */
export function issueDraft(ref: string, options: { date?: string } = {}): NoticeResultDto {
  return runIssueDraft(activeSpreadsheet(), ref, options, new Date());
}

/** voidNumber(number, reason) on the active spreadsheet. */
export function voidNumber(number: string, reason: string): { message: string } {
  return runVoidNumber(activeSpreadsheet(), number, reason, new Date());
}

/**
 * "Tạo văn bản": reads the sheets (one getValues each), builds the document model, and returns
 * the existing Doc when the log (`Văn bản`) already holds one made from the same data; otherwise,
 * under the document lock, takes the next number, renders the Doc and logs it with one setValues.
 */
import { fixedSeatsOf } from '../domain/allocation';
import { type IsoDate, isoFromDate } from '../domain/dates';
import { type AllocationNoticeInput, buildAllocationNotice, methodSentence } from '../domain/notice/allocation';
import { assignmentInput, buildAssignmentDecision } from '../domain/notice/assignment';
import { buildConclusionNotice, conclusionInput, NoticeDataError } from '../domain/notice/conclusion';
import { DIGEST_LENGTH, digestSource, toHex } from '../domain/notice/digest';
import { NOTICE_TYPES, symbolOf, withNumber } from '../domain/notice/frame';
import { findByDigest, listDocumentsOf, logRowCells, readDocumentLog } from '../domain/notice/log';
import type { DocModel } from '../domain/notice/model';
import { nextDocNumber } from '../domain/notice/numbering';
import { ProblemList } from '../domain/problem';
import {
  readAllocationTable,
  readConclusions,
  readMeetings,
  readMembers,
  readSettings,
  readTasks,
  readUnits,
  UnitIndex,
} from '../domain/records';
import type { Settings } from '../domain/settings';
import { SHEETS } from '../domain/template';
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
} from '../sheets/workbook';
import { RenderError, renderDocument, renderFromTemplate } from './render';

export interface NoticeOptions {
  /** `Mã cuộc họp` of the meeting (Thông báo kết luận); default: the latest meeting. */
  meeting?: string;
  /** ISO day printed on the document; default: today. */
  date?: string;
}

export const NOTICE_MESSAGES = {
  quota:
    'Đã vượt hạn mức tạo Google Docs trong ngày của tài khoản (Google giới hạn số văn bản tạo mỗi ngày). ' +
    'Vui lòng thử lại vào ngày mai.',
  failed: 'Không tạo được văn bản do lỗi của dịch vụ Google Docs:',
  incomplete: (name: string) =>
    ` Một văn bản chưa hoàn chỉnh có thể đã được tạo trong Google Drive của bạn với tên "${name}"; hãy xóa văn bản đó rồi thử lại.`,
  template: (id: string) =>
    `Không mở được văn bản mẫu có ID "${id}" (mục "Mẫu văn bản" trong trang Cấu hình). ` +
    'Kiểm tra lại ID và quyền xem văn bản mẫu, hoặc xóa ID để dùng mẫu mặc định.',
  missingSettings: (labels: string[]) =>
    `Chưa khai báo ${labels.join(', ')} trong trang "${SHEETS.config.name}": cần để ghi phần đầu và số văn bản.`,
  badDate: (d: string) => `Ngày văn bản "${d}" không hợp lệ.`,
  noAllocation: `Chưa có kết quả phân bổ trong trang "${SHEETS.allocation.name}": hãy chạy "Phân bổ đại biểu" trước.`,
  created: (label: string, number: string) => `Đã tạo ${label} số ${number}.`,
  reused: (label: string, number: string) =>
    `Dữ liệu không thay đổi kể từ lần tạo trước: mở lại ${label} số ${number} đã có.`,
} as const;

const QUOTA_RE = /too many times|quota|rate limit|limit exceeded|hạn mức/i;

interface Prepared {
  model: DocModel;
  digest: string;
  settings: Settings;
  tz: number;
  year: number;
}

function checkSettings(s: Settings): void {
  const missing: string[] = [];
  if (!s.issuingBody.trim()) missing.push('"Cơ quan ban hành"');
  if (!s.issuerCode.trim()) missing.push('"Ký hiệu cơ quan ban hành"');
  if (!s.place.trim() && !s.province.trim()) missing.push('"Địa danh"');
  if (missing.length) throw new UserError(NOTICE_MESSAGES.missingSettings(missing));
}

/** The allocation as the `Phân bổ` sheet shows it, names and populations from `Đơn vị`. */
function allocationNoticeInput(ss: Spreadsheet, settings: Settings, problems: ProblemList): AllocationNoticeInput {
  const grids = readGrids(ss, ['allocation', 'units']);
  const index = new UnitIndex(readUnits(grids.units, problems));
  const rows = readAllocationTable(grids.allocation, problems).rows.flatMap((r) => {
    const unit = index.resolve(r.data.code);
    const seats = r.data.final ?? (r.data.seats === null ? null : r.data.seats + (r.data.adjustment ?? 0));
    if (!r.data.code || seats === null) return [];
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
  return { rows, fixedSeats: fixedSeatsOf(settings), methodSentence: methodSentence(settings) };
}

/** Reads the data and builds the model (still without its number) and the digest. */
function prepare(ss: Spreadsheet, kind: NoticeKind, options: NoticeOptions, now: Date): Prepared {
  const tz = timeZoneOffset(ss, now);
  const problems = new ProblemList();
  const settings = readSettings(readGrid(ss, 'config'), tz, problems);
  checkSettings(settings);
  const date: IsoDate = options.date ?? isoFromDate(now, tz);
  let input: unknown;
  let model: DocModel;
  try {
    if (kind === 'thong-bao-ket-luan') {
      const g = readGrids(ss, ['meetings', 'conclusions', 'tasks', 'members']);
      const data = conclusionInput(
        options.meeting,
        readMeetings(g.meetings, tz, problems),
        readConclusions(g.conclusions, problems),
        readTasks(g.tasks, tz, problems).rows,
        readMembers(g.members, problems),
      );
      input = data;
      model = buildConclusionNotice(data, settings, date);
    } else if (kind === 'phan-bo-dai-bieu') {
      const data = allocationNoticeInput(ss, settings, problems);
      input = data;
      model = buildAllocationNotice(data, settings, date);
    } else {
      const g = readGrids(ss, ['members', 'units']);
      const index = new UnitIndex(readUnits(g.units, problems));
      const data = assignmentInput(readMembers(g.members, problems), index, settings.level);
      input = data;
      model = buildAssignmentDecision(data, settings, date);
    }
  } catch (e) {
    if (e instanceof NoticeDataError) throw new UserError(e.message);
    if (e instanceof RangeError) throw new UserError(NOTICE_MESSAGES.badDate(date));
    throw e;
  }
  const source = digestSource(kind, settings, input, options.date);
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, source, Utilities.Charset.UTF_8);
  return { model, digest: toHex(bytes).slice(0, DIGEST_LENGTH), settings, tz, year: Number(date.slice(0, 4)) };
}

/** What the sidebar shows: a document just made, or one found in the log (`reused`). */
function result(kind: NoticeKind, e: { url: string; number: string; title: string }, reused: boolean): NoticeResultDto {
  const label = NOTICE_TYPES[kind].label.toLowerCase();
  const message = reused ? NOTICE_MESSAGES.reused(label, e.number) : NOTICE_MESSAGES.created(label, e.number);
  return { message, url: e.url, number: e.number, title: e.title, reused };
}

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/** The log sheet, created with its header row when missing. */
function logSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const spec = SHEETS.documents;
  const existing = findSheet(ss, 'documents');
  if (existing) return existing;
  const sheet = insertTemplateSheet(ss, 'documents');
  sheet.getRange(1, 1, 1, spec.columns.length).setValues([spec.columns.map((c) => c.header)]);
  sheet.setFrozenRows(1);
  return sheet;
}

function render(model: DocModel, settings: Settings): { id: string; url: string } {
  const templateId = settings.templateDocId.trim();
  try {
    return templateId ? renderFromTemplate(model, templateId) : renderDocument(model);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const incomplete = e instanceof RenderError && e.created ? NOTICE_MESSAGES.incomplete(e.draftName) : '';
    if (QUOTA_RE.test(detail)) throw new UserError(NOTICE_MESSAGES.quota + incomplete);
    if (templateId && !(e instanceof RenderError)) throw new UserError(NOTICE_MESSAGES.template(templateId));
    throw new UserError(`${NOTICE_MESSAGES.failed} ${detail}.${incomplete}`);
  }
}

/** Makes (or finds) the document of `kind` from the active data. */
export function runGenerateNotice(
  ss: Spreadsheet,
  kind: NoticeKind,
  options: NoticeOptions = {},
  now: Date = new Date(),
): NoticeResultDto {
  const p = prepare(ss, kind, options, now);
  const seen = findByDigest(readDocumentLog(readGrid(ss, 'documents'), p.tz).entries, p.digest);
  if (seen) return result(kind, seen, true);
  return withDocumentLock(() => {
    // Read again under the lock: another user may have just made it, or taken a number.
    const log = readDocumentLog(readGrid(ss, 'documents'), p.tz);
    const again = findByDigest(log.entries, p.digest);
    if (again) return result(kind, again, true);
    const number = nextDocNumber(log.entries, p.year, symbolOf(kind, p.settings));
    const model = withNumber(p.model, number);
    const { url } = render(model, p.settings);
    const cells = logRowCells(
      log.table,
      {
        kind: model.kindLabel,
        number,
        date: model.date,
        title: model.summary,
        url,
        digest: p.digest,
        user: currentUser(),
        createdAt: now,
      },
      p.tz,
    );
    logSheet(ss).getRange(cells.row, cells.column, 1, cells.values.length).setValues([cells.values]);
    return result(kind, { url, number, title: model.title }, false);
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

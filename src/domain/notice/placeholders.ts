/**
 * Values for a user's Google Doc template (`Mẫu văn bản` in Cấu hình). The template writes
 * {{so}}, {{trich_yeu}} … where the values go; a paragraph holding only {{noi_dung}} receives the
 * body; a table row holding {{cot_1}}, {{cot_2}} … is repeated for each row of the data table.
 */
import { formatVnDate } from '../dates';
import type { DocModel, TableBlock } from './model';

/** Placeholders with one value; list values become one paragraph per item when alone in a paragraph. */
export function placeholderValues(m: DocModel): Record<string, string | string[]> {
  return {
    so: m.number,
    so_ky_hieu: m.header.number.text,
    ngay: formatVnDate(m.date),
    dia_danh_ngay: m.header.placeDate.text,
    loai_van_ban: m.titleBlock[0]?.text ?? '',
    trich_yeu: m.summary,
    co_quan_chu_quan: agency(m, 'parent'),
    co_quan_ban_hanh: agency(m, 'issuing'),
    tham_quyen: m.signature.authority,
    chuc_vu: m.signature.title,
    nguoi_ky: m.signature.name,
    noi_nhan: m.recipients,
  };
}

/** An agency's name as one line (the header prints it on as many lines as it needs). */
const agency = (m: DocModel, role: 'parent' | 'issuing'): string =>
  m.header.left
    .filter((l) => l.role === role)
    .map((l) => l.text)
    .join(' ');

export const BODY_PLACEHOLDER = 'noi_dung';
/** Prefix of the column placeholders of the repeated row: {{cot_1}} … */
export const COLUMN_PLACEHOLDER = 'cot_';

/** The data table a repeated template row is filled from: the first table, header row left out. */
export function templateRows(m: DocModel): { table: TableBlock | undefined; rows: string[][] } {
  const table = m.blocks.find((b): b is TableBlock => b.type === 'table');
  return { table, rows: table ? table.rows.slice(table.header ? 1 : 0) : [] };
}

/**
 * The congress the delegate documents are measured on: Đắk Lắk 2024's size (250 official delegates,
 * 83 guests: 333 people; domain brief), taken from the synthetic workbook's own delegates whatever
 * the scale, without the rows the generator spoiled on purpose (those would make the documents
 * refuse, which is tested elsewhere), and the congress's time and place set.
 */
import { SHEETS } from '../../src/domain/template';
import type { LocalSpreadsheet } from '../runtime/spreadsheet';

export const CONGRESS_OFFICIAL = 250;
export const CONGRESS_GUESTS = 83;

export function congressOf333(ss: LocalSpreadsheet): void {
  const units = ss.getSheetByName(SHEETS.units.name)?.getDataRange().getValues() ?? [];
  const codes = new Set(units.slice(1).map((r) => String(r[0])));
  codes.add('Cấp tỉnh');
  const sheet = ss.getSheetByName(SHEETS.delegates.name);
  if (!sheet) throw new Error('congress: no delegates sheet');
  const rows = sheet.getDataRange().getValues();
  const clean = rows
    .slice(1)
    .filter(
      (r) =>
        codes.has(String(r[2])) &&
        r[1] &&
        String(r[3]) !== 'Dân tộc Xa Lạ' &&
        Number(r[5]) < 2010 &&
        Number(r[5]) >= 1900 &&
        String(r[7]),
    );
  const official = clean.filter((r) => r[7] === 'Chính thức' || r[7] === 'Đương nhiên').slice(0, CONGRESS_OFFICIAL);
  const guests = clean.filter((r) => r[7] === 'Khách mời').slice(0, CONGRESS_GUESTS);
  const kept = [...official, ...guests];
  const width = rows[0]?.length ?? 10;
  sheet.getRange(2, 1, rows.length - 1, width).clearContent();
  if (kept.length) sheet.getRange(2, 1, kept.length, width).setValues(kept);
  const config = ss.getSheetByName(SHEETS.config.name);
  const grid = config?.getDataRange().getValues() ?? [];
  const set: Record<string, string> = {
    'Thời gian Đại hội': '07 giờ 30 phút, ngày 15 tháng 10 năm 2025',
    'Địa điểm Đại hội': 'Hội trường Trung tâm Hội nghị tỉnh',
    'Giấy tờ đại biểu mang theo': 'Giấy mời, Căn cước công dân',
  };
  grid.forEach((r, i) => {
    const v = set[String(r[0])];
    if (v !== undefined) config?.getRange(i + 1, 2).setValue(v);
  });
}

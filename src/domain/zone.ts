/**
 * Time-zone offsets at an instant, for reading date cells as the day they show. Kept apart from
 * dates.ts so that values.ts (cellText) can use it too.
 */

/** UTC+7, the offset of Asia/Ho_Chi_Minh today. */
const HO_CHI_MINH_NOW = 420;

/**
 * A time zone: its offset today in minutes (what `parseOffset(Utilities.formatDate(now, tz, 'Z'))`
 * gives), or a function giving the offset at an instant (exact for any zone).
 */
export type ZoneOffset = number | ((instantMs: number) => number);

/**
 * Asia/Ho_Chi_Minh's past offsets (IANA tzdb, zone Asia/Ho_Chi_Minh), as [UTC ms of the change, offset]:
 * before 13/06/1975 the zone was not +07:00 throughout, and Sheets makes a date cell of that time at the
 * offset of then (01/01/1970 is 1969-12-31T16:00Z, +08:00).
 */
const HO_CHI_MINH_HISTORY: readonly [number, number][] = [
  [Date.UTC(1911, 3, 30, 16, 53, 30), 420],
  [Date.UTC(1942, 11, 31, 16), 480],
  [Date.UTC(1945, 2, 14, 15), 540],
  [Date.UTC(1945, 8, 1, 15), 420],
  [Date.UTC(1947, 2, 31, 17), 480],
  [Date.UTC(1955, 5, 30, 17), 420],
  [Date.UTC(1959, 11, 31, 16), 480],
  [Date.UTC(1975, 5, 12, 16), 420],
];

/**
 * The offset in minutes at an instant. A fixed +07:00 (the zone of every Vietnamese spreadsheet,
 * Asia/Ho_Chi_Minh) is read with that zone's history; another fixed offset is taken as constant.
 */
export function offsetAt(zone: ZoneOffset, instantMs: number): number {
  if (typeof zone === 'function') return zone(instantMs);
  if (zone !== HO_CHI_MINH_NOW || instantMs >= (HO_CHI_MINH_HISTORY[7] as [number, number])[0]) return zone;
  let offset = 426.5; // local mean time of Phù Liễn before 1911
  for (const [from, minutes] of HO_CHI_MINH_HISTORY) if (instantMs >= from) offset = minutes;
  return offset;
}

/**
 * Document numbers (ND 30 Điều 15): "05/TB-BCĐ", per type and issuer, restarting at 01 on
 * 1 January. The numbers already given are the log's (`Văn bản`), so two documents never share one.
 */
import type { IsoDate } from '../dates';
import { foldKey } from '../text';

/** The symbol is everything after the slash: issuer codes may hold spaces and Vietnamese letters ("TB-BCĐ ĐH"). */
const NUMBER_RE = /^(?:số\s*:?\s*)?0*(\d{1,6})\s*\/\s*(\S(?:.*\S)?)\s*$/iu;

/** "05/TB-BCĐ", "Số: 05/TB-BCĐ" or "05/TB-BCĐ ĐH" → { n: 5, symbol: 'TB-BCĐ' } / { n: 5, symbol: 'TB-BCĐ ĐH' }. */
export function parseDocNumber(text: string): { n: number; symbol: string } | null {
  const m = NUMBER_RE.exec(text.normalize('NFC').trim());
  return m ? { n: Number(m[1]), symbol: m[2] as string } : null;
}

/** 5, 'TB-BCĐ' → '05/TB-BCĐ' (numbers below 10 take a leading zero). */
export function formatDocNumber(n: number, symbol: string): string {
  return `${n < 10 ? '0' : ''}${n}/${symbol}`;
}

export interface NumberedEntry {
  number: string;
  /** The document's day; entries without one count in the year they were created. */
  date: IsoDate | null;
  createdAt?: string | null;
}

/**
 * The number a log cell gives in the register of `symbol`, also when the officer annotated it by
 * hand ("05/TB-BCĐ (đã hủy)", "Hủy số 05/TB-BCĐ", "05/TB-BCĐ - thu hồi", "05/TB-BCĐ ngày 05/01/2024"): a voided number is never
 * given again. Another register whose symbol only starts the same ("TB-BCĐ ĐH") is not this one.
 */
const ANNOTATION_RE = /^(?:$|\s*[([,;.]|\s+(?:ngày|đã|bị|hủy|huỷ|thu hồi|sai|không|xóa|xoá|bỏ)(?:\s|$))/u;

function numberIn(text: string, key: string): number | null {
  const p = parseDocNumber(text);
  if (p && foldKey(p.symbol) === key) return p.n;
  const folded = foldKey(text);
  let best: number | null = null;
  const re = /(?:^|[^\d])(\d{1,6})\s*\/\s*/gu;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const rest = folded.slice(m.index + m[0].length);
    if (rest.startsWith(key) && ANNOTATION_RE.test(rest.slice(key.length))) {
      best = Math.max(best ?? 0, Number(m[1]));
    }
  }
  return best;
}

/**
 * The next free number of `symbol` in `year`: one above the highest given that year, in its register
 * (`symbol` and the symbols of the kinds sharing its register: one sequence, "05/TB-BCĐ", "06/QĐ-BCĐ").
 */
export function nextDocNumber(
  entries: readonly NumberedEntry[],
  year: number,
  symbol: string,
  sameRegister: readonly string[] = [],
): string {
  const keys = [...new Set([symbol, ...sameRegister].map(foldKey))];
  let max = 0;
  for (const e of entries) {
    const found = keys.map((k) => numberIn(e.number, k)).filter((n): n is number => n !== null);
    const n = found.length ? Math.max(...found) : null;
    const y = Number((e.date ?? e.createdAt ?? '').slice(0, 4));
    if (n !== null && y === year) max = Math.max(max, n);
  }
  return formatDocNumber(max + 1, symbol);
}

/** Spreadsheet-locale conventions: number separators and the default date layout. */

/** Separators and date order of a spreadsheet locale such as "vi_VN" or "en_US". */
export interface LocaleConventions {
  group: string;
  decimal: string;
  /** Day before month in dates typed or shown without an explicit format. */
  dayFirst: boolean;
}

/** Locale used for new local spreadsheets: the add-in's users work in Vietnamese. */
export const DEFAULT_LOCALE = 'vi_VN';

const cache = new Map<string, LocaleConventions>();

/** Conventions of a Sheets locale id (underscore form), derived from Intl. */
export function localeConventions(locale: string): LocaleConventions {
  let c = cache.get(locale);
  if (!c) {
    const tag = locale.replace('_', '-');
    let group = ',';
    let decimal = '.';
    let dayFirst = false;
    try {
      for (const p of new Intl.NumberFormat(tag).formatToParts(12345.5)) {
        if (p.type === 'group') group = p.value;
        if (p.type === 'decimal') decimal = p.value;
      }
      const order = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric' })
        .formatToParts(new Date(Date.UTC(2001, 10, 22)))
        .map((p) => p.type)
        .filter((t) => t === 'day' || t === 'month');
      dayFirst = order[0] === 'day';
    } catch {
      // unknown locale: keep en_US conventions
    }
    // Intl uses a narrow no-break space for some groups; Sheets shows a plain character.
    c = { group: group.replace(/\s/u, ' '), decimal, dayFirst };
    cache.set(locale, c);
  }
  return c;
}

/**
 * Rows pasted from a spreadsheet, split into cells. Imports nothing: the intake dialog reads pasted
 * rows with it (read.ts), and the local playground's grid (local/playground/page.js) splits a Ctrl+V
 * with it too, bundled alone by scripts/build.mjs into dist/local/pasted.js.
 */

/**
 * Splits rows copied from a spreadsheet: cells by tab, rows by a line end (\r\n, \n or \r). Excel and
 * Google Sheets put a cell in quotes only when it holds a line end or a tab (its quotes doubled), so a
 * cell is read as quoted only when its closing quote ends the cell; a name like "Bé" Hoàng Văn A is
 * kept as typed (a CSV reader would swallow the rows after it).
 */
export function splitPasted(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  const endsCell = (k: number) => k >= n || text[k] === '\t' || text[k] === '\n' || text[k] === '\r';
  // Once a quote was never closed, none after it will be: no scan to the end again (a paste with many
  // cells opening a quote stays linear).
  let unclosed = false;
  for (;;) {
    let cell: string | null = null;
    if (text[i] === '"' && !unclosed) {
      let j = i + 1;
      let inner = '';
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            inner += '"';
            j += 2;
            continue;
          }
          break;
        }
        inner += text[j];
        j++;
      }
      if (j >= n) unclosed = true;
      else if (endsCell(j + 1)) {
        cell = inner;
        i = j + 1;
      }
    }
    if (cell === null) {
      let j = i;
      while (!endsCell(j)) j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line end.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

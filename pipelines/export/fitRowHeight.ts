// Neither Excel nor LibreOffice reliably grows a row to fit wrapped text when it opens a file (a row
// stays one line high and the reason is cut off, on screen and on paper), so the writer sets each
// row's height from its text. An estimate, on the generous side.
const POINTS_PER_LINE = 15; // 11-point text, as Excel spaces it (its default row height)
const ROW_PADDING_POINTS = 4;
const CELL_MARGIN_CHARS = 1; // of a column's width, taken by the cell's inner margins
// Column widths count the width of "0"; a Chinese (full-width) character takes about two.
const WIDE_CHAR = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE_CHAR.test(ch) ? 2 : 1;
  return width;
}

/** The height in points for a row whose cells wrap `text` within columns `width` characters wide. */
export function fitRowHeight(cells: ReadonlyArray<{ text: string; width: number }>): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const room = Math.max(1, width - CELL_MARGIN_CHARS);
    const wrapped = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
    lines = Math.max(lines, wrapped);
  }
  return lines * POINTS_PER_LINE + ROW_PADDING_POINTS;
}

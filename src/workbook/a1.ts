/**
 * A1 addresses and references, the one place that reads and writes them: cells (`C7`),
 * ranges as users write them in PERF arguments (`B2`, `$B$2:$B$9`, `'Sheet 1'!B2:B9`), and
 * the i-th cell of a range (a spilling function's native form is one formula per row).
 */

export interface CellRef {
  col: number;
  row: number;
  absCol: boolean;
  absRow: boolean;
}

export interface RangeRef {
  /** The sheet prefix exactly as written, including the `!` (`'Sheet 1'!`), or "". */
  sheet: string;
  start: CellRef;
  end: CellRef;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!`;
const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d+)`;
const RANGE_PATTERN = new RegExp(`^(${SHEET})?${CELL}(?::${CELL})?$`);

/** Column letters to a 1-based number: `A` → 1, `AA` → 27. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A 1-based column number to letters: 28 → `AB`. */
export function columnLetters(col: number): string {
  // Plans write a column's letters on every row: each column's are worked out once.
  const known = Number.isInteger(col) && col > 0 && col <= MAX_COLUMN ? lettersOf[col] : undefined;
  if (known !== undefined) return known;
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  if (Number.isInteger(col) && col > 0 && col <= MAX_COLUMN) lettersOf[col] = letters;
  return letters;
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16384;
const lettersOf: string[] = [];

/**
 * Parses a cell or rectangular range reference, or returns undefined for anything else
 * (a literal, a name, a whole column, an expression).
 *
 * @example parseRange("$B$2:$B$9") // sheet "", B2 to B9, both absolute
 */
export function parseRange(text: string): RangeRef | undefined {
  const m = RANGE_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const cell = (abs1: string, letters: string, abs2: string, digits: string): CellRef => ({
    col: columnNumber(letters),
    row: Number(digits),
    absCol: abs1 === "$",
    absRow: abs2 === "$",
  });
  const start = cell(m[2], m[3], m[4], m[5]);
  const end = m[6] === undefined ? start : cell(m[6], m[7], m[8], m[9]);
  if (start.row < 1 || end.row < 1) return undefined;
  return {
    sheet: m[1] ?? "",
    start: { ...start, col: Math.min(start.col, end.col), row: Math.min(start.row, end.row) },
    end: { ...end, col: Math.max(start.col, end.col), row: Math.max(start.row, end.row) },
  };
}

export function formatCell(ref: CellRef): string {
  return `${ref.absCol ? "$" : ""}${columnLetters(ref.col)}${ref.absRow ? "$" : ""}${ref.row}`;
}

export function formatRange(range: RangeRef): string {
  const { start, end } = range;
  const single = start.col === end.col && start.row === end.row;
  return range.sheet + formatCell(start) + (single ? "" : `:${formatCell(end)}`);
}

export function rangeRows(range: RangeRef): number {
  return range.end.row - range.start.row + 1;
}

export function rangeColumns(range: RangeRef): number {
  return range.end.col - range.start.col + 1;
}

export function rangeSize(range: RangeRef): number {
  return rangeRows(range) * rangeColumns(range);
}

/** Rows and columns of a rectangle of cells, 1-based and inclusive. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whether two rectangles have a cell in common. */
export function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The sub-range of one column (0-based), e.g. the keys of a 2-column table. */
export function rangeColumn(range: RangeRef, index: number): RangeRef {
  const col = range.start.col + index;
  return { ...range, start: { ...range.start, col }, end: { ...range.end, col } };
}

/**
 * The i-th cell (0-based, row by row) of a range, as a reference with the range's sheet and
 * `$` marks. A single cell is every element (it is broadcast).
 *
 * @example cellOfRange("B2:B9", 3) // "B5"
 * @example cellOfRange("'Sheet 1'!$B$2:$B$9", 0) // "'Sheet 1'!$B$2"
 * @example cellOfRange("C1", 5) // "C1"
 */
export function cellOfRange(text: string, i: number): string {
  const range = parseRange(text);
  if (!range) throw new Error(`not a cell or range reference: ${text}`);
  const width = rangeColumns(range);
  if (rangeSize(range) === 1) return formatRange(range);
  if (!Number.isInteger(i) || i < 0 || i >= rangeSize(range)) {
    throw new Error(`element ${i} is outside ${text} (${rangeSize(range)} cells)`);
  }
  const cell: CellRef = {
    ...range.start,
    row: range.start.row + Math.floor(i / width),
    col: range.start.col + (i % width),
  };
  return range.sheet + formatCell(cell);
}

/** @example cellAddress(7, 3) // "C7" */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + row;
}

/**
 * Row and column (1-based) of an A1 address; `$` signs are ignored.
 *
 * @example parseAddress("$C$7") // { row: 7, col: 3 }
 */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

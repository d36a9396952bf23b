/**
 * A workbook as any host reads it, before anything is interpreted: sheets of cell values.
 * The file host (exceljs) and the Office host (office-js) both produce this shape, so the
 * reader, validation and every test work the same on either.
 */

/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface RawError {
  error: string;
}

/**
 * One cell as a host reads it: numbers, text, booleans, dates (hosts that know a cell is
 * date-formatted may give a Date; others give the serial number), blank = null. Formulas
 * are given as their (cached) result.
 */
export type RawCell = number | string | boolean | Date | null | RawError;

export interface RawTable {
  name: string;
  /** A1 range of the whole table, header row included: `A3:F20`. */
  ref: string;
}

export interface RawSheet {
  name: string;
  /** Rows of the used range, top to bottom; rows may be ragged (missing cells = blank). */
  rows: RawCell[][];
  /** 1-based row and column of rows[0][0]; default { row: 1, col: 1 } (cell A1). */
  origin?: { row: number; col: number };
  tables?: RawTable[];
}

/** A workbook-level defined name and what it refers to (`'Scorecard'!$A$1`), one entry per range. */
export interface RawDefinedName {
  name: string;
  ref: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Defined names (generated sheets carry a marker name, workbook/markers.ts). */
  definedNames?: RawDefinedName[];
}

export function isRawError(cell: RawCell | undefined): cell is RawError {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date) && "error" in cell;
}

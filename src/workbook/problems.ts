/**
 * A located problem in the input workbook (SPEC §8): the sheet, the A1 cell, a stable code
 * for programs and tests, and a message in the workbook's language.
 */
export interface Problem {
  sheet: string;
  /** A1 address within `sheet`, e.g. `C7`. */
  cell: string;
  code: string;
  message: string;
  severity: "error" | "warning";
}

/**
 * Column letters of a 1-based column number.
 *
 * @example columnLetters(1) // "A"; columnLetters(28) // "AB"
 */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
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

/** `Sheet!A1: message`, the form the CLI prints. */
export function formatProblem(problem: Problem): string {
  return `${problem.sheet}!${problem.cell}: ${problem.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

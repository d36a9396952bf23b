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

/** `Sheet!A1: message`, the form the CLI prints. */
export function formatProblem(problem: Problem): string {
  return `${problem.sheet}!${problem.cell}: ${problem.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

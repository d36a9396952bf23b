/**
 * Reading PERF function arguments as hosts pass them: a scalar, a range (rows of cells),
 * or null/undefined/"" when omitted. Numbers may arrive as text the way users type them
 * (`85`, `85%`, `１２０`, `¥1,200`): workbook/cells.ts reads those, the same as in sheets.
 */
import { isPerfError } from "../../core/errors";
import { invalid, missing } from "../../core/messages";
import { parseKeyValueTable, TableEntry } from "../../core/tables";
import { textToNumber } from "../../workbook/cells";
import type { Arg, CellError, Matrix, ResultCell, Scalar } from "../types";

export const isMatrix = (arg: Arg): arg is Matrix => Array.isArray(arg);

/** A blank cell: null, undefined or text of white space only. */
export function isBlank(cell: Scalar | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Omitted: nothing, a blank, an empty range, or a single blank cell (how Excel passes an empty reference). */
export function isOmitted(arg: Arg): boolean {
  if (!isMatrix(arg)) return isBlank(arg);
  return arg.length === 0 || (arg.length === 1 && arg[0].length <= 1 && isBlank(arg[0][0]));
}

/** The single value of an argument; a range of more than one cell is an error. */
export function scalarOf(arg: Arg, what: string): Scalar {
  if (!isMatrix(arg)) return arg ?? null;
  if (arg.length === 1 && arg[0].length === 1) return arg[0][0];
  if (isOmitted(arg)) return null;
  throw invalid("range_not_allowed", { what });
}

/**
 * A cell as a number, or undefined when blank. Text is read as users type it; anything
 * else (TRUE, `abc`) is `#VALUE!`.
 */
export function cellNumber(cell: Scalar | undefined, what: string): number | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw invalid("not_finite", { what });
    return cell;
  }
  const read = typeof cell === "string" ? textToNumber(cell) : undefined;
  if (!read) throw invalid("not_a_number", { what, value: String(cell) });
  return read.value;
}

/** A required number: blank is missing data (`#N/A`). */
export function requiredNumber(arg: Arg, what: string): number {
  const value = cellNumber(scalarOf(arg, what), what);
  if (value === undefined) throw missing("missing_value", { what });
  return value;
}

/** An optional number with its default. */
export function optionalNumber(arg: Arg, what: string, fallback: number): number {
  return cellNumber(scalarOf(arg, what), what) ?? fallback;
}

/** A required text (a number is read as its text); blank is missing data. */
export function requiredText(arg: Arg, what: string): string {
  const cell = scalarOf(arg, what);
  if (isBlank(cell)) throw missing("missing_value", { what });
  return String(cell).trim();
}

/** A table argument (`S:90,A:80` or a 2-column range), or the default table text. */
export function tableArg(arg: Arg, what: string, fallback: string): TableEntry[] {
  return parseKeyValueTable(isOmitted(arg) ? fallback : arg, what);
}

/** The cells of an argument, row by row (a scalar is one cell, an omitted argument none). */
export function cellsOf(arg: Arg): Scalar[] {
  if (isMatrix(arg)) return arg.flat();
  return arg === undefined ? [] : [arg];
}

/** Two ranges read row by row side by side: they must have the same number of cells. */
export function pairCells(left: Arg, right: Arg, what: string): [Scalar, Scalar][] {
  const a = cellsOf(left);
  const b = cellsOf(right);
  if (a.length !== b.length) throw invalid("length_mismatch", { what, left: a.length, right: b.length });
  return a.map((cell, i) => [cell, b[i]]);
}

/** A PerfError as the error shown in one cell of a spilled result; other errors are bugs and go on. */
export function cellError(e: unknown): CellError {
  if (!isPerfError(e)) throw e;
  return { error: e.kind === "na" ? "#N/A" : "#VALUE!", message: e.message, code: e.code, params: e.params };
}

/** Runs `compute` for one cell, turning a PerfError into that cell's error. */
export function tryCell(compute: () => Scalar): ResultCell {
  try {
    return compute();
  } catch (e) {
    return cellError(e);
  }
}

/**
 * Element-wise evaluation over arguments that may be ranges (SCORE). Ranges must share one
 * shape; single values (and 1×1 ranges) apply to every cell. With no range at all the
 * answer is a single value and errors are thrown; otherwise it is a range of that shape
 * and each cell carries its own error.
 */
export function elementwise(
  args: Arg[],
  names: string[],
  compute: (cells: Scalar[]) => Scalar,
): Scalar | ResultCell[][] {
  let shape: { rows: number; cols: number } | undefined;
  // Each argument as a fixed value (a single value, a 1×1 or an omitted range) or a range.
  const fixed: Scalar[] = [];
  const ranges: (Matrix | undefined)[] = [];
  args.forEach((arg, i) => {
    const single = !isMatrix(arg) || (arg.length === 1 && arg[0].length === 1);
    fixed.push(!isMatrix(arg) ? (arg ?? null) : single ? arg[0][0] : null);
    ranges.push(single || !isMatrix(arg) ? undefined : arg);
    if (single || !isMatrix(arg) || isOmitted(arg)) return;
    const rows = arg.length;
    let cols = 0;
    for (const row of arg) if (row.length > cols) cols = row.length;
    if (!shape) shape = { rows, cols };
    else if (shape.rows !== rows || shape.cols !== cols) {
      throw invalid("shape_mismatch", {
        what: names[i],
        rows,
        cols,
        expectedRows: shape.rows,
        expectedCols: shape.cols,
      });
    }
  });
  if (!args.some(isMatrix)) return compute(fixed);
  const { rows, cols } = shape ?? { rows: 1, cols: 1 };
  const result: ResultCell[][] = new Array<ResultCell[]>(rows);
  for (let r = 0; r < rows; r++) {
    const line = new Array<ResultCell>(cols);
    for (let c = 0; c < cols; c++) {
      const cells = fixed.slice();
      for (let i = 0; i < ranges.length; i++) {
        const range = ranges[i];
        if (range) cells[i] = range[r]?.[c] ?? null;
      }
      line[c] = tryCell(() => compute(cells));
    }
    result[r] = line;
  }
  return result;
}

/** The cells of a spilled argument row by row; a single value is a 1×1 range. */
export function spillCells(arg: Arg): Matrix {
  return isMatrix(arg) ? arg : [[arg ?? null]];
}

/**
 * The answer of a spilling function in the shape of its range argument: `answers` holds a
 * value per flat cell index (row by row); a cell without one is missing data (#N/A about
 * `what`). A single value in gives a single value out (or throws its #N/A).
 */
export function spillLike(arg: Arg, answers: Map<number, Scalar>, what: string): Scalar | ResultCell[][] {
  let index = 0;
  const result: ResultCell[][] = spillCells(arg).map((row) =>
    row.map(() => {
      const answer = answers.get(index++);
      return answer === undefined ? cellError(missing("missing_value", { what })) : answer;
    }),
  );
  if (isMatrix(arg)) return result;
  const only = answers.get(0);
  if (only === undefined) throw missing("missing_value", { what });
  return only;
}

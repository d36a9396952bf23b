/**
 * Shapes shared by the PERF functions, their registry and their hosts (Excel's custom
 * functions runtime, the CLI's `fn` command, the oracle test).
 */

/** One cell value as a host passes it: blank cells and omitted arguments are null. */
export type Scalar = number | string | boolean | null;
export type Matrix = Scalar[][];
/** An argument: a single value, a range (rows of cells), or undefined when omitted. */
export type Arg = Scalar | Matrix | undefined;

export type PerfFunctionName =
  | "SCORE"
  | "WEIGHTED"
  | "FEEDBACK"
  | "FINAL"
  | "GRADE"
  | "DISTRIBUTE"
  | "BONUS"
  | "ALLOCATE"
  | "QUADRANT"
  | "COMPLETION";

export interface Localized {
  en: string;
  zh: string;
}

export interface ParamDef {
  name: string;
  description: Localized;
  optional?: boolean;
  /** A range is accepted (and, for spilling functions, answered element-wise). */
  range?: boolean;
}

/**
 * The native-formula form of one call. Each argument is given as the formula text the
 * user wrote for it (`B2`, `B2:B9`, `"higher"`, `0.8`), or null when omitted. For a
 * spilling function `row` is the 0-based index of the output row being written and
 * `rows` the number of output rows; scalar functions get row 0 of 1.
 */
export interface NativeCall {
  args: (string | null)[];
  row: number;
  rows: number;
}

/**
 * A native formula (classic Excel functions only, no LET/LAMBDA), without the leading `=`.
 * `helpers` are extra cells the formula needs, written beside the result; `{h0}`, `{h1}`…
 * in `formula` stand for their addresses.
 */
export interface NativeFormula {
  formula: string;
  helpers?: string[];
}

export type NativeBuilder = (call: NativeCall) => NativeFormula;

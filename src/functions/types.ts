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

/** An error in one cell of a spilled result; the other cells still show their values. */
export interface CellError {
  error: "#VALUE!" | "#N/A";
  message: string;
  /** The message catalogue code (core/messages.ts) and its params, to translate the message. */
  code: string;
  params?: Record<string, string | number>;
}

export type ResultCell = Scalar | CellError;
/** What a PERF function returns: one value, or rows of cells for a spilling call. */
export type Result = Scalar | ResultCell[][];

/**
 * One PERF function, defined once (ARCHITECTURE "functions/"): its metadata, its JS
 * implementation and (filled in by functions/native) its native-formula form.
 */
export interface PerfFunctionDef {
  name: PerfFunctionName;
  description: Localized;
  params: ParamDef[];
  /** Answers with a range when given ranges (SCORE, DISTRIBUTE, ALLOCATE). */
  spills: boolean;
  /** Throws a PerfError for bad arguments (`#VALUE!`) or missing data (`#N/A`). */
  evaluate(args: Arg[]): Result;
  native?: NativeBuilder;
}

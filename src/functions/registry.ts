/**
 * The PERF functions (SPEC §9), each defined once in functions/defs: metadata, JS
 * implementation and (functions/native) the native-formula form. Hosts call
 * `evaluateFunction`; the Excel wrappers in functions.ts are generated-by-hand thin shims
 * checked against this list by test/functions/wrappers.test.ts.
 */
import { invalid } from "../core/messages";
import { ALLOCATE } from "./defs/allocate";
import { BONUS } from "./defs/bonus";
import { COMPLETION } from "./defs/completion";
import { DISTRIBUTE } from "./defs/distribute";
import { FEEDBACK } from "./defs/feedback";
import { FINAL } from "./defs/final";
import { GRADE } from "./defs/grade";
import { QUADRANT } from "./defs/quadrant";
import { SCORE } from "./defs/score";
import { WEIGHTED } from "./defs/weighted";
import type { Arg, PerfFunctionDef, Result } from "./types";

export type { PerfFunctionDef } from "./types";

export const FUNCTIONS: PerfFunctionDef[] = [
  SCORE,
  WEIGHTED,
  FEEDBACK,
  FINAL,
  GRADE,
  DISTRIBUTE,
  BONUS,
  ALLOCATE,
  QUADRANT,
  COMPLETION,
];

/** The function called `name` (case-insensitive; a `PERF.` prefix is allowed), or undefined. */
export function findFunction(name: string): PerfFunctionDef | undefined {
  const bare = name
    .trim()
    .toUpperCase()
    .replace(/^PERF\./, "");
  return FUNCTIONS.find((f) => f.name === bare);
}

/**
 * Evaluates one PERF function. Missing trailing arguments are omitted ones; more arguments
 * than parameters, or an unknown name, are `#VALUE!`. Throws PerfError for bad arguments
 * (`#VALUE!`) and missing data (`#N/A`); a spilled result may carry per-cell errors.
 *
 * @example evaluateFunction("SCORE", [85, 100, "higher", 80]) // 70
 */
export function evaluateFunction(name: string, args: Arg[]): Result {
  const def = findFunction(name);
  if (!def) throw invalid("unknown_function", { name });
  if (args.length > def.params.length) {
    throw invalid("too_many_args", { name: def.name, count: def.params.length });
  }
  const padded = def.params.map((_, i) => args[i]);
  return def.evaluate(padded);
}

/**
 * GRADE and DISTRIBUTE natively (SPEC §5). Literal grade and quota tables are read at build
 * time, and DISTRIBUTE's counts are worked out at build time by core itself for every
 * possible number of scored rows, so the sheet only ranks and looks the answer up.
 */
import { isPerfError } from "../../core/errors";
import { distributeForced } from "../../core/grading";
import { DEFAULTS } from "../../core/settings-defaults";
import type { TableEntry } from "../../core/tables";
import type { NativeCall, NativeFormula } from "../types";
import { cellCount, hasNonNumber, rangeOperand } from "./ranges";
import {
  elementOf,
  textOf,
  Guards,
  NA_ERROR,
  not,
  num,
  numberArg,
  readOperand,
  str,
  VALUE_ERROR,
} from "./operands";
import { readTable } from "./tables";

/** Nested IFs, highest minimum first (the first listed among equal minimums). */
function literalGrade(score: string, grades: TableEntry[]): string {
  const ordered = grades.map((g, i) => ({ g, i })).sort((a, b) => b.g.value - a.g.value || a.i - b.i);
  return ordered.reduceRight(
    (otherwise, { g }) => `IF(${score}>=${num(g.value)},${str(g.key)},${otherwise})`,
    VALUE_ERROR,
  );
}

/**
 * From a range table: the largest minimum ≤ score among rows with a key, then the key of the
 * first row holding that minimum.
 */
function rangeGrade(score: string, keys: string, values: string): string {
  const eligible = `(${keys}<>"")*(${values}<=${score})`;
  const best = `SUMPRODUCT(MAX(${eligible}*${values}-(1-${eligible})*1E+300))`;
  return `IF(SUMPRODUCT(${eligible})=0,${VALUE_ERROR},INDEX(${keys},MATCH(${best},${values},0)))`;
}

/** `GRADE(score, [grades])`: threshold mode. */
export function nativeGrade(call: NativeCall): NativeFormula {
  const score = numberArg(readOperand(call.args[0]));
  const table = readTable(readOperand(call.args[1]), "grades", DEFAULTS.grades);
  const guards = new Guards().add(score.bad).add(not(score.given), NA_ERROR);
  const body =
    table.kind === "invalid"
      ? VALUE_ERROR
      : table.kind === "literal"
        ? literalGrade(score.expr, table.entries)
        : rangeGrade(score.expr, table.keys, table.values);
  return { formula: guards.wrap(body) };
}

/** Excel's formula length limit. */
const MAX_FORMULA_LENGTH = 8192;

/**
 * For n = 1..maxRows scored rows, the 1-based first and last rank each grade takes when all
 * n scores differ (core's own distributeForced decides); 0 and -1 when it takes none.
 */
function rankSpans(maxRows: number, quotas: TableEntry[], grades?: TableEntry[]) {
  // A spilled call asks once per output row with the same tables: work it out once.
  const key = JSON.stringify([maxRows, quotas, grades]);
  const known = spanCache.get(key);
  if (known) return known;
  const spans = new Map<string, { first: number[]; last: number[] }>();
  for (let n = 1; n <= maxRows; n++) {
    const entries = Array.from({ length: n }, (_, k) => ({ id: String(k).padStart(12, "0"), score: n - k }));
    const byId = distributeForced(entries, quotas, grades);
    entries.forEach((e, k) => {
      const grade = byId.get(e.id)!;
      if (!spans.has(grade)) {
        spans.set(grade, { first: Array(maxRows).fill(0), last: Array(maxRows).fill(-1) });
      }
      const span = spans.get(grade)!;
      if (span.first[n - 1] === 0) span.first[n - 1] = k + 1;
      span.last[n - 1] = k + 1;
    });
  }
  if (spanCache.size > 32) spanCache.clear();
  spanCache.set(key, spans);
  return spans;
}

type RankSpans = Map<string, { first: number[]; last: number[] }>;
const spanCache = new Map<string, RankSpans>();

/**
 * `DISTRIBUTE(scores, [quotas], [grades])`: the grade of the output row's score. Its rank
 * (RANK: equal scores share the best rank, so a tie takes the better grade) is looked up in
 * the grade spans for n = COUNT(scores). Blank cells take no part and show #N/A.
 */
export function nativeDistribute(call: NativeCall): NativeFormula {
  const scoresOp = rangeOperand(readOperand(call.args[0]), "DISTRIBUTE", "scores");
  const quotasOp = readOperand(call.args[1]);
  const gradesOp = readOperand(call.args[2]);
  const quotas = readTable(quotasOp, "quotas", DEFAULTS.quotas);
  const grades = gradesOp.kind === "omitted" ? undefined : readTable(gradesOp, "grades", DEFAULTS.grades);
  if (quotas.kind === "range" || grades?.kind === "range") {
    throw new Error("DISTRIBUTE: the native form needs quotas and grades as literal text (S:10,A:20,…)");
  }
  if (quotas.kind === "invalid" || grades?.kind === "invalid") return { formula: VALUE_ERROR };
  const R = scoresOp.text;
  const maxRows = cellCount(scoresOp);
  let spans: RankSpans;
  try {
    spans = rankSpans(maxRows, quotas.entries, grades?.entries);
  } catch (e) {
    if (isPerfError(e)) return { formula: VALUE_ERROR };
    throw e;
  }
  const x = textOf(elementOf(scoresOp, call.row));
  const rank = `RANK(${x},${R},0)`;
  const n = `COUNT(${R})`;
  const array = (xs: number[]) => `{${xs.join(",")}}`;
  const lookup = [...spans].reduceRight(
    (otherwise, [grade, span]) =>
      `IF(AND(${rank}>=INDEX(${array(span.first)},${n}),${rank}<=INDEX(${array(span.last)},${n})),${str(grade)},${otherwise})`,
    NA_ERROR,
  );
  const formula = new Guards().add(hasNonNumber(R)).add(`ISBLANK(${x})`, NA_ERROR).wrap(lookup);
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new Error(`DISTRIBUTE: ${maxRows} rows make the native formula longer than Excel allows`);
  }
  return { formula };
}

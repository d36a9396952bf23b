/**
 * Thin wrappers read by custom-functions-metadata (namespace PERF, from the manifest). Each
 * one only forwards to the registry, where the function is defined; the descriptions and
 * parameter names here must match functions/defs (test/functions/wrappers.test.ts checks).
 */
import { isPerfError } from "../core/errors";
import { evaluateFunction } from "./registry";
import type { Arg, ResultCell, Scalar } from "./types";

/** A PerfError (or a per-cell error) as the Excel error value it stands for. */
function excelError(kind: "#VALUE!" | "#N/A", message: string): CustomFunctions.Error {
  const code =
    kind === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, message);
}

function evaluate(name: string, args: unknown[]) {
  try {
    return evaluateFunction(name, args as Arg[]);
  } catch (e) {
    if (isPerfError(e)) throw excelError(e.kind === "na" ? "#N/A" : "#VALUE!", e.message);
    throw e;
  }
}

const toCell = (cell: ResultCell): any =>
  cell !== null && typeof cell === "object" ? excelError(cell.error, cell.message) : cell;

/** A single-value function: Excel shows a blank result as an empty cell. */
function single(name: string, args: unknown[]): any {
  const result = evaluate(name, args);
  return Array.isArray(result) ? toCell(result[0]?.[0] ?? null) : (result as Scalar);
}

/** A spilling function always answers a range (1×1 for single values). */
function spill(name: string, args: unknown[]): any[][] {
  const result = evaluate(name, args);
  return Array.isArray(result) ? result.map((row) => row.map(toCell)) : [[result]];
}

/**
 * Scores a KPI: threshold gives 60, target 100, stretch the cap (120), linear in between, never below 0. Ranges spill one score per cell.
 * @customfunction SCORE
 * @param actual The actual value, or a range of them.
 * @param target The target value, or a range of them.
 * @param [direction] higher (default), lower or binary; also 正向, 反向, 是否.
 * @param [threshold] The threshold value (scores 60).
 * @param [stretch] The stretch value (scores the cap).
 * @param [cap] The highest score (default 120).
 * @returns The score, or one score per cell.
 */
export function score(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  threshold?: any[][],
  stretch?: any[][],
  cap?: any,
): any[][] {
  return spill("SCORE", [actual, target, direction, threshold, stretch, cap]);
}

/**
 * Weighted average of scores: the sum of weight × score divided by the sum of weights.
 * @customfunction WEIGHTED
 * @param scores The scores.
 * @param weights The weights, one per score.
 * @returns The weighted score.
 */
export function weighted(scores: any[][], weights: any[][]): any {
  return single("WEIGHTED", [scores, weights]);
}

/**
 * 360° feedback score from 0 to 100: the mean rating of each rater group, weighted by group, as a share of the rating scale.
 * @customfunction FEEDBACK
 * @param scores The ratings.
 * @param relationships The rater's relationship for each rating: self, manager, peer, subordinate, customer (本人, 上级, 同事, 下级, 客户).
 * @param [group_weights] Weight per group, e.g. manager:40,peer:30,subordinate:15,customer:15,self:0 (the default).
 * @param [scale] The highest rating (default 5).
 * @returns The 360° score.
 */
export function feedback(scores: any[][], relationships: any[][], group_weights?: any[][], scale?: any): any {
  return single("FEEDBACK", [scores, relationships, group_weights, scale]);
}

/**
 * Final score: KPI score and 360° score weighted (default 70/30), rounded to 2 decimals; without a 360° score, the KPI score.
 * @customfunction FINAL
 * @param kpi_score The KPI score.
 * @param feedback_score The 360° score (blank = none).
 * @param [kpi_weight] Weight of the KPI score (default 70%).
 * @param [feedback_weight] Weight of the 360° score (default 30%).
 * @returns The final score.
 */
export function final(kpi_score: any, feedback_score: any, kpi_weight?: any, feedback_weight?: any): any {
  return single("FINAL", [kpi_score, feedback_score, kpi_weight, feedback_weight]);
}

/**
 * Grade of a score in threshold mode: the grade with the highest minimum at or below the score.
 * @customfunction GRADE
 * @param score The final score.
 * @param [grades] Lowest score of each grade, e.g. S:90,A:80,B:70,C:60,D:0 (the default), or a 2-column range.
 * @returns The grade.
 */
export function grade(score: any, grades?: any[][]): any {
  return single("GRADE", [score, grades]);
}

/**
 * Forced distribution: ranks the scores and gives each grade its quota of people, best grade first; equal scores get the same grade. Spills one grade per cell.
 * @customfunction DISTRIBUTE
 * @param scores The final scores.
 * @param [quotas] Share of people per grade, best first, e.g. S:10,A:20,B:40,C:20,D:10 (the default), or a 2-column range.
 * @param [grades] Grade minimums such as S:90,A:80 to order the grades (optional).
 * @returns One grade per cell.
 */
export function distribute(scores: any[][], quotas?: any[][], grades?: any[][]): any[][] {
  return spill("DISTRIBUTE", [scores, quotas, grades]);
}

/**
 * Bonus without a pool: bonus base × the grade's coefficient, rounded to the rounding unit.
 * @customfunction BONUS
 * @param base The bonus base.
 * @param grade The grade.
 * @param [coefficients] Coefficient per grade, e.g. S:1.5,A:1.2,B:1.0,C:0.8,D:0 (the default), or a 2-column range.
 * @param [rounding] Round to a multiple of this (default 0.01).
 * @returns The bonus.
 */
export function bonus(base: any, grade: any, coefficients?: any[][], rounding?: any): any {
  return single("BONUS", [base, grade, coefficients, rounding]);
}

/**
 * Shares a bonus pool in proportion to raw amounts, rounded so the shares add up to the pool exactly (largest remainder). Spills one amount per cell.
 * @customfunction ALLOCATE
 * @param pool The bonus pool.
 * @param raw Raw amounts (base × coefficient).
 * @param [rounding] Round to a multiple of this (default 0.01).
 * @param [priority] Who gets a leftover unit first on equal remainders (e.g. final scores); then earlier rows.
 * @returns One amount per cell.
 */
export function allocate(pool: any, raw: any[][], rounding?: any, priority?: any[][]): any[][] {
  return spill("ALLOCATE", [pool, raw, rounding, priority]);
}

/**
 * Eisenhower quadrant of a task: Q1 important and urgent, Q2 important, Q3 urgent, Q4 neither.
 * @customfunction QUADRANT
 * @param importance Importance, 1 to 5.
 * @param urgency Urgency, 1 to 5.
 * @param [important_min] Importance from which a task is important (default 4).
 * @param [urgent_min] Urgency from which a task is urgent (default 4).
 * @returns Q1, Q2, Q3 or Q4.
 */
export function quadrant(importance: any, urgency: any, important_min?: any, urgent_min?: any): any {
  return single("QUADRANT", [importance, urgency, important_min, urgent_min]);
}

/**
 * Share of rows whose target is met (higher: actual ≥ target, lower: actual ≤ target); a blank actual is not met.
 * @customfunction COMPLETION
 * @param actuals The actual values.
 * @param targets The target values.
 * @param [directions] higher (default), lower or binary, for all rows or per row.
 * @returns The completion rate, 0 to 1.
 */
export function completion(actuals: any[][], targets: any[][], directions?: any[][]): any {
  return single("COMPLETION", [actuals, targets, directions]);
}

// custom-functions-metadata-plugin appends `CustomFunctions.associate(id, fn)` for every
// @customfunction above. Outside Excel (the task pane in a plain browser) there is no
// custom-functions runtime, so those calls get a stand-in that does nothing.
if (typeof CustomFunctions === "undefined") {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
}

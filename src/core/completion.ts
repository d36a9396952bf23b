/**
 * Whether targets are met (SPEC §9 COMPLETION, §9 SUMMARY completion_rate).
 */
import { invalid } from "./messages";
import type { Direction } from "./vocabulary";

/**
 * Met = the actual scores ≥ 100 on the plain curve (no threshold, no stretch): higher and
 * binary a ≥ T, lower a ≤ T.
 *
 * @example isTargetMet(3, 5, "lower") // true: 3 complaints against a target of at most 5
 */
export function isTargetMet(actual: number, target: number, direction: Direction = "higher"): boolean {
  return direction === "lower" ? actual <= target : actual >= target;
}

/**
 * The share (0..1) of rows whose target is met. A row with a blank (null) actual counts as
 * not met: the target is there and nothing shows it was reached. Directions default to
 * higher. No rows → `#VALUE!` (`no_rows`): a rate of nothing is not 0 %.
 *
 * @example completionRate([90, null, 120], [100, 100, 100]) // 1/3
 */
export function completionRate(
  actuals: (number | null)[],
  targets: number[],
  directions?: Direction[],
): number {
  if (actuals.length !== targets.length || (directions && directions.length !== targets.length)) {
    throw invalid("length_mismatch", {
      what: "completion",
      left: actuals.length,
      right: directions && directions.length !== targets.length ? directions.length : targets.length,
    });
  }
  if (targets.length === 0) throw invalid("no_rows", { what: "completion" });
  const met = targets.filter((target, i) => {
    const actual = actuals[i];
    return actual !== null && isTargetMet(actual, target, directions?.[i] ?? "higher");
  });
  return met.length / targets.length;
}

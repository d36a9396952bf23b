/**
 * KPI scoring (SPEC §4): the piecewise-linear curve through threshold → threshold_score,
 * target → 100 and stretch → max_score, floored at 0 and capped; and the employee's
 * weighted KPI score.
 */
import { invalid, missing } from "./messages";
import { DEFAULTS } from "./settings-defaults";
import { Direction, DIRECTIONS, matchWord } from "./vocabulary";

export interface Curve {
  target: number;
  /** Default `higher`. */
  direction?: Direction;
  threshold?: number | null;
  stretch?: number | null;
  /** The score at the stretch value and the highest score (`max_score`, default 120). */
  cap?: number;
  /** The score at the threshold value (`threshold_score`, default 60). */
  thresholdScore?: number;
}

const given = (x: number | null | undefined): x is number => x !== null && x !== undefined;

function checkFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw invalid("not_finite", { what });
}

/**
 * Throws a `#VALUE!` PerfError when the curve cannot score: target 0 without a threshold,
 * a negative target (the ratio formulas 100·a/T and 100·(2 − a/T) need T > 0; a binary KPI
 * only compares, so any target is fine there), a threshold or stretch on the wrong side of
 * the target, a cap below 100 or a threshold score outside [0, 100).
 */
export function validateCurve(curve: Curve): void {
  const direction = curve.direction ?? "higher";
  const { target, threshold, stretch } = curve;
  const cap = curve.cap ?? DEFAULTS.maxScore;
  const thresholdScore = curve.thresholdScore ?? DEFAULTS.thresholdScore;
  checkFinite(target, "target");
  if (given(threshold)) checkFinite(threshold, "threshold");
  if (given(stretch)) checkFinite(stretch, "stretch");
  checkFinite(cap, "cap");
  checkFinite(thresholdScore, "threshold score");
  if (cap < 100) throw invalid("bad_cap", { cap });
  if (thresholdScore < 0 || thresholdScore >= 100) throw invalid("bad_threshold_score", { thresholdScore });
  if (direction === "binary") return;
  if (target < 0) throw invalid("negative_target", { target });
  if (target === 0 && !given(threshold)) throw invalid("target_zero_needs_threshold", { target });
  // `worse(x)`: x lies on the failing side of the target for this direction.
  const worse = (x: number) => (direction === "higher" ? x < target : x > target);
  if (given(threshold) && !worse(threshold)) {
    throw invalid("threshold_wrong_side", { threshold, target, direction });
  }
  if (given(stretch) && (worse(stretch) || stretch === target)) {
    throw invalid("stretch_wrong_side", { stretch, target, direction });
  }
}

/**
 * The score of `actual` on the curve (SPEC §4), between 0 and the cap. With target 0 (only
 * allowed with a threshold) and no stretch, reaching the target exactly scores 100 and
 * going beyond it scores the cap: the ratio a/T is unbounded there.
 *
 * @example scoreKpi(85, { target: 100, threshold: 80 }) // 70 = 60 + 40·(85 − 80)/(100 − 80)
 * @example scoreKpi(90, { target: 100, direction: "lower" }) // 110 = 100·(2 − 90/100)
 */
export function scoreKpi(actual: number, curve: Curve): number {
  validateCurve(curve);
  checkFinite(actual, "actual");
  const direction = curve.direction ?? "higher";
  const cap = curve.cap ?? DEFAULTS.maxScore;
  const ts = curve.thresholdScore ?? DEFAULTS.thresholdScore;
  const { target: t, threshold: h, stretch: s } = curve;
  const clamp = (x: number) => Math.max(0, Math.min(cap, x));
  if (direction === "binary") return actual >= t ? 100 : 0;

  // Distance of the actual beyond the target, measured in the good direction.
  const higher = direction === "higher";
  const beyond = higher ? actual - t : t - actual;
  /** The no-threshold/no-stretch ratio line: 100·a/T (higher) or 100·(2 − a/T) (lower). */
  const ratio = () => {
    if (t === 0) return beyond === 0 ? 100 : beyond > 0 ? cap : 0;
    return higher ? (100 * actual) / t : 100 * (2 - actual / t);
  };
  if (beyond >= 0) {
    if (given(s)) return clamp(100 + ((cap - 100) * beyond) / Math.abs(s - t));
    return clamp(ratio());
  }
  if (given(h)) {
    const fromThreshold = higher ? actual - h : h - actual;
    if (fromThreshold < 0) return 0;
    return clamp(ts + ((100 - ts) * fromThreshold) / Math.abs(t - h));
  }
  return clamp(ratio());
}

/**
 * A direction as typed: blank means `higher`; English or Chinese words (正向, 越小越好, 是否…).
 *
 * @example parseDirection("反向") // "lower"
 */
export function parseDirection(text: unknown): Direction {
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) {
    return "higher";
  }
  const direction = typeof text === "string" ? knownDirection(text) : undefined;
  if (!direction) throw invalid("bad_direction", { value: String(text) });
  return direction;
}

/**
 * Directions already matched, by the text typed: a column of 100,000 scores repeats a handful
 * of words, and matching one normalises it (NFKC) every time. Bounded, since texts are user input.
 */
const directionOfText = new Map<string, Direction | undefined>();

function knownDirection(text: string): Direction | undefined {
  if (directionOfText.has(text)) return directionOfText.get(text);
  const direction = matchWord(text, DIRECTIONS);
  if (directionOfText.size >= 256) directionOfText.clear();
  directionOfText.set(text, direction);
  return direction;
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ. Weights are relative (they need not total 1) and must not be negative;
 * Σ w = 0 is an error.
 *
 * @example weightedScore([80, 100], [3, 1]) // 85
 */
export function weightedScore(scores: number[], weights: number[]): number {
  if (scores.length !== weights.length) {
    throw invalid("length_mismatch", { what: "weighted score", left: scores.length, right: weights.length });
  }
  let sumWeights = 0;
  let sumProducts = 0;
  scores.forEach((score, i) => {
    const weight = weights[i];
    checkFinite(score, "score");
    checkFinite(weight, "weight");
    if (weight < 0) throw invalid("negative_weight", { weight });
    sumWeights += weight;
    sumProducts += weight * score;
  });
  if (sumWeights === 0) throw invalid("zero_weights");
  return sumProducts / sumWeights;
}

/**
 * An employee's KPI score: the weighted score of their KPIs, where a KPI without an actual
 * (`score` null) is an error (`#N/A`, code `missing_actual`), scores 0, or is left out with
 * the remaining weights renormalised, per the `missing_actual` setting. Null when no KPI
 * is left to score (no KPIs, or every actual missing and excluded).
 */
export function employeeKpiScore(
  items: { score: number | null; weight: number }[],
  missingActual: "error" | "zero" | "exclude",
): number | null {
  const counted: { score: number; weight: number }[] = [];
  for (const item of items) {
    if (item.score !== null) counted.push({ score: item.score, weight: item.weight });
    else if (missingActual === "error") throw missing("missing_actual");
    else if (missingActual === "zero") counted.push({ score: 0, weight: item.weight });
  }
  if (counted.length === 0) return null;
  return weightedScore(
    counted.map((c) => c.score),
    counted.map((c) => c.weight),
  );
}

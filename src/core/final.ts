/**
 * The final score (SPEC §5): KPI and 360° scores weighted, rounded like Excel's ROUND(x, 2).
 */
import { invalid } from "./messages";
import { round2 } from "./rounding";
import { DEFAULTS } from "./settings-defaults";

export interface FinalScore {
  score: number;
  /** Set when there was no feedback and the final score is the KPI score alone. */
  warning?: "no_feedback";
}

/**
 * round₂((kw·kpi + fw·feedback) / (kw + fw)): the weights are normalised, so 70/30, 0.7/0.3
 * and 7/3 agree. No feedback (null) → the KPI score alone, with the `no_feedback` warning.
 *
 * @example finalScore(85, 90) // { score: 86.5 } = 0.7·85 + 0.3·90
 * @example finalScore(85, null) // { score: 85, warning: "no_feedback" }
 */
export function finalScore(
  kpiScore: number,
  feedback: number | null,
  kpiWeight: number = DEFAULTS.kpiWeight,
  feedbackWeight: number = DEFAULTS.feedbackWeight,
): FinalScore {
  for (const [what, x] of [
    ["KPI score", kpiScore],
    ["KPI weight", kpiWeight],
    ["feedback weight", feedbackWeight],
  ] as const) {
    if (!Number.isFinite(x)) throw invalid("not_finite", { what });
  }
  if (feedback === null) return { score: round2(kpiScore), warning: "no_feedback" };
  if (!Number.isFinite(feedback)) throw invalid("not_finite", { what: "feedback score" });
  if (kpiWeight < 0) throw invalid("negative_weight", { weight: kpiWeight });
  if (feedbackWeight < 0) throw invalid("negative_weight", { weight: feedbackWeight });
  const sum = kpiWeight + feedbackWeight;
  if (sum === 0) throw invalid("zero_weights");
  return { score: round2((kpiWeight * kpiScore + feedbackWeight * feedback) / sum) };
}

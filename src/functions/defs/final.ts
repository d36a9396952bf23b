import { finalScore } from "../../core/final";
import { toFraction } from "../../core/percent";
import { DEFAULTS } from "../../core/settings-defaults";
import type { Arg, PerfFunctionDef } from "../types";
import { cellNumber, requiredNumber, scalarOf } from "./args";

/** A weight as a fraction (70, 70% and 0.7 agree), or undefined when omitted. */
const weightArg = (arg: Arg, what: string) => {
  const value = cellNumber(scalarOf(arg, what), what);
  return value === undefined ? undefined : toFraction(value);
};

/**
 * FINAL (SPEC §5, §9): round₂ of the weighted KPI and 360° scores. A blank feedback score
 * means no feedback: the KPI score alone. When only one weight is given the other is its
 * complement (FINAL(k, f, 60%) weighs 60/40), otherwise the defaults 70/30 apply.
 */
export const FINAL: PerfFunctionDef = {
  name: "FINAL",
  description: {
    en: "Final score: KPI score and 360° score weighted (default 70/30), rounded to 2 decimals; without a 360° score, the KPI score.",
    zh: "总分：KPI 得分与 360° 得分加权（默认 70/30），保留两位小数；没有 360° 得分时为 KPI 得分。",
  },
  params: [
    { name: "kpi_score", description: { en: "The KPI score.", zh: "KPI 得分。" } },
    {
      name: "feedback_score",
      description: { en: "The 360° score (blank = none).", zh: "360° 得分（空 = 无）。" },
    },
    {
      name: "kpi_weight",
      description: { en: "Weight of the KPI score (default 70%).", zh: "KPI 得分权重（默认 70%）。" },
      optional: true,
    },
    {
      name: "feedback_weight",
      description: { en: "Weight of the 360° score (default 30%).", zh: "360° 得分权重（默认 30%）。" },
      optional: true,
    },
  ],
  spills: false,
  evaluate([kpiArg, feedbackArg, kpiWeightArg, feedbackWeightArg]) {
    const kpi = requiredNumber(kpiArg, "kpi_score");
    const feedback = cellNumber(scalarOf(feedbackArg, "feedback_score"), "feedback_score") ?? null;
    const kpiWeight = weightArg(kpiWeightArg, "kpi_weight");
    const feedbackWeight = weightArg(feedbackWeightArg, "feedback_weight");
    const weights =
      kpiWeight !== undefined && feedbackWeight !== undefined
        ? [kpiWeight, feedbackWeight]
        : kpiWeight !== undefined
          ? [kpiWeight, 1 - kpiWeight]
          : feedbackWeight !== undefined
            ? [1 - feedbackWeight, feedbackWeight]
            : [DEFAULTS.kpiWeight, DEFAULTS.feedbackWeight];
    return finalScore(kpi, feedback, weights[0], weights[1]).score;
  },
};

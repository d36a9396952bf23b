import { missing } from "../../core/messages";
import { weightedScore } from "../../core/scoring";
import type { PerfFunctionDef } from "../types";
import { cellNumber, isBlank, pairCells } from "./args";

/**
 * WEIGHTED (SPEC §4, §9): Σ w·s / Σ w over two parallel ranges. Weights are relative (3 and 1
 * weigh like 75% and 25%). Rows blank on both sides are skipped, so the ranges may run past
 * the data; a score without a weight or a weight without a score is missing data (#N/A).
 */
export const WEIGHTED: PerfFunctionDef = {
  name: "WEIGHTED",
  description: {
    en: "Weighted average of scores: the sum of weight × score divided by the sum of weights.",
    zh: "得分的加权平均：权重×得分之和除以权重之和。",
  },
  params: [
    { name: "scores", description: { en: "The scores.", zh: "得分区域。" }, range: true },
    {
      name: "weights",
      description: { en: "The weights, one per score.", zh: "权重区域，与得分一一对应。" },
      range: true,
    },
  ],
  spills: false,
  evaluate([scoresArg, weightsArg]) {
    const scores: number[] = [];
    const weights: number[] = [];
    for (const [scoreCell, weightCell] of pairCells(scoresArg, weightsArg, "WEIGHTED")) {
      if (isBlank(scoreCell) && isBlank(weightCell)) continue;
      const score = cellNumber(scoreCell, "score");
      const weight = cellNumber(weightCell, "weight");
      if (score === undefined) throw missing("missing_value", { what: "score" });
      if (weight === undefined) throw missing("missing_value", { what: "weight" });
      scores.push(score);
      weights.push(weight);
    }
    if (scores.length === 0) throw missing("no_rows", { what: "WEIGHTED" });
    return weightedScore(scores, weights);
  },
};

import { feedbackScore, Rating } from "../../core/feedback";
import { invalid, missing } from "../../core/messages";
import { DEFAULTS } from "../../core/settings-defaults";
import { parseGroupWeights } from "../../core/tables";
import { matchWord, RELATIONSHIPS } from "../../core/vocabulary";
import type { PerfFunctionDef } from "../types";
import { cellNumber, isBlank, isOmitted, optionalNumber, pairCells } from "./args";

/**
 * FEEDBACK (SPEC §5, §9): the 360° score 0–100 of one person from their ratings and the
 * raters' relationships (two parallel ranges). A row without a score is not a rating and is
 * skipped; a score without a relationship cannot be placed (#VALUE!). No rating that counts
 * → #N/A.
 */
export const FEEDBACK: PerfFunctionDef = {
  name: "FEEDBACK",
  description: {
    en: "360° feedback score from 0 to 100: the mean rating of each rater group, weighted by group, as a share of the rating scale.",
    zh: "360° 评价得分（0–100）：各评价组平均分按组加权后占评分量表的比例。",
  },
  params: [
    { name: "scores", description: { en: "The ratings.", zh: "评分区域。" }, range: true },
    {
      name: "relationships",
      description: {
        en: "The rater's relationship for each rating: self, manager, peer, subordinate, customer (本人, 上级, 同事, 下级, 客户).",
        zh: "每个评分的评价关系：本人、上级、同事、下级、客户。",
      },
      range: true,
    },
    {
      name: "group_weights",
      description: {
        en: "Weight per group, e.g. manager:40,peer:30,subordinate:15,customer:15,self:0 (the default).",
        zh: "各评价组权重，如 上级:40,同事:30,下级:15,客户:15,本人:0（默认）。",
      },
      optional: true,
      range: true,
    },
    {
      name: "scale",
      description: { en: "The highest rating (default 5).", zh: "评分量表最高分（默认 5）。" },
      optional: true,
    },
  ],
  spills: false,
  evaluate([scoresArg, relationshipsArg, weightsArg, scaleArg]) {
    const groupWeights = parseGroupWeights(isOmitted(weightsArg) ? DEFAULTS.groupWeights : weightsArg);
    const scale = optionalNumber(scaleArg, "scale", DEFAULTS.ratingScale);
    const ratings: Rating[] = [];
    for (const [scoreCell, relationshipCell] of pairCells(scoresArg, relationshipsArg, "FEEDBACK")) {
      const score = cellNumber(scoreCell, "rating");
      if (score === undefined) continue;
      const relationship = isBlank(relationshipCell)
        ? undefined
        : matchWord(String(relationshipCell), RELATIONSHIPS);
      if (!relationship) throw invalid("bad_relationship", { value: String(relationshipCell ?? "") });
      ratings.push({ relationship, score });
    }
    const score = feedbackScore(ratings, groupWeights, scale);
    if (score === null) throw missing("no_feedback");
    return score;
  },
};

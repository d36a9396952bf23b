import { distributeForced } from "../../core/grading";
import { DEFAULTS } from "../../core/settings-defaults";
import type { PerfFunctionDef, Scalar } from "../types";
import { cellNumber, isOmitted, spillCells, spillLike, tableArg } from "./args";

/**
 * DISTRIBUTE (SPEC §5 forced mode, §9): one grade per cell of the scores range, in its
 * shape. Always forced, whatever the number of rows: the function has no forced_min (the
 * workbook's Scorecard applies forced_min). Blank cells take no part and show #N/A. The
 * position in the range stands in for the employee id (earlier rows first among equal
 * scores, which only matters for the counts: equal scores always share a grade). Quotas are
 * relative (10,20,40,20,10 or 1,2,4,2,1) and list the best grade first, unless `grades` is
 * given, whose minimums then say which grade is better.
 */
export const DISTRIBUTE: PerfFunctionDef = {
  name: "DISTRIBUTE",
  description: {
    en: "Forced distribution: ranks the scores and gives each grade its quota of people, best grade first; equal scores get the same grade. Spills one grade per cell.",
    zh: "强制分布：按得分排序，按比例分配各等级人数，从最高等级开始；得分相同者等级相同。逐格输出等级。",
  },
  params: [
    { name: "scores", description: { en: "The final scores.", zh: "总分区域。" }, range: true },
    {
      name: "quotas",
      description: {
        en: "Share of people per grade, best first, e.g. S:10,A:20,B:40,C:20,D:10 (the default), or a 2-column range.",
        zh: "各等级人数比例（从高到低），如 S:10,A:20,B:40,C:20,D:10（默认），或两列区域。",
      },
      optional: true,
      range: true,
    },
    {
      name: "grades",
      description: {
        en: "Grade minimums such as S:90,A:80 to order the grades (optional).",
        zh: "各等级最低分（如 S:90,A:80），用于确定等级高低（可选）。",
      },
      optional: true,
      range: true,
    },
  ],
  spills: true,
  evaluate([scoresArg, quotasArg, gradesArg]) {
    const quotas = tableArg(quotasArg, "quotas", DEFAULTS.quotas);
    const grades = isOmitted(gradesArg) ? undefined : tableArg(gradesArg, "grades", DEFAULTS.grades);
    // Zero-padded positions sort like the rows they stand for.
    const idOf = (index: number) => String(index).padStart(12, "0");
    const entries = spillCells(scoresArg)
      .flat()
      .flatMap((cell, index) => {
        const score = cellNumber(cell, "score");
        return score === undefined ? [] : [{ id: idOf(index), score }];
      });
    const grade = distributeForced(entries, quotas, grades);
    const answers = new Map<number, Scalar>(entries.map((e) => [Number(e.id), grade.get(e.id)!]));
    return spillLike(scoresArg, answers, "score");
  },
};

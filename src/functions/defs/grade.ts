import { gradeByThreshold } from "../../core/grading";
import { DEFAULTS } from "../../core/settings-defaults";
import type { PerfFunctionDef } from "../types";
import { requiredNumber, tableArg } from "./args";

/** GRADE (SPEC §5 threshold mode, §9). */
export const GRADE: PerfFunctionDef = {
  name: "GRADE",
  description: {
    en: "Grade of a score in threshold mode: the grade with the highest minimum at or below the score.",
    zh: "按分数线评级：取最低分不高于该得分的最高等级。",
  },
  params: [
    { name: "score", description: { en: "The final score.", zh: "总分。" } },
    {
      name: "grades",
      description: {
        en: "Lowest score of each grade, e.g. S:90,A:80,B:70,C:60,D:0 (the default), or a 2-column range.",
        zh: "各等级最低分，如 S:90,A:80,B:70,C:60,D:0（默认），或两列区域。",
      },
      optional: true,
      range: true,
    },
  ],
  spills: false,
  evaluate([scoreArg, gradesArg]) {
    const score = requiredNumber(scoreArg, "score");
    return gradeByThreshold(score, tableArg(gradesArg, "grades", DEFAULTS.grades));
  },
};

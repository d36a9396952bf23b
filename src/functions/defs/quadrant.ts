import { DEFAULTS } from "../../core/settings-defaults";
import { quadrant } from "../../core/tasks/quadrant";
import type { PerfFunctionDef } from "../types";
import { optionalNumber, requiredNumber } from "./args";

/** QUADRANT (SPEC §7, §9). */
export const QUADRANT: PerfFunctionDef = {
  name: "QUADRANT",
  description: {
    en: "Eisenhower quadrant of a task: Q1 important and urgent, Q2 important, Q3 urgent, Q4 neither.",
    zh: "任务的四象限：Q1 重要且紧急，Q2 重要不紧急，Q3 紧急不重要，Q4 都不是。",
  },
  params: [
    { name: "importance", description: { en: "Importance, 1 to 5.", zh: "重要性（1–5）。" } },
    { name: "urgency", description: { en: "Urgency, 1 to 5.", zh: "紧急性（1–5）。" } },
    {
      name: "important_min",
      description: {
        en: "Importance from which a task is important (default 4).",
        zh: "重要性阈值（默认 4）。",
      },
      optional: true,
    },
    {
      name: "urgent_min",
      description: { en: "Urgency from which a task is urgent (default 4).", zh: "紧急性阈值（默认 4）。" },
      optional: true,
    },
  ],
  spills: false,
  evaluate([importanceArg, urgencyArg, importantMinArg, urgentMinArg]) {
    return quadrant(
      requiredNumber(importanceArg, "importance"),
      requiredNumber(urgencyArg, "urgency"),
      optionalNumber(importantMinArg, "important_min", DEFAULTS.importantMin),
      optionalNumber(urgentMinArg, "urgent_min", DEFAULTS.urgentMin),
    );
  },
};
